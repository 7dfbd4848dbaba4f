//! The "Region/Country" cell: countries, places with coordinates, and the remote / distributed
//! / worldwide flags.
//!
//! The cell is free text ("Tkaronto (Toronto), Ontario, Canada", "US + CAN", "Remote,
//! international", "Berlin, Germany / Dublin, Ireland", "France (full remote)"). It is split
//! into items at `,` `/` `;` `+` `|`, and read in two passes.
//!
//! The first pass finds what needs no context, item by item:
//!
//! 1. flag words ("Remote", "Distributed", "Global", "Cypherspace", ...), also with words
//!    around them ("full remote", "100% remote", "Remote France", "Germany - remote");
//! 2. a vague area that is no country ("Europe", "EU", "North America", "elsewhere");
//! 3. a place no source knows by that name ([`KNOWN_LOCALITIES`]: "Tkaronto", "CABA");
//! 4. a country by any of its names, or a two-letter code in capitals (see
//!    [`crate::countries`]), also after a direction word ("Western US"); in North America a
//!    US state or Canadian province by name ("Georgia" is the state there);
//! 5. "X (Y)" and "X and Y" where a part is one of the above ("Lyon (France)", "USA and
//!    beyond"): the parts.
//!
//! What is left names a place. The second pass reads it knowing the row's countries: a city of
//! the gazetteer in one of them (the most populous of that name, or the one inside the region
//! named after it: "Portland, Oregon"), or a subdivision of one of them ("Catalonia"); a region
//! right after a city it contains only says where that city is ("Ottawa, Ontario"). With no
//! country in the row, a place is taken only when one country has it. What is not found, or
//! found in several countries, is reported and kept as written; the co-op is then placed at
//! its country's centre.
//!
//! The region of the table is a hint: in North America "Georgia" and "GA" are the state, "CA"
//! is California; elsewhere "Georgia" is the country.

use coops_core::text::fold;
use coops_core::{Location, Place, Precision};

use crate::countries::{self, Subdivision};
use crate::gazetteer::{Gazetteer, Lookup};
use crate::regions::NORTH_AMERICA;

/// Folded words that mark a co-op as working remotely.
const REMOTE: &[&str] = &[
    "remote",
    "remotely",
    "remote-first",
    "teletravail",
    "remoto",
];
/// Folded words that may stand around a flag word without naming a place ("full remote",
/// "100% remote", "remote first", "remote only").
const FILLER: &[&str] = &[
    "full", "fully", "100%", "only", "first", "mostly", "mainly", "all", "team", "company",
    "friendly", "work", "working", "-", "–", "—", "&", "and", "in", "from", "based", "also",
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
/// Places the gazetteer does not know by the name the list uses: (folded name, the gazetteer's
/// name for it, the name to show when not the one written, country).
const KNOWN_LOCALITIES: &[(&str, &str, Option<&str>, &str)] = &[
    // The Mohawk name of Toronto, which GeoNames does not list.
    ("tkaronto", "toronto", None, "CA"),
    // Ciudad Autónoma de Buenos Aires: the city itself.
    ("caba", "buenos aires", Some("Buenos Aires"), "AR"),
];
/// The entry of [`KNOWN_LOCALITIES`] for a folded name.
fn known_locality(
    folded: &str,
) -> Option<&'static (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
)> {
    KNOWN_LOCALITIES.iter().find(|(n, ..)| *n == folded)
}

/// Inhabitants from which a city named like the region around it is taken for the city.
const CITY_OVER_REGION: u64 = 100_000;
/// Direction words before a country or state ("Western US").
const DIRECTIONS: &[&str] = &[
    "western", "eastern", "northern", "southern", "central", "north", "south", "east", "west",
];

