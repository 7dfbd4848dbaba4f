//! The map of places at 10,000 co-ops (issue 19): a wheel zoom and a drag replayed one event
//! per frame, with the work of each frame timed, the frames that re-clustered picked out, and
//! the markers in the page counted against what the drawing can show.
//!
//! The dataset is the real list grown with [`e2e::synth::synthetic`] and then
//! [`e2e::synth::scattered`], so that every copy is at a place of its own: 10,000 co-ops at
//! about as many places, more than any real directory has.
//!
//! A frame's work is timed from the event's dispatch, inside an animation frame, until the app
//! has run (its reactive updates are tasks, so a macrotask later) and the browser has recomputed
//! style and layout (forced by reading the drawing's box and a marker's transform): the script,
//! style and layout that must fit in the frame. Painting is the compositor's, on other threads.
//!
//! For investigating: `BENCH_MAP_COOPS=171` measures another size, `BENCH_MAP_VERBOSE=1` prints
//! every frame.

use coops_core::load::load_directory;
use e2e::{AppPage, Browser, Reply, StaticServer, dist_dir};
use serde_json::{Value, json};

use crate::keystroke::percentile;
use crate::{budget_row, gzip_len};

pub const COOPS: usize = 10_000;
const FRAME_BUDGET_MS: f64 = 16.0;
/// The map's assets for the world view (gzip): the geometry (issue 19).
const MAP_ASSETS_BUDGET: f64 = 60.0 * 1024.0;
/// The marker spacing the app clusters at ([`coops_core::camera::CLUSTER_DISTANCE_PX`]):
/// the most markers a drawing of a given size can hold without overlapping.
const CLUSTER_DISTANCE_PX: f64 = coops_core::camera::CLUSTER_DISTANCE_PX;

