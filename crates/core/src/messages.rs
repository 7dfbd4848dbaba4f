//! Words the app's components and the quick search (crates/quick-search) both show. One source,
//! so the pre-rendered list the quick search filters and the app that replaces it never
//! disagree, and nothing jumps when the app takes over.

use crate::i18n::{Catalog, number, words};
use crate::model::Directory;
use crate::query::{DirectoryQuery, Filter};

/// "1 co-op", "6 co-ops".
pub fn coops_count(n: usize) -> String {
    words().count("coops", n as u64, &[])
}

/// A count as a marker shows it, short enough for its circle: "7", "312", "2k".
pub fn short_count(n: usize) -> String {
    if n < 1000 {
        n.to_string()
    } else {
        format!("{}k", n / 1000)
    }
}

/// How a place reads when the list gives only its country.
pub fn country_only(country: &str) -> String {
    words().format("country-only", &[("country", country)])
}

/// A marker's name: its places (the biggest first, as [`country_only`] where the list gives no
/// city) and its co-ops. "Berlin: 6 co-ops"; "Lyon and Paris: 8 co-ops"; "Lyon, Paris and
/// Nantes: 9 co-ops"; "Berlin, Hamburg and 3 more places: 12 co-ops".
pub fn marker_label(places: &[&str], coops: usize) -> String {
    let w = words();
    let named = match *places {
        [] => String::new(),
        [one] => one.to_string(),
        [a, b] => w.format("list-two", &[("a", a), ("b", b)]),
        [a, b, c] => w.format("list-three", &[("a", a), ("b", b), ("c", c)]),
        [a, b, ref rest @ ..] => {
            w.count("list-more-places", rest.len() as u64, &[("a", a), ("b", b)])
        }
    };
    let coops = coops_count(coops);
    w.format("marker-label", &[("places", &named), ("coops", &coops)])
}

/// The button under a place in the marker's panel.
pub fn show_place_only(place: &str) -> String {
    words().format("show-place-only", &[("place", place)])
}

/// The line under a place's co-ops in the panel when only the first are named.
pub fn panel_more(n: usize) -> String {
    words().count("panel-more", n as u64, &[])
}

/// Remote and worldwide co-ops named beside the map; the rest are counted.
pub const REMOTE_SHOWN: usize = 40;

/// The messages the quick search shows (the four functions below): the build writes them into
/// the directory's page for it ([`crate::names::QUICK_WORDS_ID`]), so that its wasm holds no
/// language of its own and speaks the page's. They take the catalog as an argument for that
/// reason; the app passes [`words`].
pub const QUICK_SEARCH_MESSAGES: [&str; 5] = [
    "count-none",
    "coops",
    "more-in-page",
    "remote-title",
    "remote-more",
];

/// The result count as the directory says it: "42 co-ops", "1 co-op", "No co-ops match".
pub fn count_label(words: &Catalog, n: usize) -> String {
    match n {
        0 => words.text("count-none").to_string(),
        n => words.count("coops", n as u64, &[]),
    }
}

/// The note under a list that holds only the first co-ops of a longer result: the app shows
/// every match, but the pre-rendered page stops at a cap.
pub fn more_label(words: &Catalog, n: usize) -> String {
    words.count("more-in-page", n as u64, &[])
}

/// The heading of the remote and worldwide group beside the map.
pub fn remote_title(words: &Catalog, n: usize) -> String {
    words.format(
        "remote-title",
        &[("count", &number(words.lang(), n as u64))],
    )
}

/// The line under the remote group when it names only the first [`REMOTE_SHOWN`].
pub fn remote_more(words: &Catalog, n: usize) -> String {
    words.count("remote-more", n as u64, &[])
}

/// A typed place the list does not name.
pub fn near_unknown(typed: &str) -> String {
    words().format("near-unknown", &[("typed", typed.trim())])
}

/// After the filters button's count, for screen readers: "2 active".
pub fn filters_active(n: usize) -> String {
    words().count("filters-active", n as u64, &[])
}

/// The sheet's button that closes it onto the list: "Show 12 co-ops".
pub fn show_coops(n: usize) -> String {
    match n {
        0 => words().text("show-coops-none").to_string(),
        n => words().count("show-coops", n as u64, &[]),
    }
}

