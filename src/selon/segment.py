"""Sentence boundaries that news needs and the parser alone gets wrong.

Runs before the parser, which keeps boundaries already set:
- a newline is a paragraph break: the next token starts a sentence;
- a closing quotation mark, and the comma or cue after it, never start one
  (« … ? », a-t-il dit stays one sentence);
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .quotes import Quote


def set_boundaries(doc: Doc, quotes: Sequence[Quote]) -> Doc:
    closing_at: set[int] = set()
    for q in quotes:
        if q.closed:
            closing_at.add(q.close - 1)
    starts_par = True
    for i, tok in enumerate(doc):
        if tok.is_space and "\n" in tok.text:
            starts_par = True
            if i > 0:
                tok.is_sent_start = False
            continue
        if i == 0:
            starts_par = False
            continue
        if starts_par:
            tok.is_sent_start = True
            starts_par = False
            continue
        last_char = tok.idx + len(tok.text) - 1
        if last_char in closing_at and tok.text[-1] in "»”\"’›'" or tok.text in {",", ";", ")"}:
            tok.is_sent_start = False
    return doc
