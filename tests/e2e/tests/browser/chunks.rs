//! The app split by route (issue 33): each page downloads its own route's chunk beside the
//! main module, another route's chunk once it is visited, and a chunk that does not arrive is
//! reported where its view would be, with Retry, while the rest of the app goes on.

use e2e::{AppPage, Reply, StaticServer, chunk_path, dist_dir, run, run_with};
use serde_json::json;

/// The split modules requested so far (`split_links`), in order.
fn chunks_requested(server: &StaticServer) -> Vec<String> {
    server
        .requests()
        .into_iter()
        .filter_map(|path| {
            let file = path.rsplit('/').next()?.to_string();
            file.starts_with("split_")
                .then(|| file.trim_end_matches(".wasm").to_string())
        })
        .collect()
}

/// The app did not trap (its crash message is hidden).
async fn assert_no_crash(app: &AppPage) {
    assert_eq!(
        app.js("return document.getElementById('crash').hidden", vec![])
            .await,
        json!(true)
    );
}

/// The chunk error's text, once it is shown.
async fn chunk_error(app: &AppPage) -> String {
    app.wait_until(
        "the chunk's error",
        "!!document.querySelector('[data-testid=chunk-error]')",
    )
    .await;
    app.text("[data-testid=chunk-error]").await
}

#[tokio::test]
async fn a_page_downloads_its_own_chunk_beside_the_main_module_and_another_once_visited() {
    let server = StaticServer::start(dist_dir());
    let seen = server.clone();
    run_with(server, |app| async move {
        app.open("/networks").await;
        app.find(".page--links h1").await;
        // gate.js asked for the page's chunk with the main module, before the app ran.
        let preloaded = app
            .js(
                "return [...document.querySelectorAll('link[rel=preload]')].map(l => l.getAttribute('href')).filter(h => h.includes('split_'))",
                vec![],
            )
            .await;
        assert!(
            preloaded.to_string().contains("split_links.wasm"),
            "{preloaded}"
        );
        assert_eq!(chunks_requested(&seen), ["split_links"]);

        app.click_link("Directory").await;
        app.find(".result-list").await;
        assert_eq!(chunks_requested(&seen), ["split_links", "split_directory"]);

        // Resources share the networks' chunk, which is here already; the about page is in
        // the main module.
        app.click_link("Resources").await;
        app.wait_until(
            "the resources page",
            "location.pathname.endsWith('/resources') && !!document.querySelector('.page--links h1')",
        )
        .await;
        app.click_link("About").await;
        app.find(".page--about h1").await;
        assert_eq!(chunks_requested(&seen), ["split_links", "split_directory"]);
        assert_no_crash(&app).await;
    })
    .await;
}

