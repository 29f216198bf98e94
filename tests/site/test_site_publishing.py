"""What subscribers and sharing services read: feed discovery, Open Graph, JSON-LD, the
subscribe page, SOURCE_DATE_EPOCH."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sitecheck import REPO, BuiltSite


def test_every_page_but_404_announces_its_feed(seed_site: BuiltSite) -> None:
    missing = []
    for rel in seed_site.html_files():
        if rel == "404.html":
            continue
        links = [n for n in seed_site.page(rel).doc.find_all("link")
                 if n.get("rel") == "alternate" and n.get("type") == "application/rss+xml"]
        if not links:
            missing.append(rel)
    assert not missing, missing


@pytest.mark.parametrize("lang,locale", [("en", "en_US"), ("zh", "zh_CN")])
def test_issue_page_open_graph_and_json_ld(seed_site: BuiltSite, lang: str, locale: str) -> None:
    doc = seed_site.page(f"{lang}/issues/13/index.html").doc
    meta = {n.get("property"): n.get("content") for n in doc.find_all("meta")
            if n.get("property")}
    url = seed_site.base_url + f"{lang}/issues/13/"
    assert meta["og:url"] == url and meta["og:type"] == "article"
    assert meta["og:locale"] == locale
    # The whole title (the h1 says "No. 13" under the masthead that names the newsletter).
    assert meta["og:title"] == doc.one(tag="title").text.split(" · ")[0]
    assert meta["og:image"] == seed_site.base_url + "static/og-card.png"
    assert meta["og:description"] and "…" not in meta["og:description"][:-1]
    scripts = [n for n in doc.find_all("script") if n.get("type") == "application/ld+json"]
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert data["@type"] == "PublicationIssue" and data["issueNumber"] == "13"
    assert data["url"] == url and data["datePublished"] == "2016-07-15"
    assert data["isPartOf"]["@type"] == "Periodical"
    assert [a["url"].split("#")[1] for a in data["hasPart"]] == [
        "china-canada", "china-russia", "china-belarus", "china-ukraine",
        "national-sti-conference", "achievements-exhibition", "project-mechanism"]


def test_subscribe_page_names_the_feed(seed_site: BuiltSite) -> None:
    for lang in ("en", "zh"):
        page = seed_site.page(f"{lang}/subscribe/index.html")
        feed = seed_site.base_url + f"{lang}/feed.xml"
        assert feed in [n.get("href") for n in page.doc.find_all("a")]
        # site.yaml has no `signup`: the page explains the feed route instead of a form.
        assert not [f for f in page.doc.find_all("form") if f.get("class") == "signup"]


def build(tmp_path: Path, config: str, env: dict | None = None) -> Path:
    for name in ("content", "themes"):
        (tmp_path / name).symlink_to(REPO / name)
    (tmp_path / "site.yaml").write_text(config, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(tmp_path), "build",
                             "--no-search"], capture_output=True, text=True, cwd=REPO,
                            env={**os.environ, **(env or {})})
    assert result.returncode == 0, result.stderr
    return tmp_path / "build"


def test_signup_form_comes_from_site_yaml(tmp_path: Path) -> None:
    config = (REPO / "site.yaml").read_text(encoding="utf-8") + (
        "signup:\n  action: https://lists.example.org/subscribe?list=<x>&y=1\n"
        "  email_field: EMAIL\n")
    out = build(tmp_path, config)
    html = (out / "zh/subscribe/index.html").read_text(encoding="utf-8")
    assert 'action="https://lists.example.org/subscribe?list=&lt;x&gt;&amp;y=1"' in html
    assert 'name="EMAIL"' in html and 'type="email"' in html


def test_source_date_epoch_sets_last_build_date(tmp_path: Path) -> None:
    out = build(tmp_path, (REPO / "site.yaml").read_text(encoding="utf-8"),
                {"SOURCE_DATE_EPOCH": "1700000000"})
    channel = ET.parse(out / "en/feed.xml").getroot().find("channel")
    assert channel.findtext("lastBuildDate") == "Tue, 14 Nov 2023 22:13:20 +0000"


def test_content_is_escaped_in_json_ld_and_meta(tmp_path: Path) -> None:
    (tmp_path / "themes").symlink_to(REPO / "themes")
    (tmp_path / "site.yaml").write_text((REPO / "site.yaml").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    page = tmp_path / "content/en/pages/tricky.md"
    page.parent.mkdir(parents=True)
    page.write_text('---\ntitle: "A </script><b>bold</b> & \\"quoted\\""\n'
                    'summary: "<img src=x onerror=alert(1)>"\ndate: 2020-01-01\n---\n\nText.\n',
                    encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(tmp_path), "build",
                             "--no-search"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "build/en/tricky/index.html").read_text(encoding="utf-8")
    assert "</script><b>" not in html and "<img src=x" not in html
    script = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(script)
    assert data["headline"] == 'A </script><b>bold</b> & "quoted"'
    assert data["description"] == "<img src=x onerror=alert(1)>"
    assert 'content="&lt;img src=x onerror=alert(1)&gt;"' in html


def test_feed_content_is_escaped_exactly_once(seed_site: BuiltSite) -> None:
    ns = {"content": "http://purl.org/rss/1.0/modules/content/"}
    root = ET.parse(seed_site.root / "en/feed.xml").getroot()
    issue = next(i for i in root.iter("item") if i.findtext("link").endswith("/en/issues/13/"))
    html = issue.find("content:encoded", ns).text
    # One level of XML escaping: after parsing, the content is plain HTML again ...
    assert '<h3 id="china-canada">China, Canada Strengthen Science &amp; Technology' in html
    assert "&amp;amp;" not in html and "&lt;p&gt;" not in html
    assert html.count("<p") > 20 and html.count('class="source"') == 7
    # ... the table of contents and the colophon come along, with absolute links only.
    assert f'href="{seed_site.base_url}en/issues/13/#china-russia"' in html
    assert "cistc.gov.cn" in html.split("<hr>")[-1]
    assert 'href="/' not in html and 'href="#' not in html
    raw = (seed_site.root / "en/feed.xml").read_text(encoding="utf-8")
    assert "<h3" not in raw.split("<content:encoded>")[1]  # never raw HTML in the XML


def test_landing_page_feeds_say_their_language(seed_site: BuiltSite) -> None:
    feeds = [n for n in seed_site.page("index.html").links("alternate")
             if n.get("type") == "application/rss+xml"]
    assert {(n.get("hreflang"), n.get("href").rsplit("/", 2)[-2]) for n in feeds} == {
        ("en", "en"), ("zh-CN", "zh")}
