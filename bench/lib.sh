# Helpers shared by bench/run.sh, bench/soak.sh and bench/fleet.sh (sourced, not run; each script defines log, die
# and WORK, its temporary folder).

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

wait_ready() { # url, pid, seconds
  local deadline=$((SECONDS + $3))
  until curl -fsS -o /dev/null "$1/health/ready" 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || return 1
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.05
  done
}

# Debian's PostgreSQL server binaries (initdb, pg_ctl): sets PG_BIN.
find_postgres() {
  PG_BIN=$(dirname "$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)")
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL server binaries (initdb, pg_ctl) not found"
}

# A throwaway PostgreSQL in $WORK/pg on a free loopback port, durability off (a benchmark's data is thrown away), with
# one database; further server settings (-c name=value …) follow. Sets PG_DIR and PG_PORT; stop_postgres ends it.
start_postgres() { # database [-c name=value …]
  PG_DIR="$WORK/pg"
  mkdir -p "$PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR"
  PG_PORT=$(free_port)
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log"; die "initdb"; }
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${*:2}" \
    start >/dev/null || die "pg_ctl start"
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE $1" >/dev/null || die "CREATE DATABASE $1"
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ]; then as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
}

# The service built in one configuration: sets WEB_DIR and WEB_DLL (it runs from WEB_DIR, beside its appsettings).
build_service() { # configuration
  dotnet build -c "$1" -v q -nologo src/Web/Invoicing.Web.csproj >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "build"; }
  WEB_DIR="$ROOT/src/Web/bin/$1/net10.0"
  WEB_DLL="$WEB_DIR/Invoicing.Web.dll"
  [ -f "$WEB_DLL" ] && [ -f "$WEB_DIR/appsettings.json" ] || die "no build output in $WEB_DIR"
}
