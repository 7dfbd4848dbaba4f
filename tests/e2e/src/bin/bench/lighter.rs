//! Issue 17's budgets: less wasm, the whole app sooner on a slow line, keystrokes that cost
//! the same at any size, and a large dataset read quickly into little memory.
//!
//! Sizes are read from the files the build precompressed (`.gz` and `.br` beside each wasm in
//! dist/), which are what a host serves; the rest comes from the loads and keystrokes measured
//! by the other modules.

use std::path::Path;

use e2e::dist_dir;
use serde_json::{Value, json};

use crate::budget_row;

/// Every wasm the directory downloads until it is complete (the quick search's, the app's main
/// module and the directory's chunks), gzip (issue 33).
const DIRECTORY_WASM_BUDGET_KB: f64 = 250.0;
/// The wasm a co-op's page and the guide download before they answer input, gzip (issue 33).
const PAGE_WASM_BUDGET_KB: f64 = 150.0;
/// The whole app, main module and every chunk, gzip: at most 10% over the unsplit app's 550 KB
/// (issue 33).
const WHOLE_APP_BUDGET_KB: f64 = 550.0 * 1.1;
/// The routes held to [`PAGE_WASM_BUDGET_KB`], by their chunks' names.
const PAGE_ROUTES: [&str; 2] = ["coop", "join"];
/// The app complete (filters and map live) on the slow profile, against the static page's ready.
const COMPLETE_RATIO_BUDGET: f64 = 2.0;
/// Keystroke to the next painted frame (median) at 10,000 co-ops against 139.
const KEYSTROKE_RATIO_BUDGET: f64 = 1.2;
/// Parsing and indexing 100,000 co-ops.
const PARSE_BUDGET_MS: f64 = 300.0;
/// The wasm's memory once 100,000 co-ops are loaded.
const MEMORY_BUDGET_MB: f64 = 100.0;

/// A wasm file of the build, by the start of its name, and its sizes as served.
pub struct Served {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// A file of dist/ (`app-…/main_bg.wasm`) and its sizes as served.
fn served(name: &str) -> Served {
    let dir = dist_dir();
    let size = |path: &Path| {
        std::fs::metadata(path)
            .unwrap_or_else(|e| panic!("{}: {e} (the site build precompresses)", path.display()))
            .len()
    };
    Served {
        raw: size(&dir.join(name)),
        gzip: size(&dir.join(format!("{name}.gz"))),
        brotli: size(&dir.join(format!("{name}.br"))),
        name: name.to_string(),
    }
}

/// The wasm each route downloads, as the site build split it (its manifest,
/// target/site-wasm/split.json): the route's chunk name and its files, the main module first
/// (and on the directory the quick search).
pub struct Routes {
    pub routes: Vec<(String, Vec<Served>)>,
    /// The main module and every chunk, once each.
    pub whole_app: Vec<Served>,
}

/// Reads the split's manifest and sizes every route's files.
pub fn route_files() -> Routes {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/site-wasm/split.json");
    let split: Value = serde_json::from_slice(&std::fs::read(&manifest).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (a split release build writes it)",
            manifest.display()
        )
    }))
    .expect("the split's manifest is JSON");
    let main = split["main"].as_str().expect("the main module").to_string();
    let quick_search = std::fs::read_dir(dist_dir())
        .expect("dist/ built")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.starts_with("quick-search-") && n.ends_with(".wasm"))
        .expect("the quick search's wasm in dist/");
    let mut every = std::collections::BTreeSet::new();
    let routes = split["chunks"]
        .as_object()
        .expect("chunks by route")
        .iter()
        .map(|(chunk, files)| {
            let mut names = vec![main.clone()];
            if chunk == "directory" {
                names.push(quick_search.clone());
            }
            for file in files.as_array().expect("a chunk's files") {
                let file = file.as_str().expect("a file").to_string();
                every.insert(file.clone());
                names.push(file);
            }
            (chunk.clone(), names.iter().map(|n| served(n)).collect())
        })
        .collect();
    let whole_app = std::iter::once(main)
        .chain(every)
        .map(|n| served(&n))
        .collect();
    Routes { routes, whole_app }
}

