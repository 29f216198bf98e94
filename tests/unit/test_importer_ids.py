from generator.importer.ids import Ids, assign, heading_ids, slug
from generator.importer.parts import Block


def test_slug() -> None:
    assert slug("China, Russia Establish S&T Dialogue") == "china-russia-establish-st-dialogue"
    assert len(slug("word " * 40)) <= 60 and slug("国际") == ""


def test_unique() -> None:
    ids = Ids()
    assert [ids.take("a", "x"), ids.take("a", "x"), ids.take("", "x")] == ["a", "a-2", "x"]


BLOCKS = [Block("h2", "国际"), Block("h3", "中加"), Block("h4", "一、"), Block("p", "x")]


def test_chinese_ids_from_english_or_numbered() -> None:
    english = [(2, "cooperation"), (3, "china-canada"), (4, "china-canada-1")]
    out, note = assign(BLOCKS, "zh", "issue", english)
    assert [b.id for b in out[:3]] == ["cooperation", "china-canada", "china-canada-1"]
    assert note is None
    out, note = assign(BLOCKS, "zh", "issue", [(2, "only-a-section")])
    assert [b.id for b in out[:3]] == ["section-1", "article-1", "article-1-1"] and note


def test_heading_ids_read_back() -> None:
    assert heading_ids("## A {#a}\n\ntext\n\n### B {#b}\n") == [(2, "a"), (3, "b")]
