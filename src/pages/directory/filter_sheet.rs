//! On phones the filters open in a sheet over the results, from a "Filters" button that says
//! how many are set. The sheet is a modal `<dialog>`: the browser keeps focus in it and closes
//! it on Escape. It has a history entry of its own, so Back closes it too.
//!
//! Choices in the sheet replace that entry instead of adding one each: the close button,
//! Escape and "Show n co-ops" keep them (the list behind already shows them); Back returns to
//! the view from before the sheet, as Back does anywhere.

use coops_core::i18n::words;

use coops_core::messages::{filters_active, show_coops};
use coops_core::query::{DirectoryQuery, Filter};
use coops_core::search::Results;
use leptos::html::{Button, Dialog};
use leptos::prelude::*;

use crate::url_state::QueryState;

/// Whether the sheet is open, and what it needs to close properly.
#[derive(Clone, Copy)]
pub struct FilterSheet {
    open: RwSignal<bool>,
    /// The filters when it opened: closing with none changed drops its history entry.
    opened_with: StoredValue<Option<DirectoryQuery>>,
    /// Where focus returns when it closes.
    button: NodeRef<Button>,
}

impl FilterSheet {
    /// A closed sheet.
    pub fn new() -> Self {
        FilterSheet {
            open: RwSignal::new(false),
            opened_with: StoredValue::new(None),
            button: NodeRef::new(),
        }
    }

    /// Whether it is open (tracked).
    pub fn is_open(&self) -> bool {
        self.open.get()
    }

    fn show(&self, query: DirectoryQuery) {
        self.opened_with.set_value(Some(query));
        // The sheet's own entry, at the same address (the router is not told: nothing it
        // shows changes), so that Back closes the sheet rather than leave the page.
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state(&wasm_bindgen::JsValue::NULL, "");
        }
        self.open.set(true);
    }

    /// Closes it from inside (its buttons, Escape), keeping what was chosen.
    fn close(&self, query: &DirectoryQuery) {
        if !self.open.get_untracked() {
            return;
        }
        self.open.set(false);
        // Nothing chosen: its history entry would be a step of Back that does nothing.
        if self.opened_with.get_value().as_ref() == Some(query)
            && let Some(history) = web_sys::window().and_then(|w| w.history().ok())
        {
            let _ = history.back();
        }
        if let Some(button) = self.button.get_untracked() {
            let _ = button.focus();
        }
    }
}

/// The button that opens the sheet, with the number of filters set.
#[component]
pub fn FiltersButton(
    sheet: FilterSheet,
    state: QueryState,
    /// The chips: the button counts them.
    chips: Memo<Vec<(Filter, String)>>,
) -> impl IntoView {
    let query = state.query;
    let active = Memo::new(move |_| chips.with(Vec::len));
    view! {
        <button
            type="button"
            class="button filters-button"
            data-testid="filters-button"
            node_ref=sheet.button
            aria-haspopup="dialog"
            aria-expanded=move || sheet.open.get().to_string()
            on:click=move |_| sheet.show(query.get_untracked())
        >
            {words().text("filters-button")}
            " "
            <span class="filters-button__count" hidden=move || active.get() == 0>
                {move || active.get()}
                <span class="visually-hidden">{move || format!(" {}", filters_active(active.get()))}</span>
            </span>
        </button>
    }
}

/// The sheet: `children` (the filter panel, mounted only while it is open), a close button,
/// and a button that shows the live count and closes it onto the list.
#[component]
pub fn FilterSheetDialog(
    sheet: FilterSheet,
    state: QueryState,
    results: Memo<Results>,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let query = state.query;
    Effect::watch(
        move || sheet.open.get(),
        move |&open, _, _| {
            let Some(dialog) = dialog.get_untracked() else {
                return;
            };
            if open && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !open && dialog.open() {
                dialog.close();
            }
        },
        false,
    );
    // Back while it is open: the browser has left its entry already; the router shows the
    // filters from before the sheet.
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        if sheet.open.get_untracked() {
            sheet.open.set(false);
        }
    });
    on_cleanup(move || handle.remove());
    let close = move || query.with_untracked(|q| sheet.close(q));
    // A modal dialog keeps focus from the page, but Tab past its last control leaves for the
    // browser's own bar (in a headless one, the page's body): the sheet wraps around instead,
    // from its last control (the show button) to its first (the close button) and back.
    let (first, last) = (NodeRef::<Button>::new(), NodeRef::<Button>::new());
    let wrap_tab = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Tab" {
            return;
        }
        let (from, to) = if ev.shift_key() {
            (first, last)
        } else {
            (last, first)
        };
        let focused = crate::dom::focused_element();
        if let (Some(from), Some(to)) = (from.get_untracked(), to.get_untracked())
            && focused.is_some_and(|f| f == **from)
        {
            ev.prevent_default();
            let _ = to.focus();
        }
    };
    let count = move || results.with(|r| r.matches.len());
    view! {
        <dialog
            class="filter-sheet"
            node_ref=dialog
            aria-labelledby="facets-title"
            data-testid="filter-sheet"
            // Escape, or the page closing it: the browser has closed the dialog already.
            on:close=move |_| close()
            on:keydown=wrap_tab
        >
            <button type="button" class="filter-sheet__close" node_ref=first aria-label=words().text("close-filters") on:click=move |_| close()>
                <span aria-hidden="true">"\u{d7}"</span>
            </button>
            {move || sheet.open.get().then(|| children())}
            <div class="filter-sheet__foot">
                <button type="button" class="button button--primary filter-sheet__show" node_ref=last on:click=move |_| close()>
                    {move || show_coops(count())}
                </button>
            </div>
        </dialog>
    }
}