/// What the first pass makes of an item.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Remote,
    Distributed,
    Worldwide,
    Vague,
    Country(&'static str),
    /// A US state or Canadian province, by code or (in North America) by a name that is also a
    /// country's.
    Region(&'static Subdivision),
    /// A place known by another name: as written, the gazetteer's name, its country.
    Known(String, &'static str, &'static str),
    /// Names a place, read in the second pass: as written.
    Named(String),
}

impl Kind {
    /// Places and flags: what makes "X (Y)" and "X and Y" worth splitting.
    fn is_place_or_flag(&self) -> bool {
        !matches!(self, Kind::Named(_) | Kind::Known(..))
    }

    fn country(&self) -> Option<&'static str> {
        match self {
            Kind::Country(code) | Kind::Known(_, _, code) => Some(code),
            Kind::Region(sub) => Some(sub.country),
            _ => None,
        }
    }
}

/// A location cell, read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// The location in the model's terms.
    pub location: Location,
    /// The cell named an area but no country ("Europe").
    pub vague: bool,
    /// Why a place the cell names is not placed ("no place called …"), one line each.
    pub unplaced: Vec<String>,
}

/// Reads a location cell; `region` is the id of the table's region. Places are looked up in
/// `gazetteer`.
pub fn parse(text: &str, region: &str, gazetteer: &Gazetteer) -> Parsed {
    let kinds = first_pass(text, region);
    let mut parsed = Parsed::default();
    parsed.location.text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut second = SecondPass {
        gazetteer,
        location: &mut parsed.location,
        unplaced: &mut parsed.unplaced,
        localities: Vec::new(),
        last_city: None,
    };
    let mut row: Vec<&'static str> = Vec::new();
    for code in kinds.iter().filter_map(Kind::country) {
        if !row.contains(&code) {
            row.push(code);
        }
    }
    for code in &row {
        second.add_country(code);
    }
    if row.is_empty() {
        // No country written: a region that only one country has, and that is no city of that
        // country, says which ("Barcelona, Catalonia", but not "London, Ontario"), and the
        // places are looked for there first.
        row = kinds
            .iter()
            .filter_map(|k| match k {
                Kind::Named(text) => {
                    let folded = folded(text);
                    countries::by_subdivision(&folded)
                        .filter(|code| gazetteer.candidates(&folded, &[code]).is_empty())
                }
                _ => None,
            })
            .collect();
        row.dedup();
    }
    for (i, kind) in kinds.iter().enumerate() {
        let next_bounds = kinds.get(i + 1).and_then(|next| match next {
            Kind::Region(sub) => sub.bounds,
            Kind::Named(text) => countries::subdivision(&folded(text), &row).and_then(|s| s.bounds),
            _ => None,
        });
        match kind {
            Kind::Remote => second.location.remote = true,
            Kind::Distributed => second.location.distributed = true,
            Kind::Worldwide => second.location.worldwide = true,
            Kind::Vague => parsed.vague = true,
            Kind::Country(_) => second.last_city = None,
            Kind::Region(sub) => second.region(sub, sub.name),
            Kind::Known(text, name, country) => {
                second.localities.push(text.clone());
                second.named(text, name, &[country], next_bounds);
            }
            Kind::Named(text) => {
                if second.named(text, &folded(text), &row, next_bounds) {
                    second.localities.push(text.clone());
                }
            }
        }
    }
    let localities = std::mem::take(&mut second.localities);
    second.country_places();
    if !localities.is_empty() {
        parsed.location.locality = Some(localities.join(", "));
    }
    parsed
}

/// Whether a cell names a country or a flag (used to find the location among extra cells).
pub fn names_a_place(text: &str, region: &str) -> bool {
    first_pass(text, region).iter().any(|k| {
        k.country().is_some() || matches!(k, Kind::Remote | Kind::Distributed | Kind::Worldwide)
    })
}

