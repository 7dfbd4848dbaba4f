//! From the guide to the people and the readings (issue 22): the resources page filters by who a
//! resource serves, in the URL; each outcome of the guide offers "Read next" for its visitor and
//! names the members of the network it points a co-op to, where the list says who they are.

use coops_core::join::{JoinGuide, load_guide};
use coops_core::load::load_directory;
use e2e::{dist_dir, run};

fn guide() -> JoinGuide {
    let text =
        std::fs::read_to_string(dist_dir().join("data/join.json")).expect("join.json in dist/");
    load_guide(&text).expect("the shipped guide is valid")
}

/// Every resource entry on the page (nested ones too) and who it serves.
async fn resources_shown(app: &e2e::AppPage, within: &str) -> Vec<String> {
    app.js(
        &format!(
            "return [...document.querySelectorAll('{within} [data-testid=resource]')].map(e => e.dataset.serves || '')"
        ),
        vec![],
    )
    .await
    .as_array()
    .unwrap()
    .iter()
    .map(|s| s.as_str().unwrap().to_string())
    .collect()
}

#[tokio::test]
async fn the_resources_filter_narrows_by_reader_and_survives_a_reload() {
    let text = std::fs::read_to_string(dist_dir().join("data/directory.json")).unwrap();
    let directory = load_directory(&text).unwrap().directory;
    fn count(entries: &[coops_core::Entry], reader: coops_core::Serves) -> usize {
        entries
            .iter()
            .filter(|e| e.serves.contains(&reader))
            .map(|e| 1 + count(&e.children, reader))
            .sum()
    }
    let converting: usize = coops_core::recommend::resources(&directory)
        .map(|e| count(std::slice::from_ref(e), coops_core::Serves::Convert))
        .sum();
    run(|app| async move {
        app.open("/resources").await;
        app.find("[data-testid=resource]").await;
        let all = resources_shown(&app, "main").await;
        assert!(
            all.iter().all(|s| !s.is_empty()),
            "every resource says who it serves"
        );

        app.click("[data-testid=serves-filter] input[value=convert]")
            .await;
        app.wait_for_query("?serves=convert").await;
        app.wait_until(
            "the resources for converting a company",
            &format!(
                "document.querySelectorAll('main [data-testid=resource]').length === {converting}"
            ),
        )
        .await;
        let shown = resources_shown(&app, "main").await;
        assert!(
            converting > 0 && converting < all.len(),
            "{converting} of {}",
            all.len()
        );
        assert!(
            shown.iter().all(|s| s.split(' ').any(|r| r == "convert")),
            "{shown:?}"
        );

        // The filter is in the URL: a reload keeps it, and the choice shows as chosen.
        app.reload().await;
        app.wait_until(
            "the filter restored",
            &format!(
                "document.querySelectorAll('main [data-testid=resource]').length === {converting}"
            ),
        )
        .await;
        let checked = app
            .js(
                "return document.querySelector('[data-testid=serves-filter] input:checked').value",
                vec![],
            )
            .await;
        assert_eq!(checked, "convert");

        // Everyone again: every resource, and nothing left in the address.
        app.click("[data-testid=serves-filter] input[value='']")
            .await;
        app.wait_until(
            "every resource again",
            &format!(
                "document.querySelectorAll('main [data-testid=resource]').length === {}",
                all.len()
            ),
        )
        .await;
        assert!(!app.path().await.contains("serves="));
    })
    .await;
}

#[tokio::test]
async fn an_outcome_reads_next_the_resources_for_its_visitor() {
    let guide = guide();
    let outcome = guide
        .outcome("work-join")
        .expect("the would-be worker's outcome")
        .clone();
    let first = outcome.reads[0].id();
    run(|app| async move {
        app.open("/join?a=worker.developer.uk.join").await;
        app.find("[data-testid=read-next] [data-testid=resource]")
            .await;
        let shown = resources_shown(&app, "[data-testid=read-next]").await;
        assert!(!shown.is_empty() && shown.len() <= 5, "{shown:?}");
        let reads: Vec<&str> = outcome.reads.iter().map(|r| r.id()).collect();
        assert!(
            shown
                .iter()
                .all(|s| s.split(' ').any(|r| reads.contains(&r))),
            "{shown:?} serve {reads:?}"
        );
        assert!(shown[0].split(' ').any(|r| r == first), "{shown:?}");
        // All of them: the resources page, filtered for this visitor, as many as the link says.
        let promised: usize = app
            .text("[data-testid=read-next] .join-outcome__reads-all a")
            .await
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .expect("a count in the link");
        app.click("[data-testid=read-next] .join-outcome__reads-all a")
            .await;
        app.wait_for_query(&format!("?serves={first}")).await;
        app.find("main [data-testid=resource]").await;
        assert_eq!(app.result_count().await, promised);
        let all = resources_shown(&app, "main").await;
        assert!(all.len() >= shown.len());
        assert!(
            all.iter().all(|s| s.split(' ').any(|r| r == first)),
            "{all:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_coop_in_argentina_sees_the_members_of_facttic_the_list_names() {
    let text = std::fs::read_to_string(dist_dir().join("data/directory.json")).unwrap();
    let directory = load_directory(&text).unwrap().directory;
    let members: Vec<String> = coops_core::recommend::network_members(&directory, "FACT[TIC]")
        .into_iter()
        .map(|i| directory.coops[i as usize].id.clone())
        .collect();
    assert!(!members.is_empty(), "the list names a member of FACTTIC");
    run(|app| async move {
        app.open("/join?a=coop.worker-owned.no.argentina").await;
        app.find("[data-testid=network-members] [data-testid=coop-card]").await;
        let shown = app
            .js(
                "return [...document.querySelectorAll('[data-testid=network-members] [data-testid=coop-card]')].map(c => c.dataset.coopId)",
                vec![],
            )
            .await;
        assert_eq!(shown, serde_json::json!(members));
        let heading = app.text("[data-testid=network-members] h4").await;
        assert!(heading.contains("FACT[TIC]"), "{heading}");
    })
    .await;
}
