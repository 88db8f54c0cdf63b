#!/usr/bin/env bash
# The fleet harness (issue 20, bench/README.md "Fleet"): three instances of the service behind nginx on loopback, one
# PostgreSQL, one redis-server and a webhook receiver, all started here and stopped on exit. It measures and prints:
#   a) requests accepted per key per second against the configured limit, with Redis (one limit for the fleet) and,
#      for contrast, without (one bucket per instance: about three times the limit);
#   b) idempotent creates split across the instances: one Idempotency-Key and body sent at once to each instance;
#   c) webhook deliveries per event while all three run (exactly once);
#   d) SIGKILL of one instance under paced load while deliveries are in flight: no event lost, duplicates counted, and
#      how long until the dead instance's deliveries are sent by another one (docs/decisions/0042);
#   e) clients retrying with Idempotency-Key through nginx during the kill: each intended invoice stored exactly once.
#
#   bench/fleet.sh                 the full run (Release, the default 30-s claim lease; about 5 minutes);
#                                  writes bench/results/<date>-fleet.md
#   FLEET_SHORT=1 bench/fleet.sh   CI: Debug build, a 3-s lease, a few seconds per phase; writes nothing. Fails only
#                                  on a broken harness or a correctness violation, never on a duration.
#
# Tunables (environment): FLEET_CONFIG (Debug/Release), FLEET_LIMIT and FLEET_BURST (the test key's bucket),
# FLEET_RATE_SECONDS, FLEET_IDEM_ROUNDS, FLEET_LEASE (s; empty = the service's default), FLEET_LOCK_TIMEOUT (s;
# Idempotency:LockTimeout, empty = default), FLEET_CLIENTS / FLEET_INTERVAL (the paced load during the kill: that many
# clients, each starting one create every FLEET_INTERVAL s), FLEET_BEFORE_KILL / FLEET_AFTER_KILL (s of load around
# the kill), FLEET_BURST_CREATES (creates fired at the kill), FLEET_CONTRAST=0 (skip the run without Redis),
# FLEET_OUT (results file of a full run).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SHORT=${FLEET_SHORT:-0}
if [ "$SHORT" = 1 ]; then
  # Debug: `dotnet test` has just built it in CI; the short run proves correctness and the harness, not durations.
  CONFIG=${FLEET_CONFIG:-Debug}; RATE_SECONDS=${FLEET_RATE_SECONDS:-4}; IDEM_ROUNDS=${FLEET_IDEM_ROUNDS:-5}
  LEASE=${FLEET_LEASE-3}; LOCK_TIMEOUT=${FLEET_LOCK_TIMEOUT-3}
  WARM_CLIENTS=5; WARM_INTERVAL=1; WARM_SECONDS=3
  CLIENTS=${FLEET_CLIENTS:-4}; INTERVAL=${FLEET_INTERVAL:-1}; BEFORE_KILL=${FLEET_BEFORE_KILL:-3}
  AFTER_KILL=${FLEET_AFTER_KILL:-$((${LEASE:-30} + 4))}; BURST_CREATES=${FLEET_BURST_CREATES:-15}
  SLOW="0.5 1.5"; RATE_TOLERANCE=25
else
  CONFIG=${FLEET_CONFIG:-Release}; RATE_SECONDS=${FLEET_RATE_SECONDS:-20}; IDEM_ROUNDS=${FLEET_IDEM_ROUNDS:-16}
  LEASE=${FLEET_LEASE-}; LOCK_TIMEOUT=${FLEET_LOCK_TIMEOUT-}
  WARM_CLIENTS=10; WARM_INTERVAL=1; WARM_SECONDS=15
  CLIENTS=${FLEET_CLIENTS:-8}; INTERVAL=${FLEET_INTERVAL:-2}; BEFORE_KILL=${FLEET_BEFORE_KILL:-10}
  AFTER_KILL=${FLEET_AFTER_KILL:-$((${LEASE:-30} + 20))}; BURST_CREATES=${FLEET_BURST_CREATES:-30}
  SLOW="0.5 2"; RATE_TOLERANCE=10
