//! The markers: the matching co-ops at their places, merged into clusters where they would
//! overlap at the current zoom, and the panel a marker opens. Which places, which clusters and
//! which are in view come from [`coops_core::places`]; this draws them.

use coops_core::i18n::words;

use coops_core::Precision;
use coops_core::camera::{CLUSTER_DISTANCE_PX, Camera, MARKER_RADIUS_PX, roving_step};
use coops_core::geo::{Frame, ViewBox};
use coops_core::messages::{
    coops_count, country_only, marker_label, panel_more, short_count, show_place_only,
};
use coops_core::names::{MAP_CLUSTER_MEASURE, MAP_CLUSTER_START};
use coops_core::places::{Cluster, MapPlace, Projected, bounds, in_view};
use leptos::prelude::*;

use super::gestures::{MapCamera, focus};
use crate::components::coop_link::CoopLink;
use crate::data::DirectoryData;
use crate::url_state::{History, QueryState};

/// The panel's id, for the markers' `aria-controls`.
const PANEL_ID: &str = "map-panel";

/// Co-ops named under each place in the panel; the place's filter shows the rest.
const PANEL_COOPS: usize = 8;
/// Places listed in a cluster's panel; zooming in splits the rest out.
const PANEL_PLACES: usize = 6;

/// A marker as drawn, built when it first comes into view (not at every frame of a pan).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Marker {
    key: String,
    label: String,
    country_only: bool,
    /// What it holds: indices into the matching places.
    cluster: Cluster,
}

/// How a place reads in a marker's name.
fn place_name(place: &MapPlace, data: &DirectoryData) -> String {
    if place.precision == Precision::Country {
        country_only(&data.country_name(&place.country))
    } else {
        place.name.clone()
    }
}

/// A marker's name: its places (three at most by name, the rest counted) and co-ops.
fn marker_name(cluster: &Cluster, places: &[MapPlace], data: &DirectoryData) -> String {
    let members = cluster.places_by_size(places);
    let names: Vec<String> = members
        .iter()
        .take(if members.len() > 3 { 2 } else { 3 })
        .map(|p| place_name(p, data))
        .collect();
    let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
    names.extend(std::iter::repeat_n("", members.len() - names.len()));
    marker_label(&names, cluster.coops.len())
}

/// The marker of `cluster`, whose key is `key`, as its panel needs it.
fn marker(key: &str, cluster: &Cluster, places: &[MapPlace], data: &DirectoryData) -> Marker {
    Marker {
        key: key.to_string(),
        label: marker_name(cluster, places, data),
        country_only: cluster.is_country_only(places),
        cluster: cluster.clone(),
    }
}

