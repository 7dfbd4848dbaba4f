//! Plural categories and whole numbers as each language writes them: the CLDR rules (release
//! 46) for counts of things, which is all the app counts. Four languages' rules are a few lines
//! each; a crate with every language's would weigh more in the wasm than all of this module.

use super::Lang;

/// A CLDR plural category: which form of a word a count takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Plural {
    /// "1 co-op"; in French also 0.
    One,
    /// Spanish and French for round millions ("1 millón de cooperativas").
    Many,
    /// Everything else.
    Other,
}

impl Plural {
    /// The suffix a catalog key takes for it (`coops_one`), as in i18next's JSON.
    pub fn suffix(self) -> &'static str {
        match self {
            Plural::One => "one",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }

    /// The categories `lang` uses for whole numbers, so every catalog has each of them.
    pub fn categories(lang: Lang) -> &'static [Plural] {
        match lang {
            Lang::En | Lang::De => &[Plural::One, Plural::Other],
            Lang::Es | Lang::Fr => &[Plural::One, Plural::Many, Plural::Other],
        }
    }
}

/// The category of the whole number `n` in `lang`.
pub fn plural(lang: Lang, n: u64) -> Plural {
    let round_million = n != 0 && n.is_multiple_of(1_000_000);
    match lang {
        Lang::En | Lang::De if n == 1 => Plural::One,
        Lang::Es if n == 1 => Plural::One,
        Lang::Fr if n <= 1 => Plural::One,
        Lang::Es | Lang::Fr if round_million => Plural::Many,
        _ => Plural::Other,
    }
}

/// How `lang` writes the parts of a number: the separator between groups of three digits,
/// the fewest digits it groups, and the decimal separator.
fn separators(lang: Lang) -> (&'static str, usize, char) {
    match lang {
        Lang::En => (",", 4, '.'),
        Lang::Es => (".", 5, ','),
        Lang::Fr => ("\u{202f}", 4, ','),
        Lang::De => (".", 4, ','),
    }
}

/// The character between the whole part of a number and its decimals in `lang`.
pub fn decimal_separator(lang: Lang) -> char {
    separators(lang).2
}

/// `value` as `lang` writes it, with at most `places` decimals and none that are zero at the
/// end: 1,234.5 (English), 1234,5 (Spanish), 0,1 (French and German).
pub fn decimal(lang: Lang, value: f64, places: u32) -> String {
    let scale = 10u64.pow(places);
    let scaled = (value.max(0.0) * scale as f64).round() as u64;
    let (whole, fraction) = (scaled / scale, scaled % scale);
    let mut out = number(lang, whole);
    if fraction > 0 {
        let digits = format!("{fraction:0width$}", width = places as usize);
        out.push(separators(lang).2);
        out.push_str(digits.trim_end_matches('0'));
    }
    out
}

/// Reads an amount as a person of `lang` types it: `250000`, `250,000` or `250k` in English;
/// `250.000` or `250 000` in Spanish, French and German, whose decimal separator is a comma.
/// `None` for anything else, or for a negative amount.
pub fn parse_decimal(lang: Lang, text: &str) -> Option<f64> {
    let decimal = separators(lang).2;
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| {
            !(c.is_whitespace()
                || matches!(c, '_' | '\u{202f}' | '£' | '$' | '€')
                || (*c != decimal && matches!(c, ',' | '.')))
        })
        .map(|c| if c == decimal { '.' } else { c })
        .collect();
    let lower = cleaned.to_lowercase();
    let (number, factor) = match lower.strip_suffix('k') {
        Some(n) => (n, 1e3),
        None => match lower.strip_suffix('m') {
            Some(n) => (n, 1e6),
            None => (lower.as_str(), 1.0),
        },
    };
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let value = number.parse::<f64>().ok()? * factor;
    (value.is_finite() && value < 1e13).then_some(value)
}

/// `n` with the digits grouped as `lang` groups them: 12,345 (English), 12.345 (Spanish and
/// German), 12 345 (French, with a narrow no-break space). Spanish leaves four digits
/// ungrouped (1234), as CLDR does.
pub fn number(lang: Lang, n: u64) -> String {
    let (separator, min_digits, _) = separators(lang);
    let digits = n.to_string();
    if digits.len() < min_digits {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_and_read_as_each_language_does() {
        assert_eq!(decimal(Lang::En, 1234.5, 2), "1,234.5");
        assert_eq!(decimal(Lang::Es, 1234.5, 2), "1234,5");
        assert_eq!(decimal(Lang::De, 0.1, 2), "0,1");
        assert_eq!(decimal(Lang::Fr, 150.0, 2), "150");
        assert_eq!(decimal(Lang::En, 0.123, 2), "0.12");
        for (lang, typed, value) in [
            (Lang::En, "£250,000", Some(250_000.0)),
            (Lang::En, "250,000", Some(250_000.0)),
            (Lang::En, "250k", Some(250_000.0)),
            (Lang::En, "1.2m", Some(1_200_000.0)),
            (Lang::En, "12 345", Some(12_345.0)),
            (Lang::Es, "250.000", Some(250_000.0)),
            (Lang::Es, "1,5m", Some(1_500_000.0)),
            (Lang::De, "250.000,50", Some(250_000.5)),
            (Lang::Fr, "250\u{202f}000", Some(250_000.0)),
            (Lang::Fr, "250 000", Some(250_000.0)),
            (Lang::De, "viel", None),
            (Lang::Es, "-5", None),
            (Lang::Fr, "", None),
        ] {
            assert_eq!(parse_decimal(lang, typed), value, "{lang:?} {typed:?}");
        }
    }

    #[test]
    fn counts_take_each_languages_plural_form() {
        // CLDR's examples for whole numbers.
        for (lang, one, many, other) in [
            (Lang::En, &[1][..], &[][..], &[0, 2, 16, 100, 1_000_000][..]),
            (Lang::De, &[1], &[], &[0, 2, 16, 100, 1_000_000]),
            (
                Lang::Es,
                &[1],
                &[1_000_000, 2_000_000],
                &[0, 2, 16, 100, 1_000],
            ),
            (
                Lang::Fr,
                &[0, 1],
                &[1_000_000],
                &[2, 16, 100, 1_000, 1_000_001],
            ),
        ] {
            for &n in one {
                assert_eq!(plural(lang, n), Plural::One, "{lang:?} {n}");
            }
            for &n in many {
                assert_eq!(plural(lang, n), Plural::Many, "{lang:?} {n}");
            }
            for &n in other {
                assert_eq!(plural(lang, n), Plural::Other, "{lang:?} {n}");
            }
            for n in [0, 1, 2, 1_000_000] {
                assert!(Plural::categories(lang).contains(&plural(lang, n)));
            }
        }
    }

    #[test]
    fn numbers_are_grouped_as_each_language_writes_them() {
        assert_eq!(number(Lang::En, 139), "139");
        assert_eq!(number(Lang::En, 1234), "1,234");
        assert_eq!(number(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(number(Lang::De, 10_000), "10.000");
        assert_eq!(number(Lang::Es, 1234), "1234");
        assert_eq!(number(Lang::Es, 12_345), "12.345");
        assert_eq!(number(Lang::Fr, 1234), "1\u{202f}234");
        assert_eq!(number(Lang::Fr, 0), "0");
    }
}
