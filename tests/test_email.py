"""`newsletter email N --lang L`: the e-mail edition built from the repository's own issue."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from sitecheck import DEFAULT_BASE_URL, REPO, THEME, parse_html

from generator.content.markup import plain_text
from generator.load import Options, load
from generator.tools.plaintext import html_to_text

LANGS = ("en", "zh")
SUBJECTS = {"en": "China Science and Technology Newsletter No.13 — July 15, 2016",
            "zh": "中国科技通讯 第13期（2016年7月15日）"}
NUMBER_AND_DATE = {"en": ("No. 13", "July 15, 2016"), "zh": ("第13期", "2016年7月15日")}
VIEW_ONLINE = {"en": "View this issue online", "zh": "在线阅读本期"}
TOC_TITLE = {"en": "In this issue", "zh": "本期目录"}
GMAIL_CLIP = 102 * 1024
_SOURCE = re.compile(r'<p class="source">(.*?)</p>', re.DOTALL)


def newsletter(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args],
                          capture_output=True, text=True, cwd=REPO)


def build_emails(out: Path) -> Path:
    for lang in LANGS:
        result = newsletter(REPO, "email", "13", "--lang", lang, "--out", str(out))
        assert result.returncode == 0, result.stderr
    return out / "email"


@pytest.fixture(scope="module")
def emails(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_emails(tmp_path_factory.mktemp("email") / "build")


@pytest.fixture(scope="module")
def issues():
    site = load(Options(REPO, REPO / "build")).site
    return {lang: next(d for d in site.issues(lang) if d.number == 13) for lang in LANGS}


def html_of(emails: Path, lang: str) -> str:
    return (emails / lang / "13" / "email.html").read_text(encoding="utf-8")


def text_of(emails: Path, lang: str) -> str:
    return (emails / lang / "13" / "email.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_files_and_subject(emails, lang):
    assert sorted(p.name for p in (emails / lang / "13").iterdir()) == [
        "email.html", "email.txt", "subject.txt"]
    assert (emails / lang / "13" / "subject.txt").read_text(encoding="utf-8") == \
        SUBJECTS[lang] + "\n"


@pytest.mark.parametrize("lang", LANGS)
def test_css_is_inlined_and_nothing_is_external(emails, lang):
    html = html_of(emails, lang)
    doc = parse_html(html)
    assert not doc.find_all("style") and not doc.find_all("link") and "<style" not in html
    assert not doc.find_all("img") and not doc.find_all("script")
    assert "url(" not in html and "@import" not in html and "@font-face" not in html
    # Styling never depends on a class: every classed element carries its own style.
    unstyled = [(n.tag, n.get("class")) for n in doc.iter() if n.get("class") and
                not n.get("style")]
    assert unstyled == []
    sheet = doc.one("table", class_="sheet")
    for tag in ("td", "h2", "h3", "p"):
        nodes = sheet.find_all(tag)
        assert nodes and all(n.get("style") for n in nodes), tag
    styles = " ".join(n.get("style") or "" for n in doc.iter())
    compact = styles.replace(" ", "")
    for banned in ("display:flex", "display:grid", "var(", "position:", "float:"):
        assert banned not in compact
    fonts = {"en": "Georgia", "zh": "Microsoft YaHei"}[lang]
    assert fonts in styles


@pytest.mark.parametrize("lang", LANGS)
def test_table_layout_600px(emails, lang):
    doc = parse_html(html_of(emails, lang))
    assert doc.one("html").get("lang") == {"en": "en", "zh": "zh-CN"}[lang]
    assert doc.one("body").get("bgcolor")
    sheet = doc.one("table", class_="sheet")
    assert sheet.get("role") == "presentation" and sheet.get("width") == "600"
    assert "max-width: 600px" in (sheet.get("style") or "")
    layout = doc.find_all("table", role="presentation")
    assert len(layout) >= 3
    for table in layout:
        assert table.get("width") in ("600", "100%")
        assert table.get("cellpadding") == "0" and table.get("cellspacing") == "0"
    assert not doc.find_all(pred=lambda n: n.tag in ("div", "section") and n.find("table"))
    assert "<!--[if mso]>" in html_of(emails, lang)  # Outlook's fixed-width ghost table


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_is_absolute(emails, lang):
    doc = parse_html(html_of(emails, lang))
    hrefs = [a.get("href") or "" for a in doc.find_all("a")]
    assert len(hrefs) > 10
    relative = [h for h in hrefs if not re.match(r"(https?://|mailto:)", h)]
    assert relative == []
    assert len([h for h in hrefs if h.startswith(f"{DEFAULT_BASE_URL}{lang}/")]) > 10


@pytest.mark.parametrize("lang", LANGS)
def test_view_online_date_number_toc_colophon_footer(emails, issues, lang):
    page_url = f"{DEFAULT_BASE_URL}{lang}/issues/13/"
    html = html_of(emails, lang)
    doc = parse_html(html)
    online = [a for a in doc.find_all("a", href=page_url) if a.text == VIEW_ONLINE[lang]]
    assert online, "no “view online” link to the issue page"
    number, date = NUMBER_AND_DATE[lang]
    meta = doc.one("p", class_="issue-meta").text
    assert number in meta and date in meta
    assert doc.one("title").text == SUBJECTS[lang]
    toc = doc.one("td", class_="toc-box")
    toc_links = {a.get("href") for a in toc.find_all("a")}
    issue = issues[lang]
    assert {f"{page_url}#{h.id}" for h in issue.headings if h.level in (2, 3)} == toc_links
    assert doc.one("td", class_="colophon").find("a")
    footer = doc.one("td", class_="footer")
    assert footer.find("a", href=f"{DEFAULT_BASE_URL}{lang}/feed.xml")


@pytest.mark.parametrize("lang", LANGS)
def test_under_gmail_clipping_size(emails, lang):
    assert (emails / lang / "13" / "email.html").stat().st_size < GMAIL_CLIP


@pytest.mark.parametrize("lang", LANGS)
def test_text_version_is_complete(emails, issues, lang):
    text = text_of(emails, lang)
    issue = issues[lang]
    assert "<" not in text.replace("<http", "")  # no markup left
    lines = text.splitlines()
    assert f"{VIEW_ONLINE[lang]} [{DEFAULT_BASE_URL}{lang}/issues/13/]" in lines
    assert NUMBER_AND_DATE[lang][1] in text and NUMBER_AND_DATE[lang][0] in text
    # The table of contents comes first, each article with its online address.
    toc_at = lines.index(TOC_TITLE[lang])
    articles = [h for h in issue.headings if h.level == 3]
    assert len(articles) >= 5
    for heading in articles:
        entry = f"- {heading.title} [{DEFAULT_BASE_URL}{lang}/issues/13/#{heading.id}]"
        assert entry in lines
        assert toc_at < lines.index(entry) < lines.index(heading.title)
        assert lines[lines.index(heading.title) + 1].startswith("---")
    sources = [plain_text(s) for s in _SOURCE.findall(issue.body_html)]
    assert len(sources) == len(articles)
    for source in sources:
        assert source in lines
    for heading in issue.headings:
        assert heading.title in text
    assert f"{DEFAULT_BASE_URL}{lang}/feed.xml" in text
    assert "http://www.cistc.gov.cn" in text  # the colophon
    every_url = re.findall(r"\[(\S+)\]", text)
    assert every_url and all(re.match(r"(https?://|mailto:)", u) for u in every_url)


def test_deterministic(emails, tmp_path):
    again = build_emails(tmp_path / "build")
    for lang in LANGS:
        for name in ("email.html", "email.txt", "subject.txt"):
            assert (again / lang / "13" / name).read_bytes() == \
                (emails / lang / "13" / name).read_bytes(), (lang, name)


def test_leaves_the_rest_of_the_output_alone(tmp_path):
    out = tmp_path / "build"
    (out / "en").mkdir(parents=True)
    (out / "en" / "index.html").write_text("site", encoding="utf-8")
    build_emails(out)
    assert (out / "en" / "index.html").read_text(encoding="utf-8") == "site"
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize("args,message", [
    (("email", "99", "--lang", "zh"), "content/zh/issues/: error: no issue No.99 in `zh`"),
    (("email", "13", "--lang", "fr"), "site.yaml: error: no language `fr` in site.yaml"),
])
def test_editor_mistakes_are_clean_errors(tmp_path, args, message):
    result = newsletter(REPO, *args, "--out", str(tmp_path / "build"))
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "build").exists()


def test_over_the_clipping_size_fails_and_names_the_size(tmp_path):
    shutil.copy(REPO / "site.yaml", tmp_path / "site.yaml")
    (tmp_path / "themes").symlink_to(REPO / "themes")
    issues = tmp_path / "content" / "en" / "issues"
    issues.mkdir(parents=True)
    long = "\n\n".join(f"Paragraph {n}: " + "word " * 60 for n in range(400))
    (issues / "1.md").write_text(f"---\nnumber: 1\ndate: 2020-01-01\n---\n\n## S {{#s}}\n\n"
                                 f"### A {{#a}}\n\n{long}\n", encoding="utf-8")
    result = newsletter(tmp_path, "email", "1", "--lang", "en", "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"content/en/issues/1\.md: error: the e-mail edition is [\d,]+ bytes "
                     r"\([\d.]+ KiB\), over Gmail's clipping limit", result.stderr)
    assert not (tmp_path / "out").exists()


def test_html_to_text_walker():
    html = ('<p>Intro\ntext 中文\n中文</p><ul><li>a <a href="https://x/">link</a></li>'
            '<li><p>b<sup><a class="footnote-ref" href="https://x/#fn:1">1</a></sup></p>'
            '<ol start="3"><li>n</li></ol></li></ul>'
            '<h3>标题</h3><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr>'
            '</table><div class="admonition panel"><p class="admonition-title">专栏</p>'
            '<p>x<br>y</p></div><div style="display: none">hidden</div>'
            '<div class="footnote"><hr><ol><li><p>note&#160;<a class="footnote-backref" '
            'href="https://x/#fnref:1">&#8617;</a></p></li></ol></div>'
            '<p><a href="mailto:a@b.c">a@b.c</a></p>')
    assert html_to_text(html) == (
        "Intro text 中文中文\n\n- a link [https://x/]\n- b[1]\n   3. n\n\n标题\n----\n\n"
        "A | B\n1 | 2\n\n    专栏\n\n    x\n    y\n\n--------\n\n1. note\n\na@b.c\n")


def test_text_templates_are_in_the_catalog():
    used = {m[2] if isinstance(m[2], str) else m[2][0] for m in extract_from_dir(
        str(THEME / "templates"), method_map=[("**.txt", "jinja2")],
        options_map={"**": {"extensions": "jinja2.ext.i18n"}})}
    po = THEME / "locales" / "zh_CN" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as fp:
        known = {m.id for m in read_po(fp) if m.id and m.string}
    assert used and used <= known


def test_internal_links_anchors_and_base_url(tmp_path):
    shutil.copy(REPO / "site.yaml", tmp_path / "site.yaml")
    (tmp_path / "themes").symlink_to(REPO / "themes")
    issues = tmp_path / "content" / "en" / "issues"
    issues.mkdir(parents=True)
    (issues / "1.md").write_text(
        "---\nnumber: 1\ndate: 2020-01-01\n---\n\n## S {#s}\n\n### A {#a}\n\n"
        "See [No.2](2.md#b), [the feed](/en/feed.xml), [above](#s) and a note[^1].\n\n"
        "| x | y |\n|---|---|\n| 1 | 2 |\n\n!!! panel \"Panel\"\n    Inside.\n\n"
        "[^1]: Footnote.\n", encoding="utf-8")
    (issues / "2.md").write_text("---\nnumber: 2\ndate: 2020-02-01\n---\n\n### B {#b}\n\nB.\n",
                                 encoding="utf-8")
    base = "https://news.example.org/sub/"
    result = newsletter(tmp_path, "email", "1", "--lang", "en", "--base-url", base.rstrip("/"))
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "build" / "email" / "en" / "1"
    hrefs = {a.get("href") for a in parse_html(
        (folder / "email.html").read_text(encoding="utf-8")).find_all("a")}
    assert all(h and h.startswith(base) for h in hrefs)
    assert {f"{base}en/issues/2/#b", f"{base}en/feed.xml", f"{base}en/issues/1/#s",
            f"{base}en/issues/1/#fn:1"} <= hrefs
    text = (folder / "email.txt").read_text(encoding="utf-8")
    assert f"See No.2 [{base}en/issues/2/#b], the feed [{base}en/feed.xml]" in text
    assert "x | y\n1 | 2" in text and "    Panel\n\n    Inside." in text
    assert "1. Footnote." in text