/// The markers layer of the drawing, and what the open marker is.
#[component]
pub(super) fn MapMarkers(
    data: DirectoryData,
    camera: MapCamera,
    hovered: RwSignal<Option<String>>,
    open: RwSignal<Option<Marker>>,
    matched: Memo<Vec<MapPlace>>,
) -> impl IntoView {
    let clusters = MarkerClusters::new(camera, matched);
    // What the filters show changed: a panel about the old markers would be wrong.
    Effect::watch(
        move || matched.track(),
        move |_, _, _| open.set(None),
        false,
    );
    let roving = RovingFocus::new(clusters.shown);
    let toggle = {
        let data = data.clone();
        Callback::new(move |key: String| toggle_marker(&key, open, clusters, matched, &data))
    };
    let open_key = Memo::new(move |_| open.with(|o| o.as_ref().map(|m| m.key.clone())));

    // Markers keep their size on screen: each is scaled by the drawing units per pixel. (An
    // attribute, not a style: the strict content security policy forbids inline styles.)
    let scale = Memo::new(move |_| format!("scale({:.5})", camera.units_per_pixel()));
    // A marker holds no listener of its own (the layer listens for all of them), so drawing
    // the markers of a new zoom level costs little.
    // Built from the key `shown` already has and the cluster in place: a new zoom level draws
    // many markers at once, and neither the key's hash nor a copy of the cluster is needed.
    let each_marker = move |(key, index): (String, usize)| {
        let drawn = matched.with_untracked(|places| {
            clusters
                .clusters
                .with_untracked(|clusters| DrawnMarker::new(&clusters[index], places, &data))
        });
        view! { <MarkerDot marker_key=key drawn open_key tab_stop=roving.tab_stop scale /> }
    };
    view! {
        // Chrome makes an SVG element with focus listeners a tab stop of its own: tabindex -1
        // keeps the layer out of the tab order (its markers are in it).
        <g
            class="world-map__markers"
            tabindex="-1"
            on:click=move |ev| on_marker_click(&ev, toggle)
            on:keydown=move |ev| on_marker_key(&ev, toggle, open, roving)
            on:mouseover=move |ev| name_marker(&ev, hovered, roving, false)
            on:focusin=move |ev| name_marker(&ev, hovered, roving, true)
            on:mouseout=move |_| hovered.set(None)
            on:focusout=move |_| hovered.set(None)
        >
            <For each=move || clusters.shown.get() key=|(key, _)| key.clone() children=each_marker />
        </g>
    }
}

/// The matching places merged into clusters at the current zoom level, each cluster's key,
/// and the markers in view: memos, so a pan recomputes only what is in view and a zoom
/// re-clusters only when it crosses a step.
#[derive(Clone, Copy)]
struct MarkerClusters {
    clusters: Memo<Vec<Cluster>>,
    /// Each cluster's key, worked out once per clustering (it hashes every place in it).
    keys: Memo<Vec<String>>,
    /// The markers in view: their keys, and where each is in `clusters`.
    shown: Memo<Vec<(String, usize)>>,
}

impl MarkerClusters {
    /// The clusters of `matched` as `camera` sees them.
    fn new(camera: MapCamera, matched: Memo<Vec<MapPlace>>) -> Self {
        let frame = Frame::world();
        // Re-clustered only when the zoom crosses a step, not at every wheel event.
        let level = Memo::new(move |_| camera.camera.with(Camera::cluster_level));
        // Projected once per change of the filters, clustered at every step of the zoom.
        let projected = Memo::new(move |_| matched.with(|places| Projected::new(places, &frame)));
        let clusters = Memo::new(move |_| {
            let radius = CLUSTER_DISTANCE_PX / (camera.base_scale.get() * level.get());
            crate::perf::mark(MAP_CLUSTER_START);
            let clusters = matched.with(|places| projected.with(|p| p.cluster(places, radius)));
            crate::perf::measure(MAP_CLUSTER_MEASURE, MAP_CLUSTER_START);
            clusters
        });
        let keys = Memo::new(move |_| {
            matched.with(|places| {
                clusters.with(|clusters| {
                    clusters
                        .iter()
                        .map(|c| c.key(places))
                        .collect::<Vec<String>>()
                })
            })
        });
        // Only the markers in view are in the page. Recomputed at every frame of a pan, so it
        // holds nothing heavier.
        let shown = Memo::new(move |_| {
            let view: ViewBox = camera.camera.with(Camera::view);
            let units = 1.0 / (camera.base_scale.get() * level.get());
            keys.with(|keys| {
                clusters.with(|clusters| {
                    in_view(
                        clusters,
                        view,
                        MARKER_RADIUS_PX * units,
                        CLUSTER_DISTANCE_PX * units,
                    )
                    .into_iter()
                    .map(|i| (keys[i].clone(), i))
                    .collect::<Vec<(String, usize)>>()
                })
            })
        });
        MarkerClusters {
            clusters,
            keys,
            shown,
        }
    }
}

