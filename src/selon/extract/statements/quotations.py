"""Quotations (:mod:`selon.extract.quotes`) that no inverted cue has claimed: each runs through
:data:`QUOTE_RULES`, in order, until one rule takes it:

1. :func:`quote_cue_before` — « X a prévenu : « … » », « une pancarte proclamait « … » »;
2. :func:`slogan` — « aux cris de « … » »: the crowd's words;
3. :func:`split_quote` — the second half of « « A », a déclaré X, « B » »;
4. :func:`follow_on_quote` — a whole quoted sentence with no cue: the last speaker's.

(A quotation with its cue after it, « « … », a déclaré X », is an inverted cue:
:func:`selon.extract.statements.verbs.inverted_cue`.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from selon.extract.candidates import Cand
from selon.extract.quotes import Quote
from selon.extract.statements.context import Context
from selon.extract.statements.phrases import detached_participle, np_before, subject
from selon.extract.statements.verbs import verb_group
from selon.lang.pack import fold

SPACES = " \t\n\u00a0\u202f"


@dataclass(frozen=True)
class QuoteSite:
    """A quotation in its sentence, with the sentence's text before its opening mark."""

    quote: Quote
    sent: Span
    before: str  # right-stripped


def quote_site(ctx: Context, q: Quote) -> QuoteSite | None:
    """Where a quotation stands, unless it is already a direct statement or a short term."""
    if any(c.kind == "direct" and c.start == q.start for c in ctx.cands):
        return None
    if ctx.quote_is_term(q):
        return None
    first = ctx.tok_at(q.open)
    if first is None:
        return None
    sent = ctx.sent_of(ctx.doc[first])
    return QuoteSite(q, sent, ctx.text[sent.start_char : q.open].rstrip(SPACES))


def quote_cue_before(ctx: Context, site: QuoteSite) -> bool:
    """« Le syndicat a prévenu : « … » », « une pancarte proclamait « … » »: a cue before the
    quotation, with a colon or right before it; the speaker is the cue's subject."""
    doc, q, sent = ctx.doc, site.quote, site.sent
    verb = _cue_before_quote(ctx, site)
    if verb is None:
        return False
    g = verb_group(ctx, verb)
    speaker_from = None
    if g.clitic is not None:
        mention = ctx.mention((g.clitic.i, g.clitic.i + 1), "pronoun")
    else:
        rng = subject(doc, verb, ctx.rules) or np_before(doc, g.start, sent.start)
        if rng is not None and detached_participle(doc, verb, rng, g.start):
            rng = None  # « … des saucisses, ajoutant « … » »: the participle speaks for its head
        mention = ctx.mention(ctx.cut_mention(rng, sent)) if rng else None
        if mention is None:
            speaker_from = "head"
    ctx.cands.append(Cand("direct", q.start, q.end, cue=g.cue, mention=mention, speaker_from=speaker_from,
                          head_cue=verb.head, verb=verb, priority=5, sent_start=sent.start_char))
    return True


def _cue_before_quote(ctx: Context, site: QuoteSite) -> Token | None:
    """The cue verb that introduces a quotation: before a colon ending ``before``, or right
    before the opening mark (adverbs aside)."""
    doc, rules, sent, before = ctx.doc, ctx.rules, site.sent, site.before
    last = ctx.tok_at(sent.start_char + len(before) - 1) if before else None
    if last is None:
        return None
    if before.endswith(":"):
        for j in range(last - 1, max(sent.start, last - 12) - 1, -1):
            if rules.is_cue(doc[j]) and ctx.in_quote(doc[j].idx) is None:
                return doc[j]
        return None
    j = last
    while j > sent.start and doc[j].pos_ == "ADV":
        j -= 1
    tok = doc[j]
    # a claim verb's quoted object (« a dénoncé « un passage en force » ») is part of an
    # indirect statement; a verb of saying introduces the quoted words themselves
    if rules.is_cue(tok) and tok.pos_ in ("VERB", "AUX") and ctx.in_quote(tok.idx) is None \
            and rules.lemma(tok) not in rules.np_claim:
        return tok
    return None


def slogan(ctx: Context, site: QuoteSite) -> bool:
    """« aux cris de « … » », « en scandant « … » »: the words of the crowd, the subject of the
    sentence (else the previous speaker)."""
    sent, before = site.sent, site.before
    phrase = next((p for p in ctx.rules.slogans if fold(before).endswith(p)), None)
    if phrase is None:
        return False
    cue_start = sent.start_char + len(before) - len(phrase)
    rng = subject(ctx.doc, sent.root, ctx.rules)
    ctx.cands.append(Cand("direct", site.quote.start, site.quote.end, cue=(cue_start, sent.start_char + len(before)),
                          mention=ctx.mention(ctx.cut_mention(rng, sent)) if rng else None,
                          speaker_from=None if rng else "previous", priority=5, sent_start=sent.start_char))
    return True


def split_quote(ctx: Context, site: QuoteSite) -> bool:
    """« « A », a déclaré X, « B » »: the second half of a quotation split by its cue, with the
    first half's cue and speaker."""
    q, sent = site.quote, site.sent
    if not site.before.endswith(","):
        return False
    half = next((c for c in ctx.cands if c.kind == "direct" and c.cue is not None
                 and c.sent_start == sent.start_char and c.end < q.open
                 and not ctx.text[max(c.cue[1], (c.mention.span.end_char if c.mention else 0)) : q.open]
                 .strip(" ,\t\u00a0\u202f")), None)
    if half is None:
        return False
    ctx.cands.append(Cand("direct", q.start, q.end, cue=half.cue, speaker_from="previous", priority=4,
                          sent_start=sent.start_char))
    return True


def follow_on_quote(ctx: Context, site: QuoteSite) -> bool:
    """A quotation that is a whole sentence (or more) with no cue: the previous speaker's."""
    q, sent = site.quote, site.sent
    after = ctx.text[q.close : sent.end_char].strip(SPACES)
    if site.before != "" or after not in ("", ".", "!", "?", "…"):
        return False
    ctx.cands.append(Cand("direct", q.start, q.end, speaker_from="previous", priority=0, sent_start=sent.start_char))
    return True


QuoteRule = Callable[[Context, QuoteSite], bool]
# The rules a quotation runs through, in order; the first that takes it ends its turn.
QUOTE_RULES: tuple[QuoteRule, ...] = (quote_cue_before, slogan, split_quote, follow_on_quote)


def quote_rules(ctx: Context) -> None:
    """Every top-level quotation, in text order, through :data:`QUOTE_RULES`."""
    for q in ctx.quotes:
        site = quote_site(ctx, q)
        if site is None:
            continue
        for rule in QUOTE_RULES:
            if rule(ctx, site):
                break
