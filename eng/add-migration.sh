#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets.
# Usage: eng/add-migration.sh AddRisks
set -euo pipefail
name=${1:?usage: eng/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql; do
  project=src/OpenIsms.Migrations.$provider
  dotnet restore "$project" >/dev/null
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
