"""A split language's table of sort dates: each page's date as Pagefind sorts it, by the id
Pagefind gives the page (its fragment's name)."""

import gzip
import json

from generator.search import parts
from generator.search.canonical import MAGIC
from generator.search.dates import sort_date, table


def _fragment(url: str) -> bytes:
    return gzip.compress(MAGIC + json.dumps({"url": url, "content": "…"}).encode("utf-8"))


def test_a_page_is_sorted_by_the_date_its_sort_tag_gives():
    assert sort_date(b'<p><time datetime="2016-07-15" data-pagefind-meta="date" '
                     b'data-pagefind-sort="date[datetime]">July 15</time>') == "2016-07-15"
    assert sort_date(b'<span hidden data-pagefind-sort="date:0000-01-01"></span>') == \
        "0000-01-01"
    # another tag's datetime is not this page's date; no sort tag, no date
    assert sort_date(b'<time datetime="2016-07-15"></time><b data-pagefind-sort='
                     b'"date[datetime]">') is None
    assert sort_date(b'<time datetime="2016-07-15">July 15</time>') is None


def test_the_table_names_each_page_by_its_fragment_and_is_the_same_bytes_each_time():
    fragments = [("fragment/zh-cn_b2.pf_fragment", _fragment("/zh/issues/2/")),
                 ("fragment/zh-cn_a1.pf_fragment", _fragment("/zh/issues/1/")),
                 ("fragment/zh-cn_c3.pf_fragment", _fragment("/zh/about/"))]  # no date
    dates = {"/zh/issues/1/": "2016-01-01", "/zh/issues/2/": "2016-02-01"}
    made = table(fragments, dates)
    assert json.loads(made) == {"zh-cn_a1": "2016-01-01", "zh-cn_b2": "2016-02-01"}
    assert made == table(list(reversed(fragments)), dates)


def test_the_table_is_in_the_second_part_where_the_search_page_looks():
    assert parts.dates("zh") == f"{parts.folder('zh', 1)}/{parts.DATES}" == \
        "pagefind-zh-2/dates.json"
