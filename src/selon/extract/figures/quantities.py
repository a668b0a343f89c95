"""Finding quantities: digits, written numbers, approximate and vague nouns, fractions.

Digits are found by a regular expression on the text, then mapped to tokens; everything
else by a scan of the folded tokens. A multiplier written after a number (« 3 millions »)
is part of the quantity. A token belongs to one quantity at most.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from selon.extract.figures.context import Context, Quantity
from selon.extract.numbers import NumberReader, Reading, as_number
from selon.lang.pack import fold

_MODIFIER_DEPS = ("compound", "amod")  # a bare vague plural they modify, with no « of » after, is a noun (« test scores »)
_PIECE = re.compile(r"[^ \u00a0\u202f\u2009]+")


def find_quantities(ctx: Context) -> list[Quantity]:
    """Every quantity expression of the document, in text order."""
    taken = [False] * len(ctx.doc)
    found = digit_quantities(ctx, taken)
    found.extend(word_quantities(ctx, taken))
    found.sort(key=lambda q: q.start)
    return found


def _take(taken: list[bool], q: Quantity) -> None:
    for i in range(q.a, q.b + 1):
        taken[i] = True


# -- digits -----------------------------------------------------------------------------------
def digit_quantities(ctx: Context, taken: list[bool]) -> list[Quantity]:
    """Quantities written in digits; marks their tokens in ``taken``."""
    found: list[Quantity] = []
    for m in ctx.lex.digit_run.finditer(ctx.text):
        run = m.group(0)
        digits = run.rstrip("".join({ch for ch in run if ch.isalpha()}))  # less a glued multiplier
        pieces = digit_pieces(ctx.lex.reader, m.start(), digits)
        if len(digits) < len(run) and len(pieces) == 1:
            pieces = [(pieces[0][0], m.end())]  # « 4.82bn »: the multiplier is part of the number
        for s, e in pieces:
            if signed(ctx, s, e) or clock(ctx.text, s):
                continue
            q = digit_quantity(ctx, s, e)
            if q is not None and not any(taken[q.a : q.b + 1]):
                found.append(q)
                _take(taken, q)
    return found


def digit_pieces(reader: NumberReader, offset: int, run: str) -> list[tuple[int, int]]:
    """The numbers of a run of digits: the whole run, or its two space-separated halves
    (« 8.200 1.300 »); none for three pieces or more (a phone number, a code)."""
    if reader.digits(run) is not None:
        return [(offset, offset + len(run))]
    parts = [(m.start(), m.end()) for m in _PIECE.finditer(run)]
    if len(parts) >= 3 or len(parts) < 2:
        return []
    out = []
    for s, e in parts:
        if reader.digits(run[s:e]) is None:
            return []
        out.append((offset + s, offset + e))
    return out


def clock(text: str, start: int) -> bool:
    """Digits right after digits and a colon: the minutes of a time (« 10:30 ») or a ratio."""
    return start > 1 and text[start - 1] == ":" and text[start - 2].isdigit()


def _hyphen_chain(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` after a hyphen and a number is part of a longer chain
    of numbers and hyphens (« 1-800-555-0199 »: a phone number, no range)."""
    i = start - 1
    while i > 0 and text[i - 1].isdigit():
        i -= 1
    before = i > 1 and text[i - 1] == "-" and text[i - 2].isdigit()
    after = end + 1 < len(text) and text[end] == "-" and text[end + 1].isdigit()
    return before or after


def signed(ctx: Context, start: int, end: int) -> bool:
    """A sign right before the number: « (+4) » is a change, not a figure; but a qualifier of
    the pack written with a hyphen (« near-13% ») is no sign."""
    if start == 0 or ctx.text[start - 1] not in ctx.lex.signs:
        return False
    if start > 1 and ctx.text[start - 2].isdigit():
        return _hyphen_chain(ctx.text, start, end)  # « 10-20 riders »: a hyphen joins two numbers
    w = start - 1
    while w > 0 and ctx.text[w - 1].isalpha():
        w -= 1
    glued = fold(ctx.text[w:start])
    return w == start - 1 or not any(rx.search(glued) for _, rx in ctx.lex.before)