/// The link under a co-op page's map, to the directory around the co-op ("Lyon, France").
pub fn locator_link(around: &str) -> String {
    words().format("locator-link", &[("place", around)])
}

/// What the nearby list says when it is empty: `placed` is whether the co-op has a place to
/// measure from (a city or region, not only a country).
pub fn nearby_none(placed: bool) -> String {
    if placed {
        let km = number(words().lang(), crate::nearby::NEARBY_KM as u64);
        words().format("nearby-none", &[("km", &km)])
    } else {
        words().text("nearby-unplaced").to_string()
    }
}

/// How far away a nearby co-op is: "in the same place", "8 km", "120 km".
pub fn distance_away(km: f64) -> String {
    // Near, to the kilometre; farther, to ten.
    let rounded = match km {
        km if km < 1.0 => return words().text("same-place").to_string(),
        km if km < 20.0 => km.round(),
        km => (km / 10.0).round() * 10.0,
    };
    let km = number(words().lang(), rounded as u64);
    words().format("km", &[("km", &km)])
}

/// The order by distance, as its chip names it: "Near Lyon, France".
pub fn near_label(place: &str) -> String {
    words().format("near-label", &[("place", place)])
}

/// A card's distance from the place the list is ordered from.
pub fn card_distance(km: f64) -> String {
    if km < 1.0 {
        words().text("card-distance-near").to_string()
    } else {
        words().format("card-distance", &[("distance", &distance_away(km))])
    }
}

/// How a chip names a filter set in `query`, from the dataset's names; `place` gives the label
/// of a place id ([`crate::places::MapPlace::label`]), when the index knows it.
pub fn filter_chip(
    filter: &Filter,
    query: &DirectoryQuery,
    directory: &Directory,
    place: impl Fn(&str) -> Option<String>,
) -> String {
    let or_id = |id: &Option<String>, name: Option<String>| {
        name.unwrap_or_else(|| id.clone().unwrap_or_default())
    };
    match filter {
        Filter::Region => or_id(
            &query.region,
            query
                .region
                .as_deref()
                .and_then(|r| directory.region(r))
                .map(|r| r.name.clone()),
        ),
        Filter::Country => query
            .country
            .as_deref()
            .map(|c| directory.country_name(c))
            .unwrap_or_default(),
        Filter::Place => or_id(&query.place, query.place.as_deref().and_then(&place)),
        Filter::Near => near_label(&or_id(&query.near, query.near.as_deref().and_then(&place))),
        Filter::Remote => words().text("chip-remote").to_string(),
        Filter::Defunct => words().text("chip-defunct").to_string(),
        Filter::Tag(tag) => directory
            .tag(tag)
            .map_or_else(|| tag.clone(), |t| t.name.clone()),
    }
}

/// What the result count adds for screen readers after the number: the filters it is of
/// ("; filters: Europe, Hosting"), or nothing.
pub fn filters_in_use<'a>(labels: impl IntoIterator<Item = &'a str>) -> String {
    let labels: Vec<&str> = labels.into_iter().collect();
    if labels.is_empty() {
        String::new()
    } else {
        words().format("filters-in-use", &[("filters", &labels.join(", "))])
    }
}

/// A chip's accessible name: what pressing it does.
pub fn remove_filter(chip: &str) -> String {
    words().format("remove-filter", &[("filter", chip)])
}

/// A filter option's count, as the filter panel shows it after the option's name: " (12)".
pub fn facet_count(n: usize) -> String {
    format!(" ({n})")
}