fn total(files: &[Served]) -> (u64, u64) {
    files
        .iter()
        .fold((0, 0), |(g, b), f| (g + f.gzip, b + f.brotli))
}

pub fn print_sizes(routes: &Routes) {
    let kb = |bytes: u64| bytes as f64 / 1024.0;
    println!("\nWasm each route downloads, as served (KB)");
    println!(
        "  {:<44} {:>8} {:>8} {:>8}",
        "route / file", "raw", "gzip", "brotli"
    );
    for (route, files) in &routes.routes {
        let (gzip, brotli) = total(files);
        let raw: u64 = files.iter().map(|f| f.raw).sum();
        println!(
            "  {route:<44} {:>8.1} {:>8.1} {:>8.1}",
            kb(raw),
            kb(gzip),
            kb(brotli)
        );
        for f in files {
            println!(
                "    {:<42} {:>8.1} {:>8.1} {:>8.1}",
                f.name,
                kb(f.raw),
                kb(f.gzip),
                kb(f.brotli)
            );
        }
    }
    let (gzip, brotli) = total(&routes.whole_app);
    println!(
        "  {:<44} {:>8} {:>8.1} {:>8.1}",
        "the whole app (main and every chunk)",
        "",
        kb(gzip),
        kb(brotli)
    );
}

/// Each budget of issue 17; sizes carry their brotli figure beside.
pub fn budgets(first_view: &Value, keystroke: &[Value], routes: &Routes) -> Vec<Value> {
    let mut budgets = Vec::new();
    let mut budget = |name: &str, value: f64, limit: f64, unit: &str, beside: Option<String>| {
        budgets.push(budget_row(name, value, limit, unit, beside));
    };
    let kb = |bytes: u64| bytes as f64 / 1024.0;
    // Each route by name, so a route over its budget says which.
    for (route, files) in &routes.routes {
        let limit = match route.as_str() {
            "directory" => DIRECTORY_WASM_BUDGET_KB,
            route if PAGE_ROUTES.contains(&route) => PAGE_WASM_BUDGET_KB,
            _ => continue,
        };
        let (gzip, brotli) = total(files);
        budget(
            &format!("every wasm the route {route:?} downloads (gzip)"),
            kb(gzip),
            limit,
            "KB",
            Some(format!("brotli {:.1} KB", kb(brotli))),
        );
    }
    let (gzip, brotli) = total(&routes.whole_app);
    budget(
        "the whole app, main module and every chunk (gzip)",
        kb(gzip),
        WHOLE_APP_BUDGET_KB,
        "KB",
        Some(format!("brotli {:.1} KB", kb(brotli))),
    );
    let figure = |site: &str, key: &str| first_view[site]["slow"][key].as_f64().unwrap_or(f64::NAN);
    let (complete, page_ready) = (
        figure("app", "complete_ms"),
        figure("static page", "ready_ms"),
    );
    budget(
        "complete (filters and map live, slow) against the static page's ready",
        complete / page_ready,
        COMPLETE_RATIO_BUDGET,
        "x",
        Some(format!("{complete:.0} ms vs {page_ready:.0} ms")),
    );
    let row = |n: usize| keystroke.iter().find(|r| r["coops"] == json!(n));
    let at = |n: usize, key: &str| row(n).and_then(|r| r[key].as_f64()).unwrap_or(f64::NAN);
    let (small, large) = (at(139, "frame_ms_p50"), at(10_000, "frame_ms_p50"));
    budget(
        "keystroke to next painted frame (median), 10,000 co-ops against 139",
        large / small,
        KEYSTROKE_RATIO_BUDGET,
        "x",
        Some(format!("{large:.1} ms vs {small:.1} ms")),
    );
    budget(
        "parse and index, 100,000 co-ops",
        at(100_000, "parse_and_index_ms"),
        PARSE_BUDGET_MS,
        "ms",
        None,
    );
    budget(
        "wasm memory, 100,000 co-ops",
        at(100_000, "wasm_memory_bytes") / 1_048_576.0,
        MEMORY_BUDGET_MB,
        "MB",
        None,
    );
    budgets
}
