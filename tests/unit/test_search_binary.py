"""Which Pagefind binary the build runs: $NEWSLETTER_PAGEFIND, else the one npm installed."""

from pathlib import Path

import pytest

from generator.errors import PagefindError
from generator.search import binary


def test_the_named_binary_comes_first(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(binary.ENV, str(tmp_path / "mine"))
    assert binary.find() == tmp_path / "mine"


def test_the_npm_binary_in_the_working_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv(binary.ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(binary, "__file__", str(tmp_path / "elsewhere/generator/search/b.py"))
    with pytest.raises(PagefindError, match="npm ci"):
        binary.find()
    installed = tmp_path / "node_modules" / binary._package() / "bin" / "pagefind_extended"
    installed.parent.mkdir(parents=True)
    installed.write_bytes(b"")
    assert binary.find() == installed


def test_the_checkout_has_the_pinned_version() -> None:
    """package.json and the version the messages name agree."""
    import json

    root = Path(binary.__file__).resolve().parents[2]
    pinned = json.loads((root / "package.json").read_text())["dependencies"]["pagefind"]
    assert pinned == binary.VERSION
