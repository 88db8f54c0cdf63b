#!/usr/bin/env bash
# Makes sqlite.sql and postgres.sql: databases made and filled by the service of COMMIT (default: the last commit whose
# migrations were written by hand), dumped as SQL. See README.md beside this script. Needs the PostgreSQL 15 server
# binaries, sqlite3, pg_dump, curl, jq and python3; takes about two minutes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
commit=${1:-cfe4a505d625683efbc2344fc0b8a06760f22aa3}
work=$(mktemp -d)
chmod 755 "$work"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -d "$work/pg/data" ]; then as_pg pg_ctl -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  git -C "$repo" worktree remove --force "$work/src" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
export PATH="$pg_bin:$PATH" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
key_of() { awk -v env="$1" '$1 == env { print $2 }' "$here/keys.txt"; }
test_key=$(key_of test)
live_key=$(key_of live)

echo "Building $commit in a temporary worktree…"
git -C "$repo" worktree add --detach "$work/src" "$commit" >/dev/null
dotnet build "$work/src/src/Web/Invoicing.Web.csproj" -c Release -o "$work/app" >/dev/null
echo "Built: $(git -C "$work/src" log -1 --format='%h %s' | cut -c1-100)"

# A webhook receiver: /ok answers 200, anything else 500.
receiver_port=$(free_port)
python3 - "$receiver_port" <<'PY' &
import http.server, sys
class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        ok = self.path == "/ok"
        self.send_response(200 if ok else 500)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok" if ok else b"no")
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
pids+=($!)

settings() { # provider, connection string -> env_vars: the legacy service's environment
  env_vars=(ASPNETCORE_ENVIRONMENT=Testing "Database__Provider=$1" "ConnectionStrings__Invoicing=$2"
    "Invoicing__BootstrapKeys__0__Key=$test_key" Invoicing__BootstrapKeys__0__Environment=test Invoicing__BootstrapKeys__0__Name=legacy-test
    "Invoicing__BootstrapKeys__1__Key=$live_key" Invoicing__BootstrapKeys__1__Environment=live Invoicing__BootstrapKeys__1__Name=legacy-live
    Webhooks__AllowPrivateUrls=true Webhooks__PollInterval=00:00:00.2 Webhooks__RetryBaseDelay=00:00:01
    "Webhooks__RetryHorizon=${horizon:-00:00:04}" "Webhooks__DeliveryEnabled=${delivery:-true}")
}

start_service() { # provider, connection string
  settings "$1" "$2"
  port=$(free_port)
  env "${env_vars[@]}" dotnet "$work/app/Invoicing.Web.dll" --urls "http://127.0.0.1:$port" >>"$work/service.log" 2>&1 &
  service=$! # dotnet itself (env execs it), so that stopping it stops the service
  pids+=("$service")
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  cat "$work/service.log" >&2
  return 1
}

keys() { settings "$1" "$2"; env "${env_vars[@]}" dotnet "$work/app/Invoicing.Web.dll" keys "${@:3}"; }

stop_service() { kill "$service"; wait "$service" 2>/dev/null || true; }

post() { # key, path, body, [idempotency key] -> the response body; fails on a non-2xx answer
  curl -fsS -X POST "http://127.0.0.1:$port$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    ${4:+-H "Idempotency-Key: $4"} -d "$3"
}

