/* Progressive enhancement for every page. No dependencies.
 *
 * Language switch: links marked data-keep-hash point at the same document
 * in another language, whose headings carry the same ids. Carry the
 * current #fragment over, so a reader switching language lands on the
 * same article. */
(function () {
  "use strict";

  var links = document.querySelectorAll("a[data-keep-hash]");
  if (!links.length) {
    return;
  }

  function withoutHash(href) {
    var i = href.indexOf("#");
    return i === -1 ? href : href.slice(0, i);
  }

  function update() {
    var hash = window.location.hash;
    if (hash === "#") {
      hash = "";
    }
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var base = link.getAttribute("data-base-href");
      if (base === null) {
        base = withoutHash(link.getAttribute("href") || "");
        link.setAttribute("data-base-href", base);
      }
      link.setAttribute("href", base + hash);
    }
  }

  update();
  window.addEventListener("hashchange", update);
  /* Pages restored from the back/forward cache keep their old links. */
  window.addEventListener("pageshow", update);
})();
