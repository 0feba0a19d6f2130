#!/usr/bin/env bash
# Runs every test: unit, integration (SQLite and PostgreSQL) and browser (Chromium).
# Needs: the .NET 10 SDK, Node.js/npm, PostgreSQL 15 server binaries and Chromium (/usr/bin/chromium).
# A PostgreSQL server is started for the tests unless OPENISMS_TEST_POSTGRES already names one, and an SMTP server
# (maildev, from npm) unless OPENISMS_TEST_SMTP does (then OPENISMS_TEST_MAILDEV names its web API).
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${OPENISMS_TEST_POSTGRES:-}" ]; then
  eng/test-postgres.sh start
  export OPENISMS_TEST_POSTGRES="Host=127.0.0.1;Port=${OPENISMS_PG_PORT:-55432};Username=openisms_test;Password=openisms_test;Database=postgres"
fi

if [ -z "${OPENISMS_TEST_SMTP:-}" ]; then
  eng/maildev.sh start
  export OPENISMS_TEST_SMTP="127.0.0.1:${OPENISMS_SMTP_PORT:-55025}"
  export OPENISMS_TEST_MAILDEV="http://127.0.0.1:${OPENISMS_MAILDEV_PORT:-55080}"
fi

dotnet tool restore >/dev/null
dotnet build OpenIsms.slnx -c Release -m:1 --nologo -v q
dotnet test OpenIsms.slnx -c Release --no-build --nologo "$@"
