//! Countries and their subdivisions, by any name a person writes: the ISO 3166 data of the
//! `keshvar` crate (every country's short, long and unofficial names, its name in each language
//! of CLDR, its position; every ISO 3166-2 subdivision with the same), folded for lookup.
//!
//! Three kinds of place resolve to a country:
//!
//! * a country, by any of its names ("Germany", "Deutschland", "Allemagne", "the Netherlands",
//!   "Bolivia (Plurinational State of)"), or an alias of [`ALIASES`];
//! * a two-letter code as written in capitals: an ISO 3166-1 code ("FR", "BR"), or a US state
//!   or Canadian province code ("NY", "QC"; see `location.rs` for which wins where they clash);
//! * a subdivision, by any of its names ("Scotland", "Catalunya", "Bavaria", "Québec"): see
//!   [`subdivision`], which refuses a name that several countries' subdivisions share unless
//!   the row says which country it means.
//!
//! A name two countries share in some language (a translation of one that is the unofficial
//! name of another) names neither: a guess could put a co-op in the wrong country.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use coops_core::i18n::Lang;
use coops_core::text::fold;
use keshvar::{CountryIterator, SubdivisionGeo};

/// Spellings no name of keshvar's covers, folded, each group with why it is needed.
const ALIASES: &[(&str, &str)] = &[
    // Abbreviations the list or its readers use ("US + CAN", "GER", "U.S.A."); keshvar knows
    // "USA" and "UK" but not these.
    ("u.k.", "GB"),
    ("us", "US"),
    ("u.s.", "US"),
    ("u.s.a.", "US"),
    ("ger", "DE"),
    ("can", "CA"),
    ("nz", "NZ"),
    ("uae", "AE"),
    ("drc", "CD"),
    ("dr congo", "CD"),
    // Short forms of a longer name that keshvar lists only in full.
    ("britain", "GB"),
    ("bosnia", "BA"),
];

/// Names of subdivisions that no name of keshvar's covers, folded: (name, country, ISO
/// 3166-2 code after the country's), each with why it is needed.
const SUBDIVISION_ALIASES: &[(&str, &str, &str)] = &[
    // The common abbreviation of Nordrhein-Westfalen ("Siegen, NRW, Germany").
    ("nrw", "DE", "NW"),
];

/// Display names where ISO's short name is a long official form.
const NAME_OVERRIDES: &[(&str, &str)] = &[
    ("GB", "United Kingdom"),
    ("US", "United States"),
    ("KR", "South Korea"),
    ("KP", "North Korea"),
    ("CD", "DR Congo"),
    ("RU", "Russia"),
    ("SY", "Syria"),
    ("LA", "Laos"),
    ("VN", "Vietnam"),
    ("VA", "Vatican City"),
];

/// The countries of North America whose states and provinces the list names on their own:
/// their codes are read as written in capitals ("NY", "QC"), and in the North American table
/// their names win over a country's ("Georgia").
pub const STATE_COUNTRIES: [&str; 2] = ["US", "CA"];

/// A latitude / longitude box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// South edge.
    pub min_lat: f64,
    /// North edge.
    pub max_lat: f64,
    /// West edge.
    pub min_lon: f64,
    /// East edge.
    pub max_lon: f64,
}

impl Bounds {
    /// Whether the point is inside (edges included).
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.min_lat..=self.max_lat).contains(&lat) && (self.min_lon..=self.max_lon).contains(&lon)
    }
}

/// A country: code, display name, centre.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2.
    pub code: &'static str,
    /// English short name, as the dataset writes it.
    pub name: String,
    /// Its name in each of the app's other languages (CLDR's), by language code.
    pub names: BTreeMap<String, String>,
    /// ISO 3166-1 numeric code.
    pub numeric: u16,
    /// Centre (latitude, longitude).
    pub centre: (f64, f64),
}

/// A subdivision of a country (a state, province, region, nation, county...).
#[derive(Debug, Clone, PartialEq)]
pub struct Subdivision {
    /// The country's alpha-2 code.
    pub country: &'static str,
    /// The ISO 3166-2 code after the country's ("BY" of "DE-BY").
    pub code: &'static str,
    /// Its ISO name ("Bayern").
    pub name: &'static str,
    /// Centre (latitude, longitude), when known.
    pub centre: Option<(f64, f64)>,
    /// Extent, when known.
    pub bounds: Option<Bounds>,
}

