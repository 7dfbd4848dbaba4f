//! What real static hosts need beside the pages: precompressed copies of every text, JSON and
//! wasm file (`.gz` and `.br`, served as they are by nginx's `gzip_static` and
//! `brotli_static`, and by hosts that look for them), and ready-to-use configuration that sends
//! the Content-Security-Policy and answers unknown paths with the not-found page: an nginx
//! server block, `_headers` and `_redirects` (Netlify, Cloudflare Pages), and `.nojekyll`
//! (GitHub Pages, which serves `404.html` by itself).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{SiteError, read, write};

/// The policy the app runs under (docs/hosting.md, "Content-Security-Policy"); the browser
/// tests load every page under it.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; object-src 'none'";

/// Extensions of the files worth compressing.
const COMPRESSED: [&str; 10] = [
    "html", "css", "js", "json", "wasm", "svg", "xml", "txt", "csv", "geojson",
];

/// Writes `<file>.gz` and `<file>.br` beside every compressible file under `dir`; returns how
/// many files were compressed. Brotli at its best quality is slow: the files are shared out
/// among the machine's cores.
pub fn precompress(dir: &Path) -> Result<usize, SiteError> {
    let files: Vec<PathBuf> = files(dir)?
        .into_iter()
        .filter(|file| {
            file.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|ext| COMPRESSED.contains(&ext))
        })
        .collect();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let compress = |file: &PathBuf| -> Result<(), SiteError> {
        let bytes = read(file)?;
        write(&with_suffix(file, "gz"), &gzip(&bytes))?;
        write(&with_suffix(file, "br"), &brotli(&bytes))
    };
    std::thread::scope(|scope| {
        let shares: Vec<_> = (0..workers)
            .map(|worker| {
                let files = &files;
                scope.spawn(move || {
                    files
                        .iter()
                        .skip(worker)
                        .step_by(workers)
                        .try_for_each(compress)
                })
            })
            .collect();
        shares
            .into_iter()
            .try_for_each(|share| share.join().expect("a compressing thread panicked"))
    })?;
    Ok(files.len())
}

/// Every file under `dir`, in a stable order.
fn files(dir: &Path) -> Result<Vec<PathBuf>, SiteError> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|error| SiteError::Io {
            path: folder.clone(),
            error,
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_os_string();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// gzip at its best level.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}

/// brotli at its best quality.
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli into memory");
    out
}

/// An nginx server block for the site at `public_url` (`/` or `/directory/`), its files in
/// `root` + `public_url`, listening on `listen`: precompressed files served as they are, the
/// policy sent, a folder's `index.html` for its path, the not-found page with status 404 for
/// anything else, and hashed files cached for a year.
pub fn nginx_server(public_url: &str, root: &str, listen: &str) -> String {
    // Each language's pages say "not found" in it.
    let languages: String = other_languages()
        .map(|code| {
            format!(
                r#"    location {public_url}{code}/ {{
        add_header Content-Security-Policy "{CONTENT_SECURITY_POLICY}" always;
        add_header X-Content-Type-Options nosniff always;
        error_page 404 {public_url}{code}/404.html;
        try_files $uri $uri/index.html =404;
    }}
"#
            )
        })
        .collect();
    format!(
        r#"# The tech co-ops directory, built for {public_url}: a server block for nginx, with the built
# site (dist/) at {root}{public_url}. It needs the brotli_static module (Debian:
# libnginx-mod-http-brotli-static); without it, drop that line and the gzip copies are still
# served. Written by the site build (crates/site/src/hosting.rs).
server {{
    listen {listen};
    root {root};
    # The precompressed copies the build writes beside each file.
    gzip_static on;
    brotli_static on;
    types {{
        text/html html;
        text/css css;
        text/javascript js;
        application/json json;
        application/geo+json geojson;
        text/csv csv;
        application/wasm wasm;
        image/svg+xml svg;
        application/xml xml;
        text/plain txt;
    }}
    charset utf-8;
    charset_types text/css text/javascript application/json application/geo+json text/csv application/xml text/plain;
    error_page 404 {public_url}404.html;

    location {public_url} {{
        add_header Content-Security-Policy "{CONTENT_SECURITY_POLICY}" always;
        add_header X-Content-Type-Options nosniff always;
        # A path's own file, or its folder's page; anything else is the not-found page.
        try_files $uri $uri/index.html =404;
    }}
{languages}    # Files named by their content's hash never change, nor do those in the app's folder,
    # named by the hash of all of them. (Trunk's hashes drop leading zeros: up to 16 digits.)
    location ~ "^{public_url}(.*-[0-9a-f]{{1,16}}(_bg)?\.(js|css|wasm)|app-[0-9a-f]{{16}}/[^/]+)$" {{
        add_header Content-Security-Policy "{CONTENT_SECURITY_POLICY}" always;
        add_header X-Content-Type-Options nosniff always;
        add_header Cache-Control "public, max-age=31536000, immutable" always;
    }}
}}
"#
    )
}

