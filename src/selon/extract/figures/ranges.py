"""Linking neighbouring quantities: ranges, alternatives, lists.

Two quantities of one sentence with one joiner of the pack between them are linked
(« 300 à 400 », « cinq ou six », « 24, 32 et 47 ans »). A bare left one takes the unit of
the right one, and its exclusion when that says time, address or year. A rising pair is one
range when the joiner is a range word (not after a verb of change: « passe de 2 à 3 »),
« or » (not closing a list), or « and » after a between-word (« entre 10 et 20 »); a range
word between two small numbers after a score cue is a score (no figure).
"""

from __future__ import annotations

from decimal import Decimal

from selon.extract.figures.context import Context, Quantity
from selon.extract.figures.exclusions import is_score
from selon.extract.numbers import Number, Reading, as_number
from selon.lang.pack import fold

_SHARED_EXCLUSIONS = ("time", "address", "year")  # « âgés de 24, 32 et 47 ans », « les 28 et 29 mai »
_COUNT_LINKS = ("range", "or")  # joiners after which a bare four-digit number counts like its right one
_OPEN, _CLOSE = ("(", "["), (")", "]")  # brackets around an aside between two quantities
_CHANGE_WINDOW = 3
_PART_WINDOW = 8  # tokens from a duration to « dont » + the number that is part of it  # tokens looked at before « de » for a verb of change


def link_quantities(ctx: Context, qs: list[Quantity]) -> None:
    """Link the quantities (in text order) and merge the ranges; reads units and exclusions."""
    linked = [q for k, q in enumerate(qs) if not (k > 0 and aside(ctx, qs[k - 1], q))]
    share_units(ctx, linked)
    carry_exclusions(ctx, linked)
    merge_ranges(ctx, linked)


def aside(ctx: Context, before: Quantity, q: Quantity) -> bool:
    """« between 60,000 euros ($69,000) and 80,000 euros »: ``q`` alone in brackets right after
    the quantity ``before`` (a conversion); its neighbours link past it."""
    p, n = ctx.prev_word(q.a), ctx.next_word(_last_token(ctx, q))
    return (
        p > 0
        and ctx.low[p] in _OPEN
        and n < len(ctx.doc)
        and ctx.low[n] in _CLOSE
        and ctx.prev_word(p) == _last_token(ctx, before)
    )


def _last_token(ctx: Context, q: Quantity) -> int:
    """The last token of ``q`` with its unit."""
    j = q.b
    if q.unit_end is not None and not q.unit_inherited:
        while j + 1 < len(ctx.doc) and ctx.doc[j + 1].idx < q.unit_end:
            j += 1
    return j


def joiner(ctx: Context, left: Quantity, right: Quantity, after: int | None = None) -> str | None:
    """How two neighbouring quantities are joined: « range », « or », « and », « list »,
    or None (not one joiner token between them, or not one sentence). ``after``: the first
    token after the left one's unit, when both write the same unit (« 10 % à 15 % »)."""
    first = left.b + 1 if after is None else after
    gap = [ctx.low[k] for k in range(first, right.a) if not ctx.space[k]]
    if gap and gap[0] in _OPEN and any(w in _CLOSE for w in gap):
        gap = gap[1 + next(k for k, w in enumerate(gap) if w in _CLOSE) :]  # past an aside in brackets
    if len(gap) != 1 or ctx.sent_of[left.b] != ctx.sent_of[right.a]:
        return None
    g = gap[0]
    lex = ctx.lex
    if g in lex.range_words:
        return "range"
    if g in lex.or_words:
        return "or"
    if g in lex.and_words:
        return "and"
    if g in lex.list_words:
        return "list"
    return None


def share_units(ctx: Context, qs: list[Quantity]) -> None:
    """Right to left: a bare quantity joined to the next takes its unit (and its exclusion);
    one whose unit the next repeats is joined past it (« de 120 km/h à 180 km/h »)."""
    for k in range(len(qs) - 2, -1, -1):
        left, right = qs[k], qs[k + 1]
        if left.unit is not None:
            after = repeated_unit(ctx, left, right)
            if after is not None:
                left.link = joiner(ctx, left, right, after)
            continue
        link = joiner(ctx, left, right)
        if link is None:
            continue
        left.link = link
        if right.unit is not None:
            left.unit, left.unit_token, left.unit_inherited = right.unit, right.unit_token, True
            if left.excluded == "year" and right.excluded is None and link in _COUNT_LINKS:
                left.excluded = None  # « 2000 à 3000 blessés »: a count like the right one
        if right.excluded in _SHARED_EXCLUSIONS and left.excluded is None:
            left.excluded = right.excluded
        share_scale(left, right)


def share_scale(left: Quantity, right: Quantity) -> None:
    """« passant de 5,6 à 10 milliards »: a bare left number takes the right one's multiplier
    (see :func:`scaled_like`), range or not."""
    lv, rv = left.value, right.value
    if lv is None or rv is None:
        return
    scaled = scaled_like(left, right, lv, rv)
    if scaled != lv:
        left.reading = Reading(scaled, scaled, left.reading.qualifier)
        left.scale = right.scale


