"""Statements: who said what (placeholder, being written)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .langpack import LanguagePack
from .models import Statement
from .quotes import Quote


def extract_statements(doc: Doc, pack: LanguagePack, quotes: Sequence[Quote]) -> list[Statement]:
    return []
