#!/usr/bin/env bash
# Builds tech-coops.xyz with the directory added, as the list's maintainers would, into
# target/tech-coops-xyz/site, for the browser tests (tests/e2e/tests/browser/tech_coops_xyz.rs).
#
# The site's own files are tests/fixtures/tech-coops-xyz (from the list's repository, CC0); the
# list is data/README.md, with its MKDOCS IGNORE sections cut as the list's CI cuts them; the
# two added pages are the snippets this project's docs/embedding.md marks
# `<!-- fixture: docs/... -->`, so the documentation shows what was tested. Needs the venv of
# `scripts/setup.sh test`.
set -euo pipefail
cd "$(dirname "$0")/.."
snippets="docs/embedding.md"
venv="target/mkdocs-venv"
out="target/tech-coops-xyz"
[ -x "$venv/bin/mkdocs" ] || { echo "[tech-coops-xyz] no mkdocs in $venv: run scripts/setup.sh test" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
cp -R tests/fixtures/tech-coops-xyz/. "$out/"
sed '/<!-- MKDOCS IGNORE -->/,/<!-- MKDOCS IGNORE -->/d' data/README.md > "$out/README.md"

# Each marked snippet: the fenced block after its marker line, written to the page it names.
pages=0
while IFS= read -r page; do
  awk -v page="$page" '
    index($0, "<!-- fixture: " page " ") == 1 { armed = 1; next }
    armed && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }
  ' "$snippets" > "$out/$page"
  [ -s "$out/$page" ] || { echo "[tech-coops-xyz] $snippets: the snippet for $page is empty" >&2; exit 1; }
  pages=$((pages + 1))
done < <(grep -o '^<!-- fixture: [^ ]*' "$snippets" | sed 's/^<!-- fixture: //')
[ "$pages" -eq 2 ] || { echo "[tech-coops-xyz] $snippets marks $pages pages, not 2" >&2; exit 1; }

(cd "$out" && "../../$venv/bin/mkdocs" build --quiet --config-file with-directory.yml --site-dir site)
for page in directory directory-frame; do
  [ -f "$out/site/$page/index.html" ] || { echo "[tech-coops-xyz] no $page/ in the built site" >&2; exit 1; }
done
echo "[tech-coops-xyz] built $out/site ($(du -sh "$out/site" | cut -f1))"
