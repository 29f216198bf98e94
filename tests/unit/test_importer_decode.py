import codecs

import pytest

from generator.importer.decode import DecodeError, decode

# (a real page has line breaks and digits: UTF-16 without a BOM is told by their NULs)
TEXT_ZH = "国际科技合作“十二五”专项规划，2012年全面推进创新型国家建设。\n" * 3
TEXT_EN = "Chongqing Municipal People‘s Government and MOST’s mission — launched."


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8", "utf-16-le", "utf-16-be"])
def test_chinese_in_each_encoding(encoding: str) -> None:
    assert decode(TEXT_ZH.encode(encoding)).text == TEXT_ZH


@pytest.mark.parametrize("encoding", ["cp1252", "gbk", "big5", "utf-8"])
def test_short_english_with_curly_quotes(encoding: str) -> None:
    assert decode(TEXT_EN.encode(encoding)).text == TEXT_EN


def test_boms_are_removed() -> None:
    assert decode(codecs.BOM_UTF8 + b"x").text == "x"
    assert decode("中文".encode("utf-16")).text == "中文"


def test_declared_charset_is_used_when_it_fits() -> None:
    page = '<meta charset="big5"><p>中華民國</p>'.encode("big5")
    assert decode(page).encoding == "big5hkscs"


def test_binary_is_refused() -> None:
    with pytest.raises(DecodeError):
        decode(bytes(range(0, 32)) * 10)
