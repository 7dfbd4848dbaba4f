//! Distances between the co-ops' places: the co-ops near a co-op (its page's "Co-ops nearby"),
//! each co-op's distance from a point (the directory's "Near…"), and the place a visitor
//! types for it, found among the dataset's own places (no geocoder: nothing leaves the page).
//!
//! Only places the list names (a city, or a region's centre) count: a country's centre is no
//! place to measure from, so a co-op the list places only in a country is near nothing, and
//! nothing is near it, rather than near whatever happens to sit in the middle of its country.

use crate::model::{Coop, Directory, Precision, Status};
use crate::places::MapPlace;
use crate::text::fold;

/// The Earth's mean radius, kilometres.
const EARTH_RADIUS_KM: f64 = 6371.0;

/// Farthest a co-op can be and still be "nearby", kilometres: about a day's return journey,
/// and beyond the neighbouring big cities of most places in the list.
pub const NEARBY_KM: f64 = 500.0;

/// The great-circle distance between two points given as (latitude, longitude) in degrees,
/// in kilometres (the haversine formula: well within a kilometre of the ellipsoid's at the
/// distances this compares).
pub fn distance_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let d_phi = (lat2 - lat1).to_radians();
    let d_lambda = (lon2 - lon1).to_radians();
    let a = (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

/// Whether a place is one to measure from (see the module's note).
pub fn measurable(place: &MapPlace) -> bool {
    place.precision != Precision::Country
}

/// The places of `places` (the dataset's, [`crate::places::map_places`]) where `coops[of]` is.
pub fn places_of(places: &[MapPlace], of: usize) -> Vec<&MapPlace> {
    let of = of as u32;
    places
        .iter()
        .filter(|p| p.coops.binary_search(&of).is_ok())
        .collect()
}

/// The co-ops still trading nearest to `coops[of]`, within [`NEARBY_KM`] of one of its
/// places, nearest first (then in the list's order), at most `limit`: each with the distance
/// between their nearest places, kilometres. `places` are the dataset's.
pub fn nearby(coops: &[Coop], places: &[MapPlace], of: usize, limit: usize) -> Vec<(usize, f64)> {
    let here: Vec<(f64, f64)> = places_of(places, of)
        .into_iter()
        .filter(|p| measurable(p))
        .map(|p| (p.lat, p.lon))
        .collect();
    let mut nearest = vec![f64::INFINITY; coops.len()];
    for place in places.iter().filter(|p| measurable(p)) {
        let Some(d) = here
            .iter()
            .map(|&h| distance_km(h, (place.lat, place.lon)))
            .reduce(f64::min)
        else {
            break;
        };
        if d > NEARBY_KM {
            continue;
        }
        for &c in &place.coops {
            let slot = &mut nearest[c as usize];
            *slot = slot.min(d);
        }
    }
    let mut found: Vec<(usize, f64)> = nearest
        .into_iter()
        .enumerate()
        .filter(|&(i, d)| i != of && d.is_finite() && coops[i].status == Status::Active)
        .collect();
    found.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    found.truncate(limit);
    found
}

/// Each of `coops` co-ops' distance from `from` (latitude, longitude), kilometres, to the
/// nearest of its places to measure from; `None` for a co-op with none. `places` are the
/// dataset's.
pub fn distances_from(places: &[MapPlace], coops: usize, from: (f64, f64)) -> Vec<Option<f64>> {
    let mut nearest: Vec<Option<f64>> = vec![None; coops];
    for place in places.iter().filter(|p| measurable(p)) {
        let d = distance_km(from, (place.lat, place.lon));
        for &c in &place.coops {
            let slot = &mut nearest[c as usize];
            *slot = Some(slot.map_or(d, |s| s.min(d)));
        }
    }
    nearest
}

/// The place to measure from that `typed` names: its name or its label ("Lyon", "lyon,
/// france", accents and case aside) or, failing that, the start of one ("Barc"); the place
/// with more co-ops first where several do. `None` when no place does, or only a country:
/// a country's middle is no place to be near.
pub fn find_place<'a>(
    places: &'a [MapPlace],
    directory: &Directory,
    typed: &str,
) -> Option<&'a MapPlace> {
    let wanted = fold(typed.trim());
    if wanted.is_empty() {
        return None;
    }
    let candidates = || places.iter().filter(|p| measurable(p));
    let best = |matches: &dyn Fn(&MapPlace) -> bool| {
        candidates()
            .filter(|p| matches(p))
            .max_by(|a, b| a.coops.len().cmp(&b.coops.len()).then(b.id.cmp(&a.id)))
    };
    best(&|p| fold(&p.name) == wanted || fold(&p.label(directory)) == wanted)
        .or_else(|| best(&|p| fold(&p.label(directory)).starts_with(&wanted)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::map_places;

    fn coop(id: &str, status: Status, places: &[(&str, &str, f64, f64, Precision)]) -> Coop {
        Coop {
            status,
            ..crate::testing::coop_at(id, places)
        }
    }

    const CITY: Precision = Precision::City;
    const ACTIVE: Status = Status::Active;

    #[test]
    fn distances_match_known_ones() {
        let paris = (48.8566, 2.3522);
        let london = (51.5074, -0.1278);
        let d = distance_km(paris, london);
        assert!((d - 343.5).abs() < 2.0, "Paris to London: {d}");
        assert_eq!(distance_km(paris, paris), 0.0);
        // Across the antimeridian, the short way.
        let d = distance_km((0.0, 179.5), (0.0, -179.5));
        assert!((d - 111.2).abs() < 1.0, "{d}");
    }

    #[test]
    fn nearby_coops_are_the_nearest_within_reach_and_trading() {
        let coops = vec![
            coop("lyon", ACTIVE, &[("Lyon", "FR", 45.76, 4.84, CITY)]),
            // Two places: the nearer one (Grenoble) counts.
            coop(
                "grenoble",
                ACTIVE,
                &[
                    ("Brest", "FR", 48.39, -4.49, CITY),
                    ("Grenoble", "FR", 45.19, 5.72, CITY),
                ],
            ),
            coop("geneva", ACTIVE, &[("Geneva", "CH", 46.2, 6.14, CITY)]),
            coop(
                "closed",
                Status::Defunct,
                &[("Lyon", "FR", 45.76, 4.84, CITY)],
            ),
            coop(
                "france",
                ACTIVE,
                &[("France", "FR", 46.2, 2.2, Precision::Country)],
            ),
            coop("berlin", ACTIVE, &[("Berlin", "DE", 52.52, 13.4, CITY)]),
            coop("lyon-too", ACTIVE, &[("Lyon", "FR", 45.76, 4.84, CITY)]),
        ];
        let places = map_places(&coops);
        let near = nearby(&coops, &places, 0, 10);
        let ids: Vec<&str> = near.iter().map(|&(i, _)| coops[i].id.as_str()).collect();
        // Itself, the defunct one, the country-only one and Berlin (over 500 km) are not.
        assert_eq!(ids, ["lyon-too", "grenoble", "geneva"]);
        assert_eq!(near[0].1, 0.0);
        assert!(
            near[1].1 > 80.0 && near[1].1 < 110.0,
            "Lyon to Grenoble: {}",
            near[1].1
        );
        assert_eq!(nearby(&coops, &places, 0, 1).len(), 1);
        // A co-op placed only in a country is near nothing.
        assert!(nearby(&coops, &places, 4, 10).is_empty());
        assert_eq!(places_of(&places, 1).len(), 2);
    }

    #[test]
    fn distances_from_a_point_take_each_coops_nearest_place() {
        let coops = vec![
            coop("lyon", ACTIVE, &[("Lyon", "FR", 45.76, 4.84, CITY)]),
            coop(
                "two",
                ACTIVE,
                &[
                    ("Brest", "FR", 48.39, -4.49, CITY),
                    ("Grenoble", "FR", 45.19, 5.72, CITY),
                ],
            ),
            coop(
                "france",
                ACTIVE,
                &[("France", "FR", 46.2, 2.2, Precision::Country)],
            ),
        ];
        let places = map_places(&coops);
        let d = distances_from(&places, coops.len(), (45.76, 4.84));
        assert_eq!(d[0], Some(0.0));
        let grenoble = d[1].expect("placed");
        assert!(grenoble > 80.0 && grenoble < 110.0, "{grenoble}");
        // Only a country: no distance, rather than its middle's.
        assert_eq!(d[2], None);
    }

    #[test]
    fn a_typed_place_is_found_by_name_label_or_start_and_never_a_country() {
        let coops = vec![
            coop("a", ACTIVE, &[("Montréal", "CA", 45.5, -73.57, CITY)]),
            coop("b", ACTIVE, &[("Barcelona", "ES", 41.39, 2.17, CITY)]),
            coop("c", ACTIVE, &[("Barcelona", "ES", 41.39, 2.17, CITY)]),
            coop("d", ACTIVE, &[("Barcelos", "PT", 41.53, -8.62, CITY)]),
            coop(
                "e",
                ACTIVE,
                &[("France", "FR", 46.2, 2.2, Precision::Country)],
            ),
        ];
        let places = map_places(&coops);
        let directory = crate::testing::directory_of(coops);
        let found = |typed: &str| find_place(&places, &directory, typed).map(|p| p.id.as_str());
        assert_eq!(found("montreal"), Some("montreal-ca"));
        assert_eq!(found("  MONTRÉAL "), Some("montreal-ca"));
        let label = places[0].label(&directory);
        assert_eq!(found(&label), Some("montreal-ca"), "{label}");
        // A start: the place with more co-ops.
        assert_eq!(found("barc"), Some("barcelona-es"));
        assert_eq!(found("barcelos"), Some("barcelos-pt"));
        assert_eq!(found("france"), None);
        assert_eq!(found("atlantis"), None);
        assert_eq!(found("   "), None);
    }
}
