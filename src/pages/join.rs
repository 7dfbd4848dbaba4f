//! The "which way to join" guide at `/join`.
//!
//! The step and the answers so far live in the URL (`/join?a=coop.uk&at=1`), so Back and
//! Forward move between questions, a reload resumes, and a result can be shared. The guide's
//! engine (`coops_core::join`) decides what to show; this page only renders it.

use coops_core::i18n::words;
use std::sync::Arc;

use coops_core::join::{JoinGuide, Shown};
use coops_core::query::{JoinUrl, UrlCodec};
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::embed_snippet::EmbedSnippet;
use crate::components::join_outcome::{join_outcome, preload_join_outcome};
use crate::components::join_step::JoinStep;
use crate::components::load_state::{Loading, UnderPageHeading, WithResource};
use crate::components::page_meta::PageMeta;
use crate::data::use_guide;
use crate::handover::take_over_when_shown;
use crate::host::use_host;
use crate::url_state::{History, QueryWriter};

/// `/join`: the guide. `go` callbacks below take a query string (see [`JoinUrl`]).
#[component]
pub fn JoinPage() -> impl IntoView {
    let host = use_host();
    let guide = use_guide(&host);
    // The guide, and the outcome's code (a chunk of its own), load under this page's heading.
    provide_context(UnderPageHeading);
    view! {
        <PageMeta title=words().text("join-title") description=words().text("join-description") path="/join" />
        <section class="page page--join" aria-labelledby="join-title">
            <h1 id="join-title">{words().text("join-heading")}</h1>
            <p class="page__lede">{words().text("join-lede")}</p>
            <noscript>
                <p class="wizard__notice">{words().text("join-noscript")}</p>
            </noscript>
            <WithResource source=guide what=Loading::Guide children=|guide| view! { <Wizard guide /> } />
            {(!host.embedded()).then(|| view! { <EmbedSnippet title=words().text("join-embed-title") /> })}
        </section>
    }
}

/// The guide, at the step or outcome the URL points to.
#[component]
fn Wizard(guide: Arc<JoinGuide>) -> impl IntoView {
    let location = use_location();
    let share = use_host().query_share();
    let url = Memo::new(move |_| JoinUrl::from_query_string(&share.read(&location.search.read())));
    let position = {
        let guide = guide.clone();
        Memo::new(move |_| url.with(|u| guide.walk(&u.answers, u.at)))
    };
    // Once the visitor has answered a question, the outcomes' code comes (a chunk of its own in
    // the split build), so the last answer shows its outcome at once.
    Effect::new(move |_| {
        if url.with(|u| !u.answers.is_empty()) {
            leptos::task::spawn_local(preload_join_outcome());
        }
    });
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
                    {words().text("join-recovered")}
                </p>
            }
        });
        let body = match (direct, position.at.clone()) {
            (Some(outcome), _) => join_outcome(guide, outcome, vec![], go),
            (None, Shown::Outcome(outcome)) => {
                join_outcome(guide, outcome, position.answers.clone(), go)
            }
            (None, Shown::Step { id, index }) => {
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
