import datetime as dt

from generator.model import Document, Site
from generator.tools.status import articles, changed_articles, format_status, translation_status

OLD = "---\nnumber: 1\ndate: 2020-01-01\n---\n\nIntro\n\n## S {#s}\n\n### A {#a}\n\nOne.\n\n" \
      "### B {#b}\n\nTwo.\n"


def doc(lang: str, digest: str, translation_of: str | None = None,
        translated_from: str | None = None, key: str = "1") -> Document:
    return Document("issue", lang, key, f"content/{lang}/issues/{key}.md", digest, "T",
                    dt.date(2020, 1, 1), int(key), "", False, translation_of, translated_from,
                    None, "", "", (), (), f"{lang}/issues/{key}/")


def test_articles_split_by_heading_id():
    parts = articles("Intro\n\n## S {#s}\n\n### Second title\n\nText\n")
    assert list(parts) == ["", "s", "second-title"]
    assert parts["second-title"] == "### Second title\n\nText"


def test_changed_articles_names_only_what_changed():
    new = OLD.replace("Two.", "Two, revised.") + "\n### C {#c}\n\nNew.\n"
    assert changed_articles(OLD, new) == ("b", "c")
    assert changed_articles(OLD, OLD) == ()


def test_stale_translation_is_reported_down_to_the_article():
    original = doc("en", "ffff0000")
    fresh = doc("zh", "1", "en", "ffff0000")
    assert not Site(("en", "zh"), "en", (original, fresh)).stale(fresh)
    stale = doc("zh", "2", "en", "aaaa1111")
    site = Site(("en", "zh"), "en", (original, stale, doc("en", "9", key="2")))
    assert site.stale(stale)
    new = OLD.replace("One.", "One, revised.")
    entries = translation_status(site, {"aaaa1111": OLD}.get, {original.source_path: new}.get)
    assert [(e.key, e.present, e.missing) for e in entries] == [
        ("1", ("en", "zh"), ()), ("2", ("en",), ("zh",))]
    assert entries[0].stale[0].changed == ("a",)
    text = format_status(entries)
    assert "STALE content/zh/issues/1.md" in text and "changed: a" in text
    assert "missing: zh" in text and "1 stale translation(s)" in text


def test_old_version_not_in_history():
    site = Site(("en", "zh"), "en", (doc("en", "ffff"), doc("zh", "1", "en", "abcdef0")))
    entries = translation_status(site, lambda _: None, lambda _: OLD)
    assert entries[0].stale[0].changed is None
    assert "not in git history" in format_status(entries)


def test_article_ids_are_the_ids_the_page_shows():
    from generator.content.markup import MarkdownRenderer

    text = ("## News\n\n### Briefs\n\nOne.\n\n### Briefs\n\nTwo.\n\n"
            "### **Bold** `code`\n\n```\n### not a heading\n```\n")
    shown = [h.id for h in MarkdownRenderer().render(text, "content/en/issues/1.md").headings]
    assert list(articles(text)) == ["", *shown]
    assert "### not a heading" in articles(text)[shown[-1]]
