"""Pagefind index built from the rendered pages in memory (no read-back from the output).

Each site language gets its own Pagefind index in its own Pagefind process, started as soon
as the language's pages are rendered (the build renders them first, `parts.slowest_first`),
beside the other languages and the rest of the rendering; the bundles are merged into one
`pagefind/` (Pagefind keeps languages apart anyway: a page is searched only in its own
language, so results and ranking are the same as with one index). Where `pagefind_folder`
can hand pages over as a folder, Pagefind's command line indexes it (`command`), parsing on
every core; otherwise the pages are sent to its service one at a time. A large Chinese index
is built in parts (`search_parts`), one after another, each parsed while the one before it
builds its index (on one core), each its own bundle that the search page merges. An index
whose pages are all unchanged since the previous build keeps its files, so an English edit
re-indexes English only, and a Chinese one only its part.
The extended binary segments Chinese into words (1.6.0 finds 99.9% of random substrings
without help: benchmarks/README.md), and `canonical` makes each bundle byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass

from generator.output.files import Output
from generator.search import canonical, dates
from generator.search import command as pagefind_command
from generator.search import folder as pagefind_folder
from generator.search import parts as search_parts
from generator.search.command import ENTRY
from generator.search.pagefind import PagefindService
from generator.search.parts import OUTPUT_DIR
from generator.search.report import SearchReport

# Index-only weights: a word in the title or an article heading counts far more than one in
# the text, so a search for an article's headline finds that article first.
_HEADING = re.compile(r"<h([1-4])\b")
_WEIGHTS = {"1": "10", "2": "7", "3": "8", "4": "5"}


@dataclass(frozen=True)
class Part:
    """One index: a site language's, or a part of it (`search_parts`), as the build state
    records it."""

    key: str  # digest of its searchable pages (paths and bytes)
    entry: dict  # pagefind-entry.json without the other languages
    files: dict[str, int]  # the bundle files this index needs (shared ones too): sizes
    pages: dict[str, str]  # the searchable pages' digests, so a kept page need not be read
    folder: str = OUTPUT_DIR  # its bundle's output folder


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
    # (the parts of one language) The least text first: the biggest, built last, then has
    # the machine (and its memory) to itself.
    order = sorted(languages, key=lambda code: _weight(languages[code], read)) \
        if len(languages) > 1 else list(languages)
    with ExitStack() as stack, ThreadPoolExecutor(max(1, len(order))) as pool:
        built: dict[str, Future[dict[str, bytes]]] = {}
        for code in order:
            size = 2 * sum(len(o.data or b"") for o in languages[code])  # (copies: up to twice)
            # (kept until every index is built: Pagefind reads it as it goes)
            folder = stack.enter_context(pagefind_folder.folder(
                paths[code], lambda path: copy(path).encode("utf-8"), size))
            if folder is not None:  # parsed on every core before the next one starts
                parsed = threading.Event()
                built[code] = pool.submit(pagefind_command.bundle, folder, len(paths[code]),
                                          parsed.set)
                parsed.wait()
                continue
            service = stack.enter_context(PagefindService())
            built[code] = pool.submit(_send, service, service.new_index({}), paths[code], copy)
        return {code: canonical.canonicalize(future.result()) for code, future in built.items()}


def _send(service: PagefindService, index: int, paths: list[str],
          copy: Callable[[str], str]) -> dict[str, bytes]:
    """Pages one at a time, each copy made as it is sent (they are not all held at once).
    URLs are site-relative: the Pagefind UI puts the bundle's base path in front itself (and
    a folder's pages get the same ones from their paths)."""
    service.add_html(index, (("/" + path.removesuffix("index.html"), copy(path))
                             for path in paths), len(paths))
    files = service.files(index)
    service.close()  # now, not with the others: its memory is not needed any more
    return files


def _weight(pages: list[Output], read: Callable[[str], bytes]) -> int:
    """How much work a language is for Pagefind, roughly: a byte of ASCII is a sixth of a
    word, one of a Chinese character (three bytes) about half of one."""
    total = 0
    for output in pages:
        data = _data(output, read)
        total += len(data) + 2 * len(data.translate(None, _ASCII))
    return total


_ASCII = bytes(range(128))


def build_index(codes: list[str], pages_of: Callable[[str], list[Output]],
                previous: dict[str, Part], read: Callable[[str], bytes],
                tags: dict[str, str]) -> tuple[list[Output], SearchReport, dict[str, Part]]:
    """The Pagefind bundles (outputs under pagefind/, and a folder for each further part of a
    split index) for the searchable outputs of every language, the report, and the indexes
    for the next build, by name ("zh", "zh-2"). Each language is indexed as soon as
    `pages_of(code)` returns its searchable outputs (the build hands them over as they are
    rendered), beside the others. An index in `previous` whose pages have the same bytes now
    is kept (its files are in the output already); `read` gives the bytes of a kept page.
    `tags`: each language's BCP 47 tag, by folder code.
    """
    with ThreadPoolExecutor(max(1, len(codes))) as pool:
        made = list(pool.map(lambda code: _language(code, pages_of(code), previous, read,
                                                     tags[code]), codes))
    parts = {name: part for found, _ in made for name, part in found.items()}
    bundle, report = _bundle_of(parts, {path: output for _, found in made
                                        for path, output in found.items()})
    return bundle, report, parts


