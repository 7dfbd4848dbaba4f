//! The directory, rendered to static HTML at build time and written into the built
//! `index.html`, so the list paints before the wasm arrives and reads with JavaScript off.
//!
//! The markup mirrors the app's own (the same classes, so the same stylesheet lays it out and
//! nothing moves when the app takes over). Without JavaScript, co-op names link straight to
//! their sites, business areas are plain labels, and what needs scripts is hidden: the search
//! box, the links to co-op pages, and the copies of the app's filter panel and map panel
//! (`public/gate.js` marks the page when scripts run). With scripts, those copies hold the
//! place of what the app draws above the list: the filters are `inert` until the app brings
//! its own (and left out on wide screens, where they sit beside the list); the map panel shows
//! its loading state, and its remote and worldwide group links to the co-ops' pages. Ids are
//! prefixed `tc-prerender-`, so they never clash with the app's while both are in the page.
//!
//! Before the app arrives the quick search (crates/quick-search) answers the search box on
//! this page. The app removes the whole block in the first frame its own view is in the
//! document (`src/pages/directory.rs`), carrying over anything typed into the search box.

use std::fmt::Write;

use coops_core::geo::{ATTRIBUTION, SHADES};
use coops_core::query::DirectoryQuery;
use coops_core::search::{Facets, Index, count_label, more_label};
use coops_core::site::{
    BRAND, DIRECTORY_HEADING, DIRECTORY_LEDE, EMBED_SUMMARY, FOOTER, Inline, MAP_CAPTION,
    MAP_HEADING, MAP_LEGEND, MAP_LOADING, MAP_TABLE, NAV, PRERENDER_COUNT_PREFIX as COUNT_PREFIX,
    PRERENDER_REMOTE_ITEM_PREFIX as REMOTE_ITEM_PREFIX, REMOTE_GROUP_LABEL, REMOTE_HINT,
    REMOTE_SHOWN, SEARCH_HINT, facet_count, facet_option, facet_words as words, remote_more,
    remote_title,
};
use coops_core::text::escape_html as escape;
use coops_core::url::safe_href;
use coops_core::{Coop, Directory, Span, Status};

/// Where the block goes: `index.html` carries this comment in its body.
pub const MARKER: &str = "<!-- prerendered directory -->";

/// The most co-ops written into the page; the rest are counted. The bundled list has about
/// 140; the cap keeps a much larger list from making the page itself slow.
pub const MAX_CARDS: usize = 1_000;

/// Why the block could not be written.
#[derive(Debug, PartialEq, Eq)]
pub enum PrerenderError {
    /// `index.html` has no [`MARKER`].
    NoMarker,
}

impl std::fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrerenderError::NoMarker => write!(f, "index.html has no `{MARKER}` to replace"),
        }
    }
}

impl std::error::Error for PrerenderError {}

/// `index_html` with the rendered directory in place of the [`MARKER`].
pub fn inject(index_html: &str, directory: &Directory) -> Result<String, PrerenderError> {
    if !index_html.contains(MARKER) {
        return Err(PrerenderError::NoMarker);
    }
    Ok(index_html.replacen(MARKER, &render(directory), 1))
}

