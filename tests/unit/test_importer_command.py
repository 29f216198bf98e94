from pathlib import Path

from generator.importer.command import Options, run


def test_writes_only_inside_content_and_reports(tmp_path: Path) -> None:
    source = tmp_path / "in" / "a.txt"
    source.parent.mkdir()
    source.write_text("Ministry Announces Grants\n\nThe grants open today.\n", encoding="utf-8")
    report = tmp_path / "report.json"
    assert run(Options(tmp_path / "site", [source.parent], report=report)) == 0
    written = [p.relative_to(tmp_path) for p in tmp_path.rglob("*.md")]
    assert written == [Path("site/content/en/pages/ministry-announces-grants.md")]
    assert report.is_file()


def test_empty_file_is_skipped(tmp_path: Path) -> None:
    empty = tmp_path / "e.html"
    empty.write_bytes(b"  \n")
    assert run(Options(tmp_path, [empty])) == 0
    assert not (tmp_path / "content").exists()
