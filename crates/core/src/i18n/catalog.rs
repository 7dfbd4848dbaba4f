//! A language's messages: a flat JSON object of keys and texts, in i18next's JSON format (the
//! one translation platforms such as Weblate and Crowdin read), so that translators edit a file
//! of their language and never the code.
//!
//! - `"{{name}}"` in a text is a placeholder, filled by [`Catalog::format`];
//! - a counted message has a key per plural form, `coops_one`, `coops_other` (and `coops_many`
//!   where the language has it: [`Plural::categories`]), chosen by [`Catalog::count`], which
//!   also writes `{{count}}` as the language writes numbers.
//!
//! [`check`] compares a translation with the English catalog: what is missing, left over, or
//! has other placeholders. The tests run it over every catalog of `public/i18n/`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use super::Lang;
use super::plural::{Plural, number, plural};

/// One language's messages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalog {
    lang: Lang,
    messages: HashMap<String, String>,
}

/// Why a catalog file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogError {
    /// The language whose file it is.
    pub lang: Lang,
    /// What is wrong, in words.
    pub reason: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "The {} messages could not be read: {}",
            self.lang.endonym(),
            self.reason
        )
    }
}

impl std::error::Error for CatalogError {}

impl Catalog {
    /// Reads `lang`'s catalog file: one JSON object whose every value is a text.
    pub fn parse(lang: Lang, text: &str) -> Result<Catalog, CatalogError> {
        let messages: HashMap<String, String> =
            serde_json::from_str(text).map_err(|error| CatalogError {
                lang,
                reason: format!("{error} (a catalog is one object of texts)"),
            })?;
        Ok(Catalog { lang, messages })
    }

    /// Reads `lang`'s catalog file from `folder`, a site or its sources (`public/`): the file
    /// is `folder/i18n/<code>.json` ([`Lang::catalog_path`]). For the site build and the tests.
    pub fn read(lang: Lang, folder: &std::path::Path) -> Result<Catalog, CatalogError> {
        let path = folder.join(lang.catalog_path());
        let text = std::fs::read_to_string(&path).map_err(|e| CatalogError {
            lang,
            reason: format!("{}: {e}", path.display()),
        })?;
        Catalog::parse(lang, &text)
    }

    /// The catalog's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text of `key`; the key itself when the catalog lacks it (which [`check`] keeps
    /// from being shipped), so a gap shows as a word out of place rather than as nothing.
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        self.messages.get(key).map_or(key, String::as_str)
    }

    /// The text of `key` with its placeholders filled from `args` (name, value).
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        interpolate(self.text(key), args)
    }

    /// The form of `key` for `n` things (`coops_one`, `coops_other`), with `{{count}}` written
    /// as the language writes numbers, and the other placeholders from `args`.
    pub fn count(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let form = format!("{key}_{}", plural(self.lang, n).suffix());
        let pattern = match self.messages.get(&form) {
            Some(pattern) => pattern.as_str(),
            None => self.other_form(key),
        };
        let count = number(self.lang, n);
        let mut all: Vec<(&str, &str)> = vec![("count", count.as_str())];
        all.extend_from_slice(args);
        interpolate(pattern, &all)
    }

    /// A counted message's `_other` form, else its key.
    fn other_form<'a>(&'a self, key: &'a str) -> &'a str {
        self.messages
            .get(&format!("{key}_other"))
            .map_or(key, String::as_str)
    }

    /// Every key, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(String::as_str)
    }

    /// The messages named in `names`, each counted one with all its plural forms: what a page
    /// hands to code that needs only those (the quick search).
    pub fn only(&self, names: &[&str]) -> Catalog {
        let wanted = |key: &str| {
            names.iter().any(|name| {
                key == *name
                    || key
                        .strip_prefix(name)
                        .and_then(|rest| rest.strip_prefix('_'))
                        .is_some_and(|form| {
                            [Plural::One, Plural::Many, Plural::Other]
                                .iter()
                                .any(|p| p.suffix() == form)
                        })
            })
        };
        Catalog {
            lang: self.lang,
            messages: self
                .messages
                .iter()
                .filter(|(key, _)| wanted(key))
                .map(|(key, text)| (key.clone(), text.clone()))
                .collect(),
        }
    }

    /// The catalog as its file writes it (keys in order), safe inside a `<script>` element:
    /// no `</` in it to end the element early.
    pub fn to_json(&self) -> String {
        let ordered: BTreeMap<&String, &String> = self.messages.iter().collect();
        serde_json::to_string(&ordered)
            .unwrap_or_default()
            .replace("</", "<\\/")
    }
}

