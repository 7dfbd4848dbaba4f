//! The map-like view: countries shaded by how many co-ops match, with no tile server.
//!
//! The geometry (`data/world.json`) is projected ahead of time and fetched after the list, so
//! the directory is usable before the map arrives and still works if the map fails to load.
//! The list stays the accessible equivalent; the map adds per-country labels, a text summary,
//! and keyboard access to every country that has co-ops.

use std::collections::HashMap;
use std::sync::Arc;

use coops_core::geo::{SHADES, WorldMap, shade};
use coops_core::load::parse_document;
use coops_core::search::{Results, region_countries};
use leptos::prelude::*;

use crate::components::coop_link::CoopLink;
use crate::data::{DirectoryData, LoadError, fetch_text};
use crate::url_state::{History, QueryState};

/// Where the map geometry lives, relative to `<base>`.
const WORLD_URL: &str = "data/world.json";

async fn fetch_world() -> Result<Arc<WorldMap>, LoadError> {
    let text = fetch_text(WORLD_URL).await?;
    parse_document::<WorldMap>(&text)
        .map(Arc::new)
        .map_err(LoadError::Dataset)
}

/// The map with its legend, and beside it the co-ops that work remotely or worldwide.
#[component]
pub fn WorldMapPanel(
    /// The dataset.
    data: DirectoryData,
    /// The current results.
    results: Memo<Results>,
    /// The URL state (clicking a country filters to it).
    state: QueryState,
) -> impl IntoView {
    let world = LocalResource::new(fetch_world);
    let query = state.query;
    // The countries of the chosen region, to zoom to.
    let region_countries = {
        let data = data.clone();
        Memo::new(move |_| {
            query
                .read()
                .region
                .as_deref()
                .map(|region| region_countries(&data.directory, region))
        })
    };
    let map_view = {
        let state = state.clone();
        move || {
            let state = state.clone();
            match world.get() {
                None => view! { <p class="world-map__status" role="status">"Loading the map…"</p> }.into_any(),
                Some(Err(error)) => view! {
                    <div class="world-map__status" role="alert" data-testid="map-error">
                        <p>{format!("The map could not be loaded. {error} The list below has every co-op.")}</p>
                        <button type="button" class="button" on:click=move |_| world.refetch()>"Retry the map"</button>
                    </div>
                }
                .into_any(),
                Some(Ok(map)) => view! { <MapDrawing map results region_countries state /> }.into_any(),
            }
        }
    };
    let remote_group = {
        let data = data.clone();
        move || {
            let ids: Vec<u32> = results.with(|r| r.without_place.clone());
            let count = ids.len();
            let items = ids
                .into_iter()
                .take(40)
                .map(|i| {
                    let coop = &data.directory.coops[i as usize];
                    let (id, name) = (coop.id.clone(), coop.name.clone());
                    view! { <li><CoopLink id>{name}</CoopLink></li> }
                })
                .collect_view();
            view! {
                <h3 class="world-map__remote-title">{format!("Remote and worldwide ({count})")}</h3>
                <p class="world-map__remote-hint">"Co-ops without a single home country, or that work from anywhere."</p>
                <ul class="world-map__remote-list" data-testid="remote-group">{items}</ul>
                {(count > 40).then(|| view! { <p class="world-map__remote-hint">{format!("and {} more in the list", count - 40)}</p> })}
            }
        }
    };
    view! {
        <section class="world-map" aria-labelledby="world-map-title">
            <h2 id="world-map-title" class="visually-hidden">"Map of co-ops by country"</h2>
            <div class="world-map__layout">
                <div class="world-map__drawing">{map_view}</div>
                <aside class="world-map__remote" aria-label="Remote and worldwide co-ops">{remote_group}</aside>
            </div>
        </section>
    }
}

