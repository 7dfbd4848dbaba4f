/* Tech co-ops directory: starts the app. A module file rather than an inline script, so a
   strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval') allows it. On the
   directory's own page it starts the quick search first (a small module that answers the
   pre-rendered list's search box), then the app; anywhere else the app at once.

   It also counts Content-Security-Policy violations (and logs them), so a host, and the
   browser tests, can see at once whether its policy blocks anything. The build fills in
   BUILD: the names the Rust code uses (coops_core::names) and this build's file names. */
const BUILD = /*BUILD*/{};
const N = BUILD.names;

window[N.cspViolationsGlobal] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window[N.cspViolationsGlobal].push(e.violatedDirective + ' ' + e.blockedURI);
  console.error('Content-Security-Policy blocked', e.violatedDirective, e.blockedURI);
});

// A crash of the app, a panic or any other trap of its wasm, reaches the page as a
// WebAssembly.RuntimeError, thrown out of whatever the browser had called (an event handler,
// a timer, a promise): nothing of the app survives it, so the page says so and offers a reload
// (src/panic.rs).
const crashed = (error) => {
  const crash = document.getElementById(N.crashId);
  if (error instanceof WebAssembly.RuntimeError && crash && crash.hidden) {
    crash.hidden = false;
    crash.focus();
  }
};
addEventListener('error', (e) => crashed(e.error));
addEventListener('unhandledrejection', (e) => crashed(e.reason));

/*INCLUDE:dataset.js*/

// The pre-rendered list's search box, answered by a small module with the app's own search,
// so the list filters long before the app is in. The dataset is fetched once (the page
// preloads it) and handed to the app as well.
async function startQuickSearch() {
  const dataset = fetchDataset(new URL(N.datasetPath, document.baseURI));
  window[N.datasetGlobal] = dataset;
  try {
    const quick = await import(BUILD.quickSearch.js);
    await quick.default({ module_or_path: BUILD.quickSearch.wasm });
    const { bytes } = await dataset;
    if (bytes !== undefined) quick.attach(bytes);
  } catch (error) {
    console.warn('The quick search did not start; the app will answer the search box.', error);
  }
}

async function startApp() {
  // The app's downloads, where gate.js left them for now (the directory's own page).
  window[N.preloadAppGlobal]?.();
  const bindings = await import(BUILD.app.js);
  const wasm = await bindings.default({ module_or_path: BUILD.app.wasm });
  window[N.bindingsGlobal] = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}

// The directory's own pre-rendered page (gate.js decides) starts with the quick search, then
// the app, so the two do not share a slow connection; anywhere else the app starts at once.
const root = document.documentElement;
if (!root.classList.contains(N.deepLinkClass)
    && N.directoryRoutes.indexOf(root.getAttribute(N.routeAttribute)) >= 0) {
  await within(startQuickSearch(), null);
}
try {
  await startApp();
} catch (error) {
  // The app's code did not arrive (or would not compile): say so at the top, and take away
  // the loading line and the inert parts that only the app would have brought to life. A
  // crash the panic hook already reported needs no second message.
  console.error('The app did not start.', error);
  const notice = document.getElementById(N.appFailedId);
  if (notice && document.getElementById(N.crashId)?.hidden !== false) {
    root.classList.add(N.appFailedClass);
    document.body.prepend(notice);
    notice.hidden = false;
  }
}
