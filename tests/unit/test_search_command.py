"""Pagefind's command line over a folder of pages: the bundle it wrote, every page counted,
and nothing from the machine's environment or working folder changing what it does."""

import json
import sys
from pathlib import Path

import pytest

from generator.errors import PagefindError
from generator.search import binary, command

PAGE = """<!DOCTYPE html><html lang="en"><head><title>{title}</title></head>
<body><main data-pagefind-body><h1>{title}</h1><p class="secret">{text}</p></main></body></html>"""


def pages(folder: Path) -> Path:
    for number, text in ((1, "Fusion research cooperation"), (2, "Quantum sensing programme")):
        page = folder / "site" / "en" / "issues" / str(number) / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(PAGE.format(title=f"Issue {number}", text=text), encoding="utf-8")
    return folder / "site"


OUT = "out = pathlib.Path(sys.argv[sys.argv.index('--output-path') + 1])"


def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    program = tmp_path / "pagefind_extended"
    program.write_text(f"#!{sys.executable}\nimport json, pathlib, sys\n{script}\n")
    program.chmod(0o755)
    monkeypatch.setenv(binary.ENV, str(program))


def test_the_bundle_is_every_file_pagefind_wrote(tmp_path: Path) -> None:
    files = command.bundle(pages(tmp_path), 2)
    entry = json.loads(files[command.ENTRY])
    assert entry["languages"]["en"]["page_count"] == 2
    assert any(path.startswith("fragment/") for path in files)
    assert f"pagefind.{entry['languages']['en']['hash']}.pf_meta" in files
    assert not list(tmp_path.glob("*newsletter*"))  # its output folder is gone


def test_its_environment_and_config_files_change_nothing(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    site = pages(tmp_path)
    plain = command.bundle(site, 2)
    monkeypatch.setenv("PAGEFIND_FORCE_LANGUAGE", "fr")
    monkeypatch.chdir(site)
    (site / "pagefind.yml").write_text("exclude_selectors: ['.secret']\n", encoding="utf-8")
    assert command.bundle(site, 2) == plain


def test_the_next_index_may_start_once_the_pages_are_read(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """`parsed` comes when Pagefind says it has read every page, not when it ends: this one
    ends only after it (or fails after a minute)."""
    go = tmp_path / "go"
    fake(tmp_path, monkeypatch, f"import time\n{OUT}\n"
         "print('[Parsing files]'); print('[Building search indexes]', flush=True)\n"
         f"end = time.monotonic() + 60\n"
         f"while not pathlib.Path({str(go)!r}).exists():\n"
         "    time.sleep(0.01)\n"
         "    if time.monotonic() > end: sys.exit(1)\n"
         "(out / 'pagefind-entry.json').write_text(json.dumps("
         "{'languages': {'en': {'page_count': 2}}}))")
    files = command.bundle(pages(tmp_path), 2, go.touch)
    assert json.loads(files[command.ENTRY])["languages"]["en"]["page_count"] == 2


def test_a_page_left_out_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake(tmp_path, monkeypatch, f"{OUT}\n(out / 'pagefind-entry.json').write_text(json.dumps("
         "{'languages': {'en': {'page_count': 1}}}))")
    with pytest.raises(PagefindError, match="indexed 1 of 2 pages"):
        command.bundle(pages(tmp_path), 2)


def test_no_binary_is_an_error_and_the_next_index_is_not_kept_waiting(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> Path:
        raise PagefindError("the Pagefind 1.6.0 binary is missing")

    monkeypatch.setattr(command, "find_binary", missing)
    called = []
    with pytest.raises(PagefindError, match="missing"):
        command.bundle(pages(tmp_path), 2, lambda: called.append(True))
    assert called


@pytest.mark.parametrize("script, said", [
    ("print('Error: could not read the site', file=sys.stderr); sys.exit(1)",
     r"Pagefind stopped \(exit 1\): Error: could not read the site"),
    ("pass", "wrote no readable pagefind-entry.json"),
])
def test_a_failed_run_is_a_pagefind_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          script: str, said: str) -> None:
    fake(tmp_path, monkeypatch, script)
    with pytest.raises(PagefindError, match=said):
        command.bundle(pages(tmp_path), 2)
