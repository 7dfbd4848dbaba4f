//! Wiring [`Filter`] to the pre-rendered page: its search box, its cards, its count.

use coops_core::site::{FILTERABLE_MARK, slash_focuses_search};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

use crate::{Filter, Shown};

/// The pre-rendered page's ids and classes (crates/import/src/prerender.rs writes them).
const PAGE_ID: &str = "tc-prerender";
const SEARCH_ID: &str = "tc-prerender-search";
const CARD_ID_PREFIX: &str = "tc-prerender-coop-";

/// The parts of the page a search changes.
struct Page {
    cards: Vec<HtmlElement>,
    count: Option<Element>,
    more: Option<HtmlElement>,
}

impl Page {
    fn show(&self, shown: &Shown) {
        for (card, &visible) in self.cards.iter().zip(&shown.visible) {
            if card.hidden() == visible {
                card.set_hidden(!visible);
            }
        }
        if let Some(count) = &self.count {
            count.set_text_content(Some(&shown.count));
        }
        if let Some(more) = &self.more {
            more.set_hidden(shown.more.is_none());
            if let Some(text) = &shown.more {
                more.set_text_content(Some(text));
            }
        }
        keep_in_address(&shown.query_string);
    }
}

/// Makes the pre-rendered list answer its search box, from `dataset` (the text of
/// `data/directory.json`). Returns false, changing nothing, when the page has no pre-rendered
/// list or the dataset does not read: the list then waits for the app, which explains.
#[wasm_bindgen]
pub fn attach(dataset: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some((search, page, ids)) = find_page(&document) else {
        return false;
    };
    let Some(filter) = Filter::new(dataset, ids.iter().map(String::as_str)) else {
        return false;
    };
    // Text typed while this module was on its way.
    if !search.value().trim().is_empty() {
        page.show(&filter.show(&search.value()));
    }
    let input = search.clone();
    let on_input = Closure::<dyn FnMut()>::new(move || page.show(&filter.show(&input.value())));
    if search
        .add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref())
        .is_err()
    {
        return false;
    }
    // The listener lives as long as the page's search box; the app removes both together.
    on_input.forget();
    focus_on_slash(&document, &search);
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(FILTERABLE_MARK);
    }
    true
}

/// `/` focuses the search box, as in the app, unless the visitor is typing somewhere. Stops
/// once the box has left the page (the app has its own).
fn focus_on_slash(document: &Document, search: &HtmlInputElement) {
    let search = search.clone();
    let on_key =
        Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |event: web_sys::KeyboardEvent| {
            let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
            let asked = slash_focuses_search(
                &event.key(),
                event.ctrl_key() || event.meta_key() || event.alt_key(),
                &target.as_ref().map(|el| el.tag_name()).unwrap_or_default(),
                target.is_some_and(|el| el.has_attribute("contenteditable")),
            );
            if asked && search.is_connected() {
                event.prevent_default();
                let _ = search.focus();
            }
        });
    if document
        .add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref())
        .is_ok()
    {
        on_key.forget();
    }
}

/// The search box, the cards and their co-op ids.
fn find_page(document: &Document) -> Option<(HtmlInputElement, Page, Vec<String>)> {
    let root = document.get_element_by_id(PAGE_ID)?;
    let search = document
        .get_element_by_id(SEARCH_ID)?
        .dyn_into::<HtmlInputElement>()
        .ok()?;
    let items = root.query_selector_all(".result-list__item").ok()?;
    let mut cards = Vec::with_capacity(items.length() as usize);
    let mut ids = Vec::with_capacity(cards.capacity());
    for i in 0..items.length() {
        let Some(card) = items.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        let id = card
            .query_selector(".coop-card__name")
            .ok()
            .flatten()
            .map(|name| name.id())
            .and_then(|id| id.strip_prefix(CARD_ID_PREFIX).map(str::to_owned))
            .unwrap_or_default();
        ids.push(id);
        cards.push(card);
    }
    let page = Page {
        cards,
        count: root.query_selector(".result-count").ok().flatten(),
        more: root
            .query_selector(".result-list__more")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok()),
    };
    Some((search, page, ids))
}

/// Writes the search into the address without a new history entry, as the app does, so a
/// reload or a copied link shows the same search.
fn keep_in_address(query_string: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let current = location.search().unwrap_or_default();
    let wanted = if query_string.is_empty() {
        String::new()
    } else {
        format!("?{query_string}")
    };
    if current == wanted {
        return;
    }
    let Ok(path) = location.pathname() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{wanted}")));
    }
}
