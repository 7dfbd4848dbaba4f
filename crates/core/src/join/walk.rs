//! Walking the guide: the answers in the URL followed from the start to the step or outcome
//! they lead to, never trusting them (an answer that does not exist stops the walk at the last
//! valid step, with a note saying so); what the answers imply (a condition, the directory's
//! filters, the questions left); and every path through it, for the checks.

use std::collections::{HashMap, HashSet};

use super::{Condition, Filters, JoinGuide, Step, StepKind};

/// Where the answers in the URL lead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// The answers that were valid, in order.
    pub answers: Vec<Vec<String>>,
    /// What to show.
    pub at: Shown,
    /// Set when some answers in the URL were not valid and were dropped.
    pub recovered: bool,
}

/// What the guide shows: a step (with the answer already given to it, when stepping back) or
/// an outcome. (Not a [`crate::Place`], which is where a co-op is.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// Show this step; `index` answers come before it.
    Step {
        /// Step id.
        id: String,
        /// How many answers precede it.
        index: usize,
    },
    /// Show this outcome.
    Outcome(String),
}

impl JoinGuide {
    /// Follows `answers` (each a list of option ids) from the start. The longest valid prefix
    /// is kept; anything after an invalid answer (or after an outcome) is dropped, with
    /// `recovered` set. With `at`, shows the step after that many answers, keeping the later
    /// answers (so stepping back shows the answer given).
    pub fn walk(&self, answers: &[Vec<String>], at: Option<usize>) -> Position {
        let mut valid: Vec<Vec<String>> = Vec::new();
        let mut id = self.start.clone();
        let mut recovered = false;
        for answer in answers {
            let next = self.step(&id).and_then(|step| self.follow(step, answer));
            match next {
                Some(target) => {
                    valid.push(answer.clone());
                    id = target;
                }
                None => {
                    recovered = true;
                    break;
                }
            }
        }
        let shown = match at {
            Some(at) if at <= valid.len() => at,
            Some(_) => {
                recovered = true;
                valid.len()
            }
            None => valid.len(),
        };
        Position {
            at: self.shown_after(&valid[..shown]),
            answers: valid,
            recovered,
        }
    }

    /// Where `answers` (all valid) lead.
    fn shown_after(&self, answers: &[Vec<String>]) -> Shown {
        let mut id = self.start.clone();
        for answer in answers {
            match self.step(&id).and_then(|step| self.follow(step, answer)) {
                Some(target) => id = target,
                None => break,
            }
        }
        if self.step(&id).is_some() {
            Shown::Step {
                id,
                index: answers.len(),
            }
        } else {
            Shown::Outcome(id)
        }
    }

    /// Where answering `step` with `answer` leads, if the answer is valid.
    pub fn follow(&self, step: &Step, answer: &[String]) -> Option<String> {
        target(step, answer).map(str::to_string)
    }

    /// Whether the condition holds for these answers.
    pub fn holds(&self, condition: &Condition, answers: &[Vec<String>]) -> bool {
        self.answered(answers).into_iter().any(|(step, answer)| {
            step.id == condition.step && answer.iter().any(|a| condition.any_of.contains(a))
        })
    }

    /// Each answer beside the step it answers.
    pub fn answered<'a>(&'a self, answers: &'a [Vec<String>]) -> Vec<(&'a Step, &'a [String])> {
        let mut pairs = Vec::new();
        let mut id = self.start.as_str();
        for answer in answers {
            let Some(step) = self.step(id) else { break };
            pairs.push((step, answer.as_slice()));
            match target(step, answer) {
                Some(next) => id = next,
                None => break,
            }
        }
        pairs
    }

    /// The directory filters implied by the answers (later answers win; tags accumulate).
    pub fn filters(&self, answers: &[Vec<String>]) -> Filters {
        let mut filters = Filters::default();
        for (step, answer) in self.answered(answers) {
            for option in step.options.iter().filter(|o| answer.contains(&o.id)) {
                if option.filters.region.is_some() {
                    filters.region = option.filters.region.clone();
                }
                if option.filters.country.is_some() {
                    filters.country = option.filters.country.clone();
                }
                if option.filters.network.is_some() {
                    filters.network = option.filters.network.clone();
                }
                for tag in &option.filters.tags {
                    if !filters.tags.contains(tag) {
                        filters.tags.push(tag.clone());
                    }
                }
            }
        }
        filters
    }

    /// The most questions any path from step `id` still asks (1 for a step leading straight to
    /// outcomes), for "question 2 of about 4".
    pub fn remaining(&self, id: &str) -> usize {
        fn depth(guide: &JoinGuide, id: &str, seen: &mut Vec<String>) -> usize {
            let Some(step) = guide.step(id) else { return 0 };
            if seen.iter().any(|s| s == id) {
                return 0;
            }
            seen.push(id.to_string());
            let deepest = step
                .edges()
                .into_iter()
                .filter_map(|(_, t)| t)
                .map(|t| depth(guide, t, seen))
                .max()
                .unwrap_or(0);
            seen.pop();
            1 + deepest
        }
        depth(self, id, &mut Vec::new())
    }
}

/// Where answering `step` with `answer` leads, if the answer is valid: one known option for a
/// single step; one or more known, distinct options for a multiple step.
fn target<'a>(step: &'a Step, answer: &[String]) -> Option<&'a str> {
    let known = |id: &String| step.options.iter().any(|o| &o.id == id);
    let unique = answer.iter().collect::<HashSet<_>>().len() == answer.len();
    match step.kind {
        StepKind::Single if answer.len() == 1 => step
            .options
            .iter()
            .find(|o| o.id == answer[0])
            .and_then(|o| o.goto.as_deref()),
        StepKind::Multiple if !answer.is_empty() && unique && answer.iter().all(known) => {
            step.next.as_deref()
        }
        _ => None,
    }
}

