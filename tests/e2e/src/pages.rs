//! Page objects: what a visitor sees and does, by role, label and `data-testid`.
//!
//! Tests talk to [`AppPage`] ("open /join", "the result count", "click the Retry button")
//! rather than to raw WebDriver calls, so a markup change is fixed here once.

use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use serde_json::Value;

use crate::server::StaticServer;

/// What a number's groups may be separated by in the app's languages: "9,450", "9.450",
/// "9\u{202f}450" (French), "9\u{a0}450".
const GROUP_SEPARATORS: &str = ",.\u{202f}\u{a0}";

/// How long to wait for the app to show something before failing.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// The smallest layout shift counted as seen: half a pixel's move of the whole screen (a score
/// is the share of the screen that moved times how far, as a share of the screen). Chromium
/// now and then reports scores of 1e-6 to 2e-4 for pre-rendered nodes early in a load, before
/// the app's code has arrived, in about one run of ten under load (never reproduced alone);
/// the handover's own figures are compared to the pixel by the tests that call this.
pub const SEEN_SHIFT: f64 = 0.0005;

/// The app in the browser.
#[derive(Clone)]
pub struct AppPage {
    /// The raw WebDriver client, for what the helpers don't cover.
    pub client: Client,
    /// The test's own server (its requests and faults).
    pub server: StaticServer,
    /// Where pages are opened, when not from `server` (`http://127.0.0.1:8123`: another server
    /// in front of the same site, such as nginx).
    origin: Option<String>,
    /// The id of the element whose shadow root holds the app, on another site's page
    /// (in-page mode); `None` when the app is the page.
    shadow_host: Option<String>,
}

impl AppPage {
    /// Wraps a session and the server it should load from.
    pub fn new(client: Client, server: StaticServer) -> Self {
        AppPage {
            client,
            server,
            origin: None,
            shadow_host: None,
        }
    }

    /// The same page object, looking for the app's elements in the shadow root of the element
    /// with id `host_id` (the app mounted in another site's page).
    pub fn in_shadow_of(&self, host_id: &str) -> Self {
        AppPage {
            shadow_host: Some(host_id.to_string()),
            ..self.clone()
        }
    }

    /// A JavaScript expression for where the app's elements are: `document`, or the shadow
    /// root holding the app (both have `querySelector` and `getElementById`).
    pub fn root_js(&self) -> String {
        match &self.shadow_host {
            Some(id) => format!("document.getElementById({id:?}).shadowRoot"),
            None => "document".to_string(),
        }
    }

    /// The first element matching `css` right now, in the app's root.
    async fn find_now(&self, css: &str) -> Result<Element, fantoccini::error::CmdError> {
        match &self.shadow_host {
            None => self.client.find(Locator::Css(css)).await,
            Some(id) => {
                let host = self.client.find(Locator::Id(id)).await?;
                host.shadow_root().await?.find(Locator::Css(css)).await
            }
        }
    }

    /// The same page object, opening pages from `origin` instead of the test's server.
    pub fn with_origin(self, origin: &str) -> Self {
        AppPage {
            origin: Some(origin.trim_end_matches('/').to_string()),
            ..self
        }
    }

    /// Opens `path` (e.g. `/join?x=1`) on the test server, as a visitor typing the address, and
    /// waits until the app runs the page: the pre-rendered list and its loading line are gone
    /// (the app removes them once it shows its own view, its error view included).
    pub async fn open(&self, path: &str) {
        self.open_before_app(path).await;
        self.wait_until(
            "the app to take over from the pre-rendered page",
            "!document.getElementById('tc-prerender') && !document.getElementById('tc-boot-loading')",
        )
        .await;
    }

    /// Opens `path` without waiting for the app: what a visitor sees first.
    pub async fn open_before_app(&self, path: &str) {
        self.client
            .goto(&match &self.origin {
                Some(origin) => format!("{origin}{path}"),
                None => self.server.url(path),
            })
            .await
            .expect("navigate");
    }

