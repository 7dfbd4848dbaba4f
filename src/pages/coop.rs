//! A co-op's own page: everything known about it, and the co-ops most like it.

use coops_core::i18n::words;

use crate::components::app_link::AppLink;
use crate::components::locator_map::LocatorMap;
use crate::components::message::marked_message;
use crate::components::share_links::ShareLinks;
use coops_core::messages::{distance_away, nearby_none};
use coops_core::nearby::{nearby, places_of};
use coops_core::places::MapPlace;
use coops_core::query::{DirectoryQuery, UrlCodec};
use coops_core::search::similar;
use coops_core::url::safe_href;
use coops_core::{Coop, Precision, Status};
use leptos::html::{Article, Section};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::load_state::WithDirectory;
use crate::components::page_meta::PageMeta;
use crate::components::rich_text::{ExternalLink, RichText};
use crate::data::DirectoryData;
use crate::handover::take_over_when_shown;

/// How many similar co-ops the page suggests.
const SIMILAR: usize = 6;
/// How many co-ops nearby it lists.
const NEARBY: usize = 6;

/// `/coops/:id`.
#[component]
pub fn CoopPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <WithDirectory children=move |data| {
            move || {
                let id = id.get();
                match data.directory.coops.iter().position(|c| c.id == id) {
                    Some(at) => view! { <CoopDetails data=data.clone() at /> }.into_any(),
                    None => view! { <UnknownCoop id /> }.into_any(),
                }
            }
        } />
    }
}

/// Everything the dataset says about one co-op.
#[component]
fn CoopDetails(data: DirectoryData, at: usize) -> impl IntoView {
    let coop = &data.directory.coops[at];
    // Every place the list names for it.
    let places = places_of(data.index.places(), at);
    let placed = places.iter().any(|p| p.precision != Precision::Country);
    let places: Vec<MapPlace> = places.into_iter().cloned().collect();
    let shown = NodeRef::<Article>::new();
    take_over_when_shown(shown, |_| ());
    let path = format!("/coops/{}", coop.id);
    let description = coop_description(coop, &data);
    let page_url = crate::host::use_host().page_url(&path);
    // For search engines, in the page rendered at build time: the app has no use for it, and
    // the browser's build leaves it out (with the JSON writer it needs).
    #[cfg(feature = "ssr")]
    let linked_data = {
        let host = crate::host::use_host();
        host.prerendering.then(|| {
            let json = coops_core::linked_data::organization_json_ld(coop, &page_url);
            view! { <script type="application/ld+json" inner_html=json></script> }
        })
    };
    #[cfg(not(feature = "ssr"))]
    let linked_data = ();
    view! {
        <PageMeta title=coop.name.clone() description path />
        {linked_data}
        <article node_ref=shown class="coop-page" data-testid="coop-page" data-coop-id=coop.id.clone() aria-labelledby="coop-page-title">
            <p class="coop-page__back"><AppLink href="/">{words().text("back-to-all")}</AppLink></p>
            <h1 id="coop-page-title">{coop.name.clone()}</h1>
            {(coop.status == Status::Defunct).then(|| view! { <p class="coop-page__status">{words().text("coop-defunct")}</p> })}
            <CoopFacts data=data.clone() at />
            <ShareLinks url=page_url.clone() title=coop.name.clone() />
            {(!places.is_empty()).then(|| view! { <CoopPlaces data=data.clone() at places /> })}
            <h2>{words().text("nearby-heading")}</h2>
            <NearbyCoops data=data.clone() at placed />
            {(!coop.tags.is_empty()).then(|| view! { <CoopTags data=data.clone() at /> })}
            <h2>{words().text("similar-heading")}</h2>
            <SimilarCoops data=data.clone() at />
            <p class="coop-page__correction"><CorrectionLine source_line=coop.source_line /></p>
        </article>
    }
}

/// The directory's address showing what `query` filters.
fn directory_href(query: DirectoryQuery) -> String {
    format!("/?{}", query.to_query_string())
}

