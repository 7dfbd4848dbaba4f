//! `make bench` (scripts/bench.sh): the performance figures of issue 9, in headless Chromium.
//!
//! It measures the built site in dist/ and, beside it, the static mkdocs-material page of the
//! same list that the app replaces (built by scripts/static-page.sh into target/static-page/):
//! cold loads on loopback and on a slow profile (first contentful paint, time until usable,
//! bytes over the wire by kind, all served gzip-compressed), then keystroke-to-updated-list at
//! 139 to 100,000 co-ops. It prints the figures with ratios against the static page, checks
//! the budgets, and writes everything to bench/out/results.json.
//!
//! This is a benchmark, not a test: it fails only if a site cannot be loaded at all; a missed
//! budget is reported, not asserted.

mod embedding;
mod first_view;
mod keystroke;
mod languages;
mod lighter;
mod map;

use std::path::{Path, PathBuf};

use e2e::dist_dir;
use first_view::{APP_COMPLETE, APP_READY, PAGE_TAKEN_OVER, PAINTED, PROFILES, STATIC_READY, Site};
use serde_json::{Value, json};

/// The budgets of issue 9.
const WASM_BUDGET: f64 = 120.0 * 1024.0;
const FIRST_VIEW_BUDGET: f64 = 160.0 * 1024.0;
const FILTERABLE_RATIO_BUDGET: f64 = 1.5;
/// Cumulative layout shift at most this: Web Vitals' "good". Not one of issue 9's budgets; the
/// pre-rendered list must not jump when the app replaces it.
const LAYOUT_SHIFT_BUDGET: f64 = 0.1;
const KEYSTROKE_BUDGETS: [(usize, f64); 2] = [(10_000, 16.0), (100_000, 50.0)];
/// A co-op's page, gzip (issue 16).
const COOP_PAGE_HTML_BUDGET: f64 = 10.0 * 1024.0;
/// What mount.js may weigh (gzip, issue 23); the shadow root's set-up is in the wasm, whose
/// figure is above.
const MOUNT_JS_BUDGET: f64 = 2.0 * 1024.0;
/// The pre-rendered pages besides the directory, each held to the static page's first paint.
const OTHER_PAGES: [&str; 2] = ["co-op page", "guide"];

