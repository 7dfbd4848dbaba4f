/* Tech co-ops directory, in-page mode: mounts the app into <div id="tech-coops-app"> on the
   page that loads this module:
     <div id="tech-coops-app" data-view="directory" data-region="europe"></div>
     <script type="module" src="https://example.org/directory/mount.js"></script>
   The app lives in a shadow root attached to that element, with its stylesheet inside it, so
   no rule of the host page reaches the app and none of the app's reaches the host. Its
   stylesheet and code load from wherever the app is deployed (next to this file). The build
   fills in BUILD: the names the Rust code uses and this build's file names. */
const BUILD = /*BUILD*/{};
const base = new URL('.', import.meta.url);
window[BUILD.names.mountedBaseGlobal] = base.href;
const host = document.getElementById(BUILD.names.hostElementId);
if (host) {
  // Attached before the code arrives, so the stylesheet loads while the wasm does.
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL(BUILD.css, base).href;
  root.append(link);
}
const { default: init } = await import(new URL(BUILD.app.js, base).href);
await init({ module_or_path: new URL(BUILD.app.wasm, base).href });
