//! Code that arrives when it is first needed.
//!
//! In the release build (`scripts/wasm-toolchain.sh` sets the cfg `tc_split` and keeps the
//! linker's relocations), each view made with [`chunked_view!`] is a split point: its code
//! and everything only it uses go into a wasm chunk of their own, which the site build cuts
//! out of the linked module (crates/site/src/split.rs) and each page preloads for its route.
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

/// `chunked_view!(name => Component)` defines `fn name() -> AnyView`, the component's view;
/// in the split build its code is the chunk `name` (the name the site build preloads it by).
#[cfg(tc_split)]
macro_rules! chunked_view {
    ($(#[$attr:meta])* $name:ident => $component:ident) => {
        $(#[$attr])*
        pub fn $name() -> ::leptos::prelude::AnyView {
            // The split point: the wrapper below fetches the chunk, then runs this body there.
            #[::leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $name() -> ::core::result::Result<::leptos::prelude::AnyView, $crate::chunk::ChunkError> {
                ::core::result::Result::Ok(::leptos::prelude::IntoAny::into_any(
                    ::leptos::view! { <$component /> },
                ))
            }
            ::leptos::prelude::IntoAny::into_any(::leptos::view! {
                <$crate::chunk::Chunk load=|| ::std::boxed::Box::pin(::send_wrapper::SendWrapper::new($name())) />
            })
        }
    };
}

/// `chunked_view!(name => Component)` defines `fn name() -> AnyView`, the component's view
/// (an unsplit build: drawn at once).
#[cfg(not(tc_split))]
macro_rules! chunked_view {
    ($(#[$attr:meta])* $name:ident => $component:ident) => {
        $(#[$attr])*
        pub fn $name() -> ::leptos::prelude::AnyView {
            ::leptos::prelude::IntoAny::into_any(::leptos::view! { <$component /> })
        }
    };
}

pub(crate) use chunked_view;

/// Draws the view `load` gives once its chunk has arrived; nothing until then (a pre-rendered
/// page, or gate.js's loading line, stays on screen meanwhile), [`ChunkFailed`] if it fails.
#[component]
pub fn Chunk(
    /// Fetches the chunk (again, after a failure) and builds the view.
    load: fn() -> ChunkFuture,
) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    let retry = move || attempt.update(|n| *n += 1);
    view! {
        <Suspense fallback=|| ()>
            {move || {
                attempt.track();
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
    // A failure is news the pre-rendered page must not hide.
    Effect::new(|_| {
        crate::handover::take_over();
    });
    let reload = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <section class="load-state load-state--error" role="alert" data-testid="chunk-error">
            <h2 class="load-state__title">{words().text("chunk-failed")}</h2>
            <p>{words().text("chunk-failed-text")}</p>
            <p class="load-state__actions">
                <button type="button" class="button button--primary" on:click=move |_| on_retry()>
                    {words().text("retry")}
                </button>
                " "
                <button type="button" class="button" on:click=reload>
                    {words().text("reload-page")}
                </button>
            </p>
        </section>
    }
}
