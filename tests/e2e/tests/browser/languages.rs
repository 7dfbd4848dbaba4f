//! The app in its four languages: each language's pages speak it from the first paint, the
//! switcher keeps the view, a first visit to the root follows the browser's language and the
//! visitor's choice is remembered, and an embed takes `lang=`.

use coops_core::i18n::{Catalog, Lang};
use e2e::{AppPage, Browser, Reply, StaticServer, dist_dir, run, run_with};

/// `lang`'s catalog as the site serves it.
fn words(lang: Lang) -> Catalog {
    Catalog::read(lang, &dist_dir()).unwrap_or_else(|e| panic!("{e}"))
}

/// The `<html lang>` and the app root's `lang`.
async fn languages_shown(app: &AppPage) -> (String, String) {
    let lang = |css: &str| format!("return document.querySelector('{css}').getAttribute('lang')");
    (
        app.js(&lang("html"), vec![])
            .await
            .as_str()
            .unwrap_or_default()
            .to_string(),
        app.js(&lang(".tc-app"), vec![])
            .await
            .as_str()
            .unwrap_or_default()
            .to_string(),
    )
}

/// The language the visitor chose, as the site remembers it.
async fn remembered(app: &AppPage) -> Option<String> {
    app.js(
        &format!(
            "return localStorage.getItem({:?})",
            coops_core::names::LANG_STORAGE_KEY
        ),
        vec![],
    )
    .await
    .as_str()
    .map(str::to_string)
}

#[tokio::test]
async fn each_language_speaks_from_the_first_paint_and_the_switcher_keeps_the_view() {
    run(|app| async move {
        let spanish = words(Lang::Es);
        // Before the app: the page rendered at build time is already in Spanish.
        app.open_before_app("/es/").await;
        assert_eq!(app.heading().await, spanish.text("directory-heading"));
        app.open("/es/").await;
        assert_eq!(languages_shown(&app).await, ("es".into(), "es".into()));
        assert_eq!(app.heading().await, spanish.text("directory-heading"));
        let count = app.text("[data-testid=result-count]").await;
        assert!(count.contains("cooperativas"), "{count}");
        // The names that cross languages: a region's, a country's, a business area's.
        for (css, name) in [
            ("#facet-region option[value=europe]", "Europa"),
            ("#facet-country option[value=DE]", "Alemania"),
            (
                "label[for=tag-software-development]",
                "Desarrollo de software",
            ),
        ] {
            let shown = app
                .js(
                    &format!("return document.querySelector('{css}').textContent.trim()"),
                    vec![],
                )
                .await;
            assert!(
                shown.as_str().unwrap_or_default().starts_with(name),
                "{css}: {shown}"
            );
        }
        // The map names a country as the page does (its shapes' own names are English).
        app.wait_until(
            "the map's Germany in Spanish",
            "document.querySelector('[data-testid=world-map] [data-country=DE]')?.getAttribute('aria-label')?.startsWith('Alemania: ')",
        )
        .await;
        // A filter, then French: the same view in the other language.
        app.choose("facet-region", "europe").await;
        app.wait_for_query("?region=europe").await;
        let french = app.find("a.language-switcher__link[hreflang=fr]").await;
        assert_eq!(
            french.attr("href").await.unwrap().as_deref(),
            Some("/fr/?region=europe")
        );
        let current = app
            .find_all("a.language-switcher__link[aria-current=true]")
            .await;
        assert_eq!(current.len(), 1);
        assert_eq!(
            current[0].attr("hreflang").await.unwrap().as_deref(),
            Some("es")
        );
        french.click().await.expect("click Français");
        app.wait_until(
            "the French page",
            "location.pathname === '/fr/' && document.documentElement.lang === 'fr'",
        )
        .await;
        app.find("[data-testid=result-count]").await;
        app.wait_until(
            "the app in French",
            "!document.getElementById('tc-prerender')",
        )
        .await;
        assert_eq!(
            app.heading().await,
            words(Lang::Fr).text("directory-heading")
        );
        assert_eq!(app.select_value("facet-region").await, "europe");
        assert_eq!(app.path().await, "/fr/?region=europe");
        // A co-op's page keeps its language in its links and its title.
        app.open("/fr/coops/camba").await;
        assert!(
            app.title()
                .await
                .ends_with(words(Lang::Fr).text("site-name"))
        );
        let home = app.find("a.site-header__brand").await;
        assert_eq!(home.attr("href").await.unwrap().as_deref(), Some("/fr/"));
        // The choice is remembered: the root opens in French from now on.
        assert_eq!(remembered(&app).await.as_deref(), Some("fr"));
        app.open_before_app("/").await;
        app.wait_until("the French root", "location.pathname === '/fr/'")
            .await;
        // Back to English, remembered too.
        app.open("/fr/").await;
        app.click("a.language-switcher__link[hreflang=en]").await;
        app.wait_until("the English root", "document.documentElement.lang === 'en'")
            .await;
        assert_eq!(remembered(&app).await.as_deref(), Some("en"));
        app.open("/").await;
        assert_eq!(app.path().await, "/");
        assert_eq!(
            app.heading().await,
            words(Lang::En).text("directory-heading")
        );
    })
    .await;
}

