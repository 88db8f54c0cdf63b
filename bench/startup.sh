#!/usr/bin/env bash
# Start-up benchmark: from starting the process to the first 200 from /health/ready, on an empty SQLite
# database (so every run applies all migrations), with the Release build published the way the Docker image
# publishes it (self-contained, ReadyToRun composite) and run the way the image runs it (`dotnet Invoicing.Web.dll`, Production, from
# its own folder). Not a test. See bench/README.md, "Start-up". Needs curl; Linux x64 (reads /proc).
#
#   bench/startup.sh              # 9 runs of each case, ReadyToRun as in the image
#   R2R=0 bench/startup.sh        # plain IL (JIT everything), as `dotnet publish` without a runtime does
#   NICE=-20 bench/startup.sh     # as root: run the service ahead of other load on a shared machine
#   RUNS=3 bench/startup.sh       # quicker
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-9}"
BASE_PORT="${BASE_PORT:-18900}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

publish=(-c Release -o "$work/app" --nologo -v quiet)
R2R="${R2R:-1}"
if [ "$R2R" = 1 ]; then
  # As src/Web/Dockerfile: self-contained, the app and the frameworks precompiled into one composite image.
  publish+=(-r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true)
fi
echo "Publishing src/Web (Release, R2R=$R2R) to $work/app …" >&2
dotnet publish src/Web/Invoicing.Web.csproj "${publish[@]}" >/dev/null

key_of() { printf 'sk_%s_%s' "$1" "$(head -c 300 /dev/urandom | tr -dc 'A-Za-z0-9' | head -c 32)"; }

# One run: prints "WALL CPU": the milliseconds from spawning the process to the first 200 from /health/ready,
# and the CPU time (user + system) the process had used by then. On a busy shared machine the wall time
# swings with the load; the CPU time barely does.
webhooks_key=$(head -c 32 /dev/urandom | base64)  # Production refuses to start without it
run_once() {
  local name="$1" port="$2"; shift 2
  local db="$work/$name.db" log="$work/$name.log"
  local start end pid
  start=$(date +%s%N)
  (cd "$work/app" && exec nice -n "${NICE:-0}" env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Invoicing="Data Source=$db" \
    Webhooks__SecretKey="$webhooks_key" "$@" \
    dotnet Invoicing.Web.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1) &
  pid=$!
  pids+=("$pid")
  until curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/health/ready"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The service exited before it was ready; its log:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.005
  done
  end=$(date +%s%N)
  local ticks
  ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$(((end - start) / 1000000)) $((ticks * 1000 / $(getconf CLK_TCK)))"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

empty=()
bootstrap=()
for i in $(seq 1 "$RUNS"); do
  # The cases alternate, so that load from elsewhere on the machine falls on both alike.
  empty+=("$(run_once "empty-$i" $((BASE_PORT + 2 * i)))")
  bootstrap+=("$(run_once "bootstrap-$i" $((BASE_PORT + 2 * i + 1)) \
    Invoicing__BootstrapKeys__0__Key="$(key_of test)" Invoicing__BootstrapKeys__0__Environment=test \
    Invoicing__BootstrapKeys__1__Key="$(key_of live)" Invoicing__BootstrapKeys__1__Environment=live)")
done

report() {
  local label="$1"; shift
  local wall cpu
  wall=$(printf '%s\n' "$@" | cut -d' ' -f1)
  cpu=$(printf '%s\n' "$@" | cut -d' ' -f2)
  printf '%s (%s runs)\n' "$label" "$#"
  printf '  wall ms: median %s, min %s, max %s   [%s]\n' "$(median <<<"$wall")" "$(sort -n <<<"$wall" | head -1)" "$(sort -n <<<"$wall" | tail -1)" "$(echo $wall)"
  printf '  cpu ms:  median %s, min %s, max %s   [%s]\n' "$(median <<<"$cpu")" "$(sort -n <<<"$cpu" | head -1)" "$(sort -n <<<"$cpu" | tail -1)" "$(echo $cpu)"
}
report "empty SQLite database" "${empty[@]}"
report "empty SQLite database + 2 bootstrap keys" "${bootstrap[@]}"
