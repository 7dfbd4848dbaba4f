//! The view for addresses that match no page.

use crate::components::app_link::AppLink;
use leptos::html::Section;
use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::handover::take_over_when_shown;

/// Says the page does not exist and offers the way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let shown = NodeRef::<Section>::new();
    take_over_when_shown(shown, |_| ());
    view! {
        <PageMeta title="Page not found" description="There is no page at this address." />
        <section class="page page--not-found" aria-labelledby="not-found-title" data-testid="not-found" node_ref=shown>
            <h1 id="not-found-title">"There is no page at this address"</h1>
            <p>"The link may be old, or the address mistyped. From here you can go to:"</p>
            <ul>
                <li><AppLink href="/">"the directory of co-ops"</AppLink></li>
                <li><AppLink href="/join">"the guide to joining the movement"</AppLink></li>
                <li><AppLink href="/resources">"resources about tech co-ops"</AppLink></li>
            </ul>
        </section>
    }
}
