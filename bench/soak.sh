#!/usr/bin/env bash
# The soak (bench/README.md, "Soak"): mixed traffic against the Release service on a throwaway PostgreSQL for
# 10 minutes at about 80% of saturation. Not part of CI. Prints the requests per kind and status, the unexpected
# answers, the 5xx, the service's RSS every 10 s with a verdict on flat memory, and checks the database against
# what the answers said was written. Exits non-zero when a criterion fails.
#
#   bench/soak.sh            saturation of the mix first (short unpaced run), then SOAK_SECONDS at SOAK_LOAD of it;
#                            writes bench/results/<date>-soak.md (or SOAK_OUT)
#   bench/soak.sh --smoke    a few seconds of each step on a Debug build: proves the script works; writes nothing
#
# Tunables (environment): SOAK_SECONDS (600), SOAK_LOAD (0.8), SOAK_CONNECTIONS (16), SOAK_WARMUP_SECONDS (20),
# SOAK_CALIBRATE_SECONDS (40), SOAK_RATE (requests/s: skips the saturation run), SOAK_RSS_INTERVAL (10 s),
# SOAK_RSS_WINDOW (180 s: memory is flat when the last window's peak ≤ the first window's peak + SOAK_RSS_TOLERANCE %),
# SOAK_RSS_TOLERANCE (10), SOAK_SEED, SOAK_OUT.
# On a shared machine run it under the benchmark lock: flock /tmp/bench.lock bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SMOKE=0
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=1 ;;
    *) echo "usage: bench/soak.sh [--smoke]" >&2; exit 2 ;;
  esac
done

if [ "$SMOKE" -eq 1 ]; then
  CONFIG=Debug; SECONDS_SOAK=${SOAK_SECONDS:-9}; WARMUP=${SOAK_WARMUP_SECONDS:-3}; CALIBRATE=${SOAK_CALIBRATE_SECONDS:-4}
  RSS_INTERVAL=${SOAK_RSS_INTERVAL:-1}; RSS_WINDOW=${SOAK_RSS_WINDOW:-3}
else
  CONFIG=Release; SECONDS_SOAK=${SOAK_SECONDS:-600}; WARMUP=${SOAK_WARMUP_SECONDS:-20}; CALIBRATE=${SOAK_CALIBRATE_SECONDS:-40}
  RSS_INTERVAL=${SOAK_RSS_INTERVAL:-10}; RSS_WINDOW=${SOAK_RSS_WINDOW:-180}
fi
LOAD=${SOAK_LOAD:-0.8}
CONNECTIONS=${SOAK_CONNECTIONS:-16}
RSS_TOLERANCE=${SOAK_RSS_TOLERANCE:-10}
SEED=${SOAK_SEED:-$RANDOM}
[ $((RSS_WINDOW * 2)) -le "$SECONDS_SOAK" ] || RSS_WINDOW=$((SECONDS_SOAK / 3))

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORK=$(mktemp -d /tmp/invoicing-soak.XXXXXX)
chmod 755 "$WORK"
PIDS=()
PG_DIR=""
PG_BIN=""

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# The helpers below are those of bench/run.sh (throwaway PostgreSQL, the service started as in production).
cleanup() {
  local pid
  # On a failure, the service's log outlives the work directory, for the report.
  [ "${KEEP_LOG:-0}" -eq 1 ] && [ -f "$WORK/service.log" ] && cp "$WORK/service.log" "/tmp/soak-service-$$.log" && log "The service's log: /tmp/soak-service-$$.log"
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  stop_postgres
  rm -rf "$WORK"
}
trap cleanup EXIT

# as_pg, free_port, wait_ready
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

# --- tools ---------------------------------------------------------------------------------------------------------
missing=()
for tool in wrk jq curl psql; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ "${#missing[@]}" -gt 0 ]; then
  log "Installing ${missing[*]} (Debian packages) …"
  export DEBIAN_FRONTEND=noninteractive
  packages=("${missing[@]/psql/postgresql-client}")
  apt-get update -qq && apt-get install -y -qq "${packages[@]}" >/dev/null || die "apt-get install ${packages[*]}"
