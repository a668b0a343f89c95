"""« selon X » phrases (``[according_to]`` of the pack): each phrase whose source is a noun
phrase attributes a clause, found by the first of :data:`ACCORDING_RULES` that applies:

1. :func:`according_initial` — « Selon X, CONTENT »: the words after it;
2. :func:`according_medial` — « les dégâts atteignent, selon X, CONTENT »: the words after it;
3. :func:`according_quoted` — « une peine « symbolique » selon X »: the quotation right before it;
4. :func:`according_final` — « CONTENT, selon X »: the clause before it.

:func:`citing_rules` then gives a cue's statement to the source its speaker cites (« …, a
rapporté BFMTV, citant la police »: the police's, via BFMTV).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from selon.extract.candidates import Cand, Mention
from selon.extract.statements.context import Context
from selon.extract.statements.phrases import next_content_token, np_after
from selon.extract.statements.rules import Rules, low
from selon.lang.pack import fold


@dataclass(frozen=True)
class Attribution:
    """A « selon X » phrase (tokens ``i`` to ``i + k``) with its source (tokens ``s, e``)."""

    i: int
    k: int
    sent: Span
    initial: bool  # the phrase opens its sentence or clause
    s: int
    e: int
    after: int  # the first content token after the source
    cue: tuple[int, int]
    mention: Mention | None
    weak: bool  # « selon lui »: a stressed pronoun


def phrase_words(doc: Doc) -> tuple[list[str], list[str]]:
    """The folded token texts of a document, and the same as phrase words (an apostrophe ends
    a token: « d'après » → d', après)."""
    words = [fold(t.text) for t in doc]
    return words, [w.replace("'", "' ").strip() for w in words]


def phrase_at(rules: Rules, words: tuple[list[str], list[str]], i: int) -> tuple[str, ...] | None:
    """The longest according-to phrase starting at token ``i`` (``words``: :func:`phrase_words`)."""
    folded, keys = words
    n = len(keys)
    for phrase in rules.according_by_first.get(keys[i], ()):
        k = len(phrase)
        if i + k <= n and all(keys[i + m] == phrase[m] or folded[i + m] == phrase[m] for m in range(k)):
            return phrase
    return None


def attribution(ctx: Context, i: int, phrase: tuple[str, ...]) -> Attribution | None:
    """The attribution made by ``phrase`` at token ``i``, unless it is none: inside somebody's
    quotation, a cue's own source, a sentence-initial-only phrase elsewhere, no noun phrase
    after it, a manner (« selon la méthode des quotas ») rather than a source."""
    doc, rules = ctx.doc, ctx.rules
    k = len(phrase)
    sent = ctx.sent_of(doc[i])
    q = ctx.in_quote(doc[i].idx)
    if q is not None and not ctx.quote_is_term(q):
        return None
    if i > 0 and rules.is_cue(doc[i - 1]):
        return None  # « a-t-on appris de source policière »: the cue's own source
    if any(c.cue is not None and c.cue[1] <= doc[i].idx and _short_gap(ctx, c.cue[1], doc[i].idx)
           for c in ctx.cands):
        return None  # « a-t-on appris mardi de sources concordantes »: a word or two between
    initial = sentence_initial(ctx, i, sent)
    if phrase in rules.initial_only and not initial:
        return None
    rng = np_after(doc, i + k, sent.end, rules, allow_skip=False, open_end=False)
    if rng is None:
        return None
    s, e = _with_place(ctx, ctx.cut_mention(rng, sent), sent)
    e = _name_on_its_line(doc, e, sent)
    head = next((t for t in doc[s:e] if t.pos_ in ("NOUN", "PROPN")), None)
    if head is not None and fold(head.text) in rules.not_sources:
        return None  # « selon la méthode des quotas »: a manner, not a source
    if low(doc[s]) in rules.distributive:
        return None  # « selon chaque patient »: a distribution, not a source
    # « Pour la CGT, … », « Pour certains experts, … »: a name, or people whose word is an opinion
    if phrase in rules.initial_only and not any(t.ent_type_ in ("PER", "ORG") or t.pos_ == "PROPN" for t in doc[s:e]) \
            and not (head is not None and fold(head.text) in rules.opinion_holders):
        return None
    weak = e - s == 1 and low(doc[s]) in rules.stressed
    mention = ctx.mention((s, e), "pronoun" if weak else "np")
    cue = (doc[i].idx, doc[i + k - 1].idx + len(doc[i + k - 1].text))
    after = next_content_token(doc, e, sent.end, rules)
    return Attribution(i, k, sent, initial, s, e, after, cue, mention, weak)


def _short_gap(ctx: Context, start: int, end: int) -> bool:
    """Whether the characters between a cue and a phrase hold at most two words, adverbs or bare
    nouns (« mardi », « hier soir »): no noun phrase (« a précisé le maire selon … ») and no
    punctuation."""
    if end - start > 20:
        return False
    span = ctx.doc.char_span(start, end, alignment_mode="contract") if end > start else None
    toks = [t for t in span or () if not t.is_space]
    return len(toks) <= 2 and all(t.pos_ in ("ADV", "NOUN", "ADJ") for t in toks)


def _name_on_its_line(doc: Doc, e: int, sent: Span) -> int:
    """The end of a source that runs over a line break onto a line of its own, the name of a
    link the page set apart (« according to the news site\nexample.com\n, the … »): the words
    of that line, when a comma or a line break closes them (a few words, no verb)."""
    if e >= sent.end or not (doc[e].is_space and "\n" in doc[e].text):
        return e
    m = e + 1
    while m < sent.end and m - e <= 6 and not doc[m].is_space and doc[m].text != "," \
            and doc[m].pos_ not in ("VERB", "AUX"):
        m += 1
    closed = m < sent.end and (doc[m].text == "," or doc[m].is_space and "\n" in doc[m].text)
    return m if m > e + 1 and closed else e


def _with_place(ctx: Context, rng: tuple[int, int], sent: Span) -> tuple[int, int]:
    """A source extended over the place it speaks from when a comma or the sentence end closes
    the phrase right after it (« selon une source judiciaire en France, … »)."""
    doc = ctx.doc
    s, e = rng
    if e >= sent.end - 1 or low(doc[e]) not in ctx.rules.adverbial_prepositions:
        return rng
    m = e + 1
    while m < sent.end and doc[m].ent_type_ == "LOC":
        m += 1
    if m == e + 1 or m < sent.end and not (doc[m].text in (",", ")") or doc[m].is_sent_end and doc[m].is_punct):
        return rng
    return s, m


def sentence_initial(ctx: Context, i: int, sent: Span) -> bool:
    """Whether token ``i`` opens its sentence, or the clause after a colon, a semicolon or a
    comma and a conjunction (« …, mais selon X, … », "…, but according to X, …")."""
    doc = ctx.doc
    j = sent.start
    for k in range(i - 1, sent.start - 1, -1):
        if doc[k].text in (":", ";") or doc[k].pos_ == "CCONJ" and k > sent.start and doc[k - 1].text == ",":
            j = k + 1 if doc[k].text in (":", ";") else k
            break
    # « Mais selon X, … », « Et pour la CGT, … »: a conjunction or adverb may come first
    while j < i and (doc[j].is_space or doc[j].is_punct or low(doc[j]) in ctx.rules.adverbs
                     or doc[j].pos_ == "CCONJ"):
        j += 1
    return j == i or _after_conjunction(ctx, i, j)


def _after_conjunction(ctx: Context, i: int, j: int) -> bool:
    """Whether token ``i`` opens a clause coordinated after a comma (« …, mais selon X, … »,
    "…, but according to X, …"): a comma, then a coordinating conjunction and adverbs only."""
    doc = ctx.doc
    k = i - 1
    seen = False
    while k > j and (doc[k].pos_ == "CCONJ" or low(doc[k]) in ctx.rules.adverbs or doc[k].is_space):
        seen = seen or doc[k].pos_ == "CCONJ"
        k -= 1
    return seen and doc[k].text == ","


# -- where the attributed clause is --------------------------------------------------------------
def according_initial(ctx: Context, a: Attribution) -> tuple[int, int] | None:
    """« Selon X, CONTENT »: the clause after the source."""
    if not (a.initial and a.after < a.sent.end):
        return None
    start = _past_apposition(ctx, a)
    return ctx.doc[start].idx, ctx.clause_end(start, a.sent)


def _past_apposition(ctx: Context, a: Attribution) -> int:
    """The first content token after an apposition to the source (« Selon Jean Dupont,
    porte-parole de la préfecture, 300 personnes … »): words set off by commas after the source,
    with no finite verb and no subject of the clause after them (« Selon le maire, la ville,
    déjà endettée, devra emprunter »: « la ville » is the clause's subject)."""
    doc, sent = ctx.doc, a.sent
    if a.e >= sent.end or doc[a.e].text != ",":
        return a.after
    if low(doc[a.after]) in ctx.rules.relatives:
        return _past_relative(ctx, a)
    if doc[a.after].pos_ not in ("DET", "NOUN", "ADJ", "PROPN"):
        return a.after  # « D'après X, malgré …, »: an adverbial of the content
    comma = next((j for j in range(a.after, min(sent.end, a.after + 25)) if doc[j].text == ","), None)
    if comma is None or comma + 1 >= sent.end:
        return a.after
    chunk = doc[a.after : comma]
    rest = doc[comma + 1 : sent.end]
    if any(t.is_punct and t.text != "-" or "VerbForm=Fin" in str(t.morph) for t in chunk) or not any(
            "VerbForm=Fin" in str(t.morph) for t in rest):
        return a.after
    if any(t.dep_.startswith("nsubj") and not (a.after <= t.head.i < comma) for t in chunk):
        return a.after  # the subject of the clause after it, not an apposition
    return comma + 1


def _past_relative(ctx: Context, a: Attribution) -> int:
    """The first content token after a relative clause set off by commas after the source
    (« Selon le rapport, qui sera publié vendredi, 90 % … »), or the relative pronoun when no
    comma closes it (the clause would be the relative's own)."""
    doc, sent = ctx.doc, a.sent
    comma = next((j for j in range(a.after, min(sent.end, a.after + 25)) if doc[j].text == ","), None)
    if comma is None or comma + 1 >= sent.end:
        return a.after
    return next_content_token(doc, comma + 1, sent.end, ctx.rules)


def according_medial(ctx: Context, a: Attribution) -> tuple[int, int] | None:
    """« …, selon X, CONTENT »: between commas after words that do not stand on their own, the
    words after it (« même si c'est, selon les manifestants, ce que … »)."""
    doc = ctx.doc
    medial = (
        a.after < a.sent.end and a.e < a.sent.end and doc[a.e].text == "," and doc[a.i - 1].text == ","
        and low(doc[a.after]) not in ctx.rules.relatives
    )
    if not medial or _complete_chunk(ctx, a.sent.start, a.i - 1):
        return None
    return doc[a.after].idx, ctx.clause_end(a.after, a.sent)


def according_quoted(ctx: Context, a: Attribution) -> tuple[int, int] | None:
    """« Outre son amende, « symbolique » selon le juge, … »: a phrase right after a closing
    mark, with no comma between, sources the quotation it follows, not the clause around it."""
    if a.initial or a.i == 0:
        return None
    prev = ctx.doc[a.i - 1]
    if not ctx.rules.is_mark(prev) or prev.idx + len(prev.text) not in ctx.closing_ends:
        return None
    q = ctx.quote_ending_at(prev.idx + len(prev.text))
    if q is None or q.open < a.sent.start_char or ctx.quote_starts_clause(q, a.sent):
        return None  # a quotation opening its sentence: according_final makes it direct
    return q.start, q.end


def according_final(ctx: Context, a: Attribution) -> tuple[int, int]:
    """« CONTENT, selon X »: the clause before the phrase. The clause starts at the sentence
    start, or after the last colon, semicolon, full stop the parser left inside the sentence,
    or bracket still open (« à Lille (1.400 personnes selon la police) »), or after the last
    comma when an earlier attribution claims the words before it (« D'après X, 15 000
    personnes, contre 4 500 selon la police »); a wire dateline is skipped."""
    doc, sent = ctx.doc, a.sent
    before = a.i - 1
    # back over the punctuation before the phrase, but not a closing bracket: « … son plus bas
    # niveau (23 %), selon un sondage » attributes the clause the bracket ends
    while before > sent.start and (doc[before].is_punct and not ctx.rules.is_mark(doc[before])
                                   and doc[before].text != ")" or doc[before].is_space):
        before -= 1
    earlier = any(c.cue is not None and c.sent_start == sent.start_char and c.cue[1] <= doc[a.i].idx
                  for c in ctx.cands)
    stops: tuple[str, ...] = (":", ";", ".", "?", "!", ",") if earlier else (":", ";", ".", "?", "!")
    clause = sent.start
    depth = 0  # brackets closed before the phrase
    for k in range(before, sent.start - 1, -1):
        t = doc[k].text
        if t == ")":
            depth += 1
        elif t == "(" and depth > 0:
            depth -= 1
        elif depth == 0 and (t == "(" or t in stops):
            clause = k + 1
            break
    start = ctx.skip_dateline(doc[clause].idx if clause < len(doc) else sent.start_char)
    return start, doc[before].idx + len(doc[before].text)


def _complete_chunk(ctx: Context, start: int, comma: int) -> bool:
    """Whether the words before a medial « , selon X, » (from the last comma before it)
    stand on their own as a noun phrase the source vouches for (« des violences d'une
    gravité sans précédent, selon X, se sont déroulées »): several words, no verb."""
    doc = ctx.doc
    k = comma - 1
    while k > start and doc[k].text != ",":
        k -= 1
    chunk = [t for t in doc[k + 1 if doc[k].text == "," else k : comma] if not t.is_punct]
    return len(chunk) >= 3 and not any(t.pos_ in ("VERB", "AUX") for t in chunk)


def add_attribution(ctx: Context, a: Attribution, content: tuple[int, int]) -> None:
    """Append the statement of an attribution: according-to, or direct when the clause before
    the phrase is one quotation. « selon lui » is weak: it gives way to any other statement."""
    start, end = ctx.trim(*content)
    if end - start < 3:
        return
    kind = "according_to"
    q = ctx.quote_ending_at(end) or ctx.quote_ending_at(end + 1)
    if q is not None and not a.initial and q.start <= start + 1 and ctx.quote_starts_clause(q, a.sent):
        kind = "direct"
        start, end = q.start, q.end
    # « selon lui » inside what its referent says adds nothing: weak, gives way
    priority = 4 if kind == "direct" else 3
    ctx.cands.append(Cand(kind, start, end, cue=a.cue, mention=a.mention, priority=-1 if a.weak else priority,
                          sent_start=a.sent.start_char))


AccordingRule = Callable[[Context, Attribution], tuple[int, int] | None]
# Where an attribution's clause is, tried in order; the last always answers.
ACCORDING_RULES: tuple[AccordingRule, ...] = (according_initial, according_medial, according_quoted, according_final)


def according_rules(ctx: Context) -> None:
    """Every according-to phrase of the document, in text order, through :data:`ACCORDING_RULES`."""
    words = phrase_words(ctx.doc)
    first_words = ctx.rules.according_by_first
    keys = words[1]
    citing = ctx.rules.citing
    cites: list[int] = []  # the citing participles (see citing_rules)
    i = 0
    while i < len(keys):
        phrase = phrase_at(ctx.rules, words, i) if keys[i] in first_words else None
        if phrase is None:
            if keys[i] in citing:
                cites.append(i)
            i += 1
            continue
        found = attribution(ctx, i, phrase)
        if found is not None:
            for rule in ACCORDING_RULES:
                content = rule(ctx, found)
                if content is not None:
                    add_attribution(ctx, found, content)
                    break
        i += len(phrase)
    citing_rules(ctx, cites)


def citing_rules(ctx: Context, cites: list[int]) -> None:
    """« X a rapporté, citant Y » / « X, citant Y, a rapporté que … »: a citing participle
    (``[according_to] citing``) after a comma that closes a cue or its speaker's mention makes
    the cited noun phrase the statement's speaker, and X its relay (``via``), when the noun
    phrase names a source (a name, or a head of ``cited_heads``)."""
    doc, rules = ctx.doc, ctx.rules
    for i in cites:
        t = doc[i]
        if i < 2 or doc[i - 1].text != ",":
            continue
        cand = _cited_by(ctx, doc[t.i - 1].idx)
        sent = ctx.sent_of(t)
        rng = np_after(doc, t.i + 1, sent.end, rules, allow_skip=False, open_end=False) if cand else None
        if cand is None or rng is None:
            continue
        s, e = ctx.cut_mention(rng, sent)
        head = doc[s:e].root
        named = any(k.ent_type_ in ("PER", "ORG") or k.pos_ == "PROPN" for k in doc[s:e])
        if not (named or head.pos_ == "NOUN" and fold(head.text) in rules.cited_heads):
            continue
        mention = ctx.mention((s, e))
        if mention is not None:
            cand.relay, cand.mention = cand.mention, mention
            cand.cue = (t.idx, t.idx + len(t.text))


def _cited_by(ctx: Context, comma: int) -> Cand | None:
    """The candidate whose cue or speaker's mention ends right before the comma at ``comma``
    (spaces aside), its content outside the words between."""
    text = ctx.text
    for c in ctx.cands:
        ends = [c.cue[1]] if c.cue is not None else []
        if c.mention is not None:
            ends.append(c.mention.span.end_char)
        if any(end <= comma and not text[end:comma].strip() for end in ends) and not c.start <= comma < c.end:
            return c
    return None
