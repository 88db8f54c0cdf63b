#!/usr/bin/env bash
# The performance harness (bench/README.md): the service against a raw-ADO.NET baseline on the same machine, in the
# same run, alternated A B A B. One table to stdout and to bench/results/<date>-<machine>.md.
#
#   bench/run.sh            the full run (about 13 minutes on 2 cores)
#   bench/run.sh --smoke    a few seconds per scenario: proves the harness works (CI); fails only if it breaks
#
# Tunables (environment): BENCH_DURATION (s per measured run), BENCH_CONNECTIONS, BENCH_ROUNDS (A B pairs),
# BENCH_RSS_DURATION (s per saturation run), BENCH_LIST_ROWS, BENCH_OUT (results file),
# BENCH_ONLY (comma-separated parts to run while iterating: lists,micro,get,post,batch,same-work,rss,sqlite,cold; default all;
# profile (only when named: dotnet-trace of the service under POST (or BENCH_PROFILE_SCRIPT) load, then perf on-CPU samples and strace's system calls per request where installed; BENCH_PROFILE_SECONDS, BENCH_PROFILE_OUT,
#   BENCH_PROFILE_SCRIPT=post.lua|batch.lua);
# same-work = POST and batch of the service against the same-work baseline only), BENCH_WARMUP (s per side).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SMOKE=0
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=1 ;;
    *) echo "usage: bench/run.sh [--smoke]" >&2; exit 2 ;;
  esac
done

if [ "$SMOKE" -eq 1 ]; then
  # Debug: `dotnet test` has just built it in CI, and the smoke proves the harness, not the numbers.
  CONFIG=Debug; DURATION=${BENCH_DURATION:-2}; WARMUP=1; ROUNDS=${BENCH_ROUNDS:-1}; RSS_DURATION=${BENCH_RSS_DURATION:-2}
  LIST_ROWS=${BENCH_LIST_ROWS:-20000}; LIST_ITERATIONS=20; COLD_RUNS=1; MICRO_JOB=Dry
else
  CONFIG=Release; DURATION=${BENCH_DURATION:-10}; WARMUP=${BENCH_WARMUP:-15}; ROUNDS=${BENCH_ROUNDS:-2}; RSS_DURATION=${BENCH_RSS_DURATION:-60}
  LIST_ROWS=${BENCH_LIST_ROWS:-1000000}; LIST_ITERATIONS=200; COLD_RUNS=5; MICRO_JOB=Short
fi
CONNECTIONS=${BENCH_CONNECTIONS:-16}
# A batch of 1000 takes long enough that a short run would not complete one.
BATCH_DURATION=$((DURATION < 8 ? 8 : DURATION))
LIST_DEEP=$((LIST_ROWS * 9 / 10))

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORK=$(mktemp -d /tmp/invoicing-bench.XXXXXX)
chmod 755 "$WORK"
RESULTS="$WORK/results.tsv" # scenario side round rps p50 p99 cpu pg_cpu round_trips statements
mkdir -p "$WORK/statements"
: >"$RESULTS"
PIDS=()
PG_DIR=""
PG_BIN=""

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; KEEP_WORK=1; exit 1; }
want() { [ -z "${BENCH_ONLY:-}" ] || [[ ",$BENCH_ONLY," == *",$1,"* ]]; }

cleanup() {
  local pid
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  stop_postgres
  if [ "${KEEP_WORK:-0}" -eq 1 ]; then
    log "Logs kept for diagnosis in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

# as_pg, free_port, wait_ready
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

# --- tools ---------------------------------------------------------------------------------------------------------
missing=()
for tool in wrk jq curl; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
# ss (round trips per request) and ps (PostgreSQL's processes) come from iproute2 and procps.
command -v ss >/dev/null 2>&1 || missing+=(iproute2)
command -v ps >/dev/null 2>&1 || missing+=(procps)
if [ "${#missing[@]}" -gt 0 ]; then
  log "Installing ${missing[*]} (Debian packages) …"
  export DEBIAN_FRONTEND=noninteractive
  for attempt in 1 2 3 4 5 6; do
    if apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; then break; fi
    log "apt-get failed (attempt $attempt; dpkg lock?); retrying in 10 s"; sleep 10
  done
  for tool in wrk jq curl ss ps; do command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed"; done
fi
find_postgres

# --- build (Release) -----------------------------------------------------------------------------------------------
log "Building ($CONFIG) …"
projects=(src/Web/Invoicing.Web.csproj bench/Baseline/Invoicing.Bench.Baseline.csproj)
want lists && projects+=(bench/Lists/Invoicing.Bench.csproj)
want micro && projects+=(bench/Micro/Invoicing.Bench.Micro.csproj)
for project in "${projects[@]}"; do
  dotnet build -c "$CONFIG" -v q -nologo "$project" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "build of $project"; }
