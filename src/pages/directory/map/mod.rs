//! The map: the matching co-ops as markers at their places over countries shaded by their
//! counts, with zoom and pan, and no tile server.
//!
//! The geometry (`data/world.json`) is projected ahead of time and fetched after the list, so
//! the directory is usable before the map arrives and still works if the map fails to load.
//! The list stays the accessible equivalent; the map adds named markers reachable by keyboard
//! (one tab stop, arrows between them), the panel a marker opens, and a table of the counts.

mod gestures;
mod markers;

use coops_core::i18n::words;

use std::collections::HashMap;
use std::sync::Arc;

use coops_core::camera::{CLOSE_UP_ZOOM, Camera, ZOOM_STEP, home_for};
use coops_core::geo::{CloseUp, SHADES, WorldMap, attribution, shade};
use coops_core::messages::{REMOTE_SHOWN, coops_count, remote_more, remote_title};
use coops_core::names::{
    MAP_DRAWN_MARK, REMOTE_LIST_CLASS, REMOTE_MORE_CLASS, REMOTE_TITLE_CLASS, WORLD_CLOSE_PATH,
    WORLD_PATH,
};
use coops_core::places::matching;
use coops_core::search::{Results, region_countries};
use leptos::html::Section;
use leptos::prelude::*;

use self::gestures::MapCamera;
use self::markers::{MapMarkers, MarkerPanel};
use crate::components::coop_link::CoopLink;
use crate::data::{DirectoryData, LoadError, fetch_world};
use crate::host::use_host;
use crate::url_state::{History, QueryState};

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
    // A signal filled by a task, not a resource: a resource read under the directory's
    // `<Transition>` would hold the whole directory back until the map had arrived.
    let world = RwSignal::new(None::<Result<Arc<WorldMap>, LoadError>>);
    let host = use_host();
    let world_url = StoredValue::new(host.data_url(WORLD_PATH));
    let load_world = move || {
        world.set(None);
        let url = world_url.get_value();
        leptos::task::spawn_local(async move {
            let loaded = fetch_world(&url).await;
            // The panel may have gone (another route) while the geometry loaded.
            world.try_set(Some(loaded));
        });
    };
    // A page rendered at build time shows the map loading; the app that replaces it loads it,
    // once the map is on screen: a phone keeps it behind the "Map" switch, and fetches nothing
    // for it until then.
    let panel = NodeRef::<Section>::new();
    if !host.prerendering {
        Effect::new(move |_| {
            if let Some(panel) = panel.get() {
                crate::dom::when_drawn(&panel, load_world);
            }
        });
    }
    let results = deferred(results);
    // The country or marker under the pointer or focus, named in the caption.
    let hovered = RwSignal::new(None::<String>);
    let map_view = {
        let (state, data) = (state.clone(), data.clone());
        move || {
            let (state, data) = (state.clone(), data.clone());
            match world.get() {
                None => view! { <p class="world-map__status" role="status">{words().text("map-loading")}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <div class="world-map__status" role="alert" data-testid="map-error">
                        <p>{words().format("map-failed", &[("error", &error.to_string())])}</p>
                        <button type="button" class="button" on:click=move |_| load_world()>{words().text("map-retry")}</button>
                    </div>
                }
                .into_any(),
                Some(Ok(map)) => view! { <MapDrawing map data results state hovered /> }.into_any(),
            }
        }
    };
    // Keyed and memoised: a keystroke that leaves the remote co-ops as they were touches
    // nothing here, and one that changes them adds or removes only those links.
    let remote_count = Memo::new(move |_| results.with(|r| r.without_place.len()));
    // Rendered at build time, the group holds every one of them, those beyond the first
    // REMOTE_SHOWN hidden: a search before the app is in (the quick search) shows the first
    // that match, as the app would.
    let listed = if host.prerendering {
        usize::MAX
    } else {
        REMOTE_SHOWN
    };
    let remote_shown = Memo::new(move |_| {
        results.with(|r| {
            r.without_place
                .iter()
                .take(listed)
                .enumerate()
                .map(|(n, &i)| (i, n >= REMOTE_SHOWN))
                .collect::<Vec<(u32, bool)>>()
        })
    });
    let table_data = data.clone();
    let remote_item = move |(i, hidden): (u32, bool)| {
        let coop = &data.directory.coops[i as usize];
        let (id, name) = (coop.id.clone(), coop.name.clone());
        let item_id = id.clone();
        view! { <li data-coop-id=item_id hidden=hidden><CoopLink id>{name}</CoopLink></li> }
    };
    let more = move || remote_count.get().saturating_sub(REMOTE_SHOWN);
    let remote_group = view! {
        <h3 class=REMOTE_TITLE_CLASS>{move || remote_title(words(), remote_count.get())}</h3>
        <p class="world-map__remote-hint">{words().text("remote-hint")}</p>
        <ul class=REMOTE_LIST_CLASS data-testid="remote-group">
            <For each=move || remote_shown.get() key=|item| *item children=remote_item />
        </ul>
        <p class=format!("world-map__remote-hint {REMOTE_MORE_CLASS}") hidden=move || more() == 0>
            {move || (more() > 0).then(|| remote_more(words(), more()))}
        </p>
    };
    view! {
        <section class="world-map" aria-labelledby="world-map-title" node_ref=panel>
            <h2 id="world-map-title" class="visually-hidden">{words().text("map-heading")}</h2>
            <div class="world-map__layout">
                // Only the drawing waits for the geometry: the lines under it are there from the
                // start, so the list below does not move when the map arrives.
                <div class="world-map__drawing">
                    {map_view}
                    // How to read and use the drawing, unless there is none to read.
                    <Show when=move || !world.with(|w| matches!(w, Some(Err(_))))>
                        <MapCaption hovered />
                        <MapLegend />
                    </Show>
                    <MapTable data=table_data results />
                    // The credit in the page's language (the asset's own is in English).
                    <p class="world-map__attribution">{attribution()}</p>
                </div>
                <aside class="world-map__remote" aria-label=words().text("remote-group-label")>{remote_group}</aside>
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

/// The SVG itself: the countries shaded by their count of matching co-ops, the markers over
/// them, the zoom buttons, and the panel a marker opens.
#[component]
fn MapDrawing(
    map: Arc<WorldMap>,
    data: DirectoryData,
    results: Signal<Results>,
    state: QueryState,
    hovered: RwSignal<Option<String>>,
) -> impl IntoView {
    let home = camera_home(map.clone(), data.clone(), state.query);
    let camera = MapCamera::new(home.get_untracked());
    Effect::watch(move || home.get(), move |to, _, _| camera.fly(*to), false);
    // The markers keep their size on screen: the drawing's scale, measured now and whenever
    // its size changes.
    Effect::new(move |_| {
        if camera.svg.get().is_some() {
            camera.measure_on_resize();
        }
    });
    let open = RwSignal::new(None);
    // The places with the co-ops that match, for the markers and the panel.
    let matched = {
        let data = data.clone();
        Memo::new(move |_| {
            results.with(|r| matching(data.index.places(), &r.matches, data.directory.coops.len()))
        })
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        if camera.on_key(&ev.key(), home.get_untracked()) {
            ev.prevent_default();
            // A zoom re-clusters the markers, and the focused one may go: focus the drawing.
            let on_marker =
                crate::dom::event_origin(&ev).is_some_and(|e| e.has_attribute("data-key"));
            if on_marker {
                camera.focus_drawing();
            }
        }
    };
    Effect::new(|_| crate::perf::mark_once(MAP_DRAWN_MARK));
    view! {
        <div class="world-map__frame">
            <svg
                class="world-map__svg"
                viewBox=move || camera.camera.with(|c| c.view()).to_attribute()
                preserveAspectRatio="xMidYMid meet"
                role="group"
                aria-label=words().text("map-label")
                aria-describedby="world-map-caption"
                tabindex="0"
                data-testid="world-map"
                data-zoom=move || camera.camera.with(Camera::zoom_label)
                node_ref=camera.svg
                on:wheel=move |ev| camera.on_wheel(ev)
                on:dblclick=move |ev| camera.on_double_click(ev)
                on:pointerdown=move |ev| camera.on_pointer_down(ev)
                on:pointermove=move |ev| camera.on_pointer_move(ev)
                on:pointerup=move |ev| camera.on_pointer_up(ev)
                on:pointercancel=move |ev| camera.on_pointer_up(ev)
                on:touchstart=move |ev| camera.on_touch_start(ev)
                on:touchmove=move |ev| camera.on_touch_move(ev)
                on:touchend=move |ev| camera.on_touch_end(ev)
                on:touchcancel=move |ev| camera.on_touch_end(ev)
                on:keydown=on_key
            >
                <CountryLayer map data=data.clone() results state=state.clone() hovered camera />
                <MapMarkers data=data.clone() camera hovered open matched />
            </svg>
            <ZoomControls camera home />
            <p class="world-map__touch-hint" aria-hidden="true" hidden=move || !camera.touch_hint.get()>
                {words().text("map-touch-hint")}
            </p>
        </div>
        <MarkerPanel data state camera open matched />
    }
}

/// Where the filters point the camera: the chosen country, else the chosen region's
/// countries, else the whole map. Reset and 0 return here.
fn camera_home(
    map: Arc<WorldMap>,
    data: DirectoryData,
    query: Memo<coops_core::query::DirectoryQuery>,
) -> Memo<Camera> {
    Memo::new(move |_| {
        let q = query.read();
        let region = q
            .region
            .as_deref()
            .map(|region| region_countries(&data.directory, region));
        home_for(
            &map,
            data.index.places(),
            q.country.as_deref(),
            region.as_deref(),
        )
    })
}

/// The countries layer of the drawing: every country's shape, the close-up's finer shapes
/// laid over them once the camera is close, and the countries drawn only close up.
#[component]
fn CountryLayer(
    /// The world view's shapes.
    map: Arc<WorldMap>,
    /// The dataset, for the countries' names.
    data: DirectoryData,
    /// The current results, which shade the countries.
    results: Signal<Results>,
    /// The URL state (clicking a country filters to it).
    state: QueryState,
    /// The country or marker named in the caption.
    hovered: RwSignal<Option<String>>,
    /// The camera, which says when to draw close up.
    camera: MapCamera,
) -> impl IntoView {
    let shape = CountryShape::new(results, state, hovered);
    // The close-up shapes, laid over the world view's from CLOSE_UP_ZOOM on (fetched then).
    let close_up = close_up_shapes(&map, camera);
    // A country in the page's language where the list has it (the shapes' names are English).
    let name_of = move |country: &coops_core::geo::MapCountry| {
        data.directory
            .country(&country.code)
            .map_or_else(|| country.name.clone(), |c| c.name.clone())
    };
    let shapes = map
        .countries
        .iter()
        .map(|country| {
            let (code, world_d) = (country.code.clone(), country.d.clone());
            let d = Signal::derive(move || {
                close_up
                    .get()
                    .and_then(|c| c.paths.get(&code).cloned())
                    .unwrap_or_else(|| world_d.clone())
            });
            shape.draw(country.code.clone(), name_of(country), d, false)
        })
        .collect_view();
    // Back at the world view, the close-up's small countries go; the pointer resting on one
    // gets no mouseleave, so the caption lets go of it (a country that stays keeps its name).
    // An effect beside the closure, not a clean-up inside it: one there once kept the app from
    // starting when the keyboard was used before the app arrived.
    Effect::new(move |was_close: Option<bool>| {
        let close = close_up.with(Option::is_some);
        if was_close == Some(true) && !close && shape.hovered_close_only.get_untracked() {
            shape.hovered_close_only.set(false);
            hovered.set(None);
        }
        close
    });
    // The countries too small for the world view, once close.
    let only_close = move || {
        close_up.get().map(|c| {
            c.only_close
                .iter()
                .map(|country| {
                    shape.draw(
                        country.code.clone(),
                        name_of(country),
                        Signal::stored(country.d.clone()),
                        true,
                    )
                })
                .collect_view()
        })
    };
    view! {
        <g class="world-map__countries" data-detail=move || if close_up.with(Option::is_some) { "close-up" } else { "world" }>
            {shapes}
            {only_close}
        </g>
    }
}

/// The zoom buttons over the map: in, out, and back to where the filters point it (`home`).
#[component]
fn ZoomControls(
    /// The camera the buttons move.
    camera: MapCamera,
    /// Where the filters point it.
    home: Memo<Camera>,
) -> impl IntoView {
    view! {
        <div class="world-map__controls">
            <MapControl
                label=words().text("zoom-in")
                symbol="+"
                at_limit=Signal::derive(move || camera.camera.with(Camera::at_max_zoom))
                press=move |()| camera.zoom_by(ZOOM_STEP)
            />
            <MapControl
                label=words().text("zoom-out")
                symbol="−"
                at_limit=Signal::derive(move || camera.camera.with(Camera::at_min_zoom))
                press=move |()| camera.zoom_by(1.0 / ZOOM_STEP)
            />
            <MapControl
                label=words().text("reset-map")
                symbol="⟲"
                at_limit=Signal::from(false)
                press=move |()| camera.fly(home.get_untracked())
            />
        </div>
    }
}

/// What every country's shape shares: the counts that shade it, the query that marks it
/// chosen, what choosing it does, and the caption it names itself in (and whether the one
/// named there is drawn only close up, so goes at the world view).
#[derive(Clone, Copy)]
struct CountryShape {
    counts: Memo<HashMap<String, usize>>,
    query: Memo<coops_core::query::DirectoryQuery>,
    choose: Callback<String>,
    hovered: RwSignal<Option<String>>,
    hovered_close_only: RwSignal<bool>,
}

impl CountryShape {
    /// What the shapes share, for `results`: choosing a country filters the list to it (or
    /// drops the filter if it is the one chosen).
    fn new(results: Signal<Results>, state: QueryState, hovered: RwSignal<Option<String>>) -> Self {
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
        let choose = move |code: String| {
            state.update(History::Push, |q| {
                q.country = if q.country.as_deref() == Some(code.as_str()) {
                    None
                } else {
                    Some(code)
                };
            })
        };
        CountryShape {
            counts,
            query,
            choose: Callback::new(choose),
            hovered,
            hovered_close_only: RwSignal::new(false),
        }
    }

    /// The shape of the country `code`, drawn by the path `d` (`close_only`: only close up),
    /// shaded by its count of matching co-ops; with co-ops it is a button that filters the list
    /// to it.
    fn draw(
        self,
        code: String,
        name: String,
        d: Signal<String>,
        close_only: bool,
    ) -> impl IntoView {
        let CountryShape {
            counts,
            query,
            choose,
            hovered,
            hovered_close_only,
        } = self;
        // Memos, not derived signals: a keystroke changes the counts of a few countries, and
        // only their attributes should be touched. Memos are Copy, so every attribute closure
        // can share them.
        let count = {
            let code = code.clone();
            Memo::new(move |_| counts.with(|c| c.get(&code).copied().unwrap_or(0)))
        };
        let label = Memo::new(move |_| match count.get() {
            0 => words().format("country-no-coops", &[("country", &name)]),
            n => words().format(
                "country-coops",
                &[("country", &name), ("count", &coops_count(n))],
            ),
        });
        // Names the country in the caption.
        let name_it = move || {
            hovered.set(Some(label.get_untracked()));
            hovered_close_only.set(close_only);
        };
        let is_selected = {
            let code = code.clone();
            Memo::new(move |_| query.read().country.as_deref() == Some(code.as_str()))
        };
        let has_coops = Memo::new(move |_| count.get() > 0);
        let on_click = {
            let code = code.clone();
            // The second click of a double-click is the zoom's, not a second toggle.
            move |ev: leptos::ev::MouseEvent| {
                if has_coops.get_untracked() && ev.detail() <= 1 {
                    choose.run(code.clone())
                }
            }
        };
        let on_key = {
            let code = code.clone();
            move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    choose.run(code.clone());
                }
            }
        };
        // The markers are the map's keyboard path (and the country list filters by country):
        // a tab stop per country would put a hundred stops before the list.
        view! {
            <path
                d=d
                data-country=code
                class=move || format!("world-map__country world-map__country--shade-{}", shade(count.get()))
                class:world-map__country--selected=is_selected
                tabindex="-1"
                role=move || has_coops.get().then_some("button")
                aria-label=label
                aria-pressed=move || has_coops.get().then(|| is_selected.get().to_string())
                on:click=on_click
                on:keydown=on_key
                on:mouseenter=move |_| name_it()
                on:focus=move |_| name_it()
                on:mouseleave=move |_| hovered.set(None)
                on:blur=move |_| hovered.set(None)
            >
                <title>{label}</title>
            </path>
        }
    }
}

