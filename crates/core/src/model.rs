//! The data model: these types *are* the dataset format (`public/data/directory.json`).
//!
//! The importer writes them and the app reads them, so the two can never disagree. Fields that
//! are empty are left out of the JSON to keep the file small and its diffs readable; every such
//! field has a `#[serde(default)]` so that leaving it out is always valid.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The dataset schema this code writes. Readers accept any `1.x`; a newer major is refused
/// with a clear message (see [`crate::load`]).
pub const SCHEMA_VERSION: &str = "1.3";
/// The major version of [`SCHEMA_VERSION`].
pub const SCHEMA_MAJOR: u32 = 1;

/// The whole dataset: co-ops, networks, resources, and the vocabularies they use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Directory {
    /// Schema version, `major.minor`.
    pub schema: String,
    /// Where the data came from.
    pub source: Source,
    /// The regions of the list, in the list's order.
    pub regions: Vec<Region>,
    /// The business-area taxonomy.
    pub tags: Vec<Tag>,
    /// Every country a co-op is in, with its English name.
    #[serde(default)]
    pub countries: Vec<Country>,
    /// The co-ops, active and defunct.
    pub coops: Vec<Coop>,
    /// Networks of co-ops (with their nested links).
    #[serde(default)]
    pub networks: Vec<Entry>,
    /// Meetups.
    #[serde(default)]
    pub meetups: Vec<Entry>,
    /// Resource sections (handbooks, books, articles, talks, ...).
    #[serde(default)]
    pub resources: Vec<Section>,
    /// Software and products made by tech co-ops.
    #[serde(default)]
    pub products: Vec<Entry>,
    /// Job boards and calls for members.
    #[serde(default)]
    pub jobs: Vec<Entry>,
    /// Other lists of tech co-ops.
    #[serde(default)]
    pub other_lists: Vec<Entry>,
}

/// Provenance of the dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Source {
    /// File name of the imported list.
    pub file: String,
    /// SHA-256 of the imported file's bytes, hex.
    pub sha256: String,
    /// Table rows read from the list (co-op rows of every region table).
    pub rows_read: u32,
    /// File name of the defunct list, when one was imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defunct_file: Option<String>,
    /// SHA-256 of the defunct list, when one was imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defunct_sha256: Option<String>,
    /// Where the list is maintained (corrections go there).
    pub repository: String,
    /// The list's licence (SPDX id).
    pub licence: String,
}

/// A region of the list ("Europe", "Decentralised / Worldwide").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Region {
    /// Stable id used in URLs (`europe`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Its name in other languages, by language code (`{"es": "Europa"}`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
}

/// A business-area tag of the taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tag {
    /// Stable id used in URLs (`web-development`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the tag covers.
    #[serde(default)]
    pub description: String,
    /// Its name in other languages, by language code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
    /// What it covers, in other languages, by language code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub descriptions: BTreeMap<String, String>,
}

/// A country, by ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub code: String,
    /// English short name.
    pub name: String,
    /// Its name in other languages, by language code (`{"de": "Deutschland"}`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
}

/// Whether a co-op still trades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Listed in the main list.
    #[default]
    Active,
    /// Listed in the list of historical / defunct co-ops.
    Defunct,
}

/// One co-op of the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Coop {
    /// Stable, unique slug (`codeurs-en-liberte`).
    pub id: String,
    /// Name as written in the list.
    pub name: String,
    /// The co-op's site, when the list links one (always http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Active or defunct.
    #[serde(default, skip_serializing_if = "is_active")]
    pub status: Status,
    /// Region id (see [`Directory::regions`]).
    pub region: String,
    /// The "Business Areas" cell as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub business_areas: String,
    /// Tag ids from the taxonomy, in taxonomy order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Where the co-op is.
    #[serde(default)]
    pub location: Location,
    /// The "Notes" cell as rich text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Span>,
    /// Founding year, when the notes say so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<u16>,
    /// Size, when the notes say so ("115+ workers").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<Size>,
    /// Line of the list this co-op was read from (1-based).
    #[serde(default)]
    pub source_line: u32,
}

fn is_active(status: &Status) -> bool {
    *status == Status::Active
}

