"""What a quantity counts: the unit written after it.

In order: a symbol (« 12 % »), the measure noun itself (« des tonnes »), a quoted noun
phrase, a multi-word noun of the pack, then the noun after the number with up to two
adjectives. A figure with no unit of its own may take the noun of a counting phrase
(« le nombre de manifestants à 69.000 ») or the unit of a figure just before it.
"""

from __future__ import annotations

from spacy.tokens import Token

from selon.extract.figures.context import QUOTE_CHARS, UNIT_QUOTES, Context, Quantity

# Dependencies of a verb form that is still a counted noun (« 17 blessés » parsed as a verb).
_ARGUMENT_DEPS = ("obj", "nsubj", "nmod", "obl:arg")
# Relations of a name or a capitalised adjective to the noun after it, which is then the unit.
_PREMODIFIER_DEPS = ("compound", "amod", "flat", "nmod")
# A unit as written: its text, its first token, its character end.
Unit = tuple[str, Token, int]
# The last unit written in the text: its text, its token, its sentence.
LastUnit = tuple[str, Token | None, int]


def find_unit(ctx: Context, q: Quantity) -> None:
    """Set ``q.unit``, ``q.unit_token`` and ``q.unit_end`` from what follows the quantity."""
    j = ctx.next_word(q.b)
    if j >= len(ctx.doc):
        return
    if ctx.low[j] == "-" and j + 1 < len(ctx.doc) and not ctx.doc[j - 1].whitespace_ and not ctx.doc[j].whitespace_:
        j += 1  # « a 45,000-euro fine », « a 54-year-old »: the word after the hyphen, alone
        if ctx.doc[j].is_alpha and ctx.low[j] not in ctx.lex.reader.indefinite:  # not « £20m-a-year »
            q.unit, q.unit_token, q.unit_end = ctx.doc[j].text, ctx.doc[j], ctx.tok_end(j)
        return
    unit = symbol_unit(ctx, j)
    if unit is None and q.kind == "measure":
        unit = measure_unit(ctx, q, j)
    elif unit is None:
        j = _after_partitive(ctx, q, j)
        if q.kind == "indefinite" and ctx.low[j] in ctx.lex.reader.only_words:
            q.end = ctx.tok_end(j)  # « un seul »
        j = _skip_adjectives(ctx, j)
        if j < len(ctx.doc):
            unit = noun_unit(ctx, j)
    if unit is None and q.prefix is not None:
        unit = q.prefix, ctx.doc[q.a], q.start + len(q.prefix)  # « $574 »
    if unit is not None:
        q.unit, q.unit_token, q.unit_end = unit


def symbol_unit(ctx: Context, j: int) -> Unit | None:
    """A symbol of the pack at token ``j``: « 12 % », « 50 € », « 12 pour cent »."""
    n = len(ctx.doc)
    for sym in ctx.lex.symbols:
        k = j + sym.count(" ")
        if k < n and " ".join(ctx.low[j : k + 1]) == sym:
            return ctx.doc[j : k + 1].text, ctx.doc[j], ctx.tok_end(k)
    return None


def measure_unit(ctx: Context, q: Quantity, j: int) -> Unit:
    """A measure counts in its own noun (« des tonnes »), running to the noun measured."""
    doc = ctx.doc
    end = ctx.tok_end(q.b)
    j = ctx.next_word(j) if ctx.low[j] in ctx.lex.reader.partitive else j
    if j < len(doc) and doc[j].pos_ == "NOUN":
        end = ctx.tok_end(j)
    return doc[q.b].text, doc[q.b], end


def _after_partitive(ctx: Context, q: Quantity, j: int) -> int:
    """Past the partitive of a size noun or a multiplier (« une dizaine de », « 3 millions
    d' ») and the article or preposition after a fraction (« deux tiers des »)."""
    low = ctx.low
    if (q.kind in ("approximate", "vague", "fraction") or q.scale > 1) and low[j] in ctx.lex.reader.partitive:
        j = ctx.next_word(j)
        if q.kind == "fraction" and j < len(ctx.doc) and ctx.doc[j].pos_ == "DET":
            j = ctx.next_word(j)
    elif q.kind == "fraction" and low[j] in ctx.lex.fraction_of:
        j = ctx.next_word(j)
    return j


def _skip_adjectives(ctx: Context, j: int) -> int:
    """Past up to two adjectives of the pack before the noun (« les trois dernières années »)."""
    lex = ctx.lex
    skipped = 0
    while (
        j < len(ctx.doc)
        and (ctx.low[j] in lex.skip_adjectives or ctx.low[j] in lex.reader.only_words)
        and skipped < 2
    ):
        j = ctx.next_word(j)
        skipped += 1
    return j


