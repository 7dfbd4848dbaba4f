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
        head = rendered.head,
        stylesheet = at(&assets.stylesheet.name),
        stylesheet_integrity = assets.stylesheet.integrity,
        dataset = DATASET_PATH,
        favicon = at("favicon.svg"),
        boot = at(&assets.boot.name),
        boot_integrity = assets.boot.integrity,
        body = rendered.body,
    )
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
}
