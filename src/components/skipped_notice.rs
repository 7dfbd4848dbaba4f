//! Says which entries of the dataset could not be shown, instead of hiding them silently.

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
        let summary = match count {
            1 => "1 entry of the data file could not be shown.".to_string(),
            n => format!("{n} entries of the data file could not be shown."),
        };
        view! {
            <aside class="notice" data-testid="skipped-notice" aria-label="Data problems">
                <details>
                    <summary>{summary}" The rest is shown as usual."</summary>
                    <ul class="notice__list">{items}</ul>
                </details>
            </aside>
        }
    })
}