def noun_unit(ctx: Context, j: int) -> Unit | None:
    """The counted noun phrase starting at token ``j``: quoted, multi-word or a noun."""
    if ctx.doc[j].text in QUOTE_CHARS and j + 1 < len(ctx.doc):
        return quoted_unit(ctx, j)
    unit = multiword_unit(ctx, j)
    if unit is None:
        unit = single_noun_unit(ctx, j)
    return unit


def quoted_unit(ctx: Context, j: int) -> Unit | None:
    """A noun phrase in quotation marks: 110 "gilets jaunes"."""
    doc = ctx.doc
    close = next((k for k in range(j + 1, min(len(doc), j + 7)) if doc[k].text in QUOTE_CHARS), None)
    if close is not None and close > j + 1 and doc[j + 1].pos_ in ("NOUN", "PROPN", "ADJ"):
        return doc[j + 1 : close].text, doc[j + 1], ctx.tok_end(close)
    return None


def multiword_unit(ctx: Context, j: int) -> Unit | None:
    """A multi-word noun of the pack at token ``j``, by its tokens or by its text."""
    doc, low, text = ctx.doc, ctx.low, ctx.text
    n = len(doc)
    start = doc[j].idx
    for phrase in ctx.lex.multiword:
        k = j + phrase.count(" ")
        if k < n and " ".join(low[j : k + 1]).replace(" '", "'") == phrase.replace(" '", "'"):
            return doc[j : k + 1].text, doc[j], ctx.tok_end(k)
        end = start + len(phrase)
        if k + 1 < n and text[start:end].lower() == phrase and ctx.span_tokens(start, end) is not None:
            return text[start:end], doc[j], end
    return None


def single_noun_unit(ctx: Context, j: int) -> Unit | None:
    """The noun at token ``j`` (or a lower-case word tagged otherwise), with up to two
    adjectives attached to it; a time word counts as a noun, a weekday or a participle not."""
    lex, low, doc = ctx.lex, ctx.low, ctx.doc
    tok = doc[j]
    is_noun = tok.pos_ == "NOUN" or (tok.pos_ in ("PROPN", "X", "ADJ", "VERB") and tok.text.islower())
    if low[j] in lex.time_units or low[j] in lex.months:
        is_noun = True
    elif low[j] in lex.weekdays:
        return None  # « 7.000 samedi dernier »: a date after the figure, not its unit
    head = tok.head
    if not is_noun and tok.dep_ in _PREMODIFIER_DEPS and head.pos_ == "NOUN" and 0 < head.i - j <= 3:
        return doc[j : head.i + 1].text, head, ctx.tok_end(head.i)  # « 27 EU leaders », « dozens of Conservative MPs »
    if not is_noun or not any(ch.isalpha() for ch in tok.text):
        return None
    if tok.pos_ == "VERB" and tok.dep_ not in _ARGUMENT_DEPS and low[j] not in lex.time_units:
        return None  # « 17 touchés »: a participle, not a counted noun
    end = j
    while end + 1 < len(doc) and end - j < 2 and doc[end + 1].pos_ == "ADJ" and doc[end + 1].head.i in (j, end):
        end += 1  # up to two adjectives of the noun
    while end + 1 < len(doc) and end - j < 3 and doc[end].dep_ == "compound" and doc[end].head.i == end + 1:
        end += 1  # « 400 road deaths », « two furniture shops »: the noun the first one modifies
    return doc[j : end + 1].text, tok, ctx.tok_end(end)


# -- the unit of a figure ---------------------------------------------------------------------
def counted_noun(ctx: Context, q: Quantity) -> Token | None:
    """« le nombre de manifestants à 69.000 », « dix le nombre de morts »: the noun counted."""
    lo, hi = ctx.sentence(q.a)
    low = ctx.low
    for k in list(range(q.a - 1, max(lo, q.a - 8) - 1, -1)) + list(range(q.b + 1, min(hi, q.b + 5))):
        if low[k] in ctx.lex.count_nouns and k + 2 < hi and low[k + 1] in ctx.lex.reader.partitive:
            noun = ctx.doc[k + 2]
            if noun.pos_ == "NOUN":
                return noun
    return None


def figure_unit(ctx: Context, q: Quantity, last: LastUnit | None) -> tuple[str | None, Token | None]:
    """What the figure of ``q`` counts: its own unit, else the noun of a counting phrase,
    else ``last`` (the unit written last) when it is at most two sentences back
    (« 8.200 marcheurs à Lyon et 1.300 à Grenoble »)."""
    if q.unit is not None:
        return q.unit, q.unit_token
    found = counted_noun(ctx, q)
    if found is not None:
        return found.text, found
    if last is not None and ctx.sent_of[q.a] - last[2] <= 2:
        return last[0], last[1]
    return None, None


def unit_label(ctx: Context, q: Quantity, unit: str | None) -> str | None:
    """The unit as a figure shows it: a percent word as « % », without quotation marks."""
    if unit is not None and q.unit_token is not None and unit in ctx.lex.percent:
        unit = "%"
    return unit.strip(UNIT_QUOTES) if unit else None
