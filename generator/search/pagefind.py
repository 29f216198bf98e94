"""A client for the Pagefind binary's `--service` protocol (the one the `pagefind` Python API
speaks: base64 JSON messages ended by a comma, each way).

The Python API reads one response per 0.1 s (it sleeps between reads), which caps indexing at
ten pages a second; this client streams the requests from a thread and reads the responses
as fast as they come, so the time is Pagefind's own.
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
from collections.abc import Iterable, Iterator

from generator.errors import PagefindError
from generator.search.binary import find as find_binary


class PagefindService:
    def __init__(self) -> None:
        binary = find_binary()
        try:
            self._proc = subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError as exc:  # not executable, wrong architecture, …
            raise PagefindError(f"cannot run {binary}: {exc.strerror or exc}") from exc
        self._next_id = 0
        self._buffer = b""

    def __enter__(self) -> PagefindService:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """End the service (and free its memory); again is harmless."""
        assert self._proc.stdin is not None
        if not self._proc.stdin.closed:
            try:
                self._proc.stdin.close()
            except OSError:  # it died with requests unread: the error that says so is raised
                pass
        self._proc.wait(timeout=60)

    def _message(self, payload: dict) -> bytes:
        self._next_id += 1
        body = {"message_id": self._next_id, "payload": payload}
        return base64.b64encode(json.dumps(body).encode("utf-8")) + b","

    def _responses(self) -> Iterator[dict]:
        assert self._proc.stdout is not None
        while True:
            # The bundle comes back as one message of tens of MB: collect its chunks in a
            # list and look for the end in each new chunk only (growing one bytes object and
            # searching all of it after every read made this quadratic: 15 s at 2,000 issues).
            chunks = [self._buffer]
            while b"," not in chunks[-1]:
                chunk = self._proc.stdout.read1(1 << 20)
                if not chunk:
                    raise PagefindError("the Pagefind service stopped unexpectedly")
                chunks.append(chunk)
            raw, _, self._buffer = b"".join(chunks).partition(b",")
            response = json.loads(base64.b64decode(raw))
            payload = response.get("payload") or {}
            if payload.get("type") == "Error":
                raise PagefindError(f"Pagefind: {payload.get('message')}")
            yield payload

    def _send(self, messages: Iterable[bytes]) -> None:
        assert self._proc.stdin is not None
        for message in messages:
            self._proc.stdin.write(message)
        self._proc.stdin.flush()

    def request(self, payload: dict) -> dict:
        self._send([self._message(payload)])
        return next(self._responses())

    def new_index(self, config: dict) -> int:
        return int(self.request({"type": "NewIndex", "config": config})["index_id"])

    def add_html(self, index_id: int, pages: Iterable[tuple[str, str]], count: int) -> None:
        """Add `count` (url, html) pages. Each request is made and sent from a thread while
        the responses are read here: neither pipe can fill up and stall the other side, and
        only a page or two is in memory at a time, not the whole site."""
        failed: list[BaseException] = []

        def send() -> None:
            try:
                self._send(self._message({"type": "AddFile", "index_id": index_id, "url": url,
                                          "file_path": None, "file_contents": html})
                           for url, html in pages)
            except BaseException as exc:  # noqa: BLE001 - re-raised below, in the caller
                failed.append(exc)
                self._proc.kill()  # the reader below then stops waiting

        sender = threading.Thread(target=send, daemon=True)
        sender.start()
        responses = self._responses()
        try:
            for _ in range(count):
                next(responses)
        except PagefindError:
            if not failed:
                raise
        sender.join()
        if failed:
            if isinstance(failed[0], BrokenPipeError):
                raise PagefindError("the Pagefind service stopped unexpectedly") from failed[0]
            raise failed[0]

    def files(self, index_id: int) -> dict[str, bytes]:
        """The finished bundle, path -> bytes. (WriteFiles answers before its files are all
        on disk, and the service drops unfinished writes when it exits.)"""
        response = self.request({"type": "GetFiles", "index_id": index_id})
        return {f["path"]: base64.b64decode(f["content"]) for f in response["files"]}