/// `pattern` with each `{{name}}` replaced by its value in `args`; an unknown name stays as
/// written.
pub fn interpolate(pattern: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                let name = after[..end].trim();
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[start..start + 2 + end + 2]),
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of the placeholders in `pattern`, and of its marked spans (`<list>` for
/// `<list>…</list>`, see [`rich`]): a translation must keep them all.
pub fn placeholders(pattern: &str) -> BTreeSet<&str> {
    let mut names = BTreeSet::new();
    let mut rest = pattern;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            break;
        };
        names.insert(after[..end].trim());
        rest = &after[end + 2..];
    }
    for piece in rich(pattern) {
        if let Rich::Marked(name, _) = piece {
            // The opening tag as written, "<list>", so it cannot be taken for a placeholder.
            let at = pattern.find(&format!("<{name}>")).unwrap_or_default();
            names.insert(&pattern[at..at + name.len() + 2]);
        }
    }
    names
}

/// A piece of a text with marked spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rich<'a> {
    /// Plain text.
    Text(&'a str),
    /// `<name>text</name>`: a span the code gives a meaning to (a link, say), by its name.
    Marked(&'a str, &'a str),
}

/// `text` cut into plain text and marked spans (`Data from the <list>tech co-ops list</list>.`),
/// so that a translation can move a link within its sentence while the address stays in the
/// code. A tag without its closing one is plain text.
pub fn rich(text: &str) -> Vec<Rich<'_>> {
    let mut pieces = Vec::new();
    // Where the plain text not yet pushed starts, and where to look for the next tag.
    let (mut plain, mut at) = (0, 0);
    while let Some(offset) = text[at..].find('<') {
        let open = at + offset;
        match marked_at(text, open) {
            Some((name, inner, end)) => {
                if open > plain {
                    pieces.push(Rich::Text(&text[plain..open]));
                }
                pieces.push(Rich::Marked(name, inner));
                (plain, at) = (end, end);
            }
            None => at = open + 1,
        }
    }
    if plain < text.len() {
        pieces.push(Rich::Text(&text[plain..]));
    }
    pieces
}

/// The marked span whose opening tag starts at `open`: (name, inner text, end).
fn marked_at(text: &str, open: usize) -> Option<(&str, &str, usize)> {
    let rest = &text[open + 1..];
    let name = &rest[..rest.find('>')?];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        return None;
    }
    let inner_start = open + name.len() + 2;
    let close = format!("</{name}>");
    let inner_len = text[inner_start..].find(&close)?;
    let inner = &text[inner_start..inner_start + inner_len];
    Some((name, inner, inner_start + inner_len + close.len()))
}

/// Something wrong with a translation, measured against the English catalog.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// A message English has and the translation lacks (a counted one: one of its forms).
    Missing(String),
    /// A message the translation has and English does not.
    Unknown(String),
    /// Placeholders other than English's: (key, English's, the translation's).
    Placeholders(String, String, String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing(key) => write!(f, "{key}: missing"),
            Problem::Unknown(key) => write!(f, "{key}: not an English message"),
            Problem::Placeholders(key, english, found) => {
                write!(f, "{key}: placeholders {found}, English has {english}")
            }
        }
    }
}

