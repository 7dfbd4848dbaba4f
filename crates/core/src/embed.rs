//! How the app is shown when another site embeds it: `?embed=1`, which view, theme and colours.
//!
//! Read once from the URL the app was opened with (or from a host element's `data-`
//! attributes); invalid values are ignored. While embedded, the app keeps these parameters in
//! every URL it writes, so a reload inside the frame stays embedded. Read and written as every
//! query the app keeps in its address is ([`UrlCodec`]).

use crate::i18n::Lang;
use crate::query::{UrlCodec, encode_pairs, parse_query_string};

/// Which part of the app an embed shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedView {
    /// Search, filters, map and list.
    #[default]
    Full,
    /// The map (and the remote group) only.
    Map,
    /// Search, filters and the list, without the map.
    List,
}

impl EmbedView {
    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            EmbedView::Full => "full",
            EmbedView::Map => "map",
            EmbedView::List => "list",
        }
    }
    fn parse(value: &str) -> Option<Self> {
        match value {
            "full" | "directory" => Some(EmbedView::Full),
            "map" => Some(EmbedView::Map),
            "list" => Some(EmbedView::List),
            _ => None,
        }
    }
}

/// A forced colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Light whatever the system says.
    Light,
    /// Dark whatever the system says.
    Dark,
}

impl Theme {
    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Everything an embedding page can set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedConfig {
    /// Embedded: no site header and footer, compact, a link to the full app.
    pub embed: bool,
    /// What to show on the directory.
    pub view: EmbedView,
    /// A forced colour scheme; the system's when `None`.
    pub theme: Option<Theme>,
    /// Primary colour, `#rrggbb`.
    pub primary: Option<String>,
    /// Accent colour, `#rrggbb`.
    pub accent: Option<String>,
    /// The language, where the embedding page asks for one (`lang=es`); otherwise the app's
    /// address says it (`/es/…`).
    pub lang: Option<Lang>,
}

/// The query keys this module owns; the directory's codec ignores them.
pub const EMBED_KEYS: [&str; 6] = ["embed", "view", "theme", "primary", "accent", "lang"];

impl UrlCodec for EmbedConfig {
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut config = EmbedConfig::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "embed" => config.embed = matches!(value, "1" | "true" | "yes" | ""),
                "view" => config.view = EmbedView::parse(value).unwrap_or(config.view),
                "theme" => {
                    config.theme = match value {
                        "light" => Some(Theme::Light),
                        "dark" => Some(Theme::Dark),
                        _ => config.theme,
                    }
                }
                "primary" => config.primary = parse_color(value).or(config.primary),
                "accent" => config.accent = parse_color(value).or(config.accent),
                "lang" => config.lang = Lang::parse(value).or(config.lang),
                _ => {}
            }
        }
        config
    }

    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if self.embed {
            pairs.push(("embed", "1".to_string()));
        }
        if self.view != EmbedView::Full {
            pairs.push(("view", self.view.as_str().to_string()));
        }
        if let Some(theme) = self.theme {
            pairs.push(("theme", theme.as_str().to_string()));
        }
        if let Some(primary) = &self.primary {
            pairs.push(("primary", primary.trim_start_matches('#').to_string()));
        }
        if let Some(accent) = &self.accent {
            pairs.push(("accent", accent.trim_start_matches('#').to_string()));
        }
        if let Some(lang) = self.lang {
            pairs.push(("lang", lang.code().to_string()));
        }
        pairs
    }
}

impl EmbedConfig {
    /// Appends these settings to an app URL (`/join?a=x` → `/join?a=x&embed=1`).
    pub fn keep_in(&self, href: &str) -> String {
        let extra = self.to_query_string();
        if extra.is_empty() {
            href.to_string()
        } else if href.contains('?') {
            format!("{href}&{extra}")
        } else {
            format!("{href}?{extra}")
        }
    }
}

