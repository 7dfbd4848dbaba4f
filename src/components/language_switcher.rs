//! The header's language switcher: the page being read, with its filters or guide answers, in
//! each of the app's languages.

use coops_core::i18n::{Lang, words};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::host::use_host;

/// A link per language to the same view in it. A language is another page (`/es/…`), loaded
/// whole, so the links are plain ones: `rel="external"` keeps the router from handling them.
/// Following one remembers the choice for the visitor's next visit to the site's root.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let host = use_host();
    let location = use_location();
    let links = Lang::ALL
        .map(|lang| {
            let current = lang == host.lang;
            let host = host.clone();
            let href = move || {
                let path = host.href_in(lang, &host.app_path(&location.pathname.get()));
                let search = location.search.get();
                let search = search.trim_start_matches('?');
                let href = if search.is_empty() {
                    path
                } else {
                    format!("{path}?{search}")
                };
                host.keep_embed_in(&href)
            };
            view! {
                <li>
                    <a
                        class="language-switcher__link"
                        href=href
                        hreflang=lang.code()
                        lang=lang.code()
                        rel="external"
                        aria-current=current.then_some("true")
                        on:click=move |_| crate::language::remember(lang)
                    >
                        {lang.endonym()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="language-switcher" aria-label=words().text("language-label")>
            <ul class="language-switcher__list">{links}</ul>
        </nav>
    }
}
