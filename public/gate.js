/* Tech co-ops directory: runs in <head>, before the first paint (a classic script, so it
   blocks nothing but itself; it is a few hundred bytes and loads beside the stylesheets).

   index.html carries the directory's list, pre-rendered at build time, so the list is on
   screen before the app starts. That list is the page for the directory's own address only:
   at any other address (a co-op, the guide, a filtered or embedded view) it would show the
   wrong content until the app takes over, so this marks the page `tc-deep-link`, and the
   stylesheet shows a loading line instead. `tc-js` reveals what needs scripts (the search box
   of the pre-rendered list). */
(function () {
  var root = document.documentElement;
  root.classList.add('tc-js');
  var trim = function (path) { return path.replace(/\/+$/, ''); };
  var base = trim(new URL(document.baseURI).pathname);
  var path = trim(location.pathname);
  if ((path !== base && path !== base + '/index.html') || location.search !== '') {
    root.classList.add('tc-deep-link');
  }
})();
