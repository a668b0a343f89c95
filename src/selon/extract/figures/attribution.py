"""Whose figure it is: the speaker of the statement that holds it.

A figure belongs to the narrowest statement whose content holds the figure's text or at
least its number; its source is that statement's speaker (None when the statement has no
named speaker, and for a figure in the article's own voice).

A figure that no statement holds may still sit before a cue that governs its clause: an
inverted cue whose statement lies before it (« …, dont 21 personnes en garde à vue, a
indiqué le parquet. »), or an according-to phrase (« ils sont environ 500, selon ce
responsable, à être … »). The figure then belongs to the nearest such cue after it in its
sentence, unless the figure is part of that statement's speaker (« 2700 personnes
annonçaient … »), or the according-to statement after the cue is one quotation (« …, in the
words of X, to “…” »: X's words are those in the marks), or a full stop the parser left inside the sentence lies between them
(« … des LBD.  13 800 personnes ont défilé, selon … »: that cue is the next sentence's).

A figure in quotation marks that neither reaches, in a sentence that no statement touches,
right after a sentence that holds a statement, is a quoted follow-on of that statement's
speaker (ANNOTATION rule 6: « …, assure-t-il. Ses clients paient "2.000 euros par séance". »).
"""

from __future__ import annotations

from collections.abc import Sequence

from selon.extract.figures.context import QUOTE_CHARS, Context, Quantity
from selon.extract.segment import SENTENCE_ENDS
from selon.models import Statement

Sentence = tuple[int, int]  # the characters of the figure's sentence, end exclusive


def reach(ctx: Context, q: Quantity) -> Sentence:
    """The characters of the sentence of ``q``, cut after a full stop the parser left inside it
    after the figure: one that more spaces than one follow (« … LBD.  13 800 personnes … »)."""
    lo, hi = ctx.sentence(q.a)
    doc = ctx.doc
    k = ctx.sent_of[q.a]
    while k + 1 < len(ctx.sent_bounds) and _cut_at_a_break(ctx, hi):
        k += 1
        hi = ctx.sent_bounds[k][1]  # « … across France\n, according to the ministry. »
    for k in range(q.b + 1, hi - 1):
        if doc[k].text in SENTENCE_ENDS and doc[k + 1].is_space:
            hi = k + 1
            break
    return doc[lo].idx, ctx.tok_end(hi - 1)


def _cut_at_a_break(ctx: Context, end: int) -> bool:
    """Whether the parser ended a sentence before token ``end`` with no mark, the next one
    opening with no capital (a comma, a lower-case word): one sentence cut by stray line breaks
    (« about\n34,000 protesters had turned out across France\n, according to … »)."""
    p = ctx.prev_word(end)
    n = ctx.next_word(end - 1)
    if p < 0 or n >= len(ctx.doc) or ctx.doc[p].text in SENTENCE_ENDS:
        return False
    first = ctx.doc[n].text[:1]
    return not first.isupper() and not first.isdigit() and first not in QUOTE_CHARS


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


def governs_before(s: Statement, start: int, end: int, sentence: Sentence) -> bool:
    """Whether the cue of ``s`` governs a figure at ``start:end`` before it in ``sentence``:
    the cue and the content in the sentence, the cue after the figure, and the content before
    the cue (an inverted cue) or the cue an according-to phrase; the figure not in the speaker."""
    lo, hi = sentence
    cue, c, sp = s.cue, s.content, s.speaker
    if cue is None or not (lo <= cue.start and cue.end <= hi and lo <= c.start and c.end <= hi):
        return False
    if cue.start < end or not (c.end <= cue.start or s.kind == "according_to"):
        return False
    if s.kind == "direct" and c.start >= end:
        return False  # « Sur les 300 tonnes, « 90 % sont … », a assuré X »: the quotation is X's, not the figure
    if s.kind == "according_to" and c.start >= cue.end and quoted_words(c.text):
        return False  # « …, in the words of X, to “consider the next steps” »: X's words are those in marks
    in_speaker = sp is not None and sp.start is not None and sp.end is not None and sp.start <= start < sp.end
    return not in_speaker


def quoted_words(content: str) -> bool:
    """Whether a content is one quotation, a word before its opening mark at most (« to “jointly
    consider the next steps” »): the source vouches for the words in the marks, not for the
    clause the phrase stands in (« ils sont environ 500, selon X, à être … » is X's)."""
    text = content.rstrip(" ,.;")
    first = next((k for k, ch in enumerate(text) if ch in QUOTE_CHARS), None)
    return first is not None and len(text[:first].split()) <= 1 and text[-1:] in QUOTE_CHARS


def cue_after(start: int, end: int, sentence: Sentence, statements: Sequence[Statement]) -> Statement | None:
    """The statement whose cue governs the figure at ``start:end`` from after it, the nearest."""
    found = [(s.cue.start, k) for k, s in enumerate(statements) if s.cue is not None and governs_before(s, start, end, sentence)]
    return statements[min(found)[1]] if found else None


def attribute(
    start: int, end: int, q: Quantity, statements: Sequence[Statement], sentence: Sentence | None = None
) -> tuple[str | None, str | None]:
    """The source (speaker name) and statement id of the figure at ``start:end`` of ``q``
    (``sentence``: the characters of its sentence, for a cue after it)."""
    best = holding_statement(start, end, q, statements)
    if best is None and sentence is not None:
        best = cue_after(start, end, sentence, statements)
    if best is None:
        return None, None
    name = best.speaker.name if best.speaker is not None else None
    return name, best.id


def quoted(ctx: Context, start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside the words of a quotation."""
    return any(a <= start and end <= b for _, a, b in ctx.quotes)


def previous_sentence(ctx: Context, q: Quantity) -> Sentence | None:
    """The characters of the sentence before that of ``q``, or None for the first."""
    k = ctx.sent_of[q.a]
    if k == 0:
        return None
    lo, hi = ctx.sent_bounds[k - 1]
    return ctx.doc[lo].idx, ctx.tok_end(hi - 1)


def follow_on(sentence: Sentence, previous: Sentence, statements: Sequence[Statement]) -> Statement | None:
    """The last statement with a speaker that ends in ``previous``, when no statement has its
    content or cue in ``sentence``: the speaker a quoted fragment of ``sentence`` belongs to."""
    lo, hi = sentence
    plo, phi = previous
    last: Statement | None = None
    for s in statements:
        c, cue = s.content, s.cue
        if c.start < hi and lo < c.end or (cue is not None and lo <= cue.start < hi):
            return None
        if plo <= c.end <= phi and s.speaker is not None and (last is None or c.end > last.content.end):
            last = s
    return last


def quoted_follow_on(ctx: Context, q: Quantity, start: int, end: int, statements: Sequence[Statement]) -> Statement | None:
    """The statement whose speaker the figure at ``start:end`` of ``q`` quotes in the next
    sentence (see the module), or None when the figure is not quoted or no such statement."""
    previous = previous_sentence(ctx, q)
    if previous is None or not quoted(ctx, start, end):
        return None
    lo, hi = ctx.sentence(q.a)
    return follow_on((ctx.doc[lo].idx, ctx.tok_end(hi - 1)), previous, statements)
