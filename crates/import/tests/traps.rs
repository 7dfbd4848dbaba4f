//! Every trap of the list, on a small made-up list (`fixtures/traps.md`) and a made-up defunct
//! list (`fixtures/DEFUNCT.md`): escaped pipes, missing trailing pipes, extra cells, a name-less
//! row, malformed links, duplicates, rows cut off by a blank line, aliases and multi-country
//! rows, founding years and sizes, tags, mojibake, and the defunct file.

mod common;

use coops_core::url::safe_href;
use coops_core::{Coop, Status, plain_text};
use coops_import::{Import, ImportError, Warning, import, to_json};

const TRAPS: &str = include_str!("fixtures/traps.md");
const DEFUNCT: &str = include_str!("fixtures/DEFUNCT.md");

fn run() -> Import {
    import(TRAPS, "tests/fixtures/traps.md", None, common::gazetteer())
        .expect("the fixture is a list")
}

fn coop<'a>(result: &'a Import, name: &str) -> &'a Coop {
    result
        .directory
        .coops
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no co-op {name:?}"))
}

fn warning<'a>(result: &'a Import, line: u32, needle: &str) -> &'a Warning {
    result
        .warnings
        .iter()
        .find(|w| w.line == line && w.reason.contains(needle))
        .unwrap_or_else(|| {
            panic!(
                "no warning at line {line} containing {needle:?} in {:#?}",
                result.warnings
            )
        })
}

#[test]
fn counts_rows_coops_and_merges() {
    let r = run();
    assert_eq!(r.stats.rows_read, 18, "9 + 5 + 2 cut off + 2 rows");
    assert_eq!(r.directory.source.rows_read, 18);
    assert_eq!(r.stats.merged, 1);
    assert_eq!(
        r.stats.coops_written, 16,
        "one row has no name, one is merged"
    );
    assert_eq!(r.directory.coops.len(), 16);
    let regions: Vec<&str> = r.directory.regions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(regions, ["north-america", "europe", "worldwide"]);
    assert_eq!(
        r.directory.source.file, "traps.md",
        "only the base name is recorded"
    );
}

#[test]
fn every_row_is_in_the_dataset_or_in_a_warning() {
    let r = run();
    for line in [
        12u32, 13, 14, 15, 16, 17, 18, 19, 20, 26, 27, 28, 29, 30, 32, 33, 39, 40,
    ] {
        let kept = r.directory.coops.iter().any(|c| c.source_line == line);
        let warned = r.warnings.iter().any(|w| w.line == line);
        assert!(kept || warned, "row at line {line} is lost");
    }
}

#[test]
fn escaped_pipes_in_both_forms() {
    let r = run();
    let pipe = coop(&r, "Pipe|Works");
    assert_eq!(pipe.id, "pipe-works");
    let entity = coop(&r, "Entity Coop");
    assert_eq!(entity.business_areas, "open {data|source}, CiviCRM");
    assert!(entity.tags.contains(&"civicrm".to_string()));
    assert_eq!(
        coop(&r, "Café Code").name,
        "Café Code",
        "HTML entities are decoded"
    );
}

#[test]
fn rows_without_a_trailing_pipe_and_rich_notes() {
    let r = run();
    let c = coop(&r, "No Trailing");
    assert_eq!(c.notes[0].text, "Emphasis");
    assert!(c.notes[0].em);
    assert_eq!(
        c.notes.last().and_then(|s| s.href.as_deref()),
        Some("https://link.example")
    );
    assert_eq!(c.location.countries, ["US"], "Georgia is the US state here");
}

#[test]
fn malformed_url_keeps_the_coop_without_it() {
    let r = run();
    let c = coop(&r, "Broken Link");
    assert_eq!(c.url, None);
    assert_eq!(c.source_line, 15);
    warning(&r, 15, "https:/broken.example");
    let auto = c
        .notes
        .iter()
        .find(|s| s.href.is_some())
        .expect("the autolink");
    assert_eq!(auto.href.as_deref(), Some("https://auto.example"));
}

#[test]
fn duplicate_name_is_merged_and_shared_site_is_flagged() {
    let r = run();
    let pipe = coop(&r, "Pipe|Works");
    assert_eq!(pipe.source_line, 12);
    assert_eq!(pipe.url.as_deref(), Some("https://pipe.example"));
    assert_eq!(pipe.location.countries, ["US", "CA"]);
    assert_eq!(pipe.business_areas, "Web development, Drupal; Training");
    assert!(pipe.tags.contains(&"training".to_string()));
    warning(&r, 17, "line 12");
    assert_eq!(coop(&r, "Same Site").location.countries, ["US", "NI", "DE"]);
    warning(&r, 18, "same website");
}

#[test]
fn a_row_without_a_name_is_a_warning() {
    let r = run();
    warning(&r, 19, "no co-op name");
    assert!(r.directory.coops.iter().all(|c| c.source_line != 19));
}

