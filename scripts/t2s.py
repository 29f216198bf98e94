"""Write (or with --check, compare) themes/default/static/exact/t2s.js: the Traditional
characters that OpenCC's t2s changes, each with its Simplified form, for the search page
(a reader who types 國際 in the Simplified edition's search finds 国际).

Only characters that Simplified Chinese text never holds are in it: those outside GB 2312.
乾 (乾隆), 著 (著名) and 於 are Simplified characters too, and t2s would change them; a query
with them must find them as typed.

    .venv/bin/python scripts/t2s.py [--check]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import opencc

TARGET = Path(__file__).resolve().parents[1] / "themes/default/static/exact/t2s.js"
_HAN = [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00)]


def _simplified_text_holds(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def table() -> dict[str, str]:
    chars = [chr(code) for code in _HAN]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return {old: new for old, new in zip(chars, converted, strict=True)
            if new != old and len(new) == 1 and not _simplified_text_holds(old)}


def module() -> str:
    return ("/* Traditional -> Simplified characters, from OpenCC's t2s, only those that\n"
            " * Simplified text never holds (outside GB 2312). Made by scripts/t2s.py: do not\n"
            " * edit. */\n"
            "export default " + json.dumps(table(), ensure_ascii=False, sort_keys=True,
                                           separators=(",", ":")) + ";\n")


def main(argv: list[str]) -> int:
    text = module()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is not what scripts/t2s.py makes: run it", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