/// `#8e0b56`, `8e0b56`, `#abc` → `#8e0b56` / `#aabbcc`; anything else (names, `url(...)`,
/// `;` tricks) → `None`, so a URL can never inject CSS.
pub fn parse_color(value: &str) -> Option<String> {
    let hex = value.trim().trim_start_matches('#');
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        6 => Some(format!("#{}", hex.to_ascii_lowercase())),
        3 => Some(format!(
            "#{}",
            hex.chars()
                .flat_map(|c| [c, c])
                .collect::<String>()
                .to_ascii_lowercase()
        )),
        _ => None,
    }
}

/// The HTML a host pastes to embed the app: a frame on `view_url` (the app's address for the
/// view, embed settings included) and the resize script from `script_url`.
pub fn iframe_snippet(view_url: &str, script_url: &str, title: &str) -> String {
    let attr = crate::text::escape_html;
    format!(
        "<iframe src=\"{}\" title=\"{}\" data-tech-coops loading=\"lazy\" style=\"width: 100%; height: 800px; border: 0;\"></iframe>\n<script src=\"{}\" async></script>",
        attr(view_url),
        attr(title),
        attr(script_url)
    )
}

/// Removes the embed parameters from a query string, for the "open the full app" link.
pub fn without_embed_keys(query: &str) -> String {
    let pairs = parse_query_string(query);
    encode_pairs(
        pairs
            .iter()
            .filter(|(k, _)| !EMBED_KEYS.contains(&k.as_str()))
            .map(|(k, v)| (k.as_str(), v.as_str())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_setting() {
        let config = EmbedConfig::from_query_string(
            "embed=1&view=map&theme=dark&primary=%23123ABC&accent=0f0&region=europe&lang=es-AR",
        );
        assert_eq!(
            config,
            EmbedConfig {
                embed: true,
                view: EmbedView::Map,
                theme: Some(Theme::Dark),
                primary: Some("#123abc".into()),
                accent: Some("#00ff00".into()),
                lang: Some(Lang::Es),
            }
        );
        assert_eq!(
            config.to_query_string(),
            "embed=1&view=map&theme=dark&primary=123abc&accent=00ff00&lang=es"
        );
        assert_eq!(
            EmbedConfig::from_query_string(&config.to_query_string()),
            config
        );
    }

    #[test]
    fn ignores_invalid_values() {
        let config = EmbedConfig::from_query_string(
            "embed=maybe&view=globe&theme=neon&primary=red&accent=%23123;background:url(x)&lang=pt",
        );
        assert_eq!(config, EmbedConfig::default());
        assert_eq!(parse_color("#12345"), None);
        assert_eq!(parse_color("javascript:1"), None);
    }

    #[test]
    fn keeps_settings_in_app_urls() {
        let config = EmbedConfig::from_query_string("embed=1&view=list");
        assert_eq!(config.keep_in("/join"), "/join?embed=1&view=list");
        assert_eq!(config.keep_in("/?q=web"), "/?q=web&embed=1&view=list");
        assert_eq!(EmbedConfig::default().keep_in("/join"), "/join");
    }

    #[test]
    fn the_snippet_escapes_what_it_quotes() {
        let snippet = iframe_snippet(
            "https://x.org/?q=a&embed=1",
            "https://x.org/embed.js",
            "Co-ops \"here\"",
        );
        assert_eq!(
            snippet,
            "<iframe src=\"https://x.org/?q=a&amp;embed=1\" title=\"Co-ops &quot;here&quot;\" data-tech-coops loading=\"lazy\" style=\"width: 100%; height: 800px; border: 0;\"></iframe>\n<script src=\"https://x.org/embed.js\" async></script>"
        );
    }

    #[test]
    fn the_full_app_link_drops_only_embed_settings() {
        assert_eq!(
            without_embed_keys("?region=europe&embed=1&tag=a&theme=dark&view=map"),
            "region=europe&tag=a"
        );
    }
}
