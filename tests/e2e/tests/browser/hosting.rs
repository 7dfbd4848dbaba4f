//! The built site behind real nginx (Debian's package, started here) with the server block the
//! build ships (dist/nginx.conf): the Content-Security-Policy is sent, brotli is served to a
//! client that asks for it, every route's page is served at its path and survives a reload,
//! and an unknown path gets the not-found page with status 404.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use e2e::{dist_dir, run};
use serde_json::json;

/// Where Debian's nginx keeps its dynamic modules.
const BROTLI_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/// nginx serving `site` on a free port of 127.0.0.1 with the shipped server block; stopped on
/// drop.
struct Nginx {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Nginx {
    fn start(site: &Path) -> Nginx {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let dir = std::env::temp_dir().join(format!("e2e-nginx-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("nginx's folder");
        // The shipped block, with the two lines a deployment sets: where it listens, and the
        // folder that holds the site (here the built site itself, served at `/`).
        let shipped = std::fs::read_to_string(site.join("nginx.conf")).expect("dist/nginx.conf");
        assert!(shipped.contains("listen 80;") && shipped.contains("root /srv/www;"));
        let server = shipped
            .replace("listen 80;", &format!("listen 127.0.0.1:{port};"))
            .replace("root /srv/www;", &format!("root {};", site.display()));
        let temp = |name: &str| dir.join(name).display().to_string();
        let conf = format!(
            "load_module {BROTLI_MODULE};\nworker_processes 1;\ndaemon off;\npid {pid};\nerror_log {log} warn;\n\
             events {{ worker_connections 64; }}\n\
             http {{\n access_log off;\n client_body_temp_path {body};\n proxy_temp_path {proxy};\n\
             fastcgi_temp_path {fcgi};\n uwsgi_temp_path {uwsgi};\n scgi_temp_path {scgi};\n{server}\n}}\n",
            pid = temp("nginx.pid"),
            log = temp("error.log"),
            body = temp("body"),
            proxy = temp("proxy"),
            fcgi = temp("fastcgi"),
            uwsgi = temp("uwsgi"),
            scgi = temp("scgi"),
        );
        let conf_path = dir.join("nginx.conf");
        std::fs::write(&conf_path, conf).expect("nginx.conf");
        let child = Command::new("/usr/sbin/nginx")
            .arg("-c")
            .arg(&conf_path)
            .arg("-p")
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("nginx (scripts/setup.sh test installs it)");
        let nginx = Nginx { child, port, dir };
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "nginx did not start: {}",
                nginx.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        nginx
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("error.log")).unwrap_or_default()
    }

    /// A plain HTTP/1.1 GET on a connection of its own: (status, headers in lower case, body).
    fn get(
        &self,
        path: &str,
        accept_encoding: Option<&str>,
    ) -> (u16, Vec<(String, String)>, Vec<u8>) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        let encoding = accept_encoding
            .map(|e| format!("Accept-Encoding: {e}\r\n"))
            .unwrap_or_default();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{encoding}\r\n"
        )
        .expect("send");
        let mut reply = Vec::new();
        stream.read_to_end(&mut reply).expect("read");
        let split = reply
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("headers");
        let head = String::from_utf8_lossy(&reply[..split]).into_owned();
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .expect("status");
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        (status, headers, reply[split + 4..].to_vec())
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

#[test]
fn nginx_sends_the_policy_brotli_every_page_and_a_real_404() {
    let nginx = Nginx::start(&dist_dir());
    // Every page carries the policy; brotli to a client that asks, gzip to one that asks only
    // for gzip, the file as it is otherwise.
    for path in ["/", "/coops/camba", "/join", "/about", "/networks/"] {
        let (status, headers, _) = nginx.get(path, Some("br, gzip"));
        assert_eq!(status, 200, "{path}: {}", nginx.log());
        let policy = header(&headers, "content-security-policy").unwrap_or_default();
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{path}: {headers:?}"
        );
        assert_eq!(
            header(&headers, "content-encoding"),
            Some("br"),
            "{path}: {headers:?}"
        );
    }
    let (_, headers, _) = nginx.get("/coops/camba", Some("gzip"));
    assert_eq!(header(&headers, "content-encoding"), Some("gzip"));
    let (_, headers, body) = nginx.get("/coops/camba", None);
    assert_eq!(header(&headers, "content-encoding"), None);
    let page = String::from_utf8_lossy(&body);
    assert!(
        page.contains("data-tc-route=\"/coops/camba\""),
        "the co-op's own page"
    );
    // The app's wasm, its main module and a route's chunk, with their type, compressed, and
    // cached for ever (their folder's name has their hash).
    for wasm in [e2e::app_wasm_path(), e2e::chunk_path("coop")] {
        let (status, headers, _) = nginx.get(&wasm, Some("br"));
        assert_eq!(status, 200, "{wasm}");
        assert_eq!(header(&headers, "content-type"), Some("application/wasm"));
        assert_eq!(header(&headers, "content-encoding"), Some("br"));
        assert!(
            header(&headers, "cache-control")
                .unwrap_or_default()
                .contains("immutable"),
            "{wasm}: {headers:?}"
        );
    }
    // An unknown path: the not-found page, with status 404 and the policy.
    let (status, headers, body) = nginx.get("/no/such/page", None);
    assert_eq!(status, 404);
    assert!(header(&headers, "content-security-policy").is_some());
    assert!(String::from_utf8_lossy(&body).contains("There is no page at this address"));
}

#[tokio::test]
async fn the_site_behind_nginx_works_in_the_browser_deep_links_reloads_and_not_found() {
    let nginx = Nginx::start(&dist_dir());
    let origin = nginx.url("");
    run(|app| async move {
        let app = app.with_origin(&origin);
        // A deep link, then a reload of it: the app takes over the co-op's own page.
        app.open("/coops/camba").await;
        app.reload().await;
        app.wait_until("the handover", TAKEN_OVER).await;
        assert_eq!(app.heading().await, "Cambá");
        // Within the app: back to the directory, and a search there.
        app.click_link("← All co-ops").await;
        app.wait_until("the directory", "location.pathname === '/'")
            .await;
        app.search("camba").await;
        app.wait_for_query("?q=camba").await;
        assert_eq!(app.result_count().await, 1);
        // An unknown address: nginx's 404 page is the app's not-found page.
        app.open("/no/such/page").await;
        assert_eq!(app.heading().await, "There is no page at this address");
        // Under the policy nginx sends, nothing was blocked.
        assert_eq!(
            app.js("return window.__cspViolations", vec![]).await,
            json!([])
        );
    })
    .await;
}

/// The app has replaced the pre-rendered page.
const TAKEN_OVER: &str =
    "!document.getElementById('tc-prerender') && !!document.querySelector('body > .tc-app')";
