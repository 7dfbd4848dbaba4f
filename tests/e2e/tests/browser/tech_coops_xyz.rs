//! Embedding on the real host: tech-coops.xyz built as its maintainers would, with the two pages
//! this project's docs/embedding.md tells them to add (scripts/tech-coops-xyz.sh:
//! mkdocs-material and markdown-include, the snippets taken from it), served from one origin,
//! and the app, built under `/directory/`, from another, with CORS.
//!
//! The in-page app is compared with the same view on the app's own page (`?embed=1`, the same
//! classes) at the same container width: every probed property of its headings, text,
//! disclosure, buttons, inputs and cards is equal. mkdocs's own elements are compared with a
//! page of the same site without the app.

use e2e::tech_coops_xyz::{app_server, host_server};
use e2e::{AppPage, StaticServer, run_with};
use serde_json::{Value, json};

/// The app's elements and the properties compared; lengths that follow the layout are compared
/// to the pixel.
const APP_PROBES: [(&str, &[&str]); 11] = [
    (
        ".tc-app",
        &[
            "font-family",
            "font-size",
            "font-weight",
            "font-style",
            "line-height",
            "color",
            "background-color",
            "letter-spacing",
            "width",
        ],
    ),
    (
        ".tc-app h1",
        &[
            "font-family",
            "font-size",
            "font-weight",
            "line-height",
            "color",
            "margin-top",
            "margin-bottom",
            "text-transform",
            "letter-spacing",
        ],
    ),
    (
        "#facets-title",
        &[
            "font-size",
            "font-weight",
            "line-height",
            "color",
            "margin-bottom",
            "text-transform",
        ],
    ),
    (
        ".coop-card__name",
        &[
            "font-size",
            "font-weight",
            "line-height",
            "color",
            "margin-top",
            "margin-bottom",
        ],
    ),
    (
        ".coop-card__meta",
        &[
            "font-size",
            "line-height",
            "color",
            "margin-top",
            "margin-bottom",
            "letter-spacing",
        ],
    ),
    (
        "[data-testid=map-table]",
        &[
            "display",
            "font-size",
            "color",
            "background-color",
            "border-top-width",
            "border-left-style",
            "padding-left",
            "margin-top",
            "box-shadow",
        ],
    ),
    (
        "[data-testid=map-table] > summary",
        &[
            "display",
            "font-size",
            "font-weight",
            "color",
            "padding-left",
            "list-style-type",
        ],
    ),
    (
        "[data-testid=coop-card] .tag",
        &[
            "font-size",
            "line-height",
            "padding-top",
            "padding-left",
            "border-top-width",
            "border-top-style",
            "border-top-color",
            "border-radius",
            "background-color",
            "color",
            "height",
        ],
    ),
    (
        "#directory-search",
        &[
            "font-size",
            "line-height",
            "padding-left",
            "border-top-width",
            "border-top-color",
            "border-radius",
            "background-color",
            "color",
            "height",
            "width",
        ],
    ),
    (
        "#facet-region",
        &[
            "font-size",
            "padding-left",
            "border-top-width",
            "border-radius",
            "background-color",
            "color",
            "height",
        ],
    ),
    (
        "[data-testid=coop-card]",
        &[
            "padding-top",
            "padding-left",
            "border-top-width",
            "border-top-color",
            "border-radius",
            "background-color",
            "box-shadow",
            "width",
            "height",
        ],
    ),
];

/// mkdocs-material's own elements, and what the app must not change of them.
const HOST_PROBES: [(&str, &[&str]); 6] = [
    (
        ".md-header",
        &[
            "height",
            "background-color",
            "color",
            "font-size",
            "box-shadow",
        ],
    ),
    (
        ".md-header__topic",
        &["font-size", "font-weight", "line-height"],
    ),
    (
        ".md-nav__link:not(.md-nav__link--active)",
        &["font-size", "color", "margin-top"],
    ),
    (
        ".md-search__input",
        &[
            "font-size",
            "width",
            "height",
            "background-color",
            "padding-left",
        ],
    ),
    (".md-typeset", &["font-size", "line-height", "color"]),
    (
        ".md-typeset h1",
        &[
            "font-size",
            "font-weight",
            "color",
            "margin-top",
            "margin-bottom",
            "letter-spacing",
        ],
    ),
];