/// `_headers` (Netlify and Cloudflare Pages): the policy on every page, and long caching of
/// hashed files.
pub fn headers_file(public_url: &str) -> String {
    format!(
        "# Netlify and Cloudflare Pages: headers for the tech co-ops directory.\n\
         {public_url}*\n  Content-Security-Policy: {CONTENT_SECURITY_POLICY}\n  X-Content-Type-Options: nosniff\n\
         {public_url}*.wasm\n  Cache-Control: public, max-age=31536000, immutable\n\
         {public_url}*.css\n  Cache-Control: public, max-age=31536000, immutable\n\
         {public_url}app-*\n  Cache-Control: public, max-age=31536000, immutable\n"
    )
}

/// `_redirects` (Netlify; Cloudflare Pages answers unknown paths with `404.html` by itself):
/// every path without a file gets the not-found page of its language, with status 404.
pub fn redirects_file(public_url: &str) -> String {
    let languages: String = other_languages()
        .map(|code| format!("{public_url}{code}/*  {public_url}{code}/404.html  404\n"))
        .collect();
    format!(
        "# Netlify: any path without a page gets the not-found page, with status 404. Every\n\
         # route is a file of its own, so no fallback to the directory is needed.\n\
         {languages}{public_url}*  {public_url}404.html  404\n"
    )
}

/// The codes of the languages whose pages are in a folder of their own (all but English).
fn other_languages() -> impl Iterator<Item = &'static str> {
    coops_core::i18n::Lang::ALL
        .into_iter()
        .filter(|lang| !lang.prefix().is_empty())
        .map(|lang| lang.code())
}

/// Writes the host configurations into `dir` (the built site) for `public_url`.
pub fn write_configs(dir: &Path, public_url: &str) -> Result<(), SiteError> {
    write(
        &dir.join("nginx.conf"),
        nginx_server(public_url, "/srv/www", "80").as_bytes(),
    )?;
    write(&dir.join("_headers"), headers_file(public_url).as_bytes())?;
    write(
        &dir.join("_redirects"),
        redirects_file(public_url).as_bytes(),
    )?;
    write(&dir.join(".nojekyll"), b"")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_decompress_to_the_original() {
        let text = "Worker-owned tech co-ops ".repeat(200);
        let mut back = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(&gzip(text.as_bytes())[..]),
            &mut back,
        )
        .unwrap();
        assert_eq!(back, text);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli(text.as_bytes())[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
        assert!(brotli(text.as_bytes()).len() < text.len() / 10);
    }

    #[test]
    fn precompresses_text_and_wasm_but_not_the_rest() {
        let dir = std::env::temp_dir().join(format!("coops-site-compress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        write(&dir.join("coops/a/index.html"), b"<p>hello</p>").unwrap();
        write(&dir.join("app_bg.wasm"), b"\0asm").unwrap();
        write(&dir.join("photo.png"), b"png").unwrap();
        assert_eq!(precompress(&dir).unwrap(), 2);
        assert!(dir.join("coops/a/index.html.br").is_file());
        assert!(dir.join("coops/a/index.html.gz").is_file());
        assert!(dir.join("app_bg.wasm.br").is_file());
        assert!(!dir.join("photo.png.gz").exists());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn the_configurations_send_the_policy_and_the_not_found_page() {
        let nginx = nginx_server("/directory/", "/srv/site", "8080");
        assert!(nginx.contains("location /directory/ {"));
        assert!(nginx.contains("root /srv/site;"));
        assert!(nginx.contains("error_page 404 /directory/404.html;"));
        assert!(nginx.contains(CONTENT_SECURITY_POLICY));
        assert!(
            nginx.contains(
                r#"location ~ "^/directory/(.*-[0-9a-f]{1,16}(_bg)?\.(js|css|wasm)|app-[0-9a-f]{16}/[^/]+)$""#
            )
        );
        assert!(headers_file("/").contains("Content-Security-Policy: default-src 'self'"));
        assert!(
            nginx.contains("location /directory/es/ {\n        add_header Content-Security-Policy")
        );
        assert!(nginx.contains("error_page 404 /directory/fr/404.html;"));
        let redirects = redirects_file("/");
        // The first rule that matches wins: each language's before the catch-all.
        let spanish = redirects.find("/es/*  /es/404.html  404").unwrap();
        assert!(spanish < redirects.find("\n/*  /404.html  404").unwrap());
    }
}