def _language(code: str, pages: list[Output], previous: dict[str, Part],
              read: Callable[[str], bytes], tag: str) -> tuple[dict[str, Part],
                                                               dict[str, Output]]:
    """A language's indexes (one, or the parts of a split one) and their new files."""
    count = search_parts.count(tag, len(pages))
    indexes = {code if index == 0 else f"{code}-{index + 1}": (
        search_parts.folder(code, index),
        [o for o in pages if search_parts.part(o.path, count) == index])
        for index in range(count)} if pages else {}
    parts: dict[str, Part] = {}
    todo: dict[str, tuple[dict[str, str], list[Output]]] = {}
    for name, (folder, part_pages) in indexes.items():
        known = previous[name].pages if name in previous else {}
        digests = {o.path: _digest(o, known, read) for o in part_pages}
        if name in previous and previous[name].key == _key(digests) and \
                previous[name].folder == folder:
            parts[name] = previous[name]
            continue
        todo[name] = digests, part_pages
    built = _index_all({name: part_pages for name, (_, part_pages) in todo.items()}, read)
    files: dict[str, Output] = {}
    for name, bundle in built.items():
        entry = json.loads(bundle.pop(ENTRY))
        folder = indexes[name][0]
        sizes = {path: len(data) for path, data in sorted(bundle.items())}
        parts[name] = Part(_key(todo[name][0]), entry, sizes, todo[name][0], folder)
        files.update((f"{folder}/{path}", Output(f"{folder}/{path}", data))
                     for path, data in bundle.items())
    if count > 1:  # (made again every build: it needs the fragments of every part)
        files[search_parts.dates(code)] = _dates(code, parts, files, pages, read)
    return parts, files


def _dates(code: str, parts: dict[str, Part], files: dict[str, Output], pages: list[Output],
           read: Callable[[str], bytes]) -> Output:
    """A split language's table of sort dates (`dates`), from the fragments of its parts,
    made now (in `files`) or kept (in the output)."""
    def fragment(path: str) -> bytes:
        made = files.get(path)
        return made.data if made is not None and made.data is not None else read(path)

    fragments = ((path, fragment(f"{part.folder}/{path}")) for part in parts.values()
                 for path in part.files if path.startswith(dates.FRAGMENT))
    by_url = {"/" + o.path.removesuffix("index.html"): day for o in pages
              if (day := dates.sort_date(_data(o, read)))}
    return Output(search_parts.dates(code), dates.table(fragments, by_url))


def _bundle_of(parts: dict[str, Part], files: dict[str, Output]) -> tuple[
        list[Output], SearchReport]:
    """Every file of the bundles (those kept from the previous build without data), with
    each folder's pagefind-entry.json naming all its languages, and the report."""
    entries: dict[str, dict] = {}  # folder -> its pagefind-entry.json
    for part in parts.values():
        for path in part.files:
            files.setdefault(f"{part.folder}/{path}",
                             Output(f"{part.folder}/{path}", None))
        found = entries.setdefault(part.folder, {**part.entry, "languages": {}})
        found["languages"].update(part.entry["languages"])
    bundle = [files[path] for path in sorted(files)]
    for folder, entry in sorted(entries.items()):
        # sorted keys: a kept part's entry comes back from the build state in that order
        bundle.append(Output(f"{folder}/{ENTRY}", json.dumps(
            entry, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")))
    sizes = {f"{p.folder}/{path}": size for p in parts.values() for path, size in p.files.items()}
    new = sum(len(o.data or b"") for o in bundle if o.path not in sizes)  # entries, dates
    return bundle, SearchReport(sum(len(p.pages) for p in parts.values()), len(bundle),
                                sum(sizes.values()) + new)


def _key(digests: dict[str, str]) -> str:
    return hashlib.sha256(repr(sorted(digests.items())).encode()).hexdigest()


def _digest(output: Output, known: dict[str, str], read: Callable[[str], bytes]) -> str:
    if output.kept and output.path in known:
        return known[output.path]
    return hashlib.blake2b(_data(output, read), digest_size=16).hexdigest()


def _data(output: Output, read: Callable[[str], bytes]) -> bytes:
    """The page's bytes: rendered now, or kept from the previous build (in the output)."""
    return output.data if output.data is not None else read(output.path)


def indexed_html(page: str) -> str:
    """The copy of a page that Pagefind indexes: weighted headings."""
    return _weigh_headings(page)
