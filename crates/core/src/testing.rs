//! Helpers for the core's unit tests.

use crate::model::{Coop, Location, Place, Precision, Status};

/// A co-op still trading, in Europe, at `places`: (name, country, latitude, longitude,
/// precision).
pub fn coop_at(id: &str, places: &[(&str, &str, f64, f64, Precision)]) -> Coop {
    Coop {
        id: id.to_string(),
        name: id.to_string(),
        url: None,
        status: Status::Active,
        region: "europe".into(),
        business_areas: String::new(),
        tags: Vec::new(),
        location: Location {
            places: places
                .iter()
                .map(|&(name, country, lat, lon, precision)| Place {
                    name: name.into(),
                    country: country.into(),
                    lat,
                    lon,
                    precision,
                })
                .collect(),
            ..Location::default()
        },
        notes: Vec::new(),
        founded: None,
        size: None,
        source_line: 1,
    }
}
