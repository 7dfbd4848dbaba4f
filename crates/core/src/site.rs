//! Words the app's components and the quick search (crates/quick-search) both show. One source,
//! so the pre-rendered list the quick search filters and the app that replaces it never
//! disagree, and nothing jumps when the app takes over.

use crate::model::Directory;
use crate::query::{DirectoryQuery, Filter};

/// The short name in the site's banner.
pub const BRAND: &str = "Tech co-ops";

/// The main navigation: (path under the app's root, label).
pub const NAV: [(&str, &str); 5] = [
    ("/", "Directory"),
    ("/networks", "Networks"),
    ("/join", "Join"),
    ("/resources", "Resources"),
    ("/about", "About"),
];

/// The directory's heading.
pub const DIRECTORY_HEADING: &str = "Worker-owned tech co-ops";

/// The line under it.
pub const DIRECTORY_LEDE: &str =
    "Find a co-operative owned and run by the people who work in it, by region, country or skill.";

/// What the directory's search box searches.
pub const SEARCH_HINT: &str = "Names, business areas, places and notes.";

/// The map panel's heading (for screen readers).
pub const MAP_HEADING: &str = "Map of co-ops";

/// What the map panel says while its geometry loads.
pub const MAP_LOADING: &str = "Loading the map…";

/// The drawing's name for screen readers.
pub const MAP_LABEL: &str =
    "World map: co-ops at their places, countries shaded by how many co-ops match";

/// What the line under the map says when nothing on it is hovered or focused.
pub const MAP_CAPTION: &str = "Drag, or use the arrow keys, to move the map; the wheel, + and − zoom. \
     Choose a circle to see the co-ops there, or a country to filter by it.";

/// The hint shown when one finger moves over the map: the page scrolls, the map does not.
pub const MAP_TOUCH_HINT: &str = "Use two fingers to move or zoom the map";

/// The map's buttons.
pub const ZOOM_IN: &str = "Zoom in";
/// See [`ZOOM_IN`].
pub const ZOOM_OUT: &str = "Zoom out";
/// See [`ZOOM_IN`].
pub const RESET_MAP: &str = "Reset map";

/// The disclosure that holds the map's counts as a table.
pub const MAP_TABLE: &str = "Co-ops per country, as a table";

/// The map legend's name.
pub const MAP_LEGEND: &str = "What the map shows";

/// The legend's lines for the markers and the shading.
pub const LEGEND_MARKER: &str = "A place; the number is its co-ops";
/// See [`LEGEND_MARKER`].
pub const LEGEND_COUNTRY_ONLY: &str = "A country given without a city";
/// See [`LEGEND_MARKER`].
pub const LEGEND_SHADES: &str = "Countries by number of co-ops:";

/// "1 co-op", "6 co-ops".
pub fn coops_count(n: usize) -> String {
    match n {
        1 => "1 co-op".to_string(),
        n => format!("{n} co-ops"),
    }
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
    format!("{country} (no city given)")
}

/// A marker's name: its places (the biggest first, as [`country_only`] where the list gives no
/// city) and its co-ops. "Berlin: 6 co-ops"; "Lyon and Paris: 8 co-ops"; "Lyon, Paris and
/// Nantes: 9 co-ops"; "Berlin, Hamburg and 3 more places: 12 co-ops".
pub fn marker_label(places: &[&str], coops: usize) -> String {
    let named = match places {
        [] => String::new(),
        [one] => one.to_string(),
        [a, b] => format!("{a} and {b}"),
        [a, b, c] => format!("{a}, {b} and {c}"),
        [a, b, rest @ ..] => format!("{a}, {b} and {} more places", rest.len()),
    };
    format!("{named}: {}", coops_count(coops))
}

/// The button under a place in the marker's panel.
pub fn show_place_only(place: &str) -> String {
    format!("Show only {place} in the list")
}

/// The marker panel's buttons and notes.
pub const PANEL_SPLIT: &str = "Zoom in to split";
/// See [`PANEL_SPLIT`].
pub const PANEL_CLOSE: &str = "Close";
/// See [`PANEL_SPLIT`].
pub const PANEL_COUNTRY_ONLY: &str =
    "The list names no city for these co-ops, so they are drawn in the middle of the country.";

/// The line under a place's co-ops in the panel when only the first are named.
pub fn panel_more(n: usize) -> String {
    format!("and {n} more: show only this place to see them all")
}

/// Remote and worldwide co-ops named beside the map; the rest are counted.
pub const REMOTE_SHOWN: usize = 40;

/// The heading of the remote and worldwide group beside the map.
pub fn remote_title(n: usize) -> String {
    format!("Remote and worldwide ({n})")
}

/// What the remote and worldwide group is.
pub const REMOTE_HINT: &str = "Co-ops without a single home country, or that work from anywhere.";

/// The line under the remote group when it names only the first [`REMOTE_SHOWN`].
pub fn remote_more(n: usize) -> String {
    format!("and {n} more in the list")
}

