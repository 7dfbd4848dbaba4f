//! In-page mode: the app mounted into `<div id="tech-coops-app">` on another site's page,
//! loaded by `mount.js`.
//!
//! The host page owns the address: the app changes only its query string, and there only its
//! own keys, prefixed (`?tc-q=…`, beside any of the host's: `QueryShare::IN_PAGE`); the path,
//! trailing slash and hash stay as the host wrote them. It shows one view (chosen by
//! `data-view`: `App` with `only`), and opens co-op pages in the full app. Starting filters and
//! theme come from the element's `data-` attributes.
//!
//! The app renders inside a shadow root on the host element (attached by `mount.js`, which puts
//! the app's stylesheet in it), so no host rule reaches the app, whatever its specificity. Two
//! things still cross a shadow boundary, and the mount point stops both: inherited properties
//! (font, colour, line height) and the root font size that `rem` follows. The app's in-page
//! stylesheet sizes everything from `--tc-rem` (the build turns its `rem` into it), which the
//! mount point sets to the visitor's own default font size, not the host's root size.

use coops_core::embed::{EmbedConfig, EmbedView, parse_color};
use coops_core::names::{HOST_ELEMENT_ID, MOUNTED_BASE_GLOBAL};
use coops_core::query::{DirectoryQuery, QueryShare, UrlCodec};
use leptos::prelude::*;

use crate::app::{App, OnlyView};
use crate::host::Host;

/// The host element, when the page has one.
pub fn host_element() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    web_sys::window()?
        .document()?
        .get_element_by_id(HOST_ELEMENT_ID)?
        .dyn_into()
        .ok()
}

/// Mounts the app into `host`, configured by its `data-` attributes.
pub fn mount(host: web_sys::HtmlElement) {
    let data = |name: &str| {
        host.get_attribute(&format!("data-{name}"))
            .filter(|v| !v.trim().is_empty())
    };
    let (only, view) = match data("view").as_deref() {
        Some("join") => (OnlyView::Join, EmbedView::Full),
        Some("map") => (OnlyView::Directory, EmbedView::Map),
        Some("list") => (OnlyView::Directory, EmbedView::List),
        _ => (OnlyView::Directory, EmbedView::Full),
    };
    let config = EmbedConfig {
        embed: true,
        view,
        theme: EmbedConfig::from_pairs([("theme", data("theme").unwrap_or_default().as_str())])
            .theme,
        primary: data("primary").and_then(|c| parse_color(&c)),
        accent: data("accent").and_then(|c| parse_color(&c)),
        lang: data("lang").and_then(|l| coops_core::i18n::Lang::parse(&l)),
    };
    if only == OnlyView::Directory {
        start_with_filters(&data("region"), &data("country"), &data("tags"));
    }
    // The host page owns the address: the app takes the page's path as its own root.
    let base = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_string();
    let app_url = mounted_base().unwrap_or_default();
    let settings = Host {
        base,
        lang: config.lang.unwrap_or_default(),
        link_prefix: app_url.trim_end_matches('/').to_string(),
        app_url,
        embed: config,
        in_page: true,
        prerendering: false,
    };
    let Some(mount_point) = mount_point(&host) else {
        leptos::logging::error!("tech co-ops: cannot attach a shadow root to #{HOST_ELEMENT_ID}");
        return;
    };
    crate::language::in_language(&settings.clone(), move || {
        let handle =
            leptos::mount::mount_to(mount_point, move || view! { <App host=settings only /> });
        // The app lives as long as the page.
        handle.forget();
    });
}

/// A fresh element in the host's shadow root for the app to render into, cut off from what the
/// host element passes down: every property back at its initial value, and `--tc-rem` set to
/// the visitor's default font size (`medium`, which follows the browser's setting).
fn mount_point(host: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    use web_sys::{ShadowRootInit, ShadowRootMode};
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()?,
    };
    let document = web_sys::window()?.document()?;
    let point: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    // CSSOM, not a style attribute, so a strict style-src policy allows it.
    let style = point.style();
    style.set_property("all", "initial").ok()?;
    style.set_property("display", "block").ok()?;
    shadow.append_child(&point).ok()?;
    let medium = web_sys::window()?
        .get_computed_style(&point)
        .ok()??
        .get_property_value("font-size")
        .ok()?;
    style.set_property("--tc-rem", &medium).ok()?;
    Some(point)
}

/// Puts the host's starting filters in the address, unless the address already has some
/// (a reload or a shared link keeps its own).
fn start_with_filters(region: &Option<String>, country: &Option<String>, tags: &Option<String>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let share = QueryShare::IN_PAGE;
    let search = window.location().search().unwrap_or_default();
    if !share.read(&search).is_empty() {
        return;
    }
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(region) = region {
        pairs.push(("region", region.clone()));
    }
    if let Some(country) = country {
        pairs.push(("country", country.clone()));
    }
    for tag in tags.iter().flat_map(|t| t.split(',')) {
        pairs.push(("tag", tag.trim().to_string()));
    }
    // The directory's own codec drops anything invalid.
    let query =
        DirectoryQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))).to_query_string();
    if !query.is_empty()
        && let Ok(history) = window.history()
    {
        // Only the query changes: the path and hash are the host's.
        let hash = window.location().hash().unwrap_or_default();
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("?{}{hash}", share.write(&search, &query))),
        );
    }
}

/// The app's own address, which `mount.js` records (`https://example.org/directory/`).
fn mounted_base() -> Option<String> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &MOUNTED_BASE_GLOBAL.into())
        .ok()?
        .as_string()
}
