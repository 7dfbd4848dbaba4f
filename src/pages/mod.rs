//! One module per route.

pub mod about;
pub mod coop;
pub mod directory;
pub mod join;
pub mod not_found;
pub mod resources;

use crate::chunk::chunked_view;
use about::AboutPage;
use coop::CoopPage;
use directory::DirectoryPage;
use join::JoinPage;
use resources::{NetworksPage, ResourcesPage};

// Each route's view; in the split release build each is a chunk of its own, which its pages
// preload (the names are the chunks' names: crates/site/src/split.rs maps routes to them).
chunked_view!(
    /// The directory.
    directory => DirectoryPage
);
chunked_view!(
    /// A co-op's page.
    coop => CoopPage
);
chunked_view!(
    /// The joining guide.
    join => JoinPage
);
chunked_view!(
    /// Networks of co-ops.
    networks => NetworksPage
);
chunked_view!(
    /// Resources.
    resources => ResourcesPage
);
chunked_view!(
    /// About the directory.
    about => AboutPage
);
