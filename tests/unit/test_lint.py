"""lint_punctuation: half-width punctuation in Chinese prose, with its line and the fix."""

from __future__ import annotations

import pytest

from generator.content.lint import full_width, lint_punctuation
from generator.errors import Diagnostics


def _warnings(body: str, body_line: int = 5) -> list[tuple[int, str, str]]:
    diags = Diagnostics()
    lint_punctuation(body, body_line, "content/zh/pages/plan.md", diags)
    assert all(d.level == "warning" for d in diags.items)
    return [(d.line, d.message, d.hint) for d in diags.items]


def test_a_comma_between_chinese_characters_is_reported_at_its_line_with_the_fix() -> None:
    found = _warnings("第一段。\n\n机制,充分发挥作用;加强合作。\n")
    assert len(found) == 1
    line, message, hint = found[0]
    assert line == 7  # the body starts at line 5 of the file
    assert "`机制,充分`" in message and "2 on this line" in message
    assert "`,` as `，`" in hint and "`;` as `；`" in hint


@pytest.mark.parametrize("body", [
    "机制（充分）发挥，作用。",  # already full-width
    "In 2016, the plan (2011-2015) worked: yes!",  # English prose
    "共 1,000 项，比例 3:1。",  # digits on both sides
    "见 [文件](a.md)。也见 <https://example.org/a,b>。",  # link targets
    "代码 `a,b` 中的逗号。",  # inline code
    "```\n中文,代码\n```",  # fenced code
    "## 标题 {#part-1}\n\n{: .source }",  # Markdown syntax
])
def test_what_is_not_chinese_prose_is_left_alone(body: str) -> None:
    assert _warnings(body) == []


@pytest.mark.parametrize("text, mark", [
    ("规划纲要(2006-2020年)》", "("),
    ("计划（ITER)”、", ")"),
    ("形势和需求:我国", ":"),
    ("是否合作? 是的", "?"),
])
def test_brackets_and_marks_beside_chinese_are_reported(text: str, mark: str) -> None:
    (found,) = _warnings(text)
    assert mark in found[1].split(" in Chinese text")[0].split()


def test_an_indented_panel_line_is_prose() -> None:
    assert len(_warnings('!!! panel "专栏"\n    合作,交流。\n')) == 1


def test_full_width_makes_what_the_lint_reports_full_width() -> None:
    fixed, count = full_width("计划（ITER)”、合作:交流")
    assert (fixed, count) == ("计划（ITER）”、合作：交流", 2)
    assert _warnings(fixed) == []
