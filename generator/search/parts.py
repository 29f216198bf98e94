"""How a language's search index is split into parts, where each part's bundle goes, and which
language is indexed first.

Pagefind builds a language's index in one process, and the Chinese one took 1.8 GB and 24 s
at 2,000 issues when it carried n-gram blocks, growing with the archive. Split by a
hash of the page path, each part is a fair sample of the archive: its word statistics are
close to the whole's, so the search page can merge the parts (Pagefind's `mergeIndex`) and
rank as before. Measured at 2,000 issues (benchmarks/README.md): in two or three parts the
Chinese index took under 1 GB and 19-20 s in all, and ranked the same; in parts of under 100
pages it ranked worse. English ranked worse when split, and its index is small: only
Chinese is split (the blocks are gone since Pagefind 1.6; the split still bounds the largest
process: benchmarks/README.md). Pure: the renderer (the search page names the parts it
merges) and the indexer ask the same questions.
"""

from __future__ import annotations

import zlib

OUTPUT_DIR = "pagefind"  # the bundle: every language's first part
# (Smaller parts, to build one on each core, were faster and ranked headlines worse:
# benchmarks/README.md.)
PAGES_PER_PART = 1000


def count(tag: str, pages: int) -> int:
    """How many parts the index of a language (its BCP 47 tag) with `pages` pages has."""
    if not tag.lower().startswith("zh") or pages <= PAGES_PER_PART:
        return 1
    return -(-pages // PAGES_PER_PART)


def part(path: str, parts: int) -> int:
    """The part a page (its output path) is indexed in."""
    return zlib.crc32(path.encode("utf-8")) % parts if parts > 1 else 0


def folder(code: str, index: int) -> str:
    """The output folder of part `index` of a language's index: the first is in the bundle
    with the other languages; each other one is a bundle of its own, merged by the page."""
    return OUTPUT_DIR if index == 0 else f"{OUTPUT_DIR}-{code}-{index + 1}"


# A split language's table of its pages' sort dates (`dates`), in its second part's folder;
# the search page (search.html) finds it there.
DATES = "dates.json"


def dates(code: str) -> str:
    """The output path of a split language's table of sort dates."""
    return f"{folder(code, 1)}/{DATES}"


def merged(code: str, tag: str, pages: int) -> list[str]:
    """The folders (with a slash) of the further parts, which the language's search page
    merges into its first."""
    return [folder(code, index) + "/" for index in range(1, count(tag, pages))]


def slowest_first(tags: dict[str, str]) -> list[str]:
    """The languages (folder codes), those whose index takes Pagefind longest first: Chinese,
    Japanese and Korean text is cut into words, several times the work of other text."""
    return sorted(tags, key=lambda code: not tags[code].lower().startswith(("zh", "ja", "ko")))
