#!/usr/bin/env bash
# Starts (or stops) a throw-away SMTP server for the integration tests: maildev, from npm (eng/maildev/package-lock.json),
# taking mail on 127.0.0.1:${OPENISMS_SMTP_PORT:-55025} and showing it through its REST API on
# http://127.0.0.1:${OPENISMS_MAILDEV_PORT:-55080}/api/email. Mail is kept in memory only; stopping it forgets every mail.
set -euo pipefail
cd "$(dirname "$0")/maildev"
smtp=${OPENISMS_SMTP_PORT:-55025}
web=${OPENISMS_MAILDEV_PORT:-55080}
dir=${OPENISMS_MAILDEV_DIR:-${TMPDIR:-/tmp}/openisms-test-maildev}
pidfile=$dir/maildev.pid

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
# Asked with node itself (its fetch), so the script needs nothing beyond what maildev needs.
answers() { node -e "fetch('http://127.0.0.1:$web/api/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; }

case "${1:-start}" in
  start)
    if running && answers; then exit 0; fi
    command -v npm >/dev/null || { echo "npm not found (install the 'nodejs' and 'npm' packages)" >&2; exit 1; }
    node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
      || { echo "maildev needs Node.js 20 or later; this is $(node --version)" >&2; exit 1; }
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error >/dev/null
    fi
    mkdir -p "$dir"
    nohup node_modules/.bin/maildev --smtp "$smtp" --ip 127.0.0.1 --web "$web" --web-ip 127.0.0.1 --mail-directory "$dir/mail" --silent \
      >"$dir/maildev.log" 2>&1 </dev/null &
    echo $! >"$pidfile"
    for _ in $(seq 1 100); do
      if answers; then echo "maildev test SMTP server on 127.0.0.1:$smtp, its API on http://127.0.0.1:$web"; exit 0; fi
      running || break
      sleep 0.2
    done
    echo "maildev did not start; its log:" >&2
    cat "$dir/maildev.log" >&2
    exit 1
    ;;
  stop)
    if running; then kill "$(cat "$pidfile")"; fi
    rm -f "$pidfile"
    ;;
esac
