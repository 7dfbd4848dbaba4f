//! The app split by route (issue 33): each page downloads its own route's chunk beside the
//! main module, another route's chunk once it is visited, and a chunk that does not arrive is
//! reported where its view would be, with Retry, while the rest of the app goes on.

use e2e::{AppPage, Reply, StaticServer, chunk_path, dist_dir, run, run_with};
use serde_json::json;

/// The split modules requested so far (`split_about`), in order.
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
        app.open("/about").await;
        app.find(".page--about h1").await;
        // gate.js asked for the about page's chunk with the main module, before the app ran.
        let preloaded = app
            .js(
                "return [...document.querySelectorAll('link[rel=preload]')].map(l => l.getAttribute('href')).filter(h => h.includes('split_'))",
                vec![],
            )
            .await;
        assert!(
            preloaded.to_string().contains("split_about.wasm"),
            "{preloaded}"
        );
        assert_eq!(chunks_requested(&seen), ["split_about"]);

        app.click_link("Directory").await;
        app.find(".result-list").await;
        assert_eq!(chunks_requested(&seen), ["split_about", "split_directory"]);

        // Back to about: its chunk is here already.
        app.click_link("About").await;
        app.find(".page--about h1").await;
        assert_eq!(chunks_requested(&seen), ["split_about", "split_directory"]);
        assert_eq!(
            app.js("return document.getElementById('crash').hidden", vec![])
                .await,
            json!(true)
        );
    })
    .await;
}

#[tokio::test]
async fn a_chunk_that_fails_once_is_reported_and_retry_fetches_it_again() {
    let server = StaticServer::start(dist_dir());
    let chunk = chunk_path("about");
    server.set(&chunk, Reply::status(500));
    let control = server.clone();
    run_with(server, |app| async move {
        app.open_before_app("/about").await;
        let error = chunk_error(&app).await;
        assert!(error.contains("did not download"), "{error:?}");
        // In place of the page, under the site's own header: the pre-rendered page is gone.
        app.wait_until(
            "the app's own header",
            "!document.getElementById('tc-prerender') && !!document.querySelector('.tc-app .site-header')",
        )
        .await;
        app.assert_accessible("a chunk's error").await;

        control.set(&chunk, Reply::File);
        app.click_button("Retry").await;
        app.find(".page--about h1").await;
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
    server.set(&chunk_path("about"), Reply::status(404));
    run_with(server, |app| async move {
        app.open("/").await;
        app.find(".result-list").await;
        app.click_link("About").await;
        let error = chunk_error(&app).await;
        assert!(error.contains("reload the page"), "{error:?}");
        assert!(
            app.find_all("[data-testid=chunk-error] button").await.len() == 2,
            "Retry and Reload"
        );
        // Nothing trapped: the navigation goes on to a page whose chunk is there.
        app.click_link("Networks").await;
        app.find(".page--links h1").await;
        assert_eq!(
            app.js("return document.getElementById('crash').hidden", vec![])
                .await,
            json!(true)
        );
    })
    .await;
}

/// Every test above needs the split build: make sure the release build is one, and that no
/// wasm it serves carries the linker's relocations, which the split needs and a visitor does
/// not (they tripled the quick search once).
#[tokio::test]
async fn the_release_build_is_split_by_route() {
    for chunk in [
        "directory",
        "coop",
        "join",
        "networks",
        "resources",
        "about",
    ] {
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
