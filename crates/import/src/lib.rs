//! The importer: the tech co-ops list (markdown) in, the directory dataset out.
//!
//! [`import`] reads the list's README (and, optionally, its DEFUNCT list) and returns the
//! [`Directory`] the app loads, the warnings about anything it could not read as written, and
//! a few counts. The steps, one module each:
//!
//! 1. [`encoding`]: repair text that was once decoded as Windows-1252 ("CambÃ¡" → "Cambá");
//! 2. [`markdown`]: pulldown-cmark reads headings, GFM tables, lists and paragraphs;
//! 3. [`tables`] and [`regions`]: tables with a "Coop" column are the co-ops, the heading
//!    above each names its region;
//! 4. [`coops`], with [`location`] / [`countries`], [`taxonomy`], [`facts`] and [`links`]:
//!    each row becomes a co-op (countries, locality, flags, tags, founding year, size, safe
//!    links); duplicates are merged and ids assigned;
//! 5. [`sections`]: the lists below (networks, meetups, resources, products, jobs, other lists).
//!
//! Beside the list, two files people edit are laid over the result by the caller:
//! [`serves`] (who each resource serves, `data/serves.toml`) and [`translations`] (the areas'
//! and regions' words in other languages, `data/i18n/`).
//!
//! Nothing is lost quietly: every table row is in the dataset or in a warning with its line.
//! The output is deterministic (list order, no clock, no hashing order), so a change to the
//! list shows as a readable diff of the JSON ([`to_json`]).
//!
//! The crate also builds the map asset from Natural Earth shapes ([`map`]).

pub mod changes;
pub mod coops;
pub mod countries;
pub mod encoding;
pub mod facts;
pub mod gazetteer;
pub mod links;
pub mod location;
pub mod map;
pub mod markdown;
pub mod notes;
pub mod regions;
pub mod schemas;
pub mod sections;
pub mod serves;
pub mod tables;
pub mod taxonomy;
pub mod translations;

use std::fmt;

use coops_core::{Country, Directory, Precision, Region, SCHEMA_VERSION, Source, Status};
use sha2::{Digest, Sha256};

use crate::gazetteer::Gazetteer;
use crate::markdown::{Block, rows_under_header};
use crate::tables::{Column, RawCoop};

/// Where the list is maintained.
pub const REPOSITORY: &str = "https://github.com/hng/tech-coops";
/// The list's licence (SPDX).
pub const LICENCE: &str = "CC0-1.0";

/// Something in the input that was not imported exactly as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// File name of the list.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// What was wrong and what was done about it.
    pub reason: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

/// Warnings of one file, collected as it is read.
#[derive(Debug, Clone)]
pub struct Warnings {
    file: String,
    /// The warnings so far.
    pub list: Vec<Warning>,
}

impl Warnings {
    /// No warnings yet, for `file`.
    pub fn new(file: &str) -> Self {
        Warnings {
            file: file.to_string(),
            list: Vec::new(),
        }
    }

    /// Adds a warning about `line`.
    pub fn add(&mut self, line: u32, reason: impl Into<String>) {
        self.list.push(Warning {
            file: self.file.clone(),
            line,
            reason: reason.into(),
        });
    }

    /// Adds a warning about `line` of another file.
    pub fn add_in(&mut self, file: &str, line: u32, reason: impl Into<String>) {
        self.list.push(Warning {
            file: file.to_string(),
            line,
            reason: reason.into(),
        });
    }
}

/// Counts for the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Rows of the list's co-op tables.
    pub rows_read: u32,
    /// Rows of the defunct list's co-op tables.
    pub defunct_rows_read: u32,
    /// Co-ops in the dataset.
    pub coops_written: u32,
    /// Rows merged into an earlier row of the same co-op.
    pub merged: u32,
    /// Co-ops with at least one country.
    pub with_country: u32,
    /// Co-ops with no country that are remote, distributed or worldwide.
    pub remote_without_country: u32,
    /// Co-ops whose place names a city or locality (not only countries, regions or flags).
    pub with_locality: u32,
    /// Of those, the co-ops placed at a city's coordinates.
    pub with_city_place: u32,
    /// Co-ops with a place of any precision.
    pub placed: u32,
    /// Co-ops with at least one tag.
    pub with_tag: u32,
    /// Files whose encoding was repaired.
    pub repaired: Vec<String>,
    /// Entries (children included) of networks, meetups, products, jobs and other lists.
    pub entries: u32,
    /// Entries (children included) of the resource sections.
    pub resource_entries: u32,
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Import {
    /// The dataset.
    pub directory: Directory,
    /// Everything not imported exactly as written, in file and line order.
    pub warnings: Vec<Warning>,
    /// Counts for the summary.
    pub stats: Stats,
}

