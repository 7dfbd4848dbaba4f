//! Co-ops: a table row's cells become a [`Coop`] with everything the dataset derives from them
//! (link, location, tags, founding year, size); then duplicates are merged and ids given.
//!
//! Nothing is dropped quietly. A row with the same name as an earlier one is merged into it (the
//! union of what both say) with a warning; one that shares only its website with another is
//! kept, with a warning, since two names may be two co-ops. Ids are slugs of the name, made
//! unique in list order by the region and then a number.

use std::collections::{HashMap, HashSet};

use coops_core::text::{fold, slugify};
use coops_core::{Coop, Location, Span, Status};

use crate::gazetteer::Gazetteer;
use crate::notes::{join, plain};
use crate::regions::WORLDWIDE;
use crate::tables::RawCoop;
use crate::{Warnings, facts, links, location, taxonomy};

/// Phrases in the notes that make a co-op distributed.
const DISTRIBUTED_NOTES: &[&str] = &[
    "distributed company",
    "distributed team",
    "fully distributed",
];

/// Builds a co-op from a row (its `id` is given later by [`assign_ids`]).
pub fn build(raw: RawCoop, status: Status, gazetteer: &Gazetteer, warnings: &mut Warnings) -> Coop {
    let line = raw.line;
    let name = plain(&raw.name);
    let url = name_link(&raw.name, line, warnings);
    links::warn_dropped(&raw.areas, line, "Business Areas", warnings);
    let business_areas = plain(&raw.areas);
    let notes = links::checked_spans(raw.notes, line, "Notes", warnings);

    let mut location = match &raw.location {
        Some(cell) => {
            links::warn_dropped(cell, line, "Region/Country", warnings);
            let parsed = location::parse(&plain(cell), &raw.region, gazetteer);
            for reason in parsed.unplaced {
                warnings.add(line, reason);
            }
            parsed.location
        }
        None => Location::default(),
    };
    if raw.region == WORLDWIDE {
        location.worldwide = true;
    }
    let folded_notes = fold(&plain(&notes));
    if DISTRIBUTED_NOTES.iter().any(|p| folded_notes.contains(p)) {
        location.distributed = true;
    }
    if location.countries.is_empty() && !location.is_remote_friendly() {
        let reason = if location.text.is_empty() {
            "no Region/Country given, and nothing says the co-op is remote or worldwide".to_string()
        } else {
            format!(
                "no country found in the Region/Country “{}”, and nothing says the co-op is remote or worldwide",
                location.text
            )
        };
        warnings.add(line, reason);
    }

    let mut coop = Coop {
        id: String::new(),
        name,
        url,
        status,
        region: raw.region,
        business_areas,
        tags: Vec::new(),
        location,
        notes,
        founded: facts::founded(&folded_notes),
        size: facts::size(&folded_notes),
        source_line: line,
    };
    derive_tags(&mut coop);
    coop
}

/// Tags from the business areas (and, for some tags, the notes).
fn derive_tags(coop: &mut Coop) {
    coop.tags = taxonomy::tags_for(&fold(&coop.business_areas), &fold(&plain(&coop.notes)));
}

/// The co-op's website: the first link of the name cell, when it is safe.
fn name_link(cell: &[Span], line: u32, warnings: &mut Warnings) -> Option<String> {
    let mut hrefs = cell.iter().filter_map(|s| s.href.as_deref());
    let first = hrefs.next()?;
    let extra: Vec<&str> = hrefs.filter(|h| *h != first).collect();
    if !extra.is_empty() {
        warnings.add(
            line,
            format!(
                "the Coop cell has more than one link; kept {first}, not {}",
                extra.join(", ")
            ),
        );
    }
    links::checked(first, line, "the Coop cell", warnings)
}

/// A website, for telling duplicates apart: no scheme, no "www.", no trailing slash, lower case.
fn site_key(url: &str) -> String {
    let lower = url.trim().to_lowercase();
    let rest = lower
        .split_once("://")
        .map_or(lower.as_str(), |(_, rest)| rest);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.trim_end_matches('/').to_string()
}

/// A name, for telling duplicates apart.
fn name_key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Merges rows that name the same co-op; warns about rows that share a website. Returns the
/// co-ops in list order and how many rows were merged into an earlier one.
/// Each co-op comes with the name of the file it was read from.
pub fn merge_duplicates(coops: Vec<(Coop, String)>, warnings: &mut Warnings) -> (Vec<Coop>, u32) {
    let mut out: Vec<Coop> = Vec::with_capacity(coops.len());
    let mut files: Vec<String> = Vec::with_capacity(coops.len());
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut by_site: HashMap<String, usize> = HashMap::new();
    let mut merged = 0;
    for (coop, file) in coops {
        let place = |i: usize, out: &[Coop], files: &[String]| {
            if files[i] == file {
                format!("line {}", out[i].source_line)
            } else {
                format!("{} line {}", files[i], out[i].source_line)
            }
        };
        if let Some(&i) = by_name.get(&name_key(&coop.name)) {
            let where_first = place(i, &out, &files);
            let first = &mut out[i];
            warnings.add_in(
                &file,
                coop.source_line,
                format!(
                    "“{}” is listed already ({}{}): merged this row into it",
                    coop.name,
                    where_first,
                    if first.status == coop.status {
                        String::new()
                    } else {
                        ", once as active and once as defunct".to_string()
                    },
                ),
            );
            merge_into(first, coop);
            merged += 1;
            continue;
        }
        if let Some(site) = coop.url.as_deref().map(site_key) {
            if let Some(&i) = by_site.get(&site) {
                warnings.add_in(
                    &file,
                    coop.source_line,
                    format!(
                        "“{}” has the same website as “{}” ({}): kept both, check whether they are one co-op",
                        coop.name,
                        out[i].name,
                        place(i, &out, &files)
                    ),
                );
            } else {
                by_site.insert(site, out.len());
            }
        }
        by_name.insert(name_key(&coop.name), out.len());
        out.push(coop);
        files.push(file);
    }
    (out, merged)
}

