//! A panic must never leave a blank page.
//!
//! Release builds stop at a panic: nothing of the reactive app survives one. Whatever the
//! toolchain, the panic ends in a trap of the wasm (`unreachable`), which reaches the page as a
//! `WebAssembly.RuntimeError`; boot.js reveals the static `#crash` message every built page
//! carries (`render::StaticPage`) on any such error, so a trap that is not a panic (a stack
//! overflow, memory exhausted) shows it too. The release wasm of the pinned nightly
//! (`-Cpanic=immediate-abort`, scripts/wasm-toolchain.sh) traps without running this hook at
//! all; other builds log the panic's message to the console first.

/// Installs the hook; call first thing in `main`.
pub fn install_hook() {
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
}

/// Panics on purpose, to prove the crash message works in the real release build: the browser
/// tests call it as `window.wasmBindings.simulate_crash()`. Calling it can only crash the
/// caller's own tab, which is what it is for.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn simulate_crash() {
    panic!("simulated crash, requested through simulate_crash()");
}
