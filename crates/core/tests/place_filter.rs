//! The place filter (`?place=lyon-fr`) on the bundled dataset: it narrows the list and every
//! facet to the co-ops at that place, and an unknown place is dropped like any unknown value.

use coops_core::Status;
use coops_core::load::load_directory;
use coops_core::query::{DirectoryQuery, UrlCodec};
use coops_core::search::Index;

const DATASET: &str = include_str!("../../../public/data/directory.json");

#[test]
fn a_place_narrows_the_list_and_the_facets() {
    let directory = load_directory(DATASET).unwrap().directory;
    let index = Index::build(&directory);
    let paris = index
        .place("paris-fr")
        .expect("Paris is a place of the list");
    let active: Vec<u32> = paris
        .coops
        .iter()
        .copied()
        .filter(|&i| directory.coops[i as usize].status == Status::Active)
        .collect();
    assert!(active.len() >= 2, "{active:?}");
    let query = DirectoryQuery::from_query_string("place=paris-fr");
    let results = index.search(&query);
    let mut matches = results.matches.clone();
    matches.sort_unstable();
    assert_eq!(matches, active);
    assert_eq!(
        results.facets.countries,
        [("FR".to_string(), active.len())],
        "the facets count within the place"
    );
    // With the text as well.
    let name = directory.coops[active[0] as usize].name.clone();
    let both = index.search(&DirectoryQuery::from_query_string(&format!(
        "place=paris-fr&q={}",
        name.replace(' ', "%20")
    )));
    assert!(both.matches.contains(&active[0]));
    // Every place id is known, and unique.
    let mut ids: Vec<&str> = index.places().iter().map(|p| p.id.as_str()).collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all);
}

#[test]
fn an_unknown_place_is_dropped() {
    let directory = load_directory(DATASET).unwrap().directory;
    let index = Index::build(&directory);
    let query = DirectoryQuery::from_query_string("place=atlantis-xx&country=FR")
        .retain_known(&directory, |id| index.place(id));
    assert_eq!(query.place, None);
    assert_eq!(query.country.as_deref(), Some("FR"));
    // Not dropped, it matches nothing rather than everything.
    let raw = DirectoryQuery::from_query_string("place=atlantis-xx");
    assert!(index.search(&raw).matches.is_empty());
    // A malformed one never gets that far.
    assert_eq!(DirectoryQuery::from_query_string("place=<b>").place, None);
}
