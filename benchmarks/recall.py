"""Chinese recall of a built site's search index, measured with Pagefind's own JS API in
Chromium: random 2-8 character substrings of the Chinese text each page indexes must find
that page. With --quoted, each substring is searched in quotes, and must find exactly the
pages whose text (as Pagefind holds it) contains it. With --first, each is searched as typed
(unquoted), and the first results should be pages that hold it; with --newest too, sorted
by date, newest first, and the first should be the newest pages that hold it.

    python -m benchmarks.recall OUT [--queries 1000] [--seed 1] [--lang zh]
    python -m benchmarks.recall OUT --quoted [--module static/exact/pagefind.js]
    python -m benchmarks.recall OUT --first [--newest] [--module static/exact/pagefind.js]

OUT is a built output folder (`newsletter build --out OUT`). Prints the recall and the misses.
`--module`: the search module, from OUT (Pagefind's own, or the search page's, which
imports it). Chromium is Debian's (/usr/bin/chromium, or $CHROMIUM), driven by Playwright.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import os
import random
import re
import statistics
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.search import parts as search_parts
from generator.search.dates import sort_date

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
_BODY = re.compile(r"<(\w+)[^>]*\bdata-pagefind-body\b[^>]*>(.*)</\1>", re.DOTALL)
_IGNORED = re.compile(r"<(\w+)[^>]*\bdata-pagefind-ignore\b[^>]*>.*?</\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")

# Every query, then the URLs of all its results. A result's URL is in its data, which
# Pagefind loads and makes excerpts for on demand: slow for a query found on hundreds of
# pages, so each page's URL is looked up once, by its result id, and remembered.
SEARCH_ALL = """async ([bundle, merged, queries]) => {
  const pf = await import(bundle);
  for (const part of merged) await pf.mergeIndex(part);  // as the search page does
  const urls = new Map();
  const out = [];
  for (const q of queries) {
    const r = await pf.search(q);
    await Promise.all(r.results.filter((x) => !urls.has(x.id)).map(
      async (x) => urls.set(x.id, (await x.data()).url)));
    out.push(r.results.map((x) => urls.get(x.id)));
  }
  return out;
}"""


# Every page's text as Pagefind holds it, then the URLs of all results of each quoted query.
QUOTED_ALL = """async ([bundle, merged, module, queries]) => {
  const pf = await import(bundle);
  for (const part of merged) await pf.mergeIndex(part);
  const texts = {};
  for (const x of (await pf.search(null)).results) {
    const d = await x.data();
    texts[d.url] = d.content;
  }
  const search = await import(module);
  const out = [];
  for (const q of queries) {
    const r = await search.search(`"${q}"`);
    out.push(await Promise.all(r.results.map(async (x) => (await x.data()).url)));
  }
  return [texts, out];
}"""


# The URLs of each query's first ten results, searched with `module` (unquoted), with
# Pagefind's search options (a sort), and the milliseconds its search took. `dates`: a split
# index's table of sort dates (generator/search/dates.py), or null.
FIRST_TEN = """async ([bundle, merged, module, queries, options, dates]) => {
  const pf = await import(bundle);
  for (const part of merged) await pf.mergeIndex(part);
  globalThis.NewsletterSearchDates = dates;  // as the search page names it
  const search = await import(module);
  const out = [];
  for (const q of queries) {
    const started = performance.now();
    const r = await search.search(q, options);
    const ms = performance.now() - started;
    out.push([await Promise.all(r.results.slice(0, 10).map(async (x) => (await x.data()).url)),
              ms]);
  }
  return out;
}"""


def indexed_text(page: str) -> str:
    """The text Pagefind indexes of a page: its data-pagefind-body, less ignored parts."""
    match = _BODY.search(page)
    if match is None:
        return ""
    return html.unescape(_TAG.sub(" ", _IGNORED.sub(" ", match.group(2))))


def pages(out: Path, lang: str) -> dict[str, str]:
    """Site-relative URL ("/zh/issues/3/") -> indexed text, for the language's indexed pages."""
    found = {}
    for path in sorted((out / lang).rglob("index.html")):
        text = indexed_text(path.read_text(encoding="utf-8"))
        if text:
            found["/" + path.parent.relative_to(out).as_posix() + "/"] = text
    return found


def sample(texts: dict[str, str], count: int, seed: int) -> list[tuple[str, str]]:
    """(substring, URL of a page it comes from): pages drawn evenly, then a run of Chinese
    characters in the page, then a length from 2 to 8 and a place in the run."""
    rng = random.Random(seed)
    runs = {url: _HAN_RUN.findall(text) for url, text in texts.items()}
    urls = sorted(url for url, found in runs.items() if found)
    queries = []
    while len(queries) < count:
        url = rng.choice(urls)
        run = rng.choice(runs[url])
        size = min(len(run), rng.randint(2, 8))
        at = rng.randint(0, len(run) - size)
        queries.append((run[at:at + size], url))
    return queries


