//! In-page mode: the app mounted by mount.js into `<div id="tech-coops-app">` on a page with
//! aggressive global styles. The app looks as it does on its own; the host page is untouched.

use e2e::{AppPage, Reply, StaticServer, dist_dir, run_with};
use serde_json::{Value, json};

/// A host page with global element rules that would wreck an unscoped app.
fn host_html(view: &str, attributes: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A network's page</title>
<style>
* {{ box-sizing: content-box; }}
body {{ margin: 40px; font-family: serif; background: rgb(250, 250, 200); }}
h1, h2, h3 {{ color: rgb(0, 128, 0); text-transform: uppercase; font-size: 40px; margin: 50px 0; }}
p {{ color: rgb(0, 0, 255); letter-spacing: 5px; }}
button, input, select {{ background: rgb(255, 0, 0); border: 5px dashed black; font-size: 30px; }}
a {{ color: rgb(255, 165, 0); }}
ul, ol, li {{ list-style: square; padding: 40px; }}
article, section, div {{ border: 10px solid purple; }}
</style></head><body>
<h1 id="host-title">Our network</h1><p id="host-text">Some text of the host.</p><button id="host-button">Host button</button>
<div id="tech-coops-app" data-view="{view}" {attributes}></div>
<script type="module" src="/mount.js"></script>
</body></html>"#
    )
}

/// Computed styles of app elements that the host's rules would change.
const PROBES: [(&str, &str); 9] = [
    ("main h1, .tc-app h1", "color"),
    (".tc-app .page > h1, .tc-app h2", "text-transform"),
    ("#directory-search", "background-color"),
    ("#directory-search", "border-top-style"),
    ("#facet-region", "font-size"),
    ("[data-testid=coop-card]", "border-top-color"),
    ("[data-testid=coop-card]", "border-left-width"),
    (".facet__options", "list-style-type"),
    (".coop-card__notes, .coop-card__meta", "letter-spacing"),
];

async fn probe(app: &AppPage) -> Value {
    let mut values = Vec::new();
    for (selector, property) in PROBES {
        let value = app
            .js(
                "const e = document.querySelector(arguments[0]); return e ? getComputedStyle(e).getPropertyValue(arguments[1]) : 'missing'",
                vec![json!(selector), json!(property)],
            )
            .await;
        values.push(json!([selector, property, value]));
    }
    Value::Array(values)
}

#[tokio::test]
async fn the_directory_mounts_in_a_hostile_page_intact_and_leaves_the_host_alone() {
    let server = StaticServer::start(dist_dir());
    server.set(
        "/network/page",
        Reply::Body {
            status: 200,
            content_type: "text/html; charset=utf-8".into(),
            body: host_html("directory", r#"data-region="europe""#).into_bytes(),
        },
    );
    run_with(server, |app| async move {
        // The app on its own page, filtered the same way, for comparison.
        app.open("/?region=europe").await;
        app.find("[data-testid=coop-card]").await;
        let alone = probe(&app).await;
        let count = app.result_count().await;

        app.open("/network/page").await;
        app.find("#tech-coops-app [data-testid=coop-card]").await;
        assert_eq!(app.result_count().await, count, "the starting region from data-region");
        assert_eq!(app.path().await, "/network/page?region=europe", "the filters live in the host page's address");
        assert_eq!(probe(&app).await, alone, "the app looks as it does on its own page");

        let host = app
            .js(
                "const s = (id, p) => getComputedStyle(document.getElementById(id)).getPropertyValue(p); \
                 return [s('host-title', 'color'), s('host-title', 'font-size'), s('host-text', 'letter-spacing'), \
                         s('host-button', 'background-color'), getComputedStyle(document.body).marginTop, \
                         getComputedStyle(document.body).backgroundColor]",
                vec![],
            )
            .await;
        assert_eq!(
            host,
            json!(["rgb(0, 128, 0)", "40px", "5px", "rgb(255, 0, 0)", "40px", "rgb(250, 250, 200)"]),
            "the host's own elements keep their styles"
        );

        // It works there: filtering changes only the query of the host's address.
        app.choose("facet-region", "asia").await;
        app.wait_until("the host address to follow", "location.pathname === '/network/page' && location.search === '?region=asia'").await;
        assert!(app.result_count().await < count);
        let link = app.find("[data-testid=coop-card] .coop-card__more a").await;
        assert_eq!(link.attr("target").await.unwrap().as_deref(), Some("_blank"), "co-op pages open in the full app");
        let href = link.attr("href").await.unwrap().unwrap_or_default();
        assert!(href.starts_with(&format!("{}/coops/", app.server.origin())), "{href}");
    })
    .await;
}

#[tokio::test]
async fn the_joining_guide_mounts_in_a_host_page_and_keeps_its_address() {
    let server = StaticServer::start(dist_dir());
    server.set(
        "/network/join-us",
        Reply::Body {
            status: 200,
            content_type: "text/html; charset=utf-8".into(),
            body: host_html("join", "").into_bytes(),
        },
    );
    run_with(server, |app| async move {
        app.open("/network/join-us").await;
        let first = app.join_step().await;
        app.find("#tech-coops-app .join-step__button")
            .await
            .click()
            .await
            .unwrap();
        app.wait_until(
            "the next question",
            &format!("!document.querySelector(\"[data-step='{first}']\")"),
        )
        .await;
        let path = app.path().await;
        assert!(
            path.starts_with("/network/join-us?a="),
            "the guide keeps to the host page: {path}"
        );
        assert!(
            !path.contains("embed"),
            "and adds no embed settings to the host's address: {path}"
        );
        app.reload().await;
        app.find("#tech-coops-app [data-testid=join-step]").await;
        assert_ne!(app.join_step().await, first, "a reload resumes");
    })
    .await;
}

#[tokio::test]
async fn the_layout_follows_the_width_the_app_is_given_not_the_windows() {
    // The same window (1280 px) and two widths given to the app: the whole page, and a
    // 600 px column of a host page, as a site's content column would be.
    let server = StaticServer::start(dist_dir());
    let html = host_html("directory", "")
        .replace(
            "<div id=\"tech-coops-app\"",
            "<div style=\"width: 600px\"><div id=\"tech-coops-app\"",
        )
        .replace(
            "data-view=\"directory\" ></div>",
            "data-view=\"directory\" ></div></div>",
        );
    server.set(
        "/network/page",
        Reply::Body {
            status: 200,
            content_type: "text/html; charset=utf-8".into(),
            body: html.into_bytes(),
        },
    );
    run_with(server, |app| async move {
        let columns = "const d = document.querySelector('.tc-app .directory'); return getComputedStyle(d).gridTemplateColumns.split(' ').length";
        app.client.set_window_size(1280, 900).await.expect("resize");
        app.open("/").await;
        app.find("[data-testid=coop-card]").await;
        assert_eq!(app.js(columns, vec![]).await, json!(2), "the whole window: filters beside the list");
        app.open_before_app("/network/page").await;
        app.find("#tech-coops-app [data-testid=coop-card]").await;
        let width = app
            .js("return Math.round(document.querySelector('#tech-coops-app .tc-app').getBoundingClientRect().width)", vec![])
            .await;
        assert!(width.as_f64().unwrap_or(0.0) <= 600.0, "the app's width: {width}");
        assert_eq!(app.js(columns, vec![]).await, json!(1), "a 600 px column: one column, as on a phone");
    })
    .await;
}
