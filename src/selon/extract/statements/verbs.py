"""Reporting verbs: each cue verb (``[cues]`` of the pack) runs through :data:`VERB_RULES`, in
order, until one rule takes it:

0. :func:`as_reported` — « CONTENT, comme l'a dit X », « Comme annoncé par X, CONTENT »;
1. :func:`inverted_cue` — « CONTENT, a déclaré X », « « … », a-t-il dit »;
2. :func:`que_clause` — « X a estimé que CONTENT »;
3. :func:`infinitive` — « X dit comprendre CONTENT »;
4. :func:`de_phrase` — « X fait état de CONTENT »;
5. :func:`appeal` — « X a appelé CONTENT » (« les syndicats à manifester », « au calme »);
6. :func:`passive_agent` — « CONTENT ont été recensés par X »;
7. :func:`np_object` — « X dénonce CONTENT ».

A rule appends its candidates to the context and says whether it took the verb.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from selon.extract.candidates import Cand, Mention
from selon.extract.statements.context import Context
from selon.extract.statements.nouns import claim_noun
from selon.extract.statements.phrases import (
    cue_group,
    detached_participle,
    np_after,
    np_before,
    subject,
    subtree_range,
)
from selon.extract.statements.rules import low
from selon.lang.pack import fold


@dataclass(frozen=True)
class VerbGroup:
    """A cue verb with its group: auxiliaries, adverbs and clitic (token range ``start, end``)."""

    verb: Token
    lemma: str
    sent: Span
    start: int
    end: int
    clitic: Token | None
    cue: tuple[int, int]  # character offsets of the group


def verb_group(ctx: Context, verb: Token) -> VerbGroup:
    """The group of ``verb`` in its sentence."""
    doc = ctx.doc
    start, end, clitic = cue_group(doc, verb, ctx.rules)
    cue = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
    return VerbGroup(verb, ctx.rules.lemma(verb), ctx.sent_of(verb), start, end, clitic, cue)


def reports(ctx: Context, verb: Token) -> bool:
    """Whether a cue verb reports anything: not inside somebody's quotation, not negated, not
    an infinitive under a verb that is no cue."""
    q = ctx.in_quote(verb.idx)
    if q is not None and not ctx.quote_is_term(q):
        return False  # words inside somebody's quotation are theirs, not the article's cues
    if any(c.dep_ == "advmod" and "Polarity=Neg" in str(c.morph) for c in verb.children):
        return False  # « la police n'a pas confirmé … »: nothing was said
    if "VerbForm=Inf" not in str(verb.morph) or verb.head.i == verb.i:
        return True
    if caused_speaker(ctx, verb) is not None:
        return True  # "…, prompting the minister to point out that …": the minister speaks
    # « ne permettait de dire que … »: an infinitive under a non-cue verb reports nothing;
    # « a dit espérer que … »: the infinitive is what its governing cue reports
    return ctx.rules.is_cue(verb.head) and not (
        verb.dep_ == "xcomp" and ctx.rules.lemma(verb.head) in ctx.rules.infinitive_cues) or purpose_infinitive(ctx, verb)


def purpose_infinitive(ctx: Context, verb: Token) -> bool:
    """« Des taxis ont bloqué les gares pour dénoncer la concurrence », « il en a profité pour
    réclamer … »: the purpose infinitive of a cue (``[cues] purpose``), marked by ``[cues]
    purpose_markers`` and attached to a verb, reports what its clause's subject says."""
    rules = ctx.rules
    return (verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX") and rules.lemma(verb) in rules.purpose
            and any(c.dep_ == "mark" and low(c) in rules.purpose_markers for c in verb.children))


def purpose_subject(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """Who acts with the purpose of a purpose infinitive (token range): the subject of the verb it
    depends on (« X a bloqué les gares pour dénoncer … »), or that verb's object when an
    infinitive of its own makes the object act (« une journée qui a vu des taxis bloquer les
    gares pour dénoncer … »: the taxis; the parser may also hang that infinitive on the object)."""
    head = verb.head
    acting = any(c.dep_ == "xcomp" and c.i < verb.i and "VerbForm=Inf" in str(c.morph) for c in head.children)
    obj = next((c for c in head.children if c.dep_ == "obj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")), None)
    if acting and obj is not None:
        return subtree_range(obj)
    if head.dep_ == "acl" and "VerbForm=Inf" in str(head.morph) and head.head.pos_ in ("NOUN", "PROPN") \
            and head.head.i < head.i:
        return head.head.left_edge.i, head.i  # « … a vu des routiers bloquer le port pour réclamer … »
    return subject(ctx.doc, head, ctx.rules)


def participle_noun(ctx: Context, g: VerbGroup) -> tuple[int, int] | None:
    """"quoted officials saying that …", "factions calling for …": a present participle cue right
    after the noun it qualifies (no comma between) has that noun phrase for its speaker (not a
    report or speech noun: "a statement saying" is its author's)."""
    verb, rules = g.verb, ctx.rules
    head = verb.head
    feats = rules.participle_clause
    if verb.dep_ != "acl" or head.i != g.start - 1 or head.pos_ not in ("NOUN", "PROPN") or not feats \
            or not all(f in str(verb.morph) for f in feats):
        return None
    if fold(head.lemma_) in rules.report_nouns or fold(head.lemma_) in rules.speech_nouns:
        return None
    return np_before(ctx.doc, g.start, g.sent.start)


