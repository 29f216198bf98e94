"""The incremental store: what it remembers, when it trusts it, which pages it re-renders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content.config import parse_config
from generator.errors import Diagnostics
from generator.incremental.store import Store, fingerprint, setup_key
from generator.output.files import Output
from generator.output.writer import write_files
from generator.render.pages import Job

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "sites" / "archive"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    (tmp_path / "build").mkdir()
    write_files(tmp_path / "build", [Output("index.html", b"<p>home</p>")])
    return Store(tmp_path, tmp_path / "build")


def _record(store: Store, keys: dict[str, str], written: list[str] | None = None,
            previous=None) -> None:
    store.record("print", "setup", {"pages": {}}, [], keys, {}, {}, written, previous)


def _job(path: str, *parts: object) -> Job:
    return Job(path, parts, lambda: b"")


def test_nothing_is_remembered_before_a_first_build(store: Store) -> None:
    assert store.previous() is None
    assert not store.has_documents()


def test_a_recorded_build_is_trusted_while_its_output_is_untouched(store: Store) -> None:
    _record(store, {"index.html": "k"})
    previous = store.previous()
    assert previous is not None and previous.pages == {"index.html": "k"}
    assert previous.fingerprint == "print" and previous.setup == "setup"
    (store.out / "index.html").write_bytes(b"<p>edited by hand</p>")
    assert store.previous() is None  # an output edited by hand is never trusted


def test_an_in_place_update_looks_again_only_at_what_it_wrote(store: Store) -> None:
    _record(store, {})
    previous = store.previous()
    write_files(store.out, [Output("new.html", b"new")])
    _record(store, {}, written=["new.html"], previous=previous)
    after = store.previous()
    assert after is not None and set(after.listing) == {"index.html", "new.html"}


def test_clean_reads_nothing_from_the_cache(store: Store, tmp_path: Path) -> None:
    _record(store, {"index.html": "k"})
    assert Store(tmp_path, tmp_path / "build", enabled=False).previous() is None


def test_a_damaged_state_means_a_full_build(store: Store) -> None:
    _record(store, {})
    assert store.state_file is not None
    store.state_file.write_bytes(b"\x80not json{")
    assert store.previous() is None


def test_plan_renders_only_pages_whose_key_changed(store: Store) -> None:
    jobs = [_job("a.html", "same"), _job("b.html", "old text")]
    first = Store.plan(jobs, "setup", None)
    assert [job.path for job in first.todo] == ["a.html", "b.html"]
    _record(store, first.keys)
    previous = store.previous()
    again = Store.plan([_job("a.html", "same"), _job("b.html", "new text")], "setup", previous)
    assert [job.path for job in again.todo] == ["b.html"]
    assert again.keys["a.html"] == first.keys["a.html"] != again.keys["b.html"]


def test_a_new_setup_renders_everything(store: Store) -> None:
    jobs = [_job("a.html", "same")]
    store.record("print", "old setup", {}, [], Store.plan(jobs, "old setup", None).keys, {},
                 {}, None, None)
    assert [job.path for job in Store.plan(jobs, "new setup", store.previous()).todo] == \
        ["a.html"]


def test_documents_kept_by_one_build_are_found_by_the_next(tmp_path: Path) -> None:
    from generator.content.reader import scan
    from generator.incremental.parsing import load_all

    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    config = parse_config((site / "site.yaml").read_text(encoding="utf-8"), Diagnostics())
    assert config is not None
    files = scan(site, config.codes, Diagnostics())
    store = Store(site)
    cache = store.documents(config)
    documents, read = load_all(site, files, config, cache, Diagnostics())
    store.keep(cache)
    assert store.has_documents()
    again = store.documents(config)
    assert all(again.get(source) is not None for source in read)
    assert not Store(site, enabled=False).has_documents()


def test_setup_and_fingerprint_follow_what_they_cover(tmp_path: Path) -> None:
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "a.css").write_text("a{}", encoding="utf-8")
    first = setup_key("title: x", tmp_path / "theme", (False,))
    assert setup_key("title: y", tmp_path / "theme", (False,)) != first
    assert setup_key("title: x", tmp_path / "theme", (True,)) != first
    (tmp_path / "theme" / "a.css").write_text("a{color:red}", encoding="utf-8")
    assert setup_key("title: x", tmp_path / "theme", (False,)) != first
    assert fingerprint("s", []) != fingerprint("t", [])
