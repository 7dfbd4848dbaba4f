//! Reading a guide file and proving it sound: the format's version, ids that can appear in a
//! URL, every path from the start ending in an outcome (no dead end, no cycle, nothing out of
//! reach), safe links, known references and computable fees. Only a guide with no problem is
//! used; the translations' problems ([`super::texts`]) are reported the same way.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::{JoinGuide, Link, Outcome, Step};
use crate::i18n::words;
use crate::load::{DatasetError, parse_document};
use crate::text::is_slug;
use crate::url::safe_href;

/// The major version of the guide format this code reads.
pub const JOIN_SCHEMA_MAJOR: u32 = 1;

/// Why a guide file could not be used at all.
#[derive(Debug, Clone, PartialEq)]
pub enum GuideError {
    /// The file could not be read as a guide.
    File(DatasetError),
    /// The guide reads but is broken (the validator's findings).
    Invalid(Vec<Problem>),
}

/// In the page's language (`crate::i18n::words`), but for the problems themselves, which are
/// for the guide's maintainers and name its ids.
impl fmt::Display for GuideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = words();
        f.write_str(&match self {
            GuideError::File(e) => words.format("guide-unreadable", &[("error", &e.to_string())]),
            GuideError::Invalid(problems) => {
                let shown: Vec<String> = problems.iter().take(3).map(|p| p.to_string()).collect();
                words.count(
                    "guide-problems",
                    problems.len() as u64,
                    &[("problems", &shown.join("; "))],
                )
            }
        })
    }
}

impl std::error::Error for GuideError {}

/// Reads and validates a guide; only a guide with no problem is returned.
pub fn load_guide(text: &str) -> Result<JoinGuide, GuideError> {
    let guide: JoinGuide = parse_document(text).map_err(GuideError::File)?;
    let major = guide
        .schema
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok());
    if major != Some(JOIN_SCHEMA_MAJOR) {
        return Err(GuideError::File(DatasetError::UnsupportedSchema {
            found: guide.schema,
        }));
    }
    let problems = validate(&guide);
    if problems.is_empty() {
        Ok(guide)
    } else {
        Err(GuideError::Invalid(problems))
    }
}

/// Something wrong with a guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Two steps or outcomes share an id.
    DuplicateId(String),
    /// Two options of one step share an id.
    DuplicateOption { step: String, option: String },
    /// An id that cannot appear in a URL.
    BadId(String),
    /// `start` is not a step.
    MissingStart(String),
    /// A step with no options.
    NoOptions(String),
    /// An option (or a multiple step) leads nowhere, or to an id that does not exist.
    DeadEnd {
        step: String,
        option: Option<String>,
        target: Option<String>,
    },
    /// A path that returns to a step it has passed.
    Cycle(Vec<String>),
    /// A step or outcome no path reaches.
    Unreachable(String),
    /// A link that is not an absolute http(s) or mailto URL.
    BadLink { place: String, url: String },
    /// An outcome without sources.
    NoSources(String),
    /// A condition on an unknown step or option, or an alternative naming an unknown outcome.
    BadReference { place: String, reference: String },
    /// A fee that cannot be computed.
    BadFee(String),
    /// A text of the guide that a translation lacks ([`super::texts`]).
    Untranslated { lang: String, place: String },
    /// A text in a translation that the guide does not have (a step, option or outcome it
    /// lacks, or one text too many).
    NotInGuide { lang: String, place: String },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::DuplicateId(id) => write!(f, "the id {id:?} is used twice"),
            Problem::DuplicateOption { step, option } => {
                write!(f, "step {step:?} has two options {option:?}")
            }
            Problem::BadId(id) => write!(f, "the id {id:?} is not a lower-case slug"),
            Problem::MissingStart(id) => write!(f, "the start {id:?} is not a step"),
            Problem::NoOptions(step) => write!(f, "step {step:?} has no options"),
            Problem::DeadEnd {
                step,
                option,
                target,
            } => match (option, target) {
                (Some(o), Some(t)) => write!(
                    f,
                    "option {o:?} of step {step:?} leads to {t:?}, which does not exist"
                ),
                (Some(o), None) => write!(f, "option {o:?} of step {step:?} leads nowhere"),
                (None, Some(t)) => write!(f, "step {step:?} leads to {t:?}, which does not exist"),
                (None, None) => write!(f, "step {step:?} leads nowhere"),
            },
            Problem::Cycle(path) => write!(f, "the steps {} form a cycle", path.join(" → ")),
            Problem::Unreachable(id) => write!(f, "{id:?} cannot be reached from the start"),
            Problem::BadLink { place, url } => write!(
                f,
                "{place} has a link {url:?} that is not http(s) or mailto"
            ),
            Problem::NoSources(id) => write!(f, "outcome {id:?} has no sources"),
            Problem::BadReference { place, reference } => {
                write!(f, "{place} refers to {reference:?}, which does not exist")
            }
            Problem::BadFee(id) => write!(f, "outcome {id:?} has a fee that cannot be computed"),
            Problem::Untranslated { lang, place } => {
                write!(f, "the {lang:?} translation lacks {place}")
            }
            Problem::NotInGuide { lang, place } => {
                write!(
                    f,
                    "the {lang:?} translation has {place}, which the guide does not"
                )
            }
        }
    }
}

