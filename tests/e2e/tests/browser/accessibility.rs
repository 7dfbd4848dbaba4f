//! axe-core (WCAG 2.x A and AA) on every view, in light and dark colour schemes, and
//! keyboard-only walks through the directory and the joining guide.

use e2e::{AppPage, Reply, StaticServer, app_wasm_path, dist_dir, run, run_with};

/// Every view to check: (name, path, what to wait for before checking).
const VIEWS: [(&str, &str, &str); 17] = [
    (
        "the directory",
        "/",
        "[data-testid=world-map] [data-country]",
    ),
    (
        "a filtered directory",
        "/?region=europe&tag=web-development&q=web",
        "[data-testid=coop-card]",
    ),
    ("an empty result", "/?q=zzzzzz", "[data-testid=empty-state]"),
    (
        "a co-op page",
        "/coops/camba",
        "[data-testid=locator-svg] circle",
    ),
    (
        "the directory near a place",
        "/?near=buenos-aires-ar",
        "[data-testid=card-distance]",
    ),
    ("the networks page", "/networks", "[data-testid=entry]"),
    ("the resources page", "/resources", "[data-testid=resource]"),
    ("the first question", "/join", "[data-testid=join-step]"),
    (
        "a multiple-choice question",
        "/join?a=worker",
        "[data-testid=join-step] input[type=checkbox]",
    ),
    (
        "an outcome with a fee",
        "/join?a=coop.worker-owned.no.uk.shares",
        "[data-testid=fee-calculator]",
    ),
    (
        "the not-found page",
        "/no/such/page",
        "[data-testid=not-found]",
    ),
    ("the about page", "/about", "main h1"),
    (
        "the embedded directory",
        "/?embed=1&region=europe",
        "[data-testid=world-map] [data-country]",
    ),
    (
        "the embedded guide",
        "/join?embed=1",
        "[data-testid=join-step]",
    ),
    // The translated pages: their own words and `lang` (a wrong one is a failure of its own).
    (
        "the directory in Spanish",
        "/es/?region=europe",
        "[data-testid=world-map] [data-country]",
    ),
    (
        "an outcome with a fee in French",
        "/fr/join?a=coop.worker-owned.no.uk.shares",
        "[data-testid=fee-calculator]",
    ),
    (
        "a co-op page in German",
        "/de/coops/camba",
        "[data-testid=locator-svg] circle",
    ),
];

async fn check_every_view(app: &AppPage, scheme: &str) {
    app.set_color_scheme(scheme).await;
    for (name, path, ready) in VIEWS {
        app.open(path).await;
        app.find(ready).await;
        app.assert_accessible(&format!("{name} ({path}, {scheme})"))
            .await;
    }
}

#[tokio::test]
async fn every_view_passes_axe_in_the_light_scheme() {
    run(|app| async move { check_every_view(&app, "light").await }).await;
}

#[tokio::test]
async fn every_view_passes_axe_in_the_dark_scheme() {
    run(|app| async move { check_every_view(&app, "dark").await }).await;
}

#[tokio::test]
async fn the_error_view_passes_axe_in_both_schemes() {
    let server = StaticServer::start(dist_dir());
    server.set("/data/directory.json", Reply::status(500));
    run_with(server, |app| async move {
        for scheme in ["light", "dark"] {
            app.set_color_scheme(scheme).await;
            app.open("/").await;
            app.load_error().await;
            app.assert_accessible(&format!("the error view ({scheme})"))
                .await;
        }
    })
    .await;
}

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";