/// Opens the marker of `key`'s panel, or closes it if open. The cluster is looked up as it is
/// now: its positions among the matching places may have moved since the marker was drawn,
/// though what it holds has not (the key says what it holds).
fn toggle_marker(
    key: &str,
    open: RwSignal<Option<Marker>>,
    clusters: MarkerClusters,
    matched: Memo<Vec<MapPlace>>,
    data: &DirectoryData,
) {
    if open.with_untracked(|o| o.as_ref().is_some_and(|o| o.key == key)) {
        open.set(None);
        return;
    }
    let now = clusters
        .keys
        .with_untracked(|keys| keys.iter().position(|k| k == key))
        .and_then(|i| {
            matched.with_untracked(|places| {
                clusters
                    .clusters
                    .with_untracked(|c| c.get(i).map(|c| marker(key, c, places, data)))
            })
        });
    open.set(now);
}

/// Roving focus: one marker is in the tab order (the one last focused while still in view,
/// else the first); the arrow keys move between them.
#[derive(Clone, Copy)]
struct RovingFocus {
    /// The markers in view, in their order for the arrow keys.
    shown: Memo<Vec<(String, usize)>>,
    /// The marker last focused.
    active: RwSignal<Option<String>>,
    /// The key of the marker in the tab order.
    tab_stop: Memo<Option<String>>,
}

impl RovingFocus {
    fn new(shown: Memo<Vec<(String, usize)>>) -> Self {
        let active = RwSignal::new(None::<String>);
        let tab_stop = Memo::new(move |_| {
            shown.with(|markers| {
                active
                    .get()
                    .filter(|key| markers.iter().any(|(k, _)| k == key))
                    .or_else(|| markers.first().map(|(k, _)| k.clone()))
            })
        });
        RovingFocus {
            shown,
            active,
            tab_stop,
        }
    }

    /// Moves the focus from the marker `from` (the element `marker`) as the arrow `key` says.
    fn step(self, from: &str, key: &str, marker: &web_sys::Element) {
        let next = self.shown.with_untracked(|markers| {
            let at = markers.iter().position(|(k, _)| k == from)?;
            let to = roving_step(at, markers.len(), key)?;
            Some(markers[to].0.clone())
        });
        if let Some(next) = next {
            self.active.set(Some(next.clone()));
            let sibling = marker
                .parent_element()
                .and_then(|layer| layer.query_selector(&format!("[data-key=\"{next}\"]")).ok())
                .flatten();
            if let Some(sibling) = sibling {
                focus(&sibling);
            }
        }
    }
}

/// The marker an event is about (the one it started in) and its key.
fn marker_of(ev: &web_sys::Event) -> Option<(web_sys::Element, String)> {
    let marker = crate::dom::event_origin(ev)?.closest("[data-key]").ok()??;
    let key = marker.get_attribute("data-key")?;
    Some((marker, key))
}

/// A click on a marker opens or closes its panel.
fn on_marker_click(ev: &leptos::ev::MouseEvent, toggle: Callback<String>) {
    // The second click of a double-click is the zoom's.
    if ev.detail() <= 1
        && let Some((_, key)) = marker_of(ev)
    {
        toggle.run(key);
    }
}

/// The keys on a marker: Enter and Space open or close its panel, Escape closes it, the
/// arrows, Home and End move to another marker.
fn on_marker_key(
    ev: &leptos::ev::KeyboardEvent,
    toggle: Callback<String>,
    open: RwSignal<Option<Marker>>,
    roving: RovingFocus,
) {
    let Some((marker, key)) = marker_of(ev) else {
        return;
    };
    match ev.key().as_str() {
        "Enter" | " " => {
            ev.prevent_default();
            toggle.run(key);
        }
        "Escape" => open.set(None),
        "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp" | "Home" | "End" => {
            ev.prevent_default();
            // The drawing's own arrow keys pan; on a marker they move between markers.
            ev.stop_propagation();
            roving.step(&key, &ev.key(), &marker);
        }
        _ => {}
    }
}

