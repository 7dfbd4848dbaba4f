//! The site build, run by Trunk after each build (its post-build hook) on Trunk's staging
//! directory: every page of the site, rendered with the app's own components.
//!
//! Trunk builds the app's wasm and copies the data files; this writes the rest:
//! - a static page for every route that does not depend on the visitor (the directory, every
//!   co-op, networks, resources, the guide's first question, about, and `404.html`), each where
//!   a static host serves that path (`coops/<id>/index.html`), rendered by
//!   `tech_coops_app::render` from the same components the browser runs;
//! - the small scripts every page loads (`public/js/`: gate.js before the first paint, boot.js
//!   to start the app, mount.js for other sites' pages), each with its one placeholder filled
//!   with the names the Rust code uses (`coops_core::names`) and this build's file names;
//! - one stylesheet for the pages, and one for the app inside another site's page;
//! - `sitemap.xml` and `robots.txt`;
//! - `.gz` and `.br` copies of every text, JSON and wasm file, and configuration for real
//!   static hosts (nginx, Netlify and Cloudflare Pages, GitHub Pages): [`hosting`].
//!
//! It never writes half a site: a dataset or guide that does not load, or whose entries do not
//! all validate (a co-op id that would leave its folder among them), or a script without its
//! placeholder stops the build with a message naming the file or the entry, before any page
//! is written.

pub mod assets;
pub mod document;
pub mod hosting;
pub mod in_page_css;
pub mod routes;
pub mod sitemap;
pub mod trunk;
pub mod wasm;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use coops_core::Directory;
use coops_core::i18n::{Catalog, Lang, set_words};
use coops_core::join::load_guide;
use coops_core::join::texts::{guide_path, load_translated_guide, texts_path};
use coops_core::load::load_directory;
use coops_core::names::{
    DATASET_PATH, DIRECTORY_CSV_PATH, DIRECTORY_GEOJSON_PATH, GUIDE_PATH, MURMURATIONS_DIR,
    MURMURATIONS_INDEX, WORLD_CLOSE_PATH, WORLD_PATH,
};
use tech_coops_app::data::Dataset;
use tech_coops_app::host::Host;
use tech_coops_app::render::{Inputs, render};

use crate::assets::{fill_placeholder, include_shared, join_stylesheets, write_hashed};
use crate::document::{Assets, page};

/// What a build needs to know.
#[derive(Debug, Clone)]
pub struct Options {
    /// Trunk's staging directory: the site so far, written in place.
    pub staging: PathBuf,
    /// The project's root, where `style/` and `public/js/` are.
    pub source: PathBuf,
    /// The path the site is served under, as Trunk's public URL: `/` or `/directory/`.
    pub public_url: String,
    /// The deployment's origin (`https://example.org`), for canonical addresses and the sitemap.
    pub origin: String,
    /// Write `.gz` and `.br` copies (a release build; `trunk serve`'s debug builds skip it: its
    /// wasm is ten times larger, and nothing serves the copies).
    pub precompress: bool,
    /// A release build: cargo's linked app module (before wasm-bindgen), split into chunks
    /// when it has split points ([`wasm`]); `None` (`trunk serve`) keeps Trunk's files.
    pub linked_app: Option<PathBuf>,
    /// Where the split works (under `target/`).
    pub work: PathBuf,
}

/// The quick search's two files, built by the caller (crates/quick-search).
#[derive(Debug, Clone)]
pub struct QuickSearch {
    /// wasm-bindgen's glue.
    pub js: Vec<u8>,
    /// The module.
    pub wasm: Vec<u8>,
}