def caused_speaker(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """The object of a causative verb (``[cues] causative``) over a cue infinitive ("prompting
    the French government to accuse …"), as a token range: the infinitive's speaker."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i or fold(head.lemma_) not in ctx.rules.causative:
        return None
    obj = next((c for c in head.children if c.dep_ == "obj" and head.i < c.i < verb.i), None)
    return subtree_range(obj) if obj is not None and obj.right_edge.i < verb.i else None


# -- the speaker of a verb's statement -------------------------------------------------------------
def add_verb_cand(ctx: Context, start: int, end: int, g: VerbGroup, cue: tuple[int, int], priority: int) -> None:
    """Append an indirect statement of the verb ``g`` with its content ``start, end``, and the
    mention of its speaker: the clitic, the subject, or the noun phrase before the group — else
    where the speaker rules must look (the governing cue's speaker, a relative's antecedent)."""
    doc, verb = ctx.doc, g.verb
    resumed = verb.head.head
    if verb.dep_ == "acl:relcl" and verb.i < resumed.i and doc[resumed.i - 1].text == ",":
        # "the unions, which argued that the plan was unfair, left …": the sentence the relative
        # clause interrupts resumes after its comma
        end = min(end, doc[resumed.i - 1].idx)
    start, end = ctx.trim(start, end)
    if end - start < 3:
        return
    mention: Mention | None = None
    speaker_from = None
    if g.clitic is not None:
        mention = ctx.mention((g.clitic.i, g.clitic.i + 1), "pronoun")
    else:
        rng = subject(doc, verb, ctx.rules) or caused_speaker(ctx, verb) or participle_noun(ctx, g)
        if rng is None and purpose_infinitive(ctx, verb):
            rng = purpose_subject(ctx, verb)
        if rng is not None and detached_participle(doc, verb, rng, g.start):
            rng = None  # « … des saucisses, ajoutant que … »: the participle speaks for its head
        if rng is None and verb.dep_ != "conj" and (
            "VerbForm=Fin" in str(verb.morph) or any(c.dep_.startswith("aux") for c in verb.children)
            or verb.pos_ not in ("VERB", "AUX")  # a cue the tagger took for a noun
            or g.start < verb.i and low(doc[g.start]) in ctx.rules.aux  # an auxiliary the parser lost
        ):
            rng = np_before(doc, g.start, g.sent.start)
            if rng is not None and not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[rng[0] : rng[1]]):
                rng = None
        if rng is None:
            if verb.dep_ in ("advcl", "conj", "xcomp", "acl") or "VerbForm=Part" in str(verb.morph):
                speaker_from = "head"
            elif verb.dep_ == "acl:relcl":
                speaker_from = "relative"
        else:
            rng = ctx.cut_mention(rng, g.sent)
            mention = ctx.mention(rng)
            if mention is not None and low(mention.span.root) in ctx.rules.relative_subject:
                speaker_from = "relative"
                mention = ctx.mention(rng, "relative")
    ctx.cands.append(
        Cand("indirect", start, end, cue=cue, mention=mention, speaker_from=speaker_from, head_cue=verb.head,
             verb=verb, priority=priority, sent_start=g.sent.start_char)
    )


# -- 0. « comme l'a dit X » ----------------------------------------------------------------------
def as_reported(ctx: Context, g: VerbGroup) -> bool:
    """« Comme annoncé par X, CONTENT », « CONTENT, comme l'a dit X », « Une solution qui, comme
    l'explique X, CONTENT »: the cue attributes the clause around it, like « selon X »."""
    doc, rules, sent = ctx.doc, ctx.rules, g.sent
    k = g.start - 1
    if k > sent.start and low(doc[k]) in rules.object_clitics:
        k -= 1
    subj = None
    if k > sent.start and low(doc[k]) in rules.subject_clitics:
        subj = ctx.mention((k, k + 1), "pronoun")  # « comme il l'a déclaré »
        k -= 1
    if k < sent.start or low(doc[k]) not in rules.as_reported:
        return False
    # the source: the clitic, the agent (« annoncé par X ») or the inverted subject
    after = g.end
    if subj is None:
        if after < sent.end and low(doc[after]) == rules.agent_preposition:
            after += 1
        rng = np_after(doc, after, sent.end, rules, open_end=False)
        if rng is None:
            return False
        rng = ctx.cut_mention(rng, sent)
        subj = ctx.mention(rng)
        after = rng[1]
    while after < sent.end and doc[after].pos_ != "PUNCT":
        after += 1  # « comme il l'a déclaré dans un entretien au Parisien »
    rest = after + 1 if after < sent.end and doc[after].text == "," else None
    if _opens_clause(ctx, k, sent):
        if rest is None or rest >= sent.end:
            return False
        q = next((q for q in ctx.quotes if q.open == doc[rest].idx), None)
        if q is not None:  # « Comme l'explique X, « … » »: X's own words
            ctx.cands.append(Cand("direct", q.start, q.end, cue=(doc[k].idx, g.cue[1]), mention=subj, verb=g.verb,
                                  priority=5, sent_start=sent.start_char))
            return True
        start, end = doc[rest].idx, ctx.clause_end(rest, sent)
    else:
        first = next((j + 1 for j in range(k - 1, sent.start - 1, -1) if doc[j].text in (":", ";")), sent.start)
        start = doc[first].idx
        # « il a ajouté que …, comme il l'a déclaré au Parisien »: a restatement of a statement
        # already cued ends that statement's content, and adds none
        cued = [c for c in ctx.cands if c.sent_start == sent.start_char and c.cue and start <= c.cue[0] < doc[k].idx]
        if cued:
            for c in cued:
                if c.start < doc[k].idx < c.end:
                    c.end = ctx.trim(c.start, doc[k].idx)[1]
            return True
        end = ctx.clause_end(rest, sent) if rest is not None and rest < sent.end else doc[k - 1].idx
    start, end = ctx.trim(ctx.skip_dateline(start), end)
    if end - start < 8:
        return False
    ctx.cands.append(Cand("indirect", start, end, cue=(doc[k].idx, g.cue[1]), mention=subj, verb=g.verb,
                          priority=3, sent_start=sent.start_char))
    return True


def _opens_clause(ctx: Context, k: int, sent: Span) -> bool:
    """Whether token ``k`` opens its sentence (punctuation and conjunctions aside)."""
    doc = ctx.doc
    return all(t.is_punct or t.is_space or t.pos_ == "CCONJ" for t in doc[sent.start : k])


# -- 1. inverted cues ----------------------------------------------------------------------------
def inverted_cue(ctx: Context, g: VerbGroup) -> bool:
    """« CONTENT, a déclaré X » / « « … », a-t-il dit »: an incise after its content, with its
    subject after it. A quotation that is the whole content makes a direct statement."""
    doc = ctx.doc
    prev = doc[g.start - 1] if g.start > g.sent.start else None
    incise = prev is not None and (opens_incise(ctx, g.start) or g.clitic is not None and prev.idx + 1 in ctx.closing_ends)
    if not incise or not _is_incise(ctx, g):
        return False
    if g.clitic is not None:
        subj = _clitic_subject(ctx, g)
    else:
        subj = _subject_after(ctx, g)
        if subj is None:
            return False
    return _content_before(ctx, g, g.start, subj)


def _content_before(ctx: Context, g: VerbGroup, incise: int, subj: Mention | None) -> bool:
    """The statement of an incise that starts at token ``incise``: the clause before it, to the
    comma, direct when quotations make it up."""
    doc = ctx.doc
    # the content runs from the clause start to the comma before the cue
    before = incise - 1
    while before > g.sent.start and (doc[before].text == "," or doc[before].is_space):
        before -= 1
    end_char = doc[before].idx + len(doc[before].text)
    # a quotation ending right there is a direct statement, and so is one that words set off by
    # a comma introduce or follow (« « … », la place qu'ils bloquent, a-t-il ajouté », « Sur ce
    # total, « … », a-t-il assuré »: Context.detached_quote), and each of a list
    q = ctx.quote_ending_at(end_char)
    if q is not None and ctx.quote_starts_clause(q, g.sent):
        quotes = [q]
    else:
        quotes = ctx.quoted_contents(ctx.skip_dateline(g.sent.start_char), end_char)
    for q in quotes:
        ctx.cands.append(Cand("direct", q.start, q.end, cue=g.cue, mention=subj, verb=g.verb, priority=5,
                              sent_start=g.sent.start_char))
    if quotes:
        return True
    start, end = ctx.trim(ctx.skip_dateline(g.sent.start_char), end_char)
    if end - start < 8 or not _has_verb_or_quote(ctx, g.sent.start, before + 1):
        return False  # « Dany, 29 ans, résume … »: an apposition, not a reported clause
    ctx.cands.append(Cand("indirect", start, end, cue=g.cue, mention=subj, verb=g.verb, priority=4,
                          sent_start=g.sent.start_char))
    return True


def subject_incise(ctx: Context, g: VerbGroup) -> bool:
    """« "CONTENT," Smith said. », « CONTENT, the union said on Tuesday. »: an incise whose
    subject comes before its verb, right after the comma that ends the content. The content is
    the verb's own clausal complement (or quotations), and nothing after the verb reports
    anything (no clause of its own before the next comma)."""
    doc, sent, verb = ctx.doc, g.sent, g.verb
    rng = subject(doc, verb, ctx.rules)
    if rng is None or rng[1] != g.start or rng[0] <= sent.start + 1 or not opens_incise(ctx, rng[0]):
        return False
    medial = _medial_incise(ctx, verb, rng[0], g.end)
    complement = medial or any(c.dep_ in ("ccomp", "parataxis") and c.i < rng[0] for c in verb.children)
    end_char = doc[rng[0] - 1].idx + len(doc[rng[0] - 1].text)
    if not complement and not ctx.quoted_contents(ctx.skip_dateline(sent.start_char), end_char):
        return False
    adverbial = {x.i for c in verb.children if c.dep_ == "advcl" and c.i > g.end and any(
        m.dep_ == "mark" for m in c.children) for x in c.subtree}  # "… tweeted as the clashes unfolded"
    for t in doc[g.end : sent.end]:
        if t.text in (",", ";", ":") or t.is_sent_end:
            break
        if t.i in adverbial:
            continue
        if "VerbForm=Fin" in str(t.morph) or low(t) in ctx.rules.que or t.dep_ in ("ccomp", "xcomp"):
            return False  # « …, the minister said the protests would end »: a clause of its own
    subj = ctx.mention(ctx.cut_mention(rng, sent))
    if subj is None:
        return False
    if not _content_before(ctx, g, rng[0], subj):
        return False
    if medial:
        _content_after_incise(ctx, g, subj)
    return True


def _medial_incise(ctx: Context, verb: Token, subj_start: int, group_end: int) -> bool:
    """Whether an incise stands inside the clause it reports, the parser's parataxis of a head
    outside it ("A, the paper suggested, and B", "even if A, it added, B"); not before a
    quotation, which the quotation rules take ("When A, she said, “B”")."""
    if verb.dep_ != "parataxis" or subj_start <= verb.head.i < group_end:
        return False
    after = _after_incise(ctx, group_end, ctx.sent_of(verb))
    return after is not None and not ctx.rules.is_mark(ctx.doc[after])


def _after_incise(ctx: Context, j: int, sent: Span) -> int | None:
    """The first word after the comma that closes an incise whose group ends at token ``j`` (past
    a conjunction), or None when a clause of the incise's own, or the sentence, ends first."""
    doc = ctx.doc
    while j < sent.end and doc[j].text != ",":
        if "VerbForm=Fin" in str(doc[j].morph) or doc[j].text in (";", ":"):
            return None
        j += 1
    j += 1
    while j < sent.end and (doc[j].pos_ == "CCONJ" or doc[j].is_space):
        j += 1
    return j if j < sent.end else None


def _content_after_incise(ctx: Context, g: VerbGroup, subj: Mention) -> None:
    """The rest of the clause after a medial incise, from the comma that closes it (past a
    conjunction) to the clause end: a second statement of the same speaker, as a quotation
    split by its cue gives two (ANNOTATION rule 1)."""
    doc, sent = ctx.doc, g.sent
    j = _after_incise(ctx, g.end, sent)
    if j is None:
        return
    start, end = ctx.trim(doc[j].idx, ctx.clause_end(j, sent))
    if len(ctx.text[start:end].split()) < 3:
        return
    ctx.cands.append(Cand("indirect", start, end, cue=g.cue, mention=subj, verb=g.verb, priority=4,
                          sent_start=sent.start_char))


def opens_incise(ctx: Context, i: int) -> bool:
    """Whether token ``i`` may open an incise: right after a comma, or after a closing quotation
    mark with a comma, question or exclamation mark just inside it (« "…," said Smith »)."""
    doc = ctx.doc
    if i < 2:
        return False
    prev = doc[i - 1]
    return prev.text == "," or prev.idx + len(prev.text) in ctx.closing_ends and doc[i - 2].text in (",", "?", "!")


def _has_verb_or_quote(ctx: Context, start: int, end: int) -> bool:
    """Whether tokens ``start, end`` hold a clause: a finite verb, or a quotation."""
    return any("VerbForm=Fin" in str(t.morph) or ctx.rules.is_mark(t) for t in ctx.doc[start:end])


def _is_incise(ctx: Context, g: VerbGroup) -> bool:
    """An incise has its subject after it, no subject before, no object, and a finite verb or a
    past participle (« affirmant que » is a participle clause, not an incise)."""
    doc, verb = ctx.doc, g.verb
    # « Le maire, Jean Dupont, a condamné … »: the comma closes the subject's apposition
    opening = ctx.quote_ending_at(doc[g.start - 2].idx + len(doc[g.start - 2].text)) if g.start >= 2 else None
    # (« « A », une dissimulation « B », a-t-il poursuivi »: quotations that are the content)
    quoted_clause = opening is not None and (
        ctx.quote_starts_clause(opening, g.sent)
        or len(ctx.quoted_contents(ctx.skip_dateline(g.sent.start_char), opening.close)) > 1)

    def apposed_subject(c: Token) -> bool:
        # a subject noun phrase running up to the comma, with no verb of its own outside a
        # relative clause of its own ("the report, which was submitted on Friday, found")
        return (c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i and c.right_edge.i >= g.start - 2
                and c.pos_ in ("NOUN", "PROPN") and not any(
                    "VerbForm=Fin" in str(t.morph) and not in_relative_of(t, c) for t in doc[c.left_edge.i : g.start]))

    if not quoted_clause and any(apposed_subject(c) for c in verb.children):
        return False
    morph = str(verb.morph)
    participle_clause = ctx.rules.participle_clause
    return not (participle_clause and all(f in morph for f in participle_clause)) and not bare_past_participle(ctx, g)


def bare_past_participle(ctx: Context, g: VerbGroup) -> bool:
    """« Peter Dupont, condamné à 15 ans de prison, … », « X, cité par l'AFP »: a past participle
    with no auxiliary in its group and no subject of its own describes a noun; it introduces no
    inverted subject (a present tense the tagger took for a participle keeps its subject)."""
    verb = g.verb
    return g.start == verb.i and "VerbForm=Part" in str(verb.morph) and "Tense=Past" in str(verb.morph) \
        and g.clitic is None and not any(c.dep_.startswith("aux") or c.dep_ in ("nsubj", "nsubj:pass")
                                         for c in verb.children)


def in_relative_of(t: Token, noun: Token) -> bool:
    """Whether ``t`` lies in a relative clause of ``noun`` (« Le rapport, qui a été remis vendredi,
    conclut … »: the subject's own clause, no reported one before an incise)."""
    while t.i != noun.i and t.head.i != t.i:
        if t.dep_ == "acl:relcl" and t.head.i == noun.i:
            return True
        t = t.head
    return False


def _clitic_subject(ctx: Context, g: VerbGroup) -> Mention | None:
    """The clitic of an inverted cue (« a-t-elle ajouté »); for the impersonal one (« a-t-on
    appris »), the source named after it, if any."""
    assert g.clitic is not None
    if low(g.clitic) in ctx.rules.impersonal:
        return _source_after_on(ctx, g.end, g.sent)
    return ctx.mention((g.clitic.i, g.clitic.i + 1), "pronoun")


def _subject_after(ctx: Context, g: VerbGroup) -> Mention | None:
    """The inverted subject after the group: the parser's, unless the surface noun phrase starts
    earlier or the parser's runs too long."""
    rng = None
    for child in g.verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and child.i > g.verb.i:
            rng = subtree_range(child)
            rng = (max(rng[0], g.end), rng[1])
            break
    surface = np_after(ctx.doc, g.end, g.sent.end, ctx.rules)
    if surface is not None and (rng is None or surface[0] <= rng[0] or rng[1] - rng[0] > 12):
        rng = surface
    if rng is not None:
        rng = ctx.cut_mention(rng, g.sent)
    return ctx.mention(rng)


def _source_after_on(ctx: Context, i: int, sent: Span) -> Mention | None:
    """« a-t-on appris de source policière », « a-t-on appris mardi de sources concordantes »,
    « a-t-on appris auprès du parquet »: the source is the speaker."""
    doc, rules = ctx.doc, ctx.rules
    j = i
    while j < sent.end and low(doc[j]) not in rules.source_prepositions and (
            doc[j].pos_ == "ADV" or doc[j].is_space or low(doc[j]) in rules.skip_after_cue):
        j += 1
    if j < sent.end and low(doc[j]) in rules.source_prepositions and j + 1 < sent.end:
        k = j + 1
        if low(doc[j]) not in rules.of_forms and low(doc[k]) in rules.of_forms and k + 1 < sent.end:
            k += 1  # « auprès du parquet »: the mention starts after the « de » of the preposition
        rng = np_after(doc, k, sent.end, rules, allow_skip=False)
        if rng is not None:
            return ctx.mention(rng)
    return None


# -- 2b. bare clauses ----------------------------------------------------------------------------
def bare_clause(ctx: Context, g: VerbGroup) -> bool:
    """« X said (that) CONTENT » without its complementiser (English drops it): the verb's clausal
    complement right after the group, past an addressee or a short adverbial (« told reporters
    he … », « said on Tuesday the protests … »)."""
    doc, sent = ctx.doc, g.sent
    for c in g.verb.children:
        if c.dep_ != "ccomp" or c.i < g.end or not any(x.dep_.startswith("nsubj") or x.dep_ in ("expl", "csubj")
                                                       for x in c.children):
            continue
        if any(x.dep_ == "mark" for x in c.children):
            return False  # « asked whether … »: a question, or a clause que_clause left
        start = max(c.left_edge.i, g.end)
        between = doc[g.end : start]
        if g.lemma not in ctx.rules.appeal and _subject_taken_for_object(g, start):
            start = g.end  # "said those who “…” the protests are …": the clause's subject, parsed as the verb's object
        elif len(between) > 8 or any(t.is_punct or "VerbForm=Fin" in str(t.morph) for t in between):
            return False
        add_verb_cand(ctx, doc[start].idx, ctx.clause_end(start, sent), g, g.cue, priority=3)
        return True
    return False


def _subject_taken_for_object(g: VerbGroup, start: int) -> bool:
    """Whether the words between a cue and its clausal complement (from token ``start``) are one
    pronoun object with its relative clause ("said those who excuse it are complicit"): the
    parser took the clause's subject for the cue's object (not after a verb that takes an
    addressee, "told those who came the hall was shut")."""
    obj = next((c for c in g.verb.children if c.dep_ == "obj" and c.i == g.end), None)
    return obj is not None and obj.pos_ == "PRON" and obj.right_edge.i + 1 == start \
        and any(c.dep_ == "acl:relcl" for c in obj.children)


# -- 2. que-clauses ------------------------------------------------------------------------------
def que_clause(ctx: Context, g: VerbGroup) -> bool:
    """« X a estimé que CONTENT »: the clause after the complementiser (found, the verb is
    taken even when the clause is empty)."""
    que = _que_after(ctx, g)
    if que is None:
        return False
    if que + 1 < g.sent.end:
        start = ctx.doc[que + 1].idx
        add_verb_cand(ctx, start, ctx.clause_end(que + 1, g.sent), g, g.cue, priority=3)
    return True


def _que_after(ctx: Context, g: VerbGroup) -> int | None:
    """The complementiser after the verb group, before another verb, cue or sentence end."""
    doc, rules = ctx.doc, ctx.rules
    j = g.end
    limit = min(g.sent.end, g.end + 12)
    while j < limit:
        t = doc[j]
        if low(t) in rules.que and t.dep_ != "fixed" and (j == 0 or low(doc[j - 1]) not in rules.not_before_que):
            return j
        if t.pos_ in ("VERB",) and j > g.end and t.dep_ != "fixed" or t.text in (".", ";", "?", "!") or (
            rules.is_mark(t) and j > g.end + 1
        ):
            return None
        if rules.is_cue(t) and t.i != g.verb.i:
            return None
        j += 1
    return None


# -- 3. infinitives ------------------------------------------------------------------------------
def infinitive(ctx: Context, g: VerbGroup) -> bool:
    """« X dit comprendre CONTENT », « affirmant avoir été touché »: an infinitive complement
    of a verb of ``[cues] infinitive``."""
    if g.lemma not in ctx.rules.infinitive_cues:
        return False
    inf = _infinitive_after(ctx, g)
    if inf is None:
        return False
    while inf + 1 < g.sent.end and low(ctx.doc[inf]) in ctx.rules.infinitive_markers:
        inf += 1  # « pledged to raise … »: the marker opens no content
    # « ont appelé à se mobiliser à Valence, où … »: a request ends before a relative clause
    request = g.lemma in ctx.rules.appeal
    add_verb_cand(ctx, ctx.doc[inf].idx, ctx.clause_end(inf, g.sent, np_only=request, request=request), g, g.cue,
                  priority=2)
    return True


def gerund(ctx: Context, g: VerbGroup) -> bool:
    """"He recounted on the radio having been surprised …", "denied taking the money": the gerund
    complement of a verb of ``[cues] gerund`` (its first word a present participle), past an
    adverbial."""
    if g.lemma not in ctx.rules.gerund_cues or not ctx.rules.participle_clause:
        return False
    doc = ctx.doc
    for child in g.verb.children:
        if child.dep_ not in ("xcomp", "ccomp", "advcl") or child.i < g.end or any(
                c.dep_ == "mark" for c in child.children):
            continue  # (the parser may take the gerund for an adverbial clause: not one its conjunction opens)
        first = doc[max(child.left_edge.i, g.end)]
        if first.pos_ in ("VERB", "AUX") and all(f in str(first.morph) for f in ctx.rules.participle_clause) \
                and _adverbials_only(ctx, g.end, first.i):
            add_verb_cand(ctx, first.idx, ctx.clause_end(first.i, g.sent), g, g.cue, priority=2)
            return True
    return False


def _infinitive_after(ctx: Context, g: VerbGroup) -> int | None:
    """The first token of the verb's infinitive complement: the parser's (a compound infinitive
    « avoir ouvert », « avoir été victime » starts at its auxiliary), else an infinitive right
    after the group or after an adverbial (« a annoncé dimanche sur Twitter avoir secouru »)."""
    doc = ctx.doc
    for child in g.verb.children:
        if child.dep_ not in ("xcomp", "ccomp") or child.i < g.end:
            continue
        if "VerbForm=Inf" in str(child.morph):
            inf: Token | None = child
            start = max(child.left_edge.i, g.end)
        else:
            inf = next((t for t in doc[max(child.left_edge.i, g.end) : child.i] if _is_infinitive(t)), None)
            start = _clitics_before(ctx, inf.i, g.end) if inf is not None else g.end
        # « a annoncé l'intention de la région de déposer … »: not the verb's own complement
        if inf is not None and _adverbials_only(ctx, g.end, start):
            return start
    j = _infinitive_near(ctx, g.end, g.sent.end, stop_at_prepositions=False)
    if j is None:
        j = _infinitive_near(ctx, _past_adverbials(ctx, g.end, g.sent.end), g.sent.end, stop_at_prepositions=True)
    return _clitics_before(ctx, j, g.end) if j is not None and _adverbials_only(ctx, g.end, j) else None


def _infinitive_near(ctx: Context, j: int, limit: int, stop_at_prepositions: bool) -> int | None:
    """An infinitive within a few words from ``j``, before any noun, verb or punctuation."""
    doc = ctx.doc
    start = j
    while j < limit and j < start + 5:
        t = doc[j]
        if _is_infinitive(t):
            return j
        if t.is_punct and not ctx.rules.is_mark(t) or t.pos_ in ("NOUN", "PROPN", "VERB", "SCONJ") and "Inf" not in str(
                t.morph) or (stop_at_prepositions and t.pos_ == "ADP"):  # (« à « manifester » »: a mark is no stop)
            return None
        j += 1
    return None


# Time entities (the NER's labels): a phrase about one is a time adverbial.
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _past_time_phrase(doc: Doc, j: int, limit: int) -> int:
    """Past a prepositional phrase about a time (the NER's date or time, "on Tuesday", "last
    week") at token ``j``, else ``j``."""
    k = j + 1 if doc[j].pos_ == "ADP" else j
    if k >= limit or doc[k].ent_type_ not in TIME_ENTITIES:
        return j
    while k < limit and doc[k].ent_type_ in TIME_ENTITIES:
        k += 1
    return k


def _past_adverbials(ctx: Context, j: int, limit: int) -> int:
    """Skip time words, adverbs and short prepositional phrases (« samedi », « sur son site »,
    « à l'AFP ») after a cue group."""
    doc, rules = ctx.doc, ctx.rules
    while j < limit:
        t = doc[j]
        if low(t) in rules.skip_after_cue or t.pos_ == "ADV":
            j += 1
        elif t.pos_ == "ADP" and low(t) in rules.adverbial_prepositions:
            k = j + 1
            while k < limit and doc[k].pos_ == "DET":
                k += 1
            if k >= limit or doc[k].pos_ not in ("NOUN", "PROPN", "NUM"):
                return j
            while k < limit and doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
                k += 1
                # « en fin de journée »: a bare noun after « de » is still the adverbial's
                if k + 1 < limit and low(doc[k]) in rules.of_forms and doc[k + 1].pos_ == "NOUN":
                    k += 1
            j = k
        else:
            return j
    return j


def _adverbial_end(ctx: Context, j: int, sent: Span) -> int:
    """The end of a short prepositional adverbial opening at ``j`` (« dans un tweet », « à
    l'AFP »), or ``j`` when none opens there."""
    doc = ctx.doc
    k = j + 1
    while k < sent.end and doc[k].pos_ == "DET":
        k += 1
    if k >= sent.end or doc[k].pos_ not in ("NOUN", "PROPN"):
        return j
    while k < sent.end and doc[k].pos_ in ("NOUN", "PROPN", "ADJ"):
        k += 1
    return k


def _is_infinitive(t: Token) -> bool:
    return "VerbForm=Inf" in str(t.morph) and t.pos_ in ("VERB", "AUX")


def _adverbials_only(ctx: Context, start: int, end: int) -> bool:
    """Whether the words between a cue group and its infinitive are a short adverbial (« dimanche »,
    « sur Twitter »), not an object or a clause of their own."""
    between = ctx.doc[start:end]
    return len(between) <= 6 and not any(
        t.is_punct or t.dep_ in ("obj", "nsubj", "iobj") or t.pos_ in ("VERB", "SCONJ") for t in between)


def _clitics_before(ctx: Context, i: int, limit: int) -> int:
    """An infinitive's start, with the negation and clitics that belong to it (« dit ne pas
    avoir vu », « affirme en avoir terminé »)."""
    doc = ctx.doc
    while i > limit and doc[i - 1].pos_ in ("ADV", "PRON", "ADP", "PART") and doc[i - 1].head.i >= i:
        i -= 1
    return i


# -- 4. « faire état de » ------------------------------------------------------------------------
def de_phrase(ctx: Context, g: VerbGroup) -> bool:
    """« X fait état de CONTENT », « X parle de CONTENT »: a verb + preposition cue of
    ``[cues] de_phrases`` and the noun phrase after it."""
    found = find_de_phrase(ctx, g.verb, g.end, g.sent)
    if found is None:
        return False
    start, end, cue = found
    add_verb_cand(ctx, start, end, g, cue, priority=2)
    return True


def uncued_de_phrase(ctx: Context, verb: Token) -> bool:
    """:func:`de_phrase` for a verb that is no cue by itself (« faire » of « faire état de »),
    outside any quotation."""
    if verb.pos_ not in ("VERB", "AUX") or fold(verb.lemma_) not in ctx.rules.de_heads:
        return False
    g = verb_group(ctx, verb)
    found = find_de_phrase(ctx, verb, g.end, g.sent)
    if found is None or ctx.in_quote(verb.idx) is not None:
        return False
    start, end, cue = found
    add_verb_cand(ctx, start, end, g, cue, priority=2)
    return True


def find_de_phrase(ctx: Context, verb: Token, c_end: int, sent: Span) -> tuple[int, int, tuple[int, int]] | None:
    """The content (character offsets) and the cue (verb to preposition) of a de-phrase cue."""
    doc, rules = ctx.doc, ctx.rules
    lemma = rules.lemma(verb)  # « qui alerte sur … » read as a noun: the cue's lemma from its form
    for phrase in rules.de_cues:
        if phrase[0] != lemma:
            continue
        j = _match_words(ctx, phrase[1:], c_end, sent)
        if j is None:
            continue
        cue_end = doc[j - 1]
        start = j if low(doc[j - 1]) in rules.cue_prepositions else j - 1
        if low(doc[j - 1]) in rules.of_contracted:
            start = j - 1
        end = ctx.clause_end(start, sent, np_only=True, request=lemma in rules.appeal)
        end = np_before_verb_modifier(ctx, verb, start, end)
        return doc[start].idx, end, (doc[verb.i].idx, cue_end.idx + len(cue_end.text))
    return None


def _match_words(ctx: Context, words: tuple[str, ...], j: int, sent: Span) -> int | None:
    """The token after ``words`` matched from ``j`` on (adverbs between them skipped; « de »
    matches its elided and contracted forms), or None."""
    doc, rules = ctx.doc, ctx.rules
    for k, w in enumerate(words):
        while j < sent.end and doc[j].pos_ == "ADV" and low(doc[j]) != w:
            j += 1
        if k > 0 and j < sent.end and low(doc[j]) != w:
            j = _past_adverbials(ctx, j, sent.end)  # « faisaient état en 2017 de … »
        elif k == 0 and j < sent.end and low(doc[j]) != w:
            j = _past_time_phrase(doc, j, sent.end)  # "alluded on Tuesday to …"
        if j < sent.end and (low(doc[j]) == w or w == rules.of and (low(doc[j]) in rules.of_elided
                                                                      or low(doc[j]) in rules.of_contracted)):
            j += 1
        else:
            return None
    return j


# -- 5. appeals and requests --------------------------------------------------------------------
def appeal(ctx: Context, g: VerbGroup) -> bool:
    """« X a appelé les syndicats à manifester », « X demande au maire de démissionner », « X a
    appelé au calme »: a verb of ``[cues] appeal`` with its addressee and what it asks; the
    content runs from the addressee to the end of the clause."""
    if g.lemma not in ctx.rules.appeal:
        return False
    if any(c.dep_ == "aux:pass" for c in g.verb.children):
        return passive_request(ctx, g)  # « a été invité à Paris »: the subject is addressed, not speaking
    doc, rules, sent = ctx.doc, ctx.rules, g.sent
    j = g.end
    while j < sent.end and (low(doc[j]) in rules.skip_after_cue or doc[j].pos_ == "ADV"):
        j += 1  # « a appelé mardi … », « a notamment demandé … »
    if j + 1 >= sent.end:
        return False
    if low(doc[j]) in rules.addressee_prepositions:
        if _is_infinitive(doc[j + 1]):
            return False  # « demande à rester anonyme »: no addressee
    elif _asked_after(ctx, j, sent) is None or not (doc[j].pos_ in ("DET", "PROPN", "NOUN") or rules.is_mark(doc[j])
                                                   or doc[j].pos_ == "PRON" and doc[j].dep_ in ("obj", "iobj")):
        # (a pronoun object is an addressee too: « appelle chacun à … », "urged them to …")
        return False
    add_verb_cand(ctx, doc[j].idx, ctx.clause_end(j, sent, np_only=True, request=True), g, g.cue, priority=2)
    return True


def passive_request(ctx: Context, g: VerbGroup) -> bool:
    """"Residents were advised not to leave bins out", "shop owners were urged by the police to
    close": a passive request reports what is asked (its infinitive complement, negation and
    marker included), the agent speaking, else no one named; the subject is only addressed."""
    doc, verb = ctx.doc, g.verb
    inf = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > g.end and "VerbForm=Inf" in str(c.morph)), None)
    if inf is None:
        return False
    agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
    start = inf.left_edge.i
    if agent is not None and agent.i < inf.i:
        start = max(start, agent.right_edge.i + 1)
    if not _adverbials_only(ctx, g.end, start) and (agent is None or agent.left_edge.i != g.end):
        return False
    mention = None
    if agent is not None:
        a_s, a_e = subtree_range(agent)
        a_s += 1 if low(doc[a_s]) == ctx.rules.agent_preposition else 0
        mention = ctx.mention(ctx.cut_mention((a_s, a_e), g.sent))
    s_, e_ = ctx.trim(doc[start].idx, ctx.clause_end(start, g.sent, np_only=True, request=True))
    if e_ - s_ < 3:
        return False
    ctx.cands.append(Cand("indirect", s_, e_, cue=g.cue, mention=mention, verb=verb, priority=2,
                          sent_start=g.sent.start_char))
    return True


