//! What this directory is and where its data comes from.

use coops_core::i18n::words;
use coops_core::names::LIST_URL;

use crate::components::message::{linked_message, marked_message};
use crate::host::use_host;
use coops_core::names::{
    DATASET_PATH, DIRECTORY_CSV_PATH, DIRECTORY_GEOJSON_PATH, MURMURATIONS_INDEX,
};
use leptos::html::Section;
use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::handover::take_over_when_shown;

/// Where the about page's marked spans link.
const LINKS: [(&str, &str); 3] = [
    ("list", LIST_URL),
    ("geonames", "https://www.geonames.org/"),
    ("ccby", "https://creativecommons.org/licenses/by/4.0/"),
];

/// The message `key` with its marked spans as links (see [`LINKS`]).
fn linked(key: &'static str) -> Vec<AnyView> {
    linked_message(key, &LINKS)
}

/// Where the whole dataset can be taken, in each format the build publishes.
fn open_data() -> Vec<AnyView> {
    let host = use_host();
    let links = [
        ("json", host.data_url(DATASET_PATH)),
        ("csv", host.data_url(DIRECTORY_CSV_PATH)),
        ("geojson", host.data_url(DIRECTORY_GEOJSON_PATH)),
        ("murmurations", host.data_url(MURMURATIONS_INDEX)),
        (
            "cc0",
            "https://creativecommons.org/publicdomain/zero/1.0/".to_string(),
        ),
    ];
    marked_message("about-data", move |name, text| {
        let href = links
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, href)| href.clone());
        view! { <a href=href>{text}</a> }.into_any()
    })
}

/// About the directory and the list behind it.
#[component]
pub fn AboutPage() -> impl IntoView {
    let shown = NodeRef::<Section>::new();
    take_over_when_shown(shown, |_| ());
    view! {
        <PageMeta title=words().text("about-title") description=words().text("about-description") path="/about" />
        <section class="page page--about" aria-labelledby="about-title" node_ref=shown>
            <h1 id="about-title">{words().text("about-heading")}</h1>
            <p>{words().text("about-coops")}</p>
            <p>{linked("about-source")}</p>
            <p id="about-places">{linked("about-places")}</p>
            <p id="about-data">{open_data()}</p>
        </section>
    }
}