#[test]
fn extra_cells_are_merged_with_a_warning() {
    let r = run();
    let c = coop(&r, "Extra Cells");
    assert_eq!(
        c.business_areas,
        "Web development, Hosting, specialised in federated apps"
    );
    assert_eq!(c.location.countries, ["FR"]);
    assert!(c.tags.contains(&"hosting".to_string()));
    warning(&r, 20, "5 cells");
    let w = coop(&r, "Worldwide Extra");
    assert_eq!(plain_text(&w.notes), "one | two");
    warning(&r, 40, "merged the extra cells into Notes");
}

#[test]
fn rows_cut_off_by_a_blank_line_are_read_with_a_warning() {
    let r = run();
    assert_eq!(coop(&r, "Cut Off").location.countries, ["AT"]);
    assert_eq!(coop(&r, "Cut Off").region, "europe");
    assert_eq!(coop(&r, "Also Cut").location.countries, ["BG"]);
    warning(&r, 32, "blank line");
    warning(&r, 33, "blank line");
}

#[test]
fn locations_aliases_and_localities() {
    let r = run();
    let tk = coop(&r, "Tkaronto Tech");
    assert_eq!(tk.location.countries, ["CA"]);
    assert_eq!(tk.location.locality.as_deref(), Some("Tkaronto (Toronto)"));
    assert_eq!(coop(&r, "Entity Coop").location.countries, ["US", "CA"]);
    assert_eq!(
        coop(&r, "Broken Link").location.locality.as_deref(),
        Some("Boulder")
    );
    assert_eq!(coop(&r, "Café Code").location.countries, ["FR", "GB", "CA"]);
    let scots = coop(&r, "Scots Coop");
    assert_eq!(
        (
            scots.location.countries.as_slice(),
            scots.location.locality.as_deref()
        ),
        (&["GB".to_string()][..], Some("Cupar"))
    );
    assert!(
        scots.location.distributed,
        "\"Distributed company\" in the notes"
    );
    assert_eq!(coop(&r, "Basque Devs").location.countries, ["ES"]);
    let bd = coop(&r, "Berlin Dublin");
    assert_eq!(bd.location.countries, ["DE", "IE"]);
    assert_eq!(bd.location.locality.as_deref(), Some("Berlin, Dublin"));
    assert!(
        coop(&r, "Everywhere").location.worldwide,
        "the Worldwide table"
    );
    let continental = coop(&r, "Continental");
    assert!(continental.location.countries.is_empty());
    warning(&r, 30, "no country");
    assert!(
        r.directory.countries.is_sorted_by_key(|c| &c.code),
        "countries sorted by code"
    );
    assert_eq!(
        r.directory.country("GB").map(|c| c.name.as_str()),
        Some("United Kingdom")
    );
    assert_eq!(
        r.directory.country("US").map(|c| c.name.as_str()),
        Some("United States")
    );
}

#[test]
fn founding_years_and_sizes() {
    let r = run();
    let e = coop(&r, "Entity Coop");
    assert_eq!(e.founded, Some(1999));
    assert_eq!(
        e.size
            .as_ref()
            .map(|s| (s.count, s.at_least, s.unit.as_str())),
        Some((12, false, "workers"))
    );
    let t = coop(&r, "Tkaronto Tech");
    assert_eq!(t.founded, Some(2006));
    assert_eq!(
        t.size
            .as_ref()
            .map(|s| (s.count, s.at_least, s.unit.as_str())),
        Some((150, true, "associates"))
    );
    assert_eq!(coop(&r, "Café Code").founded, Some(2016));
    assert_eq!(coop(&r, "Basque Devs").founded, Some(2012));
    assert_eq!(
        coop(&r, "Scots Coop").size.as_ref().map(|s| s.count),
        Some(23)
    );
    assert_eq!(coop(&r, "Pipe|Works").founded, None);
}

#[test]
fn tags_from_the_taxonomy() {
    let r = run();
    let tags = |name: &str| coop(&r, name).tags.clone();
    assert_eq!(
        tags("Pipe|Works"),
        ["web-development", "drupal", "training"]
    );
    assert_eq!(tags("Tkaronto Tech"), ["games"]);
    assert_eq!(tags("Basque Devs"), ["software-development", "open-source"]);
    assert_eq!(tags("Café Code"), ["data-ai", "security"]);
    assert_eq!(tags("Everywhere"), ["content-marketing"]);
    let ids: Vec<&str> = r.directory.tags.iter().map(|t| t.id.as_str()).collect();
    for coop in &r.directory.coops {
        assert!(coop.tags.iter().all(|t| ids.contains(&t.as_str())));
    }
}

#[test]
fn a_table_without_a_coop_column_is_reported() {
    let r = run();
    warning(&r, 44, "no “Coop” column");
}

#[test]
fn lists_and_unsafe_links_in_them() {
    let r = run();
    let nets = &r.directory.networks;
    assert_eq!(nets.len(), 2);
    assert_eq!(nets[0].children.len(), 2);
    assert_eq!(nets[1].name, "Net[Two]");
    assert_eq!(plain_text(&nets[1].description), "founded 2001");
    let guides = &r.directory.resources[0];
    assert_eq!(
        (guides.id.as_str(), guides.group.as_deref()),
        ("handbooks-guides", Some("Information"))
    );
    assert_eq!(guides.entries[1].url, None);
    warning(&r, 62, "javascript:alert(1)");
}

