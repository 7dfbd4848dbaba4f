//! Country names and codes: ISO 3166-1 from the `rust_iso3166` crate, plus the few spellings
//! the list uses that ISO does not ("UK", "USA", "GER", "CAN", "Scotland", "Catalonia").
//!
//! Three kinds of place resolve to a country:
//!
//! * a country: its ISO English short name (folded, with or without the parenthesised part,
//!   "Bolivia (Plurinational State of)" → "bolivia"), or an alias from [`ALIASES`];
//! * a two-letter code as written in capitals: an ISO 3166-1 code ("FR", "BR"), or a US state
//!   or Canadian province code ("NY", "QC") — see [`code`] for which wins where they clash;
//! * a subdivision: a US state or Canadian province by its ISO 3166-2 name ("Ontario",
//!   "Vermont"), or one of the regions in [`SUBDIVISION_ALIASES`] ("Basque Country").
//!
//! The dataset's country names are ISO's short names with the long official forms shortened
//! ("United Kingdom" for "United Kingdom of Great Britain and Northern Ireland").

use std::collections::HashMap;
use std::sync::OnceLock;

use coops_core::text::fold;

/// Spellings of countries that ISO's names do not cover, folded.
const ALIASES: &[(&str, &str)] = &[
    ("uk", "GB"),
    ("u.k.", "GB"),
    ("great britain", "GB"),
    ("britain", "GB"),
    ("england", "GB"),
    ("scotland", "GB"),
    ("wales", "GB"),
    ("northern ireland", "GB"),
    ("us", "US"),
    ("u.s.", "US"),
    ("usa", "US"),
    ("u.s.a.", "US"),
    ("united states", "US"),
    ("ger", "DE"),
    ("deutschland", "DE"),
    ("fr", "FR"),
    ("br", "BR"),
    ("brasil", "BR"),
    ("nz", "NZ"),
    ("aotearoa", "NZ"),
    ("can", "CA"),
    ("holland", "NL"),
    ("espana", "ES"),
    ("turkey", "TR"),
    ("russia", "RU"),
    ("south korea", "KR"),
    ("korea", "KR"),
    ("north korea", "KP"),
    ("vietnam", "VN"),
    ("laos", "LA"),
    ("syria", "SY"),
    ("czech republic", "CZ"),
    ("ivory coast", "CI"),
    ("macedonia", "MK"),
    ("burma", "MM"),
    ("uae", "AE"),
    ("drc", "CD"),
    ("dr congo", "CD"),
    ("cape verde", "CV"),
    ("swaziland", "SZ"),
    ("vatican", "VA"),
    ("vatican city", "VA"),
    ("bosnia", "BA"),
];

/// Regions inside a country that the list names instead of the country, folded. US states and
/// Canadian provinces come from ISO 3166-2 and are not repeated here.
const SUBDIVISION_ALIASES: &[(&str, &str)] = &[
    ("catalonia", "ES"),
    ("catalunya", "ES"),
    ("basque country", "ES"),
    ("euskadi", "ES"),
    ("pais vasco", "ES"),
    ("galicia", "ES"),
    ("andalusia", "ES"),
    ("nrw", "DE"),
    ("north rhine-westphalia", "DE"),
    ("nordrhein-westfalen", "DE"),
    ("bavaria", "DE"),
    ("bayern", "DE"),
    ("saxony", "DE"),
    ("lower austria", "AT"),
    ("upper austria", "AT"),
    ("niederosterreich", "AT"),
    ("tyrol", "AT"),
    ("brittany", "FR"),
    ("bretagne", "FR"),
    ("ile-de-france", "FR"),
    ("wallonia", "BE"),
    ("flanders", "BE"),
    ("lombardy", "IT"),
    ("santa fe", "AR"),
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

/// Countries whose states or provinces are read by name and code.
const SUBDIVIDED: [&str; 2] = ["US", "CA"];

/// "Bolivia (Plurinational State of)" → "Bolivia".
fn without_parenthesis(name: &str) -> &str {
    name.split(" (").next().unwrap_or(name).trim()
}

/// The English short name for the dataset.
pub fn name(code: &str) -> Option<String> {
    if let Some((_, name)) = NAME_OVERRIDES.iter().find(|(c, _)| *c == code) {
        return Some((*name).to_string());
    }
    rust_iso3166::from_alpha2(code).map(|c| without_parenthesis(c.name).to_string())
}

/// Folded country name → code.
fn country_names() -> &'static HashMap<String, &'static str> {
    static NAMES: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = HashMap::new();
        for country in rust_iso3166::ALL {
            names.insert(fold(country.name), country.alpha2);
            names.insert(fold(without_parenthesis(country.name)), country.alpha2);
        }
        for (code, name) in NAME_OVERRIDES {
            if let Some(c) = rust_iso3166::from_alpha2(code) {
                names.insert(fold(name), c.alpha2);
            }
        }
        for (alias, code) in ALIASES {
            if let Some(c) = rust_iso3166::from_alpha2(code) {
                names.insert((*alias).to_string(), c.alpha2);
            }
        }
        names
    })
}

