"""Quotations (:mod:`selon.extract.quotes`) that no inverted cue has claimed: each runs through
:data:`QUOTE_RULES`, in order, until one rule takes it:

1. :func:`incise_inside` — « « A, a-t-il dit. B » »: the cue written inside the marks;
2. :func:`quote_cue_before` — « X a prévenu : « … » », « une pancarte proclamait « … » »;
3. :func:`slogan` — « aux cris de « … » »: the crowd's words;
   :func:`shouted_words` — "insults including “…” were hurled": the same, in a passive's subject;
4. :func:`split_quote` — the second half of « « A », a déclaré X, « B » »;
5. :func:`quote_cue_after` — « « … », a déclaré X » that the verb rules left;
6. :func:`follow_on_quote` — a whole quoted sentence with no cue: the last speaker's.

(A quotation with its cue after it, « « … », a déclaré X », is first an inverted cue:
:func:`selon.extract.statements.verbs.inverted_cue`; :func:`quote_cue_after` takes the ones
whose cue the tagger or the parser got wrong.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from selon.extract.candidates import Cand, Mention
from selon.extract.quotes import Quote
from selon.extract.statements.context import Context
from selon.extract.statements.phrases import (
    cue_group,
    detached_participle,
    np_after,
    np_before,
    subject,
    subtree_range,
)
from selon.extract.statements.rules import Rules, low
from selon.extract.statements.verbs import verb_group
from selon.lang.pack import fold

SPACES = " \t\n\u00a0\u202f"
# What ends a quoted sentence (a quotation without one, alone in its paragraph, is a heading).
SENTENCE_END = ".!?…"
# The fewest words of a partial quotation in a narrated sentence that is the last speaker's.
PARTIAL_WORDS = 5


@dataclass(frozen=True)
class QuoteSite:
    """A quotation in its sentence, with the sentence's text before its opening mark."""

    quote: Quote
    sent: Span
    before: str  # right-stripped
    term: bool  # a short term (three words at most): only a slogan's words then


def quote_site(ctx: Context, q: Quote) -> QuoteSite | None:
    """Where a quotation stands, unless it is already a direct statement."""
    if any(c.kind == "direct" and c.start == q.start for c in ctx.cands):
        return None
    first = ctx.tok_at(q.open)
    if first is None:
        return None
    sent = ctx.sent_of(ctx.doc[first])
    return QuoteSite(q, sent, ctx.text[sent.start_char : q.open].rstrip(SPACES), ctx.quote_is_term(q))


def incise_inside(ctx: Context, site: QuoteSite) -> bool:
    """« « Nous resterons, a-t-il dit. Il le faut » », « « Nous resterons, explique Marc Leroy,
    jusqu'au bout » »: an incise written inside the marks splits the quotation in two direct
    statements (ANNOTATION rule 1), the first of the incise's subject, the second of the same."""
    doc, rules, q = ctx.doc, ctx.rules, site.quote
    first, last = ctx.tok_at(q.start), ctx.tok_at(q.end - 1)
    if site.term or first is None or last is None:
        return False
    for k in range(first + 1, last - 1):
        verb = _cue_after(doc, rules, k + 1, min(last, k + 6)) if doc[k].text == "," else None
        if verb is None:
            continue
        _, end, clitic = cue_group(doc, verb, rules)
        end = max(end, verb.i + 1 + _phrase_tail(doc, rules, verb))
        rng = None if clitic is not None else np_after(doc, end, last, rules)
        stop = end if clitic is not None else rng[1] if rng is not None else last
        if stop >= last or doc[stop].text not in (",", ".", ";", "!", "?"):
            continue
        a = ctx.trim(q.start, doc[k].idx)
        b = ctx.trim(doc[stop].idx + len(doc[stop].text), q.end)
        if a[1] - a[0] < 3 or b[1] - b[0] < 3:
            continue
        mention = ctx.mention((clitic.i, clitic.i + 1), "pronoun") if clitic is not None else \
            ctx.mention(ctx.cut_mention(rng, ctx.sent_of(verb))) if rng is not None else None
        cue = (doc[k + 1].idx, doc[end - 1].idx + len(doc[end - 1].text))
        for (start, stop_char), who in ((a, mention), (b, None)):
            sent = ctx.sent_of(doc[ctx.tok_at(start) or k])
            ctx.cands.append(Cand("direct", start, stop_char, cue=cue, mention=who, verb=verb, priority=5,
                                  speaker_from=None if who else "previous", sent_start=sent.start_char))
        return True
    return False


