//! Issue 21's budgets: each language's catalog small, and a page in Spanish as fast as the same
//! page in English. `BENCH_LANGUAGES_ONLY=1 make bench` measures these alone.
//!
//! The pages are loaded in turns, English and Spanish alternately, cold, on each profile; the
//! Spanish page's first paint and its app taking over are held to the English page's, with a
//! margin for noise (the two differ by the catalog the app fetches before it mounts, and by
//! their words).

use e2e::dist_dir;
use serde_json::{Value, json};

use crate::budget_row;
use crate::first_view::{self, APP_COMPLETE, APP_READY, PAGE_TAKEN_OVER, PAINTED, PROFILES, Site};

/// A language's catalog, gzip.
const CATALOG_BUDGET_KB: f64 = 15.0;
/// How much later than in English a Spanish page may paint or be taken over before it counts
/// as slower: the loads' own spread on this machine.
const SAME_SPEED_MARGIN: f64 = 1.1;

/// The pages compared: (name, English path, Spanish path, ready, complete).
const PAGES: [(&str, &str, &str, &str, &str); 2] = [
    ("directory", "/", "/es/", APP_READY, APP_COMPLETE),
    ("guide", "/join", "/es/join", PAINTED, PAGE_TAKEN_OVER),
];

/// Loads each page in English and in Spanish on every profile.
pub async fn measure() -> Value {
    let mut sites = Vec::new();
    for (name, english, spanish, ready, complete) in PAGES {
        for (lang, path) in [("en", english), ("es", spanish)] {
            sites.push(Site {
                name: Box::leak(format!("{name} ({lang})").into_boxed_str()),
                root: dist_dir(),
                path,
                ready,
                ready_means: "as for the English page",
                complete,
            });
        }
    }
    let mut out = json!({});
    for profile in &PROFILES {
        eprintln!(
            "loading each page in English and Spanish on {} ({} cold loads each)",
            profile.name, profile.runs
        );
        for (site, figures) in sites.iter().zip(first_view::measure(&sites, profile).await) {
            out[site.name][profile.name] = figures;
        }
    }
    out
}

/// The catalogs' sizes as served (gzip), by language code.
pub fn catalog_sizes() -> Vec<(String, f64)> {
    coops_core::i18n::Lang::ALL
        .iter()
        .map(|lang| {
            let path = dist_dir().join(format!("{}.gz", lang.catalog_path()));
            let bytes = std::fs::metadata(&path)
                .unwrap_or_else(|e| {
                    panic!("{}: {e} (a release build precompresses it)", path.display())
                })
                .len();
            (lang.code().to_string(), bytes as f64 / 1024.0)
        })
        .collect()
}

/// Prints the figures side by side.
pub fn print(measured: &Value) {
    println!("\nLanguages: each page in English and Spanish (medians)");
    println!(
        "{:<10} {:<10} {:<28} {:>10} {:>10} {:>8}",
        "profile", "page", "figure", "English", "Spanish", "ratio"
    );
    for profile in &PROFILES {
        for (name, ..) in PAGES {
            for (figure, key) in [
                ("first contentful paint ms", "fcp_ms"),
                ("app taken over ms", "complete_ms"),
            ] {
                let (en, es) = pair(measured, name, profile.name, key);
                println!(
                    "{:<10} {name:<10} {figure:<28} {en:>10.0} {es:>10.0} {:>8.2}",
                    profile.name,
                    es / en
                );
            }
        }
    }
    for (lang, kb) in catalog_sizes() {
        println!("catalog {lang}: {kb:.1} KB gzip");
    }
}

/// A figure of a page in English and in Spanish.
fn pair(measured: &Value, page: &str, profile: &str, key: &str) -> (f64, f64) {
    let figure = |lang: &str| {
        measured[format!("{page} ({lang})")][profile][key]
            .as_f64()
            .unwrap_or(f64::NAN)
    };
    (figure("en"), figure("es"))
}

/// The budget rows.
pub fn budgets(measured: &Value) -> Vec<Value> {
    let mut rows = Vec::new();
    for profile in &PROFILES {
        for (name, ..) in PAGES {
            for (figure, key) in [("first paint", "fcp_ms"), ("taken over", "complete_ms")] {
                let (en, es) = pair(measured, name, profile.name, key);
                rows.push(budget_row(
                    &format!(
                        "the {name} in Spanish ({}): {figure} as soon as in English (x{SAME_SPEED_MARGIN})",
                        profile.name
                    ),
                    es,
                    en * SAME_SPEED_MARGIN,
                    "ms",
                    Some(format!("English {en:.0} ms")),
                ));
            }
        }
    }
    for (lang, kb) in catalog_sizes() {
        rows.push(budget_row(
            &format!("the {lang} catalog (gzip)"),
            kb,
            CATALOG_BUDGET_KB,
            "KB",
            None,
        ));
    }
    rows
}