/// A piece of a sentence that carries links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(&'static str),
    /// A link: (address, text).
    Link(&'static str, &'static str),
}

/// The footer's sentence: where the data comes from, its licence, and how to correct it.
pub const FOOTER: [Inline; 7] = [
    Inline::Text("Data from the "),
    Inline::Link("https://github.com/hng/tech-coops", "tech co-ops list"),
    Inline::Text(", kept by its contributors and dedicated to the public domain under "),
    Inline::Link(
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "CC0 1.0",
    ),
    Inline::Text(". Something missing or wrong? "),
    Inline::Link(
        "https://github.com/hng/tech-coops/blob/master/CONTRIBUTING.md",
        "Suggest a change to the list",
    ),
    Inline::Text("."),
];

/// The filter panel's words.
pub mod facet_words {
    /// The panel's heading.
    pub const TITLE: &str = "Filter";
    /// The region filter's label.
    pub const REGION: &str = "Region";
    /// The region filter's choice of no region.
    pub const ALL_REGIONS: &str = "All regions";
    /// The country filter's label.
    pub const COUNTRY: &str = "Country";
    /// The country filter's choice of no country.
    pub const ALL_COUNTRIES: &str = "All countries";
    /// The place filter's label (set from the map, or a shared link).
    pub const PLACE: &str = "Place";
    /// The button that drops the place filter.
    pub const ALL_PLACES: &str = "Show every place";
    /// The remote-friendly toggle.
    pub const REMOTE_ONLY: &str = "Remote-friendly only";
    /// The toggle that includes defunct co-ops.
    pub const INCLUDE_DEFUNCT: &str = "Include co-ops no longer trading";
    /// The business areas' group.
    pub const BUSINESS_AREAS: &str = "Business areas";
    /// How ticking several business areas works.
    pub const BUSINESS_AREAS_HINT: &str = "Co-ops doing any of the areas you tick.";
    /// The sort order's label.
    pub const SORT_BY: &str = "Sort by";
    /// Sorting by name.
    pub const SORT_NAME: &str = "Name";
    /// Sorting by region.
    pub const SORT_REGION: &str = "Region";
    /// The order "Near…" sets (the sort offers it only then).
    pub const SORT_DISTANCE: &str = "Distance";
    /// The "Near…" box's label.
    pub const NEAR: &str = "Near";
    /// What the "Near…" box takes.
    pub const NEAR_HINT: &str =
        "A town or city the list names; the nearest co-ops come first, with their distance.";
    /// The button that asks the browser where the visitor is.
    pub const USE_MY_LOCATION: &str = "Use my location";
    /// While the browser finds the visitor.
    pub const LOCATING: &str = "Finding where you are…";
    /// Once the list is ordered from where the visitor is.
    pub const NEAR_YOU: &str =
        "Nearest to you first. Your position stays on this device: it is not in the link.";
    /// The visitor's position, as the chip names it.
    pub const YOUR_LOCATION: &str = "your location";
    /// The visitor said no, or the browser would not ask.
    pub const LOCATION_REFUSED: &str =
        "The browser did not share your location. Type a town or city instead.";
    /// The browser tried and could not tell.
    pub const LOCATION_UNKNOWN: &str =
        "Your location could not be found just now. Type a town or city instead.";

    /// A typed place the list does not name.
    pub fn near_unknown(typed: &str) -> String {
        format!(
            "No co-op in the list is in a place called \u{201c}{}\u{201d}. Try the nearest city the list names.",
            typed.trim()
        )
    }
    /// The button that clears every filter.
    pub const CLEAR_ALL: &str = "Clear all filters";
}

/// On phones, the button that opens the filters in a sheet.
pub const FILTERS_BUTTON: &str = "Filters";

/// After the filters button's count, for screen readers: "2 active".
pub const FILTERS_ACTIVE: &str = " active";

/// The sheet's close button (it shows only a cross).
pub const CLOSE_FILTERS: &str = "Close filters";

/// The sheet's button that closes it onto the list: "Show 12 co-ops".
pub fn show_coops(n: usize) -> String {
    match n {
        0 => "No co-ops match: show the list".to_string(),
        n => format!("Show {}", coops_count(n)),
    }
}

/// On phones, the switch between the list and the map (a group of two pressed buttons).
pub const VIEW_SWITCH_LABEL: &str = "Show co-ops as";
/// See [`VIEW_SWITCH_LABEL`].
pub const SHOW_LIST: &str = "List";
/// See [`VIEW_SWITCH_LABEL`].
pub const SHOW_MAP: &str = "Map";

/// A co-op page's button that copies its address.
pub const COPY_LINK: &str = "Copy link";
/// What the page says once the address is copied.
pub const LINK_COPIED: &str = "Link copied.";
/// What it says when the browser would not copy it.
pub const COPY_LINK_FAILED: &str =
    "The browser would not copy the link: copy it from the address bar.";
/// The button that opens the browser's share sheet, where it has one.
pub const SHARE: &str = "Share";

