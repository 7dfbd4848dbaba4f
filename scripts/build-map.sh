#!/usr/bin/env bash
# Builds the map asset public/data/world.json from Natural Earth country shapes (public domain),
# as packaged by the world-atlas npm package, and the close-up map public/data/world-close.json
# from its 1:50m shapes. scripts/world-atlas.sh fetches the package once into target/world-atlas/
# (reused afterwards), then `build-map` projects and simplifies each.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

shapes=$(scripts/world-atlas.sh)
input="$shapes/countries-110m.json"

cargo run --release -p coops-import --bin build-map -- "$input" --out public/data/world.json
# Close up (from zoom 4), the 1:50m shapes thinned less, fetched only then.
cargo run --release -p coops-import --bin build-map -- --close-up "$shapes/countries-50m.json" \
  --out public/data/world-close.json
for out in public/data/world.json public/data/world-close.json; do
  printf '%s: %d bytes, %d gzip -9\n' "$out" "$(stat -c %s "$out")" "$(gzip -9c "$out" | wc -c)"
done
