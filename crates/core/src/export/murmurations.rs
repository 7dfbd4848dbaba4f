//! The co-ops as Murmurations organisation profiles (issue 22), so the maps and directories
//! that read the Murmurations index (mykomap among them) can show them. A profile follows the
//! `organizations_schema-v1.0.0` schema of MurmurationsNetwork/MurmurationsLibrary; the test
//! in `tests/murmurations.rs` validates every profile against that schema's constraints.
//!
//! The index tells profiles apart by their primary URL, so a co-op without a website has no
//! profile; nor has one no longer trading (the schema's statuses are for projects, and a map of
//! the movement should not show a closed co-op as a place to go). Both are left out and
//! counted, never guessed at.

use serde_json::{Map, Value, json};

use crate::model::{Coop, Directory, Precision, Status, plain_text};

/// The schema every profile links to.
pub const SCHEMA: &str = "organizations_schema-v1.0.0";

/// The longest primary URL the schema accepts.
const MAX_URL: usize = 2000;

/// Why a co-op has no profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOut {
    /// The list gives no website starting with `http://` or `https://`.
    NoWebsite,
    /// The co-op is no longer trading.
    NotTrading,
}

impl LeftOut {
    /// A stable name for the reason, as the published index writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            LeftOut::NoWebsite => "no-website",
            LeftOut::NotTrading => "not-trading",
        }
    }
}

/// Profiles for a selection of co-ops: those made, by id, and those left out, with why.
#[derive(Debug, Default)]
pub struct Profiles {
    /// `(co-op id, profile)`, in the selection's order.
    pub made: Vec<(String, Value)>,
    /// `(co-op id, reason)`, in the selection's order.
    pub left_out: Vec<(String, LeftOut)>,
}

/// The profiles of `coops`, in their order.
pub fn profiles<'a>(directory: &Directory, coops: impl IntoIterator<Item = &'a Coop>) -> Profiles {
    let mut out = Profiles::default();
    for coop in coops {
        match profile(directory, coop) {
            Ok(profile) => out.made.push((coop.id.clone(), profile)),
            Err(reason) => out.left_out.push((coop.id.clone(), reason)),
        }
    }
    out
}

/// The profiles of `coops` as one JSON array, the file the directory's Download saves.
pub fn profiles_json<'a>(
    directory: &Directory,
    coops: impl IntoIterator<Item = &'a Coop>,
) -> String {
    let made: Vec<Value> = profiles(directory, coops)
        .made
        .into_iter()
        .map(|(_, profile)| profile)
        .collect();
    serde_json::to_string_pretty(&made).unwrap_or_default()
}

/// How many of `coops` would be left out of [`profiles`], without making any.
pub fn left_out_count<'a>(coops: impl IntoIterator<Item = &'a Coop>) -> usize {
    coops
        .into_iter()
        .filter(|c| reason_left_out(c).is_some())
        .count()
}

fn reason_left_out(coop: &Coop) -> Option<LeftOut> {
    if coop.status != Status::Active {
        Some(LeftOut::NotTrading)
    } else if primary_url(coop).is_none() {
        Some(LeftOut::NoWebsite)
    } else {
        None
    }
}

fn primary_url(coop: &Coop) -> Option<&str> {
    coop.url
        .as_deref()
        .map(str::trim)
        .filter(|u| (u.starts_with("https://") || u.starts_with("http://")) && u.len() <= MAX_URL)
}

