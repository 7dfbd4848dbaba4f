//! "Read next": the list's resources for the visitor an outcome of the guide speaks to
//! (`coops_core::recommend::readings`), with a link to all of them on the resources page.

use coops_core::i18n::words;
use coops_core::query::{LinksQuery, UrlCodec};
use coops_core::recommend::{readings, serving};
use coops_core::{Entry, Serves};
use leptos::prelude::*;

use crate::components::app_link::AppLink;
use crate::components::entry_list::EntryItem;
use crate::components::load_state::WithDirectory;
use crate::data::DirectoryData;

/// The resources for `reads`, the first reader's first; the dataset is fetched for them if the
/// page does not have it yet.
#[component]
pub fn ReadNext(
    /// Who the outcome speaks to, first the most.
    reads: Vec<Serves>,
) -> impl IntoView {
    view! {
        <section class="join-outcome__reads" aria-labelledby="read-next-title" data-testid="read-next">
            <h3 id="read-next-title">{words().text("read-next-heading")}</h3>
            <WithDirectory children=move |data| view! { <Readings data reads=reads.clone() /> } />
        </section>
    }
}

/// The list, once the dataset is in.
#[component]
fn Readings(data: DirectoryData, reads: Vec<Serves>) -> impl IntoView {
    let found = readings(&data.directory, &reads);
    // Each resource alone: its nested links (a discussion, a translation) are on the resources
    // page, and would make a short list long.
    let items = found
        .into_iter()
        .map(|entry| {
            let entry = Entry {
                children: Vec::new(),
                ..entry.clone()
            };
            view! { <EntryItem entry testid="resource" /> }
        })
        .collect_view();
    // All of them: the resources page, filtered by the first reader.
    let all = reads.first().map(|&reader| {
        let query = LinksQuery {
            serves: Some(reader),
            ..LinksQuery::default()
        };
        let href = format!("/resources?{}", query.to_query_string());
        // The count of what the link opens: the first reader's resources.
        let count = serving(&data.directory, reader) as u64;
        view! {
            <p class="join-outcome__reads-all">
                <AppLink href>{words().count("read-next-all", count, &[])}</AppLink>
            </p>
        }
    });
    view! {
        <ul class="entry-list join-outcome__reads-list">{items}</ul>
        {all}
    }
}
