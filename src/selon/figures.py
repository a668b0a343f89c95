"""Figures: cardinal quantities with their bounds, unit, outcome and source.

Placeholder until the figures layer lands (issue 3): returns no figures.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .langpack import LanguagePack
from .models import Figure, Statement


def extract_figures(doc: Doc, pack: LanguagePack, statements: Sequence[Statement]) -> list[Figure]:
    return []
