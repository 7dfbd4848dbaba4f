//! The current list (`data/README.md` and `data/DEFUNCT.md`, the list upstream at commit
//! 50b2184): every row read, every co-op that names a country or says it is remote has one,
//! and nearly every co-op that names a city is placed at it; what is not is reported by line.

mod common;

use coops_core::{Coop, Precision, Status};
use coops_import::{Import, import, to_json};

fn list() -> Import {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).expect("data/README.md");
    let defunct = std::fs::read_to_string(format!("{root}/DEFUNCT.md")).expect("data/DEFUNCT.md");
    import(
        &readme,
        "README.md",
        Some((&defunct, "DEFUNCT.md")),
        common::gazetteer(),
    )
    .expect("the list imports")
}

fn coop<'a>(r: &'a Import, id: &str) -> &'a Coop {
    r.directory
        .coops
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no co-op {id}"))
}

#[test]
fn every_row_of_both_files_is_read() {
    let r = list();
    assert_eq!((r.stats.rows_read, r.stats.defunct_rows_read), (172, 10));
    assert_eq!(r.stats.merged, 1, "Zinc Collective is listed twice");
    let active = r
        .directory
        .coops
        .iter()
        .filter(|c| c.status == Status::Active)
        .count();
    let defunct = r
        .directory
        .coops
        .iter()
        .filter(|c| c.status == Status::Defunct)
        .count();
    assert_eq!((active, defunct), (171, 10));
    assert!(
        !r.stats.repaired.contains(&"README.md".to_string()),
        "upstream is well encoded"
    );
}

#[test]
fn every_coop_that_names_a_country_or_remote_work_has_it() {
    let r = list();
    let misses: Vec<u32> = r
        .directory
        .coops
        .iter()
        .filter(|c| c.location.countries.is_empty() && !c.location.is_remote_friendly())
        .map(|c| c.source_line)
        .collect();
    // 154: "Europe" alone; 191: no place given.
    assert_eq!(misses, [154, 191]);
    let l = &coop(&r, "gassagosso").location;
    assert_eq!(
        (l.text.as_str(), l.countries.as_slice(), l.remote),
        ("France (full remote)", &["FR".to_string()][..], true)
    );
}

#[test]
fn nearly_every_named_city_is_placed() {
    let r = list();
    let naming: Vec<&Coop> = r
        .directory
        .coops
        .iter()
        .filter(|c| c.location.locality.is_some())
        .collect();
    let misses: Vec<&str> = naming
        .iter()
        .filter(|c| {
            !c.location
                .places
                .iter()
                .any(|p| p.precision == Precision::City)
        })
        .map(|c| c.location.locality.as_deref().unwrap_or_default())
        .collect();
    assert!(naming.len() >= 110, "{}", naming.len());
    assert!(
        misses.len() * 20 <= naming.len(),
        "under 95% placed at a city: {misses:?}"
    );
    assert_eq!(
        misses,
        [
            "East Bay",
            "SF Bay Area",
            "Unceded territories of the Lekwungen speaking peoples in so-called BC",
        ]
    );
    // Each miss is reported with its line.
    for miss in &misses {
        assert!(
            r.warnings
                .iter()
                .any(|w| w.reason.contains(&format!("“{miss}”"))),
            "{miss} is not reported"
        );
    }
    // Every co-op with a country is placed, at least at its centre.
    assert!(
        r.directory
            .coops
            .iter()
            .all(|c| c.location.countries.is_empty() == c.location.places.is_empty())
    );
}

#[test]
fn places_are_where_the_rows_say() {
    let r = list();
    let places = |id: &str| -> Vec<(String, String, Precision)> {
        coop(&r, id)
            .location
            .places
            .iter()
            .map(|p| (p.name.clone(), p.country.clone(), p.precision))
            .collect()
    };
    let city = |name: &str, country: &str| (name.to_string(), country.to_string(), Precision::City);
    assert_eq!(
        places("dtc-innovation"),
        [
            ("Québec".into(), "CA".into(), Precision::Region),
            ("France".into(), "FR".into(), Precision::Country),
            ("United Kingdom".into(), "GB".into(), Precision::Country),
        ]
    );
    assert_eq!(places("eryx"), [city("Buenos Aires", "AR")]);
    assert_eq!(
        places("seattle-developers-cooperative"),
        [city("Seattle", "US")]
    );
    assert_eq!(places("feel-train"), [city("Portland", "US")]);
    assert_eq!(
        coop(&r, "feel-train").location.places[0].lon,
        -122.68,
        "Portland, Oregon"
    );
    assert_eq!(
        places("vermont-computing-cooperative"),
        [("Vermont".into(), "US".into(), Precision::Region)]
    );
    assert!(places("agaric").iter().all(|p| p.2 == Precision::Country));
    let lille = r
        .directory
        .coops
        .iter()
        .find(|c| c.location.text == "Lille, Paris, Nantes, Lyon (France)")
        .expect("the row of four cities");
    let names: Vec<_> = lille
        .location
        .places
        .iter()
        .map(|p| (p.name.clone(), p.country.clone(), p.precision))
        .collect();
    assert_eq!(
        names,
        [
            city("Lille", "FR"),
            city("Paris", "FR"),
            city("Nantes", "FR"),
            city("Lyon", "FR")
        ]
    );
    for c in &r.directory.coops {
        for p in &c.location.places {
            assert!(
                (-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon),
                "{}: {p:?}",
                c.id
            );
            assert!(c.location.countries.contains(&p.country), "{}: {p:?}", c.id);
            assert_eq!(p.lat, p.precision.round(p.lat), "{}: {p:?} rounded", c.id);
        }
    }
}

#[test]
fn output_is_byte_identical_from_run_to_run() {
    let a = to_json(&list().directory).expect("serialises");
    let b = to_json(&list().directory).expect("serialises");
    assert_eq!(a, b);
}