/// Every path through a valid guide: the answers given, and the outcome reached. A multiple
/// step is taken with its first option only (every combination leads to the same place).
pub fn all_paths(guide: &JoinGuide) -> Vec<(Vec<String>, String)> {
    let steps: HashMap<&str, &Step> = guide.steps.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut paths = Vec::new();
    let mut stack: Vec<(String, Vec<String>)> = vec![(guide.start.clone(), Vec::new())];
    while let Some((id, answers)) = stack.pop() {
        let Some(step) = steps.get(id.as_str()) else {
            paths.push((answers, id));
            continue;
        };
        if answers.len() > guide.steps.len() {
            continue; // a cycle; the validator reports it
        }
        let moves: Vec<(String, Option<&str>)> = match step.kind {
            StepKind::Single => step
                .options
                .iter()
                .map(|o| (o.id.clone(), o.goto.as_deref()))
                .collect(),
            StepKind::Multiple => step
                .options
                .first()
                .map(|o| (o.id.clone(), step.next.as_deref()))
                .into_iter()
                .collect(),
        };
        for (answer, target) in moves.into_iter().rev() {
            if let Some(target) = target {
                let mut next = answers.clone();
                next.push(answer);
                stack.push((target.to_string(), next));
            }
        }
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::join::test_guide::{answers, guide};

    #[test]
    fn an_answer_reads_as_its_labels_in_the_steps_order() {
        let g = guide();
        let time = g.step("time").unwrap();
        let both = vec![
            "ongoing".to_string(),
            "minutes".to_string(),
            "nope".to_string(),
        ];
        assert_eq!(time.labels_of(&both), ["Minutes", "Ongoing"]);
        let given = answers("supporter.minutes+ongoing");
        let recap: Vec<(&str, Vec<&str>)> = g
            .answered(&given)
            .into_iter()
            .map(|(step, answer)| (step.question.as_str(), step.labels_of(answer)))
            .collect();
        assert_eq!(
            recap,
            vec![
                ("Who are you?", vec!["A supporter"]),
                ("How much time?", vec!["Minutes", "Ongoing"])
            ]
        );
    }

    #[test]
    fn every_path_ends_in_an_outcome() {
        let paths = all_paths(&guide());
        assert_eq!(
            paths,
            vec![
                (vec!["coop".into(), "uk".into()], "eligible".into()),
                (vec!["coop".into(), "elsewhere".into()], "listed".into()),
                (vec!["supporter".into(), "minutes".into()], "support".into()),
            ]
        );
    }

    #[test]
    fn walks_answers_to_steps_and_outcomes() {
        let g = guide();
        assert_eq!(
            g.walk(&[], None).at,
            Shown::Step {
                id: "who".into(),
                index: 0
            }
        );
        assert_eq!(
            g.walk(&answers("coop"), None).at,
            Shown::Step {
                id: "region".into(),
                index: 1
            }
        );
        let end = g.walk(&answers("coop.uk"), None);
        assert_eq!(end.at, Shown::Outcome("eligible".into()));
        assert!(!end.recovered);
        let multi = g.walk(&answers("supporter.minutes+ongoing"), None);
        assert_eq!(multi.at, Shown::Outcome("support".into()));
    }

    #[test]
    fn stepping_back_keeps_the_later_answers() {
        let g = guide();
        let back = g.walk(&answers("coop.uk"), Some(1));
        assert_eq!(
            back.at,
            Shown::Step {
                id: "region".into(),
                index: 1
            }
        );
        assert_eq!(
            back.answers,
            answers("coop.uk"),
            "the answer to the shown step is kept"
        );
        assert!(!back.recovered);
    }

    #[test]
    fn a_tampered_url_lands_on_the_last_valid_step() {
        let g = guide();
        for (url, step, index) in [
            ("coop.mars", "region", 1),
            ("nobody", "who", 0),
            ("supporter.minutes+minutes", "time", 1),
            ("supporter.minutes+nope", "time", 1),
            ("coop.uk+elsewhere", "region", 1),
        ] {
            let position = g.walk(&answers(url), None);
            assert_eq!(
                position.at,
                Shown::Step {
                    id: step.into(),
                    index
                },
                "{url}"
            );
            assert!(position.recovered, "{url} is reported as recovered");
        }
        let past_the_end = g.walk(&answers("coop.uk.extra"), None);
        assert_eq!(past_the_end.at, Shown::Outcome("eligible".into()));
        assert!(
            past_the_end.recovered,
            "answers after an outcome are dropped"
        );
        let bad_at = g.walk(&answers("coop"), Some(7));
        assert_eq!(
            bad_at.at,
            Shown::Step {
                id: "region".into(),
                index: 1
            }
        );
        assert!(bad_at.recovered);
    }

    #[test]
    fn conditions_and_filters_follow_the_answers() {
        let g = guide();
        let uk_only = Condition {
            step: "region".into(),
            any_of: vec!["uk".into()],
        };
        assert!(g.holds(&uk_only, &answers("coop.uk")));
        assert!(!g.holds(&uk_only, &answers("coop.elsewhere")));
        assert_eq!(
            g.filters(&answers("coop.uk")).country.as_deref(),
            Some("GB")
        );
        assert_eq!(
            g.filters(&answers("supporter.minutes+ongoing")).tags,
            ["a", "b"]
        );
    }

    #[test]
    fn counts_the_questions_left() {
        let g = guide();
        assert_eq!(g.remaining("who"), 2);
        assert_eq!(g.remaining("region"), 1);
        assert_eq!(g.remaining("eligible"), 0);
    }
}