/// Hover and focus name the marker under the map; focus also makes it the tab stop (hover
/// does not: the keyboard's place is not where the mouse happens to rest).
fn name_marker(
    ev: &web_sys::Event,
    hovered: RwSignal<Option<String>>,
    roving: RovingFocus,
    focused: bool,
) {
    if let Some((marker, key)) = marker_of(ev) {
        hovered.set(marker.get_attribute("aria-label"));
        if focused {
            roving.active.set(Some(key));
        }
    }
}

/// What a marker shows of its cluster: its name, whether it is a country's middle only,
/// where it is, and how many co-ops it holds.
struct DrawnMarker {
    label: String,
    country_only: bool,
    x: f64,
    y: f64,
    count: usize,
}

impl DrawnMarker {
    fn new(cluster: &Cluster, places: &[MapPlace], data: &DirectoryData) -> Self {
        DrawnMarker {
            label: marker_name(cluster, places, data),
            country_only: cluster.is_country_only(places),
            x: cluster.x,
            y: cluster.y,
            count: cluster.coops.len(),
        }
    }
}

/// One marker: a dot with its count, named for screen readers, a button that opens its panel.
#[component]
fn MarkerDot(
    /// The cluster's key.
    marker_key: String,
    /// What it shows.
    drawn: DrawnMarker,
    /// The key of the open marker.
    open_key: Memo<Option<String>>,
    /// The key of the marker in the tab order.
    tab_stop: Memo<Option<String>>,
    /// The scale that keeps it its size on screen.
    scale: Memo<String>,
) -> impl IntoView {
    let DrawnMarker {
        label,
        country_only,
        x,
        y,
        count,
    } = drawn;
    let key = marker_key;
    let is_open = {
        let key = key.clone();
        move || open_key.with(|k| k.as_deref() == Some(key.as_str()))
    };
    let tabindex = {
        let key = key.clone();
        move || {
            if tab_stop.with(|k| k.as_deref() == Some(key.as_str())) {
                "0"
            } else {
                "-1"
            }
        }
    };
    view! {
        <g
            class="map-marker"
            class:map-marker--country=country_only
            class:map-marker--open=is_open.clone()
            data-testid="map-marker"
            data-count=count
            data-key=key
            transform=format!("translate({x:.2} {y:.2})")
            role="button"
            tabindex=tabindex
            aria-label=label
            aria-expanded={
                let is_open = is_open.clone();
                move || is_open().to_string()
            }
            aria-controls=move || is_open().then_some(PANEL_ID)
        >
            <g class="map-marker__body" transform=scale>
                <circle class="map-marker__focus" r=MARKER_RADIUS_PX + 3.0 />
                <circle class="map-marker__dot" r=MARKER_RADIUS_PX />
                <text dy="0.35em">{short_count(count)}</text>
            </g>
        </g>
    }
}

