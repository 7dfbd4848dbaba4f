//! The tech co-ops directory: a Leptos client-side-rendered app.
//!
//! The app fetches the dataset, holds signals, and renders. Everything that can be decided
//! without a browser (the model, validation, search, the URL codec, the wizard engine) is in
//! the `coops-core` crate; nothing here re-implements it.

mod app;
mod components;
mod data;
mod embed;
mod in_page;
mod pages;
mod panic;
mod paths;
mod perf;
mod prerender;
mod url_state;

fn main() {
    panic::install_hook();
    // Away from the directory's own address the pre-rendered list is hidden and only says
    // "Loading…"; the app's own loading state takes over from here.
    if prerender::at_deep_link() {
        prerender::take_over();
    }
    // On another site's page (loaded by mount.js), mount into its host element; otherwise the
    // app is the page.
    match in_page::host_element() {
        Some(host) => in_page::mount(host),
        None => leptos::mount::mount_to_body(app::App),
    }
}
