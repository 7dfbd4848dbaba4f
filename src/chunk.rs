//! Code that arrives when it is first needed.
//!
//! In the release build (`scripts/wasm-toolchain.sh` sets the cfg `tc_split` and keeps the
//! linker's relocations), each view made with [`chunked_view!`] is a split point: its code
//! and everything only it uses go into a wasm chunk of their own, which the site build cuts
//! out of the linked module (crates/site/src/wasm.rs) and each page preloads for its route.
//! The view fetches its chunk the first time it is drawn; a chunk that does not arrive
//! (offline, a server error, a deployment that replaced it) shows [`ChunkFailed`] in its place,
//! whose Retry fetches it again, and the rest of the app goes on. Everywhere else (`trunk
//! serve`, the pages rendered natively at build time) the view is drawn at once.

#![cfg_attr(
    not(tc_split),
    allow(dead_code, reason = "only the split build has chunks to wait for")
)]

use std::future::Future;
use std::pin::Pin;

use coops_core::i18n::words;
use leptos::prelude::*;

use crate::components::load_state::{RetryButton, failure_heading};

/// A chunk's code did not arrive: the loader logs why (a status, a network error) to the
/// console; the visitor is told the same thing whatever it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// A chunk's view, once its code is here. (`Send` because Leptos asks it of every future it
/// renders; the app has one thread, and the split function's future is wrapped to say so.)
pub type ChunkFuture = Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>> + Send>>;

/// Fetches a chunk (again, after a failure) and builds its view. A trait object, so that
/// [`Chunk`] and the Suspense inside it are compiled once for every split point: generic, they
/// were compiled once per route, 29 KB of the main module's code before wasm-opt.
pub type ChunkLoader = std::sync::Arc<dyn Fn() -> ChunkFuture + Send + Sync>;

