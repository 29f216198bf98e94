"""One input's bytes -> a Document: decode, extract, repair, strip chrome, find structure."""

from __future__ import annotations

from generator.content.lint import full_width
from generator.importer import script
from generator.importer.chrome import strip_chrome
from generator.importer.debris import tidy, two_columns
from generator.importer.decode import decode
from generator.importer.htmltext import html_title, html_to_text
from generator.importer.parts import Document, Line, Note
from generator.importer.repair import repair_lines, unrepairable
from generator.importer.structure import build_issue, build_page, looks_like_issue


def to_document(data: bytes, is_html: bool, lang: str = "auto",
                kind: str = "auto") -> Document:
    """Raise decode.DecodeError when the bytes are no text."""
    decoded = decode(data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    title = html_title(text) if is_html else None
    if is_html:
        text = html_to_text(text)
    raw = [Line(no, line) for no, line in enumerate(text.split("\n"), start=1)]
    notes = two_columns(raw) if not is_html else []
    lines, repaired = repair_lines(raw)
    notes.extend(_once(repaired))
    doc_lang = lang if lang in ("en", "zh") else script.detect_lang(
        "\n".join(line.text for line in lines))
    stripped = strip_chrome(_script(lines, doc_lang, notes))
    notes.extend(stripped.notes)
    kept = stripped.lines
    for line in kept:
        notes.extend(Note(line.no, message) for message in unrepairable(line.text))
    kept = tidy(kept)
    is_issue = kind == "issue" or (kind == "auto" and looks_like_issue(kept))
    doc = Document("issue" if is_issue else "page", doc_lang, notes=notes)
    if is_issue:
        build_issue(kept, doc)
    else:
        build_page(kept, doc, title and _script([Line(0, title)], doc_lang, [])[0].text)
        doc.source = doc.source or stripped.source
    doc.date = doc.date or stripped.date
    doc.lossy = text.count("\ufffd") + sum("mojibake" in n.message for n in notes)
    return doc


def _script(lines: list[Line], lang: str, notes: list[Note]) -> list[Line]:
    """zh: Traditional -> Simplified, glosses removed, half-width punctuation between Chinese
    characters made full-width (what `newsletter check` would ask for); all noted."""
    if lang != "zh":
        return lines
    whole = "\n".join(line.text for line in lines)
    traditional = script.is_traditional(whole)
    if traditional:
        notes.append(Note(lines[0].no if lines else 1, "Traditional script converted to "
                                                       "Simplified (OpenCC t2s)"))
    out, glosses, marks = [], 0, 0
    for line in lines:
        text = script.to_simplified(line.text) if traditional else line.text
        text, count = script.drop_glosses(text)
        glosses += count
        text, count = full_width(text)
        marks += count
        out.append(Line(line.no, text, line.gap))
    if glosses:
        notes.append(Note(lines[0].no, f"{glosses} pinyin gloss(es) removed, e.g. 战(zhàn)线"))
    if marks:
        notes.append(Note(lines[0].no, f"{marks} half-width punctuation mark(s) in Chinese "
                                       "text made full-width, e.g. , as ，"))
    return out


def _once(notes: list[Note]) -> list[Note]:
    """One note per kind of repair (the first line it happened on), not one per line."""
    seen: dict[str, Note] = {}
    for note in notes:
        seen.setdefault(note.message, note)
    return sorted(seen.values())
