//! The site's own addresses: a page's public address, and whether two paths are one page.

/// A page's public address under the site's root: its app path, ending in `/` (`/coops/camba/`)
/// as a static host serves its folder's `index.html` (GitHub Pages and Cloudflare Pages
/// redirect the form without the slash to it): the canonical address, the sitemap's, and the
/// structured data's.
pub fn page_address(app_path: &str) -> String {
    if app_path.ends_with('/') {
        app_path.to_string()
    } else {
        format!("{app_path}/")
    }
}

/// Whether the paths `a` and `b` are one page's: the same but for a trailing `/` (`/join/`, as
/// a static host serves the page and the sitemap names it, and `/join`, as the app links to it).
pub fn same_page(a: &str, b: &str) -> bool {
    page_address(a) == page_address(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_the_same_with_or_without_its_trailing_slash() {
        assert!(same_page("/join/", "/join"));
        assert!(same_page("/es/join", "/es/join/"));
        assert!(same_page("/", "/"));
        assert!(same_page("/es/", "/es"));
        assert!(!same_page("/", "/join"));
        assert!(!same_page("/join", "/joint"));
        assert!(!same_page("/es/", "/es/join"));
    }

    #[test]
    fn page_addresses_end_in_a_slash_once() {
        assert_eq!(page_address("/"), "/");
        assert_eq!(page_address("/coops/camba"), "/coops/camba/");
        assert_eq!(page_address("/join/"), "/join/");
    }
}
