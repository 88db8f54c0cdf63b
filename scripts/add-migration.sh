#!/usr/bin/env bash
# Adds the migration NAME for every provider with EF's own tooling (docs/decisions/0028). For one provider:
#   dotnet ef migrations add NAME --project src/Migrations/<Sqlite|Postgres|SqlServer>
# Each migrations project is its own startup project: its DesignTimeContextFactory configures the context as the service does.
# Then each provider's compiled model is made again (scripts/optimize-model.sh, docs/decisions/0046).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres SqlServer; do
  dotnet restore "src/Migrations/$provider" >/dev/null # dotnet ef reads the project's assets before it builds
  dotnet ef migrations add "$name" --project "src/Migrations/$provider"
done
scripts/optimize-model.sh
