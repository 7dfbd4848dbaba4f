#!/usr/bin/env bash
# `make bench`: builds the release site and the static page it replaces, then runs the
# benchmark (tests/e2e/src/bin/bench), which prints its tables and writes bench/out/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh bench
TRUNK_SKIP_VERSION_CHECK=true trunk build --release
scripts/static-page.sh
cargo run --release --quiet -p e2e --bin bench
