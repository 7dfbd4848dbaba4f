//! Names that cross languages: element ids, classes, `data-` attributes, globals, performance
//! marks and time-outs that the app (Rust), the quick search (Rust, another wasm), the build
//! (crates/site) and the small JavaScript files (`public/js/*.js`) must agree on.
//!
//! One place, so that a rename is one edit: the Rust code uses these constants, and the build
//! writes [`for_javascript`] into each JavaScript file's one placeholder. A name used only inside
//! one component stays in that component.

/// The element that holds the page the build pre-rendered, until the app replaces it.
pub const PRERENDER_ROOT_ID: &str = "tc-prerender";

/// The loading line shown instead of the pre-rendered page where it would be the wrong one.
pub const BOOT_LOADING_ID: &str = "tc-boot-loading";

/// The notice shown when the app's code cannot be downloaded.
pub const APP_FAILED_ID: &str = "app-failed";

/// The notice the panic hook reveals.
pub const CRASH_ID: &str = "crash";

/// The element another site's page gives the app to mount into (in-page mode).
pub const HOST_ELEMENT_ID: &str = "tech-coops-app";

/// The directory's search box.
pub const SEARCH_BOX_ID: &str = "directory-search";

/// The `<main>` element of every page.
pub const MAIN_ID: &str = "main";

/// Classes `gate.js` and `boot.js` set on `<html>`: scripts run; the page at this address is not
/// the pre-rendered one; the app's code could not be downloaded.
pub const JS_CLASS: &str = "tc-js";
/// See [`JS_CLASS`].
pub const DEEP_LINK_CLASS: &str = "tc-deep-link";
/// See [`JS_CLASS`].
pub const APP_FAILED_CLASS: &str = "tc-app-failed";

/// The attribute on `<html>` naming the app path a pre-rendered page shows (`/coops/camba`),
/// or `*` for the not-found page, which is right at any address a host sends it for.
pub const ROUTE_ATTRIBUTE: &str = "data-tc-route";

/// The attribute on `<html>` naming the chunk of the app (split by route) that a page's view
/// is, so gate.js starts its download beside the app's main module.
pub const ROUTE_CHUNK_ATTRIBUTE: &str = "data-tc-chunk";

/// The function `gate.js` leaves on `window` to start the app's downloads (its main module
/// and the page's chunk), which `boot.js` calls when the page started with the quick search.
pub const PRELOAD_APP_GLOBAL: &str = "__tcPreloadApp";

/// The attribute that carries a co-op's id on its card and on its item in the remote group.
pub const COOP_ID_ATTRIBUTE: &str = "data-coop-id";

/// Classes the quick search reads in the pre-rendered directory: each card's list item, the
/// result count, the line under the cards, the remote and worldwide group's list, heading and
/// "more" line, and a filter option's count.
pub const RESULT_ITEM_CLASS: &str = "result-list__item";
/// See [`RESULT_ITEM_CLASS`].
pub const RESULT_COUNT_CLASS: &str = "result-count";
/// See [`RESULT_ITEM_CLASS`].
pub const RESULT_MORE_CLASS: &str = "result-list__more";
/// See [`RESULT_ITEM_CLASS`].
pub const REMOTE_LIST_CLASS: &str = "world-map__remote-list";
/// See [`RESULT_ITEM_CLASS`].
pub const REMOTE_TITLE_CLASS: &str = "world-map__remote-title";
/// See [`RESULT_ITEM_CLASS`].
pub const REMOTE_MORE_CLASS: &str = "world-map__remote-more";
/// See [`RESULT_ITEM_CLASS`].
pub const FACET_COUNT_CLASS: &str = "facet__count";

/// The ids of the filter panel's inputs, which the quick search finds counts by (through their
/// labels): a business area's checkbox is `tag-<id>`.
pub const TAG_INPUT_PREFIX: &str = "tag-";
/// See [`TAG_INPUT_PREFIX`].
pub const REMOTE_INPUT_ID: &str = "facet-remote";
/// See [`TAG_INPUT_PREFIX`].
pub const DEFUNCT_INPUT_ID: &str = "facet-defunct";

/// Globals on `window`: CSP violations seen (boot.js), the dataset's text fetched once and
/// handed from boot.js to the app, the app's address recorded by mount.js, the app's wasm
/// bindings (for the benchmark and the tests).
pub const CSP_VIOLATIONS_GLOBAL: &str = "__cspViolations";
/// See [`CSP_VIOLATIONS_GLOBAL`].
pub const DATASET_GLOBAL: &str = "__techCoopsDataset";
/// See [`CSP_VIOLATIONS_GLOBAL`].
pub const MOUNTED_BASE_GLOBAL: &str = "__techCoopsBase";
/// See [`CSP_VIOLATIONS_GLOBAL`].
pub const BINDINGS_GLOBAL: &str = "wasmBindings";

