//! The view for addresses that match no page.

use crate::components::app_link::AppLink;
use leptos::prelude::*;
use leptos_meta::Title;

/// Says the page does not exist and offers the way back.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found" />
        <section class="page page--not-found" aria-labelledby="not-found-title" data-testid="not-found">
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
