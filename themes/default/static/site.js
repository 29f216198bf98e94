/* Progressive enhancement for every page. No dependencies; without it every
 * link still works.
 *
 * Language switch: links marked data-keep-hash point at the same document
 * in another language (or the stand-in that shows it), whose headings carry
 * the same ids. Their #fragment
 * follows the reader: the address's own fragment while the reader stays
 * where it took them, else the heading of the part in view, so switching
 * language lands on the article being read. The contents mark the same
 * part (aria-current).
 *
 * Scrolling: a deep link lands at once (the stylesheet sets no smooth
 * scrolling); a click on a link within the page scrolls smoothly, unless
 * the reader asked for reduced motion. */
(function () {
  "use strict";

  var root = document.documentElement;
  var switchLinks = document.querySelectorAll("a[data-keep-hash]");
  var headings = document.querySelectorAll(".prose h2[id], .prose h3[id]");
  var tocLinks = document.querySelectorAll(".toc a[href^='#']");
  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var pinned = { hash: window.location.hash, y: window.scrollY };

  function withoutHash(href) {
    var i = href.indexOf("#");
    return i === -1 ? href : href.slice(0, i);
  }

  /* The last heading whose top has passed a line a third down the window. */
  function headingInView() {
    var line = window.innerHeight / 3;
    var found = null;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top > line) {
        break;
      }
      found = headings[i];
    }
    return found;
  }

  /* Where the reader is: the fragment they arrived at, as long as they have
     not scrolled away from it (a target near the end of the page may never
     reach the line), else the part in view. */
  function currentHash() {
    if (pinned.hash && pinned.hash !== "#" && Math.abs(window.scrollY - pinned.y) < 4) {
      return pinned.hash;
    }
    var heading = headingInView();
    return heading ? "#" + heading.id : "";
  }

  function markContents(hash) {
    for (var i = 0; i < tocLinks.length; i++) {
      if (tocLinks[i].getAttribute("href") === hash) {
        tocLinks[i].setAttribute("aria-current", "true");
      } else {
        tocLinks[i].removeAttribute("aria-current");
      }
    }
  }

  function update() {
    var hash = currentHash();
    for (var i = 0; i < switchLinks.length; i++) {
      var link = switchLinks[i];
      var base = link.getAttribute("data-base-href");
      if (base === null) {
        base = withoutHash(link.getAttribute("href") || "");
        link.setAttribute("data-base-href", base);
      }
      link.setAttribute("href", base + hash);
    }
    markContents(hash);
  }

  function pin() {
    pinned = { hash: window.location.hash, y: window.scrollY };
    update();
  }

  var queued = false;
  function onScroll() {
    if (!queued) {
      queued = true;
      window.requestAnimationFrame(function () {
        queued = false;
        update();
      });
    }
  }

  /* Smooth only for a click on a link to this page's own fragment, and
     only until that scroll ends. */
  function onClick(event) {
    var link = event.target.closest && event.target.closest("a[href^='#']");
    if (!link || link.getAttribute("href") === "#" || reducedMotion.matches) {
      return;
    }
    root.classList.add("smooth-scroll");
  }

  update();
  window.addEventListener("scroll", onScroll, { passive: true });
  window.addEventListener("resize", onScroll);
  window.addEventListener("load", pin);
  window.addEventListener("hashchange", pin);
  /* Pages restored from the back/forward cache keep their old links. */
  window.addEventListener("pageshow", pin);
  document.addEventListener("click", onClick);
  window.addEventListener("scrollend", function () {
    root.classList.remove("smooth-scroll");
  });
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