fi
LIMIT=${FLEET_LIMIT:-10}; BURST=${FLEET_BURST:-5}
CONTRAST=${FLEET_CONTRAST:-$([ "$SHORT" = 1 ] && echo 0 || echo 1)} # the short run skips it: a contrast, not a check
WARMUP_SECONDS=2
OFFERED=$((LIMIT * 5))            # well over the limit, with Redis
OFFERED_CONTRAST=$((LIMIT * 8))   # well over three buckets' worth, without
LEASE_SHOWN=${LEASE:-30}; POLL=1  # the service's defaults when not set (docs/configuration.md)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORK=$(mktemp -d /tmp/invoicing-fleet.XXXXXX)
chmod 755 "$WORK"
PY=(python3 "$ROOT/bench/fleet/fleet.py")
RUN="F$$"                          # prefix of this run's invoice numbers and idempotency keys
PIDS=(); PG_DIR=""; PG_BIN=""; NGINX_PID=""; INSTANCE_PIDS=()
FAILURES=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; KEEP_WORK=1; exit 1; }
fail() { FAILURES+=("$*"); log "VIOLATION: $*"; }

cleanup() {
  local pid
  for pid in "${INSTANCE_PIDS[@]:-}" "${NGINX_PID:-}" "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${INSTANCE_PIDS[@]:-}" "${NGINX_PID:-}" "${PIDS[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  stop_postgres
  if [ "${KEEP_WORK:-0}" -eq 1 ]; then log "Logs kept for diagnosis in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# as_pg, free_port, wait_ready
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

# --- tools ---------------------------------------------------------------------------------------------------------
missing=()
for tool in nginx redis-server jq curl; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ "${#missing[@]}" -gt 0 ]; then
  log "Installing ${missing[*]} (Debian packages) …"
  export DEBIAN_FRONTEND=noninteractive
  for attempt in 1 2 3 4 5 6; do
    if apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; then break; fi
    log "apt-get failed (attempt $attempt; dpkg lock?); retrying in 10 s"; sleep 10
  done
  for tool in "${missing[@]}"; do command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed"; done
fi
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || die "nginx not found"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
find_postgres

# --- build ---------------------------------------------------------------------------------------------------------
log "Building the service ($CONFIG) …"
build_service "$CONFIG"

# --- PostgreSQL, Redis, the webhook receiver -------------------------------------------------------------------------
log "Starting a throwaway PostgreSQL, redis-server and the webhook receiver …"
start_postgres invoicing_fleet -c max_connections=300
PG="$PG_PORT:invoicing_fleet"
PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=invoicing_fleet;Maximum Pool Size=40"

REDIS_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 || { cat "$WORK/redis.log"; die "redis-server did not start"; }

RECEIVER_PORT=$(free_port)
"${PY[@]}" receiver --port "$RECEIVER_PORT" --log "$WORK/receipts.log" >"$WORK/receiver.log" 2>&1 &
PIDS+=($!)
RECEIVER="http://127.0.0.1:$RECEIVER_PORT"
for _ in $(seq 100); do curl -fsS -o /dev/null "$RECEIVER/" 2>/dev/null && break; sleep 0.1; done
curl -fsS -o /dev/null "$RECEIVER/" || { cat "$WORK/receiver.log"; die "the webhook receiver did not start"; }
receiver_delay() { curl -fsS -o /dev/null -X POST "$RECEIVER/delay?min=$1&max=$2" || die "receiver control"; }

