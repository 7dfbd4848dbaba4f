# Sourced before a release `trunk build`: the release wasm (the app's and the quick search's) is
# built by the pinned nightly of versions.env, which rebuilds std for size and drops panic
# messages, locations and `{:?}` output (docs/performance.md, Levers tried: 12% less gzip wasm).
# It is also built to be split into chunks: the cfg `tc_split` makes each route a split point
# (src/chunk.rs), and the linker keeps its relocations, which the splitter reads (the site
# build splits it: crates/site/src/wasm.rs).
# Stable stays the toolchain of everything native: the post-build hook (scripts/site-hook.sh)
# builds the site builder without these settings. WASM_STABLE=1, or the nightly missing, builds
# the same wasm on stable, a few kilobytes heavier.
# shellcheck source=versions.env
source "$(dirname "${BASH_SOURCE[0]}")/versions.env"
SPLIT_RUSTFLAGS="--cfg tc_split -Clink-args=--emit-relocs"
if [ -z "${WASM_STABLE:-}" ] && rustup run "$WASM_NIGHTLY" rustc --version >/dev/null 2>&1; then
  export RUSTUP_TOOLCHAIN="$WASM_NIGHTLY"
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  # Only for the wasm target: nothing native is built with these.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$SPLIT_RUSTFLAGS -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
  echo "[wasm] release wasm built with $WASM_NIGHTLY (size options), to be split" >&2
else
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$SPLIT_RUSTFLAGS"
  echo "[wasm] release wasm built with stable ($(rustc --version)), to be split" >&2
fi
