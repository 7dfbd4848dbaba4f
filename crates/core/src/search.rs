//! The search index and facets, built once when the dataset loads.
//!
//! Typing must update the list within a frame at 10,000 co-ops, so nothing is normalised per
//! keystroke: each co-op's searchable text is folded once into a haystack, regions, countries
//! and tags become small integers, and both sort orders are computed up front. A search is then
//! one pass over the co-ops that checks each filter and counts the facets.

use std::collections::HashMap;

use crate::model::{Coop, Directory, Entry, Serves, Status, plain_text};
use crate::nearby::{distances_from, measurable};
use crate::places::{MapPlace, map_places};
use crate::query::{DirectoryQuery, Sort};
use crate::text::{fold, fold_into, words};

/// What is indexed of one co-op.
#[derive(Debug, Clone)]
struct IndexedCoop {
    haystack: String,
    region: usize,
    countries: Vec<usize>,
    tags: Vec<usize>,
    remote: bool,
    defunct: bool,
}

/// The index of a [`Directory`]'s co-ops. Positions refer to `directory.coops`.
#[derive(Debug, Clone)]
pub struct Index {
    entries: Vec<IndexedCoop>,
    by_name: Vec<u32>,
    by_region: Vec<u32>,
    region_ids: Vec<String>,
    country_codes: Vec<String>,
    tag_ids: Vec<String>,
    places: Vec<MapPlace>,
}

/// How many co-ops each facet value would show, given the other active filters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facets {
    /// Per region id, in the dataset's region order.
    pub regions: Vec<(String, usize)>,
    /// Per country code, for every country with at least one co-op, by code. A co-op in
    /// several countries counts in each. The map shades by these, so it keeps showing the other
    /// countries while one is chosen.
    pub countries: Vec<(String, usize)>,
    /// Per tag id, in taxonomy order.
    pub tags: Vec<(String, usize)>,
    /// Remote-friendly co-ops.
    pub remote: usize,
    /// Defunct co-ops.
    pub defunct: usize,
}

/// The outcome of a search.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// Positions in `directory.coops` of the matching co-ops, in the requested order.
    pub matches: Vec<u32>,
    /// Facet counts.
    pub facets: Facets,
    /// Matching co-ops with no country, or remote, distributed or worldwide: the group shown
    /// beside the map (a remote co-op with a country is on the map as well).
    pub without_place: Vec<u32>,
    /// Ordered by distance ([`Index::order_by_distance`]): each match's, kilometres, beside
    /// `matches` (`None` for a co-op with no place to measure from, last). Empty otherwise.
    pub distances: Vec<Option<f64>>,
}

impl Index {
    /// Indexes every co-op of `directory`.
    pub fn build(directory: &Directory) -> Index {
        let region_ids: Vec<String> = directory.regions.iter().map(|r| r.id.clone()).collect();
        let tag_ids: Vec<String> = directory.tags.iter().map(|t| t.id.clone()).collect();
        let mut codes: Vec<&str> = directory
            .countries
            .iter()
            .map(|c| c.code.as_str())
            .chain(
                directory
                    .coops
                    .iter()
                    .flat_map(|c| c.location.countries.iter().map(String::as_str)),
            )
            .collect();
        codes.sort_unstable();
        codes.dedup();
        let country_codes: Vec<String> = codes.into_iter().map(str::to_string).collect();
        let region_pos: HashMap<&str, usize> = position_map(&region_ids);
        let tag_pos = position_map(&tag_ids);
        let country_pos = position_map(&country_codes);
        let country_names: HashMap<&str, &str> = directory
            .countries
            .iter()
            .map(|c| (c.code.as_str(), c.name.as_str()))
            .collect();

        let entries: Vec<IndexedCoop> = directory
            .coops
            .iter()
            .map(|coop| IndexedCoop {
                haystack: haystack(coop, &country_names),
                region: region_pos
                    .get(coop.region.as_str())
                    .copied()
                    .unwrap_or(usize::MAX),
                countries: coop
                    .location
                    .countries
                    .iter()
                    .filter_map(|c| country_pos.get(c.as_str()).copied())
                    .collect(),
                tags: coop
                    .tags
                    .iter()
                    .filter_map(|t| tag_pos.get(t.as_str()).copied())
                    .collect(),
                remote: coop.location.is_remote_friendly(),
                defunct: coop.status == Status::Defunct,
            })
            .collect();

        // The folded name is the haystack's first line.
        let names: Vec<&str> = entries
            .iter()
            .map(|e| e.haystack.split('\n').next().unwrap_or_default())
            .collect();
        let mut by_name: Vec<u32> = (0..entries.len() as u32).collect();
        by_name.sort_by(|&a, &b| names[a as usize].cmp(names[b as usize]));
        drop(names);
        let mut by_region = by_name.clone();
        by_region.sort_by_key(|&i| entries[i as usize].region);

        Index {
            entries,
            by_name,
            by_region,
            region_ids,
            country_codes,
            tag_ids,
            places: map_places(&directory.coops),
        }
    }