/// Why the site could not be built.
#[derive(Debug)]
pub enum SiteError {
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// Trunk's output lacks what the build needs from it.
    Trunk(String),
    /// A data file does not load: the loader's own message.
    Data {
        /// The file.
        path: PathBuf,
        /// The loader's message.
        message: String,
    },
    /// A co-op's id cannot be a folder name of the site.
    UnsafeId {
        /// The id as the dataset has it.
        id: String,
        /// The co-op's name.
        name: String,
    },
    /// A script's source lacks its placeholder, or has it more than once.
    Placeholder(PathBuf),
    /// A script's source asks to include a piece of script it cannot have (an unclosed
    /// marker, or a name that is not a file of `public/js/include/`).
    Include {
        /// The script.
        path: PathBuf,
        /// What is wrong with the marker.
        message: String,
    },
    /// A stylesheet says something the in-page stylesheet cannot.
    Style(String),
    /// A tool (cargo, wasm-bindgen, wasm-opt, the splitter) failed.
    Tool(String),
}

impl std::fmt::Display for SiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SiteError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            SiteError::Trunk(message) => write!(f, "Trunk's output: {message}"),
            SiteError::Data { path, message } => write!(f, "{}: {message}", path.display()),
            SiteError::UnsafeId { id, name } => write!(
                f,
                "the co-op {name:?} has the id {id:?}, which cannot be a folder of the site \
                 (only letters, digits, '-', '_' and '.', not starting with '.')"
            ),
            SiteError::Style(message) => write!(f, "style/: {message}"),
            SiteError::Tool(message) => write!(f, "{message}"),
            SiteError::Include { path, message } => write!(f, "{}: {message}", path.display()),
            SiteError::Placeholder(path) => write!(
                f,
                "{}: needs exactly one placeholder {}",
                path.display(),
                assets::PLACEHOLDER
            ),
        }
    }
}

impl std::error::Error for SiteError {}

/// What was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Pages written (each route's `index.html`, and `404.html`, in every language).
    pub pages: usize,
    /// Bytes of HTML written.
    pub html_bytes: usize,
    /// Files written precompressed (`.gz` and `.br` beside each).
    pub compressed: usize,
    /// Seconds spent rendering and writing the pages.
    pub pages_s: f32,
    /// Seconds spent compressing.
    pub compression_s: f32,
    /// Co-op pages' locator maps written (every co-op that is somewhere).
    pub locators: usize,
}

/// Reads a file, naming it in the error.
pub fn read(path: &Path) -> Result<Vec<u8>, SiteError> {
    std::fs::read(path).map_err(|error| SiteError::Io {
        path: path.to_path_buf(),
        error,
    })
}

/// Writes a file and the folders above it, naming it in the error.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), SiteError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|error| SiteError::Io {
            path: parent.to_path_buf(),
            error,
        })?;
    }
    std::fs::write(path, bytes).map_err(|error| SiteError::Io {
        path: path.to_path_buf(),
        error,
    })
}

/// The Murmurations profiles of `directory`'s co-ops, one file each in [`MURMURATIONS_DIR`],
/// and [`MURMURATIONS_INDEX`]: each profile's address (the one to register with the
/// Murmurations index) and the co-ops left out, with why.
fn publish_murmurations(
    staging: &Path,
    directory: &Directory,
    app_url: &str,
) -> Result<(), SiteError> {
    use coops_core::export::murmurations;
    let made = murmurations::profiles(directory, &directory.coops);
    let mut listed = Vec::new();
    for (id, profile) in &made.made {
        let path = format!("{MURMURATIONS_DIR}/{id}.json");
        write(&staging.join(&path), profile.to_string().as_bytes())?;
        listed.push(serde_json::json!({"id": id, "profile_url": format!("{app_url}{path}")}));
    }
    let left_out: Vec<_> = made
        .left_out
        .iter()
        .map(|(id, reason)| serde_json::json!({"id": id, "reason": reason.as_str()}))
        .collect();
    let index = serde_json::json!({
        "linked_schema": murmurations::SCHEMA,
        "profiles": listed,
        "left_out": left_out,
    });
    write(
        &staging.join(MURMURATIONS_INDEX),
        index.to_string().as_bytes(),
    )
}

