/* Tech co-ops directory: runs in <head>, before the first paint (a classic script, so it
   blocks nothing but itself; it is a few hundred bytes and loads beside the stylesheets).

   index.html carries the directory's list, pre-rendered at build time, so the list is on
   screen before the app starts. That list is the page for the directory's own address only:
   at any other address (a co-op, the guide, a filtered or embedded view) it would show the
   wrong content until the app takes over, so this marks the page `tc-deep-link`, and the
   stylesheet shows a loading line instead. `tc-js` reveals what needs scripts (the search box
   of the pre-rendered list).

   It also starts the downloads the address begins with: on the directory's own address the
   quick search (a small module that filters the pre-rendered list until the app is in),
   anywhere else the app. The build writes the file names in. */
(function () {
  var PRELOADS = { /* filled in by scripts/post-build.py */ };
  var root = document.documentElement;
  root.classList.add('tc-js');
  var trim = function (path) { return path.replace(/\/+$/, ''); };
  var base = trim(new URL(document.baseURI).pathname);
  var path = trim(location.pathname);
  var deep = (path !== base && path !== base + '/index.html') || location.search !== '';
  if (deep) {
    root.classList.add('tc-deep-link');
  }
  (PRELOADS[deep ? 'deep' : 'directory'] || []).forEach(function (preload) {
    var link = document.createElement('link');
    link.rel = preload.rel;
    link.href = preload.href;
    if (preload.as) link.as = preload.as;
    if (preload.type) link.type = preload.type;
    if (preload.fetchpriority) link.setAttribute('fetchpriority', preload.fetchpriority);
    link.crossOrigin = 'anonymous';
    document.head.appendChild(link);
  });
})();
