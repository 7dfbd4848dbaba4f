#!/usr/bin/env python3
"""Trunk post-build hook, on Trunk's staging directory ($TRUNK_STAGING_DIR); idempotent.

0. Runs the `prerender` tool (crates/import/src/prerender.rs), which writes the directory's
   list into index.html from the dataset. Here, not in a hook of its own: Trunk runs the hooks
   of a stage at the same time, and both rewrite index.html.
1. Builds the quick search (crates/quick-search: a small wasm that makes the pre-rendered list
   searchable before the app arrives) and replaces the inline <script type="module"> that
   Trunk writes with boot.js, a file (a strict Content-Security-Policy, script-src 'self'
   'wasm-unsafe-eval' with no 'unsafe-inline', blocks inline scripts) that starts the quick
   search first on the directory's own address and the app after it, and the app at once
   anywhere else. boot.js also counts Content-Security-Policy violations in
   `window.__cspViolations` and logs them, so a host (and the browser tests) can see at once
   whether its policy blocks anything.
2. Joins the stylesheets into one file: the browser then fetches one stylesheet before the
   first paint instead of fourteen (on a 150 ms round trip, that is most of a second). The
   sources stay one file per component under style/.
3. Adds public/gate.js (hashed) to <head>, right after <base>: it runs before the first paint,
   decides whether the pre-rendered directory is the page at this address, and preloads what
   that address starts with (the quick search, or the app). Trunk's own preloads of the app
   go: on the directory's address they would take the bandwidth the quick search needs.
4. Writes mount.js, the stable entry point that mounts the app into <div id="tech-coops-app">
   on another page.
"""
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
index_path = os.path.join(staging, "index.html")

# 0. The pre-rendered directory.
prerender = ["cargo", "run", "--offline", "--quiet", "--package", "coops-import", "--bin", "prerender", "--", staging]
if subprocess.run(prerender).returncode != 0:
    sys.exit("post-build: the prerender step failed (its message is above)")
html = open(index_path, encoding="utf-8").read()

pattern = re.compile(r'<script type="module">\s*(.*?)\s*</script>', re.S)
match = pattern.search(html)
if not match:
    sys.exit(0)  # already done

# The public URL prefix Trunk used for the other assets (e.g. "/" or "/directory/").
base = re.search(r'<base href="([^"]*)"', html)
prefix = base.group(1) if base else "/"


def write_hashed_bytes(stem, ext, data):
    """Writes `data` to stem-<hash>.ext in the staging directory; returns the name."""
    name = f"{stem}-{hashlib.sha256(data).hexdigest()[:16]}.{ext}"
    with open(os.path.join(staging, name), "wb") as out:
        out.write(data)
    return name


def write_hashed(stem, ext, text):
    """Writes `text` to stem-<hash>.ext in the staging directory; returns (name, integrity)."""
    data = text.encode("utf-8")
    name = write_hashed_bytes(stem, ext, data)
    integrity = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()
    return name, integrity


# 1. The quick search: release build (small, and quick to build), wasm-bindgen, wasm-opt; the
# same tools and flags Trunk uses for the app (Trunk.toml, index.html).
def build_quick_search():
    cargo = ["cargo", "build", "--offline", "--quiet", "--release", "--target", "wasm32-unknown-unknown",
             "--package", "coops-quick-search"]
    if subprocess.run(cargo).returncode != 0:
        sys.exit("post-build: building the quick search failed (its message is above)")
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    built = os.path.join(target, "wasm32-unknown-unknown", "release", "coops_quick_search.wasm")
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", out, built], check=True)
        wasm = os.path.join(out, "coops_quick_search_bg.wasm")
        if shutil.which("wasm-opt"):
            subprocess.run(["wasm-opt", "-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
                            "--enable-sign-ext", "--enable-mutable-globals", wasm, "-o", wasm], check=True)
        wasm_name = write_hashed_bytes("quick-search", "wasm", open(wasm, "rb").read())
        glue = open(os.path.join(out, "coops_quick_search.js"), encoding="utf-8").read()
        js_name, _ = write_hashed("quick-search", "js", glue)
    return js_name, wasm_name


quick_js, quick_wasm = build_quick_search()
app_js = re.search(r"from '([^']+\.js)'", match.group(1)).group(1)
app_wasm = re.search(r"module_or_path: '([^']+\.wasm)'", match.group(1)).group(1)

