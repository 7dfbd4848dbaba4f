//! The JSON Schemas in public/ must match the types the app reads.

use std::path::Path;

#[test]
fn committed_schemas_are_current() {
    let public = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public");
    for (name, text) in coops_import::schemas::schemas() {
        let committed = std::fs::read_to_string(public.join(name)).unwrap_or_default();
        assert!(
            committed == text,
            "public/{name} is out of date: run `cargo run -p coops-import --bin write-schemas`"
        );
    }
}

#[test]
fn the_committed_dataset_follows_its_schema_shape() {
    // A cheap structural check: every required top-level property of the schema is present.
    let public = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(public.join("directory.schema.json")).unwrap(),
    )
    .unwrap();
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(public.join("data/directory.json")).unwrap())
            .unwrap();
    for required in schema["required"].as_array().expect("required fields") {
        let key = required.as_str().unwrap();
        assert!(data.get(key).is_some(), "the dataset lacks {key}");
    }
}