/// The close-up shapes over `world`'s from [`CLOSE_UP_ZOOM`] on, until the camera goes back
/// below three quarters of it; none before. They are fetched the first time it comes that close (again after a failure,
/// the next time: the world view's shapes stand in meanwhile).
fn close_up_shapes(world: &Arc<WorldMap>, camera: MapCamera) -> Signal<Option<Arc<CloseUp>>> {
    let loaded = RwSignal::new(None::<Arc<CloseUp>>);
    let asked = StoredValue::new(false);
    let url = StoredValue::new(use_host().data_url(WORLD_CLOSE_PATH));
    // On at CLOSE_UP_ZOOM (give or take a rounding: a flight lands on 4 as 3.9999…), off below
    // three quarters of it, so a wheel resting about 4 does not swap every shape back and forth.
    let close = Memo::new(move |was: Option<&bool>| {
        let zoom = camera.camera.with(|c| c.zoom);
        if was.copied().unwrap_or(false) {
            zoom >= CLOSE_UP_ZOOM * 0.75
        } else {
            zoom >= CLOSE_UP_ZOOM - 1e-9
        }
    });
    let world = world.clone();
    Effect::new(move |_| {
        if !close.get() || asked.get_value() {
            return;
        }
        asked.set_value(true);
        let (world, url) = (world.clone(), url.get_value());
        leptos::task::spawn_local(async move {
            match fetch_world(&url).await {
                Ok(detail) => {
                    loaded.try_set(Some(Arc::new(CloseUp::new(&world, &detail))));
                }
                Err(_) => {
                    asked.try_set_value(false);
                }
            }
        });
    });
    Signal::derive(move || if close.get() { loaded.get() } else { None })
}

