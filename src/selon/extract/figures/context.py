"""What every figure stage shares: the document read once, and the quantity being read.

A :class:`Context` holds the Doc, its text, its tokens folded once, which sentence each
token is in and the quotation spans, plus the pack's :class:`Lexicon`. A no-break space
(« 63\u00a0ans », « 25\u00a0% », as Quebec outlets write) is a token of its own: the stages
step over it with :meth:`Context.next_word` and :meth:`Context.prev_word`. A :class:`Quantity`
is one quantity expression found in the text; the stages fill in its unit, its exclusion
and its links to its neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from selon.extract.figures.lexicon import Lexicon
from selon.extract.numbers import Number, Reading
from selon.lang.pack import fold

QUOTE_CHARS = frozenset("«»\"“”„‹›‘’'")
UNIT_QUOTES = "\"'«» "  # stripped from a unit as written
SPACES = " \u00a0\u202f\u2009"
MAX_CONTEXT = 48  # characters looked at before a quantity for its qualifier


@dataclass
class Quantity:
    """One quantity expression and what its context says about it."""

    a: int  # first token of the quantity expression
    b: int  # last token (inclusive)
    start: int  # characters
    end: int
    reading: Reading
    kind: str  # digits, words, indefinite, approximate, vague, measure, fraction
    scale: int = 1  # multiplier written after the number (« 3 millions »)
    unit: str | None = None
    unit_token: Token | None = None
    unit_end: int | None = None  # character end of the unit as written
    unit_inherited: bool = False
    excluded: str | None = None  # why this is no figure
    link: str | None = None  # joiner to the next quantity: range, or, and, list
    merged: bool = False  # absorbed into the previous quantity's range
    prefix: str | None = None  # a symbol written glued before the digits (« $574 »)

    @property
    def value(self) -> Number | None:
        return self.reading.low if self.reading.low is not None else self.reading.high


class Context:
    """One Doc as the figure stages read it (see the module docstring)."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.text = doc.text
        self.low = [fold(t.text) for t in doc]
        self.sent_of = [0] * len(doc)
        self.sent_bounds: list[tuple[int, int]] = []
        for k, sent in enumerate(doc.sents):
            self.sent_bounds.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                self.sent_of[i] = k
        self.quotes = _quote_spans(doc)
        self.space = [w.isspace() for w in self.low]  # « 63\u00a0ans »: the no-break space is a token
        self._link_ends: list[int] | None = None

    @property
    def link_ends(self) -> list[int]:
        """The tokens that may end a link marker of the pack (its last word), found once."""
        if self._link_ends is None:
            last = self.lex.link_last
            self._link_ends = [i for i, w in enumerate(self.low) if w in last]
        return self._link_ends

    def next_word(self, i: int) -> int:
        """The first token after token ``i`` that is not a space token (``len(doc)`` if none)."""
        j = i + 1
        while j < len(self.space) and self.space[j]:
            j += 1
        return j

    def prev_word(self, i: int) -> int:
        """The last token before token ``i`` that is not a space token (-1 if none)."""
        j = i - 1
        while j >= 0 and self.space[j]:
            j -= 1
        return j

    def tok_end(self, i: int) -> int:
        """The character end of token ``i``."""
        t = self.doc[i]
        return t.idx + len(t.text)

    def span_tokens(self, start: int, end: int) -> tuple[int, int] | None:
        """The first and last token covering characters ``start:end`` (None when none)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return span.start, span.end - 1

    def sentence(self, i: int) -> tuple[int, int]:
        """The token bounds (end exclusive) of the sentence of token ``i``."""
        return self.sent_bounds[self.sent_of[i]]

    def before(self, start: int, floor: int = 0) -> tuple[int, str]:
        """The folded text up to ``MAX_CONTEXT`` characters before ``start`` (not before
        ``floor``), with the character where it begins."""
        window_start = max(floor, start - MAX_CONTEXT)
        return window_start, fold(self.text[window_start:start])


def _quote_spans(doc: Doc) -> list[tuple[int, int, int]]:
    """(opening mark, content start, content end) of each quotation the segmenter found."""
    quotes = doc._.selon_quotes if Doc.has_extension("selon_quotes") else None
    return [(qt.open, qt.start, qt.end) for qt in quotes or []]
