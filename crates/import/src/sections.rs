//! The bulleted lists after the co-op tables: networks, meetups, resources, products, jobs and
//! other lists, found by the headings above them.
//!
//! A list belongs to the nearest heading above it that names a kind ("Networks of coops",
//! "Meetups", "Resources", "Software/Products created by tech coops", "Jobs and contracts",
//! "Other lists"). Under "Resources" each sub-heading is a [`Section`] ("Handbooks / Guides"),
//! with the heading between them as its group ("Information on tech coops and coops in
//! general"). Lists under other headings (the table of contents, "References to this list")
//! are not part of the dataset.
//!
//! An item's first link is the entry's name and URL; what follows (after " - ", ", " or ": ")
//! is its description, as rich text; nested bullets are its children. An item whose link comes
//! later ("Author (2020). Title. <https://…>") keeps its leading text as the name and the link
//! in the description, so nothing is lost.

use coops_core::text::{fold, slugify};
use coops_core::{Entry, Section, Span};

use crate::markdown::{Block, Item};
use crate::notes::{plain, tidy};
use crate::{Warnings, links};

/// The lists of the dataset besides the co-ops.
#[derive(Debug, Default)]
pub struct Sections {
    /// Networks of co-ops.
    pub networks: Vec<Entry>,
    /// Meetups.
    pub meetups: Vec<Entry>,
    /// Resource sections.
    pub resources: Vec<Section>,
    /// Software and products.
    pub products: Vec<Entry>,
    /// Jobs and contracts.
    pub jobs: Vec<Entry>,
    /// Other lists of co-ops.
    pub other_lists: Vec<Entry>,
}

/// What a heading says its lists are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Networks,
    Meetups,
    Resources,
    Products,
    Jobs,
    OtherLists,
    /// Lists that are not part of the dataset (contents, references, licence).
    Skip,
}

/// Folded words of a heading and the kind they mean, checked in order.
const KINDS: &[(&str, Kind)] = &[
    ("other list", Kind::OtherLists),
    ("network", Kind::Networks),
    ("meetup", Kind::Meetups),
    ("job", Kind::Jobs),
    ("product", Kind::Products),
    ("software", Kind::Products),
    ("resource", Kind::Resources),
    ("contents", Kind::Skip),
    ("reference", Kind::Skip),
    ("licen", Kind::Skip),
];

fn kind_of(heading: &str) -> Option<Kind> {
    let folded = fold(heading);
    KINDS
        .iter()
        .find(|(words, _)| folded.contains(words))
        .map(|(_, kind)| *kind)
}

/// Collects the lists of a document.
pub fn collect(blocks: &[Block], warnings: &mut Warnings) -> Sections {
    let mut sections = Sections::default();
    let mut headings: Vec<(u8, &str)> = Vec::new();
    for block in blocks {
        match block {
            Block::Heading { level, text, .. } => {
                while headings.last().is_some_and(|(l, _)| l >= level) {
                    headings.pop();
                }
                headings.push((*level, text));
            }
            Block::List(items) => add_list(&mut sections, &headings, items, warnings),
            _ => {}
        }
    }
    sections
}

fn add_list(
    sections: &mut Sections,
    headings: &[(u8, &str)],
    items: &[Item],
    warnings: &mut Warnings,
) {
    // The deepest heading that names a kind decides.
    let Some((at, kind)) = headings
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, (_, text))| kind_of(text).map(|k| (i, k)))
    else {
        return;
    };
    if kind == Kind::Skip {
        return;
    }
    let entries: Vec<Entry> = items
        .iter()
        .filter_map(|item| entry(item, warnings))
        .collect();
    let list = match kind {
        Kind::Networks => &mut sections.networks,
        Kind::Meetups => &mut sections.meetups,
        Kind::Products => &mut sections.products,
        Kind::Jobs => &mut sections.jobs,
        Kind::OtherLists => &mut sections.other_lists,
        Kind::Skip => return,
        Kind::Resources => {
            let deepest = headings.len().saturating_sub(1);
            let title = headings.get(deepest).map_or("", |(_, t)| *t).to_string();
            let group = (deepest > at + 1)
                .then(|| headings.get(deepest - 1).map(|(_, t)| t.to_string()))
                .flatten();
            return add_section(&mut sections.resources, title, group, entries);
        }
    };
    list.extend(entries);
}

