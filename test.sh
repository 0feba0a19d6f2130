#!/usr/bin/env bash
# Runs every test: unit, integration (SQLite and PostgreSQL) and browser (Chromium).
# Needs: the .NET 10 SDK, Node.js/npm, PostgreSQL 15 server binaries and Chromium (/usr/bin/chromium).
# A PostgreSQL server is started for the tests unless OPENISMS_TEST_POSTGRES already names one.
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${OPENISMS_TEST_POSTGRES:-}" ]; then
  eng/test-postgres.sh start
  export OPENISMS_TEST_POSTGRES="Host=127.0.0.1;Port=${OPENISMS_PG_PORT:-55432};Username=openisms_test;Password=openisms_test;Database=postgres"
fi

dotnet tool restore >/dev/null
dotnet build OpenIsms.slnx -c Release -m:1 --nologo -v q
dotnet test OpenIsms.slnx -c Release --no-build --nologo "$@"