/// The panel an open marker shows under the map: its places and their co-ops, a button that
/// filters the list to each place, and for a cluster, one that zooms in to split it.
#[component]
pub(super) fn MarkerPanel(
    data: DirectoryData,
    state: QueryState,
    camera: MapCamera,
    open: RwSignal<Option<Marker>>,
    matched: Memo<Vec<MapPlace>>,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H3>::new();
    // Opening moves focus to the panel, so a keyboard reaches its links next.
    Effect::watch(
        move || open.with(|o| o.as_ref().map(|m| m.key.clone())),
        move |key, _, _| {
            if key.is_some() {
                request_animation_frame(move || {
                    if let Some(heading) = heading.get_untracked() {
                        // Without scrolling: a mouse user keeps the map where it was.
                        let options = web_sys::FocusOptions::new();
                        options.set_prevent_scroll(true);
                        let _ = heading.focus_with_options(&options);
                    }
                });
            }
        },
        false,
    );
    // Closing returns focus to the marker it came from.
    let close = move || {
        let key = open.with_untracked(|o| o.as_ref().map(|m| m.key.clone()));
        open.set(None);
        let marker = key.and_then(|key| {
            camera
                .svg
                .get_untracked()?
                .query_selector(&format!("[data-key=\"{key}\"]"))
                .ok()
                .flatten()
        });
        if let Some(marker) = marker {
            focus(&marker);
        }
    };
    let panel = move || {
        let m = open.get()?;
        // The panel closes when the matching places change, so its indices hold.
        let places: Vec<MapPlace> = matched
            .with_untracked(|all| m.cluster.places_by_size(all).into_iter().cloned().collect());
        let area = bounds(&places, &Frame::world());
        // Read untracked: the panel is not rebuilt at every frame of a zoom.
        let closer = !camera.camera.with_untracked(Camera::at_max_zoom);
        let split = area.filter(|_| places.len() > 1 && closer).map(|area| {
            view! {
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        open.set(None);
                        camera.fly(camera.camera.get_untracked().splitting(area));
                    }
                >
                    {words().text("panel-split")}
                </button>
            }
        });
        let country_note = places
            .iter()
            .any(|p| p.precision == Precision::Country)
            .then(|| view! { <p class="map-panel__note">{words().text("panel-country-only")}</p> });
        let hidden_places = places.len().saturating_sub(PANEL_PLACES);
        let places = places
            .iter()
            .take(PANEL_PLACES)
            .map(|place| place_section(place, &data, &state, open, camera))
            .collect_view();
        Some(view! {
            <section
                id=PANEL_ID
                class="map-panel"
                aria-labelledby="map-panel-title"
                data-testid="map-panel"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        close();
                    }
                }
            >
                <div class="map-panel__head">
                    <h3 id="map-panel-title" class="map-panel__title" tabindex="-1" node_ref=heading>
                        {m.label.clone()}
                    </h3>
                    <button type="button" class="button button--quiet map-panel__close" on:click=move |_| close()>
                        {words().text("panel-close")}
                    </button>
                </div>
                {split}
                {country_note}
                {places}
                {(hidden_places > 0).then(|| view! { <p class="map-panel__note">{panel_more(hidden_places)}</p> })}
            </section>
        })
    };
    view! { <div class="world-map__panel">{panel}</div> }
}

/// One place in the panel: its name and count, its first co-ops, and its filter.
fn place_section(
    place: &MapPlace,
    data: &DirectoryData,
    state: &QueryState,
    open: RwSignal<Option<Marker>>,
    camera: MapCamera,
) -> impl IntoView + use<> {
    let (label, short) = if place.precision == Precision::Country {
        let country = data.country_name(&place.country);
        (country_only(&country), country)
    } else {
        (place.label(&data.directory), place.name.clone())
    };
    let coops = place
        .coops
        .iter()
        .take(PANEL_COOPS)
        .map(|&i| {
            let coop = &data.directory.coops[i as usize];
            let (id, name) = (coop.id.clone(), coop.name.clone());
            let item_id = id.clone();
            view! { <li data-coop-id=item_id><CoopLink id>{name}</CoopLink></li> }
        })
        .collect_view();
    let more = place.coops.len().saturating_sub(PANEL_COOPS);
    let (id, state) = (place.id.clone(), state.clone());
    let filter = move |_| {
        open.set(None);
        let id = id.clone();
        state.update(History::Push, move |q| q.place = Some(id));
        // The button goes with the panel; the map keeps the focus.
        camera.focus_drawing();
    };
    view! {
        <section class="map-panel__place">
            <h4 class="map-panel__place-name">{label} " · " {coops_count(place.coops.len())}</h4>
            <ul class="map-panel__coops">{coops}</ul>
            {(more > 0).then(|| view! { <p class="map-panel__note">{panel_more(more)}</p> })}
            <button type="button" class="button" data-testid="map-place-filter" on:click=filter>
                {show_place_only(&short)}
            </button>
        </section>
    }
}
