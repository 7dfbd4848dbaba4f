//! The "Region/Country" cell: countries, locality and the remote / distributed / worldwide flags.
//!
//! The cell is free text ("Tkaronto (Toronto), Ontario, Canada", "US + CAN", "Remote,
//! international", "Berlin, Germany / Dublin, Ireland"). It is split into items at `,` `/` `;`
//! `+` `|`; each item is then, in this order:
//!
//! 1. a flag word ("Remote", "Distributed", "Global", "international", "Worldwide",
//!    "Cypherspace", ...);
//! 2. a vague area that is no country ("Europe", "EU", "North America", "elsewhere");
//! 3. a known city that implies its country ("Tkaronto (Toronto)", "Montreal");
//! 4. a country, a two-letter code, a state, province or region (see [`crate::countries`]),
//!    also after a direction word ("Western US");
//! 5. "X (Y)" where Y is one of the above ("Lyon (France)", "UK (Remote)"): both halves;
//! 6. "X and Y": its parts, when one of them is a country or flag ("USA and beyond",
//!    "Western US and Georgia"); otherwise the whole is one locality ("Montreal and Quebec City");
//! 7. anything else is a locality (a city or district), kept as written.
//!
//! The region of the table is a hint: in North America "Georgia" and "GA" are the state, "CA"
//! is California; elsewhere "Georgia" is the country.

use coops_core::Location;
use coops_core::text::fold;

use crate::countries;
use crate::regions::NORTH_AMERICA;

/// Folded words that mark a co-op as working remotely.
const REMOTE: &[&str] = &[
    "remote",
    "remotely",
    "remote-first",
    "fully remote",
    "remote only",
];
/// Folded words that mark a distributed company.
const DISTRIBUTED: &[&str] = &[
    "distributed",
    "distributed company",
    "distributed team",
    "decentralised",
    "decentralized",
];
/// Folded words that mark a co-op working worldwide.
const WORLDWIDE: &[&str] = &[
    "global",
    "globally",
    "worldwide",
    "world-wide",
    "world wide",
    "international",
    "internationally",
    "cypherspace",
    "cyberspace",
    "everywhere",
    "anywhere",
    "online",
    "the internet",
    "internet",
];
/// Folded names of areas that are no country: read, but they name no country.
const VAGUE: &[&str] = &[
    "europe",
    "eu",
    "european union",
    "north america",
    "south america",
    "latin america",
    "central america",
    "americas",
    "asia",
    "africa",
    "oceania",
    "middle east",
    "scandinavia",
    "nordics",
    "balkans",
    "elsewhere",
    "beyond",
    "abroad",
    "various",
    "other",
    "others",
];
/// Cities that imply their country (folded name, display name, country). "New York" is also
/// a state; it is read as the city only when it comes first ("New York, USA").
const KNOWN_LOCALITIES: &[(&str, Option<&str>, &str)] = &[
    ("tkaronto (toronto)", None, "CA"),
    ("tkaronto", None, "CA"),
    ("toronto", None, "CA"),
    ("montreal", None, "CA"),
    ("quebec city", None, "CA"),
    ("new york city", None, "US"),
    ("nyc", None, "US"),
    ("new york", None, "US"),
    // Ciudad Autónoma de Buenos Aires: the city itself.
    ("caba", Some("Buenos Aires"), "AR"),
];
/// Direction words before a country or state ("Western US").
const DIRECTIONS: &[&str] = &[
    "western", "eastern", "northern", "southern", "central", "north", "south", "east", "west",
];

/// What one item of the cell is.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Remote,
    Distributed,
    Worldwide,
    Vague,
    Country(&'static str),
    /// A city: display text and the country it implies, if known.
    Locality(String, Option<&'static str>),
    Unknown,
}

impl Kind {
    /// Places and flags: what makes "X (Y)" and "X and Y" worth splitting.
    fn is_place_or_flag(&self) -> bool {
        matches!(
            self,
            Kind::Remote | Kind::Distributed | Kind::Worldwide | Kind::Vague | Kind::Country(_)
        )
    }
}

/// A location cell, read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// The location in the model's terms.
    pub location: Location,
    /// The cell named an area but no country ("Europe").
    pub vague: bool,
}

