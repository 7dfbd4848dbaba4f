//! The networks page and the resources page: the list's links, by section, searchable; the
//! resources also by who they serve (`/resources?serves=start`).

use coops_core::i18n::words;
use coops_core::query::LinksQuery;
use coops_core::{Directory, Entry};
use leptos::html::P;
use leptos::prelude::*;

use crate::components::entry_list::{EntrySection, EntrySections};
use crate::components::load_state::{UnderPageHeading, WithDirectory};
use crate::components::page_meta::PageMeta;
use crate::components::search_box::SearchBox;
use crate::components::serves_filter::ServesFilter;
use crate::handover::take_over_when_shown;
use crate::url_state::{History, QueryState};

/// Networks of co-ops and meetups.
#[component]
pub fn NetworksPage() -> impl IntoView {
    view! {
        <LinkPage
            title=words().text("networks-title")
            path="/networks"
            lede=words().text("networks-lede")
            testid="entry"
            sections=|d: &Directory| vec![
                section("networks", words().text("networks-section"), None, &d.networks),
                section("meetups", words().text("meetups-section"), None, &d.meetups),
            ]
        />
    }
}

/// Handbooks, books, articles, talks, forums, tools, products and job boards.
#[component]
pub fn ResourcesPage() -> impl IntoView {
    view! {
        <LinkPage
            title=words().text("resources-title")
            path="/resources"
            lede=words().text("resources-lede")
            testid="resource"
            by_reader=true
            sections=|d: &Directory| {
                let mut sections: Vec<EntrySection> = d
                    .resources
                    .iter()
                    .map(|s| section(&s.id, &s.title, s.group.as_deref(), &s.entries))
                    .collect();
                sections.push(section("products", words().text("products-section"), None, &d.products));
                sections.push(section("jobs", words().text("jobs-section"), None, &d.jobs));
                sections.push(section("other-lists", words().text("other-lists-section"), None, &d.other_lists));
                sections
            }
        />
    }
}

fn section(id: &str, title: &str, group: Option<&str>, entries: &[Entry]) -> EntrySection {
    EntrySection {
        id: id.to_string(),
        title: title.to_string(),
        group: group.map(str::to_string),
        entries: entries.to_vec(),
    }
}

/// A page of linked entries with a search box.
#[component]
fn LinkPage(
    /// The page's heading and title.
    title: &'static str,
    /// Its app path.
    path: &'static str,
    /// The sentence under the heading.
    lede: &'static str,
    /// Picks the sections from the dataset.
    sections: fn(&Directory) -> Vec<EntrySection>,
    /// What an entry is, to tests and tools (`entry`, `resource`).
    testid: &'static str,
    /// Whether the entries can be filtered by who they serve (the resources).
    #[prop(optional)]
    by_reader: bool,
) -> impl IntoView {
    let state = QueryState::<LinksQuery>::from_location();
    let query = state.query;
    let on_search = {
        let state = state.clone();
        Callback::new(move |text: String| state.update(History::Replace, |q| q.q = text))
    };
    let text = Signal::derive(move || query.read().q.clone());
    let reader = Signal::derive(move || query.read().serves);
    // Replace, not Push: the arrow keys walk a radio group one choice at a time, and each
    // would be a step for Back.
    let on_reader =
        Callback::new(move |serves| state.update(History::Replace, |q| q.serves = serves));
    let filter = by_reader.then(|| view! { <ServesFilter selected=reader on_change=on_reader /> });
    // The dataset loads under this page's heading.
    provide_context(UnderPageHeading);
    // Text typed into the pre-rendered page's search box, and its focus, carry over.
    let shown = NodeRef::<P>::new();
    take_over_when_shown(shown, move |handover| {
        if let Some(handover) = handover {
            handover.resume(on_search);
        }
    });
    view! {
        <PageMeta title=title description=lede path=path />
        <section class="page page--links" aria-labelledby="links-title">
            <h1 id="links-title">{title}</h1>
            <p class="page__lede">{lede}</p>
            <SearchBox value=text on_input=on_search hint=words().text("entries-search-hint") />
            {filter}
            <WithDirectory children=move |data| view! { <EntrySections sections=sections(&data.directory) query=text serves=reader testid shown /> } />
        </section>
    }
}
