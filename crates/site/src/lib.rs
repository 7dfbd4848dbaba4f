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
pub mod inputs;
pub mod publish;
pub mod routes;
pub mod scripts;
pub mod sitemap;
pub mod trunk;
pub mod wasm;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use coops_core::i18n::set_words;
use coops_core::load::Loaded;
use tech_coops_app::data::Dataset;
use tech_coops_app::host::Host;
use tech_coops_app::render::{Inputs, render};

use crate::assets::{Written, join_stylesheets, write_hashed};
use crate::document::{Assets, page};
use crate::routes::Route;

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
    // -- what Trunk built, the data and the scripts: read and checked before anything is written --
    let trunk_app = trunk::app_files(&String::from_utf8_lossy(&read(
        &staging.join("index.html"),
    )?))?;
    let loaded = inputs::dataset(staging)?;
    let english_guide = inputs::guide(staging)?;
    let routes = routes::all(&loaded.directory)?;
    let languages = inputs::languages(staging, &english_guide)?;
    let script_sources = scripts::Sources::read(&options.source.join("public/js"))?;

    // -- the app's wasm: split into a chunk per route, or Trunk's as it is --
    let app = wasm::app_wasm(options, trunk_app)?;
    let stylesheets = write_stylesheets(options)?;
    let scripts = scripts::write_scripts(
        &script_sources,
        staging,
        prefix,
        quick_search,
        &app,
        &stylesheets.in_page,
    )?;

    // -- the pages, then the data in other formats and what hosts read --
    let app_url = format!("{}{prefix}", options.origin.trim_end_matches('/'));
    let assets = Assets {
        public_url: prefix.to_string(),
        gate: scripts.gate,
        boot: scripts.boot,
        stylesheet: stylesheets.pages,
    };
    let started = std::time::Instant::now();
    let pages = write_pages(options, &app_url, &loaded, &routes, languages, &assets)?;
    let locators = publish::publish_data(staging, &loaded.directory, &app_url)?;
    write(
        &staging.join("sitemap.xml"),
        sitemap::sitemap(&pages.indexed).as_bytes(),
    )?;
    write(
        &staging.join("robots.txt"),
        sitemap::robots(&format!("{app_url}sitemap.xml")).as_bytes(),
    )?;
    hosting::write_configs(staging, prefix)?;
    let pages_s = started.elapsed().as_secs_f32();
    let started = std::time::Instant::now();
    let compressed = if options.precompress {
        hosting::precompress(staging)?
    } else {
        0
    };
    Ok(Report {
        pages: pages.written,
        html_bytes: pages.html_bytes,
        compressed,
        pages_s,
        compression_s: started.elapsed().as_secs_f32(),
        locators,
    })
}

/// The two stylesheets, as written.
struct Stylesheets {
    /// The pages' (every file of [`STYLESHEETS`]).
    pages: Written,
    /// The app's inside another site's page: in a shadow root, sized from the app's own base,
    /// not the host's root font size.
    in_page: Written,
}

/// Joins and writes the stylesheets: one blocks a page's first paint instead of one per file.
fn write_stylesheets(options: &Options) -> Result<Stylesheets, SiteError> {
    let style = options.source.join("style");
    let pages = join_stylesheets(&style, &STYLESHEETS)?;
    let in_page = join_stylesheets(&style, &STYLESHEETS[1..])?;
    let in_page =
        in_page_css::rem_from_app_base(&in_page).map_err(|e| SiteError::Style(e.to_string()))?;
    Ok(Stylesheets {
        pages: write_hashed(&options.staging, "site", "css", pages.as_bytes())?,
        in_page: write_hashed(&options.staging, "app", "css", in_page.as_bytes())?,
    })
}

/// The pages as written.
struct Pages {
    /// How many.
    written: usize,
    /// Their bytes of HTML.
    html_bytes: usize,
    /// The public addresses of those search engines should list, for the sitemap.
    indexed: Vec<String>,
}

/// Renders every route in every language with the app's components and writes each page
/// where a static host serves its path.
fn write_pages(
    options: &Options,
    app_url: &str,
    loaded: &Loaded,
    routes: &[Route],
    languages: Vec<inputs::Language>,
    assets: &Assets,
) -> Result<Pages, SiteError> {
    let base = options.public_url.trim_end_matches('/').to_string();
    // Where every page is served; each language's pages add its words, dataset and guide.
    let host = Host {
        base: base.clone(),
        link_prefix: base,
        app_url: app_url.to_string(),
        prerendering: true,
        ..Host::default()
    };
    let mut pages = Pages {
        written: 0,
        html_bytes: 0,
        indexed: Vec::new(),
    };
    for language in languages {
        // A page is in one language from start to end: its words are set once, before it
        // renders (`coops_core::i18n::words`).
        set_words(language.words);
        let lang = language.lang;
        let inputs = Inputs {
            host: Host {
                lang,
                ..host.clone()
            },
            guide: language.guide,
            directory: Arc::new(Dataset::new(loaded.clone(), lang)),
        };
        for route in routes {
            let rendered = render(&inputs, &route.app_path());
            let html = page(route, lang, &rendered, assets);
            write(&options.staging.join(route.file(lang)), html.as_bytes())?;
            pages.written += 1;
            pages.html_bytes += html.len();
            if route.indexed() {
                pages.indexed.push(inputs.host.page_url(&route.app_path()));
            }
        }
    }
    Ok(pages)
}