# --- the service ---------------------------------------------------------------------------------------------------
seconds_span() { printf '%02d:%02d:%02d' $(($1 / 3600)) $(($1 / 60 % 60)) $(($1 % 60)); }
WEBHOOKS_KEY=$(head -c 32 /dev/urandom | base64) # one for the fleet: every instance reads the others' sealed answers
service_env() { # redis(0|1) command… (exec: $! is the service's own pid)
  local redis=$1 extra=()
  shift
  [ "$redis" -eq 1 ] && extra+=("ConnectionStrings__Redis=127.0.0.1:$REDIS_PORT")
  [ -n "$LEASE" ] && extra+=("Webhooks__ClaimLease=$(seconds_span "$LEASE")")
  [ -n "$LOCK_TIMEOUT" ] && extra+=("Idempotency__LockTimeout=$(seconds_span "$LOCK_TIMEOUT")")
  cd "$WEB_DIR" || exit 1
  exec env ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres ConnectionStrings__Invoicing="$PG_CONNECTION" \
    Webhooks__SecretKey="$WEBHOOKS_KEY" Webhooks__AllowPrivateUrls=true \
    RateLimits__Test__PermitsPerSecond="$LIMIT" RateLimits__Test__Burst="$BURST" \
    RateLimits__Live__PermitsPerSecond=1000000 RateLimits__Live__Burst=1000000 "${extra[@]}" "$@"
}
create_key() { # environment name
  local key
  key=$( (service_env 0 dotnet "$WEB_DLL" keys create --environment "$1" --name "$2") 2>>"$WORK/keys.err" | tail -1)
  [[ "$key" == sk_"$1"_* ]] || { cat "$WORK/keys.err" >&2; die "keys create did not print a $1 key"; }
  echo "$key"
}

