"""The hand-over of rendered pages to the search: a language as soon as all of its searchable
pages are rendered, never before; a failed render never leaves the search waiting."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from generator.errors import GeneratorError
from generator.render.pages import Job
from generator.search.handover import Handover, language


def _job(path: str, searchable: bool = True) -> Job:
    return Job(path, (), lambda: b"", searchable)


JOBS = [_job("zh/issues/1/index.html"), _job("zh/issues/2/index.html"),
        _job("en/issues/1/index.html"), _job("en/issues/2/index.html"),
        _job("zh/issues/index.html", searchable=False), _job("sitemap.xml", searchable=False)]


def test_a_language_is_handed_over_whole_once_its_pages_are_rendered():
    todo = JOBS  # (the order the build renders in: searchable first, Chinese first)
    handover = Handover(JOBS, todo)
    seen: dict[str, list[bytes | None]] = {}
    rendered_when_handed: dict[str, int] = {}
    rendered: list[str] = []

    def search(code: str) -> None:
        pages = handover.pages_of(code)
        rendered_when_handed[code] = len(rendered)
        seen[code] = [page.data for page in pages]

    def produced() -> Iterator[tuple[str, bytes]]:
        for job in todo:
            rendered.append(job.path)
            yield job.path, job.path.encode()

    threads = [threading.Thread(target=search, args=(code,)) for code in ("en", "zh")]
    for thread in threads:
        thread.start()
    pages = handover.collect(produced())
    for thread in threads:
        thread.join()
    assert set(pages) == {job.path for job in JOBS}
    # Every page handed over has its bytes: none was handed over before it was rendered.
    assert seen == {"zh": [b"zh/issues/1/index.html", b"zh/issues/2/index.html"],
                    "en": [b"en/issues/1/index.html", b"en/issues/2/index.html"]}
    assert rendered_when_handed["zh"] >= 2 and rendered_when_handed["en"] >= 4


def test_pages_kept_from_the_previous_build_come_without_bytes_at_once():
    todo = [job for job in JOBS if not job.path.startswith("en/")]
    handover = Handover(JOBS, todo)
    english: list = []
    # Nothing of it to render: handed over before anything is collected (in a thread, so
    # that a regression fails here instead of hanging the suite).
    thread = threading.Thread(target=lambda: english.extend(handover.pages_of("en")),
                              daemon=True)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert [page.kept for page in english] == [True, True]
    handover.collect(iter([(job.path, b"x") for job in todo]))
    assert [page.data for page in handover.pages_of("zh")] == [b"x", b"x"]
    assert handover.pages_of("fr") == []  # a language without searchable pages


def test_a_failed_render_stops_the_search_instead_of_leaving_it_waiting():
    handover = Handover(JOBS, JOBS)
    outcome: list[object] = []

    def search() -> None:
        try:
            handover.pages_of("en")
        except GeneratorError as exc:
            outcome.append(exc)

    def produced() -> Iterator[tuple[str, bytes]]:
        yield JOBS[0].path, b""
        raise RuntimeError("template failed")

    thread = threading.Thread(target=search)
    thread.start()
    with pytest.raises(RuntimeError):
        handover.collect(produced())
    thread.join(timeout=60)  # (a guard against a hang, not a timing)
    assert not thread.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], GeneratorError)


def test_language_is_the_first_folder():
    assert language("zh/issues/1/index.html") == "zh"
    assert language("index.html") == "index.html"
