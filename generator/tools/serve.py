"""`newsletter serve`: build, serve on 127.0.0.1, rebuild on change and reload the browser.

The reload script is added to HTML responses by this server only; build/ never contains it.
While the content has an error the page shows the error (file, line, message) instead of the
last good build, and the next good save reloads it.
"""

from __future__ import annotations

import json
import sys
import threading
from dataclasses import dataclass, field, replace
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

from watchfiles import watch

from generator import build as pipeline
from generator.cli_output import print_diagnostics, search_failed, summary
from generator.errors import GeneratorError, PagefindError
from generator.load import Options
from generator.output.guard import check_output

CLIENT = resources.files("generator.tools").joinpath("livereload.js").read_bytes()
SNIPPET = b'<script src="/__livereload.js"></script>'


@dataclass
class State:
    generation: int = 0  # bumped by every successful build
    error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args: object, state: State, directory: str, **kwargs: object):
        self.state = state
        super().__init__(*args, directory=directory, **kwargs)  # type: ignore[arg-type]

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (library API)
        pass  # the build summary is the useful output

    def do_GET(self) -> None:  # noqa: N802 (library API)
        if self.path == "/__reload":
            with self.state.lock:
                body = json.dumps({"generation": self.state.generation,
                                   "error": self.state.error}).encode()
            return self._send(body, "application/json")
        if self.path == "/__livereload.js":
            return self._send(CLIENT, "text/javascript")
        translated = self.translate_path(self.path)
        if "\0" in translated:  # (no file has one; open() would raise)
            return self.send_error(400, "bad path")
        target = Path(translated)
        if target.is_dir():
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            html = target.read_bytes().replace(b"</body>", SNIPPET + b"</body>", 1)
            return self._send(html, "text/html; charset=utf-8")
        if self.state.error and target.suffix == ".html":  # nothing built yet to show
            return self._send(b"<!DOCTYPE html><title>Build failed</title><body>" + SNIPPET
                              + b"</body>", "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def rebuild(options: Options, state: State) -> None:
    try:
        report = pipeline.build(options)
    except GeneratorError as exc:
        print_diagnostics(exc.diagnostics)
        print("build failed; the browser shows the error until the next good save",
              file=sys.stderr, flush=True)
        with state.lock:
            state.error = "\n".join(d.format() for d in exc.diagnostics)
        return
    except PagefindError as exc:
        print(search_failed(exc), file=sys.stderr, flush=True)
        with state.lock:
            state.error = search_failed(exc)
        return
    except Exception as exc:  # noqa: BLE001 - serving goes on; the browser shows what broke
        message = f"the build stopped: {type(exc).__name__}: {exc}"
        print(message, file=sys.stderr, flush=True)
        with state.lock:
            state.error = message
        return
    print_diagnostics(report.warnings)
    print(summary(report, options.out), flush=True)
    with state.lock:
        state.generation += 1
        state.error = None


def serve(options: Options, port: int) -> int:
    # Locally the site lives at the server root, whatever base_url production uses.
    options = replace(options, base_url=f"http://127.0.0.1:{port}/")
    check_output(options.root, options.out)
    state = State()
    handler = partial(Handler, state=state, directory=str(options.out))
    try:  # the port first: a busy one must not cost the shared output a rebuild
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        print(f"error: cannot serve on 127.0.0.1:{port}: {exc.strerror}\n    hint: another "
              "program uses it; try --port 8001", file=sys.stderr)
        return 1
    rebuild(options, state)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving http://127.0.0.1:{port}/ — edit content/, themes/ or site.yaml to rebuild;"
          " Ctrl-C stops", flush=True)
    watched = [p for p in (options.root / "content", options.root / "themes",
                           options.root / "site.yaml") if p.exists()]
    try:
        for changes in watch(*watched):
            names = sorted({Path(path).name for _, path in changes})
            print(f"changed: {', '.join(names[:3])}{' …' if len(names) > 3 else ''}", flush=True)
            rebuild(options, state)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
