//! The foundation: the shell renders, the dataset is fetched and shown, routes survive a
//! reload, and a broken data file gives the error view whose Retry recovers.

use e2e::{Reply, StaticServer, dist_dir, run, run_with};

#[tokio::test]
async fn shell_renders_header_navigation_and_footer() {
    run(|app| async move {
        app.open("/").await;
        let nav = app.text("header nav[aria-label=Main]").await;
        for item in ["Directory", "Join", "Resources", "About"] {
            assert!(nav.contains(item), "navigation lacks {item}: {nav:?}");
        }
        let footer = app.text("footer").await;
        assert!(
            footer.contains("CC0"),
            "footer must credit the list's licence: {footer:?}"
        );
        assert!(
            app.find_all("a.skip-link[href='#main']").await.len() == 1,
            "skip link"
        );
    })
    .await;
}

#[tokio::test]
async fn dataset_is_fetched_and_shown() {
    run(|app| async move {
        app.open("/").await;
        let count = app.result_count().await;
        assert!(
            count > 100,
            "the bundled list has over a hundred co-ops, saw {count}"
        );
        let ids = app.coop_ids().await;
        assert!(
            !ids.is_empty() && ids.len() <= count,
            "cards for the counted co-ops: {} of {count}",
            ids.len()
        );
        assert!(
            ids.iter().any(|id| id == "camba"),
            "Cambá is listed: {ids:?}"
        );
        assert!(
            app.server
                .requests()
                .iter()
                .any(|r| r.ends_with("/data/directory.json"))
        );
    })
    .await;
}

#[tokio::test]
async fn navigating_to_join_and_reloading_stays_there() {
    run(|app| async move {
        app.open("/").await;
        app.find("[data-testid=result-count]").await;
        app.click_link("Join").await;
        app.wait_until("the join page", "location.pathname === '/join'")
            .await;
        // The address can change a moment before the page does.
        app.wait_until(
            "the guide's heading",
            "document.querySelector('main h1')?.textContent === 'Which way to join?'",
        )
        .await;
        let current = app
            .find("nav a[aria-current=page]")
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(current, "Join", "the navigation marks the current page");
        app.reload().await;
        assert_eq!(app.heading().await, "Which way to join?");
        assert!(
            app.title().await.starts_with("Join"),
            "title names the page: {}",
            app.title().await
        );
        // At the address a static host serves and the sitemap names (a trailing `/`), the
        // navigation still marks the page, and only it.
        app.open("/networks/").await;
        app.wait_until(
            "the current page marked",
            "[...document.querySelectorAll('nav a[aria-current=page]')].map(a => a.textContent).join() === 'Networks'",
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn unknown_address_shows_not_found_with_links_back() {
    run(|app| async move {
        app.open("/no/such/page").await;
        app.find("[data-testid=not-found]").await;
        app.click_link("the directory of co-ops").await;
        assert!(app.result_count().await > 100);
    })
    .await;
}

#[tokio::test]
async fn broken_dataset_shows_error_view_and_retry_recovers() {
    let server = StaticServer::start(dist_dir());
    let good = std::fs::read(dist_dir().join("data/directory.json")).unwrap();
    server.set("/data/directory.json", Reply::json(&good[..good.len() / 3]));
    run_with(server, |app| async move {
        app.open("/").await;
        let message = app.load_error().await;
        assert!(
            message.contains("cut short"),
            "says the file is truncated: {message:?}"
        );
        assert!(app.find_all("[data-testid=coop-card]").await.is_empty());

        app.server.set("/data/directory.json", Reply::File);
        app.click_button("Retry").await;
        assert!(app.result_count().await > 100, "Retry loads the good file");
        assert!(
            app.find_all("[data-testid=load-error]").await.is_empty(),
            "the error view is gone"
        );
    })
    .await;
}
