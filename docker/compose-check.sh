#!/usr/bin/env bash
# CI: docker-compose.yml, the API on PostgreSQL 15 behind nginx with Redis, brought up on the local images
# (docker-compose.ci.yml) as a user would bring up a fleet: `up --scale api=3`. Every replica must become healthy (the
# image's HEALTHCHECK), the proxy must answer /health/ready on its loopback port and serve a request with a key made by
# `keys create`; requests through the proxy must reach every replica (each replica's own request log lines, matched by
# the Request-Id the check sends), and a key's rate limit must hold for the fleet (a key limited to 10/s gets about
# burst + 10/s through the proxy, not three times that: the replicas decide in Redis). The webhook key comes from an env
# file made by docker/secret-key.sh (a throwaway one, so that no key is ever written into the checkout), and recreated
# API containers still replay a stored answer with it. Then `down -v`, also when it fails. docker-compose.sqlserver.yml
# must at least be a valid compose file (SQL Server's image cannot be pulled here). Needs the images of docker/images.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "compose: $*"; }

# Debian packages compose v1 (docker-compose 1.29, which reads these files); a `docker compose` plugin is used if present.
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  if ! command -v docker-compose >/dev/null 2>&1; then
    say "installing docker-compose (Debian)"
    export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1
    apt-get update -qq >/dev/null
    apt-get install -y -qq docker-compose >/dev/null 2>&1
  fi
  compose=(docker-compose)
fi

# The SQL Server file: valid, with what it asks of the environment.
SQLSERVER_IMAGE=sqlserver:check ACCEPT_EULA=Y WEBHOOKS_SECRET_KEYS=check \
  "${compose[@]}" -f docker-compose.sqlserver.yml config -q
say "docker-compose.sqlserver.yml is valid"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export INVOICING_PORT=$port INVOICING_TESTS_PID=$$

# The key as a user keeps it: an env file written once by docker/secret-key.sh and read by compose itself (a user's is
# .env; here a throwaway file passed with --env-file). A second run must leave the key as it is.
unset WEBHOOKS_SECRET_KEY WEBHOOKS_SECRET_KEYS
envdir=$(mktemp -d)
envfile="$envdir/compose.env"
bash docker/secret-key.sh "$envfile" >/dev/null
written=$(cat "$envfile")
bash docker/secret-key.sh "$envfile" >/dev/null
[ "$(cat "$envfile")" = "$written" ] || { say "a second docker/secret-key.sh changed the key" >&2; exit 1; }
grep -qxE 'WEBHOOKS_SECRET_KEYS=[A-Za-z0-9+/]{43}=' "$envfile" || { say "docker/secret-key.sh wrote no key" >&2; exit 1; }
say "docker/secret-key.sh wrote a key once and left it on a second run"

# The check's own settings on top (a user's override file would sit in the same place): test keys limited to 10/s with a
# burst of 10, so that a fleet that limited per replica would let three times as much through.
RATE=10
BURST=10
cat >"$envdir/check.yml" <<YAML
services:
  api:
    environment:
      RateLimits__Test__PermitsPerSecond: "${RATE}"
      RateLimits__Test__Burst: "${BURST}"
YAML

REPLICAS=3
project=(-p "invoicing-ci-$$" --env-file "$envfile" -f docker-compose.yml -f docker-compose.ci.yml -f "$envdir/check.yml")
"${compose[@]}" "${project[@]}" config -q

down() { "${compose[@]}" "${project[@]}" down -v --remove-orphans >/dev/null 2>&1 || true; rm -rf "$envdir"; }
trap down EXIT

# Waits until every api replica's HEALTHCHECK says healthy (at most 180 s: three replicas start on a shared machine).
wait_healthy() {
  local ids healthy=0 id
  for _ in $(seq 1 180); do
    mapfile -t ids < <("${compose[@]}" "${project[@]}" ps -q api)
    healthy=0
    for id in "${ids[@]}"; do
      [ "$(docker inspect -f '{{ .State.Health.Status }}' "$id")" = healthy ] && healthy=$((healthy + 1))
    done
    [ "${#ids[@]}" -eq "$REPLICAS" ] && [ "$healthy" -eq "$REPLICAS" ] && return 0
    sleep 1
  done
  "${compose[@]}" "${project[@]}" logs --no-color --tail 40 >&2
  say "${healthy} of ${#ids[@]} api replicas healthy after 180 s (want ${REPLICAS})" >&2
  exit 1
}