def quote_cue_before(ctx: Context, site: QuoteSite) -> bool:
    """« Le syndicat a prévenu : « … » », « une pancarte proclamait « … » »: a cue before the
    quotation, with a colon or right before it; the speaker is the cue's subject."""
    doc, q, sent = ctx.doc, site.quote, site.sent
    # a short quotation is a term, unless a cue and a colon introduce it (« a lancé : « Je reste » »)
    verb = _cue_before_quote(ctx, site) if not site.term or site.before.endswith(":") else None
    if verb is None:
        return False
    g = verb_group(ctx, verb)
    speaker_from = None
    if g.clitic is not None:
        mention = ctx.mention((g.clitic.i, g.clitic.i + 1), "pronoun")
    else:
        rng = subject(doc, verb, ctx.rules) or controller_subject(ctx, verb) or np_before(doc, g.start, sent.start)
        if rng is not None and detached_participle(doc, verb, rng, g.start):
            rng = None  # « … des saucisses, ajoutant « … » »: the participle speaks for its head
        mention = ctx.mention(ctx.cut_mention(rng, sent)) if rng else None
        if mention is None:
            speaker_from = "head"
    ctx.cands.append(Cand("direct", q.start, q.end, cue=g.cue, mention=mention, speaker_from=speaker_from,
                          head_cue=verb.head, verb=verb, priority=5, sent_start=sent.start_char))
    return True


