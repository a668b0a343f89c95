"""Figures: cardinal quantities with their bounds, unit, outcome and source.

The stages, one module each, in the order they run:

1. :mod:`~selon.extract.figures.quantities`: find the quantity expressions (digits,
   written numbers, approximate and vague nouns, fractions, multipliers);
2. :mod:`~selon.extract.figures.units`: the counted noun after each;
3. :mod:`~selon.extract.figures.exclusions`: what makes one no figure (a date, a time, an
   age, an address, an identifier, a title, a score, a lone article);
4. :mod:`~selon.extract.figures.ranges`: ranges and alternatives with the neighbours;
5. :mod:`~selon.extract.figures.qualifiers`: the qualifier and bounds, and the figure's text;
6. :mod:`~selon.extract.figures.outcomes`: what happened to the people counted;
7. :mod:`~selon.extract.figures.attribution`: the source, from the statement that holds it.

Each stage is a set of functions over a :class:`~selon.extract.figures.context.Context` (the
Doc read once, with the pack's :class:`~selon.extract.figures.lexicon.Lexicon`). Everything
language-specific comes from the pack (``[numbers]``, ``[qualifiers]``, ``[counted]``,
``[not_figures]``, ``[outcomes]``), compiled once per pack.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from selon.extract.figures.attribution import attribute, quoted_follow_on, reach
from selon.extract.figures.context import Context, Quantity
from selon.extract.figures.exclusions import exclusion, lone_article
from selon.extract.figures.lexicon import lexicon
from selon.extract.figures.outcomes import outcome
from selon.extract.figures.qualifiers import qualify
from selon.extract.figures.quantities import find_quantities
from selon.extract.figures.ranges import link_quantities
from selon.extract.figures.units import LastUnit, figure_unit, find_unit, unit_label
from selon.lang.pack import LanguagePack
from selon.models import Figure, Statement

__all__ = ["extract_figures", "read_context", "build_figures"]


def extract_figures(doc: Doc, pack: LanguagePack, statements: Sequence[Statement]) -> list[Figure]:
    """Every figure of ``doc``, in text order, with its source from ``statements``."""
    if not isinstance(doc, Doc):
        raise TypeError(f"extract_figures expects a spaCy Doc, got {type(doc).__name__}")
    lex = lexicon(pack)
    if len(doc) == 0:
        return []
    ctx = Context(doc, lex)
    quantities = find_quantities(ctx)
    if not quantities:
        return []
    read_context(ctx, quantities)
    return build_figures(ctx, quantities, statements)


def read_context(ctx: Context, qs: list[Quantity]) -> None:
    """Give each quantity its unit and exclusion, link the neighbours, then decide the lone
    articles (a tally needs its neighbours read)."""
    for q in qs:
        find_unit(ctx, q)
        q.excluded = exclusion(ctx, q)
    link_quantities(ctx, qs)
    for k, q in enumerate(qs):
        if q.kind == "indefinite" and q.excluded is None:
            q.excluded = lone_article(ctx, k, qs)


def build_figures(ctx: Context, qs: list[Quantity], statements: Sequence[Statement]) -> list[Figure]:
    """One figure per quantity that is neither excluded nor merged into a range."""
    out: list[Figure] = []
    last_unit: LastUnit | None = None
    for q in qs:
        if q.merged or q.excluded:
            continue
        span = qualify(ctx, q)
        unit, unit_token = figure_unit(ctx, q, last_unit)
        if q.unit is not None:
            last_unit = (q.unit, q.unit_token, ctx.sent_of[q.a])
        source, statement = attribute(span.start, span.end, q, statements, reach(ctx, q))
        follow = quoted_follow_on(ctx, q, span.start, span.end, statements) if statement is None else None
        if follow is not None and follow.speaker is not None:
            source, statement = follow.speaker.name, follow.id
        out.append(
            Figure(
                id=f"f{len(out) + 1}",
                text=ctx.text[span.start : span.end],
                start=span.start,
                end=span.end,
                low=span.low,
                high=span.high,
                qualifier=span.qualifier,
                unit=unit_label(ctx, q, unit),
                outcome=outcome(ctx, q, unit, unit_token, span.end),
                source=source,
                statement=statement,
            )
        )
    return out