/// Why there is no dataset at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is not a list of co-ops.
    NotAList {
        /// Its name.
        file: String,
        /// What is missing.
        reason: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotAList { file, reason } => {
                write!(f, "{file} is not a list of tech co-ops: {reason}")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Imports the list `readme` (named `file_name`) and, optionally, the defunct list
/// `(text, file name)`, whose co-ops get the status "defunct". Places are looked up in
/// `gazetteer`.
pub fn import(
    readme: &str,
    file_name: &str,
    defunct: Option<(&str, &str)>,
    gazetteer: &Gazetteer,
) -> Result<Import, ImportError> {
    let file_name = base_name(file_name);
    let main = read_list(readme, &file_name, Status::Active, gazetteer)?;
    let defunct = defunct
        .map(|(text, name)| {
            read_list(text, &base_name(name), Status::Defunct, gazetteer)
                .map(|list| (list, text, base_name(name)))
        })
        .transpose()?;

    let mut stats = Stats {
        rows_read: main.rows_read,
        ..Stats::default()
    };
    if main.repaired {
        stats.repaired.push(file_name.clone());
    }
    let mut warnings = main.warnings;
    let mut regions = main.regions;
    let mut coops: Vec<(coops_core::Coop, String)> = main
        .coops
        .into_iter()
        .map(|c| (c, file_name.clone()))
        .collect();
    let mut defunct_source = None;
    if let Some((list, text, name)) = defunct {
        stats.defunct_rows_read = list.rows_read;
        if list.repaired {
            stats.repaired.push(name.clone());
        }
        warnings.list.extend(list.warnings.list);
        for region in list.regions {
            if !regions.iter().any(|r| r.id == region.id) {
                regions.push(region);
            }
        }
        coops.extend(list.coops.into_iter().map(|c| (c, name.clone())));
        defunct_source = Some((name, sha256_hex(text)));
    }

    let (mut coops, merged) = coops::merge_duplicates(coops, &mut warnings);
    coops::assign_ids(&mut coops);
    let sections = sections::collect(&main.blocks, &mut warnings);
    stats.merged = merged;
    stats.count_coops(&coops);
    stats.count_entries(&sections);

    let mut all_warnings = warnings.list;
    // Main list first, then the defunct list; by line within each (stable, so ties keep order).
    all_warnings.sort_by_key(|w| (w.file != file_name, w.line));

    let (defunct_file, defunct_sha256) = defunct_source.unzip();
    let directory = Directory {
        schema: SCHEMA_VERSION.to_string(),
        source: Source {
            file: file_name,
            sha256: sha256_hex(readme),
            rows_read: stats.rows_read,
            defunct_file,
            defunct_sha256,
            repository: REPOSITORY.to_string(),
            licence: LICENCE.to_string(),
        },
        regions,
        tags: taxonomy::tags(),
        countries: countries_of(&coops),
        coops,
        networks: sections.networks,
        meetups: sections.meetups,
        resources: sections.resources,
        products: sections.products,
        jobs: sections.jobs,
        other_lists: sections.other_lists,
    };
    Ok(Import {
        directory,
        warnings: all_warnings,
        stats,
    })
}

impl Stats {
    /// The counts of the co-ops written: with a country, remote without one, naming a
    /// locality, placed at a city, placed at all, tagged.
    fn count_coops(&mut self, coops: &[coops_core::Coop]) {
        let counted = |keep: &dyn Fn(&coops_core::Coop) -> bool| {
            count(coops.iter().filter(|c| keep(c)).count())
        };
        self.coops_written = count(coops.len());
        self.with_country = counted(&|c| !c.location.countries.is_empty());
        self.remote_without_country =
            counted(&|c| c.location.countries.is_empty() && c.location.is_remote_friendly());
        self.with_tag = counted(&|c| !c.tags.is_empty());
        self.with_locality = counted(&|c| c.location.locality.is_some());
        self.with_city_place = counted(&|c| {
            c.location.locality.is_some()
                && c.location
                    .places
                    .iter()
                    .any(|p| p.precision == Precision::City)
        });
        self.placed = counted(&|c| !c.location.places.is_empty());
    }

    /// The entries of the lists below the co-ops, and of the resource sections.
    fn count_entries(&mut self, sections: &sections::Sections) {
        self.entries = [
            &sections.networks,
            &sections.meetups,
            &sections.products,
            &sections.jobs,
            &sections.other_lists,
        ]
        .iter()
        .map(|list| count_entries(list))
        .sum();
        self.resource_entries = sections
            .resources
            .iter()
            .map(|s| count_entries(&s.entries))
            .sum();
    }
}

/// The countries `coops` are in, by code, each with its names.
fn countries_of(coops: &[coops_core::Coop]) -> Vec<Country> {
    let mut codes: Vec<&str> = coops
        .iter()
        .flat_map(|c| c.location.countries.iter().map(String::as_str))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
        .into_iter()
        .map(|code| Country {
            code: code.to_string(),
            name: countries::name(code).unwrap_or_else(|| code.to_string()),
            names: countries::names(code),
        })
        .collect()
}

/// The dataset as written to `directory.json`: pretty-printed, with a final newline.
pub fn to_json(directory: &Directory) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string_pretty(directory)?;
    json.push('\n');
    Ok(json)
}

/// One list file, read.
struct List {
    blocks: Vec<Block>,
    regions: Vec<Region>,
    coops: Vec<coops_core::Coop>,
    rows_read: u32,
    warnings: Warnings,
    repaired: bool,
}

/// A co-op table whose rows may go on after a blank line.
struct OpenTable {
    head_src: String,
    header: Vec<String>,
    columns: Vec<Column>,
    region: String,
}

/// Reads the co-op tables of one list file.
fn read_list(
    text: &str,
    file_name: &str,
    status: Status,
    gazetteer: &Gazetteer,
) -> Result<List, ImportError> {
    let mut warnings = Warnings::new(file_name);
    let repaired_text = encoding::repair_mojibake(text);
    let repaired = repaired_text.is_some();
    let text = repaired_text.as_deref().unwrap_or(text);
    // A byte-order mark is not text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let blocks = markdown::parse(text);

    let mut regions: Vec<Region> = Vec::new();
    let mut raws: Vec<RawCoop> = Vec::new();
    let mut rows_read = 0u32;
    let mut tables = 0;
    let mut heading = String::new();
    let mut open: Option<OpenTable> = None;
    for block in &blocks {
        match block {
            Block::Heading { text, .. } => {
                heading = text.clone();
                open = None;
            }
            Block::Table(table) => {
                open = None;
                let Some(columns) = tables::columns(&table.header) else {
                    if !table.rows.is_empty() {
                        warnings.add(
                            table.line,
                            format!(
                                "this table has no “Coop” column (header: {}), so its {} rows were not read as co-ops",
                                table.header.join(" | "),
                                table.rows.len()
                            ),
                        );
                    }
                    continue;
                };
                tables += 1;
                let region = regions::region_for_heading(&heading);
                if !regions.iter().any(|r| r.id == region.id) {
                    regions.push(region.clone());
                }
                for row in &table.rows {
                    rows_read += 1;
                    raws.extend(tables::read_row(
                        row,
                        &table.header,
                        &columns,
                        &region.id,
                        &mut warnings,
                    ));
                }
                open = Some(OpenTable {
                    head_src: table.head_src.clone(),
                    header: table.header.clone(),
                    columns,
                    region: region.id,
                });
            }
            Block::Paragraph { line, src } => {
                let Some(table) = &open else { continue };
                if !src.lines().all(|l| l.contains('|')) {
                    open = None;
                    continue;
                }
                let rows = rows_under_header(&table.head_src, src, *line);
                if rows.is_empty() {
                    warnings.add(*line, "this text below a co-op table has “|” but does not read as table rows, so it was not imported");
                }
                for row in rows {
                    rows_read += 1;
                    warnings.add(row.line, "a blank line cuts this row off from the table above; read it as a row of that table");
                    raws.extend(tables::read_row(
                        &row,
                        &table.header,
                        &table.columns,
                        &table.region,
                        &mut warnings,
                    ));
                }
            }
            Block::List(_) => open = None,
        }
    }
    if tables == 0 {
        return Err(ImportError::NotAList {
            file: file_name.to_string(),
            reason:
                "it has no table of co-ops (a table with a “Coop” column, under a region heading)"
                    .to_string(),
        });
    }
    let coops = raws
        .into_iter()
        .map(|raw| coops::build(raw, status, gazetteer, &mut warnings))
        .collect();
    Ok(List {
        blocks,
        regions,
        coops,
        rows_read,
        warnings,
        repaired,
    })
}

/// The file name without its directories: the dataset must not record where it was built.
fn base_name(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    if name.is_empty() {
        path.to_string()
    } else {
        name.to_string()
    }
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn count_entries(entries: &[coops_core::Entry]) -> u32 {
    entries.iter().map(|e| 1 + count_entries(&e.children)).sum()
}
