//! The static pages, rendered natively from the app's own components with the bundled
//! dataset and guide: what a visitor without scripts, a link preview, a search engine and the
//! quick search get.

use std::sync::Arc;

use coops_core::join::load_guide;
use coops_core::load::load_directory;
use coops_core::messages::REMOTE_SHOWN;
use coops_core::names::{
    COOP_ID_ATTRIBUTE, FACET_COUNT_CLASS, PRERENDER_ROOT_ID, REMOTE_LIST_CLASS, REMOTE_MORE_CLASS,
    REMOTE_TITLE_CLASS, RESULT_COUNT_CLASS, RESULT_ITEM_CLASS, SEARCH_BOX_ID, TAG_INPUT_PREFIX,
};
use coops_core::query::DirectoryQuery;
use tech_coops_app::data::Dataset;
use tech_coops_app::host::Host;
use tech_coops_app::render::{Inputs, RenderedPage, render};

fn bundled(file: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../public/data/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn inputs_with(dataset: &str) -> Inputs {
    Inputs {
        host: Host {
            base: "/directory".into(),
            link_prefix: "/directory".into(),
            app_url: "https://example.org/directory/".into(),
            prerendering: true,
            ..Host::default()
        },
        directory: Arc::new(Dataset::new(
            load_directory(dataset).unwrap(),
            coops_core::i18n::words().lang(),
        )),
        guide: Arc::new(load_guide(&bundled("join.json")).unwrap()),
    }
}

fn inputs() -> Inputs {
    inputs_with(&bundled("directory.json"))
}

fn page(path: &str) -> RenderedPage {
    render(&inputs(), path)
}

#[test]
fn the_directory_lists_every_match_in_the_apps_order_for_the_quick_search() {
    let inputs = inputs();
    let page = render(&inputs, "/");
    let results = inputs.directory.index.search(&DirectoryQuery::default());
    // Every card, in the order of the app's own first view (the quick search shows and hides
    // these; the app then shows the first page of them).
    let ids: Vec<&str> = page
        .body
        .split(&format!("<li class=\"{RESULT_ITEM_CLASS}\"><article "))
        .skip(1)
        .map(|card| {
            let at = card.find(&format!("{COOP_ID_ATTRIBUTE}=\"")).unwrap()
                + COOP_ID_ATTRIBUTE.len()
                + 2;
            &card[at..at + card[at..].find('"').unwrap()]
        })
        .collect();
    let expected: Vec<&str> = results
        .matches
        .iter()
        .map(|&i| inputs.directory.directory.coops[i as usize].id.as_str())
        .collect();
    assert!(expected.len() > 100);
    assert_eq!(ids, expected);
    // What the quick search finds by name (coops_core::names).
    for name in [
        format!("id=\"{PRERENDER_ROOT_ID}\""),
        format!("id=\"{SEARCH_BOX_ID}\""),
        format!("class=\"{RESULT_COUNT_CLASS}\""),
        format!("class=\"{REMOTE_LIST_CLASS}\""),
        format!("class=\"{REMOTE_TITLE_CLASS}\""),
        format!("world-map__remote-hint {REMOTE_MORE_CLASS}"),
        format!("for=\"{TAG_INPUT_PREFIX}hosting\""),
        format!("class=\"{FACET_COUNT_CLASS}\""),
    ] {
        assert!(page.body.contains(&name), "{name}");
    }
    // The remote group holds every one of its co-ops, those past the first few hidden.
    let remote = page
        .body
        .split(&format!("class=\"{REMOTE_LIST_CLASS}\""))
        .nth(1)
        .unwrap();
    let remote = &remote[..remote.find("</ul>").unwrap()];
    assert_eq!(remote.matches("<li ").count(), results.without_place.len());
    assert_eq!(
        remote.matches(" hidden").count(),
        results.without_place.len().saturating_sub(REMOTE_SHOWN)
    );
    // The filters work only once the app is in: inert until then.
    assert!(
        page.body.contains("class=\"facets\" inert")
            || page.body.contains(" inert class=\"facets\""),
        "inert filters"
    );
    // Its head: title, description, canonical address, Open Graph.
    assert!(
        page.head.contains("<title>Tech co-ops directory</title>"),
        "{}",
        page.head
    );
    assert!(
        page.head
            .contains(r#"href="https://example.org/directory/" rel="canonical""#),
        "{}",
        page.head
    );
    assert!(
        page.head
            .contains(r#"<meta property="og:title" content="Tech co-ops directory">"#),
        "{}",
        page.head
    );
    assert!(
        page.head
            .contains(r#"<meta name="description" content="Find a co-operative"#),
        "{}",
        page.head
    );
}

#[test]
fn a_coop_page_has_every_fact_its_head_and_structured_data() {
    let page = page("/coops/camba");
    assert!(
        page.body
            .contains(r#"data-testid="coop-page" data-coop-id="camba""#)
    );
    for fact in [
        "<h1 id=\"coop-page-title\">Cambá</h1>",
        "https://camba.coop",
        "Buenos Aires, Argentina",
        "Argentina",
    ] {
        assert!(page.body.contains(fact), "{fact}");
    }
    // Links within the site carry the public path.
    assert!(
        page.body
            .contains(r#"href="/directory/?region=south-america""#)
    );
    assert!(page.body.contains("data-testid=\"similar-coops\""));
    assert!(
        page.head
            .contains("<title>Cambá · Tech co-ops directory</title>"),
        "{}",
        page.head
    );
    assert!(
        page.head
            .contains(r#"href="https://example.org/directory/coops/camba/" rel="canonical""#),
        "{}",
        page.head
    );
    assert!(
        page.head
            .contains("Cambá is a worker-owned tech co-op (Buenos Aires, Argentina)."),
        "{}",
        page.head
    );
    let json = page
        .body
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("JSON-LD");
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(value["name"], "Cambá");
    assert_eq!(value["address"]["addressCountry"], "AR");
    assert_eq!(
        value["mainEntityOfPage"],
        "https://example.org/directory/coops/camba/"
    );
    // Only the current page is marked current: "← All co-ops" is not.
    assert!(
        !page
            .body
            .contains(r#"aria-current="page" class="">← All co-ops"#)
    );
}

#[test]
fn the_guide_shows_its_first_question_and_says_the_rest_needs_scripts() {
    let inputs = inputs();
    let page = render(&inputs, "/join");
    let first = &inputs.guide.steps[0];
    assert!(page.body.contains(&format!("data-step=\"{}\"", first.id)));
    assert!(
        page.body
            .contains(&coops_core::text::escape_html(&first.question))
    );
    assert!(
        page.body
            .contains("<noscript><p class=\"wizard__notice\">The guide needs JavaScript")
    );
    assert!(
        page.head
            .contains("<title>Join the movement · Tech co-ops directory</title>")
    );
}

#[test]
fn networks_resources_about_and_not_found_read_in_full() {
    let inputs = inputs();
    let networks = render(&inputs, "/networks");
    assert!(
        networks
            .body
            .contains("<h1 id=\"links-title\">Networks of co-ops</h1>")
    );
    assert_eq!(
        networks.body.matches("data-testid=\"entry\"").count(),
        inputs.directory.directory.networks.len()
            + inputs.directory.directory.meetups.len()
            + inputs
                .directory
                .directory
                .networks
                .iter()
                .chain(&inputs.directory.directory.meetups)
                .map(|e| e.children.len())
                .sum::<usize>()
    );
    let resources = render(&inputs, "/resources");
    assert!(resources.body.matches("data-testid=\"resource\"").count() > 20);
    // Who each resource serves, for tools reading the page, and the choice of reader.
    assert!(resources.body.contains("data-serves=\"start "));
    assert!(resources.body.contains("data-testid=\"serves-filter\""));
    let about = render(&inputs, "/about");
    assert!(about.body.contains("About this directory"));
    // GeoNames' licence (CC BY 4.0) asks for the credit.
    assert!(
        about
            .body
            .contains(r#"<a href="https://www.geonames.org/">GeoNames</a>"#)
    );
    assert!(
        about
            .body
            .contains(r#"<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>"#)
    );
    let missing = render(&inputs, "/404");
    assert!(missing.body.contains("There is no page at this address"));
    assert!(
        missing
            .head
            .contains(r#"<meta name="robots" content="noindex">"#)
    );
    assert!(!missing.head.contains("canonical"));
}

#[test]
fn hostile_text_stays_text_and_only_safe_links_become_links() {
    let mut dataset: serde_json::Value = serde_json::from_str(&bundled("directory.json")).unwrap();
    let coop = &mut dataset["coops"][0];
    coop["name"] = "</title><script>alert(1)</script>".into();
    coop["url"] = "javascript:alert(1)".into();
    coop["business_areas"] = "\" onmouseover=\"x".into();
    coop["notes"] = serde_json::json!([
        {"text": "bad link", "href": "javascript:alert(2)"},
        {"text": "<b>good</b> link", "href": "https://example.org/?a=1&b=\"2\"", "em": true}
    ]);
    let id = coop["id"].as_str().unwrap().to_string();
    let inputs = inputs_with(&dataset.to_string());
    for path in ["/".to_string(), format!("/coops/{id}")] {
        let page = render(&inputs, &path);
        let all = format!("{}{}", page.head, page.body);
        assert!(!all.contains("<script>alert"), "{path}");
        assert_eq!(all.matches("</title>").count(), 1, "{path}");
        assert!(!all.contains("javascript:"), "{path}");
        // The quote stays in the text: no attribute is opened by it.
        assert!(!all.contains("onmouseover=\"x\""), "{path}");
        assert!(page.body.contains(">\" onmouseover=\"x<"), "{path}");
        assert!(
            page.body
                .contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{path}"
        );
        assert!(page.body.contains("bad link"), "{path}");
        assert!(
            page.body
                .contains(r#"href="https://example.org/?a=1&amp;b=&quot;2&quot;""#),
            "{path}"
        );
    }
}

/// `lang`'s catalog from `public/i18n/`, for as long as the tests run.
fn catalog(lang: coops_core::i18n::Lang) -> &'static coops_core::i18n::Catalog {
    let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public");
    let catalog = coops_core::i18n::Catalog::read(lang, &public).expect("a catalog");
    Box::leak(Box::new(catalog))
}

#[test]
fn the_pages_speak_the_language_their_words_are_set_to() {
    use coops_core::i18n::{Lang, set_words};
    // Words each page shows whatever the data; none has characters the renderer escapes.
    let shown = [
        (
            "/",
            [
                "directory-heading",
                "nav-directory",
                "search-label",
                "facet-country",
            ],
        ),
        (
            "/coops/camba",
            [
                "coop-places-heading",
                "nearby-heading",
                "similar-heading",
                "copy-link",
            ],
        ),
        (
            "/resources",
            [
                "resources-title",
                "other-lists-section",
                "search-label",
                "nav-join",
            ],
        ),
        (
            "/no-such-page",
            [
                "not-found-heading",
                "not-found-resources",
                "nav-about",
                "skip-link",
            ],
        ),
    ];
    let english = catalog(Lang::En);
    for lang in Lang::ALL {
        let words = catalog(lang);
        // Each language on a thread of its own, as the site build renders it.
        let pages: Vec<(String, RenderedPage)> = std::thread::spawn(move || {
            set_words(words);
            shown
                .iter()
                .map(|(path, _)| (path.to_string(), page(path)))
                .collect()
        })
        .join()
        .expect("rendered");
        for ((path, keys), (_, rendered)) in shown.iter().zip(&pages) {
            for key in keys {
                let text = words.text(key);
                assert!(
                    rendered.body.contains(text),
                    "{} {path}: no {key:?} ({text:?})",
                    lang.code()
                );
                let other = english.text(key);
                if lang != Lang::En && other != text {
                    assert!(
                        !rendered.body.contains(&format!(">{other}<")),
                        "{} {path}: English {other:?}",
                        lang.code()
                    );
                }
            }
        }
        // And no English message whole, where the language words it otherwise.
        if lang != Lang::En {
            // (A word both languages use, such as German's "Filter", is no sign; nor is one the
            // list itself writes, such as a co-op's place "Worldwide": the list's data stays
            // as written.)
            let own: std::collections::HashSet<&str> =
                words.keys().map(|k| words.text(k)).collect();
            let data = bundled("directory.json");
            for key in english.keys() {
                let theirs = english.text(key);
                if data.contains(&format!("\"{theirs}\"")) {
                    continue;
                }
                for (path, rendered) in &pages {
                    assert!(
                        own.contains(theirs) || !rendered.body.contains(&format!(">{theirs}<")),
                        "{} {path}: English {theirs:?} ({key})",
                        lang.code()
                    );
                }
            }
        }
        let title = &pages[0].1.head;
        assert!(
            title.contains(words.text("site-name")),
            "{}: {title}",
            lang.code()
        );
    }
}
