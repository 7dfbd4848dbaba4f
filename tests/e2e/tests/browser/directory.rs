//! The directory on the real dataset: search, filters, URL state, co-op pages, link pages.

use coops_core::names::DEFUNCT_INPUT_ID;
use e2e::expected::{active_coops, active_in_country, dataset};
use e2e::run;
use serde_json::Value;

#[tokio::test]
async fn typing_narrows_the_list_and_the_count_ignoring_accents() {
    run(|app| async move {
        app.open("/").await;
        let all = app.result_count().await;
        assert_eq!(all, active_coops(&dataset()).len());
        app.search("camba").await;
        app.wait_for_count(1).await;
        assert_eq!(app.coop_ids().await, ["camba"]);
        app.wait_for_query("?q=camba").await;
        app.search("liberte").await;
        app.wait_for_count(1).await;
        assert_eq!(app.coop_ids().await, ["codeurs-en-liberte"]);
        app.search("").await;
        app.wait_for_count(all).await;
    })
    .await;
}

/// The number in the country filter's option for `code` ("Germany (12)" gives 12).
async fn country_option_count(app: &e2e::AppPage, code: &str) -> usize {
    let label = app
        .js(
            &format!("return document.querySelector('#facet-country option[value={code}]')?.textContent ?? ''"),
            vec![],
        )
        .await;
    let label = label.as_str().unwrap_or_default();
    let digits: String = label.chars().filter(|c| c.is_ascii_digit()).collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no count in the option for {code}: {label:?}"))
}

#[tokio::test]
async fn the_country_filter_counts_follow_the_search() {
    run(|app| async move {
        app.open("/").await;
        let everywhere = country_option_count(&app, "DE").await;
        assert_eq!(everywhere, active_in_country(&dataset(), "DE"));
        app.search("berlin").await;
        app.wait_for_query("?q=berlin").await;
        app.wait_until(
            "the German count to follow the search",
            &format!("!document.querySelector('#facet-country option[value=DE]').textContent.includes('({everywhere})')"),
        )
        .await;
        let in_berlin = country_option_count(&app, "DE").await;
        assert!(in_berlin > 0 && in_berlin < everywhere, "{in_berlin} of {everywhere}");
        // The count an option shows is what choosing it gives.
        app.choose("facet-country", "DE").await;
        app.wait_for_query("?q=berlin&country=DE").await;
        app.wait_for_count(in_berlin).await;
        assert_eq!(app.select_value("facet-country").await, "DE");
    })
    .await;
}

#[tokio::test]
async fn region_filter_updates_list_and_url_and_survives_reload_and_back() {
    run(|app| async move {
        let data = dataset();
        let in_asia = active_coops(&data)
            .iter()
            .filter(|c| c["region"] == "asia")
            .count();
        app.open("/").await;
        let all = app.result_count().await;
        app.choose("facet-region", "asia").await;
        app.wait_for_count(in_asia).await;
        app.wait_for_query("?region=asia").await;
        app.reload().await;
        app.wait_for_count(in_asia).await;
        let selected = app.select_value("facet-region").await;
        assert_eq!(selected, "asia", "the select shows the filter from the URL");
        app.back().await;
        app.wait_for_query("").await;
        app.wait_for_count(all).await;
        let selected = app.select_value("facet-region").await;
        assert_eq!(selected, "", "Back resets the select too");
        app.client.forward().await.unwrap();
        app.wait_for_count(in_asia).await;
        let selected = app.select_value("facet-region").await;
        assert_eq!(selected, "asia", "and Forward sets it again");
    })
    .await;
}

#[tokio::test]
async fn clicking_a_tag_on_a_card_filters_by_it() {
    run(|app| async move {
        app.open("/?q=camba").await;
        app.wait_for_count(1).await;
        let tag = app
            .find("[data-coop-id=camba] .coop-card__tags button")
            .await;
        tag.click().await.unwrap();
        app.wait_until("a tag in the URL", "location.search.includes('tag=')")
            .await;
        let search = app.path().await;
        let tag_id = search
            .split("tag=")
            .nth(1)
            .unwrap()
            .split('&')
            .next()
            .unwrap()
            .to_string();
        let data = dataset();
        let expected = active_coops(&data)
            .iter()
            .filter(|c| {
                c["tags"]
                    .as_array()
                    .is_some_and(|t| t.iter().any(|t| t == tag_id.as_str()))
            })
            .filter(|c| c["name"].as_str().unwrap().to_lowercase().contains("camb"))
            .count();
        app.wait_for_count(expected).await;
        assert!(app.coop_ids().await.contains(&"camba".to_string()));
    })
    .await;
}