/// Everything wrong with `guide`; empty when every path from the start ends in an outcome.
pub fn validate(guide: &JoinGuide) -> Vec<Problem> {
    let graph = Graph::of(guide);
    let mut problems = check_ids(guide);
    if !graph.steps.contains_key(guide.start.as_str()) {
        problems.push(Problem::MissingStart(guide.start.clone()));
    }
    for step in &guide.steps {
        check_step(step, &graph, &mut problems);
    }
    check_paths(guide, &graph, &mut problems);
    for outcome in &guide.outcomes {
        check_outcome(outcome, &graph, &mut problems);
    }
    problems
}

/// The guide's steps and outcomes by id, for the checks to look up.
struct Graph<'a> {
    steps: HashMap<&'a str, &'a Step>,
    outcomes: HashSet<&'a str>,
}

impl<'a> Graph<'a> {
    fn of(guide: &'a JoinGuide) -> Self {
        Graph {
            steps: guide.steps.iter().map(|s| (s.id.as_str(), s)).collect(),
            outcomes: guide.outcomes.iter().map(|o| o.id.as_str()).collect(),
        }
    }

    /// Whether `option` is an option of the step `step`.
    fn has_option(&self, step: &str, option: &str) -> bool {
        self.steps
            .get(step)
            .is_some_and(|s| s.options.iter().any(|o| o.id == option))
    }
}

/// Every step's and outcome's id, in order.
fn all_ids(guide: &JoinGuide) -> impl Iterator<Item = &String> {
    guide
        .steps
        .iter()
        .map(|s| &s.id)
        .chain(guide.outcomes.iter().map(|o| &o.id))
}

/// Ids that are not slugs, and ids used twice.
fn check_ids(guide: &JoinGuide) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    for id in all_ids(guide) {
        if !is_slug(id) {
            problems.push(Problem::BadId(id.clone()));
        }
        if !ids.insert(id.as_str()) {
            problems.push(Problem::DuplicateId(id.clone()));
        }
    }
    problems
}

/// A step's options (some, each a slug, each once) and where each leads (somewhere).
fn check_step(step: &Step, graph: &Graph, problems: &mut Vec<Problem>) {
    if step.options.is_empty() {
        problems.push(Problem::NoOptions(step.id.clone()));
    }
    let mut option_ids = HashSet::new();
    for option in &step.options {
        if !is_slug(&option.id) {
            problems.push(Problem::BadId(format!("{}/{}", step.id, option.id)));
        }
        if !option_ids.insert(option.id.as_str()) {
            problems.push(Problem::DuplicateOption {
                step: step.id.clone(),
                option: option.id.clone(),
            });
        }
    }
    for (option, target) in step.edges() {
        let exists =
            target.is_some_and(|t| graph.steps.contains_key(t) || graph.outcomes.contains(t));
        if !exists {
            problems.push(Problem::DeadEnd {
                step: step.id.clone(),
                option: option.map(str::to_string),
                target: target.map(str::to_string),
            });
        }
    }
}

