"""The service client splits Pagefind's answers correctly however the pipe cuts them."""

import base64
import io
import json

import pytest

from generator.search.pagefind import PagefindError, PagefindService


class Pipe(io.RawIOBase):
    """A stdout that hands out the bytes in the given pieces, like a pipe would."""

    def __init__(self, pieces: list[bytes]):
        self.pieces = list(pieces)

    def read1(self, size: int = -1) -> bytes:
        return self.pieces.pop(0) if self.pieces else b""


class Process:
    def __init__(self, pieces: list[bytes]):
        self.stdout = Pipe(pieces)


def message(payload: dict) -> bytes:
    return base64.b64encode(json.dumps({"message_id": 1, "payload": payload}).encode()) + b","


def client(pieces: list[bytes]) -> PagefindService:
    service = PagefindService.__new__(PagefindService)  # no binary: a scripted pipe instead
    service._proc = Process(pieces)  # type: ignore[assignment]
    service._buffer = b""
    return service


def test_answers_split_and_joined_anyhow_come_out_whole() -> None:
    first, second = message({"type": "NewIndex", "index_id": 0}), message({"type": "Ok"})
    big = {"type": "GetFiles", "files": [{"path": "x", "content": "A" * 3_000_000}]}
    stream = first + second + message(big) + message({"type": "IndexedFile", "page_url": "/a/"})
    # two whole answers and the start of a third in one read; the big one across many reads
    cuts = [0, len(first + second) + 5, len(first + second) + 6, 1_000_000, 2_500_000,
            len(stream) - 3, len(stream)]
    pieces = [stream[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    answers = client(pieces)._responses()
    assert next(answers) == {"type": "NewIndex", "index_id": 0}
    assert next(answers) == {"type": "Ok"}
    assert next(answers) == big
    assert next(answers) == {"type": "IndexedFile", "page_url": "/a/"}
    with pytest.raises(PagefindError, match="stopped unexpectedly"):
        next(answers)


def test_an_error_answer_is_raised() -> None:
    answers = client([message({"type": "Error", "message": "bad config"})])._responses()
    with pytest.raises(PagefindError, match="bad config"):
        next(answers)


def test_a_service_that_dies_while_pages_are_sent_is_a_pagefind_error() -> None:
    """The pipe breaks under the sending thread: that is Pagefind stopping, not a bug here."""
    import threading

    broken = threading.Event()

    class Stdin:
        def write(self, data: bytes) -> None:
            broken.set()
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            pass

    class Stdout:
        def read1(self, size: int = -1) -> bytes:
            broken.wait(5)  # the sender fails first, then the reader sees the end
            return b""

    service = PagefindService.__new__(PagefindService)
    service._proc = type("Dead", (), {"stdin": Stdin(), "stdout": Stdout(),  # type: ignore[assignment]
                                      "kill": lambda self: None})()
    service._buffer = b""
    service._next_id = 0
    with pytest.raises(PagefindError, match="stopped unexpectedly"):
        service.add_html(0, [("/a/", "<html></html>")], 1)