/// Folded subdivision name → country code; and subdivision code ("NY") → country code.
struct Subdivisions {
    by_name: HashMap<String, &'static str>,
    by_code: HashMap<&'static str, &'static str>,
}

fn subdivisions() -> &'static Subdivisions {
    static SUBS: OnceLock<Subdivisions> = OnceLock::new();
    SUBS.get_or_init(|| {
        let mut subs = Subdivisions {
            by_name: HashMap::new(),
            by_code: HashMap::new(),
        };
        for country in SUBDIVIDED
            .iter()
            .filter_map(|c| rust_iso3166::from_alpha2(c))
        {
            // Outlying areas (Guam, Puerto Rico) are countries of their own in ISO 3166-1.
            for sub in country
                .subdivisions()
                .unwrap_or_default()
                .iter()
                .filter(|s| s.subdivision_type != "Outlying area")
            {
                subs.by_name.insert(fold(sub.name), country.alpha2);
                subs.by_code.insert(sub.region_code, country.alpha2);
            }
        }
        for (alias, code) in SUBDIVISION_ALIASES {
            if let Some(c) = rust_iso3166::from_alpha2(code) {
                subs.by_name.insert((*alias).to_string(), c.alpha2);
            }
        }
        subs
    })
}

/// The country a (folded) name means: "germany", "the netherlands", "usa", "tanzania".
pub fn by_name(folded: &str) -> Option<&'static str> {
    let folded = folded.trim();
    let names = country_names();
    names
        .get(folded)
        .or_else(|| {
            folded
                .strip_prefix("the ")
                .and_then(|rest| names.get(rest.trim()))
        })
        .copied()
}

/// The country of a (folded) US state, Canadian province or known region: "ontario" → CA.
pub fn by_subdivision(folded: &str) -> Option<&'static str> {
    subdivisions().by_name.get(folded.trim()).copied()
}

/// The country a two-letter code written in capitals means. In North America a state or
/// province code wins ("CA" is California, "CO" Colorado, "GA" Georgia), elsewhere an ISO
/// country code does ("DE" is Germany); the other reading is the fallback either way.
pub fn code(text: &str, north_america: bool) -> Option<&'static str> {
    let text = text.trim();
    if text.len() != 2 || !text.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let state = subdivisions().by_code.get(text).copied();
    let country = rust_iso3166::from_alpha2(text).map(|c| c.alpha2);
    if north_america {
        state.or(country)
    } else {
        country.or(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases() {
        for (text, want) in [
            ("germany", "DE"),
            ("the netherlands", "NL"),
            ("usa", "US"),
            ("uk", "GB"),
            ("ger", "DE"),
            ("can", "CA"),
            ("scotland", "GB"),
            ("mexico", "MX"),
            ("turkey", "TR"),
            ("turkiye", "TR"),
            ("bolivia", "BO"),
            ("el salvador", "SV"),
            ("new zealand", "NZ"),
        ] {
            assert_eq!(by_name(text), Some(want), "{text}");
        }
        assert_eq!(by_name("atlantis"), None);
    }

    #[test]
    fn subdivisions_and_codes() {
        assert_eq!(by_subdivision("ontario"), Some("CA"));
        assert_eq!(by_subdivision("quebec"), Some("CA"));
        assert_eq!(by_subdivision("vermont"), Some("US"));
        assert_eq!(by_subdivision("catalonia"), Some("ES"));
        assert_eq!(by_subdivision("lower austria"), Some("AT"));
        assert_eq!(code("NY", true), Some("US"));
        assert_eq!(code("QC", true), Some("CA"));
        assert_eq!(code("CA", true), Some("US"), "California in North America");
        assert_eq!(code("CO", true), Some("US"), "Colorado in North America");
        assert_eq!(code("DE", false), Some("DE"));
        assert_eq!(code("FR", false), Some("FR"));
        assert_eq!(code("TX", false), Some("US"));
        assert_eq!(code("fr", false), None, "codes count only in capitals");
    }

    #[test]
    fn short_names() {
        assert_eq!(name("GB").as_deref(), Some("United Kingdom"));
        assert_eq!(name("US").as_deref(), Some("United States"));
        assert_eq!(name("NL").as_deref(), Some("Netherlands"));
        assert_eq!(name("BO").as_deref(), Some("Bolivia"));
        assert_eq!(name("FR").as_deref(), Some("France"));
        assert_eq!(name("ZZ"), None);
    }
}
