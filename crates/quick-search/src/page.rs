//! Wiring [`Filter`] to the pre-rendered page: its search box, its cards, its count.

use coops_core::i18n::{Catalog, Lang};
use coops_core::keys::slash_focuses_search;
use coops_core::messages::facet_count;
use coops_core::names::{
    COOP_ID_ATTRIBUTE, DEFUNCT_INPUT_ID, FACET_COUNT_CLASS, FILTERABLE_MARK, PRERENDER_ROOT_ID,
    QUICK_WORDS_ID, REMOTE_INPUT_ID, REMOTE_LIST_CLASS, REMOTE_MORE_CLASS, REMOTE_TITLE_CLASS,
    RESULT_COUNT_CLASS, RESULT_ITEM_CLASS, RESULT_MORE_CLASS, SEARCH_BOX_ID, TAG_INPUT_PREFIX,
};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

use crate::{Filter, Shown};

/// The parts of the page a search changes.
struct Page {
    root: Element,
    cards: Vec<HtmlElement>,
    count: Option<Element>,
    more: Option<HtmlElement>,
    /// The remote and worldwide group beside the map: its items, heading and "more" line.
    remote_items: Vec<HtmlElement>,
    remote_title: Option<Element>,
    remote_more: Option<HtmlElement>,
}

impl Page {
    fn show(&self, shown: &Shown) {
        show_only(&self.cards, &shown.visible);
        if let Some(count) = &self.count {
            count.set_text_content(Some(&shown.count));
        }
        show_line(self.more.as_ref(), shown.more.as_deref());
        // The group beside the map and the filter counts follow too, as the app draws them:
        // on a narrow screen they sit above the list, which would move when the app took over.
        show_only(&self.remote_items, &shown.remote_visible);
        if let Some(title) = &self.remote_title {
            title.set_text_content(Some(&shown.remote_title));
        }
        show_line(self.remote_more.as_ref(), shown.remote_more.as_deref());
        self.show_counts(shown);
        keep_in_address(&shown.query_string);
    }

    /// The filter panel's counts; a business area with none is dimmed, as in the app.
    fn show_counts(&self, shown: &Shown) {
        let facets = &shown.facets;
        let tags = facets
            .tags
            .iter()
            .map(|(id, n)| (format!("{TAG_INPUT_PREFIX}{id}"), *n));
        let toggles = [
            (REMOTE_INPUT_ID.to_string(), facets.remote),
            (DEFUNCT_INPUT_ID.to_string(), facets.defunct),
        ];
        for (input, n) in tags.chain(toggles) {
            let Some(count) = self
                .root
                .query_selector(&format!("label[for=\"{input}\"] .{FACET_COUNT_CLASS}"))
                .ok()
                .flatten()
            else {
                continue;
            };
            count.set_text_content(Some(&facet_count(n)));
            if let Some(option) = count.closest(".facet__options > li").ok().flatten() {
                let _ = option
                    .class_list()
                    .toggle_with_force("facet__option--empty", n == 0);
            }
        }
    }
}

/// Shows the `elements` whose flag in `visible` is set and hides the others, touching only
/// those that change.
fn show_only(elements: &[HtmlElement], visible: &[bool]) {
    for (element, &visible) in elements.iter().zip(visible) {
        if element.hidden() == visible {
            element.set_hidden(!visible);
        }
    }
}

/// Shows `line` with `text`, or hides it when there is none.
fn show_line(line: Option<&HtmlElement>, text: Option<&str>) {
    if let Some(line) = line {
        line.set_hidden(text.is_none());
        if let Some(text) = text {
            line.set_text_content(Some(text));
        }
    }
}

/// Makes the pre-rendered list answer its search box, from `dataset` (the bytes of
/// `data/directory.json`, see `coops_core::load::decode_text`). Returns false, changing
/// nothing, when the page has no pre-rendered list or words for it, or the dataset does not
/// read: the list then waits for the app, which explains.
#[wasm_bindgen]
pub fn attach(dataset: Vec<u8>) -> bool {
    let dataset = coops_core::load::decode_text(dataset);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(PrerenderedList {
        search,
        page,
        card_ids,
        remote_ids,
    }) = find_page(&document)
    else {
        return false;
    };
    let Some(words) = page_words(&document) else {
        return false;
    };
    let Some(filter) = Filter::new(
        &dataset,
        words,
        card_ids.iter().map(String::as_str),
        remote_ids.iter().map(String::as_str),
    ) else {
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

/// The words the page holds for the quick search, in its language (`<html lang>`).
fn page_words(document: &Document) -> Option<Catalog> {
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Lang::parse(&tag))?;
    let text = document.get_element_by_id(QUICK_WORDS_ID)?.text_content()?;
    Catalog::parse(lang, &text).ok()
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

/// The pre-rendered directory as the quick search finds it.
struct PrerenderedList {
    /// Its search box.
    search: HtmlInputElement,
    /// The parts a search changes.
    page: Page,
    /// The co-op ids of the cards, in order.
    card_ids: Vec<String>,
    /// The co-op ids of the remote group's items, in order.
    remote_ids: Vec<String>,
}

/// The pre-rendered list, if the page has one. The page is the app's own view of the
/// directory, rendered at build time (crates/site), so it is found by the names the app's
/// components use.
fn find_page(document: &Document) -> Option<PrerenderedList> {
    let root = document.get_element_by_id(PRERENDER_ROOT_ID)?;
    let find = |selector: &str| root.query_selector(selector).ok().flatten();
    let search = find(&format!("#{SEARCH_BOX_ID}"))?
        .dyn_into::<HtmlInputElement>()
        .ok()?;
    let (cards, card_ids) = with_coop_ids(
        &root,
        &format!(".{RESULT_ITEM_CLASS}"),
        &format!("[{COOP_ID_ATTRIBUTE}]"),
    )?;
    let (remote_items, remote_ids) = with_coop_ids(
        &root,
        &format!(".{REMOTE_LIST_CLASS} > li"),
        &format!("[{COOP_ID_ATTRIBUTE}]"),
    )?;
    let html = |e: Option<Element>| e.and_then(|e| e.dyn_into::<HtmlElement>().ok());
    let page = Page {
        cards,
        count: find(&format!(".{RESULT_COUNT_CLASS}")),
        more: html(find(&format!(".{RESULT_MORE_CLASS}"))),
        remote_items,
        remote_title: find(&format!(".{REMOTE_TITLE_CLASS}")),
        remote_more: html(find(&format!(".{REMOTE_MORE_CLASS}"))),
        root,
    };
    Some(PrerenderedList {
        search,
        page,
        card_ids,
        remote_ids,
    })
}

/// The elements `selector` finds under `root`, each with the co-op id it carries (on itself or
/// on the element `carrier` finds inside it).
fn with_coop_ids(
    root: &Element,
    selector: &str,
    carrier: &str,
) -> Option<(Vec<HtmlElement>, Vec<String>)> {
    let found = root.query_selector_all(selector).ok()?;
    let mut elements = Vec::with_capacity(found.length() as usize);
    let mut ids = Vec::with_capacity(elements.capacity());
    for i in 0..found.length() {
        let Some(element) = found.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        let id = if element.has_attribute(COOP_ID_ATTRIBUTE) {
            element.get_attribute(COOP_ID_ATTRIBUTE)
        } else {
            element
                .query_selector(carrier)
                .ok()
                .flatten()
                .and_then(|e| e.get_attribute(COOP_ID_ATTRIBUTE))
        };
        ids.push(id.unwrap_or_default());
        elements.push(element);
    }
    Some((elements, ids))
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