/// Everything both rows say, the first row's wording first.
fn merge_into(first: &mut Coop, other: Coop) {
    if first.url.is_none() {
        first.url = other.url;
    }
    if other.status == Status::Active {
        // Listed in the main list: it still trades, whatever an older list says.
        first.status = Status::Active;
    }
    first.business_areas = join_text(&first.business_areas, &other.business_areas, "; ");
    let (a, b) = (&mut first.location, other.location);
    a.text = join_text(&a.text, &b.text, " / ");
    for code in b.countries {
        if !a.countries.contains(&code) {
            a.countries.push(code);
        }
    }
    a.locality = match (a.locality.take(), b.locality) {
        (Some(x), Some(y)) => Some(join_text(&x, &y, ", ")),
        (x, y) => x.or(y),
    };
    a.remote |= b.remote;
    a.distributed |= b.distributed;
    a.worldwide |= b.worldwide;
    if name_key(&plain(&first.notes)) != name_key(&plain(&other.notes)) {
        first.notes = join([std::mem::take(&mut first.notes), other.notes], " | ");
    }
    first.founded = first.founded.or(other.founded);
    first.size = first.size.take().or(other.size);
    derive_tags(first);
}

/// `a` and `b` joined, or just one of them when the other is empty or says the same.
fn join_text(a: &str, b: &str, separator: &str) -> String {
    if b.trim().is_empty() || name_key(a) == name_key(b) {
        a.to_string()
    } else if a.trim().is_empty() {
        b.to_string()
    } else {
        format!("{a}{separator}{b}")
    }
}

/// Gives each co-op a unique slug id: the name's slug, then with the region, then numbered.
pub fn assign_ids(coops: &mut [Coop]) {
    let mut used: HashSet<String> = HashSet::new();
    for coop in coops.iter_mut() {
        let base = match slugify(&coop.name) {
            slug if slug.is_empty() => "coop".to_string(),
            slug => slug,
        };
        let with_region = format!("{base}-{}", coop.region);
        let mut id = if !used.contains(&base) {
            base
        } else {
            with_region.clone()
        };
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{with_region}-{n}");
            n += 1;
        }
        used.insert(id.clone());
        coop.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coop(name: &str, url: Option<&str>, region: &str, line: u32) -> Coop {
        Coop {
            id: String::new(),
            name: name.into(),
            url: url.map(str::to_string),
            status: Status::Active,
            region: region.into(),
            business_areas: String::new(),
            tags: vec![],
            location: Location::default(),
            notes: vec![],
            founded: None,
            size: None,
            source_line: line,
        }
    }

    #[test]
    fn ids_are_unique_and_stable() {
        let mut coops = vec![
            coop("Web|Alternatif", None, "europe", 1),
            coop("Web Alternatif", None, "europe", 2),
            coop("Web-Alternatif", None, "europe", 3),
            coop("Web Alternatif!", None, "asia", 4),
            coop("協同組合", None, "asia", 5),
        ];
        assign_ids(&mut coops);
        let ids: Vec<&str> = coops.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "web-alternatif",
                "web-alternatif-europe",
                "web-alternatif-europe-2",
                "web-alternatif-asia",
                "coop"
            ]
        );
    }

    #[test]
    fn same_name_merges_same_site_flags() {
        let mut w = Warnings::new("README.md");
        let mut b = coop("Agaric", None, "europe", 9);
        b.location.countries = vec!["DE".into()];
        let mut a = coop("Agaric", Some("http://agaric.coop/"), "north-america", 3);
        a.location.countries = vec!["US".into()];
        let c = coop(
            "Agaric Design",
            Some("https://www.agaric.coop"),
            "europe",
            12,
        );
        let rows = [a, b, c].map(|c| (c, "README.md".to_string())).to_vec();
        let (out, merged) = merge_duplicates(rows, &mut w);
        assert_eq!(merged, 1);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].location.countries, ["US", "DE"]);
        assert_eq!(w.list.len(), 2);
        assert_eq!(w.list[0].line, 9);
        assert!(w.list[1].reason.contains("same website"));
    }
}
