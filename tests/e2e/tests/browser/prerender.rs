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
const QUICK_SHOWN: &str = "return [...document.querySelectorAll('#tc-prerender .result-list__item')].filter(li => !li.hidden && li.offsetParent !== null).map(li => li.querySelector('article').dataset.coopId)";

/// The pre-rendered page's search box (the app's own, mounted under it, has the same id).
const PRERENDER_SEARCH: &str = "#tc-prerender #directory-search";

/// The app's own root: mounted into the body, beside the pre-rendered page.
const APP_ROOT: &str = "body > .tc-app";

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
            app.find_all(APP_ROOT).await.is_empty(),
            "the app has not started yet"
        );
        // The visitor starts typing into the pre-rendered box.
        let search = app.find(PRERENDER_SEARCH).await;
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
                "return [...document.querySelectorAll('#tc-prerender article.coop-card')].map(a => a.dataset.coopId)",
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
        // The shell's words come from one place (coops_core::messages).
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
            app.find_all(APP_ROOT).await.is_empty(),
            "the app has not started yet"
        );
        let all = ids(app.js(QUICK_SHOWN, vec![]).await);
        assert!(all.len() > 100, "every card shows at first: {}", all.len());
        let search = app.find(PRERENDER_SEARCH).await;

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
            app.find_all(APP_ROOT).await.is_empty(),
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
/// search hint, the remote and worldwide group when it is drawn (a phone shows it with the
/// map, behind the map switch), and the filter panel's labels when it is drawn (only between
/// phones, where the filters are in a sheet, and wide screens, where the pre-rendered page
/// leaves them out: they would sit beside the list).
const WHAT_MUST_NOT_MOVE: &str = r#"
const card = [...document.querySelectorAll('.result-list__item')].find((li) => li.getClientRects().length);
const filters = document.querySelector('.facets');
const labels = filters && filters.getClientRects().length
  ? [...filters.querySelectorAll('label')].map((l) => l.innerText).join(' | ')
  : null;
return [
  Math.round(card.getBoundingClientRect().top + scrollY),
  document.querySelector('.search-box__hint').textContent,
  ((r) => r.getClientRects().length ? r.innerText : null)(document.querySelector('.world-map__remote')),
  labels,
];
"#;

