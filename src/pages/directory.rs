//! The home screen: the directory of co-ops.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::load_state::WithDirectory;
use crate::data::DirectoryData;

/// The directory of co-ops, region by region.
#[component]
pub fn DirectoryPage() -> impl IntoView {
    view! {
        <Title text="" />
        <section class="page page--directory" aria-labelledby="directory-title">
            <h1 id="directory-title">"Worker-owned tech co-ops"</h1>
            <p class="page__lede">
                "Find a co-operative owned and run by the people who work in it: by region, country or skill."
            </p>
            <WithDirectory children=|data| view! { <RegionList data /> } />
        </section>
    }
}

/// Every co-op, grouped under its region.
#[component]
fn RegionList(data: DirectoryData) -> impl IntoView {
    let directory = &data.directory;
    let count = directory.coops.len();
    let regions = directory
        .regions
        .iter()
        .map(|region| {
            let names = directory
                .coops
                .iter()
                .filter(|c| c.region == region.id)
                .map(|c| view! { <li data-testid="coop-card" data-coop-id=c.id.clone()>{c.name.clone()}</li> })
                .collect_view();
            view! {
                <section class="region" aria-labelledby=format!("region-{}", region.id)>
                    <h2 id=format!("region-{}", region.id)>{region.name.clone()}</h2>
                    <ul class="region__list">{names}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <p class="result-count" data-testid="result-count" aria-live="polite">
            {format!("{count} co-ops")}
        </p>
        {regions}
    }
}
