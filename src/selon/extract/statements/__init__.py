"""Statements: who said what.

Pure functions over a parsed ``Doc``. Three families of rules find candidate statements,
each a list of small named rules tried in order (see each module), then overlaps are settled;
speakers are named later (:mod:`selon.extract.speakers`):

- :mod:`~selon.extract.statements.verbs`: reporting verbs from the language pack: inverted
  cues (« …, a déclaré X »), que-clauses, infinitive, de-phrase and noun-phrase complements,
  passives with an agent (« … ont été recensés par X »);
- :mod:`~selon.extract.statements.according`: « selon X » phrases at the start, in the middle
  or at the end of a clause;
- :mod:`~selon.extract.statements.quotations`: quotations (:mod:`selon.extract.quotes`) with a
  cue before them (X a prévenu : « … »), slogans, split quotations, or no cue (a quoted
  follow-on sentence of the last speaker);
- :mod:`~selon.extract.statements.embeds`: social-media posts pasted with their signature.

The parser is used where it is reliable (subjects, objects, clause heads); boundaries of
contents are taken on the surface (sentence, commas, quotation marks), which news text
keeps regular even when the parse is wrong. Every word the rules look for comes from the
pack (:class:`~selon.extract.statements.rules.Rules`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from selon.extract.candidates import Cand
from selon.extract.quotes import Quote
from selon.extract.statements.according import according_rules
from selon.extract.statements.context import Context
from selon.extract.statements.embeds import embedded_posts
from selon.extract.statements.quotations import quote_rules
from selon.extract.statements.rules import Rules
from selon.extract.statements.settle import settle
from selon.extract.statements.verbs import verb_rules
from selon.lang.pack import LanguagePack
from selon.models import Statement, TextSpan

__all__ = ["Rules", "find_candidates", "to_statements"]


def find_candidates(doc: Doc, pack: LanguagePack, quotes: Sequence[Quote], rules: Rules | None = None) -> list[Cand]:
    """The settled candidate statements of ``doc``, in text order, each with the mention of its
    speaker (resolved later by :mod:`selon.extract.speakers`)."""
    rules = rules or Rules(pack)
    relabel_entities(doc, rules.entity_labels)
    ctx = Context(doc, rules, quotes)
    verb_rules(ctx)
    according_rules(ctx)
    quote_rules(ctx)
    embedded_posts(ctx)
    return [c for c in settle(ctx.cands, ctx.text, ctx.rules) if c.kind == "direct" or says_something(doc, c)]


# Parts of speech that carry no claim on their own ("But", "that", "of the").
FUNCTION_POS = frozenset({"CCONJ", "SCONJ", "ADP", "DET", "PART", "PUNCT", "SPACE", "AUX"})


def says_something(doc: Doc, c: Cand) -> bool:
    """Whether a reported content holds a word that can carry a claim: a lone conjunction or
    preposition, left over by a cut, is no statement."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    return span is None or any(t.pos_ not in FUNCTION_POS for t in span)


def relabel_entities(doc: Doc, labels: dict[str, str]) -> None:
    """Rename the model's entity labels to the ones the rules read (``[mentions] entity_labels``
    of the pack: « PERSON » → « PER »), in place, for every layer after this one; and cut an
    entity at a comma before a name in apposition (:func:`apposed_name_start`)."""
    ents = list(doc.ents)
    cuts = {e.start: apposed_name_start(e) for e in ents}
    if not any(cuts.values()) and not (labels and any(e.label_ in labels for e in ents)):
        return
    spans: list[Span] = []
    for e in ents:
        label = labels.get(e.label_, e.label_)
        cut = cuts[e.start]
        if cut:
            spans += [Span(doc, e.start, cut - 1, label=label), Span(doc, cut, e.end, label=label)]
        else:
            spans.append(Span(doc, e.start, e.end, label=label))
    doc.ents = spans


def apposed_name_start(ent: Span) -> int | None:
    """Where the name in apposition starts inside an entity the model ran across a comma ("the
    mayor of Kilbrook, Helen Marsh, said": one entity « Kilbrook, Helen Marsh »): the token after
    a comma that the parse makes an apposition heading a name of two words or more; else None."""
    for tok in ent[1:-1]:
        if tok.text == ",":
            after = tok.doc[tok.i + 1]
            if after.dep_ == "appos" and after.pos_ == "PROPN" and any(c.dep_ == "flat:name" for c in after.children):
                return after.i
    return None


def to_statements(doc: Doc, cands: Sequence[Cand]) -> list[Statement]:
    """One :class:`Statement` per candidate (ids ``s1``, ``s2`` … in order), without speakers."""
    text = doc.text  # Doc.text is rebuilt on every access: read it once
    return [
        Statement(
            id=f"s{n}",
            kind=c.kind,  # type: ignore[arg-type]
            content=TextSpan(text[c.start : c.end], c.start, c.end),
            speaker=None,
            cue=TextSpan(text[c.cue[0] : c.cue[1]], c.cue[0], c.cue[1]) if c.cue else None,
        )
        for n, c in enumerate(cands, 1)
    ]
