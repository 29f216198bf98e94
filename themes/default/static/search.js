/* Search page: Pagefind UI on #search, with the query kept in ?q= so a
 * search can be shared or bookmarked. Must never throw, even if
 * pagefind-ui.js failed to load (the page then simply shows no widget). */
(function () {
  "use strict";

  var el = document.getElementById("search");
  if (!el || typeof window.PagefindUI !== "function") {
    return;
  }

  /* import() through Function: a browser without it must not fail to parse this file. The
   * URL is made absolute first: Chromium may resolve a path imported from such a function
   * against the page that first ran the same code, another site when two are open. */
  function pagefindModule() {
    var url = new URL(el.dataset.bundle + "pagefind.js", document.baseURI).href;
    return new Function("url", "return import(url)")(url);
  }

  /* A split index (generator/search_parts.py): its further parts are merged into the
   * Pagefind module before the UI starts. The UI imports the same URL, so the same module:
   * its first search and its filters then cover every part. */
  var merge = (el.dataset.merge || "").split(" ").filter(Boolean);
  /* Its pages' sort dates: Pagefind sorts the results of merged indexes by relevance only,
   * and the search module (static/exact/pagefind.js) puts them in date order by these. */
  globalThis.NewsletterSearchDates = el.dataset.dates || null;
  if (merge.length) {
    try {
      pagefindModule().then(function (pagefind) {
        return merge.reduce(function (done, path) {
          return done.then(function () { return pagefind.mergeIndex(path); });
        }, Promise.resolve());
      }).then(start, start);
    } catch (e) {
      start();
    }
  } else {
    start();
  }

  function start() {
    function currentQuery() {
      try {
        return new URLSearchParams(window.location.search).get("q") || "";
      } catch (e) {
        return "";
      }
    }

    /* The query of the search under way: search-results.js cuts excerpts around it. */
    var term = "";

    function processTerm(value) {
      term = value;
      return value;
    }

    function processResult(result) {
      var results = window.NewsletterSearchResults;
      if (results) {
        try {
          result = results.process(result, term);
        } catch (e) {
          /* Pagefind's own excerpts, then */
        }
      }
      /* Show the localized date beside the title ("No.13 · July 15, 2016"). */
      if (result.meta && result.meta.date && result.meta.title) {
        result.meta.title = result.meta.title + " · " + result.meta.date;
        delete result.meta.date;  /* else the UI repeats it under an English "Date:" label */
      }
      return result;
    }

    var newest = document.getElementById("search-newest");
    if (newest) {
      newest.checked = /[?&]sort=newest/.test(window.location.search);
    }

    var ui;
    try {
      ui = new window.PagefindUI({
        element: "#search",
        /* Pagefind's module with exact quoted phrases (static/exact/pagefind.js), which
         * imports the bundle's: the same module as above, merged parts included. */
        bundlePath: el.dataset.module || el.dataset.bundle,
        showSubResults: true,
        showImages: false,
        processTerm: processTerm,
        processResult: processResult,
        sort: newest && newest.checked ? { date: "desc" } : null,
        translations: { placeholder: el.dataset.placeholder }
      });
    } catch (e) {
      if (window.console) {
        window.console.error("Search could not start:", e);
      }
      return;
    }

    if (newest) {
      newest.parentNode.parentNode.hidden = false;
      /* The order is part of the address (?sort=newest), like the query: changing it loads
       * that address, so it can be shared and the back button restores it. */
      newest.addEventListener("change", function () {
        var input = el.querySelector(".pagefind-ui__search-input");
        try {
          var url = new URL(window.location.href);
          if (input && input.value.trim()) {
            url.searchParams.set("q", input.value.trim());
          }
          if (newest.checked) {
            url.searchParams.set("sort", "newest");
          } else {
            url.searchParams.delete("sort");
          }
          window.location.assign(url.href);
        } catch (e) {
          /* ignore */
        }
      });
    }

    /* Announce the result count (Pagefind's message is not a live region). */
    var status = document.getElementById("search-status");
    if (status && window.MutationObserver) {
      new window.MutationObserver(function () {
        var message = el.querySelector(".pagefind-ui__message");
        var text = message ? message.textContent.trim() : "";
        if (status.textContent !== text) {
          status.textContent = text;
        }
      }).observe(el, { childList: true, subtree: true, characterData: true });
    }

    /* Pagefind UI lists the filters counted by the first search, and a search made before
     * the filter files have loaded leaves some filters out until the page is reloaded (a
     * race that shows on slow devices). So the filters are loaded first, through the same
     * Pagefind module the UI imports. */
    function afterFilters(run) {
      var done = false;
      function once() {
        if (!done) {
          done = true;
          run();
        }
      }
      try {
        pagefindModule()
          .then(function (pagefind) { return pagefind.filters(); })
          .then(once, once);
      } catch (e) {
        once();
      }
    }

    /* The language switch leads to the other language's search page with the same query. */
    function keepQueryInSwitch(value) {
      var links = document.querySelectorAll(".lang-switch a[hreflang]");
      for (var i = 0; i < links.length; i++) {
        try {
          var url = new URL(links[i].getAttribute("data-base-href") ||
                            links[i].getAttribute("href"), window.location.href);
          url.hash = "";
          if (value) {
            url.searchParams.set("q", value);
          } else {
            url.searchParams.delete("q");
          }
          links[i].setAttribute("data-base-href", url.href);  /* what site.js starts from */
          links[i].setAttribute("href", url.href);
        } catch (e) {
          /* ignore */
        }
      }
    }

    var q = currentQuery().trim();
    keepQueryInSwitch(q);
    if (q) {
      afterFilters(function () {
        try {
          ui.triggerSearch(q);
        } catch (e) {
          /* ignore: the reader can still type a query */
        }
      });
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
        keepQueryInSwitch(value);
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
  }
})();
