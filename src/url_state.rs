//! The directory's filters live in the URL, so any view can be shared, reloaded, and stepped
//! through with Back and Forward. This reads them with the core's codec and writes them back.

use std::sync::Arc;

use coops_core::query::{DirectoryQuery, UrlCodec};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use crate::host::{Host, use_host};

/// How a filter change enters the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// A new entry, so Back returns to the previous filters (clicks on facets).
    Push,
    /// Replace the current entry (each keystroke in the search box).
    Replace,
}

/// The router's navigate function, shareable by every handler that changes the query.
type Navigate = Arc<dyn Fn(&str, NavigateOptions) + Send + Sync>;

/// Writes the address's query string and nothing else: the path stays exactly as the page has
/// it (a host page's trailing slash included) and so does any hash, which may be the host's.
#[derive(Clone)]
pub struct QueryWriter {
    path: Memo<String>,
    search: Memo<String>,
    navigate: Navigate,
    host: Arc<Host>,
}

impl QueryWriter {
    /// A writer for the current location.
    pub fn from_location() -> Self {
        let location = use_location();
        QueryWriter {
            path: location.pathname,
            search: location.search,
            navigate: Arc::new(use_navigate()),
            host: use_host(),
        }
    }

    /// The address of the same path with the app's query `own` (without its `?`): in a host
    /// page, the host's own pairs kept beside it.
    pub fn href(&self, own: &str) -> String {
        let query = self
            .host
            .query_share()
            .write(&self.search.get_untracked(), own);
        let path = self.path.get_untracked();
        let href = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        // An embedded app keeps its settings, so a reload inside the frame stays embedded.
        self.host.keep_embed_in(&href)
    }

    /// Navigates to the same path with the app's query `own` (without its `?`), without
    /// scrolling. The browser's path as it is: `resolve: false` keeps the router from
    /// re-deriving it from its base, which drops a trailing slash.
    pub fn write(&self, own: &str, history: History) {
        let href = self.href(own);
        // The hash goes back afterwards, not through the router: the router would scroll to
        // the element it names on every keystroke (a host page's heading, say). It is read
        // from the browser: the router's copy of the address loses it after the first write.
        let Some(window) = web_sys::window() else {
            return;
        };
        let hash = window.location().hash().unwrap_or_default();
        (self.navigate)(
            &href,
            NavigateOptions {
                resolve: false,
                replace: history == History::Replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
        if !hash.is_empty()
            && let Ok(history) = window.history()
        {
            let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
            let _ = history.replace_state_with_url(&state, "", Some(&format!("{href}{hash}")));
        }
    }
}

/// A page's query in the current URL (the directory's, by default), and a way to change it.
#[derive(Clone)]
pub struct QueryState<Q: UrlCodec = DirectoryQuery> {
    /// The query the URL describes.
    pub query: Memo<Q>,
    writer: QueryWriter,
}

impl<Q: UrlCodec> QueryState<Q> {
    /// Reads the query from the current location.
    pub fn from_location() -> Self {
        let search = use_location().search;
        let share = use_host().query_share();
        QueryState {
            query: Memo::new(move |_| Q::from_query_string(&share.read(&search.read()))),
            writer: QueryWriter::from_location(),
        }
    }

    /// Navigates to the same page with `query`, without scrolling.
    pub fn set(&self, query: Q, history: History) {
        self.writer.write(&query.to_query_string(), history);
    }

    /// Applies `change` to the current query and navigates there.
    pub fn update(&self, history: History, change: impl FnOnce(&mut Q)) {
        let mut query = self.query.get_untracked();
        change(&mut query);
        self.set(query, history);
    }
}