/// A co-op's location: the text of the list, and what it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Location {
    /// The "Region/Country" cell as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// City or locality, when the text names one ("Buenos Aires").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    /// ISO 3166-1 alpha-2 codes, in the order written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Works remotely ("Remote").
    #[serde(default, skip_serializing_if = "is_false")]
    pub remote: bool,
    /// A distributed company ("Distributed").
    #[serde(default, skip_serializing_if = "is_false")]
    pub distributed: bool,
    /// Works worldwide ("Global", "international", the Worldwide table).
    #[serde(default, skip_serializing_if = "is_false")]
    pub worldwide: bool,
    /// The places the text names, in its order, with coordinates (schema 1.1): a city, a
    /// region, or a country's centre where the text names no place in it that is known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
}

/// A place a co-op names, placed on the globe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Place {
    /// The name as the list writes it ("Köln", "Catalonia"), or the country's name.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: String,
    /// Latitude in degrees, rounded to what the precision justifies.
    pub lat: f64,
    /// Longitude in degrees, rounded likewise.
    pub lon: f64,
    /// What the coordinates are the position of.
    pub precision: Precision,
}

/// How exactly a [`Place`] is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A city or town (coordinates to 0.01°, about a kilometre).
    City,
    /// A state, province or region: its centre (to 0.1°).
    Region,
    /// A country's centre (to 0.1°): the list names no known place in it.
    Country,
}

impl Precision {
    /// Decimal places the coordinates keep.
    pub fn decimals(self) -> i32 {
        match self {
            Precision::City => 2,
            Precision::Region | Precision::Country => 1,
        }
    }

    /// `value` rounded to this precision's decimals.
    pub fn round(self, value: f64) -> f64 {
        let scale = 10f64.powi(self.decimals());
        (value * scale).round() / scale
    }
}

impl Location {
    /// Remote, distributed or worldwide: a co-op one can work with from anywhere.
    pub fn is_remote_friendly(&self) -> bool {
        self.remote || self.distributed || self.worldwide
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A size the notes state: `count` people, `at_least` when written "115+".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Size {
    /// How many.
    pub count: u32,
    /// Written with a "+".
    #[serde(default, skip_serializing_if = "is_false")]
    pub at_least: bool,
    /// What is counted, as written ("workers", "associates", "employees").
    pub unit: String,
}

/// A run of rich text: plain, emphasised, strong, code, or a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// The text shown.
    pub text: String,
    /// Link target (only http, https or mailto are ever written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// Emphasised (italic).
    #[serde(default, skip_serializing_if = "is_false")]
    pub em: bool,
    /// Strong (bold).
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
}

impl Span {
    /// Plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }
}

/// Plain text of rich text, for search and for places that cannot show links.
pub fn plain_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// A linked entry of a bulleted list (a network, a resource, a product), with nested entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entry {
    /// The link text (or the whole item when it has no link).
    pub name: String,
    /// Link target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What follows the link ("- Network of tech coops in the UK.").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Vec<Span>,
    /// Nested bullets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Entry>,
    /// Who a resource is for (`data/serves.toml`, beside the list); empty for the other lists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub serves: Vec<Serves>,
}

/// Who a resource of the list serves (issue 22): the reader, by what they are doing. The guide's
/// outcomes offer the resources for their visitor, and `/resources?serves=<id>` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Serves {
    /// Starting a co-op.
    Start,
    /// Converting a company into a co-op.
    Convert,
    /// Working in a co-op (or looking for work in one).
    Work,
    /// Running a co-op: governance, money, conflict, tools.
    Run,
    /// Supporting the movement from outside.
    Support,
}

impl Serves {
    /// Every reader, in the order the resources page offers them.
    pub const ALL: [Serves; 5] = [
        Serves::Start,
        Serves::Convert,
        Serves::Work,
        Serves::Run,
        Serves::Support,
    ];

    /// Its id, as in the data file, the dataset and the URL.
    pub fn id(self) -> &'static str {
        match self {
            Serves::Start => "start",
            Serves::Convert => "convert",
            Serves::Work => "work",
            Serves::Run => "run",
            Serves::Support => "support",
        }
    }

    /// The reader with this id.
    pub fn from_id(id: &str) -> Option<Serves> {
        Serves::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The catalog key of its name ("For starting a co-op").
    pub fn label_key(self) -> &'static str {
        match self {
            Serves::Start => "serves-start",
            Serves::Convert => "serves-convert",
            Serves::Work => "serves-work",
            Serves::Run => "serves-run",
            Serves::Support => "serves-support",
        }
    }
}

/// A section of resources ("Handbooks / Guides").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    /// Stable id (`handbooks-guides`).
    pub id: String,
    /// Heading as written.
    pub title: String,
    /// The heading above it, when the section is a sub-section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The entries.
    pub entries: Vec<Entry>,
}

