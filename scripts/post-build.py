#!/usr/bin/env python3
"""Trunk post-build hook, on Trunk's staging directory ($TRUNK_STAGING_DIR); idempotent.

0. Runs the `prerender` tool (crates/import/src/prerender.rs), which writes the directory's
   list into index.html from the dataset. Here, not in a hook of its own: Trunk runs the hooks
   of a stage at the same time, and both rewrite index.html.
1. Moves the inline <script type="module"> that Trunk writes into index.html into its own
   file, so the site runs under a strict Content-Security-Policy (script-src 'self'
   'wasm-unsafe-eval', no 'unsafe-inline'). The new file also counts Content-Security-Policy
   violations in `window.__cspViolations` and logs them, so a host (and the browser tests) can
   see at once whether its policy blocks anything.
2. Joins the stylesheets into one file: the browser then fetches one stylesheet before the
   first paint instead of fourteen (on a 150 ms round trip, that is most of a second). The
   sources stay one file per component under style/. Lowers the wasm preload's priority.
3. Adds public/gate.js (hashed) to <head>, right after <base>: it runs before the first paint
   and decides whether the pre-rendered directory is the page at this address.
4. Writes mount.js, the stable entry point that mounts the app into <div id="tech-coops-app">
   on another page.
"""
import base64
import hashlib
import os
import re
import subprocess
import sys

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


def write_hashed(stem, ext, text):
    """Writes `text` to stem-<hash>.ext in the staging directory; returns (name, integrity)."""
    data = text.encode("utf-8")
    name = f"{stem}-{hashlib.sha256(data).hexdigest()[:16]}.{ext}"
    with open(os.path.join(staging, name), "wb") as out:
        out.write(data)
    integrity = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()
    return name, integrity


# 1. The boot script.
watch = (
    "window.__cspViolations = [];\n"
    "document.addEventListener('securitypolicyviolation', (e) => {\n"
    "  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);\n"
    "  console.error('Content-Security-Policy blocked', e.violatedDirective, e.blockedURI);\n"
    "});\n"
)
boot = watch + match.group(1).strip() + "\n"
boot_name, _ = write_hashed("boot", "js", boot)
html = html[: match.start()] + f'<script type="module" src="{prefix}{boot_name}"></script>' + html[match.end():]

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

# The wasm is by far the largest download: on a slow connection, fetched at full priority
# from the first moment, it takes bandwidth from the stylesheet and delays the first paint of
# the pre-rendered list. At low priority it starts once the render-blocking files are in.
html = re.sub(
    r'(<link rel="preload" href="[^"]+\.wasm")',
    r'\1 fetchpriority="low"',
    html,
    count=1,
)

# 3. The gate, first thing after <base> (it reads document.baseURI).
gate_name, gate_integrity = write_hashed("gate", "js", open("public/gate.js", encoding="utf-8").read())
html = re.sub(
    r'(<base href="[^"]*"\s*/?>)',
    lambda m: m.group(1) + f'\n    <script src="{prefix}{gate_name}" integrity="{gate_integrity}"></script>',
    html,
    count=1,
)
open(index_path, "w", encoding="utf-8").write(html)

# 4. mount.js: loads the app's stylesheet and the wasm into a host page, from wherever the
# app is deployed.
js = re.search(r"from '([^']+\.js)'", boot).group(1)
wasm = re.search(r"module_or_path: '([^']+\.wasm)'", boot).group(1)
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
