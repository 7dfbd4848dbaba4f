//! A link to a co-op's own page.

use leptos::prelude::*;

use crate::host::use_host;

/// Links to `/coops/<id>`. Embedded in another site, it opens the full app in a new tab
/// instead, so the host's frame keeps showing what the host chose.
///
/// A plain `<a>`, not the router's `<A>`: the router still handles the click, and a co-op's
/// link is never the current page where it appears, so it needs none of `<A>`'s per-link
/// memos, which every keystroke's change of address would otherwise wake in each card.
#[component]
pub fn CoopLink(
    /// The co-op's id.
    id: String,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    let host = use_host();
    let href = host.href(&format!("/coops/{id}"));
    let target = host.embedded().then_some("_blank");
    view! { <a href=href target=target>{children()}</a> }
}
