"""What the statement rules hand to the speaker rules: a candidate statement and the mention
of its speaker in the sentence. A module of its own, so that the two families of rules
depend on it and not on each other."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token


@dataclass
class Mention:
    span: Span
    kind: str = "np"  # np | pronoun | relative



@dataclass
class Cand:
    kind: str
    start: int  # content, character offsets
    end: int
    cue: tuple[int, int] | None = None
    mention: Mention | None = None
    # how the speaker is found when no mention is given: "previous" (follow-on quote),
    # "head" (the speaker of the governing cue), or None
    speaker_from: str | None = None
    head_cue: Token | None = None
    verb: Token | None = None
    priority: int = 0
    sent_start: int = 0
    # the mention of who relays the speaker's words ("X reported, citing Y": X), for ``via``
    relay: Mention | None = None
