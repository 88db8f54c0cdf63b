#!/usr/bin/env bash
# A Docker engine and the local images the tests use, for machines that can reach a Debian mirror but no container
# registry (this project's CI; docs/containers.md). Each image is built once per machine and reused by its tag while the
# files it is built from are unchanged (a label holds their hash):
#   local/debian:bookworm        debootstrap --variant=minbase, imported (the base of the others)
#   local/postgres:15            Debian's postgresql-15 behind an entrypoint that honours the official image's POSTGRES_*
#   local/runtime-deps:10.0      what the official dotnet/runtime-deps image holds: libicu, libssl, ca-certificates, user app
#   local/nginx:bookworm         Debian's nginx laid out as the official image (conf.d, logs on stdout/stderr): the proxy
#   local/redis:bookworm         Debian's redis-server run as the official image runs it: docker-compose.yml's redis
#   local/invoicing:ci           the service: published on this machine (the SDK image cannot be pulled), copied onto
#                                local/runtime-deps by src/Web/Dockerfile's `prebuilt` stage
# The Debian mirror is read from this machine's apt sources at run time (DEBIAN_MIRROR overrides it); no mirror or
# registry host is written into any file.
#   docker/images.sh             engine + all images
#   docker/images.sh engine      the engine only
# IMAGES_REPOSITORY (default `local`) names the six tags' repository: another value builds a second, independent set
# beside the first (to time a build from nothing without touching the tags the tests use).
set -euo pipefail
cd "$(dirname "$0")/.."

repository=${IMAGES_REPOSITORY:-local}
DEBIAN_IMAGE=${repository}/debian:bookworm
POSTGRES_IMAGE=${repository}/postgres:15
RUNTIME_DEPS_IMAGE=${repository}/runtime-deps:10.0
NGINX_IMAGE=${repository}/nginx:bookworm
REDIS_IMAGE=${repository}/redis:bookworm
SERVICE_IMAGE=${repository}/invoicing:ci
SOURCE_LABEL=org.invoicing.source # the hash of what an image was built from
DOCKERD_LOG=${DOCKERD_LOG:-/var/log/invoicing-dockerd.log}

say() { echo "images: $*"; }
die() { echo "images: $*" >&2; exit 1; }

# Runs a step and prints how long it took.
timed() {
  local name=$1 start=$SECONDS
  shift
  "$@"
  say "${name}: $((SECONDS - start)) s"
}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Runs a command with its output in a log, shown only when it fails.
quiet() {
  local log
  log=$(mktemp)
  "$@" >"$log" 2>&1 || { tail -n 40 "$log" >&2; rm -f "$log"; die "failed: $*"; }
  rm -f "$log"
}

apt_install() {
  export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1
  quiet as_root apt-get update
  quiet as_root apt-get install -y "$@"
}

