//! The directory's state as it appears in the URL, and back.
//!
//! `/?q=drupal&region=europe&country=FR&place=lyon-fr&tag=web-development&tag=drupal&remote=1&defunct=1&sort=region&near=paris-fr`
//!
//! Parsing never fails: an unknown key, a repeated single key, or a malformed value is ignored,
//! so a hand-edited or stale link still opens a sensible view. [`DirectoryQuery::retain_known`]
//! then drops values the dataset does not know (a region that does not exist).

use crate::join::{format_answers, parse_answers};
use crate::model::{Coop, Directory, Serves};
use crate::nearby::measurable;
use crate::places::MapPlace;

/// Longest search text kept from a URL; longer input is cut (at a character boundary).
pub const MAX_QUERY_CHARS: usize = 200;
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

impl DirectoryQuery {
    /// Reads the query from decoded key/value pairs, ignoring whatever it does not understand.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = DirectoryQuery::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                // Trimmed again after the cut, so the text reads back the same from the URL.
                "q" => {
                    query.q = truncate_chars(value, MAX_QUERY_CHARS)
                        .trim_end()
                        .to_string()
                }
                "region" if is_slug(value) => query.region = Some(value.to_string()),
                "country" if value.len() == 2 && value.bytes().all(|b| b.is_ascii_alphabetic()) => {
                    query.country = Some(value.to_ascii_uppercase())
                }
                "place" if is_slug(value) => query.place = Some(value.to_string()),
                "near" if is_slug(value) => query.near = Some(value.to_string()),
                "tag"
                    if is_slug(value)
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

    /// Reads the query from a raw query string (`a=1&b=%C3%A9`, with or without `?`).
    pub fn from_query_string(query: &str) -> Self {
        let pairs = parse_query_string(query);
        Self::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The non-default filters as key/value pairs, in a stable order.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
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

    /// The query string, percent-encoded, without `?`; empty when every filter is at its default.
    pub fn to_query_string(&self) -> String {
        encode_pairs(self.to_pairs().iter().map(|(k, v)| (*k, v.as_str())))
    }

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

/// A lower-case slug, as ids are (`web-development`).
fn is_slug(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// At most `max` characters of `text`.
pub fn truncate_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// What the URL says about the joining guide: the answers given and which of them to show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JoinUrl {
    /// The answers, in order (`a=coop.uk`).
    pub answers: Vec<Vec<String>>,
    /// Show the step after this many answers (`at=1`); all of them when absent.
    pub at: Option<usize>,
    /// Show this outcome directly (`outcome=listed`), as shared links to alternatives do.
    pub outcome: Option<String>,
}

impl JoinUrl {
    /// Reads the query string; unknown keys and malformed values are ignored.
    pub fn parse(search: &str) -> Self {
        let mut url = JoinUrl::default();
        for (key, value) in parse_query_string(search) {
            match key.as_str() {
                "a" => url.answers = parse_answers(&value),
                "at" => url.at = value.parse().ok(),
                "outcome" => url.outcome = Some(value),
                _ => {}
            }
        }
        url
    }

    /// The query string (without `?`; empty for none) for these answers, shown after `at` of
    /// them.
    pub fn query(answers: &[Vec<String>], at: Option<usize>) -> String {
        if answers.is_empty() {
            return String::new();
        }
        // Encoded: the answers' `+` would read back as a space.
        let value = format_answers(answers);
        let at = at.filter(|at| *at < answers.len()).map(|at| at.to_string());
        let mut pairs = vec![("a", value.as_str())];
        if let Some(at) = &at {
            pairs.push(("at", at));
        }
        encode_pairs(pairs)
    }
}

/// The prefix of the app's keys in the address of another site's page (in-page mode), where the
/// query string is shared: `?tc-q=camba&tc-region=europe`. Unprefixed, the app's `q` would be
/// the host's (mkdocs-material opens its own search for `?q=`).
pub const IN_PAGE_PREFIX: &str = "tc-";

/// How the app holds its part of a query string: all of it (its own pages and frames), or only
/// the keys with a prefix, beside the host page's own, which are kept as written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QueryShare {
    prefix: &'static str,
}

impl QueryShare {
    /// The whole query string is the app's.
    pub const WHOLE: QueryShare = QueryShare { prefix: "" };
    /// The app's keys carry [`IN_PAGE_PREFIX`] in a host page's address.
    pub const IN_PAGE: QueryShare = QueryShare {
        prefix: IN_PAGE_PREFIX,
    };

    /// The app's part of `query` (with or without its `?`) in the app's own keys, for its
    /// codecs: `?tc-q=a&lang=fr` gives `q=a`.
    pub fn read(&self, query: &str) -> String {
        let query = query.trim_start_matches('?');
        if self.prefix.is_empty() {
            return query.to_string();
        }
        query
            .split('&')
            .filter_map(|part| part.strip_prefix(self.prefix))
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("&")
    }

