//! A small static file server for the built site, as static hosts behave: files by path, and
//! a folder's `index.html` for its path, and `index.html` for any other path that is not a file
//! (so deep links and reloads reach the app).
//!
//! Tests can override any path with a [`Reply`] (a broken JSON file, a 500, a hang) and change
//! it while the page is open, to check that Retry recovers.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// A canned answer for one path.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Status, content type and body.
    Body {
        /// HTTP status.
        status: u16,
        /// Content-Type header.
        content_type: String,
        /// The bytes sent.
        body: Vec<u8>,
    },
    /// Never answers (until the server stops): a hung host.
    Hang,
    /// Serve the file from disk as usual (undoes an override).
    File,
    /// Waits, then answers as `then` would: a slow host, with time to act on the page meanwhile.
    Delayed {
        /// How long to wait.
        delay: Duration,
        /// The answer after the wait.
        then: Box<Reply>,
    },
}

impl Reply {
    /// A 200 with JSON content.
    pub fn json(body: impl Into<Vec<u8>>) -> Self {
        Reply::Body {
            status: 200,
            content_type: "application/json".into(),
            body: body.into(),
        }
    }
    /// An error status with a short text body.
    pub fn status(status: u16) -> Self {
        Reply::Body {
            status,
            content_type: "text/plain".into(),
            body: format!("status {status}").into_bytes(),
        }
    }
}

/// One response as it went over the wire.
#[derive(Debug, Clone)]
pub struct Served {
    /// The path asked for, without the query.
    pub path: String,
    /// Its Content-Type.
    pub content_type: String,
    /// Body bytes sent (compressed, when the server compresses).
    pub bytes: usize,
}

struct Shared {
    root: PathBuf,
    /// The path the site is served under (`""`, or `"/directory"`).
    prefix: String,
    overrides: Mutex<HashMap<String, Reply>>,
    headers: Mutex<Vec<(String, String)>>,
    requests: Mutex<Vec<String>>,
    served: Mutex<Vec<Served>>,
    gzip: AtomicBool,
    /// gzip bodies of files already compressed, by path: compressing a megabyte of wasm per
    /// request would add its time to every measured load.
    gzip_cache: Mutex<HashMap<PathBuf, Vec<u8>>>,
    stopping: AtomicBool,
}

/// The server; cheap to clone, stopped by [`StaticServer::stop`].
#[derive(Clone)]
pub struct StaticServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

impl StaticServer {
    /// Serves `root` on an ephemeral port of 127.0.0.1.
    pub fn start(root: impl Into<PathBuf>) -> Self {
        Self::start_under(root, "")
    }