invoice() { # key, number, originating id, receiving id, [note]
  local note=${5:+\"note\": \"$5\",}
  echo "{\"amount_cents\": 12500, \"discount_amount_cents\": 500, \"currency\": \"eur\", \"invoice_date\": \"2026-11-01\", \"invoice_due_date\": \"2026-12-01\",
         \"invoice_number\": \"$2\", $note \"originating_counterparty_id\": \"$3\", \"receiving_counterparty_id\": \"$4\"}"
}

fill() { # key, environment
  local k=$1 env=$2 a b open paid void
  if [ "$env" = test ]; then
    post "$k" /v1/webhook_endpoints "{\"url\": \"http://127.0.0.1:$receiver_port/ok\", \"enabled_events\": [\"*\"]}" >/dev/null
    post "$k" /v1/webhook_endpoints "{\"url\": \"http://127.0.0.1:$receiver_port/fail\", \"enabled_events\": [\"invoice.paid\", \"invoice.voided\"]}" >/dev/null
  fi
  a=$(post "$k" /v1/counterparties '{"name": "Ärzte & Söhne GmbH", "email": "billing@aerzte.test"}' "legacy-$env-counterparty" | jq -r .id)
  b=$(post "$k" /v1/counterparties '{"name": "Müller 🚀 Tires"}' | jq -r .id)
  open=$(post "$k" /v1/invoices "$(invoice "$k" "$env-INV-OPEN" "$a" "$b" "Zahlbar in 30 Tagen — danke!")" "legacy-$env-invoice" | jq -r .id)
  paid=$(post "$k" /v1/invoices "$(invoice "$k" "$env-INV-PAID" "$a" "$b")" | jq -r .id)
  void=$(post "$k" /v1/invoices "$(invoice "$k" "$env-inv-paid" "$a" "$b")" | jq -r .id) # differs from the paid one only in case
  post "$k" "/v1/invoices/$paid/pay" '' >/dev/null
  post "$k" "/v1/invoices/$void/void" '' >/dev/null
  post "$k" /v1/invoices/batch "[$(invoice "$k" "$env-B-1" "$b" "$a"), $(invoice "$k" "$env-B-2" "$b" "$a"), $(invoice "$k" "$env-B-3" "$b" "$a")]" >/dev/null
  echo "  $env: counterparties $a $b; invoices open $open, paid $paid, void $void, and a batch of 3"
}

make_db() { # provider, connection string
  delivery=true start_service "$1" "$2"
  fill "$test_key" test
  fill "$live_key" live
  sleep 6 # deliveries to /ok succeed, those to /fail are retried until the horizon (4 s) and fail
  stop_service
  # A horizon of a minute: the deliveries of this invoice's payment to /fail are still pending when the service stops.
  horizon=00:01:00 start_service "$1" "$2"
  local k=$test_key cp
  cp=$(curl -fsS "http://127.0.0.1:$port/v1/counterparties?limit=2" -H "Authorization: Bearer $k" | jq -r '.data[].id' | paste -sd' ')
  post "$k" "/v1/invoices/$(post "$k" /v1/invoices "$(invoice "$k" test-INV-LATE ${cp% *} ${cp#* })" | jq -r .id)/pay" '' >/dev/null
  sleep 1.5
  stop_service
  keys "$1" "$2" create --environment test --name revoked >"$work/keys.out"
  keys "$1" "$2" revoke "$(tail -n 1 "$work/keys.out" | cut -c1-16)" >/dev/null
  # Without the worker: an event that no pass has dispatched yet.
  delivery=false start_service "$1" "$2"
  post "$k" /v1/counterparties '{"name": "Undispatched"}' >/dev/null
  stop_service
}

echo "SQLite…"
make_db Sqlite "Data Source=$work/legacy.db"
sqlite3 "$work/legacy.db" .dump >"$here/sqlite.sql"

echo "PostgreSQL…"
mkdir "$work/pg" && chown postgres:postgres "$work/pg" 2>/dev/null || true
pg_port=$(free_port)
as_pg initdb -D "$work/pg/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
as_pg pg_ctl -D "$work/pg/data" -l "$work/pg/log" -w -t 30 -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc 'CREATE DATABASE legacy' postgres
make_db Postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=legacy"
# psql's \restrict/\unrestrict guards are no SQL: the tests run the dump through Npgsql.
pg_dump -h 127.0.0.1 -p "$pg_port" -U postgres --no-owner --no-privileges --column-inserts legacy \
  | sed -E '/^\\(un)?restrict /d' >"$here/postgres.sql"

for f in sqlite.sql postgres.sql; do
  echo "$f: $(grep -c '^INSERT INTO' "$here/$f") rows; deliveries by status: $(grep -oE "'(pending|delivered|failed)'" "$here/$f" | sort | uniq -c | tr -s ' \n' ' ')"
done
