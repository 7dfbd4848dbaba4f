#!/usr/bin/env bash
# Prints the size of what a visitor downloads from dist/: raw and gzip -9, file by file, then
# the wasm each route downloads (the app is split by route: its main module, the route's chunks
# as the split's manifest lists them, and on the directory the quick search too).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run make build" >&2; exit 1; }
gz() { gzip -9c "$1" | wc -c; }
printf '%-44s %10s %10s\n' "file" "raw" "gzip -9"
for f in dist/*.wasm dist/*.js dist/app-*/* dist/*.css dist/data/*.json; do
  [ -f "$f" ] || continue
  case "$f" in *.gz|*.br) continue ;; esac
  printf '%-44s %10d %10d\n' "${f#dist/}" "$(stat -c %s "$f")" "$(gz "$f")"
done
manifest="${CARGO_TARGET_DIR:-target}/site-wasm/split.json"
if [ ! -f "$manifest" ]; then
  echo "(not split by route: no $manifest)"
  exit 0
fi
echo
python3 - "$manifest" <<'PY'
import glob, gzip, json, os, sys
split = json.load(open(sys.argv[1]))
size = lambda f: len(gzip.compress(open(os.path.join("dist", f), "rb").read(), 9))
quick = [os.path.relpath(f, "dist") for f in glob.glob("dist/quick-search-*.wasm")]
main = size(split["main"])
routes = split.get("routes", [])
def table(title, names):
    print(f"{title:<44} {'chunks':>10} {'total':>10}")
    for chunk in names:
        extra = quick if chunk == "directory" else []
        own = sum(size(f) for f in split["chunks"][chunk] + extra)
        note = " (with the quick search)" if extra else ""
        print(f"{chunk + note:<44} {own:>10} {main + own:>10}")
print(f"{'the main module':<44} {'':>10} {main:>10}")
table("route: its wasm, gzip -9", [c for c in routes if c in split["chunks"]])
table("feature: its wasm once used (with main)", sorted(c for c in split["chunks"] if c not in routes))
every = sorted({f for files in split["chunks"].values() for f in files})
print(f"{'the whole app (main and every chunk)':<44} {'':>10} {main + sum(size(f) for f in every):>10}")
PY
