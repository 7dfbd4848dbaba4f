//! "Who it's for": the resources page's choice of reader, one radio button each and one for
//! everyone, kept in the URL (`serves=<id>`) by the page.

use coops_core::Serves;
use coops_core::i18n::words;
use leptos::prelude::*;

use crate::host::use_host;

/// A radio group of readers; choosing one calls `on_change` (`None`: everyone).
#[component]
pub fn ServesFilter(
    /// The reader chosen now.
    #[prop(into)]
    selected: Signal<Option<Serves>>,
    /// Called with the reader chosen.
    on_change: Callback<Option<Serves>>,
) -> impl IntoView {
    let choices = std::iter::once(None)
        .chain(Serves::ALL.into_iter().map(Some))
        .map(|reader| {
            let label = reader.map_or_else(
                || words().text("serves-everyone"),
                |r| words().text(r.label_key()),
            );
            let value = reader.map_or("", Serves::id);
            view! {
                <label class="serves-filter__choice">
                    <input
                        type="radio"
                        name="serves"
                        value=value
                        // The attribute for the page rendered at build time, the property after.
                        checked=selected.get_untracked() == reader
                        prop:checked=move || selected.get() == reader
                        on:change=move |_| on_change.run(reader)
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        // Drawn in the page rendered at build time, where it cannot filter yet.
        <fieldset class="serves-filter" data-testid="serves-filter" inert=use_host().prerendering>
            <legend class="serves-filter__legend">{words().text("serves-legend")}</legend>
            <div class="serves-filter__choices">{choices}</div>
        </fieldset>
    }
}
