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
                                           words: function (text) { return [text]; },
                                           written: function (text) { return text; } };
  }

  /* The texts a reader looks for: a quoted phrase, else the whole query; a Chinese query of
   * words set apart (乌克兰 合作) looks for each of them (`chinese`). */
  function needlesOf(term) {
    var phrase = queryText().phrase(term || "");
    var needle = (phrase || term || "").replace(/\s+/g, " ").trim();
    var chinese = !phrase && HAN.test(needle);
    return { chinese: chinese, needles: !needle ? [] : chinese ? queryText().words(needle)
      : [needle] };
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

  /* About a line of text around the first occurrence of a needle, every occurrence of each
   * marked. */
  function cut(text, needles) {
    var lower = text.toLowerCase();
    var keys = needles.map(function (needle) { return needle.toLowerCase(); })
      .sort(function (a, b) { return b.length - a.length; });  /* the longest where two start */
    var first = keys.map(function (key) { return [lower.indexOf(key), key]; })
      .filter(function (found) { return found[0] !== -1; })
      .sort(function (a, b) { return a[0] - b[0]; })[0];
    var at = first[0];
    var wide = HAN.test(needles.join(""));
    var start = Math.max(0, at - (wide ? 24 : 80));
    var end = Math.min(text.length, at + first[1].length + (wide ? 56 : 140));
    if (!wide) {  /* whole words at both ends */
      start = start === 0 ? 0 : text.indexOf(" ", start) + 1;
      var space = text.lastIndexOf(" ", end);
      end = end === text.length || space <= at + first[1].length ? end : space;
    }
    var piece = text.slice(start, end);
    var lowerPiece = piece.toLowerCase();
    var out = "";
    var from = 0;
    for (var i = 0; i < piece.length;) {
      var key = keys.filter(function (k) { return lowerPiece.startsWith(k, i); })[0];
      if (key) {
        out += escapeHtml(piece.slice(from, i)) + "<mark>" +
          escapeHtml(piece.slice(i, i + key.length)) + "</mark>";
        i += key.length;
        from = i;
      } else {
        i += 1;
      }
    }
    return out + escapeHtml(piece.slice(from));
  }

  /* Pagefind's own excerpt, its adjacent marks joined into one run. */
  function joined(excerpt) {
    return (excerpt || "").replace(/<\/mark>(\s*)<mark>/g, "$1");
  }

  function has(text, needles) {
    var lower = text.toLowerCase();
    return needles.every(function (needle) {
      return lower.indexOf(needle.toLowerCase()) !== -1;
    });
  }

  /* A title the query says most of: the reader typed the headline. */
  function isHeadline(title, needles) {
    return has(title || "", needles) && needles.join("").length * 2 >= (title || "").length;
  }

  var ALL_HAN = /^[\u3400-\u9fff\uf900-\ufaff]+$/;

  /* What (lower-case) `text` holds of a (lower-case) word of a Chinese query: the word, or
   * else its longest pieces of two characters or more that it holds (中加 and 科技合作 of
   * 中加科技合作), none of them a single character. */
  function pieces(text, word) {
    if (!word || text.indexOf(word) !== -1) {
      return word ? [word] : [];
    }
    if (!ALL_HAN.test(word) || word.length > 32) {  /* (English, digits: whole words only) */
      return [];
    }
    for (var size = word.length - 1; size >= 2; size--) {
      for (var at = 0; at + size <= word.length; at++) {
        var piece = word.slice(at, at + size);
        if (text.indexOf(piece) !== -1) {
          return pieces(text, word.slice(0, at)).concat([piece],
                                                         pieces(text, word.slice(at + size)));
        }
      }
    }
    return [];
  }

  /* The excerpt of a text (a page's, a section's) for the needles. For a Chinese query, what
   * the text holds of its words, else Pagefind's own excerpt with its marks taken out: they
   * are single characters that begin a word (中 of 中心), not what the reader typed. */
  function excerptOf(text, needles, chinese, own) {
    if (!chinese) {
      return has(text, needles) ? cut(text, needles) : joined(own);
    }
    var lower = text.toLowerCase();
    var held = [].concat.apply([], needles.map(function (needle) {
      return pieces(lower, needle.toLowerCase());
    }));
    return held.length ? cut(text, held) : (own || "").replace(/<\/?mark>/g, "");
  }

  function process(result, term) {
    var sought = needlesOf(term);
    var needles = sought.needles;
    var chinese = sought.chinese;
    var content = typeof result.content === "string" ? result.content : "";
    if (!needles.length || !content) {
      return result;
    }
    /* Typed in Traditional characters or full-width digits, found as the text is written */
    var written = needles.map(queryText().written);
    if (!has(content, needles) && has(content, written)) {
      needles = written;
    }
    result.excerpt = excerptOf(content, needles, chinese, result.excerpt);
    var subs = result.sub_results || [];
    var texts = sectionTexts(content, subs);
    var scored = subs.map(function (sub, i) {
      var inside = has(texts[i], needles);
      sub.excerpt = excerptOf(texts[i], needles, chinese, sub.excerpt);
      return { sub: sub, score: isHeadline(sub.title, needles) ? 2 : inside ? 1 : 0, at: i };
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

  window.NewsletterSearchResults = { process: process };
})();