/// Adds entries to the section with this title and group, or to a new one.
fn add_section(
    resources: &mut Vec<Section>,
    title: String,
    group: Option<String>,
    entries: Vec<Entry>,
) {
    if let Some(section) = resources
        .iter_mut()
        .find(|s| s.title == title && s.group == group)
    {
        section.entries.extend(entries);
        return;
    }
    let base = match slugify(&title) {
        slug if slug.is_empty() => "resources".to_string(),
        slug => slug,
    };
    let mut id = base.clone();
    let mut n = 2;
    while resources.iter().any(|s| s.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    resources.push(Section {
        id,
        title,
        group,
        entries,
    });
}

/// An entry from a list item; `None` for an empty item.
fn entry(item: &Item, warnings: &mut Warnings) -> Option<Entry> {
    let children: Vec<Entry> = item
        .children
        .iter()
        .filter_map(|child| entry(child, warnings))
        .collect();
    let spans = &item.spans;
    let (line, place) = (item.line, "a list item");
    let mut entry = match spans.first() {
        Some(Span {
            href: Some(href), ..
        }) => {
            let link_len = spans
                .iter()
                .take_while(|s| s.href.as_deref() == Some(href.as_str()))
                .count();
            let name = plain(spans.get(..link_len).unwrap_or_default());
            let rest = spans.get(link_len..).unwrap_or_default().to_vec();
            Entry {
                name,
                url: links::checked(href, line, place, warnings),
                description: without_separator(links::checked_spans(rest, line, place, warnings)),
                ..Entry::default()
            }
        }
        _ => match spans.iter().position(|s| s.href.is_some()) {
            Some(at) => Entry {
                name: plain(spans.get(..at).unwrap_or_default()),
                url: None,
                description: links::checked_spans(
                    spans.get(at..).unwrap_or_default().to_vec(),
                    line,
                    place,
                    warnings,
                ),
                ..Entry::default()
            },
            None => Entry {
                name: plain(spans),
                ..Entry::default()
            },
        },
    };
    entry.children = children;
    if entry.name.is_empty()
        && entry.url.is_none()
        && entry.description.is_empty()
        && entry.children.is_empty()
    {
        return None;
    }
    Some(entry)
}

/// The description without the separator between it and the link (" - x", ", 2009", ": x").
fn without_separator(mut spans: Vec<Span>) -> Vec<Span> {
    if let Some(first) = spans.first_mut() {
        let text = first.text.trim_start();
        let text = ["-", "–", "—", ",", ":"]
            .iter()
            .find_map(|sep| text.strip_prefix(sep))
            .unwrap_or(text);
        first.text = text.trim_start().to_string();
    }
    tidy(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse;

    fn collect_md(markdown: &str) -> (Sections, Warnings) {
        let mut w = Warnings::new("README.md");
        let s = collect(&parse(markdown), &mut w);
        (s, w)
    }

    #[test]
    fn entries_with_descriptions_and_children() {
        let (s, w) = collect_md(
            "## Networks of coops\n\n* [CoTech](https://www.coops.tech) - Network of *tech* coops.\n  * [Wiki](https://wiki.example)\n* [F\\[T\\]](http://f.example), 2009\n",
        );
        assert!(w.list.is_empty());
        assert_eq!(s.networks.len(), 2);
        let cotech = &s.networks[0];
        assert_eq!(
            (cotech.name.as_str(), cotech.url.as_deref()),
            ("CoTech", Some("https://www.coops.tech"))
        );
        assert_eq!(plain(&cotech.description), "Network of tech coops.");
        assert!(cotech.description.iter().any(|s| s.em));
        assert_eq!(cotech.children.len(), 1);
        assert_eq!(s.networks[1].name, "F[T]");
        assert_eq!(plain(&s.networks[1].description), "2009");
    }

    #[test]
    fn resource_sections_and_groups() {
        let (s, _) = collect_md(
            "## Resources\n\n### Info\n\n#### Handbooks / Guides\n\n* [A](https://a.example)\n\n#### Books\n\n* [B](https://b.example) by X\n\n### Tools\n\n* [C](https://c.example)\n\n## Jobs and contracts\n\n* [J](https://j.example)\n\n## References to this list\n\n* [R](https://r.example)\n",
        );
        let ids: Vec<&str> = s.resources.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["handbooks-guides", "books", "tools"]);
        assert_eq!(s.resources[0].group.as_deref(), Some("Info"));
        assert_eq!(s.resources[2].group, None);
        assert_eq!(plain(&s.resources[1].entries[0].description), "by X");
        assert_eq!(s.jobs.len(), 1);
    }

    #[test]
    fn a_late_link_stays_in_the_description_and_bad_links_warn() {
        let (s, w) = collect_md(
            "## Other lists\n\n* Someone (2020). A book. <https://book.example>\n* [Bad](https:/bad.example) - x\n",
        );
        assert_eq!(s.other_lists[0].name, "Someone (2020). A book.");
        assert_eq!(
            s.other_lists[0].description[0].href.as_deref(),
            Some("https://book.example")
        );
        assert_eq!(s.other_lists[1].name, "Bad");
        assert_eq!(s.other_lists[1].url, None);
        assert_eq!(w.list.len(), 1);
        assert_eq!(w.list[0].line, 4);
    }
}