/// One of the buttons over the map, named by `label` and showing `symbol`. At a limit it says
/// so (`aria-disabled`, not `disabled`, which would drop the focus) and does nothing.
#[component]
fn MapControl(
    label: &'static str,
    symbol: &'static str,
    at_limit: Signal<bool>,
    /// What a press does (a callback, not a type parameter: one copy of the button's code for
    /// all three).
    #[prop(into)]
    press: Callback<()>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="world-map__control"
            aria-label=label
            title=label
            aria-disabled=move || at_limit.get().to_string()
            on:click=move |_| press.run(())
        >
            {symbol}
        </button>
    }
}

/// The line under the map: the hovered or focused country's count, else how to use the map,
/// with a mouse and keys or by touch (the stylesheet shows the one for the screen).
#[component]
fn MapCaption(hovered: RwSignal<Option<String>>) -> impl IntoView {
    let caption = move || match hovered.get() {
        Some(named) => named.into_any(),
        None => view! {
            <span class="world-map__caption-keys">{words().text("map-caption")}</span>
            <span class="world-map__caption-touch">{words().text("map-caption-touch")}</span>
        }
        .into_any(),
    };
    view! {
        // Not a live region: it follows the mouse, and a screen reader already reads the
        // focused marker's or country's name.
        <p id="world-map-caption" class="world-map__caption" data-testid="map-caption">
            {caption}
        </p>
    }
}

