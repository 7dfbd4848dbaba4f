//! The router and the shell every page shares: header, navigation, main, footer.

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};

use crate::components::app_link::AppLink;
use crate::components::language_switcher::LanguageSwitcher;
use crate::components::message::linked_message;
#[cfg(feature = "ssr")]
use crate::components::page_meta::full_title;
use leptos_router::path;
use wasm_bindgen::JsCast;

use coops_core::embed::{EmbedConfig, Theme, without_embed_keys};
use coops_core::i18n::words;
use coops_core::names::{LIST_URL, MAIN_ID};
use leptos::html::Div;
use leptos_router::hooks::use_location;

use crate::data::{DirectoryData, GuideData, provide_directory, provide_guide};
use crate::embedded::wire_root;
use crate::host::{Host, provide_host, use_host};
use crate::pages::{not_found::NotFound, routes};

/// The one view the app shows in another site's page (in-page mode), without the site's
/// chrome and routes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "ssr",
    expect(
        dead_code,
        reason = "only the browser mounts the app in another site's page"
    )
)]
pub enum OnlyView {
    /// The directory (its `EmbedView` is in the host's embed settings).
    Directory,
    /// The joining guide.
    Join,
}

/// The whole app: routes inside the shared shell; or, in another site's page, one view.
#[component]
pub fn App(
    /// Where the app runs.
    host: Host,
    /// The dataset, when the caller has it at hand (the build); otherwise it is fetched.
    #[prop(optional)]
    directory: Option<DirectoryData>,
    /// The joining guide, likewise.
    #[prop(optional)]
    guide: Option<GuideData>,
    /// In another site's page: the one view to show.
    #[prop(optional)]
    only: Option<OnlyView>,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    provide_meta_context();
    let embed = host.embed.clone();
    let base = host.router_base();
    let lang = host.lang.code();
    provide_host(host);
    provide_directory(directory);
    provide_guide(guide);
    let root = NodeRef::<Div>::new();
    // The colours apply to the root; the height is reported only from a frame.
    wire_root(
        root,
        EmbedConfig {
            embed: embed.embed && only.is_none(),
            ..embed.clone()
        },
    );
    let theme = embed.theme;
    close_disclosures_on_escape();
    // In a host page the title is the host's, and so is `<main>`. (In the browser, PageMeta
    // sets the title itself.)
    #[cfg(feature = "ssr")]
    let title = only
        .is_none()
        .then(|| view! { <Title formatter=|page: String| full_title(&page) /> });
    #[cfg(not(feature = "ssr"))]
    let title = ();
    // Built inside the router (its links need it): hence functions, called there.
    let embedded = embed.embed;
    let chrome = move || match (only, embedded) {
        (Some(_), _) => ().into_any(),
        (None, true) => view! { <FullAppLink /> }.into_any(),
        (None, false) => view! { <SkipLink /> <SiteHeader /> }.into_any(),
    };
    let main = move || match only {
        Some(OnlyView::Directory) => {
            view! { <div class="app__main">{routes::directory()}</div> }.into_any()
        }
        Some(OnlyView::Join) => view! { <div class="app__main">{routes::join()}</div> }.into_any(),
        None => view! {
            <main id=MAIN_ID class="app__main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("") view=routes::directory />
                    <Route path=path!("/coops/:id") view=routes::coop />
                    <Route path=path!("/join") view=routes::join />
                    <Route path=path!("/networks") view=routes::networks />
                    <Route path=path!("/resources") view=routes::resources />
                    <Route path=path!("/about") view=routes::about />
                </Routes>
            </main>
        }
        .into_any(),
    };
    view! {
        {title}
        <Router base>
            <div
                class="tc-app"
                // On the app's own pages `<html lang>` says it too; in another site's page only
                // this does.
                lang=lang
                class:tc-app--embed=embedded
                class:tc-app--in-page=only.is_some()
                class:tc-app--dark=theme == Some(Theme::Dark)
                class:tc-app--light=theme == Some(Theme::Light)
                node_ref=root
            >
                {chrome()}
                {main()}
                {(!embedded).then(|| view! { <SiteFooter /> })}
            </div>
        </Router>
    }
}

/// Escape closes the disclosure (`<details>`) the keyboard is in, and puts focus on its
/// summary, as it would close a popup.
fn close_disclosures_on_escape() {
    let handle = window_event_listener(leptos::ev::keydown, |event| {
        if event.key() != "Escape" {
            return;
        }
        let details = crate::dom::focused_element()
            .and_then(|focused| focused.closest("details[open]").ok().flatten());
        if let Some(details) = details {
            let _ = details.remove_attribute("open");
            if let Some(summary) = details.query_selector("summary").ok().flatten()
                && let Ok(summary) = summary.dyn_into::<web_sys::HtmlElement>()
            {
                let _ = summary.focus();
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// In embed mode, the only chrome: a small link that opens the same view, unembedded, in a
/// new tab.
#[component]
fn FullAppLink() -> impl IntoView {
    let location = use_location();
    let host = use_host();
    let href = move || {
        let query = without_embed_keys(&location.search.get());
        // The same page in the frame's language, whether its path or `lang=` named it.
        let path = host.href(&host.app_path(&location.pathname.get()));
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    };
    view! {
        <p class="embed-bar">
            <a class="embed-bar__link" href=href target="_blank" rel="noopener">
                {words().text("open-full-directory")}
                <span class="visually-hidden">{format!(" {}", words().text("opens-in-new-tab"))}</span>
                <span aria-hidden="true">" ↗"</span>
            </a>
        </p>
    }
}

/// The main navigation: (path under the app's root, the catalog's key for its label).
const NAV: [(&str, &str); 5] = [
    ("/", "nav-directory"),
    ("/networks", "nav-networks"),
    ("/join", "nav-join"),
    ("/resources", "nav-resources"),
    ("/about", "nav-about"),
];

/// Where the footer's marked spans link: the list, its licence, and how to change it.
const FOOTER_LINKS: [(&str, &str); 3] = [
    ("list", LIST_URL),
    (
        "licence",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ),
    (
        "contribute",
        "https://github.com/hng/tech-coops/blob/master/CONTRIBUTING.md",
    ),
];

/// "Skip to content": the first stop of the keyboard, moving focus past the navigation. The
/// router would treat `#main` as a route change, so the link moves focus itself.
#[component]
fn SkipLink() -> impl IntoView {
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let main = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(MAIN_ID))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            let _ = main.focus();
            main.scroll_into_view();
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip>
            {words().text("skip-link")}
        </a>
    }
}

/// The banner: the site's name and the main navigation.
#[component]
fn SiteHeader() -> impl IntoView {
    let words = words();
    let links = NAV
        .map(|(path, key)| view! { <li><AppLink href=path>{words.text(key)}</AppLink></li> })
        .collect_view();
    view! {
        <header class="site-header">
            <a class="site-header__brand" href=use_host().href("/")>
                <span class="site-header__logo" aria-hidden="true">"⬡"</span>
                {words.text("brand")}
            </a>
            <nav class="site-nav" aria-label=words.text("nav-label")>
                <ul class="site-nav__list">{links}</ul>
            </nav>
            <LanguageSwitcher />
        </header>
    }
}

/// The footer: where the data comes from and its licence.
#[component]
fn SiteFooter() -> impl IntoView {
    let parts = linked_message("footer", &FOOTER_LINKS);
    view! {
        <footer class="site-footer">
            <p>{parts}</p>
        </footer>
    }
}
