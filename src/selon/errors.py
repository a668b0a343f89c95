"""One error tree. Every ``SelonError`` message says what was wrong with which input and
what to do; the CLI prints it on one line and the web layer maps ``status`` to HTTP.

``TypeError``/``ValueError`` stay for programming mistakes (wrong argument types).
"""

from __future__ import annotations


class SelonError(Exception):
    """Base of every error selon reports to a user."""

    status: int = 400

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(SelonError):
    """The input cannot be read as an article (empty, binary, not UTF-8, malformed JSON …)."""

    status = 422


class EmptyTextError(InputError):
    """The article has no text to analyse."""


class UnsupportedLanguageError(SelonError):
    """The article is in a language selon has no language pack for."""

    status = 422


class ModelNotInstalledError(SelonError):
    """The spaCy model a language pack needs is not installed."""

    status = 500


class LanguagePackError(SelonError):
    """A language pack is malformed: a key is missing, unknown (misspelt) or of the wrong type."""

    status = 500
