//! Loading a dataset the app did not write itself: check the schema, then read each entry on
//! its own so one bad entry costs only itself.
//!
//! A volunteer's typo must never blank the directory. The whole file fails only when it is not
//! a dataset at all (not JSON, cut short, HTML from a misconfigured host, a newer major schema);
//! otherwise every entry that reads and validates is kept, and the others are listed in
//! [`Loaded::skipped`] with the reason, for the app's notice.

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::model::*;
use crate::text::is_slug;
use crate::url::safe_href;

/// Why a dataset could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetError {
    /// An HTML page came back where JSON was expected (often a host's 404 page or SPA fallback).
    Html,
    /// The JSON stops before its end (an interrupted download).
    Truncated,
    /// Not valid JSON; the parser's message says where.
    NotJson(String),
    /// Valid JSON, but not shaped like a dataset.
    NotADataset(String),
    /// A schema this version of the app does not know.
    UnsupportedSchema {
        /// The schema the file declares.
        found: String,
    },
}

/// In the page's language (`crate::i18n::words`): the app shows it in its error view.
impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = crate::i18n::words();
        f.write_str(&match self {
            DatasetError::Html => words.text("dataset-html").to_string(),
            DatasetError::Truncated => words.text("dataset-truncated").to_string(),
            DatasetError::NotJson(detail) => {
                words.format("dataset-not-json", &[("detail", detail)])
            }
            DatasetError::NotADataset(detail) => {
                words.format("dataset-not-a-dataset", &[("detail", detail)])
            }
            DatasetError::UnsupportedSchema { found } => words.format(
                "dataset-schema",
                &[("found", found), ("major", &SCHEMA_MAJOR.to_string())],
            ),
        })
    }
}

impl std::error::Error for DatasetError {}

/// An entry left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Which list it was in ("co-op", "network", ...).
    pub kind: &'static str,
    /// Its name or id when readable, else its position ("co-op #12").
    pub label: String,
    /// What was wrong.
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.label, self.reason)
    }
}

/// A dataset read entry by entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Everything that read and validated.
    pub directory: Directory,
    /// Everything that did not.
    pub skipped: Vec<Skipped>,
}

/// The file as raw entries: each list is kept unparsed so every entry can fail alone.
#[derive(Deserialize)]
struct RawDirectory<'a> {
    schema: Option<serde_json::Value>,
    #[serde(default)]
    source: Source,
    #[serde(borrow, default)]
    regions: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    tags: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    countries: Vec<&'a RawValue>,
    #[serde(borrow)]
    coops: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    networks: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    meetups: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    resources: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    products: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    jobs: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    other_lists: Vec<&'a RawValue>,
}

/// A data file's bytes as text, as a browser's `Response.text()` decodes them: UTF-8, with
/// any invalid sequence replaced by U+FFFD. The browsers hand the file over as bytes rather
/// than as a JavaScript string, whose copy into the wasm reserves three bytes per character
/// as soon as one is not ASCII (105 MB for a 35 MB dataset).
pub fn decode_text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Reads a dataset, keeping every entry that is valid on its own.
pub fn load_directory(text: &str) -> Result<Loaded, DatasetError> {
    // A dataset every entry of which reads (the importer's, nearly always) is read in one
    // pass, entries typed at once; only when one does not is the file read again entry by
    // entry, so that one bad entry costs only itself. One pass instead of two takes a third off
    // loading 100,000 co-ops.
    let (directory, skipped) = match serde_json::from_str::<Directory>(text) {
        Ok(mut whole) => {
            whole.schema = check_version(whole.schema)?;
            (whole, Vec::new())
        }
        Err(_) => {
            let raw = parse_document::<RawDirectory>(text)?;
            let schema = check_schema(raw.schema.as_ref())?;
            let mut skipped = Vec::new();
            (each_on_its_own(raw, schema, &mut skipped), skipped)
        }
    };
    Ok(validated(directory, skipped))
}

/// The directory of the entries of `raw` that read, each read on its own; those that do not
/// go to `skipped`.
fn each_on_its_own(raw: RawDirectory, schema: String, skipped: &mut Vec<Skipped>) -> Directory {
    Directory {
        schema,
        source: raw.source,
        regions: parse_each(&raw.regions, "region", skipped),
        tags: parse_each(&raw.tags, "tag", skipped),
        countries: parse_each(&raw.countries, "country", skipped),
        coops: parse_each(&raw.coops, "co-op", skipped),
        networks: parse_each(&raw.networks, "network", skipped),
        meetups: parse_each(&raw.meetups, "meetup", skipped),
        resources: parse_each(&raw.resources, "resource section", skipped),
        products: parse_each(&raw.products, "product", skipped),
        jobs: parse_each(&raw.jobs, "job board", skipped),
        other_lists: parse_each(&raw.other_lists, "list", skipped),
    }
}

