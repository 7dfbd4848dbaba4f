//! The two ways to embed, side by side on tech-coops.xyz (scripts/tech-coops-xyz.sh): the app
//! in the page (`/directory/`, mount.js) and in a frame (`/directory-frame/`), each loaded
//! cold, taking turns. The figure is when the app's first view is in, on the host page's
//! clock: the mark `directory: app ready` (`coops_core::messages::APP_READY_MARK`), read in the
//! page itself or inside the frame, as a time since the host page's navigation began.

use std::time::{Duration, Instant};

use e2e::tech_coops_xyz::{app_server, host_server};
use e2e::{AppPage, Browser};
use serde_json::{Value, json};

use crate::first_view::Profile;
use crate::round;

/// The two pages of the comparison: its name in the output, the host page's path, and whether
/// the app is in a frame.
pub const MODES: [(&str, &str, bool); 2] = [
    ("in the page", "/directory/", false),
    ("in a frame", "/directory-frame/", true),
];

/// The app's mark, as milliseconds since the host page's navigation, once it is set.
const READY_SINCE_HOST: &str = "const m = performance.getEntriesByName('directory: app ready')[0]; return m ? performance.timeOrigin + m.startTime : null;";

/// Median milliseconds to the app's first view for each mode, on `profile`.
pub async fn measure(profile: &Profile) -> Value {
    let mut times: Vec<Vec<f64>> = MODES.iter().map(|_| Vec::new()).collect();
    for _ in 0..profile.runs {
        for (mode, times) in MODES.iter().zip(&mut times) {
            times.push(load_once(mode.1, mode.2, profile).await);
        }
    }
    let mut out = json!({});
    for (mode, mut times) in MODES.iter().zip(times) {
        times.sort_by(|a, b| a.total_cmp(b));
        out[mode.0] =
            json!({ "runs": profile.runs, "first_view_ms": round(times[times.len() / 2]) });
    }
    out
}

async fn load_once(path: &str, framed: bool, profile: &Profile) -> f64 {
    let app = app_server();
    app.enable_gzip();
    let host = host_server(&app);
    host.enable_gzip();
    let browser = Browser::start().await;
    let page = AppPage::new(browser.client.clone(), host.clone());
    if let Some((latency, bytes_per_s, cpu)) = profile.throttle {
        page.throttle(latency, bytes_per_s, cpu).await;
    }
    page.open_before_app(path).await;
    let host_origin = page
        .js("return performance.timeOrigin", vec![])
        .await
        .as_f64()
        .expect("the host page's time origin");
    if framed {
        page.find("iframe[data-tech-coops]").await;
        page.client.enter_frame(0).await.expect("the frame");
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    let ready = loop {
        if let Some(at) = page.js(READY_SINCE_HOST, vec![]).await.as_f64() {
            break at;
        }
        assert!(
            Instant::now() < deadline,
            "the app {path} never showed its first view on {}",
            profile.name
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    browser.close().await;
    app.stop();
    host.stop();
    ready - host_origin
}
