//! What this directory is and where its data comes from.

use coops_core::i18n::words;
use coops_core::names::LIST_URL;

use crate::components::message::linked_message;
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
        </section>
    }
}
