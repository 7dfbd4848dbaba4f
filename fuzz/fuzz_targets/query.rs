//! The URL query codec: any query string parses, and what it writes reads back the same.
#![no_main]

use coops_core::query::{DirectoryQuery, UrlCodec};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let query = DirectoryQuery::from_query_string(text);
    assert_eq!(DirectoryQuery::from_query_string(&query.to_query_string()), query);
});
