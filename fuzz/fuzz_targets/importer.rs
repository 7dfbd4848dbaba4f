//! The importer on arbitrary markdown.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = coops_import::import(text, "README.md", None, &coops_import::gazetteer::Gazetteer::default());
});