fi
find_postgres

# --- build ---------------------------------------------------------------------------------------------------------
log "Building the service ($CONFIG) …"
build_service "$CONFIG"

# --- PostgreSQL ----------------------------------------------------------------------------------------------------
log "Starting a throwaway PostgreSQL …"
start_postgres invoicing_soak -c max_connections=200
sql() { psql -qAt -h 127.0.0.1 -p "$PG_PORT" -U postgres -d invoicing_soak -c "$1"; }
PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=invoicing_soak;Maximum Pool Size=64"

# --- the service ---------------------------------------------------------------------------------------------------
# Production settings (JSON request log to a file), from its output folder (it reads appsettings*.json from there);
# the per-key rate limit lifted, as in bench/run.sh: the soak loads the pipeline, not the limiter.
WEBHOOKS_KEY=$(head -c 32 /dev/urandom | base64)
service_env() { # command…
  cd "$WEB_DIR" || exit 1
  exec env ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres ConnectionStrings__Invoicing="$PG_CONNECTION" \
    Webhooks__SecretKey="$WEBHOOKS_KEY" RateLimits__Test__PermitsPerSecond=1000000 RateLimits__Test__Burst=1000000 "$@"
}
KEY=$( (service_env dotnet "$WEB_DLL" keys create --environment test --name soak) 2>"$WORK/keys.err" | tail -1)
[[ "$KEY" == sk_test_* ]] || { cat "$WORK/keys.err"; die "keys create did not print a key"; }
PORT=$(free_port)
SVC="http://127.0.0.1:$PORT"
SERVICE_LOG="$WORK/service.log"
service_env dotnet "$WEB_DLL" --urls "$SVC" >"$SERVICE_LOG" 2>&1 &
SERVICE_PID=$!
PIDS+=("$SERVICE_PID")
wait_ready "$SVC" "$SERVICE_PID" 60 || { tail -20 "$SERVICE_LOG"; die "the service did not become ready"; }

api() { # method path [body] [extra curl args…]
  curl -fsS -X "$1" "$SVC$2" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' ${3:+--data "$3"} "${@:4}"
}

# --- fixtures, through the API -------------------------------------------------------------------------------------
log "Fixtures: two counterparties, an invoice whose number the duplicates reuse, a paid invoice, an idempotent create …"
ORIGINATING=$(api POST /v1/counterparties '{"name":"Soak Originating"}' | jq -r .id)
RECEIVING=$(api POST /v1/counterparties '{"name":"Soak Receiving"}' | jq -r .id)
fixture() { # number
  printf '{"amount_cents":5000,"invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"%s","originating_counterparty_id":"%s","receiving_counterparty_id":"%s"}' \
    "$1" "$ORIGINATING" "$RECEIVING"
}
DUP_NUMBER=SOAK-DUPLICATE
api POST /v1/invoices "$(fixture "$DUP_NUMBER")" >/dev/null
PAID_ID=$(api POST /v1/invoices "$(fixture SOAK-PAID)" | jq -r .id)
[ "$(api POST "/v1/invoices/$PAID_ID/pay" | jq -r .status)" = paid ] || die "could not pay the fixture invoice"
IDEM_KEY="soak-idempotent-$SEED"
IDEM_BODY=$(fixture SOAK-IDEMPOTENT)
api POST /v1/invoices "$IDEM_BODY" -H "Idempotency-Key: $IDEM_KEY" >/dev/null
[ -n "$ORIGINATING" ] && [ "$ORIGINATING" != null ] && [ -n "$PAID_ID" ] && [ "$PAID_ID" != null ] || die "fixtures"
export SOAK_KEY="$KEY" SOAK_ORIGINATING="$ORIGINATING" SOAK_RECEIVING="$RECEIVING" SOAK_PAID_ID="$PAID_ID" \
  SOAK_DUP_NUMBER="$DUP_NUMBER" SOAK_IDEM_KEY="$IDEM_KEY" SOAK_IDEM_BODY="$IDEM_BODY" SOAK_SEED="$SEED"

