//! `site [STAGING_DIR]`: builds the site's pages in Trunk's staging directory (see the crate's
//! documentation). Trunk runs it after each build (Trunk.toml's post-build hook), which sets
//! `TRUNK_STAGING_DIR`, `TRUNK_SOURCE_DIR` and `TRUNK_PUBLIC_URL`.
//!
//! `SITE_ORIGIN` is the deployment's origin (`https://example.org`), for canonical addresses,
//! link previews and the sitemap; it defaults to the address `make serve` serves.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use coops_site::wasm::{optimise, run, without_relocations};
use coops_site::{Options, QuickSearch, SiteError, build, read, write};

/// The origin when `SITE_ORIGIN` is not set.
const DEFAULT_ORIGIN: &str = "http://127.0.0.1:8080";

fn main() -> ExitCode {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let staging = std::env::args()
        .nth(1)
        .or_else(|| env("TRUNK_STAGING_DIR"))
        .map_or_else(|| PathBuf::from("dist"), PathBuf::from);
    let source = env("TRUNK_SOURCE_DIR").map_or_else(|| PathBuf::from("."), PathBuf::from);
    let public_url = env("TRUNK_PUBLIC_URL").unwrap_or_else(|| "/".into());
    let origin = env("SITE_ORIGIN").unwrap_or_else(|| {
        if env("TRUNK_PROFILE").as_deref() == Some("release") {
            eprintln!(
                "[site] SITE_ORIGIN is not set: canonical addresses and the sitemap use {DEFAULT_ORIGIN}"
            );
        }
        DEFAULT_ORIGIN.into()
    });
    if public_url.contains("://") {
        eprintln!(
            "[site] the public URL {public_url:?} is an address: give the path (`--public-url /directory/`) and set SITE_ORIGIN"
        );
        return ExitCode::FAILURE;
    }
    let release = env("TRUNK_PROFILE").as_deref() != Some("debug");
    let target = env("CARGO_TARGET_DIR").map_or_else(|| source.join("target"), PathBuf::from);
    let options = Options {
        staging,
        public_url: format!("/{}/", public_url.trim_matches('/')).replace("//", "/"),
        origin,
        precompress: release,
        // What Trunk's cargo build linked, before its wasm-bindgen.
        linked_app: release
            .then(|| target.join("wasm32-unknown-unknown/release/tech-coops-app.wasm")),
        work: target.join("site-wasm"),
        source,
    };
    let started = std::time::Instant::now();
    let quick_search = match build_quick_search(&options.source, &target) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("[site] the quick search: {message}");
            return ExitCode::FAILURE;
        }
    };
    let quick_search_s = started.elapsed().as_secs_f32();
    match build(&options, &quick_search) {
        Ok(report) => {
            eprintln!(
                "[site] {} pages ({} KB of HTML) and {} locator maps in {} under {}, {} files \
                 precompressed, in {:.1} s (quick search {quick_search_s:.1} s, pages {:.1} s, \
                 compression {:.1} s)",
                report.pages,
                report.html_bytes / 1024,
                report.locators,
                options.staging.display(),
                options.public_url,
                report.compressed,
                started.elapsed().as_secs_f32(),
                report.pages_s,
                report.compression_s,
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("[site] nothing was written: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Builds the quick search (crates/quick-search) with the tools and flags the app's wasm is
/// built with: a release build, wasm-bindgen, then wasm-opt.
fn build_quick_search(source: &Path, target: &Path) -> Result<QuickSearch, SiteError> {
    run(
        Command::new("cargo").args([
            "build",
            "--offline",
            "--quiet",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--package",
            "coops-quick-search",
        ]),
        source,
    )?;
    let built = target.join("wasm32-unknown-unknown/release/coops_quick_search.wasm");
    let out = target.join("quick-search-bindgen");
    run(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&out)
            .arg(&built),
        source,
    )?;
    let wasm = out.join("coops_quick_search_bg.wasm");
    let stripped = without_relocations(&read(&wasm)?)
        .map_err(|e| SiteError::Tool(format!("{}: {e}", wasm.display())))?;
    write(&wasm, &stripped)?;
    optimise(&wasm, source)?;
    Ok(QuickSearch {
        js: read(&out.join("coops_quick_search.js"))?,
        wasm: read(&wasm)?,
    })
}
