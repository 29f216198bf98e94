"""The benchmark corpus is deterministic, well-formed and builds without errors."""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # benchmarks/ is not an installed package
    sys.path.insert(0, str(REPO))

from benchmarks.corpus import issue_dates, write_corpus  # noqa: E402
from generator.build import build  # noqa: E402
from generator.load import Options  # noqa: E402
from generator.render.theme import Theme  # noqa: E402

ANCHOR = re.compile(r"^#{2,3} .* \{#([a-z0-9-]+)\}$", re.MULTILINE)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "content").rglob("*.md"))}


def test_corpus_is_deterministic_and_builds(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", 5, seed=7)
    second = write_corpus(tmp_path / "b", 5, seed=7)
    files = _files(first)
    assert files == _files(second)
    assert _files(write_corpus(tmp_path / "c", 5, seed=8)) != files
    assert len([f for f in files if "/issues/" in f]) == 10

    for n in range(1, 6):
        en = files[f"content/en/issues/{n}.md"].decode()
        zh = files[f"content/zh/issues/{n}.md"].decode()
        assert ANCHOR.findall(en) == ANCHOR.findall(zh)  # same ids in both languages
        assert 2 + 6 <= len(ANCHOR.findall(en)) <= 2 + 8
        assert "translation_of: en" in zh
        assert 7_000 <= len(en.encode()) <= 11_000
        assert 12_288 <= len(zh.encode()) <= 15_000  # as dense as the real Chinese

    report = build(Options(root=first, out=tmp_path / "out", search=False),
                   theme=Theme(REPO / "themes" / "default"))
    assert not report.warnings
    for n in range(1, 6):
        assert (tmp_path / "out" / "zh" / "issues" / str(n) / "index.html").is_file()


def test_issue_k_does_not_depend_on_the_corpus_size(tmp_path: Path) -> None:
    small = _files(write_corpus(tmp_path / "small", 3))
    large = _files(write_corpus(tmp_path / "large", 6))
    assert all(large[f] == data for f, data in small.items() if "/issues/" in f)


def test_dates_never_lie_in_the_future() -> None:
    weekly = issue_dates(2000, "weekly")
    assert weekly[-1].year <= 2025 and len({d.year for d in weekly}) > 30
    assert issue_dates(10, "weekly")[0].isoformat() == "2000-01-01"
    monthly = issue_dates(500, "monthly")
    assert monthly[-1].year <= 2025 and monthly == sorted(set(monthly))
