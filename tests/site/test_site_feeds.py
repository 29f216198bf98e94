"""RSS feeds, sitemap.xml and robots.txt of the built seed site."""

from __future__ import annotations

import email.utils
import xml.etree.ElementTree as ET

import feedparser
import pytest
from sitecheck import LANG_TAGS, BuiltSite, parse_html, url_attributes

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def _resolves_to_page(site: BuiltSite, url: str) -> str:
    assert url.startswith(site.base_url), f"{url} is not absolute below {site.base_url}"
    file, _ = site.resolve(url)
    assert site.exists(file), f"{url} -> {file} does not exist"
    return file


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_feed_is_well_formed_rss(seed_site: BuiltSite, lang: str) -> None:
    root = ET.parse(seed_site.root / lang / "feed.xml").getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("language") == LANG_TAGS[lang]
    self_links = [e for e in channel.findall(f"{ATOM}link") if e.get("rel") == "self"]
    assert [e.get("href") for e in self_links] == [seed_site.base_url + f"{lang}/feed.xml"]
    assert _resolves_to_page(seed_site, channel.findtext("link")) == f"{lang}/index.html"
    items = channel.findall("item")
    assert items, "the feed has no items"
    for item in items:
        assert item.findtext("title").strip()
        guid = item.find("guid")
        assert guid.text == item.findtext("link")
        assert guid.get("isPermaLink") in (None, "true")
        page = _resolves_to_page(seed_site, item.findtext("link"))
        assert page.startswith(f"{lang}/")
        assert not seed_site.page(page).noindex
        when = email.utils.parsedate_to_datetime(item.findtext("pubDate"))
        assert when.tzinfo is not None
        assert item.find(CONTENT) is not None and item.findtext(CONTENT).strip()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_feed_parses_cleanly_with_feedparser(seed_site: BuiltSite, lang: str) -> None:
    parsed = feedparser.parse((seed_site.root / lang / "feed.xml").read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.language == LANG_TAGS[lang]
    assert parsed.entries
    for entry in parsed.entries:
        assert entry.link.startswith(seed_site.base_url)
        assert entry.id.startswith(seed_site.base_url)
        assert entry.published_parsed is not None
        assert entry.content and entry.content[0].value


def test_feeds_carry_issue_13_in_full(seed_site: BuiltSite) -> None:
    for lang in ("en", "zh"):
        parsed = feedparser.parse((seed_site.root / lang / "feed.xml").read_bytes())
        issue = [e for e in parsed.entries if e.link == seed_site.base_url + f"{lang}/issues/13/"]
        assert len(issue) == 1, lang
        html = issue[0].content[0].value
        ids = [n.get("id") for n in parse_html(html).iter() if n.get("id")]
        assert {"china-canada", "china-russia", "project-mechanism"} <= set(ids), lang


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_feed_content_uses_absolute_urls_only(seed_site: BuiltSite, lang: str) -> None:
    root = ET.parse(seed_site.root / lang / "feed.xml").getroot()
    problems = []
    for item in root.iter("item"):
        content = item.findtext(CONTENT)
        doc = parse_html(content)
        for node in doc.iter():
            for attr in ("href", "src"):
                value = node.get(attr)
                if value is None:
                    continue
                if not value.startswith(("http://", "https://", "mailto:")):
                    problems.append(f"{item.findtext('link')}: {attr}={value!r}")
                elif value.startswith(seed_site.base_url):
                    file, fragment = seed_site.resolve(value)
                    if not seed_site.exists(file):
                        problems.append(f"{value} -> {file} does not exist")
                    elif fragment and fragment not in seed_site.page(file).ids:
                        problems.append(f"{value} -> no id {fragment!r} in {file}")
        assert 'href="/' not in content and 'href="#' not in content
        assert 'src="/' not in content
    assert not problems, "\n".join(problems)


def _sitemap(site: BuiltSite) -> dict[str, dict[str, str]]:
    root = ET.parse(site.root / "sitemap.xml").getroot()
    assert root.tag == f"{SM}urlset"
    entries: dict[str, dict[str, str]] = {}
    for url in root.findall(f"{SM}url"):
        loc = url.findtext(f"{SM}loc")
        assert loc not in entries, f"{loc} listed twice"
        alternates = {}
        for link in url.findall(f"{XHTML}link"):
            assert link.get("rel") == "alternate"
            assert link.get("hreflang") not in alternates
            alternates[link.get("hreflang")] = link.get("href")
        entries[loc] = alternates
    return entries


def test_sitemap_lists_every_indexable_page(seed_site: BuiltSite) -> None:
    entries = _sitemap(seed_site)
    expected = {seed_site.abs_url(r) for r in seed_site.html_files()
                if r != "404.html" and not seed_site.page(r).noindex}
    assert set(entries) == expected
    assert seed_site.abs_url("en/issues/13/index.html") in entries
    assert seed_site.abs_url("404.html") not in entries
    for rel in seed_site.html_files():
        if seed_site.page(rel).noindex:
            assert seed_site.abs_url(rel) not in entries, f"noindex {rel} is in the sitemap"


def test_sitemap_locs_and_alternates_resolve_and_match_the_pages(seed_site: BuiltSite) -> None:
    for loc, alternates in _sitemap(seed_site).items():
        file = _resolves_to_page(seed_site, loc)
        page = seed_site.page(file)
        assert alternates == page.alternates, loc
        if alternates:
            assert "x-default" in alternates, loc
            assert loc in alternates.values(), f"{loc}: alternates do not include itself"
            for href in alternates.values():
                _resolves_to_page(seed_site, href)


def test_sitemap_has_alternates_for_translated_issue(seed_site: BuiltSite) -> None:
    entries = _sitemap(seed_site)
    alts = entries[seed_site.base_url + "zh/issues/13/"]
    assert alts == {"en": seed_site.base_url + "en/issues/13/",
                    "zh-CN": seed_site.base_url + "zh/issues/13/",
                    "x-default": seed_site.base_url + "en/issues/13/"}


def test_robots_txt_names_the_sitemap(seed_site: BuiltSite) -> None:
    lines = seed_site.text("robots.txt").splitlines()
    assert f"Sitemap: {seed_site.base_url}sitemap.xml" in lines
    assert "User-agent: *" in lines
    assert "Disallow: /" not in lines


def test_pages_link_to_their_feed(seed_site: BuiltSite) -> None:
    for rel in seed_site.html_files():
        lang = seed_site.language_of(rel)
        if not lang:
            continue
        page = seed_site.page(rel)
        feeds = [n for n in page.links("alternate") if n.get("type") == "application/rss+xml"]
        assert [seed_site.resolve(n.get("href"), rel)[0] for n in feeds] == [f"{lang}/feed.xml"]


def test_url_attributes_are_found(seed_site: BuiltSite) -> None:
    """Guard for the link checker itself: it must see the links it is meant to check."""
    page = seed_site.page("en/issues/13/index.html")
    values = [v for _, _, v in url_attributes(page)]
    assert "#china-russia" in values and "/newsletter/static/style.css" in values