def _asked_after(ctx: Context, j: int, sent: Span) -> int | None:
    """Where what is asked starts after an addressee at ``j``: « à » or « de » followed by an
    infinitive, a few words on, with no punctuation or verb before (« les habitants à rester »)."""
    doc, rules = ctx.doc, ctx.rules
    for k in range(j + 1, min(sent.end, j + 10)):
        t = doc[k]
        if low(t) in rules.appeal_complements and _infinitive_near(
                ctx, k + 1, min(sent.end, k + 4), stop_at_prepositions=True) is not None:
            return k
        if t.is_punct and not rules.is_mark(t) or t.pos_ in ("VERB", "AUX", "SCONJ"):
            return None
    return None


# -- 6. passives with an agent -------------------------------------------------------------------
def passive_agent(ctx: Context, g: VerbGroup) -> bool:
    """« 51.400 manifestants avaient été recensés par le gouvernement »: the counted subject is
    the content, the agent the speaker; with no agent (« 1.200 personnes ont été recensées »), a
    count with no speaker named."""
    doc, rules, verb = ctx.doc, ctx.rules, g.verb
    if fold(verb.lemma_) not in rules.count and fold(verb.lemma_) not in rules.passive_claim:
        return False
    agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj:pass"), None)
    if subj is None:
        return False
    if fold(subj.lemma_) in rules.speech_nouns:
        return False  # « l'information a été confirmée par X »: speech named, no claim
    s, e = subtree_range(subj)
    if agent is None:
        # « un millier de personnes étaient recensées »: a count with no source named
        if fold(verb.lemma_) not in rules.agentless_count or not any(rules.is_count(t) for t in doc[s:e]):
            return False
        ctx.cands.append(Cand("indirect", *ctx.trim(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)), cue=g.cue,
                              mention=None, verb=verb, priority=2, sent_start=g.sent.start_char))
        return True
    a_s, a_e = subtree_range(agent)
    a_s += 1 if low(doc[a_s]) == rules.agent_preposition else 0
    a_s, a_e = ctx.cut_mention((a_s, a_e), g.sent)
    # the claim is the counted subject and what the verb says of it
    start = doc[s].idx
    end = doc[e - 1].idx + len(doc[e - 1].text)
    ctx.cands.append(
        Cand("indirect", *ctx.trim(start, end), cue=g.cue, mention=ctx.mention((a_s, a_e)),
             verb=verb, priority=2, sent_start=g.sent.start_char)
    )
    return True