    /// Reloads the page.
    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload");
    }

    /// Goes back one history entry.
    pub async fn back(&self) {
        self.client.back().await.expect("back");
    }

    /// The path and query of the current URL (`/join?step=2`).
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("current url");
        let query = url.query().map(|q| format!("?{q}")).unwrap_or_default();
        format!("{}{query}", url.path())
    }

    /// Waits for an element matching `css` and returns it.
    pub async fn find(&self, css: &str) -> Element {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match self.find_now(css).await {
                Ok(element) => return element,
                Err(e) if Instant::now() >= deadline => {
                    panic!("no element {css:?} within {TIMEOUT:?}: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    /// Every element matching `css` right now.
    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        match &self.shadow_host {
            None => self.client.find_all(Locator::Css(css)).await,
            Some(id) => match self.client.find(Locator::Id(id)).await {
                Ok(host) => {
                    host.shadow_root()
                        .await
                        .expect("a shadow root")
                        .find_all(Locator::Css(css))
                        .await
                }
                Err(e) => Err(e),
            },
        }
        .expect("find_all")
    }

    /// The visible text of the first element matching `css`. An element the app replaces
    /// between finding and reading it (a route changing) is looked up again.
    pub async fn text(&self, css: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match self.find(css).await.text().await {
                Ok(text) => return text,
                Err(e) if e.is_stale_element_reference() && Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(50)).await
                }
                Err(e) => panic!("cannot read the text of {css:?}: {e}"),
            }
        }
    }

    /// Clicks the first element matching `css`.
    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css:?}: {e}"));
    }

    /// Clicks the link whose text is exactly `text`.
    pub async fn click_link(&self, text: &str) {
        let link = self
            .client
            .wait()
            .at_most(TIMEOUT)
            .for_element(Locator::LinkText(text))
            .await
            .unwrap_or_else(|e| panic!("no link {text:?}: {e}"));
        link.click().await.expect("click link");
    }

    /// Clicks the button whose accessible text is exactly `text`.
    pub async fn click_button(&self, text: &str) {
        let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(text));
        let button = self
            .client
            .wait()
            .at_most(TIMEOUT)
            .for_element(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no button {text:?}: {e}"));
        button.click().await.expect("click button");
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Waits until the JavaScript expression `expr` is truthy; returns its value.
    pub async fn wait_until(&self, what: &str, expr: &str) -> Value {
        let script = format!("return ({expr});");
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let value = self.js(&script, vec![]).await;
            let truthy = match &value {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::Number(n) => n.as_f64() != Some(0.0),
                Value::String(s) => !s.is_empty(),
                _ => true,
            };
            if truthy {
                return value;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what} ({expr}); last value {value}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The layout shifts a visitor could see: [`Self::layout_shifts`] without those scoring
    /// under [`SEEN_SHIFT`].
    pub async fn seen_layout_shifts(&self) -> Vec<Value> {
        self.layout_shifts()
            .await
            .into_iter()
            .filter(|shift| shift[1].as_f64().is_none_or(|score| score >= SEEN_SHIFT))
            .collect()
    }

    /// Every layout shift on the page so far that no input caused (the browser keeps them for
    /// a buffered observer), each as `[milliseconds, score, "what moved"]`.
    pub async fn layout_shifts(&self) -> Vec<Value> {
        const SCRIPT: &str = r#"
const done = arguments[arguments.length - 1];
const shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    // What moved, and from where to where (a node the page has since removed keeps its rects).
    const moved = e.sources.map((s) => (s.node ? s.node.nodeName + '.' + s.node.className : '(removed)')
      + ` y ${Math.round(s.previousRect.y)}->${Math.round(s.currentRect.y)}`);
    shifts.push([Math.round(e.startTime), e.value, moved.join(', ')]);
  }
}).observe({ type: 'layout-shift', buffered: true });
setTimeout(() => done(shifts), 50);
"#;
        let shifts = self
            .client
            .execute_async(SCRIPT, vec![])
            .await
            .unwrap_or_else(|e| panic!("layout shifts: {e}"));
        shifts.as_array().cloned().unwrap_or_default()
    }

    /// The document's title.
    pub async fn title(&self) -> String {
        self.client.title().await.expect("title")
    }

    /// The text of the page's only `h1`, once there is one.
    pub async fn heading(&self) -> String {
        self.text("main h1").await
    }

    /// The number shown by the directory's result count, once it shows one.
    pub async fn result_count(&self) -> usize {
        let text = self.text("[data-testid=result-count]").await;
        // The first number, its group separators ("9,450", "9 450") aside: screen readers
        // also hear the filters after it.
        let digits: String = text
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit() || GROUP_SEPARATORS.contains(*c))
            .filter(char::is_ascii_digit)
            .collect();
        digits
            .parse()
            .unwrap_or_else(|_| panic!("no number in the result count {text:?}"))
    }

    /// The ids of the co-op cards on screen, in order.
    pub async fn coop_ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        for card in self.find_all("[data-testid=coop-card]").await {
            ids.push(
                card.attr("data-coop-id")
                    .await
                    .expect("attr")
                    .unwrap_or_default(),
            );
        }
        ids
    }

    /// Types `text` into the search box labelled "Search" (replacing what is there).
    pub async fn search(&self, text: &str) {
        let input = self.find("input[type=search]").await;
        // Select all and delete, as a person would: WebDriver's clear() fires no input event.
        // (U+E009 is Control, U+E000 releases it, U+E003 is Backspace.)
        input
            .send_keys("\u{E009}a\u{E000}\u{E003}")
            .await
            .expect("clear search");
        if !text.is_empty() {
            input.send_keys(text).await.expect("type search");
        }
    }

    /// Chooses the option with `value` in the select labelled by `select_id`.
    /// When the app is as narrow as a phone (in a narrow window, or a host page's narrow
    /// column), its filters are in a sheet: this opens it for the choice and closes it after.
    pub async fn choose(&self, select_id: &str, value: &str) {
        let in_sheet = self
            .js(
                &format!(
                    "const root = {}; const select = root.getElementById({select_id:?}); \
                     return !(select && select.getClientRects().length) \
                       && !!root.querySelector('[data-testid=filters-button]')?.getClientRects().length",
                    self.root_js()
                ),
                vec![],
            )
            .await
            == Value::Bool(true);
        if in_sheet {
            self.click("[data-testid=filters-button]").await;
        }
        let select = self.find(&format!("select#{select_id}")).await;
        select
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("choose {value:?} in {select_id}: {e}"));
        if in_sheet {
            self.click(".filter-sheet__show").await;
        }
    }

    /// The value of the select with id `select_id`.
    pub async fn select_value(&self, select_id: &str) -> String {
        let script = format!(
            "return {}.getElementById('{select_id}').value",
            self.root_js()
        );
        self.js(&script, vec![])
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits until the result count shows `n`.
    pub async fn wait_for_count(&self, n: usize) {
        self.wait_until(
            &format!("a result count of {n}"),
            &format!(
                "(() => {{ const el = {root}.querySelector('[data-testid=result-count]'); \
                  return el && (el.textContent.match(/\\d[\\d,.\\u202f\\u00a0]*/) || ['0'])[0].replace(/\\D/g, '') === '{n}'; }})()",
                root = self.root_js()
            ),
        )
        .await;
    }

    /// Waits until the URL's query string is exactly `query` (`""` for none).
    pub async fn wait_for_query(&self, query: &str) {
        self.wait_until(
            &format!("the query {query:?}"),
            &format!(
                "location.search === {}",
                serde_json::to_string(query).unwrap()
            ),
        )
        .await;
    }

    /// The id of the joining guide's step on screen, once one shows.
    pub async fn join_step(&self) -> String {
        let step = self.find("[data-testid=join-step]").await;
        step.attr("data-step")
            .await
            .expect("data-step")
            .unwrap_or_default()
    }

    /// The error view's text, once it shows.
    pub async fn load_error(&self) -> String {
        self.text("[data-testid=load-error]").await
    }
}

