//! The map of places: markers and clusters, zoom and pan by wheel, drag, touch, keys and
//! buttons, and the panel that leads from a marker to the list. Input is real where the
//! browser allows it: wheel, mouse and touch events go through DevTools' `Input` domain, as a
//! device's would.

use e2e::{AppPage, run};
use serde_json::{Value, json};

const MAP: &str = "[data-testid=world-map]";
const MARKER: &str = "[data-testid=world-map] [data-testid=map-marker]";

/// The map's zoom (`data-zoom`).
async fn zoom(app: &AppPage) -> f64 {
    let value = app
        .js(
            &format!("return document.querySelector('{MAP}').dataset.zoom"),
            vec![],
        )
        .await;
    value
        .as_str()
        .and_then(|z| z.parse().ok())
        .expect("a numeric data-zoom")
}

/// The map's `viewBox` as numbers.
async fn view_box(app: &AppPage) -> Vec<f64> {
    let value = app
        .js(
            &format!("return document.querySelector('{MAP}').getAttribute('viewBox')"),
            vec![],
        )
        .await;
    value
        .as_str()
        .expect("a viewBox")
        .split(' ')
        .map(|n| n.parse().expect("a number"))
        .collect()
}

/// Waits until the zoom satisfies `test` (a JavaScript condition on `z`), animations included.
async fn wait_for_zoom(app: &AppPage, what: &str, test: &str) -> f64 {
    app.wait_until(
        what,
        &format!("(z => {test})(parseFloat(document.querySelector('{MAP}').dataset.zoom))"),
    )
    .await;
    // The condition holds; an animation may still be landing (it takes 250 ms).
    let mut last = zoom(app).await;
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        let now = zoom(app).await;
        if now == last {
            break;
        }
        last = now;
    }
    zoom(app).await
}

/// Scrolls the map into the middle of the window and returns its centre in viewport pixels.
async fn map_centre(app: &AppPage) -> (f64, f64) {
    let at = app
        .js(
            &format!(
                "const m = document.querySelector('{MAP}'); m.scrollIntoView({{block: 'center'}}); \
                 const r = m.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];"
            ),
            vec![],
        )
        .await;
    (at[0].as_f64().unwrap(), at[1].as_f64().unwrap())
}

async fn mouse(app: &AppPage, kind: &str, (x, y): (f64, f64), extra: Value) {
    let mut params =
        json!({ "type": kind, "x": x, "y": y, "button": "left", "buttons": 1, "clickCount": 1 });
    if kind == "mouseMoved" && extra.is_null() {
        params["button"] = json!("none");
    }
    if let (Some(p), Some(e)) = (params.as_object_mut(), extra.as_object()) {
        p.extend(e.clone());
    }
    app.cdp("Input.dispatchMouseEvent", params).await;
}

async fn touch(app: &AppPage, kind: &str, points: &[(f64, f64)]) {
    let points: Vec<Value> = points
        .iter()
        .enumerate()
        .map(|(id, &(x, y))| json!({ "x": x, "y": y, "id": id }))
        .collect();
    app.cdp(
        "Input.dispatchTouchEvent",
        json!({ "type": kind, "touchPoints": points }),
    )
    .await;
}

