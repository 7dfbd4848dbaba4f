//! Open data (issue 22): the directory's "Download" saves the filtered view in each format, made
//! in the browser, and each file reads back to the co-ops the count says.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use e2e::run;
use serde_json::{Value, json};

/// Waits for the browser to have saved `name` in `folder`, whole, and returns its text.
pub(crate) async fn saved(folder: &Path, name: &str) -> String {
    let path = folder.join(name);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        // Chromium writes `<name>.crdownload` first and renames it once it is whole, but the
        // file may appear under its own name, empty, a moment before that. Every format this
        // app saves has something in it, even for an empty view (a header, `[]`).
        let partial = folder.join(format!("{name}.crdownload"));
        if let Ok(text) = std::fs::read_to_string(&path)
            && !text.is_empty()
            && !partial.exists()
        {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "no {name} saved in {}",
            folder.display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A new, empty folder for this test run's downloads.
pub(crate) fn empty_folder(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

/// Makes the browser save what the page downloads in `folder`, without asking.
pub(crate) async fn save_downloads_in(app: &e2e::AppPage, folder: &Path) {
    app.cdp(
        "Browser.setDownloadBehavior",
        json!({"behavior": "allow", "downloadPath": folder.to_string_lossy()}),
    )
    .await;
}

#[tokio::test]
async fn each_download_of_a_filtered_view_reads_back_to_the_coops_counted() {
    let folder = empty_folder("tc-downloads");
    let into = folder.clone();
    run(|app| async move {
        save_downloads_in(&app, &into).await;
        app.open("/?country=DE&q=web").await;
        app.wait_for_query("?country=DE&q=web").await;
        let count = app.result_count().await;
        assert!(count > 0, "German co-ops doing web work");
        let ids = app.coop_ids().await;
        app.click("[data-testid=download] summary").await;

        app.click("[data-testid=download] button[data-format=CSV]")
            .await;
        let text = saved(&into, "tech-coops.csv").await;
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[0], "id");
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), count, "a row per co-op counted");
        let countries = headers.iter().position(|h| h == "countries").unwrap();
        assert!(rows.iter().all(|r| r[countries].contains("DE")));
        let csv_ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
        let shown: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(csv_ids[..shown.len()], shown[..], "in the list's order");

        app.click("[data-testid=download] button[data-format=JSON]")
            .await;
        let text = saved(&into, "tech-coops.json").await;
        // The dataset's own format: the app's loader (which the schema describes) reads it whole.
        let loaded = coops_core::load::load_directory(&text).expect("the dataset's format");
        assert!(loaded.skipped.is_empty());
        assert_eq!(loaded.directory.coops.len(), count);

        app.click("[data-testid=download] button[data-format=GeoJSON]")
            .await;
        let text = saved(&into, "tech-coops.geojson").await;
        let collection: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(collection["type"], "FeatureCollection");
        let features = collection["features"].as_array().unwrap();
        let mut placed: Vec<&str> = features
            .iter()
            .map(|f| {
                assert_eq!(f["geometry"]["type"], "Point");
                let at = f["geometry"]["coordinates"].as_array().unwrap();
                assert!(
                    at[0].as_f64().unwrap().abs() <= 180.0 && at[1].as_f64().unwrap().abs() <= 90.0
                );
                f["properties"]["id"].as_str().unwrap()
            })
            .collect();
        placed.dedup();
        // Every co-op with a country has a place: each one counted has a point.
        assert_eq!(placed.len(), count);
    })
    .await;
    let _ = std::fs::remove_dir_all(folder);
}

/// The Murmurations organisation schema as `coops_core`'s own test reads it.
const MURMURATIONS_SCHEMA: &str =
    include_str!("../../../../crates/core/tests/murmurations/organizations_schema-v1.0.0.json");

#[tokio::test]
async fn murmurations_profiles_of_a_filtered_view_validate_and_account_for_every_coop() {
    let folder = empty_folder("tc-murmurations");
    let into = folder.clone();
    let schema: Value = serde_json::from_str(MURMURATIONS_SCHEMA).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    run(|app| async move {
        save_downloads_in(&app, &into).await;
        // Co-ops in the United States, the closed ones too: those have no profile.
        app.open("/?country=US&defunct=1").await;
        app.wait_for_query("?country=US&defunct=1").await;
        let count = app.result_count().await;
        app.click("[data-testid=download] summary").await;
        let left_out: usize = app
            .find("[data-testid=murmurations-left-out]")
            .await
            .attr("data-count")
            .await
            .unwrap()
            .expect("a count")
            .parse()
            .unwrap();
        assert!(left_out > 0, "closed co-ops are left out, and said to be");
        app.click("[data-testid=download] button[data-format=Murmurations]")
            .await;
        let text = saved(&into, "tech-coops-murmurations.json").await;
        let profiles: Vec<Value> = serde_json::from_str(&text).expect("a JSON array");
        assert_eq!(profiles.len() + left_out, count);
        for profile in &profiles {
            let errors: Vec<String> = validator
                .iter_errors(profile)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{errors:?}\n{profile:#}");
            assert_eq!(profile["country_iso_3166"], "US");
        }
    })
    .await;
    let _ = std::fs::remove_dir_all(folder);
}

#[tokio::test]
async fn a_download_from_a_spanish_page_names_things_as_the_published_dataset_does() {
    let folder = empty_folder("tc-downloads-es");
    let into = folder.clone();
    let published = e2e::expected::dataset();
    run(|app| async move {
        save_downloads_in(&app, &into).await;
        app.open("/es/?country=DE").await;
        app.wait_for_query("?country=DE").await;
        let count = app.result_count().await;
        app.click("[data-testid=download] summary").await;
        app.click("[data-testid=download] button[data-format=JSON]")
            .await;
        let text = saved(&into, "tech-coops.json").await;
        let loaded = coops_core::load::load_directory(&text).expect("the dataset's format");
        assert_eq!(loaded.directory.coops.len(), count);
        // The page speaks Spanish ("Europa"); the file, like the published one, English.
        let names = |regions: &Value| -> Vec<String> {
            regions
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["name"].as_str().unwrap().to_string())
                .collect()
        };
        let file: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(names(&file["regions"]), names(&published["regions"]));
        assert_eq!(file["countries"], published["countries"]);
        assert!(names(&file["regions"]).contains(&"Europe".to_string()));
    })
    .await;
    let _ = std::fs::remove_dir_all(folder);
}