/// Reads a location cell; `region` is the id of the table's region.
pub fn parse(text: &str, region: &str) -> Parsed {
    let na = region == NORTH_AMERICA;
    let mut reader = Reader {
        na,
        parsed: Parsed::default(),
        localities: Vec::new(),
    };
    reader.parsed.location.text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let items: Vec<&str> = text
        .split([',', '/', ';', '+', '|', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    for (i, item) in items.iter().enumerate() {
        reader.item(item, i == 0);
    }
    let mut parsed = reader.parsed;
    if !reader.localities.is_empty() {
        parsed.location.locality = Some(reader.localities.join(", "));
    }
    parsed
}

/// Whether a cell names a place or a flag (used to find the location among extra cells).
pub fn names_a_place(text: &str, region: &str) -> bool {
    let parsed = parse(text, region);
    let l = &parsed.location;
    !l.countries.is_empty() || l.remote || l.distributed || l.worldwide
}

struct Reader {
    na: bool,
    parsed: Parsed,
    localities: Vec<String>,
}

impl Reader {
    fn item(&mut self, item: &str, first: bool) {
        let kind = self.classify(item, first);
        if kind != Kind::Unknown {
            return self.apply(kind);
        }
        if let Some((outer, inner)) = split_parenthesis(item) {
            let inner_kind = self.classify(inner, false);
            if inner_kind.is_place_or_flag() {
                self.item(outer, first);
                return self.apply(inner_kind);
            }
        }
        let parts = split_and(item);
        if parts.len() > 1 {
            let kinds: Vec<Kind> = parts
                .iter()
                .enumerate()
                .map(|(i, p)| self.classify(p, first && i == 0))
                .collect();
            if kinds.iter().any(Kind::is_place_or_flag) {
                for (part, kind) in parts.iter().zip(kinds) {
                    match kind {
                        Kind::Unknown => self.add_locality(part),
                        kind => self.apply(kind),
                    }
                }
                return;
            }
            // Only cities: one locality as written, with the countries they imply.
            for kind in kinds {
                if let Kind::Locality(_, Some(country)) = kind {
                    self.add_country(country);
                }
            }
        }
        self.add_locality(item);
    }

    fn classify(&self, text: &str, first: bool) -> Kind {
        let folded = fold(text);
        let folded = folded.trim().trim_end_matches('.').trim();
        if folded.is_empty() {
            return Kind::Vague;
        }
        if REMOTE.contains(&folded) {
            return Kind::Remote;
        }
        if DISTRIBUTED.contains(&folded) {
            return Kind::Distributed;
        }
        if WORLDWIDE.contains(&folded) {
            return Kind::Worldwide;
        }
        if VAGUE.contains(&folded) {
            return Kind::Vague;
        }
        if let Some((name, display, country)) =
            KNOWN_LOCALITIES.iter().find(|(name, ..)| *name == folded)
        {
            // "New York" after a city is the state.
            if first || *name != "new york" {
                let display = display
                    .map(str::to_string)
                    .unwrap_or_else(|| text.trim().to_string());
                return Kind::Locality(display, Some(*country));
            }
        }
        if let Some(code) = self.place(text.trim(), folded) {
            return Kind::Country(code);
        }
        for direction in DIRECTIONS {
            if let Some(rest) = folded
                .strip_prefix(direction)
                .and_then(|r| r.strip_prefix(' '))
            {
                let rest_text = text.trim().get(direction.len() + 1..).unwrap_or("").trim();
                if let Some(code) = self.place(rest_text, rest.trim()) {
                    return Kind::Country(code);
                }
            }
        }
        Kind::Unknown
    }

    /// A country, code, state or region.
    fn place(&self, text: &str, folded: &str) -> Option<&'static str> {
        if let Some(code) = countries::code(text, self.na) {
            return Some(code);
        }
        if self.na {
            countries::by_subdivision(folded).or_else(|| countries::by_name(folded))
        } else {
            countries::by_name(folded).or_else(|| countries::by_subdivision(folded))
        }
    }

    fn apply(&mut self, kind: Kind) {
        let location = &mut self.parsed.location;
        match kind {
            Kind::Remote => location.remote = true,
            Kind::Distributed => location.distributed = true,
            Kind::Worldwide => location.worldwide = true,
            Kind::Vague => self.parsed.vague = true,
            Kind::Country(code) => self.add_country(code),
            Kind::Locality(text, country) => {
                self.add_locality(&text);
                if let Some(code) = country {
                    self.add_country(code);
                }
            }
            Kind::Unknown => {}
        }
    }

    fn add_country(&mut self, code: &str) {
        let countries = &mut self.parsed.location.countries;
        if !countries.iter().any(|c| c == code) {
            countries.push(code.to_string());
        }
    }

    fn add_locality(&mut self, text: &str) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() && !self.localities.iter().any(|l| fold(l) == fold(&text)) {
            self.localities.push(text);
        }
    }
}

