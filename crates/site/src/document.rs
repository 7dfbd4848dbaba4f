//! A whole page: the document around what the components rendered.

use coops_core::i18n::Lang;
use coops_core::names::{DATASET_PATH, ROUTE_ATTRIBUTE, ROUTE_CHUNK_ATTRIBUTE};
use coops_core::text::escape_html;
use tech_coops_app::render::RenderedPage;

use crate::assets::Written;
use crate::routes::Route;

/// The files every page loads.
#[derive(Debug, Clone)]
pub struct Assets {
    /// The path the site is served under (`/`, `/directory/`).
    pub public_url: String,
    /// gate.js: a classic script in `<head>`, run before the first paint.
    pub gate: Written,
    /// boot.js: the module that starts the app.
    pub boot: Written,
    /// The stylesheet.
    pub stylesheet: Written,
}

/// The page for `route` in `lang`: its head and body as the components rendered them, the
/// stylesheet and scripts, and the route it shows (for gate.js). Every link in it is relative
/// to `<base>` or absolute, so the same page works under any public URL it was built for.
pub fn page(route: &Route, lang: Lang, rendered: &RenderedPage, assets: &Assets) -> String {
    let base = escape_html(&assets.public_url);
    let at = |file: &str| format!("{base}{}", escape_html(file));
    // The app needs its language's words before it starts: fetched beside its code, at low
    // priority like the dataset, so that on a slow line it does not take the bandwidth of
    // what the first paint needs (the stylesheet); the app's wasm, far larger, arrives later.
    let catalog = match lang {
        Lang::En => String::new(),
        lang => format!(
            "<link rel=\"preload\" href=\"{}\" as=\"fetch\" type=\"application/json\" crossorigin=\"anonymous\" fetchpriority=\"low\">\n",
            lang.catalog_path()
        ),
    };
    format!(
        concat!(
            "<!doctype html>\n",
            "<html lang=\"{lang}\" {route_attribute}=\"{route}\"{chunk}>\n<head>\n",
            "<meta charset=\"utf-8\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<base href=\"{base}\">\n",
            // Before the stylesheet: it decides what this page shows before the first paint.
            "<script src=\"{gate}\" integrity=\"{gate_integrity}\"></script>\n",
            "<meta name=\"color-scheme\" content=\"light dark\">\n",
            "{head}\n",
            "<link rel=\"stylesheet\" href=\"{stylesheet}\" integrity=\"{stylesheet_integrity}\">\n",
            // The dataset is fetched at once, beside the code, not after the app has started;
            // at low priority, so it does not take the stylesheet's bandwidth on a slow line.
            "<link rel=\"preload\" href=\"{dataset}\" as=\"fetch\" type=\"application/json\" crossorigin=\"anonymous\" fetchpriority=\"low\">\n",
            "{catalog}",
            "<link rel=\"icon\" type=\"image/svg+xml\" href=\"{favicon}\">\n",
            "<script type=\"module\" src=\"{boot}\" integrity=\"{boot_integrity}\"></script>\n",
            "</head>\n<body>\n{body}\n</body>\n</html>\n",
        ),
        lang = lang.code(),
        route_attribute = ROUTE_ATTRIBUTE,
        route = escape_html(&route.route_attribute(lang)),
        // Which of the app's chunks its view is, for gate.js's preloads.
        chunk = route
            .chunk()
            .map(|chunk| format!(" {ROUTE_CHUNK_ATTRIBUTE}=\"{chunk}\""))
            .unwrap_or_default(),
        catalog = catalog,
        base = base,
        gate = at(&assets.gate.name),
        gate_integrity = assets.gate.integrity,
        head = without_render_markers(&rendered.head),
        stylesheet = at(&assets.stylesheet.name),
        stylesheet_integrity = assets.stylesheet.integrity,
        dataset = DATASET_PATH,
        favicon = at("favicon.svg"),
        boot = at(&assets.boot.name),
        boot_integrity = assets.boot.integrity,
        body = without_render_markers(&rendered.body),
    )
}

