"""One error tree. Every ``SelonError`` says what was wrong (``reason``) with which input
(``source``: a path, ``path:line``, an article id; None when there is no input to name) and,
where it helps, what to do. ``str()`` joins them for people (``source: reason``); code reads
the fields. The CLI prints an error on one line; the web layer maps ``status`` to HTTP.

``TypeError``/``ValueError`` stay for programming mistakes (wrong argument types).
"""

from __future__ import annotations


class SelonError(Exception):
    """Base of every error selon reports to a user."""

    status: int = 400

    def __init__(self, reason: str, *, source: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}" if self.source else self.reason


class UsageError(SelonError):
    """Wrong command-line arguments: one line on stderr, exit 2."""


# -- articles ------------------------------------------------------------------------------------
class InputError(SelonError):
    """The input cannot be read as an article (empty, binary, not UTF-8, malformed JSON …)."""

    status = 422


class EmptyTextError(InputError):
    """The article has no text to analyse."""


class NotTextError(InputError):
    """The input is a binary file (a PDF, an image, an archive …), not text."""


class UnsupportedUploadError(InputError):
    """An uploaded file that is not a text or HTML article (a PDF, an image, a .docx …)."""

    status = 415


class UnsupportedLanguageError(SelonError):
    """The article is in a language selon has no language pack for (or not the one a run reads)."""

    status = 422


# -- running -------------------------------------------------------------------------------------
class ModelNotInstalledError(SelonError):
    """The spaCy model a language pack needs is not installed."""

    status = 500


class DependencyError(SelonError):
    """An optional dependency a feature needs is not installed (the message names the extra)."""

    status = 500


class LanguagePackError(SelonError):
    """A language pack is malformed: a key is missing, unknown (misspelt) or of the wrong type."""

    status = 500


class NotFoundError(SelonError):
    """No such article in the store."""

    status = 404


class StoreError(SelonError):
    """The store cannot be opened or used: wrong URL, server unreachable, not a selon
    database, a database written by a newer selon, a corrupt file."""

    status = 503


class ArticleNotStoredError(StoreError):
    """The store refused one article's data (a constraint it breaks, a value the database
    cannot hold): nothing of that article was written, and the store can go on with others."""

    status = 422


class SparkError(SelonError):
    """Spark cannot run: PySpark or Java missing, a bad input or output location."""

    status = 500


# -- serving -------------------------------------------------------------------------------------
class TextTooLargeError(InputError):
    """A text longer than the server analyses in one request (``selon serve --max-text``)."""

    status = 413


class BusyError(SelonError):
    """The server's analysis queue is full; the client should retry after ``retry_after`` seconds."""

    status = 429

    def __init__(self, reason: str, *, retry_after: int, source: str | None = None) -> None:
        super().__init__(reason, source=source)
        self.retry_after = retry_after


class AnalysisTimeoutError(SelonError):
    """An analysis did not finish within the server's time limit (``selon serve --analysis-timeout``)."""

    status = 504