def digit_quantity(ctx: Context, start: int, end: int) -> Quantity | None:
    """The quantity of the digits at ``start:end`` with a multiplier after them, or None
    when they are part of a longer token (11H00, 1er, cm2) or no quantity."""
    toks = ctx.span_tokens(start, end)
    if toks is None:
        return None
    a, b = toks
    if ctx.tok_end(b) > end and not _only_marks_after(ctx, end, b):
        return None
    reading = ctx.lex.reader.read(ctx.text[start:end])
    if reading is None:
        return None
    q = Quantity(a, b, start, end, reading, "digits")
    extend_multiplier(ctx, q)
    prefix_symbol(ctx, q)
    return q


def prefix_symbol(ctx: Context, q: Quantity) -> None:
    """« $574 », « €4.82bn »: a symbol of the pack glued before the digits starts the quantity
    and is its unit unless a noun follows (see :func:`~selon.extract.figures.units.find_unit`)."""
    text = ctx.text
    for sym in ctx.lex.prefix_symbols:
        s = q.start - len(sym)
        if s >= 0 and text[s : q.start] == sym and (s == 0 or not text[s - 1].isalnum()):
            toks = ctx.span_tokens(s, q.start)
            if toks is None:
                return
            q.a, q.start, q.prefix = min(q.a, toks[0]), s, sym
            return


def _only_marks_after(ctx: Context, end: int, b: int) -> bool:
    tok = ctx.doc[b]
    rest = tok.text[end - tok.idx :]
    return all(ch in ctx.lex.reader.unit_marks or not ch.isalnum() for ch in rest)


def extend_multiplier(ctx: Context, q: Quantity) -> None:
    """Take the multipliers written after the number into it: « 3 millions » is 3 000 000."""
    reader = ctx.lex.reader
    j = ctx.next_word(q.b)
    last = q.b
    scale = 1
    while j < len(ctx.doc) and ctx.low[j] in reader.multipliers:
        scale *= reader.multipliers[ctx.low[j]]
        last, j = j, ctx.next_word(j)
    if scale > 1 and q.reading.low is not None:
        value = as_number(Decimal(str(q.reading.low)) * scale)
        q.reading = Reading(value, value, q.reading.qualifier)
        q.scale = scale
        q.b = last
        q.end = ctx.tok_end(q.b)


# -- words ------------------------------------------------------------------------------------
def word_quantities(ctx: Context, taken: list[bool]) -> list[Quantity]:
    """Quantities written in words, on tokens not ``taken`` yet; marks theirs."""
    found: list[Quantity] = []
    i = 0
    n = len(ctx.doc)
    while i < n:
        if taken[i]:
            i += 1
            continue
        q = word_quantity(ctx, i)
        if q is None:
            i += 1
            continue
        found.append(q)
        _take(taken, q)
        i = q.b + 1
    return found


def word_quantity(ctx: Context, i: int) -> Quantity | None:
    """The quantity written in words from token ``i``, if one starts there."""
    form = noun_form(ctx, i)
    if form is not None:
        return make_quantity(ctx, *form)
    return written_number(ctx, i)


def noun_form(ctx: Context, i: int) -> tuple[int, int, str] | None:
    """A quantity told by a noun from token ``i``: vague (« des centaines (de milliers) »),
    a measure (« des tonnes »), approximate (« une dizaine », « un millier ») or a fraction
    (« la moitié », « les trois quarts »). Its first and last token and its kind."""
    reader = ctx.lex.reader
    low = ctx.low
    n = len(ctx.doc)
    w = low[i]
    nxt = low[i + 1] if i + 1 < n else ""
    if w in reader.vague_determiners and nxt in reader.vague_plurals:
        return i, _size_nouns(ctx, i + 1), "vague"
    if w in reader.bare_plurals and (nxt in reader.partitive or not any(c.dep_ in _MODIFIER_DEPS for c in ctx.doc[i].lefts)):
        return i, _size_nouns(ctx, i), "vague"  # « thousands of people », not « test scores »
    if w in reader.bare_fractions and nxt in reader.fraction_of:
        return i, i, "fraction"  # « half of the cameras »
    if w in reader.measure_determiners and nxt in reader.measure_nouns:
        return i, i + 1, "measure"
    if w in reader.indefinite and nxt in reader.approximate:
        return i, _size_nouns(ctx, i + 1), "approximate"
    if w in reader.approximate:
        return i, _size_nouns(ctx, i), "approximate"
    if w in reader.fraction_one and nxt in reader.denominators:
        return i, i + 1, "fraction"
    if (
        w in reader.fraction_articles
        and reader.is_number_word(nxt)
        and i + 2 < n
        and low[i + 2] in reader.denominators
    ):
        return i, i + 2, "fraction"
    return None


