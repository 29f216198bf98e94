"""Pagefind index built from the rendered pages in memory (no read-back from the output).

Each site language gets its own Pagefind index in its own Pagefind process; the bundles are
merged into one `pagefind/` (Pagefind keeps languages apart anyway: a page is searched only
in its own language, so results and ranking are the same as with one index). Where
`pagefind_folder` can hand a language's pages over as a folder, Pagefind parses them on every
core, so the languages go one after another, each parsed while the one before it builds its
index (on one core); otherwise the pages are sent one at a time to every language's Pagefind
at once. A language whose searchable pages are all unchanged since the previous build keeps
its part of the bundle, so an English edit re-indexes English only.
The extended binary segments Chinese into words, `ngrams` adds the recall it misses, and
`reproducible` makes each bundle byte-identical from run to run.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass

from generator import ngrams, pagefind_folder, reproducible
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


def _index_all(languages: dict[str, list[Output]],
               read: Callable[[str], bytes]) -> dict[str, dict[str, bytes]]:
    """Each language's bundle files, its pages given to Pagefind in `order_key` order."""
    def copy(path: str) -> str:
        return indexed_html(_data(by_path[path], read).decode("utf-8"))

    by_path = {o.path: o for pages in languages.values() for o in pages}
    paths = {code: sorted((o.path for o in pages), key=pagefind_folder.order_key)
             for code, pages in languages.items()}
    # The least text first: the biggest index, built last, then has the machine (and its
    # memory) to itself; the time is the same as biggest first (23.2-24.2 s against
    # 23.6-23.9 s at 2,000 issues a language) and the peak is one Pagefind, not two.
    order = sorted(languages, key=lambda code: _weight(languages[code], read)) \
        if len(languages) > 1 else list(languages)
    with ExitStack() as services, ThreadPoolExecutor(max(1, len(order))) as pool:
        built: dict[str, Future[dict[str, bytes]]] = {}
        for code in order:
            service = services.enter_context(PagefindService())
            index = service.new_index({})
            size = 2 * sum(len(o.data) for o in languages[code])  # (copies: up to twice)
            with pagefind_folder.folder(paths[code], lambda path: copy(path).encode("utf-8"),
                                        size) as folder:
                if folder is not None:  # parsed on every core before the next one starts
                    service.add_dir(index, str(folder), len(paths[code]))
                    built[code] = pool.submit(_bundle, service, index)
                    continue
            built[code] = pool.submit(_send, service, index, paths[code], copy)
        return {code: future.result() for code, future in built.items()}


def _send(service: PagefindService, index: int, paths: list[str],
          copy: Callable[[str], str]) -> dict[str, bytes]:
    """Pages one at a time, each copy made as it is sent (they are not all held at once).
    URLs are site-relative: the Pagefind UI puts the bundle's base path in front itself (and
    a folder's pages get the same ones from their paths)."""
    service.add_html(index, (("/" + path.removesuffix("index.html"), copy(path))
                             for path in paths), len(paths))
    return _bundle(service, index)


def _bundle(service: PagefindService, index: int) -> dict[str, bytes]:
    files = service.files(index)
    service.close()  # now, not with the others: its memory is not needed any more
    return reproducible.canonicalize(files)


def _weight(pages: list[Output], read: Callable[[str], bytes]) -> int:
    """How much work a language is for Pagefind, roughly: a byte of ASCII is a sixth of a
    word, one of a Chinese character (three bytes, and its bigrams) about half of one."""
    total = 0
    for output in pages:
        data = _data(output, read)
        total += len(data) + 2 * len(data.translate(None, _ASCII))
    return total


_ASCII = bytes(range(128))


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
    built = _index_all({code: pages for code, (_, pages) in todo.items()}, read)
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
    return hashlib.blake2b(_data(output, read), digest_size=16).hexdigest()


def _data(output: Output, read: Callable[[str], bytes]) -> bytes:
    """The page's bytes: rendered now, or kept from the previous build (in the output)."""
    return read(output.path) if output.kept else output.data


def indexed_html(page: str) -> str:
    """The copy of a page that Pagefind indexes: weighted headings, Chinese n-gram blocks."""
    text = _weigh_headings(page)
    return ngrams.augment(text) if 'lang="zh' in text[:200] else text
