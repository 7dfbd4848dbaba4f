//! The tech co-ops directory: a Leptos app, rendered in the browser (`csr`) and, from the same
//! components, to static pages at build time (`ssr`, by crates/site).
//!
//! The app fetches the dataset, holds signals, and renders. Everything that can be decided
//! without a browser (the model, validation, search, the URL codec, the wizard engine) is in
//! the `coops-core` crate; nothing here re-implements it. Components never read the browser
//! while rendering: what they need of their surroundings is a [`host::Host`], passed in by the
//! entry point ([`start`] in the browser, [`render`] at build time).
#![recursion_limit = "512"]

mod app;
mod chunk;
mod components;
pub mod data;
mod dom;
mod embedded;
mod handover;
pub mod host;
#[cfg(not(feature = "ssr"))]
mod in_page;
mod language;
mod pages;
#[cfg(not(feature = "ssr"))]
mod panic;
mod perf;
mod url_state;

#[cfg(feature = "ssr")]
pub mod render;

#[cfg(not(feature = "ssr"))]
mod start;
#[cfg(not(feature = "ssr"))]
pub use start::start;