/// What the renderer writes for hydration alone: `<!>` between text nodes and views, and
/// `<!--<() />-->` where a view is empty. Only hydration reads them, and this app never
/// hydrates: the browser's app replaces the pre-rendered page (src/handover.rs). Left in, each
/// `<!>` is an HTML error ("Bogus comment"), thousands on the directory alone.
const RENDER_MARKERS: [&str; 2] = ["<!>", "<!--<() />-->"];

/// Elements whose content is text up to their end tag, never markup: a marker's characters in
/// them are their text (a script's, a title's), to keep.
const RAW_TEXT_ELEMENTS: [&str; 4] = ["script", "style", "textarea", "title"];

/// `html` (as the renderer wrote it) without [`RENDER_MARKERS`] where they are markup; in text,
/// attribute values, comments and raw text elements nothing changes (in text the renderer
/// escapes `<`, so a marker there would read `&lt;!&gt;` anyway).
pub fn without_render_markers(html: &str) -> String {
    let mut kept = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        kept.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(marker) = RENDER_MARKERS.iter().find(|m| rest.starts_with(*m)) {
            rest = &rest[marker.len()..];
            continue;
        }
        let length = markup_length(rest);
        kept.push_str(&rest[..length]);
        rest = &rest[length..];
    }
    kept.push_str(rest);
    kept
}

/// The length of the markup `html` starts with (at a `<`): a comment, a tag with its
/// attributes (and, for a raw text element, its text up to the end tag), a doctype or an end
/// tag; 1 for a `<` that starts none of them (text, as a browser reads it).
fn markup_length(html: &str) -> usize {
    if html.starts_with("<!--") {
        return html.find("-->").map_or(html.len(), |end| end + "-->".len());
    }
    let bytes = html.as_bytes();
    match bytes.get(1) {
        Some(b'/' | b'!' | b'?') => html.find('>').map_or(html.len(), |end| end + 1),
        Some(c) if c.is_ascii_alphabetic() => {
            let tag = start_tag_length(html);
            tag + raw_text_length(html, tag)
        }
        _ => 1,
    }
}

/// The length of the start tag `html` starts with, through its `>`; a `>` in a quoted
/// attribute value does not end it.
fn start_tag_length(html: &str) -> usize {
    let mut quote = None;
    // After an `=` (and any spaces), where a quote opens a value.
    let mut at_value = false;
    for (at, c) in html.char_indices() {
        if let Some(open) = quote {
            quote = (c != open).then_some(open);
            continue;
        }
        match c {
            '>' => return at + 1,
            '"' | '\'' if at_value => quote = Some(c),
            c if c.is_ascii_whitespace() && at_value => continue,
            _ => {}
        }
        at_value = c == '=';
    }
    html.len()
}

