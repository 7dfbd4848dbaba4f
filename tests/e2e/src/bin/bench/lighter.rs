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

/// The app's wasm, gzip.
const APP_WASM_BUDGET_KB: f64 = 300.0;
/// Every wasm the directory downloads (the quick search's and the app's), gzip.
const ALL_WASM_BUDGET_KB: f64 = 400.0;
/// The app complete (filters and map live) on the slow profile, against the static page's ready.
const COMPLETE_RATIO_BUDGET: f64 = 2.5;
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

/// The wasm files of dist/ whose names start with `prefix`.
fn served(prefix: &str) -> Served {
    let dir = dist_dir();
    let name = std::fs::read_dir(&dir)
        .expect("dist/ built")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.starts_with(prefix) && n.ends_with(".wasm"))
        .unwrap_or_else(|| panic!("no {prefix}*.wasm in {}", dir.display()));
    let size = |path: &Path| {
        std::fs::metadata(path)
            .unwrap_or_else(|e| panic!("{}: {e} (the site build precompresses)", path.display()))
            .len()
    };
    Served {
        raw: size(&dir.join(&name)),
        gzip: size(&dir.join(format!("{name}.gz"))),
        brotli: size(&dir.join(format!("{name}.br"))),
        name,
    }
}

/// The directory's wasm files: the app's, then the quick search's.
pub fn wasm_files() -> [Served; 2] {
    [served("tech-coops-app-"), served("quick-search-")]
}

pub fn print_sizes(files: &[Served]) {
    println!("\nWasm as served (KB)");
    println!(
        "  {:<44} {:>8} {:>8} {:>8}",
        "file", "raw", "gzip", "brotli"
    );
    for f in files {
        println!(
            "  {:<44} {:>8.1} {:>8.1} {:>8.1}",
            f.name,
            f.raw as f64 / 1024.0,
            f.gzip as f64 / 1024.0,
            f.brotli as f64 / 1024.0
        );
    }
}

/// Each budget of issue 17; sizes carry their brotli figure beside.
pub fn budgets(first_view: &Value, keystroke: &[Value], files: &[Served]) -> Vec<Value> {
    let mut budgets = Vec::new();
    let mut budget = |name: &str, value: f64, limit: f64, unit: &str, beside: Option<String>| {
        budgets.push(budget_row(name, value, limit, unit, beside));
    };
    let kb = |bytes: u64| bytes as f64 / 1024.0;
    let app = &files[0];
    budget(
        "the app's wasm (gzip)",
        kb(app.gzip),
        APP_WASM_BUDGET_KB,
        "KB",
        Some(format!("brotli {:.1} KB", kb(app.brotli))),
    );
    let (gzip, brotli) = files
        .iter()
        .fold((0, 0), |(g, b), f| (g + f.gzip, b + f.brotli));
    budget(
        "every wasm the directory downloads (gzip)",
        kb(gzip),
        ALL_WASM_BUDGET_KB,
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
