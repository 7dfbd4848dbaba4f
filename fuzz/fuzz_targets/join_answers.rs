//! The joining guide's answers from the URL, walked through the shipped guide; and the guide
//! loader itself on arbitrary text.
#![no_main]

use std::sync::OnceLock;

use coops_core::join::{JoinGuide, load_guide};
use coops_core::query::parse_answers;
use libfuzzer_sys::fuzz_target;

fn guide() -> &'static JoinGuide {
    static GUIDE: OnceLock<JoinGuide> = OnceLock::new();
    GUIDE.get_or_init(|| load_guide(include_str!("../../public/data/join.json")).expect("shipped guide"))
}

fuzz_target!(|text: &str| {
    let (answers, at) = text.split_once('|').unwrap_or((text, ""));
    let parsed = parse_answers(answers);
    let position = guide().walk(&parsed, at.parse().ok());
    let _ = guide().filters(&position.answers);
    let _ = load_guide(text);
});