def carry_exclusions(ctx: Context, qs: list[Quantity]) -> None:
    """Left to right: a bare number takes the exclusion of the one before it when it is joined
    to an identifier (« les terminaux 1 et 2 ») or is part of a duration (« cinq ans de prison,
    dont trois avec sursis »)."""
    for k in range(1, len(qs)):
        left, right = qs[k - 1], qs[k]
        if right.unit is not None or right.excluded is not None or right.kind not in ("digits", "words"):
            continue
        if left.excluded == "identifier" and joiner(ctx, left, right) is not None:
            right.excluded = "identifier"
        elif left.excluded == "time" and part_of(ctx, left, right):
            right.excluded = "time"


def part_of(ctx: Context, left: Quantity, right: Quantity) -> bool:
    """A subset word of the pack right before ``right``, a few tokens after ``left`` in its
    sentence (« cinq ans de prison, dont trois »)."""
    p = ctx.prev_word(right.a)
    return (
        p >= 0
        and ctx.low[p] in ctx.lex.subset_words
        and ctx.sent_of[left.b] == ctx.sent_of[right.a]
        and right.a - left.b <= _PART_WINDOW
    )


def repeated_unit(ctx: Context, left: Quantity, right: Quantity) -> int | None:
    """The first token after ``left``'s unit when ``right`` writes the same unit, else None."""
    if right.unit is None or left.unit_end is None or left.unit is None or fold(left.unit) != fold(right.unit):
        return None
    j = left.b + 1
    while j < right.a and ctx.doc[j].idx < left.unit_end:
        j += 1
    return j


def merge_ranges(ctx: Context, qs: list[Quantity]) -> None:
    """Left to right: mark scores, and merge each joined pair that is a range into its left
    quantity (the right one is ``merged``)."""
    for k in range(len(qs) - 1):
        left, right = qs[k], qs[k + 1]
        if left.link == "range" and not left.merged and is_score(ctx, left, right):
            left.excluded = right.excluded = "score"
            continue
        if left.link is None or left.merged or left.excluded or right.excluded:
            continue
        lv, rv = left.value, right.value
        if lv is None or rv is None:
            continue
        lv = grouped_like(ctx, left, right, scaled_like(left, right, lv, rv))
        if is_range(ctx, qs, k, lv, rv):
            merge(left, right, lv, rv)


def scaled_like(left: Quantity, right: Quantity, lv: Number, rv: Number) -> Number:
    """« entre 2 et 5 millions »: the left value with the right one's multiplier, when the
    left one has none and is not above the right one's base."""
    if right.scale > 1 and left.scale == 1 and left.kind in ("digits", "words"):
        base = Decimal(str(rv)) / right.scale
        if Decimal(str(lv)) <= base:
            return as_number(Decimal(str(lv)) * right.scale)
    return lv


def grouped_like(ctx: Context, left: Quantity, right: Quantity, lv: Number) -> Number:
    """« 10 à 15 000 »: a bare left number of one group, not above the right one's leading
    group, takes the thousands the right one writes (10 000 to 15 000)."""
    if left.kind != "digits" or right.kind != "digits" or left.scale != 1 or right.scale != 1:
        return lv
    if not isinstance(lv, int) or not 0 < lv < 1000:
        return lv
    reader = ctx.lex.reader
    if reader.thousands(ctx.text[left.start : left.end]) is not None:
        return lv
    groups = reader.thousands(ctx.text[ctx.doc[right.a].idx : ctx.tok_end(right.b)])
    if groups is None or lv > groups[0]:
        return lv
    return lv * 1000 ** groups[1]


def is_range(ctx: Context, qs: list[Quantity], k: int, lv: Number, rv: Number) -> bool:
    """Whether ``qs[k]`` (value ``lv``) and the next (value ``rv``) make one range."""
    left = qs[k]
    if left.link == "range":
        return lv < rv and not change_context(ctx, left)
    if left.link == "or":
        closes_list = k > 0 and qs[k - 1].link == "list"
        return lv < rv and not closes_list
    if left.link == "and":
        return lv < rv and after_between(ctx, left)
    return False


def merge(left: Quantity, right: Quantity, lv: Number, rv: Number) -> None:
    """Make ``left`` the range from ``lv`` to ``right``'s high bound, with ``right``'s unit."""
    left.reading = Reading(lv, right.reading.high if right.reading.high is not None else rv, "range")
    right.merged = True
    left.b, left.end = right.b, right.end
    left.unit, left.unit_token, left.unit_end = right.unit, right.unit_token, right.unit_end
    left.unit_inherited = False


def change_context(ctx: Context, q: Quantity) -> bool:
    """« passe de 2,10 à 2,50 »: a change-from word before ``q`` after a verb (or noun) of
    change a few tokens back; a before/after pair, not a range."""
    lex = ctx.lex
    i = ctx.prev_word(q.a)
    if i < 0 or ctx.low[i] not in lex.change_from:
        return False
    for k in range(i - 1, max(-1, i - 1 - _CHANGE_WINDOW), -1):
        t = ctx.doc[k]
        if fold(t.lemma_) in lex.change_verbs or ctx.low[k] in lex.change_verbs:
            return True
        if t.pos_ == "VERB" or t.is_punct:
            return False
    return False


def after_between(ctx: Context, q: Quantity) -> bool:
    """A between-word of the pack just before ``q`` (« entre 10 et 20 »)."""
    if ctx.lex.between_re is None:
        return False
    return ctx.lex.between_re.search(ctx.before(q.start)[1]) is not None