/// Cycles, and steps or outcomes no path from the start reaches: a depth-first walk.
fn check_paths(guide: &JoinGuide, graph: &Graph, problems: &mut Vec<Problem>) {
    let mut walk = Walk {
        graph,
        reached: HashSet::new(),
        on_path: Vec::new(),
        cycles: Vec::new(),
    };
    walk.from(&guide.start);
    problems.extend(walk.cycles.into_iter().map(Problem::Cycle));
    if graph.steps.contains_key(guide.start.as_str()) {
        for id in all_ids(guide) {
            if !walk.reached.contains(id.as_str()) {
                problems.push(Problem::Unreachable(id.clone()));
            }
        }
    }
}

/// A depth-first walk of the guide's steps, noting what it reaches and the cycles it meets.
struct Walk<'g, 'a> {
    graph: &'g Graph<'a>,
    reached: HashSet<&'a str>,
    on_path: Vec<&'a str>,
    cycles: Vec<Vec<String>>,
}

impl<'a> Walk<'_, 'a> {
    fn from(&mut self, id: &'a str) {
        if let Some(at) = self.on_path.iter().position(|p| *p == id) {
            let mut cycle: Vec<String> = self.on_path[at..].iter().map(|s| s.to_string()).collect();
            cycle.push(id.to_string());
            self.cycles.push(cycle);
            return;
        }
        if !self.reached.insert(id) {
            return;
        }
        let Some(step) = self.graph.steps.get(id) else {
            return;
        };
        self.on_path.push(id);
        for (_, target) in step.edges() {
            if let Some(target) = target {
                self.from(target);
            }
        }
        self.on_path.pop();
    }
}

