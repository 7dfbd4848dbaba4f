//! Links inside the app, wherever it is hosted.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::host::use_host;

/// A router link to an app path (`/join`), prefixed with the path the app is served under
/// (`/directory/join`): the router's `<A>` leaves absolute paths as they are. It is marked
/// as the current page (`aria-current="page"`) only on its own path, not on every path under
/// it: "← All co-ops" (`/`) is not the current page on a co-op's page.
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
    if new_tab {
        view! { <A href exact=true target="_blank" attr:class=class>{children()}</A> }.into_any()
    } else {
        view! { <A href exact=true attr:class=class>{children()}</A> }.into_any()
    }
}
