//! Networks of co-ops and resources about them.

use leptos::prelude::*;
use leptos_meta::Title;

/// Handbooks, articles, talks, forums and tools from the list.
#[component]
pub fn ResourcesPage() -> impl IntoView {
    view! {
        <Title text="Resources" />
        <section class="page page--resources" aria-labelledby="resources-title">
            <h1 id="resources-title">"Resources"</h1>
            <p class="page__lede">
                "Networks of co-ops, handbooks for starting one, books, articles, talks, forums and tools, "
                "gathered by the list's contributors."
            </p>
            <p class="placeholder">"The searchable list of networks and resources will appear here."</p>
        </section>
    }
}
