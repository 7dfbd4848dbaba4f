//! Who each resource of the list serves (issue 22), from `data/serves.toml`: a small file
//! beside the list, edited by people, since the list itself does not say. It names each
//! resource by its link and gives its readers:
//!
//! ```toml
//! "https://loomio.coop" = ["start", "run"]
//! ```
//!
//! The readers are [`Serves`]' ids; a reader the app does not know is an error that names
//! the line. A resource the file does not name keeps no readers and is reported, and so is a
//! link the file names that the list no longer has: the list's maintainers keep editing it.
//! A nested link takes its parent's readers unless the file names it too.

use std::collections::BTreeMap;

use coops_core::{Directory, Entry, Serves};

/// The file, as read: each resource's link and its readers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServesFile(BTreeMap<String, Vec<Serves>>);

/// What [`apply`] could not match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Resources of the list the file gives no reader (their names).
    pub untagged: Vec<String>,
    /// Links in the file that no resource of the list has.
    pub unused: Vec<String>,
}

impl ServesFile {
    /// Reads the file; `name` is how a message refers to it.
    pub fn parse(text: &str, name: &str) -> Result<ServesFile, String> {
        // The error's display names the line and column, and shows the line.
        let map: BTreeMap<String, Vec<Serves>> = toml::from_str(text).map_err(|e| {
            format!(
                "{name}: {} (each line is a resource's link and a list of readers: {})",
                e.to_string().trim_end(),
                Serves::ALL.map(Serves::id).join(", ")
            )
        })?;
        if let Some((url, _)) = map.iter().find(|(_, readers)| readers.is_empty()) {
            return Err(format!(
                "{name}: {url} has no readers; give it at least one"
            ));
        }
        Ok(ServesFile(map))
    }
}

/// Gives each resource of `directory` its readers from `file`.
pub fn apply(directory: &mut Directory, file: &ServesFile) -> Report {
    let mut used = std::collections::BTreeSet::new();
    let mut untagged = Vec::new();
    for list in directory.resource_lists_mut() {
        for entry in list.iter_mut() {
            tag(entry, &[], file, &mut used);
            if entry.serves.is_empty() {
                untagged.push(entry.name.clone());
            }
        }
    }
    let unused = file
        .0
        .keys()
        .filter(|url| !used.contains(url.as_str()))
        .cloned()
        .collect();
    Report { untagged, unused }
}

fn tag<'f>(
    entry: &mut Entry,
    inherited: &[Serves],
    file: &'f ServesFile,
    used: &mut std::collections::BTreeSet<&'f str>,
) {
    let own = entry
        .url
        .as_deref()
        .and_then(|url| file.0.get_key_value(url.trim()));
    entry.serves = match own {
        Some((url, readers)) => {
            used.insert(url.as_str());
            readers.clone()
        }
        None => inherited.to_vec(),
    };
    entry.serves.sort_unstable();
    entry.serves.dedup();
    let readers = entry.serves.clone();
    for child in &mut entry.children {
        tag(child, &readers, file, used);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coops_core::Section;

    fn entry(name: &str, url: &str, children: Vec<Entry>) -> Entry {
        Entry {
            name: name.into(),
            url: Some(url.into()),
            children,
            ..Entry::default()
        }
    }

    fn directory() -> Directory {
        let mut directory: Directory =
            serde_json::from_str(r#"{"schema":"1.3","source":{"file":"README.md","sha256":"","rows_read":0,"repository":"","licence":""},"regions":[],"tags":[],"coops":[]}"#)
                .unwrap();
        directory.resources = vec![Section {
            id: "handbooks".into(),
            title: "Handbooks".into(),
            group: None,
            entries: vec![
                entry(
                    "Guide",
                    "https://guide.example",
                    vec![entry("Its PDF", "https://pdf.example", vec![])],
                ),
                entry("Forgotten", "https://forgotten.example", vec![]),
            ],
        }];
        directory.jobs = vec![entry("Jobs", "https://jobs.example", vec![])];
        directory
    }

    #[test]
    fn each_resource_takes_its_readers_and_what_is_missing_is_reported() {
        let file = ServesFile::parse(
            "# comment\n\"https://guide.example\" = [\"start\", \"convert\", \"start\"]\n\"https://jobs.example\" = [\"work\"]\n\"https://gone.example\" = [\"run\"]\n",
            "serves.toml",
        )
        .unwrap();
        let mut directory = directory();
        let report = apply(&mut directory, &file);
        let guide = &directory.resources[0].entries[0];
        assert_eq!(guide.serves, [Serves::Start, Serves::Convert]);
        assert_eq!(
            guide.children[0].serves, guide.serves,
            "a nested link inherits"
        );
        assert_eq!(directory.jobs[0].serves, [Serves::Work]);
        assert_eq!(report.untagged, ["Forgotten"]);
        assert_eq!(report.unused, ["https://gone.example"]);
    }

    #[test]
    fn an_unknown_reader_or_an_empty_list_is_a_clear_error() {
        let unknown =
            ServesFile::parse("\"https://a.example\" = [\"astronauts\"]\n", "serves.toml")
                .unwrap_err();
        assert!(unknown.starts_with("serves.toml: "), "{unknown}");
        assert!(unknown.contains("astronauts"), "{unknown}");
        assert!(unknown.contains("line 1"), "{unknown}");
        assert!(
            unknown.contains("start, convert, work, run, support"),
            "{unknown}"
        );
        let empty = ServesFile::parse("\"https://a.example\" = []\n", "serves.toml").unwrap_err();
        assert!(
            empty.contains("https://a.example has no readers"),
            "{empty}"
        );
        assert!(ServesFile::parse("not toml at all", "serves.toml").is_err());
    }
}
