"""The search page's Traditional -> Simplified table (themes/default/static/exact/t2s.js)."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "t2s.py"


@pytest.fixture(scope="module")
def script() -> dict:
    return runpy.run_path(str(SCRIPT))


def _committed(script: dict) -> dict[str, str]:
    text = script["TARGET"].read_text(encoding="utf-8")
    return json.loads(text[text.index("export default ") + 15:].rstrip().rstrip(";"))


def test_the_committed_table_is_what_the_script_makes(script: dict) -> None:
    """An OpenCC upgrade, or a hand edit, shows here: run scripts/t2s.py."""
    assert script["main"](["--check"]) == 0
    assert _committed(script) == script["table"]()


def test_traditional_characters_map_to_simplified(script: dict) -> None:
    table = _committed(script)
    assert "".join(table.get(c, c) for c in "國際科技合作對話機制") == "国际科技合作对话机制"
    assert len(table) > 2000


def test_characters_that_simplified_text_holds_are_never_changed(script: dict) -> None:
    """乾隆, 著名, 於 (a surname) are Simplified text too: a query must find them as typed."""
    table = _committed(script)
    assert not {"乾", "著", "於"} & table.keys()
    for char in table:
        with pytest.raises(UnicodeEncodeError):
            char.encode("gb2312")


def test_check_fails_on_a_stale_table(tmp_path: Path) -> None:
    stale = tmp_path / "t2s.js"
    stale.write_text("export default {};\n", encoding="utf-8")
    namespace = runpy.run_path(str(SCRIPT))
    namespace["main"].__globals__["TARGET"] = stale
    assert namespace["main"](["--check"]) == 1
    assert stale.read_text(encoding="utf-8") == "export default {};\n"  # checked, not written