    /// Every place of the map, with its co-ops.
    pub fn places(&self) -> &[MapPlace] {
        &self.places
    }

    /// The place of an id (`lyon-fr`).
    pub fn place(&self, id: &str) -> Option<&MapPlace> {
        self.places.iter().find(|p| p.id == id)
    }

    /// Number of co-ops indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the dataset has no co-ops.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where `query` orders from (`near`: a town or region of the index, as latitude and
    /// longitude), for [`Index::order_by_distance`].
    pub fn near(&self, query: &DirectoryQuery) -> Option<(f64, f64)> {
        let place = query.near.as_deref().and_then(|id| self.place(id))?;
        measurable(place).then_some((place.lat, place.lon))
    }

    /// Orders `results` nearest first to `from` (latitude, longitude): co-ops with no place to
    /// measure from keep their order after the others. The directory's "Near…" (a place, or
    /// the visitor's own position, which is never in the query).
    pub fn order_by_distance(&self, results: &mut Results, from: (f64, f64)) {
        let distances = distances_from(&self.places, self.entries.len(), from);
        // Stable: equal distances (and the unplaced) keep the order they had.
        results.matches.sort_by(
            |&a, &b| match (distances[a as usize], distances[b as usize]) {
                (Some(a), Some(b)) => a.total_cmp(&b),
                (a, b) => b.is_some().cmp(&a.is_some()),
            },
        );
        results.distances = results
            .matches
            .iter()
            .map(|&i| distances[i as usize])
            .collect();
    }

