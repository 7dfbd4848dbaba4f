//! The end of a path through the joining guide: the recommendation and what to do next.

use std::sync::Arc;

use crate::chunk::chunked_view;
use crate::components::answers_recap::AnswersRecap;
use crate::components::app_link::AppLink;
use crate::components::outcome_coops::OutcomeCoops;
use crate::components::read_next::ReadNext;
use coops_core::i18n::{decimal, parse_decimal, words};
use coops_core::join::{
    Alternative, Fee, Filters, JoinGuide, Link, NextStep, Outcome, money, month_label,
};
use coops_core::query::{DirectoryQuery, JoinUrl, UrlCodec};
use coops_core::url::{link_site, safe_href};
use leptos::html::H2;
use leptos::prelude::*;

use crate::dom::event_origin_value;

use crate::components::rich_text::ExternalLink;
use crate::url_state::QueryWriter;

chunked_view!(
    /// An outcome of the guide; in the split build a chunk of its own, fetched when the guide
    /// first reaches one (the guide's first view is a question).
    pub fn join_outcome(
        guide: Arc<JoinGuide>,
        outcome: String,
        answers: Vec<Vec<String>>,
        go: Callback<String>,
    ) => JoinOutcome, preload = preload_join_outcome
);

/// An outcome: verdict, numbered next steps with their links, a fee calculator where the fee
/// is known, why this path, the alternatives, a link into the directory, and the sources with
/// the date they were checked. Printable and shareable (its URL holds the answers).
#[component]
pub fn JoinOutcome(
    /// The guide.
    guide: Arc<JoinGuide>,
    /// The outcome to show.
    outcome: String,
    /// The answers that led here (empty when the outcome was opened directly).
    answers: Vec<Vec<String>>,
    /// Navigates to a `/join` address.
    go: Callback<String>,
) -> impl IntoView {
    let Some(outcome) = guide.outcome(&outcome).cloned() else {
        return view! { <p>{words().text("join-outcome-missing")}</p> }.into_any();
    };
    let heading = NodeRef::<H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let Outcome {
        id,
        title,
        verdict,
        summary,
        steps,
        why,
        alternatives,
        directory_label,
        reads,
        fee,
        sources,
    } = outcome;
    let filters = guide.filters(&answers);
    // An outcome that points at co-ops names some, matching the answers.
    let coops = directory_label
        .is_some()
        .then(|| view! { <OutcomeCoops filters=filters.clone() /> });
    let reads = (!reads.is_empty()).then(|| view! { <ReadNext reads /> });
    let directory_link = directory_label.map(|label| view! { <DirectoryLink label filters /> });
    let alternatives = (!alternatives.is_empty())
        .then(|| view! { <OtherWaysIn guide=guide.clone() alternatives /> });
    let sources = sources
        .into_iter()
        .map(|link| view! { <li><LinkTo link /></li> })
        .collect_view();
    let recap = (!answers.is_empty())
        .then(|| view! { <AnswersRecap guide=guide.clone() answers=answers.clone() /> });
    let verdict = verdict.map(|v| {
        view! { <p class=format!("join-outcome__verdict join-outcome__verdict--{}", v.as_str())>{v.label()}</p> }
    });

    view! {
        <article class="join-outcome" data-testid="join-outcome" data-outcome=id>
            {verdict}
            <h2 class="join-outcome__title" tabindex="-1" node_ref=heading>{title}</h2>
            <p class="join-outcome__summary">{summary}</p>
            <h3>{words().text("next-steps")}</h3>
            <ol class="join-outcome__steps"><NextSteps guide=guide.clone() steps answers=answers.clone() /></ol>
            {fee.map(|fee| view! { <FeeCalculator fee /> })}
            {coops}
            {directory_link}
            {reads}
            <h3>{words().text("why-this-path")}</h3>
            <p>{why}</p>
            {alternatives}
            <h3>{words().text("sources")}</h3>
            <ul class="join-outcome__sources">{sources}</ul>
            {recap}
            <p class="join-outcome__checked">{words().format("facts-checked", &[("date", &month_label(&guide.checked))])}</p>
            <OutcomeActions answers go />
        </article>
    }
    .into_any()
}

/// The outcome's next steps that apply: those whose condition the answers meet, or, when the
/// outcome was opened without answers, all of them, each conditional one saying for whom.
#[component]
fn NextSteps(
    /// The guide, for the conditions' questions.
    guide: Arc<JoinGuide>,
    /// The outcome's next steps.
    steps: Vec<NextStep>,
    /// The answers that led here.
    answers: Vec<Vec<String>>,
) -> impl IntoView {
    steps
        .into_iter()
        .filter_map(|step| match &step.when {
            None => Some((None, step)),
            Some(condition) if answers.is_empty() => {
                let labels: Vec<&str> = guide
                    .step(&condition.step)
                    .map(|s| s.labels_of(&condition.any_of))
                    .unwrap_or_default();
                Some((Some(labels.join(words().text("or-separator"))), step))
            }
            Some(condition) => guide.holds(condition, &answers).then_some((None, step)),
        })
        .map(|(only_for, step)| view! { <NextStepItem step only_for /> })
        .collect_view()
}

/// The button into the directory, filtered as the answers imply (`filters`), named `label`.
#[component]
fn DirectoryLink(
    /// The button's text.
    label: String,
    /// What the answers imply: region, country, business areas.
    filters: Filters,
) -> impl IntoView {
    let query = DirectoryQuery {
        region: filters.region,
        country: filters.country,
        tags: filters.tags,
        ..DirectoryQuery::default()
    };
    let qs = query.to_query_string();
    let href = if qs.is_empty() {
        "/".to_string()
    } else {
        format!("/?{qs}")
    };
    view! { <p class="join-outcome__directory"><AppLink href=href class="button button--primary">{label}</AppLink></p> }
}

