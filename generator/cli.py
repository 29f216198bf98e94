"""The `newsletter` commands: arguments, messages and exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path

from generator import build as pipeline
from generator import load
from generator.cli_output import print_diagnostics, search_failed, summary
from generator.errors import GeneratorError, PagefindError
from generator.output.guard import OutputRefused, check_output
from generator.render.theme import Theme

EXIT_CONTENT_ERROR = 1
EXIT_REFUSED = 2  # a command line that would destroy something (as argparse's own errors)
EXIT_SEARCH_FAILED = 3  # the content is fine; Pagefind is missing or failed
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports it


class UsageError(Exception):
    """A setting from outside the command line itself (the environment) is unusable."""


def main(argv: list[str] | None = None) -> int:
    """Run one command; every failure is one clear message and an exit code."""
    args = _parser().parse_args(argv)
    style = getattr(args, "format", "text")
    try:
        return _run(args, style)
    except GeneratorError as exc:
        print_diagnostics(exc.diagnostics, style)
        errors = sum(1 for d in exc.diagnostics if d.level == "error")
        print(f"\n{errors} error(s); nothing was published, the previous output is unchanged.",
              file=sys.stderr)
        return EXIT_CONTENT_ERROR
    except PagefindError as exc:
        print(search_failed(exc) + "\nnothing was published, the previous output is unchanged.",
              file=sys.stderr)
        return EXIT_SEARCH_FAILED
    except OutputRefused as exc:
        print(f"error: {exc}\n    hint: choose another --out (the default is build/)",
              file=sys.stderr)
        return EXIT_REFUSED
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except OSError as exc:  # the machine's, not the content's: full disk, permissions, …
        where = f": {exc.filename}" if exc.filename else " (while reading the site or " \
            "writing the output and its cache)"
        print(f"error: {exc.strerror or exc}{where}\nnothing was published, the previous "
              "output is unchanged.", file=sys.stderr)
        return EXIT_CONTENT_ERROR
    except KeyboardInterrupt:
        print("interrupted; nothing was published, the previous output is unchanged.",
              file=sys.stderr)
        return EXIT_INTERRUPTED


def _run(args: argparse.Namespace, style: str) -> int:
    if args.command == "new":
        from generator.tools.scaffold import new_issue

        for path in new_issue(args.root, args.date):
            print(path)
        return 0
    if args.command == "import":
        from generator.importer import run as run_import

        return run_import(args.root, args.paths, args.lang, args.kind, args.dry_run,
                          args.report)
    if args.command == "translated":
        from generator.tools.scaffold import mark_translated

        for line in mark_translated(args.root, args.paths):
            print(line)
        return 0
    source_date = _source_date()  # reproducible builds also fix "today"
    options = load.Options(
        args.root, getattr(args, "out", None) or args.root / "build", drafts=args.drafts,
        future=args.future, today=source_date.date() if source_date else dt.date.today(),
        base_url=getattr(args, "base_url", None), source_date=source_date,
        search=not getattr(args, "no_search", False),
        cache=not getattr(args, "clean", False))
    if args.command == "status" or getattr(args, "translations", False):
        return _status(options)
    if args.command == "check":
        return _check(options, style)
    if args.command == "serve":
        from generator.tools.serve import serve

        return serve(options, args.port)
    if args.command == "email":
        return _email(options, args.issue, args.lang)
    report = pipeline.build(options)
    print_diagnostics(report.warnings)
    print(summary(report, options.out))
    return 0


def _check(options: load.Options, style: str) -> int:
    from generator.incremental.pool import results
    from generator.render import site as render

    loaded = load.load(options)
    theme = Theme.of_site(options.root)  # every page rendered, nothing written
    list(render.render(render.jobs(loaded.site, loaded.config, theme, loaded.built), theme,
                       results))
    print_diagnostics(loaded.warnings, style)
    print(f"ok: {len(loaded.site.documents)} documents, no errors, "
          f"{len(loaded.warnings)} warning(s)", file=sys.stderr if style == "github" else None)
    return 0


def _status(options: load.Options) -> int:
    from generator.content.reader import read_blob, read_text
    from generator.tools.status import format_status, translation_status, unpaired_blocks

    loaded = load.load(options)
    entries = translation_status(loaded.site, lambda blob: read_blob(options.root, blob),
                                 lambda path: read_text(options.root, path))
    print_diagnostics(loaded.warnings + unpaired_blocks(
        loaded.site, lambda path: read_text(options.root, path)))
    print(format_status(entries))
    return 0


def _email(options: load.Options, issue: str, lang: str) -> int:
    from generator.output.writer import write_files
    from generator.tools.mail import render_email

    check_output(options.root, options.out, replaced=False)
    loaded = load.load(options)
    outputs = render_email(loaded, Theme.of_site(options.root), issue, lang)
    print_diagnostics(loaded.warnings)
    for path, output in zip(write_files(options.out, outputs), outputs, strict=True):
        print(f"{path}  {len(output.data) / 1024:.1f} KiB")
    return 0


def _issue(text: str) -> str:
    """An issue's key: its number, or the date that names an issue without one."""
    if text.isdigit() and int(text) >= 1:
        return str(int(text))
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", text):
        return text
    raise argparse.ArgumentTypeError(f"{text!r} is not an issue number like 13 or the date of "
                                     "an issue without a number, like 2010-03-30")


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port from 1 to 65535")
    return int(text)


