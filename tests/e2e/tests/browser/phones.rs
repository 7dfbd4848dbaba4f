//! The directory on a phone (390 px) and a desktop (1280 px): the results first, the filters in
//! a sheet, the map behind a switch, and the filters in use as chips (issue 20).

use coops_core::query::UrlCodec;
use e2e::expected::{active_coops, dataset};
use e2e::{AppPage, run};
use serde_json::{Value, json};

pub(crate) const PHONE: (u32, u32) = (390, 844);
pub(crate) const DESKTOP: (u32, u32) = (1280, 900);
const TAB: &str = "\u{E004}";
const ESCAPE: &str = "\u{E00C}";

pub(crate) async fn resize(app: &AppPage, (width, height): (u32, u32)) {
    app.client
        .set_window_size(width, height)
        .await
        .expect("resize");
}

/// Whether the element `css` is drawn (takes up room on the page).
async fn drawn(app: &AppPage, css: &str) -> bool {
    app.js(
        "const e = document.querySelector(arguments[0]); return !!e && e.getClientRects().length > 0",
        vec![Value::from(css)],
    )
    .await
        == Value::Bool(true)
}

/// The chips' labels, in order.
pub(crate) async fn chip_labels(app: &AppPage) -> Vec<String> {
    let labels = app
        .js(
            "return [...document.querySelectorAll('[data-testid=filter-chip] .chip__label')].map(c => c.textContent)",
            vec![],
        )
        .await;
    serde_json::from_value(labels).unwrap_or_default()
}

/// Clicks `css` in the sheet, scrolled to the middle of it first: WebDriver scrolls only what
/// is off screen, and the sheet's sticky footer covers its bottom edge.
pub(crate) async fn click_in_sheet(app: &AppPage, css: &str) {
    let css = format!("[data-testid=filter-sheet] {css}");
    app.js(
        "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })",
        vec![Value::from(css.as_str())],
    )
    .await;
    app.click(&css).await;
}

/// Opens the filter sheet with its button, and waits for it.
pub(crate) async fn open_sheet(app: &AppPage) {
    app.click("[data-testid=filters-button]").await;
    app.wait_until(
        "the sheet",
        "document.querySelector('[data-testid=filter-sheet]').open",
    )
    .await;
}

/// Waits for the filter sheet to be closed.
async fn sheet_closed(app: &AppPage) {
    app.wait_until(
        "the sheet to close",
        "!document.querySelector('[data-testid=filter-sheet]').open",
    )
    .await;
}

/// The number the result count shows.
const COUNT: &str =
    "+(document.querySelector('[data-testid=result-count]').textContent.match(/\\d+/) || [0])[0]";