const REPLAY: &str = r#"
const done = arguments[arguments.length - 1];
performance.clearMeasures(arguments[0]);
const svg = document.querySelector('[data-testid=world-map]');
const layer = svg.querySelector('.world-map__markers');
const frame = () => new Promise(r => requestAnimationFrame(r));
const task = () => new Promise(r => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
const keys = () => [...layer.children].map(m => m.dataset.key).join(' ');
svg.scrollIntoView({ block: 'center' });
(async () => {
  await frame();
  const box = svg.getBoundingClientRect();
  const [cx, cy] = [box.left + box.width * 0.52, box.top + box.height * 0.3];
  const samples = [];
  let maxMarkers = layer.children.length;
  const step = async (kind, make) => {
    await frame();
    const before = keys();
    const t0 = performance.now();
    svg.dispatchEvent(make());
    await task();
    const script = performance.now() - t0;
    svg.getBoundingClientRect();
    const first = layer.firstElementChild;
    if (first) getComputedStyle(first.firstElementChild).transform;
    const work = performance.now() - t0;
    const after = keys();
    maxMarkers = Math.max(maxMarkers, layer.children.length);
    samples.push({ kind, work, script, reclustered: before !== after && kind === 'wheel', zoom: +svg.dataset.zoom });
  };
  // An event the app does not listen to: what the measurement itself costs.
  for (let i = 0; i < 20; i++) {
    await step('idle', () => new Event('tc-idle'));
  }
  // Three rounds, for a steadier 95th percentile; the view is reset between them.
  for (let round = 0; round < 3; round++) {
    // A wheel zoom towards Europe: 40 notches of a trackpad, in, then half of them out.
    for (let i = 0; i < 40; i++) {
      await step('wheel', () => new WheelEvent('wheel', { deltaY: -30, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
    }
    for (let i = 0; i < 20; i++) {
      await step('wheel', () => new WheelEvent('wheel', { deltaY: 30, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
    }
    // A drag across the drawing and back.
    const pointer = (type, x, y) => new PointerEvent(type, { pointerId: 1, pointerType: 'mouse', button: 0, buttons: 1, clientX: x, clientY: y, bubbles: true, cancelable: true });
    await step('drag', () => pointer('pointerdown', cx, cy));
    for (let i = 1; i <= 60; i++) {
      const x = cx + (i <= 30 ? i : 60 - i) * 8;
      await step('drag', () => pointer('pointermove', x, cy + (i % 10)));
    }
    await step('drag', () => pointer('pointerup', cx, cy));
    await step('reset', () => new KeyboardEvent('keydown', { key: '0', bubbles: true }));
  }
  const clustering = performance.getEntriesByName(arguments[0]).map(m => m.duration);
  done({ samples, clustering, maxMarkers, width: box.width, height: box.height, zoom: +svg.dataset.zoom });
})();
"#;

/// Measures the replay; returns the figures and prints them.
pub async fn run() -> Value {
    let base_text =
        std::fs::read_to_string(dist_dir().join("data/directory.json")).expect("dist/ built");
    let base = load_directory(&base_text).expect("dataset").directory;
    // BENCH_MAP_COOPS=171 measures another size, to tell the drawing's cost from the markers'.
    let coops = std::env::var("BENCH_MAP_COOPS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(COOPS);
    let grown = e2e::synth::scattered(e2e::synth::synthetic(&base, coops), base.coops.len());
    let places = coops_core::places::map_places(&grown.coops).len();
    let data = serde_json::to_vec(&grown).unwrap();
    let server = StaticServer::start(dist_dir());
    server.set("/data/directory.json", Reply::json(data));
    let browser = Browser::start().await;
    let app = AppPage::new(browser.client.clone(), server.clone());
    app.open("/").await;
    app.wait_for_count(e2e::synth::trading(&grown)).await;
    app.find("[data-testid=world-map] [data-testid=map-marker]")
        .await;
    let replay = app
        .client
        .execute_async(REPLAY, vec![json!(coops_core::names::MAP_CLUSTER_MEASURE)])
        .await
        .expect("the replay script");
    browser.close().await;
    server.stop();

    let samples = replay["samples"].as_array().cloned().unwrap_or_default();
    let work = |filter: &dyn Fn(&Value) -> bool| -> Vec<f64> {
        samples
            .iter()
            .filter(|s| filter(s))
            .filter_map(|s| s["work"].as_f64())
            .collect()
    };
    let max = |v: &[f64]| v.iter().copied().fold(f64::NAN, f64::max);
    let mut wheel = work(&|s| s["kind"] == "wheel");
    let mut drag = work(&|s| s["kind"] == "drag");
    let mut idle = work(&|s| s["kind"] == "idle");
    let mut all = work(&|s| s["kind"] == "wheel" || s["kind"] == "drag");
    let mut reclustered = work(&|s| s["reclustered"] == true);
    let mut clustering: Vec<f64> = replay["clustering"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect();
    let clustering_max = max(&clustering);
    let mut script: Vec<f64> = samples
        .iter()
        .filter(|s| s["kind"] == "wheel" || s["kind"] == "drag")
        .filter_map(|s| s["script"].as_f64())
        .collect();
    if std::env::var_os("BENCH_MAP_VERBOSE").is_some() {
        for s in &samples {
            eprintln!(
                "{} {:.1} zoom {} {}",
                s["kind"],
                s["work"].as_f64().unwrap_or(0.0),
                s["zoom"],
                if s["reclustered"] == true {
                    "RECLUSTER"
                } else {
                    ""
                }
            );
        }
    }
    let recluster_max = max(&reclustered);
    let (width, height) = (
        replay["width"].as_f64().unwrap_or(f64::NAN),
        replay["height"].as_f64().unwrap_or(f64::NAN),
    );
    let marker_bound = ((width / CLUSTER_DISTANCE_PX).ceil() + 1.0)
        * ((height / CLUSTER_DISTANCE_PX).ceil() + 1.0);
    let geometry = std::fs::read(dist_dir().join("data/world.json")).expect("dist/data/world.json");
    // Fetched only from zoom 4 on, so not part of the world view's budget.
    let close_up = std::fs::read(dist_dir().join("data/world-close.json"))
        .expect("dist/data/world-close.json");
    let figures = json!({
        "coops": coops,
        "places": places,
        "frames": all.len(),
        "idle_frame_ms_p50": percentile(&mut idle, 0.5),
        "frame_work_ms_p50": percentile(&mut all.clone(), 0.5),
        "frame_work_ms_p95": percentile(&mut all, 0.95),
        "script_ms_p50": percentile(&mut script.clone(), 0.5),
        "script_ms_p95": percentile(&mut script, 0.95),
        "wheel_ms_p95": percentile(&mut wheel, 0.95),
        "drag_ms_p95": percentile(&mut drag, 0.95),
        "reclusters": reclustered.len(),
        "recluster_ms_p95": percentile(&mut reclustered, 0.95),
        "recluster_ms_max": crate::round(recluster_max),
        "clusterings": clustering.len(),
        "clustering_ms_p50": percentile(&mut clustering, 0.5),
        "clustering_ms_max": crate::round(clustering_max),
        "final_zoom": replay["zoom"],
        "max_markers": replay["maxMarkers"],
        "marker_bound": marker_bound,
        "map_assets_gzip_bytes": gzip_len(&geometry),
        "close_up_gzip_bytes": gzip_len(&close_up),
    });
    println!(
        "\nThe map at {coops} co-ops ({places} places): a wheel zoom and a drag, one event per frame"
    );
    println!(
        "  an idle frame measures {} ms (p50): the measurement's own cost",
        figures["idle_frame_ms_p50"]
    );
    println!(
        "  frame work p50 {} ms, p95 {} ms (of which the app's script p50 {}, p95 {}; wheel p95 {}, drag p95 {}); {} re-clusterings, p95 {} ms, max {} ms",
        figures["frame_work_ms_p50"],
        figures["frame_work_ms_p95"],
        figures["script_ms_p50"],
        figures["script_ms_p95"],
        figures["wheel_ms_p95"],
        figures["drag_ms_p95"],
        figures["reclusters"],
        figures["recluster_ms_p95"],
        figures["recluster_ms_max"]
    );
    println!(
        "  clustering itself ({} times): p50 {} ms, max {} ms",
        figures["clusterings"], figures["clustering_ms_p50"], figures["clustering_ms_max"]
    );
    println!(
        "  markers in the page at most {} (a {width:.0} x {height:.0} px drawing holds at most {marker_bound:.0} apart); map assets {:.1} KB gzip, and {:.1} KB more from zoom 4 (the close-up shapes)",
        figures["max_markers"],
        gzip_len(&geometry) as f64 / 1024.0,
        gzip_len(&close_up) as f64 / 1024.0
    );
    figures
}

/// Issue 19's budgets.
pub fn budgets(map: &Value) -> Vec<Value> {
    let f = |key: &str| map[key].as_f64().unwrap_or(f64::NAN);
    vec![
        budget_row(
            &format!("map frame work p95 at {COOPS} co-ops, wheel zoom and drag"),
            f("frame_work_ms_p95"),
            FRAME_BUDGET_MS,
            "ms",
            None,
        ),
        budget_row(
            "map re-clustering (slowest), within a frame",
            f("clustering_ms_max"),
            FRAME_BUDGET_MS,
            "ms",
            Some(format!(
                "the frames that re-clustered took p95 {} ms in all",
                map["recluster_ms_p95"]
            )),
        ),
        budget_row(
            "markers in the page, against what the drawing holds",
            f("max_markers"),
            f("marker_bound"),
            "markers",
            None,
        ),
        budget_row(
            "map assets for the world view (gzip)",
            f("map_assets_gzip_bytes") / 1024.0,
            MAP_ASSETS_BUDGET / 1024.0,
            "KB",
            None,
        ),
    ]
}
