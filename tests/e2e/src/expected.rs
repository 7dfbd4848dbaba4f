//! What the served dataset says, for the counts the tests expect to see.

use serde_json::Value;

use crate::dist_dir;

/// The dataset the site serves.
pub fn dataset() -> Value {
    let text =
        std::fs::read_to_string(dist_dir().join("data/directory.json")).expect("dataset in dist/");
    serde_json::from_str(&text).expect("dataset is JSON")
}

/// The co-ops still trading (the ones the directory lists by default).
pub fn active_coops(data: &Value) -> Vec<&Value> {
    data["coops"]
        .as_array()
        .expect("a list of co-ops")
        .iter()
        .filter(|c| c["status"].as_str() != Some("defunct"))
        .collect()
}

/// Active co-ops with `code` among their countries.
pub fn active_in_country(data: &Value, code: &str) -> usize {
    active_coops(data)
        .iter()
        .filter(|c| {
            c["location"]["countries"]
                .as_array()
                .is_some_and(|cs| cs.iter().any(|x| x == code))
        })
        .count()
}
