//! Fetching the app's data files, with one typed error for everything that can go wrong.
//!
//! The dataset is fetched once and shared through context; pages derive everything else from it
//! with memos. A failed load is shown by the error view, whose Retry refetches.

use coops_core::i18n::words;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use coops_core::Directory;
use coops_core::geo::WorldMap;
use coops_core::i18n::Lang;
use coops_core::join::texts::guide_path;
use coops_core::join::{GuideError, JoinGuide, load_guide};
use coops_core::load::{
    DatasetError, Loaded, Skipped, decode_text, load_directory, parse_document,
};
use coops_core::search::Index;
use gloo_net::http::Request;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use coops_core::names::{DATASET_GLOBAL, DATASET_PATH, FETCH_TIMEOUT_MS};

use crate::host::{Host, use_host};

/// How long a request may take before it is abandoned: a hung host must not mean an endless
/// spinner.
const TIMEOUT: Duration = Duration::from_millis(FETCH_TIMEOUT_MS as u64);

/// Everything that can go wrong while loading a data file.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The browser reports no network connection.
    Offline,
    /// No answer within [`TIMEOUT`].
    Timeout,
    /// The request failed before any answer (DNS, refused connection, CORS, ...).
    Network(String),
    /// The server answered with an error status.
    Http {
        /// The HTTP status code.
        status: u16,
        /// The file asked for.
        url: String,
    },
    /// The file arrived but could not be read as a dataset.
    Dataset(DatasetError),
    /// The join guide arrived but is broken.
    Guide(GuideError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Offline => f.write_str(words().text("error-offline")),
            LoadError::Timeout => f.write_str(words().text("error-timeout")),
            LoadError::Network(detail) => {
                f.write_str(&words().format("error-network", &[("detail", detail)]))
            }
            LoadError::Http { status: 404, url } => {
                f.write_str(&words().format("error-not-found", &[("url", url)]))
            }
            LoadError::Http { status, url } => {
                let key = if *status >= 500 {
                    "error-server"
                } else {
                    "error-refused"
                };
                let status = status.to_string();
                f.write_str(&words().format(key, &[("url", url), ("status", &status)]))
            }
            LoadError::Dataset(e) => write!(f, "{}.", capitalised(&e.to_string())),
            LoadError::Guide(e) => write!(f, "{}.", capitalised(&e.to_string())),
        }
    }
}

impl std::error::Error for LoadError {}

fn capitalised(text: &str) -> String {
    let mut text = text.to_string();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// The dataset as boot.js fetched it for the quick search (public/js/boot.js), so it
/// crosses the network once. Taken once: a retry fetches afresh. `None` when there is none
/// (another address, another site's page) or that fetch failed (the app's own fetch then
/// finds out why); a timeout is reported as one, at once, rather than waited for twice.
async fn handed_over_dataset() -> Option<Result<String, LoadError>> {
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str(DATASET_GLOBAL);
    let shared = js_sys::Reflect::get(&window, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let promise = shared.dyn_into::<js_sys::Promise>().ok()?;
    let outcome = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let field =
        |name: &str| js_sys::Reflect::get(&outcome, &wasm_bindgen::JsValue::from_str(name)).ok();
    if let Some(bytes) = field("bytes").and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok()) {
        return Some(Ok(decode_text(bytes.to_vec())));
    }
    let error = field("error").and_then(|e| e.as_string());
    (error.as_deref() == Some("timeout")).then_some(Err(LoadError::Timeout))
}

/// Fetches country shapes: the world's (`WORLD_PATH`), the close-up map's or a co-op page's
/// locator map (`coops_core::locator`), at a URL from [`Host::data_url`].
pub async fn fetch_world(url: &str) -> Result<Arc<WorldMap>, LoadError> {
    let text = fetch_text(url).await?;
    parse_document::<WorldMap>(&text)
        .map(Arc::new)
        .map_err(LoadError::Dataset)
}

/// Fetches a text file (a URL from [`Host::data_url`]), turning every failure into a
/// [`LoadError`].
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    if !is_online() {
        return Err(LoadError::Offline);
    }
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller
        .clone()
        .and_then(|c| set_timeout_with_handle(move || c.abort(), TIMEOUT).ok());
    let mut request = Request::get(url).abort_signal(signal.as_ref());
    // The first request may be answered by index.html's preload of the dataset; a retry must
    // go to the network, or it could be handed the same stalled or failed preload again.
    if !first_attempt(url) {
        request = request.cache(web_sys::RequestCache::Reload);
    }
    let response = request.send().await;
    let aborted = signal.as_ref().is_some_and(|s| s.aborted());
    let result = match response {
        Err(_) if aborted => Err(LoadError::Timeout),
        Err(_) if !is_online() => Err(LoadError::Offline),
        Err(e) => Err(LoadError::Network(e.to_string())),
        Ok(r) if !r.ok() => Err(LoadError::Http {
            status: r.status(),
            url: url.to_string(),
        }),
        // Bytes, not text: see `decode_text`.
        Ok(r) => r.binary().await.map(decode_text).map_err(|e| {
            if signal.as_ref().is_some_and(|s| s.aborted()) {
                LoadError::Timeout
            } else {
                LoadError::Network(e.to_string())
            }
        }),
    };
    if let Some(timer) = timer {
        timer.clear();
    }
    result
}

/// True the first time `url` is asked for in this page.
fn first_attempt(url: &str) -> bool {
    thread_local! {
        static ASKED: std::cell::RefCell<std::collections::HashSet<String>> = Default::default();
    }
    ASKED.with(|asked| asked.borrow_mut().insert(url.to_string()))
}

fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// The dataset as the pages use it: what loaded, what was skipped, and the search index,
/// built once here so no keystroke ever re-normalises the data.
#[derive(Debug)]
pub struct Dataset {
    /// The entries that read and validated.
    pub directory: Directory,
    /// The entries that did not, for the notice.
    pub skipped: Vec<Skipped>,
    /// The search index over `directory.coops`.
    pub index: Index,
    /// The dataset as published, in English whatever the page's language, without its
    /// co-ops: what a download writes the co-ops on screen with, so a file from a Spanish page
    /// reads like the published one.
    pub published: Directory,
}

impl Dataset {
    /// What the loader read, in `lang` ([`coops_core::Directory::localize`]), with its search
    /// index built.
    pub fn new(
        Loaded {
            mut directory,
            skipped,
        }: Loaded,
        lang: Lang,
    ) -> Self {
        let published = directory.without_coops();
        directory.localize(lang);
        let index = Index::build(&directory);
        Dataset {
            directory,
            skipped,
            index,
            published,
        }
    }

    /// A region's display name (its id when unknown).
    pub fn region_name(&self, id: &str) -> String {
        self.directory.region_name(id)
    }
    /// A country's display name (its code when unknown).
    pub fn country_name(&self, code: &str) -> String {
        self.directory.country_name(code)
    }
    /// A tag's display name (its id when unknown).
    pub fn tag_name(&self, id: &str) -> String {
        self.directory.tag_name(id)
    }
}

/// The loaded dataset, shared by every page.
pub type DirectoryData = Arc<Dataset>;

/// Fetches and reads the dataset, and builds its search index.
pub async fn fetch_directory(url: String) -> Result<DirectoryData, LoadError> {
    let text = match handed_over_dataset().await {
        Some(handed_over) => {
            // That was the first request: a retry must not be answered by the preload.
            first_attempt(&url);
            handed_over?
        }
        None => fetch_text(&url).await?,
    };
    crate::perf::mark("dataset: received");
    let loaded = load_directory(&text).map_err(LoadError::Dataset)?;
    crate::perf::measure("dataset: parse", "dataset: received");
    // The text's memory goes back before the index takes its own.
    drop(text);
    let dataset = Dataset::new(loaded, words().lang());
    crate::perf::measure("dataset: parse and index", "dataset: received");
    Ok(Arc::new(dataset))
}

/// Data a page needs: at hand (the build renders with it), or on its way (in the browser).
#[derive(Clone)]
pub enum Loadable<T: Send + Sync + 'static> {
    /// Given by the caller: rendered at once, with no loading state.
    Ready(T),
    /// Being fetched.
    Fetching(LocalResource<Result<T, LoadError>>),
}

/// The dataset, provided once by the app shell: at hand, or fetched the first time a page asks
/// for it. Its reader is then in the code of the pages that read the dataset, not in the app's
/// main module: in the release build (split by route) the about page and the guide's questions
/// never download it.
#[derive(Clone)]
pub struct DirectorySource {
    /// Given by the caller (the build).
    ready: Option<DirectoryData>,
    /// Where the dataset is fetched from.
    url: String,
    /// The shell's owner, which the resource belongs to: a page's would drop it, and the next
    /// page would fetch the dataset again.
    owner: Owner,
    /// The resource, once a page has asked.
    fetching: Arc<std::sync::OnceLock<LocalResource<Result<DirectoryData, LoadError>>>>,
}

/// Makes the dataset available to every page: `ready` when the caller has it, otherwise
/// fetched from the app's address when a page first asks ([`use_directory`]).
pub fn provide_directory(ready: Option<DirectoryData>) {
    provide_context(DirectorySource {
        ready,
        url: use_host().data_url(DATASET_PATH),
        owner: Owner::current().unwrap_or_default(),
        fetching: Default::default(),
    });
}

/// The dataset provided by [`provide_directory`]: at hand, or fetched (once for the whole app).
pub fn use_directory() -> Loadable<DirectoryData> {
    let source = expect_context::<DirectorySource>();
    if let Some(data) = source.ready {
        return Loadable::Ready(data);
    }
    let resource = *source.fetching.get_or_init(|| {
        let url = source.url.clone();
        source
            .owner
            .with(|| LocalResource::new(move || fetch_directory(url.clone())))
    });
    Loadable::Fetching(resource)
}

/// The joining guide, read and validated.
pub type GuideData = Arc<JoinGuide>;

/// The guide when the caller has it at hand (the build); `None` means the guide page fetches
/// it when it is opened (no other page needs it).
#[derive(Clone)]
struct GuideAtHand(Option<GuideData>);

/// Makes the guide available, when the caller has it.
pub fn provide_guide(ready: Option<GuideData>) {
    provide_context(GuideAtHand(ready));
}

/// The guide: at hand, or fetched from `host`'s address now.
pub fn use_guide(host: &Host) -> Loadable<GuideData> {
    match use_context::<GuideAtHand>().and_then(|g| g.0) {
        Some(guide) => Loadable::Ready(guide),
        None => {
            // The guide in the app's language, as the site build wrote it.
            let url = host.data_url(&guide_path(host.lang));
            Loadable::Fetching(LocalResource::new(move || fetch_guide(url.clone())))
        }
    }
}

/// Fetches, reads and validates the join guide. A broken guide fails only the wizard.
pub async fn fetch_guide(url: String) -> Result<GuideData, LoadError> {
    let text = fetch_text(&url).await?;
    load_guide(&text).map(Arc::new).map_err(|e| match e {
        GuideError::File(file) => LoadError::Dataset(file),
        invalid => LoadError::Guide(invalid),
    })
}
