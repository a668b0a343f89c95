"""Who is speaking: names, roles and rule-based coreference.

No French coreference model is available, so selon keeps its own small discourse model:
the people and organisations an article names (with gender and number taken from their
determiners, titles and descriptions), where each was last mentioned and whether it was a
speaker. A mention is resolved to the most specific name the article gives that source:

- a name (« Igor Konachenkov »), with its role from the apposition or title
  (« le porte-parole du ministère russe de la Défense Igor Konachenkov »);
- a title and surname (« M. Castaner ») to the full name seen before;
- a description (« le procureur », « la maire de Paris ») to the person whose role
  it matches, or kept as the description when nobody matches;
- a subject pronoun (il, elle, -t-il) to the most recent main speaker of that gender and
  number; a demonstrative (celui-ci, ce dernier) to the most recently named one;
- « qui » to the antecedent of its relative clause; « la même source » to the last source.

Relayed speech: « X a rappelé les déclarations de Y. Celui-ci a annoncé que … » gives Y's
statement ``via`` X.

The modules, in the order the rules run:

- :mod:`~selon.extract.speakers.lexicon`: the pack's words (``[speakers]``), once per pack;
- :mod:`~selon.extract.speakers.entities`: the entities and the timeline of their mentions;
- :mod:`~selon.extract.speakers.seeding`: names, roles, subjects and relays, before resolution;
- :mod:`~selon.extract.speakers.descriptions`: names, roles and genders read off the tokens,
  descriptions matched to people named before;
- :mod:`~selon.extract.speakers.pronouns`: personal, demonstrative and relative pronouns;
- :mod:`~selon.extract.speakers.resolve`: a mention to its entity, each candidate to its speaker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc

from selon.extract.candidates import Cand
from selon.extract.speakers.entities import Discourse
from selon.extract.speakers.lexicon import speaker_lexicon
from selon.extract.speakers.resolve import resolve, speakers_for
from selon.extract.speakers.seeding import seed
from selon.lang.pack import LanguagePack
from selon.models import Speaker, Statement

__all__ = ["attribute_speakers"]


def attribute_speakers(doc: Doc, pack: LanguagePack, cands: Sequence[Cand], statements: Sequence[Statement]) -> list[Statement]:
    """``statements`` (one per candidate, in the same order) with their speaker and ``via``
    resolved over the whole article."""
    d = Discourse(doc, speaker_lexicon(pack))
    d.reported = sorted((c.start, c.end) for c in cands if c.kind == "direct")
    seed(d)
    resolved = relayed(d, cands, speakers_for(d, list(cands)))
    return [
        dataclasses.replace(s, speaker=speaker, via=via)
        for s, (speaker, via) in zip(statements, resolved, strict=True)
    ]


Resolved = list[tuple[Speaker | None, str | None]]


def relayed(d: Discourse, cands: Sequence[Cand], resolved: Resolved) -> Resolved:
    """``resolved`` with the ``via`` of each candidate that names who relays its speaker's words
    (``Cand.relay``: « X a rapporté, citant Y »), that relay's name."""
    out = list(resolved)
    for k, c in enumerate(cands):
        if c.relay is None:
            continue
        relay = resolve(d, c.relay)[1].name
        own = out[k][0]
        if relay and (own is None or relay != own.name):
            out[k] = (own, relay)
    return out
