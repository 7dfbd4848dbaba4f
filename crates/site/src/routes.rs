//! The routes the build renders, and where each one's page goes.

use std::path::PathBuf;

use coops_core::Directory;
use coops_core::i18n::Lang;

use crate::SiteError;

/// A route whose page does not depend on the visitor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The directory.
    Home,
    /// A co-op's page (defunct ones too).
    Coop(String),
    /// Networks of co-ops.
    Networks,
    /// Resources.
    Resources,
    /// The joining guide, at its first question.
    Join,
    /// About.
    About,
    /// The page for any address that has none (`404.html`).
    NotFound,
}

impl Route {
    /// The app path the page shows.
    pub fn app_path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Coop(id) => format!("/coops/{id}"),
            Route::Networks => "/networks".into(),
            Route::Resources => "/resources".into(),
            Route::Join => "/join".into(),
            Route::About => "/about".into(),
            // No route has this path: the app draws its not-found view.
            Route::NotFound => "/404".into(),
        }
    }

    /// Where the page in `lang` goes in the site, so a static host serves it at its path:
    /// `coops/camba/index.html`, in Spanish `es/coops/camba/index.html`.
    pub fn file(&self, lang: Lang) -> PathBuf {
        let file = match self {
            Route::Home => PathBuf::from("index.html"),
            Route::NotFound => PathBuf::from("404.html"),
            other => PathBuf::from(other.app_path().trim_start_matches('/')).join("index.html"),
        };
        PathBuf::from(lang.prefix().trim_start_matches('/')).join(file)
    }

    /// What the page in `lang` tells `gate.js` it shows (`coops_core::names::ROUTE_ATTRIBUTE`):
    /// its path under the site's root without a trailing slash (`/es/join`, `/es`), or `*` for
    /// the not-found page, which is right wherever a host serves it.
    pub fn route_attribute(&self, lang: Lang) -> String {
        match self {
            Route::NotFound => "*".into(),
            Route::Home if lang != Lang::En => lang.prefix().into(),
            other => lang.path(&other.app_path()),
        }
    }

    /// The chunks of the split app that the routes' views are (src/pages/routes.rs,
    /// `chunked_view!`; networks and resources share one, `links`).
    pub const CHUNKS: [&'static str; 4] = ["directory", "coop", "join", "links"];

    /// The chunk of the split app its view is, which its page preloads; the about and not-found
    /// views are in the main module (src/pages/routes.rs says why).
    pub fn chunk(&self) -> Option<&'static str> {
        let index = match self {
            Route::Home => 0,
            Route::Coop(_) => 1,
            Route::Join => 2,
            Route::Networks | Route::Resources => 3,
            Route::About | Route::NotFound => return None,
        };
        Some(Self::CHUNKS[index])
    }

    /// Whether search engines should list it (in the sitemap).
    pub fn indexed(&self) -> bool {
        *self != Route::NotFound
    }
}

/// Every route of `directory`, in the sitemap's order; a co-op whose id cannot be a folder
/// name stops the build, naming it.
pub fn all(directory: &Directory) -> Result<Vec<Route>, SiteError> {
    let mut routes = vec![
        Route::Home,
        Route::Networks,
        Route::Resources,
        Route::Join,
        Route::About,
    ];
    for coop in &directory.coops {
        if !safe_folder_name(&coop.id) {
            return Err(SiteError::UnsafeId {
                id: coop.id.clone(),
                name: coop.name.clone(),
            });
        }
        routes.push(Route::Coop(coop.id.clone()));
    }
    routes.push(Route::NotFound);
    Ok(routes)
}

/// Letters, digits, `-`, `_` and `.`, not starting with `.`: a name that stays in its folder on
/// every host and needs no escaping in a URL.
fn safe_folder_name(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_go_where_a_static_host_serves_their_path() {
        let en = Lang::En;
        assert_eq!(Route::Home.file(en), PathBuf::from("index.html"));
        assert_eq!(
            Route::Coop("camba".into()).file(en),
            PathBuf::from("coops/camba/index.html")
        );
        assert_eq!(Route::Join.file(en), PathBuf::from("join/index.html"));
        assert_eq!(Route::NotFound.file(en), PathBuf::from("404.html"));
        assert_eq!(Route::NotFound.route_attribute(en), "*");
        assert_eq!(Route::About.route_attribute(en), "/about");
        assert_eq!(Route::Coop("camba".into()).chunk(), Some("coop"));
        assert_eq!(Route::Home.chunk(), Some("directory"));
        assert_eq!(Route::About.chunk(), None);
        assert_eq!(Route::NotFound.chunk(), None);
        assert_eq!(Route::Home.route_attribute(en), "/");
    }

    #[test]
    fn each_language_has_its_pages_in_a_folder_of_its_own() {
        let es = Lang::Es;
        assert_eq!(Route::Home.file(es), PathBuf::from("es/index.html"));
        assert_eq!(
            Route::Coop("camba".into()).file(es),
            PathBuf::from("es/coops/camba/index.html")
        );
        assert_eq!(Route::NotFound.file(es), PathBuf::from("es/404.html"));
        // As gate.js trims the address: no trailing slash.
        assert_eq!(Route::Home.route_attribute(es), "/es");
        assert_eq!(Route::Join.route_attribute(es), "/es/join");
        assert_eq!(Route::NotFound.route_attribute(es), "*");
    }

    #[test]
    fn ids_that_would_leave_their_folder_are_refused() {
        for bad in ["../etc", "a/b", "", ".hidden", "a\\b", "a b", "é"] {
            assert!(!safe_folder_name(bad), "{bad:?}");
        }
        for good in ["camba", "codeurs-en-liberte", "co_op.2"] {
            assert!(safe_folder_name(good), "{good:?}");
        }
    }
}
