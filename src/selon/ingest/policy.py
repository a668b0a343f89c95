"""The acceptance policy: whether a read article can be analysed, and in which language.

Every way in (``selon analyze`` through :mod:`selon.pipeline.batch`, ``selon ingest``
through :func:`selon.store.loader.ingest`, the web through :mod:`selon.web.service`, Spark
through :mod:`selon.scale.spark`, and :meth:`selon.pipeline.analyzer.Analyzer.check`) hands
what it read to :func:`accept`, so all of them refuse the same inputs with the same reason:

- an input that could not be read (the record is then the :class:`InputError` saying why);
- an empty or blank text;
- a NUL character (U+0000) in the text or the metadata: PostgreSQL cannot store it, and
  removing it would move every offset after it, so the article is refused on every store;
- a declared language selon has no pack for;
- with no declared language, a text clearly in a language without a pack (see
  :mod:`selon.lang.detect`);
- a publication date that is not a date.

A run reads every language selon has a pack for: an article's language is the run's forced
one, else the one it declares, else the one detected in its text, else (a short or uncertain
text) the run's default language. :mod:`selon.pipeline.routing` then hands each article to
the analyzer of its language. A run's :class:`RunOptions` may force the language (no
detection, declarations overridden) and give the date of articles that have none.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from selon.errors import InputError, SelonError, UnsupportedLanguageError
from selon.ingest.readers import Record, normalize_date, require_text
from selon.lang.detect import how_to_force, resolve_language
from selon.lang.pack import supported_languages
from selon.models import Article

#: The language of an article that declares none and whose text is too short or uncertain
#: to detect, when none is forced.
DEFAULT_LANG = "fr"


@dataclass(frozen=True)
class RunOptions:
    """What a run applies to every article.

    ``lang`` forces the language: every article is analysed in it, whatever it declares,
    without detection. ``published`` is the date of articles that have none. ``default_lang``
    is the language of an article that declares none and whose text is too short or too
    uncertain to detect (a server's, an analyzer's).
    """

    lang: str | None = None
    published: str | None = None
    default_lang: str = DEFAULT_LANG

    def __post_init__(self) -> None:
        if self.lang is not None:
            require_pack(self.lang)
        if self.published is not None:
            object.__setattr__(self, "published", normalize_date(self.published))


def require_pack(lang: str) -> str:
    """``lang`` when selon has a language pack for it; raise :class:`UnsupportedLanguageError`
    otherwise (a run's forced language is checked before any article is read)."""
    if lang not in supported_languages():
        raise UnsupportedLanguageError(f"no language pack for {lang!r} (supported: {_supported()})")
    return lang


def accept(record: Record | Article, options: RunOptions) -> Article:
    """The article of ``record`` ready for analysis: its language decided, its date checked
    (or the run's date given). Raise the :class:`SelonError` that refuses it; the error names
    the record's source (none for a bare :class:`Article`)."""
    if isinstance(record, SelonError):
        raise record
    article, source = (record, None) if isinstance(record, Article) else (record.article, record.source)
    require_text(article.text, source)
    _refuse_nul(article, source)
    language = _language(article, options, source)
    published = _published(article, options, source)
    if (language, published) == (article.language, article.published):
        return article
    return dataclasses.replace(article, language=language, published=published)


_NUL_FIELDS = ("text", "id", "title", "url", "outlet")


def _refuse_nul(article: Article, source: str | None) -> None:
    """Raise :class:`InputError` when a field of ``article`` holds a NUL character."""
    for name in _NUL_FIELDS:
        value = getattr(article, name)
        if isinstance(value, str) and "\x00" in value:
            raise InputError(
                f"the article's {name} holds a NUL character (U+0000) at character {value.index(chr(0))}; "
                "remove it (a database cannot store it, and selon keeps texts exactly as given)",
                source=source,
            )


def _language(article: Article, options: RunOptions, source: str | None) -> str:
    """The forced language, else the declared one, else the detected one, else the default;
    raise :class:`UnsupportedLanguageError` for a declared language without a pack or a text
    clearly in one."""
    if options.lang:
        return options.lang
    declared = article.language
    if not declared:
        return resolve_language(article.text, default=options.default_lang, source=source)
    if declared not in supported_languages():
        raise UnsupportedLanguageError(
            f"the article declares language {declared!r} and selon has no language pack for "
            f"{declared!r} (supported: {_supported()}); {how_to_force(options.default_lang)}",
            source=source,
        )
    return declared


def _published(article: Article, options: RunOptions, source: str | None) -> str | None:
    """The article's date as ``YYYY-MM-DD``, else the run's; raise when it is not a date."""
    if article.published:
        return normalize_date(article.published, source)
    return options.published or article.published


def _supported() -> str:
    return ", ".join(supported_languages())
