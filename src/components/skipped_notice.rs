//! Says which entries of the dataset could not be shown, instead of hiding them silently.

use coops_core::i18n::words;
use leptos::prelude::*;

use crate::data::DirectoryData;

/// "2 entries could not be shown", with the list and reasons behind a disclosure.
/// Renders nothing when every entry loaded.
#[component]
pub fn SkippedNotice(
    /// The dataset.
    data: DirectoryData,
) -> impl IntoView {
    let count = data.skipped.len();
    (count > 0).then(|| {
        let items = data
            .skipped
            .iter()
            .map(|s| view! { <li>{format!("{} {}: {}", s.kind, s.label, s.reason)}</li> })
            .collect_view();
        let summary = words().count("skipped", count as u64, &[]);
        view! {
            <aside class="notice" data-testid="skipped-notice" aria-label=words().text("skipped-label")>
                <details>
                    <summary>{summary}</summary>
                    <ul class="notice__list">{items}</ul>
                </details>
            </aside>
        }
    })
}
