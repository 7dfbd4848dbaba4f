//! The dataset loader, then the index and a search over whatever loaded.
#![no_main]

use coops_core::load::load_directory;
use coops_core::query::{DirectoryQuery, UrlCodec};
use coops_core::search::Index;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(loaded) = load_directory(text) {
        let index = Index::build(&loaded.directory);
        let _ = index.search(&DirectoryQuery::from_query_string("q=a&remote=1&sort=region"));
    }
});
