#!/usr/bin/env bash
# Fetches the world-atlas npm package (Natural Earth's country shapes as TopoJSON, public
# domain) once into target/world-atlas/<version>/package/, checked against its pinned digest,
# and prints that folder. The map assets are built from it (scripts/build-map.sh), and a test
# checks the committed assets against it (crates/import/tests/map.rs). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=versions.env
source scripts/versions.env

cache="target/world-atlas/$WORLD_ATLAS_VERSION"
# The digest the files were unpacked from: a folder from before the pin, or another digest, is
# fetched again.
if [ "$(cat "$cache/STAMP" 2>/dev/null)" != "$WORLD_ATLAS_SHA256" ] \
    || [ ! -f "$cache/package/countries-110m.json" ] || [ ! -f "$cache/package/countries-50m.json" ]; then
  command -v npm >/dev/null || { echo "world-atlas.sh: npm is needed to fetch world-atlas@$WORLD_ATLAS_VERSION (apt-get install npm)" >&2; exit 1; }
  rm -rf "$cache.tmp"
  mkdir -p "$cache.tmp"
  echo "fetching world-atlas@$WORLD_ATLAS_VERSION into $cache/" >&2
  (cd "$cache.tmp" && npm pack --silent "world-atlas@$WORLD_ATLAS_VERSION" >/dev/null)
  tarball="$cache.tmp/world-atlas-$WORLD_ATLAS_VERSION.tgz"
  echo "$WORLD_ATLAS_SHA256  $tarball" | sha256sum --check --quiet - \
    || { echo "world-atlas.sh: $tarball does not match its pinned digest" >&2; exit 1; }
  tar -xzf "$tarball" -C "$cache.tmp" package/countries-110m.json package/countries-50m.json package/LICENSE
  rm -f "$tarball"
  echo "$WORLD_ATLAS_SHA256" > "$cache.tmp/STAMP"
  rm -rf "$cache"
  mv "$cache.tmp" "$cache"
fi
echo "$cache/package"