def _size_nouns(ctx: Context, j: int) -> int:
    """The last token after ``j`` of partitive + size noun pairs (« de milliers »)."""
    reader = ctx.lex.reader
    low = ctx.low
    n = len(ctx.doc)
    while (
        j + 2 < n
        and low[j + 1] in reader.partitive
        and (low[j + 2] in reader.multipliers or low[j + 2] in reader.vague_plurals)
    ):
        j += 2
    return j


def written_number(ctx: Context, i: int) -> Quantity | None:
    """A number written in words from token ``i`` (« deux cent soixante mille », « trois
    quarts », a lone article « un »), or None."""
    reader = ctx.lex.reader
    w = ctx.low[i]
    multiplied = w in reader.indefinite and i + 1 < len(ctx.doc) and ctx.low[i + 1] in reader.multipliers
    if not (reader.is_number_word(w) or multiplied) or in_symbol(ctx, i):
        return None
    if ctx.doc[i].pos_ == "ADJ" and i > 0 and ctx.doc[i - 1].pos_ == "NOUN" and w not in reader.indefinite:
        return None  # « un véhicule neuf »
    j = number_end(ctx, i)
    if j + 1 < len(ctx.doc) and ctx.low[j + 1] in reader.denominators and w not in reader.indefinite:
        return make_quantity(ctx, i, j + 1, "fraction")  # « trois quarts des habitants »
    if _hyphen_then(ctx, j, reader.denominators) and w not in reader.indefinite:
        return make_quantity(ctx, i, j + 2, "fraction")  # « two-thirds of the cameras »
    kind = "indefinite" if i == j and w in reader.indefinite else "words"
    q = make_quantity(ctx, i, j, kind)
    if q is not None and kind == "words":
        for k in range(i + 1, j + 1):
            q.scale *= reader.multipliers.get(ctx.low[k], 1)
    return q


def _hyphen_then(ctx: Context, j: int, words: Mapping[str, int]) -> bool:
    """A hyphen glued after token ``j`` and to one of ``words`` (« two-thirds »)."""
    doc = ctx.doc
    return (
        j + 2 < len(doc)
        and ctx.low[j + 1] == "-"
        and not doc[j].whitespace_
        and not doc[j + 1].whitespace_
        and ctx.low[j + 2] in words
    )


def number_end(ctx: Context, i: int) -> int:
    """The last token of the written number that starts at token ``i``."""
    reader = ctx.lex.reader
    low = ctx.low
    doc = ctx.doc
    n = len(doc)
    j = i
    while j + 1 < n:
        nj = low[j + 1]
        if reader.is_number_word(nj) and nj not in reader.indefinite:
            j += 1
        elif (
            nj == "-"
            and not doc[j].whitespace_
            and j + 2 < n
            and not doc[j + 1].whitespace_
            and reader.is_number_word(low[j + 2])
        ) or (
            nj == reader.and_word
            and j + 2 < n
            and low[j + 2] in reader.and_followers
            and low[j] not in reader.indefinite
        ):
            j += 2  # a compound split by the tokenizer, a number joined by the pack's and_word
        elif nj in reader.multipliers:
            j += 1
        else:
            break
    return j


def in_symbol(ctx: Context, i: int) -> bool:
    """A number word that ends a unit phrase (« pour cent »)."""
    for sym in ctx.lex.symbols:
        if " " in sym and sym.endswith(ctx.low[i]):
            k = max(0, i - sym.count(" "))
            if " ".join(ctx.low[k : i + 1]) == sym:
                return True
    return False


def make_quantity(ctx: Context, i: int, j: int, kind: str) -> Quantity | None:
    """The quantity on tokens ``i`` to ``j`` read as ``kind``, or None when it reads as none."""
    start, end = ctx.doc[i].idx, ctx.tok_end(j)
    if kind == "words":
        reading = ctx.lex.reader.read(ctx.text[start:end])
    else:
        reading = ctx.lex.reader.read_words([ctx.low[k] for k in range(i, j + 1) if ctx.low[k] != "-"])
    if reading is None:
        return None
    return Quantity(i, j, start, end, reading, kind)