@contextmanager
def served(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_: object) -> None:
        pass


def misses(page, bundle: str, queries: list[tuple[str, str]],
           merged: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The (query, URL) pairs whose URL is not among the query's results, with `page` (a
    Playwright page) open on the site, `bundle` the URL of its pagefind.js and `merged` the
    URLs of the further parts of a split index."""
    found = page.evaluate(SEARCH_ALL, [bundle, list(merged), [q for q, _ in queries]])
    return [(q, url) for (q, url), urls in zip(queries, found, strict=True)
            if not any(u.endswith(url) for u in urls)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.recall", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="a built output folder")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lang", default="zh")
    parser.add_argument("--quoted", action="store_true",
                        help="search each substring in quotes: exactly its pages?")
    parser.add_argument("--first", action="store_true",
                        help="search each substring as typed: do its pages come first?")
    parser.add_argument("--newest", action="store_true",
                        help="with --first: sorted by date, newest first")
    parser.add_argument("--module", default="pagefind/pagefind.js")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    texts = pages(args.out, args.lang)
    queries = sample(texts, args.queries, args.seed)
    with served(args.out) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_default_timeout(600_000)
        page.goto(url + f"{args.lang}/")  # (not the search page: it merges the parts itself)
        merged = tuple(f"/{part.name}/"  # (site-relative: so are the pages' URLs)
                       for part in sorted(args.out.glob(f"pagefind-{args.lang}-*")))
        if args.quoted:
            indexed, found = page.evaluate(QUOTED_ALL, [
                url + "pagefind/pagefind.js", list(merged), url + args.module,
                [q for q, _ in queries]])
            browser.close()
            return _report_quoted([q for q, _ in queries], indexed, found)
        if args.first:
            found = page.evaluate(FIRST_TEN, [
                url + "pagefind/pagefind.js", list(merged), url + args.module,
                [q for q, _ in queries], {"sort": {"date": "desc"}} if args.newest else {},
                "/" + search_parts.dates(args.lang) if merged else None])
            browser.close()
            return _report_first([q for q, _ in queries], texts, found,
                                 dates(args.out, texts) if args.newest else None)
        missed = misses(page, url + args.module, queries, merged)
        browser.close()
    found = len(queries) - len(missed)
    print(f"recall: {found}/{len(queries)} = {found / len(queries):.2%}")
    for query, page_url in missed:
        print(f"  missed {query!r} on {page_url}")
    return 0


def _holding(texts: dict[str, str]) -> Callable[[str], set[str]]:
    """query -> the URLs of the pages whose text (white space aside) holds it."""
    flat = {url: re.sub(r"\s+", "", text) for url, text in texts.items()}
    return lambda query: {url for url, text in flat.items() if query in text}


def _report_quoted(queries: list[str], texts: dict[str, str], found: list[list[str]]) -> int:
    holding = _holding(texts)
    wrong = []
    for query, urls in zip(queries, found, strict=True):
        want = holding(query)
        if set(urls) != want:
            wrong.append((query, len(urls), len(want)))
    right = len(queries) - len(wrong)
    print(f"quoted, exactly the pages that hold it: {right}/{len(queries)} = "
          f"{right / len(queries):.2%}")
    for query, got, want in wrong:
        print(f"  {query!r}: {got} pages found, {want} hold it")
    return 0


def dates(out: Path, urls: Iterable[str]) -> dict[str, str]:
    """Site-relative URL -> the date the search page sorts the page by (as the build reads
    it for a split index's table)."""
    return {url: sort_date((out / url.lstrip("/") / "index.html").read_bytes()) or ""
            for url in urls}


def _report_first(queries: list[str], texts: dict[str, str],
                  found: list[tuple[list[str], float]], by_date: dict[str, str] | None) -> int:
    """`by_date`: sorted newest first, by these dates."""
    holding = _holding(texts)
    first = all_first = newest = 0
    for query, (urls, _) in zip(queries, found, strict=True):
        want = holding(query)
        wanted = min(10, len(want))
        first += bool(urls) and urls[0] in want
        all_first += len(urls) >= wanted and all(url in want for url in urls[:wanted])
        if by_date is not None:  # the newest holders, in date order (a tie either way)
            days = sorted((by_date[url] for url in want), reverse=True)[:wanted]
            newest += [by_date.get(url) for url in urls[:wanted]] == days
    print(f"first result holds the query: {first}/{len(queries)}; the first ten (or all "
          f"the pages holding it, if fewer) hold it: {all_first}/{len(queries)}")
    if by_date is not None:
        print(f"the first ten are the newest that hold it, newest first: "
              f"{newest}/{len(queries)}")
    times = sorted(ms for _, ms in found)
    print(f"search time: median {statistics.median(times):.0f} ms, 90th percentile "
          f"{times[int(len(times) * 0.9)]:.0f} ms, slowest {times[-1]:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
