//! The router and the shell every page shares: header, navigation, main, footer.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::JsCast;

use crate::data::provide_directory;
use crate::pages::{
    about::AboutPage,
    coop::CoopPage,
    directory::DirectoryPage,
    join::JoinPage,
    not_found::NotFound,
    resources::{NetworksPage, ResourcesPage},
};

/// The whole app: routes inside the shared shell.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_directory();
    view! {
        <Title formatter=|page: String| if page.is_empty() { SITE_NAME.to_string() } else { format!("{page} · {SITE_NAME}") } />
        <Router base=router_base()>
            <div class="tc-app">
                <SkipLink />
                <SiteHeader />
                <main id="main" class="app__main" tabindex="-1">
                    <Routes fallback=NotFound>
                        <Route path=path!("") view=DirectoryPage />
                        <Route path=path!("/coops/:id") view=CoopPage />
                        <Route path=path!("/join") view=JoinPage />
                        <Route path=path!("/networks") view=NetworksPage />
                        <Route path=path!("/resources") view=ResourcesPage />
                        <Route path=path!("/about") view=AboutPage />
                    </Routes>
                </main>
                <SiteFooter />
            </div>
        </Router>
    }
}

/// The name used in page titles.
pub const SITE_NAME: &str = "Tech co-ops directory";

/// The path the app is served under ("" at a site's root, "/directory" under a sub-path), read
/// from the `<base>` element that `trunk build --public-url` writes.
fn router_base() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// "Skip to content": the first stop of the keyboard, moving focus past the navigation. The
/// router would treat `#main` as a route change, so the link moves focus itself.
#[component]
fn SkipLink() -> impl IntoView {
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let main = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            let _ = main.focus();
            main.scroll_into_view();
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip>
            "Skip to content"
        </a>
    }
}

/// The banner: the site's name and the main navigation.
#[component]
fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="site-header__brand" href=move || format!("{}/", router_base())>
                <span class="site-header__logo" aria-hidden="true">"⬡"</span>
                "Tech co-ops"
            </a>
            <nav class="site-nav" aria-label="Main">
                <ul class="site-nav__list">
                    <li><A href="/" exact=true>"Directory"</A></li>
                    <li><A href="/networks">"Networks"</A></li>
                    <li><A href="/join">"Join"</A></li>
                    <li><A href="/resources">"Resources"</A></li>
                    <li><A href="/about">"About"</A></li>
                </ul>
            </nav>
        </header>
    }
}

/// The footer: where the data comes from and its licence.
#[component]
fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "Data from the "
                <a href="https://github.com/hng/tech-coops">"tech co-ops list"</a>
                ", kept by its contributors and dedicated to the public domain under "
                <a href="https://creativecommons.org/publicdomain/zero/1.0/">"CC0 1.0"</a>
                ". Something missing or wrong? "
                <a href="https://github.com/hng/tech-coops/blob/master/CONTRIBUTING.md">"Suggest a change to the list"</a>
                "."
            </p>
        </footer>
    }
}
