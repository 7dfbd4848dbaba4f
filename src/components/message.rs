//! Messages from the catalog whose marked spans the code draws (`Data from the <list>tech co-ops
//! list</list>.`): the sentence is the language's, where a span goes in it too; what the span
//! is (a link and its address, a key) stays in the code.

use coops_core::i18n::{Rich, rich, words};
use leptos::prelude::*;

/// The message `key`, each marked span drawn by `mark(name, text)`.
pub fn marked_message(
    key: &'static str,
    mark: impl Fn(&'static str, &'static str) -> AnyView,
) -> Vec<AnyView> {
    rich(words().text(key))
        .into_iter()
        .map(|piece| match piece {
            Rich::Marked(name, text) => mark(name, text),
            Rich::Text(text) => text.into_any(),
        })
        .collect()
}

/// The message `key` with its marked spans as links, each to the address `links` gives its
/// name (a span no address is named for stays a link without one, which a test would catch).
pub fn linked_message(key: &'static str, links: &[(&str, &'static str)]) -> Vec<AnyView> {
    marked_message(key, |name, text| {
        let href = links
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, href)| *href);
        view! { <a href=href>{text}</a> }.into_any()
    })
}
