//! The directory's filters, each with live counts that respect the other active filters.
//!
//! One component per filter: each reads the query and the counts it shows and writes the one
//! field of the query it changes, so a change redraws only its own control.

use coops_core::i18n::words;
use coops_core::messages::{facet_count, facet_option};
use coops_core::names::{DEFUNCT_INPUT_ID, FACET_COUNT_CLASS, REMOTE_INPUT_ID, TAG_INPUT_PREFIX};
use coops_core::query::{DirectoryQuery, Sort};
use coops_core::search::Facets;
use leptos::prelude::*;

use crate::dom::event_origin_value;

use super::near::{Here, NearControl};
use crate::data::DirectoryData;
use crate::host::use_host;
use crate::url_state::{History, QueryState};

/// Region, country, business areas, remote-friendly, defunct, and sort.
#[component]
pub fn FacetPanel(
    /// The dataset, for region, country and tag names.
    data: DirectoryData,
    /// The counts for the current query.
    #[prop(into)]
    facets: Signal<Facets>,
    /// The URL state to read and change.
    state: QueryState,
    /// How a choice enters the history: a new entry each, except in the phone's sheet, where
    /// they replace the sheet's own (see `filter_sheet`).
    #[prop(default = History::Push)]
    history: History,
    /// Where the visitor is, when they asked for the co-ops nearest them.
    here: Here,
) -> impl IntoView {
    view! {
        // Rendered at build time, the panel shows the counts but works only once the app is
        // in: until then it is inert (not focusable, not announced).
        <section class="facets" aria-labelledby="facets-title" inert=use_host().prerendering>
            <h2 id="facets-title" class="facets__title">{words().text("facets-title")}</h2>
            <RegionFacet data=data.clone() facets state=state.clone() history />
            <CountryFacet data=data.clone() facets state=state.clone() history />
            <PlaceFacet data=data.clone() state=state.clone() history />
            <NearControl data=data.clone() state=state.clone() here history />
            <ToggleFacets facets state=state.clone() history />
            <TagFacet data facets state=state.clone() history />
            <SortFacet state=state.clone() history here />
            <ClearFilters state history here />
        </section>
    }
}

/// A `change` handler that writes the control's value into one field of the query (`set`),
/// entering the history as `history` says.
fn on_select(
    state: QueryState,
    history: History,
    set: fn(&mut DirectoryQuery, String),
) -> impl Fn(web_sys::Event) + 'static {
    move |ev| {
        let value = event_origin_value(&ev);
        state.update(history, |q| set(q, value));
    }
}

/// A filter chosen in a `<select>`: its label and the select, whose options are `children`.
#[component]
fn SelectFacet(
    /// The select's id, which the label names.
    id: &'static str,
    /// The label.
    label: &'static str,
    /// What a choice does.
    #[prop(into)]
    on_change: Callback<web_sys::Event>,
    /// The options.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="facet">
            <label class="facet__label" for=id>{label}</label>
            <select id=id class="facet__select" on:change=move |ev| on_change.run(ev)>
                {children()}
            </select>
        </div>
    }
}

/// Whether the list is in order of distance: while the visitor's position or a place typed
/// in "Near…" is in use (the sort offers distance only then).
fn by_distance(here: Here, query: Memo<DirectoryQuery>) -> bool {
    here.read().is_some() || query.read().near.is_some()
}

/// The region filter: every region of the dataset with its count.
#[component]
fn RegionFacet(
    /// The dataset, for the regions' names.
    data: DirectoryData,
    /// The counts for the current query.
    facets: Signal<Facets>,
    /// The URL state to read and change.
    state: QueryState,
    /// How a choice enters the history.
    history: History,
) -> impl IntoView {
    let query = state.query;
    let set_region = on_select(state, history, |q, v| {
        q.region = (!v.is_empty()).then_some(v)
    });
    // Regions are a fixed list: rendered once, each with its own count memo, so a keystroke
    // only updates the numbers that change.
    let options = data
        .directory
        .regions
        .iter()
        .enumerate()
        .map(|(i, region)| {
            let count = Memo::new(move |_| facets.with(|f| f.regions.get(i).map_or(0, |r| r.1)));
            view! { <RegionOption id=region.id.clone() name=region.name.clone() count query /> }
        })
        .collect_view();
    view! {
        <SelectFacet id="facet-region" label=words().text("facet-region") on_change=set_region>
            <option value="" prop:selected=move || query.read().region.is_none()>{words().text("all-regions")}</option>
            {options}
        </SelectFacet>
    }
}

/// One region in the region filter: its name and count, selected while it is the filter.
#[component]
fn RegionOption(
    /// The region's id, the option's value.
    id: String,
    /// The region's name.
    name: String,
    /// Its matching co-ops.
    count: Memo<usize>,
    /// The current query, which says whether it is chosen.
    query: Memo<DirectoryQuery>,
) -> impl IntoView {
    let is_selected = {
        let id = id.clone();
        move || query.read().region.as_deref() == Some(id.as_str())
    };
    view! { <option value=id prop:selected=is_selected>{move || facet_option(&name, count.get())}</option> }
}

