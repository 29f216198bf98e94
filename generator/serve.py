"""`newsletter serve`: build, serve the output on 127.0.0.1 and rebuild when sources change."""

from __future__ import annotations

import functools
import sys
import threading
from dataclasses import replace
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from watchfiles import watch

from generator import build as pipeline
from generator.cli_output import print_diagnostics, summary
from generator.errors import GeneratorError


def rebuild(options: pipeline.Options) -> bool:
    try:
        report = pipeline.build(options)
    except GeneratorError as exc:
        print_diagnostics(exc.diagnostics)
        print("build failed; still serving the last good build", file=sys.stderr)
        return False
    print_diagnostics(report.warnings)
    print(summary(report, options.out), flush=True)
    return True


def serve(options: pipeline.Options, port: int) -> int:
    # Locally the site lives at the server root, whatever base_url production uses.
    options = replace(options, base_url=f"http://127.0.0.1:{port}/")
    if not rebuild(options) and not options.out.exists():
        return 1
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(options.out))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving http://127.0.0.1:{port}/ — edit content/, themes/ or site.yaml to rebuild;"
          " Ctrl-C stops", flush=True)
    watched = [p for p in (options.root / "content", options.root / "themes",
                           options.root / "site.yaml") if p.exists()]
    try:
        for changes in watch(*watched):
            names = sorted({path for _, path in changes})
            print(f"changed: {', '.join(names[:3])}{' …' if len(names) > 3 else ''}", flush=True)
            rebuild(options)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
