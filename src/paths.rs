//! The path the app is served under, and app paths within it.
//!
//! `trunk build --public-url /directory/` writes `<base href="/directory/">`; the router,
//! links, data URLs and the embed snippet all follow it, so the same build works at a site's
//! root or in a folder.

/// The path the app is served under: `""` at a site's root, `"/directory"` under a sub-path.
pub fn router_base() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// An app path (`/join`) as a link target under the base (`/directory/join`).
pub fn app_href(path: &str) -> String {
    format!("{}{path}", router_base())
}

/// A browser path (`/directory/join`) as an app path (`/join`), for the router's `navigate`,
/// which adds the base itself.
pub fn app_path(pathname: &str) -> String {
    let base = router_base();
    match pathname.strip_prefix(base.as_str()) {
        Some("") => "/".to_string(),
        Some(rest) if rest.starts_with('/') => rest.to_string(),
        _ => pathname.to_string(),
    }
}
