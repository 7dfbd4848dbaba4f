#!/usr/bin/env bash
# Builds the map asset public/data/world.json from Natural Earth country shapes (public domain),
# as packaged by the world-atlas npm package. The package is fetched once with `npm pack` into
# target/world-atlas/ (reused afterwards), then `build-map` projects and simplifies it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

version=2.0.2
cache=target/world-atlas
input="$cache/$version/package/countries-110m.json"

if [ ! -f "$input" ]; then
  command -v npm >/dev/null || { echo "build-map.sh: npm is needed to fetch world-atlas@$version" >&2; exit 1; }
  rm -rf "$cache/$version.tmp"
  mkdir -p "$cache/$version.tmp"
  echo "fetching world-atlas@$version into $cache/$version/"
  (cd "$cache/$version.tmp" && npm pack --silent "world-atlas@$version" >/dev/null && tar -xzf "world-atlas-$version.tgz")
  [ -f "$cache/$version.tmp/package/countries-110m.json" ] || { echo "build-map.sh: the package has no countries-110m.json" >&2; exit 1; }
  rm -rf "$cache/$version"
  mv "$cache/$version.tmp" "$cache/$version"
fi

cargo run --release -p coops-import --bin build-map -- "$input" --out public/data/world.json
out=public/data/world.json
printf '%s: %d bytes, %d gzip -9\n' "$out" "$(stat -c %s "$out")" "$(gzip -9c "$out" | wc -c)"