/// What the list says of the co-op (`data`'s co-op `at`), as terms and their values: its
/// website, region (a link to the region), where it is based, its countries, how it works,
/// its business areas, when it was founded, its size and notes.
#[component]
fn CoopFacts(
    /// The dataset.
    data: DirectoryData,
    /// The co-op's position in it.
    at: usize,
) -> impl IntoView {
    let coop = &data.directory.coops[at];
    let region = data.region_name(&coop.region);
    let region_link = directory_href(DirectoryQuery {
        region: Some(coop.region.clone()),
        ..Default::default()
    });
    let countries: Vec<String> = coop
        .location
        .countries
        .iter()
        .map(|c| data.country_name(c))
        .collect();
    let site = coop.url.as_deref().and_then(safe_href).map(str::to_string);
    let mut flags = Vec::new();
    if coop.location.remote {
        flags.push(words().text("works-remotely"));
    }
    if coop.location.distributed {
        flags.push(words().text("works-distributed"));
    }
    if coop.location.worldwide {
        flags.push(words().text("works-worldwide"));
    }
    view! {
        <dl class="coop-page__facts">
            {site.map(|href| view! {
                <dt>{words().text("fact-website")}</dt>
                <dd><ExternalLink href=href.clone()>{href}</ExternalLink></dd>
            })}
            <dt>{words().text("fact-region")}</dt>
            <dd><AppLink href=region_link>{region}</AppLink></dd>
            {(!coop.location.text.is_empty()).then(|| view! { <dt>{words().text("fact-based-in")}</dt><dd>{coop.location.text.clone()}</dd> })}
            {(!countries.is_empty()).then(|| view! { <dt>{words().count("fact-countries", countries.len() as u64, &[])}</dt><dd>{countries.join(", ")}</dd> })}
            {(!flags.is_empty()).then(|| view! { <dt>{words().text("fact-works")}</dt><dd>{flags.join("; ")}</dd> })}
            {(!coop.business_areas.is_empty()).then(|| view! { <dt>{words().text("business-areas")}</dt><dd>{coop.business_areas.clone()}</dd> })}
            {coop.founded.map(|y| view! { <dt>{words().text("fact-founded")}</dt><dd>{y}</dd> })}
            {coop.size.clone().map(|s| view! { <dt>{words().text("fact-size")}</dt><dd>{format!("{}{} {}", s.count, if s.at_least { "+" } else { "" }, s.unit)}</dd> })}
            {(!coop.notes.is_empty()).then(|| view! { <dt>{words().text("fact-notes")}</dt><dd><RichText spans=coop.notes.clone() /></dd> })}
        </dl>
    }
}

/// The co-op's places (`places`, at least one): the map of them, linking to the directory
/// around it, and every place, each opening the directory there (a country alone opens the
/// country: its middle is no place).
#[component]
fn CoopPlaces(
    /// The dataset.
    data: DirectoryData,
    /// The co-op's position in it.
    at: usize,
    /// Its places.
    places: Vec<MapPlace>,
) -> impl IntoView {
    let coop = &data.directory.coops[at];
    let items = places
        .iter()
        .map(|p| {
            let label = p.label(&data.directory);
            let query = if p.precision == Precision::Country {
                DirectoryQuery {
                    country: Some(p.country.clone()),
                    ..Default::default()
                }
            } else {
                DirectoryQuery {
                    place: Some(p.id.clone()),
                    ..Default::default()
                }
            };
            view! { <li><AppLink href=directory_href(query)>{label}</AppLink></li> }
        })
        .collect_view();
    let around = DirectoryQuery::around(coop, &places.iter().collect::<Vec<&MapPlace>>());
    let name = if let Some(place) = around.place.as_deref().and_then(|id| data.index.place(id)) {
        place.label(&data.directory)
    } else if let Some(country) = around.country.as_deref() {
        data.country_name(country)
    } else {
        data.region_name(&coop.region)
    };
    let href = directory_href(around);
    view! {
        <h2>{words().text("coop-places-heading")}</h2>
        <LocatorMap id=coop.id.clone() places href around=name />
        <ul class="coop-page__places" data-testid="coop-places">{items}</ul>
    }
}

