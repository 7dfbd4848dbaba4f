//! The home screen: the directory of co-ops, filtered by the URL.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::embed_snippet::EmbedSnippet;
use crate::components::facets::FacetPanel;
use crate::components::load_state::WithDirectory;
use crate::components::result_list::ResultList;
use crate::components::search_box::{SEARCH_BOX_ID, SearchBox};
use crate::components::skipped_notice::SkippedNotice;
use crate::components::world_map::WorldMapPanel;
use crate::data::DirectoryData;
use crate::embed::use_embed;
use crate::url_state::{History, QueryState};
use coops_core::embed::EmbedView;
use coops_core::site::{
    APP_READY_MARK, DIRECTORY_HEADING, DIRECTORY_LEDE, FILTERABLE_MARK, SEARCH_HINT,
};

/// The directory: search, filters, and the matching co-ops.
#[component]
pub fn DirectoryPage() -> impl IntoView {
    view! {
        <Title text="" />
        <section class="page page--directory" aria-labelledby="directory-title">
            <h1 id="directory-title">{DIRECTORY_HEADING}</h1>
            <p class="page__lede">{DIRECTORY_LEDE}</p>
            <WithDirectory children=|data| view! { <DirectoryView data /> } />
        </section>
    }
}

/// Runs `then` in the first animation frame in which the element `id` is in the document, or
/// after `frames_left` frames without it; not at all once `owner` is gone (the visitor left
/// the view meanwhile). The app's view is attached a frame or more after it is built (when the
/// whole page is ready), and the pre-rendered list must stay until then: a frame with neither
/// would show an empty page that the list then pushes down.
fn in_first_frame_with(
    id: &'static str,
    frames_left: u8,
    owner: StoredValue<()>,
    then: impl FnOnce() + 'static,
) {
    request_animation_frame(move || {
        if owner.try_get_value().is_none() {
            return;
        }
        let attached = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .is_some_and(|e| e.is_connected());
        if attached || frames_left == 0 {
            then()
        } else {
            in_first_frame_with(id, frames_left - 1, owner, then)
        }
    })
}

/// Focuses the app's search box.
fn focus_search_box() {
    use wasm_bindgen::JsCast;
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(SEARCH_BOX_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = input.focus();
    }
}

/// The loaded directory.
#[component]
fn DirectoryView(data: DirectoryData) -> impl IntoView {
    let state = QueryState::from_location();
    let query = state.query;
    let results = {
        let data = data.clone();
        Memo::new(move |_| {
            let query = query.get().retain_known(&data.directory);
            data.index.search(&query)
        })
    };
    let on_search = {
        let state = state.clone();
        Callback::new(move |text: String| state.update(History::Replace, |q| q.q = text))
    };
    // A memo, not a derived signal: computed once per search for its thirty-odd readers, and
    // they hear nothing when the counts did not change.
    let facets = Memo::new(move |_| results.read().facets.clone());
    let view = use_embed().config.view;
    // In the first frame the view is painted in, the app replaces the pre-rendered list,
    // keeping what the visitor typed into it, and from then on typing filters the list. (The
    // map alone, for an embedding site, has no search box to wait for.)
    let frames_to_wait = if view == EmbedView::Map { 0 } else { 120 };
    let owner = StoredValue::new(());
    Effect::new(move |_| {
        in_first_frame_with(SEARCH_BOX_ID, frames_to_wait, owner, move || {
            if let Some(handover) = crate::prerender::take_over() {
                if !handover.typed.trim().is_empty() {
                    on_search.run(handover.typed);
                }
                if handover.search_focused {
                    focus_search_box();
                }
            }
            crate::perf::mark_once(FILTERABLE_MARK);
            crate::perf::mark(APP_READY_MARK);
        })
    });
    let embedded = use_embed().config.embed;
    if view == EmbedView::Map {
        // The map alone, as an embedding site asked (`?embed=1&view=map`).
        return view! { <WorldMapPanel data results state /> }.into_any();
    }
    let map = (view == EmbedView::Full)
        .then(|| view! { <WorldMapPanel data=data.clone() results state=state.clone() /> });
    view! {
        <SkippedNotice data=data.clone() />
        <div class="directory">
            <div class="directory__controls">
                <SearchBox
                    value=Signal::derive(move || query.read().q.clone())
                    on_input=on_search
                    hint=SEARCH_HINT
                />
                <FacetPanel data=data.clone() facets state=state.clone() />
                {(!embedded).then(|| view! { <EmbedSnippet title="Directory of worker-owned tech co-ops" /> })}
            </div>
            <div class="directory__results">
                {map}
                <ResultList data results state />
            </div>
        </div>
    }
    .into_any()
}