/// A co-op page's list of the places the list names for it.
pub const COOP_PLACES_HEADING: &str = "Where it is";
/// The link under a co-op page's map, to the directory around the co-op ("Lyon, France").
pub fn locator_link(around: &str) -> String {
    format!("Every co-op in {around}")
}

/// What a co-op page's map says when the country shapes did not load.
pub const LOCATOR_FAILED: &str =
    "The map could not be loaded; the places it would show are listed below.";

/// A co-op page's list of the co-ops near it.
pub const NEARBY_HEADING: &str = "Co-ops nearby";

/// What the nearby list says when it is empty: `placed` is whether the co-op has a place to
/// measure from (a city or region, not only a country).
pub fn nearby_none(placed: bool) -> String {
    if placed {
        format!(
            "No other co-op in the list is within {} km.",
            crate::nearby::NEARBY_KM
        )
    } else {
        "The list gives no town or region for this co-op, so there is nothing to measure from."
            .to_string()
    }
}

/// How far away a nearby co-op is: "in the same place", "8 km", "120 km".
pub fn distance_away(km: f64) -> String {
    if km < 1.0 {
        "in the same place".to_string()
    } else if km < 20.0 {
        format!("{} km", km.round())
    } else {
        format!("{} km", (km / 10.0).round() * 10.0)
    }
}

/// The order by distance, as its chip names it: "Near Lyon, France".
pub fn near_label(place: &str) -> String {
    format!("Near {place}")
}

/// A card's distance from the place the list is ordered from.
pub fn card_distance(km: f64) -> String {
    if km < 1.0 {
        "Under 1 km away".to_string()
    } else {
        format!("{} away", distance_away(km))
    }
}

/// The group of chips above the results, one per filter set (for screen readers).
pub const FILTER_CHIPS_LABEL: &str = "Filters in use";

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
        Filter::Remote => "Remote-friendly".to_string(),
        Filter::Defunct => "Including no longer trading".to_string(),
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
        format!("; filters: {}", labels.join(", "))
    }
}

/// The control at the end of a long list that returns to the search box.
pub const BACK_TO_TOP: &str = "Back to top";

/// A chip's accessible name: what pressing it does.
pub fn remove_filter(chip: &str) -> String {
    format!("Remove filter: {chip}")
}

/// The disclosure that holds the embed snippet.
pub const EMBED_SUMMARY: &str = "Embed this view";

/// The name of the remote and worldwide group beside the map.
pub const REMOTE_GROUP_LABEL: &str = "Remote and worldwide co-ops";

/// A filter option's count, as the filter panel shows it after the option's name: " (12)".
pub fn facet_count(n: usize) -> String {
    format!(" ({n})")
}

/// A choice in a filter's drop-down: its name and how many co-ops it would show.
pub fn facet_option(name: &str, n: usize) -> String {
    format!("{name}{}", facet_count(n))
}

/// A page's public address under the site's root: its app path, ending in `/` (`/coops/camba/`)
/// as a static host serves its folder's `index.html` (GitHub Pages and Cloudflare Pages
/// redirect the form without the slash to it): the canonical address, the sitemap's, and the
/// structured data's.
pub fn page_address(app_path: &str) -> String {
    if app_path.ends_with('/') {
        app_path.to_string()
    } else {
        format!("{app_path}/")
    }
}

/// Whether a key press moves the focus to the directory's search box: `/` without Ctrl, Alt
/// or Meta (Shift may be needed to type it), unless the visitor is typing in a field or
/// editable text (`target_tag`, upper case as the DOM gives it), where `/` is text.
pub fn slash_focuses_search(
    key: &str,
    with_modifier: bool,
    target_tag: &str,
    target_editable: bool,
) -> bool {
    key == "/"
        && !with_modifier
        && !target_editable
        && !matches!(target_tag, "INPUT" | "TEXTAREA" | "SELECT")
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn page_addresses_end_in_a_slash_once() {
        assert_eq!(page_address("/"), "/");
        assert_eq!(page_address("/coops/camba"), "/coops/camba/");
        assert_eq!(page_address("/join/"), "/join/");
    }

    #[test]
    fn facet_counts_follow_the_name() {
        assert_eq!(facet_count(3), " (3)");
        assert_eq!(facet_option("Europe", 12), "Europe (12)");
    }

    #[test]
    fn slash_focuses_the_search_unless_typing_or_with_a_modifier() {
        assert!(slash_focuses_search("/", false, "BODY", false));
        assert!(slash_focuses_search("/", false, "A", false));
        assert!(!slash_focuses_search("/", false, "INPUT", false));
        assert!(!slash_focuses_search("/", false, "TEXTAREA", false));
        assert!(!slash_focuses_search("/", false, "SELECT", false));
        assert!(!slash_focuses_search("/", false, "DIV", true));
        assert!(!slash_focuses_search("/", true, "BODY", false));
        assert!(!slash_focuses_search("a", false, "BODY", false));
        assert!(!slash_focuses_search("?", false, "BODY", false));
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
