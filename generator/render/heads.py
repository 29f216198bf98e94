"""A document as lists and links show it: without its text, so pages can be keyed on it."""

from __future__ import annotations

import hashlib

from generator.model import Document

# What lists of documents and links to a document show: all but the text (body, colophon,
# links, lines) and its digest. A Document's url_path, day, iso_date, sections and anchors are
# made from these alone.
HEAD_FIELDS = ("kind", "lang", "key", "source_path", "title", "date", "number", "summary",
               "draft", "translation_of", "translated_from", "source", "headings", "month_only")
HEAD_SHOWS = frozenset(HEAD_FIELDS + ("url_path", "day", "iso_date", "sections", "anchors"))


class Head:
    """A document as a list of issues, a prev/next link or a link to it shows it: without its
    text. A page is keyed on the Heads it shows by their `identity` (path and a digest of what
    a Head shows), so an edit of one issue's text does not render the archive or its
    neighbours again; a template that asks a Head for the text gets an error, never a page
    that would go stale."""

    __slots__ = ("_doc", "identity")

    def __init__(self, doc: Document):
        self._doc = doc
        shown = repr(tuple(getattr(doc, name) for name in HEAD_FIELDS)).encode()
        self.identity = f"{doc.source_path}\0{hashlib.blake2b(shown, digest_size=16).hexdigest()}"

    def __getattr__(self, name: str) -> object:
        if name in HEAD_SHOWS:
            return getattr(self._doc, name)
        raise AttributeError(name)
