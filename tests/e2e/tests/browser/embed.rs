//! Embedding: an iframe on another origin follows the app's height, keeps its settings, sends
//! co-op links out of the frame; theme and view come from the URL; the app offers the snippet.

use e2e::{StaticServer, dist_dir, run, run_with};

/// A host page on its own origin, with conflicting styles, framing the app at `path`.
fn host_page(app_origin: &str, path: &str) -> StaticServer {
    let dir = std::env::temp_dir().join(format!("tc-host-{}-{}", std::process::id(), path.len()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A network's site</title>
<style>body {{ font: 20px serif; }} h1 {{ color: rgb(255, 0, 0); }} iframe {{ border: 3px solid black; }}</style></head>
<body><h1>Our network</h1>
<iframe src="{app_origin}{path}" data-tech-coops title="Tech co-ops directory" style="width: 100%; height: 300px"></iframe>
<p id="after">After the directory.</p>
<script src="{app_origin}/embed.js"></script></body></html>"#
    );
    std::fs::write(dir.join("index.html"), html).unwrap();
    StaticServer::start(dir)
}

#[tokio::test]
async fn an_embedded_directory_sizes_its_frame_and_keeps_links_outside() {
    run(|app| async move {
        let host = host_page(&app.server.origin(), "/?embed=1&region=europe");
        assert_ne!(host.origin(), app.server.origin(), "the host is another origin");
        app.client.goto(&host.url("/")).await.unwrap();
        let height = "parseFloat(document.querySelector('iframe').style.height) || 0";
        let tall = app.wait_until("the frame to grow to its content", &format!("{height} > 1000 && {height}")).await;

        app.client.enter_frame(0).await.unwrap();
        app.find("[data-testid=coop-card]").await;
        assert!(app.find_all("nav[aria-label=Main]").await.is_empty(), "no site header in embed mode");
        assert!(app.find_all("footer").await.is_empty(), "no site footer in embed mode");
        let out = app.find(".embed-bar a").await;
        assert_eq!(out.attr("target").await.unwrap().as_deref(), Some("_blank"));
        let out_href = out.attr("href").await.unwrap().unwrap_or_default();
        assert!(out_href.contains("region=europe") && !out_href.contains("embed"), "{out_href}");
        let inside = app
            .js(
                "return [...document.querySelectorAll('[data-testid=coop-card] a')].filter(a => a.target !== '_blank').map(a => a.href)",
                vec![],
            )
            .await;
        assert_eq!(inside, serde_json::json!([]), "every co-op link opens outside the frame");

        // A narrower filter: the list shrinks, the URL keeps the embed settings.
        app.choose("facet-region", "asia").await;
        app.wait_until("the embed settings kept", "location.search.includes('region=asia') && location.search.includes('embed=1')").await;
        app.client.enter_parent_frame().await.unwrap();
        let short = app
            .wait_until("the frame to shrink", &format!("{height} < {} && {height}", tall.as_f64().unwrap() - 200.0))
            .await;
        assert!(short.as_f64().unwrap() > 200.0, "still shows the app: {short}");
        let host_h1 = app.js("return getComputedStyle(document.querySelector('h1')).color", vec![]).await;
        assert_eq!(host_h1, "rgb(255, 0, 0)", "the host's own styles are untouched");
        host.stop();
    })
    .await;
}

#[tokio::test]
async fn without_the_host_script_the_frame_still_works_and_scrolls() {
    run(|app| async move {
        app.open("/?embed=1").await;
        assert!(app.result_count().await > 100);
        app.find(".embed-bar").await;
    })
    .await;
}

#[tokio::test]
async fn theme_colours_and_view_come_from_the_url() {
    run(|app| async move {
        app.open("/?embed=1&theme=dark&primary=123456&accent=%23abc").await;
        app.find("[data-testid=coop-card]").await;
        let style = app
            .js(
                "const r = document.querySelector('.tc-app'); const s = getComputedStyle(r); \
                 return [r.classList.contains('tc-app--dark'), s.getPropertyValue('--tc-primary').trim(), s.colorScheme]",
                vec![],
            )
            .await;
        assert_eq!(style, serde_json::json!([true, "#123456", "dark"]));

        app.open("/?embed=1&view=map").await;
        app.find("[data-testid=world-map] [data-country]").await;
        assert!(app.find_all("[data-testid=coop-card]").await.is_empty(), "the map alone");

        app.open("/?embed=1&view=list").await;
        app.find("[data-testid=coop-card]").await;
        assert!(app.find_all("[data-testid=world-map]").await.is_empty(), "the list alone");

        app.open("/join?embed=1").await;
        app.find("[data-testid=join-step]").await;
        assert!(app.find_all("nav[aria-label=Main]").await.is_empty());

        // Invalid values are ignored.
        app.open("/?embed=1&theme=neon&primary=url(x)&view=globe").await;
        app.find("[data-testid=world-map]").await;
        let primary = app.js("return getComputedStyle(document.querySelector('.tc-app')).getPropertyValue('--tc-primary').trim()", vec![]).await;
        assert_ne!(primary, "url(x)");
    })
    .await;
}

#[tokio::test]
async fn the_app_offers_the_snippet_for_the_current_view() {
    run_with(StaticServer::start(dist_dir()), |app| async move {
        app.open("/?region=europe&tag=drupal").await;
        app.find("[data-testid=coop-card]").await;
        app.click("[data-testid=embed-snippet] summary").await;
        let code = app
            .js("return document.querySelector('#embed-code').value", vec![])
            .await;
        let code = code.as_str().unwrap();
        assert!(code.starts_with("<iframe src=\""), "{code}");
        assert!(
            code.contains("region=europe&amp;tag=drupal&amp;embed=1"),
            "{code}"
        );
        assert!(
            code.contains("data-tech-coops") && code.contains("/embed.js"),
            "{code}"
        );
    })
    .await;
}
