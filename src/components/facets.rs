//! The directory's filters, each with live counts that respect the other active filters.

use coops_core::query::{DirectoryQuery, Sort};
use coops_core::search::Facets;
use leptos::prelude::*;

use crate::data::DirectoryData;
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
) -> impl IntoView {
    let query = state.query;
    let set_region = {
        let state = state.clone();
        move |ev| {
            let value = event_target_value(&ev);
            state.update(History::Push, |q| {
                q.region = (!value.is_empty()).then_some(value)
            });
        }
    };
    let set_country = {
        let state = state.clone();
        move |ev| {
            let value = event_target_value(&ev);
            state.update(History::Push, |q| {
                q.country = (!value.is_empty()).then_some(value)
            });
        }
    };
    let set_sort = {
        let state = state.clone();
        move |ev| {
            let value = event_target_value(&ev);
            state.update(History::Push, |q| {
                q.sort = Sort::parse(&value).unwrap_or_default()
            });
        }
    };
    let toggle_remote = {
        let state = state.clone();
        move |_| state.update(History::Push, |q| q.remote = !q.remote)
    };
    let toggle_defunct = {
        let state = state.clone();
        move |_| state.update(History::Push, |q| q.defunct = !q.defunct)
    };
    let clear = {
        let state = state.clone();
        move |_| {
            let sort = query.get_untracked().sort;
            state.set(
                DirectoryQuery {
                    sort,
                    ..DirectoryQuery::default()
                },
                History::Push,
            );
        }
    };

    let names = data.clone();
    let region_options = move || {
        let facets = facets.get();
        let selected = query.read().region.clone();
        facets
            .regions
            .iter()
            .map(|(id, count)| {
                let name = names.region_name(id);
                let is_selected = selected.as_deref() == Some(id.as_str());
                view! { <option value=id.clone() selected=is_selected>{format!("{name} ({count})")}</option> }
            })
            .collect_view()
    };
    let names = data.clone();
    let country_options = move || {
        let facets = facets.get();
        let selected = query.read().country.clone();
        let mut countries: Vec<(String, String, usize)> = facets
            .countries
            .iter()
            .map(|(code, n)| (code.clone(), names.country_name(code), *n))
            .collect();
        // A country chosen from the URL or the map stays choosable even with no matches.
        if let Some(code) = &selected
            && !countries.iter().any(|(c, _, _)| c == code)
        {
            countries.push((code.clone(), names.country_name(code), 0));
        }
        countries.sort_by(|a, b| a.1.cmp(&b.1));
        countries
            .into_iter()
            .map(|(code, name, count)| {
                let is_selected = selected.as_deref() == Some(code.as_str());
                view! { <option value=code selected=is_selected>{format!("{name} ({count})")}</option> }
            })
            .collect_view()
    };
    let tag_boxes = {
        let state = state.clone();
        let names = data.clone();
        move || {
            let facets = facets.get();
            let selected = query.read().tags.clone();
            {
                facets
                    .tags
                    .iter()
                    .map(|(id, count)| {
                        let checked = selected.contains(id);
                        let name = names.tag_name(id);
                        let state = state.clone();
                        let toggled = id.clone();
                        let input_id = format!("tag-{id}");
                        view! {
                            <li class="facet__option" class:facet__option--empty=*count == 0 && !checked>
                                <input
                                    type="checkbox"
                                    id=input_id.clone()
                                    prop:checked=checked
                                    on:change=move |_| {
                                        let toggled = toggled.clone();
                                        state.update(History::Push, move |q| {
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
                                    <span class="facet__count">{format!(" ({count})")}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()
            }
        }
    };

    view! {
        <section class="facets" aria-labelledby="facets-title">
            <h2 id="facets-title" class="facets__title">"Filter"</h2>
            <div class="facet">
                <label class="facet__label" for="facet-region">"Region"</label>
                <select id="facet-region" class="facet__select" on:change=set_region>
                    <option value="" selected=move || query.read().region.is_none()>"All regions"</option>
                    {region_options}
                </select>
            </div>
            <div class="facet">
                <label class="facet__label" for="facet-country">"Country"</label>
                <select id="facet-country" class="facet__select" on:change=set_country>
                    <option value="" selected=move || query.read().country.is_none()>"All countries"</option>
                    {country_options}
                </select>
            </div>
            <div class="facet facet--toggles">
                <div class="facet__option">
                    <input type="checkbox" id="facet-remote" prop:checked=move || query.read().remote on:change=toggle_remote />
                    <label for="facet-remote">
                        "Remote-friendly only"
                        <span class="facet__count">{move || format!(" ({})", facets.read().remote)}</span>
                    </label>
                </div>
                <div class="facet__option">
                    <input type="checkbox" id="facet-defunct" prop:checked=move || query.read().defunct on:change=toggle_defunct />
                    <label for="facet-defunct">
                        "Include co-ops no longer trading"
                        <span class="facet__count">{move || format!(" ({})", facets.read().defunct)}</span>
                    </label>
                </div>
            </div>
            <fieldset class="facet facet--tags">
                <legend class="facet__label">"Business areas"</legend>
                <p class="facet__hint">"Co-ops doing any of the areas you tick."</p>
                <ul class="facet__options">{tag_boxes}</ul>
            </fieldset>
            <div class="facet">
                <label class="facet__label" for="facet-sort">"Sort by"</label>
                <select id="facet-sort" class="facet__select" on:change=set_sort>
                    <option value="name" selected=move || query.read().sort == Sort::Name>"Name"</option>
                    <option value="region" selected=move || query.read().sort == Sort::Region>"Region"</option>
                </select>
            </div>
            <button
                type="button"
                class="button facets__clear"
                on:click=clear
                disabled=move || query.read().is_unfiltered()
            >
                "Clear all filters"
            </button>
        </section>
    }
}
