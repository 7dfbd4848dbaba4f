//! Rendering a route to static HTML at build time (`ssr`), with the app's own components: the
//! pages crates/site writes come from the same `view!` code the browser runs, not a copy.
//!
//! The caller has the dataset and the guide in hand, so pages render at once, with no loading
//! state; the router is told the route as a request's URL. What the components declare for the
//! page's `<head>` (title, description, canonical address, Open Graph) comes back separately.

use std::sync::{Arc, Once};

use futures::StreamExt;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use coops_core::i18n::words;
use coops_core::names::{APP_FAILED_ID, BOOT_LOADING_ID, CRASH_ID, LIST_URL, PRERENDER_ROOT_ID};

use crate::app::App;
use crate::components::message::linked_message;
use crate::data::{DirectoryData, GuideData};
use crate::host::Host;

/// What every page of one build is rendered with.
#[derive(Clone)]
pub struct Inputs {
    /// Where the site is served: `base` from the public URL (`/directory/` → `"/directory"`),
    /// `app_url` the deployment's public address; `prerendering` set.
    pub host: Host,
    /// The dataset.
    pub directory: DirectoryData,
    /// The joining guide.
    pub guide: GuideData,
}

/// One rendered page.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedPage {
    /// The elements the page's components declared for `<head>`, `<title>` included.
    pub head: String,
    /// The app's root element, for `<body>`.
    pub body: String,
}

/// Renders the app at `path` (an app path: `/`, `/coops/camba`, `/join`).
pub fn render(inputs: &Inputs, path: &str) -> RenderedPage {
    static EXECUTOR: Once = Once::new();
    // leptos_meta waits a tick of the async executor before it reads the head.
    EXECUTOR.call_once(|| {
        let _ = any_spawner::Executor::init_futures_executor();
    });
    // A server-side context: Leptos then knows there is no browser (no listeners, no effects).
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    owner.with(|| {
        let (meta, head) = ServerMetaContext::new();
        provide_context(meta);
        provide_context(RequestUrl::new(&format!(
            "{}{path}",
            inputs.host.router_base()
        )));
        let (host, directory, guide) = (
            inputs.host.clone(),
            inputs.directory.clone(),
            inputs.guide.clone(),
        );
        let body = view! { <StaticPage host directory guide /> }.to_html();
        // leptos_meta writes what it collected into the first chunk of a document; give it
        // an empty head and take the head back out.
        let document = futures::executor::block_on(async move {
            head.inject_meta_context(futures::stream::iter(["<head></head>".to_string()]))
                .await
                .collect::<String>()
                .await
        });
        let head = document
            .strip_prefix("<head>")
            .and_then(|rest| rest.strip_suffix("</head>"))
            .unwrap_or_default();
        RenderedPage {
            head: escape_title(head),
            body,
        }
    })
}

/// `head` with the text of its `<title>` escaped. leptos_meta writes the title as it is, and a
/// co-op's name is text from the list: `</title><script>` in a name must stay text. The
/// elements before the title have their attributes escaped (no raw `<`), so the first
/// `<title>` opens it; the title is last, so the last `</title>` closes it.
fn escape_title(head: &str) -> String {
    let (Some(open), Some(close)) = (head.find("<title>"), head.rfind("</title>")) else {
        return head.to_string();
    };
    let text = &head[open + "<title>".len()..close];
    format!(
        "{}<title>{}</title>{}",
        &head[..open],
        coops_core::text::escape_html(text),
        &head[close + "</title>".len()..]
    )
}

#[cfg(test)]
mod tests {
    use super::escape_title;

    #[test]
    fn the_title_is_escaped_and_nothing_else_changes() {
        assert_eq!(
            escape_title(
                r#"<meta name="a" content="&lt;"><title></title><script>x</script> · Site</title>"#
            ),
            r#"<meta name="a" content="&lt;"><title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; · Site</title>"#
        );
        assert_eq!(
            escape_title("<title>Cambá · Site</title>"),
            "<title>Cambá · Site</title>"
        );
        assert_eq!(escape_title("<meta>"), "<meta>");
    }
}

/// The body of a page rendered at build time: the app's view of the route, and around it what
/// only the static page needs: a line for visitors without scripts, the loading line `gate.js`
/// shows where the page is not the one for the address, and the notices shown when the app's
/// code cannot be downloaded (boot.js) or the app crashes (its panic hook).
#[component]
fn StaticPage(host: Host, directory: DirectoryData, guide: GuideData) -> impl IntoView {
    // Each notice ends on where the whole list can always be read.
    let list = [("list", LIST_URL)];
    view! {
        <noscript>
            <p class="noscript">{linked_message("static-noscript", &list)}</p>
        </noscript>
        <p class="tc-boot-loading load-state load-state--loading" id=BOOT_LOADING_ID role="status">{words().text("static-loading")}</p>
        <div id=PRERENDER_ROOT_ID>
            <App host directory guide />
        </div>
        <div id=APP_FAILED_ID class="crash" role="alert" hidden>
            <p>
                <strong>{words().text("app-failed-title")}</strong>
                " "{linked_message("app-failed-text", &list)}
            </p>
            <p><a href="">{words().text("reload-page")}</a></p>
        </div>
        <div id=CRASH_ID class="crash" role="alert" tabindex="-1" hidden>
            <h1>{words().text("crash-heading")}</h1>
            <p>{linked_message("crash-text", &list)}</p>
            <p><a href="">{words().text("reload-page")}</a></p>
        </div>
    }
}
