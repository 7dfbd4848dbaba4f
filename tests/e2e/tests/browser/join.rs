//! The joining guide in the browser: each persona reaches an outcome by clicking, Back keeps
//! the answer, a reload resumes, a tampered URL recovers, the fee calculator computes.

use coops_core::join::{JoinGuide, StepKind, all_paths, load_guide};
use e2e::{AppPage, dist_dir, run};

/// The guide the site serves.
fn guide() -> JoinGuide {
    let text =
        std::fs::read_to_string(dist_dir().join("data/join.json")).expect("join.json in dist/");
    load_guide(&text).expect("the shipped guide is valid")
}

/// Answers `answer` (an option id) to the step on screen, as a visitor would: by the button's
/// label, or for a multiple-choice step by ticking its box and pressing Continue (`next`, the
/// button's label in the page's language).
pub(crate) async fn answer_in(app: &AppPage, guide: &JoinGuide, answer: &str, next: &str) {
    let step_id = app.join_step().await;
    let step = guide
        .step(&step_id)
        .unwrap_or_else(|| panic!("unknown step {step_id}"));
    let option = step
        .options
        .iter()
        .find(|o| o.id == answer)
        .unwrap_or_else(|| panic!("{answer} not in {step_id}"));
    match step.kind {
        StepKind::Single => app.click_button(&option.label).await,
        StepKind::Multiple => {
            app.click(&format!("input#choice-{}-{}", step.id, option.id))
                .await;
            app.click_button(next).await;
        }
    }
}

/// [`answer_in`] on the English pages.
async fn answer(app: &AppPage, guide: &JoinGuide, answer: &str) {
    answer_in(app, guide, answer, "Continue").await;
}

/// The answers of the guide's longest path, one option id per question.
fn longest_path(guide: &JoinGuide) -> Vec<String> {
    all_paths(guide)
        .into_iter()
        .map(|(answers, _)| answers)
        .max_by_key(Vec::len)
        .expect("a path")
}

/// Opens the guide and gives `answers`, one by one, as a visitor would.
async fn walk(app: &AppPage, guide: &JoinGuide, answers: &[String]) {
    app.open("/join").await;
    for a in answers {
        answer(app, guide, a).await;
    }
}

/// Waits for the step after `index` answers.
async fn wait_for_step(app: &AppPage, step: &str) {
    app.wait_until(
        &format!("step {step}"),
        &format!("document.querySelector('[data-testid=join-step][data-step=\"{step}\"]')"),
    )
    .await;
}

#[tokio::test]
async fn each_persona_reaches_an_outcome_by_clicking() {
    let guide = guide();
    let start = guide.step(&guide.start).unwrap().clone();
    assert_eq!(start.options.len(), 4, "four kinds of visitor");
    let paths = all_paths(&guide);
    run(|app| async move {
        for persona in &start.options {
            let (answers, outcome) =
                paths.iter().find(|(answers, _)| answers[0] == persona.id).expect("a path for each persona").clone();
            app.open("/join").await;
            let heading = app.text("[data-testid=join-step] h2").await;
            assert_eq!(heading, start.question);
            for a in &answers {
                answer(&app, &guide, a).await;
            }
            let shown = app.find("[data-testid=join-outcome]").await;
            assert_eq!(shown.attr("data-outcome").await.unwrap().as_deref(), Some(outcome.as_str()), "{persona:?}");
            // Focus on the outcome's heading (its view is drawn once its code is in).
            app.wait_until("focus on the outcome's heading", "document.activeElement.tagName === 'H2' && !!document.activeElement.closest('[data-testid=join-outcome]')").await;
            assert!(app.text("[data-testid=join-outcome]").await.contains("Facts last checked"));
        }
    })
    .await;
}

#[tokio::test]
async fn back_from_an_outcome_returns_to_the_last_question_with_the_answer_kept() {
    let guide = guide();
    let answers = longest_path(&guide);
    run(|app| async move {
        walk(&app, &guide, &answers).await;
        app.find("[data-testid=join-outcome]").await;
        app.click_button("Back").await;
        let last = app.find("[data-testid=join-step]").await;
        let step_id = last.attr("data-step").await.unwrap().unwrap();
        let step = guide.step(&step_id).unwrap();
        assert!(
            step.options
                .iter()
                .any(|o| &o.id == answers.last().unwrap()),
            "the last question again"
        );
        let kept = app
            .find_all(".join-step__choice--chosen, .join-step__check input:checked")
            .await;
        assert_eq!(kept.len(), 1, "the answer given is still marked");
        let focused = app.js("return document.activeElement.id", vec![]).await;
        assert_eq!(
            focused.as_str().unwrap(),
            format!("step-{step_id}"),
            "focus moves to the question"
        );
        // The browser's own Back goes to the outcome's previous history entry too.
        app.back().await;
        app.find("[data-testid=join-outcome]").await;
    })
    .await;
}

