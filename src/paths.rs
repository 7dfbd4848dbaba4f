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

/// The app's own address when it is mounted in another site's page: `mount.js` records it as
/// `window.__techCoopsBase` (`https://example.org/directory/`). `None` on the app's own page.
pub fn mounted_base() -> Option<String> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &"__techCoopsBase".into())
        .ok()?
        .as_string()
}

thread_local! {
    /// What app paths are prefixed with in links, worked out once: neither the page's base nor
    /// the host page's record of the app's address changes while the app runs, and every card
    /// asks (a handful of calls into the browser each).
    static LINK_PREFIX: String = match mounted_base() {
        Some(base) => base.trim_end_matches('/').to_string(),
        None => router_base(),
    };
}

/// An app path (`/join`) as a link target: under the base (`/directory/join`), or, mounted in
/// a host page, at the app's own address.
pub fn app_href(path: &str) -> String {
    LINK_PREFIX.with(|prefix| format!("{prefix}{path}"))
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
