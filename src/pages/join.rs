//! The "which way to join" guide at `/join`.
//!
//! The step and the answers so far live in the URL (`/join?a=coop.uk&at=1`), so Back and
//! Forward move between questions, a reload resumes, and a result can be shared. The guide's
//! engine (`coops_core::join`) decides what to show; this page only renders it.

use std::sync::Arc;

use coops_core::join::{JoinGuide, Place};
use coops_core::query::JoinUrl;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::embed_snippet::EmbedSnippet;
use crate::components::join_outcome::JoinOutcome;
use crate::components::join_step::JoinStep;
use crate::components::load_state::WithResource;
use crate::components::page_meta::PageMeta;
use crate::data::use_guide;
use crate::handover::take_over_when_shown;
use crate::host::use_host;
use crate::url_state::{History, QueryWriter};

/// `/join`: the guide. `go` callbacks below take a query string (see [`JoinUrl::query`]).
#[component]
pub fn JoinPage() -> impl IntoView {
    let host = use_host();
    let guide = use_guide(&host);
    view! {
        <PageMeta title="Join the movement" description=JOIN_DESCRIPTION path="/join" />
        <section class="page page--join" aria-labelledby="join-title">
            <h1 id="join-title">"Which way to join?"</h1>
            <p class="page__lede">
                "Answer a few questions and we'll point you to the right door, whether you run a tech co-op, "
                "want to turn a company into one, want to work in one, or want to help from outside."
            </p>
            <noscript>
                <p class="wizard__notice">
                    "The guide needs JavaScript to move from one question to the next. Without it, "
                    "the directory, the co-ops' pages and the resources still read in full."
                </p>
            </noscript>
            <WithResource source=guide what="the joining guide" children=|guide| view! { <Wizard guide /> } />
            {(!host.embedded()).then(|| view! { <EmbedSnippet title="Which way to join the tech co-op movement" /> })}
        </section>
    }
}

/// The guide in a sentence, for link previews and search engines.
const JOIN_DESCRIPTION: &str = "A few questions that point you to your way into the tech co-op movement: joining a network, converting a company, working in a co-op, or helping from outside.";

/// The guide, at the step or outcome the URL points to.
#[component]
fn Wizard(guide: Arc<JoinGuide>) -> impl IntoView {
    let location = use_location();
    let share = use_host().query_share();
    let url = Memo::new(move |_| JoinUrl::parse(&share.read(&location.search.read())));
    let position = {
        let guide = guide.clone();
        Memo::new(move |_| url.with(|u| guide.walk(&u.answers, u.at)))
    };
    // Each step is a new history entry at the same path, so Back steps back.
    let writer = QueryWriter::from_location();
    let go = Callback::new(move |query: String| {
        writer.write(&query, History::Push);
    });

    let shown = NodeRef::<Div>::new();
    take_over_when_shown(shown, |_| ());
    move || {
        let guide = guide.clone();
        let direct = url
            .with(|u| u.outcome.clone())
            .filter(|id| guide.outcome(id).is_some());
        let position = position.get();
        let recovered = position.recovered || url.with(|u| u.outcome.is_some()) && direct.is_none();
        let notice = recovered.then(|| {
            view! {
                <p class="wizard__notice" role="status" data-testid="join-recovered">
                    "Part of this address didn't match the guide's questions, so you're back at the last question we could follow."
                </p>
            }
        });
        let body = match (direct, position.at.clone()) {
            (Some(outcome), _) => {
                view! { <JoinOutcome guide outcome answers=vec![] go /> }.into_any()
            }
            (None, Place::Outcome(outcome)) => {
                view! { <JoinOutcome guide outcome answers=position.answers.clone() go /> }
                    .into_any()
            }
            (None, Place::Step { id, index }) => {
                view! { <JoinStep guide step=id index answers=position.answers.clone() go /> }
                    .into_any()
            }
        };
        view! {
            {notice}
            <div class="wizard" node_ref=shown>{body}</div>
        }
    }
}