/// The computed values of `probes` under `root` (a JavaScript expression), each as
/// `[selector, property, value]`; lengths in px that follow the layout as whole pixels.
async fn computed(app: &AppPage, root: &str, probes: &[(&str, &[&str])]) -> Vec<Value> {
    let script = format!(
        "const root = {root}; const out = [];
         for (const [selector, properties] of arguments[0]) {{
           const e = root.querySelector(selector);
           for (const p of properties) {{
             let v = e ? getComputedStyle(e).getPropertyValue(p) : 'missing';
             if (['width', 'height'].includes(p) && v.endsWith('px')) v = Math.round(parseFloat(v)) + 'px';
             out.push([selector, p, v]);
           }}
         }}
         return out;"
    );
    let probes: Vec<Value> = probes.iter().map(|(s, p)| json!([s, p])).collect();
    let values = app.js(&script, vec![Value::Array(probes)]).await;
    let values = values.as_array().cloned().unwrap_or_default();
    for value in &values {
        assert_ne!(value[2], json!("missing"), "no element for {value}");
    }
    values
}

/// Differences between two probe results, allowing a pixel of rounding in widths and heights
/// (the host's column can be a fractional width; a window cannot).
fn differences(left: &[Value], right: &[Value]) -> Vec<String> {
    let px = |v: &Value| {
        v.as_str()
            .and_then(|s| s.strip_suffix("px"))
            .and_then(|n| n.parse::<f64>().ok())
    };
    left.iter()
        .zip(right)
        .filter(|(l, r)| {
            let near = matches!(l[1].as_str(), Some("width" | "height"))
                && matches!((px(&l[2]), px(&r[2])), (Some(a), Some(b)) if (a - b).abs() <= 1.0);
            l != r && !near
        })
        .map(|(l, r)| {
            format!(
                "{} {}: in the page {}, on its own {}",
                l[0], l[1], l[2], r[2]
            )
        })
        .collect()
}

/// The in-page app's root width, in CSS pixels.
async fn app_width(app: &AppPage) -> f64 {
    app.js(
        &format!(
            "return {}.querySelector('.tc-app').getBoundingClientRect().width",
            app.root_js()
        ),
        vec![],
    )
    .await
    .as_f64()
    .expect("a width")
}

/// Sizes the window so that the app's own page gives the app `width` pixels.
async fn fit_window_to(app: &AppPage, width: f64, height: u32) {
    let mut window = width.round() as u32;
    let mut tried = Vec::new();
    for _ in 0..6 {
        app.client
            .set_window_size(window, height)
            .await
            .expect("resize");
        let given = settled_app_width(app).await;
        if (given - width).abs() <= 1.0 {
            return;
        }
        tried.push(format!("window {window} px: app {given} px"));
        window = (f64::from(window) + (width - given)).round() as u32;
    }
    panic!(
        "cannot give the app's own page a width of {width} px: {}",
        tried.join(", ")
    );
}

/// The app's width once a resize has reached the page: the same reading twice, 100 ms apart
/// (a busy machine applies a window's new size some frames later).
async fn settled_app_width(app: &AppPage) -> f64 {
    let mut last = f64::NAN;
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let now = app_width(app).await;
        if (now - last).abs() < 0.01 {
            return now;
        }
        last = now;
    }
    last
}

/// Serves the app and tech-coops.xyz, opens a browser on the host's origin with a 1280 × 900
/// window, and runs `test` with the page and the app's server.
async fn on_tech_coops_xyz<F, Fut>(test: F)
where
    F: FnOnce(AppPage, StaticServer) -> Fut,
    Fut: Future<Output = ()>,
{
    let app_site = app_server();
    let host = host_server(&app_site);
    let served = app_site.clone();
    run_with(host, |page| async move {
        page.client
            .set_window_size(1280, 900)
            .await
            .expect("resize");
        test(page, served).await;
    })
    .await;
    app_site.stop();
}

#[tokio::test]
async fn the_app_in_the_page_looks_as_on_its_own_and_mkdocs_looks_as_without_it() {
    on_tech_coops_xyz(|page, app_site| async move {
        for (window, height) in [(1280, 900), (390, 844)] {
            page.client.set_window_size(window, height).await.expect("resize");
            page.open_before_app("/").await;
            page.find(".md-header").await;
            let mkdocs_alone = computed(&page, "document", &HOST_PROBES).await;

            page.open_before_app("/directory/").await;
            let in_page = page.in_shadow_of("tech-coops-app");
            in_page.find("[data-testid=coop-card] .tag").await;
            let mkdocs_with_app = computed(&page, "document", &HOST_PROBES).await;
            assert_eq!(
                mkdocs_with_app, mkdocs_alone,
                "{window} px: mkdocs's header, navigation, search and text look as without the app"
            );
            let loaded_in_document = page
                .js(
                    "return [...document.querySelectorAll('link[rel=stylesheet], style')].filter((e) => (e.href || '').includes(arguments[0])).length",
                    vec![json!(app_site.origin())],
                )
                .await;
            assert_eq!(loaded_in_document, json!(0), "the app's stylesheet stays in its shadow root");
            let width = app_width(&in_page).await;
            let mounted = computed(&in_page, &in_page.root_js(), &APP_PROBES).await;

            // The same view on the app's own page, given the same width.
            page.client
                .goto(&app_site.url("/directory/?embed=1"))
                .await
                .expect("the app's own page");
            page.find("[data-testid=coop-card] .tag").await;
            fit_window_to(&page, width, height).await;
            let alone = computed(&page, "document", &APP_PROBES).await;
            let different = differences(&mounted, &alone);
            assert!(
                different.is_empty(),
                "{window} px window, {width} px app: the app in tech-coops.xyz differs from its own page:\n{}",
                different.join("\n")
            );
        }
    })
    .await;
}

