#!/usr/bin/env bash
# `make bench`: builds the release site, the static page it replaces and tech-coops.xyz with
# the app embedded, then runs the
# benchmark (tests/e2e/src/bin/bench), which prints its tables and writes bench/out/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh bench
export TRUNK_SKIP_VERSION_CHECK=true
(source scripts/wasm-toolchain.sh && trunk build --release)
# The app under /directory/ and tech-coops.xyz, for the two ways to embed.
(source scripts/wasm-toolchain.sh && trunk build --release --public-url /directory/ --dist target/dist-subpath)
scripts/tech-coops-xyz.sh
scripts/static-page.sh
cargo run --release --quiet -p e2e --bin bench