#[tokio::test]
async fn the_directory_works_with_the_keyboard_alone() {
    run(|app| async move {
        app.open("/").await;
        app.find("[data-testid=coop-card]").await;
        // The first Tab reaches the skip link; Enter moves to the main content.
        app.press(TAB).await;
        assert!(
            app.focused().await.contains("Skip to content"),
            "{}",
            app.focused().await
        );
        app.press(ENTER).await;
        app.wait_until("focus in main", "document.activeElement.id === 'main'")
            .await;
        app.tab_to("input[type=search]", 5).await;
        app.press("camba").await;
        app.wait_for_count(1).await;
        // A tag on the card filters the list; a country on the map too.
        app.tab_to("[data-coop-id=camba] a[href='/coops/camba']", 80)
            .await;
        app.press(ENTER).await;
        app.wait_until("the co-op page", "location.pathname === '/coops/camba'")
            .await;
        assert_eq!(app.heading().await, "Cambá");
        app.tab_to("a[href='/']", 40).await;
        app.press(ENTER).await;
        app.wait_until("the directory", "location.pathname === '/'")
            .await;
        // The map is one stop, its markers one more (arrows move between them); Enter opens
        // a marker's panel, whose button filters the list to the place.
        app.tab_to("[data-testid=world-map] [data-testid=map-marker]", 200)
            .await;
        app.press(ENTER).await;
        app.wait_until(
            "focus on the marker's panel",
            "document.activeElement.id === 'map-panel-title'",
        )
        .await;
        app.tab_to("[data-testid=map-place-filter]", 30).await;
        app.press(ENTER).await;
        app.wait_until(
            "a place in the URL",
            "location.search.startsWith('?place=')",
        )
        .await;
        // "/" from the map goes back to the search box; in the box, it is typed.
        app.press("/").await;
        app.wait_until(
            "'/' to focus the search",
            "document.activeElement.id === 'directory-search'",
        )
        .await;
        app.press("a/").await;
        app.wait_until(
            "'/' typed into the box",
            "document.activeElement.value.endsWith('a/')",
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn the_joining_guide_works_with_tab_and_enter_alone() {
    use coops_core::join::{StepKind, all_paths, load_guide};
    let text = std::fs::read_to_string(dist_dir().join("data/join.json")).unwrap();
    let guide = load_guide(&text).unwrap();
    // A path of single-choice questions only, so Tab and Enter suffice.
    let (answers, outcome) = all_paths(&guide)
        .into_iter()
        .filter(|(answers, _)| answers.len() >= 3)
        .find(|(answers, _)| {
            let position = |n: usize| {
                guide.walk(
                    &[answers[..n]
                        .iter()
                        .map(|a| vec![a.clone()])
                        .collect::<Vec<_>>()]
                    .concat(),
                    None,
                )
            };
            (0..answers.len()).all(|n| match position(n).at {
                coops_core::join::Shown::Step { id, .. } => {
                    guide.step(&id).is_some_and(|s| s.kind == StepKind::Single)
                }
                _ => false,
            })
        })
        .expect("a path of single-choice questions");
    run(|app| async move {
        app.open("/join").await;
        app.find("[data-testid=join-step]").await;
        for answer in &answers {
            let step = app.join_step().await;
            let label = guide
                .step(&step)
                .unwrap()
                .options
                .iter()
                .find(|o| &o.id == answer)
                .unwrap()
                .label
                .clone();
            let xpath_free = format!("[data-step='{step}'] .join-step__button");
            // Tab to the button with this label.
            let mut reached = false;
            for _ in 0..30 {
                app.tab_to(&xpath_free, 30).await;
                if app.focused().await.contains(&label) {
                    reached = true;
                    break;
                }
            }
            assert!(reached, "reached the answer {label:?} with Tab");
            app.press(ENTER).await;
            app.wait_until(
                "the next view",
                &format!("!document.querySelector(\"[data-step='{step}']\")"),
            )
            .await;
            // Focus moves to the new heading (an outcome's once its code is in).
            app.wait_until(
                "focus on the new heading",
                "document.activeElement && document.activeElement.tagName === 'H2'",
            )
            .await;
        }
        let shown = app
            .find("[data-testid=join-outcome]")
            .await
            .attr("data-outcome")
            .await
            .unwrap();
        assert_eq!(shown.as_deref(), Some(outcome.as_str()));
    })
    .await;
}

#[tokio::test]
async fn every_view_fits_a_320_pixel_screen_without_sideways_scrolling() {
    run(|app| async move {
        // 320 CSS px is also what a 640 px window shows at 200% zoom.
        app.client.set_window_size(320, 800).await.expect("resize");
        let width = app.js("return window.innerWidth", vec![]).await;
        assert!(width.as_i64().unwrap() <= 360, "a narrow viewport: {width}");
        for (name, path, ready) in VIEWS {
            app.open(path).await;
            // A phone's map waits behind its switch (and its shapes with it): see below.
            let ready = if ready.contains("world-map") {
                "[data-testid=coop-card]"
            } else {
                ready
            };
            app.find(ready).await;
            let overflow = app
                .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
                .await;
            assert!(overflow.as_i64().unwrap() <= 0, "{name} ({path}) scrolls sideways by {overflow}px at 320px");
        }
        // The phone's filter sheet and its map view.
        app.open("/?near=buenos-aires-ar").await;
        app.click("[data-testid=filters-button]").await;
        app.find("[data-testid=filter-sheet] #facet-near").await;
        let sheet = app
            .js("const d = document.querySelector('[data-testid=filter-sheet]'); return d.scrollWidth - d.clientWidth", vec![])
            .await;
        assert!(sheet.as_i64().unwrap() <= 0, "the filter sheet scrolls sideways by {sheet}px at 320px");
        app.press("\u{E00C}").await;
        app.click_button("Map").await;
        app.find("[data-testid=world-map] [data-testid=map-marker]").await;
        let overflow = app
            .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
            .await;
        assert!(overflow.as_i64().unwrap() <= 0, "the map view scrolls sideways by {overflow}px at 320px");
    })
    .await;
}

#[tokio::test]
async fn escape_closes_a_disclosure_and_returns_focus_to_it() {
    run(|app| async move {
        app.open("/").await;
        app.find("[data-testid=coop-card]").await;
        app.click("[data-testid=embed-snippet] summary").await;
        app.click("#embed-code").await;
        assert!(
            app.js(
                "return document.querySelector('[data-testid=embed-snippet]').open",
                vec![]
            )
            .await
                == true
        );
        app.press("\u{E00C}").await; // Escape
        app.wait_until(
            "the disclosure to close",
            "!document.querySelector('[data-testid=embed-snippet]').open",
        )
        .await;
        assert!(
            app.focused().await.starts_with("SUMMARY"),
            "focus on its summary: {}",
            app.focused().await
        );
    })
    .await;
}

#[tokio::test]
async fn the_pre_rendered_directory_passes_axe_and_searches_with_the_keyboard() {
    // The page as a visitor has it until the app arrives (here, never).
    let server = StaticServer::start(dist_dir());
    server.set(&app_wasm_path(), Reply::Hang);
    run_with(server, |app| async move {
        // Both schemes on a wide screen, and a phone's, where the inert copy of the filters is
        // drawn above the list.
        for (scheme, width) in [("light", 1280), ("dark", 1280), ("light", 390)] {
            app.set_color_scheme(scheme).await;
            app.client
                .set_window_size(width, 900)
                .await
                .expect("resize");
            app.open_before_app("/").await;
            app.wait_until(
                "the quick search",
                "performance.getEntriesByName('directory: filterable').length > 0",
            )
            .await;
            // Cards below the first screen are laid out only as they come near it
            // (style/page.css), and axe would measure the space around links next to cards not
            // laid out yet against their placeholder size. A visitor only meets laid-out cards,
            // so the audit lays them all out first.
            app.js(
                "document.querySelectorAll('#tc-prerender .result-list__item').forEach(li => li.style.contentVisibility = 'visible')",
                vec![],
            )
            .await;
            app.assert_accessible(&format!("the pre-rendered directory ({scheme}, {width}px)"))
                .await;
        }
        app.press(TAB).await;
        assert!(
            app.focused().await.contains("Skip to content"),
            "{}",
            app.focused().await
        );
        app.press(ENTER).await;
        app.wait_until(
            "focus in main",
            "document.activeElement.id === 'main' && !!document.activeElement.closest('#tc-prerender')",
        )
        .await;
        app.tab_to("#tc-prerender #directory-search", 5).await;
        app.press("camba").await;
        app.wait_until(
            "one match",
            "document.querySelector('#tc-prerender .result-count').textContent === '1 co-op'",
        )
        .await;
        // "/" brings a reader back to the search from anywhere, as in the app, and is not typed.
        app.js("document.activeElement.blur()", vec![]).await;
        app.press("/").await;
        app.wait_until(
            "'/' to focus the search",
            "document.activeElement.id === 'directory-search' && !!document.activeElement.closest('#tc-prerender') && document.activeElement.value === 'camba'",
        )
        .await;
        assert!(
            app.find_all("body > .tc-app").await.is_empty(),
            "all of it without the app"
        );
    })
    .await;
}