# Waits until the proxy answers /health/ready with 200 (it re-resolves the replicas every 2 s; at most 20 s).
wait_proxy() {
  local ready=
  for _ in $(seq 1 40); do
    ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port}/health/ready" || true)
    [ "$ready" = 200 ] && return 0
    sleep 0.5
  done
  "${compose[@]}" "${project[@]}" logs --no-color --tail 20 proxy >&2
  say "GET /health/ready through the proxy on 127.0.0.1:${port} answered ${ready}" >&2
  exit 1
}

start=$SECONDS
"${compose[@]}" "${project[@]}" up -d --no-build --scale "api=${REPLICAS}" 2>&1 | sed 's/^/compose: /'
wait_healthy
wait_proxy
say "${REPLICAS} api replicas, PostgreSQL, Redis and the proxy up and healthy in $((SECONDS - start)) s; GET http://127.0.0.1:${port}/health/ready through the proxy answered 200"

# As the README says: a key from a running container, then a request that writes to PostgreSQL.
new_key() {
  "${compose[@]}" "${project[@]}" exec -T api ./Invoicing.Web keys create --environment test | tr -d '\r' | grep -xE 'sk_test_[0-9A-Za-z]{32,128}' | head -n 1
}
key=$(new_key)
[ -n "$key" ] || { say "keys create printed no key" >&2; exit 1; }
created=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${key}" -H 'Content-Type: application/json' \
  -d '{"name":"Compose check"}' "http://127.0.0.1:${port}/v1/counterparties")
[ "$created" = 201 ] || { say "POST /v1/counterparties answered ${created}" >&2; exit 1; }
say "a key from keys create; POST /v1/counterparties through the proxy answered 201"

# The proxy's limits sit above the API's: a body over 1 MiB reaches a replica and gets the API's 413 envelope, not nginx's page.
too_large=$(head -c $((1024 * 1024 + 64)) /dev/zero | tr '\0' ' ' | curl -s -H "Authorization: Bearer ${key}" -H 'Content-Type: application/json' \
  --data-binary @- -w ' %{http_code}' "http://127.0.0.1:${port}/v1/counterparties")
case "$too_large" in
  *'"code":"payload_too_large"'*' 413') ;;
  *) say "a body over 1 MiB through the proxy answered: ${too_large:0:200}" >&2; exit 1 ;;
esac
say "a body over 1 MiB through the proxy: the API's 413 payload_too_large"

# The fleet: a fresh key (its own bucket) hammered through the proxy by 8 clients for 5 s, each request with its own
# Request-Id. The key must get about burst + rate x time (the replicas decide in Redis), never three times that; the
# refusals must be the envelope's 429 with Retry-After; and each replica's own request log must show it served some of
# these requests, all of them together exactly what the clients sent.
fleet_key=$(new_key)
[ -n "$fleet_key" ] || { say "keys create printed no key" >&2; exit 1; }
run="compose-$$"
counts=$(python3 - "$port" "$fleet_key" "$run" 5 8 <<'PY'
import http.client, json, sys, threading, time
port, key, run, seconds, clients = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
lock = threading.Lock()
seen = {"sent": 0, "ok": 0, "limited": 0, "other": 0}
bad = []
def client(n):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    i = 0
    while time.monotonic() < deadline:
        i += 1
        conn.request("GET", "/v1/counterparties?limit=1", headers={"Authorization": "Bearer " + key, "Request-Id": f"{run}-{n}-{i}"})
        r = conn.getresponse()
        body = r.read()
        with lock:
            seen["sent"] += 1
            if r.status == 200:
                seen["ok"] += 1
            elif r.status == 429 and r.getheader("Retry-After") and json.loads(body).get("code") == "rate_limited":
                seen["limited"] += 1
            else:
                seen["other"] += 1
                bad.append(f"{r.status} {body[:200]!r}")
start = time.monotonic()
deadline = start + seconds
threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.monotonic() - start
for b in bad[:3]: print("unexpected answer:", b, file=sys.stderr)
print(seen["sent"], seen["ok"], seen["limited"], seen["other"], f"{elapsed:.2f}")
PY
)
read -r sent ok limited other elapsed <<<"$counts"
[ "$other" -eq 0 ] || { say "${other} of ${sent} requests through the proxy answered neither 200 nor 429 rate_limited with Retry-After" >&2; exit 1; }
# What one bucket allows over the run: the burst plus the refill over the time the clients ran.
expected=$(python3 -c "print(round(${BURST} + ${RATE} * ${elapsed}))")
say "a key limited to ${RATE}/s (burst ${BURST}): ${ok} of ${sent} requests accepted through the proxy in ${elapsed} s ($(python3 -c "print(f'{${sent} / ${elapsed}:.0f}')") requests/s sent), ${limited} refused with 429 rate_limited; one bucket allows ${expected}, one per replica would allow $((expected * REPLICAS))"
python3 -c "import sys; sys.exit(0 if 0.85 * ${expected} - 1 <= ${ok} <= 1.15 * ${expected} + 1 else 1)" \
  || { say "accepted ${ok}, want ${expected} +/- 15%: the limit does not hold for the fleet" >&2; exit 1; }
