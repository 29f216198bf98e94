"""`newsletter build | check | serve`: argument parsing, messages and exit codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import build as pipeline
from generator.cli_output import print_diagnostics, summary
from generator.errors import GeneratorError

EXIT_CONTENT_ERROR = 1
EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsletter", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="the site folder with site.yaml and content/ (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the site into build/")
    _common(build)
    build.add_argument("--no-search", action="store_true", help="skip the search index")
    check = commands.add_parser("check", help="validate content without writing a site")
    check.add_argument("--drafts", action="store_true", help="check drafts as published")
    serve = commands.add_parser("serve", help="build, serve on 127.0.0.1 and rebuild on change")
    _common(serve)
    serve.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)

    try:
        if args.command == "check":
            loaded = pipeline.load(pipeline.Options(args.root, args.root / "build",
                                                    drafts=args.drafts))
            pipeline.render(loaded, pipeline.Theme(args.root / "themes" / "default"))
            print_diagnostics(loaded.warnings)
            print(f"ok: {len(loaded.site.documents)} documents, no errors, "
                  f"{len(loaded.warnings)} warning(s)")
            return 0
        options = pipeline.Options(args.root, args.out or args.root / "build",
                                   drafts=args.drafts, base_url=args.base_url,
                                   search=not getattr(args, "no_search", False))
        if args.command == "serve":
            from generator.serve import serve

            return serve(options, args.port)
        report = pipeline.build(options)
    except GeneratorError as exc:
        print_diagnostics(exc.diagnostics)
        errors = sum(1 for d in exc.diagnostics if d.level == "error")
        print(f"\n{errors} error(s); nothing was published, the previous output is unchanged.",
              file=sys.stderr)
        return EXIT_CONTENT_ERROR
    print_diagnostics(report.warnings)
    print(summary(report, options.out))
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, help="output folder (default: build/)")
    parser.add_argument("--drafts", action="store_true", help="include drafts")
    parser.add_argument("--base-url", help="override base_url from site.yaml")
