#!/usr/bin/env bash
# Runs this sample as another team would: against Invoicing.Testcontainers and Invoicing.Client as packed by `dotnet pack`
# (a version of their own, so a package cached by an earlier run is never used), not against the projects. Needs a
# Docker engine and the service's image (INVOICING_TESTS_SERVICE_IMAGE, INVOICING_TESTS_POSTGRES_IMAGE; .ci/run sets them).
# Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/../.."

version="1.0.0-sample.$(date -u +%Y%m%d%H%M%S).$$"
packages=$(mktemp -d)
cache=$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: //')
cleanup() {
  rm -rf "$packages" "${cache%/}/invoicing.client/${version}" "${cache%/}/invoicing.testcontainers/${version}"
  rmdir "${cache%/}/invoicing.client" "${cache%/}/invoicing.testcontainers" 2>/dev/null || true # when no other version is there
}
trap cleanup EXIT

for project in src/Client src/Testcontainers; do
  dotnet pack "$project" -c Release -o "$packages" -p:Version="$version" -nologo -v quiet
done
ls "$packages"
dotnet test samples/Invoicing.Testcontainers.Sample -p:InvoicingPackages="$packages" -p:InvoicingPackageVersion="$version" "$@"
