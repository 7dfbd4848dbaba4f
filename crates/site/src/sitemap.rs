//! `sitemap.xml` and `robots.txt`.

use coops_core::text::escape_html;

/// A sitemap listing `urls` (absolute).
pub fn sitemap(urls: &[String]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", escape_html(url)));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// A robots.txt that allows everything and names the sitemap.
pub fn robots(sitemap_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_url_escaped() {
        let xml = sitemap(&["https://x.org/".into(), "https://x.org/?a=1&b=2".into()]);
        assert!(xml.contains("<loc>https://x.org/</loc>"));
        assert!(xml.contains("<loc>https://x.org/?a=1&amp;b=2</loc>"));
        assert_eq!(xml.matches("<url>").count(), 2);
        assert!(robots("https://x.org/sitemap.xml").contains("Sitemap: https://x.org/sitemap.xml"));
    }
}
