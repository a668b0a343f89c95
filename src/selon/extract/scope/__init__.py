"""Figure scope: the place and the period each figure's count applies to.

:mod:`~selon.extract.scope.places` finds the place (a place mention of the figure's clause,
else the article's main place) and :mod:`~selon.extract.scope.gazetteer` normalises its name;
:mod:`~selon.extract.scope.periods` resolves the time expression of the figure's sentence
against the publication date. The words come from the pack's ``[places]`` and ``[periods]``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc

from selon.extract.scope.periods import Periods
from selon.extract.scope.places import Places
from selon.lang.pack import LanguagePack
from selon.models import Figure, Statement

__all__ = ["attach_scope", "attribution_spans"]


def attribution_spans(statements: Sequence[Statement]) -> list[tuple[int, int]]:
    """The character spans that attribute words or figures to someone: each speaker mention
    and cue, and for « selon X » the whole phrase from the cue to the speaker."""
    out: list[tuple[int, int]] = []
    for s in statements:
        speaker = s.speaker
        if speaker is not None and speaker.start is not None and speaker.end is not None:
            out.append((speaker.start, speaker.end))
            if s.kind == "according_to" and s.cue is not None:
                out.append((min(s.cue.start, speaker.start), max(s.cue.end, speaker.end)))
        if s.cue is not None:
            out.append((s.cue.start, s.cue.end))
    return out


def attach_scope(
    doc: Doc, pack: LanguagePack, figures: Sequence[Figure], statements: Sequence[Statement], published: str | None
) -> list[Figure]:
    """``figures`` with their ``place`` and ``period``."""
    if not figures:
        return list(figures)
    places = Places(doc, pack)
    periods = Periods(doc.text, pack, published)
    barred = attribution_spans(statements)
    out: list[Figure] = []
    for f in figures:
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        sent = span[0].sent if span is not None and len(span) else None
        bounds = (sent.start_char, sent.end_char) if sent is not None else (f.start, f.end)
        out.append(
            dataclasses.replace(f, place=places.of(f.start, f.end, barred), period=periods.of(f.start, f.end, bounds))
        )
    return out
