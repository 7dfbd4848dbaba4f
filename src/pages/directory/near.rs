//! "Near…": the list nearest first to a place the visitor types, found among the dataset's own
//! places ([`coops_core::nearby::find_place`]: no geocoder, nothing leaves the page), or to
//! where they are, asked of the browser only when they press the button. A typed place goes in
//! the URL (`near=lyon-fr`) and survives a reload; the visitor's own position stays in the page.

use coops_core::i18n::words;
use coops_core::messages::near_unknown;
use coops_core::nearby::{find_place, measurable};
use leptos::prelude::*;

use crate::data::DirectoryData;
use crate::dom::{PositionError, current_position, event_origin_value};
use crate::url_state::{History, QueryState};

/// Where the visitor is, (latitude, longitude), once they have asked for the co-ops nearest
/// them; never written to the URL. A place chosen by name replaces it.
pub type Here = RwSignal<Option<(f64, f64)>>;

/// The box that takes a place, its suggestions, and "Use my location".
#[component]
pub fn NearControl(
    data: DirectoryData,
    state: QueryState,
    here: Here,
    /// How a choice enters the history (see `FacetPanel`).
    history: History,
) -> impl IntoView {
    let query = state.query;
    let status = RwSignal::new(String::new());
    // Every place to measure from, by its label, for the box's suggestions (not in a page
    // rendered at build time: the box works only once the app is in).
    let prerendering = crate::host::use_host().prerendering;
    let mut labels: Vec<String> = data
        .index
        .places()
        .iter()
        .filter(|p| !prerendering && measurable(p))
        .map(|p| p.label(&data.directory))
        .collect();
    labels.sort();
    labels.dedup();
    let suggestions = labels
        .into_iter()
        .map(|label| view! { <option value=label></option> })
        .collect_view();
    let shown = {
        let data = data.clone();
        move || {
            query.with(|q| {
                q.near
                    .as_deref()
                    .and_then(|id| data.index.place(id))
                    .map(|p| p.label(&data.directory))
                    .unwrap_or_default()
            })
        }
    };
    let choose = {
        let (data, state) = (data.clone(), state.clone());
        move |typed: String| {
            if typed.trim().is_empty() {
                status.set(String::new());
                if query.with_untracked(|q| q.near.is_some()) {
                    state.update(history, |q| q.near = None);
                }
                return;
            }
            match find_place(data.index.places(), &data.directory, &typed) {
                Some(place) => {
                    status.set(String::new());
                    here.set(None);
                    let id = place.id.clone();
                    if query.with_untracked(|q| q.near.as_deref() != Some(id.as_str())) {
                        state.update(history, |q| q.near = Some(id));
                    }
                }
                None => status.set(near_unknown(&typed)),
            }
        }
    };
    // A choice from the suggestions, and Enter or leaving the box after typing, all end in a
    // change event.
    let on_change = move |ev: leptos::ev::Event| choose(event_origin_value(&ev));
    let locate = {
        let state = state.clone();
        move |_| {
            status.set(words().text("locating").to_string());
            let state = state.clone();
            leptos::task::spawn_local(async move {
                let found = current_position().await;
                // The panel may have closed (the sheet) while the browser asked.
                match found {
                    Ok(position) => {
                        here.try_set(Some(position));
                        status.try_set(words().text("near-you").to_string());
                        if query.try_with_untracked(|q| q.near.is_some()) == Some(true) {
                            state.update(history, |q| q.near = None);
                        }
                    }
                    Err(PositionError::Refused) => {
                        status.try_set(words().text("location-refused").to_string());
                    }
                    Err(PositionError::Unknown) => {
                        status.try_set(words().text("location-unknown").to_string());
                    }
                };
            });
        }
    };
    view! {
        <div class="facet facet--near" data-testid="near">
            <label class="facet__label" for="facet-near">{words().text("near")}</label>
            <p class="facet__hint" id="facet-near-hint">{words().text("near-hint")}</p>
            <input
                id="facet-near"
                class="facet__input"
                type="text"
                list="facet-near-places"
                autocomplete="off"
                enterkeyhint="search"
                aria-describedby="facet-near-hint facet-near-status"
                prop:value=shown
                on:change=on_change
            />
            <datalist id="facet-near-places">{suggestions}</datalist>
            <button type="button" class="button facet__near-here" data-testid="near-me" on:click=locate>
                {words().text("use-my-location")}
            </button>
            // Always in the page (a live region announces what comes into it), and of no
            // height while it has nothing to say: the page rendered at build time lines up.
            <p id="facet-near-status" class="facet__status" role="status" data-testid="near-status">
                {move || {
                    let text = status.get();
                    (!text.is_empty()).then(|| view! { <span class="facet__hint facet__status-text">{text}</span> })
                }}
            </p>
        </div>
    }
}
