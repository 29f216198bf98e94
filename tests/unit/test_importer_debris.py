from generator.importer.debris import pull_colophon, tidy, two_columns
from generator.importer.parts import Line


def _lines(*texts: str) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(texts)]


def test_tidy_merges_a_lone_number_and_keeps_gaps() -> None:
    out = tidy(_lines("  1", ".基本思路。", "", "**No.13**", "July 15 2016*", "*Bullet"))
    assert [(x.text, x.gap) for x in out] == [
        ("1.基本思路。", False), ("No.13", True), ("July 15 2016", False), ("*Bullet", False)]


def test_colophon_pulled_out_of_the_text() -> None:
    lines = _lines("Title", "recently-", "Editorial Board: 54 Road", "- 3 -", "held it.")
    kept, colophon, notes = pull_colophon(lines, 1)
    assert [x.text for x in kept] == ["Title", "recently-", "held it."]
    assert colophon == ["Editorial Board: 54 Road"] and notes[0].line == 3


def test_two_columns() -> None:
    lines = _lines("a b      c d", "e f      g h", "i j      k l", "plain")
    assert two_columns(lines)[0].line == 1
    assert two_columns(lines[:2]) == []