/// A map asset of the staging directory (`data/world.json`...), read whole.
fn read_map(staging: &Path, file: &str) -> Result<coops_core::geo::WorldMap, SiteError> {
    let path = staging.join(file);
    serde_json::from_slice(&read(&path)?).map_err(|e| SiteError::Data {
        path,
        message: format!("not a map the app can draw: {e}"),
    })
}

/// Each co-op page's locator map, cut from the map assets (`coops_core::locator`), one file
/// each in [`coops_core::names::LOCATOR_DIR`]; a co-op that is nowhere has none (its page draws no map).
fn publish_locators(staging: &Path, directory: &Directory) -> Result<usize, SiteError> {
    use coops_core::locator::{locator_map, locator_path};
    let world = read_map(staging, WORLD_PATH)?;
    let close = read_map(staging, WORLD_CLOSE_PATH)?;
    let places = coops_core::places::map_places(&directory.coops);
    let mut written = 0;
    for (i, coop) in directory.coops.iter().enumerate() {
        let of = coops_core::nearby::places_of(&places, i);
        let cut = locator_map(&world, &close, &of).map_err(|broken| SiteError::Data {
            path: staging.join(broken.asset),
            message: format!("the shape of {} is not the map's path data", broken.country),
        })?;
        if let Some(cut) = cut {
            let json = serde_json::to_string(&cut).expect("a map writes as JSON");
            write(&staging.join(locator_path(&coop.id)), json.as_bytes())?;
            written += 1;
        }
    }
    Ok(written)
}

/// The stylesheets, in cascade order: `page.css` (the standalone page's own rules) first, for
/// the pages only; the rest are the app's, also loaded alone in other sites' pages.
pub const STYLESHEETS: [&str; 16] = [
    "page.css",
    "tokens.css",
    "base.css",
    "shell.css",
    "load-state.css",
    "directory.css",
    "search-box.css",
    "facets.css",
    "filter-chips.css",
    "download.css",
    "coop-card.css",
    "coop-page.css",
    "resources.css",
    "world-map.css",
    "join.css",
    "embed.css",
];

