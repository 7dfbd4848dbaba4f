//! The in-page stylesheet: the app's stylesheets with every `rem` sized from the app's own base.
//!
//! In another site's page the app lives in a shadow root, but `rem` still follows the host's
//! root font size (mkdocs-material's is 125%, so 1rem is 20 px there). So the stylesheet loaded
//! into the shadow root says `calc(N * var(--tc-rem, 1rem))` wherever the sources say `Nrem`,
//! and the mount point sets `--tc-rem` to the visitor's default font size. The sources keep
//! plain `rem`; this is the only place that knows.
//!
//! A custom property cannot appear in an at-rule's condition, so a `rem` there is refused:
//! container queries say `em`, which a container query takes from the container (the app's
//! root, whose font size is the base).

/// What the in-page stylesheet cannot express.
#[derive(Debug, PartialEq)]
pub struct RemInCondition {
    /// The at-rule's condition, as written.
    pub condition: String,
}

impl std::fmt::Display for RemInCondition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}` sizes a condition in rem, which in-page follows the host's root font size; \
             write em (a container query takes it from the app's root)",
            self.condition.trim()
        )
    }
}

/// `css` with each `<number>rem` in a declaration written as a multiple of `--tc-rem`.
pub fn rem_from_app_base(css: &str) -> Result<String, RemInCondition> {
    let mut out = String::with_capacity(css.len() + css.len() / 4);
    let bytes = css.as_bytes();
    let mut i = 0;
    // Where the current at-rule's condition began (from `@` to its `{` or `;`).
    let mut condition_start: Option<usize> = None;
    while i < bytes.len() {
        let rest = &css[i..];
        if rest.starts_with("/*") {
            let end = rest.find("*/").map_or(css.len(), |e| i + e + 2);
            out.push_str(&css[i..end]);
            i = end;
            continue;
        }
        let c = bytes[i];
        if c == b'"' || c == b'\'' {
            let end = rest[1..]
                .find(c as char)
                .map_or(css.len(), |e| i + 1 + e + 1);
            out.push_str(&css[i..end]);
            i = end;
            continue;
        }
        match c {
            b'@' => condition_start = Some(i),
            b'{' | b';' => condition_start = None,
            _ => {}
        }
        if let Some((number, len)) = rem_length_at(css, i) {
            if let Some(start) = condition_start {
                let end = css[i..].find(['{', ';']).map_or(css.len(), |e| i + e);
                return Err(RemInCondition {
                    condition: css[start..end].to_string(),
                });
            }
            out.push_str(&format!("calc({number} * var(--tc-rem, 1rem))"));
            i += len;
            continue;
        }
        let width = rest.chars().next().map_or(1, char::len_utf8);
        out.push_str(&css[i..i + width]);
        i += width;
    }
    Ok(out)
}

/// A length in rem starting at `at` (`1.5rem`, `-0.25rem`, `.5rem`): its number and the length
/// of the whole token. Not inside a name (`.x2rem`, `lorem`).
fn rem_length_at(css: &str, at: usize) -> Option<(&str, usize)> {
    let bytes = css.as_bytes();
    let is_name = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    if at > 0 && (is_name(bytes[at - 1]) || bytes[at - 1] == b'.') {
        return None;
    }
    let mut end = at;
    if matches!(bytes.get(end), Some(b'-' | b'+')) {
        end += 1;
    }
    let digits_start = end;
    while bytes
        .get(end)
        .is_some_and(|b| b.is_ascii_digit() || *b == b'.')
    {
        end += 1;
    }
    if end == digits_start || !css[end..].starts_with("rem") {
        return None;
    }
    let number = &css[at..end];
    if number
        .trim_start_matches(['-', '+'])
        .parse::<f64>()
        .is_err()
    {
        return None;
    }
    let after = end + 3;
    if bytes.get(after).is_some_and(|b| is_name(*b)) {
        return None;
    }
    Some((number, after - at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rem_lengths_in_declarations_follow_the_app_base() {
        let css = ".a { margin: 1rem -0.25rem .5rem 0; width: min(100%, 19rem); }";
        assert_eq!(
            rem_from_app_base(css).unwrap(),
            ".a { margin: calc(1 * var(--tc-rem, 1rem)) calc(-0.25 * var(--tc-rem, 1rem)) \
             calc(.5 * var(--tc-rem, 1rem)) 0; width: min(100%, calc(19 * var(--tc-rem, 1rem))); }"
        );
    }

    #[test]
    fn names_comments_strings_and_other_units_are_left_alone() {
        let css = "/* 2rem */ .x2rem .world-map__remote-title { content: \"3rem\"; width: 2em; top: 1px; }";
        assert_eq!(rem_from_app_base(css).unwrap(), css);
    }

    #[test]
    fn a_rem_in_a_condition_is_refused_with_the_condition_named() {
        let error = rem_from_app_base("@container tc-app (min-width: 56rem) { .a { gap: 1rem } }")
            .unwrap_err();
        assert_eq!(error.condition, "@container tc-app (min-width: 56rem) ");
        assert!(error.to_string().contains("write em"), "{error}");
        // Declarations inside the block are fine.
        assert!(
            rem_from_app_base("@container tc-app (min-width: 56em) { .a { gap: 1rem } }").is_ok()
        );
    }

    #[test]
    fn the_apps_stylesheets_have_no_rem_in_a_condition() {
        let style = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../style");
        for file in crate::STYLESHEETS {
            let css = std::fs::read_to_string(style.join(file)).unwrap();
            if let Err(error) = rem_from_app_base(&css) {
                panic!("{file}: {error}");
            }
        }
    }
}
