//! The committed dataset (`public/data/directory.json`) must be what the importer makes of the
//! committed list (`data/README.md` and `data/DEFUNCT.md`): a change to one without the other
//! fails here.

mod common;

const REGENERATE: &str = "make dataset";

#[test]
fn committed_dataset_matches_the_list() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let list = std::fs::read_to_string(format!("{root}/data/README.md")).expect("data/README.md");
    let committed = std::fs::read_to_string(format!("{root}/public/data/directory.json"))
        .unwrap_or_else(|e| panic!("public/data/directory.json cannot be read ({e}); run from the workspace root: {REGENERATE}"));
    let defunct =
        std::fs::read_to_string(format!("{root}/data/DEFUNCT.md")).expect("data/DEFUNCT.md");
    let mut result = coops_import::import(
        &list,
        "README.md",
        Some((&defunct, "DEFUNCT.md")),
        common::gazetteer(),
    )
    .expect("data/README.md imports");
    // Who each resource serves, from the file beside the list: every resource has a reader,
    // every reader is known (or the file does not parse) and every line names a resource.
    let serves =
        std::fs::read_to_string(format!("{root}/data/serves.toml")).expect("data/serves.toml");
    let serves = coops_import::serves::ServesFile::parse(&serves, "data/serves.toml")
        .unwrap_or_else(|e| panic!("{e}"));
    let report = coops_import::serves::apply(&mut result.directory, &serves);
    assert!(
        report.untagged.is_empty(),
        "resources of the list with no reader in data/serves.toml: {:?}",
        report.untagged
    );
    assert!(
        report.unused.is_empty(),
        "links in data/serves.toml that no resource of the list has: {:?}",
        report.unused
    );
    // The areas' and regions' words in other languages, from the files beside it: every
    // area and region of the list has them in every language.
    let translations = coops_import::translations::Translations::read_dir(std::path::Path::new(
        &format!("{root}/data/i18n"),
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let report = coops_import::translations::apply(&mut result.directory, &translations);
    assert!(
        report.missing.is_empty(),
        "words missing from data/i18n/: {:?}",
        report.missing
    );
    let fresh = coops_import::to_json(&result.directory).expect("serialises");
    if fresh != committed {
        let line = fresh
            .lines()
            .zip(committed.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || fresh.lines().count().min(committed.lines().count()) + 1,
                |i| i + 1,
            );
        panic!(
            "public/data/directory.json is out of date with data/README.md and data/DEFUNCT.md (first difference at line {line}).\n\
             Regenerate it from the workspace root with:\n    {REGENERATE}"
        );
    }
}
