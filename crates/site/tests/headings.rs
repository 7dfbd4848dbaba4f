//! No page skips a heading level (h1, then h2, then h3...): a screen reader's list of
//! headings is the page's outline, and a gap in it reads as a missing section. Every page the
//! build writes, in every language, rendered as the build renders it; and the guide's outcomes
//! as the app draws them in the browser (not pre-rendered: they depend on the address).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use coops_core::i18n::{Catalog, Lang, set_words};
use coops_core::join::load_guide;
use coops_core::join::texts::{load_translated_guide, texts_path};
use coops_core::load::load_directory;
use coops_site::routes;
use tech_coops_app::data::Dataset;
use tech_coops_app::host::Host;
use tech_coops_app::render::{Inputs, render};

/// The app's public files: the dataset, the guide and its translations, the catalogs.
fn public() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public")
}

fn read(file: &str) -> String {
    std::fs::read_to_string(public().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// What every page in `lang` renders with, as the site build has it; `prerendering` false for
/// the views only the browser draws.
fn inputs(lang: Lang, prerendering: bool) -> Inputs {
    let english = read("data/join.json");
    let guide = match lang {
        Lang::En => load_guide(&english).expect("the guide"),
        lang => load_translated_guide(&english, &read(&texts_path(lang))).expect("a translation"),
    };
    Inputs {
        host: Host {
            lang,
            app_url: "https://example.org/".into(),
            prerendering,
            ..Host::default()
        },
        directory: Arc::new(Dataset::new(
            load_directory(&read("data/directory.json")).expect("the dataset"),
            lang,
        )),
        guide: Arc::new(guide),
    }
}

/// Sectioning elements: a heading in one is that section's own. The layout can hide a
/// section (the map on a phone, the filters while they are inert), so a heading after it must
/// not lean on a heading inside it.
const SECTIONS: [&str; 4] = ["section", "article", "aside", "nav"];

/// The first heading in `html` deeper than one level below the heading it comes under (the
/// last one before it outside the sections already closed; a page's first heading comes under
/// the page's start, level 0), with that heading: `h1 "Co-ops" then h3 "Cambá"`.
fn skipped_level(html: &str) -> Option<String> {
    let mut under: (u8, String) = (0, "the page's start".into());
    // What each open section's content came under, restored when it closes.
    let mut open: Vec<(u8, String)> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let name = tag_name(rest);
        if name == "script" {
            // JSON or code: no markup in it.
            rest = rest.find("</script>").map_or("", |end| &rest[end..]);
        } else if SECTIONS.contains(&name.as_str()) {
            open.push(under.clone());
        } else if let Some(section) = name.strip_prefix('/') {
            if SECTIONS.contains(&section) {
                under = open.pop().unwrap_or_default();
            }
        } else if let Some(level) = heading_level(&name) {
            let text = heading_text(rest, level);
            if level > under.0 + 1 {
                return Some(format!("h{} {:?} then h{level} {text:?}", under.0, under.1));
            }
            under = (level, text);
        }
    }
    None
}

/// The lowercase name of the tag `html` starts with (just after its `<`), `/` first for an end
/// tag: `section`, `/section`, `h2`.
fn tag_name(html: &str) -> String {
    html.chars()
        .enumerate()
        .take_while(|&(at, c)| c.is_ascii_alphanumeric() || (at == 0 && c == '/'))
        .map(|(_, c)| c.to_ascii_lowercase())
        .collect()
}

/// 1 to 6 for `h1` to `h6`.
fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', digit @ b'1'..=b'6'] => Some(digit - b'0'),
        _ => None,
    }
}

/// The text of the heading whose start tag `html` starts with (after its `<`), without tags.
fn heading_text(html: &str, level: u8) -> String {
    let content = html.find('>').map_or("", |end| &html[end + 1..]);
    let content = &content[..content
        .find(&format!("</h{level}"))
        .unwrap_or(content.len())];
    let mut text = String::new();
    let mut in_tag = false;
    for c in content.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// Every page in `lang` whose headings skip a level: its path and where.
fn pages_that_skip_a_level(lang: Lang) -> Vec<String> {
    let catalog = Catalog::read(lang, &public()).expect("a catalog");
    // The build's words, on this thread, for as long as the tests run.
    set_words(Box::leak(Box::new(catalog)));
    let built = inputs(lang, true);
    let pages = routes::all(&built.directory.directory)
        .expect("the routes")
        .into_iter()
        .map(|route| (route.app_path(), &built));
    let in_browser = inputs(lang, false);
    let outcomes: Vec<String> = in_browser
        .guide
        .outcomes
        .iter()
        .map(|outcome| format!("/join?outcome={}", outcome.id))
        .collect();
    assert!(!outcomes.is_empty(), "the guide has outcomes");
    let views = outcomes.into_iter().map(|path| (path, &in_browser));
    let mut skipping = Vec::new();
    for (path, inputs) in pages.chain(views) {
        let body = render(inputs, &path).body;
        if path.contains("outcome=") {
            // The view itself, not the guide's first question in its place.
            assert!(body.contains("data-testid=\"join-outcome\""), "{path}");
        }
        if let Some(skip) = skipped_level(&body) {
            skipping.push(format!("{} {path}: {skip}", lang.code()));
        }
    }
    skipping
}

#[test]
fn no_page_skips_a_heading_level_in_any_language() {
    // A language a thread, as the words are set per thread.
    let languages: Vec<_> = Lang::ALL
        .into_iter()
        .map(|lang| std::thread::spawn(move || pages_that_skip_a_level(lang)))
        .collect();
    let skipping: Vec<String> = languages
        .into_iter()
        .flat_map(|thread| thread.join().expect("rendered"))
        .collect();
    assert!(
        skipping.is_empty(),
        "{} page(s) skip a heading level:\n{}",
        skipping.len(),
        skipping.join("\n")
    );
}

#[test]
fn a_skipped_level_is_found_and_named() {
    assert_eq!(
        skipped_level("<h1>A</h1><h2>B</h2><h3>C</h3><h3>D</h3><h2>E</h2><h1>F</h1><h2>G</h2>"),
        None
    );
    assert_eq!(
        skipped_level(
            r#"<h1 id="t">Co-ops</h1><h2>B</h2><h4 class="c"><a href="/">Cambá</a></h4>"#
        )
        .as_deref(),
        Some(r#"h2 "B" then h4 "Cambá""#)
    );
    assert!(skipped_level("<h2>B</h2>").is_some(), "a page starts at h1");
    // A heading in a section does not head what comes after the section: the map's h2 and h3
    // are gone on a phone, and the cards after them came under the page's h1.
    assert_eq!(
        skipped_level(concat!(
            "<h1>Co-ops</h1><section><h2>Map</h2><h3>Remote</h3></section>",
            r#"<ol><li><article><h3>Cambá</h3></article></li></ol>"#
        ))
        .as_deref(),
        Some(r#"h1 "Co-ops" then h3 "Cambá""#)
    );
    assert_eq!(
        skipped_level(concat!(
            "<h1>Co-ops</h1><section><h2>Map</h2></section><h2>Results</h2>",
            "<ol><li><article><h3>A</h3></article></li><li><article><h3>B</h3></article></li></ol>",
            "<nav><div><h2>Panel</h2></div><section><h3>Place</h3></section></nav>"
        )),
        None
    );
    // Nothing in a script is markup.
    assert_eq!(
        skipped_level(r#"<h1>A</h1><script type="application/ld+json">{"x": "<h3>"}</script>"#),
        None
    );
}
