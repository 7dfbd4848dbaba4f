//! "Near…" (issue 20): a typed place orders the list nearest first, with each card's distance,
//! in the URL and through a reload; a place the list does not name says so; the browser's
//! location orders it too and stays out of the URL.

use coops_core::Directory;
use coops_core::messages::{card_distance, near_label};
use coops_core::nearby::measurable;
use coops_core::places::MapPlace;
use coops_core::query::DirectoryQuery;
use coops_core::search::Index;
use e2e::{AppPage, run};
use serde_json::Value;

use super::phones::{DESKTOP, PHONE, chip_labels, click_in_sheet, open_sheet, resize};

fn directory() -> Directory {
    let text = std::fs::read_to_string(e2e::dist_dir().join("data/directory.json")).expect("dist/");
    coops_core::load::load_directory(&text)
        .expect("the dataset")
        .directory
}

/// The town with the most co-ops (a place to measure from, so a city or region).
fn busiest_town(index: &Index) -> MapPlace {
    index
        .places()
        .iter()
        .filter(|p| measurable(p))
        .max_by(|a, b| a.coops.len().cmp(&b.coops.len()).then(b.id.cmp(&a.id)))
        .expect("a town")
        .clone()
}

/// The first `n` co-op ids and the first card's distance label the app should show near `id`.
fn expected_near(
    directory: &Directory,
    index: &Index,
    id: &str,
    n: usize,
) -> (Vec<String>, String) {
    let query = DirectoryQuery {
        near: Some(id.to_string()),
        ..Default::default()
    };
    let mut results = index.search(&query);
    index.order_by_distance(&mut results, index.near(&query).expect("a town"));
    let ids = results
        .matches
        .iter()
        .take(n)
        .map(|&i| directory.coops[i as usize].id.clone())
        .collect();
    (ids, card_distance(results.distances[0].expect("placed")))
}

/// Types `text` into the "Near" box and presses Enter.
async fn type_near(app: &AppPage, text: &str) {
    let input = app.find("#facet-near").await;
    input
        .send_keys("\u{E009}a\u{E000}\u{E003}")
        .await
        .expect("clear the box");
    input
        .send_keys(&format!("{text}\u{E007}"))
        .await
        .expect("type a place");
}

async fn first_ids(app: &AppPage, n: usize) -> Vec<String> {
    app.coop_ids().await.into_iter().take(n).collect()
}

async fn first_distance(app: &AppPage) -> String {
    app.text("[data-testid=coop-card] [data-testid=card-distance]")
        .await
}

#[tokio::test]
async fn near_a_typed_place_sorts_by_distance_and_survives_a_reload() {
    let directory = directory();
    let index = Index::build(&directory);
    let town = busiest_town(&index);
    let (expected, distance) = expected_near(&directory, &index, &town.id, 8);
    let label = town.label(&directory);
    run(|app| async move {
        resize(&app, DESKTOP).await;
        app.open("/").await;
        let unsorted = first_ids(&app, 8).await;
        assert_ne!(unsorted, expected, "the test needs an order that changes");

        // A place the list does not name: said so, and the list and URL stay as they were.
        type_near(&app, "Atlantis").await;
        app.wait_until(
            "the unknown place's message",
            "document.querySelector('[data-testid=near-status]').textContent.includes('Atlantis')",
        )
        .await;
        assert_eq!(app.path().await, "/");
        assert_eq!(first_ids(&app, 8).await, unsorted);

        // Its name as typed, lower case: nearest first, each card with its distance.
        type_near(&app, &town.name.to_lowercase()).await;
        app.wait_for_query(&format!("?near={}", town.id)).await;
        app.wait_until(
            "the distances on the cards",
            "document.querySelector('[data-testid=coop-card] [data-testid=card-distance]')",
        )
        .await;
        assert_eq!(first_ids(&app, 8).await, expected, "nearest first");
        assert_eq!(first_distance(&app).await, distance);
        assert!(chip_labels(&app).await.contains(&near_label(&label)));
        assert_eq!(app.select_value("facet-sort").await, "distance");
        assert_eq!(
            app.js("return document.getElementById('facet-near').value", vec![])
                .await,
            Value::from(label.as_str())
        );

        // A reload keeps it; so does the link on a phone.
        app.reload().await;
        app.find("[data-testid=card-distance]").await;
        assert_eq!(first_ids(&app, 8).await, expected, "after a reload");
        resize(&app, PHONE).await;
        app.open(&format!("/?near={}", town.id)).await;
        app.find("[data-testid=card-distance]").await;
        assert_eq!(first_ids(&app, 8).await, expected, "on a phone");
        assert_eq!(first_distance(&app).await, distance);

        // Sorting by name again ends it.
        resize(&app, DESKTOP).await;
        app.choose("facet-sort", "name").await;
        app.wait_for_query("").await;
        assert_eq!(first_ids(&app, 8).await, unsorted);
        assert!(
            app.find_all("[data-testid=card-distance]").await.is_empty(),
            "no distances without a place"
        );
    })
    .await;
}

#[tokio::test]
async fn near_my_location_orders_the_list_and_stays_out_of_the_url() {
    let directory = directory();
    let index = Index::build(&directory);
    let town = busiest_town(&index);
    let (expected, _) = expected_near(&directory, &index, &town.id, 5);
    run(|app| async move {
        resize(&app, PHONE).await;
        app.open("/").await;
        let origin = app.js("return location.origin", vec![]).await;
        app.cdp(
            "Browser.grantPermissions",
            serde_json::json!({ "origin": origin, "permissions": ["geolocation"] }),
        )
        .await;
        app.cdp(
            "Emulation.setGeolocationOverride",
            serde_json::json!({ "latitude": town.lat, "longitude": town.lon, "accuracy": 100 }),
        )
        .await;
        open_sheet(&app).await;
        click_in_sheet(&app, "[data-testid=near-me]").await;
        app.wait_until(
            "the list ordered from here",
            "document.querySelector('[data-testid=card-distance]')",
        )
        .await;
        app.click(".filter-sheet__show").await;
        assert_eq!(
            first_ids(&app, 5).await,
            expected,
            "nearest to the device first"
        );
        assert_eq!(app.path().await, "/", "the position is not in the URL");
        let chips = chip_labels(&app).await;
        assert!(chips.iter().any(|c| c.starts_with("Near ")), "{chips:?}");
        // Its chip ends it.
        app.click("[data-testid=filter-chip][data-filter=near]")
            .await;
        app.wait_until(
            "the list in its own order",
            "!document.querySelector('[data-testid=card-distance]')",
        )
        .await;
    })
    .await;
}