/// The SVG itself, its caption, legend, and text summary.
#[component]
fn MapDrawing(
    map: Arc<WorldMap>,
    results: Memo<Results>,
    region_countries: Memo<Option<Vec<String>>>,
    state: QueryState,
) -> impl IntoView {
    let query = state.query;
    let counts = Memo::new(move |_| {
        results.with(|r| {
            r.facets
                .countries
                .iter()
                .cloned()
                .collect::<HashMap<String, usize>>()
        })
    });
    let hovered = RwSignal::new(None::<(String, usize)>);
    let view_box = {
        let map = map.clone();
        move || {
            region_countries
                .with(|codes| match codes {
                    Some(codes) => map.fit(&codes.iter().map(String::as_str).collect::<Vec<_>>()),
                    None => map.full_view(),
                })
                .to_attribute()
        }
    };
    let selected = move || query.read().country.clone();
    let choose = {
        let state = state.clone();
        move |code: String| {
            state.update(History::Push, |q| {
                q.country = if q.country.as_deref() == Some(code.as_str()) {
                    None
                } else {
                    Some(code)
                };
            })
        }
    };
    let shapes = map
        .countries
        .iter()
        .map(|country| {
            let code = country.code.clone();
            let name = country.name.clone();
            // Signals are Copy, so every attribute closure can share them.
            let count = {
                let code = code.clone();
                Signal::derive(move || counts.with(|c| c.get(&code).copied().unwrap_or(0)))
            };
            let label = {
                let name = name.clone();
                Signal::derive(move || match count.get() {
                    0 => format!("{name}: no co-ops"),
                    1 => format!("{name}: 1 co-op"),
                    n => format!("{name}: {n} co-ops"),
                })
            };
            let is_selected = {
                let code = code.clone();
                Signal::derive(move || selected().as_deref() == Some(code.as_str()))
            };
            let has_coops = Signal::derive(move || count.get() > 0);
            let on_click = {
                let (choose, code) = (choose.clone(), code.clone());
                move |_| {
                    if has_coops.get_untracked() {
                        choose(code.clone())
                    }
                }
            };
            let on_key = {
                let (choose, code) = (choose.clone(), code.clone());
                move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        ev.prevent_default();
                        choose(code.clone());
                    }
                }
            };
            let show = {
                let name = name.clone();
                move || hovered.set(Some((name.clone(), count.get_untracked())))
            };
            let (on_enter, on_focus) = (show.clone(), show);
            view! {
                <path
                    d=country.d.clone()
                    data-country=code.clone()
                    class=move || format!("world-map__country world-map__country--shade-{}", shade(count.get()))
                    class:world-map__country--selected=is_selected
                    tabindex=move || if has_coops.get() { "0" } else { "-1" }
                    role=move || has_coops.get().then_some("button")
                    aria-label=label
                    aria-pressed=move || has_coops.get().then(|| is_selected.get().to_string())
                    on:click=on_click
                    on:keydown=on_key
                    on:mouseenter=move |_| on_enter()
                    on:focus=move |_| on_focus()
                    on:mouseleave=move |_| hovered.set(None)
                    on:blur=move |_| hovered.set(None)
                >
                    <title>{label}</title>
                </path>
            }
        })
        .collect_view();
    let caption = move || match hovered.get() {
        Some((name, 1)) => format!("{name}: 1 co-op"),
        Some((name, n)) => format!("{name}: {n} co-ops"),
        None => {
            "Hover over or focus a country to see its count; click or press Enter to filter by it."
                .to_string()
        }
    };
    let legend = SHADES
        .iter()
        .enumerate()
        .map(|(step, (_, label))| {
            view! {
                <li class="world-map__legend-item">
                    <span class=format!("world-map__swatch world-map__country--shade-{step}") aria-hidden="true"></span>
                    {label.to_string()}
                </li>
            }
        })
        .collect_view();
    let names: HashMap<String, String> = map
        .countries
        .iter()
        .map(|c| (c.code.clone(), c.name.clone()))
        .collect();
    let summary = move || {
        let mut rows: Vec<(String, usize)> = results.with(|r| r.facets.countries.clone());
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        rows.into_iter()
            .map(|(code, n)| {
                let name = names.get(&code).cloned().unwrap_or(code);
                view! { <tr><th scope="row">{name}</th><td>{n}</td></tr> }
            })
            .collect_view()
    };
    view! {
        <svg
            class="world-map__svg"
            viewBox=view_box
            preserveAspectRatio="xMidYMid meet"
            role="group"
            aria-label="World map: countries shaded by how many co-ops match the filters"
            data-testid="world-map"
        >
            {shapes}
        </svg>
        <p class="world-map__caption" aria-live="polite" data-testid="map-caption">{caption}</p>
        <ul class="world-map__legend" aria-label="Co-ops per country">{legend}</ul>
        <details class="world-map__summary">
            <summary>"Co-ops per country, as a table"</summary>
            <table>
                <thead><tr><th scope="col">"Country"</th><th scope="col">"Co-ops"</th></tr></thead>
                <tbody>{summary}</tbody>
            </table>
        </details>
        <p class="world-map__attribution">{map.attribution.clone()}</p>
    }
}
