//! The "which way to join" guide: its data format (`public/data/join.json`), the engine that
//! turns the answers in the URL into the current step or outcome, and the validator that proves
//! every path ends in an outcome.
//!
//! The guide is data so that the networks' maintainers can change questions, text and links
//! without touching Rust. The engine never trusts the URL: an answer that does not exist stops
//! the walk at the last valid step, with a note saying so.

pub mod people;
pub mod texts;

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{decimal_separator, number, words};
use crate::load::{DatasetError, parse_document};
use crate::model::Serves;
use crate::url::safe_href;

/// The major version of the guide format this code reads.
pub const JOIN_SCHEMA_MAJOR: u32 = 1;

/// Separates answers in the URL (`coop.uk.yes`).
pub const ANSWER_SEPARATOR: char = '.';
/// Separates the options of a multiple-choice answer (`developer+designer`).
pub const MULTI_SEPARATOR: char = '+';

/// The whole guide.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JoinGuide {
    /// Format version, `major.minor`.
    pub schema: String,
    /// When the facts were last checked (`2026-11`).
    pub checked: String,
    /// The first step's id.
    pub start: String,
    /// The questions.
    pub steps: Vec<Step>,
    /// The ends of the road.
    pub outcomes: Vec<Outcome>,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Step {
    /// Unique id (shared namespace with outcomes).
    pub id: String,
    /// The question, as a heading.
    pub question: String,
    /// A sentence of help under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// One answer, or several.
    #[serde(default)]
    pub kind: StepKind,
    /// The answers.
    pub options: Vec<Choice>,
    /// For `multiple` steps: where every combination of answers leads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

impl Step {
    /// The labels of the answers `ids`, in the step's order (unknown ids are not answers).
    pub fn labels_of(&self, ids: &[String]) -> Vec<&str> {
        self.options
            .iter()
            .filter(|o| ids.contains(&o.id))
            .map(|o| o.label.as_str())
            .collect()
    }
}

/// How many answers a step takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// Exactly one; each option leads somewhere of its own.
    #[default]
    Single,
    /// One or more; all lead to the step's `next`.
    Multiple,
}

/// An answer to a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Choice {
    /// Id, unique within its step, used in the URL.
    pub id: String,
    /// The button's text.
    pub label: String,
    /// A short line under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// For `single` steps: the step or outcome it leads to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goto: Option<String>,
    /// Directory filters this answer implies, for the outcome's link into the directory.
    #[serde(default, skip_serializing_if = "Filters::is_empty")]
    pub filters: Filters,
}

/// Directory filters (merged over the answers given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Filters {
    /// A region id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// A country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Tag ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The network of co-ops the answer points to, by its name in the list ("CoTech"): the
    /// outcome names the co-ops the list says are its members (`people::network_members`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
}

impl Filters {
    /// True when it filters nothing.
    pub fn is_empty(&self) -> bool {
        self.region.is_none()
            && self.country.is_none()
            && self.tags.is_empty()
            && self.network.is_none()
    }
}

/// The end of a path: what to do, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Outcome {
    /// Unique id (shared namespace with steps), in the URL of a shared result.
    pub id: String,
    /// The recommendation, as a heading.
    pub title: String,
    /// Eligibility, when the outcome is a verdict on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// A paragraph under the title.
    pub summary: String,
    /// Numbered next steps.
    pub steps: Vec<NextStep>,
    /// Why this path.
    pub why: String,
    /// Other ways in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Alternative>,
    /// The label of the link into the directory (filtered by the answers); none for no link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directory_label: Option<String>,
    /// Who its "Read next" is for: the resources of the list serving these readers, the first
    /// one's first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reads: Vec<Serves>,
    /// A network's membership fee, for the calculator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<Fee>,
    /// Where the facts come from.
    pub sources: Vec<Link>,
}

/// An eligibility verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Can join now.
    Eligible,
    /// Can join once on the path to becoming a co-op.
    EligibleOnThePath,
    /// Cannot join; the outcome says why and what to do instead.
    NotEligible,
}

impl Verdict {
    /// Short label, in the page's language.
    pub fn label(self) -> &'static str {
        words().text(match self {
            Verdict::Eligible => "verdict-eligible",
            Verdict::EligibleOnThePath => "verdict-eligible-on-the-path",
            Verdict::NotEligible => "verdict-not-eligible",
        })
    }
    /// Stable id for styling and tests.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Eligible => "eligible",
            Verdict::EligibleOnThePath => "eligible-on-the-path",
            Verdict::NotEligible => "not-eligible",
        }
    }
}

/// One numbered next step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NextStep {
    /// What to do.
    pub text: String,
    /// The links and addresses it needs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Not confirmed by a primary source: shown as such, with the network's page to check.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unconfirmed: bool,
    /// Shown only when an earlier answer matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
}

