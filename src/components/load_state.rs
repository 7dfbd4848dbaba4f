//! The three faces of loaded data: loading, failed (with Retry), and ready.

use coops_core::i18n::words;
use coops_core::names::LIST_URL;
use std::sync::Arc;

use leptos::prelude::*;

use crate::components::message::linked_message;
use crate::data::{DirectoryData, Loadable, use_directory};

/// What is loading, for the messages about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    /// The dataset.
    Directory,
    /// The joining guide.
    Guide,
}

impl Loading {
    /// "Loading the directory…"
    fn loading(self) -> &'static str {
        words().text(match self {
            Loading::Directory => "loading-directory",
            Loading::Guide => "loading-guide",
        })
    }

    /// "Sorry, the directory could not be loaded"
    fn failed(self) -> &'static str {
        words().text(match self {
            Loading::Directory => "load-failed-directory",
            Loading::Guide => "load-failed-guide",
        })
    }
}

/// Provided by a page that draws its own `h1` before what it loads (the directory, the guide,
/// networks and resources): a failure to load in it is headed `h2`, under the page's heading.
/// Anywhere else (a co-op's page, whose heading is the co-op's name; a route whose code did not
/// arrive) the failure stands for the whole page, and is its `h1`.
#[derive(Debug, Clone, Copy)]
pub struct UnderPageHeading;

/// The heading of a failure view, at the level [`UnderPageHeading`] says (the class, not the
/// level, says how it looks).
pub fn failure_heading(title: &'static str) -> AnyView {
    if use_context::<UnderPageHeading>().is_some() {
        view! { <h2 class="load-state__title">{title}</h2> }.into_any()
    } else {
        view! { <h1 class="load-state__title">{title}</h1> }.into_any()
    }
}

/// Renders `children` with the dataset once it has loaded; a loading message until then, and
/// the error view, with a Retry that refetches, if it fails.
#[component]
pub fn WithDirectory<F, V>(
    /// Builds the view from the loaded dataset.
    children: F,
) -> impl IntoView
where
    F: Fn(DirectoryData) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! { <WithResource source=use_directory() what=Loading::Directory children /> }
}

/// Renders `children` with data: at once when it is at hand; otherwise a loading message
/// first, then the view once it has loaded, or on failure the error view, whose Retry
/// refetches.
#[component]
pub fn WithResource<T, F, V>(
    /// The data, at hand or being loaded.
    source: Loadable<T>,
    /// What is loading, for the messages.
    what: Loading,
    /// Builds the view from the loaded value.
    children: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let resource = match source {
        Loadable::Ready(data) => return children(data).into_any(),
        Loadable::Fetching(resource) => resource,
    };
    let children = Arc::new(children);
    view! {
        <Transition fallback=move || view! { <LoadingView what /> }>
            <ErrorBoundary fallback=move |errors| {
                view! { <LoadErrorView errors what on_retry=move || resource.refetch() /> }
            }>
                {
                    let children = children.clone();
                    move || {
                        let children = children.clone();
                        Suspend::new(async move { resource.await.map(|data| children(data)) })
                    }
                }
            </ErrorBoundary>
        </Transition>
    }
    .into_any()
}

/// Shown while data loads.
#[component]
pub fn LoadingView(
    /// What is loading.
    what: Loading,
) -> impl IntoView {
    view! {
        <p class="load-state load-state--loading" role="status" data-testid="loading">
            {what.loading()}
        </p>
    }
}

/// Says what went wrong while loading, and offers to try again.
#[component]
pub fn LoadErrorView<R>(
    /// The errors caught by the boundary.
    errors: ArcRwSignal<Errors>,
    /// What failed to load.
    what: Loading,
    /// Loads the data again.
    on_retry: R,
) -> impl IntoView
where
    R: Fn() + Send + Sync + 'static,
{
    crate::handover::take_over_to_report();
    let messages = move || {
        errors
            .get()
            .into_iter()
            .map(|(_, e)| view! { <p class="load-state__message">{e.to_string()}</p> })
            .collect_view()
    };
    let hint = linked_message("load-failed-hint", &[("list", LIST_URL)]);
    view! {
        <section class="load-state load-state--error" role="alert" data-testid="load-error">
            {failure_heading(what.failed())}
            {messages}
            <p><RetryButton on_retry /></p>
            <p class="load-state__hint">{hint}</p>
        </section>
    }
}

/// Retry: loads what failed again.
#[component]
pub fn RetryButton<R>(
    /// Loads it again.
    on_retry: R,
) -> impl IntoView
where
    R: Fn() + Send + Sync + 'static,
{
    view! {
        <button type="button" class="button button--primary" on:click=move |_| on_retry()>
            {words().text("retry")}
        </button>
    }
}
