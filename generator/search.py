"""Pagefind index built from the rendered pages in memory (no read-back from disk).

Each site language gets its own Pagefind index, built at the same time as the others in its
own Pagefind process; the bundles are merged into one `pagefind/` (Pagefind keeps languages
apart anyway: a page is searched only in its own language, so results and ranking are the
same as with one index). A language whose searchable pages are all unchanged since the
previous build keeps its part of the bundle, so an English edit re-indexes English only.
The extended binary segments Chinese into words, `ngrams` adds the recall it misses, and
`reproducible` makes each bundle byte-identical from run to run.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from generator import ngrams, reproducible
from generator.model import Output, SearchReport
from generator.pagefind_service import PagefindService

OUTPUT_DIR = "pagefind"
ENTRY = "pagefind-entry.json"

# Index-only weights: a word in the title or an article heading counts far more than one in
# the text, so a search for an article's headline finds that article first.
_HEADING = re.compile(r"<h([1-4])\b")
_WEIGHTS = {"1": "10", "2": "7", "3": "8", "4": "5"}


@dataclass(frozen=True)
class Part:
    """One site language's share of the bundle, as the build state records it."""

    key: str  # digest of the language's searchable pages (paths and bytes)
    entry: dict  # pagefind-entry.json without the other languages
    files: dict[str, int]  # the bundle files this language needs (shared ones too): sizes
    pages: dict[str, str]  # the searchable pages' digests, so a kept page need not be read


def _weigh_headings(page: str) -> str:
    return _HEADING.sub(lambda m: f'<h{m.group(1)} data-pagefind-weight="'
                        f'{_WEIGHTS[m.group(1)]}"', page)


def _index(pages: list[Output], read: Callable[[str], bytes]) -> dict[str, bytes]:
    with PagefindService() as service:
        index = service.new_index({})
        # each page's indexed copy is made as it is sent: they are not all held at once
        service.add_html(index, (_page(o, read) for o in pages), len(pages))
        return reproducible.canonicalize(service.files(index))


def build_index(outputs: list[Output], previous: dict[str, Part],
                read: Callable[[str], bytes]) -> tuple[list[Output], SearchReport,
                                                        dict[str, Part]]:
    """The Pagefind bundle (outputs under pagefind/) for every searchable output, the report,
    and the parts for the next build. A part in `previous` whose pages have the same bytes
    now is kept (its files are in the output already); `read` gives the bytes of a kept page.
    """
    languages: dict[str, list[Output]] = {}
    for output in outputs:
        if output.searchable:
            languages.setdefault(output.path.split("/", 1)[0], []).append(output)
    parts: dict[str, Part] = {}
    todo: dict[str, tuple[dict[str, str], list[Output]]] = {}
    for code, pages in sorted(languages.items()):
        known = previous[code].pages if code in previous else {}
        digests = {o.path: _digest(o, known, read) for o in pages}
        if code in previous and previous[code].key == _key(digests):
            parts[code] = previous[code]
            continue
        todo[code] = digests, pages
    with ThreadPoolExecutor(max(1, len(todo))) as pool:  # each thread waits on its Pagefind
        built = dict(zip(todo, pool.map(lambda pages: _index(pages, read),
                                        [pages for _, pages in todo.values()]), strict=True))
    files: dict[str, Output] = {}
    for code, bundle in built.items():
        entry = json.loads(bundle.pop(ENTRY))
        digests = todo[code][0]
        sizes = {path: len(data) for path, data in sorted(bundle.items())}
        parts[code] = Part(_key(digests), entry, sizes, digests)
        files.update((path, Output(f"{OUTPUT_DIR}/{path}", data))
                     for path, data in bundle.items())
    for part in parts.values():
        for path in part.files:
            files.setdefault(path, Output(f"{OUTPUT_DIR}/{path}", b"", kept=True))
    entry = {**next(iter(parts.values())).entry, "languages": dict(sorted(
        (lang, record) for part in parts.values()
        for lang, record in part.entry["languages"].items()))} if parts else None
    bundle = [files[path] for path in sorted(files)]
    if entry is not None:
        # sorted keys: a kept part's entry comes back from the build state in that order
        bundle.append(Output(f"{OUTPUT_DIR}/{ENTRY}", json.dumps(
            entry, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")))
    sizes = {path: size for part in parts.values() for path, size in part.files.items()}
    report = SearchReport(sum(len(p.pages) for p in parts.values()), len(bundle),
                          sum(sizes.values()) + len(bundle[-1].data) if entry else 0)
    return bundle, report, parts


def _key(digests: dict[str, str]) -> str:
    return hashlib.sha256(repr(sorted(digests.items())).encode()).hexdigest()


def _digest(output: Output, known: dict[str, str], read: Callable[[str], bytes]) -> str:
    if output.kept and output.path in known:
        return known[output.path]
    data = read(output.path) if output.kept else output.data
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _page(output: Output, read: Callable[[str], bytes]) -> tuple[str, str]:
    # Site-relative: the Pagefind UI puts the bundle's base path in front itself.
    url = "/" + output.path.removesuffix("index.html")
    return url, indexed_html((read(output.path) if output.kept else output.data).decode("utf-8"))


def indexed_html(page: str) -> str:
    """The copy of a page that Pagefind indexes: weighted headings, Chinese n-gram blocks."""
    text = _weigh_headings(page)
    return ngrams.augment(text) if 'lang="zh' in text[:200] else text
