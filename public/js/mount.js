/* Tech co-ops directory, in-page mode: mounts the app into <div id="tech-coops-app"> on the
   page that loads this module:
     <div id="tech-coops-app" data-view="directory" data-region="europe"></div>
     <script type="module" src="https://example.org/directory/mount.js"></script>
   It loads the app's stylesheet and code from wherever the app is deployed (next to this
   file). The build fills in BUILD: the names the Rust code uses and this build's file names. */
const BUILD = /*BUILD*/{};
const base = new URL('.', import.meta.url);
window[BUILD.names.mountedBaseGlobal] = base.href;
const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = new URL(BUILD.css, base).href;
document.head.appendChild(link);
const { default: init } = await import(new URL(BUILD.app.js, base).href);
await init({ module_or_path: new URL(BUILD.app.wasm, base).href });