#[tokio::test]
async fn nothing_moves_when_the_app_takes_over_on_a_phone_or_a_desktop() {
    run_with(
        slow_wasm_server(Duration::from_millis(2500)),
        |app| async move {
            // A phone with and without a search typed before the app arrived, a tablet and a
            // desktop.
            for (width, height, typed) in [
                (390, 844, ""),
                (390, 844, "berlin"),
                (768, 1024, ""),
                (1280, 900, ""),
            ] {
                let at = format!("at {width}px with {typed:?} typed");
                app.client
                    .set_window_size(width, height)
                    .await
                    .expect("resize");
                app.open_before_app("/").await;
                app.wait_until("the quick search", QUICK_READY).await;
                if !typed.is_empty() {
                    app.find(PRERENDER_SEARCH)
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
                // The app's breakpoints: 40em (phones) and 56em (filters beside the list).
                let above = (641..896).contains(&width);
                assert_eq!(
                    before[3].is_string(),
                    above,
                    "{at}, the filters are drawn before the app only above the list: {before}"
                );
                assert!(
                    before[0].as_f64().unwrap_or_default() > 0.0,
                    "{at}, a card is laid out: {before}"
                );
                // On a wide screen the filters appear with the app, beside the list.
                let compared = |figures: &serde_json::Value| {
                    let mut figures = figures.clone();
                    if width >= 896 {
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
                // (A phone shows, and so loads, the map only when asked.)
                if width > 640 {
                    app.find("[data-testid=world-map]").await;
                    let with_map = app.js(WHAT_MUST_NOT_MOVE, vec![]).await;
                    assert_eq!(
                        compared(&before),
                        compared(&with_map),
                        "{at}, when the map arrives: [first card's top, hint, remote group, filters]"
                    );
                }
                // And in no frame between: Chromium's own record of what moved on screen.
                let shifts = app.seen_layout_shifts().await;
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
        // Nothing that is not coming stays on screen: the parts only the app brings to life
        // (the filters, the map's drawing), the loading line.
        let waiting_for_the_app = "[...document.querySelectorAll('#tc-prerender .facets, #tc-prerender .world-map__drawing, #tc-boot-loading')].filter((e) => e.getClientRects().length).length";

        app.open_before_app("/").await;
        app.wait_until("the notice", notice_shown).await;
        let notice = app.text("#app-failed").await;
        assert!(notice.contains("did not load"), "{notice:?}");
        assert_eq!(app.js(&format!("return {waiting_for_the_app}"), vec![]).await, json!(0));
        // The list is there and its search box still filters it.
        app.wait_until("the quick search", QUICK_READY).await;
        app.find(PRERENDER_SEARCH)
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
async fn addresses_no_page_was_rendered_for_show_a_loading_line_until_the_app_draws_them() {
    run_with(slow_wasm_server(Duration::from_secs(2)), |app| async move {
        for (path, heading) in [
            // A query: the page was rendered with none.
            ("/?q=berlin", "Worker-owned tech co-ops"),
            ("/join?a=zzz", "Which way"),
            // A path with no page: the host answers with the directory's page (SPA fallback).
            ("/coops/no-such-coop", "No co-op with this address"),
        ] {
            app.open_before_app(path).await;
            assert_eq!(
                app.js(&format!("return {PRERENDER_SHOWN}"), vec![]).await,
                json!(false),
                "the pre-rendered page is hidden at {path}"
            );
            let loading = app.text("#tc-boot-loading").await;
            assert_eq!(loading, "Loading…", "at {path}");
            app.wait_until("the handover", PRERENDER_GONE).await;
            let shown = app.heading().await;
            assert!(shown.contains(heading), "{path} shows {shown:?}");
        }
        // Away from the directory's own page the quick search is never downloaded.
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

/// Where the page's heading and the first block after it are, and the page's text: what must
/// not change when the app replaces a pre-rendered page.
const PAGE_FIGURES: &str = r#"
const main = [...document.querySelectorAll('main')].find((m) => m.getClientRects().length);
const heading = main.querySelector('h1');
const next = heading.parentElement.querySelector(':scope > h1 ~ *');
return [
  Math.round(heading.getBoundingClientRect().top + scrollY),
  next ? Math.round(next.getBoundingClientRect().top + scrollY) : null,
  main.innerText,
];
"#;

#[tokio::test]
async fn every_kind_of_page_paints_before_the_app_and_nothing_moves_when_it_takes_over() {
    run_with(
        slow_wasm_server(Duration::from_millis(1500)),
        |app| async move {
            for (width, height) in [(390, 844), (1280, 900)] {
                app.client
                    .set_window_size(width, height)
                    .await
                    .expect("resize");
                for (path, heading) in [
                    ("/coops/camba", "Cambá"),
                    ("/join", "Which way to join?"),
                    ("/networks", "Networks of co-ops"),
                    ("/about", "About this directory"),
                ] {
                    let at = format!("{path} at {width}px");
                    app.open_before_app(path).await;
                    // Before the app: the page itself, not a loading line.
                    assert_eq!(
                        app.js(&format!("return {PRERENDER_SHOWN}"), vec![]).await,
                        json!(true),
                        "{at}: the pre-rendered page shows"
                    );
                    assert!(
                        app.find_all(APP_ROOT).await.is_empty(),
                        "{at}: before the app"
                    );
                    assert_eq!(app.heading().await, heading, "{at}");
                    let before = app.js(PAGE_FIGURES, vec![]).await;
                    app.wait_until("the handover", PRERENDER_GONE).await;
                    assert_eq!(app.find_all(APP_ROOT).await.len(), 1, "{at}: the app is in");
                    let after = app.js(PAGE_FIGURES, vec![]).await;
                    assert_eq!(
                        before, after,
                        "{at}: [heading's top, next block's top, text]"
                    );
                    let shifts = app.seen_layout_shifts().await;
                    assert!(shifts.is_empty(), "{at}: shifts in some frame: {shifts:?}");
                }
            }
        },
    )
    .await;
}

#[tokio::test]
async fn every_kind_of_page_reads_with_javascript_off() {
    run(|app| async move {
        app.cdp(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": true }),
        )
        .await;

        // The directory: every co-op, linked to its site and to its page.
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
            noscript.contains("rest of this page reads without them"),
            "{noscript:?}"
        );
        for hidden in [
            "#tc-prerender .search-box",
            "#tc-prerender .facets",
            "#tc-prerender .world-map__drawing",
            "#tc-boot-loading",
        ] {
            let display = app
                .js(
                    &format!("return getComputedStyle(document.querySelector('{hidden}')).display"),
                    vec![],
                )
                .await;
            assert_eq!(display, json!("none"), "{hidden} needs scripts");
        }
        let first = app.text("article.coop-card").await;
        assert!(first.lines().count() >= 2, "{first:?}");

        // A co-op's page, reached by its link: every fact, and its links.
        app.click("article.coop-card[data-coop-id='camba'] .coop-card__more a")
            .await;
        app.wait_until("Cambá's page", "location.pathname === '/coops/camba'")
            .await;
        assert_eq!(app.heading().await, "Cambá");
        let facts = app.text(".coop-page__facts").await;
        for fact in ["Website", "https://camba.coop", "Buenos Aires", "Argentina"] {
            assert!(facts.contains(fact), "{fact} in {facts:?}");
        }
        assert!(app.find_all(".coop-page__similar a").await.len() >= 3);
        let linked_data = app
            .js(
                "return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)",
                vec![],
            )
            .await;
        assert_eq!(linked_data["@type"], json!("Organization"));
        assert_eq!(linked_data["name"], json!("Cambá"));

        // Networks and resources: their entries and links.
        for (path, heading, entry) in [
            ("/networks", "Networks of co-ops", "entry"),
            ("/resources", "Resources", "resource"),
        ] {
            app.open_before_app(path).await;
            assert_eq!(app.heading().await, heading);
            let entries = app.find_all(&format!("[data-testid={entry}] a[href^='http']")).await.len();
            assert!(entries > 3, "{path}: {entries} linked entries");
        }

        // About.
        app.open_before_app("/about").await;
        assert_eq!(app.heading().await, "About this directory");

        // The guide: its first question, and a line saying the rest needs scripts.
        app.open_before_app("/join").await;
        assert_eq!(app.heading().await, "Which way to join?");
        assert!(!app.find_all(".join-step h2").await.is_empty(), "the first question");
        let notice = app.text(".page--join noscript, .page--join .wizard__notice").await;
        assert!(notice.contains("needs JavaScript"), "{notice:?}");

        // The not-found page, as a host sends it.
        app.open_before_app("/404.html").await;
        assert_eq!(app.heading().await, "There is no page at this address");
    })
    .await;
}

#[tokio::test]
async fn a_pages_address_with_a_trailing_slash_shows_that_page() {
    // GitHub Pages and `trunk serve` answer `/coops/camba` with a redirect to `/coops/camba/`,
    // the folder its page is in: the page and the app must both take it as the co-op's.
    run_with(
        slow_wasm_server(Duration::from_millis(1500)),
        |app| async move {
            for (path, heading) in [("/coops/camba/", "Cambá"), ("/join/", "Which way to join?")] {
                app.open_before_app(path).await;
                assert_eq!(
                    app.js(&format!("return {PRERENDER_SHOWN}"), vec![]).await,
                    json!(true),
                    "{path}: the pre-rendered page is the one for this address"
                );
                app.wait_until("the handover", PRERENDER_GONE).await;
                assert_eq!(app.heading().await, heading, "{path}");
            }
        },
    )
    .await;
}
