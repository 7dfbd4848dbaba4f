//! The browser's entry point: reads what the app needs of the page once, then mounts it.

use coops_core::embed::EmbedConfig;
use leptos::prelude::*;

use crate::app::App;
use crate::host::Host;
use crate::{handover, in_page, panic};

/// Starts the app: into another site's host element when the page has one (loaded by
/// `mount.js`), otherwise as the page itself.
pub fn start() {
    panic::install_hook();
    // Where the page is not the pre-rendered one (gate.js decides), the hidden page and its
    // loading line go now: the app's own loading state takes over from here.
    if handover::at_deep_link() {
        handover::take_over();
    }
    match in_page::host_element() {
        Some(element) => in_page::mount(element),
        None => {
            let host = page_host();
            leptos::mount::mount_to_body(move || view! { <App host /> });
        }
    }
}

/// The app as the page itself: under `<base>`, embedded in a frame when the address says so.
fn page_host() -> Host {
    let window = web_sys::window();
    let base = router_base();
    let origin = window
        .as_ref()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let search = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    Host {
        link_prefix: base.clone(),
        app_url: format!("{origin}{base}/"),
        base,
        embed: EmbedConfig::from_query_string(&search),
        in_page: false,
        prerendering: false,
    }
}

/// The path the page's `<base>` names, without a trailing slash: `""` at a site's root,
/// `"/directory"` under a sub-path (`trunk build --public-url /directory/`).
pub fn router_base() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}
