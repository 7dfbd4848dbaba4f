//! Taking over from the directory that the build writes into index.html
//! (`crates/import/src/prerender.rs`), so the list is on screen before the wasm arrives.
//!
//! `gate.js` runs before the first paint: on the directory's own address the pre-rendered
//! list shows while the app starts, hidden under it; anywhere else (a co-op, the guide, a
//! filtered or embedded view) the page is marked `tc-deep-link`, which hides the list and
//! shows a loading line instead. The app removes both once it can show the same thing itself.

use wasm_bindgen::JsCast;

/// What the visitor did on the pre-rendered page before the app took over.
pub struct Handover {
    /// Text typed into its search box.
    pub typed: String,
    /// Whether its search box had the keyboard focus.
    pub search_focused: bool,
}

/// Whether `gate.js` found the page at an address the pre-rendered list does not show.
pub fn at_deep_link() -> bool {
    document()
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.class_list().contains("tc-deep-link"))
}

/// Removes the pre-rendered page and its loading line; returns what the visitor had done on
/// it, or `None` when there was none (already taken over, or the app is on another site's page).
pub fn take_over() -> Option<Handover> {
    let document = document()?;
    if let Some(loading) = document.get_element_by_id("tc-boot-loading") {
        loading.remove();
    }
    let page = document.get_element_by_id("tc-prerender")?;
    let search = document
        .get_element_by_id("tc-prerender-search")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    let handover = Handover {
        typed: search.as_ref().map(|s| s.value()).unwrap_or_default(),
        search_focused: document
            .active_element()
            .is_some_and(|active| active.id() == "tc-prerender-search"),
    };
    page.remove();
    Some(handover)
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}
