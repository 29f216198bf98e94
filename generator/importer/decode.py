"""Bytes -> text: BOMs, UTF-16 without a BOM, UTF-8, then the legacy encodings.

charset-normalizer guesses the encoding of long non-UTF-8 texts; short ones (an English page
with three curly quotes) carry too few bytes for it, so candidates are also scored by how
plausible the text they give is (a CJK ideograph between two Latin letters is not).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# what a page declares or a detector names -> the superset we decode with
_FAMILY = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "cp936": "gb18030",
    "big5": "big5hkscs", "big5hkscs": "big5hkscs", "cp950": "big5hkscs",
    "cp1252": "cp1252", "windows-1252": "cp1252", "latin-1": "cp1252", "iso-8859-1": "cp1252",
    "latin_1": "cp1252", "ascii": "cp1252", "utf-8": "utf-8", "utf_8": "utf-8",
}
_CANDIDATES = ("gb18030", "big5hkscs", "cp1252")
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
_LONG = 64  # non-ASCII bytes from which the detector's guess is trusted


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


class DecodeError(ValueError):
    """The bytes are no text in any encoding we know."""


def decode(data: bytes) -> Decoded:
    """Decode `data`; raise DecodeError when nothing fits or it is no text (binary)."""
    decoded = _decode(data)
    controls = sum(1 for ch in decoded.text[:20000] if ch < " " and ch not in "\t\n\r\f")
    if controls > max(2, len(decoded.text[:20000]) * 0.02):
        raise DecodeError("binary file (control characters), not a text or HTML page")
    return decoded


def _decode(data: bytes) -> Decoded:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom):].decode(name, errors="replace"), name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return Decoded(data.decode(utf16, errors="replace"), utf16)
    if b"\x00" in data:
        raise DecodeError("binary file (NUL bytes), not a text or HTML page")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared(data)
    if declared:
        return declared
    return _guess(data)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    if not (even or odd) or len(data) % 2:
        return None
    scored = []  # CJK text: few NULs (only beside ASCII), in one column
    for name in ("utf-16-le", "utf-16-be"):
        try:
            scored.append((plausibility(data.decode(name)), name))
        except UnicodeDecodeError:
            continue
    best = max(scored, default=None)
    return best[1] if best and best[0] > 0 else None


def _declared(data: bytes) -> Decoded | None:
    match = _META.search(data[:4096])
    name = _FAMILY.get(match.group(1).decode("ascii").lower()) if match else None
    if name is None:
        return None
    try:
        return Decoded(data.decode(name), name)
    except UnicodeDecodeError:
        return None  # the declaration lies (a mirror re-encoded the page): detect instead


def _guess(data: bytes) -> Decoded:
    high = sum(1 for byte in data if byte > 0x7F)
    best = charset_normalizer.from_bytes(data).best()
    detected = _FAMILY.get(best.encoding.lower().replace("_", "-")) if best else None
    if detected is None and best is not None:
        detected = _FAMILY.get(best.encoding.lower())
    if detected and high >= _LONG:
        try:
            return Decoded(data.decode(detected), detected)
        except UnicodeDecodeError:
            pass
    scored = []
    for name in _CANDIDATES:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        scored.append((plausibility(text) + (0.5 if name == detected else 0), name, text))
    if not scored:
        text = data.decode("gb18030", errors="replace")
        return Decoded(text, "gb18030 (with replacement characters)")
    _, name, text = max(scored, key=lambda item: item[0])
    return Decoded(text, name)


def plausibility(text: str) -> float:
    """A score: higher when the non-ASCII characters look like real text."""
    score = 0.0
    for index, ch in enumerate(text):
        if ch < "\x80":
            continue
        score += _char_score(ch, text[index - 1: index], text[index + 1: index + 2])
    return score


def _char_score(ch: str, before: str, after: str) -> float:
    code = ord(ch)
    if 0x2010 <= code <= 0x2027:  # dashes, quotes, ellipsis
        return 2
    if code < 0xA0 or unicodedata.category(ch) in ("Co", "Cn", "Cc"):
        return -5
    if 0xA1 <= code <= 0xBF or 0x2B0 <= code <= 0x36F:
        return -2
    if code <= 0x24F:
        return -1
    if unicodedata.category(ch) == "Lo" and 0x3400 <= code <= 0x9FFF:
        if before.isascii() and before.isalpha() or after.isascii() and after.isalpha():
            return -3
        return 1 if _common_han(ch) else -0.5
    if 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF:
        return 0.5
    return -1


def _common_han(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA4 <= ch.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False
