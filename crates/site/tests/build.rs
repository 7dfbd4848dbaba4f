//! The site build on a sample of Trunk's output: what it writes, and what it refuses.

use std::path::{Path, PathBuf};

use coops_site::{Options, QuickSearch, SiteError, build};

/// The repository's root: the scripts' and stylesheets' sources.
fn source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A staging directory as Trunk leaves it: its index.html (with the block Trunk.toml's
/// pattern_script writes) and the data files, `dataset` as data/directory.json.
fn staging(name: &str, dataset: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("coops-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::write(
        dir.join("index.html"),
        r#"<!doctype html><html lang="en"><head><base href="/directory/"/>
<script type="application/json" id="tc-trunk-output">{"js": "tech-coops-app-0a1b.js", "wasm": "tech-coops-app-0a1b_bg.wasm"}</script>
</head><body></body></html>"#,
    )
    .unwrap();
    std::fs::write(dir.join("data/directory.json"), dataset).unwrap();
    // The guide and its translations, and the map assets.
    for file in [
        "join.json",
        "join.es.json",
        "join.fr.json",
        "join.de.json",
        "world.json",
        "world-close.json",
    ] {
        std::fs::copy(
            source().join("public/data").join(file),
            dir.join("data").join(file),
        )
        .unwrap();
    }
    std::fs::create_dir_all(dir.join("i18n")).unwrap();
    for lang in ["en", "es", "fr", "de"] {
        let file = format!("i18n/{lang}.json");
        std::fs::copy(source().join("public").join(&file), dir.join(&file)).unwrap();
    }
    dir
}

fn bundled_dataset() -> String {
    std::fs::read_to_string(source().join("public/data/directory.json")).unwrap()
}

fn options(staging: &Path) -> Options {
    Options {
        staging: staging.to_path_buf(),
        source: source(),
        public_url: "/directory/".into(),
        origin: "https://example.org".into(),
        precompress: true,
        linked_app: None,
        work: std::env::temp_dir(),
    }
}

fn quick_search() -> QuickSearch {
    QuickSearch {
        js: b"export default function init() {}".to_vec(),
        wasm: b"\0asm".to_vec(),
    }
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn file_named(dir: &Path, stem: &str, ext: &str) -> String {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with(stem) && name.ends_with(ext))
        .unwrap_or_else(|| panic!("no {stem}…{ext}"))
}

#[test]
fn writes_a_page_for_every_route_with_its_scripts_stylesheet_and_sitemap() {
    let dir = staging("every-route", &bundled_dataset());
    let report = build(&options(&dir), &quick_search()).unwrap();
    let coops = serde_json::from_str::<serde_json::Value>(&bundled_dataset()).unwrap()["coops"]
        .as_array()
        .unwrap()
        .len();
    // The directory, networks, resources, the guide, about, every co-op, and 404.html, in
    // each of the four languages.
    assert_eq!(report.pages, 4 * (5 + coops + 1));
    for file in [
        "index.html",
        "networks/index.html",
        "resources/index.html",
        "join/index.html",
        "about/index.html",
        "coops/camba/index.html",
        "404.html",
    ] {
        let page = read(&dir, file);
        assert!(page.starts_with("<!doctype html>"), "{file}");
        assert!(page.contains(r#"<base href="/directory/">"#), "{file}");
        assert!(page.contains(r#"<div id="tc-prerender">"#), "{file}");
        // Nothing of what only hydration reads (the app never hydrates: document.rs).
        assert!(!page.contains("<!>"), "{file}: a renderer's <!>");
        assert!(
            !page.contains("<!--<()"),
            "{file}: a renderer's <!--<() />-->"
        );
    }
    // Each page says which route it shows, in which language; the not-found page is right at
    // any address.
    assert!(read(&dir, "coops/camba/index.html").contains(r#"data-tc-route="/coops/camba""#));
    let spanish = read(&dir, "es/coops/camba/index.html");
    assert!(
        spanish
            .contains(r#"<html lang="es" data-tc-route="/es/coops/camba" data-tc-chunk="coop">"#)
    );
    assert!(read(&dir, "de/404.html").contains(r#"<html lang="de" data-tc-route="*">"#));
    // Each page names itself in every language, and English for any other.
    for (lang, path) in [
        ("en", ""),
        ("es", "es/"),
        ("fr", "fr/"),
        ("de", "de/"),
        ("x-default", ""),
    ] {
        let alternate = format!(
            r#"<link href="https://example.org/directory/{path}coops/camba/" hreflang="{lang}" rel="alternate">"#
        );
        assert!(spanish.contains(&alternate), "{alternate}");
    }
    assert!(spanish.contains(
        r#"<link href="https://example.org/directory/es/coops/camba/" rel="canonical">"#
    ));
    assert!(read(&dir, "404.html").contains(r#"data-tc-route="*""#));
    assert!(read(&dir, "404.html").contains(r#"<meta name="robots" content="noindex">"#));
    // The scripts: their placeholder filled with the shared names and this build's files.
    let gate = read(&dir, &file_named(&dir, "gate-", ".js"));
    assert!(!gate.contains("/*BUILD*/"));
    assert!(gate.contains("\"routeAttribute\":\"data-tc-route\""));
    assert!(gate.contains("/directory/tech-coops-app-0a1b_bg.wasm"));
    let boot = read(&dir, &file_named(&dir, "boot-", ".js"));
    assert!(boot.contains("/directory/quick-search-"));
    let mount = read(&dir, "mount.js");
    assert!(mount.contains("\"wasm\":\"tech-coops-app-0a1b_bg.wasm\""));
    assert!(mount.contains(&file_named(&dir, "app-", ".css")));
    // One stylesheet for the pages, the standalone page's rules first; the app's alone for
    // other sites' pages.
    let site_css = read(&dir, &file_named(&dir, "site-", ".css"));
    assert!(site_css.starts_with("/* page.css */"));
    assert!(!read(&dir, &file_named(&dir, "app-", ".css")).contains("/* page.css */"));
    // The whole dataset as CSV (a header and a row per co-op) and GeoJSON (a point per place).
    // (Records end in CRLF; a line break inside a quoted field is a bare LF.)
    let csv = read(&dir, "data/directory.csv");
    assert_eq!(csv.matches("\r\n").count(), coops + 1);
    assert!(csv.starts_with("id,name,url,status,region,"));
    let geojson: serde_json::Value =
        serde_json::from_str(&read(&dir, "data/directory.geojson")).unwrap();
    assert_eq!(geojson["type"], "FeatureCollection");
    assert!(geojson["features"].as_array().unwrap().len() >= coops);
    assert!(dir.join("data/directory.csv.gz").is_file());
    // A Murmurations profile per co-op that can have one, each listed in the index at this
    // deployment's address; every co-op either has a profile or is counted out.
    let index: serde_json::Value =
        serde_json::from_str(&read(&dir, "data/murmurations/index.json")).unwrap();
    let listed = index["profiles"].as_array().unwrap();
    assert_eq!(
        listed.len() + index["left_out"].as_array().unwrap().len(),
        coops
    );
    let first = &listed[0];
    assert_eq!(
        first["profile_url"],
        format!(
            "https://example.org/directory/data/murmurations/{}.json",
            first["id"].as_str().unwrap()
        )
    );
    let profile: serde_json::Value = serde_json::from_str(&read(
        &dir,
        &format!("data/murmurations/{}.json", first["id"].as_str().unwrap()),
    ))
    .unwrap();
    assert_eq!(profile["linked_schemas"][0], "organizations_schema-v1.0.0");
    // A locator map for each co-op page that has a place: the shapes around it, cut, a small
    // share of the close-up map it is cut from.
    assert!(
        report.locators <= coops && report.locators * 10 > coops * 9,
        "{} of {coops}",
        report.locators
    );
    let camba: coops_core::geo::WorldMap =
        serde_json::from_str(&read(&dir, "data/locator/camba.json")).unwrap();
    assert!(camba.countries.iter().any(|c| c.code == "AR"));
    let close = read(&dir, "data/world-close.json").len();
    assert!(read(&dir, "data/locator/camba.json").len() * 10 < close);
    // The guide in each language, whole, as the app reads it.
    let spanish_guide =
        coops_core::join::load_guide(&read(&dir, "data/join/es.json")).expect("a whole guide");
    let texts: serde_json::Value = serde_json::from_str(&read(&dir, "data/join.es.json")).unwrap();
    assert_eq!(
        spanish_guide.steps[0].question,
        texts["steps"][&spanish_guide.steps[0].id]["question"]
    );
    // The sitemap lists every page but the not-found one, in every language, at the
    // deployment's address.
    let sitemap = read(&dir, "sitemap.xml");
    assert_eq!(sitemap.matches("<url>").count(), 4 * (5 + coops));
    assert!(sitemap.contains("<loc>https://example.org/directory/coops/camba/</loc>"));
    assert!(sitemap.contains("<loc>https://example.org/directory/fr/coops/camba/</loc>"));
    assert!(sitemap.contains("<loc>https://example.org/directory/de/</loc>"));
    assert!(
        read(&dir, "robots.txt").contains("Sitemap: https://example.org/directory/sitemap.xml")
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_dataset_that_does_not_load_stops_the_build_with_the_loaders_message() {
    let dir = staging("broken", r#"{"schema": "1.0", "coops": ["#);
    let error = build(&options(&dir), &quick_search()).unwrap_err();
    assert!(matches!(error, SiteError::Data { .. }), "{error}");
    let message = error.to_string();
    assert!(message.contains("directory.json"), "{message}");
    assert!(message.contains("not a dataset"), "{message}");
    // Nothing was written: not half a site.
    assert!(!dir.join("coops").exists());
    assert!(read(&dir, "index.html").contains("tc-trunk-output"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_id_that_would_escape_its_folder_is_refused_naming_the_coop() {
    let mut dataset: serde_json::Value = serde_json::from_str(&bundled_dataset()).unwrap();
    dataset["coops"][3]["id"] = "../../etc".into();
    let name = dataset["coops"][3]["name"].as_str().unwrap().to_string();
    let dir = staging("escape", &dataset.to_string());
    let error = build(&options(&dir), &quick_search())
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("../../etc") && error.contains(&name),
        "{error}"
    );
    assert!(!dir.join("coops").exists());
    assert!(!dir.join("../etc").exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn trunk_output_without_the_apps_files_is_refused() {
    let dir = staging("no-block", &bundled_dataset());
    std::fs::write(
        dir.join("index.html"),
        "<html><head></head><body></body></html>",
    )
    .unwrap();
    let error = build(&options(&dir), &quick_search())
        .unwrap_err()
        .to_string();
    assert!(error.contains("pattern_script"), "{error}");
    let _ = std::fs::remove_dir_all(dir);
}
