//! The directory pre-rendered into index.html: it paints before the wasm arrives, reads with
//! JavaScript off, answers its search box before the app is in (the quick search), never shows
//! at an address where it would be the wrong page, and the app takes over from it without
//! losing what the visitor typed.

use std::time::Duration;

use e2e::{Reply, StaticServer, app_wasm_path as wasm_path, built_file, dist_dir, run, run_with};
use serde_json::json;

/// The quick search's wasm.
fn quick_search_path() -> String {
    built_file("quick-search-", ".wasm")
}

/// A server whose app wasm takes `delay` to arrive: time to look at the page before the app
/// runs.
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

/// The co-op ids of the pre-rendered cards the quick search shows, in order.
const QUICK_SHOWN: &str = "return [...document.querySelectorAll('#tc-prerender .result-list__item')].filter(li => !li.hidden && li.offsetParent !== null).map(li => li.querySelector('article').getAttribute('aria-labelledby').slice('tc-prerender-coop-'.length))";

/// Whether the quick search has attached (it sets the filterable mark).
const QUICK_READY: &str = "performance.getEntriesByName('directory: filterable').length > 0";

fn ids(value: serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .expect("ids")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

const PRERENDER_SHOWN: &str = "(() => { const p = document.getElementById('tc-prerender'); return !!p && getComputedStyle(p).display !== 'none'; })()";
const PRERENDER_GONE: &str =
    "!document.getElementById('tc-prerender') && !document.getElementById('tc-boot-loading')";

#[tokio::test]
async fn the_list_paints_before_the_wasm_and_the_app_takes_over_keeping_what_was_typed() {
    run_with(slow_wasm_server(Duration::from_secs(3)), |app| async move {
        app.open_before_app("/").await;
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
        app.open_before_app("/").await;
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
        let footer = "const f = document.querySelector('.tc-app footer'); return [f.textContent, ...[...f.querySelectorAll('a')].map(a => a.href + ' ' + a.textContent)]";
        let prerendered_footer = app.js(footer, vec![]).await;
        app.wait_until("the handover", PRERENDER_GONE).await;
        // The shell's words come from one place (coops_core::site).
        assert_eq!(app.js(footer, vec![]).await, prerendered_footer);
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
async fn the_quick_search_filters_the_list_before_the_app_and_agrees_with_it() {
    run_with(slow_wasm_server(Duration::from_secs(4)), |app| async move {
        app.open_before_app("/").await;
        app.wait_until("the quick search", QUICK_READY).await;
        assert!(
            app.find_all("[data-testid=coop-card]").await.is_empty(),
            "the app has not started yet"
        );
        let all = ids(app.js(QUICK_SHOWN, vec![]).await);
        assert!(all.len() > 100, "every card shows at first: {}", all.len());
        let search = app.find("#tc-prerender-search").await;

        // Nothing matches: no card, and the count says so.
        search.send_keys("zzqxw").await.expect("type");
        app.wait_until(
            "no matches",
            "document.querySelector('#tc-prerender .result-count').textContent === 'No co-ops match'",
        )
        .await;
        assert!(ids(app.js(QUICK_SHOWN, vec![]).await).is_empty());
        app.wait_for_query("?q=zzqxw").await;

        // Cleared: every card again, and a clean address.
        search
            .send_keys("\u{E009}a\u{E000}\u{E003}")
            .await
            .expect("clear");
        app.wait_for_query("").await;
        assert_eq!(ids(app.js(QUICK_SHOWN, vec![]).await), all);

        // A place narrows the list, in list order, and the address keeps it.
        search.send_keys("berlin").await.expect("type");
        app.wait_for_query("?q=berlin").await;
        let quick = ids(app.js(QUICK_SHOWN, vec![]).await);
        assert!(
            !quick.is_empty() && quick.len() < all.len(),
            "berlin narrows the list: {quick:?}"
        );
        let count = app.text("#tc-prerender .result-count").await;
        assert_eq!(count, format!("{} co-ops", quick.len()));
        let in_order: Vec<&String> = all.iter().filter(|id| quick.contains(id)).collect();
        assert_eq!(quick.iter().collect::<Vec<_>>(), in_order);
        assert!(
            app.find_all("[data-testid=coop-card]").await.is_empty(),
            "all of this before the app"
        );

        // The app takes over with the same search and shows the same co-ops.
        app.wait_until("the handover", PRERENDER_GONE).await;
        assert_eq!(app.result_count().await, quick.len());
        assert_eq!(app.coop_ids().await, quick);
        let focused = app.focused().await;
        assert!(
            focused.starts_with("INPUT#directory-search"),
            "focus: {focused}"
        );
    })
    .await;
}

/// What must stay put when the app takes over: where the first shown card's top edge is, the
/// search hint, the remote and worldwide group, and the filter panel's labels when it is drawn
/// (on wide screens the pre-rendered page leaves it out: it would sit beside the list).
const WHAT_MUST_NOT_MOVE: &str = r#"
const card = [...document.querySelectorAll('.result-list__item')].find((li) => li.getClientRects().length);
const filters = document.querySelector('.facets');
const labels = filters && filters.getClientRects().length
  ? [...filters.querySelectorAll('label')].map((l) => l.innerText).join(' | ')
  : null;
return [
  Math.round(card.getBoundingClientRect().top + scrollY),
  document.querySelector('.search-box__hint').textContent,
  document.querySelector('.world-map__remote').innerText,
  labels,
];
"#;

#[tokio::test]
async fn nothing_moves_when_the_app_takes_over_on_a_phone_or_a_desktop() {
    run_with(
        slow_wasm_server(Duration::from_millis(2500)),
        |app| async move {
            // A phone with and without a search typed before the app arrived, and a desktop.
            for (width, height, typed) in [(390, 844, ""), (390, 844, "berlin"), (1280, 900, "")] {
                let at = format!("at {width}px with {typed:?} typed");
                app.client
                    .set_window_size(width, height)
                    .await
                    .expect("resize");
                app.open_before_app("/").await;
                app.wait_until("the quick search", QUICK_READY).await;
                if !typed.is_empty() {
                    app.find("#tc-prerender-search")
                        .await
                        .send_keys(typed)
                        .await
                        .expect("typing");
                    app.wait_until(
                        "the quick search to answer",
                        &format!("location.search === '?q={typed}'"),
                    )
                    .await;
                }
                let before = app.js(WHAT_MUST_NOT_MOVE, vec![]).await;
                let phone = width < 896;
                assert_eq!(
                    before[3].is_string(),
                    phone,
                    "{at}, the filters are drawn before the app only above the list: {before}"
                );
                assert!(
                    before[0].as_f64().unwrap_or_default() > 0.0,
                    "{at}, a card is laid out: {before}"
                );
                // On a wide screen the filters appear with the app, beside the list.
                let compared = |figures: &serde_json::Value| {
                    let mut figures = figures.clone();
                    if !phone {
                        figures[3] = json!(null);
                    }
                    figures
                };
                app.wait_until("the handover", PRERENDER_GONE).await;
                let after = app.js(WHAT_MUST_NOT_MOVE, vec![]).await;
                assert_eq!(
                    compared(&before),
                    compared(&after),
                    "{at}, when the app takes over: [first card's top, hint, remote group, filters]"
                );
                app.find("[data-testid=world-map]").await;
                let with_map = app.js(WHAT_MUST_NOT_MOVE, vec![]).await;
                assert_eq!(
                    compared(&before),
                    compared(&with_map),
                    "{at}, when the map arrives: [first card's top, hint, remote group, filters]"
                );
                // And in no frame between: Chromium's own record of what moved on screen.
                let shifts = app.layout_shifts().await;
                assert!(shifts.is_empty(), "{at}, shifts in some frame: {shifts:?}");
            }
        },
    )
    .await;
}

#[tokio::test]
async fn when_the_app_cannot_download_the_page_says_so_and_the_list_keeps_working() {
    let server = StaticServer::start(dist_dir());
    server.set(&wasm_path(), Reply::status(404));
    run_with(server, |app| async move {
        let notice_shown = "!document.getElementById('app-failed').hidden";
        // Nothing that is not coming stays on screen: the copies of the app's panels, the
        // loading line.
        let waiting_for_the_app = "[...document.querySelectorAll('.tc-prerender__app-only, #tc-boot-loading')].filter((e) => e.getClientRects().length).length";

        app.open_before_app("/").await;
        app.wait_until("the notice", notice_shown).await;
        let notice = app.text("#app-failed").await;
        assert!(notice.contains("did not load"), "{notice:?}");
        assert_eq!(app.js(&format!("return {waiting_for_the_app}"), vec![]).await, json!(0));
        // The list is there and its search box still filters it.
        app.wait_until("the quick search", QUICK_READY).await;
        app.find("#tc-prerender-search")
            .await
            .send_keys("camba")
            .await
            .expect("typing");
        app.wait_until(
            "one match",
            "document.querySelector('#tc-prerender .result-count').textContent === '1 co-op'",
        )
        .await;

        app.open_before_app("/join").await;
        app.wait_until("the notice on another page", notice_shown).await;
        assert_eq!(app.js(&format!("return {waiting_for_the_app}"), vec![]).await, json!(0));
    })
    .await;
}

#[tokio::test]
async fn the_app_starts_and_searches_when_the_quick_search_cannot() {
    let server = StaticServer::start(dist_dir());
    server.set(
        &quick_search_path(),
        Reply::Body {
            status: 404,
            content_type: "text/plain".into(),
            body: b"gone".to_vec(),
        },
    );
    run_with(server, |app| async move {
        app.open_before_app("/").await;
        app.wait_until("the handover", PRERENDER_GONE).await;
        app.search("berlin").await;
        app.wait_for_query("?q=berlin").await;
        let shown = app.result_count().await;
        assert!(shown > 0 && shown < 100, "berlin narrows the list: {shown}");
        // The app marks the directory filterable itself, once.
        let marks = app
            .js(
                "return performance.getEntriesByName('directory: filterable').length",
                vec![],
            )
            .await;
        assert_eq!(marks, json!(1));
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
            app.open_before_app(path).await;
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
        // Away from the directory's own address the quick search is never downloaded.
        let quick: Vec<String> = app
            .server
            .requests()
            .into_iter()
            .filter(|r| r.contains("quick-search"))
            .collect();
        assert!(quick.is_empty(), "{quick:?}");
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
        app.open_before_app("/").await;
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
