//! Each route's view, as the router draws it: in the split release build each but the about
//! page's is a chunk of its own, which its pages preload (the names are the chunks' names: crates/site/src/routes.rs
//! maps routes to them).

use super::about::AboutPage;
use super::coop::CoopPage;
use super::directory::DirectoryPage;
use super::join::JoinPage;
use super::resources::{NetworksPage, ResourcesPage};
use crate::chunk::chunked_view;
use leptos::prelude::*;

chunked_view!(
    /// The directory.
    pub fn directory() => DirectoryPage
);
chunked_view!(
    /// A co-op's page.
    pub fn coop() => CoopPage
);
chunked_view!(
    /// The joining guide.
    pub fn join() => JoinPage
);
chunked_view!(
    /// Networks of co-ops.
    pub fn networks() => NetworksPage, chunk = links
);
chunked_view!(
    /// Resources.
    pub fn resources() => ResourcesPage, chunk = links
);
/// About the directory: in the main module. As a chunk of its own (3 KiB gzip) it cut the code
/// the routes share into nine more chunks, most of a few bytes, a request each; in the main
/// module it costs every page 2.4 KiB and saves each route 4 to 6 requests (`make size`).
pub fn about() -> AnyView {
    view! { <AboutPage /> }.into_any()
}
