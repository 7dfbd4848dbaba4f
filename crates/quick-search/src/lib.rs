//! The directory's search box, working on the pre-rendered list before the app has arrived.
//!
//! The build writes the directory's first view into its page with the app's own components
//! (crates/site), so the list paints at once; but the app's wasm is a few hundred kilobytes, and on a slow
//! phone and network the list would stay deaf to its search box for seconds. This module is a
//! few dozen kilobytes: it reads the same dataset with the same core (`coops-core`), answers the
//! search box with the same search, and only shows and hides the cards already in the page.
//! The app loads after it and takes over (`src/handover.rs`), carrying over the typed text.
//!
//! The deciding is [`Filter`], plain Rust tested natively; [`attach`] only wires it to the page.

use std::collections::HashMap;

use coops_core::Directory;
use coops_core::i18n::Catalog;
use coops_core::load::load_directory;
use coops_core::messages::{REMOTE_SHOWN, count_label, more_label, remote_more, remote_title};
use coops_core::query::{DirectoryQuery, UrlCodec};
use coops_core::search::{Facets, Index};

/// The search over a loaded dataset, for the cards the page holds.
pub struct Filter {
    /// The page's words for what it shows (`coops_core::messages::QUICK_SEARCH_MESSAGES`).
    words: Catalog,
    directory: Directory,
    index: Index,
    /// Position in `directory.coops` of each card of the page, in page order (`None`: a card
    /// the dataset does not have, which no search shows).
    cards: Vec<Option<usize>>,
    /// The same for the items of the remote and worldwide group beside the map.
    remote_items: Vec<Option<usize>>,
}

/// What the page should show for a search text.
#[derive(Debug, PartialEq, Eq)]
pub struct Shown {
    /// For each card of the page, in page order, whether it matches.
    pub visible: Vec<bool>,
    /// The result count, as the app words it.
    pub count: String,
    /// The note under the cards for matches the page has no card for; `None` when there are none.
    pub more: Option<String>,
    /// The address's query string for this search, without `?` (empty for no search), as the
    /// app writes it, so a reload or a shared link shows the same.
    pub query_string: String,
    /// For each item of the remote and worldwide group, in page order, whether the group
    /// shows it: the first [`REMOTE_SHOWN`] that match, as in the app.
    pub remote_visible: Vec<bool>,
    /// The group's heading, with its count.
    pub remote_title: String,
    /// The line under the group for matching co-ops it does not name.
    pub remote_more: Option<String>,
    /// The filter panel's counts for this search.
    pub facets: Facets,
}

