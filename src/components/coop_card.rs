//! One co-op in the result list.

use coops_core::i18n::words;
use coops_core::messages::card_distance;
use coops_core::url::safe_href;
use coops_core::{Coop, Status};
use leptos::prelude::*;

use crate::components::coop_link::CoopLink;
use crate::components::rich_text::{ExternalLink, RichText};
use crate::data::Dataset;

/// A co-op's card: its name (linking to its site), business areas as tags that filter the
/// list, where it is, its notes, and when it was founded.
#[component]
pub fn CoopCard(
    /// The co-op.
    coop: Coop,
    /// Display names of its tags and countries.
    labels: CoopLabels,
    /// Called with a tag id when one of its tags is clicked.
    on_tag: Callback<String>,
    /// Kilometres from the place the list is ordered from, when it is.
    distance: Option<f64>,
    /// The level of the card's heading: one below the heading of the list the card is in
    /// (the directory's results are an `h2`, so its cards are `h3`).
    heading_level: u8,
) -> impl IntoView {
    let Coop {
        id,
        name,
        url,
        status,
        notes,
        founded,
        business_areas,
        ..
    } = coop;
    let defunct = status == Status::Defunct;
    let heading_id = format!("coop-{id}");
    let name_view = match url.as_deref().and_then(safe_href) {
        Some(href) => {
            let text = name.clone();
            view! { <ExternalLink href=href.to_string()>{text}</ExternalLink> }.into_any()
        }
        None => name.clone().into_any(),
    };
    let tags = labels
        .tags
        .into_iter()
        .map(|(tag_id, tag_name)| {
            let clicked = tag_id.clone();
            view! {
                <li>
                    <button
                        type="button"
                        class="tag"
                        title=words().format("tag-title", &[("tag", &tag_name)])
                        on:click=move |_| on_tag.run(clicked.clone())
                    >
                        {tag_name.clone()}
                    </button>
                </li>
            }
        })
        .collect_view();
    let place = labels.place;
    view! {
        <article
            class="coop-card"
            class:coop-card--defunct=defunct
            data-testid="coop-card"
            data-coop-id=id.clone()
            aria-labelledby=heading_id.clone()
        >
            {card_heading(heading_level, heading_id.clone(), name_view)}
            {defunct.then(|| view! { <p class="coop-card__status">{words().text("card-defunct")}</p> })}
            <p class="coop-card__meta">
                {distance.map(|km| view! { <span class="coop-card__distance" data-testid="card-distance">{card_distance(km)}</span> })}
                {(!place.is_empty()).then(|| view! { <span class="coop-card__place">{place}</span> })}
                {founded.map(|year| view! { <span class="coop-card__founded">{words().format("card-founded", &[("year", &year.to_string())])}</span> })}
            </p>
            {(!business_areas.is_empty()).then(|| view! { <p class="coop-card__areas">{business_areas}</p> })}
            <ul class="coop-card__tags" aria-label=words().text("business-areas")>{tags}</ul>
            {(!notes.is_empty()).then(|| view! { <p class="coop-card__notes"><RichText spans=notes /></p> })}
            <p class="coop-card__more">
                <CoopLink id=id.clone()>{words().format("more-about", &[("name", &name)])}</CoopLink>
            </p>
        </article>
    }
}

/// The card's heading at `level` (2 to 6): the level says where the card is in the page's
/// outline; the class, not the level, says how it looks.
fn card_heading(level: u8, id: String, name: AnyView) -> AnyView {
    let class = "coop-card__name";
    match level {
        ..=2 => view! { <h2 class=class id=id>{name}</h2> }.into_any(),
        3 => view! { <h3 class=class id=id>{name}</h3> }.into_any(),
        4 => view! { <h4 class=class id=id>{name}</h4> }.into_any(),
        5 => view! { <h5 class=class id=id>{name}</h5> }.into_any(),
        _ => view! { <h6 class=class id=id>{name}</h6> }.into_any(),
    }
}

/// Display names a card needs, looked up once by the list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CoopLabels {
    /// (tag id, tag name) for each of the co-op's tags.
    pub tags: Vec<(String, String)>,
    /// Where it is, in a few words.
    pub place: String,
}

impl CoopLabels {
    /// The labels of `coop` in `data`.
    pub fn of(coop: &Coop, data: &Dataset) -> Self {
        CoopLabels {
            tags: coop
                .tags
                .iter()
                .map(|t| (t.clone(), data.tag_name(t)))
                .collect(),
            place: data.directory.place_label(coop),
        }
    }
}
