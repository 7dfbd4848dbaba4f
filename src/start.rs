//! The browser's entry point: reads what the app needs of the page once, then mounts it.

use coops_core::embed::EmbedConfig;
use coops_core::i18n::Lang;
use coops_core::query::UrlCodec;
use leptos::prelude::*;

use crate::app::App;
use crate::host::Host;
use crate::language::in_language;
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
            in_language(&host.clone(), move || {
                leptos::mount::mount_to_body(move || view! { <App host /> });
            });
        }
    }
}

/// The app as the page itself: under `<base>`, in the language its path names, embedded in a
/// frame when the address says so.
fn page_host() -> Host {
    let window = web_sys::window();
    let base = router_base();
    let location = |part: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        window
            .as_ref()
            .and_then(|w| part(&w.location()).ok())
            .unwrap_or_default()
    };
    let origin = location(web_sys::Location::origin);
    let search = location(web_sys::Location::search);
    let pathname = location(web_sys::Location::pathname);
    let embed = EmbedConfig::from_query_string(&search);
    let app_path = pathname.strip_prefix(base.as_str()).unwrap_or(&pathname);
    let (lang, rest) = Lang::split_path(app_path);
    // A frame's `lang=` (`/?embed=1&lang=es`) where the path names none: the address takes
    // the language's prefix, so the router, every link and a reload agree on it.
    let lang = match (lang, embed.lang) {
        (Lang::En, Some(asked)) if asked != Lang::En => {
            let hash = location(web_sys::Location::hash);
            let href = format!("{base}{}{search}{hash}", asked.path(rest));
            if let Some(history) = window.as_ref().and_then(|w| w.history().ok()) {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
            }
            asked
        }
        (lang, _) => lang,
    };
    Host {
        link_prefix: base.clone(),
        app_url: format!("{origin}{base}/"),
        base,
        lang,
        embed,
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
