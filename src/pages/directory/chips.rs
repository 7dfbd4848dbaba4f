//! The filters in use as chips above the results: each removes its filter, and "Clear all
//! filters" removes them all. What is set and how it reads come from
//! [`coops_core::query::DirectoryQuery::filters`] and [`coops_core::messages::filter_chip`].

use coops_core::i18n::words;

use coops_core::messages::{filter_chip, near_label, remove_filter};
use coops_core::names::SEARCH_BOX_ID;
use coops_core::query::{DirectoryQuery, Filter};
use leptos::html::Ul;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::near::Here;
use crate::data::DirectoryData;
use crate::host::use_host;
use crate::url_state::{History, QueryState};

/// Each filter set in `query` with its chip's label: for the chips, and for the result count,
/// which reads them out after the number.
pub fn chips_of(
    data: DirectoryData,
    query: Memo<DirectoryQuery>,
    here: Here,
) -> Memo<Vec<(Filter, String)>> {
    Memo::new(move |_| {
        query.with(|q| {
            let mut chips: Vec<(Filter, String)> = q
                .filters()
                .into_iter()
                .map(|filter| {
                    let place = |id: &str| data.index.place(id).map(|p| p.label(&data.directory));
                    let label = filter_chip(&filter, q, &data.directory, place);
                    (filter, label)
                })
                .collect();
            // The visitor's own position is no part of the query, but orders the list as a
            // place does, and goes the same way.
            if q.near.is_none() && here.read().is_some() {
                chips.push((Filter::Near, near_label(words().text("your-location"))));
            }
            chips
        })
    })
}

/// One chip per filter set in the URL ([`chips_of`]), and a button that clears them all.
#[component]
pub fn FilterChips(
    chips: Memo<Vec<(Filter, String)>>,
    state: QueryState,
    /// Where the visitor is, when the list is ordered from there (its chip forgets it).
    here: Here,
) -> impl IntoView {
    let query = state.query;
    let list = NodeRef::<Ul>::new();
    let remove = {
        let state = state.clone();
        move |filter: Filter| {
            let at = chips.with_untracked(|c| c.iter().position(|(f, _)| *f == filter));
            if filter == Filter::Near {
                here.set(None);
            }
            state.update(History::Push, |q| q.remove(&filter));
            // The pressed chip is gone: focus goes to the one that took its place, else to the
            // last, else (none left) to the search box, never to the top of the page.
            request_animation_frame(move || focus_chip_or_search(list, at.unwrap_or(0)));
        }
    };
    let clear = {
        let state = state.clone();
        move |_| {
            let cleared = query.with_untracked(|q| q.cleared());
            here.set(None);
            state.set(cleared, History::Push);
            request_animation_frame(move || focus_chip_or_search(list, 0));
        }
    };
    let chip = move |(filter, label): (Filter, String)| {
        let remove = remove.clone();
        let kind = filter_kind(&filter);
        let name = remove_filter(&label);
        view! {
            <li>
                <button
                    type="button"
                    class="chip"
                    data-testid="filter-chip"
                    data-filter=kind
                    aria-label=name
                    on:click=move |_| remove(filter.clone())
                >
                    <span class="chip__label">{label}</span>
                    <span class="chip__remove" aria-hidden="true">"\u{d7}"</span>
                </button>
            </li>
        }
    };
    view! {
        // Rendered at build time, the chips work only once the app is in (like the filters).
        <div
            class="filter-chips"
            role="group"
            aria-label=words().text("filter-chips-label")
            hidden=move || chips.with(Vec::is_empty)
            inert=use_host().prerendering
        >
            <ul class="filter-chips__list" node_ref=list>
                <For each=move || chips.get() key=|chip| chip.clone() children=chip />
            </ul>
            <button type="button" class="button filter-chips__clear" on:click=clear>
                {words().text("clear-all")}
            </button>
        </div>
    }
}

/// The chip's `data-filter`, for tests and styles: the URL key it removes.
fn filter_kind(filter: &Filter) -> &'static str {
    match filter {
        Filter::Region => "region",
        Filter::Country => "country",
        Filter::Place => "place",
        Filter::Remote => "remote",
        Filter::Defunct => "defunct",
        Filter::Tag(_) => "tag",
        Filter::Near => "near",
    }
}

/// Focuses the chip at `index` in `list` (or the last one), or the search box when none is left.
fn focus_chip_or_search(list: NodeRef<Ul>, index: usize) {
    let Some(list) = list.get_untracked() else {
        return;
    };
    let last = list.child_element_count().checked_sub(1);
    // Looked for from the directory, not the document: in-page, the app is in a shadow root.
    let target = match last {
        Some(last) => list.query_selector(&format!(
            "li:nth-child({}) button",
            (index as u32).min(last) + 1
        )),
        None => list
            .closest(".directory")
            .and_then(|d| d.map_or(Ok(None), |d| d.query_selector(&format!("#{SEARCH_BOX_ID}")))),
    };
    if let Some(target) = target
        .ok()
        .flatten()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = target.focus();
    }
}
