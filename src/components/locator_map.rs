//! A co-op page's small map: where the co-op is, over the directory map's country shapes cut to
//! its surroundings at build time (`coops_core::locator`, fine enough that a border town is
//! drawn in its own country) and in the map's colours, still (no zoom, no pan) and one link: to
//! the directory around it.
//!
//! The drawing is a picture of what the page lists in words under "Where it is", so it is
//! hidden from screen readers; the link under it names where it goes.

use coops_core::i18n::words;

use std::sync::Arc;

use coops_core::camera::locator_view;
use coops_core::geo::{Frame, WorldMap};
use coops_core::locator::locator_path;
use coops_core::messages::locator_link;
use coops_core::nearby::measurable;
use coops_core::places::MapPlace;
use leptos::prelude::*;

use crate::components::app_link::AppLink;
use crate::data::{LoadError, fetch_world};
use crate::host::use_host;

/// Radius of a place's dot, as a share of the view's width.
const DOT: f64 = 0.018;

/// The map of `places` (those of the co-op `id`), linking to `href` (the directory around it),
/// which the link names `around` ("Lyon, France").
#[component]
pub fn LocatorMap(
    id: String,
    places: Vec<MapPlace>,
    href: String,
    around: String,
) -> impl IntoView {
    let host = use_host();
    let shapes = RwSignal::new(None::<Result<Arc<WorldMap>, LoadError>>);
    // A page rendered at build time keeps the frame; the app draws in it.
    if !host.prerendering {
        let url = host.data_url(&locator_path(&id));
        leptos::task::spawn_local(async move {
            let loaded = fetch_world(&url).await;
            shapes.try_set(Some(loaded));
        });
    }
    let countries: Vec<String> = places.iter().map(|p| p.country.clone()).collect();
    let drawing = {
        let href = href.clone();
        move || match shapes.get() {
            None => None,
            Some(Err(_)) => Some(
                view! { <p class="locator-map__status">{words().text("locator-failed")}</p> }
                    .into_any(),
            ),
            Some(Ok(map)) => {
                let of: Vec<&MapPlace> = places.iter().collect();
                let view = locator_view(&map, &of)?;
                let paths = map
                    .countries
                    .iter()
                    .map(|c| {
                        let home = countries.contains(&c.code);
                        view! {
                            <path
                                d=c.d.clone()
                                data-country=c.code.clone()
                                class="world-map__country locator-map__country"
                                class:locator-map__country--home=home
                            />
                        }
                    })
                    .collect_view();
                let frame = Frame::world();
                let r = view.width * DOT;
                let dots = places
                    .iter()
                    .filter(|p| measurable(p))
                    .map(|p| {
                        let (x, y) = p.position(&frame);
                        view! { <circle class="map-marker__dot locator-map__dot" cx=x cy=y r=r /> }
                    })
                    .collect_view();
                Some(
                    view! {
                        // The same place as the link under it: one tab stop, not two, and
                        // heard once. (The router follows a plain link in the app as its own.)
                        <a href=use_host().href(&href) class="locator-map__drawing-link" tabindex="-1" aria-hidden="true">
                            <svg
                                class="locator-map__svg"
                                viewBox=view.to_attribute()
                                preserveAspectRatio="xMidYMid slice"
                                aria-hidden="true"
                                focusable="false"
                                data-testid="locator-svg"
                            >
                                {paths}
                                {dots}
                            </svg>
                        </a>
                    }
                    .into_any(),
                )
            }
        }
    };
    view! {
        <figure class="locator-map" data-testid="locator-map">
            <div class="locator-map__frame">{drawing}</div>
            <figcaption class="locator-map__caption">
                <AppLink href>{locator_link(&around)}</AppLink>
            </figcaption>
        </figure>
    }
}
