"""The interface language of the pages: English (the messages' source language) or French,
from a gettext catalogue, and the choice of one for a request.

The French catalogue's source is ``locale/fr/LC_MESSAGES/messages.po`` (extract and update
it with ``make messages``); Babel compiles it in memory when this module is first asked
for it, so there is no compiled ``.mo`` file to forget to rebuild. The language of a
request is, in order: ``?lang=`` (which also sets the ``selon_lang`` cookie), the cookie,
the best ``Accept-Language`` match, else English. Outcome and statement-kind codes stay
fixed in the JSON; only their labels on the pages follow the interface language.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
#: Interface languages, the first the default.
LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = LANGUAGES[0]
#: Each language's name in itself (the switch in the page header).
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
COOKIE = "selon_lang"
COOKIE_MAX_AGE = 365 * 24 * 3600


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The messages of interface language ``lang`` (English: the msgids themselves)."""
    if lang not in LANGUAGES:
        raise ValueError(f"no interface language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    if lang == DEFAULT_LANGUAGE:
        return NullTranslations()
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po.open("rb") as f:
        messages = read_po(f, locale=lang, domain=DOMAIN)
    mo = io.BytesIO()
    write_mo(mo, messages)  # fuzzy entries are left out, as msgfmt does
    mo.seek(0)
    return Translations(mo, domain=DOMAIN)


def known(lang: str | None) -> str | None:
    """``lang`` as an interface language (``fr-CA`` → ``fr``), or None."""
    if not lang:
        return None
    base = lang.strip().replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else None


def accept_language(header: str | None) -> str | None:
    """The interface language an ``Accept-Language`` header prefers most, or None.

    >>> accept_language("de-DE, fr;q=0.8, en;q=0.5")
    'fr'
    """
    best: tuple[float, int, str] | None = None
    for position, item in enumerate((header or "").split(",")[:50]):
        tag, _, params = item.partition(";")
        lang = known(tag)
        if lang is None:
            continue
        quality = 1.0
        name, _, value = params.strip().partition("=")
        if name.strip() == "q":
            try:
                quality = float(value)
            except ValueError:
                continue
        if quality <= 0:
            continue
        key = (-quality, position, lang)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def choose_language(query: str | None, cookie: str | None, header: str | None) -> str:
    """The interface language of a request: ``?lang=``, the cookie, ``Accept-Language``, English."""
    return known(query) or known(cookie) or accept_language(header) or DEFAULT_LANGUAGE
