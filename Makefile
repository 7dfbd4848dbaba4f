# The two commands of the README, and a few for maintainers.
# bash: `make build` sources scripts/wasm-toolchain.sh.
SHELL := bash

.PHONY: serve test build dataset update-list bench size map

# Installs what is missing, then serves the app on the bundled dataset, rebuilt on every change
# (reload the page to see it).
serve:
	@scripts/setup.sh build
	@echo "Serving the directory at http://127.0.0.1:8080/ (Ctrl-C stops)"
	TRUNK_SKIP_VERSION_CHECK=true trunk serve

# Installs what is missing (Chromium too), then runs every check and test. CI runs this.
test:
	@scripts/test.sh

# The deployable site in dist/, for the public path PUBLIC_URL (default /); set SITE_ORIGIN
# (https://example.org) for its canonical addresses and sitemap.
PUBLIC_URL ?= /
build:
	@scripts/setup.sh build
	source scripts/wasm-toolchain.sh && TRUNK_SKIP_VERSION_CHECK=true trunk build --release --public-url $(PUBLIC_URL)

# Regenerates the committed dataset from the list kept in data/ (its README and DEFUNCT.md).
dataset:
	@scripts/setup.sh gazetteer
	cargo run --release --bin import -- data/README.md --defunct data/DEFUNCT.md --serves data/serves.toml --translations data/i18n --out public/data/directory.json

# Where update-list downloads the list from (its README.md and DEFUNCT.md).
LIST_URL ?= https://raw.githubusercontent.com/hng/tech-coops/master

# Downloads the list, re-imports it and prints which co-ops changed; a failed download or a file
# that is not the list changes nothing (scripts/update-list.sh).
update-list:
	@LIST_URL="$(LIST_URL)" scripts/update-list.sh

# Sizes of the built wasm and JS, raw and gzip.
size:
	@scripts/size.sh

# Regenerates the map asset (public/data/world.json) from Natural Earth shapes (world-atlas, via npm).
map:
	@scripts/build-map.sh

# First paint, time to filterable and bytes (loopback and slow), against the static mkdocs page
# of the same list; keystroke-to-updated-list at 139 to 100,000 co-ops. Writes bench/out/results.json.
bench:
	@scripts/bench.sh
