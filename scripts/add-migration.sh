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
# The start-up check compares the database with these ids (src/Kaohe/Data/NewestMigration.cs; a test checks them).
for ctx in Sqlite Postgres; do
  id=$(ls "src/Kaohe/Data/Migrations/$ctx" | grep -E '^[0-9]{14}_[A-Za-z0-9]+\.cs$' | sort | tail -1)
  sed -i "s/public const string $ctx = \".*\";/public const string $ctx = \"${id%.cs}\";/" src/Kaohe/Data/NewestMigration.cs
done
