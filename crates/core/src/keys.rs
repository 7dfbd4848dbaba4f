//! The site's keyboard shortcuts, decided once for the app and the quick search.

/// Whether a key press moves the focus to the directory's search box: `/` without Ctrl, Alt
/// or Meta (Shift may be needed to type it), unless the visitor is typing in a field or
/// editable text (`target_tag`, upper case as the DOM gives it), where `/` is text.
pub fn slash_focuses_search(
    key: &str,
    with_modifier: bool,
    target_tag: &str,
    target_editable: bool,
) -> bool {
    key == "/"
        && !with_modifier
        && !target_editable
        && !matches!(target_tag, "INPUT" | "TEXTAREA" | "SELECT")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slash_focuses_the_search_unless_typing_or_with_a_modifier() {
        assert!(slash_focuses_search("/", false, "BODY", false));
        assert!(slash_focuses_search("/", false, "A", false));
        assert!(!slash_focuses_search("/", false, "INPUT", false));
        assert!(!slash_focuses_search("/", false, "TEXTAREA", false));
        assert!(!slash_focuses_search("/", false, "SELECT", false));
        assert!(!slash_focuses_search("/", false, "DIV", true));
        assert!(!slash_focuses_search("/", true, "BODY", false));
        assert!(!slash_focuses_search("a", false, "BODY", false));
        assert!(!slash_focuses_search("?", false, "BODY", false));
    }
}
