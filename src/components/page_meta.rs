//! A page's `<head>`: its title, and in a page rendered at build time what link previews and
//! search engines read (description, canonical address, Open Graph).

use coops_core::i18n::words;
use leptos::prelude::*;

use crate::host::use_host;

/// The name in every page's title.
fn site_name() -> &'static str {
    words().text("site-name")
}

/// A page's full title: `"Camba · Tech co-ops directory"`, or the site's name alone.
pub fn full_title(page: &str) -> String {
    if page.is_empty() {
        site_name().to_string()
    } else {
        format!("{page} · {}", site_name())
    }
}

/// Declares the page's title and description. The app in the browser only sets the title
/// (and not in another site's page, whose title is the host's); the rest is for the page
/// rendered at build time, which is what a link preview or a search engine reads. The browser's
/// build has no leptos_meta: a title is one call (leptos_meta's head management cost the wasm
/// 10 KB gzip).
#[component]
pub fn PageMeta(
    /// The page's own title (`""` for the home page).
    #[prop(into)]
    title: String,
    /// One or two sentences on what the page holds.
    #[prop(into)]
    description: String,
    /// The app path of the page's canonical address (`/coops/camba`); `None` for a page that
    /// should not be indexed (not found).
    #[prop(optional, into)]
    path: Option<String>,
) -> impl IntoView {
    let host = use_host();
    #[cfg(not(feature = "ssr"))]
    {
        let _ = (description, path);
        if !host.in_page
            && let Some(document) = web_sys::window().and_then(|w| w.document())
        {
            document.set_title(&full_title(&title));
        }
    }
    #[cfg(feature = "ssr")]
    {
        use leptos_meta::{Link, Meta, Title};

        let page_title = full_title(&title);
        let indexing = match path {
            Some(path) => {
                let url = host.page_url(&path);
                // The same page in every language, and English for any other.
                let alternates = coops_core::i18n::Lang::ALL
                    .map(|lang| {
                        view! { <Link rel="alternate" hreflang=lang.code() href=host.page_url_in(lang, &path) /> }
                    })
                    .collect_view();
                let default = host.page_url_in(coops_core::i18n::Lang::En, &path);
                view! {
                    <Link rel="canonical" href=url.clone() />
                    {alternates}
                    <Link rel="alternate" hreflang="x-default" href=default />
                    <Meta property="og:url" content=url />
                }
                .into_any()
            }
            None => view! { <Meta name="robots" content="noindex" /> }.into_any(),
        };
        let title = (!host.in_page).then(|| view! { <Title text=title /> });
        view! {
            {title}
            <Meta name="description" content=description.clone() />
            {indexing}
            <Meta property="og:type" content="website" />
            <Meta property="og:site_name" content=site_name() />
            <Meta property="og:title" content=page_title />
            <Meta property="og:description" content=description />
            <Meta name="twitter:card" content="summary" />
        }
    }
}