/// One co-op's profile: its name, website, business areas as tags, what the list says of it,
/// its country (its pin's), the coordinates of its first city (a country's or region's middle would put a
/// pin where the co-op is not), its reach and its founding year.
pub fn profile(directory: &Directory, coop: &Coop) -> Result<Value, LeftOut> {
    if let Some(reason) = reason_left_out(coop) {
        return Err(reason);
    }
    let mut profile = Map::new();
    profile.insert("linked_schemas".into(), json!([SCHEMA]));
    profile.insert("name".into(), json!(coop.name));
    profile.insert("primary_url".into(), json!(primary_url(coop)));
    profile.insert("status".into(), json!("active"));
    let mut tags: Vec<String> = Vec::new();
    for tag in coop.tags.iter().map(|t| directory.tag_name(t)) {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if !tags.is_empty() {
        profile.insert("tags".into(), json!(tags));
    }
    let description: Vec<String> = [
        coop.business_areas.trim().to_string(),
        plain_text(&coop.notes),
    ]
    .into_iter()
    .map(|s| s.trim().to_string())
    .filter(|s| !s.is_empty())
    .collect();
    if !description.is_empty() {
        profile.insert("description".into(), json!(description.join("\n\n")));
    }
    // The pin and the country agree: the first city's, else the first country named.
    let location = &coop.location;
    let city = location
        .places
        .iter()
        .find(|p| p.precision == Precision::City);
    if let Some(country) = city
        .map(|c| &c.country)
        .or(location.countries.first())
        .filter(|c| !is_user_assigned(c))
    {
        profile.insert("country_iso_3166".into(), json!(country));
    }
    if let Some(city) = city {
        profile.insert(
            "geolocation".into(),
            json!({"lat": city.lat, "lon": city.lon}),
        );
    }
    if location.worldwide || location.countries.len() > 1 {
        profile.insert("geographic_scope".into(), json!("international"));
    }
    if let Some(year) = coop.founded {
        profile.insert("starts_at".into(), json!(new_year_timestamp(year.into())));
    }
    Ok(Value::Object(profile))
}

/// Whether an alpha-2 code is one ISO 3166-1 leaves to its users (AA, QM to QZ, XA to XZ, ZZ;
/// Kosovo's XK among them): the schema lists only the assigned ones, so such a code is left out.
fn is_user_assigned(code: &str) -> bool {
    matches!(
        code.as_bytes(),
        [b'A', b'A'] | [b'Q', b'M'..=b'Z'] | [b'X', _] | [b'Z', b'Z']
    )
}

/// The Unix time of 1 January of `year`, 00:00 UTC: how the schema wants a year alone.
fn new_year_timestamp(year: i64) -> i64 {
    // Days from 1970-01-01 to 1 January of `year`, counting leap days (proleptic Gregorian).
    let leaps = |y: i64| y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400);
    let days = 365 * (year - 1970) + leaps(year - 1) - leaps(1969);
    days * 86_400
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{coop_at, directory_of};

    #[test]
    fn user_assigned_codes_are_told_apart() {
        for code in ["XK", "AA", "QM", "QZ", "ZZ"] {
            assert!(is_user_assigned(code), "{code}");
        }
        for code in ["FR", "QA", "ZA", "AX"] {
            assert!(!is_user_assigned(code), "{code}");
        }
    }

    #[test]
    fn a_year_becomes_its_first_second() {
        assert_eq!(new_year_timestamp(1970), 0);
        assert_eq!(new_year_timestamp(2023), 1_672_531_200);
        assert_eq!(new_year_timestamp(2000), 946_684_800);
        assert_eq!(new_year_timestamp(1969), -31_536_000);
    }

    #[test]
    fn a_coop_without_a_website_or_no_longer_trading_has_no_profile() {
        let mut site = coop_at("site", &[("Lyon", "FR", 45.76, 4.84, Precision::City)]);
        site.url = Some("https://site.coop".into());
        site.location.countries = vec!["FR".into()];
        let nowhere = coop_at("nowhere", &[]);
        let mut mail = coop_at("mail", &[]);
        mail.url = Some("mailto:hello@mail.coop".into());
        let mut closed = site.clone();
        closed.id = "closed".into();
        closed.status = Status::Defunct;
        let dir = directory_of(vec![site, nowhere, mail, closed]);
        let made = profiles(&dir, &dir.coops);
        assert_eq!(made.made.len(), 1);
        assert_eq!(made.made[0].0, "site");
        assert_eq!(
            made.left_out,
            [
                ("nowhere".to_string(), LeftOut::NoWebsite),
                ("mail".to_string(), LeftOut::NoWebsite),
                ("closed".to_string(), LeftOut::NotTrading),
            ]
        );
        assert_eq!(left_out_count(&dir.coops), 3);
        let profile = &made.made[0].1;
        assert_eq!(profile["linked_schemas"], json!([SCHEMA]));
        assert_eq!(profile["geolocation"], json!({"lat": 45.76, "lon": 4.84}));
        assert_eq!(profile["country_iso_3166"], "FR");
        assert!(profile.get("geographic_scope").is_none());
        // An empty view: an empty array.
        assert_eq!(profiles_json(&dir, []), "[]");
    }

    #[test]
    fn only_a_city_gives_coordinates() {
        let mut coop = coop_at(
            "wide",
            &[
                ("France", "FR", 46.6, 2.2, Precision::Country),
                ("Berlin", "DE", 52.52, 13.4, Precision::City),
            ],
        );
        coop.url = Some("https://wide.coop".into());
        coop.location.countries = vec!["FR".into(), "DE".into()];
        let dir = directory_of(vec![coop]);
        let profile = profile(&dir, &dir.coops[0]).unwrap();
        assert_eq!(profile["geolocation"], json!({"lat": 52.52, "lon": 13.4}));
        assert_eq!(profile["geographic_scope"], "international");
        assert_eq!(profile["country_iso_3166"], "DE", "the pin's country");
    }
}