impl Directory {
    /// The directory as a page in `lang` shows it: each region's, country's and business
    /// area's name (and area's description) in that language, where the dataset has it (the
    /// importer writes them, from one place: `regions.rs`, `taxonomy.rs`, and CLDR's country
    /// names). English, and any name the dataset lacks in `lang`, stays as it is. Done once,
    /// before the search index is built, so that a search finds "Alemania" in Spanish.
    pub fn localize(&mut self, lang: Lang) {
        fn pick(name: &mut String, names: &BTreeMap<String, String>, lang: Lang) {
            if let Some(own) = names.get(lang.code()) {
                name.clone_from(own);
            }
        }
        if lang == Lang::En {
            return;
        }
        for region in &mut self.regions {
            pick(&mut region.name, &region.names, lang);
        }
        for country in &mut self.countries {
            pick(&mut country.name, &country.names, lang);
        }
        for tag in &mut self.tags {
            pick(&mut tag.name, &tag.names, lang);
            pick(&mut tag.description, &tag.descriptions, lang);
        }
    }

    /// The lists the resources page shows, in its order: each resource section's entries,
    /// then the products, the job boards and the other lists. Who they serve is in
    /// `data/serves.toml` (each entry's [`Entry::serves`]).
    pub fn resource_lists(&self) -> impl Iterator<Item = &Vec<Entry>> {
        self.resources.iter().map(|s| &s.entries).chain([
            &self.products,
            &self.jobs,
            &self.other_lists,
        ])
    }

    /// [`Directory::resource_lists`], to change.
    pub fn resource_lists_mut(&mut self) -> impl Iterator<Item = &mut Vec<Entry>> {
        self.resources.iter_mut().map(|s| &mut s.entries).chain([
            &mut self.products,
            &mut self.jobs,
            &mut self.other_lists,
        ])
    }

    /// Everything but the co-ops: the names and lists that go with any selection of them
    /// (what `crate::export` writes a selection with).
    pub fn without_coops(&self) -> Directory {
        Directory {
            schema: self.schema.clone(),
            source: self.source.clone(),
            regions: self.regions.clone(),
            tags: self.tags.clone(),
            countries: self.countries.clone(),
            coops: Vec::new(),
            networks: self.networks.clone(),
            meetups: self.meetups.clone(),
            resources: self.resources.clone(),
            products: self.products.clone(),
            jobs: self.jobs.clone(),
            other_lists: self.other_lists.clone(),
        }
    }

    /// The region with this id.
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }
    /// The tag with this id.
    pub fn tag(&self, id: &str) -> Option<&Tag> {
        self.tags.iter().find(|t| t.id == id)
    }
    /// The country with this code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }
    /// The co-op with this id.
    pub fn coop(&self, id: &str) -> Option<&Coop> {
        self.coops.iter().find(|c| c.id == id)
    }
    /// A region's display name (its id when unknown).
    pub fn region_name(&self, id: &str) -> String {
        self.region(id)
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    }
    /// A country's display name (its code when unknown).
    pub fn country_name(&self, code: &str) -> String {
        self.country(code)
            .map_or_else(|| code.to_string(), |c| c.name.clone())
    }
    /// A tag's display name (its id when unknown).
    pub fn tag_name(&self, id: &str) -> String {
        self.tag(id)
            .map_or_else(|| id.to_string(), |t| t.name.clone())
    }
    /// Where a co-op is, in a few words: the list's own text, else its country names, else
    /// "Worldwide" for a co-op that works everywhere; empty when nothing is known.
    pub fn place_label(&self, coop: &Coop) -> String {
        let location = &coop.location;
        if !location.text.is_empty() {
            return location.text.clone();
        }
        let countries: Vec<String> = location
            .countries
            .iter()
            .map(|c| self.country_name(c))
            .collect();
        if countries.is_empty() && location.worldwide {
            crate::i18n::words().text("place-worldwide").to_string()
        } else {
            countries.join(", ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{coop_at, directory_of};

    #[test]
    fn a_localized_directory_keeps_what_it_was_published_with_aside() {
        let mut directory = directory_of(vec![coop_at("a", &[])]);
        directory.regions[0]
            .names
            .insert("es".into(), "Europa".into());
        let published = directory.without_coops();
        directory.localize(Lang::Es);
        assert_eq!(directory.region_name("europe"), "Europa");
        assert_eq!(published.region_name("europe"), "Europe");
        assert!(published.coops.is_empty());
        assert_eq!(published.regions[0].names, directory.regions[0].names);
    }
}
