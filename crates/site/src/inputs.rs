//! What the build reads before it writes anything: the dataset and the guide Trunk copied, each
//! checked whole, and every language's words and guide.

use std::path::Path;
use std::sync::Arc;

use coops_core::i18n::{Catalog, Lang};
use coops_core::join::texts::{guide_path, load_translated_guide, texts_path};
use coops_core::join::{JoinGuide, load_guide};
use coops_core::load::{Loaded, load_directory};
use coops_core::names::{DATASET_PATH, GUIDE_PATH};

use crate::{SiteError, read, write};

/// The dataset, as the app reads it, refused unless every entry validates: the app would show
/// the rest with a notice, but the build publishes only a dataset that reads whole (it comes
/// from the importer: a skipped entry is a damaged file).
pub fn dataset(staging: &Path) -> Result<Loaded, SiteError> {
    let path = staging.join(DATASET_PATH);
    let loaded =
        load_directory(&String::from_utf8_lossy(&read(&path)?)).map_err(|e| SiteError::Data {
            path: path.clone(),
            message: format!("not a dataset the app can read: {e}"),
        })?;
    if !loaded.skipped.is_empty() {
        let entries: Vec<String> = loaded
            .skipped
            .iter()
            .map(|s| format!("{} {:?}: {}", s.kind, s.label, s.reason))
            .collect();
        return Err(SiteError::Data {
            path,
            message: format!(
                "{} entries do not validate, and the site would lack them: {}",
                entries.len(),
                entries.join("; ")
            ),
        });
    }
    Ok(loaded)
}

/// The English guide: its text (each translation is laid over it) and the guide it reads as.
pub struct Guide {
    /// `public/data/join.json` as served.
    pub text: String,
    /// The guide, checked.
    pub guide: JoinGuide,
}

/// The guide, refused unless the app can show it.
pub fn guide(staging: &Path) -> Result<Guide, SiteError> {
    let path = staging.join(GUIDE_PATH);
    let text = String::from_utf8_lossy(&read(&path)?).into_owned();
    let guide = load_guide(&text).map_err(|e| SiteError::Data {
        path,
        message: format!("not a guide the app can show: {e}"),
    })?;
    Ok(Guide { text, guide })
}

/// A language's pages' inputs: its words and its guide.
pub struct Language {
    /// The language.
    pub lang: Lang,
    /// Its words, for the build's whole life: every page in the language renders with them.
    pub words: &'static Catalog,
    /// The guide in the language.
    pub guide: Arc<JoinGuide>,
}

/// Every language's words and guide, as the site serves them (Trunk copies public/i18n/ and
/// public/data/). Each translation of the guide is laid over the English one and checked
/// whole, and the whole guide in the language is written where the app reads it (see
/// `guide_path`).
pub fn languages(staging: &Path, english: &Guide) -> Result<Vec<Language>, SiteError> {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let catalog = Catalog::read(lang, staging).map_err(|e| SiteError::Data {
                path: staging.join(lang.catalog_path()),
                message: e.to_string(),
            })?;
            let guide = match lang {
                Lang::En => english.guide.clone(),
                lang => translated_guide(staging, english, lang)?,
            };
            Ok(Language {
                lang,
                words: Box::leak(Box::new(catalog)),
                guide: Arc::new(guide),
            })
        })
        .collect()
}

/// The guide in `lang`, written whole where the app reads it.
fn translated_guide(staging: &Path, english: &Guide, lang: Lang) -> Result<JoinGuide, SiteError> {
    let path = staging.join(texts_path(lang));
    let texts = String::from_utf8_lossy(&read(&path)?).into_owned();
    let guide = load_translated_guide(&english.text, &texts).map_err(|e| SiteError::Data {
        path,
        message: format!("not a translation of the guide: {e}"),
    })?;
    let served = staging.join(guide_path(lang));
    let json = serde_json::to_string(&guide).map_err(|e| SiteError::Data {
        path: served.clone(),
        message: e.to_string(),
    })?;
    write(&served, json.as_bytes())?;
    Ok(guide)
}
