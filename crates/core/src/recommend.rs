//! What an outcome of the guide names from the directory (issue 22): the co-ops doing the
//! visitor's kind of work, in their country first, then their region, then those that work
//! remotely, from the answers' filters; the members of the network the answers point to; and
//! the resources to read next.
//!
//! The top of the core's layers: it reads the guide's filters ([`crate::join`]) with the
//! directory's query and search, so neither the guide nor the search knows of the other.

use crate::join::Filters;
use crate::model::{Directory, Entry, Serves, Status, plain_text};
use crate::query::DirectoryQuery;
use crate::search::Index;
use crate::text::fold;

/// How many co-ops an outcome names.
pub const OUTCOME_COOPS: usize = 6;

/// The co-ops matching `filters` (positions in `directory.coops`), best first: the visitor's
/// country, then their region, then remote or worldwide ones; and how many match in all. Only
/// co-ops still trading; the business areas of the answers (any of them) narrow all three
/// groups; with no country and no region, every match counts. By name within each group, as
/// the directory orders them.
pub fn matching_coops(
    directory: &Directory,
    index: &Index,
    filters: &Filters,
) -> (Vec<u32>, usize) {
    let query = DirectoryQuery {
        tags: filters.tags.clone(),
        ..DirectoryQuery::default()
    };
    let matches = index.search(&query).matches;
    let rank = |i: &u32| {
        let coop = &directory.coops[*i as usize];
        let location = &coop.location;
        if filters
            .country
            .as_ref()
            .is_some_and(|c| location.countries.contains(c))
        {
            Some(0)
        } else if filters.region.as_ref().is_some_and(|r| &coop.region == r) {
            Some(1)
        } else if location.remote || location.worldwide || location.distributed {
            Some(2)
        } else if filters.country.is_none() && filters.region.is_none() {
            Some(3)
        } else {
            None
        }
    };
    let mut ranked: Vec<(u8, u32)> = matches
        .iter()
        .filter(|i| directory.coops[**i as usize].status == Status::Active)
        .filter_map(|i| rank(i).map(|r| (r, *i)))
        .collect();
    // Stable: the directory's order (by name) within each group.
    ranked.sort_by_key(|(r, _)| *r);
    let total = ranked.len();
    (
        ranked
            .into_iter()
            .take(OUTCOME_COOPS)
            .map(|(_, i)| i)
            .collect(),
        total,
    )
}

/// How many resources an outcome's "Read next" names.
pub const READ_NEXT: usize = 5;

/// Every resource of the list (the resources page's entries, at the top level), in its order.
pub fn resources(directory: &Directory) -> impl Iterator<Item = &Entry> {
    directory.resource_lists().flatten()
}

/// How many resources of the list serve `reader`: what the resources page lists for it.
pub fn serving(directory: &Directory, reader: Serves) -> usize {
    resources(directory)
        .filter(|e| e.serves.contains(&reader))
        .count()
}

/// The resources for `reads`, best first: those serving the first reader, then the second,
/// and so on, in the list's order within each; up to [`READ_NEXT`].
pub fn readings<'a>(directory: &'a Directory, reads: &[Serves]) -> Vec<&'a Entry> {
    let rank = |entry: &Entry| reads.iter().position(|r| entry.serves.contains(r));
    let mut ranked: Vec<(usize, &Entry)> = resources(directory)
        .filter_map(|entry| rank(entry).map(|r| (r, entry)))
        .collect();
    // Stable: the list's order within each reader.
    ranked.sort_by_key(|(r, _)| *r);
    ranked.into_iter().take(READ_NEXT).map(|(_, e)| e).collect()
}

/// A name reduced to its letters and digits, folded: "FACT[TIC]" and "Facttic" are one.
fn squashed(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The network of the list called `name` (however the list brackets or cases it).
pub fn network<'a>(directory: &'a Directory, name: &str) -> Option<&'a Entry> {
    let name = squashed(name);
    directory
        .networks
        .iter()
        .find(|n| squashed(&n.name) == name)
}

/// Whether `words` (folded, in order) begin with the network `name` (squashed): "fact tic"
/// and "facttic" both name FACT[TIC]; "cotech's" does not name CoTech twice over.
fn names_network(words: &[&str], name: &str) -> bool {
    let mut joined = String::new();
    for word in words {
        joined.push_str(word);
        if joined.len() >= name.len() {
            return joined == name;
        }
    }
    false
}

/// Whether a co-op's notes say it belongs to the network `name` (squashed): "member of
/// <name>", "part of <name>" (either with "the"), or "<name> member"; not after "not" or "no
/// longer" ("not a member of …", "no longer part of …").
fn says_member(notes: &str, name: &str) -> bool {
    let folded = fold(notes);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    (0..words.len()).any(|i| {
        let rest = &words[i..];
        let negated = words[..i]
            .iter()
            .rev()
            .take(3)
            .any(|w| *w == "not" || *w == "longer");
        let after = match rest {
            ["member" | "part", "of", "the", ..] => Some(&rest[3..]),
            ["member" | "part", "of", ..] => Some(&rest[2..]),
            _ => None,
        };
        // "<name> member": the name's words, then "member".
        let named_before = || {
            (1..=rest.len().min(4))
                .any(|n| rest[..n].concat() == name && rest.get(n) == Some(&"member"))
        };
        let named = after.is_some_and(|after| names_network(after, name)) || named_before();
        named && !negated
    })
}

