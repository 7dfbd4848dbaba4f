//! "Embed this view": the HTML another site pastes to show the current view.

use coops_core::embed::{EmbedConfig, iframe_snippet, without_embed_keys};
use coops_core::site::EMBED_SUMMARY;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A disclosure with the iframe snippet for the current view (its filters or wizard step),
/// ready to copy. Hidden when the app is itself embedded.
#[component]
pub fn EmbedSnippet(
    /// The title the frame gets (for screen readers on the host page).
    title: &'static str,
) -> impl IntoView {
    let location = use_location();
    let copied = RwSignal::new(false);
    let snippet = move || {
        let Some(window) = web_sys::window() else {
            return String::new();
        };
        let origin = window.location().origin().unwrap_or_default();
        let base = window
            .document()
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_else(|| format!("{origin}/"));
        let base = base.trim_end_matches('/');
        let query = without_embed_keys(&location.search.get());
        let path = location.pathname.get();
        // The browser's path, base included.
        let view = format!(
            "{origin}{path}{}{query}",
            if query.is_empty() { "" } else { "?" }
        );
        let view = EmbedConfig {
            embed: true,
            ..EmbedConfig::default()
        }
        .keep_in(&view);
        iframe_snippet(&view, &format!("{base}/embed.js"), title)
    };
    let copy = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(&snippet());
            copied.set(true);
        }
    };
    view! {
        <details class="embed-snippet" data-testid="embed-snippet">
            <summary class="embed-snippet__summary">{EMBED_SUMMARY}</summary>
            <p class="embed-snippet__help">
                "Paste this into any web page to show this view, with these filters. "
                "It resizes itself to fit; see the project's README for more options."
            </p>
            <label class="embed-snippet__label" for="embed-code">"HTML to paste"</label>
            <textarea id="embed-code" class="embed-snippet__code" readonly rows="5" prop:value=snippet></textarea>
            <button type="button" class="button" on:click=copy>"Copy"</button>
            <span class="embed-snippet__status" role="status">{move || copied.get().then_some(" Copied.")}</span>
        </details>
    }
}
