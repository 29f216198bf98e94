"""The e-mail edition of one issue: inlined HTML, its plain-text alternative, a subject line.

Pure: the loaded site and the theme in, Output records out (writer.write_files stores them).
We never send mail; editors paste or upload these files into their mailing service.
"""

from __future__ import annotations

import css_inline
import jinja2

from generator.content.config import CONFIG_NAME
from generator.errors import Diagnostics, GeneratorError
from generator.load import Loaded
from generator.model import Document
from generator.output.files import Output
from generator.render.pages import describe
from generator.render.site import renderer as make_renderer
from generator.render.theme import Theme, template_error
from generator.tools.plaintext import html_to_text

# Gmail hides everything after the first ~102 KB of a message's HTML behind "View entire
# message" (and with it any tracking or unsubscribe footer the mailing service appends).
GMAIL_CLIP_BYTES = 102 * 1024

# css-inline: a maintained inliner (Rust, on the html5ever parser of Servo) with correct
# cascade and specificity; premailer, the usual Python choice, has had no release since 2021
# and pulls lxml and cssutils. Remote stylesheets are never fetched: the output must depend
# on the theme alone. The <style> block goes once its rules are in style="" attributes:
# Gmail (in some apps) and Outlook.com drop it, and we use no @media rules that need it.
_INLINER = css_inline.CSSInliner(inline_style_tags=True, keep_style_tags=False,
                                 keep_link_tags=False, keep_at_rules=False,
                                 load_remote_stylesheets=False)


def render_email(loaded: Loaded, theme: Theme, key: str, lang: str) -> list[Output]:
    """email.html, email.txt and subject.txt for the issue `key` (its number, or its date
    for an issue without one) in `lang`."""
    doc = find_issue(loaded, key, lang)
    diags = Diagnostics()
    try:
        renderer = make_renderer(loaded.site, loaded.config, theme)
        env = renderer.envs[lang]
        language = loaded.config.language(lang)
        subject = " ".join(env.get_template("email/subject.txt").render(
            lang=language, doc=doc).split())
        html = env.get_template("email/issue.html").render(
            lang=language, doc=doc, subject=subject, preheader=describe(doc),
            body=renderer.absolute_body(doc),
            colophon=renderer.absolute_body(doc, doc.colophon_html))
    except jinja2.TemplateError as exc:
        template_error(exc, theme, diags)
        raise GeneratorError(diags.items) from None
    inlined = _INLINER.inline(html).encode("utf-8")
    check_size(doc, inlined)
    folder = f"email/{lang}/{key}/"
    return [Output(folder + "email.html", inlined),
            Output(folder + "email.txt", html_to_text(inlined.decode("utf-8")).encode("utf-8")),
            Output(folder + "subject.txt", (subject + "\n").encode("utf-8"))]


def find_issue(loaded: Loaded, key: str, lang: str) -> Document:
    """The issue, or an editor-facing error that says what exists instead."""
    config, site = loaded.config, loaded.site
    diags = Diagnostics()
    if lang not in config.codes:
        diags.error(CONFIG_NAME, 0, f"no language `{lang}` in {CONFIG_NAME}",
                    "languages: " + ", ".join(config.codes))
        diags.raise_if_errors()
    issues = {d.key: d for d in site.issues(lang)}
    if key in issues:
        return issues[key]
    name = f"No.{key}" if key.isdigit() else f"of {key}"
    elsewhere = sorted(code for code in config.codes
                       if any(d.key == key for d in site.issues(code)))
    if elsewhere:
        hint = (f"the issue {name} exists in {', '.join(elsewhere)} only; translate it into "
                f"content/{lang}/issues/ first")
    else:
        keys = ", ".join(list(issues)[:10]) or "none"
        hint = (f"published issues in `{lang}`: {keys}; drafts and future-dated issues "
                "need --drafts or --future")
    diags.error(f"content/{lang}/issues/", 0, f"no issue {name} in `{lang}`", hint)
    raise GeneratorError(diags.items)


def check_size(doc: Document, html: bytes) -> None:
    if len(html) <= GMAIL_CLIP_BYTES:
        return
    diags = Diagnostics()
    diags.error(doc.source_path, 0,
                f"the e-mail edition is {len(html):,} bytes ({len(html) / 1024:.1f} KiB), over "
                f"Gmail's clipping limit of {GMAIL_CLIP_BYTES:,} bytes (102 KiB)",
                "Gmail would hide the rest of the issue behind “View entire message”; shorten "
                "the issue or move long articles to pages and link to them")
    raise GeneratorError(diags.items)