/// The co-ops the list says are members of the network called `name` (positions in
/// `directory.coops`), still trading, in the list's order, up to [`OUTCOME_COOPS`]. Only what
/// the list says ([`says_member`]), never a guess from a co-op's country.
pub fn network_members(directory: &Directory, name: &str) -> Vec<u32> {
    let name = squashed(name);
    if name.is_empty() {
        return Vec::new();
    }
    directory
        .coops
        .iter()
        .enumerate()
        .filter(|(_, c)| c.status == Status::Active && says_member(&plain_text(&c.notes), &name))
        .map(|(i, _)| i as u32)
        .take(OUTCOME_COOPS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Precision;
    use crate::testing::{coop_at, directory_of};

    #[test]
    fn the_visitors_country_first_then_their_region_then_remote_ones() {
        let mut coops = vec![
            coop_at("paris", &[("Paris", "FR", 48.9, 2.4, Precision::City)]),
            coop_at("berlin", &[("Berlin", "DE", 52.5, 13.4, Precision::City)]),
            coop_at("remote", &[]),
            coop_at("lyon", &[("Lyon", "FR", 45.8, 4.8, Precision::City)]),
            coop_at("closed", &[("Lille", "FR", 50.6, 3.1, Precision::City)]),
            coop_at("quito", &[("Quito", "EC", -0.2, -78.5, Precision::City)]),
        ];
        for coop in &mut coops {
            coop.location.countries = coop
                .location
                .places
                .iter()
                .map(|p| p.country.clone())
                .collect();
        }
        coops[2].location.remote = true;
        coops[4].status = Status::Defunct;
        coops[5].region = "south-america".into();
        let directory = directory_of(coops);
        let index = Index::build(&directory);
        let ids = |filters: &Filters| -> (Vec<&str>, usize) {
            let (found, total) = matching_coops(&directory, &index, filters);
            (
                found
                    .iter()
                    .map(|i| directory.coops[*i as usize].id.as_str())
                    .collect(),
                total,
            )
        };
        let in_france = Filters {
            region: Some("europe".into()),
            country: Some("FR".into()),
            ..Filters::default()
        };
        assert_eq!(
            ids(&in_france),
            (vec!["lyon", "paris", "berlin", "remote"], 4)
        );
        let anywhere = Filters::default();
        assert_eq!(ids(&anywhere).1, 5, "every co-op still trading");
        let in_ecuador = Filters {
            region: Some("south-america".into()),
            country: Some("EC".into()),
            ..Filters::default()
        };
        assert_eq!(ids(&in_ecuador), (vec!["quito", "remote"], 2));
    }

    fn resource(name: &str, serves: &[Serves]) -> Entry {
        Entry {
            name: name.into(),
            serves: serves.to_vec(),
            ..Entry::default()
        }
    }

    #[test]
    fn readings_put_the_first_readers_resources_first() {
        let mut dir = directory_of(vec![]);
        dir.resources = vec![crate::model::Section {
            id: "guides".into(),
            title: "Guides".into(),
            group: None,
            entries: vec![
                resource("Running", &[Serves::Run]),
                resource("Starting", &[Serves::Start]),
                resource("Both", &[Serves::Run, Serves::Start]),
                resource("Supporting", &[Serves::Support]),
            ],
        }];
        dir.jobs = vec![resource("Jobs", &[Serves::Work])];
        let names = |reads: &[Serves]| {
            readings(&dir, reads)
                .iter()
                .map(|e| e.name.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(&[Serves::Start, Serves::Run]),
            vec!["Starting", "Both", "Running"]
        );
        assert_eq!(names(&[Serves::Work]), vec!["Jobs"]);
        assert_eq!(serving(&dir, Serves::Start), 2);
        assert!(names(&[]).is_empty());
        assert!(names(&[Serves::Convert]).is_empty());
    }

    #[test]
    fn network_members_are_those_the_list_says_belong() {
        let mut said = coop_at("said", &[]);
        said.notes = vec![crate::model::Span::text("Founded 2018. Member of FACTTIC.")];
        let mut part = coop_at("part", &[]);
        part.notes = vec![
            crate::model::Span::text("Part of "),
            crate::model::Span {
                href: Some("https://coops.tech".into()),
                ..crate::model::Span::text("CoTech")
            },
        ];
        let mut other = coop_at("other", &[]);
        other.notes = vec![crate::model::Span::text(
            "part of the Doc Servizi coop network; likes CoTech",
        )];
        let mut closed = said.clone();
        closed.id = "closed".into();
        closed.status = Status::Defunct;
        let mut dir = directory_of(vec![said, part, other, closed]);
        dir.networks = vec![
            Entry {
                name: "CoTech".into(),
                ..Entry::default()
            },
            Entry {
                name: "FACT[TIC]".into(),
                ..Entry::default()
            },
        ];
        assert_eq!(network_members(&dir, "FACTTIC"), [0]);
        assert_eq!(network_members(&dir, "fact[tic]"), [0]);
        assert_eq!(network_members(&dir, "CoTech"), [1]);
        for (notes, member) in [
            ("A member of the FACTTIC federation.", true),
            ("FACT TIC member since 2019", true),
            ("Not a member of FACTTIC.", false),
            ("No longer part of FACTTIC", false),
            ("member of FACTTICKLE", false),
            ("Proud CoTech member.", false),
        ] {
            assert_eq!(says_member(notes, "facttic"), member, "{notes:?}");
        }
        assert!(network_members(&dir, "Patio").is_empty());
        assert!(network_members(&dir, "").is_empty());
        assert_eq!(
            network(&dir, "Facttic").map(|n| n.name.as_str()),
            Some("FACT[TIC]")
        );
        assert!(network(&dir, "Patio").is_none());
    }
}
