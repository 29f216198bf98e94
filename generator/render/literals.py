"""Translations of literal strings done when a template compiles, not on every render.

`{{ _("Archive") }}` goes through Jinja's i18n call on every page: a score of calls a page,
much of the time spent rendering an issue. A call whose only argument is a string literal always
gives the same text in one language, so this extension puts that text in the template
instead, as the call would give it (newstyle gettext: a format string, safe markup). Calls
with variables (`_("No. %(number)s", number=…)`) or inside longer expressions are left to run
as before. Compiled code therefore differs by language: each language's environment
compiles its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from jinja2 import Environment
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

_CALLS = {"_", "gettext"}


class LiteralTranslations(Extension):
    def __init__(self, environment: Environment):
        super().__init__(environment)
        environment.extend(literal_gettext=None, catalog_key="")

    def filter_stream(self, stream: TokenStream) -> Iterable[Token]:
        translate: Callable[[str], str] | None = self.environment.literal_gettext  # type: ignore[attr-defined]
        return stream if translate is None else _folded(list(stream), translate)


def _folded(tokens: list[Token], translate: Callable[[str], str]) -> Iterator[Token]:
    # Only `{{ _("text") }}` exactly: inside a longer expression the call's safe-markup result
    # can mix with other values (`_("a") ~ b` escapes b), which a constant would not.
    shape = ["variable_begin", "name", "lparen", "string", "rparen", "variable_end"]
    at = 0
    while at < len(tokens):
        window = tokens[at:at + len(shape)]
        if [t.type for t in window] == shape and window[1].value in _CALLS:
            try:
                text = translate(window[3].value) % {}  # what newstyle gettext does
            except (KeyError, TypeError, ValueError):  # fails when rendered, as before
                text = None
            if text is not None:
                line = window[1].lineno
                # `|safe`: gettext's result is not escaped; Jinja folds the constant in
                yield from (window[0], Token(line, "string", text), Token(line, "pipe", "|"),
                            Token(line, "name", "safe"), window[-1])
                at += len(shape)
                continue
        yield tokens[at]
        at += 1


def install(env: Environment, gettext: Callable[[str], str]) -> None:
    """Fold `gettext`'s translations into `env`'s templates as they compile."""
    env.literal_gettext = gettext  # type: ignore[attr-defined]
