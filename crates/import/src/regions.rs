//! Regions: the heading above a co-op table names its region.
//!
//! The list's six headings map to stable ids used in the app's URLs (`north-america`,
//! `south-america`, `asia`, `europe`, `oceania`, `worldwide`); the display name is the heading
//! as written ("Decentralised / Worldwide"). A heading the table does not know (a new region,
//! or a defunct list without region headings) becomes a region of its own, id from its slug,
//! so its rows are never lost.

use coops_core::Region;
use coops_core::text::{fold, slugify};

/// Folded words in a heading, and the region id they mean. Checked in order: "north america"
/// must win over a later, broader "america".
const KNOWN: &[(&str, &str)] = &[
    ("north america", "north-america"),
    ("northern america", "north-america"),
    ("south america", "south-america"),
    ("latin america", "south-america"),
    ("central america", "south-america"),
    ("asia", "asia"),
    ("middle east", "asia"),
    ("europe", "europe"),
    ("oceania", "oceania"),
    ("australia", "oceania"),
    ("africa", "africa"),
    ("worldwide", "worldwide"),
    ("decentrali", "worldwide"),
    ("global", "worldwide"),
    ("remote", "worldwide"),
    ("international", "worldwide"),
];

/// The id of the region of co-ops that work from anywhere.
pub const WORLDWIDE: &str = "worldwide";
/// The id of North America, where "CA" is California and "Georgia" a state.
pub const NORTH_AMERICA: &str = "north-america";

/// Each known region's name in the app's other languages, by language code: written here
/// once, for the dataset (a heading of the list is English).
const NAMES: [(&str, [(&str, &str); 3]); 7] = [
    (
        "north-america",
        [
            ("es", "América del Norte"),
            ("fr", "Amérique du Nord"),
            ("de", "Nordamerika"),
        ],
    ),
    (
        "south-america",
        [
            ("es", "América del Sur"),
            ("fr", "Amérique du Sud"),
            ("de", "Südamerika"),
        ],
    ),
    ("asia", [("es", "Asia"), ("fr", "Asie"), ("de", "Asien")]),
    (
        "europe",
        [("es", "Europa"), ("fr", "Europe"), ("de", "Europa")],
    ),
    (
        "oceania",
        [("es", "Oceanía"), ("fr", "Océanie"), ("de", "Ozeanien")],
    ),
    (
        "africa",
        [("es", "África"), ("fr", "Afrique"), ("de", "Afrika")],
    ),
    (
        "worldwide",
        [
            ("es", "Descentralizadas / En todo el mundo"),
            ("fr", "Décentralisées / Dans le monde entier"),
            ("de", "Dezentral / Weltweit"),
        ],
    ),
];

/// The region a heading names.
pub fn region_for_heading(heading: &str) -> Region {
    let folded = fold(heading);
    let id = KNOWN
        .iter()
        .find(|(words, _)| folded.contains(words))
        .map(|(_, id)| (*id).to_string())
        .unwrap_or_else(|| match slugify(heading) {
            slug if slug.is_empty() => "other".to_string(),
            slug => slug,
        });
    let name = heading.trim();
    let names = NAMES
        .iter()
        .find(|(known, _)| *known == id)
        .map(|(_, names)| {
            names
                .iter()
                .map(|(lang, name)| ((*lang).to_string(), (*name).to_string()))
                .collect()
        })
        .unwrap_or_default();
    Region {
        id,
        name: if name.is_empty() {
            "Other".to_string()
        } else {
            name.to_string()
        },
        names,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_region_is_named_in_every_language() {
        for (id, names) in NAMES {
            assert!(KNOWN.iter().any(|(_, known)| *known == id), "{id}");
            let region = region_for_heading(KNOWN.iter().find(|(_, k)| *k == id).unwrap().0);
            assert_eq!(region.id, id);
            for lang in coops_core::i18n::Lang::ALL
                .iter()
                .filter(|l| l.code() != "en")
            {
                assert!(
                    names
                        .iter()
                        .any(|(code, name)| *code == lang.code() && !name.is_empty())
                );
                assert!(region.names.contains_key(lang.code()), "{id} {lang:?}");
            }
        }
        for (_, id) in KNOWN {
            assert!(
                NAMES.iter().any(|(named, _)| named == id),
                "{id} has no names"
            );
        }
    }

    #[test]
    fn maps_the_lists_headings() {
        let ids: Vec<String> = [
            "North America",
            "South America",
            "Asia",
            "Europe",
            "Oceania",
            "Decentralised / Worldwide",
        ]
        .iter()
        .map(|h| region_for_heading(h).id)
        .collect();
        assert_eq!(
            ids,
            [
                "north-america",
                "south-america",
                "asia",
                "europe",
                "oceania",
                "worldwide"
            ]
        );
        assert_eq!(
            region_for_heading("Decentralised / Worldwide").name,
            "Decentralised / Worldwide"
        );
    }

    #[test]
    fn unknown_headings_become_their_own_region() {
        assert_eq!(
            region_for_heading("Defunct coops list").id,
            "defunct-coops-list"
        );
        assert_eq!(region_for_heading("???").id, "other");
    }
}
