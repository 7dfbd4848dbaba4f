//! One question of the joining guide.

use std::sync::Arc;

use coops_core::i18n::{number, words};
use coops_core::join::{Choice, JoinGuide, Step, StepKind};
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
    let answer = {
        let answers = answers.clone();
        Callback::new(move |answer: Vec<String>| {
            go.run(answered(&answers, index, answer).to_query_string())
        })
    };
    let heading_id = format!("step-{}", step.id);
    let help = step
        .help
        .clone()
        .map(|h| view! { <p class="join-step__help">{h}</p> });
    let question = step.question.clone();
    let step_id = step.id.clone();
    let choices = match step.kind {
        StepKind::Single => view! {
            <SingleChoices step previous heading_id=heading_id.clone() answer />
        }
        .into_any(),
        StepKind::Multiple => view! {
            <MultipleChoices step previous heading_id=heading_id.clone() answer />
        }
        .into_any(),
    };
    view! {
        <section class="join-step" data-testid="join-step" data-step=step_id>
            <JoinProgress index total />
            <h2 class="join-step__question" id=heading_id tabindex="-1" node_ref=heading>
                {question}
            </h2>
            {help}
            {choices}
            <StepNav index answers=answers.to_vec() go />
        </section>
    }
    .into_any()
}

/// Where answering the question at `index` with `answer` leads: the same answer as before
/// keeps the later ones; a new one drops them.
fn answered(answers: &[Vec<String>], index: usize, answer: Vec<String>) -> JoinUrl {
    let mut next: Vec<Vec<String>> = answers.iter().take(index).cloned().collect();
    let same = answers.get(index) == Some(&answer);
    next.push(answer);
    if same {
        next.extend(answers.iter().skip(index + 1).cloned());
    }
    JoinUrl {
        answers: next,
        at: Some(index + 1),
        outcome: None,
    }
}

/// "Question n of total", as words and as a bar (the bar hidden from screen readers: the
/// words say it).
#[component]
fn JoinProgress(
    /// How many answers come before this question.
    index: usize,
    /// How many questions the path has, as far as it is known.
    total: usize,
) -> impl IntoView {
    view! {
        <p class="join-step__progress">
            {words().format("join-progress", &[
                ("n", &number(words().lang(), index as u64 + 1)),
                ("total", &number(words().lang(), total.max(index + 1) as u64)),
            ])}
        </p>
        <progress class="join-step__bar" max=total.max(1) value=index aria-hidden="true"></progress>
    }
}

/// A question that takes one answer: a button per answer, the previous answer marked.
#[component]
fn SingleChoices(
    /// The question.
    step: Step,
    /// The answer given before, if the visitor stepped back.
    previous: Vec<String>,
    /// The question's heading, which names the list.
    heading_id: String,
    /// Answers the question.
    answer: Callback<Vec<String>>,
) -> impl IntoView {
    let buttons = step
        .options
        .iter()
        .map(|option| {
            let chosen = previous.first() == Some(&option.id);
            let hint_id = format!("hint-{}-{}", step.id, option.id);
            view! { <SingleChoice option=option.clone() chosen hint_id answer /> }
        })
        .collect_view();
    view! { <ul class="join-step__choices" aria-labelledby=heading_id>{buttons}</ul> }
}

/// One answer of a single-answer question: its button, its hint, and whether it was the
/// answer given before.
#[component]
fn SingleChoice(
    /// The answer.
    option: Choice,
    /// Whether it was the answer given before.
    chosen: bool,
    /// The id of its hint, which describes the button.
    hint_id: String,
    /// Answers the question.
    answer: Callback<Vec<String>>,
) -> impl IntoView {
    let Choice {
        id, label, hint, ..
    } = option;
    let chosen_answer = vec![id];
    view! {
        <li class="join-step__choice" class:join-step__choice--chosen=chosen>
            <button
                type="button"
                class="join-step__button"
                aria-describedby=hint.as_ref().map(|_| hint_id.clone())
                on:click=move |_| answer.run(chosen_answer.clone())
            >
                {label}
            </button>
            {hint.map(|h| view! { <span class="join-step__hint" id=hint_id>{h}</span> })}
            {chosen.then(|| view! { <span class="join-step__chosen">{words().text("your-answer")}</span> })}
        </li>
    }
}

/// A question that takes several answers: a checkbox per answer, the previous ones ticked,
/// and Continue, which asks for at least one.
#[component]
fn MultipleChoices(
    /// The question.
    step: Step,
    /// The answers given before, if the visitor stepped back.
    previous: Vec<String>,
    /// The question's heading, which names the group.
    heading_id: String,
    /// Answers the question.
    answer: Callback<Vec<String>>,
) -> impl IntoView {
    let selected = RwSignal::new(previous);
    let error = RwSignal::new(false);
    let boxes = step
        .options
        .iter()
        .map(|option| {
            let input_id = format!("choice-{}-{}", step.id, option.id);
            view! { <ChoiceBox option=option.clone() input_id selected error /> }
        })
        .collect_view();
    // Answers go into the URL in the guide's order, whatever order they were ticked in.
    let order: Vec<String> = step.options.iter().map(|o| o.id.clone()).collect();
    view! {
        <fieldset class="join-step__fieldset" aria-labelledby=heading_id>
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
                    answer.run(chosen);
                }
            }
        >
            {words().text("continue")}
        </button>
    }
}

/// One answer of a several-answer question: its checkbox, label and hint. Ticking it clears
/// the "choose at least one" error.
#[component]
fn ChoiceBox(
    /// The answer.
    option: Choice,
    /// The checkbox's id, for its label.
    input_id: String,
    /// The answers ticked.
    selected: RwSignal<Vec<String>>,
    /// Whether Continue was pressed with none ticked.
    error: RwSignal<bool>,
) -> impl IntoView {
    let Choice {
        id, label, hint, ..
    } = option;
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
                {label}
                {hint.map(|h| view! { <span class="join-step__hint">{h}</span> })}
            </label>
        </li>
    }
}

/// Back (to the question before, keeping the answers) and Start over, from the second
/// question on.
#[component]
fn StepNav(
    /// How many answers come before this question.
    index: usize,
    /// The answers so far.
    answers: Vec<Vec<String>>,
    /// Navigates to a `/join` address.
    go: Callback<String>,
) -> impl IntoView {
    let back = (index > 0).then(|| {
        let back_to = JoinUrl {
            answers,
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
        <div class="join-step__nav">
            {back}
            {(index > 0).then(|| view! {
                <button type="button" class="button button--quiet" on:click=move |_| go.run(String::new())>
                    {words().text("start-over")}
                </button>
            })}
        </div>
    }
}
