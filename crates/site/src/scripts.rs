//! The small scripts every page loads (`public/js/`): gate.js before the first paint, boot.js
//! to start the app, mount.js for other sites' pages. Each source has its shared pieces
//! written in ([`include_shared`]) and its one placeholder filled with the names the Rust code
//! uses (`coops_core::names`) and this build's file names.

use std::path::{Path, PathBuf};

use crate::assets::{Written, fill_placeholder, include_shared, write_hashed};
use crate::wasm::SplitApp;
use crate::{QuickSearch, SiteError, read, write};

/// The three sources, read (and their shared pieces written in) before the build writes
/// anything, so a missing one stops it at once.
pub struct Sources {
    gate: (PathBuf, String),
    boot: (PathBuf, String),
    mount: (PathBuf, String),
}

impl Sources {
    /// Reads them from `public_js`.
    pub fn read(public_js: &Path) -> Result<Sources, SiteError> {
        let script = |name: &str| -> Result<(PathBuf, String), SiteError> {
            let path = public_js.join(name);
            let source = String::from_utf8_lossy(&read(&path)?).into_owned();
            let source = include_shared(&path, &source, &public_js.join("include"))?;
            Ok((path, source))
        };
        Ok(Sources {
            gate: script("gate.js")?,
            boot: script("boot.js")?,
            mount: script("mount.js")?,
        })
    }
}

/// What the pages link to: gate.js and boot.js, under their hashed names (mount.js keeps its
/// name: other sites link to it).
pub struct Scripts {
    /// gate.js.
    pub gate: Written,
    /// boot.js.
    pub boot: Written,
}

/// Fills the three scripts and writes them in `staging`: the pages' under `prefix` (the public
/// path), mount.js finding the app's files next to itself, wherever the app is deployed.
pub fn write_scripts(
    sources: &Sources,
    staging: &Path,
    prefix: &str,
    quick_search: &QuickSearch,
    app: &SplitApp,
    in_page_css: &Written,
) -> Result<Scripts, SiteError> {
    let quick_js = write_hashed(staging, "quick-search", "js", &quick_search.js)?;
    let quick_wasm = write_hashed(staging, "quick-search", "wasm", &quick_search.wasm)?;
    let names = coops_core::names::for_javascript();
    let at = |file: &str| format!("{prefix}{file}");
    let preload = |file: &str| serde_json::json!({"rel": "preload", "as": "fetch", "type": "application/wasm", "href": at(file), "fetchpriority": "low"});
    let (path, source) = &sources.gate;
    let gate = fill_placeholder(
        path,
        source,
        &serde_json::json!({
            "names": names,
            "preloads": {
                "quickSearch": [
                    {"rel": "modulepreload", "href": at(&quick_js.name)},
                    preload(&quick_wasm.name),
                ],
                "app": [
                    {"rel": "modulepreload", "href": at(&app.files.js), "fetchpriority": "low"},
                    preload(&app.files.wasm),
                ],
                // Each route's chunks, beside the app's main module (a page names its route's
                // chunk: ROUTE_CHUNK_ATTRIBUTE).
                "chunks": app.chunks.iter().map(|(chunk, files)| {
                    let preloads = files.iter().map(|file| preload(file)).collect();
                    (chunk.clone(), serde_json::Value::Array(preloads))
                }).collect::<serde_json::Map<_, _>>(),
            },
        }),
    )?;
    let gate = write_hashed(staging, "gate", "js", gate.as_bytes())?;
    let (path, source) = &sources.boot;
    let boot = fill_placeholder(
        path,
        source,
        &serde_json::json!({
            "names": names,
            "quickSearch": {"js": at(&quick_js.name), "wasm": at(&quick_wasm.name)},
            "app": {"js": at(&app.files.js), "wasm": at(&app.files.wasm)},
        }),
    )?;
    let boot = write_hashed(staging, "boot", "js", boot.as_bytes())?;
    let (path, source) = &sources.mount;
    let mount = fill_placeholder(
        path,
        source,
        &serde_json::json!({
            "names": names,
            "css": in_page_css.name,
            "app": {"js": app.files.js, "wasm": app.files.wasm},
            // The chunks of the two views another site's page shows, fetched beside the app.
            "chunks": {
                "directory": app.chunks.get("directory").cloned().unwrap_or_default(),
                "join": app.chunks.get("join").cloned().unwrap_or_default(),
            },
        }),
    )?;
    write(&staging.join("mount.js"), mount.as_bytes())?;
    Ok(Scripts { gate, boot })
}
