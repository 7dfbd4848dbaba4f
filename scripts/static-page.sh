#!/usr/bin/env bash
# Builds the page the app replaces: the tech co-ops list (data/README.md) as a static
# mkdocs-material site, as tech-coops.xyz publishes it, into target/static-page/site.
# The benchmark loads it beside the app. Web fonts are off: this machine cannot reach Google
# Fonts, and a page that waited for them would be measured unfairly slow.
set -euo pipefail
cd "$(dirname "$0")/.."
out="target/static-page"
rm -rf "$out"
mkdir -p "$out/docs"
cp data/README.md "$out/docs/index.md"
cat > "$out/mkdocs.yml" <<'YAML'
site_name: Tech co-ops
theme:
  name: material
  font: false
YAML
(cd "$out" && ../mkdocs-venv/bin/mkdocs build --quiet --strict 2>/dev/null || ../mkdocs-venv/bin/mkdocs build --quiet)
echo "[static-page] built $out/site ($(du -sh "$out/site" | cut -f1))"
