"""Faults a careless or hostile user can cause (issue: no mistyped flag or odd file can
destroy, hang or poison a build): each refused with one message, no traceback, nothing lost."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from goodsite import ROOT, newsletter, tree_digest

from generator.output.guard import MARKER

CACHE = ".cache/newsletter"


class _Plant:
    """Unpickling this creates a file: proof that a cache file ran code."""

    def __init__(self, proof: Path):
        self.proof = proof

    def __reduce__(self) -> tuple:
        return (Path.write_text, (self.proof, "ran"))


def test_a_planted_cache_file_runs_no_code(site: Path) -> None:
    proof = site / "proof"
    cache = site / CACHE
    names = [p.name for p in cache.iterdir()]
    assert any(name.startswith("documents-") for name in names)
    for name in names + ["documents-00.pickle", "templates.pickle"]:
        (cache / name).write_bytes(pickle.dumps(_Plant(proof)))
    for command in (["check"], ["status"], ["build", "--no-search"]):
        result = newsletter(site, *command)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert not proof.exists(), f"`{' '.join(command)}` ran code from the cache"


def test_a_cache_of_wrong_values_is_ignored_and_rebuilt(site: Path) -> None:
    before = tree_digest(site / "build")
    shard = next((site / CACHE).glob("documents-*.json"))
    text = shard.read_text(encoding="utf-8")
    for broken in (text.replace('"number":1', '"number":"1"'), text[: len(text) // 2],
                   '{"salt": 1}', "[" * 100_000, "\x00\xff"):
        shard.write_text(broken, encoding="utf-8")
        result = newsletter(site, "build", "--no-search", "--out", str(site / "again"))
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert tree_digest(site / "again") == before


def test_check_and_status_write_nothing(site: Path) -> None:
    (site / "content/en/issues/1.md").write_text(
        "---\nnumber: 1\ndate: 2020-01-01\n---\n\nEdited since the build.\n", encoding="utf-8")
    before = tree_digest(site)
    for command in ("check", "status"):
        result = newsletter(site, command)
        assert result.returncode == 0, result.stderr
        assert tree_digest(site) == before, f"`{command}` wrote something"


# ----- --out: never replace what the generator did not make --------------------------------
REFUSED_OUTS = [".", "./", "content", "content/en", "themes", ".git", ".cache", "..", "/", ""]


@pytest.mark.parametrize("out", REFUSED_OUTS)
@pytest.mark.parametrize("command", ["build", "serve", "email"])
def test_out_that_would_replace_the_project_is_refused(site: Path, out: str,
                                                       command: str) -> None:
    (site / ".git").mkdir(exist_ok=True)
    (site / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = tree_digest(site)
    extra = {"serve": ["--port", "1"], "email": ["1", "--lang", "en"]}.get(command, [])
    # Run from the site folder, as an editor does: relative outs are inside it.
    result = newsletter(site, command, *extra, "--out", out, *(
        ["--no-search"] if command != "email" else []), cwd=site)
    assert result.returncode == 2, result.stderr
    assert "error: --out" in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(site) == before


def test_out_at_a_file_or_a_foreign_folder_is_refused(site: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "cat.jpg").write_bytes(b"\xff\xd8")
    for out, says in ((notes, "existing file"), (foreign, "did not write")):
        result = newsletter(site, "build", "--no-search", "--out", str(out))
        assert result.returncode == 2 and says in result.stderr, result.stderr
    assert notes.read_text() == "mine" and (foreign / "cat.jpg").exists()


def test_an_earlier_output_and_an_empty_folder_are_replaced(site: Path, tmp_path: Path) -> None:
    assert (site / "build" / MARKER).is_file()
    empty = tmp_path / "empty"
    empty.mkdir()
    for out in (site / "build", empty):
        assert newsletter(site, "build", "--no-search", "--out", str(out)).returncode == 0


# ----- one build per output -----------------------------------------------------------------
def test_a_second_build_waits_for_the_first(site: Path) -> None:
    """The test holds the output's lock as a running build does: the build must wait, say
    so, and finish once the lock is let go."""
    import fcntl
    import os
    import subprocess
    import sys

    from generator.incremental.freshness import state_name

    lock = (site / CACHE / state_name(site / "build")).with_suffix(".lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    proc = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(site), "build",
                             "--no-search", "--clean"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stderr is not None
    line = proc.stderr.readline()  # blocks until the build says it waits
    assert "waiting for another build" in line
    assert proc.poll() is None  # still waiting while the lock is held
    os.close(fd)
    assert proc.wait(timeout=120) == 0


def test_ctrl_c_during_a_build_is_one_line_and_exit_130(site: Path) -> None:
    """Interrupted while it waits for the output's lock (a moment the test can know)."""
    import fcntl
    import os
    import signal
    import subprocess
    import sys

    from generator.incremental.freshness import state_name

    before = tree_digest(site / "build")
    lock = (site / CACHE / state_name(site / "build")).with_suffix(".lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(site),
                                 "build", "--no-search"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT)
        assert proc.stderr is not None
        assert "waiting for another build" in proc.stderr.readline()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        os.close(fd)
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err, err
    assert tree_digest(site / "build") == before


