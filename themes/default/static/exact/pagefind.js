/* The Pagefind module the search page's UI imports (as its bundle's pagefind.js): Pagefind's
 * own, except that a phrase in quotes finds exactly the pages whose text contains it.
 *
 * Pagefind cuts a quoted phrase into words and looks for them in a row. A Chinese phrase may
 * be cut otherwise than the same characters in a page (高新技术), or cut through a word
 * (的对外开): then no page is found. English words are stemmed, so "technology policies" also
 * found "technological policy". Here the phrase is searched as plain words, which find their
 * page for 99.9% of random substrings (benchmarks/README.md), and a result is kept only if its
 * text holds every quoted phrase. A split index's parts are merged into the same module
 * (search.js), so they are searched too. */
export * from "../../pagefind/pagefind.js";
import * as pagefind from "../../pagefind/pagefind.js";

var QUOTED = /"([^"]*)"/g;
var WORD_CHAR = /[\p{L}\p{N}]/u;
var HAN = /\p{Script=Han}/u;
var BETWEEN_HAN = /(?<=\p{Script=Han}) (?=\p{Script=Han})/gu;

/* Lower case, white space as one space, none between Chinese characters (a line break in a
 * paragraph's source is no space a reader sees). */
function normal(text) {
  return text.toLowerCase().replace(/\s+/g, " ").replace(BETWEEN_HAN, "").trim();
}

/* The quoted phrases of a query (normalized), and the query Pagefind is asked instead. */
function parse(term) {
  var phrases = [];
  var plain = String(term).replace(QUOTED, function (_, phrase) {
    if (normal(phrase)) {
      phrases.push(normal(phrase));
    }
    return " " + phrase + " ";
  });
  return { phrases: phrases, plain: plain.replace(/\s+/g, " ").trim() };
}

/* Whether a word goes on past position `at` of `text` (the side a phrase's end is on): a
 * quoted English word is the whole word ("science" is not in "sciences"). Chinese is written
 * without spaces, so a Han character ends nothing. */
function runsOn(text, at, edge) {
  var next = text.charAt(at);
  return next !== "" && WORD_CHAR.test(next) && WORD_CHAR.test(edge) &&
    !HAN.test(next) && !HAN.test(edge);
}

function holds(text, phrase) {
  var first = phrase.charAt(0);
  var last = phrase.charAt(phrase.length - 1);
  for (var at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
    if (!runsOn(text, at - 1, first) && !runsOn(text, at + phrase.length, last)) {
      return true;
    }
  }
  return false;
}

function headed(data, phrases) {
  return (data.sub_results || []).some(function (sub) {
    var title = normal(sub.title || "");
    return phrases.every(function (phrase) { return holds(title, phrase); });
  }) ? 1 : 0;
}

/* Each value's count among the kept results, for the values Pagefind listed. */
function recount(listed, kept) {
  var counts = {};
  Object.keys(listed || {}).forEach(function (name) {
    counts[name] = {};
    Object.keys(listed[name]).forEach(function (value) {
      counts[name][value] = kept.filter(function (data) {
        return ((data.filters || {})[name] || []).indexOf(value) !== -1;
      }).length;
    });
  });
  return counts;
}

export async function search(term, options) {
  var query = term === null || term === undefined ? null : parse(term);
  if (!query || !query.phrases.length) {
    return pagefind.search(term, options);
  }
  var found = await pagefind.search(query.plain, options);
  if (!found || !found.results) {
    return found;
  }
  var loaded = await Promise.all(found.results.map(function (result) {
    var data = result.data();  /* loaded once: the UI asks again for what it shows */
    result.data = function () { return data; };
    return data;
  }));
  var kept = [];
  loaded.forEach(function (data, i) {
    var text = normal(data.content || "");
    if (query.phrases.every(function (phrase) { return holds(text, phrase); })) {
      kept.push({ result: found.results[i], data: data, headline: headed(data, query.phrases) });
    }
  });
  if (!options || !options.sort || !Object.keys(options.sort).length) {
    /* By relevance: a page with the phrase in a heading first (the reader quoted a
     * headline), then Pagefind's order. */
    kept.sort(function (a, b) { return b.headline - a.headline; });
  }
  return Object.assign({}, found, {
    results: kept.map(function (k) { return k.result; }),
    filters: recount(found.filters, kept.map(function (k) { return k.data; }))
  });
}

var latest = 0;

export async function debouncedSearch(term, options, wait) {
  var mine = ++latest;
  await new Promise(function (resolve) { setTimeout(resolve, wait || 300); });
  if (mine !== latest) {
    return null;
  }
  var found = await search(term, options);
  return mine === latest ? found : null;
}
