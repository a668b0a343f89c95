"""Nouns of a claim: "amid reports that …", "accepting Paris's argument that …" (``[cues]
claim_nouns`` of the pack). The clause after the complementiser is the statement; the noun's
possessor, if any, its speaker."""

from __future__ import annotations

from spacy.tokens import Token

from selon.extract.candidates import Cand
from selon.extract.statements.context import Context
from selon.extract.statements.rules import low
from selon.lang.pack import fold


def claim_noun(ctx: Context, noun: Token) -> bool:
    """A claim noun right before a complementiser that opens a clause with a subject of its
    own (not a relative clause: "reports that said …")."""
    doc, rules = ctx.doc, ctx.rules
    if noun.pos_ != "NOUN" or fold(noun.lemma_) not in rules.claim_nouns or ctx.in_quote(noun.idx) is not None:
        return False
    que = noun.i + 1
    if que + 2 >= len(doc) or low(doc[que]) not in rules.que or doc[que + 1].pos_ not in ("DET", "NOUN", "PROPN", "PRON"):
        return False
    sent = ctx.sent_of(noun)
    if que + 1 >= sent.end:
        return False
    owner = next((c for c in noun.children if c.dep_ == "nmod:poss" and c.i < noun.i), None)
    mention = None
    if owner is not None:
        end = owner.right_edge.i + 1
        while end > owner.left_edge.i + 1 and doc[end - 1].dep_ == "case":
            end -= 1  # « Paris's »: the possessive ending is no part of the name
        mention = ctx.mention((owner.left_edge.i, end))
    start, end_char = ctx.trim(doc[que + 1].idx, ctx.clause_end(que + 1, sent))
    if end_char - start < 3:
        return False
    ctx.cands.append(Cand("indirect", start, end_char, cue=(noun.idx, noun.idx + len(noun.text)), mention=mention,
                          priority=1, sent_start=sent.start_char))
    return True