# What the database holds; compared after the runs with what the 2xx answers said they wrote.
db_counts() {
  sql "SELECT (SELECT count(*) FROM invoices), (SELECT count(*) FROM invoices WHERE status = 'paid'),
              (SELECT count(*) FROM invoices WHERE status = 'void'), (SELECT count(*) FROM counterparties),
              (SELECT count(*) FROM events WHERE type = 'invoice.created'), (SELECT count(*) FROM events WHERE type = 'invoice.paid'),
              (SELECT count(*) FROM events WHERE type = 'invoice.voided'), (SELECT count(*) FROM events WHERE type = 'counterparty.created')" \
    | tr '|' ' '
}
read -r DB0_INV DB0_PAID DB0_VOID DB0_CP DB0_EV_CREATED DB0_EV_PAID DB0_EV_VOIDED DB0_EV_CP < <(db_counts)

# --- the runs ------------------------------------------------------------------------------------------------------
field() { sed -E "s/.* $2=([0-9.]+).*/\1/" <<<"$1"; }
declare -A SUM=([requests]=0 [unexpected]=0 [status5xx]=0 [socket_errors]=0 [invoices]=0 [paid]=0 [voided]=0 [counterparties]=0
  [in_flight]=0 [in_flight_invoices]=0 [in_flight_paid]=0 [in_flight_voided]=0 [in_flight_counterparties]=0)
soak_run() { # name seconds rate → RESULT (the SOAKRESULT line); the full output in $WORK/wrk-<name>.txt
  local out="$WORK/wrk-$1.txt" result name
  SOAK_RUN="s$SEED-$1" SOAK_RATE="$3" wrk -t1 -c"$CONNECTIONS" -d"$2s" --timeout 10s --latency \
    -s "$ROOT/bench/scripts/soak.lua" "$SVC" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed ($1)"; }
  result=$(grep '^SOAKRESULT ' "$out") || { cat "$out" >&2; die "no result from wrk ($1)"; }
  for name in "${!SUM[@]}"; do SUM[$name]=$((SUM[$name] + $(field "$result" "$name"))); done
  log "  $1: ${result#SOAKRESULT }"
  RESULT=$result
}

log "Warm-up: ${WARMUP} s of the mix, unpaced, $CONNECTIONS connections …"
soak_run warmup "$WARMUP" 0; WARM_RESULT=$RESULT
if [ -n "${SOAK_RATE:-}" ]; then
  RATE=$SOAK_RATE; SATURATION="not measured (SOAK_RATE given)"
  CAL_RESULT=""
else
  log "Saturation: ${CALIBRATE} s of the mix, unpaced, $CONNECTIONS connections …"
  soak_run saturation "$CALIBRATE" 0; CAL_RESULT=$RESULT
  SATURATION=$(field "$CAL_RESULT" rps)
  RATE=$(awk -v s="$SATURATION" -v l="$LOAD" 'BEGIN { printf "%.1f", s * l }')
  SATURATION="$SATURATION req/s"
fi

log "Soak: ${SECONDS_SOAK} s at $RATE req/s ($LOAD of saturation), RSS every ${RSS_INTERVAL} s …"
RSS_FILE="$WORK/rss.tsv"
rss_kib() { awk '$1 == "VmRSS:" { print $2 }' "/proc/$SERVICE_PID/status" 2>/dev/null; }
SOAK_START=$(date +%s)
(
  while kill -0 "$SERVICE_PID" 2>/dev/null; do
    printf '%s\t%s\n' $(($(date +%s) - SOAK_START)) "$(rss_kib)" >>"$RSS_FILE"
    sleep "$RSS_INTERVAL"
  done
) &
SAMPLER_PID=$!
PIDS+=("$SAMPLER_PID")
soak_run soak "$SECONDS_SOAK" "$RATE"; SOAK_RESULT=$RESULT
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
printf '%s\t%s\n' $(($(date +%s) - SOAK_START)) "$(rss_kib)" >>"$RSS_FILE"
kill -0 "$SERVICE_PID" 2>/dev/null || die "the service died during the soak"
curl -fsS -o /dev/null "$SVC/health/ready" || die "the service is not ready after the soak"

