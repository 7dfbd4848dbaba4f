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

/// Remote and worldwide co-ops listed beside the map; the rest are counted.
const REMOTE_SHOWN: usize = 40;

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
    let results = deferred(results);
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
    // Keyed and memoised: a keystroke that leaves the remote co-ops as they were touches
    // nothing here, and one that changes them adds or removes only those links.
    let remote_count = Memo::new(move |_| results.with(|r| r.without_place.len()));
    let remote_shown = Memo::new(move |_| {
        results.with(|r| {
            r.without_place
                .iter()
                .take(REMOTE_SHOWN)
                .copied()
                .collect::<Vec<u32>>()
        })
    });
    let remote_item = move |i: u32| {
        let coop = &data.directory.coops[i as usize];
        let (id, name) = (coop.id.clone(), coop.name.clone());
        view! { <li><CoopLink id>{name}</CoopLink></li> }
    };
    let remote_group = view! {
        <h3 class="world-map__remote-title">{move || format!("Remote and worldwide ({})", remote_count.get())}</h3>
        <p class="world-map__remote-hint">"Co-ops without a single home country, or that work from anywhere."</p>
        <ul class="world-map__remote-list" data-testid="remote-group">
            <For each=move || remote_shown.get() key=|i| *i children=remote_item />
        </ul>
        <Show when=move || { remote_count.get() > REMOTE_SHOWN }>
            <p class="world-map__remote-hint">{move || format!("and {} more in the list", remote_count.get() - REMOTE_SHOWN)}</p>
        </Show>
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

/// `source`'s value, updated in a task of its own after each change instead of in the same
/// pass: a keystroke updates the list first, and the map (174 countries) and the remote list
/// follow a moment later, usually before the next frame. Changes that come faster than that
/// are coalesced into one update.
fn deferred(source: Memo<Results>) -> Signal<Results> {
    let value = RwSignal::new(source.get_untracked());
    let pending = StoredValue::new(false);
    Effect::watch(
        move || source.track(),
        move |_, _, _| {
            if pending.try_get_value() != Some(false) {
                return;
            }
            pending.set_value(true);
            set_timeout(
                move || {
                    pending.try_set_value(false);
                    // The map may have gone (another route) before the task ran.
                    if let Some(latest) = source.try_get_untracked() {
                        value.try_set(latest);
                    }
                },
                std::time::Duration::ZERO,
            );
        },
        false,
    );
    value.into()
}

/// The SVG itself, its caption, legend, and text summary.
#[component]
fn MapDrawing(
    map: Arc<WorldMap>,
    results: Signal<Results>,
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
            // Memos, not derived signals: a keystroke changes the counts of a few countries,
            // and only their attributes should be touched. Memos are Copy, so every attribute
            // closure can share them.
            let count = {
                let code = code.clone();
                Memo::new(move |_| counts.with(|c| c.get(&code).copied().unwrap_or(0)))
            };
            let label = {
                let name = name.clone();
                Memo::new(move |_| match count.get() {
                    0 => format!("{name}: no co-ops"),
                    1 => format!("{name}: 1 co-op"),
                    n => format!("{name}: {n} co-ops"),
                })
            };
            let is_selected = {
                let code = code.clone();
                Memo::new(move |_| selected().as_deref() == Some(code.as_str()))
            };
            let has_coops = Memo::new(move |_| count.get() > 0);
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
    // The table is built only while it is open: closed, it would be rebuilt on every keystroke
    // for nobody.
    let table_open = RwSignal::new(false);
    let summary = move || {
        if !table_open.get() {
            return None;
        }
        let mut rows: Vec<(String, usize)> = results.with(|r| r.facets.countries.clone());
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let rows = rows
            .into_iter()
            .map(|(code, n)| {
                let name = names.get(&code).cloned().unwrap_or(code);
                view! { <tr><th scope="row">{name}</th><td>{n}</td></tr> }
            })
            .collect_view();
        Some(rows)
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
        <details
            class="world-map__summary"
            on:toggle=move |ev| table_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
        >
            <summary>"Co-ops per country, as a table"</summary>
            <table>
                <thead><tr><th scope="col">"Country"</th><th scope="col">"Co-ops"</th></tr></thead>
                <tbody>{summary}</tbody>
            </table>
        </details>
        <p class="world-map__attribution">{map.attribution.clone()}</p>
    }
}
