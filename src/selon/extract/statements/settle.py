"""One statement per reported passage: the candidates of all rule families, settled sentence
by sentence (contents stay inside their sentence)."""

from __future__ import annotations

from selon.extract.candidates import Cand
from selon.extract.statements.rules import Rules
from selon.extract.statements.surface import cut_before


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """How many characters two ranges share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def nested(o: Cand, c: Cand) -> bool:
    """Whether ``o`` is reported inside ``c``'s content, as its clause: « X a indiqué que
    l'ONG Y avait demandé … ». ``c``'s cue comes before its content, and that content opens
    with ``o``'s subject and cue (no verb or punctuation before ``o``'s cue). Both stay. So does
    a clause under an opening « selon X, » (« Selon X, un ou deux juges espèrent … »)."""
    verb = c.verb or o.verb
    if c.cue is None or o.cue is None or verb is None or o.mention is None:
        return False
    if c.cue[1] > c.start or not c.start < o.cue[0] < o.cue[1] <= c.end:
        return False
    if not c.start <= o.mention.span.start_char < o.cue[0]:
        return False
    lead = verb.doc.char_span(c.start, o.cue[0], alignment_mode="contract")
    return lead is not None and not any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in lead)


def _quote_incise(o: Cand, c: Cand, text: str, rules: Rules) -> bool:
    """« A, « B » selon Y, C, a précisé X »: a « selon Y » right after a quotation inside a
    content (whose cue stands outside it) sources that quotation only; the content, which
    keeps the quotation (ANNOTATION rule 2), is not cut there."""
    if o.kind != "according_to" or o.cue is None or c.cue is None:
        return False
    if not c.start < o.cue[0] < c.end or c.start <= c.cue[0] < c.end:
        return False
    before = text[c.start : o.cue[0]].rstrip()
    return bool(before) and before[-1] in rules.closing


def _attribution_inside(o: Cand, c: Cand, text: str) -> bool:
    """Whether ``o`` is a « , selon X, » attributing the words before it, inside the content of an
    inverted cue ``c`` (its cue after it), with words of ``c``'s own after the phrase."""
    if o.kind != "according_to" or o.mention is None or c.cue is None or o.cue is None:
        return False
    if c.cue[0] < c.end or not c.start < o.cue[0] < c.end or o.end > o.cue[0]:
        return False
    rest = text[o.mention.span.end_char : c.end]
    return rest.lstrip().startswith(",") and len(rest.split()) >= 4


def settle(cands: list[Cand], text: str, rules: Rules) -> list[Cand]:
    """One statement per reported passage: drop contained quotations and duplicates, cut a
    content that swallows another statement's cue or speaker. Contents stay inside their
    sentence, so candidates are settled sentence by sentence; the result is in text order."""
    by_sentence: dict[int, list[Cand]] = {}
    for c in cands:
        by_sentence.setdefault(c.sent_start, []).append(c)
    kept: list[Cand] = []
    for group in by_sentence.values():
        kept.extend(_settle_sentence(group, text, rules))
    kept.sort(key=lambda c: c.start)
    return kept


def _settle_sentence(cands: list[Cand], text: str, rules: Rules) -> list[Cand]:
    cands = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
    # a weak candidate (« selon lui ») that runs over another statement's words gives way
    strong = [c for c in cands if c.priority >= 0]
    cands = [c for c in cands if c.priority >= 0 or not any(
        overlap((c.start, c.end), (o.start, o.end)) or o.cue and c.start <= o.cue[0] < c.end for o in strong)]
    _cut_at_other_cues(cands, text, rules)
    kept: list[Cand] = []
    for c in sorted(cands, key=lambda c: -c.priority):
        clash = None
        for k in kept:
            ov = overlap((c.start, c.end), (k.start, k.end))
            if ov == 0 or nested(c, k) or nested(k, c) or _quote_incise(c, k, text, rules) \
                    or _quote_incise(k, c, text, rules):
                continue
            shorter = min(c.end - c.start, k.end - k.start) or 1
            if ov * 2 >= shorter:
                clash = k
                break
        if clash is None:
            kept.append(c)
    return kept


def _cut_at_other_cues(cands: list[Cand], text: str, rules: Rules) -> None:
    """Cut (in place) contents that run over another statement's cue or speaker."""
    for c in cands:
        for o in cands:
            if o is c or o.cue is None or o.priority < 0 or nested(o, c) or _quote_incise(o, c, text, rules):
                continue
            if _attribution_inside(o, c, text):
                # « A, selon X, dont B, a indiqué Y »: X's A, Y's B
                assert o.mention is not None
                c.start = o.mention.span.end_char + len(text[o.mention.span.end_char : c.end]) \
                    - len(text[o.mention.span.end_char : c.end].lstrip(" ,\t\u00a0\u202f"))
                continue
            marks = [o.cue[0]]
            if o.mention is not None:
                marks.append(o.mention.span.start_char)
            first = min(marks)
            if c.start < first < c.end and not (c.cue and c.cue[0] <= first < c.cue[1]) and not (
                o.start <= c.start and c.end <= o.end
            ):
                cut = cut_before(text, c.start, first, rules)
                if cut - c.start >= 3:
                    c.end = cut
