//! Cold loads of a site in headless Chromium: first contentful paint, time until the page is
//! usable, time until it is complete, and the bytes that went over the wire, by kind: those
//! sent before it was usable (the first view) and all of them.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use e2e::{AppPage, Browser, Served, StaticServer};
use serde_json::{Value, json};

use crate::round;

/// A network and CPU to load on.
pub struct Profile {
    /// Its name in the output.
    pub name: &'static str,
    /// DevTools throttling: (round trip ms, download bytes/s, CPU slowdown); `None` is the
    /// machine as it is, on loopback.
    pub throttle: Option<(u32, u32, u32)>,
    /// Cold loads measured; the median is reported.
    pub runs: usize,
}

/// The profiles of the issue: loopback, and a slow phone on a slow network (4x CPU, 150 ms
/// round trip, 1.6 Mbit/s down).
pub const PROFILES: [Profile; 2] = [
    Profile {
        name: "loopback",
        throttle: None,
        runs: 15,
    },
    Profile {
        name: "slow",
        throttle: Some((150, 1_600_000 / 8, 4)),
        runs: 5,
    },
];

/// What is loaded, and what "usable" means for it.
pub struct Site {
    /// Its name in the output.
    pub name: &'static str,
    /// The directory served.
    pub root: PathBuf,
    /// The address opened.
    pub path: &'static str,
    /// Script returning the milliseconds (since navigation) at which the page became usable,
    /// or null while it is not yet.
    pub ready: &'static str,
    /// What "usable" means, for the output.
    pub ready_means: &'static str,
    /// Script returning the milliseconds at which everything the page offers at first is in
    /// (for the app: filters and map, after the quick search), or null while it is not yet.
    pub complete: &'static str,
}

/// The app is usable when the directory's search box first filters the list: the quick search
/// on the pre-rendered list, or the app (the mark `coops_core::messages::FILTERABLE_MARK`).
pub const APP_READY: &str = "const m = performance.getEntriesByName('directory: filterable'); return m.length ? m[0].startTime : null;";

/// The app is complete when it has taken over, with its filters
/// (`coops_core::messages::APP_READY_MARK`), and drawn the map (`MAP_DRAWN_MARK`).
pub const APP_COMPLETE: &str = "const m = ['directory: app ready', 'directory: map drawn'].map((name) => performance.getEntriesByName(name)[0]); return m.every(Boolean) ? Math.max(...m.map((e) => e.startTime)) : null;";

/// Another page of the app is complete when the app has replaced its pre-rendered copy
/// (`coops_core::names::TAKEN_OVER_MARK`); it is usable as soon as it is painted (links work).
pub const PAGE_TAKEN_OVER: &str = "const m = performance.getEntriesByName('app: taken over'); return m.length ? m[0].startTime : null;";

/// Usable at first paint: a page of links and text.
pub const PAINTED: &str = "const p = performance.getEntriesByName('first-contentful-paint'); return p.length ? p[0].startTime : null;";

/// A static page is usable when its HTML is parsed and its scripts have run: every row is in
/// the DOM, and the browser's find works on all of them.
pub const STATIC_READY: &str = "const n = performance.getEntriesByType('navigation')[0]; return n && n.domContentLoadedEventEnd > 0 ? n.domContentLoadedEventEnd : null;";

const FCP: &str = "const p = performance.getEntriesByName('first-contentful-paint'); return p.length ? p[0].startTime : null;";

/// One cold load's figures.
struct Load {
    fcp_ms: f64,
    ready_ms: f64,
    complete_ms: f64,
    /// Every layout shift until the page settled, summed (shifts caused by input excluded).
    layout_shift: f64,
    /// Sent before the page was usable.
    first_view: BTreeMap<&'static str, usize>,
    /// Sent in all, once the page has settled.
    all: BTreeMap<&'static str, usize>,
}

/// Loads each site cold `profile.runs` times (a new browser and profile each time, so nothing
/// is cached), taking turns so that any drift of the machine falls on all of them alike, and
/// returns each site's medians as JSON, in the order of `sites`.
pub async fn measure(sites: &[Site], profile: &Profile) -> Vec<Value> {
    let mut loads: Vec<Vec<Load>> = sites.iter().map(|_| Vec::new()).collect();
    for _ in 0..profile.runs {
        for (site, loads) in sites.iter().zip(&mut loads) {
            loads.push(load_once(site, profile).await);
        }
    }
    sites
        .iter()
        .zip(&loads)
        .map(|(site, loads)| summary(site, profile, loads))
        .collect()
}

