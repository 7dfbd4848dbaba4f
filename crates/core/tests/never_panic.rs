//! Property tests: the parsers that read what the app did not write — the dataset, the URL's
//! directory query, the joining guide and its answers — never panic, whatever they are given.

use coops_core::join::load_guide;
use coops_core::load::load_directory;
use coops_core::query::{DirectoryQuery, UrlCodec, parse_answers};
use coops_core::search::Index;
use proptest::prelude::*;

const DATASET: &str = include_str!("../../../public/data/directory.json");
const GUIDE: &str = include_str!("../../../public/data/join.json");

/// Damages `text` at a few places: deletes, duplicates or replaces bytes (kept valid UTF-8).
fn damaged(text: &'static str) -> impl Strategy<Value = String> {
    proptest::collection::vec((0..text.len(), 0u8..3, any::<char>()), 1..6).prop_map(move |edits| {
        let mut chars: Vec<char> = text.chars().collect();
        for (at, kind, c) in edits {
            if chars.is_empty() {
                break;
            }
            let at = at % chars.len();
            match kind {
                0 => {
                    chars.remove(at);
                }
                1 => chars.insert(at, chars[at]),
                _ => chars[at] = c,
            }
        }
        chars.into_iter().collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_dataset_loader_never_panics_on_any_text(text in ".{0,400}") {
        let _ = load_directory(&text);
    }

    #[test]
    fn the_dataset_loader_never_panics_on_a_damaged_dataset(text in damaged(DATASET)) {
        if let Ok(loaded) = load_directory(&text) {
            // Whatever loaded can be indexed and searched.
            let index = Index::build(&loaded.directory);
            let _ = index.search(&DirectoryQuery::from_query_string("q=web&remote=1"));
        }
    }

    #[test]
    fn the_query_parser_never_panics_and_round_trips(text in "[a-z=&%+0-9A-F?._~-]{0,120}|.{0,120}") {
        let query = DirectoryQuery::from_query_string(&text);
        let again = DirectoryQuery::from_query_string(&query.to_query_string());
        prop_assert_eq!(again, query);
    }

    #[test]
    fn searching_never_panics_on_any_query(text in ".{0,80}") {
        let directory = load_directory(DATASET).unwrap().directory;
        let index = Index::build(&directory);
        let query = DirectoryQuery::from_query_string(&text)
            .retain_known(&directory, |id| index.place(id));
        let mut results = index.search(&query);
        prop_assert!(results.matches.len() <= directory.coops.len());
        let before = results.matches.len();
        if let Some(from) = index.near(&query) {
            index.order_by_distance(&mut results, from);
        }
        prop_assert_eq!(results.matches.len(), before);
    }

    #[test]
    fn finding_a_typed_place_never_panics(text in ".{0,40}") {
        let directory = load_directory(DATASET).unwrap().directory;
        let index = Index::build(&directory);
        if let Some(place) = coops_core::nearby::find_place(index.places(), &directory, &text) {
            prop_assert!(coops_core::nearby::measurable(place));
        }
    }

    #[test]
    fn the_guide_loader_never_panics_on_a_damaged_guide(text in damaged(GUIDE)) {
        let _ = load_guide(&text);
    }

    #[test]
    fn walking_any_answers_never_panics(answers in "[a-z+.-]{0,80}|.{0,80}", at in proptest::option::of(0usize..20)) {
        let guide = load_guide(GUIDE).unwrap();
        let parsed = parse_answers(&answers);
        let position = guide.walk(&parsed, at);
        prop_assert!(position.answers.len() <= parsed.len());
        let _ = guide.filters(&position.answers);
    }
}
