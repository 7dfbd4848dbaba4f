//! An outcome's recap of the answers that led to it, each question with a link back to it
//! (its answer kept, as Back keeps it), so a visitor can check and change one answer without
//! stepping back through the others.

use std::sync::Arc;

use coops_core::i18n::words;
use coops_core::join::JoinGuide;
use coops_core::query::{JoinUrl, UrlCodec};
use leptos::prelude::*;

use crate::url_state::QueryWriter;

/// The questions `answers` answered, each with its answer and a link to change it.
#[component]
pub fn AnswersRecap(guide: Arc<JoinGuide>, answers: Vec<Vec<String>>) -> impl IntoView {
    // The guide's own address, whether at /join or in a host page.
    let writer = QueryWriter::from_location();
    let items = guide
        .answered(&answers)
        .into_iter()
        .enumerate()
        .map(|(at, (step, answer))| {
            let back_to = JoinUrl {
                answers: answers.clone(),
                at: Some(at),
                outcome: None,
            };
            let href = writer.href(&back_to.to_query_string());
            let change = words().format("change-answer-label", &[("question", &step.question)]);
            view! {
                <div class="join-recap__item">
                    <dt>{step.question.clone()}</dt>
                    <dd>
                        {step.labels_of(answer).join(", ")}
                        " "
                        <a href=href aria-label=change class="join-recap__change">{words().text("change-answer")}</a>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="join-recap" aria-labelledby="join-recap-title" data-testid="join-recap">
            <h3 id="join-recap-title">{words().text("your-answers")}</h3>
            <dl class="join-recap__list">{items}</dl>
        </section>
    }
}
