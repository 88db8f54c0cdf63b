#!/usr/bin/env bash
# Keeps the webhook encryption key of docker-compose.yml in .env, which compose reads by itself: run it once before the
# first `docker compose up`. It writes WEBHOOKS_SECRET_KEYS=<a new random key> unless the file already has that line,
# so running it again changes nothing and the key survives every `up`. With WEBHOOKS_SECRET_KEY set in this shell (how
# this project was started before), that key is kept instead of a new one. Other lines of the file are left as they are.
# .env is git-ignored; keep a copy of the key with your other secrets. Rotating it: docs/operations.md.
# Usage: docker/secret-key.sh [FILE]   (FILE defaults to .env beside docker-compose.yml)
set -euo pipefail
file=${1:-"$(cd "$(dirname "$0")/.." && pwd)/.env"}
say() { echo "secret-key: $*"; }

if [ -f "$file" ] && grep -qE '^[[:space:]]*WEBHOOKS_SECRET_KEYS=' "$file"; then
  if grep -qE '^[[:space:]]*WEBHOOKS_SECRET_KEYS=[[:space:]]*$' "$file"; then
    say "$file has an empty WEBHOOKS_SECRET_KEYS line: remove it, or put the key there (docs/operations.md)" >&2
    exit 1
  fi
  say "$file already has WEBHOOKS_SECRET_KEYS; nothing changed"
  exit 0
fi

if [ -n "${WEBHOOKS_SECRET_KEY:-}" ]; then
  key=$WEBHOOKS_SECRET_KEY
  how="the WEBHOOKS_SECRET_KEY of this shell"
else
  key=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
  how="a new random key"
fi

umask 077
# Appended, on a line of its own.
if [ -s "$file" ] && [ -n "$(tail -c 1 "$file")" ]; then
  echo >>"$file"
fi
echo "WEBHOOKS_SECRET_KEYS=$key" >>"$file"
say "wrote WEBHOOKS_SECRET_KEYS ($how) to $file; keep a copy of it with your other secrets"