/// A choice in a filter's drop-down: its name and how many co-ops it would show.
pub fn facet_option(name: &str, n: usize) -> String {
    format!("{name}{}", facet_count(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::UrlCodec;
    use crate::testing::in_language;

    #[test]
    fn sentences_come_in_the_pages_language_with_its_plurals_and_numbers() {
        use crate::i18n::Lang;
        in_language(Lang::Fr, || {
            assert_eq!(coops_count(0), "0 coopérative");
            assert_eq!(coops_count(2), "2 coopératives");
            assert_eq!(
                marker_label(&["Lyon", "Paris", "Nantes", "Lille"], 1),
                "Lyon, Paris et 2 autres lieux\u{202f}: 1 coopérative"
            );
            assert_eq!(
                show_coops(0),
                "Aucune coopérative ne correspond\u{202f}: voir la liste"
            );
            assert_eq!(distance_away(1234.0), "1\u{202f}230 km");
        });
        in_language(Lang::Es, || {
            assert_eq!(coops_count(1), "1 cooperativa");
            assert_eq!(show_coops(12), "Ver 12 cooperativas");
            assert_eq!(card_distance(0.2), "A menos de 1 km");
            assert_eq!(
                nearby_none(true),
                "Ninguna otra cooperativa de la lista está a menos de 500 km."
            );
        });
        in_language(Lang::De, || {
            assert_eq!(marker_label(&["Berlin"], 6), "Berlin: 6 Genossenschaften");
            assert_eq!(distance_away(12_345.0), "12.350 km");
        });
        // And this thread is still in English.
        assert_eq!(coops_count(1), "1 co-op");
    }

    #[test]
    fn chips_name_filters_by_the_datasets_names() {
        let text = include_str!("../../../public/data/directory.json");
        let directory = crate::load::load_directory(text)
            .expect("the bundled dataset")
            .directory;
        let (region, tag) = (&directory.regions[0], &directory.tags[0]);
        let query = DirectoryQuery::from_query_string(&format!(
            "q=rust&region={}&country=fr&place=lyon-fr&tag={}&tag=no-such-area&remote=1&defunct=1&near=paris-fr",
            region.id, tag.id
        ));
        let label = |id: &str| match id {
            "lyon-fr" => Some("Lyon, France".to_string()),
            "paris-fr" => Some("Paris, France".to_string()),
            _ => None,
        };
        let chips: Vec<String> = query
            .filters()
            .iter()
            .map(|f| filter_chip(f, &query, &directory, label))
            .collect();
        assert_eq!(
            chips,
            [
                region.name.as_str(),
                "France",
                "Lyon, France",
                "Remote-friendly",
                "Including no longer trading",
                tag.name.as_str(),
                "no-such-area",
                "Near Paris, France",
            ]
        );
        // A place the index does not know reads as its id rather than as nothing.
        assert_eq!(
            filter_chip(&Filter::Place, &query, &directory, |_| None),
            "lyon-fr"
        );
        assert_eq!(remove_filter("France"), "Remove filter: France");
        assert_eq!(show_coops(1), "Show 1 co-op");
        assert_eq!(filters_in_use([]), "");
        assert_eq!(
            filters_in_use(["Europe", "Hosting"]),
            "; filters: Europe, Hosting"
        );
        assert_eq!(distance_away(0.0), "in the same place");
        assert_eq!(distance_away(7.6), "8 km");
        assert_eq!(distance_away(123.0), "120 km");
        assert!(nearby_none(true).contains("500 km"));
        assert_eq!(show_coops(12), "Show 12 co-ops");
        assert!(!show_coops(0).contains('0'));
    }

    #[test]
    fn facet_counts_follow_the_name() {
        assert_eq!(facet_count(3), " (3)");
        assert_eq!(facet_option("Europe", 12), "Europe (12)");
    }

    #[test]
    fn markers_name_their_places_and_count_their_coops() {
        assert_eq!(marker_label(&["Berlin"], 6), "Berlin: 6 co-ops");
        assert_eq!(marker_label(&["Lyon"], 1), "Lyon: 1 co-op");
        assert_eq!(
            marker_label(&["Lyon", "Paris"], 8),
            "Lyon and Paris: 8 co-ops"
        );
        assert_eq!(
            marker_label(&["Lyon", "Paris", "Nantes"], 9),
            "Lyon, Paris and Nantes: 9 co-ops"
        );
        assert_eq!(
            marker_label(&["Berlin", "Hamburg", "Kiel", "Bonn", "Jena"], 12),
            "Berlin, Hamburg and 3 more places: 12 co-ops"
        );
        assert_eq!(short_count(999), "999");
        assert_eq!(short_count(2345), "2k");
        assert_eq!(
            marker_label(&[&country_only("France")], 2),
            "France (no city given): 2 co-ops"
        );
    }
}
