//! The guide's format (`public/data/join.json`, its JSON Schema written from these types):
//! the questions, their answers and where each leads, and the outcomes at the ends of the road.

use serde::{Deserialize, Serialize};

use crate::i18n::words;
use crate::model::Serves;

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

impl JoinGuide {
    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The outcome with this id.
    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }
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

    /// Where the step's answers can lead: `(option id, or None for a multiple step's next,
    /// target)`; for the validator and the count of questions left.
    pub(super) fn edges(&self) -> Vec<(Option<&str>, Option<&str>)> {
        match self.kind {
            StepKind::Single => self
                .options
                .iter()
                .map(|o| (Some(o.id.as_str()), o.goto.as_deref()))
                .collect(),
            StepKind::Multiple => vec![(None, self.next.as_deref())],
        }
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
    /// outcome names the co-ops the list says are its members (`recommend::network_members`).
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

#[cfg(test)]
mod tests {
    use crate::join::test_guide::guide;

    #[test]
    fn computes_the_fee_with_its_minimum() {
        let fee = guide().outcome("eligible").unwrap().fee.clone().unwrap();
        assert_eq!(fee.amount(1_000_000.0), Some(1000.0));
        assert_eq!(fee.amount(20_000.0), Some(150.0), "never below the minimum");
        assert_eq!(fee.amount(-5.0), None);
        assert_eq!(fee.amount(f64::NAN), None);
    }
}
