/* Tech co-ops directory, in-page mode: mounts the app into <div id="tech-coops-app"> on the
   page that loads this module:
     <div id="tech-coops-app" data-view="directory" data-region="europe"></div>
     <script type="module" src="https://example.org/directory/mount.js"></script>
   The app lives in a shadow root attached to that element, with its stylesheet inside it, so
   no rule of the host page reaches the app and none of the app's reaches the host. Its
   stylesheet and code load from wherever the app is deployed (next to this file). The build
   fills in BUILD: the names the Rust code uses and this build's file names. */
const BUILD = /*BUILD*/{};
const N = BUILD.names;
const base = new URL('.', import.meta.url);
const at = (file) => new URL(file, base).href;
/*INCLUDE:dataset.js*/
window[N.mountedBaseGlobal] = base.href;
const host = document.getElementById(N.hostElementId);
if (host) {
  // Attached before the code arrives, so the stylesheet loads while the wasm does.
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = at(BUILD.css);
  root.append(link);
  // The directory's data downloads beside the app's code, not after it, and is handed to the
  // app as boot.js hands it on the app's own pages.
  if (host.dataset.view !== 'join') {
    window[N.datasetGlobal] = fetchDataset(at(N.datasetPath));
  }
}
// The wasm too: its download starts now, while the JavaScript that compiles it loads, and
// so does the chunk of the view this page shows (the app is split by route).
const wasm = fetch(at(BUILD.app.wasm));
(BUILD.chunks[host && host.dataset.view === 'join' ? 'join' : 'directory'] || []).forEach((file) => {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.type = 'application/wasm';
  link.crossOrigin = 'anonymous';
  link.href = at(file);
  document.head.append(link);
});
const { default: init } = await import(at(BUILD.app.js));
await init({ module_or_path: wasm });