#[tokio::main]
async fn main() {
    // BENCH_EMBEDDING_ONLY=1 measures the two ways to embed and nothing else.
    if std::env::var_os("BENCH_EMBEDDING_ONLY").is_some() {
        let mut embedded = json!({});
        for profile in &PROFILES {
            embedded[profile.name] = embedding::measure(profile).await;
        }
        print_embedding(&embedded);
        print_budgets(&embedding_budgets(&embedded));
        return;
    }
    // BENCH_LANGUAGES_ONLY=1 measures the pages in English and Spanish, and the catalogs.
    if std::env::var_os("BENCH_LANGUAGES_ONLY").is_some() {
        let measured = languages::measure().await;
        languages::print(&measured);
        print_budgets(&languages::budgets(&measured));
        return;
    }
    // BENCH_MAP_ONLY=1 measures the map of places and nothing else.
    if std::env::var_os("BENCH_MAP_ONLY").is_some() {
        let map = map::run().await;
        print_budgets(&map::budgets(&map));
        return;
    }
    let static_root = workspace().join("target/static-page/site");
    assert!(
        static_root.join("index.html").is_file(),
        "no static page in {}: run `make bench`, which builds it",
        static_root.display()
    );
    let mut sites = vec![
        Site {
            name: "app",
            root: dist_dir(),
            path: "/",
            ready: APP_READY,
            ready_means: "the directory answers the search box (mark 'directory: filterable')",
            complete: APP_COMPLETE,
        },
        Site {
            name: "co-op page",
            root: dist_dir(),
            path: "/coops/camba",
            ready: PAINTED,
            ready_means: "painted: the page's facts and links",
            complete: PAGE_TAKEN_OVER,
        },
        Site {
            name: "guide",
            root: dist_dir(),
            path: "/join",
            ready: PAINTED,
            ready_means: "painted: the guide's first question",
            complete: PAGE_TAKEN_OVER,
        },
        Site {
            name: "static page",
            root: static_root,
            path: "/",
            ready: STATIC_READY,
            ready_means: "every row in the DOM and the page's scripts run (DOMContentLoaded end)",
            complete: STATIC_READY,
        },
    ];
    // A lever measured side by side (docs/performance.md, How to measure): BENCH_COMPARE=DIR
    // loads the app's pages from another build too, in the same turns, and measures nothing
    // else.
    let compared = std::env::var_os("BENCH_COMPARE").map(PathBuf::from);
    if let Some(other) = &compared {
        for (name, path, ready, complete) in [
            ("app (compared)", "/", APP_READY, APP_COMPLETE),
            (
                "co-op page (compared)",
                "/coops/camba",
                PAINTED,
                PAGE_TAKEN_OVER,
            ),
            ("guide (compared)", "/join", PAINTED, PAGE_TAKEN_OVER),
        ] {
            sites.push(Site {
                name,
                root: other.clone(),
                path,
                ready,
                ready_means: "as above, in the compared build",
                complete,
            });
        }
    }

    let mut first_view = json!({});
    // BENCH_SKIP_LOADS=1 measures keystrokes only.
    // BENCH_PROFILE=slow loads on that profile alone.
    let only = std::env::var("BENCH_PROFILE").ok();
    let profiles: Vec<&first_view::Profile> = if std::env::var_os("BENCH_SKIP_LOADS").is_some() {
        Vec::new()
    } else {
        PROFILES
            .iter()
            .filter(|p| only.as_deref().is_none_or(|name| name == p.name))
            .collect()
    };
    for profile in &profiles {
        eprintln!(
            "loading each site on {} ({} cold loads each, in turn)",
            profile.name, profile.runs
        );
        let measured = first_view::measure(&sites, profile).await;
        for (site, figures) in sites.iter().zip(measured) {
            first_view[site.name][profile.name] = figures;
        }
    }
    print_first_view(&first_view);
    if compared.is_some() {
        print_comparison(&first_view);
    }
    // A comparison is of loads alone: BENCH_COMPARE skips what follows.
    if compared.is_some() {
        return;
    }
    // The two ways to embed, on tech-coops.xyz.
    let mut embedded = json!({});
    for profile in &profiles {
        eprintln!(
            "loading tech-coops.xyz with the app in the page and in a frame on {} ({} cold loads each)",
            profile.name, profile.runs
        );
        embedded[profile.name] = embedding::measure(profile).await;
    }
    print_embedding(&embedded);
    let keystroke = keystroke::run().await;
    let map = map::run().await;
    let languages = languages::measure().await;
    languages::print(&languages);
    let wasm = lighter::route_files();
    lighter::print_sizes(&wasm);
    let mut budgets = check_budgets(&first_view, &keystroke);
    budgets.extend(embedding_budgets(&embedded));
    budgets.extend(lighter::budgets(&first_view, &keystroke, &wasm));
    budgets.extend(map::budgets(&map));
    budgets.extend(languages::budgets(&languages));
    print_budgets(&budgets);

    let results = json!({
        "profiles": PROFILES.iter().map(|p| json!({
            "name": p.name,
            "runs": p.runs,
            "round_trip_ms": p.throttle.map(|t| t.0),
            "download_bytes_per_s": p.throttle.map(|t| t.1),
            "cpu_slowdown": p.throttle.map(|t| t.2),
        })).collect::<Vec<_>>(),
        "first_view": first_view,
        "embedding": embedded,
        "keystroke": keystroke,
        "map": map,
        "languages": languages,
        "budgets": budgets,
    });
    let out = workspace().join("bench/out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(
        out.join("results.json"),
        serde_json::to_string_pretty(&results).unwrap(),
    )
    .unwrap();
    println!("\nwrote bench/out/results.json");
}

