//! The directory pre-rendered into index.html: it paints before the wasm arrives, reads with
//! JavaScript off, never shows at an address where it would be the wrong page, and the app
//! takes over from it without losing what the visitor typed.

use std::time::Duration;

use e2e::{Reply, StaticServer, dist_dir, run, run_with};
use serde_json::json;

/// The wasm's path in dist/ (its name carries a hash).
fn wasm_path() -> String {
    std::fs::read_dir(dist_dir())
        .expect("dist/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| name.ends_with("_bg.wasm"))
        .map(|name| format!("/{name}"))
        .expect("a wasm file in dist/")
}

/// A server whose wasm takes `delay` to arrive: time to look at the page before the app runs.
fn slow_wasm_server(delay: Duration) -> StaticServer {
    let server = StaticServer::start(dist_dir());
    server.set(
        &wasm_path(),
        Reply::Delayed {
            delay,
            then: Box::new(Reply::File),
        },
    );
    server
}

const PRERENDER_SHOWN: &str = "(() => { const p = document.getElementById('tc-prerender'); return !!p && getComputedStyle(p).display !== 'none'; })()";
const PRERENDER_GONE: &str =
    "!document.getElementById('tc-prerender') && !document.getElementById('tc-boot-loading')";

#[tokio::test]
async fn the_list_paints_before_the_wasm_and_the_app_takes_over_keeping_what_was_typed() {
    run_with(slow_wasm_server(Duration::from_secs(3)), |app| async move {
        app.open("/").await;
        // Before the app: the pre-rendered list, visible, with the search box (scripts run).
        assert_eq!(
            app.js(&format!("return {PRERENDER_SHOWN}"), vec![]).await,
            json!(true)
        );
        let cards = app.find_all("#tc-prerender article.coop-card").await.len();
        assert!(cards > 100, "pre-rendered cards: {cards}");
        let count = app.text("#tc-prerender .result-count").await;
        assert_eq!(count, format!("{cards} co-ops"));
        assert!(
            app.find_all("[data-testid=coop-card]").await.is_empty(),
            "the app has not started yet"
        );
        // The visitor starts typing into the pre-rendered box.
        let search = app.find("#tc-prerender-search").await;
        search.click().await.expect("focus the box");
        search.send_keys("berlin").await.expect("type");

        // The app takes over: one app, the typed text searched, focus in its own box.
        app.wait_until("the handover", PRERENDER_GONE).await;
        app.wait_for_query("?q=berlin").await;
        assert_eq!(app.find_all(".tc-app").await.len(), 1);
        let value = app
            .js(
                "return document.getElementById('directory-search').value",
                vec![],
            )
            .await;
        assert_eq!(value, json!("berlin"));
        let focused = app.focused().await;
        assert!(
            focused.starts_with("INPUT#directory-search"),
            "focus: {focused}"
        );
        let shown = app.result_count().await;
        assert!(
            shown > 0 && shown < cards,
            "berlin narrows the list: {shown}"
        );
    })
    .await;
}

#[tokio::test]
async fn the_app_shows_the_same_first_view_as_the_pre_rendered_list() {
    run_with(slow_wasm_server(Duration::from_millis(1500)), |app| async move {
        app.open("/").await;
        let prerendered: Vec<String> = app
            .js(
                "return [...document.querySelectorAll('#tc-prerender article.coop-card')].map(a => a.getAttribute('aria-labelledby').slice('tc-prerender-coop-'.length))",
                vec![],
            )
            .await
            .as_array()
            .expect("ids")
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect();
        app.wait_until("the handover", PRERENDER_GONE).await;
        let ids = app.coop_ids().await;
        assert!(ids.len() >= 48, "the app's first page: {}", ids.len());
        // The app's first page is the beginning of the pre-rendered list, and its count is
        // the number of cards pre-rendered.
        assert_eq!(ids[..], prerendered[..ids.len()]);
        assert_eq!(app.result_count().await, prerendered.len());
        // The dataset was fetched once: the app used index.html's preload.
        let fetched = app
            .server
            .requests()
            .iter()
            .filter(|r| r.starts_with("/data/directory.json"))
            .count();
        assert_eq!(fetched, 1, "requests: {:?}", app.server.requests());
    })
    .await;
}

#[tokio::test]
async fn other_addresses_show_a_loading_line_not_the_list() {
    run_with(slow_wasm_server(Duration::from_secs(2)), |app| async move {
        for (path, heading) in [
            ("/join", "Which way"),
            ("/?q=berlin", "Worker-owned tech co-ops"),
            ("/coops/no-such-coop", "No co-op with this address"),
        ] {
            app.open(path).await;
            assert_eq!(
                app.js(&format!("return {PRERENDER_SHOWN}"), vec![]).await,
                json!(false),
                "the pre-rendered list is hidden at {path}"
            );
            let loading = app.text("#tc-boot-loading").await;
            assert_eq!(loading, "Loading…", "at {path}");
            app.wait_until("the handover", PRERENDER_GONE).await;
            let shown = app.heading().await;
            assert!(shown.contains(heading), "{path} shows {shown:?}");
        }
    })
    .await;
}

#[tokio::test]
async fn the_directory_reads_with_javascript_off() {
    run(|app| async move {
        app.cdp(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": true }),
        )
        .await;
        app.open("/").await;
        let cards = app.find_all("article.coop-card").await;
        assert!(cards.len() > 100, "cards without scripts: {}", cards.len());
        let linked = app
            .find_all("article.coop-card h3 a[href^='http']")
            .await
            .len();
        assert!(linked > 100, "names link to the co-ops' sites: {linked}");
        let noscript = app.text("noscript, .noscript").await;
        assert!(
            noscript.contains("list below reads without them"),
            "{noscript:?}"
        );
        for hidden in [
            ".tc-prerender__search",
            "#tc-boot-loading",
            "article.coop-card .coop-card__more",
        ] {
            let display = app
                .js(
                    &format!("return getComputedStyle(document.querySelector('{hidden}')).display"),
                    vec![],
                )
                .await;
            assert_eq!(display, json!("none"), "{hidden} needs scripts");
        }
        assert!(
            app.find_all("[data-testid=coop-card]").await.is_empty(),
            "no app without scripts"
        );
        // A place, a business area and notes are there to read.
        let first = app.text("article.coop-card").await;
        assert!(first.lines().count() >= 2, "{first:?}");
    })
    .await;
}
