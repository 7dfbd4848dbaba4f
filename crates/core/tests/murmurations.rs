//! Every Murmurations profile we publish validates against the organisation schema
//! (`tests/murmurations/`), for the bundled dataset and for co-ops written to break it; the
//! co-ops left out are exactly those without a website or no longer trading, and counted.

use coops_core::export::murmurations::{LeftOut, profiles};
use coops_core::load::load_directory;
use coops_core::model::Span;
use coops_core::testing::coop_at;
use coops_core::{Precision, Status};
use serde_json::Value;

const DATASET: &str = include_str!("../../../public/data/directory.json");
const SCHEMA: &str = include_str!("murmurations/organizations_schema-v1.0.0.json");

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    jsonschema::draft7::new(&schema).expect("the schema is a valid draft 7 schema")
}

fn assert_valid(validator: &jsonschema::Validator, id: &str, profile: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(profile)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{id}: {errors:#?}\n{profile:#}");
}

#[test]
fn every_profile_of_the_bundled_dataset_validates() {
    let directory = load_directory(DATASET).unwrap().directory;
    let validator = validator();
    let made = profiles(&directory, &directory.coops);
    for (id, profile) in &made.made {
        assert_valid(&validator, id, profile);
    }
    assert_eq!(made.made.len() + made.left_out.len(), directory.coops.len());
    for (id, reason) in &made.left_out {
        let coop = directory.coops.iter().find(|c| &c.id == id).unwrap();
        match reason {
            LeftOut::NotTrading => assert_eq!(coop.status, Status::Defunct, "{id}"),
            LeftOut::NoWebsite => assert!(
                !coop.url.as_deref().unwrap_or("").starts_with("http"),
                "{id}"
            ),
        }
    }
    // Nearly every co-op of the list has a profile.
    assert!(
        made.made.len() * 10 > directory.coops.len() * 8,
        "{}",
        made.made.len()
    );
}

#[test]
fn hostile_text_and_odd_places_still_validate() {
    let mut directory = load_directory(DATASET).unwrap().directory;
    let mut hostile = coop_at(
        "hostile",
        &[("Montréal", "CA", 45.5, -73.57, Precision::City)],
    );
    hostile.name = "=cmd|' /C calc'!A0, \"Ltd\"\nline two".into();
    hostile.url = Some("https://example.coop/a?b=\"c\"".into());
    hostile.business_areas = "@web, +design".into();
    hostile.tags = vec![directory.tags[0].id.clone(), directory.tags[0].id.clone()];
    hostile.founded = Some(1899);
    hostile.notes = vec![Span::text(
        "Founded 1899 as \"the <first>\" & only;\nnow\tmostly\u{0}remote.",
    )];
    let mut far = coop_at("far", &[("Pole", "AQ", -90.0, 180.0, Precision::City)]);
    far.url = Some("http://far.coop".into());
    far.location.worldwide = true;
    far.founded = None;
    let mut country_only = coop_at(
        "country-only",
        &[("Chile", "CL", -35.7, -71.5, Precision::Country)],
    );
    country_only.url = Some("https://cl.coop".into());
    country_only.tags.clear();
    country_only.business_areas.clear();
    // Kosovo's code is not one the schema lists: the profile leaves the country out.
    let mut kosovo = coop_at(
        "kosovo",
        &[("Pristina", "XK", 42.66, 21.17, Precision::City)],
    );
    kosovo.url = Some("https://xk.coop".into());
    directory.coops = vec![hostile, far, country_only, kosovo];
    let validator = validator();
    let made = profiles(&directory, &directory.coops);
    assert_eq!(made.made.len(), 4);
    assert!(made.made[3].1.get("country_iso_3166").is_none());
    for (id, profile) in &made.made {
        assert_valid(&validator, id, profile);
    }
    // The schema catches what would break it: the validator is not a rubber stamp.
    let broken = serde_json::json!({"linked_schemas": [], "name": 3, "primary_url": "ftp://x"});
    assert!(validator.iter_errors(&broken).count() >= 3);
}