/// An outcome's sources (some), links (safe), references (to options and outcomes that exist)
/// and fee (a positive rate, a minimum of at least nothing).
fn check_outcome(outcome: &Outcome, graph: &Graph, problems: &mut Vec<Problem>) {
    let place = |what: &str| format!("outcome {:?} ({what})", outcome.id);
    if outcome.sources.is_empty() {
        problems.push(Problem::NoSources(outcome.id.clone()));
    }
    let mut links: Vec<(&str, &Link)> = outcome.sources.iter().map(|l| ("sources", l)).collect();
    for step in &outcome.steps {
        links.extend(step.links.iter().map(|l| ("next steps", l)));
        if let Some(condition) = &step.when {
            for option in &condition.any_of {
                if !graph.has_option(&condition.step, option) {
                    problems.push(Problem::BadReference {
                        place: place("a condition"),
                        reference: format!("{}/{}", condition.step, option),
                    });
                }
            }
        }
    }
    for alternative in &outcome.alternatives {
        if let Some(link) = &alternative.link {
            links.push(("alternatives", link));
        }
        if let Some(other) = &alternative.outcome
            && !graph.outcomes.contains(other.as_str())
        {
            problems.push(Problem::BadReference {
                place: place("alternatives"),
                reference: other.clone(),
            });
        }
    }
    for (what, link) in links {
        if safe_href(&link.url).is_none() {
            problems.push(Problem::BadLink {
                place: place(what),
                url: link.url.clone(),
            });
        }
    }
    if let Some(fee) = &outcome.fee
        && !(fee.percent.is_finite()
            && fee.percent > 0.0
            && fee.minimum.is_finite()
            && fee.minimum >= 0.0)
    {
        problems.push(Problem::BadFee(outcome.id.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::join::all_paths;
    use crate::join::test_guide::guide;

    /// The guide as JSON, changed by `edit`, then validated.
    fn problems_after(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<Problem> {
        let mut value = serde_json::to_value(guide()).unwrap();
        edit(&mut value);
        let broken: JoinGuide = serde_json::from_value(value).unwrap();
        validate(&broken)
    }

    #[test]
    fn finds_a_dead_end() {
        let problems = problems_after(|g| g["steps"][1]["options"][0]["goto"] = "nowhere".into());
        assert!(
            problems
                .iter()
                .any(|p| matches!(p, Problem::DeadEnd { target: Some(t), .. } if t == "nowhere")),
            "{problems:?}"
        );
        let problems = problems_after(|g| {
            g["steps"][1]["options"][0]
                .as_object_mut()
                .unwrap()
                .remove("goto")
                .map(drop)
                .unwrap()
        });
        assert!(
            problems
                .iter()
                .any(|p| matches!(p, Problem::DeadEnd { target: None, .. })),
            "{problems:?}"
        );
        let problems = problems_after(|g| g["steps"][2]["options"] = serde_json::json!([]));
        assert!(
            problems.contains(&Problem::NoOptions("time".into())),
            "{problems:?}"
        );
    }

    #[test]
    fn finds_a_cycle() {
        let problems = problems_after(|g| g["steps"][1]["options"][1]["goto"] = "who".into());
        assert!(problems.iter().any(|p| matches!(p, Problem::Cycle(path) if path.first().map(String::as_str) == Some("who"))), "{problems:?}");
        // The walker must not loop forever on it either.
        let mut value = serde_json::to_value(guide()).unwrap();
        value["steps"][1]["options"][1]["goto"] = "who".into();
        let cyclic: JoinGuide = serde_json::from_value(value).unwrap();
        let _ = all_paths(&cyclic);
        let _ = cyclic.remaining("who");
    }

    #[test]
    fn finds_an_unreachable_outcome() {
        let problems = problems_after(|g| g["steps"][1]["options"][1]["goto"] = "eligible".into());
        assert!(
            problems.contains(&Problem::Unreachable("listed".into())),
            "{problems:?}"
        );
    }

    #[test]
    fn finds_bad_links_sources_and_references() {
        let problems = problems_after(|g| {
            g["outcomes"][0]["steps"][0]["links"][0]["url"] = "javascript:alert(1)".into();
            g["outcomes"][1]["sources"] = serde_json::json!([]);
            g["outcomes"][1]["alternatives"][0]["outcome"] = "ghost".into();
            g["outcomes"][0]["steps"][1]["when"]["any_of"][0] = "mars".into();
            g["steps"][0]["id"] = "Who Are You".into();
            g["start"] = "Who Are You".into();
        });
        assert!(
            problems.iter().any(
                |p| matches!(p, Problem::BadLink { url, .. } if url.starts_with("javascript"))
            ),
            "{problems:?}"
        );
        assert!(problems.contains(&Problem::NoSources("listed".into())));
        assert!(
            problems.iter().any(
                |p| matches!(p, Problem::BadReference { reference, .. } if reference == "ghost")
            )
        );
        assert!(problems.iter().any(
            |p| matches!(p, Problem::BadReference { reference, .. } if reference == "region/mars")
        ));
        assert!(problems.contains(&Problem::BadId("Who Are You".into())));
    }

    #[test]
    fn finds_duplicates_and_a_missing_start() {
        let problems = problems_after(|g| {
            g["outcomes"][2]["id"] = "eligible".into();
            g["steps"][0]["options"][1]["id"] = "coop".into();
            g["start"] = "nope".into();
        });
        assert!(problems.contains(&Problem::DuplicateId("eligible".into())));
        assert!(
            problems
                .iter()
                .any(|p| matches!(p, Problem::DuplicateOption { option, .. } if option == "coop"))
        );
        assert!(problems.contains(&Problem::MissingStart("nope".into())));
    }

    #[test]
    fn refuses_unreadable_or_newer_files() {
        assert!(matches!(
            load_guide("<html>"),
            Err(GuideError::File(DatasetError::Html))
        ));
        assert!(matches!(
            load_guide("{\"schema\": \"1.0\""),
            Err(GuideError::File(DatasetError::Truncated))
        ));
        let newer = serde_json::to_string(&guide())
            .unwrap()
            .replace("\"1.0\"", "\"2.0\"");
        assert!(matches!(
            load_guide(&newer),
            Err(GuideError::File(DatasetError::UnsupportedSchema { .. }))
        ));
    }
}
