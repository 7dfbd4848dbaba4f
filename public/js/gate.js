/* Tech co-ops directory: runs in <head>, before the first paint (a classic script, so it
   blocks nothing but itself; it is a few hundred bytes and loads beside the stylesheet).

   Every page of the site is pre-rendered at build time, so it is on screen before the app
   starts. A page is the right one only at the address it was rendered for, with no query:
   anywhere else (a filtered or embedded view, a path a host answered with another page) this
   marks the page as a deep link, and the stylesheet shows a loading line instead until the
   app draws the view itself. It also marks that scripts run, which reveals what needs them.

   On a visit to the site's root it opens the visitor's language instead (see below).

   It starts the downloads the page begins with: on the directory's own page the quick search
   (a small module that filters the pre-rendered list until the app is in), anywhere else the
   app. The build fills in BUILD: the names the Rust code uses (coops_core::names) and this
   build's file names. */
(function () {
  var BUILD = /*BUILD*/{};
  var N = BUILD.names;
  var root = document.documentElement;
  root.classList.add(N.jsClass);
  var trim = function (path) { return path.replace(/\/index\.html$/, '').replace(/\/+$/, ''); };
  var base = trim(new URL(document.baseURI).pathname);
  var path = trim(location.pathname);
  var here = path.indexOf(base) === 0 ? path.slice(base.length) || '/' : null;
  // A visit to the site's root opens in the visitor's language: the one they chose (the
  // switcher remembers it), else, on a first visit, the first of the browser's languages that
  // the site speaks, remembered from then on. Not in a frame, whose address names its language.
  if (here === '/' && window.self === window.top) {
    var byCode = function (code) {
      return N.languages.filter(function (l) { return l.code === code; })[0];
    };
    var lang;
    try { lang = byCode(localStorage.getItem(N.langStorageKey)); } catch (e) { /* no storage */ }
    if (!lang) {
      var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
      for (var i = 0; i < wanted.length && !lang; i++) {
        lang = byCode(String(wanted[i] || '').split(/[-_]/)[0].toLowerCase());
      }
      lang = lang || N.languages[0];
      try { localStorage.setItem(N.langStorageKey, lang.code); } catch (e) { /* this visit only */ }
    }
    if (lang.prefix) {
      location.replace(base + lang.prefix + '/' + location.search + location.hash);
      return;
    }
  }
  var route = root.getAttribute(N.routeAttribute);
  var prerendered = location.search === '' && here !== null && (route === '*' || route === here);
  if (!prerendered) {
    root.classList.add(N.deepLinkClass);
  }
  var preload = function (files) {
    files.forEach(function (file) {
      var link = document.createElement('link');
      link.rel = file.rel;
      link.href = file.href;
      if (file.as) link.as = file.as;
      if (file.type) link.type = file.type;
      if (file.fetchpriority) link.setAttribute('fetchpriority', file.fetchpriority);
      link.crossOrigin = 'anonymous';
      document.head.appendChild(link);
    });
  };
  // The app: its main module and the chunk of this page's route (the app is split by route),
  // so that chunk is never asked for only once the main module has started.
  var preloadApp = function () {
    preload(BUILD.preloads.app.concat(BUILD.preloads.chunks[root.getAttribute(N.routeChunkAttribute)] || []));
  };
  var directory = N.directoryRoutes.indexOf(route) >= 0;
  if (prerendered && directory) {
    // boot.js starts the app's downloads once the quick search is in.
    preload(BUILD.preloads.quickSearch);
    window[N.preloadAppGlobal] = preloadApp;
  } else {
    preloadApp();
  }
})();
