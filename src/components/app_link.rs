//! Links inside the app, wherever it is hosted.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::paths::app_href;

/// A router link to an app path (`/join`), prefixed with the path the app is served under
/// (`/directory/join`): the router's `<A>` leaves absolute paths as they are.
#[component]
pub fn AppLink(
    /// The app path, starting with `/`.
    #[prop(into)]
    href: String,
    /// Marked current only on an exact match (for `/`).
    #[prop(optional)]
    exact: bool,
    /// Opens in a new tab (the full app, from an embed).
    #[prop(optional)]
    new_tab: bool,
    /// CSS class.
    #[prop(optional, into)]
    class: Option<String>,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    let href = app_href(&href);
    if new_tab {
        view! { <A href exact target="_blank" attr:class=class>{children()}</A> }.into_any()
    } else {
        view! { <A href exact attr:class=class>{children()}</A> }.into_any()
    }
}