    /// Serves `root` under a sub-path (`"/directory"`), as a host serving the app in a folder
    /// of its site: other paths are 404.
    pub fn start_under(root: impl Into<PathBuf>, prefix: &str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        let shared = Arc::new(Shared {
            root: root.into(),
            prefix: prefix.trim_end_matches('/').to_string(),
            overrides: Mutex::new(HashMap::new()),
            headers: Mutex::new(Vec::new()),
            requests: Mutex::new(Vec::new()),
            served: Mutex::new(Vec::new()),
            gzip: AtomicBool::new(false),
            gzip_cache: Mutex::new(HashMap::new()),
            stopping: AtomicBool::new(false),
        });
        let accept_shared = shared.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                if accept_shared.stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let shared = accept_shared.clone();
                thread::spawn(move || {
                    let _ = handle(stream, &shared);
                });
            }
        });
        StaticServer { addr, shared }
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The full URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    /// Answers `path` with `reply` from now on.
    pub fn set(&self, path: &str, reply: Reply) {
        self.shared
            .overrides
            .lock()
            .unwrap()
            .insert(path.to_string(), reply);
    }

    /// Adds a header to every response (e.g. a Content-Security-Policy).
    pub fn add_header(&self, name: &str, value: &str) {
        self.shared
            .headers
            .lock()
            .unwrap()
            .push((name.into(), value.into()));
    }

    /// From now on, compresses text, JSON and wasm with gzip (level 9) for browsers that accept
    /// it, as a production host does.
    pub fn enable_gzip(&self) {
        self.shared.gzip.store(true, Ordering::SeqCst);
    }

    /// Every response sent so far, in order, with its size on the wire.
    pub fn served(&self) -> Vec<Served> {
        self.shared.served.lock().unwrap().clone()
    }

    /// Every path requested so far, in order.
    pub fn requests(&self) -> Vec<String> {
        self.shared.requests.lock().unwrap().clone()
    }

    /// Stops accepting connections and releases hung requests.
    pub fn stop(&self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

fn handle(stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; the server needs only the request line and Accept-Encoding.
    let mut accepts_gzip = false;
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        let lower = line.to_ascii_lowercase();
        if lower.starts_with("accept-encoding:") && lower.contains("gzip") {
            accepts_gzip = true;
        }
        line.clear();
    }
    let target = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    shared.requests.lock().unwrap().push(target.clone());

    let mut reply = shared.overrides.lock().unwrap().get(&path).cloned();
    while let Some(Reply::Delayed { delay, then }) = reply {
        thread::sleep(delay);
        reply = Some(*then);
    }
    let mut file = None;
    let (status, content_type, body) = match reply {
        Some(Reply::Delayed { .. }) => unreachable!("unwrapped above"),
        Some(Reply::Hang) => {
            while !shared.stopping.load(Ordering::SeqCst) {
                thread::sleep(Duration::from_millis(50));
            }
            return Ok(());
        }
        Some(Reply::Body {
            status,
            content_type,
            body,
        }) => (status, content_type, body),
        Some(Reply::File) | None => match path.strip_prefix(shared.prefix.as_str()) {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => {
                let (found, reply) = serve_file(&shared.root, rest);
                file = Some(found);
                reply
            }
            _ => (404, "text/plain".into(), b"not found".to_vec()),
        },
    };
    let gzip = accepts_gzip && shared.gzip.load(Ordering::SeqCst) && compressible(&content_type);
    let body = if !gzip {
        body
    } else if let Some(file) = file {
        let mut cache = shared.gzip_cache.lock().unwrap();
        cache
            .entry(file)
            .or_insert_with(|| gzip_bytes(&body))
            .clone()
    } else {
        gzip_bytes(&body)
    };
    shared.served.lock().unwrap().push(Served {
        path: path.clone(),
        content_type: content_type.clone(),
        bytes: body.len(),
    });
    let mut out = stream;
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        reason(status),
        body.len()
    );
    if gzip {
        head.push_str("Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n");
    }
    for (name, value) in shared.headers.lock().unwrap().iter() {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    out.write_all(&body)?;
    out.flush()
}

fn compressible(content_type: &str) -> bool {
    [
        "text/",
        "application/json",
        "application/wasm",
        "javascript",
        "image/svg",
    ]
    .iter()
    .any(|kind| content_type.contains(kind))
}

fn gzip_bytes(body: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(body).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}

/// The file at `path` under `root`, the `index.html` of the folder at `path` (every route's
/// pre-rendered page, as static hosts serve it), or the root's `index.html` when there is
/// neither (SPA fallback), with the file actually served.
fn serve_file(root: &Path, path: &str) -> (PathBuf, (u16, String, Vec<u8>)) {
    let relative = path.trim_start_matches('/');
    let safe = !relative.split('/').any(|part| part == "..");
    let candidate = root.join(relative);
    let file = if safe && candidate.is_file() {
        candidate
    } else if safe && candidate.join("index.html").is_file() {
        candidate.join("index.html")
    } else {
        root.join("index.html")
    };
    let mut body = Vec::new();
    let reply = match std::fs::File::open(&file).and_then(|mut f| f.read_to_end(&mut body)) {
        Ok(_) => (200, content_type(&file).to_string(), body),
        Err(_) => (404, "text/plain".into(), b"not found".to_vec()),
    };
    (file, reply)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "woff2" => "font/woff2",
        "png" => "image/png",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    }
}