# --- verdicts ------------------------------------------------------------------------------------------------------
FAILURES=()
ACHIEVED=$(field "$SOAK_RESULT" rps)

# Memory: the RSS samples, first and last windows.
read -r RSS_FIRST RSS_PEAK RSS_LAST RSS_FIRST_MAX RSS_LAST_MAX < <(awk -F'\t' -v w="$RSS_WINDOW" -v d="$SECONDS_SOAK" '
  NR == 1 { first = $2 } { last = $2; if ($2 > peak) peak = $2 }
  $1 <= w && $2 > fmax { fmax = $2 } $1 >= d - w && $2 > lmax { lmax = $2 }
  END { printf "%d %d %d %d %d\n", first / 1024, peak / 1024, last / 1024, fmax / 1024, lmax / 1024 }' "$RSS_FILE")
RSS_LIMIT=$((RSS_FIRST_MAX + RSS_FIRST_MAX * RSS_TOLERANCE / 100))
if [ "$RSS_LAST_MAX" -le "$RSS_LIMIT" ]; then
  MEMORY="flat: the last ${RSS_WINDOW} s peaked at $RSS_LAST_MAX MB ≤ the first ${RSS_WINDOW} s' peak $RSS_FIRST_MAX MB + ${RSS_TOLERANCE}% ($RSS_LIMIT MB)"
else
  MEMORY="GROWING: the last ${RSS_WINDOW} s peaked at $RSS_LAST_MAX MB > the first ${RSS_WINDOW} s' peak $RSS_FIRST_MAX MB + ${RSS_TOLERANCE}% ($RSS_LIMIT MB)"
  # A few seconds of smoke measure start-up, not a trend: reported, not failed.
  [ "$SMOKE" -eq 1 ] || FAILURES+=("memory is not flat")
fi
RSS_SERIES=$(awk -F'\t' '{ printf "%s%d s: %d", (NR > 1 ? ", " : ""), $1, $2 / 1024 } END { print "" }' "$RSS_FILE")

[ "${SUM[unexpected]}" -eq 0 ] || FAILURES+=("${SUM[unexpected]} unexpected answers")
[ "${SUM[status5xx]}" -eq 0 ] || FAILURES+=("${SUM[status5xx]} answers were 5xx")
[ "${SUM[socket_errors]}" -eq 0 ] || FAILURES+=("${SUM[socket_errors]} socket errors or timeouts")
[ "$(field "$SOAK_RESULT" requests)" -gt 0 ] || FAILURES+=("the soak completed no request")

# The database against the answers: every 2xx create/batch/pay/void wrote exactly its rows and events, nothing
# else was written (not by a 4xx, not by an idempotent replay), no number is stored twice. wrk stops at the end of a
# run without waiting for the answers still in flight (at most one per connection); those requests may have written
# or not, so the database may hold up to their rows more than the answers say, never fewer.
read -r DB1_INV DB1_PAID DB1_VOID DB1_CP DB1_EV_CREATED DB1_EV_PAID DB1_EV_VOIDED DB1_EV_CP < <(db_counts)
check() { # label stored-by-answers in-database [in-flight]
  local extra=${4:-0} range=$2
  [ "$extra" -eq 0 ] || range="$2 … $(($2 + extra))"
  if [ "$3" -ge "$2" ] && [ "$3" -le $(($2 + extra)) ]; then DB_LINES+=("| $1 | $range | $3 | ok |")
  else DB_LINES+=("| $1 | $range | $3 | **MISMATCH** |"); FAILURES+=("database: $1 $3, expected $range"); fi
}
DB_LINES=()
check "invoices created" "${SUM[invoices]}" $((DB1_INV - DB0_INV)) "${SUM[in_flight_invoices]}"
check "invoice.created events" "${SUM[invoices]}" $((DB1_EV_CREATED - DB0_EV_CREATED)) "${SUM[in_flight_invoices]}"
check "invoices paid" "${SUM[paid]}" $((DB1_PAID - DB0_PAID)) "${SUM[in_flight_paid]}"
check "invoice.paid events" "${SUM[paid]}" $((DB1_EV_PAID - DB0_EV_PAID)) "${SUM[in_flight_paid]}"
check "invoices voided" "${SUM[voided]}" $((DB1_VOID - DB0_VOID)) "${SUM[in_flight_voided]}"
check "invoice.voided events" "${SUM[voided]}" $((DB1_EV_VOIDED - DB0_EV_VOIDED)) "${SUM[in_flight_voided]}"
check "counterparties created" "${SUM[counterparties]}" $((DB1_CP - DB0_CP)) "${SUM[in_flight_counterparties]}"
check "counterparty.created events" "${SUM[counterparties]}" $((DB1_EV_CP - DB0_EV_CP)) "${SUM[in_flight_counterparties]}"
check "invoices of refused requests" 0 "$(sql "SELECT count(*) FROM invoices WHERE invoice_number ~ '^s[0-9]+-[a-z]+-(bad[0-9]+|m|w|k|t|idem)-[0-9]+$'")"
check "invoice numbers stored twice" 0 "$(sql "SELECT count(*) FROM (SELECT 1 FROM invoices GROUP BY environment, originating_counterparty_id, invoice_number HAVING count(*) > 1) d")"

# The service's own log: no Error or Fatal line (a 500 logs one) except two kinds that are understood:
# - "aborted": a line of a request that its client abandoned, logged 499 (cancelled in the database; the service's
#   filter and EF Core log that at Error): wrk stops at the end of each run without waiting for the requests in
#   flight. Every line logged during a request carries its Request-Id as RequestId (EF Core's and the framework's
#   too), so a line belongs to an aborted request when it has the RequestId of a 499 line;
# - "unique": EF Core logs at Error every failed command and SaveChanges, even when the service catches the unique
#   violation (SqlState 23505) and answers normally, as the idempotency store does on every repeat of an
#   Idempotency-Key (it inserts its claim first, then reads what is there). Both lines of one request share the
#   RequestId. Those answers were checked like the others (expected status and body).
grep -E '"Level":"(Error|Fatal)"|"StatusCode":499' "$SERVICE_LOG" >"$WORK/log-errors.json" || true
# Prints each Error/Fatal line's class, then the unexplained lines themselves (shortened).
LOG_CLASSIFY='split("\n") | map(fromjson? // empty) as $lines
  | [$lines[] | select(.Properties.StatusCode == 499) | .Properties.RequestId] as $aborted
  | [$lines[] | select(.Properties.EventId.Name == "Microsoft.EntityFrameworkCore.Update.SaveChangesFailed"
      and ((.Exception // .RenderedMessage // "") | test("23505"))) | .Properties.RequestId] as $unique
  | [$lines[] | select(.Level == "Error" or .Level == "Fatal")
      | .Properties.RequestId as $id
      | (if $id != null and ($aborted | index($id)) then "aborted"
         elif ((.Properties.SourceContext // "") | startswith("Microsoft.EntityFrameworkCore")) and ($unique | index($id)) then "unique"
         else "other" end) as $class
      | {class: $class, line: {Timestamp, SourceContext: .Properties.SourceContext, RequestPath: .Properties.RequestPath,
          RequestId: $id, RenderedMessage: ((.RenderedMessage // "") | .[0:300]), Exception: ((.Exception // "") | .[0:300])}}]'
LOG_CLASSES=$(jq -R -s -r "$LOG_CLASSIFY"' | "\(map(select(.class == "aborted")) | length) \(map(select(.class == "unique")) | length) \(map(select(.class == "other")) | length)"' "$WORK/log-errors.json")
read -r LOG_ABORTED LOG_UNIQUE LOG_OTHER <<<"$LOG_CLASSES"
[ "$LOG_OTHER" -eq 0 ] || FAILURES+=("$LOG_OTHER Error/Fatal lines in the service's log")
grep -q '"StatusCode":201' "$SERVICE_LOG" || FAILURES+=("the service wrote no JSON request log")

# --- the report ----------------------------------------------------------------------------------------------------
kind_table() { # wrk output file
  echo "| kind | expected | statuses seen (status×count) | unexpected |"
  echo "|---|---:|---|---:|"
  awk -F'\t' '$1 == "KIND" { printf "| %s | %s | %s | %d |\n", $2, $3, $4, $5 }' "$1"
}
statuses_seen() { # wrk output file: all statuses summed over the kinds
  awk -F'\t' '$1 == "KIND" { n = split($4, parts, " "); for (i = 1; i <= n; i++) { split(parts[i], sc, "×"); s[sc[1]] += sc[2] } }
    END { for (k in s) printf "%s×%d\n", k, s[k] }' "$1" | sort -n | paste -sd' '
}
run_line() { # label result
  [ -n "$2" ] || return 0
  echo "| $1 | $(field "$2" seconds) | $(field "$2" requests) | $(field "$2" rps) | $(field "$2" p50_ms) | $(field "$2" p99_ms) | $(field "$2" max_ms) | $(field "$2" unexpected) | $(field "$2" status5xx) | $(field "$2" socket_errors) |"
}
VERDICT=$([ ${#FAILURES[@]} -eq 0 ] && echo "PASSED" || echo "FAILED: $(printf '%s; ' "${FAILURES[@]}")")
MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM"
REPORT=$(cat <<EOF
# Soak $(date -u +%Y-%m-%dT%H:%MZ)$([ "$SMOKE" -eq 1 ] && echo " (smoke: not a measurement)")

- Machine: $MACHINE, host \`$(hostname)\`; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)
- .NET $(dotnet --version), PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }'), $(wrk -v 2>&1 | head -1 | awk '{ print $1, $2 }'); build $CONFIG; commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')
- The mix (\`bench/scripts/soak.lua\`, seed $SEED), wrk 1 thread, $CONNECTIONS connections: warm-up ${WARMUP} s unpaced; saturation
  ${CALIBRATE} s unpaced: **$SATURATION**; soak **${SECONDS_SOAK} s paced at $RATE req/s** ($LOAD of saturation), achieved **$ACHIEVED req/s**

**Verdict: $VERDICT**

| run | s | requests | req/s | p50 ms | p99 ms | max ms | unexpected | 5xx | socket errors |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
$(run_line warm-up "$WARM_RESULT")
$(run_line saturation "$CAL_RESULT")
$(run_line soak "$SOAK_RESULT")

## The soak's answers per kind

Statuses seen: $(statuses_seen "$WORK/wrk-soak.txt")

$(kind_table "$WORK/wrk-soak.txt")
$(grep -h '^SAMPLE' "$WORK"/wrk-*.txt | head -20 | sed -E 's/^SAMPLE\t/- unexpected: /')

## Memory (RSS of the service, MB)

First $RSS_FIRST, peak $RSS_PEAK, last $RSS_LAST. Verdict: $MEMORY.

Samples every ${RSS_INTERVAL} s (s: MB): $RSS_SERIES

## The database after all runs (warm-up, saturation, soak) against the 2xx answers

Requests still in flight when wrk stopped (no answer counted; they may or may not have written): ${SUM[in_flight]}.

| what | the answers say (+ in flight) | the database holds | |
|---|---:|---:|---|
$(printf '%s\n' "${DB_LINES[@]}")

## The service's log

Error/Fatal lines: **$LOG_OTHER unexplained**; $LOG_ABORTED for requests aborted when wrk stopped (logged 499);
$LOG_UNIQUE EF Core lines for unique violations the service handled (idempotent repeats; see \`soak.sh\`).
$( [ "$LOG_OTHER" -eq 0 ] || { echo; jq -R -s -c "$LOG_CLASSIFY"' | .[] | select(.class == "other") | .line' "$WORK/log-errors.json" | head -5 | sed 's/^/    /'; })
EOF
)

echo "$REPORT"
if [ "$SMOKE" -eq 0 ]; then
  FILE=${SOAK_OUT:-bench/results/$(date -u +%Y-%m-%d)-soak.md}
  mkdir -p "$(dirname "$FILE")"
  echo "$REPORT" >"$FILE"
  log "Written to $FILE"
fi
[ ${#FAILURES[@]} -eq 0 ] || { KEEP_LOG=1; die "$(printf '%s; ' "${FAILURES[@]}")"; }
log "Soak passed."