/// The axe-core engine vendored by `scripts/setup.sh test`.
fn axe_source() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let versions =
        std::fs::read_to_string(root.join("scripts/versions.env")).expect("scripts/versions.env");
    let version = versions
        .lines()
        .find_map(|l| l.strip_prefix("AXE_CORE_VERSION="))
        .expect("AXE_CORE_VERSION in scripts/versions.env");
    let path = root.join(format!("target/axe-core/{version}/axe.min.js"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (scripts/setup.sh test vendors axe-core)",
            path.display()
        )
    })
}

/// The WCAG rule sets the checks enforce: 2.0, 2.1 and 2.2, levels A and AA.
const AXE_TAGS: [&str; 6] = [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa",
];

impl AppPage {
    /// Runs axe-core on the page as it is now and fails, listing each problem, on any
    /// violation of the WCAG A and AA rules. `view` names the view in the message.
    pub async fn assert_accessible(&self, view: &str) {
        let loaded = self
            .js("return typeof window.axe === 'object'", vec![])
            .await;
        if loaded != Value::Bool(true) {
            self.js(&axe_source(), vec![]).await;
        }
        let script = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
              .then(r => done(r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\s+/g, ' ')),
              }))))
              .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));
        "#;
        let violations = self
            .client
            .execute_async(script, vec![serde_json::json!(AXE_TAGS)])
            .await
            .expect("axe.run");
        let list = violations.as_array().cloned().unwrap_or_default();
        assert!(
            list.is_empty(),
            "axe found {} violation(s) on {view}:\n{}",
            list.len(),
            serde_json::to_string_pretty(&violations).unwrap()
        );
    }

    /// Presses keys (WebDriver key codes, e.g. `"\u{E004}"` for Tab) on the focused element.
    pub async fn press(&self, keys: &str) {
        let focused = self
            .client
            .active_element()
            .await
            .expect("a focused element");
        focused.send_keys(keys).await.expect("press keys");
    }

    /// A short description of the focused element: `TAG#id "text"`.
    pub async fn focused(&self) -> String {
        self.js(
            "let e = document.activeElement; while (e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement; return `${e.tagName}#${e.id} \"${(e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 80)}\"`",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// Presses Tab until the focused element matches `css`, failing after `limit` presses;
    /// checks on the way that every focused element shows a focus indicator (the body, where
    /// focus passes when it wraps from the end of the page to its start, has none).
    pub async fn tab_to(&self, css: &str, limit: usize) {
        let mut previous = String::from("(start)");
        for _ in 0..limit {
            self.press("\u{E004}").await;
            let state = self
                .js(
                    "const e = document.activeElement, s = getComputedStyle(e); \
                     const svg = e instanceof SVGElement && s.stroke !== 'none' && parseFloat(s.strokeWidth) >= 2; \
                     return { hit: e.matches(arguments[0]), ring: e === document.body || svg || s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 || s.boxShadow !== 'none' };",
                    vec![Value::String(css.to_string())],
                )
                .await;
            let now = self.focused().await;
            assert_eq!(
                state["ring"],
                Value::Bool(true),
                "no visible focus indicator on {now} (after {previous})"
            );
            if state["hit"] == Value::Bool(true) {
                return;
            }
            previous = now;
        }
        panic!(
            "{css:?} not reached in {limit} presses of Tab; focus is on {}",
            self.focused().await
        );
    }

    /// Emulates the dark (or light) colour scheme.
    pub async fn set_color_scheme(&self, scheme: &str) {
        self.cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await;
    }
}

/// A Chrome DevTools Protocol command sent through chromedriver's `goog/cdp/execute`
/// endpoint: how the tests take the browser offline, or throttle it.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

impl AppPage {
    /// Runs a DevTools command (`Network.emulateNetworkConditions`, `Emulation.setCPUThrottlingRate`, ...).
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(Cdp {
                cmd: cmd.to_string(),
                params,
            })
            .await
            .unwrap_or_else(|e| panic!("DevTools {cmd}: {e}"))
    }

    /// Slows the network (a round trip of `latency_ms` on every request, downloads at
    /// `download_bytes_per_s`) and the CPU (`cpu_slowdown` times), as DevTools' throttling does.
    pub async fn throttle(&self, latency_ms: u32, download_bytes_per_s: u32, cpu_slowdown: u32) {
        self.cdp("Network.enable", serde_json::json!({})).await;
        self.cdp(
            "Network.emulateNetworkConditions",
            serde_json::json!({
                "offline": false,
                "latency": latency_ms,
                "downloadThroughput": download_bytes_per_s,
                "uploadThroughput": download_bytes_per_s / 2,
            }),
        )
        .await;
        self.cdp(
            "Emulation.setCPUThrottlingRate",
            serde_json::json!({ "rate": cpu_slowdown }),
        )
        .await;
    }

    /// Takes the browser off the network, or back on.
    pub async fn set_offline(&self, offline: bool) {
        self.cdp("Network.enable", serde_json::json!({})).await;
        self.cdp(
            "Network.emulateNetworkConditions",
            serde_json::json!({ "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
        )
        .await;
    }
}

/// An XPath string literal for `text`, whatever quotes it holds.
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}