/// `value` to one decimal, as every figure is reported.
fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The first-view table: each figure of the app beside the static page's, and their ratio.
fn print_first_view(first_view: &Value) {
    let app = &first_view["app"];
    let page = &first_view["static page"];
    println!(
        "\nCold loads, gzip over HTTP/1.1 on 127.0.0.1, median (slow = 4x CPU, 150 ms RTT, 1.6 Mbit/s)"
    );
    println!(
        "{:<10} {:<28} {:>10} {:>12} {:>10}",
        "profile", "figure", "app", "static page", "app/page"
    );
    for profile in &PROFILES {
        for (figure, key) in [
            ("first contentful paint ms", "fcp_ms"),
            ("usable (filterable) ms", "ready_ms"),
            ("complete (filters, map) ms", "complete_ms"),
        ] {
            let a = app[profile.name][key].as_f64().unwrap_or(f64::NAN);
            let s = page[profile.name][key].as_f64().unwrap_or(f64::NAN);
            println!(
                "{:<10} {:<28} {:>10.0} {:>12.0} {:>10.2}",
                profile.name,
                figure,
                a,
                s,
                a / s
            );
        }
        for other in OTHER_PAGES {
            let site = &first_view[other];
            let s = page[profile.name]["fcp_ms"].as_f64().unwrap_or(f64::NAN);
            for (figure, key) in [
                ("first contentful paint ms", "fcp_ms"),
                ("app taken over ms", "complete_ms"),
            ] {
                let a = site[profile.name][key].as_f64().unwrap_or(f64::NAN);
                let label = format!("{other}: {figure}");
                if key == "fcp_ms" {
                    println!(
                        "{:<10} {label:<28} {a:>10.0} {s:>12.0} {:>10.2}",
                        profile.name,
                        a / s
                    );
                } else {
                    println!("{:<10} {label:<28} {a:>10.0}", profile.name);
                }
            }
        }
        let shift = |site: &Value| {
            site[profile.name]["layout_shift"]
                .as_f64()
                .unwrap_or(f64::NAN)
        };
        println!(
            "{:<10} {:<28} {:>10.3} {:>12.3}",
            profile.name,
            "layout shift (sum)",
            shift(app),
            shift(page)
        );
    }
    println!("\nBytes over the wire (gzip) before the page is usable, KB");
    let kinds = [
        "html", "css", "js", "wasm", "data", "fonts", "images", "other", "map",
    ];
    let bytes = |site: &Value, kind: &str| {
        site["loopback"]["bytes_by_kind"][kind]
            .as_f64()
            .unwrap_or(0.0)
            / 1024.0
    };
    println!(
        "{:<12} {:>10} {:>12} {:>10}",
        "kind", "app", "static page", "app/page"
    );
    for kind in kinds {
        let (a, s) = (bytes(app, kind), bytes(page, kind));
        if a > 0.0 || s > 0.0 {
            println!("{kind:<12} {a:>10.1} {s:>12.1} {:>10}", ratio_text(a, s));
        }
    }
    let total = |site: &Value, key: &str| site["loopback"][key].as_f64().unwrap_or(0.0) / 1024.0;
    for (label, key) in [("first view", "first_view_bytes"), ("in all", "all_bytes")] {
        let (a, s) = (total(app, key), total(page, key));
        println!("{label:<12} {a:>10.1} {s:>12.1} {:>10}", ratio_text(a, s));
    }
    let app_wasm = app["loopback"]["all_bytes_by_kind"]["wasm"]
        .as_f64()
        .unwrap_or(0.0)
        / 1024.0;
    println!(
        "(first view: sent before the page was usable; in all: once it settled, the app's \
         {app_wasm:.1} KB of wasm included. Both leave out the map geometry, loaded after the list.)"
    );
}