struct Tables {
    countries: Vec<CountryInfo>,
    by_name: HashMap<String, &'static str>,
    subdivisions: Vec<Subdivision>,
    /// Folded name → subdivisions of that name, by (country, code).
    subdivisions_by_name: HashMap<String, Vec<usize>>,
    /// "NY" → its subdivision, for [`STATE_COUNTRIES`].
    subdivisions_by_code: HashMap<&'static str, usize>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build)
}

/// keshvar gives codes as an enum; the dataset needs `&'static str`. The 250 codes are made
/// once, for the life of the process.
fn static_code(code: String) -> &'static str {
    Box::leak(code.into_boxed_str())
}

fn build() -> Tables {
    let mut countries = Vec::new();
    let mut subdivisions = Vec::new();
    // Names by tier: a name of an earlier tier is never overridden by a later one; two
    // countries sharing a name within a tier lose it.
    let mut tiers: [Vec<(String, &'static str)>; 3] = Default::default();
    for country in CountryIterator::new() {
        let code = static_code(country.alpha2().to_string());
        let short = country.iso_short_name();
        let name = NAME_OVERRIDES.iter().find(|(c, _)| *c == code).map_or_else(
            || without_parenthesis(short).to_string(),
            |(_, n)| (*n).to_string(),
        );
        let geo = country.geo();
        tiers[0].push((fold(short), code));
        tiers[0].push((fold(without_parenthesis(short)), code));
        tiers[0].push((fold(&name), code));
        tiers[1].push((fold(country.iso_long_name()), code));
        for unofficial in country.unofficial_name_list() {
            tiers[1].push((fold(unofficial), code));
        }
        for translated in country.translations().values() {
            tiers[2].push((fold(translated), code));
            tiers[2].push((fold(without_parenthesis(translated)), code));
        }
        let translations = country.translations();
        let names = Lang::ALL
            .into_iter()
            .filter(|lang| *lang != Lang::En)
            .filter_map(|lang| {
                let name = translations.get(lang.code())?;
                Some((
                    lang.code().to_string(),
                    without_parenthesis(name).to_string(),
                ))
            })
            .collect();
        countries.push(CountryInfo {
            code,
            name,
            names,
            numeric: country.number().parse().unwrap_or(0),
            centre: (geo.latitude(), geo.longitude()),
        });
        for (sub_code, sub) in country.subdivisions() {
            let geo = sub.geo();
            let mut names: Vec<String> = std::iter::once(sub.name())
                .chain(sub.unofficial_name_list().iter().copied())
                .chain(sub.translations().values().copied())
                .map(|n| fold(n).trim().to_string())
                .filter(|n| !n.is_empty())
                .collect();
            names.sort();
            names.dedup();
            subdivisions.push((
                Subdivision {
                    country: code,
                    code: sub_code,
                    name: sub.name(),
                    centre: geo.as_ref().and_then(centre),
                    bounds: geo.as_ref().and_then(bounds),
                },
                names,
            ));
        }
    }
    for (alias, code) in ALIASES {
        tiers[0].push(((*alias).to_string(), find_code(&countries, code)));
    }
    countries.sort_by_key(|c| c.code);
    subdivisions.sort_by(|(a, _), (b, _)| (a.country, a.code).cmp(&(b.country, b.code)));

    let mut by_name: HashMap<String, &'static str> = HashMap::new();
    for tier in tiers {
        let mut this_tier: HashMap<String, BTreeSet<&'static str>> = HashMap::new();
        for (name, code) in tier {
            let name = name.trim().to_string();
            if !name.is_empty() && !by_name.contains_key(&name) {
                this_tier.entry(name).or_default().insert(code);
            }
        }
        for (name, codes) in this_tier {
            if let [code] = codes.into_iter().collect::<Vec<_>>()[..] {
                by_name.insert(name, code);
            }
        }
    }

    for (alias, country, code) in SUBDIVISION_ALIASES {
        let (_, names) = subdivisions
            .iter_mut()
            .find(|(s, _)| s.country == *country && s.code == *code)
            .unwrap_or_else(|| panic!("alias for unknown subdivision {country}-{code}"));
        names.push((*alias).to_string());
    }
    let mut subdivisions_by_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut subdivisions_by_code = HashMap::new();
    for (i, (sub, names)) in subdivisions.iter().enumerate() {
        for name in names {
            subdivisions_by_name
                .entry(name.clone())
                .or_default()
                .push(i);
        }
        if STATE_COUNTRIES.contains(&sub.country) && sub.code.len() == 2 {
            subdivisions_by_code.insert(sub.code, i);
        }
    }
    let subdivisions = subdivisions.into_iter().map(|(sub, _)| sub).collect();
    Tables {
        countries,
        by_name,
        subdivisions,
        subdivisions_by_name,
        subdivisions_by_code,
    }
}

fn find_code(countries: &[CountryInfo], code: &str) -> &'static str {
    countries
        .iter()
        .find(|c| c.code == code)
        .map(|c| c.code)
        .unwrap_or_else(|| panic!("alias for unknown country {code}"))
}

fn centre(geo: &SubdivisionGeo) -> Option<(f64, f64)> {
    Some((geo.latitude()?, geo.longitude()?))
}

fn bounds(geo: &SubdivisionGeo) -> Option<Bounds> {
    Some(Bounds {
        min_lat: geo.min_latitude()?,
        max_lat: geo.max_latitude()?,
        min_lon: geo.min_longitude()?,
        max_lon: geo.max_longitude()?,
    })
}

/// "Bolivia (Plurinational State of)" → "Bolivia"; "Tanzania, United Republic of" →
/// "Tanzania".
fn without_parenthesis(name: &str) -> &str {
    let name = name.split(" (").next().unwrap_or(name);
    name.split(", ").next().unwrap_or(name).trim()
}

/// A country by code.
pub fn info(code: &str) -> Option<&'static CountryInfo> {
    let countries = &tables().countries;
    countries
        .binary_search_by_key(&code, |c| c.code)
        .ok()
        .map(|i| &countries[i])
}