done
WEB_DIR="$ROOT/src/Web/bin/$CONFIG/net10.0"
WEB_DLL="$WEB_DIR/Invoicing.Web.dll"
BASELINE_DLL="$ROOT/bench/Baseline/bin/$CONFIG/net10.0/Invoicing.Bench.Baseline.dll"
[ -f "$WEB_DIR/appsettings.json" ] || die "no appsettings.json beside the service"
[ -f "$WEB_DLL" ] && [ -f "$BASELINE_DLL" ] || die "build outputs not found ($WEB_DLL, $BASELINE_DLL)"
# Cold start measures what ships: src/Web/Dockerfile publishes self-contained, ReadyToRun composite, and starts
# ./Invoicing.Web, so a full run publishes the same way once (linux-x64) and starts that. The scenarios run the plain
# Release build, as the baselines do; BENCH_SERVICE_BUILD=published runs them on the published one too (issue 19: its
# peak RSS is higher, bench/README.md). The smoke run starts the Debug build (it proves the harness, not the numbers,
# and CI has just built it).
SERVICE_DIR=$WEB_DIR; SERVICE_CMD=(dotnet "$WEB_DLL"); SERVICE_BUILD="$CONFIG build"
COLD_DIR=$SERVICE_DIR; COLD_CMD=("${SERVICE_CMD[@]}"); COLD_BUILD=$SERVICE_BUILD
if [ "$SMOKE" -eq 0 ] && { want cold || [ "${BENCH_SERVICE_BUILD:-build}" = published ]; }; then
  log "Publishing the service as src/Web/Dockerfile does (self-contained, ReadyToRun composite) …"
  dotnet publish src/Web/Invoicing.Web.csproj -c Release -o "$WORK/publish" -r linux-x64 --self-contained true \
    -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -v q -nologo >"$WORK/publish.log" 2>&1 \
    || { cat "$WORK/publish.log"; die "the publish"; }
  COLD_DIR="$WORK/publish"; COLD_CMD=("$COLD_DIR/Invoicing.Web"); COLD_BUILD="Release, published as src/Web/Dockerfile does"
  if [ "${BENCH_SERVICE_BUILD:-build}" = published ]; then
    SERVICE_DIR=$COLD_DIR; SERVICE_CMD=("${COLD_CMD[@]}"); SERVICE_BUILD=$COLD_BUILD
  fi
fi

# --- helpers to start the two sides --------------------------------------------------------------------------------
# Production settings (JSON request log on stdout, to a file), rate limits lifted: the harness measures the
# pipeline, not the per-key limit.
# The service reads appsettings*.json from its working directory (README: run it from its own folder), so it runs
# in its build output folder: without that it would have no Serilog sinks and would log nothing.
# Production refuses to start without the key that encrypts webhook secrets: a throwaway one per run.
WEBHOOKS_KEY=$(head -c 32 /dev/urandom | base64)
service_env() { # provider connection command… (exec: run in the background, $! is the service's own pid)
  cd "${APP_DIR:-$SERVICE_DIR}" || exit 1
  exec env ASPNETCORE_ENVIRONMENT=Production Database__Provider="$1" ConnectionStrings__Invoicing="$2" \
    Webhooks__SecretKey="$WEBHOOKS_KEY" RateLimits__Test__PermitsPerSecond=1000000 RateLimits__Test__Burst=1000000 "${@:3}"
}

create_key() { # provider connection
  (service_env "$1" "$2" "${SERVICE_CMD[@]}" keys create --environment test --name bench) 2>"$WORK/keys.err" | tail -1
}

start_service() { # provider connection port
  local perfmap=()
  # Without W^X the JIT-compiled code is mapped once, where perf finds the map's addresses (the double mapping hides it).
  [ -n "${BENCH_ONLY:-}" ] && want profile && perfmap=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
  service_env "$1" "$2" "${perfmap[@]}" "${SERVICE_CMD[@]}" --urls "http://127.0.0.1:$3" >>"$WORK/service-$1.log" 2>&1 &
  SERVICE_PID=$!
  PIDS+=("$SERVICE_PID")
  wait_ready "http://127.0.0.1:$3" "$SERVICE_PID" 60 || { tail -20 "$WORK/service-$1.log"; die "the service did not become ready"; }
}

start_baseline() { # provider connection port key
  exec_baseline() { exec dotnet "$BASELINE_DLL" "$@"; }
  exec_baseline --urls "http://127.0.0.1:$3" --Baseline:Provider="$1" --Baseline:ConnectionString="$2" --Baseline:Key="$4" \
    >>"$WORK/baseline-$1.log" 2>&1 &
  BASELINE_PID=$!
  PIDS+=("$BASELINE_PID")
  wait_ready "http://127.0.0.1:$3" "$BASELINE_PID" 60 || { tail -20 "$WORK/baseline-$1.log"; die "the baseline did not become ready"; }
}