PORTS=("$(free_port)" "$(free_port)" "$(free_port)")
NGINX_PORT=$(free_port)
BALANCER="http://127.0.0.1:$NGINX_PORT"
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<EOF
# Generated by bench/fleet.sh: round robin over the three instances, loopback only.
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  log_format fleet '\$msec \$request_method \$uri \$status \$upstream_addr \$upstream_status \$request_time';
  access_log $WORK/nginx/access.log fleet;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream fleet {
    server 127.0.0.1:${PORTS[0]} max_fails=1 fail_timeout=5s;
    server 127.0.0.1:${PORTS[1]} max_fails=1 fail_timeout=5s;
    server 127.0.0.1:${PORTS[2]} max_fails=1 fail_timeout=5s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    client_max_body_size 2m;
    location / {
      proxy_pass http://fleet;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      # Nginx's default: a request is passed to the next instance only when it could not be sent (a POST that
      # reached an instance that then died answers 502: the client retries with its Idempotency-Key).
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
EOF

start_fleet() { # redis(0|1)
  local i
  INSTANCE_PIDS=()
  for i in 0 1 2; do
    service_env "$1" dotnet "$WEB_DLL" --urls "http://127.0.0.1:${PORTS[i]}" >>"$WORK/instance-$((i + 1)).log" 2>&1 &
    INSTANCE_PIDS+=($!)
  done
  for i in 0 1 2; do
    wait_ready "http://127.0.0.1:${PORTS[i]}" "${INSTANCE_PIDS[i]}" 120 \
      || { tail -20 "$WORK/instance-$((i + 1)).log" >&2; die "instance $((i + 1)) did not become ready"; }
  done
  "$NGINX" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" >>"$WORK/nginx/stdout.log" 2>&1 &
  NGINX_PID=$!
  for _ in $(seq 100); do curl -fsS -o /dev/null "$BALANCER/health/ready" 2>/dev/null && break; sleep 0.1; done
  curl -fsS -o /dev/null "$BALANCER/health/ready" || { cat "$WORK/nginx/error.log" >&2; die "nginx did not start"; }
  curl -fsS -o /dev/null -X POST "$RECEIVER/instances?pids=${INSTANCE_PIDS[0]}:1,${INSTANCE_PIDS[1]}:2,${INSTANCE_PIDS[2]}:3" || die "receiver control"
}

stop_fleet() {
  local pid
  for pid in "${INSTANCE_PIDS[@]}" "$NGINX_PID"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${INSTANCE_PIDS[@]}" "$NGINX_PID"; do wait "$pid" 2>/dev/null || true; done
  INSTANCE_PIDS=(); NGINX_PID=""
}

api() { # method url key body
  curl -fsS -X "$1" "$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' --data "$4"
}
within() { # value target percent
  awk -v v="$1" -v t="$2" -v p="$3" 'BEGIN { exit !(v >= t * (1 - p / 100) && v <= t * (1 + p / 100)) }'
}
json() { jq -r "$2" <<<"$1"; }

log "Creating the keys with the service's own command (keys create; it applies the migrations) …"
KEY_CONTRAST=$(create_key test fleet-contrast)
create_key test fleet-limited >"$WORK/key-limited" &
limited_pid=$!
create_key live fleet >"$WORK/key-live" &
wait $! || die "keys create (live)"
wait "$limited_pid" || die "keys create (test)"
KEY_LIMITED=$(cat "$WORK/key-limited")
KEY_LIVE=$(cat "$WORK/key-live")

# --- a') the per-key limit without Redis: one bucket per instance ---------------------------------------------------
CONTRAST_JSON='{}'
if [ "$CONTRAST" = 1 ]; then
  log "Three instances without Redis behind nginx; a test key limited to $LIMIT/s (burst $BURST), offered $OFFERED_CONTRAST/s for ${RATE_SECONDS} s …"
  start_fleet 0
  # A warm-up with the other test key (in this fleet its buckets are in memory, lost at the restart below): the first
  # requests of a new process are slow, and a limiter decides when a request arrives, not when it was sent.
  "${PY[@]}" rate --url "$BALANCER" --key "$KEY_LIMITED" --rps "$OFFERED_CONTRAST" --seconds "$WARMUP_SECONDS" >/dev/null
  CONTRAST_JSON=$("${PY[@]}" rate --url "$BALANCER" --key "$KEY_CONTRAST" --rps "$OFFERED_CONTRAST" --seconds "$RATE_SECONDS" --burst $((3 * BURST)))
  log "  $CONTRAST_JSON"
  [ "$(json "$CONTRAST_JSON" '[.statuses | to_entries[] | select(.key != "200" and .key != "429") | .value] | add // 0')" -eq 0 ] \
    || fail "without Redis: answers other than 200 and 429: $(json "$CONTRAST_JSON" .statuses)"
  stop_fleet
fi

# --- a) the per-key limit with Redis: one bucket for the fleet ------------------------------------------------------
log "Three instances with Redis behind nginx; the same limit, offered $OFFERED/s for ${RATE_SECONDS} s …"
start_fleet 1
"${PY[@]}" rate --url "$BALANCER" --key "$KEY_CONTRAST" --rps "$OFFERED" --seconds "$WARMUP_SECONDS" >/dev/null # warm-up, another key
RATE_JSON=$("${PY[@]}" rate --url "$BALANCER" --key "$KEY_LIMITED" --rps "$OFFERED" --seconds "$RATE_SECONDS" --burst "$BURST")
log "  $RATE_JSON"
RATE=$(json "$RATE_JSON" .beyond_burst_per_s)
within "$RATE" "$LIMIT" "$RATE_TOLERANCE" || fail "with Redis: $RATE accepted/s beyond the burst, limit $LIMIT ± $RATE_TOLERANCE%"
[ "$(json "$RATE_JSON" .bad_429)" -eq 0 ] || fail "with Redis: 429 answers without Retry-After or the rate_limited envelope"
[ "$(json "$RATE_JSON" '[.statuses | to_entries[] | select(.key != "200" and .key != "429") | .value] | add // 0')" -eq 0 ] \
  || fail "with Redis: answers other than 200 and 429: $(json "$RATE_JSON" .statuses)"

# --- fixtures: the webhook endpoint first (it receives the events of what follows), then two counterparties --------
INSTANCE1="http://127.0.0.1:${PORTS[0]}"
api POST "$INSTANCE1/v1/webhook_endpoints" "$KEY_LIVE" "{\"url\":\"$RECEIVER/hook\",\"enabled_events\":[\"*\"]}" >/dev/null \
  || die "could not register the webhook endpoint (Webhooks:AllowPrivateUrls)"
ORIGINATING=$(api POST "$INSTANCE1/v1/counterparties" "$KEY_LIVE" '{"name":"Fleet Originating"}' | jq -r .id)
RECEIVING=$(api POST "$INSTANCE1/v1/counterparties" "$KEY_LIVE" '{"name":"Fleet Receiving"}' | jq -r .id)
[ -n "$ORIGINATING" ] && [ "$ORIGINATING" != null ] && [ -n "$RECEIVING" ] && [ "$RECEIVING" != null ] || die "could not create the counterparties"
FIXTURES=(--pg "$PG" --key "$KEY_LIVE" --originating "$ORIGINATING" --receiving "$RECEIVING")

# --- b) idempotent creates split across the instances ---------------------------------------------------------------
log "Idempotent creates: $IDEM_ROUNDS rounds, one key and body sent at once to each instance's own port …"
IDEM_JSON=$("${PY[@]}" idem "${FIXTURES[@]}" --prefix "$RUN-I" --rounds "$IDEM_ROUNDS" \
  --urls "http://127.0.0.1:${PORTS[0]},http://127.0.0.1:${PORTS[1]},http://127.0.0.1:${PORTS[2]}")
log "  $IDEM_JSON"
[ "$(json "$IDEM_JSON" '.problems | length')" -eq 0 ] || fail "idempotent creates: $(json "$IDEM_JSON" '.problems | join("; ")')"

# --- c) webhooks while all three run ----------------------------------------------------------------------------------
log "Webhooks while all run: $WARM_CLIENTS clients, one create each per ${WARM_INTERVAL} s for ${WARM_SECONDS} s through nginx; receiver answers in 0.01–0.2 s …"
receiver_delay 0.01 0.2
"${PY[@]}" clients "${FIXTURES[@]}" --url "$BALANCER" --prefix "$RUN-R-w" --clients "$WARM_CLIENTS" \
  --interval "$WARM_INTERVAL" --seconds "$WARM_SECONDS" --out "$WORK/clients-warm.jsonl"
WARM_JSON=$("${PY[@]}" webhooks --pg "$PG" --log "$WORK/receipts.log" --wait $((LEASE_SHOWN + 30)))
log "  $(jq -c 'del(.resent_after_kill_s)' <<<"$WARM_JSON")"
[ "$(json "$WARM_JSON" .lost)" -eq 0 ] || fail "webhooks while all run: $(json "$WARM_JSON" .lost) events never received"
[ "$(json "$WARM_JSON" .duplicates_while_all_run)" -eq 0 ] || fail "webhooks while all run: $(json "$WARM_JSON" .duplicates_while_all_run) duplicate deliveries"
[ "$(json "$WARM_JSON" '.unknown_ids | length')" -eq 0 ] || fail "webhooks: deliveries of unknown events $(json "$WARM_JSON" .unknown_ids)"
[ "$(json "$WARM_JSON" .unsigned)" -eq 0 ] || fail "webhooks: $(json "$WARM_JSON" .unsigned) deliveries without Invoicing-Signature"

# --- d) + e) kill -9 of one instance under paced load, with retrying clients ------------------------------------------
read -r SLOW_MIN SLOW_MAX <<<"$SLOW"
log "Kill: $CLIENTS clients, one create each per ${INTERVAL} s through nginx, receiver answers in ${SLOW_MIN}–${SLOW_MAX} s; SIGKILL after ${BEFORE_KILL} s, with a burst of $BURST_CREATES creates; load for ${AFTER_KILL} s more …"
receiver_delay "$SLOW_MIN" "$SLOW_MAX"
SPLIT=$(date +%s.%N)
"${PY[@]}" clients "${FIXTURES[@]}" --url "$BALANCER" --prefix "$RUN-R-k" --clients "$CLIENTS" \
  --interval "$INTERVAL" --seconds $((BEFORE_KILL + AFTER_KILL)) --out "$WORK/clients-kill.jsonl" &
CLIENTS_PID=$!
PIDS+=("$CLIENTS_PID")
sleep "$BEFORE_KILL"
"${PY[@]}" kill "${FIXTURES[@]}" --url "$BALANCER" --prefix "$RUN-R-b" --burst "$BURST_CREATES" --out "$WORK/clients-burst.jsonl" \
  --instances "${INSTANCE_PIDS[0]}:1,${INSTANCE_PIDS[1]}:2,${INSTANCE_PIDS[2]}:3" --receiver-port "$RECEIVER_PORT" \
  --kill-file "$WORK/kill.json" &
KILL_PID=$!
PIDS+=("$KILL_PID")
for _ in $(seq 400); do [ -s "$WORK/kill.json" ] && break; kill -0 "$KILL_PID" 2>/dev/null || break; sleep 0.05; done
[ -s "$WORK/kill.json" ] || die "the kill did not happen"
log "  killed: $(cat "$WORK/kill.json")"
wait "$CLIENTS_PID" 2>/dev/null || die "the paced clients failed"
wait "$KILL_PID" 2>/dev/null || die "the burst at the kill failed"
log "  clients done; waiting for every event to be received (up to $((LEASE_SHOWN + 60)) s) …"
KILL_JSON=$("${PY[@]}" webhooks --pg "$PG" --log "$WORK/receipts.log" --wait $((LEASE_SHOWN + 60)) --split "$SPLIT" --kill-file "$WORK/kill.json")
log "  $KILL_JSON"
[ "$(json "$KILL_JSON" .lost)" -eq 0 ] || fail "webhooks after the kill: $(json "$KILL_JSON" .lost) events never received ($(json "$KILL_JSON" .lost_ids))"
[ "$(json "$KILL_JSON" .duplicates_while_all_run)" -eq 0 ] || fail "webhooks: duplicate deliveries before the kill"
[ "$(json "$KILL_JSON" .unexplained_count)" -eq 0 ] || fail "webhooks: duplicates not in flight at the kill: $(json "$KILL_JSON" '.unexplained_duplicates | join("; ")')"
[ "$(json "$KILL_JSON" '.unknown_ids | length')" -eq 0 ] || fail "webhooks: deliveries of unknown events"
CLIENTS_JSON=$("${PY[@]}" intended --pg "$PG" --prefix "$RUN-R" "$WORK/clients-warm.jsonl" "$WORK/clients-kill.jsonl" "$WORK/clients-burst.jsonl")
log "  $CLIENTS_JSON"
for what in lost_count doubled_count failed_count; do
  [ "$(json "$CLIENTS_JSON" ".$what")" -eq 0 ] || fail "retrying clients: $what $(json "$CLIENTS_JSON" ".$what") ($(jq -c '{lost, doubled, failed}' <<<"$CLIENTS_JSON"))"
done
[ "$(json "$CLIENTS_JSON" '.id_mismatch + .unexpected_rows | length')" -eq 0 ] \
  || fail "retrying clients: stored rows differ from the answers ($(jq -c '{id_mismatch, unexpected_rows}' <<<"$CLIENTS_JSON"))"

# What the survivors say: take-overs of webhook claims (ADR 0042) and of idempotency claims (ADR 0010).
VICTIM=$(jq -r .instance "$WORK/kill.json")
TAKEN_OVER=0
for i in 1 2 3; do
  [ "$i" = "$VICTIM" ] && continue
  n=$(curl -fsS "http://127.0.0.1:${PORTS[i - 1]}/metrics" 2>/dev/null | awk '/^invoicing_webhook_claims_taken_over_total/ { s += $NF } END { print s + 0 }')
  TAKEN_OVER=$((TAKEN_OVER + ${n%.*}))
done
IDEM_TAKEOVERS=$(cat "$WORK"/instance-*.log | grep -c 'Took over the idempotency claim' || true)
stop_fleet

# --- report ----------------------------------------------------------------------------------------------------------
ok() { if [ "$1" -eq 0 ]; then echo ok; else echo "**VIOLATION**"; fi; }
RATE_VERDICT=$(within "$RATE" "$LIMIT" "$RATE_TOLERANCE" && echo ok || echo "**off**")
CONTRAST_LINE="(not run: FLEET_CONTRAST=0)"
if [ "$CONTRAST" = 1 ]; then
  CONTRAST_LINE="$(json "$CONTRAST_JSON" .beyond_burst_per_s)/s beyond the 3 bursts ($(json "$CONTRAST_JSON" .accepted) of $(json "$CONTRAST_JSON" .requests) in $(json "$CONTRAST_JSON" .seconds) s, offered $(json "$CONTRAST_JSON" .offered_per_s)/s): $(awk -v a="$(json "$CONTRAST_JSON" .beyond_burst_per_s)" -v l="$LIMIT" 'BEGIN { printf "%.2f", a / l }')× the limit"
fi
RESENT=$(json "$KILL_JSON" 'if .resent_min_s == null then "none re-sent (no send of the killed instance was in flight)" else "\(.resent_min_s)–\(.resent_max_s) s after the kill" end')
LATE=$(json "$KILL_JSON" 'if .late_after_kill_count == 0 then "none" else "\(.late_after_kill_count), the last \(.late_after_kill_max_s) s after the kill" end')
TABLE=$(cat <<EOF
| what | expected | measured | verdict |
|---|---|---|---|
| a) accepted per key per second through nginx, **with Redis** (limit $LIMIT/s, burst $BURST) | $LIMIT/s ± $RATE_TOLERANCE% | **$(json "$RATE_JSON" .beyond_burst_per_s)/s** beyond the burst ($(json "$RATE_JSON" .accepted) of $(json "$RATE_JSON" .requests) accepted in $(json "$RATE_JSON" .seconds) s, offered $(json "$RATE_JSON" .offered_per_s)/s; statuses $(json "$RATE_JSON" '.statuses | tostring')) | $RATE_VERDICT |
| a) the same **without Redis** (contrast) | ≈ 3 × $LIMIT/s | $CONTRAST_LINE | (contrast) |
| b) idempotent creates, one key and body sent at once to the 3 instances' own ports | each stored once, replays byte-identical | $(json "$IDEM_JSON" .stored_once) of $(json "$IDEM_JSON" .rounds) rounds stored once; $(json "$IDEM_JSON" .identical_rounds) rounds with identical answers ($(json "$IDEM_JSON" .replays) replays; 409 in use seen $(json "$IDEM_JSON" .in_use_seen) times, then replayed) | $(ok "$(json "$IDEM_JSON" '.problems | length')") |
| c) webhook deliveries while all 3 run | each event once | $(json "$WARM_JSON" .events) events, $(json "$WARM_JSON" .received) deliveries, $(json "$WARM_JSON" .duplicates_while_all_run) duplicates, $(json "$WARM_JSON" .lost) lost; by instance $(json "$WARM_JSON" '.by_sender | tostring'); created → received p50 $(json "$WARM_JSON" .latency_all_run_p50_s) s, max $(json "$WARM_JSON" .latency_all_run_max_s) s | $(ok $(($(json "$WARM_JSON" .duplicates_while_all_run) + $(json "$WARM_JSON" .lost)))) |
| d) kill -9 of instance $VICTIM under paced load ($CLIENTS clients × 1 create per ${INTERVAL} s + $BURST_CREATES at the kill; receiver ${SLOW_MIN}–${SLOW_MAX} s) | no event lost; duplicates only of sends in flight at the kill | $(json "$KILL_JSON" .events_kill_phase) events in this phase, $(json "$KILL_JSON" .lost) lost; **$(json "$KILL_JSON" .duplicates_after_kill) duplicates**, all of them sends of the killed instance not recorded at the kill ($(json "$KILL_JSON" .in_flight_at_kill_victim) still open at the receiver, the others answered but their result not yet written); unexplained: $(json "$KILL_JSON" .unexplained_count); take-overs counted by the survivors: $TAKEN_OVER | $(ok $(($(json "$KILL_JSON" .lost) + $(json "$KILL_JSON" .unexplained_count)))) |
| d) hand-over: the killed instance's deliveries sent again by another | ≈ lease + poll = $((LEASE_SHOWN + POLL)) s (lease ${LEASE_SHOWN} s) | **$RESENT**; events created before the kill first received > 3 s after it: $LATE; created → received in this phase p50 $(json "$KILL_JSON" .latency_kill_phase_p50_s) s, max $(json "$KILL_JSON" .latency_kill_phase_max_s) s | (timing) |
| e) clients retrying with Idempotency-Key through nginx (all phases) | every intended invoice exactly once | $(json "$CLIENTS_JSON" .intended) intended, $(json "$CLIENTS_JSON" .stored_once) stored once, $(json "$CLIENTS_JSON" .lost_count) lost, $(json "$CLIENTS_JSON" .doubled_count) doubled; $(json "$CLIENTS_JSON" .retried) retried (statuses seen $(json "$CLIENTS_JSON" '.statuses | tostring'); $(json "$CLIENTS_JSON" .replayed) ended on a replay; idempotency claims taken over: $IDEM_TAKEOVERS); longest until the 201: $(json "$CLIENTS_JSON" .longest_s) s (Idempotency:LockTimeout ${LOCK_TIMEOUT:-60} s) | $(ok $(($(json "$CLIENTS_JSON" .lost_count) + $(json "$CLIENTS_JSON" .doubled_count) + $(json "$CLIENTS_JSON" .failed_count)))) |
EOF
)
echo
echo "Fleet ($([ "$SHORT" = 1 ] && echo short || echo full) run, $CONFIG): 3 instances behind nginx, PostgreSQL, Redis; webhook claim lease ${LEASE_SHOWN} s"
echo "$TABLE"
echo

