//! Which links may become `href`s.
//!
//! The dataset is edited by volunteers and may be served by anyone; a `javascript:` or `data:`
//! link in it must never reach the page. Only absolute http, https and mailto URLs pass.

/// The schemes a link may have.
const ALLOWED_SCHEMES: [&str; 3] = ["http://", "https://", "mailto:"];

/// `Some(url)` when `url` is an absolute http(s) URL with a host, or a mailto with an address;
/// `None` for everything else (other schemes, relative paths, `https:/one-slash`, whitespace
/// tricks, control characters).
pub fn safe_href(url: &str) -> Option<&str> {
    let url = url.trim();
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let lower = url.get(..8.min(url.len()))?.to_ascii_lowercase();
    let scheme = ALLOWED_SCHEMES.iter().find(|s| lower.starts_with(*s))?;
    let rest = &url[scheme.len()..];
    if *scheme == "mailto:" {
        return rest.contains('@').then_some(url);
    }
    let host = host_of(rest);
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_'));
    host_ok.then_some(url)
}

/// What a link labelled `label` shows of where it goes (`url`, a [`safe_href`]): the site
/// (`workers.coop`, without `www.`) or the address of a mailto, unless the label names it
/// already. The whole address is for print (the stylesheet adds it there): on a phone a long
/// path wraps into a jumble of slashes.
pub fn link_site<'a>(label: &str, url: &'a str) -> Option<&'a str> {
    let (scheme, rest) = url.split_once(':')?;
    let site = if scheme.eq_ignore_ascii_case("mailto") {
        // The address, without a subject or body.
        rest.split('?').next().unwrap_or(rest)
    } else {
        let host = host_of(rest.trim_start_matches('/'));
        host.get(..4)
            .filter(|www| www.eq_ignore_ascii_case("www."))
            .map_or(host, |_| &host[4..])
    };
    let named = label.to_lowercase().contains(&site.to_lowercase());
    (!site.is_empty() && !named).then_some(site)
}

/// The host of a web address after its `scheme://`: up to its path, query or fragment, after
/// any user name.
fn host_of(rest: &str) -> &str {
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.rsplit('@').next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::{link_site, safe_href};

    #[test]
    fn a_link_names_its_site_unless_its_label_does() {
        assert_eq!(
            link_site("CoTech's forum", "https://community.coops.tech/c/cotech/5"),
            Some("community.coops.tech")
        );
        assert_eq!(
            link_site(
                "workers.coop membership",
                "https://www.workers.coop/membership-2/"
            ),
            None
        );
        assert_eq!(
            link_site("Write to them", "mailto:solidarity@workers.coop"),
            Some("solidarity@workers.coop")
        );
        assert_eq!(
            link_site("solidarity@workers.coop", "mailto:solidarity@workers.coop"),
            None
        );
        assert_eq!(
            link_site("Sign up", "https://user@Example.org:8080?x=1"),
            Some("Example.org:8080")
        );
        assert_eq!(
            link_site("Write", "MAILTO:a@b.org?subject=Hi"),
            Some("a@b.org")
        );
        assert_eq!(
            link_site("Home", "HTTPS://WWW.Example.org/"),
            Some("Example.org")
        );
    }

    #[test]
    fn keeps_web_and_mail_links() {
        for ok in [
            "https://camba.coop",
            "http://agaric.coop/",
            "HTTPS://EXAMPLE.ORG/a?b=c#d",
            "mailto:solidarity@workers.coop",
            "https://codeursenliberté.fr/",
            "http://127.0.0.1:8080/x",
        ] {
            assert_eq!(safe_href(ok), Some(ok), "{ok}");
        }
    }

    #[test]
    fn drops_everything_else() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "/relative/path",
            "//evil.example/",
            "https:/example.com",
            "https://",
            "https:// example.com",
            "mailto:nobody",
            "",
            "ftp://example.org",
        ] {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
    }
}
