"""site.yaml -> a frozen, validated SiteConfig. Unknown keys are errors; all errors at once."""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from generator.content.yamlmap import YamlProblem, load_mapping
from generator.errors import Diagnostics, quote

CONFIG_NAME = "site.yaml"
# Settings whose value differs by language: {en: ..., zh: ...}
# A folder under content/ and the first segment of its URLs: never `.`, `..`, a path or a
# file name the site writes itself (sitemap.xml, static, 404.html).
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")
TRANSLATABLE = ("title", "description", "issue_title", "publisher")
REQUIRED_KEYS = {"base_url", "default_language", "timezone", "languages", *TRANSLATABLE}
OPTIONAL_KEYS = {"signup"}
KNOWN_KEYS = REQUIRED_KEYS | OPTIONAL_KEYS
SIGNUP_KEYS = {"action", "email_field"}
LANGUAGE_KEYS = {"locale", "name"}


@dataclass(frozen=True)
class Language:
    code: str  # folder and URL prefix: "en", "zh"
    locale: str  # Babel/gettext locale: "en", "zh_CN"
    name: str  # the language's own name, shown in the switch: "English", "中文"
    title: str
    description: str
    issue_title: str  # pattern with {number}
    publisher: str

    @property
    def og_locale(self) -> str:
        """Open Graph wants language_TERRITORY: "en_US", "zh_CN"."""
        return _og_locale(self.locale)

    @property
    def tag(self) -> str:
        """BCP 47 tag for lang/hreflang/Pagefind: "en", "zh-CN"."""
        return self.locale.replace("_", "-")


@dataclass(frozen=True)
class Signup:
    """A mailing service's sign-up form: the subscribe page posts the reader's address there."""

    action: str  # absolute https URL
    email_field: str  # the form field name the service expects


@dataclass(frozen=True)
class SiteConfig:
    base_url: str  # always ends with "/"
    default_language: str
    timezone: str
    languages: tuple[Language, ...]
    signup: Signup | None = None

    @property
    def base_path(self) -> str:
        """The URL path the site lives under: "/" or "/newsletter/"."""
        return urlsplit(self.base_url).path or "/"

    def language(self, code: str) -> Language:
        return next(lang for lang in self.languages if lang.code == code)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    def with_base_url(self, base_url: str) -> SiteConfig:
        return replace(self, base_url=normalize_base_url(base_url))


@cache  # Babel's Locale.parse is slow, and every page asks
def _og_locale(locale: str) -> str:
    likely = get_global("likely_subtags").get(locale.split("_")[0], locale)
    parsed = Locale.parse(locale)
    territory = parsed.territory or Locale.parse(likely).territory
    return f"{parsed.language}_{territory}" if territory else parsed.language


def base_url_problem(url: object) -> str | None:
    """What is wrong with `url` as the site's address (None: nothing). One rule for site.yaml
    and --base-url: it ends up in every feed, sitemap, robots.txt and canonical link."""
    text = str(url)
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        return f"must not contain spaces or control characters: {quote(text)}"
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"must be an absolute http(s) URL with a host, not {quote(text)}"
    if parts.username is not None or parts.password is not None:
        return "must not contain a user name or password"
    if parts.query or parts.fragment or text.endswith(("?", "#")):
        return f"must be a folder address, without ?query or #fragment: {quote(text)}"
    try:
        parts.port  # noqa: B018 - raises for a port out of range or not a number
    except ValueError:
        return f"has a port that is not a number from 1 to 65535: {quote(text)}"
    return None