fn folded(text: &str) -> String {
    let folded = fold(text);
    folded.trim().trim_end_matches('.').trim().to_string()
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The items of a cell, as the first pass reads them.
fn first_pass(text: &str, region: &str) -> Vec<Kind> {
    let reader = FirstPass {
        na: region == NORTH_AMERICA,
    };
    let mut kinds = Vec::new();
    for item in text
        .split([',', '/', ';', '+', '|', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        reader.item(item, &mut kinds);
    }
    kinds
}

struct FirstPass {
    na: bool,
}

impl FirstPass {
    fn item(&self, item: &str, out: &mut Vec<Kind>) {
        if let Some(kind) = self.classify(item) {
            return out.push(kind);
        }
        if let Some((flags, rest)) = strip_flags(item) {
            out.extend(flags);
            if !rest.is_empty() {
                self.item(&rest, out);
            }
            return;
        }
        if let Some((outer, inner)) = split_parenthesis(item) {
            let mut inner_kinds = Vec::new();
            self.item(inner, &mut inner_kinds);
            if inner_kinds.iter().all(Kind::is_place_or_flag) {
                self.item(outer, out);
                out.extend(inner_kinds);
                return;
            }
        }
        let parts = split_and(item);
        if parts.len() > 1 {
            let kinds: Vec<Option<Kind>> = parts.iter().map(|p| self.classify(p)).collect();
            if kinds.iter().flatten().any(Kind::is_place_or_flag) {
                for (part, kind) in parts.iter().zip(kinds) {
                    out.push(kind.unwrap_or_else(|| Kind::Named(clean(part))));
                }
                return;
            }
        }
        out.push(Kind::Named(clean(item)));
    }

    fn classify(&self, text: &str) -> Option<Kind> {
        let folded = folded(text);
        if folded.is_empty() {
            return Some(Kind::Vague);
        }
        if let Some(flag) = flag(&folded) {
            return Some(flag);
        }
        if VAGUE.contains(&folded.as_str()) {
            return Some(Kind::Vague);
        }
        if let Some((_, name, display, country)) = known_locality(&folded) {
            let shown = display.map_or_else(|| clean(text), str::to_string);
            return Some(Kind::Known(shown, name, country));
        }
        if let Some(kind) = self.country_or_state(text.trim(), &folded) {
            return Some(kind);
        }
        // "Western US"; in North America also "Southern Oregon".
        DIRECTIONS.iter().find_map(|direction| {
            let rest = folded.strip_prefix(direction)?.strip_prefix(' ')?.trim();
            let rest_text = text.trim().get(direction.len() + 1..)?.trim();
            self.country_or_state(rest_text, rest).or_else(|| {
                self.na
                    .then(|| countries::subdivision(rest, &countries::STATE_COUNTRIES))
                    .flatten()
                    .map(Kind::Region)
            })
        })
    }

    /// A two-letter code in capitals, or a country's name. In North America a state or
    /// province wins where they clash: "CA" is California, "CO" Colorado, "Georgia" and "GA"
    /// the state; elsewhere the country does ("DE" is Germany), the other reading being the
    /// fallback either way.
    fn country_or_state(&self, text: &str, folded: &str) -> Option<Kind> {
        if text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase()) {
            let state = countries::coded_subdivision(text).map(Kind::Region);
            let country = countries::info(text).map(|c| Kind::Country(c.code));
            let coded = if self.na {
                state.or(country)
            } else {
                country.or(state)
            };
            if coded.is_some() {
                return coded;
            }
        }
        let state = || {
            countries::subdivision(folded, &countries::STATE_COUNTRIES)
                .filter(|s| s.name.len() > 2)
                .map(Kind::Region)
        };
        match countries::by_name(folded) {
            Some(_) if self.na && state().is_some() => state(),
            Some(code) => Some(Kind::Country(code)),
            None => None,
        }
    }
}

/// The flag a folded item is, on its own or with filler words ("full remote").
fn flag(folded: &str) -> Option<Kind> {
    let words: Vec<&str> = folded
        .split_whitespace()
        .filter(|w| !FILLER.contains(w))
        .collect();
    let core = words.join(" ");
    if REMOTE.contains(&core.as_str())
        || (!core.is_empty() && words.iter().all(|w| REMOTE.contains(w)))
    {
        Some(Kind::Remote)
    } else if DISTRIBUTED.contains(&core.as_str()) {
        Some(Kind::Distributed)
    } else if WORLDWIDE.contains(&core.as_str()) {
        Some(Kind::Worldwide)
    } else {
        None
    }
}

/// "Remote France", "Germany - remote", "remote in Spain": the flags at either end of an item
/// and what is left between them (as written).
fn strip_flags(item: &str) -> Option<(Vec<Kind>, String)> {
    let words: Vec<&str> = item.split_whitespace().collect();
    let is_flag_or_filler = |w: &str| {
        let f = folded(w);
        FILLER.contains(&f.as_str()) || flag(&f).is_some()
    };
    let start = words.iter().take_while(|w| is_flag_or_filler(w)).count();
    let end = words.len()
        - words[start..]
            .iter()
            .rev()
            .take_while(|w| is_flag_or_filler(w))
            .count();
    let flags: Vec<Kind> = words[..start]
        .iter()
        .chain(&words[end..])
        .filter_map(|w| flag(&folded(w)))
        .collect();
    if flags.is_empty() {
        return None;
    }
    let rest = words[start..end].join(" ");
    let rest = rest
        .trim_matches(|c: char| c == '-' || c == ':' || c.is_whitespace())
        .to_string();
    let rest = match rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) if !inner.contains(['(', ')']) => inner.trim().to_string(),
        _ => rest,
    };
    Some((flags, rest))
}