/// What each shade of the map means.
#[component]
fn MapLegend() -> impl IntoView {
    let items = SHADES
        .iter()
        .enumerate()
        .map(|(step, (_, label))| {
            view! {
                <li class="world-map__legend-item">
                    <span class=format!("world-map__swatch world-map__country--shade-{step}") aria-hidden="true"></span>
                    {words().text(label)}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="world-map__legend" aria-label=words().text("map-legend")>
            <li class="world-map__legend-item">
                <span class="world-map__legend-marker" aria-hidden="true"></span>
                {words().text("legend-marker")}
            </li>
            <li class="world-map__legend-item">
                <span class="world-map__legend-marker world-map__legend-marker--country" aria-hidden="true"></span>
                {words().text("legend-country-only")}
            </li>
            <li class="world-map__legend-item world-map__legend-shades">{words().text("legend-shades")}</li>
            {items}
        </ul>
    }
}

/// The map's counts as a table, for those who cannot see or use the drawing. It needs only
/// the dataset, so it works before (and without) the geometry.
#[component]
fn MapTable(data: DirectoryData, results: Signal<Results>) -> impl IntoView {
    // The rows are built only while the table is open: closed, they would be rebuilt on every
    // keystroke for nobody.
    let open = RwSignal::new(false);
    let rows = move || {
        if !open.get() {
            return None;
        }
        let mut rows: Vec<(String, usize)> = results.with(|r| r.facets.countries.clone());
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let rows = rows
            .into_iter()
            .map(|(code, n)| {
                let name = data.directory.country_name(&code);
                view! { <tr><th scope="row">{name}</th><td>{n}</td></tr> }
            })
            .collect_view();
        Some(rows)
    };
    view! {
        <details
            class="world-map__summary"
            data-testid="map-table"
            // Its rows come with the app; rendered at build time, it waits for it.
            inert=use_host().prerendering
            on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
        >
            <summary>{words().text("map-table")}</summary>
            <table>
                <thead><tr><th scope="col">{words().text("table-country")}</th><th scope="col">{words().text("table-coops")}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}
