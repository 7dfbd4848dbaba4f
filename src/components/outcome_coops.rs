//! The co-ops an outcome of the guide names: those matching the answers, as cards, with how
//! many match in all (`coops_core::recommend`).

use coops_core::i18n::words;
use coops_core::join::Filters;
use coops_core::recommend::{matching_coops, network, network_members};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::coop_card::{CoopCard, CoopLabels};
use crate::components::load_state::WithDirectory;
use crate::data::DirectoryData;

/// Up to six co-ops for the answers' filters, the visitor's country first; the dataset is
/// fetched for them if the page does not have it yet.
#[component]
pub fn OutcomeCoops(
    /// What the answers imply: region, country, business areas.
    filters: Filters,
) -> impl IntoView {
    view! {
        <section class="join-outcome__coops" aria-labelledby="outcome-coops-title">
            <h3 id="outcome-coops-title">{words().text("outcome-coops-heading")}</h3>
            <WithDirectory children=move |data| view! { <CoopsFor data filters=filters.clone() /> } />
        </section>
    }
}

/// The cards, once the dataset is in.
#[component]
fn CoopsFor(data: DirectoryData, filters: Filters) -> impl IntoView {
    let (found, total) = matching_coops(&data.directory, &data.index, &filters);
    let navigate = use_navigate();
    // A tag on a card opens the directory on that business area.
    let on_tag =
        Callback::new(move |tag: String| navigate(&format!("/?tag={tag}"), Default::default()));
    // Under the section's heading (h3).
    let cards = view! { <OutcomeCards data=data.clone() coops=found on_tag heading_level=4 /> };
    let count = match total {
        0 => words().text("outcome-coops-none").to_string(),
        n => words().count("outcome-coops-count", n as u64, &[]),
    };
    let members = filters
        .network
        .as_deref()
        .map(|name| view! { <NetworkMembers data=data.clone() name=name.to_string() on_tag /> });
    view! {
        <p class="join-outcome__coops-count" data-testid="outcome-coops-count">{count}</p>
        {cards}
        {members}
    }
}

/// The co-ops the list says belong to the network the answers point to, if it names any.
#[component]
fn NetworkMembers(data: DirectoryData, name: String, on_tag: Callback<String>) -> impl IntoView {
    let members = network_members(&data.directory, &name);
    let network_name = network(&data.directory, &name).map_or(name, |n| n.name.clone());
    (!members.is_empty()).then(|| {
        view! {
            <div class="join-outcome__members" data-testid="network-members">
                <h4>{words().format("network-members-heading", &[("network", &network_name)])}</h4>
                <OutcomeCards data coops=members on_tag heading_level=5 />
            </div>
        }
    })
}

/// The cards of `coops` (positions in the dataset), as the directory draws them, their
/// headings at `heading_level` (one below the heading they are listed under).
#[component]
fn OutcomeCards(
    data: DirectoryData,
    coops: Vec<u32>,
    on_tag: Callback<String>,
    heading_level: u8,
) -> impl IntoView {
    let cards = coops
        .into_iter()
        .map(|i| {
            let coop = data.directory.coops[i as usize].clone();
            let labels = CoopLabels::of(&coop, &data);
            view! { <li class="result-list__item"><CoopCard coop labels on_tag distance=None heading_level /></li> }
        })
        .collect_view();
    view! { <ul class="result-list join-outcome__cards">{cards}</ul> }
}
