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

/// The ids of the regions the list's headings are known to name, in [`KNOWN`]'s order: those
/// whose names in other languages `data/i18n/` may give ([`crate::translations`]).
pub fn known_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for (_, id) in KNOWN {
        if !ids.contains(id) {
            ids.push(id);
        }
    }
    ids
}

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
    Region {
        id,
        name: if name.is_empty() {
            "Other".to_string()
        } else {
            name.to_string()
        },
        // In English, as the list writes it; other languages come from `data/i18n/`.
        names: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_known_region_is_listed_once_and_read_from_its_words() {
        let ids = known_ids();
        assert_eq!(ids.len(), 7, "{ids:?}");
        for id in ids {
            let words = KNOWN.iter().find(|(_, known)| *known == id).unwrap().0;
            assert_eq!(region_for_heading(words).id, id);
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