def _source_date() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH (reproducible-builds.org): the only build time the output may show."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        moment = dt.datetime.fromtimestamp(int(value), tz=dt.UTC) if value.isdigit() else None
    except (ValueError, OverflowError, OSError):
        moment = None
    if moment is None:
        raise UsageError(f"SOURCE_DATE_EPOCH={value[:40]!r} is not a time: seconds since "
                         "1970-01-01 up to the year 9999, e.g. $(git log -1 --format=%ct)")
    return moment


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2016-07-15") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsletter",
        description="Write, check, build and serve the bilingual newsletter site.")
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="the site folder with site.yaml and content/ (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build the site into build/")
    _selection(build)
    _output(build)
    build.add_argument("--no-search", action="store_true", help="skip the search index")
    build.add_argument("--clean", action="store_true",
                       help="ignore the build cache and parse every file again")

    check = commands.add_parser("check", help="validate content without writing a site")
    _selection(check)
    check.add_argument("--format", choices=["text", "github"], default="text",
                       help="github: print GitHub Actions annotations")
    check.add_argument("--translations", action="store_true",
                       help="report missing and stale translations (same as `status`)")

    status = commands.add_parser("status", help="which translations exist, are missing or stale")
    _selection(status)

    translated = commands.add_parser(
        "translated", help="record that translations match their originals as they are now")
    translated.add_argument("paths", nargs="+", type=Path, help="translation files")

    serve = commands.add_parser("serve", help="build, serve on 127.0.0.1 and rebuild on change")
    _selection(serve)
    _output(serve)
    serve.add_argument("--port", type=_port, default=8000)
    serve.add_argument("--no-search", action="store_true", help="skip the search index")

    email = commands.add_parser("email", help="write the e-mail edition of an issue into "
                                "build/email/LANG/N/")
    email.add_argument("issue", type=_issue, help="the issue number, or the date (YYYY-MM-DD "
                       "or YYYY-MM) of an issue without one")
    email.add_argument("--lang", required=True, help="the language folder: en, zh, …")
    _selection(email)
    _output(email)

    imp = commands.add_parser("import", help="bring legacy archive pages (.html, .htm, .txt, "
                              "any encoding) into content/ as issues and pages")
    imp.add_argument("paths", nargs="+", type=Path, help="files or folders")
    imp.add_argument("--lang", choices=["auto", "en", "zh"], default="auto")
    imp.add_argument("--kind", choices=["auto", "issue", "page"], default="auto")
    imp.add_argument("--dry-run", action="store_true", help="write nothing, report only")
    imp.add_argument("--report", type=Path, help="write a JSON report to this file")

    new = commands.add_parser("new", help="scaffold the next issue in every language")
    new.add_argument("--date", type=_date, default=dt.date.today(),
                     help="the issue's date (default: today)")
    return parser


def _selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--drafts", action="store_true", help="include drafts")
    parser.add_argument("--future", action="store_true", help="include future-dated documents")


def _output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, help="output folder (default: build/)")
    parser.add_argument("--base-url", help="override base_url from site.yaml")
