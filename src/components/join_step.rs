//! One question of the joining guide.

use std::sync::Arc;

use coops_core::i18n::{number, words};
use coops_core::join::{JoinGuide, StepKind};
use coops_core::query::{JoinUrl, UrlCodec};
use leptos::html::H2;
use leptos::prelude::*;

/// A question with its answers as buttons (or checkboxes and Continue, for a question that
/// takes several), a progress line, and Back / Start over. Focus moves to the question when it
/// appears, so screen-reader users hear it first.
#[component]
pub fn JoinStep(
    /// The guide.
    guide: Arc<JoinGuide>,
    /// The step to show.
    step: String,
    /// How many answers come before it.
    index: usize,
    /// The answers so far; may go past `index` when the visitor stepped back.
    answers: Vec<Vec<String>>,
    /// Navigates to a `/join` address.
    go: Callback<String>,
) -> impl IntoView {
    let Some(step) = guide.step(&step).cloned() else {
        return view! { <p>{words().text("join-step-missing")}</p> }.into_any();
    };
    let heading = NodeRef::<H2>::new();
    let fresh_start = index == 0 && answers.is_empty();
    Effect::new(move |_| {
        if let Some(heading) = heading.get()
            && !fresh_start
        {
            let _ = heading.focus();
        }
    });

    let total = index + guide.remaining(&step.id);
    let previous: Vec<String> = answers.get(index).cloned().unwrap_or_default();
    let answers = Arc::new(answers);
    // Answering: same answer as before keeps the later ones; a new one drops them.
    let answer_with = {
        let answers = answers.clone();
        move |answer: Vec<String>| {
            let mut next: Vec<Vec<String>> = answers.iter().take(index).cloned().collect();
            let same = answers.get(index) == Some(&answer);
            next.push(answer);
            if same {
                next.extend(answers.iter().skip(index + 1).cloned());
            }
            let url = JoinUrl {
                answers: next,
                at: Some(index + 1),
                outcome: None,
            };
            go.run(url.to_query_string());
        }
    };
    let heading_id = format!("step-{}", step.id);
    let help = step
        .help
        .clone()
        .map(|h| view! { <p class="join-step__help">{h}</p> });

    let choices = match step.kind {
        StepKind::Single => {
            let buttons = step
                .options
                .iter()
                .map(|option| {
                    let chosen = previous.first() == Some(&option.id);
                    let answer = vec![option.id.clone()];
                    let answer_with = answer_with.clone();
                    let hint_id = format!("hint-{}-{}", step.id, option.id);
                    let hint = option.hint.clone();
                    view! {
                        <li class="join-step__choice" class:join-step__choice--chosen=chosen>
                            <button
                                type="button"
                                class="join-step__button"
                                aria-describedby=hint.as_ref().map(|_| hint_id.clone())
                                on:click=move |_| answer_with(answer.clone())
                            >
                                {option.label.clone()}
                            </button>
                            {hint.map(|h| view! { <span class="join-step__hint" id=hint_id>{h}</span> })}
                            {chosen.then(|| view! { <span class="join-step__chosen">{words().text("your-answer")}</span> })}
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="join-step__choices" aria-labelledby=heading_id.clone()>{buttons}</ul> }.into_any()
        }
        StepKind::Multiple => {
            let selected = RwSignal::new(previous.clone());
            let error = RwSignal::new(false);
            let boxes = step
                .options
                .iter()
                .map(|option| {
                    let id = option.id.clone();
                    let input_id = format!("choice-{}-{}", step.id, option.id);
                    let checked = {
                        let id = id.clone();
                        move || selected.read().contains(&id)
                    };
                    view! {
                        <li class="join-step__check">
                            <input
                                type="checkbox"
                                id=input_id.clone()
                                prop:checked=checked
                                on:change=move |_| {
                                    error.set(false);
                                    selected.update(|s| {
                                        if let Some(at) = s.iter().position(|x| *x == id) {
                                            s.remove(at);
                                        } else {
                                            s.push(id.clone());
                                        }
                                    })
                                }
                            />
                            <label for=input_id>
                                {option.label.clone()}
                                {option.hint.clone().map(|h| view! { <span class="join-step__hint">{h}</span> })}
                            </label>
                        </li>
                    }
                })
                .collect_view();
            // Answers go into the URL in the guide's order, whatever order they were ticked in.
            let order: Vec<String> = step.options.iter().map(|o| o.id.clone()).collect();
            let answer_with = answer_with.clone();
            view! {
                <fieldset class="join-step__fieldset" aria-labelledby=heading_id.clone()>
                    <ul class="join-step__checks">{boxes}</ul>
                </fieldset>
                <p class="join-step__error" role="alert">
                    {move || error.get().then(|| words().text("choose-at-least-one"))}
                </p>
                <button
                    type="button"
                    class="button button--primary"
                    on:click=move |_| {
                        let chosen: Vec<String> = order.iter().filter(|o| selected.read().contains(o)).cloned().collect();
                        if chosen.is_empty() {
                            error.set(true);
                        } else {
                            answer_with(chosen);
                        }
                    }
                >
                    {words().text("continue")}
                </button>
            }
            .into_any()
        }
    };

    let back = (index > 0).then(|| {
        let back_to = JoinUrl {
            answers: answers.to_vec(),
            at: Some(index - 1),
            outcome: None,
        }
        .to_query_string();
        view! {
            <button type="button" class="button" on:click=move |_| go.run(back_to.clone())>
                {words().text("back")}
            </button>
        }
    });
    view! {
        <section class="join-step" data-testid="join-step" data-step=step.id.clone()>
            <p class="join-step__progress">
                {words().format("join-progress", &[
                    ("n", &number(words().lang(), index as u64 + 1)),
                    ("total", &number(words().lang(), total.max(index + 1) as u64)),
                ])}
            </p>
            <progress class="join-step__bar" max=total.max(1) value=index aria-hidden="true"></progress>
            <h2 class="join-step__question" id=heading_id tabindex="-1" node_ref=heading>
                {step.question.clone()}
            </h2>
            {help}
            {choices}
            <div class="join-step__nav">
                {back}
                {(index > 0).then(|| view! {
                    <button type="button" class="button button--quiet" on:click=move |_| go.run(String::new())>
                        {words().text("start-over")}
                    </button>
                })}
            </div>
        </section>
    }
    .into_any()
}
