#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the integration tests on 127.0.0.1:${OPENISMS_PG_PORT:-55432},
# with a role openisms_test that may create databases (each test class makes its own) and end sessions in them.
set -euo pipefail
port=${OPENISMS_PG_PORT:-55432}
dir=${OPENISMS_PG_DIR:-/tmp/openisms-test-pg}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (install the 'postgresql' package)" >&2; exit 1; }

run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

case "${1:-start}" in
  start)
    if run "$bin/pg_ctl -D $dir status" >/dev/null 2>&1; then exit 0; fi
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres "$dir"
      run "$bin/initdb -D $dir -A trust -U postgres --no-sync" >/dev/null
    fi
    run "$bin/pg_ctl -D $dir -l $dir/server.log -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off' -w start" >/dev/null
    run "$bin/psql -h 127.0.0.1 -p $port -U postgres -tAc \"SELECT 1 FROM pg_roles WHERE rolname='openisms_test'\"" | grep -q 1 \
      || run "$bin/psql -h 127.0.0.1 -p $port -U postgres -c \"CREATE ROLE openisms_test LOGIN CREATEDB PASSWORD 'openisms_test'\"" >/dev/null
    # DROP DATABASE ... WITH (FORCE) must be able to end an autovacuum worker that happens to be in the database.
    run "$bin/psql -h 127.0.0.1 -p $port -U postgres -c \"GRANT pg_signal_backend TO openisms_test\"" >/dev/null
    echo "PostgreSQL test server on 127.0.0.1:$port"
    ;;
  stop)
    run "$bin/pg_ctl -D $dir -m fast stop" >/dev/null || true
    ;;
esac
