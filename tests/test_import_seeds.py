"""The five seeds imported into an empty site give what the editors converted by hand, in
any encoding they can be written in."""

from __future__ import annotations

from pathlib import Path

import pytest
from importer_helpers import REPO, SEEDS, blocks, heading_ids, import_into, new_site, split, words

EXPECTED = {  # seed -> the hand-made file
    "000_0ee051bc2d051209.txt": "content/en/pages/taiyuan-cooperation-bases-meeting.md",
    "001_75c42f5b31cae6a0.txt": "content/en/issues/13.md",
    "002_98269823ae50f6be.txt": "content/en/pages/cast-international-organizations-survey.md",
    "003_1de5d12d6fc8a135.txt": "content/en/pages/chongqing-rd-institution-mission.md",
    "004_fd4e310d02422b3e.txt": "content/zh/pages/international-cooperation-12th-five-year-plan.md",
}
# the hand-made title of 002 was written by an editor: the page has no title line
NO_TITLE_IN_SOURCE = {"002_98269823ae50f6be.txt"}
ENCODINGS = ["gb18030", "gbk", "big5", "cp1252", "utf-16"]

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are not on this machine")


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict, str]]:
    root = new_site(tmp_path_factory.mktemp("seeds"))
    code, report = import_into(root, SEEDS)
    assert code == 0
    return {Path(e["source"]).name: (e, Path(e["output"]).read_text("utf-8")) for e in report}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_imports_as_the_hand_made_file(imported, seed: str) -> None:
    entry, markdown = imported[seed]
    ours_front, ours_body = split(markdown)
    theirs_front, theirs_body = split((REPO / EXPECTED[seed]).read_text("utf-8"))
    assert Path(entry["output"]).parent.parts[-2:] == Path(EXPECTED[seed]).parent.parts[-2:]
    for field in ("number", "date"):
        assert str(ours_front.get(field)) == str(theirs_front.get(field)), field
    if seed in NO_TITLE_IN_SOURCE:
        assert any("no title" in w["message"] for w in entry["warnings"])
    else:
        assert ours_front.get("title") == theirs_front.get("title")
    assert blocks(ours_body) == blocks(theirs_body)
    assert words(ours_front.get("colophon", "")) == words(theirs_front.get("colophon", ""))


def test_report_has_exactly_the_documented_keys(imported) -> None:
    for entry, _ in imported.values():
        assert list(entry) == ["source", "output", "lang", "kind", "number", "date", "title",
                               "warnings"]
        assert all(set(w) == {"line", "message"} for w in entry["warnings"])
    entry, _ = imported["001_75c42f5b31cae6a0.txt"]
    assert (entry["lang"], entry["kind"], entry["number"], entry["date"]) == \
        ("en", "issue", 13, "2016-07-15")
    assert entry["title"] == "China Science and Technology Newsletter No.13"
    page, _ = imported["000_0ee051bc2d051209.txt"]
    assert any(w["line"] == 2 and "lost" in w["message"] for w in page["warnings"])


def test_ids_are_unique_and_stable(imported, tmp_path: Path) -> None:
    _, markdown = imported["001_75c42f5b31cae6a0.txt"]
    ids = heading_ids(markdown)
    assert len(ids) == len(set(ids)) == 12
    root = new_site(tmp_path)
    _, report = import_into(root, SEEDS / "001_75c42f5b31cae6a0.txt")
    assert Path(report[0]["output"]).read_text("utf-8") == markdown


def _encoded(seed: str) -> list[tuple[str, bytes]]:
    text = (SEEDS / seed).read_text("utf-8")
    out = []
    for encoding in ENCODINGS:
        try:
            out.append((encoding, text.encode(encoding)))
        except UnicodeEncodeError:
            continue  # not representable (Chinese in cp1252, simplified in Big5, U+FFFD)
    return out


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_in_other_encodings_imports_the_same(imported, seed: str, tmp_path: Path) -> None:
    _, markdown = imported[seed]
    tried = _encoded(seed)
    assert tried  # UTF-16 always works
    for encoding, data in tried:
        root = new_site(tmp_path / encoding)
        source = root / seed
        source.write_bytes(data)
        code, report = import_into(root, source)
        assert code == 0, encoding
        assert Path(report[0]["output"]).read_text("utf-8") == markdown, encoding
