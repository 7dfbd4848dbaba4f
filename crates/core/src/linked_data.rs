//! schema.org structured data for a co-op's page (JSON-LD), so search engines read it as an
//! organisation: its name, site, where it is and when it was founded.

use serde_json::{Map, Value, json};

use crate::Coop;
use crate::url::safe_href;

/// The co-op as a schema.org `Organization`, as the text of a
/// `<script type="application/ld+json">`: `page_url` is its page in the directory. Only what
/// the dataset knows is said; `<` is escaped so no text from the list can close the script.
pub fn organization_json_ld(coop: &Coop, page_url: &str) -> String {
    let mut organization = Map::new();
    organization.insert("@context".into(), json!("https://schema.org"));
    organization.insert("@type".into(), json!("Organization"));
    organization.insert("name".into(), json!(coop.name));
    if let Some(url) = coop.url.as_deref().and_then(safe_href) {
        organization.insert("url".into(), json!(url));
    }
    organization.insert("mainEntityOfPage".into(), json!(page_url));
    let addresses: Vec<Value> = coop
        .location
        .countries
        .iter()
        .map(|code| {
            let mut address = Map::new();
            address.insert("@type".into(), json!("PostalAddress"));
            if let Some(locality) = &coop.location.locality {
                address.insert("addressLocality".into(), json!(locality));
            }
            address.insert("addressCountry".into(), json!(code));
            Value::Object(address)
        })
        .collect();
    match addresses.len() {
        0 => {}
        1 => {
            organization.insert("address".into(), addresses[0].clone());
        }
        _ => {
            organization.insert("address".into(), Value::Array(addresses));
        }
    }
    if let Some(year) = coop.founded {
        organization.insert("foundingDate".into(), json!(year.to_string()));
    }
    if !coop.business_areas.is_empty() {
        organization.insert("description".into(), json!(coop.business_areas));
    }
    Value::Object(organization)
        .to_string()
        .replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coop() -> Coop {
        serde_json::from_value(json!({
            "id": "camba",
            "name": "Cambá",
            "url": "https://camba.coop",
            "region": "south-america",
            "founded": 2011,
            "business_areas": "Software development",
            "location": {
                "text": "Buenos Aires, Argentina",
                "locality": "Buenos Aires",
                "countries": ["AR"]
            }
        }))
        .unwrap()
    }

    #[test]
    fn says_what_the_dataset_knows() {
        let text = organization_json_ld(&coop(), "https://x.org/coops/camba");
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["@type"], "Organization");
        assert_eq!(value["name"], "Cambá");
        assert_eq!(value["url"], "https://camba.coop");
        assert_eq!(value["address"]["addressLocality"], "Buenos Aires");
        assert_eq!(value["address"]["addressCountry"], "AR");
        assert_eq!(value["foundingDate"], "2011");
        assert_eq!(value["mainEntityOfPage"], "https://x.org/coops/camba");
    }

    #[test]
    fn hostile_text_cannot_close_the_script_and_unsafe_links_are_left_out() {
        let mut coop = coop();
        coop.name = "</script><script>alert(1)</script>".into();
        coop.url = Some("javascript:alert(1)".into());
        coop.location.countries = vec!["FR".into(), "BE".into()];
        let text = organization_json_ld(&coop, "https://x.org/");
        assert!(!text.contains('<'));
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["name"], "</script><script>alert(1)</script>");
        assert!(value.get("url").is_none());
        assert_eq!(value["address"].as_array().unwrap().len(), 2);
    }
}
