//! In-page mode: the app mounted by mount.js into the shadow root of `<div id="tech-coops-app">`
//! on a page with aggressive global styles, some as specific as a class and an element, and a
//! root font size of 125% (as mkdocs-material's). The app looks as it does on its own; the host
//! page is untouched.

use e2e::{AppPage, Reply, StaticServer, dist_dir, run_with};
use serde_json::{Value, json};

/// A host page with global element rules that would wreck an unscoped app.
fn host_html(view: &str, attributes: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A network's page</title>
<style>
html {{ font-size: 125%; line-height: 2; color: rgb(90, 0, 90); }}
* {{ box-sizing: content-box; }}
.content h2, .content h3, .content details, .content p, .content button {{ font-weight: 300; color: rgb(0, 0, 200); background: rgb(220, 230, 255); letter-spacing: 2px; }}
#tech-coops-app {{ font: italic 30px/3 serif; text-transform: uppercase; }}
body {{ margin: 40px; font-family: serif; background: rgb(250, 250, 200); }}
h1, h2, h3 {{ color: rgb(0, 128, 0); text-transform: uppercase; font-size: 40px; margin: 50px 0; }}
p {{ color: rgb(0, 0, 255); letter-spacing: 5px; }}
button, input, select {{ background: rgb(255, 0, 0); border: 5px dashed black; font-size: 30px; }}
a {{ color: rgb(255, 165, 0); }}
ul, ol, li {{ list-style: square; padding: 40px; }}
article, section, div {{ border: 10px solid purple; }}
</style></head><body>
<h1 id="host-title">Our network</h1><p id="host-text">Some text of the host.</p><button id="host-button">Host button</button>
<div class="content"><div id="tech-coops-app" data-view="{view}" {attributes}></div></div>
<script type="module" src="/mount.js"></script>
</body></html>"#
    )
}

/// The built app, and `html` as another site's page at `path` beside it.
fn serving_host_page(path: &str, html: String) -> StaticServer {
    let server = StaticServer::start(dist_dir());
    server.set(
        path,
        Reply::Body {
            status: 200,
            content_type: "text/html; charset=utf-8".into(),
            body: html.into_bytes(),
        },
    );
    server
}

/// Computed styles of app elements that the host's rules would change.
const PROBES: [(&str, &str); 21] = [
    (".tc-app", "font-size"),
    (".tc-app", "font-family"),
    (".tc-app", "font-style"),
    (".tc-app", "line-height"),
    (".tc-app", "color"),
    ("main h1, .tc-app h1", "color"),
    (".tc-app .page > h1, .tc-app h2", "text-transform"),
    ("#facets-title", "font-size"),
    ("#facets-title", "font-weight"),
    (".coop-card__name", "font-weight"),
    (".coop-card__name", "color"),
    ("#directory-search", "background-color"),
    ("#directory-search", "border-top-style"),
    ("#directory-search", "font-size"),
    ("#facet-region", "font-size"),
    ("[data-testid=coop-card]", "border-top-color"),
    ("[data-testid=coop-card]", "border-left-width"),
    ("[data-testid=map-table]", "background-color"),
    ("[data-testid=map-table]", "font-weight"),
    (".facet__options", "list-style-type"),
    (".coop-card__notes, .coop-card__meta", "letter-spacing"),
];

async fn probe(app: &AppPage) -> Value {
    let mut values = Vec::new();
    for (selector, property) in PROBES {
        let value = app
            .js(
                &format!("const e = {}.querySelector(arguments[0]); return e ? getComputedStyle(e).getPropertyValue(arguments[1]) : 'missing'", app.root_js()),
                vec![json!(selector), json!(property)],
            )
            .await;
        values.push(json!([selector, property, value]));
    }
    Value::Array(values)
}

