//! The "which way to join" wizard.

use leptos::prelude::*;
use leptos_meta::Title;

/// Guides each kind of visitor to their way into the movement.
#[component]
pub fn JoinPage() -> impl IntoView {
    view! {
        <Title text="Join the movement" />
        <section class="page page--join" aria-labelledby="join-title">
            <h1 id="join-title">"Which way to join?"</h1>
            <p class="page__lede">
                "A few questions will point you to the right door: for a tech co-op joining a network, "
                "a company becoming a worker co-op, a person who wants to work in a co-op or start one, "
                "and anyone who wants to support the movement without working in one."
            </p>
            <p class="placeholder">"The step-by-step guide is being built and will appear here."</p>
        </section>
    }
}