    /// Runs `query`: the matching co-ops in its sort order, and the facet counts. Its `near` is
    /// for the caller to apply ([`Index::near`]), with the visitor's own position, which no
    /// query holds (and the quick search, which has neither, goes without the code).
    pub fn search(&self, query: &DirectoryQuery) -> Results {
        let folded = fold(&query.q);
        let terms: Vec<&str> = words(&folded).collect();
        let region = query
            .region
            .as_deref()
            .map(|r| self.region_ids.iter().position(|id| id == r));
        let country = query
            .country
            .as_deref()
            .map(|c| self.country_codes.iter().position(|code| code == c));
        let tags: Vec<Option<usize>> = query
            .tags
            .iter()
            .map(|t| self.tag_ids.iter().position(|id| id == t))
            .collect();
        // A place narrows everything, facets included, like the text; an unknown one matches
        // nothing (the page drops it first: `DirectoryQuery::retain_known`).
        let place: Option<&[u32]> = query
            .place
            .as_deref()
            .map(|id| self.place(id).map_or(&[][..], |p| &p.coops[..]));

        let mut facets = Facets {
            regions: self.region_ids.iter().map(|r| (r.clone(), 0)).collect(),
            countries: self.country_codes.iter().map(|c| (c.clone(), 0)).collect(),
            tags: self.tag_ids.iter().map(|t| (t.clone(), 0)).collect(),
            remote: 0,
            defunct: 0,
        };
        let mut matched = vec![false; self.entries.len()];

        for (i, entry) in self.entries.iter().enumerate() {
            // Each filter on its own, so each facet can count "everything but me".
            let text_ok = terms.iter().all(|t| entry.haystack.contains(t));
            let place_ok = place.is_none_or(|coops| coops.binary_search(&(i as u32)).is_ok());
            if !text_ok || !place_ok {
                continue;
            }
            let region_ok = match region {
                None => true,
                Some(wanted) => wanted == Some(entry.region),
            };
            let country_ok = match country {
                None => true,
                Some(wanted) => wanted.is_some_and(|w| entry.countries.contains(&w)),
            };
            let tags_ok = tags
                .iter()
                .all(|t| t.is_some_and(|t| entry.tags.contains(&t)));
            let remote_ok = !query.remote || entry.remote;
            let defunct_ok = query.defunct || !entry.defunct;

            if country_ok
                && tags_ok
                && remote_ok
                && defunct_ok
                && let Some((_, n)) = facets.regions.get_mut(entry.region)
            {
                *n += 1;
            }
            if region_ok && tags_ok && remote_ok && defunct_ok {
                for &c in &entry.countries {
                    facets.countries[c].1 += 1;
                }
            }
            if region_ok && country_ok && tags_ok && defunct_ok && entry.remote {
                facets.remote += 1;
            }
            if region_ok && country_ok && tags_ok && remote_ok && entry.defunct {
                facets.defunct += 1;
            }
            if region_ok && country_ok && remote_ok && defunct_ok {
                for &t in &entry.tags {
                    facets.tags[t].1 += 1;
                }
            }
            if region_ok && country_ok && tags_ok && remote_ok && defunct_ok {
                matched[i] = true;
            }
        }

        let order = match query.sort {
            Sort::Name => &self.by_name,
            Sort::Region => &self.by_region,
        };
        let matches: Vec<u32> = order
            .iter()
            .copied()
            .filter(|&i| matched[i as usize])
            .collect();
        let without_place = matches
            .iter()
            .copied()
            .filter(|&i| {
                let e = &self.entries[i as usize];
                e.countries.is_empty() || e.remote
            })
            .collect();
        facets.countries.retain(|(_, n)| *n > 0);
        Results {
            matches,
            facets,
            without_place,
            distances: Vec::new(),
        }
    }
}

/// The co-ops most like `directory.coops[of]`: shared business areas count most, then a shared
/// country, then the same region. Defunct co-ops and co-ops with nothing in common are left out.
/// Best first; ties in list order.
pub fn similar(directory: &Directory, of: usize, limit: usize) -> Vec<usize> {
    let Some(this) = directory.coops.get(of) else {
        return Vec::new();
    };
    let mut scored: Vec<(usize, usize)> = directory
        .coops
        .iter()
        .enumerate()
        .filter(|(i, other)| *i != of && other.status == Status::Active)
        .filter_map(|(i, other)| {
            let tags = other.tags.iter().filter(|t| this.tags.contains(t)).count();
            let countries = other
                .location
                .countries
                .iter()
                .filter(|c| this.location.countries.contains(c))
                .count();
            let region = usize::from(other.region == this.region);
            let score = tags * 4 + countries.min(1) * 2 + region;
            (tags > 0 && score > 0).then_some((i, score))
        })
        .collect();
    scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.into_iter().take(limit).map(|(i, _)| i).collect()
}

/// The countries that belong to a region, to zoom the map to it: those where most of the
/// country's co-ops are listed under that region. A European co-op with an office in Québec
/// should not pull the view of Europe across the Atlantic.
pub fn region_countries(directory: &Directory, region: &str) -> Vec<String> {
    let mut tally: HashMap<&str, (usize, usize)> = HashMap::new();
    for coop in &directory.coops {
        for code in &coop.location.countries {
            let (inside, all) = tally.entry(code.as_str()).or_default();
            *all += 1;
            if coop.region == region {
                *inside += 1;
            }
        }
    }
    let mut codes: Vec<String> = tally
        .into_iter()
        .filter(|(_, (inside, all))| *inside > 0 && inside * 2 >= *all)
        .map(|(code, _)| code.to_string())
        .collect();
    codes.sort();
    codes
}

