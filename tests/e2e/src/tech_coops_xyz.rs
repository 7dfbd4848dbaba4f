//! tech-coops.xyz as its maintainers would build it with the directory added
//! (scripts/tech-coops-xyz.sh), and the app beside it on another origin: for the embedding
//! tests and the benchmark's comparison of the two ways to embed.

use std::path::PathBuf;

use crate::{Reply, StaticServer, subpath_dist_dir};

/// The example address of the app in docs/embedding.md's snippets, which the built pages carry.
const README_APP_URL: &str = "https://example.org/directory/";

/// The built tech-coops.xyz (scripts/test.sh builds it).
pub fn site_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/tech-coops-xyz/site");
    assert!(
        dir.join("directory/index.html").exists(),
        "no tech-coops.xyz build at {}: run scripts/tech-coops-xyz.sh (make test does)",
        dir.display()
    );
    dir
}

/// The app, built under `/directory/`, on its own origin, with the CORS header a host on
/// another origin needs (module scripts, WebAssembly and the dataset).
pub fn app_server() -> StaticServer {
    let server = StaticServer::start_under(subpath_dist_dir(), "/directory");
    server.add_header("Access-Control-Allow-Origin", "*");
    server
}

/// tech-coops.xyz on its own origin, its pages pointing where `app` serves the app (the only
/// change to the built site: docs/embedding.md's example address becomes the test's).
pub fn host_server(app: &StaticServer) -> StaticServer {
    let root = site_dir();
    let server = StaticServer::start(&root);
    let app_url = app.url("/directory/");
    let mut pages = vec![root.clone()];
    while let Some(dir) = pages.pop() {
        for entry in std::fs::read_dir(&dir).expect("the built site").flatten() {
            let path = entry.path();
            if path.is_dir() {
                pages.push(path);
            } else if path.file_name().is_some_and(|n| n == "index.html") {
                let html = std::fs::read_to_string(&path).expect("a page");
                let relative = path.parent().unwrap().strip_prefix(&root).unwrap();
                let url = format!("/{}", relative.to_string_lossy());
                let url = if url == "/" { url } else { format!("{url}/") };
                server.set(
                    &url,
                    Reply::Body {
                        status: 200,
                        content_type: "text/html; charset=utf-8".into(),
                        body: html.replace(README_APP_URL, &app_url).into_bytes(),
                    },
                );
            }
        }
    }
    server
}
