//! The Leptos-free core of the tech co-ops directory.
//!
//! Everything that can be decided without a browser lives here and is tested with plain
//! `cargo test`: the data model (which *is* the dataset's JSON format), loading and validation,
//! text folding for search, the search index and facets, the words the app and the pre-rendered
//! page share, the URL query codec, safe links, the
//! join-wizard engine and its validator, the map geometry, and the data in other formats.
//!
//! This crate must never depend on leptos, web-sys, gloo or anything else that needs a browser:
//! the importer (native) and the app (wasm) both build on it, and its tests run natively.

pub mod camera;
pub mod embed;
pub mod export;
pub mod geo;
pub mod i18n;
pub mod join;
pub mod linked_data;
pub mod load;
pub mod locator;
pub mod model;
pub mod names;
pub mod nearby;
pub mod path;
pub mod places;
pub mod query;
pub mod search;
pub mod site;
// The test helpers, for the core's unit tests and, with the `testing` feature, its
// integration tests (the crate is its own dev-dependency with it).
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod text;
pub mod url;

pub use model::*;