def controller_subject(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """"Protesters used spray paint to write « … »": an infinitive cue with no subject of its own,
    the complement (``xcomp``) of a verb that is no cue, speaks for that verb's subject, not for
    the noun phrase before it (under a cue, "calling X to testify « … »", it is left alone)."""
    if verb.dep_ != "xcomp" or "Inf" not in verb.morph.get("VerbForm", []) or ctx.rules.is_cue(verb.head):
        return None
    return subject(ctx.doc, verb.head, ctx.rules)


# How many tokens before a colon a cue may stand and still introduce the quotation after it ("X
# told supporters of a second referendum that opposing it was an act of patriotism: “…”").
COLON_CUE_REACH = 24


def _cue_before_quote(ctx: Context, site: QuoteSite) -> Token | None:
    """The cue verb that introduces a quotation: before a colon ending ``before``, or right
    before the opening mark or a comma before it (adverbs aside)."""
    doc, rules, sent, before = ctx.doc, ctx.rules, site.sent, site.before
    last = ctx.tok_at(sent.start_char + len(before) - 1) if before else None
    if last is None:
        return None
    if before.endswith(":"):
        for j in range(last - 1, max(sent.start, last - COLON_CUE_REACH) - 1, -1):
            if rules.is_cue(doc[j]) and ctx.in_quote(doc[j].idx) is None:
                return governing_cue(ctx, doc[j], sent)
        return None
    j = last
    if before.endswith(",") and j > sent.start:
        j -= 1  # "he added, “…”": a comma between a verb of saying and the words it introduces
    while j > sent.start and doc[j].pos_ == "ADV":
        j -= 1
    tok = doc[j]
    # a claim verb's quoted object (« a dénoncé « un passage en force » ») is part of an
    # indirect statement; a verb of saying introduces the quoted words themselves
    if rules.is_cue(tok) and tok.pos_ in ("VERB", "AUX") and ctx.in_quote(tok.idx) is None \
            and rules.lemma(tok) not in rules.np_claim:
        return tok
    return None


def governing_cue(ctx: Context, tok: Token, sent: Span) -> Token:
    """"saying only in a video posted by a reporter: « … »": a cue participle that modifies a
    noun (``acl``) inside the phrase of another cue of its sentence, before it, gives way to that
    cue, the verb of saying that introduces the words."""
    if tok.dep_ != "acl":
        return tok
    for anc in tok.ancestors:
        if anc.i < sent.start or anc.i >= tok.i:
            break
        if ctx.rules.is_cue(anc) and anc.pos_ == "VERB" and ctx.in_quote(anc.idx) is None:
            return anc
    return tok


def slogan(ctx: Context, site: QuoteSite) -> bool:
    """« aux cris de « … » », « en scandant « … » »: the words of the crowd, the subject of the
    sentence (else the previous speaker); a slogan of two or three words (« Macron démission »)
    is one too."""
    sent, before = site.sent, site.before
    phrase = next((p for p in ctx.rules.slogans if fold(before).endswith(p)), None)
    if phrase is None:
        return False
    cue_start = sent.start_char + len(before) - len(phrase)
    rng = _crowd(ctx, ctx.tok_at(cue_start), sent)
    mention = ctx.mention(ctx.cut_mention(rng, sent)) if rng else None
    speaker_from = None if mention else "previous"
    if mention is not None and low(mention.span.root) in ctx.rules.relative_subject:
        mention, speaker_from = ctx.mention(rng, "relative"), "relative"  # « un homme qui, criant « … », »
    ctx.cands.append(Cand("direct", site.quote.start, site.quote.end, cue=(cue_start, sent.start_char + len(before)),
                          mention=mention, speaker_from=speaker_from, priority=5, sent_start=sent.start_char))
    return True


def shouted_words(ctx: Context, site: QuoteSite) -> bool:
    """"Insults including “A,” “B” and “C” were hurled at him", « « … » a été tagué sur le mur »:
    quotations inside the subject of a passive verb of ``[cues] shouted_passive`` are slogans
    (ANNOTATION rule 7), each a direct statement of the agent, else of the crowd named before."""
    doc, rules = ctx.doc, ctx.rules
    first = ctx.tok_at(site.quote.start)
    if first is None:
        return False
    tok = doc[first]
    while tok.dep_ != "nsubj:pass" and tok.head.i != tok.i and site.sent.start <= tok.head.i < site.sent.end:
        tok = tok.head
    verb = tok.head
    if tok.dep_ != "nsubj:pass" or verb.idx < site.quote.close or rules.lemma(verb) not in rules.shouted_passive:
        return False
    agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
    mention = None
    if agent is not None:
        a_s, a_e = subtree_range(agent)
        a_s += 1 if low(doc[a_s]) == rules.agent_preposition else 0
        mention = ctx.mention(ctx.cut_mention((a_s, a_e), site.sent))
    elif site.sent.start > 0:
        mention = _crowd_before(ctx, ctx.sent_of(doc[site.sent.start - 1]))
    aux = min((c.i for c in verb.children if c.dep_.startswith("aux") and c.i > tok.i), default=verb.i)
    ctx.cands.append(Cand("direct", site.quote.start, site.quote.end, cue=(doc[aux].idx, verb.idx + len(verb.text)),
                          mention=mention, speaker_from=None if mention else "previous", priority=5,
                          sent_start=site.sent.start_char))
    return True


def _crowd_before(ctx: Context, sent: Span) -> Mention | None:
    """The crowd of the sentence before a passive slogan: its first subject headed by a plural
    noun, with the nouns right before it ("Several angry dock workers were filmed hurling abuse
    …. Insults … were hurled": "dock workers")."""
    subj = next((t for t in sent if t.dep_.startswith("nsubj") and t.pos_ == "NOUN"
                 and "Number=Plur" in str(t.morph)), None)
    if subj is None:
        return None
    start = subj.i
    while start > sent.start and ctx.doc[start - 1].pos_ in ("NOUN", "PROPN") and ctx.doc[start - 1].head == subj:
        start -= 1
    return ctx.mention((start, subj.i + 1))


def _crowd(ctx: Context, first: int | None, sent: Span) -> tuple[int, int] | None:
    """Who chants: the subject of the verb the slogan's phrase depends on (« où 2.000 personnes
    défilaient aux cris de », « Le tireur, criant « … », a fait feu »), climbing at most three
    heads, else the subject of the sentence."""
    doc = ctx.doc
    tok = doc[first] if first is not None else sent.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            rng = subject(doc, tok, ctx.rules)
            if rng is None and "VerbForm=Fin" in str(tok.morph):
                # the parser may miss the subject of a finite verb: the noun phrase right before it
                rng = np_before(doc, tok.i, sent.start)
                while rng is not None and rng[1] - rng[0] > 1 and doc[rng[0]].pos_ == "PRON":
                    rng = (rng[0] + 1, rng[1])  # a relative pronoun: « où 2.000 personnes défilaient »
                if rng is not None and not any(t.pos_ in ("NOUN", "PROPN") for t in doc[rng[0] : rng[1]]):
                    rng = None
            if rng is not None:
                return rng
        if tok.head.i == tok.i or not sent.start <= tok.head.i < sent.end:
            break
        tok = tok.head
    return subject(doc, sent.root, ctx.rules)


def split_quote(ctx: Context, site: QuoteSite) -> bool:
    """« « A », a déclaré X, « B » »: the second half of a quotation split by its cue, with the
    first half's cue and speaker."""
    q, sent = site.quote, site.sent
    if site.term or not site.before.endswith(","):
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


def quote_cue_after(ctx: Context, site: QuoteSite) -> bool:
    """« « … », a déclaré X », « "… !" a tweeté X », « « … », met-elle en garde »: a quotation
    that opens its sentence, right before a cue group that the verb rules left (the tagger took
    the participle for a noun, the cue is a phrase, the parser found no subject after it). The
    speaker is the noun phrase after the group, else its clitic, else the last speaker."""
    doc, rules, q, sent = ctx.doc, ctx.rules, site.quote, site.sent
    close = ctx.tok_at(q.close - 1)
    # a short quotation with a verb of its own is somebody's words (« « Tout est fermé », … »)
    if site.term and not ctx.has_clause(q.start, q.end) or site.before != "" or not q.closed or close is None:
        return False
    j = close + 1
    if j < sent.end and doc[j].text == ",":
        j += 1
    verb = _cue_after(doc, rules, j, min(sent.end, j + 5)) or _inverted_verb(doc, rules, j, sent)
    if verb is None:
        return False
    _, end, clitic = cue_group(doc, verb, rules)
    end = max(end, verb.i + 1 + _phrase_tail(doc, rules, verb))
    mention = None
    speaker_from = None
    if clitic is not None:
        if low(clitic) not in rules.impersonal:
            mention = ctx.mention((clitic.i, clitic.i + 1), "pronoun")
    else:
        rng = np_after(doc, end, sent.end, rules)
        mention = ctx.mention(ctx.cut_mention(rng, sent)) if rng else None
        speaker_from = None if mention else "previous"
    cue = (doc[j].idx, doc[end - 1].idx + len(doc[end - 1].text))
    ctx.cands.append(Cand("direct", q.start, q.end, cue=cue, mention=mention, speaker_from=speaker_from,
                          verb=verb, priority=5, sent_start=sent.start_char))
    return True


def _cue_after(doc: Doc, rules: Rules, j: int, limit: int) -> Token | None:
    """The cue verb of a group starting at token ``j`` (auxiliaries, clitics and adverbs before
    it): a cue by its lemma or its form, whatever the tagger made of it, or any verb with an
    inverted subject clitic (« sourit-il », « a-t-elle souri »: an incise after a quotation)."""
    clitic = False
    for t in doc[j:limit]:
        word = low(t)
        if t.i == j and word in rules.incise_object_clitics:
            continue  # « l'a-t-il félicitée », « leur a lancé X »
        if word in rules.in_group:
            clitic = True
            continue
        if _cue_form(rules, t):
            return t
        if word in rules.aux:
            continue
        inverted = t.i + 1 < len(doc) and low(doc[t.i + 1]) in rules.in_group
        if t.is_alpha and t.is_lower and (clitic or inverted):
            return t
        if not (word in rules.adverbs or t.pos_ == "ADV"):
            return None
    return None


def _inverted_verb(doc: Doc, rules: Rules, j: int, sent: Span) -> Token | None:
    """« « … », se désolait mercredi un commerçant », « « … », sourit Marie Dupont »: any finite
    verb (or participle after its auxiliary) right after a quotation and its comma, with its
    subject after it up to the end of the sentence, is an incise, whatever the verb."""
    k = j
    while k < sent.end and low(doc[k]) in rules.aux:
        k += 1
    if k >= sent.end or k - j > 2:
        return None
    verb = doc[k]
    morph = str(verb.morph)
    # (the tagger may take a present form for a noun: « soupire Marie Dupont »)
    tagged_noun = verb.pos_ == "NOUN" and k + 1 < sent.end and doc[k + 1].pos_ == "PROPN"
    if not verb.is_lower or not (tagged_noun or verb.pos_ == "VERB" and (
            "VerbForm=Fin" in morph or k > j and "VerbForm=Part" in morph)):
        return None
    rng = np_after(doc, k + 1, sent.end, rules)
    if rng is None or not any(t.pos_ in ("NOUN", "PROPN") for t in doc[rng[0] : rng[1]]):
        return None
    rest = [t for t in doc[rng[1] : sent.end] if not t.is_space]
    return verb if not rest or rest[0].text in (".", "!", "?", "…", ",") else None


def _cue_form(rules: Rules, tok: Token) -> bool:
    """Whether a word is a form of a cue verb, or opens a cue phrase (« fait valoir »), even when
    the tagger made a noun of it (« tweeté »)."""
    if tok.is_punct or not tok.text[:1].islower():
        return False
    if rules.is_cue(tok) or _phrase_tail(rules=rules, doc=tok.doc, verb=tok):
        return True
    word = fold(tok.text)
    if word in rules.present_forms or fold(tok.lemma_) in rules.cues:
        return True
    return any(word.endswith(e) and word[: -len(e)] + rules.lemma_ending in rules.cues for e in rules.endings)


def _phrase_tail(doc: Doc, rules: Rules, verb: Token) -> int:
    """How many tokens after ``verb`` complete a cue phrase with its lemma (« met en garde »,
    « met-elle en garde »: an inverted clitic may come between)."""
    k = verb.i + 1
    while k < len(doc) and k <= verb.i + 2 and low(doc[k]) in rules.in_group:
        k += 1
    lemma = fold(verb.lemma_)
    for n in (2, 1):
        words = doc[k : k + n]
        if len(words) == n and " ".join([lemma, *(fold(t.text) for t in words)]) in rules.cues:
            return k + n - verb.i - 1
    return 0


def follow_on_quote(ctx: Context, site: QuoteSite) -> bool:
    """A quotation that is a whole sentence (or more) with no cue: the previous speaker's."""
    q, sent = site.quote, site.sent
    after = ctx.text[q.close : sent.end_char].strip(SPACES)
    # a short quotation is a whole sentence when it ends like one or has a verb of its own
    # (« « Faites le calcul… » », « « Nous reviendrons ». »)
    short = site.term and ctx.text[q.start : q.end].rstrip(SPACES)[-1:] not in SENTENCE_END \
        and not ctx.has_clause(q.start, q.end)
    if short or site.before != "" or after not in ("", ".", "!", "?", "…") or is_heading(ctx.text, q):
        return False
    ctx.cands.append(Cand("direct", q.start, q.end, speaker_from="previous", priority=0, sent_start=sent.start_char))
    return True


def partial_follow_on(ctx: Context, site: QuoteSite) -> bool:
    """« Les résidus se sont déposés « dans les criques et sur les plages », … »: a quotation of
    four words or more inside a narrated sentence that holds no cue, right after a statement:
    the last speaker's own words (ANNOTATION rule 6), the narration around them excluded."""
    q, sent = site.quote, site.sent
    if not q.closed or is_heading(ctx.text, q):
        return False
    in_sent = [c for c in ctx.cands if c.start < sent.end_char and sent.start_char < c.end]
    if any(c.cue is not None or c.speaker_from != "previous" for c in in_sent):
        return False  # the sentence has a statement of its own
    # a shorter quotation is one only after a longer one of the same sentence (« prêts à payer
    # « 2.000 euros par séance », qui peut en exiger « six séances » »)
    if not in_sent and len(ctx.text[q.start : q.end].split()) < PARTIAL_WORDS:
        return False
    k = ctx.sent_at[sent.start]
    prev = ctx.sents[k - 1] if k > 0 else None
    if prev is None or "\n" in ctx.text[prev.end_char : sent.start_char] or not any(
            c.sent_start == prev.start_char for c in ctx.cands):
        return False  # no statement in the sentence before it, in its paragraph
    ctx.cands.append(Cand("direct", q.start, q.end, speaker_from="previous", priority=0, sent_start=sent.start_char))
    return True


def is_heading(text: str, q: Quote) -> bool:
    """Whether a quotation is a sub-heading: a paragraph of its own with no full stop, question
    or exclamation mark, inside the marks or after them (« «Une menace sérieuse» » between two
    paragraphs quotes words that the article gives, with their speaker, further on)."""
    par_start = text.rfind("\n", 0, q.open) + 1
    par_end = text.find("\n", q.close)
    par_end = len(text) if par_end < 0 else par_end
    return (
        q.closed
        and text[par_start : q.open].strip(SPACES) == ""
        and text[q.close : par_end].strip(SPACES) == ""
        and text[q.start : q.end].rstrip(SPACES)[-1:] not in SENTENCE_END
    )


QuoteRule = Callable[[Context, QuoteSite], bool]
# The rules a quotation runs through, in order; the first that takes it ends its turn.
QUOTE_RULES: tuple[QuoteRule, ...] = (
    incise_inside, quote_cue_before, slogan, shouted_words, split_quote, quote_cue_after, follow_on_quote,
    partial_follow_on,
)


def quote_rules(ctx: Context) -> None:
    """Every top-level quotation, in text order, through :data:`QUOTE_RULES`."""
    for q in ctx.quotes:
        site = quote_site(ctx, q)
        if site is None:
            continue
        for rule in QUOTE_RULES:
            if rule(ctx, site):
                break
