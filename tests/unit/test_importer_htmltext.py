from generator.importer.htmltext import html_title, html_to_text


def test_blocks_lists_and_dropped_elements() -> None:
    text = html_to_text("<head><title>T</title></head><script>x()</script><p>One <b>two</b>"
                        "</p><ul><li>A</li><li>B</li></ul><nav>menu</nav>"
                        "<a href='javascript:window.print()'>Print</a>")
    assert text == "One two\n\n• A\n• B\n"


def test_broken_markup_and_entities() -> None:
    assert html_to_text("<p>a &amp; b<p>c<br>d</div>") == "a & b\n\nc\nd\n"


def test_title() -> None:
    assert html_title("<title> No.13 &amp; more </title>") == "No.13 & more"
    assert html_title("<p>none</p>") is None
