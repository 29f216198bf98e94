"""The rules that keep the code clean, checked: a pure model, imports that point one way,
one reader of content, and writes only where the output and the cache are owned."""

from __future__ import annotations

import ast
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "generator"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "sites" / "archive"
THEME = PACKAGE.parent / "themes" / "default"

# Lowest first. A module may import its own rank or a lower one, never a higher one: the
# pipeline's stages in the order a build runs them, then what drives them.
RANKS = [
    {"errors", "model"},
    {"content"},  # content files and site.yaml (config.py)
    {"output"},  # the one writer: every stage hands it files, it knows none of them
    {"site"},
    {"render"},
    {"search"},
    {"incremental"},  # the store that lets a build skip work: may look at every stage
    {"load"},  # the first half of every command: config, content, store -> the Site
    {"build", "report"},
    {"cli_output", "tools", "importer"},
    {"cli", "__main__"},
]
RANK = {part: level for level, parts in enumerate(RANKS) for part in parts}

# Editor tools write content on request (`new`, `translated`, `import`); nothing else may
# write anywhere but the output folder (output/) or the cache (incremental/).
WRITERS = ("output/", "incremental/", "tools/scaffold.py", "importer/command.py")
WRITES = re.compile(
    r"\.write_(?:text|bytes)\(|\bopen\([^)]*[\"'][wax]b?\+?[\"']|\.open\([\"'][wax]"
    r"|\bos\.(?:replace|rename|renames|link|symlink|remove|unlink|rmdir|removedirs|makedirs"
    r"|mkdir|truncate|ftruncate|open|utime|chmod)\b|\bshutil\.(?!disk_usage|which)\w+"
    r"|\.(?:rename|unlink|rmdir|mkdir|touch|symlink_to|hardlink_to|chmod)\(")


def modules() -> Iterator[Path]:
    return (p for p in sorted(PACKAGE.rglob("*.py")))


def place(path: Path) -> str:
    """The top-level part a module belongs to: `content` for generator/content/reader.py."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def imported(path: Path) -> set[str]:
    """Every module `path` imports, as dotted names (function-local imports included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_model_imports_only_the_standard_library() -> None:
    tops = {name.split(".")[0] for name in imported(PACKAGE / "model.py")}
    assert tops - {"__future__"} <= set(sys.stdlib_module_names)


def test_every_part_of_the_package_has_a_rank() -> None:
    unranked = {place(p) for p in modules()} - set(RANK) - {"__init__"}
    assert not unranked, f"give {unranked} a place in RANKS"


def test_imports_point_one_way() -> None:
    upward = []
    for path in modules():
        here = place(path)
        for name in imported(path):
            parts = name.split(".")
            if parts[0] != "generator" or len(parts) < 2 or parts[1] not in RANK:
                continue
            if here in RANK and RANK[parts[1]] > RANK[here]:
                upward.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not upward, "a stage imports a later one:\n" + "\n".join(sorted(upward))


def test_only_the_output_and_the_store_write() -> None:
    writers = {p.relative_to(PACKAGE).as_posix() for p in modules()
               if WRITES.search(p.read_text("utf-8"))}
    stray = {w for w in writers if not w.startswith(WRITERS)}
    assert not stray, f"writes outside output/ and incremental/: {sorted(stray)}"


def test_the_write_pattern_catches_every_way_of_writing() -> None:
    for line in ("os.replace(a, b)", "os.link(a, b)", "shutil.rmtree(p)", "shutil.copy(a, b)",
                 "p.write_text(s)", "p.write_bytes(b)", 'open(p, "w")', "open(p, 'ab')",
                 'p.open("x", encoding="utf-8")', "p.unlink()", "p.rename(q)", "p.mkdir()"):
        assert WRITES.search(line), line
    for line in ("p.read_text()", 'open(p, "rb")', "os.scandir(p)", "p.is_file()"):
        assert not WRITES.search(line), line


# ----- at run time: who touches the site's content during a build ------------------------
class _Watch:
    """An audit hook (PEP 578) noting each file event on a path below `root`, with the first
    module of the package on the stack. Hooks cannot be removed: it stays, switched off."""

    def __init__(self) -> None:
        self.root: str | None = None
        self.seen: list[tuple[str, str, str]] = []  # (event, path, module)

    def __call__(self, event: str, args: tuple) -> None:
        if self.root is None or event not in ("open", "os.scandir", "os.listdir"):
            return
        target = args[0] if args else None
        if isinstance(target, bytes | Path):
            target = str(target) if isinstance(target, Path) else target.decode("utf-8", "replace")
        if not isinstance(target, str) or not target.startswith(self.root):
            return
        frame = sys._getframe(1)
        while frame and not frame.f_globals.get("__name__", "").startswith("generator."):
            frame = frame.f_back
        module = frame.f_globals["__name__"] if frame else "?"
        mode = args[1] if event == "open" and len(args) > 1 else ""
        self.seen.append((f"{event} {mode}".strip(), target, module))


_WATCH = _Watch()
sys.addaudithook(_WATCH)


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[Path, list[tuple[str, str, str]]]]:
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    shutil.copytree(THEME, site / "themes" / "default")
    _WATCH.root, _WATCH.seen = str(site), []
    try:
        yield site, _WATCH.seen
    finally:
        _WATCH.root = None


def test_only_the_reader_reads_content(watched: tuple[Path, list]) -> None:
    from generator.cli import main

    site, seen = watched
    assert main(["--root", str(site), "build", "--no-search", "--out", str(site / "out")]) == 0
    inputs = (str(site / "content"), str(site / "site.yaml"))
    readers = {(event, path, module) for event, path, module in seen if path.startswith(inputs)}
    assert readers, "the watch saw no read of the content: it is not watching"
    others = sorted({module for _, _, module in readers} - {"generator.content.reader"})
    assert not others, f"content read outside generator/content/reader.py: {others}"


def test_a_build_writes_only_the_output_and_the_cache(watched: tuple[Path, list]) -> None:
    from generator.cli import main

    site, seen = watched
    assert main(["--root", str(site), "build", "--no-search", "--out", str(site / "out")]) == 0
    allowed = (str(site / "out"), str(site / ".out"), str(site / ".cache"))
    writes = sorted({(path, module) for event, path, module in seen
                     if event.startswith("open") and any(c in event for c in "wax+")
                     and not path.startswith(allowed)})
    assert not writes, f"written outside the output and the cache: {writes}"


def test_the_reserved_heading_ids_are_the_ids_the_templates_use() -> None:
    from generator.content.document import RESERVED_IDS, RESERVED_PREFIXES

    found = set()
    for template in (THEME / "templates").rglob("*.html"):
        found |= set(re.findall(r'\bid="([^"]+)"', template.read_text(encoding="utf-8")))
    fixed = {i for i in found if "{" not in i}
    prefixes = {i.split("{", 1)[0] for i in found if "{" in i}
    assert fixed <= RESERVED_IDS and prefixes <= set(RESERVED_PREFIXES)
