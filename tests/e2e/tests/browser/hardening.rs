//! Bad input never gives a blank page: failed fetches say what happened and Retry recovers,
//! bad entries are skipped with a notice, hostile strings stay inert, the site runs under a
//! strict Content-Security-Policy, and nothing is requested from another origin.

use e2e::expected::{active_in_country, dataset};
use e2e::{AppPage, Reply, StaticServer, dist_dir, run_with};
use serde_json::json;

const DATA: &str = "/data/directory.json";

/// Opens the directory with `fault` served for the dataset, checks the error view says
/// `expect`, then serves the real file and checks Retry brings the list.
async fn fault_then_retry(app: &AppPage, expect: &str) {
    app.open("/").await;
    let message = app.load_error().await;
    assert!(
        message.contains(expect),
        "the error view says {expect:?}: {message:?}"
    );
    assert!(app.find_all("[data-testid=coop-card]").await.is_empty());
    fault_then_retry_from_here(app).await;
    assert!(app.find_all("[data-testid=load-error]").await.is_empty());
}

fn server_with(reply: Reply) -> StaticServer {
    let server = StaticServer::start(dist_dir());
    server.set(DATA, reply);
    server
}

#[tokio::test]
async fn not_found_says_so_and_retry_recovers() {
    run_with(server_with(Reply::status(404)), |app| async move {
        fault_then_retry(&app, "not found").await
    })
    .await;
}

#[tokio::test]
async fn server_error_says_so_and_retry_recovers() {
    run_with(server_with(Reply::status(500)), |app| async move {
        fault_then_retry(&app, "HTTP 500").await
    })
    .await;
}

#[tokio::test]
async fn html_instead_of_json_says_so_and_retry_recovers() {
    let page = Reply::Body {
        status: 200,
        content_type: "text/html".into(),
        body: b"<!doctype html><title>Oops</title>".to_vec(),
    };
    run_with(server_with(page), |app| async move {
        fault_then_retry(&app, "web page instead").await
    })
    .await;
}

#[tokio::test]
async fn a_hung_request_times_out_and_retry_recovers() {
    run_with(server_with(Reply::Hang), |app| async move {
        fault_then_retry(&app, "too long").await
    })
    .await;
}

#[tokio::test]
async fn offline_says_so_and_retry_recovers() {
    run_with(server_with(Reply::status(500)), |app| async move {
        app.open("/").await;
        app.load_error().await;
        app.set_offline(true).await;
        app.click_button("Retry").await;
        app.wait_until(
            "the offline message",
            "document.querySelector('[data-testid=load-error]').textContent.includes('offline')",
        )
        .await;
        fault_then_retry_from_here(&app).await;
    })
    .await;
}

/// Serves the good file, goes back online, and checks Retry brings the list.
async fn fault_then_retry_from_here(app: &AppPage) {
    app.server.set(DATA, Reply::File);
    app.set_offline(false).await;
    app.click_button("Retry").await;
    assert!(app.result_count().await > 100, "Retry loads the good file");
}

#[tokio::test]
async fn a_newer_schema_is_refused_with_a_clear_message() {
    let mut data = dataset();
    data["schema"] = json!("2.0");
    run_with(
        server_with(Reply::json(data.to_string())),
        |app| async move {
            app.open("/").await;
            let message = app.load_error().await;
            assert!(
                message.contains("schema 2.0") && message.contains("newer"),
                "{message:?}"
            );
        },
    )
    .await;
}

