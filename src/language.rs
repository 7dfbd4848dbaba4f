//! The app's language in the browser: its words fetched before the app mounts, and the
//! visitor's choice remembered for their next visit to the site's root (gate.js reads it).

use coops_core::i18n::Lang;
use coops_core::names::LANG_STORAGE_KEY;
#[cfg(not(feature = "ssr"))]
use {
    crate::data::{LoadError, fetch_text},
    crate::host::Host,
    coops_core::i18n::{Catalog, set_words},
};

/// Runs `mount` once the words of `host.lang` are in place: at once for English (built in),
/// after its catalog has arrived for another language. A catalog that cannot be fetched or
/// read leaves the app in English, which is better than no app (the console says why).
#[cfg(not(feature = "ssr"))]
pub fn in_language(host: &Host, mount: impl FnOnce() + 'static) {
    if host.lang == Lang::En {
        mount();
        return;
    }
    let lang = host.lang;
    let url = host.data_url(&lang.catalog_path());
    wasm_bindgen_futures::spawn_local(async move {
        match fetch_catalog(lang, &url).await {
            // One language for the page's whole life: the catalog lives as long as it.
            Ok(catalog) => set_words(Box::leak(Box::new(catalog))),
            Err(error) => leptos::logging::error!("tech co-ops: {url}: {error}; shown in English"),
        }
        mount();
    });
}

#[cfg(not(feature = "ssr"))]
async fn fetch_catalog(lang: Lang, url: &str) -> Result<Catalog, String> {
    let text = fetch_text(url)
        .await
        .map_err(|e: LoadError| e.to_string())?;
    Catalog::parse(lang, &text).map_err(|e| e.to_string())
}

/// Remembers `lang` as the visitor's choice: their next visit to the site's root opens in it.
/// Storage may be refused (private modes, blocked cookies); the choice then lasts this visit.
pub fn remember(lang: Lang) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(LANG_STORAGE_KEY, lang.code());
    }
}
