from generator.importer.parts import Line
from generator.importer.toc import parse_header, parse_toc, similar


def _lines(*texts: str) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(texts)]


def test_header() -> None:
    head = parse_header(_lines("CHINA SCIENCE AND TECHNOLOGY NEWSLETTER",
                               "Department of International Cooperation", "N0.210",
                               "January 10,2000", "Section"))
    assert (head.end, head.number, head.date, head.masthead) == (4, 210, "2000-01-10", True)


def test_bullets_of_every_kind() -> None:
    lines = _lines("Section A", "• One", "*Two", "1.Three", "l Four", "- Five", "Section A")
    toc = parse_toc(lines, 0)
    assert toc.end == 6
    assert toc.sections[0].articles == ["One", "Two", "Three", "Four", "Five"]


def test_flattened_pdf_toc() -> None:
    toc = parse_toc(_lines("[Cooperation] A Title • B Title [Innovation] C Title", "A Title"),
                    0)
    assert [(s.title, s.articles, s.raw) for s in toc.sections] == [
        ("Cooperation", ["A Title", "B Title"], ""), ("Innovation", [], "C Title")]


def test_similar_titles() -> None:
    assert similar("BEIJING OPENS A PARK.", "Beijing opens a park")
    assert similar("S&T Exhibition for 12th Five Years", "S&T Exhibition for the 12th Five-Year")
    assert not similar("China, Russia Sign", "Rice Genome Project")
