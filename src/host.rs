//! Where the app runs: read once by whoever starts it (the browser's entry point, or the build
//! rendering static pages) and passed in, so that no component reaches into the browser while
//! it renders, and the same components render natively and in the browser.

use std::sync::Arc;

use coops_core::embed::EmbedConfig;
use coops_core::i18n::Lang;
use coops_core::query::QueryShare;
use leptos::prelude::*;

/// The app's surroundings, provided once at the root.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Host {
    /// The path the app is served under, without a trailing slash: `""` at a site's root,
    /// `"/directory"` under a sub-path; in another site's page, that page's path. The router's
    /// base is this and the language's prefix ([`Host::router_base`]).
    pub base: String,
    /// The language the app speaks: from the path's prefix (`/es/…`), or an embed's `lang`.
    pub lang: Lang,
    /// What app paths are prefixed with in links: the base, or in another site's page the app's
    /// own address (`https://example.org/directory`), since its pages are not the host's.
    pub link_prefix: String,
    /// The app's public address, with origin and a trailing slash
    /// (`https://example.org/directory/`), whatever the language: its files are there.
    pub app_url: String,
    /// What an embedding page asked for (`?embed=1&…`, or the host element's attributes).
    pub embed: EmbedConfig,
    /// Mounted in another site's page rather than framed: the address is the host's.
    pub in_page: bool,
    /// Rendered at build time into a static page, which the app replaces when it arrives.
    pub prerendering: bool,
}

impl Host {
    /// The router's base: the app's path and its language's prefix (`/directory/es`). In
    /// another site's page the address is the host's, with no language in it.
    pub fn router_base(&self) -> String {
        if self.in_page {
            self.base.clone()
        } else {
            format!("{}{}", self.base, self.lang.prefix())
        }
    }

    /// An app path (`/join`) as a link target, in the app's language: under the base
    /// (`/directory/es/join`), or, mounted in a host page, at the app's own address.
    pub fn href(&self, path: &str) -> String {
        self.href_in(self.lang, path)
    }

    /// An app path as a link target in `lang` (the language switcher's links).
    pub fn href_in(&self, lang: Lang, path: &str) -> String {
        format!("{}{}", self.link_prefix, lang.path(path))
    }

    /// The public address of an app path's page in the app's language
    /// (`https://example.org/directory/es/coops/camba`): canonical addresses, the embed
    /// snippet, what Share sends.
    pub fn page_url(&self, path: &str) -> String {
        self.page_url_in(self.lang, path)
    }

    /// The public address of an app path's page in `lang` (`hreflang` alternates).
    pub fn page_url_in(&self, lang: Lang, path: &str) -> String {
        format!(
            "{}{}",
            self.app_url.trim_end_matches('/'),
            lang.path(&coops_core::address::page_address(path))
        )
    }

    /// A browser path (`/directory/es/join`) as an app path (`/join`), for the router's
    /// `navigate`, which adds the base itself.
    pub fn app_path(&self, pathname: &str) -> String {
        match pathname.strip_prefix(self.router_base().as_str()) {
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

    #[test]
    fn a_language_other_than_english_adds_its_prefix() {
        let host = Host {
            lang: Lang::Es,
            app_url: "https://example.org/directory/".into(),
            ..under("/directory")
        };
        assert_eq!(host.router_base(), "/directory/es");
        assert_eq!(host.app_path("/directory/es/join"), "/join");
        assert_eq!(host.app_path("/directory/es"), "/");
        assert_eq!(host.href("/join"), "/directory/es/join");
        assert_eq!(host.href_in(Lang::En, "/join"), "/directory/join");
        assert_eq!(
            host.page_url("/coops/camba"),
            "https://example.org/directory/es/coops/camba/"
        );
        assert_eq!(host.page_url("/"), "https://example.org/directory/es/");
        assert_eq!(
            host.page_url_in(Lang::En, "/"),
            "https://example.org/directory/"
        );
    }
}
