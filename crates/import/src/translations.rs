//! The dataset's words in the app's other languages: each business area's name and
//! description and each region's name, from one file per language in `data/i18n/`
//! (`es.json`, `fr.json`, …), which translators edit. The list itself is English, so English
//! has no file; a country's names come from the gazetteer.
//!
//! ```json
//! {
//!   "regions": { "europe": "Europa" },
//!   "tags": { "web-development": { "name": "Desarrollo web", "description": "Sitios y aplicaciones web." } }
//! }
//! ```
//!
//! A language is its file, named by its code: adding one to the dataset is adding a file, with
//! no change to the importer. A file that names an area or a region the importer does not know
//! (a typo, a renamed id) is an error that names both; a word missing from a file is reported
//! by [`apply`], and the dataset keeps the English for it.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use coops_core::Directory;

use crate::{regions, taxonomy};

/// One language's file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageFile {
    /// Region names, by region id.
    #[serde(default)]
    pub regions: BTreeMap<String, String>,
    /// Business areas, by tag id.
    #[serde(default)]
    pub tags: BTreeMap<String, TagWords>,
}

/// A business area's words in one language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagWords {
    /// Its name.
    pub name: String,
    /// What it covers.
    pub description: String,
}

/// Every language's file, by language code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translations(BTreeMap<String, LanguageFile>);

/// What [`apply`] found missing: "es: the business area web-development", in language order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Each word the dataset keeps in English for want of a translation.
    pub missing: Vec<String>,
}

impl Translations {
    /// Reads every `*.json` file of `dir`, each the language its name says (`es.json`).
    pub fn read_dir(dir: &Path) -> Result<Translations, String> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let mut languages = BTreeMap::new();
        for entry in entries {
            let path = entry
                .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
                .path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let code = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let file = Translations::parse(&code, &text, &path.display().to_string())?;
            languages.insert(code, file);
        }
        Ok(Translations(languages))
    }

    /// Reads the file of the language `code`; `name` is how a message refers to it.
    pub fn parse(code: &str, text: &str, name: &str) -> Result<LanguageFile, String> {
        let is_code = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        if !is_code || code == "en" {
            return Err(format!(
                "{name}: a file's name is its language's code in lower case (es.json), and \
                 English, the list's own language, has none"
            ));
        }
        let file: LanguageFile = serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        let tags: Vec<&str> = taxonomy::TAXONOMY.iter().map(|t| t.id).collect();
        if let Some(id) = file.tags.keys().find(|id| !tags.contains(&id.as_str())) {
            return Err(format!(
                "{name}: {id:?} is not a business area of the taxonomy (crates/import/src/taxonomy.rs)"
            ));
        }
        let known = regions::known_ids();
        if let Some(id) = file.regions.keys().find(|id| !known.contains(&id.as_str())) {
            return Err(format!(
                "{name}: {id:?} is not a region the list's headings name (crates/import/src/regions.rs)"
            ));
        }
        let blank = file
            .regions
            .iter()
            .find(|(_, name)| name.trim().is_empty())
            .map(|(id, _)| id)
            .or_else(|| {
                file.tags
                    .iter()
                    .find(|(_, w)| w.name.trim().is_empty() || w.description.trim().is_empty())
                    .map(|(id, _)| id)
            });
        if let Some(id) = blank {
            return Err(format!("{name}: the words for {id:?} are empty"));
        }
        Ok(file)
    }

    /// Their language codes, in order.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// One language's file (tests add one this way).
    pub fn insert(&mut self, code: &str, file: LanguageFile) {
        self.0.insert(code.to_string(), file);
    }
}