/// The country filter: the countries with matching co-ops (and the chosen one), by name.
#[component]
fn CountryFacet(
    /// The dataset, for the countries' names.
    data: DirectoryData,
    /// The counts for the current query.
    facets: Signal<Facets>,
    /// The URL state to read and change.
    state: QueryState,
    /// How a choice enters the history.
    history: History,
) -> impl IntoView {
    let query = state.query;
    let set_country = on_select(state, history, |q, v| {
        q.country = (!v.is_empty()).then_some(v)
    });
    // Countries come and go with the other filters: a keyed list, so only changed rows redraw.
    let countries = Memo::new(move |_| {
        let selected = query.read().country.clone();
        let mut countries: Vec<CountryRow> = facets.with(|f| {
            f.countries
                .iter()
                .map(|(code, n)| CountryRow {
                    code: code.clone(),
                    name: data.country_name(code),
                    coops: *n,
                    chosen: selected.as_deref() == Some(code.as_str()),
                })
                .collect()
        });
        // A country chosen from the URL or the map stays choosable even with no matches.
        if let Some(code) = &selected
            && !countries.iter().any(|c| &c.code == code)
        {
            countries.push(CountryRow {
                code: code.clone(),
                name: data.country_name(code),
                coops: 0,
                chosen: true,
            });
        }
        countries.sort_by(|a, b| a.name.cmp(&b.name));
        countries
    });
    // Keyed by code, with the label and the selection read live: a count that changes updates
    // one text node instead of replacing the option.
    let country_options = move || {
        view! {
            <For
                each=move || countries.get()
                key=|c| c.code.clone()
                children=move |CountryRow { code, .. }| {
                    let label = country_field(countries, code.clone(), |c| facet_option(&c.name, c.coops));
                    let selected = country_field(countries, code.clone(), |c| c.chosen);
                    view! { <option value=code prop:selected=selected>{label}</option> }
                }
            />
        }
    };
    view! {
        <SelectFacet id="facet-country" label=words().text("facet-country") on_change=set_country>
            <option value="" prop:selected=move || query.read().country.is_none()>{words().text("all-countries")}</option>
            {country_options}
        </SelectFacet>
    }
}

/// The place filter, while there is one (set from the map's panel or a link): its name and
/// a button that drops it.
#[component]
fn PlaceFacet(
    /// The dataset, for the place's name.
    data: DirectoryData,
    /// The URL state to read and change.
    state: QueryState,
    /// How a choice enters the history.
    history: History,
) -> impl IntoView {
    let query = state.query;
    let clear_place = move |_| state.update(history, |q| q.place = None);
    move || {
        let place = query.read().place.clone()?;
        let label = data.index.place(&place)?.label(&data.directory);
        Some(view! {
            <div class="facet facet--place" role="group" aria-labelledby="facet-place-label">
                <p id="facet-place-label" class="facet__label">{words().text("facet-place")}</p>
                <p class="facet__place">
                    <span data-testid="place-filter">{label}</span>
                    <button type="button" class="button facet__place-clear" on:click=clear_place.clone()>
                        {words().text("all-places")}
                    </button>
                </p>
            </div>
        })
    }
}

/// The two on/off filters, remote-friendly and defunct, with their counts.
#[component]
fn ToggleFacets(
    /// The counts for the current query.
    facets: Signal<Facets>,
    /// The URL state to read and change.
    state: QueryState,
    /// How a choice enters the history.
    history: History,
) -> impl IntoView {
    let query = state.query;
    let toggle = |flip: fn(&mut DirectoryQuery)| {
        let state = state.clone();
        move |_| state.update(history, flip)
    };
    let toggle_remote = toggle(|q| q.remote = !q.remote);
    let toggle_defunct = toggle(|q| q.defunct = !q.defunct);
    view! {
        <div class="facet facet--toggles">
            <div class="facet__option">
                <input type="checkbox" id=REMOTE_INPUT_ID prop:checked=move || query.read().remote on:change=toggle_remote />
                <label for=REMOTE_INPUT_ID>
                    {words().text("remote-only")}
                    <span class=FACET_COUNT_CLASS>{move || facet_count(facets.read().remote)}</span>
                </label>
            </div>
            <div class="facet__option">
                <input type="checkbox" id=DEFUNCT_INPUT_ID prop:checked=move || query.read().defunct on:change=toggle_defunct />
                <label for=DEFUNCT_INPUT_ID>
                    {words().text("include-defunct")}
                    <span class=FACET_COUNT_CLASS>{move || facet_count(facets.read().defunct)}</span>
                </label>
            </div>
        </div>
    }
}

