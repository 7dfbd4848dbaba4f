//! In-page mode: the app mounted into `<div id="tech-coops-app">` on another site's page,
//! loaded by `mount.js`.
//!
//! The host page owns the address: the app takes the page's path as its own root and changes
//! only the query string, shows one view (chosen by `data-view`), and opens co-op pages in the
//! full app. Starting filters and theme come from the element's `data-` attributes.

use coops_core::embed::{EmbedConfig, EmbedView, parse_color};
use coops_core::names::HOST_ELEMENT_ID;
use coops_core::query::DirectoryQuery;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::Router;

use crate::data::{provide_directory, provide_guide};
use crate::embed::wire_root;
use crate::host::{Host, provide_host};
use crate::pages::directory::DirectoryPage;
use crate::pages::join::JoinPage;

/// Which view the host asked for.
#[derive(Clone, Copy, PartialEq)]
enum HostView {
    Directory(EmbedView),
    Join,
}

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
    let view = match data("view").as_deref() {
        Some("join") => HostView::Join,
        Some("map") => HostView::Directory(EmbedView::Map),
        Some("list") => HostView::Directory(EmbedView::List),
        _ => HostView::Directory(EmbedView::Full),
    };
    let config = EmbedConfig {
        embed: true,
        view: match view {
            HostView::Directory(v) => v,
            HostView::Join => EmbedView::Full,
        },
        theme: EmbedConfig::from_pairs([("theme", data("theme").unwrap_or_default().as_str())])
            .theme,
        primary: data("primary").and_then(|c| parse_color(&c)),
        accent: data("accent").and_then(|c| parse_color(&c)),
    };
    if matches!(view, HostView::Directory(_)) {
        start_with_filters(&data("region"), &data("country"), &data("tags"));
    }
    // The host page owns the address: the app takes the page's path as its own root.
    let base = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_string();
    let app_url = crate::start::mounted_base().unwrap_or_default();
    let settings = Host {
        base,
        link_prefix: app_url.trim_end_matches('/').to_string(),
        app_url,
        embed: config,
        in_page: true,
        prerendering: false,
    };
    let handle = leptos::mount::mount_to(host, move || view! { <InPageApp host=settings view /> });
    // The app lives as long as the page.
    handle.forget();
}

/// Puts the host's starting filters in the address, unless the address already has some
/// (a reload or a shared link keeps its own).
fn start_with_filters(region: &Option<String>, country: &Option<String>, tags: &Option<String>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if !window.location().search().unwrap_or_default().is_empty() {
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
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("?{query}")),
        );
    }
}

/// The app for a host page: one view, no site chrome.
#[component]
fn InPageApp(host: Host, view: HostView) -> impl IntoView {
    provide_meta_context();
    let theme = host.embed.theme;
    // The colours apply to the root; the height is reported only from a frame.
    let colours = EmbedConfig {
        embed: false,
        ..host.embed.clone()
    };
    let base = host.base.clone();
    provide_host(host);
    provide_directory(None);
    provide_guide(None);
    let root = NodeRef::<Div>::new();
    wire_root(root, colours);
    view! {
        <Router base=base>
            <div
                class="tc-app tc-app--embed tc-app--in-page"
                class:tc-app--dark=theme == Some(coops_core::embed::Theme::Dark)
                class:tc-app--light=theme == Some(coops_core::embed::Theme::Light)
                node_ref=root
            >
                <div class="app__main">
                    {match view {
                        HostView::Join => view! { <JoinPage /> }.into_any(),
                        HostView::Directory(_) => view! { <DirectoryPage /> }.into_any(),
                    }}
                </div>
            </div>
        </Router>
    }
}