def _numbered(pattern: str) -> bool:
    """Whether `pattern` formats with {number} and nothing else."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
        pattern.format(number=1)
    except (ValueError, KeyError, IndexError, AttributeError):
        return False
    return fields == ["number"] or set(fields) == {"number"}


def normalize_base_url(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def parse_config(text: str, diags: Diagnostics, path: str = CONFIG_NAME) -> SiteConfig | None:
    """Validate site.yaml; record every problem in `diags` and return None if there were any."""
    parsed = load_mapping(text)
    if isinstance(parsed, YamlProblem):
        diags.error(path, parsed.line, parsed.message, "fix the YAML syntax", parsed.col)
        return None
    data, lines = parsed.data, parsed.key_lines
    before = len(diags.errors)

    def err(key: str, message: str, hint: str = "") -> None:
        diags.error(path, lines.get(key, 1), message, hint)

    for key in sorted(set(data) - KNOWN_KEYS):
        err(key, f"unknown setting `{key}`", "known settings: " + ", ".join(sorted(KNOWN_KEYS)))
    for key in sorted(REQUIRED_KEYS - set(data)):
        diags.error(path, 1, f"missing setting `{key}`")

    base_url = data.get("base_url")
    if "base_url" in data:
        problem = base_url_problem(base_url)
        if problem:
            err("base_url", f"base_url {problem}", "for example: https://example.org/newsletter/")

    timezone = str(data.get("timezone", "UTC"))
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        err("timezone", f"unknown time zone {quote(timezone)}",
            "use an IANA name like Asia/Shanghai")

    codes, lang_settings = _languages(data, err) if "languages" in data else ([], {})

    default = data.get("default_language")
    if "default_language" in data and codes and default not in codes:
        err("default_language", f"default_language `{default}` is not one of the languages",
            "choose one of: " + ", ".join(codes))

    _translatable(data, codes, err)
    signup = _signup(data.get("signup"), lambda message, hint="": err("signup", message, hint))
    if len(diags.errors) > before:
        return None
    return SiteConfig(
        signup=signup,
        base_url=normalize_base_url(str(base_url)),
        default_language=str(default),
        timezone=timezone,
        languages=tuple(
            Language(code=code, locale=str(lang_settings[code]["locale"]),
                     name=str(lang_settings[code]["name"]),
                     **{key: str(data[key][code]).strip() for key in TRANSLATABLE})
            for code in codes
        ),
    )


def _languages(data: dict, err: Callable[..., None]) -> tuple[list[str], dict[str, dict]]:
    """The language codes, in order, and each one's settings."""
    languages = data["languages"]
    codes: list[str] = []
    lang_settings: dict[str, dict] = {}
    if not isinstance(languages, dict) or not languages:
        err("languages", "languages must map a folder code to its settings",
            "for example:  en: {locale: en, name: English}")
        return codes, lang_settings
    for code, settings in languages.items():
        code = str(code)
        codes.append(code)
        if not LANGUAGE_CODE.fullmatch(code):
            err("languages", f"language code {quote(code)} is not a folder name like "
                "en, zh or pt-br", "use a lower-case language code: 2 or 3 letters, "
                "then optionally -region")
        if not isinstance(settings, dict):
            err("languages", f"language `{code}` needs `locale` and `name`")
            continue
        for key in sorted(set(settings) - LANGUAGE_KEYS):
            err("languages", f"unknown setting `{key}` for language `{code}`",
                "known: locale, name")
        for key in sorted(LANGUAGE_KEYS - set(settings)):
            err("languages", f"language `{code}` is missing `{key}`")
        try:
            Locale.parse(str(settings.get("locale", code)))
        except (UnknownLocaleError, ValueError):
            err("languages", f"unknown locale {quote(settings.get('locale'))} for `{code}`",
                "use a CLDR locale such as en or zh_CN")
        lang_settings[code] = settings
    return codes, lang_settings


def _translatable(data: dict, codes: list[str], err: Callable[..., None]) -> None:
    """The settings given per language (title, issue_title, ...) give one for each."""
    for key in TRANSLATABLE:
        value = data.get(key)
        if key not in data:
            continue
        if not isinstance(value, dict):
            err(key, f"`{key}` must give a value per language, like {{en: ..., zh: ...}}")
            continue
        for code in codes:
            if not isinstance(value.get(code), str) or not value.get(code).strip():
                err(key, f"`{key}` has no text for language `{code}`")
        for extra in sorted(set(map(str, value)) - set(codes)):
            err(key, f"`{key}` names language `{extra}`, which is not under `languages`")
    if isinstance(data.get("issue_title"), dict):
        for code, pattern in data["issue_title"].items():
            if isinstance(pattern, str) and not _numbered(pattern):
                err("issue_title", f"issue_title for `{code}` must contain {{number}} and no "
                    f"other {{…}}: {quote(pattern)}", "write a literal brace twice: {{ or }}")


def _signup(value: object, err: Callable[..., None]) -> Signup | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        err("`signup` must have `action` (the form's URL) and optionally `email_field`")
        return None
    for key in sorted(set(map(str, value)) - SIGNUP_KEYS):
        err(f"unknown setting `{key}` under `signup`", "known: action, email_field")
    action = str(value.get("action", ""))
    parts = urlsplit(action)
    if parts.scheme != "https" or not parts.netloc:
        err(f"signup action must be an https URL, not {quote(action)}",
            "copy the form's action URL from your mailing service")
        return None
    return Signup(action, str(value.get("email_field") or "email"))