#[tokio::test]
async fn bad_entries_are_skipped_with_a_notice_and_the_rest_shown() {
    let mut data = dataset();
    let good = data["coops"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"].as_str() != Some("defunct"))
        .count();
    let coops = data["coops"].as_array_mut().unwrap();
    let first = coops[0].clone();
    coops.push(json!({ "id": "Not A Slug", "name": "Bad id", "region": "europe" }));
    coops.push(json!({ "id": "numbers", "name": 42, "region": "europe" }));
    coops.push(first); // a duplicate id
    run_with(
        server_with(Reply::json(data.to_string())),
        |app| async move {
            app.open("/").await;
            assert_eq!(app.result_count().await, good, "every good entry is shown");
            let notice = app.text("[data-testid=skipped-notice]").await;
            assert!(notice.contains("3 entries"), "{notice:?}");
        },
    )
    .await;
}

#[tokio::test]
async fn the_join_guide_can_fail_while_the_directory_keeps_working() {
    let server = StaticServer::start(dist_dir());
    server.set(
        "/data/join.json",
        Reply::json(
            r#"{"schema":"1.0","checked":"2026-11","start":"nowhere","steps":[],"outcomes":[]}"#,
        ),
    );
    run_with(server, |app| async move {
        app.open("/join").await;
        let message = app.load_error().await;
        assert!(message.contains("guide"), "{message:?}");
        app.click_link("Directory").await;
        assert!(app.result_count().await > 100);
    })
    .await;
}

#[tokio::test]
async fn hostile_strings_render_as_inert_text() {
    let mut data = dataset();
    let long_word = "W".repeat(400);
    data["coops"][0] = json!({
        "id": "hostile",
        "name": "<img src=x onerror=\"window.__pwned = 1\">Evil <b>co-op</b>",
        "url": "javascript:window.__pwned = 2",
        "region": data["regions"][0]["id"],
        "business_areas": format!("<script>window.__pwned = 3</script> {long_word}"),
        "tags": ["<svg onload=window.__pwned=4>"],
        "location": { "text": "<iframe src=javascript:window.__pwned=5>" },
        "notes": [
            { "text": "a script link", "href": "javascript:window.__pwned = 6" },
            { "text": " a data link", "href": "data:text/html,<script>parent.__pwned = 7</script>" },
            { "text": " a relative link", "href": "//evil.example/" },
            { "text": " a good link", "href": "https://example.org/" }
        ]
    });
    run_with(server_with(Reply::json(data.to_string())), |app| async move {
        app.open("/?q=evil").await;
        app.wait_for_count(1).await;
        let card = app.text("[data-coop-id=hostile]").await;
        assert!(card.contains("<img src=x"), "markup shows as text: {card}");
        let inert = app
            .js(
                "return {
                    pwned: window.__pwned || 0,
                    injected: document.querySelectorAll('main img, main script, main iframe, main svg[onload], main b').length,
                    badLinks: [...document.querySelectorAll('a')].filter(a => !/^(https?:|mailto:|\\/|#)/.test(a.getAttribute('href') || '/')).length,
                    unsafeTargets: [...document.querySelectorAll('a[target=_blank]')].filter(a => a.rel !== 'noopener noreferrer').length,
                    links: [...document.querySelectorAll('[data-coop-id=hostile] a')].map(a => a.getAttribute('href')),
                    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                }",
                vec![],
            )
            .await;
        assert_eq!(inert["pwned"], 0, "no script ran: {inert}");
        assert_eq!(inert["injected"], 0, "no element was injected: {inert}");
        assert_eq!(inert["badLinks"], 0, "only http(s), mailto, in-app and in-page links: {inert}");
        assert_eq!(inert["unsafeTargets"], 0, "new tabs get noopener noreferrer: {inert}");
        let links: Vec<&str> = inert["links"].as_array().unwrap().iter().filter_map(|l| l.as_str()).collect();
        assert!(links.contains(&"https://example.org/"), "the good link stays: {links:?}");
        assert!(inert["overflow"].as_i64().unwrap() <= 0, "a 400-letter word does not widen the page: {inert}");
    })
    .await;
}

/// The policy docs/hosting.md recommends to hosts.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; object-src 'none'";

#[tokio::test]
async fn runs_under_a_strict_content_security_policy_without_violations() {
    let server = StaticServer::start(dist_dir());
    server.add_header("Content-Security-Policy", CSP);
    run_with(server, |app| async move {
        for path in [
            "/",
            "/?region=europe&tag=web-development",
            "/coops/camba",
            "/networks",
            "/resources",
            "/join?a=coop",
            "/about",
            "/nowhere",
        ] {
            app.open(path).await;
            app.find("main h1").await;
            // Give the map and the lazy data a moment to load too.
            app.wait_until("the page to settle", "document.readyState === 'complete'")
                .await;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            let violations = app.js("return window.__cspViolations", vec![]).await;
            assert_eq!(
                violations,
                json!([]),
                "no CSP violation on {path}: {violations}"
            );
        }
        app.open("/").await;
        assert!(
            app.result_count().await > 100,
            "the app works under the policy"
        );
        app.find("[data-testid=world-map] [data-country=FR]").await;
    })
    .await;
}

#[tokio::test]
async fn nothing_is_requested_from_another_origin() {
    run_with(StaticServer::start(dist_dir()), |app| async move {
        for path in ["/", "/coops/camba", "/join?a=coop.worker-owned", "/resources"] {
            app.open(path).await;
            app.find("main h1").await;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            let foreign = app
                .js(
                    "return performance.getEntriesByType('resource').map(e => e.name).filter(u => new URL(u).origin !== location.origin)",
                    vec![],
                )
                .await;
            assert_eq!(foreign, json!([]), "requests leaving the origin from {path}: {foreign}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_panic_shows_the_crash_message_instead_of_a_dead_page() {
    run_with(StaticServer::start(dist_dir()), |app| async move {
        app.open("/").await;
        app.find("[data-testid=coop-card]").await;
        let hidden = app.js("return document.getElementById('crash').hidden", vec![]).await;
        assert_eq!(hidden, json!(true), "no crash message before a crash");
        // From a timer, as a crash in an event handler or a task reaches the page: uncaught.
        app.js(
            "addEventListener('error', (e) => { window.__crashError = String(e.error); }); \
             setTimeout(() => window.wasmBindings.simulate_crash());",
            vec![],
        )
        .await;
        let state = app
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 setTimeout(() => { const c = document.getElementById('crash'); \
                 done({ hidden: c.hidden, focused: document.activeElement === c, text: c.textContent, error: window.__crashError || '' }); }, 100);",
                vec![],
            )
            .await
            .expect("crash state");
        assert_eq!(state["hidden"], json!(false), "the crash message shows: {state}");
        assert_eq!(state["focused"], json!(true), "and takes focus: {state}");
        assert!(state["text"].as_str().unwrap().contains("Something went wrong"), "{state}");
        assert!(
            state["error"].as_str().unwrap().starts_with("RuntimeError"),
            "the panic really happened, as a trap of the wasm: {state}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_map_that_fails_to_load_says_so_keeps_its_table_and_retries() {
    let server = StaticServer::start(dist_dir());
    server.set("/data/world.json", Reply::status(503));
    run_with(server, |app| async move {
        app.open("/").await;
        let error = app.text("[data-testid=map-error]").await;
        assert!(
            error.contains("could not be loaded") && error.contains("503"),
            "the map says what went wrong: {error:?}"
        );
        assert!(app.result_count().await > 100, "the list is all there");
        assert!(
            app.find_all("[data-testid=map-caption], .world-map__legend").await.is_empty(),
            "no instructions for a map that is not there"
        );

        // The counts per country do not need the drawing.
        app.click("[data-testid=map-table] summary").await;
        let france = app
            .wait_until(
                "the table's rows",
                "[...document.querySelectorAll('[data-testid=map-table] tbody tr')].find(r => r.cells[0].textContent === 'France')?.cells[1].textContent",
            )
            .await;
        let in_france = active_in_country(&dataset(), "FR");
        assert_eq!(france, json!(in_france.to_string()), "France's row");

        app.server.set("/data/world.json", Reply::File);
        app.click_button("Retry the map").await;
        app.find("[data-testid=world-map] [data-country=FR]").await;
        assert!(app.find_all("[data-testid=map-error]").await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn the_directory_does_not_wait_for_the_map() {
    let server = StaticServer::start(dist_dir());
    server.set("/data/world.json", Reply::Hang);
    run_with(server, |app| async move {
        // `open` waits for the app to take over from the pre-rendered list.
        app.open("/").await;
        app.find("#facet-region").await;
        assert!(app.result_count().await > 100, "the list is all there");
        let status = app.text(".world-map__status").await;
        assert!(status.contains("Loading the map"), "{status:?}");
        app.search("camba").await;
        app.wait_for_count(1).await;
    })
    .await;
}
