//! Helpers for the core's tests: co-ops at given places, a directory of them, a language's
//! words.

use crate::model::{Coop, Location, Place, Precision, Status};

/// A co-op still trading, in Europe, at `places`: (name, country, latitude, longitude,
/// precision), in those places' countries, as the importer would place it.
pub fn coop_at(id: &str, places: &[(&str, &str, f64, f64, Precision)]) -> Coop {
    let mut countries: Vec<String> = Vec::new();
    for &(_, country, ..) in places {
        if !countries.iter().any(|c| c == country) {
            countries.push(country.into());
        }
    }
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
            countries,
            ..Location::default()
        },
        notes: Vec::new(),
        founded: None,
        size: None,
        source_line: 1,
    }
}

/// A directory of `coops`, in one region ("europe"), naming each country by its code.
pub fn directory_of(coops: Vec<Coop>) -> crate::Directory {
    let mut codes: Vec<String> = coops
        .iter()
        .flat_map(|c| c.location.places.iter().map(|p| p.country.clone()))
        .collect();
    codes.sort();
    codes.dedup();
    crate::Directory {
        schema: crate::model::SCHEMA_VERSION.into(),
        source: Default::default(),
        regions: vec![crate::model::Region {
            id: "europe".into(),
            name: "Europe".into(),
            names: Default::default(),
        }],
        tags: Vec::new(),
        countries: codes
            .into_iter()
            .map(|code| crate::model::Country {
                name: code.clone(),
                code,
                names: Default::default(),
            })
            .collect(),
        coops,
        networks: Vec::new(),
        meetups: Vec::new(),
        resources: Vec::new(),
        products: Vec::new(),
        jobs: Vec::new(),
        other_lists: Vec::new(),
    }
}

/// Runs `check` with `lang`'s words (the file in `public/i18n/`), on a thread of its own (the
/// words are per thread, as the site build sets them).
pub fn in_language(lang: crate::i18n::Lang, check: fn()) {
    let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public");
    let catalog = crate::i18n::Catalog::read(lang, &public).expect("a catalog");
    let catalog: &'static crate::i18n::Catalog = Box::leak(Box::new(catalog));
    std::thread::spawn(move || {
        crate::i18n::set_words(catalog);
        check();
    })
    .join()
    .expect("the checks pass");
}