/// "When the answer to step S was one of A".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Condition {
    /// A step id.
    pub step: String,
    /// Option ids of that step.
    pub any_of: Vec<String>,
}

/// Another way in, pointing at another outcome or a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Alternative {
    /// The suggestion.
    pub text: String,
    /// An outcome to read instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// Or a page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
}

/// A labelled link (http, https or mailto).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Link {
    /// The text.
    pub label: String,
    /// The URL.
    pub url: String,
}

/// A membership fee: a share of annual labour costs, with a minimum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Fee {
    /// Whose fee.
    pub network: String,
    /// Percent of the basis (0.1 for 0.1%).
    pub percent: f64,
    /// The smallest fee.
    pub minimum: f64,
    /// ISO currency code (`GBP`).
    pub currency: String,
    /// Currency symbol for display (`£`).
    pub symbol: String,
    /// VAT is added on top.
    #[serde(default)]
    pub plus_vat: bool,
    /// What the percentage is of ("labour costs in your last financial year").
    pub basis: String,
}

impl Fee {
    /// The fee for `basis` (e.g. annual labour costs), never below the minimum; `None` for a
    /// negative or non-finite basis.
    pub fn amount(&self, basis: f64) -> Option<f64> {
        (basis.is_finite() && basis >= 0.0)
            .then(|| (basis * self.percent / 100.0).max(self.minimum))
    }
}

/// An amount of money as the page's language writes it (`coops_core::i18n::words`), in
/// `symbol`'s currency: `£1,234.50` in English, `1234,50 £` in Spanish; whole amounts
/// without pence (`£150`).
pub fn money(symbol: &str, amount: f64) -> String {
    let words = words();
    let pence = (amount.max(0.0) * 100.0).round() as u64;
    let mut written = number(words.lang(), pence / 100);
    if !pence.is_multiple_of(100) {
        written.push(decimal_separator(words.lang()));
        written.push_str(&format!("{:02}", pence % 100));
    }
    words.format("money", &[("symbol", symbol), ("amount", &written)])
}

/// `2026-11` → `November 2026`, in the page's language; anything else as written.
pub fn month_label(checked: &str) -> String {
    let mut parts = checked.split('-');
    match (
        parts.next(),
        parts.next().and_then(|m| m.parse::<usize>().ok()),
    ) {
        (Some(year), Some(month @ 1..=12)) => {
            let words = words();
            let month = words.text(MONTHS[month - 1]);
            words.format("month-year", &[("month", month), ("year", year)])
        }
        _ => checked.to_string(),
    }
}

/// The catalog's keys for the months' names.
const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

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
    /// A text of the guide that a translation lacks ([`texts`]).
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

