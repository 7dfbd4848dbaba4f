//! The tech co-ops directory: a Leptos client-side-rendered app.
//!
//! The app fetches the dataset, holds signals, and renders. Everything that can be decided
//! without a browser (the model, validation, search, the URL codec, the wizard engine) is in
//! the `coops-core` crate; nothing here re-implements it.

mod app;
mod components;
mod data;
mod embed;
mod pages;
mod panic;
mod paths;
mod url_state;

fn main() {
    panic::install_hook();
    leptos::mount::mount_to_body(app::App);
}