#[tokio::test]
async fn a_chunk_that_fails_once_is_reported_and_retry_fetches_it_again() {
    let server = StaticServer::start(dist_dir());
    let chunk = chunk_path("links");
    server.set(&chunk, Reply::status(500));
    let control = server.clone();
    run_with(server, |app| async move {
        app.open_before_app("/networks").await;
        let error = chunk_error(&app).await;
        assert!(error.contains("did not download"), "{error:?}");
        // It stands for the page: its heading is the page's h1 (no level skipped to an h2).
        assert_eq!(
            app.js(
                "return document.querySelector('[data-testid=chunk-error] .load-state__title').tagName",
                vec![],
            )
            .await,
            json!("H1")
        );
        // In place of the page, under the site's own header: the pre-rendered page is gone.
        app.wait_until(
            "the app's own header",
            "!document.getElementById('tc-prerender') && !!document.querySelector('.tc-app .site-header')",
        )
        .await;
        app.assert_accessible("a chunk's error").await;

        control.set(&chunk, Reply::File);
        app.click_button("Retry").await;
        app.find(".page--links h1").await;
        app.wait_until(
            "the error to go",
            "!document.querySelector('[data-testid=chunk-error]')",
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_chunk_gone_after_a_redeploy_is_reported_and_the_other_pages_still_work() {
    let server = StaticServer::start(dist_dir());
    server.set(&chunk_path("links"), Reply::status(404));
    run_with(server, |app| async move {
        app.open("/").await;
        app.find(".result-list").await;
        app.click_link("Networks").await;
        let error = chunk_error(&app).await;
        assert!(error.contains("reload the page"), "{error:?}");
        assert!(
            app.find_all("[data-testid=chunk-error] button").await.len() == 2,
            "Retry and Reload"
        );
        // Nothing trapped: the navigation goes on to a page whose chunk is there.
        app.click_link("Join").await;
        app.find(".page--join h1").await;
        assert_no_crash(&app).await;
    })
    .await;
}

#[tokio::test]
async fn a_feature_comes_in_its_own_chunk_when_first_used_and_a_failed_one_is_fetched_again() {
    let server = StaticServer::start(dist_dir());
    let writers = chunk_path("download_writers");
    server.set(&writers, Reply::status(500));
    let control = server.clone();
    let folder = crate::open_data::empty_folder("tc-chunk-downloads");
    let into = folder.clone();
    run_with(server, |app| async move {
        crate::open_data::save_downloads_in(&app, &into).await;
        // The guide's first view is a question: its outcomes' chunk waits for an outcome.
        app.open("/join").await;
        app.find(".page--join h1").await;
        assert!(!chunks_requested(&control).contains(&"split_join_outcome".to_string()));
        app.open("/join?outcome=work-join").await;
        app.find(".join-outcome h2").await;
        assert!(chunks_requested(&control).contains(&"split_join_outcome".to_string()));

        // The directory downloads its writers only when the visitor downloads.
        app.open("/").await;
        app.find(".result-list").await;
        assert!(!chunks_requested(&control).contains(&"split_download_writers".to_string()));
        app.click("[data-testid=download] summary").await;
        app.click("[data-testid=download] button[data-format=CSV]")
            .await;
        app.wait_until(
            "the download's failure",
            "!!document.querySelector('[data-testid=download-failed]')",
        )
        .await;
        let said = app.text("[data-testid=download-failed]").await;
        assert!(said.contains("Choose the format again"), "{said:?}");

        control.set(&writers, Reply::File);
        app.click("[data-testid=download] button[data-format=CSV]")
            .await;
        let csv = crate::open_data::saved(&into, "tech-coops.csv").await;
        assert!(csv.starts_with("id,name,"), "{csv:.40}");
        app.wait_until(
            "the failure note to go",
            "!document.querySelector('[data-testid=download-failed]')",
        )
        .await;
        let fetched = chunks_requested(&control)
            .iter()
            .filter(|c| *c == "split_download_writers")
            .count();
        assert_eq!(fetched, 2, "once failed, once fetched again");
    })
    .await;
    let _ = std::fs::remove_dir_all(folder);
}

/// Every test above needs the split build: make sure the release build is one, and that no
/// wasm it serves carries the linker's relocations, which the split needs and a visitor does
/// not (they tripled the quick search once).
#[tokio::test]
async fn the_release_build_is_split_by_route() {
    // Each split point the build names (the site build stops if a route has none) is there.
    let manifest =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/site-wasm/split.json");
    let split: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&manifest).expect("the split's manifest")).unwrap();
    let routes = split["routes"].as_array().expect("the routes' chunks");
    assert!(
        routes.len() >= 4 && routes.contains(&json!("directory")),
        "{routes:?}"
    );
    for chunk in split["chunks"]
        .as_object()
        .expect("the split points")
        .keys()
    {
        chunk_path(chunk);
    }
    let dist = dist_dir();
    let folder = dist.join(e2e::app_folder());
    let served = std::fs::read_dir(&dist)
        .unwrap()
        .chain(std::fs::read_dir(&folder).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"));
    let mut count = 0;
    for path in served {
        let bytes = std::fs::read(&path).unwrap();
        let linking = bytes.windows(8).any(|w| w == b"\x07linking");
        assert!(
            !linking,
            "{} keeps the linker's relocations",
            path.display()
        );
        count += 1;
    }
    assert!(
        count >= 8,
        "the quick search, the main module and the chunks: {count}"
    );
    run(|app| async move {
        app.open("/join").await;
        app.find(".page--join h1").await;
    })
    .await;
}