    /// `query` with the app's part replaced by `own` (a query string in the app's own keys,
    /// without `?`); the host's pairs come first, byte for byte as they were. No `?`.
    pub fn write(&self, query: &str, own: &str) -> String {
        if self.prefix.is_empty() {
            return own.to_string();
        }
        let host = query
            .trim_start_matches('?')
            .split('&')
            .filter(|part| !part.is_empty() && !part.starts_with(self.prefix));
        let app = own
            .split('&')
            .filter(|part| !part.is_empty())
            .map(|part| format!("{}{part}", self.prefix));
        host.map(str::to_string)
            .chain(app)
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Splits and percent-decodes a query string. Invalid escapes are kept as written; `+` is a space.
pub fn parse_query_string(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect()
}

/// Percent-decodes `text` (form style: `+` is a space). Bytes that do not form UTF-8 become U+FFFD.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-encodes pairs into a query string (no leading `?`).
pub fn encode_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::new();
    for (key, value) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        percent_encode_into(key, &mut out);
        out.push('=');
        percent_encode_into(value, &mut out);
    }
    out
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn percent_encode_into(text: &str, out: &mut String) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

/// A page's filters as its URL's query string holds them: each page's query reads itself from
/// one and writes itself back, so the app keeps any page's state in its address the same way.
pub trait UrlQuery: Clone + PartialEq + Default + Send + Sync + 'static {
    /// Reads the query from a raw query string (with or without `?`), dropping what it does
    /// not understand.
    fn from_query_string(query: &str) -> Self;
    /// The query string, percent-encoded, without `?`; empty when nothing is set.
    fn to_query_string(&self) -> String;
}

impl UrlQuery for DirectoryQuery {
    fn from_query_string(query: &str) -> Self {
        DirectoryQuery::from_query_string(query)
    }
    fn to_query_string(&self) -> String {
        DirectoryQuery::to_query_string(self)
    }
}

/// The filters of the networks and resources pages: their search text and, on the resources
/// page, who a resource is for (`/resources?serves=start`). An unknown reader is dropped like
/// any value the directory does not understand.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinksQuery {
    /// Free text.
    pub q: String,
    /// Only resources for this reader.
    pub serves: Option<Serves>,
}

impl UrlQuery for LinksQuery {
    fn from_query_string(query: &str) -> Self {
        let mut links = LinksQuery::default();
        for (key, value) in parse_query_string(query) {
            match key.as_str() {
                "q" => {
                    links.q = truncate_chars(value.trim(), MAX_QUERY_CHARS)
                        .trim_end()
                        .to_string()
                }
                "serves" => links.serves = Serves::from_id(value.trim()).or(links.serves),
                _ => {}
            }
        }
        links
    }

    fn to_query_string(&self) -> String {
        let mut pairs = Vec::new();
        if !self.q.trim().is_empty() {
            pairs.push(("q", self.q.as_str()));
        }
        if let Some(serves) = self.serves {
            pairs.push(("serves", serves.id()));
        }
        encode_pairs(pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_guides_address_round_trips_and_ignores_what_it_does_not_know() {
        let answers = vec![
            vec!["person".to_string()],
            vec!["work".to_string(), "start".to_string()],
        ];
        let query = JoinUrl::query(&answers, Some(1));
        assert!(!query.starts_with('?'), "{query}");
        let url = JoinUrl::parse(&format!("?{query}&x=1&at=zz&outcome=listed"));
        assert_eq!(url.answers, answers);
        assert_eq!(url.at, None, "a malformed at is dropped; the last at wins");
        assert_eq!(url.outcome.as_deref(), Some("listed"));
        assert_eq!(JoinUrl::parse(&query).at, Some(1));
        assert_eq!(
            JoinUrl::query(&answers, Some(2)),
            JoinUrl::query(&answers, None),
            "at past the answers is left out"
        );
        assert_eq!(JoinUrl::query(&[], Some(0)), "");
        // A link written by hand, or before the `+` was encoded, reads the same.
        assert_eq!(JoinUrl::parse("a=person.work+start").answers, answers);
    }

    #[test]
    fn in_a_host_page_the_app_reads_and_writes_only_its_prefixed_keys() {
        let share = QueryShare::IN_PAGE;
        let address = "?lang=fr&tc-q=camba&q=host+search&tc-region=europe&tc-";
        assert_eq!(share.read(address), "q=camba&region=europe");
        assert_eq!(
            DirectoryQuery::from_query_string(&share.read(address)).q,
            "camba",
            "the host's own q is not the app's"
        );
        assert_eq!(
            share.write(address, "q=coop&tag=web"),
            "lang=fr&q=host+search&tc-q=coop&tc-tag=web",
            "the host's pairs kept as written, first"
        );
        assert_eq!(share.write(address, ""), "lang=fr&q=host+search");
        assert_eq!(share.write("", "a=1"), "tc-a=1");
        assert_eq!(share.read(""), "");
    }

    #[test]
    fn on_its_own_pages_the_whole_query_is_the_apps() {
        let share = QueryShare::WHOLE;
        assert_eq!(
            share.read("?q=camba&region=europe"),
            "q=camba&region=europe"
        );
        assert_eq!(share.write("?q=camba&lang=fr", "q=coop"), "q=coop");
        assert_eq!(QueryShare::default(), QueryShare::WHOLE);
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

    #[test]
    fn decodes_broken_escapes_without_failing() {
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%e9"), "\u{fffd}");
        assert_eq!(percent_decode("%C3%A9"), "é");
    }

    #[test]
    fn the_links_query_keeps_text_and_a_known_reader_and_reads_back() {
        let query = LinksQuery::from_query_string("?q=loomio&serves=start&x=1");
        assert_eq!(query.q, "loomio");
        assert_eq!(query.serves, Some(Serves::Start));
        assert_eq!(query.to_query_string(), "q=loomio&serves=start");
        assert_eq!(
            LinksQuery::from_query_string(&query.to_query_string()),
            query
        );
        let unknown = LinksQuery::from_query_string("serves=astronauts");
        assert_eq!(unknown, LinksQuery::default());
        assert_eq!(unknown.to_query_string(), "");
        for reader in Serves::ALL {
            let query = LinksQuery {
                serves: Some(reader),
                ..LinksQuery::default()
            };
            assert_eq!(
                LinksQuery::from_query_string(&query.to_query_string()),
                query
            );
        }
    }
}
