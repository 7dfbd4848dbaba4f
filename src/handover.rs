//! Taking over from the page the build pre-rendered (crates/site renders every route with
//! these same components), so a page is on screen before the wasm arrives.
//!
//! `gate.js` runs before the first paint. Where the pre-rendered page is the page for this
//! address, it stays on screen while the app starts, mounted hidden under it; anywhere else (a
//! filtered or embedded view, a path the page was not rendered for) the page is marked
//! `tc-deep-link`, which hides it and shows a loading line instead. The app removes both in
//! the first frame its own view of the route is in the document, so nothing moves.

use coops_core::names::{BOOT_LOADING_ID, PRERENDER_ROOT_ID, SEARCH_BOX_ID, TAKEN_OVER_MARK};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the visitor did on the pre-rendered page before the app took over.
pub struct Handover {
    /// Text typed into the directory's search box.
    pub typed: String,
    /// Whether that search box had the keyboard focus.
    pub search_focused: bool,
}

/// Whether `gate.js` found the page at an address the pre-rendered page does not show.
#[cfg(not(feature = "ssr"))]
pub fn at_deep_link() -> bool {
    document()
        .and_then(|d| d.document_element())
        .is_some_and(|root| {
            root.class_list()
                .contains(coops_core::names::DEEP_LINK_CLASS)
        })
}

/// Removes the pre-rendered page and its loading line; returns what the visitor had done on
/// it, or `None` when there was none (already taken over, or the app is on another site's page).
pub fn take_over() -> Option<Handover> {
    let document = document()?;
    if let Some(loading) = document.get_element_by_id(BOOT_LOADING_ID) {
        loading.remove();
    }
    let page = document.get_element_by_id(PRERENDER_ROOT_ID)?;
    // The page's own search box (the app's, hidden under it, has the same id).
    let search = page
        .query_selector(&format!("#{SEARCH_BOX_ID}"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    let handover = Handover {
        typed: search.as_ref().map(|s| s.value()).unwrap_or_default(),
        search_focused: search.as_ref().is_some_and(|search| {
            document
                .active_element()
                .is_some_and(|active| &active == search.unchecked_ref::<web_sys::Element>())
        }),
    };
    page.remove();
    Some(handover)
}

/// A failure the app shows (data or code that did not arrive) is news the pre-rendered page
/// must not hide: the app takes over once the view that reports it is drawn.
pub fn take_over_to_report() {
    Effect::new(|_| {
        take_over();
    });
}

impl Handover {
    /// Carries what the visitor did over to the app's own search box: the text, searched
    /// with `on_search`, and the focus.
    pub fn resume(self, on_search: Callback<String>) {
        if !self.typed.trim().is_empty() {
            on_search.run(self.typed);
        }
        if self.search_focused
            && let Some(input) = document()
                .and_then(|d| d.get_element_by_id(SEARCH_BOX_ID))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    }
}

/// Takes over from the pre-rendered page in the first animation frame in which `shown` (the
/// element that says the route's own view is drawn) is in the document, then runs `then` with
/// what the visitor had done there. The app's view is attached a frame or more after it is
/// built (when the whole route is ready), and the pre-rendered page must stay until then: a
/// frame with neither would show an empty page that the content then pushes down.
pub fn take_over_when_shown<E>(shown: NodeRef<E>, then: impl FnOnce(Option<Handover>) + 'static)
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let owner = StoredValue::new(());
    let mut then = Some(then);
    Effect::new(move |_| {
        if shown.get().is_none() {
            return;
        }
        if let Some(then) = then.take() {
            in_first_frame_with(shown, 120, owner, move || {
                let handover = take_over();
                if handover.is_some() {
                    crate::perf::mark(TAKEN_OVER_MARK);
                }
                then(handover)
            });
        }
    });
}

/// Runs `then` in the first animation frame in which `node` is in the document, or after
/// `frames_left` frames without it; not at all once `owner` is gone (the visitor left the
/// view meanwhile).
fn in_first_frame_with<E>(
    node: NodeRef<E>,
    frames_left: u8,
    owner: StoredValue<()>,
    then: impl FnOnce() + 'static,
) where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    request_animation_frame(move || {
        if owner.try_get_value().is_none() {
            return;
        }
        let attached = node
            .try_get_untracked()
            .flatten()
            .is_some_and(|e| e.unchecked_ref::<web_sys::Node>().is_connected());
        if attached || frames_left == 0 {
            then()
        } else {
            in_first_frame_with(node, frames_left - 1, owner, then)
        }
    })
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}