def passive_as(ctx: Context, g: VerbGroup) -> bool:
    """"The meeting was described by the commission as constructive", "the ban has been criticised
    as targeting …", "while mooted as X's successor": a passive (or bare participle) cue of
    ``[cues] passive_as``; the words after its marker are the statement, its agent the speaker."""
    doc, rules, verb = ctx.doc, ctx.rules, g.verb
    marker = rules.passive_as.get(rules.lemma(verb))
    passive = any(c.dep_ == "aux:pass" for c in verb.children) or "VerbForm=Part" in str(verb.morph) and not any(
        c.dep_.startswith("aux") or c.dep_ == "obj" for c in verb.children)
    if marker is None or not passive:
        return False
    agent = next((c for c in verb.children if c.dep_ == "obl:agent" and c.i >= g.end), None)
    j = g.end
    if agent is not None and agent.left_edge.i == j:
        j = agent.right_edge.i + 1
    while j < g.sent.end and doc[j].pos_ == "ADV":
        j += 1
    if j + 1 >= g.sent.end or low(doc[j]) != marker:
        return False
    mention = None
    if agent is not None:
        a_s, a_e = subtree_range(agent)
        a_s += 1 if low(doc[a_s]) == rules.agent_preposition else 0
        mention = ctx.mention(ctx.cut_mention((a_s, a_e), g.sent))
    last = doc[max(verb.right_edge.i, j + 1)]  # "while mooted as X's successor, does not …": its clause ends it
    start, end = ctx.trim(doc[j + 1].idx, min(ctx.clause_end(j + 1, g.sent, np_only=True), last.idx + len(last.text)))
    if end - start < 3:
        return False
    cue = (g.cue[0], doc[j].idx + len(doc[j].text)) if agent is None else g.cue
    ctx.cands.append(Cand("indirect", start, end, cue=cue, mention=mention, verb=verb, priority=2,
                          sent_start=g.sent.start_char))
    return True


