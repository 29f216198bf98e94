/* What a search result shows: excerpts cut from the page's real text with the whole query
 * marked as one run, and the article that holds the query first. Pagefind marks the words it
 * segmented the query into (白俄 + 罗斯), takes a section's excerpt wherever its words scored,
 * and lists the sections in page order; a reader expects the phrase they typed. Loaded
 * before search.js, which hands each result here. Must never throw. */
(function () {
  "use strict";

  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

  /* What static/exact/pagefind.js, which made the search, lends: how it reads a query. */
  function queryText() {
    return window.NewsletterQueryText || { phrase: function () { return null; },
                                           written: function (text) { return text; } };
  }

  /* The text a reader looks for: a quoted phrase, else the whole query. */
  function needleOf(term) {
    var phrase = queryText().phrase(term || "");
    return (phrase || term || "").replace(/\s+/g, " ").trim();
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c];
    });
  }

  /* Each sub-result's text: from its heading to the next listed one's, in the page text. */
  function sectionTexts(content, subs) {
    var starts = [];
    var at = 0;
    subs.forEach(function (sub) {
      var found = sub.title ? content.indexOf(sub.title, at) : -1;
      at = found === -1 ? at : found;
      starts.push(at);
    });
    return starts.map(function (start, i) {
      return content.slice(start, i + 1 < starts.length ? starts[i + 1] : content.length);
    });
  }

  /* About a line of text around the first occurrence, every occurrence marked. */
  function cut(text, needle) {
    var lower = text.toLowerCase();
    var key = needle.toLowerCase();
    var at = lower.indexOf(key);
    var wide = HAN.test(needle);
    var start = Math.max(0, at - (wide ? 24 : 80));
    var end = Math.min(text.length, at + key.length + (wide ? 56 : 140));
    if (!wide) {  /* whole words at both ends */
      start = start === 0 ? 0 : text.indexOf(" ", start) + 1;
      var space = text.lastIndexOf(" ", end);
      end = end === text.length || space <= at + key.length ? end : space;
    }
    var piece = text.slice(start, end);
    var out = "";
    var from = 0;
    var lowerPiece = piece.toLowerCase();
    var hit = lowerPiece.indexOf(key);
    while (hit !== -1) {
      out += escapeHtml(piece.slice(from, hit)) + "<mark>" +
        escapeHtml(piece.slice(hit, hit + key.length)) + "</mark>";
      from = hit + key.length;
      hit = lowerPiece.indexOf(key, from);
    }
    return out + escapeHtml(piece.slice(from));
  }

  /* Pagefind's own excerpt, its adjacent marks joined into one run. */
  function joined(excerpt) {
    return (excerpt || "").replace(/<\/mark>(\s*)<mark>/g, "$1");
  }

  function has(text, needle) {
    return text.toLowerCase().indexOf(needle.toLowerCase()) !== -1;
  }

  /* A title the query says most of: the reader typed the headline. */
  function isHeadline(title, needle) {
    return has(title || "", needle) && needle.length * 2 >= (title || "").length;
  }

  function process(result, term) {
    var needle = needleOf(term);
    var content = typeof result.content === "string" ? result.content : "";
    if (!needle || !content) {
      return result;
    }
    /* Typed in Traditional characters or full-width digits, found as the text is written */
    var written = queryText().written(needle);
    if (!has(content, needle) && has(content, written)) {
      needle = written;
    }
    result.excerpt = has(content, needle) ? cut(content, needle) : joined(result.excerpt);
    var subs = result.sub_results || [];
    var texts = sectionTexts(content, subs);
    var scored = subs.map(function (sub, i) {
      var inside = has(texts[i], needle);
      sub.excerpt = inside ? cut(texts[i], needle) : joined(sub.excerpt);
      return { sub: sub, score: isHeadline(sub.title, needle) ? 2 : inside ? 1 : 0, at: i };
    });
    /* Sections holding the phrase, headline first; the others only when none holds it. */
    var holding = scored.filter(function (s) { return s.score > 0; });
    result.sub_results = (holding.length ? holding : scored).sort(function (a, b) {
      return b.score - a.score || a.at - b.at;
    }).map(function (s) { return s.sub; });
    var best = holding.length ? holding[0] : null;
    if (best && best.score === 2) {  /* the result's own link leads to the article */
      result.url = best.sub.url;
    }
    return result;
  }

  window.NewsletterSearchResults = { process: process, needleOf: needleOf };
})();
