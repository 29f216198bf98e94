"""`newsletter import` over the synthetic legacy pages: every layout and damage of issue 17."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from importer_helpers import LEGACY, SEEDS, blocks, heading_ids, import_into, new_site, split

from generator.cli import main


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict]]:
    root = new_site(tmp_path_factory.mktemp("legacy"))
    code, report = import_into(root, LEGACY)
    assert code == 0
    return root, {Path(e["source"]).name: e for e in report}


def _read(entry: dict) -> tuple[dict, list[tuple[str, str]]]:
    front, body = split(Path(entry["output"]).read_text("utf-8"))
    return front, blocks(body)


def _messages(entry: dict) -> str:
    return "\n".join(w["message"] for w in entry["warnings"])


def test_era1_gbk_html_with_chrome(site) -> None:
    _, report = site
    entry = report["era1-n0-210.html"]
    assert (entry["number"], entry["date"], entry["kind"]) == (210, "2000-01-10", "issue")
    front, body = _read(entry)
    assert ("h3", "Beijing Opens a Software Park") in body  # "BEIJING … PARK." in the text
    assert ("p", "Scientists reported progress on the rice genome — a national priority.") in body
    text = " ".join(t for _, t in body)
    for chrome in ("Home", "Views", "Print", "Copyright", "Ministry of Science", "never run"):
        assert chrome not in text


def test_typo_in_date_is_a_guess_with_a_warning(site) -> None:
    entry = site[1]["era1-n0-211-typo.txt"]
    assert entry["date"] == "2000-05-20"
    assert "Mayh" in _messages(entry)
    _, body = _read(entry)
    assert [t for k, t in body if k == "h3"] == ["Biotechnology Fund Set Up", "Satellite Launched"]
    assert ("p", "A national fund for biotechnology was set up. It’s the first of its kind.") \
        in body  # cp1252 quote


def test_numberless_issue_is_named_by_its_date(site) -> None:
    entry = site[1]["era2-numberless-2010-03-30.html"]
    assert entry["number"] is None and entry["date"] == "2010-03-30"
    assert entry["output"].endswith("content/en/issues/2010-03-30.md")
    front, body = _read(entry)
    assert "number" not in front and str(front["date"]) == "2010-03-30"
    assert ("h3", "China’s Polar Research Expands") in body  # Wingdings "l" bullets, ftfy
    assert not any("Older issue" in t or "Previous" in t for _, t in body)


def test_flattened_pdf_toc_and_pdf_debris(site) -> None:
    entry = site[1]["era3-no-6-flattened-toc.txt"]
    front, body = _read(entry)
    assert [t for k, t in body if k == "h2"] == ["Cooperation", "Innovation"]
    assert ("p", "The agreement covers astronomy, energy and agriculture.") in body
    assert any("annual Conference held in Santiago" in t for _, t in body)
    assert any("The conference of partners" in t for _, t in body)
    assert "Zhang San" in front["colophon"] and "page-break" in _messages(entry)


def test_two_columns_are_reported(site) -> None:
    entry = site[1]["era3-no-24-two-columns.txt"]
    assert entry["date"] == "2015-06" and entry["number"] == 24
    assert "two columns" in _messages(entry)


def test_big5_gateway_becomes_simplified_without_glosses(site) -> None:
    entry = site[1]["zh-13-big5-gateway.html"]
    assert (entry["lang"], entry["number"], entry["date"]) == ("zh", 13, "2016-07-15")
    _, body = _read(entry)
    assert ("p", "双方同意加强统一战线的交流。") in body
    assert ("source", "（来源：中国国际科技合作网，2016年7月6日）") in body
    assert [t for k, t in body if k == "h4"][0] == "一、构建集中力量办大事的新机制"
    assert "Traditional" in _messages(entry) and "pinyin" in _messages(entry)
    assert not any("浏览" in t or "当前位置" in t or "ICP" in t for _, t in body)


def test_unrepairable_damage_is_reported_with_its_line(site) -> None:
    entry = site[1]["damaged-zh.txt"]
    lines = {w["line"]: w["message"] for w in entry["warnings"]}
    assert "锟斤拷" in lines[4] and "U+FFFD" in lines[5] and "spam" in lines[6]
    _, body = _read(entry)
    assert not any("赌" in t for _, t in body)


def test_gbk_read_as_latin1_is_repaired(site) -> None:
    entry = site[1]["gbk-read-as-latin1.txt"]
    _, body = _read(entry)
    assert body == [("p", "The ministry’s new grants — worth ten million yuan — open today.")]
    assert entry["title"] == "Ministry Announces Grants"


def test_chinese_announcement_page(site) -> None:
    entry = site[1]["announcement-zh.html"]
    front, body = _read(entry)
    assert (front["title"], str(front["date"]), front["source"]) == \
        ("关于举办国际合作培训班的通知", "2012-04-18", "科技部")
    assert body == [("p", "为加强国际科技合作，决定举办培训班。"),
                    ("panel", "专栏：培训内容 | 合作政策、项目管理。")]  # `:` made full-width
    assert any("half-width punctuation" in w["message"] for w in entry["warnings"])


def test_second_mirror_is_a_duplicate_not_written(site) -> None:
    _, report = site
    kept, lossy = report["mirror-1-clean.txt"], report["mirror-2-lossy.txt"]
    assert kept["output"] and lossy["output"] is None
    assert "duplicate of" in _messages(lossy)


def test_lossy_copy_loses_even_when_read_first(tmp_path: Path) -> None:
    root = new_site(tmp_path)
    _, report = import_into(root, LEGACY / "mirror-2-lossy.txt", LEGACY / "mirror-1-clean.txt")
    assert report[0]["output"] is None and report[1]["output"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are not on this machine")
def test_chinese_ids_come_from_the_english_edition(tmp_path: Path) -> None:
    root = new_site(tmp_path)
    _, report = import_into(root, LEGACY / "zh-13-big5-gateway.html",
                            SEEDS / "001_75c42f5b31cae6a0.txt")
    zh, en = (Path(e["output"]).read_text("utf-8") for e in report)
    assert heading_ids(zh) == heading_ids(en)


def test_never_overwrites_and_reports_earlier_imports(tmp_path: Path) -> None:
    root = new_site(tmp_path)
    source = LEGACY / "era1-n0-210.html"
    import_into(root, source)
    target = root / "content/en/issues/210.md"
    target.write_text("edited by hand\n", encoding="utf-8")
    code, report = import_into(root, source)
    assert code == 0 and report[0]["output"] is None
    assert "already imported" in _messages(report[0])
    assert target.read_text("utf-8") == "edited by hand\n"


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    root = new_site(tmp_path)
    code, report = import_into(root, LEGACY, dry_run=True)
    assert code == 0 and not (root / "content").exists()
    assert report[0]["output"]


def test_cli_exit_codes_and_messages(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    root = new_site(tmp_path)
    binary = tmp_path / "broken.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 3 + b"\xff\xfe\xfd")
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF")
    report = tmp_path / "r.json"
    args = ["--root", str(root), "import", str(other), "--report", str(report)]
    assert main(args) == 0  # skipped with a reason
    assert "skipped" in json.loads(report.read_text())[0]["warnings"][0]["message"]
    assert main(["--root", str(root), "import", str(tmp_path / "missing.html")]) == 1
    assert main(["--root", str(root), "import", str(binary)]) == 1
    err = capsys.readouterr().err
    assert "missing.html:1: cannot read" in err and "broken.txt:1: cannot decode" in err
    assert "Traceback" not in err
    with pytest.raises(SystemExit) as usage:
        main(["--root", str(root), "import", str(other), "--lang", "fr"])
    assert usage.value.code == 2