/// "Other ways in": the alternatives to this path, each with the outcome it points to (a
/// link to it in the guide) or a link out.
#[component]
fn OtherWaysIn(
    /// The guide, for the outcomes the alternatives point to.
    guide: Arc<JoinGuide>,
    /// The outcome's alternatives.
    alternatives: Vec<Alternative>,
) -> impl IntoView {
    // The guide's own address, whether at /join or in a host page.
    let writer = QueryWriter::from_location();
    let items = alternatives
        .into_iter()
        .map(|alternative| {
            let target = alternative
                .outcome
                .as_ref()
                .filter(|id| guide.outcome(id).is_some())
                .map(|id| {
                    let title = guide
                        .outcome(id)
                        .map(|o| o.title.clone())
                        .unwrap_or_default();
                    let shared = JoinUrl {
                        outcome: Some(id.clone()),
                        ..JoinUrl::default()
                    };
                    let href = writer.href(&shared.to_query_string());
                    view! { " " <a href=href>{title}</a> }
                });
            let link = alternative.link.map(|l| view! { " " <LinkTo link=l /> });
            view! { <li>{alternative.text}{target}{link}</li> }
        })
        .collect_view();
    view! {
        <h3>{words().text("other-ways-in")}</h3>
        <ul class="join-outcome__alternatives">{items}</ul>
    }
}

/// Back (to the last question, keeping the answers; only when there were answers), Start
/// over and Print.
#[component]
fn OutcomeActions(
    /// The answers that led here.
    answers: Vec<Vec<String>>,
    /// Navigates to a `/join` address.
    go: Callback<String>,
) -> impl IntoView {
    let back = (!answers.is_empty()).then(|| {
        let back_to = JoinUrl {
            at: Some(answers.len().saturating_sub(1)),
            answers,
            outcome: None,
        }
        .to_query_string();
        view! {
            <button type="button" class="button" on:click=move |_| {
                go.run(back_to.clone())
            }>{words().text("back")}</button>
        }
    });
    view! {
        <div class="join-outcome__actions">
            {back}
            <button type="button" class="button button--quiet" on:click=move |_| go.run(String::new())>
                {words().text("start-over")}
            </button>
            <button type="button" class="button button--quiet" on:click=move |_| print_page()>{words().text("print")}</button>
        </div>
    }
}

fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// One numbered step, with its links; unconfirmed facts say so.
#[component]
fn NextStepItem(step: NextStep, only_for: Option<String>) -> impl IntoView {
    let links = step
        .links
        .into_iter()
        .map(|link| view! { <li><LinkTo link /></li> })
        .collect_view();
    view! {
        <li class="join-outcome__step" class:join-outcome__step--unconfirmed=step.unconfirmed>
            {only_for.map(|who| view! { <strong>{words().format("only-for", &[("answers", &who)])}</strong> })}
            {step.text}
            {step.unconfirmed.then(|| view! {
                <span class="join-outcome__unconfirmed">{format!(" {}", words().text("unconfirmed"))}</span>
            })}
            <ul class="join-outcome__links">{links}</ul>
        </li>
    }
}

/// A link from the guide, naming its site where its label does not; unsafe URLs are shown as
/// text.
#[component]
fn LinkTo(link: Link) -> impl IntoView {
    match safe_href(&link.url).map(str::to_string) {
        Some(href) => {
            let label = match link_site(&link.label, &href) {
                Some(site) => format!("{} ({site})", link.label),
                None => link.label,
            };
            view! { <ExternalLink href>{label}</ExternalLink> }.into_any()
        }
        None => link.label.into_any(),
    }
}

/// Works out a network's fee from the labour costs the visitor types.
#[component]
fn FeeCalculator(fee: Fee) -> impl IntoView {
    let input = RwSignal::new(String::new());
    let fee = Arc::new(fee);
    let result = {
        let fee = fee.clone();
        move || {
            let text = input.get();
            if text.trim().is_empty() {
                return String::new();
            }
            let w = words();
            match parse_decimal(w.lang(), &text).and_then(|basis| fee.amount(basis)) {
                Some(amount) => {
                    let key = match (amount <= fee.minimum, fee.plus_vat) {
                        (true, true) => "fee-result-minimum-vat",
                        (true, false) => "fee-result-minimum",
                        (false, true) => "fee-result-vat",
                        (false, false) => "fee-result",
                    };
                    w.format(key, &[("amount", &money(&fee.symbol, amount))])
                }
                None => w.text("fee-hint").to_string(),
            }
        }
    };
    let description = words().format(
        if fee.plus_vat {
            "fee-description-vat"
        } else {
            "fee-description"
        },
        &[
            ("network", &fee.network),
            ("percent", &decimal(words().lang(), fee.percent, 3)),
            ("basis", &fee.basis),
            ("minimum", &money(&fee.symbol, fee.minimum)),
        ],
    );
    view! {
        <section class="fee" aria-labelledby="fee-title" data-testid="fee-calculator">
            <h3 id="fee-title">{words().text("fee-heading")}</h3>
            <p>{description}</p>
            <label for="fee-basis" class="fee__label">{words().format("fee-label", &[("basis", &fee.basis), ("currency", &fee.currency)])}</label>
            <input
                id="fee-basis"
                class="fee__input"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-describedby="fee-result"
                prop:value=move || input.get()
                on:input=move |ev| input.set(event_origin_value(&ev))
            />
            <p id="fee-result" class="fee__result" role="status" aria-live="polite" data-testid="fee-result">{result}</p>
        </section>
    }
}