#[tokio::test]
async fn on_a_phone_the_first_card_is_on_the_first_screen() {
    run(|app| async move {
        resize(&app, PHONE).await;
        app.open("/").await;
        app.find("[data-testid=coop-card]").await;
        let (top, screen) = {
            let v = app
                .js(
                    "return [document.querySelector('[data-testid=coop-card]').getBoundingClientRect().top, innerHeight]",
                    vec![],
                )
                .await;
            (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
        };
        assert!(top < screen, "the first card's top at {top}px, below a {screen}px screen");
        // The filters wait in the sheet and the map behind the switch.
        assert!(!drawn(&app, ".directory .facets").await, "no filters above the list");
        assert!(!drawn(&app, "[data-testid=world-map]").await, "no map above the list");
        assert!(drawn(&app, "[data-testid=filters-button]").await);
        // The search box stays at the top of the screen while the list scrolls.
        app.js("window.scrollTo(0, 3000)", vec![]).await;
        app.wait_until(
            "the search box in view",
            "(() => { const r = document.querySelector('#directory-search').getBoundingClientRect(); return scrollY > 1000 && r.top >= 0 && r.bottom <= innerHeight; })()",
        )
        .await;

        // On a desktop: the filters beside the list, the map above it, no phone controls.
        resize(&app, DESKTOP).await;
        app.wait_until(
            "the desktop layout",
            "!document.querySelector('[data-testid=filters-button]').getClientRects().length",
        )
        .await;
        assert!(drawn(&app, ".directory .facets").await);
        assert!(drawn(&app, ".search-box__keys").await, "\"Press /\" for a keyboard");
        // The map's shapes are fetched once its panel is drawn, so the drawing follows them.
        app.wait_until(
            "the map drawn",
            "!!document.querySelector('[data-testid=world-map]')?.getClientRects().length",
        )
        .await;
        assert!(!drawn(&app, "[data-testid=view-switch]").await);
        // The remote co-ops beside the map are no taller than it (their list scrolls), so the
        // results start on the first screen.
        let (remote, map, results, screen) = {
            let v = app
                .js(
                    "const h = (css) => document.querySelector(css).getBoundingClientRect(); \
                     return [h('.world-map__remote').height, h('.world-map__drawing').height, h('[data-testid=result-count]').top, innerHeight]",
                    vec![],
                )
                .await;
            let v: Vec<f64> = serde_json::from_value(v).unwrap();
            (v[0], v[1], v[2], v[3])
        };
        assert!(remote <= map + 1.0, "remote {remote}px beside a map {map}px tall");
        assert!(results < screen, "the results at {results}px, below a {screen}px screen");
    })
    .await;
}

#[tokio::test]
async fn the_filter_sheet_keeps_focus_shows_the_live_count_and_closes_with_escape_and_back() {
    run(|app| async move {
        resize(&app, PHONE).await;
        app.open("/").await;
        let all = active_coops(&dataset()).len();
        app.wait_for_count(all).await;
        open_sheet(&app).await;
        // Scrolled to its end, the sheet still shows its close button, on top of the filters.
        let scrolled = app
            .js(
                "const s = document.querySelector('[data-testid=filter-sheet]'); s.scrollTop = 1e6; return s.scrollTop",
                vec![],
            )
            .await;
        assert!(scrolled.as_f64().unwrap_or(0.0) > 100.0, "the sheet scrolls: {scrolled}");
        let on_top = app
            .js(
                "const b = document.querySelector('.filter-sheet__close').getBoundingClientRect(); \
                 return !!document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)?.closest('.filter-sheet__close')",
                vec![],
            )
            .await;
        assert_eq!(on_top, Value::Bool(true), "the close button in view");
        app.js(
            "document.querySelector('[data-testid=filter-sheet]').scrollTop = 0",
            vec![],
        )
        .await;
        // Focus is in the sheet and Tab keeps it there.
        for _ in 0..40 {
            let inside = app
                .js(
                    "return !!document.activeElement.closest('[data-testid=filter-sheet]')",
                    vec![],
                )
                .await;
            assert_eq!(
                inside,
                Value::Bool(true),
                "focus left the sheet: {}",
                app.focused().await
            );
            app.press(TAB).await;
        }
        // A choice filters the list behind at once, and the sheet's button counts it.
        click_in_sheet(&app, "#tag-hosting").await;
        app.wait_for_query("?tag=hosting").await;
        let hosting = app
            .wait_until("fewer co-ops", &format!("{COUNT} < {all} && {COUNT}"))
            .await;
        let show = app.text(".filter-sheet__show").await;
        assert_eq!(show, format!("Show {hosting} co-ops"));
        // Escape closes it, keeps the choice and gives focus back to the button, which counts it.
        app.press(ESCAPE).await;
        sheet_closed(&app).await;
        assert!(
            app.focused().await.starts_with("BUTTON"),
            "{}",
            app.focused().await
        );
        let counted = app
            .js(
                "return document.querySelector('[data-testid=filters-button] .filters-button__count').textContent",
                vec![],
            )
            .await;
        assert_eq!(counted, "1 active");
        assert_eq!(
            app.js("return location.search", vec![]).await,
            "?tag=hosting"
        );

        // Back, with the sheet open, closes it onto the view from before it opened.
        open_sheet(&app).await;
        click_in_sheet(&app, "#facet-remote").await;
        app.wait_for_query("?tag=hosting&remote=1").await;
        app.back().await;
        sheet_closed(&app).await;
        app.wait_for_query("?tag=hosting").await;
        // Its close button and "Show n co-ops" close it too; with nothing chosen, it leaves
        // no step for Back.
        for close in [".filter-sheet__close", ".filter-sheet__show"] {
            open_sheet(&app).await;
            app.click(close).await;
            sheet_closed(&app).await;
        }
        app.back().await;
        app.wait_for_query("").await;
        app.wait_for_count(all).await;
    })
    .await;
}

#[tokio::test]
async fn on_a_phone_the_map_and_the_list_take_turns() {
    run(|app| async move {
        resize(&app, PHONE).await;
        app.open("/").await;
        app.find("[data-testid=coop-card]").await;
        assert!(!drawn(&app, "[data-testid=world-map]").await);
        let world = || {
            app.server
                .served()
                .iter()
                .filter(|s| s.path.ends_with("/world.json"))
                .count()
        };
        assert_eq!(world(), 0, "no map shapes fetched while the map is hidden");
        app.click_button("Map").await;
        app.wait_until(
            "the map",
            "document.querySelector('[data-testid=world-map] [data-testid=map-marker]')?.getClientRects().length",
        )
        .await;
        assert!(!drawn(&app, ".result-list").await, "the list makes room for the map");
        assert_eq!(world(), 1, "the shapes, once the map is asked for");
        assert!(drawn(&app, "[data-testid=result-count]").await, "the count stays");
        app.click_button("List").await;
        app.wait_until(
            "the list",
            "document.querySelector('.result-list').getClientRects().length",
        )
        .await;
        assert!(!drawn(&app, "[data-testid=world-map]").await);
    })
    .await;
}

#[tokio::test]
async fn chips_name_each_filter_in_use_and_remove_it_on_a_phone_and_a_desktop() {
    run(|app| async move {
        for size in [PHONE, DESKTOP] {
            resize(&app, size).await;
            app.open("/?region=europe&tag=hosting&tag=web-development&defunct=1")
                .await;
            app.wait_until(
                "the chips",
                "document.querySelectorAll('[data-testid=filter-chip]').length === 4",
            )
            .await;
            assert_eq!(
                chip_labels(&app).await,
                ["Europe", "Including no longer trading", "Hosting", "Web development"]
            );
            let name = app
                .js(
                    "return document.querySelector('[data-testid=filter-chip][data-filter=region]').getAttribute('aria-label')",
                    vec![],
                )
                .await;
            assert_eq!(name, "Remove filter: Europe");
            // Removing a chip drops its filter from the URL and the list and keeps the others;
            // focus moves to the chip that took its place.
            let before = app.result_count().await;
            app.click("[data-testid=filter-chip][data-filter=region]")
                .await;
            app.wait_for_query("?tag=hosting&tag=web-development&defunct=1")
                .await;
            app.wait_until("more co-ops", &format!("{COUNT} > {before}"))
                .await;
            let focused = app.focused().await;
            assert!(focused.contains("Remove filter: Including no longer trading"), "{focused}");
            // One business area of two.
            app.click("[data-testid=filter-chip][data-filter=tag]").await;
            app.wait_for_query("?tag=web-development&defunct=1").await;
            // Back brings a removed filter back with its chip.
            app.back().await;
            app.wait_for_query("?tag=hosting&tag=web-development&defunct=1")
                .await;
            app.wait_until(
                "the chip back",
                "document.querySelectorAll('[data-testid=filter-chip]').length === 3",
            )
            .await;
            // Clear all removes every one, and focus goes to the search box.
            app.click(".filter-chips__clear").await;
            app.wait_for_query("").await;
            app.wait_for_count(active_coops(&dataset()).len()).await;
            assert!(!drawn(&app, ".filter-chips").await, "no chips, no group");
            let focused = app.focused().await;
            assert!(focused.starts_with("INPUT#directory-search"), "{focused}");
            // The search text is no chip: the search box shows it.
            app.search("camba").await;
            app.wait_for_count(1).await;
            assert!(!drawn(&app, ".filter-chips").await);
        }
    })
    .await;
}

#[tokio::test]
async fn the_phone_views_pass_axe_light_and_dark() {
    run(|app| async move {
        resize(&app, PHONE).await;
        for scheme in ["light", "dark"] {
            app.set_color_scheme(scheme).await;
            app.open("/?region=europe&tag=hosting").await;
            app.find("[data-testid=filter-chip]").await;
            app.assert_accessible(&format!("the directory on a phone ({scheme})"))
                .await;
            open_sheet(&app).await;
            app.assert_accessible(&format!("the filter sheet ({scheme})"))
                .await;
            app.press(ESCAPE).await;
            app.click_button("Map").await;
            app.find("[data-testid=world-map] [data-testid=map-marker]")
                .await;
            app.assert_accessible(&format!("the map on a phone ({scheme})"))
                .await;
        }
    })
    .await;
}

#[tokio::test]
async fn a_coop_page_names_its_places_its_neighbours_and_copies_its_link() {
    // A co-op in a city with others within reach: the first the list has.
    let text = std::fs::read_to_string(e2e::dist_dir().join("data/directory.json")).expect("dist/");
    let directory = coops_core::load::load_directory(&text)
        .expect("the dataset")
        .directory;
    let places = coops_core::places::map_places(&directory.coops);
    let (at, near) = (0..directory.coops.len())
        .map(|i| {
            (
                i,
                coops_core::nearby::nearby(&directory.coops, &places, i, 6),
            )
        })
        .find(|(i, near)| {
            near.len() >= 2 && directory.coops[*i].status == coops_core::Status::Active
        })
        .expect("a co-op with neighbours");
    let id = directory.coops[at].id.clone();
    let expected_near: Vec<String> = near
        .iter()
        .map(|&(i, _)| format!("/coops/{}", directory.coops[i].id))
        .collect();
    let its_places = coops_core::nearby::places_of(&places, at);
    let expected_places: Vec<String> = its_places.iter().map(|p| p.label(&directory)).collect();
    let dots = its_places
        .iter()
        .filter(|p| coops_core::nearby::measurable(p))
        .count();
    let around = format!(
        "?{}",
        coops_core::query::DirectoryQuery::around(&directory.coops[at], &its_places)
            .to_query_string()
    );
    run(|app| async move {
        for size in [PHONE, DESKTOP] {
            resize(&app, size).await;
            app.open(&format!("/coops/{id}")).await;
            app.find("[data-testid=nearby-coops] a").await;
            let hrefs = app
                .js(
                    "return [...document.querySelectorAll('[data-testid=nearby-coops] a')].map(a => new URL(a.href).pathname)",
                    vec![],
                )
                .await;
            assert_eq!(hrefs, serde_json::json!(expected_near), "the co-ops nearby, nearest first");
            let named = app
                .js(
                    "return [...document.querySelectorAll('[data-testid=coop-places] a')].map(a => a.textContent)",
                    vec![],
                )
                .await;
            assert_eq!(named, serde_json::json!(expected_places), "every place it names");
            // The locator map: a dot for each town, inside the view, the page no wider than
            // the screen.
            app.find("[data-testid=locator-svg] circle").await;
            let inside = app
                .js(
                    "const svg = document.querySelector('[data-testid=locator-svg]'); \
                     const [x, y, w, h] = svg.getAttribute('viewBox').split(' ').map(Number); \
                     return [...svg.querySelectorAll('circle')].map(c => { \
                       const cx = +c.getAttribute('cx'), cy = +c.getAttribute('cy'); \
                       return cx > x && cx < x + w && cy > y && cy < y + h; })",
                    vec![],
                )
                .await;
            assert_eq!(inside, serde_json::json!(vec![true; dots]), "a dot per town, in view");
            let wide = app
                .js("return document.documentElement.scrollWidth <= innerWidth", vec![])
                .await;
            assert_eq!(wide, Value::Bool(true), "no sideways scrolling");
        }
        // Copy link puts the page's address on the clipboard and says so.
        let origin = app.js("return location.origin", vec![]).await;
        app.cdp(
            "Browser.grantPermissions",
            serde_json::json!({
                "origin": origin,
                "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"],
            }),
        )
        .await;
        app.click("[data-testid=copy-link]").await;
        app.wait_until(
            "the copy",
            "document.querySelector('[data-testid=copy-status]').textContent === 'Link copied.'",
        )
        .await;
        let copied = app
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, (e) => done(String(e)))",
                vec![],
            )
            .await
            .expect("read the clipboard");
        let copied = copied.as_str().unwrap_or_default().to_string();
        assert!(
            copied.starts_with("http") && copied.ends_with(&format!("/coops/{id}/")),
            "{copied}"
        );
        // The map's link opens the directory around it.
        app.click("[data-testid=locator-map] figcaption a").await;
        app.wait_for_query(&around).await;
        app.find("[data-testid=filter-chip]").await;
        app.back().await;
        // A place opens the directory there.
        app.click("[data-testid=coop-places] a").await;
        app.wait_until(
            "the directory at the place",
            "/[?&](place|country)=/.test(location.search) && document.querySelector('[data-testid=filter-chip]')",
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_long_list_ends_with_back_to_top_and_the_count_says_what_it_counts() {
    run(|app| async move {
        resize(&app, PHONE).await;
        app.open("/?region=europe&tag=hosting").await;
        app.find("[data-testid=filter-chip]").await;
        // Screen readers hear the filters after the number (the chips show them).
        let count = app
            .js(
                "return document.querySelector('[data-testid=result-count]').textContent",
                vec![],
            )
            .await;
        let count = count.as_str().unwrap_or_default();
        assert!(count.ends_with("; filters: Europe, Hosting"), "{count:?}");
        // At the end of the list, Back to top returns to the search box.
        app.js(
            "document.querySelector('[data-testid=back-to-top]').scrollIntoView()",
            vec![],
        )
        .await;
        app.click("[data-testid=back-to-top]").await;
        let focused = app.focused().await;
        assert!(focused.starts_with("INPUT#directory-search"), "{focused}");
        app.wait_until(
            "the top of the directory",
            "document.querySelector('.directory').getBoundingClientRect().top >= -1",
        )
        .await;
    })
    .await;
}

/// The controls drawn on the page (not inert, not hidden) less than 44 px tall, described.
const SMALL_CONTROLS: &str = r#"
return [...document.querySelectorAll('button, select, input[type=search], summary, .site-nav a, .tag, .facet__option label')]
  .filter((e) => e.getClientRects().length && !e.closest('[inert]'))
  .filter((e) => e.getBoundingClientRect().height < 43.5)
  .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().height)}px "${e.textContent.trim().slice(0, 30)}"`);
"#;

#[tokio::test]
async fn on_a_touch_screen_every_control_is_at_least_44_pixels_tall() {
    run(|app| async move {
        resize(&app, PHONE).await;
        app.cdp(
            "Emulation.setTouchEmulationEnabled",
            serde_json::json!({ "enabled": true, "maxTouchPoints": 1 }),
        )
        .await;
        app.open("/?tag=hosting").await;
        app.find("[data-testid=coop-card]").await;
        assert_eq!(
            app.js("return matchMedia('(pointer: coarse)').matches", vec![])
                .await,
            Value::Bool(true),
            "a touch screen"
        );
        assert_eq!(
            app.js(SMALL_CONTROLS, vec![]).await,
            serde_json::json!([]),
            "the list"
        );
        open_sheet(&app).await;
        assert_eq!(
            app.js(SMALL_CONTROLS, vec![]).await,
            serde_json::json!([]),
            "the sheet"
        );
        app.press(ESCAPE).await;
        app.click_button("Map").await;
        app.find("[data-testid=world-map] [data-testid=map-marker]")
            .await;
        assert_eq!(
            app.js(SMALL_CONTROLS, vec![]).await,
            serde_json::json!([]),
            "the map"
        );
        // No keyboard or mouse hints for a screen without them.
        let caption = app
            .js(
                "return document.querySelector('[data-testid=map-caption]').innerText",
                vec![],
            )
            .await;
        let caption = caption.as_str().unwrap_or_default();
        assert!(
            caption.contains("two fingers") && !caption.contains("arrow keys"),
            "{caption}"
        );
        app.click_button("List").await;
        assert!(
            !drawn(&app, ".search-box__keys").await,
            "no \"Press /\" hint"
        );
    })
    .await;
}

#[tokio::test]
async fn in_german_on_a_phone_menus_open_on_screen_and_words_stay_whole() {
    run(|app| async move {
        resize(&app, PHONE).await;
        app.open("/de/").await;
        app.find("[data-testid=coop-card]").await;
        // "Herunterladen" wraps onto a line of its own; its menu still opens on the screen.
        app.click("[data-testid=download] summary").await;
        let edges = app
            .js(
                "const r = document.querySelector('[data-testid=download] .download__panel').getBoundingClientRect(); return [r.left, r.right, innerWidth]",
                vec![],
            )
            .await;
        let edges: Vec<f64> = serde_json::from_value(edges).unwrap();
        assert!(edges[2] <= 400.0, "a phone's width, not {}", edges[2]);
        assert!(edges[0] >= 0.0 && edges[1] <= edges[2], "the menu at {edges:?}");
        // A marker's panel: "Schließen" on one line beside a long place name.
        app.click("[data-testid=download] summary").await;
        app.click("[data-testid=view-switch] button:last-child").await;
        // The marker with the longest name: its title wraps beside the button.
        app.find("[data-testid=world-map] [data-testid=map-marker]")
            .await;
        app.js(
            "const m = [...document.querySelectorAll('[data-testid=world-map] [data-testid=map-marker]')] \
               .sort((a, b) => b.getAttribute('aria-label').length - a.getAttribute('aria-label').length)[0]; \
             m.dispatchEvent(new MouseEvent('click', { bubbles: true }))",
            vec![],
        )
        .await;
        app.find("[data-testid=map-panel]").await;
        let title_lines = app
            .js(
                "const r = document.createRange(); r.selectNodeContents(document.querySelector('.map-panel__title')); \
                 return new Set([...r.getClientRects()].map(q => Math.round(q.top))).size",
                vec![],
            )
            .await;
        assert!(title_lines.as_u64().unwrap_or(0) > 1, "a long title: {title_lines}");
        let lines = app
            .js(
                "const b = document.querySelector('.map-panel__close'); const r = document.createRange(); r.selectNodeContents(b); \
                 return new Set([...r.getClientRects()].map(q => Math.round(q.top))).size",
                vec![],
            )
            .await;
        assert_eq!(lines, json!(1), "the close button's word on one line");
        // A co-op's page: each label above its value, which has the page's width.
        app.open("/de/coops/camba").await;
        app.find(".coop-page__facts dd").await;
        let stacked = app
            .js(
                "const f = document.querySelector('.coop-page__facts'); \
                 return [...f.querySelectorAll('dd')].every(dd => Math.abs(dd.getBoundingClientRect().left - f.getBoundingClientRect().left) < 1)",
                vec![],
            )
            .await;
        assert_eq!(stacked, Value::Bool(true));
    })
    .await;
}