/// The directory's first view, as the app shows it at its own address with no filter: the
/// same co-ops in the same order.
pub fn render(directory: &Directory) -> String {
    let results = Index::build(directory).search(&DirectoryQuery::default());
    let matches = &results.matches;
    let mut html = String::with_capacity(1024 + matches.len() * 700);
    html.push_str(concat!(
        r##"<p class="tc-boot-loading load-state load-state--loading" id="tc-boot-loading" role="status">Loading…</p>"##,
        r##"<div class="tc-app" id="tc-prerender">"##,
        r##"<a class="skip-link" href="#tc-prerender-main">Skip to content</a>"##,
    ));
    let _ = write!(
        html,
        r##"<header class="site-header"><a class="site-header__brand" href="./"><span class="site-header__logo" aria-hidden="true">⬡</span>{BRAND}</a><nav class="site-nav" aria-label="Main"><ul class="site-nav__list">"##
    );
    for (path, label) in NAV {
        // Relative to <base>, so a build under a sub-path links within it.
        let href = match path.trim_start_matches('/') {
            "" => "./",
            rest => rest,
        };
        let current = if path == "/" {
            r#" aria-current="page""#
        } else {
            ""
        };
        let _ = write!(html, r#"<li><a href="{href}"{current}>{label}</a></li>"#);
    }
    let _ = write!(
        html,
        concat!(
            r##"</ul></nav></header>"##,
            r##"<main id="tc-prerender-main" class="app__main" tabindex="-1">"##,
            r##"<section class="page page--directory" aria-labelledby="tc-prerender-title">"##,
            r##"<h1 id="tc-prerender-title">{heading}</h1><p class="page__lede">{lede}</p>"##,
            r##"<div class="directory"><div class="directory__controls">"##,
            r##"<div class="search-box tc-prerender__search" role="search">"##,
            r##"<label class="search-box__label" for="tc-prerender-search">Search</label>"##,
            r##"<input id="tc-prerender-search" class="search-box__input" type="search" autocomplete="off" spellcheck="false" aria-describedby="tc-prerender-search-hint"/>"##,
            r##"<p class="search-box__hint" id="tc-prerender-search-hint">{hint} Press <kbd>/</kbd> to jump here.</p></div>"##,
        ),
        heading = DIRECTORY_HEADING,
        lede = DIRECTORY_LEDE,
        hint = SEARCH_HINT,
    );
    controls(&mut html, directory, &results.facets);
    html.push_str(r#"</div><div class="directory__results">"#);
    map_panel(&mut html, directory, &results.without_place);
    let _ = write!(
        html,
        r#"<p class="result-count" role="status" aria-live="polite" aria-atomic="true">{}</p><ol class="result-list" aria-label="Co-ops">"#,
        count_label(matches.len())
    );
    for &i in matches.iter().take(MAX_CARDS) {
        html.push_str(r#"<li class="result-list__item">"#);
        card(&mut html, directory, &directory.coops[i as usize]);
        html.push_str("</li>");
    }
    html.push_str("</ol>");
    if matches.len() > MAX_CARDS {
        let _ = write!(
            html,
            r#"<p class="result-list__more">{}</p>"#,
            more_label(matches.len() - MAX_CARDS)
        );
    }
    html.push_str(r#"</div></div></section></main><footer class="site-footer"><p>"#);
    for part in FOOTER {
        match part {
            Inline::Text(text) => html.push_str(&escape(text)),
            Inline::Link(href, text) => {
                let _ = write!(html, r#"<a href="{}">{}</a>"#, escape(href), escape(text));
            }
        }
    }
    html.push_str("</p></footer></div>");
    html
}

/// The app's filter panel and embed link, as the app first shows them (the unfiltered counts),
/// so nothing moves when it takes over. They only work once the app is in: until then they
/// are `inert` (not focusable, not announced), and hidden with JavaScript off.
fn controls(html: &mut String, directory: &Directory, facets: &Facets) {
    let _ = write!(
        html,
        concat!(
            r#"<section class="facets tc-prerender__app-only" aria-labelledby="tc-prerender-facets-title" inert>"#,
            r#"<h2 id="tc-prerender-facets-title" class="facets__title">{title}</h2>"#,
            r#"<div class="facet"><label class="facet__label" for="tc-prerender-facet-region">{region}</label>"#,
            r#"<select id="tc-prerender-facet-region" class="facet__select"><option value="">{all_regions}</option>"#,
        ),
        title = words::TITLE,
        region = words::REGION,
        all_regions = words::ALL_REGIONS,
    );
    for (region, (_, n)) in directory.regions.iter().zip(&facets.regions) {
        let _ = write!(
            html,
            r#"<option value="{}">{}</option>"#,
            escape(&region.id),
            escape(&facet_option(&region.name, *n))
        );
    }
    let _ = write!(
        html,
        concat!(
            r#"</select></div>"#,
            r#"<div class="facet"><label class="facet__label" for="tc-prerender-facet-country">{country}</label>"#,
            r#"<select id="tc-prerender-facet-country" class="facet__select"><option value="">{all_countries}</option>"#,
        ),
        country = words::COUNTRY,
        all_countries = words::ALL_COUNTRIES,
    );
    let mut countries: Vec<(String, usize)> = facets
        .countries
        .iter()
        .map(|(code, n)| (directory.country_name(code), *n))
        .collect();
    countries.sort();
    for (name, n) in countries {
        let _ = write!(
            html,
            r#"<option>{}</option>"#,
            escape(&facet_option(&name, n))
        );
    }
    let _ = write!(
        html,
        concat!(
            r#"</select></div><div class="facet facet--toggles">"#,
            r#"<div class="facet__option"><input type="checkbox" id="tc-prerender-facet-remote"/><label for="tc-prerender-facet-remote">{remote_only}<span class="facet__count" id="{count_prefix}remote">{remote}</span></label></div>"#,
            r#"<div class="facet__option"><input type="checkbox" id="tc-prerender-facet-defunct"/><label for="tc-prerender-facet-defunct">{include_defunct}<span class="facet__count" id="{count_prefix}defunct">{defunct}</span></label></div>"#,
            r#"</div><fieldset class="facet facet--tags"><legend class="facet__label">{areas}</legend>"#,
            r#"<p class="facet__hint">{areas_hint}</p><ul class="facet__options">"#,
        ),
        remote_only = words::REMOTE_ONLY,
        include_defunct = words::INCLUDE_DEFUNCT,
        areas = words::BUSINESS_AREAS,
        areas_hint = words::BUSINESS_AREAS_HINT,
        count_prefix = COUNT_PREFIX,
        remote = facet_count(facets.remote),
        defunct = facet_count(facets.defunct),
    );
    for (tag, (_, n)) in directory.tags.iter().zip(&facets.tags) {
        let _ = write!(
            html,
            r#"<li class="facet__option{empty}"><input type="checkbox" id="tc-prerender-tag-{id}"/><label for="tc-prerender-tag-{id}">{name}<span class="facet__count" id="{COUNT_PREFIX}tag-{id}">{count}</span></label></li>"#,
            empty = if *n == 0 { " facet__option--empty" } else { "" },
            id = escape(&tag.id),
            name = escape(&tag.name),
            count = facet_count(*n),
        );
    }
    let _ = write!(
        html,
        concat!(
            r#"</ul></fieldset><div class="facet"><label class="facet__label" for="tc-prerender-facet-sort">{sort_by}</label>"#,
            r#"<select id="tc-prerender-facet-sort" class="facet__select"><option value="name" selected>{by_name}</option><option value="region">{by_region}</option></select></div>"#,
            r#"<button type="button" class="button facets__clear" disabled>{clear}</button></section>"#,
            r#"<details class="embed-snippet tc-prerender__app-only" inert><summary class="embed-snippet__summary">{embed}</summary></details>"#,
        ),
        sort_by = words::SORT_BY,
        by_name = words::SORT_NAME,
        by_region = words::SORT_REGION,
        clear = words::CLEAR_ALL,
        embed = EMBED_SUMMARY,
    );
}

/// The app's map panel while its geometry loads: a box the size of the map (style/world-map.css)
/// with the lines the app shows under it, beside the remote and worldwide group, so the list
/// below stays where it is when the app and then the map arrive.
fn map_panel(html: &mut String, directory: &Directory, without_place: &[u32]) {
    let _ = write!(
        html,
        concat!(
            r#"<section class="world-map tc-prerender__app-only" aria-labelledby="tc-prerender-map-title">"#,
            r#"<h2 id="tc-prerender-map-title" class="visually-hidden">{heading}</h2><div class="world-map__layout">"#,
            r#"<div class="world-map__drawing"><p class="world-map__status" role="status">{loading}</p>"#,
            r#"<p class="world-map__caption">{caption}</p><ul class="world-map__legend" aria-label="{legend_name}">{legend}</ul>"#,
            r#"<details class="world-map__summary" inert><summary>{table}</summary></details>"#,
            r#"<p class="world-map__attribution">{attribution}</p></div>"#,
            r#"<aside class="world-map__remote" aria-label="{group_label}">"#,
            r#"<h3 class="world-map__remote-title" id="tc-prerender-remote-title">{title}</h3><p class="world-map__remote-hint">{hint}</p>"#,
            r#"<ul class="world-map__remote-list">"#,
        ),
        heading = MAP_HEADING,
        loading = MAP_LOADING,
        caption = MAP_CAPTION,
        legend_name = MAP_LEGEND,
        legend = legend(),
        table = MAP_TABLE,
        attribution = ATTRIBUTION,
        group_label = REMOTE_GROUP_LABEL,
        title = remote_title(without_place.len()),
        hint = REMOTE_HINT,
    );
    // Every one of them, those beyond the first REMOTE_SHOWN hidden: a search before the app
    // is in shows the first that match (crates/quick-search), as the app would.
    for (n, &i) in without_place.iter().enumerate() {
        let coop = &directory.coops[i as usize];
        let _ = write!(
            html,
            r#"<li id="{REMOTE_ITEM_PREFIX}{id}"{hidden}><a href="coops/{id}">{name}</a></li>"#,
            id = escape(&coop.id),
            name = escape(&coop.name),
            hidden = if n < REMOTE_SHOWN { "" } else { " hidden" },
        );
    }
    let more = without_place.len().saturating_sub(REMOTE_SHOWN);
    let _ = write!(
        html,
        r#"</ul><p class="world-map__remote-hint" id="tc-prerender-remote-more"{}>{}</p>"#,
        if more > 0 { "" } else { " hidden" },
        if more > 0 {
            remote_more(more)
        } else {
            String::new()
        },
    );
    html.push_str("</aside></div></section>");
}

/// The map's legend, as the app draws it: a swatch and a label per shade.
fn legend() -> String {
    SHADES
        .iter()
        .enumerate()
        .map(|(step, (_, label))| {
            format!(
                r#"<li class="world-map__legend-item"><span class="world-map__swatch world-map__country--shade-{step}" aria-hidden="true"></span>{label}</li>"#
            )
        })
        .collect()
}

/// One co-op, as the app's card shows it.
fn card(html: &mut String, directory: &Directory, coop: &Coop) {
    let id = escape(&coop.id);
    let defunct = coop.status == Status::Defunct;
    let _ = write!(
        html,
        r#"<article class="coop-card{}" aria-labelledby="tc-prerender-coop-{id}"><h3 class="coop-card__name" id="tc-prerender-coop-{id}">"#,
        if defunct { " coop-card--defunct" } else { "" }
    );
    match coop.url.as_deref().and_then(safe_href) {
        Some(href) => {
            let _ = write!(
                html,
                r#"<a href="{}" rel="noopener noreferrer">{}</a>"#,
                escape(href),
                escape(&coop.name)
            );
        }
        None => html.push_str(&escape(&coop.name)),
    }
    html.push_str("</h3>");
    if defunct {
        html.push_str(r#"<p class="coop-card__status">No longer trading</p>"#);
    }
    html.push_str(r#"<p class="coop-card__meta">"#);
    let place = directory.place_label(coop);
    if !place.is_empty() {
        let _ = write!(
            html,
            r#"<span class="coop-card__place">{}</span>"#,
            escape(&place)
        );
    }
    if let Some(year) = coop.founded {
        let _ = write!(
            html,
            r#"<span class="coop-card__founded">Founded {year}</span>"#
        );
    }
    html.push_str("</p>");
    if !coop.business_areas.is_empty() {
        let _ = write!(
            html,
            r#"<p class="coop-card__areas">{}</p>"#,
            escape(&coop.business_areas)
        );
    }
    if !coop.tags.is_empty() {
        html.push_str(r#"<ul class="coop-card__tags" aria-label="Business areas">"#);
        for tag in &coop.tags {
            let _ = write!(
                html,
                r#"<li><span class="tag">{}</span></li>"#,
                escape(&directory.tag_name(tag))
            );
        }
        html.push_str("</ul>");
    }
    if !coop.notes.is_empty() {
        html.push_str(r#"<p class="coop-card__notes">"#);
        for span in &coop.notes {
            rich_text(html, span);
        }
        html.push_str("</p>");
    }
    // As on the app's card, so nothing moves when the app takes over; shown only when scripts
    // run, as without them the app cannot show the co-op's page.
    let _ = write!(
        html,
        r#"<p class="coop-card__more"><a href="coops/{id}">More about {}</a></p>"#,
        escape(&coop.name)
    );
    html.push_str("</article>");
}

/// A run of rich text: emphasis and safe links, as the app's `RichText` renders them.
fn rich_text(html: &mut String, span: &Span) {
    let href = span.href.as_deref().and_then(safe_href);
    if let Some(href) = href {
        let _ = write!(
            html,
            r#"<a href="{}" rel="noopener noreferrer">"#,
            escape(href)
        );
    }
    let (open, close) = match (span.em, span.strong) {
        (true, true) => ("<strong><em>", "</em></strong>"),
        (true, false) => ("<em>", "</em>"),
        (false, true) => ("<strong>", "</strong>"),
        (false, false) => ("", ""),
    };
    html.push_str(open);
    html.push_str(&escape(&span.text));
    html.push_str(close);
    if href.is_some() {
        html.push_str("</a>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coops_core::load::load_directory;

    fn bundled() -> Directory {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../public/data/directory.json"
        ))
        .unwrap();
        load_directory(&text).unwrap().directory
    }

    #[test]
    fn lists_the_same_coops_in_the_same_order_as_the_apps_first_view() {
        let directory = bundled();
        let html = render(&directory);
        let expected = Index::build(&directory)
            .search(&DirectoryQuery::default())
            .matches;
        assert!(expected.len() > 100);
        assert_eq!(html.matches("<article").count(), expected.len());
        assert!(html.contains(&format!("{} co-ops", expected.len())));
        // Order: each co-op's card comes after the previous one's.
        let mut at = 0;
        for &i in &expected {
            let id = format!(
                r#"id="tc-prerender-coop-{}""#,
                directory.coops[i as usize].id
            );
            let found = html[at..]
                .find(&id)
                .unwrap_or_else(|| panic!("{id} out of order"));
            at += found;
        }
    }

    #[test]
    fn hostile_text_stays_text_and_only_safe_links_become_links() {
        let mut directory = bundled();
        let coop = &mut directory.coops[0];
        coop.name = r#"<script>alert(1)</script>"#.into();
        coop.url = Some("javascript:alert(1)".into());
        coop.business_areas = r#"" onmouseover="x"#.into();
        coop.notes = vec![
            Span {
                href: Some("javascript:alert(2)".into()),
                ..Span::text("bad link")
            },
            Span {
                href: Some("https://example.org/?a=1&b=\"2\"".into()),
                em: true,
                ..Span::text("<b>good</b> link")
            },
        ];
        let html = render(&directory);
        assert!(!html.contains("<script>"));
        assert!(!html.contains("javascript:"));
        assert!(!html.contains(r#"" onmouseover"#));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains(
            r#"<a href="https://example.org/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer"><em>&lt;b&gt;good&lt;/b&gt; link</em></a>"#
        ));
        assert!(html.contains("bad link"));
    }

    #[test]
    fn caps_the_cards_and_counts_the_rest() {
        let base = bundled();
        let mut directory = base.clone();
        while directory.coops.len() <= MAX_CARDS + 10 {
            for coop in &base.coops {
                let mut copy = coop.clone();
                copy.id = format!("{}-{}", coop.id, directory.coops.len());
                directory.coops.push(copy);
            }
        }
        let html = render(&directory);
        let shown = Index::build(&directory)
            .search(&DirectoryQuery::default())
            .matches
            .len();
        assert_eq!(html.matches("<article").count(), MAX_CARDS);
        assert!(html.contains(&format!("and {} more", shown - MAX_CARDS)));
    }

    #[test]
    fn ids_never_clash_with_the_apps() {
        let html = render(&bundled());
        for id in html.split(r#" id=""#).skip(1) {
            let id = &id[..id.find('"').unwrap()];
            assert!(
                id.starts_with("tc-prerender") || id == "tc-boot-loading",
                "{id}"
            );
        }
        assert!(!html.contains("data-testid"));
    }

    #[test]
    fn inject_replaces_the_marker_once_and_refuses_a_page_without_one() {
        let directory = bundled();
        let page = format!("<body>{MARKER}<div id=\"crash\"></div></body>");
        let out = inject(&page, &directory).unwrap();
        assert!(!out.contains(MARKER));
        assert!(out.starts_with("<body><p class=\"tc-boot-loading"));
        assert!(out.ends_with("<div id=\"crash\"></div></body>"));
        assert_eq!(
            inject("<body></body>", &directory),
            Err(PrerenderError::NoMarker)
        );
    }
}
