#!/usr/bin/env bash
# make update-list: downloads the list's README.md and DEFUNCT.md from its repository, imports
# them, prints what changed (co-ops added, removed, moved to defunct, changed), and only then
# replaces data/README.md, data/DEFUNCT.md and public/data/directory.json. A download that
# fails, or a file that is not the list, changes nothing and says why.
#
# Settings (environment):
#   LIST_URL   where the two files are, without the file name (the Makefile's default is the
#              list's main branch); required
#   ROOT       the checkout to update (default: this one)
#   IMPORT     the importer to run (default: built here with cargo --release)
#   GAZETTEER  the gazetteer (default: target/gazetteer/cities1000.json, installed if missing)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="${ROOT:-$here}"
url="${LIST_URL:?update-list: set LIST_URL to where the README.md and DEFUNCT.md of the list are}"
url="${url%/}"
command -v curl >/dev/null || { echo "update-list: curl is needed (apt-get install curl); nothing changed" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for file in README.md DEFUNCT.md; do
  if ! curl --fail --silent --show-error --location --max-time 60 \
      --output "$tmp/$file" "$url/$file" 2>"$tmp/curl.err"; then
    echo "update-list: could not download $url/$file ($(tail -n 1 "$tmp/curl.err")); nothing changed" >&2
    exit 1
  fi
done

import="${IMPORT:-}"
if [ -z "$import" ]; then
  (cd "$here" && cargo build --release --quiet --bin import)
  import="$here/target/release/import"
fi
gazetteer="${GAZETTEER:-}"
if [ -z "$gazetteer" ]; then
  "$here/scripts/setup.sh" gazetteer >/dev/null
  gazetteer="$here/target/gazetteer/cities1000.json"
fi

if ! "$import" "$tmp/README.md" --defunct "$tmp/DEFUNCT.md" --serves "$root/data/serves.toml" --translations "$root/data/i18n" --gazetteer "$gazetteer" \
    --compare "$root/public/data/directory.json" --out "$tmp/directory.json" \
    >"$tmp/summary" 2>"$tmp/import.err"; then
  echo "update-list: what $url holds is not the list ($(sed 's/^import: //' "$tmp/import.err")); nothing changed" >&2
  exit 1
fi
cat "$tmp/summary"
cp "$tmp/README.md" "$root/data/README.md"
cp "$tmp/DEFUNCT.md" "$root/data/DEFUNCT.md"
cp "$tmp/directory.json" "$root/public/data/directory.json"
echo "update-list: data/ and public/data/directory.json updated from $url (review with git diff)"
