"""Which language an article is in, and which selon pack reads it.

Detection uses lingua, restricted to a few European languages and in its low-accuracy
(trigram) mode: the detector is built once, on first use, and takes about 15 MB instead of
the ~200 MB of a full one. Only the first few thousand characters are looked at, so a
10 MB article costs no more than a short one.

A short text, or one where lingua hesitates, is *accepted* (analysed with the default
pack): refusing an article needs a clear detection of a language selon has no pack for.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from selon.errors import UnsupportedLanguageError
from selon.lang.pack import load_pack, supported_languages

if TYPE_CHECKING:
    from lingua import LanguageDetector

#: The languages lingua chooses among (lingua's names).
CANDIDATES = ("FRENCH", "ENGLISH", "GERMAN", "SPANISH", "ITALIAN", "DUTCH", "PORTUGUESE")
#: Detection is trusted only from this many words and this confidence on.
MIN_WORDS = 10
MIN_CONFIDENCE = 0.9
SAMPLE_CHARS = 3000


@dataclass(frozen=True)
class Detection:
    language: str | None  # lingua's name, e.g. "FRENCH"; None for a text with no letters
    confidence: float
    words: int

    @property
    def sure(self) -> bool:
        return self.language is not None and self.words >= MIN_WORDS and self.confidence >= MIN_CONFIDENCE

    @property
    def label(self) -> str:
        return (self.language or "unknown").title()


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in CANDIDATES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect(text: str) -> Detection:
    """lingua's best guess for the start of ``text``."""
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    sample = text[:SAMPLE_CHARS]
    words = len(sample.split())
    values = _detector().compute_language_confidence_values(sample) if words else []
    if not values or values[0].value <= 0:
        return Detection(None, 0.0, words)
    return Detection(values[0].language.name, float(values[0].value), words)


@cache
def _packs_by_lingua_name() -> dict[str, str]:
    out: dict[str, str] = {}
    for code in supported_languages():
        for name in load_pack(code).detect:
            out.setdefault(str(name).upper(), code)
    return out


def pack_for(lingua_name: str) -> str | None:
    """The code of the pack that reads the lingua language ``lingua_name``, if any."""
    return _packs_by_lingua_name().get(lingua_name.upper())


def how_to_force(code: str) -> str:
    """The advice that ends a refusal of an article's language: how to have it read as ``code``."""
    return f'to analyse it anyway, force the language with --lang {code} ("lang": "{code}" in the web API)'


def resolve_language(text: str, *, default: str, source: str | None = None) -> str:
    """The pack code to analyse ``text`` with.

    The detected language's pack when detection is sure, ``default`` when it is not; raise
    :class:`UnsupportedLanguageError` when the text is clearly in a language with no pack.
    """
    found = detect(text)
    if not found.sure or found.language is None:
        return default
    code = pack_for(found.language)
    if code is None:
        raise UnsupportedLanguageError(
            f"the text looks {found.label} (confidence {found.confidence:.2f}) and selon has no "
            f"{found.label} language pack (supported: {', '.join(supported_languages())}); "
            f"{how_to_force(default)}",
            source=source,
        )
    return code