/// Presses "Show more" until all `all` cards are on the page.
async fn show_every_card(app: &e2e::AppPage, all: usize) {
    while app.coop_ids().await.len() < all {
        let before = app.coop_ids().await.len();
        app.click("button.result-list__more-button").await;
        app.wait_until(
            "more cards",
            &format!("document.querySelectorAll('[data-testid=coop-card]').length > {before}"),
        )
        .await;
    }
}

#[tokio::test]
async fn the_list_renders_a_page_at_a_time() {
    run(|app| async move {
        app.open("/").await;
        let all = app.result_count().await;
        let first = app.coop_ids().await.len();
        assert!(first < all, "not every card at once: {first} of {all}");
        show_every_card(&app, all).await;
        let ids = app.coop_ids().await;
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), all, "every co-op once");
    })
    .await;
}

#[tokio::test]
async fn unknown_and_malformed_parameters_are_ignored() {
    run(|app| async move {
        app.open(
            "/?region=atlantis&place=atlantis-xx&tag=%3Cscript%3E&remote=maybe&utm_source=x&sort=zzz",
        )
        .await;
        let all = active_coops(&dataset()).len();
        app.wait_for_count(all).await;
    })
    .await;
}

#[tokio::test]
async fn empty_result_suggests_what_to_loosen() {
    run(|app| async move {
        app.open("/?q=zzzzzz&region=asia").await;
        app.wait_for_count(0).await;
        app.find("[data-testid=empty-state]").await;
        app.click_button("Clear the search text").await;
        app.wait_for_query("?region=asia").await;
        assert!(app.result_count().await > 0);
    })
    .await;
}

#[tokio::test]
async fn a_cards_link_opens_the_coop_in_the_app_and_back_returns_to_the_search() {
    run(|app| async move {
        app.open("/").await;
        app.search("camba").await;
        app.wait_for_count(1).await;
        // A reload would lose this.
        app.js("window.__sameDocument = true", vec![]).await;
        app.click("[data-testid=coop-card] .coop-card__more a")
            .await;
        app.find("[data-testid=coop-page][data-coop-id=camba]")
            .await;
        assert_eq!(app.path().await, "/coops/camba");
        assert_eq!(
            app.js("return window.__sameDocument === true", vec![])
                .await,
            serde_json::json!(true),
            "the router handled the click: no page load"
        );
        app.back().await;
        app.wait_for_count(1).await;
        assert_eq!(app.path().await, "/?q=camba");
    })
    .await;
}

#[tokio::test]
async fn a_coop_page_opens_by_url() {
    run(|app| async move {
        app.open("/coops/camba").await;
        let page = app
            .find("[data-testid=coop-page][data-coop-id=camba]")
            .await;
        assert_eq!(app.heading().await, "Cambá");
        app.wait_until(
            "the title",
            "document.title === 'Cambá · Tech co-ops directory'",
        )
        .await;
        let text = page.text().await.unwrap();
        assert!(text.contains("Argentina"), "{text}");
        assert!(
            !app.find_all("[data-testid=similar-coops] li")
                .await
                .is_empty(),
            "suggests similar co-ops"
        );
        let site = app
            .find("[data-testid=coop-page] a[href='https://camba.coop']")
            .await;
        assert_eq!(
            site.attr("rel").await.unwrap().as_deref(),
            Some("noopener noreferrer")
        );
        assert_eq!(
            site.attr("target").await.unwrap().as_deref(),
            Some("_blank")
        );
        app.open("/coops/no-such-coop").await;
        app.find("[data-testid=not-found]").await;
    })
    .await;
}

/// Entries of a list, counting nested ones.
fn count_entries(entries: &Value) -> usize {
    entries.as_array().map_or(0, |list| {
        list.iter().map(|e| 1 + count_entries(&e["children"])).sum()
    })
}

