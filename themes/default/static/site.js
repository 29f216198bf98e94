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

/* "/" puts the cursor in the search box (the search page's own, else the masthead's), as on
 * most sites with a search box; not while the reader is typing in a field. */
(function () {
  "use strict";

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey ||
        (target && (target.isContentEditable ||
                    /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)))) {
      return;
    }
    var box = document.querySelector(".pagefind-ui__search-input") ||
      document.getElementById("site-search");
    if (box) {
      event.preventDefault();
      box.focus();
    }
  });
})();
