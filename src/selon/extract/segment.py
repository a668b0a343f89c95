"""Sentence boundaries that news needs and the parser alone gets wrong.

Runs before the parser, which keeps boundaries already set:
- a newline is a paragraph break: the next token starts a sentence, unless the line before
  ends with no sentence end and the lines after, opening in lower case, a digit or a comma,
  reach one before a blank line (a page that lost a link and kept its line breaks);
- a closing quotation mark, and the comma or cue after it, never start one
  (« … ? », a-t-il dit stays one sentence);
- an opening quotation mark right after a full stop, a question or exclamation mark starts
  one, and the word right after an opening mark never does (« Fin. «Début » », written with
  or without spaces inside the marks, « Fin.  "Début" »); so does an opening mark glued to
  a closing one, or after a quotation that ends a sentence (« «Fin.»«Début» », « « Fin. » « Début » »),
  and a capital after such a quotation (« «Fin.»Début »);
- a capitalised word glued to a full stop or a closing mark, or two spaces after a full stop,
  starts one (« fin.Début », « »Début », « fin.  Début »: web pages that lost their paragraph
  breaks or space sentences twice);
- with ``stray_breaks`` (``[parser] stray_line_breaks`` of the pack), also a newline whose
  next lines do not reach a sentence end does not break a sentence: after a word that ends
  no sentence, before a word in lower case, a digit or a comma (« … according to the French site\nexample.com\n, the
  proportion … »: pages that cut a sentence around the words of a link they dropped).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from selon.extract.quotes import Quote, continues

# Tokens that end a sentence: an opening quotation mark after one starts the next sentence.
SENTENCE_ENDS = frozenset({".", "?", "!", "…", "...", "?!", "!?"})


def _lost_break(doc: Doc, i: int, last_word: str, closing_at: set[int]) -> bool:
    """A capitalised word after a full stop that a web page glued to it or spaced twice, or glued
    to a closing mark, where the page lost its paragraph breaks (« … démissionner.Manque de
    « courtoisie »Invité sur RMC, il … », « … fin.  Début »)."""
    tok, prev = doc[i], doc[i - 1]
    if not (tok.is_alpha and tok.text[:1].isupper() and tok.text[1:2].islower()):
        return False
    if prev.is_space:  # two spaces (or more) after a full stop
        return last_word in SENTENCE_ENDS
    if prev.whitespace_:
        return False
    if prev.idx + len(prev.text) - 1 in closing_at:
        return True
    return prev.text in SENTENCE_ENDS and i >= 2 and not doc[i - 2].whitespace_ and (
        doc[i - 2].text[-1:].islower() or doc[i - 2].idx + len(doc[i - 2].text) - 1 in closing_at
    )


def _stray_break(doc: Doc, i: int, last_word: str, closing_at: set[int]) -> bool:
    """Whether the newline before token ``i`` cuts a sentence rather than ends a paragraph: the
    last word before it ends no sentence (no full stop, colon or closing mark: not a heading's
    last word either, which the next paragraph's capital opens), and token ``i`` is a word in
    lower case, a number or a comma, which no paragraph opens with."""
    if not last_word or last_word in SENTENCE_ENDS or last_word in (":", ";") or i >= len(doc):
        return False
    prev = i - 1
    while prev > 0 and doc[prev].is_space:
        prev -= 1
    if doc[prev].idx + len(doc[prev].text) - 1 in closing_at:
        return False
    first = doc[i].text[:1]
    return first.islower() or first.isdigit() or first in (",", ")")


# A line that ends a sentence ends with one of these.
LINE_ENDS = frozenset(".?!…\"'”’»")


def _broken_line(text: str, last_word: str, after: int, lines: int = 6) -> bool:
    """Whether the single line break ending at character ``after`` is inside a sentence: the line
    before ends with no sentence end (``last_word``), the line after opens as a continuation,
    and the lines after, each a continuation, reach a sentence end before a blank line (a
    heading, a list or a lower-case paragraph opening never does: « parle\nil répond\n\n »)."""
    if not last_word or last_word in SENTENCE_ENDS or last_word[-1] in LINE_ENDS:
        return False
    pos = after
    for _ in range(lines):
        end = text.find("\n", pos)
        line = (text[pos:] if end < 0 else text[pos:end]).strip(" \t\u00a0")
        if not continues(line):
            return False
        if line[-1:] in LINE_ENDS:
            return True
        if end < 0 or text.startswith("\n\n", end):
            return False
        pos = end + 1
    return False


def _in_spaced_ellipsis(doc: Doc, i: int, spans: list[tuple[int, int]]) -> bool:
    """Whether token ``i`` is a full stop of an ellipsis written as spaced stops (« . . . ») inside
    a closed quotation (``spans``): words left out of a quotation, not the end of a sentence."""
    tok = doc[i]
    return tok.text == "." and 0 < i < len(doc) - 1 and (doc[i - 1].text == "." or doc[i + 1].text == ".") \
        and any(a < tok.idx < b for a, b in spans)


def set_boundaries(doc: Doc, quotes: Sequence[Quote], stray_breaks: bool = False) -> Doc:
    closing_at: set[int] = set()
    opening_at: set[int] = set()
    for q in quotes:
        if q.closed:
            closing_at.add(q.close - 1)
        if q.depth == 0:
            opening_at.add(q.open)
    quoted = [(q.open, q.close) for q in quotes if q.closed]
    after_ellipsis = False  # the token before was a stop of an ellipsis inside a quotation
    # 1 = starts a sentence, -1 = does not, 0 = the parser decides. Written in one go: setting
    # ``Token.is_sent_start`` one token at a time re-checks the whole Doc on every call.
    starts = numpy.zeros((len(doc), 1), dtype="int64")
    starts_par = True
    last_word = ""  # the last token that is no space
    last_end = 0  # where it ends
    ended = False  # whether the token before it ends a sentence
    after_opening = False  # the last token that is no space opened a quotation
    for i, tok in enumerate(doc):
        if tok.is_space and "\n" in tok.text:
            starts_par = not (tok.text.count("\n") == 1 and _broken_line(doc.text, last_word, tok.idx + len(tok.text)))
            if i > 0:
                starts[i, 0] = -1
            if not starts_par and i + 1 < len(doc):
                starts[i + 1, 0] = -1
            continue
        if starts_par:
            starts[i, 0] = -1 if stray_breaks and _stray_break(doc, i, last_word, closing_at) else 1
            starts_par = False
        elif after_opening and not tok.is_space:
            starts[i, 0] = -1  # the word right after an opening mark
        elif (
            tok.idx in opening_at and (
                last_word in SENTENCE_ENDS
                or last_end - 1 in closing_at and (ended or last_end == tok.idx)  # « Fin. » « … / »«
            )
            or ended and last_end - 1 in closing_at and tok.text[:1].isupper()  # « Fin. »Début
            or _lost_break(doc, i, last_word, closing_at)
        ):
            starts[i, 0] = 1
        else:
            last_char = tok.idx + len(tok.text) - 1
            if last_char in closing_at and tok.text[-1] in "»”\"’›'" or tok.text in {",", ";", ")"}:
                starts[i, 0] = -1
        if after_ellipsis:
            starts[i, 0] = -1  # « will . . . make »: an ellipsis inside a quotation ends nothing
        after_ellipsis = tok.text == "." and _in_spaced_ellipsis(doc, i, quoted)
        if not tok.is_space:
            ended = last_word in SENTENCE_ENDS
            last_word, last_end = tok.text, tok.idx + len(tok.text)
            after_opening = tok.idx in opening_at and len(tok.text) <= 2
    if len(doc):
        values: Any = starts.astype("uint64")  # -1 wraps around, as spaCy stores it
        doc.from_array([SENT_START], values)
    return doc