boot = f"""window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {{
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
  console.error('Content-Security-Policy blocked', e.violatedDirective, e.blockedURI);
}});

// How long a download may take before it is given up (the app's own limit, src/data.rs).
const LIMIT_MS = 10000;
const within = (promise, late) => Promise.race([
  promise,
  new Promise((resolve) => setTimeout(() => resolve(late), LIMIT_MS)),
]);

// The pre-rendered list's search box, answered by a small module with the app's own search,
// so the list filters long before the app is in. The dataset is fetched once (index.html
// preloads it) and handed to the app as well (src/data.rs): {{ text }} when it came,
// {{ error: 'timeout' }} when it took too long (the app says so at once, and its Retry
// fetches afresh), {{ error: 'failed' }} otherwise (the app fetches it again and explains).
async function startQuickSearch() {{
  const dataset = within(fetch(new URL('data/directory.json', document.baseURI))
    .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
    .then((text) => ({{ text }}), () => ({{ error: 'failed' }})), {{ error: 'timeout' }});
  window.__techCoopsDataset = dataset;
  try {{
    const quick = await import('{prefix}{quick_js}');
    await quick.default({{ module_or_path: '{prefix}{quick_wasm}' }});
    const {{ text }} = await dataset;
    if (text !== undefined) quick.attach(text);
  }} catch (error) {{
    console.warn('The quick search did not start; the app will answer the search box.', error);
  }}
}}

async function startApp() {{
  const bindings = await import('{app_js}');
  const wasm = await bindings.default({{ module_or_path: '{app_wasm}' }});
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm }} }}));
}}

// The directory's own address (gate.js decides) starts with the quick search, then the app,
// so the two do not share a slow connection; anywhere else the app starts at once.
if (!document.documentElement.classList.contains('tc-deep-link')
    && document.getElementById('tc-prerender-search')) {{
  await within(startQuickSearch(), null);
}}
try {{
  await startApp();
}} catch (error) {{
  // The app's code did not arrive (or would not compile): say so at the top, and take away
  // the loading line and the inert copies of what it would have brought. A crash the panic
  // hook already reported needs no second message.
  console.error('The app did not start.', error);
  const notice = document.getElementById('app-failed');
  if (notice && document.getElementById('crash')?.hidden !== false) {{
    document.documentElement.classList.add('tc-app-failed');
    document.body.prepend(notice);
    notice.hidden = false;
  }}
}}
"""
boot_name, _ = write_hashed("boot", "js", boot)
html = html[: match.start()] + f'<script type="module" src="{prefix}{boot_name}"></script>' + html[match.end():]
# Trunk's preloads of the app: gate.js preloads what the address needs instead.
html = re.sub(r'<link rel="(?:modulepreload|preload)" href="[^"]+\.(?:js|wasm)"[^>]*>', "", html)

# 2. One stylesheet for the app, and one for index.html (page.css, the standalone page's own
# rules, first, then the app's): a single request blocks the first paint. mount.js loads the
# app's alone, as in in-page mode the host page owns <html> and <body>.
link = re.compile(r'<link rel="stylesheet" href="([^"]+)"[^>]*>\s*')
links = list(link.finditer(html))
page_css, app_css = [], []
for found in links:
    href = found.group(1)
    path = os.path.join(staging, href[len(prefix):])
    text = f"/* {os.path.basename(path)} */\n" + open(path, encoding="utf-8").read()
    (page_css if "/page-" in href else app_css).append(text)
    os.remove(path)
css_name, _ = write_hashed("app", "css", "\n".join(app_css))
site_name, site_integrity = write_hashed("site", "css", "\n".join(page_css + app_css))
# The joined stylesheet takes the place of the first link; the others go.
at = links[0].start()
joined = f'<link rel="stylesheet" href="{prefix}{site_name}" integrity="{site_integrity}"/>\n'
html = html[:at] + joined + link.sub("", html[at:])

# 3. The gate, first thing after <base> (it reads document.baseURI), with what each kind of
# address preloads. The wasm files at low priority: Chrome holds those back while the
# stylesheet loads, so they do not delay the first paint on a slow line.
preloads = {
    "directory": [
        {"rel": "modulepreload", "href": f"{prefix}{quick_js}"},
        {"rel": "preload", "as": "fetch", "type": "application/wasm", "href": f"{prefix}{quick_wasm}", "fetchpriority": "low"},
    ],
    "deep": [
        {"rel": "modulepreload", "href": app_js},
        {"rel": "preload", "as": "fetch", "type": "application/wasm", "href": app_wasm, "fetchpriority": "low"},
    ],
}
gate = open("public/gate.js", encoding="utf-8").read()
placeholder = "{ /* filled in by scripts/post-build.py */ }"
if placeholder not in gate:
    sys.exit("post-build: public/gate.js has no preload placeholder")
gate = gate.replace(placeholder, json.dumps(preloads))
gate_name, gate_integrity = write_hashed("gate", "js", gate)
html = re.sub(
    r'(<base href="[^"]*"\s*/?>)',
    lambda m: m.group(1) + f'\n    <script src="{prefix}{gate_name}" integrity="{gate_integrity}"></script>',
    html,
    count=1,
)
open(index_path, "w", encoding="utf-8").write(html)

# 4. mount.js: loads the app's stylesheet and the wasm into a host page, from wherever the
# app is deployed.
js, wasm = app_js, app_wasm
mount = f"""/* Tech co-ops directory, in-page mode: mounts the app into <div id="tech-coops-app"> on
   the page that loads this module:
     <div id="tech-coops-app" data-view="directory" data-region="europe"></div>
     <script type="module" src="https://example.org/directory/mount.js"></script>
   Generated at build time (it names this build's hashed files). */
const base = new URL('.', import.meta.url);
window.__techCoopsBase = base.href;
const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = new URL('{prefix}{css_name}', base).href;
document.head.appendChild(link);
const {{ default: init }} = await import(new URL('{js}', base).href);
await init({{ module_or_path: new URL('{wasm}', base).href }});
"""
with open(os.path.join(staging, "mount.js"), "w", encoding="utf-8") as out:
    out.write(mount)
