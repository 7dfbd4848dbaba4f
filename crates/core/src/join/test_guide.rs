//! The guide the engine's tests walk and break: small, but with every kind of step, outcome,
//! condition and alternative.

use super::{JoinGuide, load_guide};
use crate::query::parse_answers;

/// A small guide through every kind of step:
/// start -> (coop -> region -> {uk: eligible, other: listed}) | (support -> time(multi) -> support)
pub(super) fn guide() -> JoinGuide {
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

/// The answers of a URL's `a=` value.
pub(super) fn answers(text: &str) -> Vec<Vec<String>> {
    parse_answers(text)
}
