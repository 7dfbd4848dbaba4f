//! The directory's filters as its URL holds them, and back:
//!
//! `/?q=drupal&region=europe&country=FR&place=lyon-fr&tag=web-development&tag=drupal&remote=1&defunct=1&sort=region&near=paris-fr`
//!
//! A value of the wrong shape is dropped as it is read; [`DirectoryQuery::retain_known`] then
//! drops values the dataset does not know (a region that does not exist).

use super::UrlCodec;
use super::encoding::search_text;
use crate::model::{Coop, Directory};
use crate::nearby::measurable;
use crate::places::MapPlace;
use crate::text::is_slug;

/// Most tags kept from a URL.
pub const MAX_TAGS: usize = 16;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Alphabetically by name (accents and case ignored).
    #[default]
    Name,
    /// By region, in the list's order, then by name.
    Region,
}

impl Sort {
    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Region => "region",
        }
    }
    /// Reads a URL value.
    pub fn parse(value: &str) -> Option<Sort> {
        match value {
            "name" => Some(Sort::Name),
            "region" => Some(Sort::Region),
            _ => None,
        }
    }
}

/// One filter a query sets, as a chip names and removes it ([`DirectoryQuery::filters`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Filter {
    /// The region.
    Region,
    /// The country.
    Country,
    /// The place chosen on the map.
    Place,
    /// Remote-friendly only.
    Remote,
    /// Co-ops no longer trading included.
    Defunct,
    /// One business area, by id.
    Tag(String),
    /// Nearest first to a place: an order, not a filter, but it changes the list as one does
    /// and is set beside them, so it shows, counts and clears with them.
    Near,
}

/// Every filter of the directory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DirectoryQuery {
    /// Free text.
    pub q: String,
    /// A region id.
    pub region: Option<String>,
    /// An ISO alpha-2 country code, upper case.
    pub country: Option<String>,
    /// A place id of the map ("lyon-fr", see [`crate::places`]).
    pub place: Option<String>,
    /// Tag ids; a co-op needs any one of them.
    pub tags: Vec<String>,
    /// Only remote-friendly co-ops.
    pub remote: bool,
    /// Include defunct co-ops.
    pub defunct: bool,
    /// Result order.
    pub sort: Sort,
    /// A place id of the map to order by distance from, nearest first (over `sort`). Only a
    /// place to measure from (a city or a region's centre, not a country's middle); the
    /// visitor's own position never comes here, so it is never in a URL.
    pub near: Option<String>,
}

impl UrlCodec for DirectoryQuery {
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = DirectoryQuery::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "q" => query.q = search_text(value),
                "region" if is_id(value) => query.region = Some(value.to_string()),
                "country" if value.len() == 2 && value.bytes().all(|b| b.is_ascii_alphabetic()) => {
                    query.country = Some(value.to_ascii_uppercase())
                }
                "place" if is_id(value) => query.place = Some(value.to_string()),
                "near" if is_id(value) => query.near = Some(value.to_string()),
                "tag"
                    if is_id(value)
                        && query.tags.len() < MAX_TAGS
                        && !query.tags.iter().any(|t| t == value) =>
                {
                    query.tags.push(value.to_string())
                }
                "remote" => query.remote = parse_flag(value).unwrap_or(query.remote),
                "defunct" => query.defunct = parse_flag(value).unwrap_or(query.defunct),
                "sort" => query.sort = Sort::parse(value).unwrap_or(query.sort),
                _ => {}
            }
        }
        query
    }

    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.q.trim().is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        if let Some(region) = &self.region {
            pairs.push(("region", region.clone()));
        }
        if let Some(country) = &self.country {
            pairs.push(("country", country.clone()));
        }
        if let Some(place) = &self.place {
            pairs.push(("place", place.clone()));
        }
        for tag in &self.tags {
            pairs.push(("tag", tag.clone()));
        }
        if self.remote {
            pairs.push(("remote", "1".into()));
        }
        if self.defunct {
            pairs.push(("defunct", "1".into()));
        }
        if self.sort != Sort::default() {
            pairs.push(("sort", self.sort.as_str().into()));
        }
        if let Some(near) = &self.near {
            pairs.push(("near", near.clone()));
        }
        pairs
    }
}

impl DirectoryQuery {
    /// The filters set in the query, one per chip above the results, in the order of the
    /// filter panel. Including co-ops no longer trading counts: it changes the list too. The
    /// search text does not: the search box shows it (and the page rendered at build time,
    /// which a visitor may type in before the app arrives, has no chips to move the list).
    pub fn filters(&self) -> Vec<Filter> {
        let mut filters = Vec::new();
        if self.region.is_some() {
            filters.push(Filter::Region);
        }
        if self.country.is_some() {
            filters.push(Filter::Country);
        }
        if self.place.is_some() {
            filters.push(Filter::Place);
        }
        if self.remote {
            filters.push(Filter::Remote);
        }
        if self.defunct {
            filters.push(Filter::Defunct);
        }
        filters.extend(self.tags.iter().cloned().map(Filter::Tag));
        if self.near.is_some() {
            filters.push(Filter::Near);
        }
        filters
    }

