//! Linked entries from the list (networks, resources, products), in sections, filtered by text
//! and, for resources, by who they serve.

use coops_core::i18n::words;
use coops_core::search::{entry_matches, entry_serves};
use coops_core::text::fold;
use coops_core::url::safe_href;
use coops_core::{Entry, Serves};
use leptos::prelude::*;

use crate::components::rich_text::{ExternalLink, RichText};

/// A titled group of entries.
#[derive(Debug, Clone, PartialEq)]
pub struct EntrySection {
    /// Anchor id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// The larger heading it belongs to, if any ("Information on tech coops ...").
    pub group: Option<String>,
    /// The entries.
    pub entries: Vec<Entry>,
}

/// Every section whose entries match `query`, each entry with its nested links; says so when
/// nothing matches.
#[component]
pub fn EntrySections(
    /// The sections, in order.
    sections: Vec<EntrySection>,
    /// The search text.
    #[prop(into)]
    query: Signal<String>,
    /// Only the resources for this reader (the resources page's filter); none: every entry.
    #[prop(into, optional)]
    serves: MaybeProp<Serves>,
    /// What an entry is, to tests and other tools (`data-testid`): `entry`, or `resource`.
    testid: &'static str,
    /// Bound to the count line: the sections are drawn once it is in the document.
    shown: NodeRef<leptos::html::P>,
) -> impl IntoView {
    let sections = StoredValue::new(sections);
    let filtered = Memo::new(move |_| {
        let folded = fold(&query.read());
        let reader = serves.get();
        sections.with_value(|sections| {
            sections
                .iter()
                .map(|s| EntrySection {
                    entries: s
                        .entries
                        .iter()
                        .filter(|e| entry_serves(e, reader) && entry_matches(e, &folded))
                        .cloned()
                        .collect(),
                    ..s.clone()
                })
                .filter(|s| !s.entries.is_empty())
                .collect::<Vec<_>>()
        })
    });
    let count = move || filtered.with(|f| f.iter().map(|s| s.entries.len()).sum::<usize>());
    view! {
        <p node_ref=shown class="result-count" data-testid="result-count" role="status" aria-live="polite" aria-atomic="true">
            {move || match count() {
                0 => words().text("entries-none").to_string(),
                n => words().count("entries", n as u64, &[]),
            }}
        </p>
        <For each=move || filtered.get() key=|s| (s.id.clone(), s.entries.len()) let:section>
            <section class="entry-section" id=section.id.clone() aria-labelledby=format!("{}-title", section.id)>
                {section.group.clone().map(|g| view! { <p class="entry-section__group">{g}</p> })}
                <h2 id=format!("{}-title", section.id)>{section.title.clone()}</h2>
                <EntryItems entries=section.entries.clone() testid />
            </section>
        </For>
    }
}

/// A bulleted list of entries, nesting their children.
#[component]
fn EntryItems(entries: Vec<Entry>, testid: &'static str) -> impl IntoView {
    view! {
        <ul class="entry-list">
            {entries.into_iter().map(|entry| view! { <EntryItem entry testid /> }).collect_view()}
        </ul>
    }
}

/// One entry: its link, what the list says of it, and its nested entries. A resource says who
/// it serves in `data-serves` (ids, space-separated), for tools reading the page.
#[component]
pub fn EntryItem(entry: Entry, testid: &'static str) -> impl IntoView {
    let Entry {
        name,
        url,
        description,
        children,
        serves,
    } = entry;
    let serves =
        (!serves.is_empty()).then(|| serves.iter().map(|s| s.id()).collect::<Vec<_>>().join(" "));
    let title = match url.as_deref().and_then(safe_href) {
        Some(href) => {
            view! { <ExternalLink href=href.to_string()>{name}</ExternalLink> }.into_any()
        }
        None => name.into_any(),
    };
    let nested =
        (!children.is_empty()).then(|| view! { <EntryItems entries=children testid /> }.into_any());
    view! {
        <li class="entry-list__item" data-testid=testid data-serves=serves>
            <span class="entry-list__name">{title}</span>
            {(!description.is_empty()).then(|| view! { " " <span class="entry-list__description"><RichText spans=description /></span> })}
            {nested}
        </li>
    }
}