#[tokio::test]
async fn on_tech_coops_xyz_typing_and_filtering_keep_the_path_and_mkdocs_still_works() {
    on_tech_coops_xyz(|page, _| async move {
        for (width, height) in [(1280, 900), (390, 844)] {
            let at = format!("{width} px");
            page.client.set_window_size(width, height).await.expect("resize");
            page.open_before_app("/directory/").await;
            let app = page.in_shadow_of("tech-coops-app");
            let all = app.result_count().await;
            assert!(all > 100, "{at}: the dataset loads from the app's origin: {all}");

            app.search("camba").await;
            page.wait_until(
                "the search in the host's address, its path kept",
                "location.pathname === '/directory/' && location.search === '?tc-q=camba'",
            )
            .await;
            assert!(app.result_count().await < all, "{at}");
            app.choose("facet-region", "south-america").await;
            page.wait_until(
                "a filter in the host's address, its path kept",
                "location.pathname === '/directory/' && location.search === '?tc-q=camba&tc-region=south-america'",
            )
            .await;
            page.reload().await;
            app.find("[data-testid=coop-card]").await;
            assert_eq!(app.select_value("facet-region").await, "south-america", "{at}: a reload restores the view");
            assert_eq!(page.title().await, "Directory - Tech Coops list", "{at}: the title stays mkdocs's");
            assert_eq!(
                page.js("return document.querySelector('[data-md-toggle=search]').checked", vec![]).await,
                json!(false),
                "{at}: mkdocs's search stays closed: the app's search is not its ?q="
            );

            // mkdocs's search: its key, its box and its results. (A click on the page's heading
            // takes the focus out of the app's search box.)
            page.click(".md-typeset h1").await;
            page.press("/").await;
            page.wait_until(
                "mkdocs's search box to have the focus",
                "document.activeElement && document.activeElement.matches('.md-search__input')",
            )
            .await;
            page.press("coop").await;
            page.wait_until(
                "mkdocs's search results",
                "document.querySelectorAll('.md-search-result__item').length > 0",
            )
            .await;
            page.press("\u{E00C}").await; // Escape
            page.wait_until(
                "mkdocs's search to close",
                "!document.querySelector('[data-md-toggle=search]').checked",
            )
            .await;

            // mkdocs's navigation: in its drawer on a phone.
            if width < 960 {
                page.click("label.md-header__button[for=__drawer]").await;
                page.wait_until(
                    "the drawer to open",
                    "document.querySelector('[data-md-toggle=drawer]').checked",
                )
                .await;
            }
            page.click(".md-nav--primary .md-nav__link[href='..']").await;
            page.wait_until("mkdocs's main page", "location.pathname === '/'").await;
            page.find(".md-typeset h1").await;
        }
    })
    .await;
}

#[tokio::test]
async fn on_tech_coops_xyz_the_framed_directory_works_and_fits_its_content() {
    on_tech_coops_xyz(|page, _| async move {
        page.open_before_app("/directory-frame/").await;
        page.find("iframe[data-tech-coops]").await;
        // embed.js sizes the frame to the app's height (the snippet says 900 px).
        page.wait_until(
            "embed.js to size the frame",
            "(() => { const f = document.querySelector('iframe[data-tech-coops]'); return f.style.height !== '900px' && parseFloat(f.style.height) > 900; })()",
        )
        .await;
        page.client.enter_frame(0).await.expect("the frame");
        let framed = page.clone();
        assert!(framed.result_count().await > 100);
        framed.search("camba").await;
        framed.wait_until("the search in the frame's address", "location.search.includes('q=camba') && location.search.includes('embed=1')").await;
        page.client.enter_parent_frame().await.expect("back to the page");
        assert_eq!(page.path().await, "/directory-frame/", "the host's address is its own");
    })
    .await;
}
