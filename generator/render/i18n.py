"""Babel: UI-string catalogs (compiled in memory from the theme's .po) and locale formatting."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import NullTranslations, Translations

from generator.errors import Diagnostics


def load_translations(locales_dir: Path, locale: str, diags: Diagnostics) -> NullTranslations:
    """Compile messages.po for `locale` so editors never run a compile step."""
    po_path = locales_dir / locale / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():
        return NullTranslations()
    try:
        with po_path.open("rb") as fp:
            catalog = read_po(fp, locale=locale, abort_invalid=True)
    except (PoFileError, ValueError) as exc:
        diags.error(str(po_path), getattr(exc, "lineno", 0), f"cannot read the catalog: {exc}",
                    "fix the .po file (pybabel update regenerates it)")
        return NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


class Formatter:
    """Dates and numbers for one page locale."""

    def __init__(self, locale: str):
        self.locale = Locale.parse(locale)
        self._dates: dict[dt.date, str] = {}  # archives show thousands; Babel is slow

    def date(self, value: dt.date | None, month_only: bool = False) -> str:
        """"July 15, 2016" / "2016年7月15日"; with `month_only`, "July 2016" / "2016年7月"."""
        if not value:
            return ""
        if month_only:
            return self.month(value)
        found = self._dates.get(value)
        if found is None:
            found = self._dates[value] = format_date(value, "long", locale=self.locale)
        return found

    def month(self, value: dt.date) -> str:
        """"July 2016" / "2016年7月"."""
        return format_skeleton("yMMMM", value, locale=self.locale)

    def language(self, locale: str) -> str:
        """Another language's name in this locale: "Chinese" / "英文"."""
        code = Locale.parse(locale).language
        return self.locale.languages.get(code, code)

    def year(self, year: int) -> str:
        """"2016" / "2016年"."""
        return format_skeleton("y", dt.date(year, 1, 1), locale=self.locale)
