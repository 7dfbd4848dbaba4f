//! The seed copy of the list (`tests/fixtures/seed-README.md`, the list as the project began
//! from it: 139 rows, UTF-8 once decoded as Windows-1252): counts per region, names repaired,
//! ids unique, safe links, coverage of countries and tags, and the lists below.

mod common;

use std::collections::HashSet;

use coops_core::url::safe_href;
use coops_core::{Entry, plain_text};
use coops_import::{Import, import, to_json};

fn seed() -> Import {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-README.md");
    let text = std::fs::read_to_string(path).expect("tests/fixtures/seed-README.md");
    import(&text, "README.md", None, common::gazetteer()).expect("the seed is a list")
}

#[test]
fn reads_all_139_rows_region_by_region() {
    let r = seed();
    assert_eq!(r.stats.rows_read, 139);
    assert_eq!(r.directory.coops.len(), 139);
    assert_eq!(r.stats.merged, 0);
    let regions: Vec<(&str, &str)> = r
        .directory
        .regions
        .iter()
        .map(|r| (r.id.as_str(), r.name.as_str()))
        .collect();
    assert_eq!(
        regions,
        [
            ("north-america", "North America"),
            ("south-america", "South America"),
            ("asia", "Asia"),
            ("europe", "Europe"),
            ("oceania", "Oceania"),
            ("worldwide", "Decentralised / Worldwide"),
        ]
    );
    let count = |id: &str| r.directory.coops.iter().filter(|c| c.region == id).count();
    let counts: Vec<usize> = regions.iter().map(|(id, _)| count(id)).collect();
    assert_eq!(counts, [40, 13, 3, 74, 5, 4]);
    // List order, region by region.
    let lines: Vec<u32> = r.directory.coops.iter().map(|c| c.source_line).collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn names_are_repaired() {
    let r = seed();
    assert_eq!(r.stats.repaired, ["README.md"]);
    let names: HashSet<&str> = r.directory.coops.iter().map(|c| c.name.as_str()).collect();
    for name in [
        "Cambá",
        "Tierra Común",
        "24ème",
        "Codeurs en Liberté",
        "Web|Alternatif",
        "Startin'blox",
    ] {
        assert!(names.contains(name), "{name}");
    }
    let json = to_json(&r.directory).unwrap();
    for mojibake in ["Ã", "â€", "ðŸ"] {
        assert!(!json.contains(mojibake), "{mojibake} left in the dataset");
    }
    let codeurs = r.directory.coop("codeurs-en-liberte").unwrap();
    assert_eq!(codeurs.url.as_deref(), Some("https://codeursenliberté.fr/"));
}

#[test]
fn ids_are_unique_slugs() {
    let r = seed();
    let ids: HashSet<&str> = r.directory.coops.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), 139);
    assert!(ids.iter().all(|id| {
        id.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }));
    for id in [
        "camba",
        "tierra-comun",
        "24eme",
        "codeurs-en-liberte",
        "web-alternatif",
    ] {
        assert!(ids.contains(id), "{id}");
    }
}

fn entry_urls(entries: &[Entry], out: &mut Vec<String>) {
    for e in entries {
        out.extend(e.url.clone());
        out.extend(e.description.iter().filter_map(|s| s.href.clone()));
        entry_urls(&e.children, out);
    }
}

#[test]
fn every_url_is_safe() {
    let d = seed().directory;
    let mut urls: Vec<String> = Vec::new();
    for c in &d.coops {
        urls.extend(c.url.clone());
        urls.extend(c.notes.iter().filter_map(|s| s.href.clone()));
    }
    for list in [
        &d.networks,
        &d.meetups,
        &d.products,
        &d.jobs,
        &d.other_lists,
    ] {
        entry_urls(list, &mut urls);
    }
    for s in &d.resources {
        entry_urls(&s.entries, &mut urls);
    }
    assert!(urls.len() > 180, "{}", urls.len());
    for url in urls {
        assert!(safe_href(&url).is_some(), "{url}");
    }
}