/// The medians of one site's loads.
fn summary(site: &Site, profile: &Profile, loads: &[Load]) -> Value {
    let median = |f: &dyn Fn(&Load) -> f64| {
        let mut values: Vec<f64> = loads.iter().map(f).collect();
        values.sort_by(|a, b| a.total_cmp(b));
        values[values.len() / 2]
    };
    // Bytes hardly vary between runs; the first run's are reported.
    let without_map = |bytes: &BTreeMap<&str, usize>| -> usize {
        bytes
            .iter()
            .filter(|(kind, _)| **kind != "map")
            .map(|(_, b)| b)
            .sum()
    };
    json!({
        "runs": profile.runs,
        "fcp_ms": round(median(&|l| l.fcp_ms)),
        "ready_ms": round(median(&|l| l.ready_ms)),
        "complete_ms": round(median(&|l| l.complete_ms)),
        "layout_shift": (median(&|l| l.layout_shift) * 1000.0).round() / 1000.0,
        "ready_means": site.ready_means,
        "bytes_by_kind": &loads[0].first_view,
        "first_view_bytes": without_map(&loads[0].first_view),
        "all_bytes_by_kind": &loads[0].all,
        "all_bytes": without_map(&loads[0].all),
    })
}

async fn load_once(site: &Site, profile: &Profile) -> Load {
    let server = StaticServer::start(&site.root);
    server.enable_gzip();
    let browser = Browser::start().await;
    let page = AppPage::new(browser.client.clone(), server.clone());
    if let Some((latency, bytes_per_s, cpu)) = profile.throttle {
        page.throttle(latency, bytes_per_s, cpu).await;
    }
    page.open_before_app(site.path).await;
    let ready_ms = wait_for_number(&page, site.ready, Duration::from_secs(60))
        .await
        .unwrap_or_else(|| panic!("{} never became usable on {}", site.name, profile.name));
    // What was asked for by then, on the page's own clock: the document and every resource
    // whose request started before the mark, matched to what the server sent for each path.
    let asked = page
        .js(
            "const ready = arguments[0]; return [location.pathname, ...performance.getEntriesByType('resource').filter(e => e.startTime <= ready).map(e => new URL(e.name).pathname)];",
            vec![json!(ready_ms)],
        )
        .await;
    let mut asked: Vec<String> = asked
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p.as_str().map(str::to_owned))
        .collect();
    let mut sent_before = Vec::new();
    for served in server.served() {
        // The document is served for whatever path was opened (SPA fallback), as html.
        if let Some(at) = asked.iter().position(|p| *p == served.path) {
            asked.swap_remove(at);
            sent_before.push(served);
        }
    }
    let first_view = by_kind(&sent_before);
    let complete_ms = wait_for_number(&page, site.complete, Duration::from_secs(60))
        .await
        .unwrap_or_else(|| panic!("{} never completed on {}", site.name, profile.name));
    let fcp_ms = wait_for_number(&page, FCP, Duration::from_secs(10))
        .await
        .unwrap_or(f64::NAN);
    // The map geometry loads after the list; give it (and anything else late) time to arrive.
    settle(&server).await;
    // Summed over the whole load (Web Vitals' CLS takes the worst window of shifts: no more).
    let layout_shift = page
        .layout_shifts()
        .await
        .iter()
        .map(|shift| shift[1].as_f64().unwrap_or(f64::NAN))
        // A fold from 0, not `sum`: the sum of no f64 is -0.0, which prints as "-0.000".
        .fold(0.0, |total, shift| total + shift);
    let all = by_kind(&server.served());
    browser.close().await;
    server.stop();
    Load {
        fcp_ms,
        ready_ms,
        complete_ms,
        layout_shift,
        first_view,
        all,
    }
}

/// Waits until no response has been sent for a second (at most ten seconds).
async fn settle(server: &StaticServer) {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut count = server.served().len();
    while Instant::now() < deadline {
        tokio::time::sleep(Duration::from_secs(1)).await;
        let now = server.served().len();
        if now == count {
            return;
        }
        count = now;
    }
}

async fn wait_for_number(page: &AppPage, script: &str, limit: Duration) -> Option<f64> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(value) = page.js(script, vec![]).await.as_f64() {
            return Some(value);
        }
        if Instant::now() > deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Bytes sent, summed by kind of file.
fn by_kind(served: &[Served]) -> BTreeMap<&'static str, usize> {
    let mut kinds = BTreeMap::new();
    for response in served {
        *kinds.entry(kind(response)).or_insert(0) += response.bytes;
    }
    kinds
}

/// The kind of a response, as the benchmark reports it.
pub fn kind(response: &Served) -> &'static str {
    let path = response.path.as_str();
    let ty = response.content_type.as_str();
    if path.ends_with("/world.json") {
        "map"
    } else if ty.contains("wasm") {
        "wasm"
    } else if ty.contains("javascript") {
        "js"
    } else if ty.contains("css") {
        "css"
    } else if ty.contains("json") {
        "data"
    } else if ty.contains("html") {
        "html"
    } else if ty.starts_with("font/") {
        "fonts"
    } else if ty.starts_with("image/") {
        "images"
    } else {
        "other"
    }
}
