//! The directory's filters live in the URL, so any view can be shared, reloaded, and stepped
//! through with Back and Forward. This reads them with the core's codec and writes them back.

use std::sync::Arc;

use coops_core::query::DirectoryQuery;
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

/// The directory query in the current URL, and a way to change it.
#[derive(Clone)]
pub struct QueryState {
    /// The query the URL describes.
    pub query: Memo<DirectoryQuery>,
    path: Memo<String>,
    navigate: Navigate,
    host: Arc<Host>,
}

/// The router's navigate function, shareable by every handler that changes the filters.
type Navigate = Arc<dyn Fn(&str, NavigateOptions) + Send + Sync>;

impl QueryState {
    /// Reads the query from the current location.
    pub fn from_location() -> Self {
        let location = use_location();
        let search = location.search;
        QueryState {
            query: Memo::new(move |_| DirectoryQuery::from_query_string(&search.read())),
            path: location.pathname,
            navigate: Arc::new(use_navigate()),
            host: use_host(),
        }
    }

    /// Navigates to the same page with `query`, without scrolling.
    pub fn set(&self, query: DirectoryQuery, history: History) {
        let qs = query.to_query_string();
        // The router adds the base itself.
        let path = self.host.app_path(&self.path.get_untracked());
        let href = if qs.is_empty() {
            path
        } else {
            format!("{path}?{qs}")
        };
        // An embedded app keeps its settings, so a reload inside the frame stays embedded.
        let href = self.host.keep_embed_in(&href);
        (self.navigate)(
            &href,
            NavigateOptions {
                replace: history == History::Replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    }

    /// Applies `change` to the current query and navigates there.
    pub fn update(&self, history: History, change: impl FnOnce(&mut DirectoryQuery)) {
        let mut query = self.query.get_untracked();
        change(&mut query);
        self.set(query, history);
    }
}