/// The markers' `(aria-label, data-count, data-key)`.
async fn markers(app: &AppPage) -> Vec<(String, usize, String)> {
    let value = app
        .js(
            &format!(
                "return [...document.querySelectorAll('{MARKER}')].map(m => \
                 [m.getAttribute('aria-label'), +m.dataset.count, m.dataset.key])"
            ),
            vec![],
        )
        .await;
    value
        .as_array()
        .expect("markers")
        .iter()
        .map(|m| {
            (
                m[0].as_str().unwrap_or_default().to_string(),
                m[1].as_u64().unwrap_or_default() as usize,
                m[2].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

async fn open_map(app: &AppPage, path: &str) {
    app.open(path).await;
    app.find(MARKER).await;
}

#[tokio::test]
async fn markers_name_their_places_and_count_every_placed_coop() {
    run(|app| async move {
        open_map(&app, "/").await;
        let shown = markers(&app).await;
        assert!(shown.len() > 10, "{} markers", shown.len());
        for (label, count, _) in &shown {
            let n = if *count == 1 {
                "1 co-op".to_string()
            } else {
                format!("{count} co-ops")
            };
            assert!(
                label.ends_with(&format!(": {n}")),
                "{label:?} says its count {count}"
            );
        }
        // Every co-op the list places at a city or country is in one marker at the world view.
        let placed: std::collections::BTreeSet<u64> =
            e2e::expected::active_coops(&e2e::expected::dataset())
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c["location"]["places"]
                        .as_array()
                        .is_some_and(|p| !p.is_empty())
                })
                .map(|(i, _)| i as u64)
                .collect();
        let total: usize = shown.iter().map(|m| m.1).sum();
        assert!(
            total >= placed.len(),
            "{total} in markers, {} placed",
            placed.len()
        );
        // Markers say which are placed at a country only.
        assert!(
            shown.iter().any(|m| m.0.contains("(no city given)")),
            "a country-only marker: {shown:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn wheel_zoom_and_drag_change_the_view() {
    run(|app| async move {
        open_map(&app, "/").await;
        assert_eq!(zoom(&app).await, 1.0);
        let centre = map_centre(&app).await;
        let scroll = app.js("return scrollY", vec![]).await;
        mouse(
            &app,
            "mouseWheel",
            centre,
            json!({ "deltaX": 0, "deltaY": -480, "button": "none", "buttons": 0 }),
        )
        .await;
        let zoomed = wait_for_zoom(&app, "the wheel to zoom in", "z > 3").await;
        assert_eq!(
            app.js("return scrollY", vec![]).await,
            scroll,
            "the wheel zooms the map, not the page"
        );
        // Zoomed around the pointer: the centre of the map is still the centre.
        let view = view_box(&app).await;
        assert!((view[0] + view[2] / 2.0 - 500.0).abs() < 5.0, "{view:?}");

        // A drag to the right shows more of the west.
        let before = view_box(&app).await;
        mouse(&app, "mousePressed", centre, Value::Null).await;
        for step in 1..=5 {
            mouse(
                &app,
                "mouseMoved",
                (centre.0 + 30.0 * f64::from(step), centre.1),
                json!({ "button": "left", "buttons": 1 }),
            )
            .await;
        }
        mouse(
            &app,
            "mouseReleased",
            (centre.0 + 150.0, centre.1),
            Value::Null,
        )
        .await;
        let after = view_box(&app).await;
        assert!(
            after[0] < before[0] - 10.0,
            "the view moved west: {before:?} -> {after:?}"
        );
        assert_eq!(zoom(&app).await, zoomed, "a drag does not zoom");
        assert!(
            app.path().await.ends_with('/'),
            "no history entry: {}",
            app.path().await
        );

        // Double-click zooms in once more.
        mouse(&app, "mousePressed", centre, Value::Null).await;
        mouse(&app, "mouseReleased", centre, Value::Null).await;
        mouse(&app, "mousePressed", centre, json!({ "clickCount": 2 })).await;
        mouse(&app, "mouseReleased", centre, json!({ "clickCount": 2 })).await;
        wait_for_zoom(
            &app,
            "a double-click to zoom in",
            &format!("z > {zoomed} * 1.9"),
        )
        .await;
        // Its clicks neither filter by the country under them nor open a marker's panel.
        assert!(
            !app.path().await.contains("country="),
            "{}",
            app.path().await
        );

        // At the widest zoom, the wheel scrolls the page again.
        app.js(&format!("document.querySelector('{MAP}').focus()"), vec![])
            .await;
        app.press("0").await;
        wait_for_zoom(&app, "the whole world", "z === 1").await;
        let centre = map_centre(&app).await;
        let scroll: f64 = app.js("return scrollY", vec![]).await.as_f64().unwrap();
        mouse(
            &app,
            "mouseWheel",
            centre,
            json!({ "deltaX": 0, "deltaY": 240, "button": "none", "buttons": 0 }),
        )
        .await;
        app.wait_until("the page to scroll", &format!("scrollY > {scroll} + 20"))
            .await;
        assert_eq!(zoom(&app).await, 1.0);
    })
    .await;
}

#[tokio::test]
async fn the_buttons_and_keys_zoom_pan_and_reset() {
    run(|app| async move {
        open_map(&app, "/").await;
        app.click_button("+").await;
        wait_for_zoom(&app, "Zoom in", "z === 2").await;
        let named = app
            .js(
                "return [...document.querySelectorAll('.world-map__controls button')].map(b => b.getAttribute('aria-label'))",
                vec![],
            )
            .await;
        assert_eq!(named, json!(["Zoom in", "Zoom out", "Reset map"]));
        app.click(".world-map__controls button[aria-label='Zoom out']").await;
        wait_for_zoom(&app, "Zoom out", "z === 1").await;

        app.js(&format!("document.querySelector('{MAP}').focus()"), vec![]).await;
        app.press("+").await;
        wait_for_zoom(&app, "+ to zoom in", "z === 2").await;
        app.press("+").await;
        wait_for_zoom(&app, "+ again", "z === 4").await;
        let before = view_box(&app).await;
        app.press("\u{E014}").await; // →
        app.wait_until(
            "→ to pan east",
            &format!("parseFloat(document.querySelector('{MAP}').getAttribute('viewBox')) > {} + 10", before[0]),
        )
        .await;
        app.press("\u{E015}").await; // ↓
        app.wait_until(
            "↓ to pan south",
            &format!("parseFloat(document.querySelector('{MAP}').getAttribute('viewBox').split(' ')[1]) > {} + 5", before[1]),
        )
        .await;
        app.press("-").await;
        wait_for_zoom(&app, "- to zoom out", "z === 2").await;
        app.press("0").await;
        wait_for_zoom(&app, "0 to reset", "z === 1").await;
        app.press("+").await;
        wait_for_zoom(&app, "+", "z === 2").await;
        app.click(".world-map__controls button[aria-label='Reset map']").await;
        wait_for_zoom(&app, "Reset map", "z === 1").await;
        assert_eq!(view_box(&app).await[0], 0.0);
        assert!(!app.path().await.contains('?'), "no history of the view: {}", app.path().await);
    })
    .await;
}

#[tokio::test]
async fn two_fingers_pinch_the_map_and_one_finger_scrolls_the_page() {
    run(|app| async move {
        open_map(&app, "/").await;
        let (x, y) = map_centre(&app).await;
        // Apart by 60 px, then by 240: four times closer.
        touch(&app, "touchStart", &[(x - 30.0, y), (x + 30.0, y)]).await;
        for spread in [60.0, 120.0, 180.0, 240.0] {
            touch(
                &app,
                "touchMove",
                &[(x - spread / 2.0, y), (x + spread / 2.0, y)],
            )
            .await;
        }
        touch(&app, "touchEnd", &[]).await;
        let pinched = wait_for_zoom(&app, "the pinch to zoom in", "z > 3").await;
        assert!(pinched < 5.0, "about four times: {pinched}");

        // One finger drags the page, not the map, and the map says how to move it.
        let scroll: f64 = app.js("return scrollY", vec![]).await.as_f64().unwrap();
        let view = view_box(&app).await;
        touch(&app, "touchStart", &[(x, y + 60.0)]).await;
        for step in 1..=6 {
            touch(&app, "touchMove", &[(x, y + 60.0 - 20.0 * f64::from(step))]).await;
        }
        touch(&app, "touchEnd", &[]).await;
        app.wait_until("the page to scroll", &format!("scrollY > {scroll} + 30"))
            .await;
        assert_eq!(view_box(&app).await, view, "the map did not move");
        let hint = app.text(".world-map__touch-hint").await;
        assert!(hint.contains("two fingers"), "{hint:?}");

        // A double tap zooms in where it taps.
        let before = zoom(&app).await;
        let (x, y) = map_centre(&app).await;
        for _ in 0..2 {
            touch(&app, "touchStart", &[(x, y)]).await;
            touch(&app, "touchEnd", &[]).await;
        }
        wait_for_zoom(
            &app,
            "a double tap to zoom in",
            &format!("z > {before} * 1.9"),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_cluster_splits_when_zoomed_in() {
    run(|app| async move {
        open_map(&app, "/").await;
        let shown = markers(&app).await;
        let (label, count, key) = shown
            .iter()
            .filter(|m| m.0.contains(" more places"))
            .max_by_key(|m| m.1)
            .cloned()
            .expect("a cluster of several places at the world view");
        app.click(&format!("{MARKER}[data-key='{key}']")).await;
        let title = app.text("[data-testid=map-panel] h3").await;
        assert_eq!(title, label);
        app.click_button("Zoom in to split").await;
        wait_for_zoom(&app, "the split", "z >= 2").await;
        let after = markers(&app).await;
        assert!(
            after.iter().all(|m| m.2 != key),
            "the cluster {key} is gone: {after:?}"
        );
        assert!(after.len() > 1, "split into several: {after:?}");
        let biggest = label.split([',', ':']).next().unwrap().trim();
        assert!(
            after
                .iter()
                .any(|m| m.0.starts_with(biggest) && m.1 < count),
            "{biggest} on a marker of its own, or in a smaller cluster: {after:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_markers_panel_lists_its_coops_and_filters_the_list_to_its_place() {
    run(|app| async move {
        open_map(&app, "/?region=europe").await;
        let all = app.result_count().await;
        // A single city with a few co-ops, splitting the biggest cluster until one stands alone.
        let mut found = None;
        for _ in 0..6 {
            let shown = markers(&app).await;
            found = shown
                .iter()
                .filter(|m| !m.0.contains(" and ") && !m.0.contains("(no city") && (2..=8).contains(&m.1))
                .max_by_key(|m| m.1)
                .cloned();
            if found.is_some() {
                break;
            }
            let biggest = shown.iter().filter(|m| m.0.contains(" and ")).max_by_key(|m| m.1).expect("a cluster");
            let z = zoom(&app).await;
            app.click(&format!("{MARKER}[data-key='{}']", biggest.2)).await;
            app.click_button("Zoom in to split").await;
            wait_for_zoom(&app, "a step closer", &format!("z > {z} * 1.9")).await;
        }
        let (label, count, key) = found.expect("a city with two to eight co-ops");
        let marker = format!("{MARKER}[data-key='{key}']");
        app.js(&format!("document.querySelector(\"{marker}\").focus()"), vec![]).await;
        let caption = app.text("[data-testid=map-caption]").await;
        assert_eq!(caption, label, "focus names the place and count");
        app.press("\u{E007}").await; // Enter
        app.wait_until("focus in the panel", "document.activeElement.id === 'map-panel-title'").await;
        let listed: Vec<String> = app
            .js(
                "return [...document.querySelectorAll('[data-testid=map-panel] li[data-coop-id]')].map(li => li.dataset.coopId)",
                vec![],
            )
            .await
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        assert_eq!(listed.len(), count, "{label}: {listed:?}");
        let link = app.js("return document.querySelector('[data-testid=map-panel] li a').getAttribute('href')", vec![]).await;
        assert!(link.as_str().unwrap().starts_with("/coops/"), "{link}");

        // Escape closes it and returns to the marker.
        app.press("\u{E00C}").await;
        app.wait_until("focus back on the marker", &format!("document.activeElement.dataset.key === '{key}'")).await;
        app.press("\u{E007}").await;
        app.click("[data-testid=map-place-filter]").await;
        app.wait_until("the place in the URL", "location.search.includes('place=')").await;
        app.wait_for_count(count).await;
        let mut ids = app.coop_ids().await;
        ids.sort();
        let mut expected = listed.clone();
        expected.sort();
        assert_eq!(ids, expected, "the list holds the panel's co-ops");
        let chip = app.text("[data-testid=place-filter]").await;
        assert!(chip.contains(label.split(':').next().unwrap()), "{chip:?}");
        app.back().await;
        app.wait_for_count(all).await;
    })
    .await;
}

#[tokio::test]
async fn roving_focus_walks_the_markers_in_reading_order() {
    run(|app| async move {
        open_map(&app, "/").await;
        app.tab_to(MAP, 60).await;
        app.press("\u{E004}").await;
        let first = markers(&app).await[0].2.clone();
        app.wait_until(
            "the first marker",
            &format!("document.activeElement.dataset.key === '{first}'"),
        )
        .await;
        app.press("\u{E014}").await; // → to the next marker, not a pan
        let second = markers(&app).await[1].2.clone();
        app.wait_until(
            "the second marker",
            &format!("document.activeElement.dataset.key === '{second}'"),
        )
        .await;
        assert_eq!(zoom(&app).await, 1.0);
        assert_eq!(
            view_box(&app).await[0],
            0.0,
            "arrows on a marker do not pan"
        );
        // One tab stop for all the markers: Tab leaves them.
        app.press("\u{E004}").await;
        let left = app
            .js(
                "return document.activeElement.dataset.testid !== 'map-marker'",
                vec![],
            )
            .await;
        assert_eq!(left, json!(true), "{}", app.focused().await);
    })
    .await;
}

#[tokio::test]
async fn choosing_a_region_or_a_country_zooms_the_map_and_clearing_returns() {
    run(|app| async move {
        open_map(&app, "/").await;
        app.choose("facet-region", "europe").await;
        let europe = wait_for_zoom(&app, "Europe to zoom in", "z > 2").await;
        // Only markers in view are drawn.
        let view = view_box(&app).await;
        let outside = app
            .js(
                &format!(
                    "return [...document.querySelectorAll('{MARKER}')].filter(m => {{ \
                     const t = m.transform.baseVal.consolidate().matrix; \
                     return t.e < {} - 20 || t.e > {} + 20 || t.f < {} - 20 || t.f > {} + 20; }}).length",
                    view[0], view[0] + view[2], view[1], view[1] + view[3]
                ),
                vec![],
            )
            .await;
        assert_eq!(outside, json!(0), "markers outside the view: {view:?}");
        app.choose("facet-country", "FR").await;
        wait_for_zoom(&app, "France to zoom closer", &format!("z > {europe}")).await;
        app.choose("facet-country", "").await;
        wait_for_zoom(&app, "back to Europe", &format!("Math.abs(z - {europe}) < 0.01")).await;
        app.choose("facet-region", "").await;
        wait_for_zoom(&app, "back to the world", "z === 1").await;
    })
    .await;
}

#[tokio::test]
async fn the_map_is_accessible_at_every_zoom_in_light_and_dark() {
    run(|app| async move {
        for scheme in ["light", "dark"] {
            app.set_color_scheme(scheme).await;
            open_map(&app, "/?region=europe").await;
            let home = wait_for_zoom(&app, "Europe", "z > 2").await;
            let (_, _, key) = markers(&app)
                .await
                .into_iter()
                .next()
                .expect("a marker in Europe");
            app.click(&format!("{MARKER}[data-key='{key}']")).await;
            app.find("[data-testid=map-panel]").await;
            app.assert_accessible(&format!("the map of Europe with a panel open ({scheme})"))
                .await;
            app.js(&format!("document.querySelector('{MAP}').focus()"), vec![])
                .await;
            let mut at = home;
            for _ in 0..3 {
                app.press("++").await;
                let z = wait_for_zoom(
                    &app,
                    "two steps closer",
                    &format!("z >= Math.min(64, {at} * 3.9)"),
                )
                .await;
                at = z;
                app.assert_accessible(&format!("the map at zoom {z} ({scheme})"))
                    .await;
                if z >= 64.0 {
                    break;
                }
            }
        }
    })
    .await;
}

/// Waits until the map draws the shapes of `detail` (`world` or `close-up`).
async fn wait_for_detail(app: &AppPage, what: &str, detail: &str) {
    app.wait_until(
        what,
        &format!(
            "document.querySelector('{MAP} .world-map__countries').dataset.detail === '{detail}'"
        ),
    )
    .await;
}

#[tokio::test]
async fn close_up_the_map_draws_finer_shapes_fetched_only_then() {
    let shape = |code: &str| {
        format!(
            "return document.querySelector('{MAP} [data-country={code}]').getAttribute('d').length"
        )
    };
    let asked = "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/data/world-close.json')).length";
    run(|app| async move {
        open_map(&app, "/").await;
        let world_fr = app.js(&shape("FR"), vec![]).await.as_u64().unwrap();
        assert_eq!(
            app.js(asked, vec![]).await,
            json!(0),
            "nothing fetched for the world view"
        );
        wait_for_detail(&app, "the world view's shapes", "world").await;
        // Two steps in: zoom 4, close up.
        app.click_button("+").await;
        wait_for_zoom(&app, "Zoom in", "z === 2").await;
        app.click_button("+").await;
        wait_for_zoom(&app, "Zoom in again", "z === 4").await;
        wait_for_detail(&app, "the close-up shapes", "close-up").await;
        let close_fr = app.js(&shape("FR"), vec![]).await.as_u64().unwrap();
        assert!(
            close_fr > 2 * world_fr,
            "France close up: {close_fr} against {world_fr}"
        );
        // A country too small for the world view is drawn close up, shaded like the rest.
        let andorra = app
            .js(
                &format!("return document.querySelectorAll('{MAP} [data-country=AD]').length"),
                vec![],
            )
            .await;
        assert_eq!(andorra, json!(1));
        assert_eq!(app.js(asked, vec![]).await, json!(1));
        // Named in the caption while the pointer rests on it...
        app.js(
            &format!("document.querySelector('{MAP} [data-country=AD]').dispatchEvent(new MouseEvent('mouseenter'))"),
            vec![],
        )
        .await;
        let caption = "return document.querySelector('[data-testid=map-caption]').textContent";
        let named = app.js(caption, vec![]).await;
        assert!(named.as_str().unwrap().starts_with("Andorra"), "{named}");
        // Back to the world: its own shapes again, and nothing fetched twice.
        app.click(".world-map__controls button[aria-label='Reset map']")
            .await;
        wait_for_zoom(&app, "Reset", "z === 1").await;
        wait_for_detail(&app, "the world view's shapes", "world").await;
        assert_eq!(
            app.js(&shape("FR"), vec![]).await.as_u64().unwrap(),
            world_fr
        );
        // ...and no longer once it is gone, though no mouseleave came.
        let hint = app.js(caption, vec![]).await;
        assert!(!hint.as_str().unwrap().contains("Andorra"), "{hint}");
        assert_eq!(
            app.js(
                &format!("return document.querySelectorAll('{MAP} [data-country=AD]').length"),
                vec![]
            )
            .await,
            json!(0)
        );
        app.click_button("+").await;
        app.click_button("+").await;
        wait_for_zoom(&app, "close again", "z === 4").await;
        wait_for_detail(&app, "the close-up shapes again", "close-up").await;
        assert_eq!(app.js(asked, vec![]).await, json!(1), "fetched once");
    })
    .await;
}

#[tokio::test]
async fn a_coop_pages_map_draws_a_border_town_in_its_own_country_from_its_own_file() {
    // Geneva sits on the French border: the world view's shapes drew it in France.
    let text = std::fs::read_to_string(e2e::dist_dir().join("data/directory.json")).unwrap();
    let directory = coops_core::load::load_directory(&text).unwrap().directory;
    let id = directory
        .coops
        .iter()
        .find(|c| {
            c.location
                .places
                .first()
                .is_some_and(|p| p.name == "Geneva")
        })
        .expect("a co-op in Geneva in the bundled list")
        .id
        .clone();
    run(|app| async move {
        app.open(&format!("/coops/{id}")).await;
        app.find("[data-testid=locator-svg] circle").await;
        let fetched = app
            .js(
                "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => p.includes('/data/'))",
                vec![],
            )
            .await;
        let fetched: Vec<String> = serde_json::from_value(fetched).unwrap();
        assert!(
            fetched.contains(&format!("/data/locator/{id}.json")),
            "{fetched:?}"
        );
        assert!(!fetched.iter().any(|p| p.starts_with("/data/world")), "{fetched:?}");
        let under = app
            .js(
                "const svg = document.querySelector('[data-testid=locator-svg]'); \
                 const dot = svg.querySelector('circle'); \
                 const at = new DOMPoint(+dot.getAttribute('cx'), +dot.getAttribute('cy')); \
                 return [...svg.querySelectorAll('path[data-country]')].filter(p => p.isPointInFill(at)).map(p => p.dataset.country)",
                vec![],
            )
            .await;
        assert_eq!(under, json!(["CH"]));
    })
    .await;
}
