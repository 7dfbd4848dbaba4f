//! A panic must never leave a blank page.
//!
//! Release builds abort on panic, so nothing of the reactive app survives one: the hook logs the
//! panic to the console and reveals the static `#crash` message every built page carries
//! (`render::StaticPage`).

use wasm_bindgen::JsCast;

/// Installs the hook; call first thing in `main`.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_view();
    }));
}

fn show_crash_view() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(crash) = document.get_element_by_id(coops_core::names::CRASH_ID)
        && let Ok(crash) = crash.dyn_into::<web_sys::HtmlElement>()
    {
        crash.set_hidden(false);
        let _ = crash.focus();
    }
}

/// Panics on purpose, to prove the crash message works in the real release build: the browser
/// tests call it as `window.wasmBindings.simulate_crash()`. Calling it can only crash the
/// caller's own tab, which is what it is for.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn simulate_crash() {
    panic!("simulated crash, requested through simulate_crash()");
}
