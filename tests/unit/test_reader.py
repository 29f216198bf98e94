"""The one reader of content: which files it finds, in what order, and how it decodes them."""

from __future__ import annotations

import os
from pathlib import Path

from generator.content.reader import blob_id, decode, scan, stamps, with_text
from generator.errors import Diagnostics


def site(tmp_path: Path, files: dict[str, bytes]) -> Path:
    for rel, data in files.items():
        path = tmp_path / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return tmp_path


def test_finds_markdown_by_language_and_kind_in_path_order(tmp_path: Path) -> None:
    root = site(tmp_path, {"zh/issues/2.md": b"b", "en/pages/about.md": b"a",
                           "en/issues/10.md": b"c", "en/issues/9.md": b"d",
                           "en/issues/.draft.md": b"hidden", "en/.git-keep": b""})
    diags = Diagnostics()
    found = scan(root, ("en", "zh"), diags)
    assert [(f.path, f.lang, f.kind, f.stem) for f in found] == [
        ("content/en/issues/10.md", "en", "issues", "10"),
        ("content/en/issues/9.md", "en", "issues", "9"),
        ("content/en/pages/about.md", "en", "pages", "about"),
        ("content/zh/issues/2.md", "zh", "issues", "2")]
    assert not diags.errors


def test_misplaced_files_are_named(tmp_path: Path) -> None:
    root = site(tmp_path, {"fr/issues/1.md": b"x", "en/1.md": b"x", "en/issues/a.txt": b"x"})
    diags = Diagnostics()
    assert scan(root, ("en", "zh"), diags) == []
    messages = {(d.path, d.level): d.message for d in diags.items}
    assert "not a language of this site" in messages["content/fr/issues/1.md", "error"]
    assert "outside content/<lang>/issues/" in messages["content/en/1.md", "error"]
    assert "not a .md file" in messages["content/en/issues/a.txt", "warning"]


def test_no_content_folder_is_one_error(tmp_path: Path) -> None:
    diags = Diagnostics()
    assert scan(tmp_path, ("en",), diags) == []
    assert [d.path for d in diags.errors] == ["content"]


def test_text_is_utf8_without_bom_and_with_unix_newlines(tmp_path: Path) -> None:
    root = site(tmp_path, {"zh/issues/1.md": b"\xef\xbb\xbf\xe4\xb8\xad\r\n\xe6\x96\x87\r\n"})
    [source] = scan(root, ("zh",), Diagnostics())
    assert source.text == "中\n文\n"
    assert source.digest == blob_id((root / source.path).read_bytes())


def test_digest_is_gits_blob_id() -> None:
    assert blob_id(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"


def test_gbk_file_is_refused_with_line_column_and_a_fix() -> None:
    diags = Diagnostics()
    assert decode("第一行\n中文".encode("gbk"), "content/zh/issues/1.md", diags) is None
    [error] = diags.errors
    assert (error.path, error.line) == ("content/zh/issues/1.md", 1)
    assert "GB18030" in error.message and "iconv -f GB18030" in error.hint


def test_known_stamps_spare_the_read_and_an_edit_is_seen(tmp_path: Path) -> None:
    root = site(tmp_path, {"en/issues/1.md": b"one"})
    old = os.stat(root / "content/en/issues/1.md").st_mtime_ns - 10**10
    os.utime(root / "content/en/issues/1.md", ns=(old, old))
    first = scan(root, ("en",), Diagnostics())
    known = stamps(first, scanned_ns=old + 10**10)
    [again] = scan(root, ("en",), Diagnostics(), known)
    assert again.text is None and again.digest == first[0].digest  # not read: known
    assert with_text(root, again, Diagnostics()).text == "one"
    (root / "content/en/issues/1.md").write_bytes(b"edited")
    [edited] = scan(root, ("en",), Diagnostics(), known)
    assert edited.text == "edited"


def test_a_file_changed_just_before_the_scan_is_not_trusted(tmp_path: Path) -> None:
    root = site(tmp_path, {"en/issues/1.md": b"one"})
    first = scan(root, ("en",), Diagnostics())
    assert stamps(first, scanned_ns=first[0].stamp[1] + 1) == {}  # racy: read again next time
