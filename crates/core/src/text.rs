//! Text folding for search and ids: lower case, accents removed.
//!
//! "camba" must find "Cambá" and "liberte" "Codeurs en Liberté". A full Unicode
//! transliteration table (deunicode) or NFD decomposition (unicode-normalization) would add
//! tens of kilobytes to the wasm for scripts the list does not use, so this folds the Latin
//! letters with diacritics (Latin-1 Supplement, Latin Extended-A, and the Romanian comma
//! letters) and drops combining marks, which covers text typed already decomposed. Anything
//! else is only lower-cased, so other scripts still match themselves.

/// Text made safe inside HTML elements and quoted attributes: `&`, `<`, `>`, `"` and `'`
/// become character references.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Lower-cases `text` and strips Latin diacritics: `"Codeurs en Liberté"` → `"codeurs en liberte"`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], appending to `out` (lets the index build one haystack without temporaries).
pub fn fold_into(text: &str, out: &mut String) {
    // Runs of ASCII, most of any list, are copied and lower-cased a run at a time: the index
    // folds every co-op's text when the dataset loads (a char at a time took twice as long).
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        rest = &rest[c.len_utf8()..];
        for lower in c.to_lowercase() {
            match fold_lower(lower) {
                Some(ascii) => out.push_str(ascii),
                None => out.push(lower),
            }
        }
    }
}

/// The ASCII for a lower-case Latin letter with a diacritic; `""` for a combining mark.
fn fold_lower(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        // Typographic quotes and dashes, so "we’re" matches "we're".
        '‘' | '’' => "'",
        '“' | '”' => "\"",
        '–' | '—' => "-",
        '\u{0300}'..='\u{036f}' => "",
        _ => return None,
    })
}

/// A URL-safe id: folded, ASCII letters and digits, words joined by `-`.
/// `"Codeurs en Liberté"` → `"codeurs-en-liberte"`, `"Web|Alternatif"` → `"web-alternatif"`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Whether `id` is a lower-case slug, as every id of the dataset and the guide is (what
/// [`slugify`] writes): not empty, ASCII lower-case letters, digits and `-` only, so it
/// stands in a URL and a path as written.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Splits a folded query into the words that must all match.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_html_replaces_the_five_characters_that_matter() {
        assert_eq!(escape_html(r#"a<b>&"c'"#), "a&lt;b&gt;&amp;&quot;c&#39;");
        assert_eq!(escape_html("Cambá"), "Cambá");
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Cambá"), "camba");
        assert_eq!(fold("Codeurs en Liberté"), "codeurs en liberte");
        assert_eq!(fold("24ème"), "24eme");
        assert_eq!(fold("Tierra Común"), "tierra comun");
        assert_eq!(fold("A CORUÑA"), "a coruna");
        assert_eq!(fold("Straße Œuvre Łódź"), "strasse oeuvre lodz");
        assert_eq!(fold("Saint-Martin-d’Hères"), "saint-martin-d'heres");
    }

    #[test]
    fn folds_decomposed_input_like_precomposed() {
        // "é" typed as "e" + COMBINING ACUTE ACCENT.
        assert_eq!(fold("Libert\u{0065}\u{0301}"), fold("Liberté"));
    }

    #[test]
    fn leaves_other_scripts_matching_themselves() {
        assert_eq!(fold("Кооператив"), "кооператив");
        assert_eq!(fold("協同組合"), "協同組合");
    }

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(slugify("Codeurs en Liberté"), "codeurs-en-liberte");
        assert_eq!(slugify("Web|Alternatif"), "web-alternatif");
        assert_eq!(slugify("  Les-Tilleuls.coop "), "les-tilleuls-coop");
        assert_eq!(slugify("24ème"), "24eme");
        assert_eq!(slugify("!!!"), "");
        for written in ["codeurs-en-liberte", "les-tilleuls-coop", "24eme"] {
            assert!(is_slug(written), "{written}");
        }
        for not_one in ["", "Camba", "web development", "café", "a_b", "../x"] {
            assert!(!is_slug(not_one), "{not_one:?}");
        }
    }
}