def test_tidying_leaves_a_live_builds_staging_folder(site: Path) -> None:
    import os

    live = site / f".build.staging-{os.getpid()}"  # this test process is alive
    live.mkdir()
    (live / "page.html").write_text("half written")
    dead = site / ".build.staging-999999999"
    dead.mkdir()
    assert newsletter(site, "build", "--no-search", "--clean").returncode == 0
    assert (live / "page.html").is_file() and not dead.exists()


# ----- the machine's faults: one message, no traceback ---------------------------------------
def test_cache_that_is_a_file_is_one_message(site: Path) -> None:
    import shutil

    shutil.rmtree(site / ".cache")
    (site / ".cache").write_text("not a folder")
    before = tree_digest(site / "build")
    result = newsletter(site, "build", "--no-search", "--clean")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert ".cache" in result.stderr and tree_digest(site / "build") == before


@pytest.mark.parametrize("value", ["99999999999999999", "-5", "soon", "1" * 5001])
def test_source_date_epoch_out_of_range_is_one_message(site: Path, value: str) -> None:
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(site), "build",
                             "--no-search"], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "SOURCE_DATE_EPOCH": value})
    assert result.returncode == 2 and "SOURCE_DATE_EPOCH" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("port", ["99999", "0", "http"])
def test_serve_on_an_impossible_port_is_a_usage_error(site: Path, port: str) -> None:
    result = newsletter(site, "serve", "--port", port)
    assert result.returncode == 2 and "port" in result.stderr and "Traceback" not in \
        result.stderr


def test_serve_on_a_busy_port_stops_before_building(site: Path) -> None:
    import socket

    before = tree_digest(site / "build")
    (site / "content/en/issues/1.md").write_text(
        "---\nnumber: 1\ndate: 2020-01-01\n---\n\nChanged.\n", encoding="utf-8")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = newsletter(site, "serve", "--port", str(busy.getsockname()[1]))
    assert result.returncode == 1 and "cannot serve" in result.stderr, result.stderr
    assert tree_digest(site / "build") == before


def test_email_out_at_a_file_is_refused(site: Path, tmp_path: Path) -> None:
    target = tmp_path / "issue.html"
    target.write_text("mine")
    result = newsletter(site, "email", "1", "--lang", "en", "--out", str(target))
    assert result.returncode == 2 and "existing file" in result.stderr, result.stderr
    assert target.read_text() == "mine"


# ----- content that would break the output ---------------------------------------------------
def test_control_characters_are_dropped_with_a_warning_and_the_feed_stays_xml(
        site: Path) -> None:
    from xml.etree import ElementTree

    (site / "content/en/issues/2.md").write_text(
        "---\nnumber: 2\ndate: 2020-01-02\nsummary: a\x07b\n---\n\n## Section {#s}\n\n"
        "### Art\x1bicle {#a}\n\nLine\x0bbreak and \x00 bell\x07.\n", encoding="utf-8")
    result = newsletter(site, "build", "--no-search")
    assert result.returncode == 0, result.stderr
    assert "content/en/issues/2.md:4: warning: invisible control character U+0007" in \
        result.stdout + result.stderr
    feed = (site / "build/en/feed.xml").read_bytes()
    ElementTree.fromstring(feed)  # well-formed
    assert b"Linebreak" in feed and b"Article" in feed


def test_a_yaml_alias_bomb_is_refused_quickly(site: Path) -> None:
    levels = "".join(f"l{n}: &l{n} [{','.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 9))
    (site / "content/en/issues/2.md").write_text(
        "---\nnumber: 2\ndate: 2020-01-02\nl0: &l0 [x, x, x, x, x, x, x, x, x]\n" + levels
        + "---\n\nText.\n", encoding="utf-8")
    result = newsletter(site, "build", "--no-search")
    assert result.returncode == 1 and "anchors and aliases" in result.stderr, result.stderr
    assert len(result.stderr) < 2000


def test_a_huge_number_is_a_message(site: Path) -> None:
    (site / "content/en/issues/2.md").write_text(
        "---\nnumber: " + "9" * 5001 + "\ndate: 2020-01-02\n---\n\nText.\n", encoding="utf-8")
    result = newsletter(site, "build", "--no-search")
    assert result.returncode == 1 and "content/en/issues/2.md" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr) < 2000


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dangling", "folder", "outside"])
def test_odd_files_in_content_are_named_not_read(site: Path, kind: str, tmp_path: Path) -> None:
    import os

    path = site / "content/en/issues/3.md"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "dangling":
        path.symlink_to(site / "nowhere.md")
    elif kind == "folder":
        path.symlink_to(site / "content/en/pages")
    else:
        secret = tmp_path / "secret.md"
        secret.write_text("---\nnumber: 3\ndate: 2020-01-03\n---\n\nPrivate.\n")
        path.symlink_to(secret)
    before = tree_digest(site / "build")
    for command in ("build", "check"):
        result = newsletter(site, command, *(["--no-search"] if command == "build" else []))
        assert result.returncode == 1, result.stderr
        assert "content/en/issues/3.md" in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(site / "build") == before