#[test]
fn coverage_of_countries_and_tags() {
    let r = seed();
    let coops = &r.directory.coops;
    let placed = coops
        .iter()
        .filter(|c| !c.location.countries.is_empty() || c.location.is_remote_friendly())
        .count();
    assert!(
        placed * 100 >= coops.len() * 98,
        "{placed} of {} have a country or a remote flag",
        coops.len()
    );
    assert!(r.stats.with_country >= 130, "{}", r.stats.with_country);
    let tagged = coops.iter().filter(|c| !c.tags.is_empty()).count();
    assert!(
        tagged * 100 >= coops.len() * 95,
        "{tagged} of {} have a tag",
        coops.len()
    );
    assert!(
        r.directory.countries.is_sorted_by_key(|c| &c.code),
        "countries sorted by code"
    );
    let used: HashSet<&str> = coops
        .iter()
        .flat_map(|c| c.location.countries.iter().map(String::as_str))
        .collect();
    let codes: HashSet<&str> = r
        .directory
        .countries
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(used, codes);
}

#[test]
fn known_rows() {
    let d = seed().directory;
    let c = |id: &str| d.coop(id).unwrap_or_else(|| panic!("{id}"));
    assert_eq!(c("agaric").location.countries, ["US", "NI", "DE"]);
    assert_eq!(c("agaric").founded, Some(2006));
    assert_eq!(
        c("the-tech-support-cooperative").location.countries,
        ["US", "CA"]
    );
    assert_eq!(c("dtc-innovation").location.countries, ["FR", "GB", "CA"]);
    assert_eq!(c("cooperatus").location.countries, ["US"]);
    assert_eq!(c("camplight").location.countries, ["BG"]);
    assert_eq!(c("argo").location.countries, ["AT"]);
    assert_eq!(c("resonate").location.countries, ["DE", "IE"]);
    assert_eq!(
        c("baseline").location.locality.as_deref(),
        Some("Quebec City")
    );
    assert_eq!(
        c("caravan-web-worker-cooperative")
            .location
            .locality
            .as_deref(),
        Some("Montreal and Quebec City")
    );
    assert_eq!(
        c("camba").location.locality.as_deref(),
        Some("Buenos Aires")
    );
    assert_eq!(c("reinblau").location.locality.as_deref(), Some("Berlin"));
    assert_eq!(c("hostsharing").location.locality, None);
    assert!(c("willow-bark").location.remote && c("willow-bark").location.worldwide);
    assert!(c("igalia").location.distributed && c("igalia").location.worldwide);
    assert_eq!(
        c("igalia").size.as_ref().map(|s| (s.count, s.at_least)),
        Some((115, true))
    );
    assert_eq!(c("matelab").founded, Some(2019));
    assert_eq!(c("tecso").size.as_ref().map(|s| s.count), Some(150));
    assert_eq!(c("bantics").founded, Some(2012));
    assert_eq!(
        c("startin-blox").business_areas,
        "Web development, Hosting, specilized in federated application"
    );
    assert!(c("bits-coop").location.worldwide);
    assert_eq!(
        plain_text(&c("gcoop").notes),
        "\"Transformamos los sistemas.\""
    );
    assert!(c("gcoop").notes[0].em);
}

#[test]
fn networks_and_resources() {
    let d = seed().directory;
    let names: Vec<&str> = d.networks.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(names, ["CoTech", "FACT[TIC]", "Tech Co-op Network"]);
    assert_eq!(d.networks[0].children.len(), 2);
    assert_eq!(d.meetups.len(), 1);
    let sections: Vec<&str> = d.resources.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        sections,
        [
            "Handbooks / Guides",
            "Books",
            "Articles",
            "Financing / Salaries",
            "Legal",
            "Conflict",
            "Other links",
            "Videos / Talks",
            "Mailinglists / Forums",
            "Chat rooms",
            "Tools",
        ]
    );
    assert!(d.resources.iter().all(|s| !s.entries.is_empty()));
    assert_eq!(
        d.resources[0].group.as_deref(),
        Some("Information on tech coops and coops in general")
    );
    assert_eq!(d.products.len(), 8);
    assert_eq!(d.jobs.len(), 2);
    assert_eq!(d.other_lists.len(), 1);
}

#[test]
fn warnings_are_the_known_ones() {
    let r = seed();
    let lines: Vec<u32> = r.warnings.iter().map(|w| w.line).collect();
    // 66: "East Bay", a part of the San Francisco Bay Area that is no city.
    assert_eq!(lines, [66, 142, 156, 171, 198], "{:#?}", r.warnings);
}

#[test]
fn the_app_loads_it_whole() {
    let json = to_json(&seed().directory).unwrap();
    let loaded = coops_core::load::load_directory(&json).expect("loads");
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    assert_eq!(loaded.directory.coops.len(), 139);
}
