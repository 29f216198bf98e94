/* The Pagefind module the search page's UI imports (as its bundle's pagefind.js): Pagefind's
 * own, except that a phrase in quotes finds exactly the pages whose text contains it.
 *
 * Pagefind cuts a quoted phrase into words and looks for them in a row. A Chinese phrase may
 * be cut otherwise than the same characters in a page (高新技术), or cut through a word
 * (的对外开): then no page is found. English words are stemmed, so "technology policies" also
 * found "technological policy". Here the phrase is searched as plain words, which find their
 * page for all of 1,000 random substrings (benchmarks/README.md), and a result is kept only if
 * its text holds every quoted phrase. And a headline the reader typed finds its page first
 * (Pagefind ranks by the words of the whole page), and a Chinese query the pages that hold it
 * as typed (Pagefind finds a Chinese word it did not index by any of its characters). A
 * query typed in Traditional characters or full-width digits finds the text as written. A
 * split index's parts are merged into the same module (search.js), so they are searched
 * too. */
export * from "../../pagefind/pagefind.js";
import * as pagefind from "../../pagefind/pagefind.js";

/* A phrase in quotes: straight, curly or full-width double quotes (any with any: input
 * methods and word processors pair them loosely), or corner brackets, which a Chinese input
 * method types for quotation marks. */
