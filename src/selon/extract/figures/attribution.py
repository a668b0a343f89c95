"""Whose figure it is: the speaker of the statement that holds it.

A figure belongs to the narrowest statement whose content holds the figure's text or at
least its number; its source is that statement's speaker (None when the statement has no
named speaker, and for a figure in the article's own voice).
"""

from __future__ import annotations

from collections.abc import Sequence

from selon.extract.figures.context import Quantity
from selon.models import Statement


def holding_statement(start: int, end: int, q: Quantity, statements: Sequence[Statement]) -> Statement | None:
    """The narrowest statement whose content holds ``start:end`` or the number of ``q``."""
    best: Statement | None = None
    for s in statements:
        c = s.content
        inside = c.start <= start and end <= c.end
        core = c.start <= q.start and q.end <= c.end
        if (inside or core) and (best is None or c.end - c.start < best.content.end - best.content.start):
            best = s
    return best


def attribute(
    start: int, end: int, q: Quantity, statements: Sequence[Statement]
) -> tuple[str | None, str | None]:
    """The source (speaker name) and statement id of the figure at ``start:end`` of ``q``."""
    best = holding_statement(start, end, q, statements)
    if best is None:
        return None, None
    name = best.speaker.name if best.speaker is not None else None
    return name, best.id