/// The co-ops nearest it, each with its place and how far; or why there are none (`placed`:
/// whether it has a place finer than a country to measure from).
#[component]
fn NearbyCoops(
    /// The dataset.
    data: DirectoryData,
    /// The co-op's position in it.
    at: usize,
    /// Whether it has a place finer than a country.
    placed: bool,
) -> impl IntoView {
    let near = nearby(&data.directory.coops, data.index.places(), at, NEARBY);
    if near.is_empty() {
        return view! { <p data-testid="nearby-none">{nearby_none(placed)}</p> }.into_any();
    }
    let items = near
        .iter()
        .map(|&(i, km)| {
            let other = &data.directory.coops[i];
            let (href, name) = (format!("/coops/{}", other.id), other.name.clone());
            let place = if other.location.text.is_empty() {
                String::new()
            } else {
                format!(" · {}", other.location.text)
            };
            view! {
                <li>
                    <AppLink href=href>{name}</AppLink>
                    <span class="coop-page__similar-place">{format!("{place} · {}", distance_away(km))}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="coop-page__similar" data-testid="nearby-coops">{items}</ul> }.into_any()
}

/// The co-op's business areas, each opening the directory filtered to it.
#[component]
fn CoopTags(
    /// The dataset.
    data: DirectoryData,
    /// The co-op's position in it.
    at: usize,
) -> impl IntoView {
    let tags = data.directory.coops[at]
        .tags
        .iter()
        .map(|t| {
            let href = directory_href(DirectoryQuery {
                tags: vec![t.clone()],
                ..Default::default()
            });
            let name = data.tag_name(t);
            view! { <li><AppLink href=href class="tag">{name}</AppLink></li> }
        })
        .collect_view();
    view! {
        <h2>{words().text("business-areas")}</h2>
        <ul class="coop-page__tags">{tags}</ul>
    }
}

/// The co-ops most like it, each with its place (or region).
#[component]
fn SimilarCoops(
    /// The dataset.
    data: DirectoryData,
    /// The co-op's position in it.
    at: usize,
) -> impl IntoView {
    let items = similar(&data.directory, at, SIMILAR)
        .into_iter()
        .map(|i| {
            let other = &data.directory.coops[i];
            let place = if other.location.text.is_empty() {
                data.region_name(&other.region)
            } else {
                other.location.text.clone()
            };
            let (href, name) = (format!("/coops/{}", other.id), other.name.clone());
            view! {
                <li>
                    <AppLink href=href>{name}</AppLink>
                    <span class="coop-page__similar-place">{format!(" · {place}")}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="coop-page__similar" data-testid="similar-coops">{items}</ul> }
}

/// How to correct the entry: the language's sentence, its marked span a link to the co-op's
/// line of the list (`source_line`) on GitHub.
#[component]
fn CorrectionLine(
    /// The co-op's line in the list.
    source_line: u32,
) -> impl IntoView {
    let correction = format!(
        "https://github.com/hng/tech-coops/edit/master/README.md#L{}",
        source_line.max(1)
    );
    marked_message("correction", |_, text| {
        view! { <ExternalLink href=correction.clone()>{text}</ExternalLink> }.into_any()
    })
}

/// The co-op in a sentence or two, for link previews and search engines.
fn coop_description(coop: &Coop, data: &DirectoryData) -> String {
    let w = words();
    let place = data.directory.place_label(coop);
    let name = coop.name.as_str();
    let mut sentences = vec![if place.is_empty() {
        w.format("coop-description", &[("name", name)])
    } else {
        w.format(
            "coop-description-place",
            &[("name", name), ("place", &place)],
        )
    }];
    if coop.status == Status::Defunct {
        sentences.push(w.text("coop-description-defunct").to_string());
    }
    if !coop.business_areas.is_empty() {
        let areas = coop.business_areas.trim_end_matches('.');
        sentences.push(w.format("coop-description-areas", &[("areas", areas)]));
    }
    sentences.join(" ")
}

/// A `/coops/<id>` for an id the dataset does not have.
#[component]
fn UnknownCoop(id: String) -> impl IntoView {
    let shown = NodeRef::<Section>::new();
    take_over_when_shown(shown, |_| ());
    view! {
        <PageMeta title=words().text("coop-not-found-title") description=words().text("coop-not-found-description") />
        <section class="page" data-testid="not-found" node_ref=shown>
            <h1>{words().text("coop-not-found-heading")}</h1>
            <p>{words().format("coop-not-found-text", &[("id", &id)])}</p>
            <p><AppLink href="/">{words().text("search-the-directory")}</AppLink></p>
        </section>
    }
}