def hearsay_passive(ctx: Context, g: VerbGroup) -> bool:
    """"Staff were reported to have locked …", "Violence was reported in two cities": the passive
    of a hearsay verb (``[cues] hearsay_passive``) with no agent reports its whole clause, the
    subject included, with no speaker."""
    doc, verb = ctx.doc, g.verb
    if ctx.rules.lemma(verb) not in ctx.rules.hearsay_passive or not any(c.dep_ == "aux:pass" for c in verb.children):
        return False
    if any(c.dep_ == "obl:agent" for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj:pass" and c.i < g.start), None)
    if subj is None or subj.pos_ == "PRON" or fold(subj.lemma_) in ctx.rules.speech_nouns:
        return False  # "it was said that …": the clause after it is the statement
    start = subj.left_edge.i
    ctx.cands.append(Cand("indirect", *ctx.trim(doc[start].idx, ctx.clause_end(start, g.sent)), cue=g.cue,
                          mention=None, verb=verb, priority=2, sent_start=g.sent.start_char))
    return True


# -- 7. noun-phrase objects ----------------------------------------------------------------------
def np_object(ctx: Context, g: VerbGroup) -> bool:
    """« X a dénombré 41.500 manifestants », « X dénonce une décision injuste »: the noun phrase
    object of a claim verb (``[cues] np_claim``)."""
    if g.lemma not in ctx.rules.np_claim:
        return False
    obj = _claimed_np(ctx, g)
    if obj is None:
        return False
    add_verb_cand(ctx, obj[0], obj[1], g, g.cue, priority=1)
    return True


def _claimed_np(ctx: Context, g: VerbGroup) -> tuple[int, int] | None:
    """The noun phrase a claim verb reports (character offsets): the parser's object, else the
    words right after the verb group when they open a noun phrase (the parse of phrases with
    numbers is often wrong)."""
    doc, rules, sent = ctx.doc, ctx.rules, g.sent
    # (the parser may take a name right after the verb for its xcomp: « a encensé Franky et … »)
    obj = next((c for c in g.verb.children if c.i >= g.end and (c.pos_ != "PRON" or _pronoun_called(ctx, g, c)) and (
        c.dep_ == "obj" or c.dep_ == "xcomp" and c.pos_ == "PROPN" and c.i == g.end)), None)
    if obj is not None:
        marker = rules.passive_as.get(g.lemma)
        named = marker is not None and obj.right_edge.i + 1 < sent.end and low(doc[obj.right_edge.i + 1]) == marker
        if fold(obj.lemma_) in rules.speech_nouns and not named:
            return None  # « a rappelé les déclarations de X »: speech named, no claim (but "described
            # the speech as the most important": what it is called is one)
        s: int | None = max(obj.left_edge.i, g.end)
    else:
        s = _np_opening_after(ctx, g)
    if s is None:
        return None
    while s < sent.end and (doc[s].is_punct and not rules.is_mark(doc[s]) or doc[s].pos_ == "ADV"
                            and low(doc[s]) not in rules.quantity_adverbs):
        s += 1
    if s >= sent.end:
        return None
    end = np_before_verb_modifier(ctx, g.verb, s, _relative_end(ctx, g, ctx.clause_end(s, sent, np_only=True)))
    start = doc[s].idx
    if end - start < 3:
        return None
    return start, end


def _verb_modifier(top: Token) -> bool:
    """Whether a dependent of a verb is none of its complements: a time adverbial ("on Saturday",
    "last week") or a subordinate clause its conjunction opens ("after she replied", "as …")."""
    if top.dep_ in ("obl:tmod", "obl:npmod") or top.dep_ == "obl" and top.ent_type_ in TIME_ENTITIES:
        return True
    return top.dep_ == "advcl" and any(c.dep_ == "mark" and c.pos_ == "SCONJ" and c.i < top.i for c in top.children)


def np_before_verb_modifier(ctx: Context, verb: Token, start: int, end: int) -> int:
    """``end``, or the end of the noun phrase starting at token ``start`` when what follows it
    is the cue verb's own adverbial or subordinate clause (the parser's tree), outside any
    quotation: a noun-phrase complement is that noun phrase (ANNOTATION), "appealed for calm on
    Saturday as …" reports "calm", "denied a rift with France after she …" "a rift with France".
    After a request, a time adverbial alone may date what is asked: it stays."""
    doc = ctx.doc
    head = next((t for t in doc[start : start + 12] if t.head.i < start or t.head.i >= start + 12), None)
    if head is None or head.right_edge.i + 1 >= len(doc) or any(c.dep_ == "xcomp" for c in verb.children):
        return end  # "called the plan a disaster": what it is called is part of the claim
    last, nxt = head.right_edge, doc[head.right_edge.i + 1]
    if nxt.is_punct or nxt.is_space or last.idx + len(last.text) >= end or ctx.in_quote(nxt.idx) is not None \
            or low(nxt) == ctx.rules.passive_as.get(ctx.rules.lemma(verb)):
        return end  # "described the move as …": the same
    top = nxt
    while top.head != verb and top.head != top and top.head.i > last.i:
        top = top.head
    if top.head != verb or not _verb_modifier(top):
        return end  # "accused X of saying …": a complement of the cue's own
    if top.dep_ != "advcl" and ctx.rules.lemma(verb) in ctx.rules.appeal and not any(
            c.dep_ == "advcl" and c.i > top.i for c in verb.children):
        return end  # "called for a strike on Thursday": the day may be the strike's
    return last.idx + len(last.text)


def _pronoun_called(ctx: Context, g: VerbGroup, obj: Token) -> bool:
    """Whether a pronoun object is what the claim is about, by what the verb calls it right after
    it: its naming marker ("described him as “never satisfied”") or a noun or adjective
    complement ("called them traitors")."""
    doc, nxt = ctx.doc, obj.i + 1
    if obj.dep_ != "obj" or nxt >= g.sent.end:
        return False
    if low(doc[nxt]) == ctx.rules.passive_as.get(g.lemma):
        return True
    return any(c.dep_ == "xcomp" and c.pos_ in ("NOUN", "ADJ") and c.left_edge.i == nxt for c in g.verb.children)


def _relative_end(ctx: Context, g: VerbGroup, end: int) -> int:
    """``end``, or the end of the relative clause the cue heads when a comma closes it first (« Le
    ministre, qui a dénoncé « des images choquantes », a dit … »: the claim stops at the comma)."""
    doc = ctx.doc
    if g.verb.dep_ != "acl:relcl":
        return end
    last = g.verb.right_edge
    while last.i > g.end and (last.is_punct and not ctx.rules.is_mark(last) or last.is_space):
        last = doc[last.i - 1]
    if last.i + 1 >= len(doc) or doc[last.i + 1].text != ",":
        return end
    return min(end, last.idx + len(last.text))


def _np_opening_after(ctx: Context, g: VerbGroup) -> int | None:
    """Where a noun phrase the parser missed opens right after the verb group: a determiner,
    a number, a quantity (« plus de »), a quotation — not a speech noun."""
    doc, rules, sent, verb = ctx.doc, ctx.rules, g.sent, g.verb
    morph = str(verb.morph)
    has_aux = any(c.dep_.startswith("aux") for c in verb.children)
    if "VerbForm=Inf" in morph or "VerbForm=Part" in morph and not has_aux:
        return None  # infinitives and bare participles: only what the parser found
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return None
    s = g.end
    # skip adverbs and a stressed pronoun between commas (« comptabilise, lui, quatre … »), time
    # words and short adverbials (« a déploré samedi soir dans un tweet « des scènes … » »)
    while s < sent.end:
        t = doc[s]
        if (t.pos_ == "ADV" and low(t) not in rules.quantity_adverbs or t.text == ","
                or low(t) in rules.stressed and s + 1 < sent.end and doc[s + 1].text == ","
                or low(t) in rules.skip_after_cue and t.pos_ != "ADV"):
            s += 1
        elif t.pos_ == "ADP" and low(t) in rules.adverbial_prepositions and (after := _adverbial_end(ctx, s, sent)) > s:
            s = after
        else:
            break
    if s >= sent.end:
        return None
    first = doc[s]
    quantity = low(first) in rules.quantity_adverbs and s + 1 < sent.end and low(doc[s + 1]) in rules.of_forms
    if not (first.pos_ in ("DET", "NUM") or first.like_num or quantity or rules.is_mark(first) and first.text in rules.opening):
        return None
    if low(first) in rules.of_forms and first.pos_ == "ADP":
        return None
    nxt = next((t for t in doc[s : min(sent.end, s + 4)] if t.pos_ in ("NOUN", "PROPN")), None)
    if nxt is not None and fold(nxt.lemma_) in rules.speech_nouns:
        return None
    return s


VerbRule = Callable[[Context, VerbGroup], bool]
# The rules a cue verb runs through, in order; the first that takes it ends its turn.
VERB_RULES: tuple[VerbRule, ...] = (as_reported, inverted_cue, subject_incise, que_clause, bare_clause, infinitive,
                                    gerund, de_phrase, appeal, passive_as, passive_agent, hearsay_passive, np_object)


def verb_rules(ctx: Context) -> None:
    """Every reporting verb of the document through :data:`VERB_RULES`, in text order."""
    for verb in ctx.doc:
        if not ctx.rules.is_cue(verb):
            uncued_de_phrase(ctx, verb) or claim_noun(ctx, verb)
        elif reports(ctx, verb):
            group = verb_group(ctx, verb)
            for rule in VERB_RULES:
                if rule(ctx, group):
                    break
