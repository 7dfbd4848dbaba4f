//! The guide's place in its URL, and back: the answers given, which of them to show, or an
//! outcome shared directly (`/join?a=coop.uk.developer%2Bdesigner&at=1`, `/join?outcome=listed`).
//!
//! Only what the URL says: whether the answers lead anywhere is the guide's walk's to decide
//! ([`crate::join::JoinGuide::walk`]), which never trusts them.

use super::UrlCodec;

/// Separates answers in the URL (`coop.uk.yes`).
pub const ANSWER_SEPARATOR: char = '.';
/// Separates the options of a multiple-choice answer (`developer+designer`).
pub const MULTI_SEPARATOR: char = '+';

/// What the URL says about the joining guide: the answers given and which of them to show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JoinUrl {
    /// The answers, in order (`a=coop.uk`).
    pub answers: Vec<Vec<String>>,
    /// Show the step after this many answers (`at=1`); all of them when absent. Written only
    /// when it is fewer than the answers.
    pub at: Option<usize>,
    /// Show this outcome directly (`outcome=listed`), as shared links to alternatives do.
    pub outcome: Option<String>,
}

impl UrlCodec for JoinUrl {
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut url = JoinUrl::default();
        for (key, value) in pairs {
            match key {
                "a" => url.answers = parse_answers(value),
                "at" => url.at = value.parse().ok(),
                "outcome" => url.outcome = Some(value.to_string()),
                _ => {}
            }
        }
        url
    }

    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.answers.is_empty() {
            // Encoded with the rest: the answers' `+` would read back as a space.
            pairs.push(("a", format_answers(&self.answers)));
        }
        if let Some(at) = self.at.filter(|at| *at < self.answers.len()) {
            pairs.push(("at", at.to_string()));
        }
        if let Some(outcome) = &self.outcome {
            pairs.push(("outcome", outcome.clone()));
        }
        pairs
    }
}

/// Reads the answers from the URL value (`coop.uk.developer+designer`). Empty parts and
/// over-long input are dropped; validity against the guide is [`crate::join::JoinGuide::walk`]'s
/// job.
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

    #[test]
    fn answers_round_trip_through_the_url() {
        let a = parse_answers("coop.uk.developer+designer");
        assert_eq!(
            a,
            vec![vec!["coop"], vec!["uk"], vec!["developer", "designer"]]
        );
        assert_eq!(format_answers(&a), "coop.uk.developer+designer");
        assert_eq!(parse_answers("..a..+b+.."), vec![vec!["a"], vec!["b"]]);
        assert!(parse_answers("").is_empty());
    }

    #[test]
    fn the_guides_address_round_trips_and_ignores_what_it_does_not_know() {
        let answers = vec![
            vec!["person".to_string()],
            vec!["work".to_string(), "start".to_string()],
        ];
        let shown = |at| JoinUrl {
            answers: answers.clone(),
            at,
            outcome: None,
        };
        let query = shown(Some(1)).to_query_string();
        assert!(!query.starts_with('?'), "{query}");
        let url = JoinUrl::from_query_string(&format!("?{query}&x=1&at=zz&outcome=listed"));
        assert_eq!(url.answers, answers);
        assert_eq!(url.at, None, "a malformed at is dropped; the last at wins");
        assert_eq!(url.outcome.as_deref(), Some("listed"));
        assert_eq!(JoinUrl::from_query_string(&query), shown(Some(1)));
        assert_eq!(
            shown(Some(2)).to_query_string(),
            shown(None).to_query_string(),
            "at past the answers is left out"
        );
        let none = JoinUrl {
            at: Some(0),
            ..JoinUrl::default()
        };
        assert_eq!(none.to_query_string(), "");
        // A link written by hand, or before the `+` was encoded, reads the same.
        assert_eq!(
            JoinUrl::from_query_string("a=person.work+start").answers,
            answers
        );
        // An outcome shared directly reads back as written.
        let direct = JoinUrl {
            outcome: Some("listed".into()),
            ..JoinUrl::default()
        };
        assert_eq!(direct.to_query_string(), "outcome=listed");
        assert_eq!(
            JoinUrl::from_query_string(&direct.to_query_string()),
            direct
        );
    }
}