#[tokio::test]
async fn a_first_visit_to_the_root_follows_the_browsers_language() {
    let server = StaticServer::start(dist_dir());
    // Portuguese first, which the site does not speak, then German.
    let browser = Browser::start_with(&["--lang=pt-BR", "--accept-lang=pt-BR,de-AT,en"]).await;
    let app = AppPage::new(browser.client.clone(), server.clone());
    let outcome = futures_util::FutureExt::catch_unwind(std::panic::AssertUnwindSafe(async {
        let languages = app.js("return navigator.languages", vec![]).await;
        assert_eq!(
            languages[1], "de-AT",
            "the browser's languages: {languages}"
        );
        app.open("/?q=web").await;
        assert_eq!(app.path().await, "/de/?q=web");
        assert_eq!(languages_shown(&app).await, ("de".into(), "de".into()));
        assert_eq!(
            app.heading().await,
            words(Lang::De).text("directory-heading")
        );
        assert_eq!(remembered(&app).await.as_deref(), Some("de"));
        // Only the root: a page's own address is never redirected.
        app.open("/join").await;
        assert_eq!(app.path().await, "/join");
    }))
    .await;
    browser.close().await;
    server.stop();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

#[tokio::test]
async fn an_embed_takes_its_language_from_lang() {
    run(|app| async move {
        app.open("/?embed=1&lang=de").await;
        assert_eq!(app.path().await, "/de/?embed=1&lang=de");
        assert_eq!(languages_shown(&app).await.1, "de");
        let count = app.text("[data-testid=result-count]").await;
        assert!(count.contains("Genossenschaften"), "{count}");
        // The full directory it links to is in German too, without the embed's settings.
        let full = app.find("a.embed-bar__link").await;
        assert_eq!(full.attr("href").await.unwrap().as_deref(), Some("/de/"));
        // An unknown language is ignored, like any unknown value: English.
        app.open("/?embed=1&lang=pt").await;
        assert_eq!(languages_shown(&app).await.1, "en");
    })
    .await;
}

#[tokio::test]
async fn the_guide_reaches_an_outcome_in_every_language() {
    use coops_core::join::texts::{load_translated_guide, texts_path};
    use coops_core::join::{all_paths, load_guide};
    let read = |file: &str| {
        std::fs::read_to_string(dist_dir().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
    };
    let english = read("data/join.json");
    let paths = all_paths(&load_guide(&english).expect("the guide"));
    run(|app| async move {
        for lang in [Lang::Es, Lang::Fr, Lang::De] {
            let guide = load_translated_guide(&english, &read(&texts_path(lang)))
                .expect("a complete translation");
            let words = words(lang);
            // One persona per language, a different one each time, to an outcome.
            let persona = &guide.step(&guide.start).unwrap().options[lang as usize].id;
            let (answers, outcome) = paths
                .iter()
                .find(|(answers, _)| &answers[0] == persona)
                .expect("a path")
                .clone();
            app.open(&format!("{}/join", lang.prefix())).await;
            assert_eq!(languages_shown(&app).await.0, lang.code());
            let start = guide.step(&guide.start).unwrap();
            assert_eq!(app.text("[data-testid=join-step] h2").await, start.question);
            for answer in &answers {
                crate::join::answer_in(&app, &guide, answer, words.text("continue")).await;
            }
            let shown = app.find("[data-testid=join-outcome]").await;
            assert_eq!(
                shown.attr("data-outcome").await.unwrap().as_deref(),
                Some(outcome.as_str()),
                "{lang:?}"
            );
            let title = guide.outcome(&outcome).unwrap().title.clone();
            assert_eq!(app.text(".join-outcome__title").await, title);
            let text = app.text("[data-testid=join-outcome]").await;
            let checked = words.text("facts-checked");
            let before_date = checked.split("{{").next().unwrap();
            assert!(text.contains(before_date), "{lang:?}: {text}");
            assert!(text.contains(words.text("next-steps")), "{lang:?}");
            // Still the page's language after every answer.
            assert!(
                app.path()
                    .await
                    .starts_with(&format!("{}/join", lang.prefix()))
            );
        }
    })
    .await;
}

#[tokio::test]
async fn a_host_with_one_not_found_page_still_says_it_in_the_addresss_language() {
    // GitHub Pages answers every unknown address with the root's (English) 404.html: the app
    // that boots in it reads the language from the address.
    let server = StaticServer::start(dist_dir());
    let english_404 = std::fs::read(dist_dir().join("404.html")).unwrap();
    server.set(
        "/es/ninguna/pagina",
        Reply::Body {
            status: 404,
            content_type: "text/html; charset=utf-8".into(),
            body: english_404,
        },
    );
    run_with(server, |app| async move {
        let spanish = words(Lang::Es);
        app.open("/es/ninguna/pagina").await;
        app.find("[data-testid=not-found]").await;
        app.wait_until(
            "the Spanish heading",
            &format!(
                "document.querySelector('[data-testid=not-found] h1')?.textContent === {:?}",
                spanish.text("not-found-heading")
            ),
        )
        .await;
        assert_eq!(languages_shown(&app).await.1, "es");
        // Its links stay in Spanish.
        app.click_link(spanish.text("not-found-directory")).await;
        assert!(app.result_count().await > 100);
        let path = app.path().await;
        assert!(path.starts_with("/es"), "{path}");
    })
    .await;
}
