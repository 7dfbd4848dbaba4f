//! The directory's search box.

use coops_core::i18n::words;

use crate::components::message::marked_message;
use coops_core::keys::slash_focuses_search;
use leptos::ev;
use leptos::html::Input;
use leptos::prelude::*;

use crate::dom::{event_origin, event_origin_value};

use coops_core::names::SEARCH_BOX_ID;

/// Whether `event` asks for the search box (`coops_core::keys::slash_focuses_search`).
fn slash_focuses_search_box(event: &web_sys::KeyboardEvent) -> bool {
    let target = event_origin(event);
    slash_focuses_search(
        &event.key(),
        event.ctrl_key() || event.meta_key() || event.alt_key(),
        &target.as_ref().map(|el| el.tag_name()).unwrap_or_default(),
        target.is_some_and(|el| el.has_attribute("contenteditable")),
    )
}

/// A labelled `<input type="search">`; `/` anywhere on the page focuses it.
#[component]
pub fn SearchBox(
    /// The text to show (from the URL).
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    on_input: Callback<String>,
    /// What the box searches, shown under it.
    #[prop(into)]
    hint: String,
) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    // `/` focuses the search box, unless the visitor is already typing somewhere.
    // A host page that claimed the key first (its own search on `/`) keeps it.
    let handle = window_event_listener(ev::keydown, move |event| {
        if event.default_prevented() || !slash_focuses_search_box(&event) {
            return;
        }
        if let Some(input) = input.get_untracked() {
            event.prevent_default();
            let _ = input.focus();
        }
    });
    on_cleanup(move || handle.remove());

    // "Press / to jump here", the key as a <kbd> wherever the language puts it.
    let slash = marked_message("search-slash", |_, key| {
        view! { <kbd>{key}</kbd> }.into_any()
    });
    view! {
        <div class="search-box" role="search">
            <label class="search-box__label" for=SEARCH_BOX_ID>{words().text("search-label")}</label>
            <input
                node_ref=input
                id=SEARCH_BOX_ID
                class="search-box__input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="directory-search-hint"
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_origin_value(&ev))
            />
            <p class="search-box__hint" id="directory-search-hint">
                {hint}" "<span class="search-box__keys">{slash}</span>
            </p>
        </div>
    }
}
