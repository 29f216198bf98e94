"""Jinja2 environments, one per language, with the theme's gettext catalogs installed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.content.config import Language, SiteConfig
from generator.errors import Diagnostics
from generator.output.files import Output
from generator.render.heads import HEAD_SHOWS

if TYPE_CHECKING:
    import jinja2


@dataclass(frozen=True)
class Theme:
    root: Path

    @classmethod
    def of_site(cls, root: Path) -> Theme:
        """The site's theme: themes/default/ below the site folder."""
        return cls(root / "themes" / "default")

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def static(self) -> Path:
        return self.root / "static"

    @property
    def locales(self) -> Path:
        return self.root / "locales"

    def static_files(self) -> list[Output]:
        """The static assets as outputs under static/ (sorted: the same order every build)."""
        return [Output(f"static/{path.relative_to(self.static).as_posix()}", path.read_bytes())
                for path in sorted(self.static.rglob("*"))
                if path.is_file() and not path.name.startswith(".")]


def compile_all(env: jinja2.Environment) -> None:
    """Every template of the theme compiled into `env`, errors raised."""
    for name in env.list_templates():
        env.get_template(name)


def environment(theme: Theme, config: SiteConfig, lang: Language | None,
                diags: Diagnostics) -> jinja2.Environment:
    """An environment for one language (or, with lang=None, one without catalogs)."""
    import jinja2  # here, not at the top: an up-to-date rebuild needs no templates

    from generator.render.i18n import Formatter, load_translations
    from generator.render.literals import LiteralTranslations, install
    from generator.render.typography import headline, reading_minutes, typeset

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(theme.templates),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n", LiteralTranslations],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one build, one theme: no stat() per template lookup
    )
    if lang is None:
        env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    else:
        translations = load_translations(theme.locales, lang.locale, diags)
        env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
        install(env, translations.gettext)
        env.globals["fmt"] = Formatter(lang.locale)
        # Every language's formats: a stand-in page shows the original's date as it reads.
        env.globals["formats"] = {other.code: Formatter(other.locale)
                                  for other in config.languages}
    base_path = config.base_path
    base_url = config.base_url
    env.globals["url"] = lambda path="": base_path + path
    env.globals["abs_url"] = lambda path="": base_url + path
    env.globals["config"] = config
    env.globals["reading_minutes"] = reading_minutes
    env.filters["typeset"] = typeset
    env.filters["headline"] = headline
    return env


def template_error(exc: jinja2.TemplateError, theme: Theme, diags: Diagnostics) -> None:
    """Report a theme error at its template line instead of a traceback."""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None) or "templates"
    line = getattr(exc, "lineno", 0) or 0
    tb = exc.__traceback__  # errors while rendering: Jinja puts template lines in the frames
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.startswith(str(theme.templates)):
            name, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next
    hint = f"fix the template in {theme.templates}"
    if "Head object" in str(exc.message):  # model.Head: a document in a list, without its text
        hint = ("lists of documents, prev/next and the original of a translation show them "
                "without their text: " + ", ".join(sorted(HEAD_SHOWS)) + "; " + hint)
    diags.error(str(name), line, f"theme template error: {exc.message or exc}", hint)
