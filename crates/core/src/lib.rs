//! The Leptos-free core of the tech co-ops directory.
//!
//! Everything that can be decided without a browser lives here and is tested with plain
//! `cargo test`: the data model (which *is* the dataset's JSON format), loading and validation,
//! text folding for search, the search index and facets, the words the app and the pre-rendered
//! page share, the URL query codecs, safe links, the
//! join-wizard engine and its validator, the map geometry, and the data in other formats.
//!
//! This crate must never depend on leptos, web-sys, gloo or anything else that needs a browser:
//! the importer (native) and the app (wasm) both build on it, and its tests run natively.
//!
//! # Layers
//!
//! The modules stand in layers, from the bottom. A module imports only from its own layer and
//! those below it, and no two modules import each other, even through others: so each layer
//! builds and is tested with only what is below it (the guide without the directory's search,
//! the URL codecs without the guide), and what combines two parts sits above both.
//! `tests/layers.rs` reads this list and holds every module to it.
//!
//! 1. `text`, `url`, `address`, `keys`, `svg_path`, `i18n`, `names`: strings, safe links,
//!    the site's addresses and keys, and words, knowing no co-op.
//! 2. `model`, `load`: the dataset and its loading.
//! 3. `geo`, `places`, `nearby`, `camera`, `locator`, `linked_data`, `export`: the map and the
//!    data in other formats.
//! 4. `query`, `embed`: the URL codecs (one trait, [`query::UrlCodec`]).
//! 5. `search`, `messages`: the directory's search and the words it shows.
//! 6. `join`: the guide (it needs only the layers 1 and 2).
//! 7. `recommend`: what an outcome of the guide names from the directory.
//!
//! `testing`, the tests' helpers, is outside the layers.

pub mod address;
pub mod camera;
pub mod embed;
pub mod export;
pub mod geo;
pub mod i18n;
pub mod join;
pub mod keys;
pub mod linked_data;
pub mod load;
pub mod locator;
pub mod messages;
pub mod model;
pub mod names;
pub mod nearby;
pub mod places;
pub mod query;
pub mod recommend;
pub mod search;
pub mod svg_path;
// The test helpers, for the core's unit tests and, with the `testing` feature, its
// integration tests (the crate is its own dev-dependency with it).
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod text;
pub mod url;

pub use model::*;