if [ "$SHORT" != 1 ]; then
  OUT=${FLEET_OUT:-$ROOT/bench/results/$(date -u +%Y-%m-%d)-fleet.md}
  {
    echo "# Fleet run, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "\`bench/fleet.sh\` (bench/README.md \"Fleet\"), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')."
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), load average at the end $(cut -d' ' -f1-3 /proc/loadavg);"
    echo ".NET $(dotnet --version 2>/dev/null), PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }'), $(redis-server --version | awk '{ print $3 }' | tr -d 'v=' | sed 's/^/Redis /'), $("$NGINX" -v 2>&1 | sed 's|nginx version: nginx/|nginx |'), $CONFIG build."
    echo "Settings: RateLimits:Test $LIMIT/s burst $BURST; Webhooks:ClaimLease ${LEASE_SHOWN} s, PollInterval ${POLL} s, BatchSize 10;"
    echo "Idempotency:LockTimeout ${LOCK_TIMEOUT:-60} s; the receiver answers in ${SLOW_MIN}–${SLOW_MAX} s during the kill phase."
    echo
    echo "$TABLE"
    echo
    echo "Raw results (JSON, as printed by bench/fleet/fleet.py):"
    echo
    echo '```'
    echo "rate with Redis:    $RATE_JSON"
    echo "rate without Redis: $CONTRAST_JSON"
    echo "idempotent creates: $IDEM_JSON"
    echo "webhooks, all run:  $(jq -c 'del(.resent_after_kill_s)' <<<"$WARM_JSON")"
    echo "webhooks, kill:     $KILL_JSON"
    echo "retrying clients:   $CLIENTS_JSON"
    echo '```'
  } >"$OUT"
  log "Written $OUT"
fi

if [ "${#FAILURES[@]}" -gt 0 ]; then
  KEEP_WORK=1
  printf 'fleet: %s\n' "${FAILURES[@]}" >&2
  echo "bench/fleet.sh: ${#FAILURES[@]} correctness violation(s) (above)" >&2
  exit 1
fi
echo "bench/fleet.sh: no object lost or doubled, no event lost, no duplicate delivery while all ran"
