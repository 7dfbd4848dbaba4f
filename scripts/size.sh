#!/usr/bin/env bash
# Prints the size of what a visitor downloads from dist/: raw and gzip -9.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run make build" >&2; exit 1; }
printf '%-34s %10s %10s\n' "file" "raw" "gzip -9"
for f in dist/*.wasm dist/*.js dist/*.css dist/data/*.json; do
  [ -f "$f" ] || continue
  printf '%-34s %10d %10d\n' "${f#dist/}" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done
