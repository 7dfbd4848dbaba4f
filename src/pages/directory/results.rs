//! The matching co-ops: a count that screen readers hear, the cards, and an empty state.

use coops_core::i18n::{number, words};

use coops_core::messages::count_label;
use coops_core::messages::filters_in_use;
use coops_core::names::{RESULT_COUNT_CLASS, RESULT_ITEM_CLASS, RESULT_MORE_CLASS, SEARCH_BOX_ID};
use coops_core::query::Filter;
use coops_core::search::Results;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::download::DownloadMenu;
use crate::components::coop_card::{CoopCard, CoopLabels};
use crate::data::DirectoryData;
use crate::host::use_host;
use crate::url_state::{History, QueryState};

/// Cards rendered at first, and added by each "Show more": the DOM stays small however large
/// the dataset grows.
pub const PAGE_SIZE: usize = 48;

/// Cards in a page rendered at build time: all of them up to this many, so that the quick
/// search can show any match before the app is in (the app then shows the first
/// [`PAGE_SIZE`]); the cap keeps a much larger list from making the page itself slow.
pub const PRERENDERED_CARDS: usize = 1_000;

/// The result count and the list of co-op cards, a page at a time.
#[component]
pub fn ResultList(
    /// The dataset.
    data: DirectoryData,
    /// The current search results.
    results: Memo<Results>,
    /// The URL state, for tag clicks and the empty state's suggestions.
    state: QueryState,
    /// The filters in use, read out after the count (see `chips`).
    chips: Memo<Vec<(Filter, String)>>,
) -> impl IntoView {
    let prerendering = use_host().prerendering;
    let first_page = if prerendering {
        PRERENDERED_CARDS
    } else {
        PAGE_SIZE
    };
    let shown = RwSignal::new(first_page);
    // A new search starts from the first page again (a signal notifies on every set, so only
    // when it is not there already: the list would be diffed twice per keystroke).
    Effect::watch(
        move || results.track(),
        move |_, _, _| {
            if shown.get_untracked() != first_page {
                shown.set(first_page)
            }
        },
        false,
    );

    let on_tag = {
        let state = state.clone();
        Callback::new(move |tag: String| {
            state.update(History::Push, |q| {
                if !q.tags.contains(&tag) {
                    q.tags.push(tag)
                }
            })
        })
    };
    let total = move || results.with(|r| r.matches.len());
    // Each co-op with its distance when the list is ordered by one ("Near…").
    let visible = move || {
        results.with(|r| {
            r.matches
                .iter()
                .take(shown.get())
                .enumerate()
                .map(|(n, &i)| (i, r.distances.get(n).copied().flatten()))
                .collect::<Vec<(u32, Option<f64>)>>()
        })
    };
    let cards = {
        let data = data.clone();
        move |(i, distance): (u32, Option<f64>)| {
            let coop = data.directory.coops[i as usize].clone();
            let labels = CoopLabels::of(&coop, &data);
            view! { <li class=RESULT_ITEM_CLASS><CoopCard coop labels on_tag distance heading_level=3 /></li> }
        }
    };

    view! {
        // Heard, not seen (the count and the cards say what the list is): the cards' headings
        // come under it, not under the map's or the filters' before it.
        <h2 id="results-title" class="visually-hidden">{words().text("results-label")}</h2>
        <div class="result-bar">
            <p class=RESULT_COUNT_CLASS data-testid="result-count" role="status" aria-live="polite" aria-atomic="true">
                {move || count_label(words(), total())}
                // Heard, not seen (the chips show them): a screen reader hears what the count is of.
                <span class="visually-hidden">
                    {move || chips.with(|c| filters_in_use(c.iter().map(|(_, label)| label.as_str())))}
                </span>
            </p>
            <DownloadMenu data=data.clone() results prerendering />
        </div>
        <Show when=move || total() == 0>
            <EmptyState state=state.clone() />
        </Show>
        <ol class="result-list" aria-label=words().text("results-label")>
            // Keyed by the distance too: ordered from another place, a card says another one.
            <For each=visible key=|(i, d)| (*i, d.map(f64::to_bits)) children=cards.clone() />
        </ol>
        <Show when=move || shown.get() < total()>
            <p class=RESULT_MORE_CLASS>
                <button type="button" class="button result-list__more-button" on:click=move |_| shown.update(|n| *n += PAGE_SIZE)>
                    {move || {
                        let (on, of) = (shown.get().min(total()), total());
                        let w = words();
                        let (on, of) = (number(w.lang(), on as u64), number(w.lang(), of as u64));
                        w.format("show-more", &[("shown", &on), ("total", &of)])
                    }}
                </button>
            </p>
        </Show>
        <Show when={move || total() > BACK_TO_TOP_AFTER}>
            <p class="result-list__top">
                <button type="button" class="button" data-testid="back-to-top" on:click=back_to_top>
                    {words().text("back-to-top")}
                </button>
            </p>
        </Show>
    }
}

/// Cards after which the list ends with "Back to top": about two screens of a phone.
const BACK_TO_TOP_AFTER: usize = 6;

/// Back to the search box at the top of the directory, focused (the screen goes with it, so
/// a keyboard and a finger land in the same place).
fn back_to_top(ev: leptos::ev::MouseEvent) {
    let search = crate::dom::event_origin(&ev)
        .and_then(|button| button.closest(".directory").ok().flatten())
        .and_then(|directory| {
            directory.scroll_into_view();
            directory
                .query_selector(&format!("#{SEARCH_BOX_ID}"))
                .ok()
                .flatten()
        })
        .and_then(|input| input.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(search) = search {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = search.focus_with_options(&options);
    }
}

/// What to loosen when nothing matches: one button per active filter.
#[component]
fn EmptyState(state: QueryState) -> impl IntoView {
    let query = state.query;
    let suggestion =
        move |label: &'static str,
              active: fn(&coops_core::query::DirectoryQuery) -> bool,
              loosen: fn(&mut coops_core::query::DirectoryQuery)| {
            let state = state.clone();
            move || {
                let state = state.clone();
                query.with(active).then(|| {
                view! {
                    <li>
                        <button type="button" class="button" on:click=move |_| state.update(History::Push, loosen)>
                            {label}
                        </button>
                    </li>
                }
            })
            }
        };
    view! {
        <div class="empty-state" data-testid="empty-state">
            <p>{words().text("empty-state")}</p>
            <ul class="empty-state__suggestions">
                {suggestion(words().text("loosen-text"), |q| !q.q.trim().is_empty(), |q| q.q.clear())}
                {suggestion(words().text("loosen-region"), |q| q.region.is_some(), |q| q.region = None)}
                {suggestion(words().text("loosen-country"), |q| q.country.is_some(), |q| q.country = None)}
                {suggestion(words().text("loosen-tags"), |q| !q.tags.is_empty(), |q| q.tags.clear())}
                {suggestion(words().text("loosen-remote"), |q| q.remote, |q| q.remote = false)}
                {suggestion(words().text("include-defunct"), |q| !q.defunct, |q| q.defunct = true)}
            </ul>
        </div>
    }
}
