#!/usr/bin/env bash
# Hostile-input fuzzing at volume (issue 8): the same property test as CI (tests/Invoicing.IntegrationTests/HostileInput),
# with 100 000 generated requests instead of 3 000 (two thirds on PostgreSQL, one third on SQLite). Not part of CI.
#
#   bench/fuzz.sh                      100 000 cases, a new seed (printed)
#   FUZZ_CASES=20000 bench/fuzz.sh     fewer
#   FUZZ_SEED=123 bench/fuzz.sh        replay a run; add FUZZ_CASE=i to replay one case of it
#
# Prints one summary line per provider (cases, seed, statuses and codes seen, read-backs, replays, failures) and the
# failing cases with their replay command; exits non-zero if any case failed. Runs under /tmp/bench.lock, like the
# other heavy jobs on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CI=true
export INVOICING_FUZZ_CASES="${FUZZ_CASES:-100000}"
[ -n "${FUZZ_SEED:-}" ] && export INVOICING_FUZZ_SEED="$FUZZ_SEED"
[ -n "${FUZZ_CASE:-}" ] && export INVOICING_FUZZ_CASE="$FUZZ_CASE"
report=$(mktemp /tmp/invoicing-fuzz.XXXXXX)
export INVOICING_FUZZ_REPORT="$report"
trap 'rm -f "$report"' EXIT

status=0
flock /tmp/bench.lock dotnet test tests/Invoicing.IntegrationTests -c Release \
  --filter "FullyQualifiedName~Invoicing.IntegrationTests.HostileInput.HostileInputTests" >"$report.log" 2>&1 || status=$?
cat "$report"
if [ "$status" -ne 0 ]; then
  tail -n 40 "$report.log" >&2
  echo "bench/fuzz.sh: failures (dotnet test exited $status)" >&2
fi
rm -f "$report.log"
exit "$status"
