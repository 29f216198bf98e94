from generator.importer.paragraphs import is_source, join, paragraphs, vocabulary
from generator.importer.parts import Line


def test_broken_sentences_are_joined() -> None:
    lines = [Line(1, "Canada's Minister"), Line(2, "of Innovation.", gap=True),
             Line(3, "Next paragraph.", gap=True)]
    assert paragraphs(lines, set()) == [(1, "Canada's Minister of Innovation."),
                                        (3, "Next paragraph.")]


def test_hyphenation() -> None:
    vocab = vocabulary([Line(1, "the Confer- ence")])
    assert "conference" in vocab
    assert join("Confer-", "ence met", vocab) == "Conference met"
    assert join("recently-", "held", vocab) == "recently-held"
    assert paragraphs([Line(1, "small- and medium-sized firms.")], set())[0][1] == \
        "small- and medium-sized firms."


def test_chinese_joins_without_space_and_sources_stay_whole() -> None:
    assert join("国际科技", "合作", set()) == "国际科技合作"
    lines = [Line(1, "Text."), Line(2, "(Source: Daily,", gap=True), Line(3, "May 31st, 2016)")]
    assert paragraphs(lines, set())[1] == (2, "(Source: Daily, May 31st, 2016)")
    assert is_source("（来源：科技部）")