stop() { # pid
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

api() { # method url key [body]
  curl -fsS -X "$1" "$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+--data "$4"}
}

RUN_COUNTER=0
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
CLK_TCK=$(getconf CLK_TCK)
# wrk: one thread, fixed connections, fixed duration; records "scenario side round rps p50 p99 cpu-ms-per-request"
# (CPU time of the side's process over the run / requests: less sensitive to other load on the machine than req/s).
measure() { # scenario side round url script connections seconds [record=1]
  local scenario=$1 side=$2 round=$3 url=$4 script=$5 connections=$6 seconds=$7 record=${8:-1} output result pid ticks prefix=""
  RUN_COUNTER=$((RUN_COUNTER + 1))
  pid=$([ "$side" = service ] && echo "$SERVICE_PID" || echo "$BASELINE_PID")
  [ "$side" = same-work ] && prefix=/same-work
  local pg_ticks=0 segs=0
  if [ "$record" -eq 1 ] && [ -n "${PG_PORT_ACTIVE:-}" ]; then
    settle
    pg_sql "SELECT pg_stat_statements_reset()" >/dev/null
    socket_segments "$pid" >"$WORK/segments.before"; pg_ticks=$(pg_cpu_ticks)
  fi
  ticks=$(cpu_ticks "$pid")
  output=$(BENCH_SCRIPTS="$ROOT/bench/scripts" BENCH_RUN="$scenario-$side-$RUN_COUNTER-$$" BENCH_PREFIX="$prefix" \
    wrk -t1 -c"$connections" -d"${seconds}s" --timeout 30s --latency -s "$ROOT/bench/scripts/$script" "$url" 2>&1) \
    || { echo "$output" >&2; die "wrk failed for $scenario ($side)"; }
  ticks=$(($(cpu_ticks "$pid") - ticks))
  local pg_cpu=– round_trips=– statements=–
  if [ "$record" -eq 1 ] && [ -n "${PG_PORT_ACTIVE:-}" ]; then
    pg_ticks=$(($(pg_cpu_ticks) - pg_ticks)); socket_segments "$pid" >"$WORK/segments.after"
    segs=$(round_trips_between "$WORK/segments.before" "$WORK/segments.after")
  fi
  result=$(grep '^RESULT ' <<<"$output") || { echo "$output" >&2; die "no result from wrk for $scenario ($side)"; }
  local requests non2xx socket
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")
  non2xx=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$result")
  socket=$(sed -E 's/.*socket_errors=([0-9]+).*/\1/' <<<"$result")
  [ "$requests" -gt 0 ] || [ "$record" -eq 0 ] || die "$scenario ($side): no request completed"
  [ "$non2xx" -eq 0 ] || { [ "$side" = service ] && grep -h -E '"StatusCode":[45]|"Level":"(Error|Fatal)"' "$WORK"/service-*.log | tail -5 >&2
    die "$scenario ($side): $non2xx answers were not 2xx"; }
  [ "$socket" -eq 0 ] || die "$scenario ($side): $socket socket errors"
  if [ "$record" -eq 1 ]; then
    local cpu
    cpu=$(awk -v t="$ticks" -v r="$requests" -v hz="$CLK_TCK" 'BEGIN { printf "%.3f", 1000 * t / hz / r }')
    if [ -n "${PG_PORT_ACTIVE:-}" ]; then
      pg_cpu=$(awk -v t="$pg_ticks" -v r="$requests" -v hz="$CLK_TCK" 'BEGIN { printf "%.3f", 1000 * t / hz / r }')
      round_trips=$(awk -v s="$segs" -v r="$requests" 'BEGIN { printf "%.2f", s / r }')
      # Statements per request by statement (normalised text), this run only; psql's own reset/read excluded.
      pg_sql "SELECT calls, regexp_replace(left(query, 110), '\\s+', ' ', 'g') FROM pg_stat_statements
              WHERE query NOT LIKE '%pg_stat_statements%' AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                AND userid = (SELECT oid FROM pg_roles WHERE rolname = '$([ "$side" = service ] && echo postgres || echo baseline)')
              ORDER BY calls DESC" | awk -F'|' -v r="$requests" '{ printf "%.2f\t%s\n", $1 / r, $2 }' \
        >"$WORK/statements/$scenario|$side|$round"
      statements=$(awk -F'\t' '{ s += $1 } END { printf "%.2f", s }' "$WORK/statements/$scenario|$side|$round")
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$side" "$round" \
      "$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$result")" \
      "$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$result")" \
      "$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$result")" "$cpu" "$pg_cpu" "$round_trips" "$statements" >>"$RESULTS"
    log "  $scenario $side round $round: $result cpu_ms_per_request=$cpu postgres_cpu_ms_per_request=$pg_cpu round_trips=$round_trips statements=$statements"
  fi
}