impl Filter {
    /// Reads `dataset` (the text of `data/directory.json`) for the cards whose co-op ids are
    /// `card_ids` and the remote group's items whose co-op ids are `remote_ids`, to be shown
    /// in `words`; `None` when the dataset does not read (the app then says why).
    pub fn new<'a>(
        dataset: &str,
        words: Catalog,
        card_ids: impl IntoIterator<Item = &'a str>,
        remote_ids: impl IntoIterator<Item = &'a str>,
    ) -> Option<Filter> {
        let mut directory = load_directory(dataset).ok()?.directory;
        // Its names in the page's language, as the app shows and searches them.
        directory.localize(words.lang());
        let index = Index::build(&directory);
        let positions: HashMap<&str, usize> = directory
            .coops
            .iter()
            .enumerate()
            .map(|(i, coop)| (coop.id.as_str(), i))
            .collect();
        let find = |ids: &mut dyn Iterator<Item = &str>| -> Vec<Option<usize>> {
            ids.map(|id| positions.get(id).copied()).collect()
        };
        let cards = find(&mut card_ids.into_iter());
        let remote_items = find(&mut remote_ids.into_iter());
        Some(Filter {
            words,
            directory,
            index,
            cards,
            remote_items,
        })
    }

    /// What to show for the search text `text`: the app's own search with no other filter,
    /// which is the query the pre-rendered list shows.
    pub fn show(&self, text: &str) -> Shown {
        let query = DirectoryQuery {
            q: text.to_owned(),
            ..DirectoryQuery::default()
        };
        let results = self.index.search(&query);
        let mut matched = vec![false; self.directory.coops.len()];
        for &i in &results.matches {
            matched[i as usize] = true;
        }
        let visible: Vec<bool> = self
            .cards
            .iter()
            .map(|card| card.is_some_and(|i| matched[i]))
            .collect();
        let without_card = results.matches.len() - visible.iter().filter(|v| **v).count();
        let mut in_group = vec![false; self.directory.coops.len()];
        for &i in results.without_place.iter().take(REMOTE_SHOWN) {
            in_group[i as usize] = true;
        }
        let remote_visible = self
            .remote_items
            .iter()
            .map(|item| item.is_some_and(|i| in_group[i]))
            .collect();
        let remote_count = results.without_place.len();
        Shown {
            visible,
            count: count_label(&self.words, results.matches.len()),
            more: (without_card > 0).then(|| more_label(&self.words, without_card)),
            query_string: query.to_query_string(),
            remote_visible,
            remote_title: remote_title(&self.words, remote_count),
            remote_more: (remote_count > REMOTE_SHOWN)
                .then(|| remote_more(&self.words, remote_count - REMOTE_SHOWN)),
            facets: results.facets,
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod page;

#[cfg(target_arch = "wasm32")]
pub use page::attach;

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled dataset, as the build writes it.
    fn dataset() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../public/data/directory.json"
        ))
        .expect("the bundled dataset")
    }

    /// The quick search's words in English, as the build hands them to it.
    fn words() -> Catalog {
        coops_core::i18n::english().only(&coops_core::messages::QUICK_SEARCH_MESSAGES)
    }

    fn ids(directory: &Directory) -> Vec<String> {
        directory.coops.iter().map(|c| c.id.clone()).collect()
    }

    #[test]
    fn shows_what_the_app_would_for_the_same_text() {
        let text = dataset();
        let directory = load_directory(&text).unwrap().directory;
        let index = Index::build(&directory);
        let ids = ids(&directory);
        let filter = Filter::new(&text, words(), ids.iter().map(String::as_str), []).unwrap();
        for q in [
            "",
            "berlin",
            "Cambá",
            "software development",
            "zzzz-nothing",
        ] {
            let shown = filter.show(q);
            let query = DirectoryQuery {
                q: q.into(),
                ..Default::default()
            };
            let expected = index.search(&query).matches;
            let visible: Vec<u32> = (0..ids.len() as u32)
                .filter(|&i| shown.visible[i as usize])
                .collect();
            let mut expected_sorted = expected.clone();
            expected_sorted.sort_unstable();
            assert_eq!(visible, expected_sorted, "query {q:?}");
            assert_eq!(shown.count, count_label(&words(), expected.len()));
            assert_eq!(shown.more, None);
        }
        assert!(filter.show("berlin").visible.iter().any(|v| *v));
        assert!(!filter.show("zzzz-nothing").visible.iter().any(|v| *v));
    }

    #[test]
    fn the_address_carries_the_text_as_the_app_writes_it() {
        let text = dataset();
        let filter = Filter::new(&text, words(), ["a", "b"], []).unwrap();
        assert_eq!(filter.show("").query_string, "");
        assert_eq!(filter.show("   ").query_string, "");
        assert_eq!(filter.show("a b&c").query_string, "q=a%20b%26c");
    }

    #[test]
    fn counts_matches_the_page_has_no_card_for() {
        let text = dataset();
        let directory = load_directory(&text).unwrap().directory;
        // Only the first co-op has a card, and one card names a co-op the dataset lacks.
        let first = directory.coops[0].id.clone();
        let filter =
            Filter::new(&text, words(), [first.as_str(), "not-in-the-dataset"], []).unwrap();
        let shown = filter.show("");
        assert_eq!(shown.visible, vec![true, false]);
        let listed = Index::build(&directory)
            .search(&DirectoryQuery::default())
            .matches
            .len();
        assert_eq!(shown.more, Some(more_label(&words(), listed - 1)));
    }

    #[test]
    fn the_remote_group_and_the_counts_follow_the_search_as_in_the_app() {
        let text = dataset();
        let directory = load_directory(&text).unwrap().directory;
        let index = Index::build(&directory);
        let everyone = index.search(&DirectoryQuery::default());
        // The page holds the whole group, in the app's order.
        let group: Vec<&str> = everyone
            .without_place
            .iter()
            .map(|&i| directory.coops[i as usize].id.as_str())
            .collect();
        assert!(group.len() > 3, "the bundled dataset has remote co-ops");
        let filter = Filter::new(&text, words(), [], group.iter().copied()).unwrap();
        for q in ["", "web", "berlin", "zzzz-nothing"] {
            let shown = filter.show(q);
            let expected = index.search(&DirectoryQuery {
                q: q.into(),
                ..Default::default()
            });
            let named: Vec<&str> = group
                .iter()
                .zip(&shown.remote_visible)
                .filter(|(_, visible)| **visible)
                .map(|(id, _)| *id)
                .collect();
            let app_names: Vec<&str> = expected
                .without_place
                .iter()
                .take(REMOTE_SHOWN)
                .map(|&i| directory.coops[i as usize].id.as_str())
                .collect();
            assert_eq!(named, app_names, "query {q:?}");
            assert_eq!(
                shown.remote_title,
                remote_title(&words(), expected.without_place.len())
            );
            assert_eq!(shown.facets, expected.facets, "query {q:?}");
        }
        assert_ne!(filter.show("berlin").facets, filter.show("").facets);
    }

    #[test]
    fn it_speaks_the_language_the_page_hands_it() {
        let text = dataset();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/i18n/fr.json");
        let french = Catalog::parse(
            coops_core::i18n::Lang::Fr,
            &std::fs::read_to_string(path).expect("the French catalog"),
        )
        .expect("it reads");
        let part = french.only(&coops_core::messages::QUICK_SEARCH_MESSAGES);
        let filter = Filter::new(&text, part, [], []).unwrap();
        assert_eq!(filter.show("zzzz-nothing").count, french.text("count-none"));
        let shown = filter.show("");
        assert!(shown.count.ends_with(" coopératives"), "{}", shown.count);
        assert!(
            shown.remote_title.starts_with("À distance"),
            "{}",
            shown.remote_title
        );
    }

    #[test]
    fn a_dataset_that_does_not_read_gives_no_filter() {
        assert!(Filter::new("<html>", words(), ["a"], []).is_none());
        assert!(Filter::new("{\"coops\": [", words(), ["a"], []).is_none());
    }
}