/// Gives `directory`'s business areas and regions their words in every language of
/// `translations`.
pub fn apply(directory: &mut Directory, translations: &Translations) -> Report {
    let mut missing = Vec::new();
    for (code, file) in &translations.0 {
        for tag in &mut directory.tags {
            match file.tags.get(&tag.id) {
                Some(words) => {
                    tag.names.insert(code.clone(), words.name.clone());
                    tag.descriptions
                        .insert(code.clone(), words.description.clone());
                }
                None => missing.push(format!("{code}: the business area {}", tag.id)),
            }
        }
        for region in &mut directory.regions {
            match file.regions.get(&region.id) {
                Some(name) => {
                    region.names.insert(code.clone(), name.clone());
                }
                None => missing.push(format!("{code}: the region {}", region.id)),
            }
        }
    }
    Report { missing }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coops_core::i18n::Lang;

    fn committed() -> Translations {
        Translations::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/i18n"))
            .expect("data/i18n reads")
    }

    #[test]
    fn every_language_of_the_app_but_english_has_a_file_that_names_everything() {
        let translations = committed();
        let others: Vec<&str> = Lang::ALL
            .iter()
            .filter(|l| **l != Lang::En)
            .map(|l| l.code())
            .collect();
        assert_eq!(translations.languages().collect::<Vec<_>>(), {
            let mut sorted = others.clone();
            sorted.sort_unstable();
            sorted
        });
        for (code, file) in &translations.0 {
            for tag in taxonomy::TAXONOMY {
                assert!(file.tags.contains_key(tag.id), "{code}: {}", tag.id);
            }
            for id in regions::known_ids() {
                assert!(file.regions.contains_key(id), "{code}: {id}");
            }
        }
    }

    #[test]
    fn words_go_to_the_areas_and_regions_and_what_is_missing_is_reported() {
        let mut directory = everything_in_english();
        directory.regions = vec![
            regions::region_for_heading("Europe"),
            regions::region_for_heading("Antarctica"),
        ];
        let report = apply(&mut directory, &committed());
        let web = directory
            .tags
            .iter()
            .find(|t| t.id == "web-development")
            .unwrap();
        assert_eq!(web.names["es"], "Desarrollo web");
        assert!(!web.descriptions["de"].is_empty());
        assert_eq!(directory.regions[0].names["fr"], "Europe");
        // A heading no translator has seen keeps its English, and says so in each language.
        assert!(directory.regions[1].names.is_empty());
        assert_eq!(
            report.missing,
            [
                "de: the region antarctica",
                "es: the region antarctica",
                "fr: the region antarctica"
            ]
        );
    }

    /// A dataset with every area and every region the importer knows, in English.
    fn everything_in_english() -> Directory {
        let mut directory: Directory = serde_json::from_str(
            r#"{"schema":"1.3","source":{"file":"README.md","sha256":"","rows_read":0,"repository":"","licence":""},"regions":[],"tags":[],"coops":[]}"#,
        )
        .unwrap();
        directory.tags = taxonomy::tags();
        directory.regions = regions::known_ids()
            .into_iter()
            .map(|id| regions::region_for_heading(&id.replace('-', " ")))
            .collect();
        directory
    }

    #[test]
    fn a_fifth_language_is_a_file() {
        // A language the app does not speak, from a file of the test fixtures alone: nothing
        // in the importer names it.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/i18n-test-language");
        let test_language = Translations::read_dir(&dir).unwrap();
        assert_eq!(test_language.languages().collect::<Vec<_>>(), ["xx"]);
        let mut translations = committed();
        translations.insert("xx", test_language.0["xx"].clone());
        let mut directory = everything_in_english();
        assert_eq!(directory.regions.len(), 7);
        let report = apply(&mut directory, &translations);
        assert!(report.missing.is_empty(), "{:?}", report.missing);
        for tag in &directory.tags {
            assert_eq!(
                tag.names.keys().collect::<Vec<_>>(),
                ["de", "es", "fr", "xx"],
                "{}",
                tag.id
            );
            assert_eq!(tag.names["xx"], format!("⟦xx⟧ {}", tag.name));
            assert_eq!(tag.descriptions["xx"], format!("⟦xx⟧ {}", tag.description));
        }
        for region in &directory.regions {
            assert!(region.names["xx"].starts_with("⟦xx⟧ "), "{}", region.id);
        }
        // And the dataset carries it as it carries the others.
        let json = crate::to_json(&directory).unwrap();
        assert!(json.contains(r#""xx": "⟦xx⟧ Web development""#), "{json}");
    }

    #[test]
    fn a_file_that_names_what_the_importer_does_not_know_is_refused() {
        for (code, text, says) in [
            (
                "es",
                r#"{"tags": {"web-devlopment": {"name": "a", "description": "b"}}}"#,
                "web-devlopment",
            ),
            (
                "es",
                r#"{"regions": {"atlantis": "Atlántida"}}"#,
                "atlantis",
            ),
            ("es", r#"{"regions": {"europe": " "}}"#, "empty"),
            ("es", r#"{"countries": {}}"#, "unknown field"),
            ("es", "{", "es.json"),
            ("en", "{}", "English"),
            ("Spanish", "{}", "lower case"),
        ] {
            let error = Translations::parse(code, text, &format!("{code}.json")).unwrap_err();
            assert!(error.contains(says), "{code} {text}: {error}");
        }
    }
}