# Warm every side, then service, platform[, same-work], service, platform[, same-work] … (the baselines are one process:
# the platform's endpoints and, under /same-work/, the same-work baseline's).
# Before each recorded run on PostgreSQL, the background work the runs before left behind is done: the service's webhook
# worker has fanned out every event (also the same-work baseline's: it takes them off undispatched_events, ADR 0047) and
# no autovacuum worker is busy; then a CHECKPOINT. Without it a side's 10-s run paid for the run before it (one full run
# had the COPY baseline's PostgreSQL CPU at 11 ms per batch in one round and 59 ms in the next). Waits 30 s at most.
settle() {
  local i
  for i in $(seq 1 60); do
    [ "$(pg_sql "SELECT (SELECT count(*) FROM undispatched_events) + (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker')")" = 0 ] && break
    sleep 0.5
  done
  pg_sql "CHECKPOINT" >/dev/null
}

alternate() { # scenario script connections service_url baseline_url [seconds] [sides, default "service platform"]
  local seconds=${6:-$DURATION} round side
  local sides=${7:-service platform}
  for side in $sides; do
    measure "$1" "$side" 0 "$([ "$side" = service ] && echo "$4" || echo "$5")" "$2" "$3" "$WARMUP" 0
  done
  for round in $(seq 1 "$ROUNDS"); do
    for side in $sides; do
      measure "$1" "$side" "$round" "$([ "$side" = service ] && echo "$4" || echo "$5")" "$2" "$3" "$seconds"
    done
  done
}

# Database round trips of one process, at the wire, the same way for every side whatever its driver does: per PostgreSQL
# socket of the process, the data segments it sent (client writes) and received (server flushes), from `ss`. A round
# trip is at least one of each; pipelined messages (a BEGIN or DISCARD ALL sent with the next statement, a batch) add
# server flushes (one per Sync), a COPY's streamed rows add client writes, so the smaller of the two counts the round
# trips. Per socket, so that a pooled connection closed during the run does not subtract; a socket opened during the
# run counts from zero. Loopback with TCP_NODELAY: one segment per write of up to 32 KB.
socket_segments() { # pid → "local-port sent received" per socket
  ss -tinpH state established "( dport = :$PG_PORT )" 2>/dev/null | awk -v pid="pid=$1," '
    index($0, pid) { split($3, a, ":"); port = a[length(a)]; next }
    /users:\(/ { port = ""; next }
    port != "" { o = 0; i = 0
      if (match($0, / data_segs_out:[0-9]+/)) o = substr($0, RSTART + 15, RLENGTH - 15)
      if (match($0, / data_segs_in:[0-9]+/)) i = substr($0, RSTART + 14, RLENGTH - 14)
      print port, o, i; port = "" }'
}
round_trips_between() { # before-file after-file → round trips in the run
  awk 'NR == FNR { o[$1] = $2; i[$1] = $3; next }
       { so += $2 - o[$1]; si += $3 - i[$1] } END { print (so < si ? so : si) + 0 }' "$1" "$2"
}

# CPU of the whole PostgreSQL server: the postmaster, its live children, and its exited children (cutime/cstime).
# Read again when the postmaster reaped a child while its live children were summed: that child's time would be in
# neither (an autovacuum worker ending at that moment once took tens of seconds out of a run's count).
pg_cpu_ticks() {
  local pm child total before after attempt
  pm=$(head -1 "$PG_DIR/data/postmaster.pid")
  for attempt in 1 2 3 4 5; do
    before=$(awk '{ print $16 + $17 }' "/proc/$pm/stat")
    total=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat")
    for child in $(ps -o pid= --ppid "$pm"); do
      total=$((total + $(cpu_ticks "$child")))
    done
    after=$(awk '{ print $16 + $17 }' "/proc/$pm/stat")
    [ "$before" = "$after" ] && break
  done
  echo "$total"
}

pg_sql() { psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U postgres -d invoicing_bench -c "$1"; }

# The fixtures a scenario needs, created through the service's own API: two counterparties and one invoice.
prepare_data() { # service_url key
  BENCH_ORIGINATING=$(api POST "$1/v1/counterparties" "$2" '{"name":"Bench Originating"}' | jq -r .id)
  BENCH_RECEIVING=$(api POST "$1/v1/counterparties" "$2" '{"name":"Bench Receiving"}' | jq -r .id)
  BENCH_INVOICE_ID=$(api POST "$1/v1/invoices" "$2" \
    "{\"amount_cents\":1000,\"invoice_date\":\"2026-11-01\",\"invoice_due_date\":\"2026-12-01\",\"invoice_number\":\"BENCH-GET\",\"originating_counterparty_id\":\"$BENCH_ORIGINATING\",\"receiving_counterparty_id\":\"$BENCH_RECEIVING\"}" | jq -r .id)
  [ -n "$BENCH_INVOICE_ID" ] && [ "$BENCH_INVOICE_ID" != null ] || die "could not create the fixtures through the service"
  export BENCH_KEY="$2" BENCH_ORIGINATING BENCH_RECEIVING BENCH_INVOICE_ID
}

# The same-work baseline must store what the service stores (issue 19): one invoice and a batch of two through each,
# then every invoice row equal but for its id, number and times, each event's row alike, and each event's data byte for
# byte the service's own GET of its invoice (the outbox stores the invoice as the API renders it, docs/decisions/0015).
check_same_work() { # service_url baseline_url key
  local body batch n ids id columns
  body() { printf '{"amount_cents":125000,"discount_amount_cents":2500,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"%s","note":"bench","metadata":{"b":"2","a":"1","gone":""},"originating_counterparty_id":"%s","receiving_counterparty_id":"%s"}' "$1" "$BENCH_ORIGINATING" "$BENCH_RECEIVING"; }
  ids=()
  ids+=("$(api POST "$1/v1/invoices" "$3" "$(body CHECK-SVC-1)" | jq -r .id)")
  ids+=("$(api POST "$2/same-work/v1/invoices" "$3" "$(body CHECK-SAME-1)" | jq -r .id)")
  ids+=($(api POST "$1/v1/invoices/batch" "$3" "[$(body CHECK-SVC-2),$(body CHECK-SVC-3)]" | jq -r '.[].id'))
  ids+=($(api POST "$2/same-work/v1/invoices/batch" "$3" "[$(body CHECK-SAME-2),$(body CHECK-SAME-3)]" | jq -r '.[].id'))
  [ "${#ids[@]}" -eq 6 ] || die "the same-work check could not create its invoices (${ids[*]})"
  columns="environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, note, originating_counterparty_id, receiving_counterparty_id, metadata, created_at = updated_at, paid_at, voided_at"
  n=$(pg_sql "SELECT count(DISTINCT ($columns)) FROM invoices WHERE invoice_number LIKE 'CHECK-%'")
  [ "$n" = 1 ] || { pg_sql "SELECT $columns FROM invoices WHERE invoice_number LIKE 'CHECK-%'" >&2; die "the same-work baseline's invoice rows differ from the service's"; }
  n=$(pg_sql "SELECT count(DISTINCT (e.environment, e.type, e.previous_attributes, e.created_at = i.created_at)) FROM invoices i JOIN events e ON e.data::jsonb->>'id' = i.id::text WHERE i.invoice_number LIKE 'CHECK-%'")
  [ "$n" = 1 ] || die "the same-work baseline's event rows differ from the service's"
  for id in "${ids[@]}"; do
    diff <(curl -fsS -H "Authorization: Bearer $3" "$1/v1/invoices/$id"; echo) \
      <(pg_sql "SELECT data FROM events WHERE data::jsonb->>'id' = '$id' AND type = 'invoice.created'") >&2 \
      || die "the event of $id is not the service's GET of its invoice byte for byte"
  done
  log "Same-work check: the service's and the same-work baseline's rows and events agree (6 invoices)"
}

rss_kib() { awk -v f="$2" '$1 == f":" { print $2 }' "/proc/$1/status"; }

# The self-contained parts first, so that the service/baseline comparisons run last (the latest, often quietest,
# minutes of a run on a shared machine).
# --- lists (bench/Lists, in-process through the service's pipeline) -----------------------------------------------
LIST_TABLE="(not run)"; LIST_RATIO="–"; LIST_NUMBER_RATIO="–"; LIST_CREATED_RATIO="–"
if want lists; then
log "Lists: $LIST_ROWS invoices, deep page after $LIST_DEEP …"
dotnet run -c "$CONFIG" --no-build --project bench/Lists -- --rows "$LIST_ROWS" --deep "$LIST_DEEP" --iterations "$LIST_ITERATIONS" >"$WORK/lists.log" 2>&1 \
  || { cat "$WORK/lists.log"; die "the lists benchmark"; }
LIST_TABLE=$(grep -E '^\|' "$WORK/lists.log")
LIST_RATIO=$(grep -m1 -E '^deep / first \(first page, limit 10\)' "$WORK/lists.log" | sed -E 's/.*: ([0-9.]+)×/\1/')
[ -n "$LIST_RATIO" ] || { cat "$WORK/lists.log"; die "no ratio from the lists benchmark"; }
LIST_NUMBER_RATIO=$(grep -m1 -E '^deep / first \(invoice_number of the newest invoice\)' "$WORK/lists.log" | sed -E 's/.*: ([0-9.]+)×/\1/')
LIST_CREATED_RATIO=$(grep -m1 -E '^deep / first \(first page, created range, limit 10\)' "$WORK/lists.log" | sed -E 's/.*: ([0-9.]+)×/\1/')
fi

# --- micro-benchmarks (BenchmarkDotNet, in process) ----------------------------------------------------------------
MICRO_TABLE="(not run)"
if want micro; then
log "Micro-benchmarks (BenchmarkDotNet, job $MICRO_JOB) …"
dotnet run -c "$CONFIG" --no-build --project bench/Micro -- --filter '*' --job "$MICRO_JOB" --artifacts "$WORK/bdn" >"$WORK/micro.log" 2>&1 \
  || { tail -40 "$WORK/micro.log"; die "the micro-benchmarks"; }
MICRO_TABLE=$(cat "$WORK"/bdn/results/*-report-github.md 2>/dev/null) || { tail -40 "$WORK/micro.log"; die "no micro-benchmark report"; }
fi

# --- PostgreSQL ----------------------------------------------------------------------------------------------------
log "Starting a throwaway PostgreSQL …"
start_postgres invoicing_bench -c max_connections=200 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_utility=on
PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=invoicing_bench;Maximum Pool Size=64"
# Statements per request (pg_stat_statements, BEGIN/COMMIT/COPY included through track_utility).
pg_sql "CREATE EXTENSION pg_stat_statements" >/dev/null || die "CREATE EXTENSION pg_stat_statements"
# The baselines log in as their own role, so that each side's statements are its own (pg_stat_statements keys by role):
# the service's webhook worker fans out the same-work baseline's events too, and that is the service's statement.
pg_sql "CREATE ROLE baseline LOGIN SUPERUSER" >/dev/null || die "CREATE ROLE baseline"
PG_PORT_ACTIVE=$PG_PORT

log "PostgreSQL scenarios …"
KEY=$(create_key Postgres "$PG_CONNECTION")
[[ "$KEY" == sk_test_* ]] || { cat "$WORK/keys.err"; die "keys create did not print a key"; }
SERVICE_PORT=$(free_port)
BASELINE_PORT=$(free_port)
start_service Postgres "$PG_CONNECTION" "$SERVICE_PORT"
start_baseline Postgres "${PG_CONNECTION/Username=postgres/Username=baseline}" "$BASELINE_PORT" "$KEY"
SVC="http://127.0.0.1:$SERVICE_PORT"
BASE="http://127.0.0.1:$BASELINE_PORT"
prepare_data "$SVC" "$KEY"
# Same JSON from both sides (the baseline must not be cheaper by writing less).
diff <(curl -fsS -H "Authorization: Bearer $KEY" "$SVC/v1/invoices/$BENCH_INVOICE_ID" | jq -S .) \
  <(curl -fsS -H "Authorization: Bearer $KEY" "$BASE/v1/invoices/$BENCH_INVOICE_ID" | jq -S .) >&2 \
  || die "the baseline's invoice JSON differs from the service's"

grep -q '"StatusCode":201' "$WORK/service-Postgres.log" || die "the service wrote no JSON request log (Production logging is part of what is measured)"
check_same_work "$SVC" "$BASE" "$KEY"
# The GET's database work is the platform's one SELECT, so GET has no same-work side.
want get && alternate "GET invoice (PostgreSQL)" get.lua "$CONNECTIONS" "$SVC" "$BASE"
if want post || want batch; then WRITE_SIDES="service platform same-work"; else WRITE_SIDES="service same-work"; fi
{ want post || want same-work; } && alternate "POST invoice (PostgreSQL)" post.lua "$CONNECTIONS" "$SVC" "$BASE" "$DURATION" "$WRITE_SIDES"
{ want batch || want same-work; } && alternate "batch of 1000 (PostgreSQL)" batch.lua 1 "$SVC" "$BASE" "$BATCH_DURATION" "$WRITE_SIDES"

# --- profile (issue 19; only when named: BENCH_ONLY=…,profile) ------------------------------------------------------
# dotnet-trace (a local tool, .config/dotnet-tools.json) samples the service's threads for BENCH_PROFILE_SECONDS under
# the POST load; the topN reports (exclusive and inclusive) go into the report. Sampled thread time counts waiting
# threads too: read the working frames (bench/results/2026-12-05-issue19-profile.md).
PROFILE_REPORT="(not run: BENCH_ONLY=…,profile)"
if [ -n "${BENCH_ONLY:-}" ] && want profile; then
  PROFILE_SECONDS=${BENCH_PROFILE_SECONDS:-20}
  PROFILE_SCRIPT=${BENCH_PROFILE_SCRIPT:-post.lua} # or batch.lua (one connection, as the batch scenario)
  PROFILE_CONNECTIONS=$([ "$PROFILE_SCRIPT" = batch.lua ] && echo 1 || echo "$CONNECTIONS")
  PROFILE_FILE=${BENCH_PROFILE_OUT:-$WORK/${PROFILE_SCRIPT%.lua}.nettrace}
  log "Profile: dotnet-trace on the service under $PROFILE_SCRIPT load, ${PROFILE_SECONDS} s …"
  dotnet tool restore >/dev/null || die "dotnet tool restore (dotnet-trace)"
  BENCH_SCRIPTS="$ROOT/bench/scripts" BENCH_RUN="profile-$$" \
    wrk -t1 -c"$PROFILE_CONNECTIONS" -d"$((PROFILE_SECONDS + 10))s" --timeout 30s -s "$ROOT/bench/scripts/$PROFILE_SCRIPT" "$SVC" >"$WORK/profile-wrk.log" 2>&1 &
  PROFILE_WRK=$!
  sleep 4
  dotnet tool run dotnet-trace collect -p "$SERVICE_PID" --profile dotnet-sampled-thread-time \
    --duration "00:00:00:$PROFILE_SECONDS" -o "$PROFILE_FILE" >"$WORK/profile.log" 2>&1 || { cat "$WORK/profile.log"; die "dotnet-trace collect"; }
  wait "$PROFILE_WRK" || true
  PROFILE_REPORT=$(printf '```\n%s\n\n%s\n```' \
    "$(dotnet tool run dotnet-trace report "$PROFILE_FILE" topN -n 40 2>&1)" \
    "$(dotnet tool run dotnet-trace report "$PROFILE_FILE" topN -n 60 --inclusive 2>&1)")
  log "  trace: $PROFILE_FILE"
  # On-CPU samples (perf, where installed): where the service's CPU goes, without the waiting threads that sampled
  # thread time counts. The runtime writes /tmp/perf-<pid>.map (DOTNET_PerfMapEnabled, set when profile is named)
  # so perf names JIT-compiled and ReadyToRun frames.
  if command -v perf >/dev/null 2>&1; then
    log "Profile: perf on-CPU samples of the service under $PROFILE_SCRIPT load, ${PROFILE_SECONDS} s …"
    BENCH_SCRIPTS="$ROOT/bench/scripts" BENCH_RUN="perf-$$" \
      wrk -t1 -c"$PROFILE_CONNECTIONS" -d"$((PROFILE_SECONDS + 6))s" --timeout 30s -s "$ROOT/bench/scripts/$PROFILE_SCRIPT" "$SVC" >"$WORK/perf-wrk.log" 2>&1 &
    PROFILE_WRK=$!
    sleep 3
    perf record -q -F 997 -g -p "$SERVICE_PID" -o "$WORK/perf.data" -- sleep "$PROFILE_SECONDS" >"$WORK/perf.log" 2>&1 \
      || { cat "$WORK/perf.log"; die "perf record"; }
    wait "$PROFILE_WRK" || true
    # Managed frames carry their assembly ("[Npgsql] Npgsql.…"): self time summed per assembly says which layer costs.
    PROFILE_ASSEMBLIES=$(perf report -i "$WORK/perf.data" -g none --no-children --sort sym --stdio 2>/dev/null | grep -v '^#' \
      | awk 'match($0, /\[[A-Za-z][A-Za-z0-9_.]+\] [A-Za-z]/) { a = substr($0, RSTART + 1, RLENGTH - 4); sub(/%/, "", $1); t[a] += $1; all += $1 }
             END { for (a in t) printf "%7.2f%%  %s\n", t[a], a; printf "%7.2f%%  (all managed code)\n", all }' | sort -rn | head -25)
    PROFILE_REPORT=$(printf '%s\n\nOn-CPU (perf, self time by module and symbol, ≥ 0.3%%):\n\n```\n%s\n```\n\nOn-CPU by module:\n\n```\n%s\n```\n\nOn-CPU managed code by assembly (self time):\n\n```\n%s\n```' \
      "$PROFILE_REPORT" \
      "$(perf report -i "$WORK/perf.data" -g none --no-children --sort dso,sym --percent-limit 0.3 --stdio 2>/dev/null | grep -v '^#' | grep '%' | cut -c1-160)" \
      "$(perf report -i "$WORK/perf.data" -g none --no-children --sort dso --stdio 2>/dev/null | grep -v '^#' | grep '%' | head -20)" \
      "$PROFILE_ASSEMBLIES")
  fi
  # System calls per request (strace -c, where installed): a request's kernel work as counts, which this VM's noise does
  # not move, unlike times; a system call costs a few microseconds here (bench/README.md, issue 19). strace slows the
  # service down, not what it calls. The second before the load starts is counted too: an idle service makes few.
  if command -v strace >/dev/null 2>&1; then
    log "Profile: system calls per request under $PROFILE_SCRIPT load (strace -c), 5 s …"
    timeout -s INT 7 strace -c -f -p "$SERVICE_PID" -o "$WORK/strace.txt" >/dev/null 2>&1 &
    STRACE_PID=$!
    sleep 1
    BENCH_SCRIPTS="$ROOT/bench/scripts" BENCH_RUN="strace-$$" \
      wrk -t1 -c"$PROFILE_CONNECTIONS" -d5s --timeout 30s -s "$ROOT/bench/scripts/$PROFILE_SCRIPT" "$SVC" >"$WORK/strace-wrk.log" 2>&1
    wait "$STRACE_PID" || true
    STRACE_REQUESTS=$(awk '/ requests in /{print $1}' "$WORK/strace-wrk.log")
    PROFILE_REPORT=$(printf '%s\n\nSystem calls per request (strace -c, %s requests):\n\n```\n%s\n```' "$PROFILE_REPORT" "$STRACE_REQUESTS" \
      "$(awk -v r="$STRACE_REQUESTS" '$4 ~ /^[0-9]+$/ && $NF != "total" { printf "%8.2f  %s\n", $4 / r, $NF }' "$WORK/strace.txt" | sort -rn | head -15)")
  fi
fi

PG_PORT_ACTIVE=""
log "Saturation (POST, $CONNECTIONS connections, ${RSS_DURATION} s × 3): peak RSS of the service …"
RSS_LINES=(– – –)
want rss && for run in 1 2 3; do
  echo 5 >"/proc/$SERVICE_PID/clear_refs" 2>/dev/null || true # resets VmHWM (peak RSS) where allowed
  measure "saturation run $run" service "$run" "$SVC" post.lua "$CONNECTIONS" "$RSS_DURATION" 0
  RSS_LINES[run - 1]="$(( $(rss_kib "$SERVICE_PID" VmHWM) / 1024 ))"
done
PEAK_RSS="${RSS_LINES[0]} / ${RSS_LINES[1]} / ${RSS_LINES[2]} MB"
log "  peak RSS per run: $PEAK_RSS"
stop "$SERVICE_PID"
stop "$BASELINE_PID"

# --- SQLite (single-request scenarios) -----------------------------------------------------------------------------
if want sqlite; then
log "SQLite scenarios …"
SQLITE_CONNECTION="Data Source=$WORK/sqlite.db"
KEY=$(create_key Sqlite "$SQLITE_CONNECTION")
[[ "$KEY" == sk_test_* ]] || { cat "$WORK/keys.err"; die "keys create (SQLite) did not print a key"; }
start_service Sqlite "$SQLITE_CONNECTION" "$SERVICE_PORT"
start_baseline Sqlite "$SQLITE_CONNECTION" "$BASELINE_PORT" "$KEY"
prepare_data "$SVC" "$KEY"
alternate "GET invoice (SQLite)" get.lua "$CONNECTIONS" "$SVC" "$BASE"
# SQLite has one writer: with many connections the writers queue on the database lock and measure its busy-wait back-off.
alternate "POST invoice (SQLite, 1 connection)" post.lua 1 "$SVC" "$BASE"
stop "$SERVICE_PID"
stop "$BASELINE_PID"
fi

# --- cold start ----------------------------------------------------------------------------------------------------
log "Cold start ($COLD_BUILD, SQLite, a new database each time, until /health/ready answers) …"
COLD=(); COLD_CPU=()
want cold && for run in $(seq 1 "$COLD_RUNS"); do
  rm -f "$WORK/cold.db"*
  started=$(date +%s%N)
  APP_DIR=$COLD_DIR service_env Sqlite "Data Source=$WORK/cold.db" "${COLD_CMD[@]}" --urls "http://127.0.0.1:$SERVICE_PORT" >>"$WORK/cold.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  until curl -fsS -o /dev/null "$SVC/health/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$WORK/cold.log"; die "the service exited during cold start"; }
    sleep 0.01
  done
  COLD+=("$(( ($(date +%s%N) - started) / 1000000 ))")
  # The CPU time the process used until ready: the wall time swings with other load on a shared machine, this barely.
  COLD_CPU+=("$(( $(cpu_ticks "$pid") * 1000 / CLK_TCK ))")
  stop "$pid"
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
COLD_MS=–; COLD_CPU_MS=–
[ ${#COLD[@]} -gt 0 ] && COLD_MS=$(printf '%s\n' "${COLD[@]}" | median) && COLD_CPU_MS=$(printf '%s\n' "${COLD_CPU[@]}" | median)
log "  cold start ms: ${COLD[*]} (median $COLD_MS); CPU ms: ${COLD_CPU[*]} (median $COLD_CPU_MS)"

# --- the table -----------------------------------------------------------------------------------------------------
# Means over the rounds of each side. Per side: requests/s, latency, the CPU of its process and of PostgreSQL per
# request, their sum (core time per request), round trips and statements per request. Then the ratios of the service
# to each baseline (requests/s; for the batch, time per batch).
TABLE=$(awk -F'\t' '
  function mean(a, k) { return a[k] / n[k] }
  { key = $1 SUBSEP $2; n[key]++; rps[key] += $4; p50[key] += $5; p99[key] += $6; cpu[key] += $7; pg[key] += $8; rt[key] += $9; st[key] += $10
    if (!(key in seenSide)) { seenSide[key] = 1; sides[$1] = sides[$1] " " $2 }
    if (!($1 in seen)) { seen[$1] = 1; order[++count] = $1 } }
  END {
    print "| scenario | side | req/s | p50 ms | p99 ms | CPU ms/req (process) | PostgreSQL CPU ms/req | core ms/req (sum) | round trips/req | statements/req |"
    print "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= count; i++) {
      m = split(substr(sides[order[i]], 2), list, " ")
      for (j = 1; j <= m; j++) {
        k = order[i] SUBSEP list[j]
        if (pg[k] == 0 && rt[k] == 0) { pgs = "–"; sum = "–"; rts = "–"; sts = "–" }
        else { pgs = sprintf("%.3f", mean(pg, k)); sum = sprintf("%.3f", mean(cpu, k) + mean(pg, k)); rts = sprintf("%.2f", mean(rt, k)); sts = sprintf("%.2f", mean(st, k)) }
        printf "| %s | %s | %.0f | %.2f | %.2f | %.3f | %s | %s | %s | %s |\n", order[i], list[j], mean(rps, k), mean(p50, k), mean(p99, k), mean(cpu, k), pgs, sum, rts, sts
      }
    }
    print ""
    print "| scenario | service vs platform baseline | service vs same-work baseline | goal (issue 19) |"
    print "|---|---:|---:|---|"
    for (i = 1; i <= count; i++) {
      s = order[i] SUBSEP "service"
      for (j = 1; j <= 2; j++) {
        b = order[i] SUBSEP (j == 1 ? "platform" : "same-work")
        if (!(b in n) || !(s in n)) r[j] = "–"
        else if (order[i] ~ /^batch/) r[j] = sprintf("%.2f× the time", mean(p50, s) / mean(p50, b))
        else r[j] = sprintf("%.0f%% of req/s", 100 * mean(rps, s) / mean(rps, b))
      }
      goal = order[i] ~ /^batch/ ? "≤ 1.5× the COPY time" : order[i] ~ /^GET/ ? "≥ 80% of platform" : "≥ 80% of same-work, ≥ 50% of platform"
      if (order[i] ~ /SQLite/) goal = "(goals are for PostgreSQL)"
      printf "| %s | %s | %s | %s |\n", order[i], r[1], r[2], goal
    }
  }' "$RESULTS")
# The statements of each side's last round, per request (pg_stat_statements; BEGIN, COMMIT and COPY included).
STATEMENTS=$(for f in "$WORK"/statements/*; do
  [ -e "$f" ] || continue
  name=$(basename "$f")
  [ "${name##*|}" = "$ROUNDS" ] || continue
  printf '\n**%s, %s** (round %s)\n\n| per request | statement |\n|---:|---|\n' "$(cut -d'|' -f1 <<<"$name")" "$(cut -d'|' -f2 <<<"$name")" "$ROUNDS"
  awk -F'\t' '$1 >= 0.005 { gsub(/\|/, "\\|", $2); printf "| %s | `%s` |\n", $1, $2 }' "$f" | head -12
done)

MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
REPORT=$(cat <<EOF
# Benchmark $(date -u +%Y-%m-%dT%H:%MZ)$([ "$SMOKE" -eq 1 ] && echo " (smoke: not a measurement)")

- Machine: $MACHINE, host \`$(hostname)\`
- Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)
- .NET $(dotnet --version), PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }'), $(wrk -v 2>&1 | head -1 | awk '{ print $1, $2 }')
- Build: $CONFIG; the service: $SERVICE_BUILD. wrk: 1 thread, $CONNECTIONS connections (1 for the batch), ${DURATION} s per run (${BATCH_DURATION} s for the batch) after ${WARMUP} s warm-up per side, $ROUNDS rounds alternated service/baseline
- Commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')

$TABLE

CPU ms/req (process): the side's own process from /proc (the two baselines are one process). PostgreSQL CPU ms/req:
the postmaster and all its children, exited ones included, so background work the side caused (the service's webhook
worker, autovacuum) counts. Round trips/req: per PostgreSQL socket of the side, the smaller of its data segments sent
and received (ss -ti; bench/README.md): exact for GET and POST; for the batch only indicative (two server flushes in quick
succession can leave in one segment under load; the service's worker moves large results: README). Statements/req: pg_stat_statements with
track_utility (BEGIN, COMMIT, COPY and the pool's reset count), the side's database role only. A batch is one request.

| measure | value | goal |
|---|---:|---|
| list, deep page (after ${LIST_DEEP}) vs first page, limit 10, median ($LIST_ROWS invoices) | ${LIST_RATIO}× | ≤ 1.5× |
| lookup by invoice_number, an invoice ${LIST_DEEP} deep vs the newest, median | ${LIST_NUMBER_RATIO}× | ≤ 1.5× |
| created range, deep page vs first page, limit 10, median | ${LIST_CREATED_RATIO}× | ≤ 1.5× |
| peak RSS of the service, POST saturation, three runs of ${RSS_DURATION} s | $PEAK_RSS | ≤ 200 MB, no growth (issue 19) |
| cold start to /health/ready (SQLite, $COLD_BUILD, new database), median of $COLD_RUNS | $COLD_MS ms (${COLD[*]}); CPU $COLD_CPU_MS ms | ≤ 1000 ms on a quiet machine (issue 19) |

## Statements per request (pg_stat_statements)
$STATEMENTS

## Profile of the service under load ($([ -n "${PROFILE_SCRIPT:-}" ] && echo "$PROFILE_SCRIPT, " )dotnet-trace sampled thread time; perf on-CPU)

$PROFILE_REPORT

## Lists (bench/Lists)

$LIST_TABLE

## Micro-benchmarks (BenchmarkDotNet, job $MICRO_JOB)

$MICRO_TABLE
EOF
)

echo "$REPORT"
if [ "$SMOKE" -eq 1 ]; then
  log "Smoke run passed (the numbers above are not a measurement; nothing written)."
else
  FILE=${BENCH_OUT:-bench/results/$(date -u +%Y-%m-%d)-$(hostname).md}
  mkdir -p "$(dirname "$FILE")"
  echo "$REPORT" >"$FILE"
  log "Written to $FILE"
fi