/// The business areas: a checkbox per tag of the dataset, any of which a co-op may match.
#[component]
fn TagFacet(
    /// The dataset, for the tags' names.
    data: DirectoryData,
    /// The counts for the current query.
    facets: Signal<Facets>,
    /// The URL state to read and change.
    state: QueryState,
    /// How a choice enters the history.
    history: History,
) -> impl IntoView {
    // Tags are a fixed list: rendered once, each with its own count memo, so a keystroke only
    // updates the numbers that change.
    let boxes = data
        .directory
        .tags
        .iter()
        .enumerate()
        .map(|(i, tag)| {
            let count = Memo::new(move |_| facets.with(|f| f.tags.get(i).map_or(0, |t| t.1)));
            view! { <TagOption id=tag.id.clone() name=tag.name.clone() count state=state.clone() history /> }
        })
        .collect_view();
    view! {
        <fieldset class="facet facet--tags">
            <legend class="facet__label">{words().text("business-areas")}</legend>
            <p class="facet__hint">{words().text("business-areas-hint")}</p>
            <ul class="facet__options">{boxes}</ul>
        </fieldset>
    }
}

/// One business area's checkbox: ticking it adds the tag to the filter, unticking removes it;
/// greyed while it matches nothing and is not ticked.
#[component]
fn TagOption(
    /// The tag's id, as the query holds it.
    id: String,
    /// The tag's name.
    name: String,
    /// Its matching co-ops.
    count: Memo<usize>,
    /// The URL state to read and change.
    state: QueryState,
    /// How a choice enters the history.
    history: History,
) -> impl IntoView {
    let query = state.query;
    let checked = {
        let id = id.clone();
        Memo::new(move |_| query.read().tags.contains(&id))
    };
    let input_id = format!("{TAG_INPUT_PREFIX}{id}");
    view! {
        <li class="facet__option" class:facet__option--empty=move || count.get() == 0 && !checked.get()>
            <input
                type="checkbox"
                id=input_id.clone()
                prop:checked=checked
                on:change=move |_| {
                    let toggled = id.clone();
                    state.update(history, move |q| {
                        if let Some(at) = q.tags.iter().position(|t| *t == toggled) {
                            q.tags.remove(at);
                        } else {
                            q.tags.push(toggled);
                        }
                    })
                }
            />
            <label for=input_id>
                {name}
                <span class=FACET_COUNT_CLASS>{move || facet_count(count.get())}</span>
            </label>
        </li>
    }
}

/// The order of the list: by name or region, or by distance while "Near…" is in use.
#[component]
fn SortFacet(
    /// The URL state to read and change.
    state: QueryState,
    /// How a choice enters the history.
    history: History,
    /// Where the visitor is, when they asked for the co-ops nearest them.
    here: Here,
) -> impl IntoView {
    let query = state.query;
    // Name or region: the order by distance ends (the sort offers distance only while on).
    let set_sort = move |ev| {
        let value = event_origin_value(&ev);
        let Some(sort) = Sort::parse(&value) else {
            return;
        };
        here.set(None);
        state.update(history, |q| {
            q.sort = sort;
            q.near = None;
        });
    };
    let distance_on = move || by_distance(here, query);
    let sorted_by = move |sort: Sort| !distance_on() && query.read().sort == sort;
    view! {
        <SelectFacet id="facet-sort" label=words().text("sort-by") on_change=set_sort>
            <option value="name" prop:selected=move || sorted_by(Sort::Name)>{words().text("sort-name")}</option>
            <option value="region" prop:selected=move || sorted_by(Sort::Region)>{words().text("sort-region")}</option>
            <option value="distance" hidden=move || !distance_on() prop:selected=distance_on>{words().text("sort-distance")}</option>
        </SelectFacet>
    }
}

/// "Clear all": every filter off and the order by distance ended; disabled when there is
/// nothing to clear.
#[component]
fn ClearFilters(
    /// The URL state to read and change.
    state: QueryState,
    /// How the change enters the history.
    history: History,
    /// Where the visitor is, when they asked for the co-ops nearest them.
    here: Here,
) -> impl IntoView {
    let query = state.query;
    let clear = move |_| {
        here.set(None);
        state.set(query.with_untracked(DirectoryQuery::cleared), history)
    };
    view! {
        <button
            type="button"
            class="button facets__clear"
            on:click=clear
            disabled=move || query.read().is_unfiltered() && !by_distance(here, query)
        >
            {words().text("clear-all")}
        </button>
    }
}

/// A country in the country filter.
#[derive(Clone, PartialEq)]
struct CountryRow {
    /// Its ISO code, the option's value.
    code: String,
    /// Its name in the page's language.
    name: String,
    /// The co-ops matching the other filters there.
    coops: usize,
    /// Whether it is the country chosen.
    chosen: bool,
}

/// A live reading of the row for `code` (empty once the row has gone).
fn country_field<T: Default + 'static>(
    countries: Memo<Vec<CountryRow>>,
    code: String,
    read: fn(&CountryRow) -> T,
) -> impl Fn() -> T + Send + Sync + 'static {
    move || {
        countries.with(|all| {
            all.iter()
                .find(|c| c.code == code)
                .map(read)
                .unwrap_or_default()
        })
    }
}
