//! Headless Chromium through chromedriver, each test with its own driver and profile.
//!
//! The driver process and the browser it starts are always stopped: [`Browser::close`] ends the
//! WebDriver session, and dropping the [`Browser`] kills chromedriver and any Chromium still
//! using this test's profile directory, so a failing test leaves nothing running.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{Map, json};

/// The flags this machine needs: no sandbox as root, and no background traffic to hosts the
/// closed network refuses.
const CHROMIUM_ARGS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
];

static NEXT_PROFILE: AtomicUsize = AtomicUsize::new(0);

/// A running chromedriver with one browser session.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    _driver: DriverProcess,
}

/// chromedriver and the profile directory of its browser; cleaned up on drop.
struct DriverProcess {
    child: Child,
    profile: PathBuf,
}

impl Browser {
    /// Starts chromedriver on a free port and opens a headless Chromium session.
    pub async fn start() -> Self {
        Self::start_with(&[]).await
    }

    /// [`Browser::start`] with extra Chromium flags.
    pub async fn start_with(extra_args: &[&str]) -> Self {
        let port = free_port();
        let driver_bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let child = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {driver_bin}: {e} (scripts/setup.sh test installs it)")
            });
        let driver = DriverProcess {
            child,
            profile: std::env::temp_dir().join(format!(
                "tc-e2e-{}-{}",
                std::process::id(),
                NEXT_PROFILE.fetch_add(1, Ordering::SeqCst)
            )),
        };
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| a.to_string()).collect();
        args.extend(extra_args.iter().map(|a| a.to_string()));
        args.push(format!("--user-data-dir={}", driver.profile.display()));
        let mut options = json!({ "args": args });
        if let Ok(bin) = std::env::var("CHROMIUM") {
            options["binary"] = json!(bin);
        } else if std::path::Path::new("/usr/bin/chromium").exists() {
            options["binary"] = json!("/usr/bin/chromium");
        }
        let mut caps = Map::new();
        caps.insert("goog:chromeOptions".into(), options);

        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(e) if Instant::now() > deadline => {
                    panic!("cannot open a Chromium session: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        Browser {
            client,
            _driver: driver,
        }
    }

    /// Ends the session (closing Chromium); the driver is killed when `self` drops.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // A browser whose session never closed (a panic mid-request) is found by its profile.
        let _ = Command::new("pkill")
            .arg("-f")
            .arg("--")
            .arg(format!("--user-data-dir={}", self.profile.display()))
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}