    /// Unsets `filter`, leaving the others as they are.
    pub fn remove(&mut self, filter: &Filter) {
        match filter {
            Filter::Region => self.region = None,
            Filter::Country => self.country = None,
            Filter::Place => self.place = None,
            Filter::Remote => self.remote = false,
            Filter::Defunct => self.defunct = false,
            Filter::Tag(tag) => self.tags.retain(|t| t != tag),
            Filter::Near => self.near = None,
        }
    }

    /// Every filter unset (the order by distance too); the order of the results stays.
    pub fn cleared(&self) -> Self {
        DirectoryQuery {
            sort: self.sort,
            ..DirectoryQuery::default()
        }
    }

    /// True when no filter narrows the list (the sort does not count).
    pub fn is_unfiltered(&self) -> bool {
        self.q.trim().is_empty()
            && self.region.is_none()
            && self.country.is_none()
            && self.place.is_none()
            && self.tags.is_empty()
            && !self.remote
    }

    /// The directory around a co-op, as its page's locator map links to it: its one town or
    /// region (`place`), else its one country, else its region. `places` are its places
    /// ([`crate::nearby::places_of`]).
    pub fn around(coop: &Coop, places: &[&MapPlace]) -> Self {
        let measured: Vec<&&MapPlace> = places.iter().filter(|p| measurable(p)).collect();
        let mut countries: Vec<&str> = places.iter().map(|p| p.country.as_str()).collect();
        countries.sort_unstable();
        countries.dedup();
        let mut query = DirectoryQuery::default();
        match (measured.as_slice(), countries.as_slice()) {
            ([one], _) => query.place = Some(one.id.clone()),
            (_, [one]) => query.country = Some(one.to_string()),
            _ => query.region = Some(coop.region.clone()),
        }
        query
    }

    /// Drops region, country and tag values that `directory` does not have, and a place that
    /// `is_place` does not know (the search index's places: [`crate::search::Index::place`]);
    /// `near` only stays for a place to measure from ([`crate::nearby::measurable`]).
    pub fn retain_known<'a>(
        mut self,
        directory: &Directory,
        place: impl Fn(&str) -> Option<&'a MapPlace>,
    ) -> Self {
        if self.place.as_deref().is_some_and(|p| place(p).is_none()) {
            self.place = None;
        }
        if self
            .near
            .as_deref()
            .is_some_and(|p| !place(p).is_some_and(measurable))
        {
            self.near = None;
        }
        if self
            .region
            .as_deref()
            .is_some_and(|r| directory.region(r).is_none())
        {
            self.region = None;
        }
        if self
            .country
            .as_deref()
            .is_some_and(|c| directory.country(c).is_none())
        {
            self.country = None;
        }
        self.tags.retain(|t| directory.tag(t).is_some());
        self
    }
}

