"""What happened to what a figure counts: killed, injured, missing, displaced, arrested,
participating, affected, « other » (people, nothing more said) or None (not people).

In order: a verb of the pack that the counted noun (or the number) is an argument of, or
that modifies it (passed on from a modal to its infinitive: « ont dû quitter »); an outcome
phrase in the rest of the clause (« ont perdu la vie »); the counted noun itself (« 14
morts »). Verbs and phrases count for people only, except the pack's ``people_verbs`` and
``people_outcomes`` that say by themselves that people are counted.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Token

from selon.extract.figures.context import UNIT_QUOTES, Context, Quantity
from selon.lang.pack import fold

_ARG_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "aux:pass", "dep", "iobj", "obl:agent"})
_MODIFIER_DEPS = ("amod", "acl", "acl:relcl")
_CLAUSE_END = re.compile(r"[\n;,!?]|\.(?!\d)")
_AFTER_WINDOW = 60  # characters looked at after the figure for an outcome phrase


class Counted(NamedTuple):
    """The counted noun as the outcome rules compare it."""

    words: str  # the unit, folded, without quotation marks
    lemma: str  # the folded lemma of its first token
    first: str  # its first word
    people: bool  # it names people
    forces: bool  # it names forces deployed (police, soldiers …)


def counted(ctx: Context, unit: str | None, unit_token: Token | None) -> Counted:
    """What the outcome rules need to know of the unit ``unit`` (first token ``unit_token``)."""
    lex = ctx.lex
    words = fold(unit).strip(UNIT_QUOTES) if unit else ""
    lemma = fold(unit_token.lemma_) if unit_token is not None else ""
    first = words.split()[0] if words else ""
    people = bool(words) and (
        words in lex.people or first in lex.people or lemma in lex.people or words in lex.outcome_nouns
    )
    forces = bool(words) and (first in lex.forces or lemma in lex.forces)
    return Counted(words, lemma, first, people, forces)


def outcome(ctx: Context, q: Quantity, unit: str | None, unit_token: Token | None, end: int) -> str | None:
    """The outcome of the figure of ``q`` counting ``unit``, whose text ends at ``end``."""
    c = counted(ctx, unit, unit_token)
    return (
        verb_outcome(ctx, q, c)
        or phrase_outcome(ctx, end, c)
        or noun_outcome(ctx, c)
        or ("other" if c.people else None)
    )


def governing_verbs(ctx: Context, q: Quantity) -> list[Token]:
    """The words the counted noun (or the number) is an argument of or modified by, then
    the infinitives of those that are modals of the pack."""
    heads: list[Token] = []
    for t in (q.unit_token if not q.unit_inherited else None, ctx.doc[q.b]):
        if t is None:
            continue
        if t.dep_ in _ARG_DEPS and t.head.i != t.i:
            heads.append(t.head)
        heads.extend(c for c in t.children if c.dep_ in _MODIFIER_DEPS and c.i > t.i)
        if t.dep_ == "nmod" and t.head.i < t.i and t.head.dep_ in _ARG_DEPS:
            heads.append(t.head.head)
    modals = ctx.lex.modals
    heads.extend(c for h in list(heads) if fold(h.lemma_) in modals for c in h.children if c.dep_ == "xcomp")
    return heads


def verb_outcome(ctx: Context, q: Quantity, c: Counted) -> str | None:
    """The outcome of the first governing verb of the pack that applies to ``c``; forces
    deployed are not participants."""
    lex = ctx.lex
    for h in governing_verbs(ctx, q):
        verb = fold(h.lemma_)
        name = lex.outcome_verbs.get(verb)
        if name and not (c.forces and name == "participating") and (c.people or verb in lex.people_verbs):
            return name
    return None


def phrase_outcome(ctx: Context, end: int, c: Counted) -> str | None:
    """An outcome phrase of the pack in the rest of the clause after ``end``."""
    lex = ctx.lex
    after = _CLAUSE_END.split(fold(ctx.text[end : end + _AFTER_WINDOW]), maxsplit=1)[0]
    for name, rx in lex.outcome_phrases:
        if rx.search(after) and (c.people or name in lex.people_outcomes):
            return name
    return None


def noun_outcome(ctx: Context, c: Counted) -> str | None:
    """The outcome the counted noun says by itself (« 14 morts »)."""
    nouns = ctx.lex.outcome_nouns
    for key in (c.words, c.lemma, c.first):
        if key and key in nouns:
            return nouns[key]
    return None