/// Builds the site in `options.staging`.
pub fn build(options: &Options, quick_search: &QuickSearch) -> Result<Report, SiteError> {
    let staging = &options.staging;
    let prefix = options.public_url.as_str();
    // -- what Trunk built, and the data: read and checked before anything is written --
    let index_path = staging.join("index.html");
    let trunk_app = trunk::app_files(&String::from_utf8_lossy(&read(&index_path)?))?;
    let data_path = staging.join(DATASET_PATH);
    let loaded = load_directory(&String::from_utf8_lossy(&read(&data_path)?)).map_err(|e| {
        SiteError::Data {
            path: data_path.clone(),
            message: format!("not a dataset the app can read: {e}"),
        }
    })?;
    // The app would show the rest with a notice; a build publishes only a dataset that reads
    // whole (it comes from the importer: a skipped entry is a damaged file).
    if !loaded.skipped.is_empty() {
        let entries: Vec<String> = loaded
            .skipped
            .iter()
            .map(|s| format!("{} {:?}: {}", s.kind, s.label, s.reason))
            .collect();
        return Err(SiteError::Data {
            path: data_path,
            message: format!(
                "{} entries do not validate, and the site would lack them: {}",
                entries.len(),
                entries.join("; ")
            ),
        });
    }
    let english_guide = staging.join(GUIDE_PATH);
    let guide_text = String::from_utf8_lossy(&read(&english_guide)?).into_owned();
    let guide = load_guide(&guide_text).map_err(|e| SiteError::Data {
        path: english_guide.clone(),
        message: format!("not a guide the app can show: {e}"),
    })?;
    let routes = routes::all(&loaded.directory)?;
    // Every language's words and guide, as the site serves them (Trunk copies public/i18n/
    // and public/data/).
    let languages = Lang::ALL
        .into_iter()
        .map(|lang| {
            let catalog = Catalog::read(lang, staging).map_err(|e| SiteError::Data {
                path: staging.join(lang.catalog_path()),
                message: e.to_string(),
            })?;
            // The build's whole life: every page of the language renders with them.
            let catalog: &'static Catalog = Box::leak(Box::new(catalog));
            // The guide in the language: its translation laid over it, and checked whole.
            let guide = match lang {
                Lang::En => guide.clone(),
                lang => {
                    let path = staging.join(texts_path(lang));
                    let texts = String::from_utf8_lossy(&read(&path)?).into_owned();
                    let guide = load_translated_guide(&guide_text, &texts).map_err(|e| {
                        SiteError::Data {
                            path,
                            message: format!("not a translation of the guide: {e}"),
                        }
                    })?;
                    // The whole guide in the language, which the app reads as it reads
                    // the English one (see `guide_path`).
                    let served = staging.join(guide_path(lang));
                    let json = serde_json::to_string(&guide).map_err(|e| SiteError::Data {
                        path: served.clone(),
                        message: e.to_string(),
                    })?;
                    write(&served, json.as_bytes())?;
                    guide
                }
            };
            Ok((lang, catalog, Arc::new(guide)))
        })
        .collect::<Result<Vec<_>, SiteError>>()?;
    let scripts = options.source.join("public/js");
    let script = |name: &str| -> Result<(PathBuf, String), SiteError> {
        let path = scripts.join(name);
        let source = String::from_utf8_lossy(&read(&path)?).into_owned();
        let source = include_shared(&path, &source, &scripts.join("include"))?;
        Ok((path, source))
    };
    let (gate_path, gate_source) = script("gate.js")?;
    let (boot_path, boot_source) = script("boot.js")?;
    let (mount_path, mount_source) = script("mount.js")?;

    // -- the app's wasm: split into a chunk per route, or Trunk's as it is --
    let app = wasm::app_wasm(options, trunk_app)?;

    // -- the stylesheets --
    let style = options.source.join("style");
    let site_css = join_stylesheets(&style, &STYLESHEETS)?;
    // The in-page stylesheet, for a shadow root on another site's page: sized from the app's
    // own base, not the host's root font size.
    let app_css = join_stylesheets(&style, &STYLESHEETS[1..])?;
    let app_css =
        in_page_css::rem_from_app_base(&app_css).map_err(|e| SiteError::Style(e.to_string()))?;
    let site_css = write_hashed(staging, "site", "css", site_css.as_bytes())?;
    let app_css = write_hashed(staging, "app", "css", app_css.as_bytes())?;

    // -- the scripts --
    let quick_js = write_hashed(staging, "quick-search", "js", &quick_search.js)?;
    let quick_wasm = write_hashed(staging, "quick-search", "wasm", &quick_search.wasm)?;
    let names = coops_core::names::for_javascript();
    let at = |file: &str| format!("{prefix}{file}");
    let gate = fill_placeholder(
        &gate_path,
        &gate_source,
        &serde_json::json!({
            "names": names,
            "preloads": {
                "quickSearch": [
                    {"rel": "modulepreload", "href": at(&quick_js.name)},
                    {"rel": "preload", "as": "fetch", "type": "application/wasm", "href": at(&quick_wasm.name), "fetchpriority": "low"},
                ],
                "app": [
                    {"rel": "modulepreload", "href": at(&app.files.js), "fetchpriority": "low"},
                    {"rel": "preload", "as": "fetch", "type": "application/wasm", "href": at(&app.files.wasm), "fetchpriority": "low"},
                ],
                // Each route's chunks, beside the app's main module (a page names its route's
                // chunk: ROUTE_CHUNK_ATTRIBUTE).
                "chunks": app.chunks.iter().map(|(chunk, files)| {
                    let preloads: Vec<_> = files.iter().map(|file| serde_json::json!(
                        {"rel": "preload", "as": "fetch", "type": "application/wasm", "href": at(file), "fetchpriority": "low"}
                    )).collect();
                    (chunk.clone(), serde_json::Value::Array(preloads))
                }).collect::<serde_json::Map<_, _>>(),
            },
        }),
    )?;
    let gate = write_hashed(staging, "gate", "js", gate.as_bytes())?;
    let boot = fill_placeholder(
        &boot_path,
        &boot_source,
        &serde_json::json!({
            "names": names,
            "quickSearch": {"js": at(&quick_js.name), "wasm": at(&quick_wasm.name)},
            "app": {"js": at(&app.files.js), "wasm": at(&app.files.wasm)},
        }),
    )?;
    let boot = write_hashed(staging, "boot", "js", boot.as_bytes())?;
    // mount.js finds the app's files next to itself, wherever the app is deployed.
    let mount = fill_placeholder(
        &mount_path,
        &mount_source,
        &serde_json::json!({
            "names": names,
            "css": app_css.name,
            "app": {"js": app.files.js, "wasm": app.files.wasm},
            // The chunks of the two views another site's page shows, fetched beside the app.
            "chunks": {
                "directory": app.chunks.get("directory").cloned().unwrap_or_default(),
                "join": app.chunks.get("join").cloned().unwrap_or_default(),
            },
        }),
    )?;
    write(&staging.join("mount.js"), mount.as_bytes())?;

    // -- the pages --
    let base = prefix.trim_end_matches('/').to_string();
    let app_url = format!("{}{prefix}", options.origin.trim_end_matches('/'));
    // Where every page is served; each language's pages add its words, dataset and guide.
    let host = Host {
        base: base.clone(),
        link_prefix: base,
        app_url: app_url.clone(),
        prerendering: true,
        ..Host::default()
    };
    let assets = Assets {
        public_url: prefix.to_string(),
        gate,
        boot,
        stylesheet: site_css,
    };
    let mut report = Report {
        pages: 0,
        html_bytes: 0,
        compressed: 0,
        pages_s: 0.0,
        compression_s: 0.0,
        locators: 0,
    };
    let started = std::time::Instant::now();
    let mut indexed = Vec::new();
    for (lang, words, guide) in languages {
        // A page is in one language from start to end: its words are set once, before it
        // renders (`coops_core::i18n::words`).
        set_words(words);
        let inputs = Inputs {
            host: Host {
                lang,
                ..host.clone()
            },
            guide,
            directory: Arc::new(Dataset::new(loaded.clone(), lang)),
        };
        for route in &routes {
            let rendered = render(&inputs, &route.app_path());
            let html = page(route, lang, &rendered, &assets);
            write(&staging.join(route.file(lang)), html.as_bytes())?;
            report.pages += 1;
            report.html_bytes += html.len();
            if route.indexed() {
                indexed.push(inputs.host.page_url(&route.app_path()));
            }
        }
    }
    // The whole dataset in the formats other tools read, at stable addresses (issue 22).
    let everyone = &loaded.directory;
    write(
        &staging.join(DIRECTORY_CSV_PATH),
        coops_core::export::csv(everyone, &everyone.coops).as_bytes(),
    )?;
    write(
        &staging.join(DIRECTORY_GEOJSON_PATH),
        coops_core::export::geojson(everyone, &everyone.coops)
            .to_string()
            .as_bytes(),
    )?;
    publish_murmurations(staging, everyone, &app_url)?;
    report.locators = publish_locators(staging, everyone)?;
    write(
        &staging.join("sitemap.xml"),
        sitemap::sitemap(&indexed).as_bytes(),
    )?;
    write(
        &staging.join("robots.txt"),
        sitemap::robots(&format!("{app_url}sitemap.xml")).as_bytes(),
    )?;
    hosting::write_configs(staging, prefix)?;
    report.pages_s = started.elapsed().as_secs_f32();
    let started = std::time::Instant::now();
    if options.precompress {
        report.compressed = hosting::precompress(staging)?;
    }
    report.compression_s = started.elapsed().as_secs_f32();
    Ok(report)
}