/// "Lyon (France)" → ("Lyon", "France"): only a parenthesis that ends the item.
fn split_parenthesis(item: &str) -> Option<(&str, &str)> {
    let body = item.trim().strip_suffix(')')?;
    let open = body.rfind('(')?;
    let outer = body.get(..open)?.trim();
    let inner = body.get(open + 1..)?.trim();
    (!outer.is_empty() && !inner.is_empty()).then_some((outer, inner))
}

/// "Montreal and Quebec City" → ["Montreal", "Quebec City"]; also at "&".
fn split_and(item: &str) -> Vec<&str> {
    let lower = item.to_ascii_lowercase();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let bytes = lower.as_bytes();
    while i < bytes.len() {
        let (is_sep, len) = if lower.get(i..).is_some_and(|rest| rest.starts_with(" and ")) {
            (true, 5)
        } else if bytes.get(i) == Some(&b'&') {
            (true, 1)
        } else {
            (false, 1)
        };
        if is_sep {
            if let Some(part) = item.get(start..i) {
                parts.push(part.trim());
            }
            start = i + len;
        }
        i += len;
    }
    if let Some(part) = item.get(start..) {
        parts.push(part.trim());
    }
    parts.retain(|p| !p.is_empty());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, region: &str) -> (Vec<String>, Option<String>) {
        let l = parse(text, region).location;
        (l.countries, l.locality)
    }

    fn codes(text: &str, region: &str) -> Vec<String> {
        read(text, region).0
    }

    #[test]
    fn several_countries_per_row() {
        assert_eq!(
            codes("USA / Nicaragua / Germany", "north-america"),
            ["US", "NI", "DE"]
        );
        assert_eq!(codes("US + CAN", "north-america"), ["US", "CA"]);
        assert_eq!(codes("USA/Canada", "north-america"), ["US", "CA"]);
        assert_eq!(codes("France, UK, Québec", "europe"), ["FR", "GB", "CA"]);
        assert_eq!(
            read("Berlin, Germany / Dublin, Ireland", "europe"),
            (
                vec!["DE".into(), "IE".into()],
                Some("Berlin, Dublin".into())
            )
        );
        assert_eq!(codes("UK / Germany", "europe"), ["GB", "DE"]);
    }

    #[test]
    fn states_provinces_and_regions() {
        assert_eq!(codes("Western US and Georgia, US", "north-america"), ["US"]);
        assert_eq!(codes("Tbilisi, Georgia", "europe"), ["GE"]);
        assert_eq!(
            read("Boulder, CO", "north-america"),
            (vec!["US".into()], Some("Boulder".into()))
        );
        assert_eq!(
            read("Brooklyn, NY", "north-america"),
            (vec!["US".into()], Some("Brooklyn".into()))
        );
        assert_eq!(
            read("East Bay, CA, USA", "north-america"),
            (vec!["US".into()], Some("East Bay".into()))
        );
        assert_eq!(codes("Vermont, US", "north-america"), ["US"]);
        assert_eq!(read("Ottawa, Ontario, Canada", "north-america").0, ["CA"]);
        assert_eq!(
            read("Montreal, QC, Canada", "north-america"),
            (vec!["CA".into()], Some("Montreal".into()))
        );
        assert_eq!(codes("EU, Bulgaria", "europe"), ["BG"]);
        assert_eq!(
            read("Lower Austria, Austria", "europe"),
            (vec!["AT".into()], None)
        );
        assert_eq!(
            read("Cupar, Scotland", "europe"),
            (vec!["GB".into()], Some("Cupar".into()))
        );
        assert_eq!(codes("Barcelona, Catalonia", "europe"), ["ES"]);
        assert_eq!(codes("Errenteria, Basque Country", "europe"), ["ES"]);
        assert_eq!(codes("GER", "europe"), ["DE"]);
        assert_eq!(codes("Rennes, FR", "europe"), ["FR"]);
        assert_eq!(codes("Rio de Janeiro, BR", "south-america"), ["BR"]);
        assert_eq!(codes("NZ", "oceania"), ["NZ"]);
        assert_eq!(codes("Amsterdam, the Netherlands", "europe"), ["NL"]);
    }

    #[test]
    fn localities() {
        assert_eq!(
            read("Buenos Aires, Argentina", "south-america")
                .1
                .as_deref(),
            Some("Buenos Aires")
        );
        assert_eq!(
            read("CABA, Buenos Aires, Argentina", "south-america")
                .1
                .as_deref(),
            Some("Buenos Aires")
        );
        assert_eq!(
            read("Quebec City, Quebec, Canada", "north-america")
                .1
                .as_deref(),
            Some("Quebec City")
        );
        assert_eq!(
            read("Montreal and Quebec City, Canada", "north-america"),
            (vec!["CA".into()], Some("Montreal and Quebec City".into()))
        );
        assert_eq!(
            read("Tkaronto (Toronto), Ontario, Canada", "north-america"),
            (vec!["CA".into()], Some("Tkaronto (Toronto)".into()))
        );
        assert_eq!(read("Tkaronto (Toronto)", "north-america").0, ["CA"]);
        assert_eq!(
            read("Lille, Paris, Nantes, Lyon (France)", "europe"),
            (vec!["FR".into()], Some("Lille, Paris, Nantes, Lyon".into()))
        );
        assert_eq!(
            read("New York, USA and beyond", "north-america"),
            (vec!["US".into()], Some("New York".into()))
        );
        assert_eq!(
            read("New York and San Francisco, USA", "north-america")
                .1
                .as_deref(),
            Some("New York and San Francisco")
        );
        assert_eq!(read("Germany", "europe").1, None);
    }

    #[test]
    fn flags() {
        let l = parse("Distributed / Remote, North America", "north-america");
        assert!(
            l.location.distributed
                && l.location.remote
                && l.vague
                && l.location.countries.is_empty()
        );
        let l = parse("Remote, international", "north-america").location;
        assert!(l.remote && l.worldwide);
        let l = parse("UK (Remote)", "europe").location;
        assert_eq!(l.countries, ["GB"]);
        assert!(l.remote);
        let l = parse("UK, Cypherspace", "europe").location;
        assert!(l.worldwide);
        let l = parse("A Coruña, Spain; Global", "europe").location;
        assert_eq!(
            (l.countries, l.locality.as_deref(), l.worldwide),
            (vec!["ES".to_string()], Some("A Coruña"), true)
        );
        assert!(parse("Europe", "europe").vague);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "", "()", "(", ")", " and ", "&&&", "(France)", "x (", "é (ü)", "Western", "&",
            "and and",
        ] {
            let _ = parse(text, "europe");
        }
    }
}
