/* Search page: Pagefind UI on #search, with the query kept in ?q= so a
 * search can be shared or bookmarked. Must never throw, even if
 * pagefind-ui.js failed to load (the page then simply shows no widget). */
(function () {
  "use strict";

  var el = document.getElementById("search");
  if (!el || typeof window.PagefindUI !== "function") {
    return;
  }

  function currentQuery() {
    try {
      return new URLSearchParams(window.location.search).get("q") || "";
    } catch (e) {
      return "";
    }
  }

  var ui;
  try {
    ui = new window.PagefindUI({
      element: "#search",
      bundlePath: el.dataset.bundle,
      showSubResults: true,
      showImages: false,
      translations: { placeholder: el.dataset.placeholder }
    });
  } catch (e) {
    if (window.console) {
      window.console.error("Search could not start:", e);
    }
    return;
  }

  var q = currentQuery().trim();
  if (q) {
    try {
      ui.triggerSearch(q);
    } catch (e) {
      /* ignore: the reader can still type a query */
    }
    /* Mirror the query in the masthead search box as well. */
    var box = document.getElementById("site-search");
    if (box && !box.value) {
      box.value = q;
    }
  }

  /* Keep ?q= in step with what the reader types (debounced; browsers
   * throttle very frequent history updates). */
  if (!window.history || typeof window.history.replaceState !== "function") {
    return;
  }
  var timer = null;

  function remember(value) {
    try {
      var url = new URL(window.location.href);
      value = value.trim();
      if (value) {
        url.searchParams.set("q", value);
      } else {
        url.searchParams.delete("q");
      }
      if (url.href !== window.location.href) {
        window.history.replaceState(window.history.state, "", url.href);
      }
    } catch (e) {
      /* ignore */
    }
  }

  el.addEventListener("input", function (event) {
    var target = event.target;
    if (!target || target.tagName !== "INPUT" || target.type === "checkbox") {
      return;
    }
    var value = target.value;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      remember(value);
    }, 300);
  });
})();