#[test]
fn every_written_url_is_safe() {
    let r = run();
    let json = to_json(&r.directory).unwrap();
    assert!(!json.contains("javascript:"));
    assert!(!json.contains("https:/broken"));
    for c in &r.directory.coops {
        assert!(c.url.as_deref().is_none_or(|u| safe_href(u).is_some()));
        assert!(
            c.notes
                .iter()
                .all(|s| s.href.as_deref().is_none_or(|u| safe_href(u).is_some()))
        );
    }
}

#[test]
fn ids_are_unique() {
    let r = run();
    let mut ids: Vec<&str> = r.directory.coops.iter().map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), r.directory.coops.len());
}

#[test]
fn output_is_deterministic_and_loads_in_the_app() {
    let a = to_json(&run().directory).unwrap();
    let b = to_json(&run().directory).unwrap();
    assert_eq!(a, b);
    assert!(a.ends_with("}\n"));
    let loaded = coops_core::load::load_directory(&a).expect("the app reads it");
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
}

/// The fixture as it would read after a cp1252 round trip.
fn mangle(text: &str) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    text.bytes()
        .map(|b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[test]
fn mojibake_is_repaired() {
    let mangled = mangle(TRAPS);
    assert!(mangled.contains("QuÃ©bec") && mangled.contains("weâ€™re"));
    let repaired = import(&mangled, "traps.md", None, common::gazetteer()).unwrap();
    let clean = run();
    assert_eq!(repaired.stats.repaired, ["traps.md"]);
    assert_eq!(
        coop(&repaired, "Café Code").location.text,
        "France, UK, Québec"
    );
    assert!(plain_text(&coop(&repaired, "Scots Coop").notes).contains("we’re"));
    let mut a = repaired.directory.clone();
    let b = clean.directory.clone();
    a.source.sha256 = b.source.sha256.clone();
    assert_eq!(a, b, "the repaired list imports exactly like the clean one");
}

#[test]
fn correct_input_is_left_alone() {
    let r = run();
    assert!(r.stats.repaired.is_empty());
    assert_eq!(coop(&r, "Café Code").location.text, "France, UK, Québec");
    assert!(plain_text(&coop(&r, "Scots Coop").notes).contains("we’re"));
}

#[test]
fn defunct_file() {
    let r = import(
        TRAPS,
        "traps.md",
        Some((DEFUNCT, "fixtures/DEFUNCT.md")),
        common::gazetteer(),
    )
    .unwrap();
    assert_eq!(r.stats.defunct_rows_read, 3);
    assert_eq!(
        r.directory.source.defunct_file.as_deref(),
        Some("DEFUNCT.md")
    );
    assert_eq!(
        r.directory.source.defunct_sha256.as_ref().map(String::len),
        Some(64)
    );
    let gone = coop(&r, "Gone Coop");
    assert_eq!(gone.status, Status::Defunct);
    assert_eq!(
        (gone.region.as_str(), gone.founded),
        ("north-america", Some(2010))
    );
    assert_eq!(gone.location.countries, ["US"], "OR is Oregon");
    let closed = coop(&r, "Closed Collective");
    assert_eq!(
        (closed.status, closed.region.as_str()),
        (Status::Defunct, "africa")
    );
    assert_eq!(closed.location.countries, ["KE"]);
    assert!(r.directory.regions.iter().any(|r| r.id == "africa"));
    // Listed in both: stays active, merged, and said so.
    assert_eq!(coop(&r, "Entity Coop").status, Status::Active);
    assert_eq!(r.stats.merged, 2);
    let w = r
        .warnings
        .iter()
        .find(|w| w.file == "DEFUNCT.md" && w.line == 9)
        .expect("a warning for the duplicate");
    assert!(
        w.reason.contains("traps.md line 13") && w.reason.contains("defunct"),
        "{w}"
    );
    // The app reads defunct co-ops too.
    let json = to_json(&r.directory).unwrap();
    assert!(json.contains("\"status\": \"defunct\""));
    assert!(
        coops_core::load::load_directory(&json)
            .unwrap()
            .skipped
            .is_empty()
    );
}

#[test]
fn not_a_list_is_an_error() {
    for text in ["", "# Hello\n\nJust prose.\n", "a | b\n--|--\n1 | 2\n"] {
        let err = import(text, "notes.md", None, common::gazetteer()).unwrap_err();
        assert!(matches!(err, ImportError::NotAList { .. }));
        assert!(
            err.to_string()
                .contains("notes.md is not a list of tech co-ops"),
            "{err}"
        );
    }
    let err = import(
        TRAPS,
        "traps.md",
        Some(("nothing here", "DEFUNCT.md")),
        common::gazetteer(),
    )
    .unwrap_err();
    assert!(err.to_string().starts_with("DEFUNCT.md"), "{err}");
}
