"""One RSS 2.0 feed per language: full content, absolute URLs, RFC 822 dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from generator.model import Document
from generator.render.pages import Job, Renderer, describe

FEED_SIZE = 20


@dataclass(frozen=True)
class FeedItem:
    doc: Document
    pub_date: str
    summary: str
    content: str


def aware(value: dt.date, timezone: str) -> dt.datetime:
    """A date (midnight) or naive datetime, placed in the site's time zone."""
    return _aware(value, ZoneInfo(timezone))


def _aware(value: dt.date, zone: ZoneInfo) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time(), zone)
    return value if value.tzinfo else value.replace(tzinfo=zone)


def pub_date(value: dt.date, timezone: str) -> str:
    """RFC 822 date, independent of the OS locale (email.utils never uses strftime names)."""
    from email.utils import format_datetime  # (only when a feed is rendered)

    return format_datetime(aware(value, timezone))


def feed(renderer: Renderer, lang: str, built: dt.datetime | None = None) -> Job:
    """`built`: the build time for lastBuildDate, only when SOURCE_DATE_EPOCH gives one (else
    the newest item's date, so identical content gives identical bytes)."""
    site, config = renderer.site, renderer.config
    zone = ZoneInfo(config.timezone)
    dated = [d for d in site.documents if d.lang == lang and d.date is not None]
    dated.sort(key=lambda d: (_aware(d.date, zone), d.number or 0, d.key), reverse=True)
    latest = dated[:FEED_SIZE]
    return Job(f"{lang}/feed.xml", ("feed", lang, built, [
        renderer.linked(doc) for doc in latest]), lambda: _render(renderer, lang, latest, built))


def _render(renderer: Renderer, lang: str, latest: list[Document],
            built: dt.datetime | None) -> bytes:
    env, timezone = renderer.envs[lang], renderer.config.timezone
    items = []
    for doc in latest:
        body = renderer.absolute_body(doc)
        colophon = renderer.absolute_body(doc, doc.colophon_html)  # (as the e-mail has it)
        content = env.get_template("partials/feed_content.html").render(
            doc=doc, body=body, colophon=colophon)
        items.append(FeedItem(doc, pub_date(doc.date, timezone), describe(doc), content))
    last = pub_date(built, timezone) if built else (items[0].pub_date if items else None)
    return env.get_template("feed.xml").render(
        lang=renderer.config.language(lang), items=items, last_build=last).encode("utf-8")
