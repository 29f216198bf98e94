"""Rebuilds from the cache give exactly what a clean build gives; parallel parsing gives
exactly what serial parsing gives; a damaged cache or output never yields a wrong site."""

import os
import shutil
from pathlib import Path

import pytest
from goodsite import tree

from generator.build import build
from generator.errors import GeneratorError
from generator.incremental import parsing as loading
from generator.incremental import pool
from generator.load import Options
from generator.output import writer

ROOT = Path(__file__).resolve().parents[1]
ISSUE = ("---\nnumber: {n}\ndate: 2015-{m:02d}-01\nsummary: Issue {n}.\n---\n\n"
         "## News {{#news}}\n\n### Item {n} {{#item}}\n\n"
         "Text of issue {n}, see [the first](1.md#item).\n")



@pytest.fixture
def site(tmp_path) -> Path:
    for name in ("site.yaml", "content", "themes"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    for n in range(1, 13):  # a dozen more issues, so prev/next and archives have work to do
        (tmp_path / f"content/en/issues/{n}.md").write_text(ISSUE.format(n=n, m=n),
                                                             encoding="utf-8")
    return tmp_path


def run(site: Path, out: str, **options) -> object:
    return build(Options(site, site / out, search=False, **options))


def test_edit_rebuild_equals_clean_build(site, monkeypatch):
    from generator.incremental import parsing

    run(site, "build")
    issue = site / "content/en/issues/5.md"
    issue.write_text(issue.read_text(encoding="utf-8").replace("Item 5", "Item five"),
                     encoding="utf-8")
    parsed = []
    load_document = parsing.load_document
    monkeypatch.setattr(parsing, "load_document",
                        lambda source, *args: (parsed.append(source.path),
                                               load_document(source, *args))[1])
    report = run(site, "build")
    assert not report.unchanged
    assert parsed == ["content/en/issues/5.md"]  # the rest came from the cache
    monkeypatch.undo()
    run(site, "clean", cache=False)
    assert tree(site / "build") == tree(site / "clean")
    assert "Item five" in (site / "build/en/issues/5/index.html").read_text(encoding="utf-8")
    # the neighbours' prev/next and the archive changed with it
    assert "Item five" not in (site / "build/en/issues/6/index.html").read_text(encoding="utf-8")


def test_no_change_rebuild_writes_nothing(site):
    run(site, "build")
    before = {p: p.stat().st_mtime_ns for p in (site / "build").rglob("*") if p.is_file()}
    report = run(site, "build")
    assert report.unchanged and report.pages == {"en": 26, "zh": 25}
    assert before == {p: p.stat().st_mtime_ns for p in (site / "build").rglob("*")
                      if p.is_file()}
    # an output file changed by hand is not "up to date"
    (site / "build/robots.txt").write_text("tampered", encoding="utf-8")
    assert not run(site, "build").unchanged
    assert (site / "build/robots.txt").read_text(encoding="utf-8") != "tampered"
    # nor is a changed option
    assert not run(site, "build", drafts=True).unchanged


def test_corrupt_cache_falls_back_to_a_full_build(site):
    run(site, "build")
    for cache in (site / ".cache/newsletter").iterdir():
        cache.write_bytes(b"\x80garbage" + cache.read_bytes()[:100])
    issue = site / "content/en/issues/3.md"
    issue.write_text(issue.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    run(site, "build")
    run(site, "clean", cache=False)
    assert tree(site / "build") == tree(site / "clean")


_WORKER_LOG: dict[str, Path] = {}
_real_run = pool._run


def _run_in_worker(span):
    """pool._run, leaving the pid of every worker that rendered pages in a log."""
    with _WORKER_LOG["path"].open("a", encoding="utf-8") as log:
        log.write(f"{os.getpid()}\n")
    return _real_run(span)


def test_parallel_parsing_and_rendering_equal_serial(site, monkeypatch):
    monkeypatch.setattr(pool, "PARALLEL_FROM", 10**9)
    run(site, "serial", cache=False)
    monkeypatch.setattr(pool, "PARALLEL_FROM", 1)
    monkeypatch.setattr(pool, "workers", lambda: 2)
    monkeypatch.setitem(_WORKER_LOG, "path", site / "forked.log")
    monkeypatch.setattr(pool, "_run", _run_in_worker)
    put = writer.StagedWriter.put

    def logged_put(self, path, data):
        with (site / "put.log").open("a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} {path}\n")
        put(self, path, data)

    monkeypatch.setattr(writer.StagedWriter, "put", logged_put)
    real_read = loading.with_text

    def logged_read(root, source, diags):
        with (site / "read.log").open("a", encoding="utf-8") as log:
            log.write(f"{os.getpid()}\n")
        return real_read(root, source, diags)

    monkeypatch.setattr(loading, "with_text", logged_read)
    run(site, "parallel", cache=False)
    assert tree(site / "serial") == tree(site / "parallel")
    workers = set((site / "forked.log").read_text(encoding="utf-8").split())
    assert workers and str(os.getpid()) not in workers
    # Each page was written once, by the worker that rendered it.
    puts = [line.split() for line in (site / "put.log").read_text(encoding="utf-8").split("\n")
            if line]
    pages = [path for _, path in puts if path.endswith(".html")]
    assert sorted(pages) == sorted(set(pages)) == sorted(
        p for p in tree(site / "parallel") if p.endswith(".html"))
    assert {pid for pid, path in puts if path.endswith(".html")} <= workers
    # With nothing to compare with, the workers read the files, and the build state they
    # leave (digests, stamps) makes the next build find nothing to do.
    readers = (site / "read.log").read_text(encoding="utf-8").split()
    assert len(readers) == len(list((site / "content").rglob("*.md")))
    assert str(os.getpid()) not in readers
    assert run(site, "parallel").unchanged


def test_a_template_error_in_a_worker_is_reported_like_any_other(site, monkeypatch):
    monkeypatch.setattr(pool, "PARALLEL_FROM", 1)
    monkeypatch.setattr(pool, "workers", lambda: 2)
    _edit(site / "themes/default/templates/issue.html", "{{ doc.title }}",
          "{{ doc.no_such_field }}")
    with pytest.raises(GeneratorError) as failed:
        run(site, "build")
    assert "issue.html" in str(failed.value.diagnostics[0].path)


ZH_ISSUE = ("---\nnumber: {n}\ndate: 2015-{m:02d}-01\ntranslation_of: en\n---\n\n"
            "## 新闻 {{#news}}\n\n### 第{n}条 {{#item}}\n\n第{n}期正文。\n")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Every kind of edit an editor makes, each leaving a valid site. Each one changes something a
# different set of pages shows: the page itself, its neighbours' prev/next, listings, the other
# language's switch and stand-in pages, pages that link to it, every page (settings, theme).
EDITS = {
    "body": lambda s: _edit(s / "content/en/issues/5.md", "Text of issue 5", "Edited issue #5"),
    "title": lambda s: _edit(s / "content/en/issues/6.md", "summary:", "title: Six\nsummary:"),
    "date": lambda s: _edit(s / "content/en/issues/7.md", "2015-07-01", "2015-07-09"),
    "summary": lambda s: _edit(s / "content/en/issues/8.md", "Issue 8.", "Issue eight."),
    "heading": lambda s: _edit(s / "content/en/issues/1.md", "### Item 1", "### First item"),
    "add": lambda s: (s / "content/en/issues/20.md").write_text(
        ISSUE.format(n=20, m=12), encoding="utf-8"),
    "remove": lambda s: (s / "content/en/issues/3.md").unlink(),
    "translate": lambda s: (s / "content/zh/issues/4.md").write_text(
        ZH_ISSUE.format(n=4, m=4), encoding="utf-8"),
    # every issue links to 1.md: its new number is a new URL in all of them
    "renumber-link-target": lambda s: _edit(s / "content/en/issues/1.md", "number: 1\n",
                                            "number: 21\n"),
    "page": lambda s: _edit(s / "content/en/pages/about.md", "About this site", "About us"),
    # the Chinese translation of 13 records the English version it was made from: its page
    # now says that the original has been revised
    "revise-original": lambda s: _edit(s / "content/en/issues/13.md", "## Updates of",
                                       "Revised.\n\n## Updates of"),
    "settings": lambda s: _edit(s / "site.yaml", "base_url:", "# edited\nbase_url:"),
    "theme": lambda s: _edit(s / "themes/default/templates/issue.html", "{%", "{# x #}{%"),
}


@pytest.mark.parametrize("seed", [1, 2])
def test_any_sequence_of_edits_rebuilds_to_the_clean_build(site, seed):
    """After every edit, the incremental build equals a clean build, byte for byte, and it
    really was incremental (most pages kept) except where settings or theme changed."""
    import random

    order = list(EDITS)
    random.Random(seed).shuffle(order)
    run(site, "build")
    for name in order:
        EDITS[name](site)
        report = run(site, "build")
        run(site, "clean", cache=False)
        assert tree(site / "build") == tree(site / "clean"), f"after the edit {name!r}"
        shutil.rmtree(site / "clean")
        if name in ("heading", "renumber-link-target"):
            # Edits of No.1, which every issue here links to; each issue is shown twice, by
            # its page and by its Chinese stand-in (which shows the original's text), and
            # both are keyed on what they link to.
            assert report.kept > 0, (name, report.rendered, report.kept)
        elif name not in ("settings", "theme"):
            assert report.kept > report.rendered, (name, report.rendered, report.kept)


def test_an_edit_rerenders_only_what_shows_it(site, monkeypatch):
    from generator.render import site as render

    rendered: list[str] = []
    real = render.render
    monkeypatch.setattr(render, "render", lambda todo, *args: (
        rendered.extend(job.path for job in todo), real(todo, *args))[1])
    run(site, "build")
    before = {p: p.stat().st_mtime_ns for p in (site / "build").rglob("*") if p.is_file()}
    rendered.clear()
    EDITS["body"](site)
    report = run(site, "build")
    # The text of an issue is shown by its page, its stand-in page in Chinese and the feed
    # only: its neighbours and the listings show it without its text (model.Head).
    assert sorted(rendered) == ["en/feed.xml", "en/issues/5/index.html",
                                "zh/issues/5/index.html"], rendered
    assert report.rendered == 3 and report.kept >= 40, report
    changed = sorted(p.relative_to(site / "build").as_posix()
                     for p in (site / "build").rglob("*")
                     if p.is_file() and p.stat().st_mtime_ns != before.get(p))
    assert changed == ["en/feed.xml", "en/issues/5/index.html", "zh/issues/5/index.html"]
    # Its title is shown by all of those.
    rendered.clear()
    EDITS["title"](site)
    run(site, "build")
    assert {"en/issues/5/index.html", "en/issues/6/index.html", "en/issues/7/index.html",
            "en/issues/index.html", "en/issues/year/2015/index.html", "en/index.html",
            "zh/issues/6/index.html", "en/feed.xml"} <= set(rendered), rendered


def test_lists_give_templates_no_text_they_would_not_be_rendered_again_for(site):
    """A theme that shows an issue's text in the archive gets an error naming the template,
    not an archive that an edit of that text would leave stale."""
    _edit(site / "themes/default/templates/partials/issue_list.html", "{{ issue_label(issue) }}",
          "{{ issue_label(issue) }}{{ issue.body_html }}")
    with pytest.raises(GeneratorError) as failed:
        run(site, "build")
    problem = failed.value.diagnostics[0]
    assert "issue_list.html" in problem.path and "body_html" in problem.message, problem
    assert "without their text" in problem.hint and "summary" in problem.hint, problem


def test_an_edit_rewrites_one_shard_of_the_document_cache(site):
    run(site, "build")
    cache = site / ".cache/newsletter"
    before = {p.name: p.stat().st_mtime_ns for p in cache.glob("documents-*.json")}
    assert len(before) > 4  # the site's files spread over the shards
    EDITS["body"](site)
    run(site, "build")
    after = {p.name: p.stat().st_mtime_ns for p in cache.glob("documents-*.json")}
    assert len([name for name in after if after[name] != before.get(name)]) == 1


def _age(path: Path, seconds: int = 3600) -> None:
    old = path.stat().st_mtime_ns - seconds * 10**9
    os.utime(path, ns=(old, old))


def test_a_rebuild_reads_only_files_whose_stamp_changed(site, monkeypatch):
    from generator.content import reader

    for path in (site / "content").rglob("*.md"):
        _age(path)
    run(site, "build")
    read: list[str] = []
    real = reader.with_text

    def logged(root, source, diags):
        read.append(source.path)
        return real(root, source, diags)

    monkeypatch.setattr(reader, "with_text", logged)
    monkeypatch.setattr(loading, "with_text", logged)  # (where a build without stamps reads)
    EDITS["body"](site)
    run(site, "build")
    assert read == ["content/en/issues/5.md"]
    run(site, "clean", cache=False)  # --clean trusts no stamp: everything is read
    assert len(read) > 20
    assert tree(site / "build") == tree(site / "clean")


def test_an_edit_within_the_timestamp_resolution_is_not_missed(site):
    """A file changed twice with the same size and modification time (a coarse file-system
    clock) is still read again: stamps of files modified near a scan are not kept."""
    issue = site / "content/en/issues/5.md"
    run(site, "build")
    stamp = issue.stat().st_mtime_ns
    EDITS["body"](site)  # the same length
    os.utime(issue, ns=(stamp, stamp))
    run(site, "build")
    assert "Edited issue #5" in (site / "build/en/issues/5/index.html").read_text(encoding="utf-8")


def test_an_english_edit_reindexes_english_only(site):
    """Each language has its own part of the search bundle; an unchanged language keeps its
    files, and the merged bundle equals the one a clean build makes."""
    build(Options(site, site / "build"))
    pagefind = site / "build/pagefind"
    before = {p.relative_to(pagefind).as_posix(): p.stat().st_mtime_ns
              for p in pagefind.rglob("*") if p.is_file()}
    EDITS["body"](site)
    report = build(Options(site, site / "build"))
    assert report.search is not None and report.search.pages > 8
    assert 0 < report.rendered < report.kept
    after = {p.relative_to(pagefind).as_posix(): p.stat().st_mtime_ns
             for p in pagefind.rglob("*") if p.is_file()}
    chinese = [name for name in after if "zh-cn_" in name]
    assert chinese and all(after[name] == before.get(name) for name in chinese)
    assert any(after[name] != before.get(name) for name in after if "en_" in name)
    build(Options(site, site / "clean", cache=False))
    assert tree(site / "build") == tree(site / "clean")
    # and a Chinese edit the other way round
    _edit(site / "content/zh/issues/13.md", "##", "## 新 {#new-section}\n\n正文。\n\n##")
    build(Options(site, site / "build"))
    build(Options(site, site / "clean", cache=False))
    assert tree(site / "build") == tree(site / "clean")


def test_a_split_chinese_index_reindexes_the_edited_part_only(site, monkeypatch):
    """A Chinese index over more pages than a part holds is built in parts, each its own
    bundle that the Chinese search page merges; an edit re-indexes its part only, and the
    result equals a clean build."""
    from generator.search import parts as search_parts

    monkeypatch.setattr(search_parts, "PAGES_PER_PART", 6)
    for n in range(1, 13):
        (site / f"content/zh/issues/{n}.md").write_text(ZH_ISSUE.format(n=n, m=n),
                                                         encoding="utf-8")
    build(Options(site, site / "build"))
    zh_pages = len(list((site / "content/zh").rglob("*.md")))
    folders = ["pagefind"] + [f"pagefind-zh-{i}" for i in range(2, -(-zh_pages // 6) + 1)]
    assert sorted(p.name for p in (site / "build").glob("pagefind*")) == folders
    search_page = (site / "build/zh/search/index.html").read_text(encoding="utf-8")
    assert 'data-merge="/newsletter/' + " /newsletter/".join(f + "/" for f in folders[1:]) \
        + '"' in search_page
    assert "data-merge" not in (site / "build/en/search/index.html").read_text(encoding="utf-8")
    before = {p.relative_to(site / "build").as_posix(): p.stat().st_mtime_ns
              for p in (site / "build").glob("pagefind*/**/*") if p.is_file()}
    _edit(site / "content/zh/issues/7.md", "第7期正文。", "第7期正文，改过。")
    build(Options(site, site / "build"))
    after = {p.relative_to(site / "build").as_posix(): p.stat().st_mtime_ns
             for p in (site / "build").glob("pagefind*/**/*") if p.is_file()}
    changed = {path.split("/")[0] for path in after if after[path] != before.get(path)
               and path != search_parts.dates("zh")}  # (the parts' dates: every part's)
    assert len(changed) == 1, changed  # one part's bundle (English and the rest kept)
    build(Options(site, site / "clean", cache=False))
    assert tree(site / "build") == tree(site / "clean")


def test_the_search_bundle_is_the_same_from_a_folder_or_page_by_page(site, monkeypatch):
    """Pagefind numbers pages in the order it meets them, and the bundle's bytes follow: pages
    read from a folder by its command line (on every core) must come out as pages sent one at
    a time to its service do."""
    from generator.search import command
    from generator.search import folder as pagefind_folder

    folders = []
    bundle = command.bundle
    monkeypatch.setattr(command, "bundle",
                        lambda *args: (folders.append(args[0]), bundle(*args))[1])
    build(Options(site, site / "folder", cache=False))
    mounts = Path("/proc/mounts").read_text() if Path("/proc/mounts").exists() else ""
    if any(line.split()[1:3] == ["/dev/shm", "tmpfs"] for line in mounts.splitlines()):
        assert len(folders) == 2  # both languages went as folders
    monkeypatch.setattr(pagefind_folder, "BASES", ())
    folders.clear()
    build(Options(site, site / "sent", cache=False))
    assert folders == []  # no scratch folder: every page was sent on its own
    assert tree(site / "folder") == tree(site / "sent")
