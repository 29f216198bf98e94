"""Split `---` YAML front matter from the Markdown body and check it against the schema."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass

from generator.content.yamlmap import YamlProblem, load_mapping
from generator.errors import Diagnostics, quote

_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)
_KEY_SAFE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_VERSION = re.compile(r"^[0-9a-f]{7,40}$")


@dataclass(frozen=True)
class Field:
    type: tuple[type, ...]
    required: bool = False
    help: str = ""


_TEXT = Field((str,), False, "text")
SCHEMAS: dict[str, dict[str, Field]] = {
    "issues": {
        # No number: an issue of the 2006-2012 era, named by its date (`date: 2010-03-30`, or
        # `date: 2015-06` when only the month is known).
        "number": Field((int,), False, "a positive whole number such as 13"),
        "date": Field((str,), True, "an ISO date such as 2016-07-15, or a month: 2015-06"),
        "title": _TEXT,
        "summary": _TEXT,
        "colophon": Field((str,), False, "Markdown text (use `colophon: |` and indent it)"),
        "draft": Field((bool,), False, "true or false"),
        "translation_of": Field((str,), False, "the language of the original, e.g. en or "
                                "en@<version>"),
    },
    "pages": {
        "title": Field((str,), True, "text"),
        "date": Field((str,), False, "an ISO date such as 2016-07-15"),
        "summary": _TEXT,
        "source": Field((str,), False, "where the original was published"),
        "draft": Field((bool,), False, "true or false"),
        "translation_key": Field((str,), False, "lowercase letters, digits and hyphens"),
        "translation_of": Field((str,), False, "the language code of the original, e.g. zh"),
    },
}


@dataclass(frozen=True)
class FrontMatter:
    fields: dict  # validated values; dates are datetime.date or datetime.datetime
    lines: dict[str, int]  # file line of each key
    body: str
    body_line: int  # file line where the body starts


def split(text: str, path: str, diags: Diagnostics) -> tuple[str, str, int] | None:
    """Return (yaml, body, body_line) or report that the file has no front matter."""
    if not text.startswith("---"):
        diags.error(path, 1, "the file must start with a `---` line opening the front matter",
                    "put `---`, then fields like `number: 13` and `date: 2016-07-15`, then `---`")
        return None
    first = _FENCE.match(text)
    closing = _FENCE.search(text, first.end()) if first else None
    if not first or not closing:
        diags.error(path, 1, "the front matter is not closed by a `---` line",
                    "add a line with only `---` after the last field")
        return None
    yaml_text = text[first.end():closing.start()]
    rest = text[closing.end():]
    body = rest.lstrip("\n")
    body_line = text.count("\n", 0, closing.end()) + 1 + (len(rest) - len(body))
    return yaml_text, body, body_line


def parse(text: str, path: str, kind: str, languages: tuple[str, ...],
          diags: Diagnostics) -> FrontMatter | None:
    parts = split(text, path, diags)
    if parts is None:
        return None
    yaml_text, body, body_line = parts
    parsed = load_mapping(yaml_text)
    if isinstance(parsed, YamlProblem):
        # The YAML text starts right after `---` on line 1, so its lines are the file's.
        diags.error(path, parsed.line, parsed.message,
                    "check quotes, colons and indentation on that line or the one before",
                    parsed.col)
        return None
    lines = parsed.key_lines
    fields = _validate(parsed.data, lines, path, kind, languages, diags)
    if fields is None:
        return None
    return FrontMatter(fields, lines, body, body_line)


def _validate(data: dict, lines: dict[str, int], path: str, kind: str,
              languages: tuple[str, ...], diags: Diagnostics) -> dict | None:
    schema = SCHEMAS[kind]
    before = len(diags.errors)
    out: dict = {}
    for key, value in data.items():
        key = str(key)
        line = lines.get(key, 1)
        field = schema.get(key)
        if field is None:
            close = difflib.get_close_matches(key, schema, n=1)
            hint = f"did you mean `{close[0]}`?" if close else \
                "known fields: " + ", ".join(schema)
            diags.error(path, line, f"unknown front-matter field `{key}`", hint)
            continue
        if value is None and not field.required:
            continue
        # bool is an int in Python; `number: yes` must not pass as 1
        if not isinstance(value, field.type) or (isinstance(value, bool) and bool not in
                                                 field.type):
            diags.error(path, line, f"`{key}` must be {field.help}, not {quote(value)}")
            continue
        out[key] = value
    for key, field in schema.items():
        if field.required and key not in data:
            diags.error(path, 1, f"missing required field `{key}`", f"add `{key}:` with "
                        f"{field.help}")
    if "number" in out and out["number"] <= 0:
        diags.error(path, lines["number"], f"`number` must be positive, not {out['number']}")
    if "date" in out:
        out["month_only"] = bool(_MONTH.match(out["date"].strip()))
        out["date"] = _parse_date(out["date"], path, lines["date"], diags)
    for key in ("title", "summary", "source"):
        if key in out and not out[key].strip():
            diags.error(path, lines[key], f"`{key}` is empty", "write the text or remove the line")
    if "translation_key" in out and not _KEY_SAFE.match(out["translation_key"]):
        diags.error(path, lines["translation_key"],
                    f"translation_key {quote(out['translation_key'])} may only use a-z, 0-9 and -",
                    "it becomes part of the page's URL")
    if "translation_of" in out:
        original, _, version = out["translation_of"].partition("@")
        if version and not _VERSION.match(version):
            diags.error(path, lines["translation_of"],
                        f"`{version}` is not a version id (7 to 40 hex digits)",
                        "run `newsletter translated` on this file to record the original's "
                        "current version, or write just the language: translation_of: en")
        if original not in languages:
            diags.error(path, lines["translation_of"],
                        f"translation_of names `{original}`, which is not a site language",
                        "use one of: " + ", ".join(languages))
    return out if len(diags.errors) == before else None


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _parse_date(value: str, path: str, line: int, diags: Diagnostics) -> dt.date | None:
    month = _MONTH.match(value.strip())
    try:
        if month:  # the first of the month stands for it (sorting, feeds, years)
            return dt.date(int(month.group(1)), int(month.group(2)), 1)
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        diags.error(path, line, f"`date` {quote(value)} is not a date",
                    "write it as YYYY-MM-DD, e.g. 2016-07-15 (or YYYY-MM for a month)")
        return None
    return parsed if parsed.time() != dt.time() or parsed.tzinfo else parsed.date()