/// The English short name for the dataset.
pub fn name(code: &str) -> Option<String> {
    info(code).map(|c| c.name.clone())
}

/// Its names in the app's other languages, for the dataset (empty for an unknown code).
pub fn names(code: &str) -> BTreeMap<String, String> {
    info(code).map(|c| c.names.clone()).unwrap_or_default()
}

/// The country of an ISO 3166-1 numeric code (840 → US).
pub fn by_numeric(numeric: u16) -> Option<&'static str> {
    tables()
        .countries
        .iter()
        .find(|c| c.numeric == numeric)
        .map(|c| c.code)
}

/// The country a (folded) name means: "germany", "the netherlands", "usa", "deutschland".
pub fn by_name(folded: &str) -> Option<&'static str> {
    let folded = folded.trim();
    let names = &tables().by_name;
    names
        .get(folded)
        .or_else(|| {
            folded
                .strip_prefix("the ")
                .and_then(|rest| names.get(rest.trim()))
        })
        .copied()
}

/// The subdivision a (folded) name means, among the subdivisions of `among` when it names any
/// countries, of every country otherwise. `None` when none has that name, or when several
/// countries have one of that name ("Limburg" is Dutch and Belgian): a guess could be wrong.
/// Within one country the first by ISO code wins (Madrid the community and the province).
pub fn subdivision(folded: &str, among: &[&str]) -> Option<&'static Subdivision> {
    let found = subdivisions_named(folded, among);
    let first = *found.first()?;
    found
        .iter()
        .all(|s| s.country == first.country)
        .then_some(first)
}

/// Every subdivision of a (folded) name, of the countries `among` (every country when empty),
/// by country and code.
pub fn subdivisions_named(folded: &str, among: &[&str]) -> Vec<&'static Subdivision> {
    let t = tables();
    t.subdivisions_by_name
        .get(folded.trim())
        .map(|found| {
            found
                .iter()
                .map(|&i| &t.subdivisions[i])
                .filter(|s| among.is_empty() || among.contains(&s.country))
                .collect()
        })
        .unwrap_or_default()
}

/// The country of a (folded) subdivision name, when only one country has it.
pub fn by_subdivision(folded: &str) -> Option<&'static str> {
    subdivision(folded, &[]).map(|s| s.country)
}

