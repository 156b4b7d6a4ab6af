#!/usr/bin/env bash
# Adds a migration NAME for both providers (each keeps its own set: Data/Migrations/Sqlite and /Postgres).
#   scripts/add-migration.sh AddCampaigns
#   scripts/add-migration.sh --reset     # drop every migration and generate one Initial (only before a release)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
name="${1:?usage: scripts/add-migration.sh NAME | --reset}"
if [ "$name" = "--reset" ]; then
  rm -rf src/Kaohe/Data/Migrations
  name=Initial
fi
dotnet build src/Kaohe -c Debug -v q -nologo >/dev/null
for ctx in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --project src/Kaohe --context "${ctx}KaoheDbContext" \
    --output-dir "Data/Migrations/$ctx" >/dev/null
  echo "added $name for $ctx"
done
