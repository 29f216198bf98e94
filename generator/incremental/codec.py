"""Documents and diagnostics <-> JSON for the build cache: data only, checked on the way in.

The cache lives in the site folder, where anyone with a pull request can put a file. Pickle
would run whatever such a file says; JSON can only describe values, and every value is
checked against the field it fills before a Document is made. Whatever fails a check is
`Invalid`: the caller drops the whole shard and parses those files again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.errors import Diagnostic
from generator.model import Document, Heading, LinkRef
from generator.site.linking import url_path


class Invalid(ValueError):
    """Not a value this cache writes."""


_TEXT = ("kind", "lang", "key", "source_path", "digest", "title", "summary", "colophon_html",
         "body_html")
_OPTIONAL_TEXT = ("translation_of", "translated_from", "source")


def encode_document(doc: Document) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(doc, name) for name in _TEXT + _OPTIONAL_TEXT}
    data.update(number=doc.number, draft=doc.draft, lines=doc.lines, month_only=doc.month_only,
                date=doc.date.isoformat() if doc.date else None,
                datetime=isinstance(doc.date, dt.datetime),
                headings=[list(h) for h in doc.headings],
                links=[[link.target, link.fragment, link.written, link.is_root, link.line]
                       for link in doc.links])
    return data


def decode_document(data: Any) -> Document:
    _expect(isinstance(data, dict), "a document")
    values = {name: _text(data.get(name)) for name in _TEXT}
    values.update({name: _optional(data.get(name)) for name in _OPTIONAL_TEXT})
    number = data.get("number")
    _expect(number is None or _is_int(number), "number")
    _expect(isinstance(data.get("draft"), bool), "draft")
    _expect(isinstance(data.get("month_only"), bool), "month_only")
    lines = data.get("lines")
    _expect(isinstance(lines, dict) and all(isinstance(k, str) and _is_int(v)
                                            for k, v in lines.items()), "lines")
    # The URL is not stored: the site's one rule makes it from kind, language and key.
    return Document(**values, number=number, draft=data["draft"], lines=lines,
                    url_path=url_path(values["kind"], values["lang"], values["key"]),
                    month_only=data["month_only"],
                    date=_date(data.get("date"), data.get("datetime")),
                    headings=tuple(_heading(h) for h in _list(data.get("headings"))),
                    links=tuple(_link(x) for x in _list(data.get("links"))))


def encode_diagnostic(diag: Diagnostic) -> list[Any]:
    return [diag.path, diag.line, diag.col, diag.level, diag.message, diag.hint]


def decode_diagnostic(data: Any) -> Diagnostic:
    _expect(isinstance(data, list) and len(data) == 6, "a diagnostic")
    path, line, col, level, message, hint = data
    _expect(_is_int(line) and _is_int(col) and level in ("error", "warning"), "a diagnostic")
    return Diagnostic(_text(path), line, col, level, _text(message), _text(hint))


def _heading(data: Any) -> Heading:
    _expect(isinstance(data, list) and len(data) == 3 and _is_int(data[0]), "a heading")
    return Heading(data[0], _text(data[1]), _text(data[2]))


def _link(data: Any) -> LinkRef:
    _expect(isinstance(data, list) and len(data) == 5, "a link")
    target, fragment, written, is_root, line = data
    _expect(isinstance(is_root, bool) and _is_int(line), "a link")
    return LinkRef(_text(target), _text(fragment), _text(written), is_root, line)


def _date(value: Any, with_time: Any) -> dt.date | None:
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(_text(value))
    except ValueError:
        raise Invalid("date") from None
    return parsed if with_time is True else parsed.date()


def _list(value: Any) -> list:
    _expect(isinstance(value, list), "a list")
    return value


def _text(value: Any) -> str:
    _expect(isinstance(value, str), "text")
    return value


def _optional(value: Any) -> str | None:
    return None if value is None else _text(value)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise Invalid(what)