/// The second pass: the named places, with the row's countries known.
struct SecondPass<'a> {
    gazetteer: &'a Gazetteer,
    location: &'a mut Location,
    unplaced: &'a mut Vec<String>,
    localities: Vec<String>,
    /// The city just placed, which a region right after it may qualify.
    last_city: Option<(f64, f64, String)>,
}

impl SecondPass<'_> {
    fn add_country(&mut self, code: &str) {
        let countries = &mut self.location.countries;
        if !countries.iter().any(|c| c == code) {
            countries.push(code.to_string());
        }
    }

    fn push_place(
        &mut self,
        name: &str,
        country: &str,
        (lat, lon): (f64, f64),
        precision: Precision,
    ) {
        let place = Place {
            name: clean(name),
            country: country.to_string(),
            lat: precision.round(lat),
            lon: precision.round(lon),
            precision,
        };
        if !self.location.places.contains(&place) {
            self.location.places.push(place);
        }
        self.add_country(country);
    }

    /// Whether `sub` is where the city just placed is (in its country, and inside its bounds
    /// when they are known).
    fn holds_last_city(&self, sub: &Subdivision) -> bool {
        self.last_city.as_ref().is_some_and(|(lat, lon, country)| {
            *country == sub.country && sub.bounds.is_none_or(|b| b.contains(*lat, *lon))
        })
    }

    /// A state, province or region: where the city before it is, or a place of its own.
    fn region(&mut self, sub: &Subdivision, written: &str) {
        let qualifies = self.holds_last_city(sub);
        self.last_city = None;
        if qualifies {
            return;
        }
        match sub.centre {
            Some(centre) => self.push_place(written, sub.country, centre, Precision::Region),
            None => self.add_country(sub.country),
        }
    }

    /// Reads a named place; false when it was a region (not a locality).
    fn named(
        &mut self,
        written: &str,
        folded: &str,
        among: &[&str],
        within: Option<countries::Bounds>,
    ) -> bool {
        // Looked for in the row's countries first; a name found in none of them is looked for
        // everywhere, and taken only where one country alone has it ("France, UK, Québec").
        if !among.is_empty()
            && countries::subdivision(folded, among).is_none()
            && self.gazetteer.candidates(folded, among).is_empty()
            && known_locality(folded).is_none()
            && (countries::subdivision(folded, &[]).is_some()
                || matches!(self.gazetteer.lookup(folded, &[], None), Lookup::Found(_)))
        {
            return self.named(written, folded, &[], within);
        }
        if let Some((_, name, _, country)) = known_locality(folded)
            && folded != *name
        {
            return self.named(written, name, &[country], within);
        }
        let sub = countries::subdivision(folded, among);
        // A region right after a city inside it only says where the city is ("Seattle,
        // Washington": the state, not the District of Columbia, also called Washington).
        if countries::subdivisions_named(folded, &[])
            .iter()
            .any(|s| self.holds_last_city(s))
        {
            self.last_city = None;
            return false;
        }
        match self.gazetteer.lookup(folded, among, within) {
            Lookup::Found(city) => {
                // A region and a city of one name: the city when it is a large one inside the
                // region ("Berlin", "Madrid", "New York"), the region otherwise ("Vermont, US",
                // "Minnesota": small towns bear their names).
                if let Some(sub) = sub
                    && (sub.country != city.country
                        || city.population < CITY_OVER_REGION
                        || sub.bounds.is_some_and(|b| !b.contains(city.lat, city.lon)))
                {
                    if sub.country != city.country && among.is_empty() {
                        self.unplaced.push(format!(
                            "“{written}” is a city in {} and a region in {}, and the row names no country: not placed",
                            city.country, sub.country
                        ));
                        return true;
                    }
                    self.region(sub, written);
                    return false;
                }
                let country = city.country.clone();
                self.push_place(written, &country, (city.lat, city.lon), Precision::City);
                self.last_city = Some((city.lat, city.lon, country));
                true
            }
            Lookup::Ambiguous(countries) if sub.is_none() => {
                self.last_city = None;
                self.unplaced.push(format!(
                    "“{written}” is a place in {}, and the row does not say which: not placed",
                    countries.join(", ")
                ));
                true
            }
            _ => {
                if let Some(sub) = sub {
                    self.region(sub, written);
                    return false;
                }
                self.last_city = None;
                if self.parts(written, among) {
                    return true;
                }
                let context = if among.is_empty() {
                    String::new()
                } else {
                    format!(" (looked for in {})", among.join(", "))
                };
                self.unplaced.push(format!(
                    "no city or region called “{written}” in the gazetteer{context}: not placed at a city"
                ));
                true
            }
        }
    }

    /// "Cologne (Köln)", "Montreal and Quebec City": the parts, when each is a known place.
    fn parts(&mut self, written: &str, among: &[&str]) -> bool {
        let mut parts: Vec<&str> = split_and(written);
        if parts.len() < 2 {
            parts = match split_parenthesis(written) {
                Some((outer, inner)) => vec![outer, inner],
                None => return false,
            };
            // Either half names the place: the first one known.
            return parts.into_iter().any(|part| {
                let f = folded(part);
                self.is_city(&f, among) && self.named(written, &f, among, None)
            });
        }
        let known = |part: &&str| {
            let f = folded(part);
            self.is_city(&f, among)
                || countries::subdivision(&f, among).is_some()
                || split_parenthesis(part).is_some()
        };
        if !parts.iter().all(known) {
            return false;
        }
        for part in parts {
            let f = folded(part);
            self.named(part, &f, among, None);
        }
        true
    }

    /// Whether a folded name is one city of the gazetteer (under the list's own name for it too).
    fn is_city(&self, folded: &str, among: &[&str]) -> bool {
        match known_locality(folded) {
            Some((_, name, _, country)) => {
                matches!(
                    self.gazetteer.lookup(name, &[country], None),
                    Lookup::Found(_)
                )
            }
            None => matches!(self.gazetteer.lookup(folded, among, None), Lookup::Found(_)),
        }
    }

    /// Each of the row's countries with no place in it is placed at its centre.
    fn country_places(&mut self) {
        let countries = self.location.countries.clone();
        for code in countries {
            if self.location.places.iter().any(|p| p.country == code) {
                continue;
            }
            if let Some(info) = countries::info(&code) {
                self.push_place(&info.name.clone(), &code, info.centre, Precision::Country);
            }
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
mod tests;
