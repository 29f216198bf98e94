"""Language, Traditional -> Simplified (OpenCC) and pinyin glosses."""

from __future__ import annotations

import functools
import re

import opencc

_CJK = re.compile("[\u3400-\u9fff]")
_WORD = re.compile(r"[A-Za-z]{2,}")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SYLLABLE = f"[a-zü{_TONED}]+[1-5]?"
# 戰(zhàn)線: a gloss after a character, with a tone mark or a tone number
_GLOSS = re.compile(
    f"(?<=[\u3400-\u9fff])\\s?[(（]\\s*(?=[^)）]*[{_TONED}1-5])"
    f"{_SYLLABLE}(?:[\\s'-]+{_SYLLABLE})*\\s*[)）]")
_TRADITIONAL_SHARE = 0.03  # of the ideographs that OpenCC changes: above it, a Big5 copy


@functools.lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def detect_lang(text: str) -> str:
    """"zh" when ideographs outnumber English words, else "en"."""
    return "zh" if len(_CJK.findall(text)) >= len(_WORD.findall(text)) else "en"


def is_traditional(text: str) -> bool:
    ideographs = _CJK.findall(text)
    if not ideographs:
        return False
    sample = "".join(ideographs[:5000])
    changed = sum(a != b for a, b in zip(sample, _t2s().convert(sample), strict=False))
    return changed / len(sample) > _TRADITIONAL_SHARE


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def drop_glosses(text: str) -> tuple[str, int]:
    """Remove pinyin glosses glued after characters; return the text and how many."""
    return _GLOSS.subn("", text)
