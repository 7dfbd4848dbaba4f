//! Where the app runs: read once by whoever starts it (the browser's entry point, or the build
//! rendering static pages) and passed in, so that no component reaches into the browser while
//! it renders, and the same components render natively and in the browser.

use std::sync::Arc;

use coops_core::embed::EmbedConfig;
use coops_core::query::QueryShare;
use leptos::prelude::*;

/// The app's surroundings, provided once at the root.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Host {
    /// The path the app is served under, without a trailing slash: `""` at a site's root,
    /// `"/directory"` under a sub-path; in another site's page, that page's path (the router's
    /// base).
    pub base: String,
    /// What app paths are prefixed with in links: the base, or in another site's page the app's
    /// own address (`https://example.org/directory`), since its pages are not the host's.
    pub link_prefix: String,
    /// The app's public address, with origin and a trailing slash
    /// (`https://example.org/directory/`), for the embed snippet.
    pub app_url: String,
    /// What an embedding page asked for (`?embed=1&…`, or the host element's attributes).
    pub embed: EmbedConfig,
    /// Mounted in another site's page rather than framed: the address is the host's.
    pub in_page: bool,
    /// Rendered at build time into a static page, which the app replaces when it arrives.
    pub prerendering: bool,
}

impl Host {
    /// An app path (`/join`) as a link target: under the base (`/directory/join`), or, mounted
    /// in a host page, at the app's own address.
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.link_prefix)
    }

    /// A browser path (`/directory/join`) as an app path (`/join`), for the router's
    /// `navigate`, which adds the base itself.
    pub fn app_path(&self, pathname: &str) -> String {
        match pathname.strip_prefix(self.base.as_str()) {
            Some("") => "/".to_string(),
            Some(rest) if rest.starts_with('/') => rest.to_string(),
            _ => pathname.to_string(),
        }
    }

    /// `href` with the embed settings kept in it, so a reload inside a frame stays embedded.
    /// In a host page the address belongs to the host, so nothing is added.
    pub fn keep_embed_in(&self, href: &str) -> String {
        if self.in_page {
            href.to_string()
        } else {
            self.embed.keep_in(href)
        }
    }

    /// Where a data file is (`data/directory.json`): relative to `<base>` on the app's own
    /// page, at the app's own address in another site's page.
    pub fn data_url(&self, path: &str) -> String {
        if self.in_page {
            format!("{}/{path}", self.link_prefix)
        } else {
            path.to_string()
        }
    }

    /// The app's share of the address's query string: all of it, or in a host page only its
    /// prefixed keys, beside the host's.
    pub fn query_share(&self) -> QueryShare {
        if self.in_page {
            QueryShare::IN_PAGE
        } else {
            QueryShare::WHOLE
        }
    }

    /// Whether the app shows itself as embedded (a frame, or another site's page).
    pub fn embedded(&self) -> bool {
        self.embed.embed
    }
}

/// Makes `host` available to every component.
pub fn provide_host(host: Host) {
    provide_context(Arc::new(host));
}

/// The app's surroundings ([`provide_host`]), shared: every card asks for it.
pub fn use_host() -> Arc<Host> {
    expect_context::<Arc<Host>>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn under(base: &str) -> Host {
        Host {
            base: base.into(),
            link_prefix: base.into(),
            ..Host::default()
        }
    }

    #[test]
    fn app_paths_lose_the_base_and_hrefs_gain_it() {
        let host = under("/directory");
        assert_eq!(host.app_path("/directory"), "/");
        assert_eq!(host.app_path("/directory/join"), "/join");
        assert_eq!(host.app_path("/directoryx"), "/directoryx");
        assert_eq!(host.href("/coops/a"), "/directory/coops/a");
        assert_eq!(under("").app_path("/join"), "/join");
        assert_eq!(under("").href("/"), "/");
    }
}