/// Accepts the ways people write yes and no in a URL.
fn parse_flag(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" | "" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// An id as a URL may give one: a lower-case slug (`web-development`), at most 64 bytes long.
fn is_id(value: &str) -> bool {
    value.len() <= 64 && is_slug(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::MAX_QUERY_CHARS;

    #[test]
    fn each_filter_set_is_one_chip_and_removing_it_leaves_the_rest() {
        let query = DirectoryQuery::from_query_string(
            "q=rust&region=europe&country=fr&place=lyon-fr&tag=hosting&tag=design&remote=1&defunct=1&sort=region&near=paris-fr",
        );
        let filters = query.filters();
        assert_eq!(
            filters,
            [
                Filter::Region,
                Filter::Country,
                Filter::Place,
                Filter::Remote,
                Filter::Defunct,
                Filter::Tag("hosting".into()),
                Filter::Tag("design".into()),
                Filter::Near,
            ]
        );
        for filter in &filters {
            let mut less = query.clone();
            less.remove(filter);
            let left = less.filters();
            assert_eq!(left.len(), filters.len() - 1, "{filter:?}");
            assert!(!left.contains(filter), "{filter:?}");
            assert_eq!(less.sort, Sort::Region);
        }
        let mut one_tag = query.clone();
        one_tag.remove(&Filter::Tag("hosting".into()));
        assert_eq!(one_tag.tags, ["design"]);
        assert!(query.cleared().filters().is_empty());
        assert!(query.cleared().q.is_empty());
        assert_eq!(query.cleared().sort, Sort::Region);
        // Blank search text is no filter.
        assert!(
            DirectoryQuery::from_query_string("q=%20&sort=region")
                .filters()
                .is_empty()
        );
    }

    #[test]
    fn around_a_coop_is_its_one_place_else_its_one_country_else_its_region() {
        use crate::Precision::{City, Country};
        use crate::places::map_places;
        use crate::testing::coop_at;
        let coops = [
            coop_at("lyon", &[("Lyon", "FR", 45.76, 4.84, City)]),
            coop_at(
                "two-cities",
                &[
                    ("Lyon", "FR", 45.76, 4.84, City),
                    ("Paris", "FR", 48.86, 2.35, City),
                ],
            ),
            coop_at(
                "two-countries",
                &[
                    ("Lyon", "FR", 45.76, 4.84, City),
                    ("Germany", "DE", 51.0, 10.0, Country),
                ],
            ),
            coop_at(
                "many",
                &[
                    ("Paris", "FR", 48.86, 2.35, City),
                    ("Berlin", "DE", 52.52, 13.4, City),
                ],
            ),
        ];
        let places = map_places(&coops);
        let around = |at: usize| {
            let of = crate::nearby::places_of(&places, at);
            DirectoryQuery::around(&coops[at], &of).to_query_string()
        };
        assert_eq!(around(0), "place=lyon-fr");
        assert_eq!(around(1), "country=FR");
        // One town to measure from, though in two countries: the town.
        assert_eq!(around(2), "place=lyon-fr");
        assert_eq!(around(3), "region=europe");
    }

    #[test]
    fn round_trips_every_filter() {
        let query = DirectoryQuery {
            q: "café & co".into(),
            region: Some("europe".into()),
            country: Some("FR".into()),
            place: Some("lyon-fr".into()),
            tags: vec!["web-development".into(), "drupal".into()],
            remote: true,
            defunct: true,
            sort: Sort::Region,
            near: Some("paris-fr".into()),
        };
        let text = query.to_query_string();
        assert_eq!(
            text,
            "q=caf%C3%A9%20%26%20co&region=europe&country=FR&place=lyon-fr&tag=web-development&tag=drupal&remote=1&defunct=1&sort=region&near=paris-fr"
        );
        assert_eq!(DirectoryQuery::from_query_string(&text), query);
        assert_eq!(
            DirectoryQuery::from_query_string(&format!("?{text}")),
            query
        );
    }

    #[test]
    fn default_query_is_an_empty_string() {
        assert_eq!(DirectoryQuery::default().to_query_string(), "");
        assert!(DirectoryQuery::default().is_unfiltered());
    }

    #[test]
    fn ignores_what_it_does_not_understand() {
        let query = DirectoryQuery::from_query_string(
            "utm_source=x&region=Europe!&country=FRA&tag=<script>&tag=ok&remote=maybe&sort=random&defunct=0&%ZZ=1&near=Lyon%2C%20France",
        );
        assert_eq!(
            query,
            DirectoryQuery {
                tags: vec!["ok".into()],
                ..DirectoryQuery::default()
            }
        );
    }

    #[test]
    fn accepts_common_spellings() {
        let query = DirectoryQuery::from_query_string("country=fr&remote=true&defunct=yes&q=a+b");
        assert_eq!(query.country.as_deref(), Some("FR"));
        assert!(query.remote && query.defunct);
        assert_eq!(query.q, "a b");
    }

    #[test]
    fn bounds_what_a_url_can_ask_for() {
        let long = "x".repeat(1000);
        assert_eq!(
            DirectoryQuery::from_query_string(&format!("q={long}"))
                .q
                .len(),
            MAX_QUERY_CHARS
        );
        let many: Vec<String> = (0..100).map(|i| format!("tag=t{i}")).collect();
        assert_eq!(
            DirectoryQuery::from_query_string(&many.join("&"))
                .tags
                .len(),
            MAX_TAGS
        );
        let dupes = DirectoryQuery::from_query_string("tag=a&tag=a&tag=b");
        assert_eq!(dupes.tags, ["a", "b"]);
    }

    #[test]
    fn a_cut_query_reads_back_the_same() {
        // Found by fuzzing: whitespace at the cut was trimmed only on the second read.
        let text = format!("q={}%0D%0D%0Dmore", "w".repeat(MAX_QUERY_CHARS - 2));
        let query = DirectoryQuery::from_query_string(&text);
        assert_eq!(
            DirectoryQuery::from_query_string(&query.to_query_string()),
            query
        );
        assert_eq!(query.q, "w".repeat(MAX_QUERY_CHARS - 2));
    }
}
