"""Lines -> paragraphs: lines broken mid-sentence (by a PDF, a page break or a blank line)
are joined back, hyphenation across lines is undone, source lines are kept whole."""

from __future__ import annotations

import re

from generator.importer.parts import Line

_TERMINAL = re.compile(r"[.!?。！？…:：][\"”’'»)）\]】」』]*$")
_SOURCE = re.compile(r"^[(（]\s*(sources?|来源|资料来源|稿件来源)\s*[:：]", re.I)
_SPLIT_WORD = re.compile(r"\b([A-Za-z]+)- ([a-z]+)\b")
_KEEP_AFTER_HYPHEN = {"and", "or", "nor", "to", "as", "but"}  # "small- and medium-sized"
_WORD = re.compile(r"[a-z]+")
_CJK_END = re.compile("[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》]$")
_CJK_START = re.compile("^[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》]")


def is_source(text: str) -> bool:
    return bool(_SOURCE.match(text))


def vocabulary(lines: list[Line]) -> set[str]:
    """The document's words, with "Confer- ence" counted as "conference"."""
    words = {word for line in lines for word in _WORD.findall(line.text.lower())}
    for line in lines:
        words.update((a + b).lower() for a, b in _SPLIT_WORD.findall(line.text)
                     if b not in _KEEP_AFTER_HYPHEN)
    return words


def paragraphs(lines: list[Line], vocab: set[str]) -> list[tuple[int, str]]:
    """(first line, text) for each paragraph in `lines`, all of them body text."""
    out: list[list] = []
    in_source = False
    for line in lines:
        text = line.text
        starts_source = is_source(text)
        if out and (in_source or not starts_source and _continues(out[-1][1], line)):
            out[-1][1] = join(out[-1][1], text, vocab)
        else:
            out.append([line.no, text])
        if starts_source or in_source:
            in_source = not out[-1][1].rstrip().endswith((")", "）"))
    return [(no, _unsplit(text, vocab)) for no, text in out]


def _continues(previous: str, line: Line) -> bool:
    if is_source(previous):
        return False
    if not _TERMINAL.search(previous):
        return True
    return not line.gap and line.text[:1].islower()


def join(left: str, right: str, vocab: set[str]) -> str:
    """Join two pieces of one sentence."""
    left, right = left.rstrip(), right.lstrip()
    hyphen = re.search(r"([A-Za-z]+)-$", left)
    if hyphen and right[:1].islower():
        first = re.match(r"[a-z]+", right)
        whole = hyphen.group(1).lower() + (first.group(0) if first else "")
        if whole in vocab:  # "Confer-" + "ence" and "conference" occurs elsewhere
            return left[:-1] + right
        return left + right  # "recently-" + "held": a compound
    if _CJK_END.search(left) and _CJK_START.search(right):
        return left + right
    return f"{left} {right}"


def _unsplit(text: str, vocab: set[str]) -> str:
    """"Confer- ence" -> "Conference" (hyphenation kept inside a line by an extractor)."""
    def fix(match: re.Match[str]) -> str:
        if match.group(2) in _KEEP_AFTER_HYPHEN:
            return match.group(0)
        return match.group(1) + match.group(2)
    return _SPLIT_WORD.sub(fix, text)
