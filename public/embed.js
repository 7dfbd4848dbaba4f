/* Tech co-ops directory: resizes embedded directory frames to fit their content.
 *
 * Include once on the host page, after or before the frames:
 *   <iframe src="https://example.org/directory/?embed=1" data-tech-coops title="…"></iframe>
 *   <script src="https://example.org/directory/embed.js" async></script>
 *
 * The app in each frame posts { type: "tech-coops:resize", height } whenever its layout changes;
 * this script sets that frame's height. It reads nothing else, needs no other script, and the
 * frames still work (and scroll) without it. */
(function () {
  "use strict";
  if (window.__techCoopsEmbed) return;
  window.__techCoopsEmbed = true;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "tech-coops:resize" || typeof data.height !== "number") return;
    var height = Math.max(0, Math.min(Math.ceil(data.height), 100000));
    var frames = document.querySelectorAll("iframe[data-tech-coops]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = height + "px";
        frames[i].setAttribute("scrolling", "no");
        return;
      }
    }
  });
})();