/// `directory` without the co-ops that fail [`validate_coop`] (added to `skipped`) and with
/// unsafe links dropped.
fn validated(mut directory: Directory, mut skipped: Vec<Skipped>) -> Loaded {
    let region_ids: HashSet<&str> = directory.regions.iter().map(|r| r.id.as_str()).collect();
    let mut seen = HashSet::new();
    directory.coops = std::mem::take(&mut directory.coops)
        .into_iter()
        .filter_map(|coop| match validate_coop(coop, &region_ids, &mut seen) {
            Ok(coop) => Some(coop),
            Err(skip) => {
                skipped.push(skip);
                None
            }
        })
        .collect();
    drop(region_ids);
    sanitize_links(&mut directory);
    Loaded { directory, skipped }
}

/// Parses a whole document, telling HTML, truncation, bad syntax and a wrong shape apart.
pub fn parse_document<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, DatasetError> {
    let start = text.trim_start();
    if start.starts_with('<') {
        return Err(DatasetError::Html);
    }
    serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => DatasetError::Truncated,
        serde_json::error::Category::Data => DatasetError::NotADataset(e.to_string()),
        _ => DatasetError::NotJson(e.to_string()),
    })
}

/// Accepts any `major.minor` whose major this code reads.
fn check_schema(schema: Option<&serde_json::Value>) -> Result<String, DatasetError> {
    let Some(schema) = schema else {
        return Err(DatasetError::NotADataset("no \"schema\" field".into()));
    };
    check_version(match schema {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

/// [`check_schema`] of a schema written as a string.
fn check_version(text: String) -> Result<String, DatasetError> {
    let major = text
        .split('.')
        .next()
        .and_then(|m| m.trim().parse::<u32>().ok())
        .ok_or_else(|| DatasetError::NotADataset(format!("schema {text:?} is not a version")))?;
    if major != SCHEMA_MAJOR {
        return Err(DatasetError::UnsupportedSchema { found: text });
    }
    Ok(text)
}

/// Parses each raw entry on its own; failures go to `skipped`.
fn parse_each<T: DeserializeOwned>(
    raws: &[&RawValue],
    kind: &'static str,
    skipped: &mut Vec<Skipped>,
) -> Vec<T> {
    raws.iter()
        .enumerate()
        .filter_map(|(i, raw)| match serde_json::from_str::<T>(raw.get()) {
            Ok(value) => Some(value),
            Err(e) => {
                skipped.push(Skipped {
                    kind,
                    label: label_of(raw.get()).unwrap_or_else(|| format!("{kind} #{}", i + 1)),
                    reason: e.to_string(),
                });
                None
            }
        })
        .collect()
}

/// The name (or id) of an entry that failed to parse, if it has a readable one.
fn label_of(raw: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Named {
        name: Option<String>,
        id: Option<String>,
        title: Option<String>,
    }
    let named: Named = serde_json::from_str(raw).ok()?;
    named
        .name
        .or(named.title)
        .or(named.id)
        .filter(|s| !s.trim().is_empty())
}

/// Checks what serde cannot: a usable id and name, a known region, no duplicate id.
fn validate_coop(
    coop: Coop,
    regions: &HashSet<&str>,
    seen: &mut HashSet<String>,
) -> Result<Coop, Skipped> {
    let skip = |reason: String| Skipped {
        kind: "co-op",
        label: if coop.name.trim().is_empty() {
            coop.id.clone()
        } else {
            coop.name.clone()
        },
        reason,
    };
    if coop.name.trim().is_empty() {
        return Err(skip("it has no name".into()));
    }
    if !is_slug(&coop.id) {
        return Err(skip(format!(
            "its id {:?} is not a lower-case slug",
            coop.id
        )));
    }
    if !regions.contains(coop.region.as_str()) {
        return Err(skip(format!(
            "its region {:?} is not one of the dataset's regions",
            coop.region
        )));
    }
    if !seen.insert(coop.id.clone()) {
        return Err(skip(format!(
            "another co-op already has the id {:?}",
            coop.id
        )));
    }
    Ok(coop)
}

/// Drops every link that is not http, https or mailto, keeping its text.
fn sanitize_links(directory: &mut Directory) {
    fn url(u: &mut Option<String>) {
        if u.as_deref().is_some_and(|s| safe_href(s).is_none()) {
            *u = None;
        }
    }
    fn spans(spans: &mut [Span]) {
        spans.iter_mut().for_each(|s| url(&mut s.href));
    }
    fn entries(list: &mut [Entry]) {
        for e in list {
            url(&mut e.url);
            spans(&mut e.description);
            entries(&mut e.children);
        }
    }
    for coop in &mut directory.coops {
        url(&mut coop.url);
        spans(&mut coop.notes);
    }
    for list in [
        &mut directory.networks,
        &mut directory.meetups,
        &mut directory.products,
        &mut directory.jobs,
        &mut directory.other_lists,
    ] {
        entries(list);
    }
    for section in &mut directory.resources {
        entries(&mut section.entries);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(coops: &str) -> String {
        format!(
            r#"{{"schema":"1.0","source":{{"file":"README.md","sha256":"x","rows_read":1,"repository":"r","licence":"CC0-1.0"}},
            "regions":[{{"id":"europe","name":"Europe"}}],"tags":[],"coops":[{coops}]}}"#
        )
    }

    #[test]
    fn one_pass_and_entry_by_entry_read_a_valid_dataset_alike() {
        let text = include_str!("../../../public/data/directory.json");
        let one_pass = load_directory(text).unwrap();
        let raw = parse_document::<RawDirectory>(text).unwrap();
        let schema = check_schema(raw.schema.as_ref()).unwrap();
        let mut skipped = Vec::new();
        let each = each_on_its_own(raw, schema, &mut skipped);
        assert_eq!(one_pass, validated(each, skipped));
        assert!(one_pass.skipped.is_empty());
        assert!(one_pass.directory.coops.len() > 100);
    }

    #[test]
    fn bytes_decode_as_a_browser_decodes_them() {
        assert_eq!(decode_text("Cambá".as_bytes().to_vec()), "Cambá");
        assert_eq!(
            decode_text(b"Camb\xe1 \xff".to_vec()),
            "Camb\u{fffd} \u{fffd}"
        );
    }

    #[test]
    fn reads_a_good_dataset() {
        let loaded =
            load_directory(&dataset(r#"{"id":"a","name":"A","region":"europe"}"#)).unwrap();
        assert_eq!(loaded.directory.coops.len(), 1);
        assert!(loaded.skipped.is_empty());
    }

    #[test]
    fn skips_bad_entries_and_keeps_the_rest() {
        let text = dataset(
            r#"{"id":"a","name":"A","region":"europe"},
               {"id":"b","name":42,"region":"europe"},
               {"id":"c","name":"C","region":"atlantis"},
               {"id":"a","name":"A again","region":"europe"},
               {"id":"Bad Id","name":"D","region":"europe"},
               {"id":"e","name":"","region":"europe"},
               "not an object""#,
        );
        let loaded = load_directory(&text).unwrap();
        let ids: Vec<_> = loaded
            .directory
            .coops
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, ["a"]);
        assert_eq!(loaded.skipped.len(), 6, "{:#?}", loaded.skipped);
        assert!(
            loaded
                .skipped
                .iter()
                .any(|s| s.label == "A again" && s.reason.contains("already"))
        );
        assert!(
            loaded
                .skipped
                .iter()
                .any(|s| s.label == "C" && s.reason.contains("atlantis"))
        );
    }

    #[test]
    fn tells_what_went_wrong_with_the_file() {
        assert_eq!(
            load_directory("<!doctype html><p>Not found"),
            Err(DatasetError::Html)
        );
        let good = dataset("");
        assert_eq!(
            load_directory(&good[..good.len() / 2]),
            Err(DatasetError::Truncated)
        );
        assert!(matches!(
            load_directory("{\"schema\": 1.0,,}"),
            Err(DatasetError::NotJson(_))
        ));
        assert!(matches!(
            load_directory("[1, 2]"),
            Err(DatasetError::NotADataset(_))
        ));
        assert!(matches!(
            load_directory("{\"coops\": []}"),
            Err(DatasetError::NotADataset(_))
        ));
        let newer = good.replace("\"1.0\"", "\"2.0\"");
        assert_eq!(
            load_directory(&newer),
            Err(DatasetError::UnsupportedSchema {
                found: "2.0".into()
            })
        );
        assert!(
            load_directory(&good.replace("\"1.0\"", "\"1.7\"")).is_ok(),
            "minor versions are compatible"
        );
    }

    #[test]
    fn drops_unsafe_links_but_keeps_the_text() {
        let text = dataset(
            r#"{"id":"a","name":"A","region":"europe","url":"javascript:alert(1)",
                "notes":[{"text":"click","href":"data:text/html,x"},{"text":"ok","href":"https://ok.example"}]}"#,
        );
        let coop = &load_directory(&text).unwrap().directory.coops[0];
        assert_eq!(coop.url, None);
        assert_eq!(coop.notes[0].href, None);
        assert_eq!(coop.notes[0].text, "click");
        assert_eq!(coop.notes[1].href.as_deref(), Some("https://ok.example"));
    }
}