/// This build's figures beside the compared build's (BENCH_COMPARE): first paint, usable and
/// complete, page by page.
fn print_comparison(first_view: &Value) {
    println!("\nms, this build / the compared build (BENCH_COMPARE), median");
    for profile in &PROFILES {
        for page in ["app", "co-op page", "guide"] {
            for (figure, key) in [
                ("first paint", "fcp_ms"),
                ("usable", "ready_ms"),
                ("complete", "complete_ms"),
            ] {
                let ms = |name: &str| {
                    first_view[name][profile.name][key]
                        .as_f64()
                        .unwrap_or(f64::NAN)
                };
                let (this, other) = (ms(page), ms(&format!("{page} (compared)")));
                println!(
                    "{:<10} {page:<12} {figure:<12} {this:>8.0} {other:>8.0} {:>6}",
                    profile.name,
                    ratio_text(this, other)
                );
            }
        }
    }
}

fn ratio_text(a: f64, b: f64) -> String {
    if b > 0.0 {
        format!("{:.2}", a / b)
    } else {
        "-".into()
    }
}

/// Each budget of issue 9: the figure, the limit, and whether it is met.
fn check_budgets(first_view: &Value, keystroke: &[Value]) -> Vec<Value> {
    let app = &first_view["app"];
    let page = &first_view["static page"];
    let figure =
        |site: &Value, profile: &str, key: &str| site[profile][key].as_f64().unwrap_or(f64::NAN);
    let mut budgets = Vec::new();
    let mut budget = |name: String, value: f64, limit: f64, unit: &str| {
        budgets.push(budget_row(&name, value, limit, unit, None));
    };
    for profile in &PROFILES {
        budget(
            format!(
                "first contentful paint ({}) no later than the static page's",
                profile.name
            ),
            figure(app, profile.name, "fcp_ms"),
            figure(page, profile.name, "fcp_ms"),
            "ms",
        );
        for other in OTHER_PAGES {
            budget(
                format!(
                    "first contentful paint of the {other} ({}) no later than the static page's",
                    profile.name
                ),
                figure(&first_view[other], profile.name, "fcp_ms"),
                figure(page, profile.name, "fcp_ms"),
                "ms",
            );
            budget(
                format!(
                    "layout shift of the {other} ({}), the app taking over included",
                    profile.name
                ),
                figure(&first_view[other], profile.name, "layout_shift"),
                LAYOUT_SHIFT_BUDGET,
                "",
            );
        }
        budget(
            format!(
                "layout shift ({}), the app taking over included",
                profile.name
            ),
            figure(app, profile.name, "layout_shift"),
            LAYOUT_SHIFT_BUDGET,
            "",
        );
    }
    budget(
        format!("filterable (slow) within {FILTERABLE_RATIO_BUDGET}x the static page's"),
        figure(app, "slow", "ready_ms"),
        FILTERABLE_RATIO_BUDGET * figure(page, "slow", "ready_ms"),
        "ms",
    );
    budget(
        "a co-op page's HTML (gzip)".into(),
        first_view["co-op page"]["loopback"]["bytes_by_kind"]["html"]
            .as_f64()
            .unwrap_or(f64::NAN)
            / 1024.0,
        COOP_PAGE_HTML_BUDGET / 1024.0,
        "KB",
    );
    budget(
        "first view over the wire (gzip)".into(),
        figure(app, "loopback", "first_view_bytes") / 1024.0,
        FIRST_VIEW_BUDGET / 1024.0,
        "KB",
    );
    budget(
        "wasm in the first view (gzip)".into(),
        app["loopback"]["bytes_by_kind"]["wasm"]
            .as_f64()
            .unwrap_or(f64::NAN)
            / 1024.0,
        WASM_BUDGET / 1024.0,
        "KB",
    );
    let row = |n: usize| keystroke.iter().find(|r| r["coops"] == json!(n));
    for (size, limit) in KEYSTROKE_BUDGETS {
        let p95 = row(size)
            .and_then(|r| r["update_ms_p95"].as_f64())
            .unwrap_or(f64::NAN);
        budget(
            format!("keystroke to updated list at {size} co-ops (p95)"),
            p95,
            limit,
            "ms",
        );
    }
    // Bounded: the largest dataset renders no more nodes than the smallest (plus 10% for
    // counts and labels that grow by a few digits).
    let nodes = |r: Option<&Value>| r.and_then(|r| r["dom_nodes"].as_f64()).unwrap_or(f64::NAN);
    let (smallest, largest) = (
        nodes(row(keystroke::SIZES[0])),
        nodes(row(keystroke::SIZES[3])),
    );
    budget(
        format!(
            "DOM nodes at {} co-ops within 10% of those at {}",
            keystroke::SIZES[3],
            keystroke::SIZES[0]
        ),
        largest,
        smallest * 1.1,
        "nodes",
    );
    budgets
}

