//! Which links are written: only those [`coops_core::url::safe_href`] accepts.
//!
//! A malformed link (`https:/example.com`, a relative path, `javascript:`) is dropped and its
//! text kept; a warning names the line, so the list can be fixed where it is maintained.

use coops_core::Span;
use coops_core::url::safe_href;

use crate::Warnings;

/// `url` when it is safe to publish; otherwise `None` and a warning saying where it was.
pub fn checked(url: &str, line: u32, place: &str, warnings: &mut Warnings) -> Option<String> {
    match safe_href(url) {
        Some(ok) => Some(ok.to_string()),
        None => {
            warnings.add(
                line,
                format!(
                    "malformed or unsafe link “{url}” in {place}: kept the text without the link"
                ),
            );
            None
        }
    }
}

/// The spans with every unsafe link removed (text kept), each with a warning.
pub fn checked_spans(
    mut spans: Vec<Span>,
    line: u32,
    place: &str,
    warnings: &mut Warnings,
) -> Vec<Span> {
    for span in &mut spans {
        if let Some(href) = span.href.take() {
            span.href = checked(&href, line, place, warnings);
        }
    }
    spans
}

/// A link that a plain-text field cannot keep: warn, so that it can be moved to the notes.
pub fn warn_dropped(spans: &[Span], line: u32, place: &str, warnings: &mut Warnings) {
    let mut seen: Vec<&str> = Vec::new();
    for span in spans {
        if let Some(href) = span.href.as_deref()
            && !seen.contains(&href)
        {
            seen.push(href);
            warnings.add(
                line,
                format!(
                    "the link “{}” ({href}) in {place} is kept as plain text only",
                    span.text.trim()
                ),
            );
        }
    }
}