#[tokio::test]
async fn an_outcome_recaps_the_answers_and_one_can_be_changed_in_place() {
    let guide = guide();
    let answers = longest_path(&guide);
    let asked: Vec<(String, String)> = guide
        .answered(&answers.iter().map(|a| vec![a.clone()]).collect::<Vec<_>>())
        .into_iter()
        .map(|(step, answer)| (step.question.clone(), step.labels_of(answer).join(", ")))
        .collect();
    run(|app| async move {
        walk(&app, &guide, &answers).await;
        app.find("[data-testid=join-recap]").await;
        let shown = app
            .js(
                "return [...document.querySelectorAll('.join-recap__item')].map(i => [i.querySelector('dt').textContent, i.querySelector('dd').firstChild.textContent])",
                vec![],
            )
            .await;
        let shown: Vec<(String, String)> = serde_json::from_value(shown).unwrap();
        assert_eq!(shown, asked, "every question answered, with its answer");
        // The first question again, its answer kept, and the later answers too.
        app.click(&format!(
            "a.join-recap__change[aria-label='Change your answer to “{}”']",
            asked[0].0
        ))
        .await;
        wait_for_step(&app, &guide.start).await;
        let kept = app.find_all(".join-step__choice--chosen").await;
        assert_eq!(kept.len(), 1, "the answer given is still marked");
        let path = app.path().await;
        assert!(path.contains("at=0"), "{path}");
        // Answering it again the same way goes on to the next question.
        answer(&app, &guide, &answers[0]).await;
        app.wait_until(
            "the next question",
            &format!(
                "document.querySelector('[data-testid=join-step]:not([data-step=\"{}\"])')",
                guide.start
            ),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_reload_midway_resumes_and_a_tampered_url_recovers() {
    let guide = guide();
    let answers = longest_path(&guide);
    assert!(answers.len() >= 2, "a path of two questions or more");
    run(|app| async move {
        app.open("/join").await;
        answer(&app, &guide, &answers[0]).await;
        let second = guide.walk(&[vec![answers[0].clone()]], None);
        let coops_core::join::Shown::Step {
            id: second_step, ..
        } = second.at
        else {
            panic!("a second question")
        };
        wait_for_step(&app, &second_step).await;
        app.reload().await;
        wait_for_step(&app, &second_step).await;

        app.open(&format!("/join?a={}.no-such-answer.x", answers[0]))
            .await;
        wait_for_step(&app, &second_step).await;
        app.find("[data-testid=join-recovered]").await;

        app.open("/join?a=zzz").await;
        wait_for_step(&app, &guide.start).await;
        app.find("[data-testid=join-recovered]").await;
    })
    .await;
}

#[tokio::test]
async fn the_fee_calculator_applies_the_rate_and_the_minimum() {
    let guide = guide();
    let (answers, outcome) = all_paths(&guide)
        .into_iter()
        .find(|(_, o)| guide.outcome(o).is_some_and(|o| o.fee.is_some()))
        .expect("an outcome with a known fee");
    let fee = guide.outcome(&outcome).unwrap().fee.clone().unwrap();
    let url = format!("/join?a={}", answers.join("."));
    run(|app| async move {
        app.open(&url).await;
        let input = app.find("[data-testid=fee-calculator] input").await;
        input.send_keys("1000000").await.unwrap();
        let big = coops_core::join::money(&fee.symbol, fee.amount(1_000_000.0).unwrap());
        app.wait_until("the fee", &format!("document.querySelector('[data-testid=fee-result]').textContent.includes('{big}')")).await;
        input.send_keys("\u{E009}a\u{E000}\u{E003}1000").await.unwrap();
        let min = coops_core::join::money(&fee.symbol, fee.minimum);
        app.wait_until("the minimum", &format!("document.querySelector('[data-testid=fee-result]').textContent.includes('{min} (the minimum)')")).await;
    })
    .await;
}

#[tokio::test]
async fn a_would_be_workers_outcome_names_coops_in_their_country_first() {
    let guide = guide();
    let data = e2e::expected::dataset();
    // A path of a would-be worker whose answers name a country with co-ops in the list.
    let (answers, country) = all_paths(&guide)
        .into_iter()
        .filter(|(answers, outcome)| {
            answers[0] == "worker"
                && guide
                    .outcome(outcome)
                    .is_some_and(|o| o.directory_label.is_some())
        })
        .find_map(|(answers, _)| {
            let steps: Vec<Vec<String>> = answers.iter().map(|a| vec![a.clone()]).collect();
            let country = guide.filters(&steps).country?;
            (e2e::expected::active_in_country(&data, &country) >= 3).then_some((answers, country))
        })
        .expect("a worker's path to a country with co-ops");
    let url = format!("/join?a={}", answers.join("."));
    run(|app| async move {
        app.open(&url).await;
        app.find("[data-testid=join-outcome] [data-testid=coop-card]").await;
        let countries: Vec<String> = app
            .js(
                "return [...document.querySelectorAll('[data-testid=join-outcome] [data-testid=coop-card]')].map(c => c.dataset.coopId)",
                vec![],
            )
            .await
            .as_array()
            .unwrap()
            .iter()
            .map(|id| {
                let id = id.as_str().unwrap();
                let coop = data["coops"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap();
                coop["location"]["countries"].to_string()
            })
            .collect();
        assert!(!countries.is_empty() && countries.len() <= 6, "{countries:?}");
        assert!(countries[0].contains(&country), "the visitor's country first: {countries:?}");
        let count = app.text("[data-testid=outcome-coops-count]").await;
        assert!(count.chars().next().unwrap().is_ascii_digit(), "{count}");
    })
    .await;
}