/// Where a step's answers can lead: `(option id or None for a multiple step's next, target)`.
fn edges(step: &Step) -> Vec<(Option<&str>, Option<&str>)> {
    match step.kind {
        StepKind::Single => step
            .options
            .iter()
            .map(|o| (Some(o.id.as_str()), o.goto.as_deref()))
            .collect(),
        StepKind::Multiple => vec![(None, step.next.as_deref())],
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Everything wrong with `guide`; empty when every path from the start ends in an outcome.
pub fn validate(guide: &JoinGuide) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    for id in guide
        .steps
        .iter()
        .map(|s| &s.id)
        .chain(guide.outcomes.iter().map(|o| &o.id))
    {
        if !is_slug(id) {
            problems.push(Problem::BadId(id.clone()));
        }
        if !ids.insert(id.as_str()) {
            problems.push(Problem::DuplicateId(id.clone()));
        }
    }
    let steps: HashMap<&str, &Step> = guide.steps.iter().map(|s| (s.id.as_str(), s)).collect();
    let outcomes: HashSet<&str> = guide.outcomes.iter().map(|o| o.id.as_str()).collect();
    if !steps.contains_key(guide.start.as_str()) {
        problems.push(Problem::MissingStart(guide.start.clone()));
    }

    for step in &guide.steps {
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
        for (option, target) in edges(step) {
            let exists = target.is_some_and(|t| steps.contains_key(t) || outcomes.contains(t));
            if !exists {
                problems.push(Problem::DeadEnd {
                    step: step.id.clone(),
                    option: option.map(str::to_string),
                    target: target.map(str::to_string),
                });
            }
        }
    }

    // Cycles and reachability: a depth-first walk from the start.
    let mut reached: HashSet<&str> = HashSet::new();
    let mut on_path: Vec<&str> = Vec::new();
    let mut cycles = Vec::new();
    fn walk<'a>(
        id: &'a str,
        steps: &HashMap<&'a str, &'a Step>,
        reached: &mut HashSet<&'a str>,
        on_path: &mut Vec<&'a str>,
        cycles: &mut Vec<Vec<String>>,
    ) {
        if let Some(at) = on_path.iter().position(|p| *p == id) {
            let mut cycle: Vec<String> = on_path[at..].iter().map(|s| s.to_string()).collect();
            cycle.push(id.to_string());
            cycles.push(cycle);
            return;
        }
        if !reached.insert(id) {
            return;
        }
        let Some(step) = steps.get(id) else { return };
        on_path.push(id);
        for (_, target) in edges(step) {
            if let Some(target) = target {
                walk(target, steps, reached, on_path, cycles);
            }
        }
        on_path.pop();
    }
    walk(
        &guide.start,
        &steps,
        &mut reached,
        &mut on_path,
        &mut cycles,
    );
    problems.extend(cycles.into_iter().map(Problem::Cycle));
    if steps.contains_key(guide.start.as_str()) {
        for id in guide
            .steps
            .iter()
            .map(|s| &s.id)
            .chain(guide.outcomes.iter().map(|o| &o.id))
        {
            if !reached.contains(id.as_str()) {
                problems.push(Problem::Unreachable(id.clone()));
            }
        }
    }

    // Outcomes: sources, links, references, fees.
    let option_of = |step: &str, option: &str| {
        steps
            .get(step)
            .is_some_and(|s| s.options.iter().any(|o| o.id == option))
    };
    for outcome in &guide.outcomes {
        let place = |what: &str| format!("outcome {:?} ({what})", outcome.id);
        if outcome.sources.is_empty() {
            problems.push(Problem::NoSources(outcome.id.clone()));
        }
        let mut links: Vec<(&str, &Link)> =
            outcome.sources.iter().map(|l| ("sources", l)).collect();
        for step in &outcome.steps {
            links.extend(step.links.iter().map(|l| ("next steps", l)));
            if let Some(condition) = &step.when {
                for option in &condition.any_of {
                    if !option_of(&condition.step, option) {
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
                && !outcomes.contains(other.as_str())
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
    problems
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

/// Where the answers in the URL lead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// The answers that were valid, in order.
    pub answers: Vec<Vec<String>>,
    /// What to show.
    pub at: Place,
    /// Set when some answers in the URL were not valid and were dropped.
    pub recovered: bool,
}

/// A step (with the answer already given to it, when stepping back) or an outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
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
    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The outcome with this id.
    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }

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
            at: self.place_after(&valid[..shown]),
            answers: valid,
            recovered,
        }
    }

    /// Where `answers` (all valid) lead.
    fn place_after(&self, answers: &[Vec<String>]) -> Place {
        let mut id = self.start.clone();
        for answer in answers {
            match self.step(&id).and_then(|step| self.follow(step, answer)) {
                Some(target) => id = target,
                None => break,
            }
        }
        if self.step(&id).is_some() {
            Place::Step {
                id,
                index: answers.len(),
            }
        } else {
            Place::Outcome(id)
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
            let deepest = edges(step)
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

/// Reads the answers from the URL value (`coop.uk.developer+designer`). Empty parts and
/// over-long input are dropped; validity against the guide is [`JoinGuide::walk`]'s job.
pub fn parse_answers(value: &str) -> Vec<Vec<String>> {
    value
        .split(ANSWER_SEPARATOR)
        .take(64)
        .filter(|part| !part.is_empty())
        .map(|part| {
            // In a query string a literal `+` reads as a space: both separate options.
            part.split([MULTI_SEPARATOR, ' '])
                .filter(|o| !o.is_empty())
                .take(32)
                .map(str::to_string)
                .collect()
        })
        .filter(|answer: &Vec<String>| !answer.is_empty())
        .collect()
}

/// Writes answers for the URL; the inverse of [`parse_answers`].
pub fn format_answers(answers: &[Vec<String>]) -> String {
    answers
        .iter()
        .map(|answer| answer.join(&MULTI_SEPARATOR.to_string()))
        .collect::<Vec<_>>()
        .join(&ANSWER_SEPARATOR.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// start -> (coop -> region -> {uk: eligible, other: listed}) | (support -> time(multi) -> support)
    fn guide() -> JoinGuide {
        let json = r#"{
          "schema": "1.0", "checked": "2026-11", "start": "who",
          "steps": [
            {"id": "who", "question": "Who are you?", "options": [
              {"id": "coop", "label": "A co-op", "goto": "region"},
              {"id": "supporter", "label": "A supporter", "goto": "time"}]},
            {"id": "region", "question": "Where?", "options": [
              {"id": "uk", "label": "UK", "goto": "eligible", "filters": {"country": "GB"}},
              {"id": "elsewhere", "label": "Elsewhere", "goto": "listed"}]},
            {"id": "time", "question": "How much time?", "kind": "multiple", "next": "support", "options": [
              {"id": "minutes", "label": "Minutes", "filters": {"tags": ["a"]}},
              {"id": "ongoing", "label": "Ongoing", "filters": {"tags": ["b", "a"]}}]}
          ],
          "outcomes": [
            {"id": "eligible", "title": "Join", "verdict": "eligible", "summary": "s", "why": "w",
             "steps": [{"text": "Apply", "links": [{"label": "Apply", "url": "https://example.org/apply"}]},
                       {"text": "UK only", "when": {"step": "region", "any_of": ["uk"]}}],
             "fee": {"network": "n", "percent": 0.1, "minimum": 150, "currency": "GBP", "symbol": "£", "plus_vat": true, "basis": "labour costs"},
             "sources": [{"label": "Join page", "url": "https://example.org/join"}]},
            {"id": "listed", "title": "Get listed", "summary": "s", "why": "w", "steps": [],
             "alternatives": [{"text": "Support", "outcome": "support"}],
             "sources": [{"label": "List", "url": "https://example.org/list"}]},
            {"id": "support", "title": "Support", "summary": "s", "why": "w",
             "steps": [{"text": "Write", "links": [{"label": "Mail", "url": "mailto:a@example.org"}]}],
             "sources": [{"label": "Page", "url": "https://example.org/support"}]}
          ]
        }"#;
        load_guide(json).expect("the test guide is valid")
    }

    fn answers(text: &str) -> Vec<Vec<String>> {
        parse_answers(text)
    }

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
            Place::Step {
                id: "who".into(),
                index: 0
            }
        );
        assert_eq!(
            g.walk(&answers("coop"), None).at,
            Place::Step {
                id: "region".into(),
                index: 1
            }
        );
        let end = g.walk(&answers("coop.uk"), None);
        assert_eq!(end.at, Place::Outcome("eligible".into()));
        assert!(!end.recovered);
        let multi = g.walk(&answers("supporter.minutes+ongoing"), None);
        assert_eq!(multi.at, Place::Outcome("support".into()));
    }

    #[test]
    fn stepping_back_keeps_the_later_answers() {
        let g = guide();
        let back = g.walk(&answers("coop.uk"), Some(1));
        assert_eq!(
            back.at,
            Place::Step {
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
                Place::Step {
                    id: step.into(),
                    index
                },
                "{url}"
            );
            assert!(position.recovered, "{url} is reported as recovered");
        }
        let past_the_end = g.walk(&answers("coop.uk.extra"), None);
        assert_eq!(past_the_end.at, Place::Outcome("eligible".into()));
        assert!(
            past_the_end.recovered,
            "answers after an outcome are dropped"
        );
        let bad_at = g.walk(&answers("coop"), Some(7));
        assert_eq!(
            bad_at.at,
            Place::Step {
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

    #[test]
    fn answers_round_trip_through_the_url() {
        let a = answers("coop.uk.developer+designer");
        assert_eq!(
            a,
            vec![vec!["coop"], vec!["uk"], vec!["developer", "designer"]]
        );
        assert_eq!(format_answers(&a), "coop.uk.developer+designer");
        assert_eq!(answers("..a..+b+.."), vec![vec!["a"], vec!["b"]]);
        assert!(answers("").is_empty());
    }

    #[test]
    fn computes_the_fee_with_its_minimum() {
        let fee = guide().outcome("eligible").unwrap().fee.clone().unwrap();
        assert_eq!(fee.amount(1_000_000.0), Some(1000.0));
        assert_eq!(fee.amount(20_000.0), Some(150.0), "never below the minimum");
        assert_eq!(fee.amount(-5.0), None);
        assert_eq!(fee.amount(f64::NAN), None);
    }

    #[test]
    fn formats_money_and_months_in_the_pages_language() {
        assert_eq!(money("£", 150.0), "£150");
        assert_eq!(money("£", 1234.5), "£1,234.50");
        assert_eq!(money("£", 1_000_000.0), "£1,000,000");
        assert_eq!(month_label("2026-11"), "November 2026");
        assert_eq!(month_label("2026-13"), "2026-13");
        assert_eq!(month_label("soon"), "soon");
        crate::testing::in_language(crate::i18n::Lang::Es, || {
            assert_eq!(money("£", 1234.5), "1234,50\u{a0}£");
            assert_eq!(money("£", 150_000.0), "150.000\u{a0}£");
            assert_eq!(month_label("2026-11"), "noviembre de 2026");
        });
        crate::testing::in_language(crate::i18n::Lang::De, || {
            assert_eq!(money("£", 1234.5), "1.234,50\u{a0}£");
            assert_eq!(month_label("2026-11"), "November 2026");
        });
    }

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
