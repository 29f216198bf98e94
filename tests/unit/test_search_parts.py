"""How a search index is split: only large Chinese ones, by a stable hash of the page path."""

from generator.search import parts
from generator.search.parts import PAGES_PER_PART, count, folder, part, slowest_first


def test_only_large_chinese_indexes_are_split():
    assert count("zh-CN", PAGES_PER_PART) == 1
    assert count("zh-CN", PAGES_PER_PART + 1) == 2
    assert count("zh-TW", 3 * PAGES_PER_PART) == 3
    assert count("en", 10 * PAGES_PER_PART) == 1  # English ranks worse when split


def test_pages_spread_evenly_and_stay_in_their_part():
    paths = [f"zh/issues/{n}/index.html" for n in range(1, 2001)]
    sizes = [sum(part(p, 2) == index for p in paths) for index in (0, 1)]
    assert min(sizes) > 900, sizes
    assert [part(p, 2) for p in paths] == [part(p, 2) for p in paths]
    assert {part(p, 1) for p in paths} == {0}


def test_the_first_part_shares_the_bundle():
    assert folder("zh", 0) == parts.OUTPUT_DIR == "pagefind"
    assert folder("zh", 1) == "pagefind-zh-2"


def test_chinese_japanese_and_korean_are_indexed_first_whatever_the_site_order():
    assert slowest_first({"en": "en", "fr": "fr", "zh": "zh-CN", "ja": "ja"}) == \
        ["zh", "ja", "en", "fr"]
    assert slowest_first({"en": "en"}) == ["en"]