var QUOTED = /["\u201c\u201d\uff02]([^"\u201c\u201d\uff02]*)["\u201c\u201d\uff02]|\u300c([^\u300c\u300d]*)\u300d|\u300e([^\u300e\u300f]*)\u300f/g;
/* Results of plain words read to put first a headline, or a page holding a Chinese query as
 * typed (and as many more for that: those whose matched words are closest together). */
var RERANKED = 30;
var WORD_CHAR = /[\p{L}\p{N}]/u;
var HAN = /\p{Script=Han}/u;
var BETWEEN_HAN = /(?<=\p{Script=Han}) (?=\p{Script=Han})/gu;

/* The phrase of a match of QUOTED: whichever of its groups took part. */
function inside(straight, corner, doubleCorner) {
  return straight !== undefined ? straight : corner !== undefined ? corner : doubleCorner;
}

/* Lower case, white space as one space, none between Chinese characters (a line break in a
 * paragraph's source is no space a reader sees). */
function normal(text) {
  return text.toLowerCase().replace(/\s+/g, " ").replace(BETWEEN_HAN, "").trim();
}

/* The words of a plain Chinese query, each to be found as typed: set apart by spaces or
 * Chinese punctuation (乌克兰 合作, 中加科技合作，交流). */
var APART = /[\s\u3000-\u303f\uff01\uff0c\uff1a\uff1b\uff1f]+/;

function wordsOf(text) {
  return String(text).split(APART).map(normal).filter(Boolean);
}

/* The quoted phrases of a query (normalized), and the query Pagefind is asked instead. */
function parse(term) {
  var phrases = [];
  var plain = String(term).replace(QUOTED, function (_, a, b, c) {
    var phrase = inside(a, b, c);
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

/* Whether a page's data holds every one of the (normalized) phrases. */
function holdsAll(data, phrases) {
  var text = normal(data.content || "");
  return phrases.every(function (phrase) { return holds(text, phrase); });
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

/* Whether a heading of the page holds every needle: with `most`, also says most of it
 * (the reader typed the headline, not a word of it). */
function headed(data, needles, most) {
  return (data.sub_results || []).some(function (sub) {
    var title = normal(sub.title || "");
    return needles.every(function (needle) {
      return holds(title, needle) && (!most || needle.length * 2 >= title.length);
    });
  });
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
  if (term !== null && term !== undefined) {
    var typed = String(term);
    var plain = await asWritten(typed).catch(function () { return typed; });
    if (plain !== typed) {
      var found = await searchAsTyped(plain, options);
      if (found && found.results && found.results.length) {
        return found;
      }
    }
  }
  return searchAsTyped(term, options);
}

/* The query as the text is written: full-width letters and digits, which a Chinese input
 * method in full-width mode types (２０１６, ＡＩ), as ASCII; Traditional characters (國際)
 * in their Simplified forms (国际). The table (t2s.js, loaded at the first Chinese query)
 * holds only characters that Simplified text never does, so nothing a query finds as typed
 * is changed; if the query as written finds nothing, the query as typed is searched. */
var FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;
var toSimplified = null;

function written(text) {
  var half = String(text).replace(FULL_WIDTH, function (char) {
    return String.fromCharCode(char.charCodeAt(0) - 0xfee0);
  });
  return !toSimplified ? half : half.replace(/[\u3400-\u9fff\uf900-\ufaff]/g, function (char) {
    return toSimplified[char] || char;
  });
}

/* Lent to search-results.js, which marks in the excerpts what a query looks for: its first
 * quoted phrase, or the words of a Chinese query, as the text is written. */
globalThis.NewsletterQueryText = {
  phrase: function (term) {
    var match = new RegExp(QUOTED.source).exec(String(term));
    return match ? inside(match[1], match[2], match[3]) : null;
  },
  words: wordsOf,
  written: written
};

async function asWritten(text) {
  if (!toSimplified && HAN.test(text)) {
    toSimplified = (await import("./t2s.js")).default;
  }
  return written(text);
}

/* Pagefind's search, in the order asked for. Pagefind sorts the results of merged indexes
 * (a split index, which search.js merges) by relevance even when asked for a date order;
 * the search page then names a table of each page's date (generator/search/dates.py), and
 * they are sorted by it here. */
var dates = null;

async function searched(term, options) {
  var found = await pagefind.search(term, options);
  var order = options && options.sort && options.sort.date;
  if (!order || !found || !found.results || !globalThis.NewsletterSearchDates) {
    return found;
  }
  if (!dates) {
    dates = fetch(globalThis.NewsletterSearchDates).then(function (response) {
      return response.ok ? response.json() : {};
    }).catch(function () { return {}; });
  }
  var day = await dates;
  var after = order === "asc" ? 1 : -1;
  var sorted = found.results.map(function (result, at) {
    return { result: result, at: at, day: day[result.id] || "" };
  }).sort(function (a, b) {
    return a.day === b.day ? a.at - b.at : a.day < b.day ? -after : after;
  });
  return Object.assign({}, found, {
    results: sorted.map(function (s) { return s.result; })
  });
}

async function searchAsTyped(term, options) {
  var query = term === null || term === undefined ? null : parse(term);
  if (!query || !query.plain) {
    return searched(term, options);
  }
  try {
    return await refined(term, query, options);
  } catch (e) {  /* a fragment that failed to load: Pagefind's own results, then */
    return searched(term, options);
  }
}

/* The query again with each Chinese phrase less one or two characters at its start, then at
 * its end (one character at least is left): a phrase that begins or ends inside a word (域的最
 * of 领域的最新, 步作 of 进一步作出) is cut into words that the page does not have, and its words
 * then miss some of the pages holding it; the rest of it finds them. */
function widened(term) {
  return [[1, 0], [2, 0], [0, 1], [0, 2]].map(function (cut) {
    var changed = false;
    var again = String(term).replace(QUOTED, function (_, a, b, c) {
      var phrase = inside(a, b, c);
      var text = normal(phrase);
      if (HAN.test(text) && text.length > cut[0] + cut[1]) {
        changed = true;
        return " " + text.slice(cut[0], text.length - cut[1]) + " ";
      }
      return " " + phrase + " ";
    });
    return changed ? again.replace(/\s+/g, " ").trim() : null;
  }).filter(Boolean);
}

/* The positions of a result's matched words, in order (known before its page is loaded). */
function positions(result) {
  return (result.words || []).slice().sort(function (a, b) { return a - b; });
}

/* How many of a result's matched words make the longest run (positions one after another). */
function longestRun(result) {
  var sorted = positions(result);
  var best = 0;
  var run = 0;
  sorted.forEach(function (at, i) {
    run = i && at === sorted[i - 1] + 1 ? run + 1 : at === sorted[i - 1] ? run : 1;
    best = Math.max(best, run);
  });
  return best;
}

/* The `count` results whose matched words make the longest run: the pages likeliest to hold
 * a Chinese query as typed, wherever Pagefind ranked them. */
function closest(results, count) {
  return results.map(function (result, i) {
    return { result: result, run: longestRun(result), at: i };
  }).filter(function (r) { return r.run > 1; }).sort(function (a, b) {
    return b.run - a.run || a.at - b.at;
  }).slice(0, count).map(function (r) { return r.result; });
}

/* The results read to rank a plain query by relevance: the first ones, and for a Chinese
 * query those whose words are closest together and the pages `otherwise` found. */
function relevant(results, chinese, otherwise) {
  return results.slice(0, RERANKED)
    .concat(chinese ? closest(results.slice(RERANKED), RERANKED) : [], otherwise);
}

/* Whether two of a result's matched words are next to each other (or one): a query Pagefind
 * matched as several words. */
function adjacent(result) {
  var sorted = positions(result);
  return sorted.some(function (at, i) { return i > 0 && at - sorted[i - 1] <= 1; });
}

/* The pages that hold a Chinese word of three to six characters which Pagefind's search for it
 * missed. Pagefind looks a word of its dictionary up whole (no result has two matched words
 * side by side), and a page may have cut it otherwise (白俄|罗斯 where the query is 白俄罗斯: the
 * search found 25 of the 117 pages holding it on the 500-issue corpus), or hold it inside a
 * longer word (俄罗斯 in 白俄罗斯). The word in two parts finds them ("白俄 罗斯"): the results
 * whose matched words are side by side are read (up to SEGMENTED_READ), and those that hold
 * the word kept. */
var ALL_HAN = /^\p{Script=Han}{3,6}$/u;
var SEGMENTED_READ = 200;

async function segmentedOtherwise(words, found, options) {
  if (words.length !== 1 || !ALL_HAN.test(words[0]) || found.some(adjacent)) {
    return [];
  }
  var word = words[0];
  var splits = [];
  for (var at = 1; at < word.length; at++) {
    splits.push(word.slice(0, at) + " " + word.slice(at));
  }
  var seen = {};
  found.forEach(function (result) { seen[result.id] = true; });
  var candidates = union(await Promise.all(splits.map(function (split) {
    return searched(split, options);
  }))).filter(function (result) {
    return !seen[result.id] && adjacent(result);
  }).slice(0, SEGMENTED_READ);
  var data = await Promise.all(candidates.map(function (result) { return result.data(); }));
  return candidates.filter(function (result, i) {
    if (!holdsAll(data[i], [word])) {
      return false;
    }
    result.data = function () { return Promise.resolve(data[i]); };
    return true;
  });
}

/* The results read to list a Chinese query newest first. Pagefind also finds a page by any
 * of a Chinese query's characters, and sorted by date such pages came first (for 中以两国, 8
 * of the first 10 did not hold it). Its results are read in date order until WANTED of them
 * hold the query (at most DATED_READ); if fewer do, those a search by relevance would read
 * too, to find the few that do. For a word whose search in two parts found further pages
 * (`complete`), all of Pagefind's own (at most SEGMENTED_READ): those further pages are put in
 * date order among them (of Pagefind's own, some do not hold it: for 白俄罗斯, 5 of 30). */
var WANTED = 10;
var DATED_READ = 120;

async function readByDate(term, results, words, options, complete) {
  var wanted = complete ? Infinity : WANTED;
  var most = complete ? SEGMENTED_READ : DATED_READ;
  var read = 0;
  var holding = 0;
  while (read < results.length && read < most && holding < wanted) {
    var data = await Promise.all(results.slice(read, read + RERANKED).map(loadOnce));
    holding += data.filter(function (page) { return holdsAll(page, words); }).length;
    read += data.length;
  }
  var first = results.slice(0, read);
  return complete || holding >= WANTED || read === results.length ? first
    : first.concat(relevant((await searched(term, unsorted(options))).results, true, []));
}

/* Search options without a sort: by relevance. */
function unsorted(options) {
  var copy = Object.assign({}, options);
  delete copy.sort;
  return copy;
}

/* A result's page, loaded once: the UI asks for it again to show it. */
function loadOnce(result) {
  var data = result.data();
  result.data = function () { return data; };
  return data;
}

/* Each page's place in the order `options` sorts by (every page, none of them loaded). */
async function dateOrder(options) {
  var all = await searched(null, options);
  var at = {};
  ((all && all.results) || []).forEach(function (result, i) { at[result.id] = i; });
  return at;
}

/* Every result of the searches, each page once, in the order first found. */
function union(responses) {
  var seen = {};
  var results = [];
  responses.forEach(function (response) {
    ((response && response.results) || []).forEach(function (result) {
      if (!seen[result.id]) {
        seen[result.id] = true;
        results.push(result);
      }
    });
  });
  return results;
}

async function refined(term, query, options) {
  var exact = query.phrases.length > 0;
  var found = await searched(exact ? query.plain : term, options);
  if (!found || !found.results) {
    return found;
  }
  if (exact) {
    found = Object.assign({}, found, { results: union([found].concat(await Promise.all(
      widened(term).map(function (again) { return searched(again, options); })))) });
  }
  var byRelevance = !options || !options.sort || !Object.keys(options.sort).length;
  var chinese = !exact && HAN.test(query.plain);
  var words = chinese ? wordsOf(query.plain) : [];
  var own = found.results;
  var otherwise = chinese ? await segmentedOtherwise(words, own, options) : [];
  found = Object.assign({}, found, { results: own.concat(otherwise) });
  /* Every result of a phrase is read, to keep those that hold it; of plain words, the first
   * ones, to find a headline, or the Chinese query as typed, among them, and for a Chinese
   * query the pages where its words are closest together too; sorted by date, `readByDate`. */
  var read = exact ? found.results : byRelevance ? relevant(own, chinese, otherwise)
    : !chinese ? [] : (await readByDate(term, own, words, options, otherwise.length > 0))
      .concat(otherwise);
  var loaded = new Map(await Promise.all(read.map(async function (result) {
    return [result.id, await loadOnce(result)];
  })));
  var kept = found.results.map(function (result) {
    return { result: result, data: loaded.get(result.id) };
  });
  if (exact) {
    kept = kept.filter(function (k) { return holdsAll(k.data, query.phrases); });
  }
  if (byRelevance) {
    /* A page with the query in a heading first (a quoted phrase, or plain words that say
     * most of the heading), then, for a Chinese query, a page whose text holds it as typed,
     * then Pagefind's order. Pagefind finds a Chinese word it did not index by its
     * characters, any of them: for 中以两国 it ranked first a page without it for one random
     * query of eight (benchmarks/README.md). */
    var needles = exact ? query.phrases : [normal(query.plain)];
    kept.forEach(function (k) {
      k.rank = !k.data ? 0 : headed(k.data, needles, !exact) ? 2 :
        chinese && holdsAll(k.data, words) ? 1 : 0;
    });
    kept.sort(function (a, b) { return b.rank - a.rank; });
  } else if (chinese || exact) {
    /* Sorted by date: for a Chinese query, the pages read that hold it as typed first, then
     * those not read, then those read that do not; each in date order, the pages further
     * searches found among them (a phrase's widened searches, a word's in two parts). */
    kept.forEach(function (k) {
      k.rank = !chinese || !k.data ? 0 : holdsAll(k.data, words) ? 1 : -1;
    });
    var order = otherwise.length || exact ? await dateOrder(options) : {};
    kept.sort(function (a, b) {
      return b.rank - a.rank || (order[a.result.id] || 0) - (order[b.result.id] || 0);
    });
  }
  return Object.assign({}, found, {
    results: kept.map(function (k) { return k.result; }),
    filters: exact ? recount(found.filters, kept.map(function (k) { return k.data; }))
      : found.filters
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