/// The US state or Canadian province of a two-letter code in capitals ("OR", "QC").
pub fn coded_subdivision(text: &str) -> Option<&'static Subdivision> {
    let t = tables();
    t.subdivisions_by_code
        .get(text.trim())
        .map(|&i| &t.subdivisions[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_every_form() {
        for (text, want) in [
            // ISO short names, with or without their parenthesis, in any case.
            ("germany", "DE"),
            ("bolivia", "BO"),
            ("bolivia (plurinational state of)", "BO"),
            ("the netherlands", "NL"),
            ("el salvador", "SV"),
            // Short, common and older names.
            ("usa", "US"),
            ("uk", "GB"),
            ("united states", "US"),
            ("south korea", "KR"),
            ("russia", "RU"),
            ("turkey", "TR"),
            ("turkiye", "TR"),
            ("czech republic", "CZ"),
            ("ivory coast", "CI"),
            ("swaziland", "SZ"),
            ("holland", "NL"),
            ("england", "GB"),
            ("great britain", "GB"),
            ("britain", "GB"),
            ("burma", "MM"),
            ("vatican", "VA"),
            ("u.s.a.", "US"),
            // Abbreviations.
            ("ger", "DE"),
            ("can", "CA"),
            // Native names and other languages' names.
            ("deutschland", "DE"),
            ("allemagne", "DE"),
            ("alemania", "DE"),
            ("espana", "ES"),
            ("brasil", "BR"),
            ("nederland", "NL"),
            ("sverige", "SE"),
            ("suisse", "CH"),
            ("italia", "IT"),
            ("polska", "PL"),
            ("estados unidos", "US"),
            ("royaume-uni", "GB"),
            ("ドイツ", "DE"),
            ("россия", "RU"),
            ("aotearoa", "NZ"),
        ] {
            assert_eq!(by_name(&fold(text)), Some(want), "{text}");
        }
        assert_eq!(by_name("atlantis"), None);
    }

    #[test]
    fn regions_imply_their_country() {
        for (text, want) in [
            ("scotland", "GB"),
            ("wales", "GB"),
            ("catalonia", "ES"),
            ("catalunya", "ES"),
            ("cataluna", "ES"),
            ("basque country", "ES"),
            ("quebec", "CA"),
            ("ontario", "CA"),
            ("bavaria", "DE"),
            ("bayern", "DE"),
            ("baviere", "DE"),
            ("north rhine-westphalia", "DE"),
            ("nrw", "DE"),
            ("vermont", "US"),
            ("california", "US"),
            ("lower austria", "AT"),
            ("brittany", "FR"),
            ("lombardy", "IT"),
        ] {
            assert_eq!(by_subdivision(text), Some(want), "{text}");
        }
        // Limburg is a Dutch and a Belgian province: only the row's country decides.
        assert_eq!(by_subdivision("limburg"), None);
        assert_eq!(
            subdivision("limburg", &["BE"]).map(|s| s.country),
            Some("BE")
        );
    }

    #[test]
    fn state_and_province_codes() {
        assert_eq!(coded_subdivision("OR").map(|s| s.name), Some("Oregon"));
        assert_eq!(coded_subdivision("QC").map(|s| s.country), Some("CA"));
        assert_eq!(
            coded_subdivision("BY"),
            None,
            "only US and Canadian codes are read"
        );
    }

    #[test]
    fn short_names_numbers_and_centres() {
        assert_eq!(name("GB").as_deref(), Some("United Kingdom"));
        assert_eq!(name("US").as_deref(), Some("United States"));
        assert_eq!(name("NL").as_deref(), Some("Netherlands"));
        assert_eq!(name("BO").as_deref(), Some("Bolivia"));
        assert_eq!(name("TZ").as_deref(), Some("Tanzania"));
        assert_eq!(name("PS").as_deref(), Some("Palestine"));
        assert_eq!(name("FR").as_deref(), Some("France"));
        assert_eq!(name("ZZ"), None);
        assert_eq!(by_numeric(840), Some("US"));
        assert_eq!(by_numeric(250), Some("FR"));
        let (lat, lon) = info("FR").expect("France").centre;
        assert!((42.0..51.0).contains(&lat) && (-5.0..8.0).contains(&lon));
        let bavaria = subdivision("bavaria", &[]).expect("Bavaria");
        let (lat, lon) = bavaria.centre.expect("a centre");
        assert!(bavaria.bounds.expect("bounds").contains(lat, lon));
        assert!(
            bavaria.bounds.expect("bounds").contains(48.14, 11.58),
            "Munich"
        );
    }
}