/// A budget as the results hold it: the figure and the limit rounded as they are printed
/// (one decimal; scores without a unit, such as layout shift, three; ratios two, so 2.46x
/// does not read as the limit), whether it is met, and what to print beside it.
pub fn budget_row(name: &str, value: f64, limit: f64, unit: &str, beside: Option<String>) -> Value {
    let round = |v: f64| match unit {
        "" => (v * 1000.0).round() / 1000.0,
        "x" => (v * 100.0).round() / 100.0,
        _ => round(v),
    };
    json!({
        "budget": name,
        "value": round(value),
        "limit": round(limit),
        "unit": unit,
        "met": value <= limit,
        "beside": beside,
    })
}

/// The app's first view on tech-coops.xyz, in the page and in a frame.
fn print_embedding(embedded: &Value) {
    println!(
        "\nOn tech-coops.xyz: the app's first view, ms after the host page's navigation (median)"
    );
    for (profile, in_page, framed) in embedding_figures(embedded) {
        println!(
            "  {profile:<9} in the page {in_page:>7.1}   in a frame {framed:>7.1}   ({})",
            ratio_text(in_page, framed)
        );
    }
}

/// For each profile measured: its name, and the app's first view in the page and in a frame.
fn embedding_figures(embedded: &Value) -> Vec<(&'static str, f64, f64)> {
    PROFILES
        .iter()
        .filter(|p| !embedded[p.name].is_null())
        .map(|p| {
            let ms = |mode: &str| {
                embedded[p.name][mode]["first_view_ms"]
                    .as_f64()
                    .unwrap_or(f64::NAN)
            };
            (p.name, ms(embedding::MODES[0].0), ms(embedding::MODES[1].0))
        })
        .collect()
}

/// Issue 23's budgets: the app in the page shows its first view no later than in a frame, and
/// mount.js stays small.
fn embedding_budgets(embedded: &Value) -> Vec<Value> {
    let mut budgets = Vec::new();
    for (profile, in_page, framed) in embedding_figures(embedded) {
        budgets.push(budget_row(
            &format!("the app's first view in the page ({profile}) no later than in a frame"),
            in_page,
            framed,
            "ms",
            None,
        ));
    }
    let mount = std::fs::read(dist_dir().join("mount.js")).expect("dist/mount.js");
    let gzip = gzip_len(&mount) as f64;
    budgets.push(budget_row(
        "mount.js (gzip)",
        gzip / 1024.0,
        MOUNT_JS_BUDGET / 1024.0,
        "KB",
        None,
    ));
    budgets
}

/// The gzip size of `bytes`, at the best level, as a static host would serve them.
fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("gzip into memory");
    encoder.finish().expect("gzip into memory").len()
}

fn print_budgets(budgets: &[Value]) {
    println!("\nBudgets");
    for b in budgets {
        let met = b["met"].as_bool().unwrap_or(false);
        let value = b["value"].as_f64().unwrap_or(f64::NAN);
        let limit = b["limit"].as_f64().unwrap_or(f64::NAN);
        let unit = match b["unit"].as_str().unwrap_or("") {
            "" => String::new(),
            unit => format!(" {unit}"),
        };
        let beside = b["beside"]
            .as_str()
            .map_or(String::new(), |text| format!("; {text}"));
        println!(
            "  {} {}: {value}{unit} (limit {limit}{unit}{}{beside})",
            if met { "met   " } else { "MISSED" },
            b["budget"].as_str().unwrap_or(""),
            if met {
                String::new()
            } else {
                format!(", over by {:.0}%", (value / limit - 1.0) * 100.0)
            },
        );
    }
}