/// Whether a linked entry (a network, a resource) matches every word of `folded_query`: in its
/// name, description, link, or any nested entry.
pub fn entry_matches(entry: &Entry, folded_query: &str) -> bool {
    let mut text = String::new();
    collect_entry_text(entry, &mut text);
    words(folded_query).all(|w| text.contains(w))
}

/// Whether a resource is for `reader` (any resource, when there is none).
pub fn entry_serves(entry: &Entry, reader: Option<Serves>) -> bool {
    reader.is_none_or(|r| entry.serves.contains(&r))
}

fn collect_entry_text(entry: &Entry, text: &mut String) {
    fold_into(&entry.name, text);
    text.push('\n');
    fold_into(&plain_text(&entry.description), text);
    text.push('\n');
    if let Some(url) = &entry.url {
        fold_into(url, text);
        text.push('\n');
    }
    for child in &entry.children {
        collect_entry_text(child, text);
    }
}

fn position_map(ids: &[String]) -> HashMap<&str, usize> {
    ids.iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect()
}

/// Everything a search box should find a co-op by, folded, separated by newlines so a term
/// never matches across two fields.
fn haystack(coop: &Coop, country_names: &HashMap<&str, &str>) -> String {
    let mut text = String::with_capacity(
        coop.name.len() + coop.business_areas.len() + coop.location.text.len() + 64,
    );
    for part in [&coop.name, &coop.business_areas, &coop.location.text] {
        fold_into(part, &mut text);
        text.push('\n');
    }
    for code in &coop.location.countries {
        if let Some(name) = country_names.get(code.as_str()) {
            fold_into(name, &mut text);
            text.push('\n');
        }
    }
    for tag in &coop.tags {
        fold_into(&tag.replace('-', " "), &mut text);
        text.push('\n');
    }
    // The notes as plain text (`plain_text`), folded span by span.
    for span in &coop.notes {
        fold_into(&span.text, &mut text);
    }
    text
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::model::*;
    use crate::query::UrlCodec;

    fn coop(id: &str, name: &str, region: &str, countries: &[&str], tags: &[&str]) -> Coop {
        Coop {
            id: id.into(),
            name: name.into(),
            url: None,
            status: Status::Active,
            region: region.into(),
            business_areas: String::new(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            location: Location {
                countries: countries.iter().map(|c| c.to_string()).collect(),
                ..Location::default()
            },
            notes: vec![],
            founded: None,
            size: None,
            source_line: 0,
        }
    }

    fn directory() -> Directory {
        let mut liberte = coop(
            "codeurs-en-liberte",
            "Codeurs en Liberté",
            "europe",
            &["FR"],
            &["web", "gis"],
        );
        liberte.business_areas = "Public transports, GIS, maps".into();
        let mut agaric = coop(
            "agaric",
            "Agaric",
            "north-america",
            &["US", "NI", "DE"],
            &["web", "drupal"],
        );
        agaric.notes = vec![Span::text("Worker-owned since 2006")];
        let mut meet = coop("meet-coop", "meet.coop", "worldwide", &[], &["hosting"]);
        meet.location.worldwide = true;
        let mut gone = coop("gone", "Gone Coop", "europe", &["FR"], &["web"]);
        gone.status = Status::Defunct;
        let mut remote_fr = coop("remote-fr", "Zed", "europe", &["FR"], &["hosting"]);
        remote_fr.location.remote = true;
        Directory {
            schema: SCHEMA_VERSION.into(),
            source: Source::default(),
            regions: ["north-america", "europe", "worldwide"]
                .map(|id| Region {
                    id: id.into(),
                    name: id.into(),
                    names: Default::default(),
                })
                .to_vec(),
            tags: ["web", "drupal", "gis", "hosting"]
                .map(|id| Tag {
                    id: id.into(),
                    name: id.into(),
                    description: String::new(),
                    names: Default::default(),
                    descriptions: Default::default(),
                })
                .to_vec(),
            countries: [
                ("DE", "Germany"),
                ("FR", "France"),
                ("NI", "Nicaragua"),
                ("US", "United States"),
            ]
            .map(|(code, name)| Country {
                code: code.into(),
                name: name.into(),
                names: Default::default(),
            })
            .to_vec(),
            coops: vec![
                coop("camba", "Cambá", "south-america", &["AR"], &["web"]),
                liberte,
                agaric,
                meet,
                gone,
                remote_fr,
            ],
            networks: vec![],
            meetups: vec![],
            resources: vec![],
            products: vec![],
            jobs: vec![],
            other_lists: vec![],
        }
    }

    fn ids(directory: &Directory, results: &Results) -> Vec<String> {
        results
            .matches
            .iter()
            .map(|&i| directory.coops[i as usize].id.clone())
            .collect()
    }

    fn search(q: &str) -> (Directory, Results) {
        let d = directory();
        let r = Index::build(&d).search(&DirectoryQuery::from_query_string(q));
        (d, r)
    }

    #[test]
    fn every_term_must_match_within_one_coop_and_one_field() {
        let mut directory = directory();
        directory.coops = vec![
            coop("first", "Alpha Works", "europe", &[], &[]),
            coop("second", "Beta Works", "europe", &[], &[]),
            coop("third", "Gamma", "europe", &[], &[]),
        ];
        directory.coops[0].business_areas = "Design".into();
        let index = Index::build(&directory);
        let found = |q: &str| {
            ids(
                &directory,
                &index.search(&DirectoryQuery::from_query_string(q)),
            )
        };
        assert_eq!(found("q=works"), ["first", "second"]);
        assert_eq!(
            found("q=gamma"),
            ["third"],
            "the last co-op's text is searched"
        );
        assert_eq!(
            found("q=alpha+design"),
            ["first"],
            "terms may match different fields"
        );
        assert_eq!(
            found("q=alpha+beta"),
            Vec::<String>::new(),
            "but not different co-ops"
        );
        assert_eq!(
            found("q=worksdesign"),
            Vec::<String>::new(),
            "nor across two fields"
        );
        assert_eq!(
            found("q=worksbeta"),
            Vec::<String>::new(),
            "nor across two co-ops"
        );
    }

    #[test]
    fn text_search_ignores_case_and_accents() {
        let (d, r) = search("q=camba");
        assert_eq!(ids(&d, &r), ["camba"]);
        let (d, r) = search("q=LIBERTE");
        assert_eq!(ids(&d, &r), ["codeurs-en-liberte"]);
        let (d, r) = search("q=libert%C3%A9");
        assert_eq!(ids(&d, &r), ["codeurs-en-liberte"]);
    }

    #[test]
    fn text_search_covers_areas_location_names_and_notes() {
        assert_eq!(
            ids(&search("q=gis").0, &search("q=gis").1),
            ["codeurs-en-liberte"]
        );
        let (d, r) = search("q=nicaragua");
        assert_eq!(ids(&d, &r), ["agaric"], "country names are searchable");
        let (d, r) = search("q=worker+2006");
        assert_eq!(
            ids(&d, &r),
            ["agaric"],
            "every word must match, in any field"
        );
        let (_, r) = search("q=worker+zzz");
        assert!(r.matches.is_empty());
    }

    #[test]
    fn defunct_coops_are_hidden_unless_asked_for() {
        let (d, r) = search("");
        assert!(!ids(&d, &r).contains(&"gone".to_string()));
        assert_eq!(r.facets.defunct, 1, "the toggle says how many it would add");
        let (d, r) = search("defunct=1");
        assert!(ids(&d, &r).contains(&"gone".to_string()));
    }

    #[test]
    fn near_a_place_orders_nearest_first_and_the_unplaced_last() {
        use crate::Precision::{City, Country};
        use crate::testing::{coop_at, directory_of};
        let directory = directory_of(vec![
            coop_at("a-berlin", &[("Berlin", "DE", 52.52, 13.4, City)]),
            coop_at("b-france", &[("France", "FR", 46.2, 2.2, Country)]),
            coop_at("c-lyon", &[("Lyon", "FR", 45.76, 4.84, City)]),
            coop_at("d-paris", &[("Paris", "FR", 48.86, 2.35, City)]),
            coop_at("e-nowhere", &[]),
            coop_at("f-lyon", &[("Lyon", "FR", 45.76, 4.84, City)]),
        ]);
        let index = Index::build(&directory);
        let run = |q: &str| {
            let query =
                DirectoryQuery::from_query_string(q).retain_known(&directory, |id| index.place(id));
            let mut results = index.search(&query);
            if let Some(from) = index.near(&query) {
                index.order_by_distance(&mut results, from);
            }
            results
        };
        let r = run("near=lyon-fr");
        assert_eq!(
            ids(&directory, &r),
            [
                "c-lyon",
                "f-lyon",
                "d-paris",
                "a-berlin",
                "b-france",
                "e-nowhere"
            ]
        );
        assert_eq!(r.distances.len(), r.matches.len());
        assert_eq!(r.distances[0], Some(0.0));
        let paris = r.distances[2].expect("Paris is placed");
        assert!(paris > 380.0 && paris < 420.0, "Lyon to Paris: {paris}");
        assert_eq!(r.distances[4..], [None, None]);
        // Narrowed by the text first, then ordered.
        assert_eq!(
            ids(&directory, &run("near=paris-fr&q=lyon")),
            ["c-lyon", "f-lyon"]
        );
        // A country (its middle is no place to be near) or an unknown place: the usual order.
        for q in ["near=france-fr", "near=atlantis-xx"] {
            let r = run(q);
            assert!(r.distances.is_empty(), "{q}");
            assert_eq!(ids(&directory, &r)[0], "a-berlin", "{q}");
        }
        // From a position of the visitor's own.
        let mut r = run("");
        index.order_by_distance(&mut r, (52.5, 13.4));
        assert_eq!(ids(&directory, &r)[0], "a-berlin");
    }

    #[test]
    fn sorts_by_name_or_region() {
        let (d, r) = search("");
        assert_eq!(
            ids(&d, &r),
            [
                "agaric",
                "camba",
                "codeurs-en-liberte",
                "meet-coop",
                "remote-fr"
            ]
        );
        let (d, r) = search("sort=region");
        // Regions in the dataset's order; an unknown region ("south-america" here) sorts last.
        assert_eq!(
            ids(&d, &r),
            [
                "agaric",
                "codeurs-en-liberte",
                "remote-fr",
                "meet-coop",
                "camba"
            ]
        );
    }

    #[test]
    fn facet_counts_respect_the_other_filters() {
        let (_, r) = search("tag=web");
        // Region counts with the tag applied but not the (absent) region filter.
        assert_eq!(
            r.facets.regions,
            [
                ("north-america".into(), 1),
                ("europe".into(), 1),
                ("worldwide".into(), 0)
            ]
        );
        let (_, r) = search("region=europe");
        // The region facet ignores its own filter, so other regions still show their counts.
        assert_eq!(r.facets.regions[0], ("north-america".into(), 1));
        assert_eq!(r.facets.regions[1], ("europe".into(), 2));
        // Tag counts are within the other filters.
        let tag = |r: &Results, id: &str| r.facets.tags.iter().find(|(t, _)| t == id).unwrap().1;
        assert_eq!(tag(&r, "web"), 1);
        assert_eq!(tag(&r, "hosting"), 1);
        assert_eq!(tag(&r, "drupal"), 0);
        assert_eq!(r.facets.remote, 1);
    }

    #[test]
    fn several_tags_narrow_together() {
        let (d, r) = search("tag=web&tag=drupal");
        assert_eq!(ids(&d, &r), ["agaric"]);
        let (_, r) = search("tag=web&tag=nonexistent");
        assert!(
            r.matches.is_empty(),
            "an unknown tag matches nothing rather than everything"
        );
    }

    #[test]
    fn country_filter_and_map_counts_count_each_country() {
        let (d, r) = search("country=DE");
        assert_eq!(ids(&d, &r), ["agaric"]);
        let (_, r) = search("");
        let count = |code: &str| {
            r.facets
                .countries
                .iter()
                .find(|(c, _)| c == code)
                .map_or(0, |(_, n)| *n)
        };
        assert_eq!(count("FR"), 2, "defunct hidden by default");
        assert_eq!(count("NI"), 1);
        assert_eq!(
            count("DE"),
            1,
            "a co-op in several countries counts in each"
        );
        let facet = |code: &str| {
            r.facets
                .countries
                .iter()
                .find(|(c, _)| c == code)
                .map_or(0, |(_, n)| *n)
        };
        assert_eq!(facet("US"), 1);
        assert_eq!(
            facet("AR"),
            1,
            "countries missing from the dataset's list are still indexed"
        );
    }

    #[test]
    fn coops_without_a_place_are_grouped_for_the_map() {
        let (d, r) = search("");
        let without: Vec<_> = r
            .without_place
            .iter()
            .map(|&i| d.coops[i as usize].id.as_str())
            .collect();
        assert_eq!(without, ["meet-coop", "remote-fr"]);
    }

    #[test]
    fn similar_coops_share_tags_first_then_place() {
        let d = directory();
        let liberte = d
            .coops
            .iter()
            .position(|c| c.id == "codeurs-en-liberte")
            .unwrap();
        let ids: Vec<&str> = similar(&d, liberte, 5)
            .into_iter()
            .map(|i| d.coops[i].id.as_str())
            .collect();
        // Cambá and Agaric share "web"; Agaric is not in France either, so list order decides;
        // the defunct co-op is left out, and meet.coop shares nothing.
        assert_eq!(ids, ["camba", "agaric"]);
        assert!(
            similar(&d, 99, 5).is_empty(),
            "an unknown position has no neighbours"
        );
    }

    #[test]
    fn entries_match_on_name_description_and_children() {
        let entry = Entry {
            name: "CoTech".into(),
            url: Some("https://www.coops.tech".into()),
            description: vec![Span::text("Network of tech coops in the UK.")],
            children: vec![Entry {
                name: "CoTech Forum".into(),
                ..Entry::default()
            }],
            serves: Vec::new(),
        };
        for q in ["cotech", "network uk", "forum", "coops.tech", ""] {
            assert!(entry_matches(&entry, &fold(q)), "{q:?}");
        }
        assert!(!entry_matches(&entry, &fold("argentina")));
    }

    #[test]
    fn a_region_zooms_to_the_countries_mostly_listed_there() {
        let mut d = directory();
        assert_eq!(region_countries(&d, "europe"), ["FR"]);
        // Agaric (North America) is also in Germany and Nicaragua; one European co-op in
        // Germany ties, so Germany belongs to both.
        let mut berlin = d.coops[1].clone();
        berlin.id = "berlin".into();
        berlin.location.countries = vec!["DE".into()];
        d.coops.push(berlin);
        assert_eq!(region_countries(&d, "europe"), ["DE", "FR"]);
        assert_eq!(region_countries(&d, "north-america"), ["DE", "NI", "US"]);
        assert!(region_countries(&d, "atlantis").is_empty());
    }

    #[test]
    fn remote_filter_keeps_remote_friendly_coops() {
        let (d, r) = search("remote=1");
        assert_eq!(ids(&d, &r), ["meet-coop", "remote-fr"]);
    }
}
