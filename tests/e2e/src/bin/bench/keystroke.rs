//! How fast the directory answers a keystroke at several dataset sizes, and what loading each
//! size costs (parse and index time, wasm memory, DOM nodes).
//!
//! For each size, the real dataset is grown with [`e2e::synth::synthetic`] and served in place
//! of data/directory.json. Each measured keystroke sets the search box's value and dispatches an
//! `input` event, as typing does; the time runs until the result count shows the new result
//! (the list is updated in the same pass), and separately until the next frame is painted.

use std::time::Duration;

use coops_core::load::load_directory;
use e2e::{AppPage, Browser, Reply, StaticServer, dist_dir};
use serde_json::{Value, json};

pub const SIZES: [usize; 4] = [139, 1_000, 10_000, 100_000];
/// Each query typed in turn, a character at a time, then cleared.
const QUERIES: [&str; 3] = ["web dev", "berlin", "coop"];
const ROUNDS: usize = 3;

/// Types every query once, character by character; returns, per keystroke, the milliseconds
/// until the count updated and until the next frame.
const MEASURE: &str = r#"
const [queries, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.querySelector('input[type=search]');
const count = document.querySelector('[data-testid=result-count]');
const nextFrame = () => new Promise(r => requestAnimationFrame(() => r(performance.now())));
const changed = (before) => new Promise(resolve => {
  if (count.textContent !== before) { resolve(performance.now()); return; }
  const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now()); });
  observer.observe(count, { childList: true, characterData: true, subtree: true });
  setTimeout(() => { observer.disconnect(); resolve(null); }, 2000);
});
(async () => {
  const samples = [];
  for (const query of queries) {
    const steps = [...Array(query.length).keys()].map(i => query.slice(0, i + 1)).concat(['']);
    for (const text of steps) {
      await nextFrame();
      const before = count.textContent;
      const t0 = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const updated = await changed(before);
      const painted = await nextFrame();
      if (updated !== null) samples.push({ text, update: updated - t0, frame: painted - t0 });
    }
  }
  done(samples);
})();
"#;

/// Measures every size; returns one JSON row per size and prints a table.
pub async fn run() -> Vec<Value> {
    let base_text =
        std::fs::read_to_string(dist_dir().join("data/directory.json")).expect("dist/ built");
    let base = load_directory(&base_text).expect("dataset").directory;
    let mut rows = Vec::new();
    println!(
        "\nKeystroke to updated list, {ROUNDS} rounds of {QUERIES:?} (loopback, no throttling)"
    );
    println!(
        "{:>9} {:>9} {:>11} {:>11} {:>10} {:>11} {:>7} {:>10} {:>9}",
        "co-ops",
        "data KB",
        "update p50",
        "update p95",
        "frame p50",
        "parse+index",
        "parse",
        "wasm MB",
        "DOM nodes"
    );
    // For investigating one case: BENCH_SIZES=10000 BENCH_PATH='/?embed=1&view=list'.
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES").map_or_else(
        |_| SIZES.to_vec(),
        |list| {
            list.split(',')
                .filter_map(|n| n.trim().parse().ok())
                .collect()
        },
    );
    let path = std::env::var("BENCH_PATH").unwrap_or_else(|_| "/".into());
    for size in sizes {
        let grown = e2e::synth::synthetic(&base, size);
        // The list shows the co-ops still trading.
        let active = e2e::synth::trading(&grown);
        let data = serde_json::to_vec(&grown).unwrap();
        let server = StaticServer::start(dist_dir());
        server.set("/data/directory.json", Reply::json(data.clone()));
        let browser = Browser::start().await;
        let app = AppPage::new(browser.client.clone(), server.clone());
        app.open(&path).await;
        app.wait_for_count(active).await;
        let measured = |name: &str| {
            format!(
                "const m = performance.getEntriesByName('dataset: {name}'); return m.length ? m[m.length - 1].duration : null;"
            )
        };
        let load_ms = app.js(&measured("parse and index"), vec![]).await;
        let parse_ms = app.js(&measured("parse"), vec![]).await;
        let memory = app
            .js("return window.wasmBindings.wasm_memory_bytes()", vec![])
            .await;
        let mut update = Vec::new();
        let mut frame = Vec::new();
        for _ in 0..ROUNDS {
            let samples = app
                .client
                .execute_async(MEASURE, vec![json!(QUERIES)])
                .await
                .expect("measure script");
            for sample in samples.as_array().into_iter().flatten() {
                update.push(sample["update"].as_f64().unwrap_or(f64::NAN));
                frame.push(sample["frame"].as_f64().unwrap_or(f64::NAN));
            }
        }
        let nodes = app
            .js("return document.getElementsByTagName('*').length", vec![])
            .await;
        browser.close().await;
        server.stop();
        let row = json!({
            "coops": size,
            "dataset_bytes": data.len(),
            "keystrokes": update.len(),
            "update_ms_p50": percentile(&mut update, 0.5),
            "update_ms_p95": percentile(&mut update, 0.95),
            "frame_ms_p50": percentile(&mut frame, 0.5),
            "frame_ms_p95": percentile(&mut frame, 0.95),
            "parse_and_index_ms": load_ms,
            "parse_ms": parse_ms,
            "wasm_memory_bytes": memory,
            "dom_nodes": nodes,
        });
        println!(
            "{:>9} {:>9.0} {:>11.1} {:>11.1} {:>10.1} {:>11} {:>7} {:>10.1} {:>9}",
            size,
            data.len() as f64 / 1024.0,
            row["update_ms_p50"].as_f64().unwrap_or(f64::NAN),
            row["update_ms_p95"].as_f64().unwrap_or(f64::NAN),
            row["frame_ms_p50"].as_f64().unwrap_or(f64::NAN),
            row["parse_and_index_ms"]
                .as_f64()
                .map_or("n/a".into(), |v| format!("{v:.1}")),
            parse_ms
                .as_f64()
                .map_or("n/a".into(), |v| format!("{v:.1}")),
            memory.as_f64().unwrap_or(f64::NAN) / 1_048_576.0,
            nodes
        );
        rows.push(row);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    rows
}

/// The `q` quantile of `values` (nearest rank), ignoring NaN.
pub fn percentile(values: &mut Vec<f64>, q: f64) -> Value {
    values.retain(|v| v.is_finite());
    if values.is_empty() {
        return Value::Null;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let rank = ((values.len() as f64 * q).ceil() as usize).clamp(1, values.len());
    json!(crate::round(values[rank - 1]))
}
