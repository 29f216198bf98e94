"""Document -> our Markdown with YAML front matter (the editors' format, see README)."""

from __future__ import annotations

import re

import yaml

from generator.importer.parts import Block, Document

_BLOCK_START = re.compile(r"^(\s*)([#>+*=|-]|\d+[.)]\s|`{3}|~{3}|!!!|\{:)")
_ATTR = re.compile(r"\{[:#]")


def render(doc: Document) -> str:
    return _front_matter(doc) + "\n" + "\n".join(_block(b) for b in doc.blocks)


def _front_matter(doc: Document) -> str:
    lines = ["---"]
    if doc.kind == "issue" and doc.number is not None:
        lines.append(f"number: {doc.number}")
    if doc.kind == "page":
        lines.append(f"title: {_scalar(doc.title or '')}")
    if doc.date:
        lines.append(f"date: {doc.date}")
    if doc.kind == "page" and doc.source:
        lines.append(f"source: {_scalar(doc.source)}")
    if doc.kind == "issue" and doc.colophon:
        lines.append("colophon: |")
        lines.extend(f"  {line}" if line else "" for line in
                     "\n\n".join(_escape(c) for c in doc.colophon).split("\n"))
    lines.append("---")
    return "\n".join(lines) + "\n"


def _scalar(text: str) -> str:
    dumped = yaml.safe_dump(text, allow_unicode=True, width=1 << 20,
                            default_style='"').strip()
    return dumped.removesuffix("\n...")


def _block(block: Block) -> str:
    if block.kind in ("h2", "h3", "h4"):
        marks = "#" * int(block.kind[1])
        return f"{marks} {_inline(block.text)} {{#{block.id}}}\n"
    if block.kind == "source":
        return f"{_escape(block.text)}\n{{: .source }}\n"
    if block.kind == "panel":
        title = block.title.replace('"', "'")
        return f'!!! panel "{title}"\n    {_escape(block.text)}\n'
    return f"{_escape(block.text)}\n"


def _inline(text: str) -> str:
    text = re.sub(r"([*_`\\])", r"\\\1", text)
    return _ATTR.sub(lambda m: "\\" + m.group(0), text)


def _escape(text: str) -> str:
    """Text that would start a Markdown construct is escaped, so it stays text."""
    text = _inline(text)
    match = _BLOCK_START.match(text)
    if match:
        start = match.start(2)
        token = match.group(2)
        if token[0].isdigit():
            dot = start + len(token.rstrip()) - 1
            return text[:dot] + "\\" + text[dot:]
        return text[:start] + "\\" + text[start:]
    return text
