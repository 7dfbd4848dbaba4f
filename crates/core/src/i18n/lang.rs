//! The languages of the app: their codes, their URL prefixes and their own names. Every place
//! that names a language (the switcher, `<html lang>`, `hreflang`, the sitemap, an embed's
//! `lang=`) reads it from here.

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    /// English, at the site's root.
    #[default]
    En,
    /// Spanish, under `/es`.
    Es,
    /// French, under `/fr`.
    Fr,
    /// German, under `/de`.
    De,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Es, Lang::Fr, Lang::De];

    /// The BCP 47 code: `<html lang>`, `hreflang`, the catalog's file name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }

    /// The language's name in itself, as the switcher offers it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
        }
    }

    /// What its pages' paths begin with: nothing for English, `/es` for Spanish.
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Es => "/es",
            Lang::Fr => "/fr",
            Lang::De => "/de",
        }
    }

    /// Reads a language tag the way browsers and people write one: `es`, `es-AR`, `FR`,
    /// `de_CH`. `None` for a language the app does not speak.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language an app path is in, and the path without its prefix: `/es/join` is Spanish
    /// `/join`, `/es` Spanish `/`, `/estonia` English `/estonia`.
    pub fn split_path(path: &str) -> (Lang, &str) {
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            if let Some(rest) = path.strip_prefix(lang.prefix()) {
                match rest {
                    "" => return (lang, "/"),
                    rest if rest.starts_with('/') => return (lang, rest),
                    _ => {}
                }
            }
        }
        (Lang::En, path)
    }

    /// `path` (an app path, `/join`) in this language: `/es/join`; `/` becomes `/es/`.
    pub fn path(self, path: &str) -> String {
        format!("{}{path}", self.prefix())
    }

    /// Where its catalog is, relative to the app's address: `i18n/es.json` (the site serves
    /// `public/i18n/`).
    pub fn catalog_path(self) -> String {
        format!("i18n/{}.json", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_as_people_and_browsers_write_them() {
        assert_eq!(Lang::parse("es"), Some(Lang::Es));
        assert_eq!(Lang::parse("es-AR"), Some(Lang::Es));
        assert_eq!(Lang::parse(" FR-ca "), Some(Lang::Fr));
        assert_eq!(Lang::parse("de_CH"), Some(Lang::De));
        assert_eq!(Lang::parse("pt-BR"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn paths_carry_their_language_in_a_prefix() {
        assert_eq!(Lang::split_path("/es/join"), (Lang::Es, "/join"));
        assert_eq!(Lang::split_path("/es"), (Lang::Es, "/"));
        assert_eq!(Lang::split_path("/es/"), (Lang::Es, "/"));
        assert_eq!(Lang::split_path("/estonia"), (Lang::En, "/estonia"));
        assert_eq!(Lang::split_path("/coops/x"), (Lang::En, "/coops/x"));
        for lang in Lang::ALL {
            assert_eq!(Lang::split_path(&lang.path("/join")), (lang, "/join"));
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
    }
}