@pytest.mark.parametrize("url", ["https://example.org/?q=1", "https://example.org/#top",
                                 "https://ex ample.org/", "https://user:pw@example.org/",
                                 "https://example.org:99999/", "https://example.org/\nDisallow",
                                 "javascript:alert(1)", "ftp://example.org/", "/newsletter/"])
def test_a_bad_base_url_is_refused_in_site_yaml_and_on_the_command_line(
        site: Path, url: str) -> None:
    result = newsletter(site, "build", "--no-search", "--base-url", url)
    assert result.returncode == 1 and "--base-url" in result.stderr, result.stderr
    config = site / "site.yaml"
    text = config.read_text(encoding="utf-8")
    head, _, rest = text.partition("base_url:")
    config.write_text(head + "base_url: " + json.dumps(url) + "\n" + rest.partition("\n")[2],
                      encoding="utf-8")
    result = newsletter(site, "build", "--no-search")
    assert result.returncode == 1 and "site.yaml" in result.stderr and "base_url" in \
        result.stderr, result.stderr


@pytest.mark.parametrize("code", [".", "..", "/tmp/x", "sitemap.xml", "", "EN", "static"])
def test_a_bad_language_code_is_refused(site: Path, code: str) -> None:
    config = site / "site.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  en: {locale: en", f"  {json.dumps(code)}: {{locale: en"),
                      encoding="utf-8")
    result = newsletter(site, "check")
    assert result.returncode == 1 and "site.yaml" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("pattern", ["No.{number} {", "{number}{foo}", "{0}{number}",
                                     "{number.real}", "{number!x}"])
@pytest.mark.parametrize("command", ["build", "check", "status"])
def test_an_issue_title_with_a_stray_brace_is_a_config_error(site: Path, pattern: str,
                                                             command: str) -> None:
    config = site / "site.yaml"
    text = config.read_text(encoding="utf-8")
    start = text.index("issue_title:")
    line = text.index("\n  en:", start)
    end = text.index("\n", line + 1)
    config.write_text(text[:line] + "\n  en: " + json.dumps(pattern) + text[end:],
                      encoding="utf-8")
    result = newsletter(site, command)
    assert result.returncode == 1 and "issue_title" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("heading", ["## Main {#main}", "### Contents {#toc-title}",
                                     "## 2016 {#year-2016}"])
def test_a_heading_id_the_page_uses_itself_is_an_error(site: Path, heading: str) -> None:
    (site / "content/en/issues/2.md").write_text(
        f"---\nnumber: 2\ndate: 2020-01-02\n---\n\n## Section {{#s}}\n\n{heading}\n\nText.\n",
        encoding="utf-8")
    result = newsletter(site, "check")
    assert result.returncode == 1, result.stderr
    assert "content/en/issues/2.md:8" in result.stderr and "uses itself" in result.stderr


# ----- `translated` ----------------------------------------------------------------------------
def _translation(site: Path, front: str, body: str = "Text.\n") -> Path:
    zh = site / "content/zh/issues/2.md"
    zh.write_text(front + "\n" + body, encoding="utf-8")
    return zh


def test_translated_with_a_path_outside_the_site_is_a_message(site: Path, tmp_path: Path) -> None:
    stray = tmp_path / "elsewhere.md"
    stray.write_text("x")
    result = newsletter(site, "translated", str(stray))
    assert result.returncode == 1 and "not in the site folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_translated_takes_a_path_relative_to_the_site_folder(site: Path) -> None:
    zh = _translation(site, "---\nnumber: 2\ndate: 2020-01-02\ntranslation_of: en\n---\n")
    result = newsletter(site, "translated", "content/zh/issues/2.md")  # run from elsewhere
    assert result.returncode == 0, result.stderr
    assert "translation_of: en@" in zh.read_text(encoding="utf-8")


def test_translated_refuses_flow_style_front_matter_instead_of_claiming_success(
        site: Path) -> None:
    front = "---\n{number: 2, date: 2020-01-02, translation_of: en}\n---\n"
    zh = _translation(site, front)
    result = newsletter(site, "translated", str(zh))
    assert result.returncode == 1 and "own line" in result.stderr, result.stdout
    assert zh.read_text(encoding="utf-8").startswith(front)


def test_translated_rewrites_only_the_front_matter(site: Path) -> None:
    body = "```\ntranslation_of: en\n```\n"
    zh = _translation(site, "---\nnumber: 2\ndate: 2020-01-02\ntranslation_of: en\n---\n",
                      body)
    assert newsletter(site, "translated", str(zh)).returncode == 0
    text = zh.read_text(encoding="utf-8")
    assert text.endswith(body) and text.count("translation_of: en@") == 1
