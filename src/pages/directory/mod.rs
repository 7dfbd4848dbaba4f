//! The home screen: the directory of co-ops, filtered by the URL.

mod chips;
mod download;
mod facets;
mod filter_sheet;
mod map;
mod near;
mod results;
mod view_switch;

use coops_core::i18n::words;

use leptos::prelude::*;

use crate::components::embed_snippet::EmbedSnippet;
use crate::components::load_state::{UnderPageHeading, WithDirectory};
use crate::components::page_meta::PageMeta;
use crate::components::search_box::SearchBox;
use crate::components::skipped_notice::SkippedNotice;
use crate::data::DirectoryData;
use crate::handover::{Handover, take_over_when_shown};
use crate::host::use_host;
use crate::url_state::{History, QueryState};
use coops_core::embed::EmbedView;
use coops_core::names::{APP_READY_MARK, FILTERABLE_MARK};
use leptos::html::Div;

use self::chips::{FilterChips, chips_of};
use self::facets::FacetPanel;
use self::filter_sheet::{FilterSheet, FilterSheetDialog, FiltersButton};
use self::map::WorldMapPanel;
use self::near::Here;
use self::results::ResultList;
use self::view_switch::ViewSwitch;

/// The directory: search, filters, and the matching co-ops.
#[component]
pub fn DirectoryPage() -> impl IntoView {
    // The dataset loads under this page's heading.
    provide_context(UnderPageHeading);
    view! {
        <PageMeta title="" description=words().text("directory-lede") path="/" />
        <section class="page page--directory" aria-labelledby="directory-title">
            <h1 id="directory-title">{words().text("directory-heading")}</h1>
            <p class="page__lede">{words().text("directory-lede")}</p>
            <WithDirectory children=|data| view! { <DirectoryView data /> } />
        </section>
    }
}

/// In the page rendered at build time, the quick search's words in the page's language
/// (`coops_core::messages::QUICK_SEARCH_MESSAGES`); it goes with the pre-rendered page.
#[cfg(feature = "ssr")]
fn quick_search_words(prerendering: bool) -> impl IntoView {
    use coops_core::messages::QUICK_SEARCH_MESSAGES;
    use coops_core::names::QUICK_WORDS_ID;
    prerendering.then(|| {
        let json = words().only(&QUICK_SEARCH_MESSAGES).to_json();
        view! { <script type="application/json" id=QUICK_WORDS_ID inner_html=json></script> }
    })
}

/// The browser's build has no use for them, nor for the JSON writer.
#[cfg(not(feature = "ssr"))]
fn quick_search_words(_prerendering: bool) {}

/// The loaded directory.
#[component]
fn DirectoryView(data: DirectoryData) -> impl IntoView {
    let state: QueryState = QueryState::from_location();
    let query = state.query;
    // Where the visitor is, once they ask for the co-ops nearest them (see `near`).
    let here: Here = RwSignal::new(None);
    let results = {
        let data = data.clone();
        Memo::new(move |_| {
            let query = query
                .get()
                .retain_known(&data.directory, |id| data.index.place(id));
            let mut results = data.index.search(&query);
            // A place in the URL, else where the visitor is, if they asked.
            if let Some(from) = data.index.near(&query).or_else(|| here.get()) {
                data.index.order_by_distance(&mut results, from);
            }
            results
        })
    };
    let on_search = {
        let state = state.clone();
        Callback::new(move |text: String| state.update(History::Replace, |q| q.q = text))
    };
    // A memo, not a derived signal: computed once per search for its thirty-odd readers, and
    // they hear nothing when the counts did not change.
    let facets = Memo::new(move |_| results.read().facets.clone());
    let host = use_host();
    let view = host.embed.view;
    // In the first frame the view is painted in, the app replaces the pre-rendered list,
    // keeping what the visitor typed into it, and from then on typing filters the list.
    let shown = NodeRef::<Div>::new();
    let ready = move |handover: Option<Handover>| {
        if let Some(handover) = handover {
            handover.resume(on_search);
        }
        crate::perf::mark_once(FILTERABLE_MARK);
        crate::perf::mark(APP_READY_MARK);
    };
    if view == EmbedView::Map {
        // The map alone, for an embedding site: never pre-rendered, nothing to wait for.
        Effect::new(move |_| ready(None));
    } else {
        take_over_when_shown(shown, ready);
    }
    let embedded = host.embedded();
    if view == EmbedView::Map {
        // The map alone, as an embedding site asked (`?embed=1&view=map`).
        return view! { <WorldMapPanel data results state /> }.into_any();
    }
    let map = (view == EmbedView::Full)
        .then(|| view! { <WorldMapPanel data=data.clone() results state=state.clone() /> });
    // Phones: the filters in a sheet, the map behind a switch (see style/directory.css).
    let sheet = FilterSheet::new();
    let chips = chips_of(data.clone(), query, here);
    let map_shown = RwSignal::new(false);
    // One filter panel at a time: in the page, or in the sheet while it is open.
    let panel = |history: History| {
        let (data, state) = (data.clone(), state.clone());
        move || view! { <FacetPanel data=data.clone() facets state=state.clone() history here /> }
    };
    let inline_panel = panel(History::Push);
    let sheet_panel = panel(History::Replace);
    view! {
        <SkippedNotice data=data.clone() />
        {quick_search_words(host.prerendering)}
        <div class="directory" class:directory--map=move || map_shown.get() node_ref=shown>
            <div class="directory__controls">
                <div class="directory__bar">
                    <SearchBox
                        value=Signal::derive(move || query.read().q.clone())
                        on_input=on_search
                        hint=words().text("search-hint")
                    />
                    <div class="directory__phone-tools" inert=host.prerendering>
                        <FiltersButton sheet state=state.clone() chips />
                        {(view == EmbedView::Full).then(|| view! { <ViewSwitch map_shown /> })}
                    </div>
                </div>
                {move || (!sheet.is_open()).then(inline_panel.clone())}
                {(!embedded).then(|| view! { <EmbedSnippet title=words().text("directory-embed-title") /> })}
            </div>
            <div class="directory__results">
                <FilterChips chips state=state.clone() here />
                {map}
                <ResultList data results state=state.clone() chips />
            </div>
            <FilterSheetDialog sheet state results>{sheet_panel()}</FilterSheetDialog>
        </div>
    }
    .into_any()
}