/// A catalog's messages by base key: a counted message's forms under one key (`coops`).
fn by_base(catalog: &Catalog) -> BTreeMap<&str, BTreeMap<Option<Plural>, &str>> {
    let forms = [Plural::One, Plural::Many, Plural::Other];
    let mut bases: BTreeMap<&str, BTreeMap<Option<Plural>, &str>> = BTreeMap::new();
    for (key, text) in &catalog.messages {
        let counted = forms.iter().find_map(|&form| {
            key.strip_suffix(form.suffix())
                .and_then(|base| base.strip_suffix('_'))
                .map(|base| (base, Some(form)))
        });
        let (base, form) = counted.unwrap_or((key.as_str(), None));
        bases.entry(base).or_default().insert(form, text.as_str());
    }
    bases
}

/// What is wrong with `translation` against `english`: every English message, each counted
/// one in every form the translation's language uses, with the same placeholders (a form for
/// one thing may leave `{{count}}` out: "un seul"). Sorted, empty when all is well.
pub fn check(english: &Catalog, translation: &Catalog) -> Vec<Problem> {
    let reference = by_base(english);
    let translated = by_base(translation);
    let mut problems = Vec::new();
    let names = |set: &BTreeSet<&str>| format!("{set:?}");
    for (&base, forms) in &reference {
        let counted = forms.contains_key(&Some(Plural::Other));
        let Some(theirs) = translated.get(base) else {
            problems.push(Problem::Missing(base.to_string()));
            continue;
        };
        let wanted: Vec<Option<Plural>> = if counted {
            Plural::categories(translation.lang)
                .iter()
                .map(|&p| Some(p))
                .collect()
        } else {
            vec![None]
        };
        let english_other = forms
            .get(&Some(Plural::Other))
            .or_else(|| forms.get(&None))
            .copied()
            .unwrap_or_default();
        let expected = placeholders(english_other);
        for form in wanted {
            let key = match form {
                Some(p) => format!("{base}_{}", p.suffix()),
                None => base.to_string(),
            };
            let Some(text) = theirs.get(&form) else {
                problems.push(Problem::Missing(key));
                continue;
            };
            let found = placeholders(text);
            let fits = if form == Some(Plural::One) {
                found.is_subset(&expected)
            } else {
                found == expected
            };
            if !fits {
                problems.push(Problem::Placeholders(key, names(&expected), names(&found)));
            }
        }
    }
    for (&base, forms) in &translated {
        let known = reference.get(base).is_some_and(|theirs| {
            forms
                .keys()
                .all(|form| form.is_some() == theirs.contains_key(&Some(Plural::Other)))
        });
        if !known {
            problems.push(Problem::Unknown(base.to_string()));
        }
    }
    problems.sort();
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(lang: Lang, json: &str) -> Catalog {
        Catalog::parse(lang, json).expect("a catalog")
    }

    #[test]
    fn texts_fill_their_placeholders_and_counts_take_their_form() {
        let fr = catalog(
            Lang::Fr,
            r#"{"hello": "Bonjour {{name}} !", "coops_one": "{{count}} coopérative",
                "coops_many": "{{count}} de coopératives", "coops_other": "{{count}} coopératives"}"#,
        );
        assert_eq!(fr.format("hello", &[("name", "Ada")]), "Bonjour Ada !");
        assert_eq!(fr.count("coops", 0, &[]), "0 coopérative");
        assert_eq!(fr.count("coops", 1, &[]), "1 coopérative");
        assert_eq!(fr.count("coops", 1234, &[]), "1\u{202f}234 coopératives");
        assert_eq!(
            fr.count("coops", 1_000_000, &[]),
            "1\u{202f}000\u{202f}000 de coopératives"
        );
        // A gap shows its key, never nothing, never a panic.
        assert_eq!(fr.text("no-such-key"), "no-such-key");
        assert_eq!(fr.count("no-such-count", 3, &[]), "no-such-count");
        // An unknown or unclosed placeholder stays as written.
        assert_eq!(interpolate("{{who}} and {{", &[]), "{{who}} and {{");
        assert_eq!(
            placeholders("{{ a }} {{b}} {{a}}"),
            BTreeSet::from(["a", "b"])
        );
    }

    #[test]
    fn a_part_of_a_catalog_keeps_every_form_and_reads_back() {
        let es = catalog(
            Lang::Es,
            r#"{"coops_one": "{{count}} cooperativa", "coops_many": "{{count}} de cooperativas",
                "coops_other": "{{count}} cooperativas", "coopsx_one": "no",
                "count-none": "</script> ninguna", "footer": "Datos"}"#,
        );
        let part = es.only(&["coops", "count-none"]);
        let mut keys: Vec<&str> = part.keys().collect();
        keys.sort();
        assert_eq!(
            keys,
            ["coops_many", "coops_one", "coops_other", "count-none"]
        );
        let json = part.to_json();
        assert!(!json.contains("</"), "{json}");
        let back = Catalog::parse(Lang::Es, &json).expect("it reads back");
        assert_eq!(back, part);
        assert_eq!(back.count("coops", 2, &[]), "2 cooperativas");
        assert_eq!(back.text("count-none"), "</script> ninguna");
    }

    #[test]
    fn marked_spans_come_apart_from_the_text_around_them() {
        assert_eq!(
            rich("Data from the <list>list</list>, under <licence>CC0</licence>."),
            [
                Rich::Text("Data from the "),
                Rich::Marked("list", "list"),
                Rich::Text(", under "),
                Rich::Marked("licence", "CC0"),
                Rich::Text("."),
            ]
        );
        assert_eq!(rich("<a>x</a>"), [Rich::Marked("a", "x")]);
        // Not a marked span: plain text, whole.
        for plain in [
            "1 < 2 > 0",
            "<open> never closed",
            "<>x</>",
            "<B>x</B>",
            "",
            "a <",
        ] {
            let pieces = rich(plain);
            let whole: String = pieces
                .iter()
                .map(|p| match p {
                    Rich::Text(t) => *t,
                    Rich::Marked(..) => panic!("{plain:?}: {pieces:?}"),
                })
                .collect();
            assert_eq!(whole, plain);
        }
        assert_eq!(
            placeholders("{{n}} in <list>the list</list>"),
            BTreeSet::from(["<list>", "n"])
        );
    }

    #[test]
    fn a_file_that_is_not_one_object_of_texts_says_so() {
        for bad in ["[]", r#"{"a": 1}"#, r#"{"a": {"b": "c"}}"#, "{", ""] {
            let error = Catalog::parse(Lang::De, bad).expect_err(bad);
            assert_eq!(error.lang, Lang::De);
            assert!(
                error.to_string().starts_with("The Deutsch messages"),
                "{error}"
            );
        }
    }

    #[test]
    fn the_check_finds_gaps_leftovers_forms_and_placeholders() {
        let en = catalog(
            Lang::En,
            r#"{"title": "Co-ops", "hi": "Hi {{name}}", "coops_one": "{{count}} co-op",
                "coops_other": "{{count}} co-ops"}"#,
        );
        let good = catalog(
            Lang::Es,
            r#"{"title": "Cooperativas", "hi": "Hola {{name}}", "coops_one": "una cooperativa",
                "coops_many": "{{count}} de cooperativas", "coops_other": "{{count}} cooperativas"}"#,
        );
        assert_eq!(check(&en, &good), []);
        let bad = catalog(
            Lang::Es,
            r#"{"hi": "Hola {{nombre}}", "coops_one": "una", "coops_other": "{{count}} cooperativas",
                "extra": "de más", "title_one": "no contado"}"#,
        );
        assert_eq!(
            check(&en, &bad),
            [
                Problem::Missing("coops_many".into()),
                Problem::Missing("title".into()),
                Problem::Unknown("extra".into()),
                Problem::Unknown("title".into()),
                Problem::Placeholders("hi".into(), "{\"name\"}".into(), "{\"nombre\"}".into()),
            ]
        );
    }
}
