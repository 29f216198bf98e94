"""Dates and issue numbers in every form the archive uses."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
_ABBR = {name[:3]: index + 1 for index, name in enumerate(MONTHS)} | {"sept": 9}
_EN = re.compile(r"\b([A-Za-z]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*((?:19|20)\d\d)\b")
_EN_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,10})\.?,?\s+((?:19|20)\d\d)\b")
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_ZH = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTH_ONLY = re.compile(r"^\W*\(?\s*((?:19|20)\d\d)[-/.](\d{1,2})\s*\)?\W*$")
_ZH_MONTH_ONLY = re.compile(r"^\W*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\W*$")
_NUMBER = re.compile(r"\bN[oO0]\s*\.?\s*(\d{1,4})\b|第\s*(\d{1,4})\s*期")


@dataclass(frozen=True)
class FoundDate:
    iso: str  # YYYY-MM-DD or YYYY-MM
    start: int
    end: int
    guess: str = ""  # what was read as a month, when it was a typo ("Mayh")


def find_date(text: str) -> FoundDate | None:
    """The first date in `text`, in any known form, or None."""
    hits = [hit for hit in (_iso(text), _zh(text), _english(text), _month_only(text)) if hit]
    return min(hits, key=lambda hit: hit.start) if hits else None


def find_number(text: str) -> int | None:
    match = _NUMBER.search(text)
    if not match:
        return None
    value = int(match.group(1) or match.group(2))
    return value if value > 0 else None


def _make(year: str, month: int, day: int | None, start: int, end: int,
          guess: str = "") -> FoundDate | None:
    try:
        if day is None:
            dt.date(int(year), month, 1)
            return FoundDate(f"{int(year):04d}-{month:02d}", start, end, guess)
        return FoundDate(dt.date(int(year), month, day).isoformat(), start, end, guess)
    except ValueError:
        return None


def _iso(text: str) -> FoundDate | None:
    for match in _ISO.finditer(text):
        found = _make(match.group(1), int(match.group(2)), int(match.group(3)), *match.span())
        if found:
            return found
    return None


def _zh(text: str) -> FoundDate | None:
    match = _ZH.search(text)
    return _make(match.group(1), int(match.group(2)), int(match.group(3)), *match.span()) \
        if match else None


def _month_only(text: str) -> FoundDate | None:
    match = _MONTH_ONLY.match(text) or _ZH_MONTH_ONLY.match(text)
    return _make(match.group(1), int(match.group(2)), None, *match.span()) if match else None


def _english(text: str) -> FoundDate | None:
    for match in _EN.finditer(text):
        month, guess = month_of(match.group(1))
        if month:
            found = _make(match.group(3), month, int(match.group(2)), *match.span(), guess)
            if found:
                return found
    for match in _EN_DMY.finditer(text):
        month, guess = month_of(match.group(2))
        if month:
            found = _make(match.group(3), month, int(match.group(1)), *match.span(), guess)
            if found:
                return found
    return None


def month_of(word: str) -> tuple[int | None, str]:
    """(month, "") for a month name; (month, word) for a close typo; (None, "") otherwise."""
    lower = word.lower()
    if lower in MONTHS:
        return MONTHS.index(lower) + 1, ""
    if lower in _ABBR:
        return _ABBR[lower], ""
    if len(lower) < 4 or not lower.isalpha():
        return None, ""
    close = difflib.get_close_matches(lower, MONTHS, n=1, cutoff=0.75)
    return (MONTHS.index(close[0]) + 1, word) if close else (None, "")
