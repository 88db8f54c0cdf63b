#!/usr/bin/env bash
# The measurement behind docs/decisions/0041: the fleet's per-key token bucket in Redis, the service's own Lua script on
# StackExchange.Redis against RedisRateLimiting 1.2.1, on a throwaway redis-server on loopback (nothing saved).
# Prints a markdown table (cost per decision, accuracy with two instances). Not run by CI. Usage: bench/redis.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install -y redis-server" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" >"$dir/log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
dotnet run -c Release --project bench/Redis -- "127.0.0.1:$port" "${1:-5}"