# The first Debian bookworm mirror of this machine's apt sources: one-line (sources.list, *.list) or deb822 (*.sources).
debian_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then
    echo "$DEBIAN_MIRROR"
    return
  fi
  local file uri=
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$file" ] || continue
    uri=$(sed -E 's/\[[^]]*\]//' "$file" | awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }')
    [ -n "$uri" ] && break
  done
  if [ -z "$uri" ]; then
    for file in /etc/apt/sources.list.d/*.sources; do
      [ -r "$file" ] || continue
      uri=$(awk 'BEGIN { RS = ""; FS = "\n" }
        { types = uris = suites = ""; enabled = 1
          for (i = 1; i <= NF; i++) {
            if ($i ~ /^Types:/) types = " " substr($i, 7) " "
            else if ($i ~ /^URIs:/) uris = substr($i, 6)
            else if ($i ~ /^Suites:/) suites = " " substr($i, 8) " "
            else if ($i ~ /^Enabled: *no/) enabled = 0
          }
          if (enabled && types ~ / deb / && suites ~ /[ \t]bookworm[ \t]/) { split(uris, u, " "); print u[1]; exit } }' "$file")
      [ -n "$uri" ] && break
    done
  fi
  [ -n "$uri" ] || die "no Debian bookworm mirror in /etc/apt/sources.list or /etc/apt/sources.list.d (set DEBIAN_MIRROR)"
  echo "${uri%/}"
}

# Installs docker.io when there is no engine, and starts dockerd in the background when none answers.
engine() {
  if docker info >/dev/null 2>&1; then
    return
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    say "installing docker.io (Debian)"
    apt_install docker.io
  fi
  say "starting dockerd (log: ${DOCKERD_LOG})"
  # Its own session, outside any checkout and without this script's lock: the engine outlives this script and is shared
  # by later runs.
  (cd / && as_root setsid -f dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null 9>&-)
  for _ in $(seq 1 120); do
    docker info >/dev/null 2>&1 && return
    sleep 0.5
  done
  tail -n 20 "$DOCKERD_LOG" >&2
  die "dockerd did not answer within 60 s"
}

# The hash of the files under the paths given (names and contents, build output left out), to tell whether a tagged
# image is up to date.
source_hash() {
  find "$@" -type f ! -path '*/bin/*' ! -path '*/obj/*' ! -name '*.db' ! -name '*.db-*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16
}

# True when the image exists and was built from the given hash.
current() {
  [ "$(docker image inspect -f "{{ index .Config.Labels \"${SOURCE_LABEL}\" }}" "$1" 2>/dev/null)" = "$2" ]
}

base_image() {
  local recipe=debootstrap-minbase-bookworm mirror rootfs
  current "$DEBIAN_IMAGE" "$recipe" && return
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
  mirror=$(debian_mirror)
  rootfs=$(mktemp -d /var/tmp/invoicing-rootfs.XXXXXX)
  say "debootstrap bookworm (minbase) into ${rootfs}"
  quiet as_root debootstrap --variant=minbase bookworm "$rootfs" "$mirror"
  # No mirror stays in the image: the images built from it are given one as a build argument.
  as_root rm -rf "$rootfs/etc/apt/sources.list" "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb
  as_root tar -C "$rootfs" -c . | docker import \
    -c 'CMD ["bash"]' -c "LABEL ${SOURCE_LABEL}=${recipe}" \
    - "$DEBIAN_IMAGE" >/dev/null
  as_root rm -rf "$rootfs"
}

# Builds docker/<dir>/Dockerfile FROM the local Debian base, unless the tag was built from the same files.
debian_image() {
  local tag=$1 dir=$2 hash
  hash=$(source_hash "$dir")
  current "$tag" "$hash" && return
  say "building ${tag}"
  quiet docker build --build-arg "BASE_IMAGE=${DEBIAN_IMAGE}" --build-arg "DEBIAN_MIRROR=$(debian_mirror)" \
    --label "${SOURCE_LABEL}=${hash}" -t "$tag" "$dir"
}

# The service, published here as src/Web/Dockerfile's build stage publishes it (into $1), then the Dockerfile's
# `prebuilt` stage on the local runtime-deps image with the published directory as its build context.
publish_service() {
  local start=$SECONDS
  quiet dotnet publish src/Web/Invoicing.Web.csproj -c Release -o "$1" --ucr --self-contained true \
    -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -nologo
  say "service published (self-contained, ReadyToRun composite): $((SECONDS - start)) s"
}

service_image() {
  local publish=$1 hash=$2
  quiet docker build -f src/Web/Dockerfile --target prebuilt --build-arg "RUNTIME_IMAGE=${RUNTIME_DEPS_IMAGE}" \
    --label "${SOURCE_LABEL}=${hash}" -t "$SERVICE_IMAGE" "$publish"
  rm -rf "$publish"
}

# One build at a time on this machine (several checkouts share the engine and the tags).
exec 9>/tmp/invoicing-images.build.lock
flock 9

timed engine engine
[ "${1:-}" = engine ] && exit 0

# The service's publish (CPU) runs while the Debian images are made (mostly downloads and unpacking).
service_hash=$(source_hash src Directory.Build.props Directory.Packages.props)
publisher=
if ! current "$SERVICE_IMAGE" "$service_hash"; then
  publish=$(mktemp -d)
  say "publishing the service in the background"
  publish_service "$publish" &
  publisher=$!
fi
timed "$DEBIAN_IMAGE" base_image
timed "$POSTGRES_IMAGE" debian_image "$POSTGRES_IMAGE" docker/postgres
timed "$RUNTIME_DEPS_IMAGE" debian_image "$RUNTIME_DEPS_IMAGE" docker/runtime-deps
timed "$NGINX_IMAGE" debian_image "$NGINX_IMAGE" docker/nginx
timed "$REDIS_IMAGE" debian_image "$REDIS_IMAGE" docker/redis
if [ -n "$publisher" ]; then
  wait_start=$SECONDS
  wait "$publisher" || die "the service's publish failed"
  say "waited for the publish: $((SECONDS - wait_start)) s"
  timed "$SERVICE_IMAGE" service_image "$publish" "$service_hash"
else
  say "${SERVICE_IMAGE}: up to date"
fi
