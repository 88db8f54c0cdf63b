#!/usr/bin/env bash
# Removes the containers, networks and volumes that tests started (label org.invoicing.tests) and whose owner process
# (label org.invoicing.tests.pid) no longer runs: what a killed or failed run left behind, since Testcontainers' reaper
# cannot run here. What a run still in progress owns is left alone (several checkouts share this machine's engine).
set -euo pipefail

LABEL=org.invoicing.tests
OWNER=org.invoicing.tests.pid

gone() { [ -z "$1" ] || [ "$1" = 0 ] || [ "$1" = "<no value>" ] || ! kill -0 "$1" 2>/dev/null; }

removed=0
while read -r id owner; do
  [ -n "$id" ] && gone "$owner" && docker container rm -f -v "$id" >/dev/null && removed=$((removed + 1))
done < <(docker container ls -a --filter "label=${LABEL}" --format "{{.ID}} {{.Label \"${OWNER}\"}}")
while read -r id owner; do
  [ -n "$id" ] && gone "$owner" && docker network rm "$id" >/dev/null && removed=$((removed + 1))
done < <(docker network ls --filter "label=${LABEL}" --format "{{.ID}} {{.Label \"${OWNER}\"}}")
while read -r name owner; do
  [ -n "$name" ] && gone "$owner" && docker volume rm "$name" >/dev/null && removed=$((removed + 1))
done < <(docker volume ls --filter "label=${LABEL}" --format "{{.Name}} {{.Label \"${OWNER}\"}}")
echo "sweep: removed ${removed} container(s), network(s) and volume(s) left by test runs that have ended"
