//! "Copy link", and "Share" where the browser has a share sheet: a page worth passing on.

use coops_core::i18n::words;

use leptos::prelude::*;

/// What the last copy did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Not,
    Done,
    Failed,
}

/// Buttons that copy `url` or share it (titled `title`), and a line that says how the copy went.
#[component]
pub fn ShareLinks(url: String, title: String) -> impl IntoView {
    let copied = RwSignal::new(Copied::Not);
    let url = StoredValue::new(url);
    let copy = move |_| {
        leptos::task::spawn_local(async move {
            let done = crate::dom::copy_text(&url.get_value()).await;
            copied.set(if done { Copied::Done } else { Copied::Failed });
        });
    };
    // Known only in the browser: the page rendered at build time has no share button, and the
    // app adds it at the end of the row, where it moves nothing.
    let can_share = RwSignal::new(false);
    Effect::new(move |_| can_share.set(crate::dom::can_share()));
    view! {
        <p class="share-links">
            <button type="button" class="button" data-testid="copy-link" on:click=copy>{words().text("copy-link")}</button>
            {move || can_share.get().then(|| {
                let title = title.clone();
                view! {
                    <button type="button" class="button" on:click=move |_| crate::dom::share(&url.get_value(), &title)>
                        {words().text("share")}
                    </button>
                }
            })}
            <span class="share-links__status" role="status" data-testid="copy-status">
                {move || match copied.get() {
                    Copied::Not => "",
                    Copied::Done => words().text("link-copied"),
                    Copied::Failed => words().text("copy-link-failed"),
                }}
            </span>
        </p>
    }
}
