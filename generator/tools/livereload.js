/* Served only by `newsletter serve`, never written to build/: reloads the page after a
 * rebuild and, while the content has an error, covers the page with the error instead. */
(function () {
  "use strict";
  var seen = null;
  var overlay = null;

  function show(error) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "newsletter-build-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:#fff;color:#111;padding:2rem;font:16px/1.5 system-ui,sans-serif";
      var title = document.createElement("h1");
      title.textContent = "The build failed — fix the content and save again";
      title.style.cssText = "color:#9b1c1c;font-size:1.4rem;margin:0 0 1rem";
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;font:14px/1.5 monospace;background:#fdf2f2;" +
        "border:1px solid #9b1c1c;padding:1rem";
      overlay.appendChild(title);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.lastChild.textContent = error;
  }

  function poll() {
    fetch("/__reload", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (seen !== null && state.generation !== seen && !state.error) {
          window.location.reload();
          return;
        }
        seen = state.generation;
        if (state.error) {
          show(state.error);
        } else if (overlay) {
          window.location.reload();
          return;
        }
        window.setTimeout(poll, 500);
      })
      .catch(function () { window.setTimeout(poll, 1500); });
  }
  poll();
})();