/// The length of the raw text after the start tag (`tag` bytes of `html`) of a
/// [`RAW_TEXT_ELEMENTS`] element, up to its end tag; 0 for any other element.
fn raw_text_length(html: &str, tag: usize) -> usize {
    let name: String = html[1..tag]
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    // (`<script/>` opens a script too: in HTML, `/>` closes only void and foreign elements.)
    if !RAW_TEXT_ELEMENTS.contains(&name.as_str()) {
        return 0;
    }
    let text = &html.as_bytes()[tag..];
    let end_tag = format!("</{name}");
    text.windows(end_tag.len())
        .position(|at| at.eq_ignore_ascii_case(end_tag.as_bytes()))
        .unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(name: &str) -> Written {
        Written {
            name: name.into(),
            integrity: "sha384-x".into(),
        }
    }

    #[test]
    fn a_page_names_its_route_and_loads_its_files_under_the_public_url() {
        let assets = Assets {
            public_url: "/directory/".into(),
            gate: written("gate-1.js"),
            boot: written("boot-2.js"),
            stylesheet: written("site-3.css"),
        };
        let rendered = RenderedPage {
            head: "<title>Camba</title>".into(),
            body: "<div id=\"tc-prerender\"></div>".into(),
        };
        let html = page(&Route::Coop("camba".into()), Lang::En, &rendered, &assets);
        assert!(
            html.contains(r#"<html lang="en" data-tc-route="/coops/camba" data-tc-chunk="coop">"#)
        );
        assert!(!html.contains("i18n/"), "English is built into the app");
        let spanish = page(&Route::Coop("camba".into()), Lang::Es, &rendered, &assets);
        assert!(
            spanish.contains(
                r#"<html lang="es" data-tc-route="/es/coops/camba" data-tc-chunk="coop">"#
            )
        );
        // The not-found view is in the app's main module: no chunk to preload.
        let not_found = page(&Route::NotFound, Lang::En, &rendered, &assets);
        assert!(not_found.contains(r#"<html lang="en" data-tc-route="*">"#));
        assert!(spanish.contains(r#"<link rel="preload" href="i18n/es.json" as="fetch""#));
        assert!(html.contains(r#"<base href="/directory/">"#));
        assert!(
            html.contains(r#"<script src="/directory/gate-1.js" integrity="sha384-x"></script>"#)
        );
        assert!(html.contains(r#"<script type="module" src="/directory/boot-2.js""#));
        assert!(html.contains(r#"href="/directory/site-3.css""#));
        assert!(html.contains("<title>Camba</title>"));
        assert!(html.contains("<body>\n<div id=\"tc-prerender\"></div>\n</body>"));
        // gate.js comes before the stylesheet, so it runs before the first paint.
        assert!(html.find("gate-1.js").unwrap() < html.find("site-3.css").unwrap());
    }

    #[test]
    fn the_renderers_markers_are_left_out_of_the_markup() {
        assert_eq!(
            without_render_markers("<p>Cambá<!> · <!>Argentina</p><!><ul><li>a</li><!></ul>"),
            "<p>Cambá · Argentina</p><ul><li>a</li></ul>"
        );
        assert_eq!(
            without_render_markers(r#"<!--<() />--><ol aria-label="Co-ops"><!><!></ol>"#),
            r#"<ol aria-label="Co-ops"></ol>"#
        );
        assert_eq!(
            without_render_markers("<noscript><p>Scripts<!> are off</p></noscript>"),
            "<noscript><p>Scripts are off</p></noscript>"
        );
    }

    #[test]
    fn text_attributes_comments_and_raw_text_keep_their_characters() {
        for kept in [
            // Text, escaped as the renderer escapes it; a `<` that starts no markup.
            "<p>&lt;!&gt; and 1 < 2 and 3 <! 4</p>",
            // Attribute values, quoted either way, with a `>` before the marker.
            r#"<a title="a > b <!>" href = '/?q=<!>'>x</a>"#,
            // A comment that is not a marker.
            "<!-- <!> stays -->",
            // Raw text elements, in any case, and JSON with markers' characters.
            r#"<script type="application/ld+json">{"name": "<!>", "x": "<!--<() />-->"}</script>"#,
            "<STYLE>a::after { content: '<!>'; }</Style>",
            "<title>A <!> title</title><textarea><!></textarea>",
            "<!doctype html>",
        ] {
            assert_eq!(without_render_markers(kept), kept);
        }
        // After a raw text element, markers are markup again.
        assert_eq!(
            without_render_markers("<script>let a = '<!>';</script><!><p>x</p>"),
            "<script>let a = '<!>';</script><p>x</p>"
        );
        // As in a browser, `/>` does not close a script: what follows is its text.
        let unclosed = "<script src=\"a.js\"/><!><p>x</p>";
        assert_eq!(without_render_markers(unclosed), unclosed);
    }

    #[test]
    fn a_page_carries_no_render_markers() {
        let assets = Assets {
            public_url: "/".into(),
            gate: written("gate-1.js"),
            boot: written("boot-2.js"),
            stylesheet: written("site-3.css"),
        };
        let rendered = RenderedPage {
            head: "<title>Camba</title><!>".into(),
            body: "<div id=\"tc-prerender\"><!--<() />--><p>a<!>b</p></div>".into(),
        };
        let html = page(&Route::Coop("camba".into()), Lang::En, &rendered, &assets);
        assert!(html.contains("<div id=\"tc-prerender\"><p>ab</p></div>"));
        assert!(!html.contains("<!>"));
    }
}
