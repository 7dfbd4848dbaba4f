//! End-to-end test harness: the built `dist/` served on 127.0.0.1 by [`server::StaticServer`],
//! driven in headless Chromium through chromedriver by [`browser::Browser`], with page objects
//! in [`pages`] so tests read like what a visitor does.
//!
//! Every test goes through [`run`], which starts the processes, runs the test body, and always
//! stops them again, also when the body panics.

pub mod browser;
pub mod expected;
pub mod pages;
pub mod server;
pub mod synth;
pub mod tech_coops_xyz;

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;

use futures_util::FutureExt;

pub use browser::Browser;
pub use pages::AppPage;
pub use server::{Reply, Served, StaticServer};

/// The built site: `$DIST_DIR`, or `dist/` at the workspace root.
pub fn dist_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DIST_DIR") {
        return PathBuf::from(dir);
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dist = root.join("dist");
    assert!(
        dist.join("index.html").exists(),
        "no built site at {}: run `trunk build --release` first (make test does)",
        dist.display()
    );
    dist
}

/// The build under a sub-path: `$SUBPATH_DIST_DIR`, or `target/dist-subpath` (scripts/test.sh
/// builds it with `--public-url /directory/`).
pub fn subpath_dist_dir() -> PathBuf {
    let dir = std::env::var_os("SUBPATH_DIST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/dist-subpath")
        });
    assert!(
        dir.join("index.html").exists(),
        "no sub-path build at {}: run `trunk build --release --public-url /directory/ --dist target/dist-subpath`",
        dir.display()
    );
    dir
}

/// The path in dist/ of the built file whose name starts with `stem` and ends with `ext`
/// (names carry a hash), as the server serves it: `/tech-coops-app-….wasm`.
pub fn built_file(stem: &str, ext: &str) -> String {
    std::fs::read_dir(dist_dir())
        .expect("dist/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with(stem) && name.ends_with(ext))
        .map(|name| format!("/{name}"))
        .unwrap_or_else(|| panic!("a {stem}…{ext} file in dist/"))
}

/// The folder of the app's files in dist/ (`app-<hash>`: the build splits the app by route,
/// crates/site/src/wasm.rs).
pub fn app_folder() -> String {
    std::fs::read_dir(dist_dir())
        .expect("dist/")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with("app-"))
        .expect("an app-<hash> folder in dist/")
}

/// The app's main wasm module, as the server serves it.
pub fn app_wasm_path() -> String {
    format!("/{}/main_bg.wasm", app_folder())
}

/// The wasm module of the split point `chunk` (a route's: `about`), as the server serves it.
pub fn chunk_path(chunk: &str) -> String {
    let path = format!("/{}/split_{chunk}.wasm", app_folder());
    assert!(
        dist_dir().join(path.trim_start_matches('/')).is_file(),
        "no chunk {path} in dist/"
    );
    path
}

/// Serves `dist/`, opens a browser on it, runs `test`, and cleans up whatever happens.
pub async fn run<F, Fut>(test: F)
where
    F: FnOnce(AppPage) -> Fut,
    Fut: Future<Output = ()>,
{
    run_with(StaticServer::start(dist_dir()), test).await;
}

/// [`run`] with a server the test has configured (overrides, faults).
pub async fn run_with<F, Fut>(server: StaticServer, test: F)
where
    F: FnOnce(AppPage) -> Fut,
    Fut: Future<Output = ()>,
{
    let browser = Browser::start().await;
    let page = AppPage::new(browser.client.clone(), server.clone());
    let outcome = AssertUnwindSafe(test(page)).catch_unwind().await;
    browser.close().await;
    server.stop();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}