#[tokio::test]
async fn the_directory_mounts_in_a_hostile_page_intact_and_leaves_the_host_alone() {
    let server = serving_host_page(
        "/network/page",
        host_html("directory", r#"data-region="europe""#),
    );
    run_with(server, |app| async move {
        // The app on its own page, filtered the same way, for comparison.
        app.open("/?region=europe").await;
        app.find("[data-testid=coop-card]").await;
        let alone = probe(&app).await;
        let count = app.result_count().await;

        app.open("/network/page").await;
        let app = app.in_shadow_of("tech-coops-app");
        app.find("[data-testid=coop-card]").await;
        assert_eq!(app.result_count().await, count, "the starting region from data-region");
        assert_eq!(app.path().await, "/network/page?tc-region=europe", "the filters live in the host page's address, under the app's prefix");
        assert_eq!(probe(&app).await, alone, "the app looks as it does on its own page");
        assert_eq!(app.title().await, "A network's page", "the title is the host's");
        assert_eq!(
            app.js("return document.querySelector('.tc-app, [data-testid=coop-card], link[href$=\".css\"]') === null", vec![]).await,
            json!(true),
            "the app and its stylesheet are in the shadow root, not the host's document"
        );

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

        // The map's events: a click on a country filters by it, Enter on one as well; Back
        // undoes both. (Germany's middle holds a marker, so the click is dispatched on the
        // shape itself.)
        app.find("[data-testid=world-map] [data-country=DE]").await;
        app.js(
            &format!("{}.querySelector('[data-testid=world-map] [data-country=DE]').dispatchEvent(new MouseEvent('click', {{ bubbles: true }}))", app.root_js()),
            vec![],
        )
        .await;
        app.wait_until("the map's click in the host's address", "location.search === '?tc-region=europe&tc-country=DE'").await;
        app.find("[data-testid=world-map] [data-country=FR]").await.send_keys("\u{E007}").await.expect("Enter on France");
        app.wait_until("the map's key in the host's address", "location.search === '?tc-region=europe&tc-country=FR'").await;
        app.back().await;
        app.back().await;
        app.wait_until("Back to the host's starting region", "location.search === '?tc-region=europe'").await;
        app.wait_for_count(count).await;

        // It works there: filtering changes only the query of the host's address.
        app.choose("facet-region", "asia").await;
        app.wait_until("the host address to follow", "location.pathname === '/network/page' && location.search === '?tc-region=asia'").await;
        assert!(app.result_count().await < count);
        let link = app.find("[data-testid=coop-card] .coop-card__more a").await;
        assert_eq!(link.attr("target").await.unwrap().as_deref(), Some("_blank"), "co-op pages open in the full app");
        let href = link.attr("href").await.unwrap().unwrap_or_default();
        assert!(href.starts_with(&format!("{}/coops/", app.server.origin())), "{href}");

        // The keyboard inside the shadow root: `/` reaches the search box, and typing filters.
        app.js("document.activeElement.blur()", vec![]).await;
        app.press("/").await;
        assert!(app.focused().await.starts_with("INPUT#directory-search"), "{}", app.focused().await);
        app.search("zzzz-no-such-co-op").await;
        app.wait_for_count(0).await;
        assert!(app.path().await.contains("tc-q=zzzz-no-such-co-op"));
        app.search("").await;
        // Escape closes the disclosure the keyboard is in, found through the shadow root.
        app.click("[data-testid=map-table] > summary").await;
        let open = format!("{}.querySelector('[data-testid=map-table]').open", app.root_js());
        app.wait_until("the table to open", &open).await;
        app.press("\u{E00C}").await;
        app.wait_until("Escape to close it", &format!("!{open}")).await;
        assert!(app.focused().await.starts_with("SUMMARY"), "{}", app.focused().await);
        app.assert_accessible("the directory in a host page's shadow root").await;
    })
    .await;
}

#[tokio::test]
async fn the_joining_guide_mounts_in_a_host_page_and_keeps_its_address() {
    let server = serving_host_page("/network/join-us", host_html("join", ""));
    run_with(server, |app| async move {
        app.open("/network/join-us").await;
        let app = app.in_shadow_of("tech-coops-app");
        let first = app.join_step().await;
        app.find(".join-step__button").await.click().await.unwrap();
        app.wait_until(
            "the next question",
            &format!(
                "!{}.querySelector(\"[data-step='{first}']\")",
                app.root_js()
            ),
        )
        .await;
        let path = app.path().await;
        assert!(
            path.starts_with("/network/join-us?tc-a="),
            "the guide keeps to the host page: {path}"
        );
        assert!(
            !path.contains("embed"),
            "and adds no embed settings to the host's address: {path}"
        );
        app.reload().await;
        app.find("[data-testid=join-step]").await;
        assert_ne!(app.join_step().await, first, "a reload resumes");
    })
    .await;
}

#[tokio::test]
async fn the_layout_follows_the_width_the_app_is_given_not_the_windows() {
    // The same window (1280 px) and two widths given to the app: the whole page, and a
    // 600 px column of a host page, as a site's content column would be.
    let html = host_html("directory", "")
        .replace(
            "<div id=\"tech-coops-app\"",
            "<div style=\"width: 600px\"><div id=\"tech-coops-app\"",
        )
        .replace(
            "data-view=\"directory\" ></div>",
            "data-view=\"directory\" ></div></div>",
        );
    let server = serving_host_page("/network/page", html);
    run_with(server, |app| async move {
        let columns = |root: String| format!("const d = {root}.querySelector('.tc-app .directory'); return getComputedStyle(d).gridTemplateColumns.split(' ').length");
        app.client.set_window_size(1280, 900).await.expect("resize");
        app.open("/").await;
        app.find("[data-testid=coop-card]").await;
        assert_eq!(app.js(&columns(app.root_js()), vec![]).await, json!(2), "the whole window: filters beside the list");
        app.open_before_app("/network/page").await;
        let app = app.in_shadow_of("tech-coops-app");
        app.find("[data-testid=coop-card]").await;
        let width = app
            .js(&format!("return Math.round({}.querySelector('.tc-app').getBoundingClientRect().width)", app.root_js()), vec![])
            .await;
        assert!(width.as_f64().unwrap_or(0.0) <= 600.0, "the app's width: {width}");
        assert_eq!(app.js(&columns(app.root_js()), vec![]).await, json!(1), "a 600 px column: one column, as on a phone");
    })
    .await;
}

#[tokio::test]
async fn the_host_address_keeps_its_path_hash_and_own_query_and_only_the_apps_keys_change() {
    let server = serving_host_page("/network/directory/", host_html("directory", ""));
    run_with(server, |app| async move {
        app.open("/network/directory/?lang=fr#host-title").await;
        let app = app.in_shadow_of("tech-coops-app");
        let all = app.result_count().await;
        let scrolled = app.js("window.scrollTo(0, 60); return window.scrollY", vec![]).await;

        app.search("camba").await;
        app.wait_until(
            "the query in the host's address",
            "location.search === '?lang=fr&tc-q=camba'",
        )
        .await;
        let address = app.js("return [location.pathname, location.hash, window.scrollY]", vec![]).await;
        assert_eq!(
            address,
            json!(["/network/directory/", "#host-title", scrolled]),
            "the path (trailing slash too), the host's own query pair and the hash stay as the host wrote them, and typing does not scroll"
        );
        let found = app.result_count().await;
        assert!(found < all);

        app.choose("facet-region", "south-america").await;
        app.wait_until(
            "a filter in the address",
            "location.pathname === '/network/directory/' && location.search === '?lang=fr&tc-q=camba&tc-region=south-america' && location.hash === '#host-title'",
        )
        .await;

        app.reload().await;
        app.find("[data-testid=coop-card]").await;
        assert_eq!(app.select_value("facet-region").await, "south-america", "a reload restores the view");
        assert_eq!(
            app.js(&format!("return {}.getElementById('directory-search').value", app.root_js()), vec![]).await,
            json!("camba")
        );

        app.back().await;
        app.wait_until(
            "Back to the search alone",
            "location.pathname === '/network/directory/' && location.search === '?lang=fr&tc-q=camba'",
        )
        .await;
        app.wait_until(
            "the region filter cleared",
            &format!("{}.getElementById('facet-region').value === ''", app.root_js()),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn in_a_host_page_a_failed_dataset_says_so_and_retry_recovers() {
    // mount.js fetches the dataset beside the app's code and hands it over: a failure there
    // must reach the app's error view, and Retry must fetch afresh.
    let server = serving_host_page("/network/page", host_html("directory", ""));
    server.set("/data/directory.json", Reply::status(500));
    run_with(server, |app| async move {
        app.open_before_app("/network/page").await;
        let app = app.in_shadow_of("tech-coops-app");
        let message = app.load_error().await;
        assert!(
            message.contains("HTTP 500"),
            "the error view says why: {message:?}"
        );
        app.server.set("/data/directory.json", Reply::File);
        app.click("[data-testid=load-error] button").await;
        assert!(app.result_count().await > 100, "Retry loads the good file");
    })
    .await;
}

#[tokio::test]
async fn data_lang_puts_the_app_in_the_host_pages_language() {
    use coops_core::i18n::{Catalog, Lang};
    let french = Catalog::read(Lang::Fr, &dist_dir()).expect("the French catalog");
    let server = serving_host_page("/reseau/rejoindre", host_html("join", r#"data-lang="fr""#));
    run_with(server, |app| async move {
        app.open("/reseau/rejoindre").await;
        let app = app.in_shadow_of("tech-coops-app");
        app.find("[data-testid=join-step]").await;
        let root = app
            .js(
                &format!(
                    "return {}.querySelector('.tc-app').getAttribute('lang')",
                    app.root_js()
                ),
                vec![],
            )
            .await;
        assert_eq!(root, "fr");
        // The guide's own words and its questions, in French; the host's address unchanged.
        let progress = app.text(".join-step__progress").await;
        let before_number = french.text("join-progress").split("{{").next().unwrap();
        assert!(progress.starts_with(before_number), "{progress}");
        let question = app.text("[data-testid=join-step] h2").await;
        let texts: Value = serde_json::from_str(
            &std::fs::read_to_string(dist_dir().join("data/join.fr.json")).unwrap(),
        )
        .unwrap();
        let questions: Vec<&Value> = texts["steps"]
            .as_object()
            .unwrap()
            .values()
            .map(|step| &step["question"])
            .collect();
        assert!(questions.contains(&&json!(question)), "{question}");
        assert_eq!(app.path().await, "/reseau/rejoindre");
    })
    .await;
}
