//! On phones, the map and the list take turns instead of the map pushing the results down: a
//! pair of pressed buttons switches between them (wider screens show both and no switch).

use coops_core::i18n::words;

use leptos::prelude::*;

/// "List" and "Map"; `map_shown` is which one is pressed.
#[component]
pub fn ViewSwitch(map_shown: RwSignal<bool>) -> impl IntoView {
    let button = move |label: &'static str, map: bool| {
        view! {
            <button
                type="button"
                class="view-switch__button"
                aria-pressed=move || (map_shown.get() == map).to_string()
                on:click=move |_| map_shown.set(map)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="view-switch" role="group" aria-label=words().text("view-switch") data-testid="view-switch">
            {button(words().text("show-list"), false)}
            {button(words().text("show-map"), true)}
        </div>
    }
}
