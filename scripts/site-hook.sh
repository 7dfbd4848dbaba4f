#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml): builds the site builder (crates/site) natively with the
# project's stable toolchain, then runs it with Trunk's environment, which names the staging
# directory and, for a release, the wasm toolchain the quick search is built with
# (scripts/wasm-toolchain.sh).
set -euo pipefail
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
env -u RUSTUP_TOOLCHAIN -u CARGO_UNSTABLE_BUILD_STD -u CARGO_UNSTABLE_BUILD_STD_FEATURES \
  cargo build --offline --quiet --package coops-site --bin site
exec "${CARGO_TARGET_DIR:-target}/debug/site" "$@"
