"""Internal links as placeholders, resolved once every document's URL is known.

A relative `.md` link becomes `newsletter-ref:<content path>#<anchor>` and a site-root link
`/x` becomes `newsletter-root:x`; `resolve_links` turns both into real URLs."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from markdown_it.rules_core import StateCore

from generator.model import LinkRef

REF = "newsletter-ref:"
ROOT = "newsletter-root:"
_LINK_ATTR = re.compile(r'(href|src)="(newsletter-ref:|newsletter-root:)([^"]*)"')
_URL_ATTR = {"link_open": "href", "image": "src"}


def rewrite_links(state: StateCore) -> None:
    """Internal links -> placeholders, each recorded as a LinkRef in document order."""
    links: list[LinkRef] = []
    source_dir = state.env["source_dir"]
    for token in state.tokens:
        for child in token.children or ():
            attr = _URL_ATTR.get(child.type)
            if attr:
                written = str(child.attrs[attr])
                child.attrSet(attr, _rewrite(written, source_dir, links))
    state.env["links"] = links


def _rewrite(value: str, source_dir: str, links: list[LinkRef]) -> str:
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith("#"):
        return value
    path = unquote(parts.path)
    if path.startswith("/"):
        links.append(LinkRef(path.lstrip("/"), parts.fragment, value, True))
        return ROOT + value.lstrip("/")
    if path.endswith(".md"):
        target = posixpath.normpath(posixpath.join(source_dir, path))
        links.append(LinkRef(target, parts.fragment, value, False))
        return REF + target + ("#" + parts.fragment if parts.fragment else "")
    return value


def resolve_links(body: str, url_for: Callable[[str, str, bool], str]) -> str:
    """Replace link placeholders; url_for(target, fragment, is_root) -> final URL."""

    def sub(match: re.Match[str]) -> str:
        target, _, fragment = match.group(3).partition("#")
        url = url_for(target, fragment, match.group(2) == ROOT)
        return f'{match.group(1)}="{html.escape(url)}"'

    return _LINK_ATTR.sub(sub, body)
