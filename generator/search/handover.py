"""Rendered pages handed to the search as the render workers finish them, a language at a
time, so that Pagefind indexes one language while the workers render the rest."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from generator.errors import GeneratorError
from generator.output.files import Output

if TYPE_CHECKING:
    from generator.render.pages import Job


def language(path: str) -> str:
    """The language (folder code) of an output path."""
    return path.split("/", 1)[0]


class Handover:
    """The pages, as the workers render them. The search takes each language's searchable
    pages from here as soon as all of them are rendered (it waits for them here), or learns
    that rendering failed."""

    def __init__(self, jobs: list[Job], todo: list[Job]) -> None:
        self._searchable: dict[str, list[Job]] = {}
        for job in jobs:
            if job.searchable:
                self._searchable.setdefault(language(job.path), []).append(job)
        self._pending: dict[str, set[str]] = {code: set() for code in self._searchable}
        for job in todo:
            if job.searchable:
                self._pending[language(job.path)].add(job.path)
        self._ready = {code: threading.Event() for code in self._searchable}
        for code, pending in self._pending.items():
            if not pending:
                self._ready[code].set()  # nothing of it to render
        self._failed = False
        self._rendered: dict[str, bytes] = {}

    def collect(self, produced: Iterator[tuple[str, bytes]]) -> dict[str, bytes]:
        """Every page rendered (path -> bytes), each language handed over once it is done."""
        try:
            for path, data in produced:
                self._rendered[path] = data
                pending = self._pending.get(language(path))
                if pending and path in pending:
                    pending.remove(path)
                    if not pending:
                        self._ready[language(path)].set()
        except BaseException:
            self._failed = True
            raise
        finally:
            for ready in self._ready.values():  # (the search never waits for nothing)
                ready.set()
        return self._rendered

    def pages_of(self, code: str) -> list[Output]:
        """A language's searchable pages (those kept from the previous build without data),
        once all are rendered. Raises GeneratorError if rendering failed."""
        if code in self._ready:
            self._ready[code].wait()
        if self._failed:
            raise GeneratorError([])  # (the build raises the render's own error)
        return [Output(job.path, self._rendered.get(job.path), True)
                for job in self._searchable.get(code, [])]