#[tokio::test]
async fn networks_and_resources_pages_list_every_entry() {
    run(|app| async move {
        let data = dataset();
        let networks = count_entries(&data["networks"]) + count_entries(&data["meetups"]);
        app.open("/networks").await;
        app.find("[data-testid=entry]").await;
        assert_eq!(app.find_all("[data-testid=entry]").await.len(), networks);

        let resources: usize = data["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| count_entries(&s["entries"]))
            .sum::<usize>()
            + count_entries(&data["products"])
            + count_entries(&data["jobs"])
            + count_entries(&data["other_lists"]);
        app.open("/resources").await;
        app.find("[data-testid=resource]").await;
        assert_eq!(
            app.find_all("[data-testid=resource]").await.len(),
            resources
        );

        app.search("loomio").await;
        app.wait_until(
            "filtered entries",
            "document.querySelectorAll('[data-testid=resource]').length < 10",
        )
        .await;
        let text = app.text("main").await;
        assert!(text.contains("Loomio"), "{text}");
    })
    .await;
}

#[tokio::test]
async fn the_map_shades_countries_and_a_click_filters_by_country() {
    run(|app| async move {
        let data = dataset();
        let in_france = active_in_country(&data, "FR");
        assert!(in_france > 5);
        app.open("/").await;
        let france = app.find("[data-testid=world-map] [data-country=FR]").await;
        let label = france.attr("aria-label").await.unwrap().unwrap_or_default();
        assert_eq!(label, format!("France: {in_france} co-ops"), "per-country label");
        let class = france.attr("class").await.unwrap().unwrap_or_default();
        assert!(!class.contains("shade-0"), "France is shaded: {class}");

        // Focus shows the name and count; Enter filters to the country.
        app.js("document.querySelector('[data-country=FR]').focus()", vec![]).await;
        let caption = app.text("[data-testid=map-caption]").await;
        assert!(caption.contains("France") && caption.contains(&in_france.to_string()), "{caption}");
        france.send_keys("\u{E007}").await.unwrap();
        app.wait_for_query("?country=FR").await;
        app.wait_for_count(in_france).await;

        // A mouse click on another country filters to it instead. (Germany's box centre is on
        // Germany; France's is in the Atlantic, between Europe and French Guiana.)
        let in_germany = active_in_country(&data, "DE");
        app.find("[data-testid=world-map] [data-country=DE]").await.click().await.unwrap();
        app.wait_for_query("?country=DE").await;
        app.wait_for_count(in_germany).await;
        app.back().await;
        app.wait_for_query("?country=FR").await;

        // A region zooms the map (the chosen country, which it would zoom to, cleared first;
        // tests/map.rs checks the zooms in detail).
        app.choose("facet-country", "").await;
        app.wait_until(
            "the whole world",
            "document.querySelector('[data-testid=world-map]').dataset.zoom === '1'",
        )
        .await;
        let full = app.js("return document.querySelector('[data-testid=world-map]').getAttribute('viewBox')", vec![]).await;
        app.choose("facet-region", "europe").await;
        app.wait_until(
            "the map to zoom",
            &format!("document.querySelector('[data-testid=world-map]').getAttribute('viewBox') !== {full}"),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn the_defunct_toggle_shows_the_coops_that_closed() {
    run(|app| async move {
        let data = dataset();
        let defunct: Vec<String> = data["coops"]
            .as_array()
            .expect("co-ops")
            .iter()
            .filter(|c| c["status"].as_str() == Some("defunct"))
            .map(|c| c["id"].as_str().expect("an id").to_string())
            .collect();
        assert_eq!(defunct.len(), 10, "the list's DEFUNCT.md names ten");
        app.open("/").await;
        let active = active_coops(&data).len();
        assert_eq!(app.result_count().await, active);
        let toggle = format!("#{DEFUNCT_INPUT_ID}");
        let label = app.text(&format!("label[for={DEFUNCT_INPUT_ID}]")).await;
        assert!(label.contains("(10)"), "{label:?}");
        app.click(&toggle).await;
        app.wait_for_query("?defunct=1").await;
        app.wait_for_count(active + 10).await;
        show_every_card(&app, active + 10).await;
        let listed = app.coop_ids().await;
        for id in &defunct {
            assert!(listed.contains(id), "{id} is not listed");
        }
        let marked = app
            .js(
                "return [...document.querySelectorAll('.coop-card--defunct')].length",
                vec![],
            )
            .await;
        assert_eq!(marked.as_u64(), Some(10));
        app.click(&toggle).await;
        app.wait_for_count(active).await;
    })
    .await;
}

#[tokio::test]
async fn a_place_in_the_url_narrows_the_list_until_cleared() {
    run(|app| async move {
        let text = std::fs::read_to_string(e2e::dist_dir().join("data/directory.json")).unwrap();
        let directory = coops_core::load::load_directory(&text).unwrap().directory;
        let index = coops_core::search::Index::build(&directory);
        let at_paris = index
            .place("paris-fr")
            .expect("Paris")
            .coops
            .iter()
            .filter(|&&i| directory.coops[i as usize].status == coops_core::Status::Active)
            .count();
        let all = active_coops(&dataset()).len();
        assert!(at_paris > 0 && at_paris < all);
        app.open("/?place=paris-fr").await;
        app.wait_for_count(at_paris).await;
        assert_eq!(
            app.text("[data-testid=place-filter]").await,
            "Paris, France"
        );
        app.click_button("Show every place").await;
        app.wait_for_count(all).await;
        app.wait_for_query("").await;
        assert!(app.find_all("[data-testid=place-filter]").await.is_empty());
        // The place was a history entry of its own: Back brings it back.
        app.back().await;
        app.wait_for_count(at_paris).await;
    })
    .await;
}
