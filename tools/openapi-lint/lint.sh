#!/usr/bin/env bash
# Lints the OpenAPI document the service serves (/openapi/v1.json) with two tools nobody here wrote, at the versions
# pinned in package.json/package-lock.json: Redocly CLI with its `recommended` ruleset and Spectral with `spectral:oas`,
# both unchanged (redocly.yaml, .spectral.yaml). Any error or warning from either fails (exit 1). docs/decisions/0035.
#
#   tools/openapi-lint/lint.sh                  the document as the service serves it, written by OpenApiDocumentTests
#                                               (INVOICING_OPENAPI_OUT): builds the integration tests if needed
#   tools/openapi-lint/lint.sh openapi.json     a document you already have
#
# Needs Node.js 20.19 or later with npm (on the project's machines; Debian's own nodejs is older).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
  || { echo "openapi lint: Node.js (20.19 or later) and npm are needed" >&2; exit 1; }
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || { echo "openapi lint: Node.js $(node --version) is too old: Redocly CLI needs 20.19 or later" >&2; exit 1; }

# The lockfile names versions and hashes only, never where a package came from (.npmrc: omit-lockfile-registry-resolved).
if grep -q '"resolved"' "$here/package-lock.json"; then
  echo "openapi lint: package-lock.json records download addresses; regenerate it with the .npmrc beside it" >&2
  exit 1
fi

# The pinned tools, installed once per lockfile (npm ci; no install scripts: neither tool needs one).
stamp="$here/node_modules/.lockfile.sha256"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)" ]; then
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  sha256sum "$here/package-lock.json" | cut -d' ' -f1 >"$stamp"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
document="${1:-}"
if [ -z "$document" ]; then
  document="$work/openapi.json"
  if ! INVOICING_OPENAPI_OUT="$document" dotnet test "$root/tests/Invoicing.IntegrationTests" \
      --filter "FullyQualifiedName~OpenApiDocumentTests.The_served_document_is_written_for_the_linters" >"$work/test.log" 2>&1 \
      || [ ! -s "$document" ]; then
    cat "$work/test.log" >&2
    echo "openapi lint: could not get the served document" >&2
    exit 1
  fi
fi

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
status=0

# Redocly exits non-zero on errors only: count its warnings from the JSON report.
(cd "$here" && npx --no-install redocly lint --config redocly.yaml --format json "$document" >"$work/redocly.json" 2>"$work/redocly.err") || true
node - "$work/redocly.json" <<'EOF' || status=1
const fs = require("fs");
let report;
try { report = JSON.parse(fs.readFileSync(process.argv[2], "utf8")); } catch (e) { console.error("Redocly: no report"); process.exit(1); }
for (const p of report.problems) {
  const where = (p.location || []).map(l => l.pointer).join(", ");
  console.log(`Redocly ${p.severity} ${p.ruleId}: ${p.message}${where ? ` (${where})` : ""}`);
}
const { errors, warnings } = report.totals;
console.log(`Redocly CLI (recommended): ${errors} errors, ${warnings} warnings`);
process.exit(errors + warnings === 0 ? 0 : 1);
EOF
[ -s "$work/redocly.json" ] || cat "$work/redocly.err" >&2

# Spectral: fail on warnings too.
if (cd "$here" && npx --no-install spectral lint --ruleset .spectral.yaml --fail-severity warn --format text "$document" >"$work/spectral.txt" 2>&1); then
  cat "$work/spectral.txt"
  echo "Spectral (spectral:oas): 0 errors, 0 warnings"
else
  cat "$work/spectral.txt"
  echo "Spectral (spectral:oas): errors or warnings above"
  status=1
fi

exit "$status"
