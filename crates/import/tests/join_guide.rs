//! The shipped joining guide: valid, every path walked, every outcome reachable, and its links
//! into the directory name filters the dataset has.

use std::collections::HashSet;
use std::path::Path;

use coops_core::join::{JoinGuide, Shown, all_paths, load_guide, validate};
use coops_core::load::load_directory;

fn public(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../public")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn guide() -> JoinGuide {
    load_guide(&public("data/join.json")).expect("public/data/join.json is valid")
}

#[test]
fn the_validator_finds_nothing_wrong() {
    assert_eq!(validate(&guide()), vec![]);
}

#[test]
fn the_first_question_offers_the_four_ways_in() {
    let guide = guide();
    let start = guide.step(&guide.start).unwrap();
    assert_eq!(
        start.options.len(),
        4,
        "co-op, converting company, would-be worker, supporter"
    );
}

#[test]
fn every_path_walks_to_its_outcome_and_every_outcome_is_reached() {
    let guide = guide();
    let paths = all_paths(&guide);
    assert!(paths.len() >= 11, "{} paths", paths.len());
    let mut reached = HashSet::new();
    for (answers, outcome) in &paths {
        let answers: Vec<Vec<String>> = answers.iter().map(|a| vec![a.clone()]).collect();
        let position = guide.walk(&answers, None);
        assert_eq!(position.at, Shown::Outcome(outcome.clone()), "{answers:?}");
        assert!(!position.recovered);
        assert!(answers.len() <= 6, "a short path: {answers:?}");
        reached.insert(outcome.clone());
    }
    let all: HashSet<String> = guide.outcomes.iter().map(|o| o.id.clone()).collect();
    assert_eq!(reached, all, "every outcome is at the end of some path");
}

#[test]
fn every_outcome_has_sources_steps_and_a_checked_date() {
    let guide = guide();
    assert!(
        guide.checked.starts_with("2026-"),
        "checked {}",
        guide.checked
    );
    for outcome in &guide.outcomes {
        assert!(!outcome.sources.is_empty(), "{} has sources", outcome.id);
        assert!(!outcome.steps.is_empty(), "{} has next steps", outcome.id);
        for step in outcome.steps.iter().filter(|s| s.unconfirmed) {
            assert!(
                !step.links.is_empty(),
                "an unconfirmed fact in {} links the page to check it",
                outcome.id
            );
        }
    }
}

#[test]
fn the_uk_fee_is_the_one_the_network_publishes() {
    let guide = guide();
    let fee = guide
        .outcomes
        .iter()
        .find_map(|o| o.fee.clone())
        .expect("a fee calculator");
    assert_eq!(
        (
            fee.percent,
            fee.minimum,
            fee.currency.as_str(),
            fee.plus_vat
        ),
        (0.1, 150.0, "GBP", true)
    );
}

#[test]
fn directory_filters_in_answers_exist_in_the_dataset() {
    let guide = guide();
    let directory = load_directory(&public("data/directory.json"))
        .unwrap()
        .directory;
    for step in &guide.steps {
        for option in &step.options {
            let f = &option.filters;
            if let Some(region) = &f.region {
                assert!(
                    directory.region(region).is_some(),
                    "{}/{}: region {region}",
                    step.id,
                    option.id
                );
            }
            if let Some(country) = &f.country {
                assert!(
                    directory.country(country).is_some(),
                    "{}/{}: country {country}",
                    step.id,
                    option.id
                );
            }
            for tag in &f.tags {
                assert!(
                    directory.tag(tag).is_some(),
                    "{}/{}: tag {tag}",
                    step.id,
                    option.id
                );
            }
            if let Some(network) = &f.network {
                assert!(
                    coops_core::recommend::network(&directory, network).is_some(),
                    "{}/{}: network {network} is not one of the list's",
                    step.id,
                    option.id
                );
            }
        }
    }
}

#[test]
fn every_outcome_offers_readings_and_the_list_has_some_for_each() {
    let guide = guide();
    let directory = load_directory(&public("data/directory.json"))
        .unwrap()
        .directory;
    for outcome in &guide.outcomes {
        assert!(
            !outcome.reads.is_empty(),
            "{}: no readers for Read next",
            outcome.id
        );
        let found = coops_core::recommend::readings(&directory, &outcome.reads);
        assert!(!found.is_empty(), "{}: nothing to read", outcome.id);
    }
    // Each co-op the guide routes to a network whose members the list names sees them.
    let members = coops_core::recommend::network_members(&directory, "FACT[TIC]");
    assert!(!members.is_empty(), "the list names a member of FACTTIC");
}