/// The dataset and the guide, relative to the app's address.
pub const DATASET_PATH: &str = "data/directory.json";
/// See [`DATASET_PATH`].
pub const GUIDE_PATH: &str = "data/join.json";
/// The whole dataset as CSV (`crate::export::csv`), published by the build.
pub const DIRECTORY_CSV_PATH: &str = "data/directory.csv";
/// The whole dataset as GeoJSON (`crate::export::geojson`), published by the build.
pub const DIRECTORY_GEOJSON_PATH: &str = "data/directory.geojson";
/// The folder of the Murmurations profiles (`crate::export::murmurations`), published by the
/// build: one `<co-op id>.json` each, and [`MURMURATIONS_INDEX`] listing them.
pub const MURMURATIONS_DIR: &str = "data/murmurations";
/// The list of the published Murmurations profiles, with the co-ops left out and why.
pub const MURMURATIONS_INDEX: &str = "data/murmurations/index.json";
/// The id of the `<script type="application/json">` in the directory's pre-rendered page that
/// holds the quick search's words in the page's language (`coops_core::messages::QUICK_SEARCH_MESSAGES`).
pub const QUICK_WORDS_ID: &str = "tc-quick-words";

/// The tech co-ops list, where every entry comes from and can always be read.
pub const LIST_URL: &str = "https://github.com/hng/tech-coops";

/// The `localStorage` key of the visitor's language: set when they choose one, read by gate.js
/// on a visit to the site's root.
pub const LANG_STORAGE_KEY: &str = "tech-coops-lang";
/// The map geometry, relative to the app's address.
pub const WORLD_PATH: &str = "data/world.json";
/// The close-up map's geometry (`coops_core::geo::CloseUp`), fetched only when the camera
/// comes close.
pub const WORLD_CLOSE_PATH: &str = "data/world-close.json";
/// The co-op pages' locator maps, one `<co-op id>.json` each (`coops_core::locator`),
/// written by the site build.
pub const LOCATOR_DIR: &str = "data/locator";

/// How long a download may take before it is given up, in milliseconds: the app's own fetches
/// and boot.js's fetch of the dataset.
pub const FETCH_TIMEOUT_MS: u32 = 10_000;

/// The performance mark set when the directory's search box first filters the list (by the
/// quick search on the pre-rendered list, or by the app when it starts elsewhere); the
/// benchmark's "filterable" time.
pub const FILTERABLE_MARK: &str = "directory: filterable";

/// The performance mark set when the app has taken over the directory, its filters included
/// (the map follows: [`MAP_DRAWN_MARK`]).
pub const APP_READY_MARK: &str = "directory: app ready";

/// Performance mark: the app has drawn the map (it fetches the geometry after the list).
pub const MAP_DRAWN_MARK: &str = "directory: map drawn";

/// Performance measure of each re-clustering of the map's markers (after a zoom crosses a
/// step or the filters change), from the mark [`MAP_CLUSTER_START`].
pub const MAP_CLUSTER_MEASURE: &str = "map: cluster";
/// See [`MAP_CLUSTER_MEASURE`].
pub const MAP_CLUSTER_START: &str = "map: cluster start";

/// Performance mark: the app has replaced a pre-rendered page (any route).
pub const TAKEN_OVER_MARK: &str = "app: taken over";

/// Every name above that the JavaScript files use, as one JSON object: the build writes it into
/// each file's placeholder (`/*BUILD*/{}`, as `BUILD.names`).
pub fn for_javascript() -> serde_json::Value {
    serde_json::json!({
        "appFailedId": APP_FAILED_ID,
        "crashId": CRASH_ID,
        "jsClass": JS_CLASS,
        "deepLinkClass": DEEP_LINK_CLASS,
        "appFailedClass": APP_FAILED_CLASS,
        "routeAttribute": ROUTE_ATTRIBUTE,
        "routeChunkAttribute": ROUTE_CHUNK_ATTRIBUTE,
        "preloadAppGlobal": PRELOAD_APP_GLOBAL,
        "cspViolationsGlobal": CSP_VIOLATIONS_GLOBAL,
        "datasetGlobal": DATASET_GLOBAL,
        "mountedBaseGlobal": MOUNTED_BASE_GLOBAL,
        "hostElementId": HOST_ELEMENT_ID,
        "bindingsGlobal": BINDINGS_GLOBAL,
        "datasetPath": DATASET_PATH,
        "fetchTimeoutMs": FETCH_TIMEOUT_MS,
        "langStorageKey": LANG_STORAGE_KEY,
        // Every language as gate.js picks one: its code and its pages' prefix.
        "languages": crate::i18n::Lang::ALL
            .map(|lang| serde_json::json!({"code": lang.code(), "prefix": lang.prefix()})),
        // The directory's page in each language, as the pages name their route: where the
        // quick search starts first.
        "directoryRoutes": crate::i18n::Lang::ALL
            .map(|lang| if lang.prefix().is_empty() { "/" } else { lang.prefix() }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_javascript_name_is_a_non_empty_string_or_number() {
        let names = for_javascript();
        let object = names.as_object().expect("an object");
        assert!(object.len() >= 12);
        for (key, value) in object
            .iter()
            .filter(|(key, _)| !matches!(key.as_str(), "languages" | "directoryRoutes"))
        {
            let ok = value.as_str().is_some_and(|s| !s.is_empty())
                || value.as_u64().is_some_and(|n| n > 0);
            assert!(ok, "{key}: {value}");
        }
    }
}
