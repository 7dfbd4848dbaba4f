//! JSON Schemas of the two data files, generated from the core's types so they cannot drift
//! from what the app reads. `write-schemas` writes them into public/; a test checks the
//! committed copies are current.

use coops_core::Directory;
use coops_core::join::JoinGuide;

/// `(file name under public/, schema text)` for each data file.
pub fn schemas() -> Vec<(&'static str, String)> {
    let mut directory = schemars::schema_for!(Directory);
    directory.insert("title".into(), "Tech co-ops directory dataset".into());
    directory.insert(
        "$comment".into(),
        "Generated from crates/core/src/model.rs by `cargo run -p coops-import --bin write-schemas`.".into(),
    );
    let mut guide = schemars::schema_for!(JoinGuide);
    guide.insert("title".into(), "Tech co-ops joining guide".into());
    guide.insert(
        "$comment".into(),
        "Generated from crates/core/src/join.rs by `cargo run -p coops-import --bin write-schemas`.".into(),
    );
    vec![
        ("directory.schema.json", pretty(&directory)),
        ("join.schema.json", pretty(&guide)),
    ]
}

fn pretty(schema: &schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}
