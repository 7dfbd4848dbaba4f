#!/usr/bin/env bash
# Every check and test, in the order that fails fastest. `make test` and CI run this.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

started=$SECONDS
step() {
  printf '\n== %s (at %ss)\n' "$*" "$((SECONDS - started))"
}

step "setup: toolchain, trunk, wasm-bindgen-cli, wasm-opt, Chromium"
scripts/setup.sh test

step "rustfmt"
cargo fmt --all -- --check

step "clippy (host, every crate and test; the app as the browser builds it)"
cargo clippy --workspace --exclude coops-site --all-targets --locked -- -D warnings

# The site build renders the app natively (its `ssr` feature), which is never built together
# with `csr`: a cargo run of its own (see the root Cargo.toml).
step "clippy (host: the site build, and the app rendered natively)"
cargo clippy -p coops-site -p tech-coops-app --no-default-features --features tech-coops-app/ssr --lib --tests --bins --locked -- -D warnings

# The app's code is linted above with `csr`, web-sys and all (only perf.rs has lines of its own
# for wasm32, and the release build compiles them); a wasm32 check of Leptos cost CI two minutes.
step "clippy (wasm32: the core, the quick search)"
cargo clippy -p coops-core -p coops-quick-search --target wasm32-unknown-unknown --locked -- -D warnings

step "native tests: core, importer, quick search"
cargo test -p coops-core -p coops-import -p coops-quick-search --locked

# The app's own unit tests run once, in the build that renders it natively (ssr): they hold in
# both builds, and a second native build of the app and Leptos (csr) cost CI a minute or more.
# One cargo run with the site's: apart, Leptos and the app were compiled twice.
step "native tests: the app's own, and the site build (the pages rendered from its components)"
cargo test -p coops-site -p tech-coops-app --no-default-features --features tech-coops-app/ssr --lib --tests --bins --locked

step "release build (trunk, the wasm toolchain, wasm-opt)"
(source scripts/wasm-toolchain.sh && trunk build --release)
scripts/size.sh

step "release build under a sub-path (/directory/), for the hosting tests"
(source scripts/wasm-toolchain.sh && trunk build --release --public-url /directory/ --dist target/dist-subpath)

step "tech-coops.xyz with the directory added (mkdocs-material), for the embedding tests"
scripts/tech-coops-xyz.sh

step "browser end-to-end tests (headless Chromium)"
cargo test -p e2e --locked -- --test-threads=2

step "done in $((SECONDS - started))s"