# Per-replica buckets would let up to three times the limit through, if at least that much is sent (twice that here).
[ "$sent" -ge $((2 * expected * REPLICAS)) ] \
  || { say "only ${sent} requests sent: too few to tell one bucket from ${REPLICAS}" >&2; exit 1; }

# Which replica served what, from each replica's own log (one line per request, with the Request-Id it was sent).
sleep 1 # the log sink writes in the background
served=()
logged=0
logged_ok=0
for id in $("${compose[@]}" "${project[@]}" ps -q api); do
  read -r n n_ok < <(docker logs "$id" 2>&1 | python3 -c '
import re, sys
run = sys.argv[1]
ids, ok = set(), set()
for line in sys.stdin:
    m = re.search(r"\b(" + re.escape(run) + r"-\d+-\d+)\b", line)
    if not m or "responded" not in line:
        continue
    ids.add(m.group(1))
    s = re.search(r"responded\D{0,3}(\d{3})", line) or re.search(r"\"StatusCode\":\s*(\d{3})", line)
    if s and s.group(1) == "200":
        ok.add(m.group(1))
print(len(ids), len(ok))' "$run")
  served+=("$n")
  logged=$((logged + n))
  logged_ok=$((logged_ok + n_ok))
done
say "requests per replica, from each replica's request log: ${served[*]} (${logged} logged of ${sent} sent; ${logged_ok} accepted of ${ok})"
[ "$logged" -eq "$sent" ] && [ "$logged_ok" -eq "$ok" ] \
  || { say "the replicas' logs do not add up to what was sent and accepted" >&2; exit 1; }
for n in "${served[@]}"; do
  [ "$n" -gt 0 ] || { say "a replica served none of the requests through the proxy" >&2; exit 1; }
done
say "every replica served requests through the proxy, and the key's limit held for the fleet"

# The key survives `up`: a webhook endpoint created with an Idempotency-Key (its stored answer is encrypted with the
# key), the API containers recreated, and the same request replays that answer (a lost key made it a 500 before).
endpoint() {
  local headers status replayed
  headers=$(curl -s -o /dev/null -D - -H "Authorization: Bearer ${key}" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: compose-check-$$" -d '{"url":"https://hooks.example.com/compose-check","enabled_events":["*"]}' \
    "http://127.0.0.1:${port}/v1/webhook_endpoints" | tr -d '\r')
  status=$(printf '%s\n' "$headers" | head -n 1 | cut -d ' ' -f 2)
  replayed=$(printf '%s\n' "$headers" | grep -i '^idempotent-replayed:' | cut -d ' ' -f 2 || true)
  echo "${status} ${replayed}"
}
first=$(endpoint)
[ "$first" = "201 " ] || { say "POST /v1/webhook_endpoints answered ${first}" >&2; exit 1; }
"${compose[@]}" "${project[@]}" up -d --no-build --no-deps --force-recreate --scale "api=${REPLICAS}" api 2>&1 | sed 's/^/compose: /'
wait_healthy
wait_proxy
replayed=$(endpoint)
[ "$replayed" = "201 true" ] || { say "after the API was recreated, the replay answered ${replayed} (want 201, replayed)" >&2; exit 1; }
say "the API replicas recreated with the key from the env file are healthy and replay a stored answer through the proxy"
say "done in $((SECONDS - start)) s"
