//! A link to a co-op's own page.

use crate::components::app_link::AppLink;
use leptos::prelude::*;

use crate::embed::use_embed;

/// Links to `/coops/<id>`. Embedded in another site, it opens the full app in a new tab
/// instead, so the host's frame keeps showing what the host chose.
#[component]
pub fn CoopLink(
    /// The co-op's id.
    id: String,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    view! { <AppLink href=format!("/coops/{id}") new_tab=use_embed().config.embed>{children()}</AppLink> }
}
