//! Links inside the app, wherever it is hosted.

use coops_core::address::same_page;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::host::use_host;

/// A link to an app path (`/join`), prefixed with the path the app is served under
/// (`/directory/join`). A plain `<a>`: the router follows it in the app. It is marked as the
/// current page (`aria-current="page"`) on its own path with or without a trailing `/` (a
/// visitor from a search engine arrives at `/join/`), and not on every path under it: "← All
/// co-ops" (`/`) is not the current page on a co-op's page.
#[component]
pub fn AppLink(
    /// The app path, starting with `/`.
    #[prop(into)]
    href: String,
    /// Opens in a new tab (the full app, from an embed).
    #[prop(optional)]
    new_tab: bool,
    /// CSS class.
    #[prop(optional, into)]
    class: Option<String>,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    let href = use_host().href(&href);
    let path = href
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string();
    let pathname = use_location().pathname;
    let current = move || pathname.with(|at| same_page(at, &path)).then_some("page");
    view! {
        <a href=href aria-current=current target=new_tab.then_some("_blank") class=class>
            {children()}
        </a>
    }
}
