#!/usr/bin/env python3
"""Trunk post-build hook: moves the inline <script type="module"> that Trunk writes into
index.html into its own file, so the site runs under a strict Content-Security-Policy
(script-src 'self' 'wasm-unsafe-eval', no 'unsafe-inline'); and writes mount.js, the stable
entry point that mounts the app into <div id="tech-coops-app"> on another page.

The new file also counts Content-Security-Policy violations in `window.__cspViolations` and logs
them, so a host (and the browser tests) can see at once whether its policy blocks anything.
Runs on Trunk's staging directory ($TRUNK_STAGING_DIR); idempotent.
"""
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
index_path = os.path.join(staging, "index.html")
html = open(index_path, encoding="utf-8").read()

pattern = re.compile(r'<script type="module">\s*(.*?)\s*</script>', re.S)
match = pattern.search(html)
if not match:
    sys.exit(0)  # already external

watch = (
    "window.__cspViolations = [];\n"
    "document.addEventListener('securitypolicyviolation', (e) => {\n"
    "  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);\n"
    "  console.error('Content-Security-Policy blocked', e.violatedDirective, e.blockedURI);\n"
    "});\n"
)
body = watch + match.group(1).strip() + "\n"
digest = hashlib.sha256(body.encode()).hexdigest()[:16]
name = f"boot-{digest}.js"
with open(os.path.join(staging, name), "w", encoding="utf-8") as out:
    out.write(body)

# The public URL prefix Trunk used for the other assets (e.g. "/" or "/directory/").
base = re.search(r'<base href="([^"]*)"', html)
prefix = base.group(1) if base else "/"
html = html[: match.start()] + f'<script type="module" src="{prefix}{name}"></script>' + html[match.end():]
open(index_path, "w", encoding="utf-8").write(html)

# mount.js: loads the app's stylesheets (not page.css, which styles index.html's own body) and
# the wasm into a host page, from wherever the app is deployed.
css = [href for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) if "/page-" not in href]
js = re.search(r"from '([^']+\.js)'", body).group(1)
wasm = re.search(r"module_or_path: '([^']+\.wasm)'", body).group(1)
mount = f"""/* Tech co-ops directory, in-page mode: mounts the app into <div id="tech-coops-app"> on
   the page that loads this module:
     <div id="tech-coops-app" data-view="directory" data-region="europe"></div>
     <script type="module" src="https://example.org/directory/mount.js"></script>
   Generated at build time (it names this build's hashed files). */
const base = new URL('.', import.meta.url);
window.__techCoopsBase = base.href;
for (const href of {css!r}) {{
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL(href, base).href;
  document.head.appendChild(link);
}}
const {{ default: init }} = await import(new URL('{js}', base).href);
await init({{ module_or_path: new URL('{wasm}', base).href }});
"""
with open(os.path.join(staging, "mount.js"), "w", encoding="utf-8") as out:
    out.write(mount)
