//! The view for addresses that match no page.

use crate::components::app_link::AppLink;
use coops_core::i18n::words;
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
        <PageMeta title=words().text("not-found-title") description=words().text("not-found-description") />
        <section class="page page--not-found" aria-labelledby="not-found-title" data-testid="not-found" node_ref=shown>
            <h1 id="not-found-title">{words().text("not-found-heading")}</h1>
            <p>{words().text("not-found-text")}</p>
            <ul>
                <li><AppLink href="/">{words().text("not-found-directory")}</AppLink></li>
                <li><AppLink href="/join">{words().text("not-found-join")}</AppLink></li>
                <li><AppLink href="/resources">{words().text("not-found-resources")}</AppLink></li>
            </ul>
        </section>
    }
}
