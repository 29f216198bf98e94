"""Mojibake repair, line by line, and reports of what cannot be repaired."""

from __future__ import annotations

import re

import ftfy

from generator.importer.parts import Line, Note

_LATIN = re.compile("[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
                    "\u20ac\u2122]")
_CP1252_SPECIALS = {ch: bytes([b]) for b in range(0x80, 0xA0)
                    for ch in [bytes([b]).decode("cp1252", errors="ignore")] if ch}
# a GBK byte pair seen through Latin-1/cp1252: lead 0x81-0xFE, trail 0x40-0x7E or 0x80-0xFE
# (no-break spaces are left alone: runs of them are indentation, not "牋牋")
_BYTE = "\u0080-\u009f\u00a1-\u00ff" + "".join(_CP1252_SPECIALS)
_GBK_RUN = re.compile(f"(?:[\u0081-\u009f\u00a1-\u00fe{''.join(_CP1252_SPECIALS)}]"
                      f"[\u0040-\u007e{_BYTE}])+")
_REPLACEMENT = re.compile("\ufffd+")
_UNREPAIRABLE = re.compile("(?:锟斤拷|烫烫|屯屯)+")
_UTF8_AS_GBK = set("鐨鍦鏄浜涓鍜銆锛鈥鍙鏂鎴浠璇缁瀹鐢閲闂鍥绛濂")
_CJK_RUN = re.compile("[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]{4,}")
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False,
                             fix_line_breaks=False, explain=False)


def repair_lines(lines: list[Line]) -> tuple[list[Line], list[Note]]:
    """Repair each line; say what was repaired and what could not be."""
    out: list[Line] = []
    notes: list[Note] = []
    for line in lines:
        text, messages = repair(line.text)
        notes.extend(Note(line.no, message) for message in messages)
        out.append(Line(line.no, text))
    return out, notes


def repair(text: str) -> tuple[str, list[str]]:
    messages: list[str] = []
    if text.isascii():
        return text, messages
    if _LATIN.search(text):
        fixed = _GBK_RUN.sub(_regbk, text)
        if fixed != text:
            messages.append("repaired GBK bytes that had been read as Latin-1")
            text = fixed
        fixed = ftfy.fix_text(text, config=_FTFY)
        if fixed != text:
            messages.append("repaired UTF-8 text that had been read as cp1252/Latin-1")
            text = fixed
    fixed = _utf8_read_as_gbk(text)
    if fixed != text:
        messages.append("repaired UTF-8 text that had been read as GBK")
        text = fixed
    return text, messages


def unrepairable(text: str) -> list[str]:
    messages = []
    lost = sum(len(run) for run in _REPLACEMENT.findall(text))
    if lost:
        messages.append(f"{lost} character(s) lost before import (U+FFFD); "
                        "restore them from another copy")
    if _UNREPAIRABLE.search(text):
        messages.append("GBK mojibake (锟斤拷/烫烫) cannot be repaired: the bytes are lost")
    for run in _CJK_RUN.findall(text):
        if sum(ch in _UTF8_AS_GBK for ch in run) * 2 >= len(run):
            messages.append(f"looks like mojibake that cannot be repaired: {run[:12]!r}")
            break
    return messages


def _to_bytes(text: str) -> bytes | None:
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x100:
            out.append(ord(ch))
        elif ch in _CP1252_SPECIALS:
            out += _CP1252_SPECIALS[ch]
        else:
            return None
    return bytes(out)


def _regbk(match: re.Match[str]) -> str:
    run = match.group(0)
    data = _to_bytes(run)
    if data is None:
        return run
    try:
        data.decode("utf-8")
        return run  # UTF-8 read as cp1252: ftfy's case
    except UnicodeDecodeError:
        pass
    try:
        decoded = data.decode("gbk")
    except UnicodeDecodeError:
        return run
    if not all(_is_cjk_or_punct(ch) for ch in decoded):
        return run
    if len(decoded) == 1 and not ("\u2000" <= decoded <= "\u206f" or decoded in "，。、：；！？"):
        return run  # one pair that is not punctuation: too weak a sign ("été")
    return decoded


def _is_cjk_or_punct(ch: str) -> bool:
    code = ord(ch)
    return (0x3400 <= code <= 0x9FFF or 0x2000 <= code <= 0x206F or 0x3000 <= code <= 0x303F
            or 0xFF00 <= code <= 0xFFEF)


def _utf8_read_as_gbk(text: str) -> str:
    if not _CJK_RUN.search(text):
        return text
    try:
        fixed = text.encode("gb18030").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    return text if "\ufffd" in fixed else fixed
