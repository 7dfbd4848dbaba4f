//! "Embed this view": the HTML another site pastes to show the current view.

use coops_core::i18n::words;

use coops_core::embed::{EmbedConfig, iframe_snippet, without_embed_keys};
use coops_core::text::escape_html;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::host::use_host;

/// A disclosure with the iframe snippet for the current view (its filters or wizard step),
/// ready to copy. Hidden when the app is itself embedded.
#[component]
pub fn EmbedSnippet(
    /// The title the frame gets (for screen readers on the host page).
    title: &'static str,
) -> impl IntoView {
    let location = use_location();
    let host = use_host();
    let copied = RwSignal::new(false);
    let snippet = Memo::new(move |_| {
        let query = without_embed_keys(&location.search.get());
        let page = host.app_path(&location.pathname.get());
        // The page's own address in its language (`/es/…`), its filters, then `embed=1`.
        let view = format!(
            "{}{}{query}",
            host.page_url(&page),
            if query.is_empty() { "" } else { "?" }
        );
        let view = EmbedConfig {
            embed: true,
            ..EmbedConfig::default()
        }
        .keep_in(&view);
        iframe_snippet(&view, &format!("{}embed.js", host.app_url), title)
    });
    let copy = move |_| {
        leptos::task::spawn_local(async move {
            let done = crate::dom::copy_text(&snippet.get_untracked()).await;
            copied.set(done);
        });
    };
    view! {
        <details class="embed-snippet" data-testid="embed-snippet">
            <summary class="embed-snippet__summary">{words().text("embed-summary")}</summary>
            <p class="embed-snippet__help">
                {words().text("embed-help")}
            </p>
            <label class="embed-snippet__label" for="embed-code">{words().text("embed-code-label")}</label>
            // The text as the element's content too, for the page rendered at build time (a
            // property is not markup). Escaped here: the renderer leaves a textarea's content
            // as it is, and the parser decodes it. In the browser the property wins.
            <textarea id="embed-code" class="embed-snippet__code" readonly rows="5" prop:value=snippet>{move || escape_html(&snippet.get())}</textarea>
            <button type="button" class="button" on:click=copy>{words().text("copy")}</button>
            <span class="embed-snippet__status" role="status">{move || copied.get().then(|| format!(" {}", words().text("copied")))}</span>
        </details>
    }
}
