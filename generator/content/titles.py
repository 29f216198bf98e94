"""The default title of an issue without a number: one rule for the site and for the
importer's report, which states the title the site will show."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_skeleton


def dated_issue_title(site_title: str, locale: str, day: dt.date, month_only: bool) -> str:
    """The site's title and the date in the language's CLDR format: "China Science and
    Technology Newsletter · March 30, 2010" / "中国科技通讯 · 2010年3月30日", and for an issue
    known only by its month "… · June 2015" / "… · 2015年6月". site.yaml's `issue_title`
    pattern is not used: it is built around {number} ("No.{number}", "第{number}期"), and a
    number is never invented."""
    shown = format_skeleton("yMMMM", day, locale=locale) if month_only else \
        format_date(day, "long", locale=locale)
    return f"{site_title} · {shown}"
