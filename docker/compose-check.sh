#!/usr/bin/env bash
# CI: docker-compose.yml, the API on PostgreSQL 15, brought up on the local images (docker-compose.ci.yml) as a user
# would bring it up; it must become healthy (the image's HEALTHCHECK), answer /health/ready on its loopback port, and
# serve a request with a key made by `keys create`; the webhook key comes from an env file made by docker/secret-key.sh
# (a throwaway one, so that no key is ever written into the checkout), and a recreated API container still replays a
# stored answer with it. Then `down -v`, also when it fails. docker-compose.sqlserver.yml
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

project=(-p "invoicing-ci-$$" --env-file "$envfile" -f docker-compose.yml -f docker-compose.ci.yml)
"${compose[@]}" "${project[@]}" config -q

down() { "${compose[@]}" "${project[@]}" down -v --remove-orphans >/dev/null 2>&1 || true; rm -rf "$envdir"; }
trap down EXIT

# Waits until the api container's HEALTHCHECK says healthy (at most 120 s).
wait_healthy() {
  local api health=
  api=$("${compose[@]}" "${project[@]}" ps -q api)
  for _ in $(seq 1 120); do
    health=$(docker inspect -f '{{ .State.Health.Status }}' "$api")
    [ "$health" = healthy ] && return 0
    sleep 1
  done
  "${compose[@]}" "${project[@]}" logs --no-color --tail 40 >&2
  say "the API did not become healthy within 120 s (health: ${health})" >&2
  exit 1
}

start=$SECONDS
"${compose[@]}" "${project[@]}" up -d --no-build 2>&1 | sed 's/^/compose: /'
wait_healthy
ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port}/health/ready")
[ "$ready" = 200 ] || { say "GET /health/ready on 127.0.0.1:${port} answered ${ready}" >&2; exit 1; }
say "up and healthy in $((SECONDS - start)) s; GET http://127.0.0.1:${port}/health/ready answered 200"

# As the README says: a key from the running container, then a request that writes to PostgreSQL.
key=$("${compose[@]}" "${project[@]}" exec -T api ./Invoicing.Web keys create --environment test | tr -d '\r' | grep -xE 'sk_test_[0-9A-Za-z]{32,128}' | head -n 1)
[ -n "$key" ] || { say "keys create printed no key" >&2; exit 1; }
created=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${key}" -H 'Content-Type: application/json' \
  -d '{"name":"Compose check"}' "http://127.0.0.1:${port}/v1/counterparties")
[ "$created" = 201 ] || { say "POST /v1/counterparties answered ${created}" >&2; exit 1; }
say "a key from keys create; POST /v1/counterparties answered 201"

# The key survives `up`: a webhook endpoint created with an Idempotency-Key (its stored answer is encrypted with the
# key), the API container recreated, and the same request replays that answer (a lost key made it a 500 before).
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
"${compose[@]}" "${project[@]}" up -d --no-build --no-deps --force-recreate api 2>&1 | sed 's/^/compose: /'
wait_healthy
replayed=$(endpoint)
[ "$replayed" = "201 true" ] || { say "after the API was recreated, the replay answered ${replayed} (want 201, replayed)" >&2; exit 1; }
say "the API recreated with the key from the env file is healthy and replays a stored answer"
