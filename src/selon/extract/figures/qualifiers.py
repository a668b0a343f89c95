"""How exactly a figure is stated: its qualifier and bounds, and where its text starts and ends.

A qualifier phrase of the pack just before the quantity, within its sentence (« plus de 300 »,
« au moins », « environ »), sets open or equal bounds and starts the figure's text; a range
starts at its between-word or change-from word (« entre 10 et 20 », « de 300 à 400 »). An
exact or approximate figure may carry its qualifier after the counted noun (« Deux personnes
au moins »), which then ends the figure's text.
"""

from __future__ import annotations

from typing import NamedTuple, get_args

from selon.extract.figures.context import Context, Quantity
from selon.extract.numbers import Number, Reading
from selon.extract.segment import SENTENCE_ENDS
from selon.lang.pack import fold
from selon.models import Qualifier

QUALIFIERS: dict[str, Qualifier] = {name: name for name in get_args(Qualifier)}
_AFTER_WINDOW = 24  # characters looked at after the counted noun for a qualifier


class Bounds(NamedTuple):
    """A figure's text span, qualifier and bounds (``None`` = open)."""

    start: int
    end: int
    qualifier: Qualifier
    low: Number | None
    high: Number | None


def qualify(ctx: Context, q: Quantity) -> Bounds:
    """The span, qualifier and bounds of the figure of ``q`` (after ranges are merged)."""
    start, qualifier, low, high = qualifier_before(ctx, q)
    end = max(q.end, q.unit_end or q.end) if not q.unit_inherited else q.end
    if qualifier in ("exact", "about"):
        end, after = qualifier_after(ctx, end)
        if after is not None:
            qualifier = after
            low, high = bounds(after, q.reading)
    return Bounds(start, end, qualifier, low, high)


def qualifier_before(ctx: Context, q: Quantity) -> tuple[int, Qualifier, Number | None, Number | None]:
    """Where the figure's text starts, its qualifier and bounds, from what is written before
    the quantity in its sentence."""
    r = q.reading
    window_start, before = ctx.before(q.start, open_sentence_start(ctx, q))
    if r.qualifier == "range":
        return range_start(ctx, q, window_start, before), "range", r.low, r.high
    for name, rx in ctx.lex.before:
        m = rx.search(before)
        if m:
            low, high = bounds(name, r)
            return window_start + m.start(1), QUALIFIERS[name], low, high
    return q.start, QUALIFIERS[r.qualifier], r.low, r.high


def open_sentence_start(ctx: Context, q: Quantity) -> int:
    """Where the sentence of ``q`` starts, or the one before when no mark ends that one (the
    parser cut at a line break: « about\n34,000 protesters »)."""
    lo = ctx.sentence(q.a)[0]
    p = ctx.prev_word(lo)
    if p >= 0 and ctx.sent_of[p] != ctx.sent_of[q.a] and ctx.doc[p].text not in SENTENCE_ENDS and ctx.doc[p].is_alpha:
        lo = ctx.sentence(p)[0]
    return ctx.doc[lo].idx


def range_start(ctx: Context, q: Quantity, window_start: int, before: str) -> int:
    """Where a range's text starts: at its between-word (« entre »), its change-from word
    (« de 300 à 400 ») or its first number."""
    if ctx.lex.between_re is not None:
        m = ctx.lex.between_re.search(before)
        if m:
            return window_start + m.start(1)
    p = ctx.prev_word(q.a)
    if p >= 0 and ctx.low[p] in ctx.lex.change_from:
        return ctx.doc[p].idx
    return q.start


def bounds(name: str, r: Reading) -> tuple[Number | None, Number | None]:
    """The bounds a qualifier ``name`` gives the reading ``r``."""
    v = r.low if r.low is not None else r.high
    if name in ("more_than", "at_least"):
        return v, None
    if name in ("less_than", "at_most"):
        return None, (r.high if r.high is not None else v)
    if name == "about":
        return v, v if r.qualifier != "vague" else r.high
    return r.low, r.high


def qualifier_after(ctx: Context, end: int) -> tuple[int, Qualifier | None]:
    """A qualifier written right after the counted noun that ends at ``end`` (« Deux
    personnes au moins »): the new end of the figure's text and the qualifier, if any."""
    after = fold(ctx.text[end : end + _AFTER_WINDOW])
    for name, rx in ctx.lex.after:
        m = rx.match(after)
        if m:
            return end + m.end(1), QUALIFIERS[name]
    return end, None
