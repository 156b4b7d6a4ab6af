#!/usr/bin/env bash
# Runs every test of Kaohe on this machine, as CI does: installs what a fresh Debian machine lacks
# (Chromium, CJK fonts, poppler, PostgreSQL), starts a throwaway PostgreSQL on 127.0.0.1 for the
# data tests, runs the whole solution's tests, stops what it started, and ends with the line
#   tests: N passed, N failed
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "$(fc-list 'Noto Sans CJK SC' 2>/dev/null || true)" ] || missing+=(fonts-noto-cjk)
[ -f /usr/share/fonts/truetype/arphic/uming.ttc ] || missing+=(fonts-arphic-uming)   # the notice PDF's embedded font
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
[ -x /bin/kill ] || [ -x /usr/bin/kill ] || missing+=(procps)   # the CLI tests signal a running kaohe (Ctrl+C, SIGKILL)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

pgdir=$(mktemp -d /tmp/kaohe-pg.XXXXXX)
log=$(mktemp /tmp/kaohe-test.XXXXXX.log)
cleanup() { scripts/pg-test-server.sh stop "$pgdir"; rm -rf "$pgdir"; }
trap cleanup EXIT
KAOHE_TEST_PG=$(scripts/pg-test-server.sh start "$pgdir")
export KAOHE_TEST_PG
echo "== PostgreSQL for data tests: $KAOHE_TEST_PG"

status=0
# Built in parallel, tested one project after the other, so the browser tests do not share the two cores with
# the data tests (a stall at sign-in first looked like that; it was not: docs/testing.md, "The sign-in stall").
{ dotnet build Kaohe.slnx -c Release -nologo -v q && dotnet test Kaohe.slnx -c Release --no-build -m:1; } 2>&1 | tee "$log" || status=$?

# Layout and code style, as .editorconfig states them (the build already enforces the analyzers).
if ! dotnet format Kaohe.slnx --verify-no-changes --no-restore >/dev/null 2>&1; then
  echo "== dotnet format found files to reformat: run 'dotnet format Kaohe.slnx'"
  status=1
fi

# dotnet prints one summary per test project: "Passed!  - Failed:     0, Passed:    37, Skipped: ..."
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1   # a build failure counts as a failure
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