/// `chunked_view!(fn name(prop: Type, ...) => Component)` defines `fn name(...) -> AnyView`,
/// the component's view with those props; in the split build its code is the chunk `name`
/// (for a route, the name the site build preloads it by), fetched the first time it is drawn.
/// `, chunk = other` puts it in the chunk `other` with the other views that name it (views
/// that share most of their code: each split point multiplies the chunks their shared code
/// is cut into, each a request of its own); `, preload = fetch_it` also defines `async fn
/// fetch_it()`, which fetches the chunk ahead of the view.
#[cfg(tc_split)]
macro_rules! chunked_view {
    ($(#[$attr:meta])* $vis:vis fn $name:ident($($prop:ident: $type:ty),* $(,)?) => $component:ident $(, preload = $preload:ident)?) => {
        $crate::chunk::chunked_view!($(#[$attr])* $vis fn $name($($prop: $type),*) => $component, chunk = $name $(, preload = $preload)?);
    };
    ($(#[$attr:meta])* $vis:vis fn $name:ident($($prop:ident: $type:ty),* $(,)?) => $component:ident, chunk = $chunk:ident $(, preload = $preload:ident)?) => {
        // The split point, in a module of the view's name: its `load` fetches the chunk, then
        // builds the view there.
        #[doc(hidden)]
        #[allow(dead_code, reason = "a split point's preload is used only where it is asked for")]
        mod $name {
            use super::*;
            #[::leptos::wasm_split::wasm_split(
                $chunk,
                wasm_split_path = ::leptos::wasm_split,
                fallible,
                preload(preload)
            )]
            pub(super) fn load($($prop: $type),*) -> ::core::result::Result<::leptos::prelude::AnyView, $crate::chunk::ChunkError> {
                ::core::result::Result::Ok(::leptos::prelude::IntoAny::into_any(
                    ::leptos::view! { <$component $($prop=$prop)* /> },
                ))
            }
        }

        $(#[$attr])*
        $vis fn $name($($prop: $type),*) -> ::leptos::prelude::AnyView {
            // Each attempt (the first, and each Retry) hands the chunk its own copy of the props.
            let load: $crate::chunk::ChunkLoader = ::std::sync::Arc::new(move || -> $crate::chunk::ChunkFuture {
                $(let $prop = ::core::clone::Clone::clone(&$prop);)*
                ::std::boxed::Box::pin(::send_wrapper::SendWrapper::new($name::load($($prop),*)))
            });
            ::leptos::prelude::IntoAny::into_any(::leptos::view! { <$crate::chunk::Chunk load /> })
        }

        $(
            /// Fetches the chunk of the view of the same name ahead of its first drawing; a
            /// failure is left to the view, which fetches it again.
            $vis async fn $preload() {
                let _ = $name::preload().await;
            }
        )?
    };
}

/// `chunked_view!(fn name(prop: Type, ...) => Component)` defines `fn name(...) -> AnyView`,
/// the component's view with those props (an unsplit build: drawn at once).
#[cfg(not(tc_split))]
macro_rules! chunked_view {
    ($(#[$attr:meta])* $vis:vis fn $name:ident($($prop:ident: $type:ty),* $(,)?) => $component:ident $(, chunk = $chunk:ident)? $(, preload = $preload:ident)?) => {
        $(#[$attr])*
        $vis fn $name($($prop: $type),*) -> ::leptos::prelude::AnyView {
            ::leptos::prelude::IntoAny::into_any(::leptos::view! { <$component $($prop=$prop)* /> })
        }
        $(
            /// Nothing to fetch in an unsplit build.
            $vis async fn $preload() {}
        )?
    };
}

/// `split_fn!(fn name(arg: Type, ...) -> Output { body })` defines `async fn name(...) ->
/// Result<Output, ChunkError>`; in the split build its code (and what only it uses) is the
/// chunk `name`, fetched on the first call, and a chunk that does not arrive is the error
/// (the next call fetches it again). Elsewhere it runs the body at once.
#[cfg(tc_split)]
macro_rules! split_fn {
    ($(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $type:ty),* $(,)?) -> $output:ty $body:block) => {
        $(#[$attr])*
        #[::leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $type),*) -> ::core::result::Result<$output, $crate::chunk::ChunkError> {
            ::core::result::Result::Ok($body)
        }
    };
}

/// `split_fn!(fn name(arg: Type, ...) -> Output { body })` defines `async fn name(...) ->
/// Result<Output, ChunkError>` (an unsplit build: the body runs at once).
#[cfg(not(tc_split))]
macro_rules! split_fn {
    ($(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $type:ty),* $(,)?) -> $output:ty $body:block) => {
        $(#[$attr])*
        $vis async fn $name($($arg: $type),*) -> ::core::result::Result<$output, $crate::chunk::ChunkError> {
            ::core::result::Result::Ok($body)
        }
    };
}

pub(crate) use {chunked_view, split_fn};

/// Draws the view `load` gives once its chunk has arrived; nothing until then (a pre-rendered
/// page, or gate.js's loading line, stays on screen meanwhile), [`ChunkFailed`] if it fails.
#[component]
pub fn Chunk(
    /// Fetches the chunk (again, after a failure) and builds the view.
    load: ChunkLoader,
) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    let retry = move || attempt.update(|n| *n += 1);
    view! {
        <Suspense fallback=|| ()>
            {move || {
                attempt.track();
                let load = load.clone();
                Suspend::new(async move {
                    match load().await {
                        Ok(view) => view,
                        Err(ChunkError) => view! { <ChunkFailed on_retry=retry /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// Where a chunk's view would be: says its code did not arrive, with Retry, and a reload for a
/// site that was updated since the page opened (its old chunks are gone).
#[component]
pub fn ChunkFailed<R>(
    /// Fetches the chunk again.
    on_retry: R,
) -> impl IntoView
where
    R: Fn() + Send + Sync + 'static,
{
    crate::handover::take_over_to_report();
    let reload = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <section class="load-state load-state--error" role="alert" data-testid="chunk-error">
            {failure_heading(words().text("chunk-failed"))}
            <p>{words().text("chunk-failed-text")}</p>
            <p class="load-state__actions">
                <RetryButton on_retry />
                " "
                <button type="button" class="button" on:click=reload>
                    {words().text("reload-page")}
                </button>
            </p>
        </section>
    }
}
