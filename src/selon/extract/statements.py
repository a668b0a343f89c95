"""Statements: who said what.

Pure functions over a parsed ``Doc``. Three families of rules find candidate statements,
then overlaps are settled and speakers named (:mod:`selon.extract.speakers`):

- quotations (:mod:`selon.extract.quotes`) with a cue after them (« … », a-t-il dit), before them
  (X a prévenu : « … ») or none (a quoted follow-on sentence of the last speaker);
- reporting verbs from the language pack: que-clauses, infinitive and noun-phrase
  complements, inverted cues (« …, a déclaré X »), participles (« …, affirmant que … »),
  passives with an agent (« … ont été recensés par X »);
- « selon X » phrases at the start, in the middle or at the end of a clause.

The parser is used where it is reliable (subjects, objects, clause heads); boundaries of
contents are taken on the surface (sentence, commas, quotation marks), which news text
keeps regular even when the parse is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from selon.extract.candidates import Cand, Mention
from selon.extract.quotes import Quote
from selon.lang.pack import LanguagePack, _fold
from selon.models import Statement, TextSpan

# Endings of regular first-group verbs (-er), longest first.
FIRST_GROUP_ENDINGS = ("aient", "ait", "ent", "ées", "és", "ée", "é", "ant", "es", "e")
CLOSE_MARKS = set("»”\"’›") | {"''"}
OPEN_MARKS = set("«“\"‘‹„") | {"''"}
QUOTE_CHARS = CLOSE_MARKS | OPEN_MARKS
TRAIL = " \t\n\u00a0\u202f,;:.-–—"


# -- small token helpers ----------------------------------------------------------------------
def _low(tok: Token) -> str:
    return _fold(tok.text)


def _is_mark(tok: Token) -> bool:
    return tok.text in QUOTE_CHARS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n\u00a0\u202f,;:":
        start += 1
    while end > start and text[end - 1] in TRAIL:
        end -= 1
    return start, end


DATELINE = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý' -]{1,40}(?:\s*\([^)]{1,20}\))?(?:,[^–—\n]{1,30})?\s*[–—-]\s+")


def _skip_dateline(text: str, start: int) -> int:
    """Skip a wire dateline (« PARIS, 14 mars – », « LYON (AFP) - ») opening a content."""
    m = DATELINE.match(text, start)
    return m.end() if m else start


def _balanced_trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and punctuation, and a dangling quotation mark at either end."""
    start, end = _trim(text, start, end)
    seg = text[start:end]
    pairs = {"«": "»", "“": "”", '"': '"', "‘": "’"}
    if len(seg) > 2 and seg[0] in pairs and seg[-1] == pairs[seg[0]] and seg[0] not in seg[1:-1] and seg[-1] not in seg[1:-1]:
        start, end = _trim(text, start + 1, end - 1)  # the whole content is one quotation
    for _ in range(2):
        seg = text[start:end]
        if seg and seg[0] in "«“‘‹„" and not any(c in seg[1:] for c in "»”’›"):
            start, end = _trim(text, start + 1, end)
        elif seg and seg[-1] in "»”’›" and not any(c in seg[:-1] for c in "«“‘‹„"):
            start, end = _trim(text, start, end - 1)
        elif seg and seg.count('"') % 2 == 1:
            if seg[0] == '"':
                start, end = _trim(text, start + 1, end)
            elif seg[-1] == '"':
                start, end = _trim(text, start, end - 1)
    return start, end


class Rules:
    """The statement rules for one language pack (built once per component)."""

    def __init__(self, pack: LanguagePack) -> None:
        self.pack = pack
        cues = pack.section("cues")
        self.cues = pack.cue_lemmas
        self.count = pack.words("cues", "count")
        self.np_claim = pack.words("cues", "np_claim")
        self.speech_nouns = pack.words("cues", "speech_nouns")
        self.infinitive_cues = pack.words("cues", "infinitive")
        self.de_cues = {tuple(_fold(p).split()) for p in cues.get("de_phrases", [])}
        self.de_heads = {p[0] for p in self.de_cues}
        acc = pack.section("according_to")
        self.according = sorted(
            (tuple(_fold(p).replace("'", "' ").split()) for p in acc.get("phrases", [])), key=len, reverse=True
        )
        self.not_sources = pack.words("according_to", "not_sources")
        self.slogans = sorted(pack.words("cues", "slogans"), key=len, reverse=True)
        self.according_by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.according:
            self.according_by_first.setdefault(phrase[0], []).append(phrase)
        self.initial_only = {tuple(_fold(p).replace("'", "' ").split()) for p in acc.get("sentence_initial_only", [])}
        self.adverbs = pack.words("cues", "adverbs")
        self.que = pack.words("cues", "complementizers")
        self.not_before_que = pack.words("cues", "not_before_complementizer")
        self.quantity_adverbs = pack.words("cues", "quantity_adverbs")
        self.stressed = pack.words("according_to", "pronouns")
        self.aux = pack.words("cues", "auxiliaries")
        self.impersonal = pack.words("speakers", "impersonal")
        self.stops = pack.words("speakers", "mention_stops")
        self.skip_after_cue = pack.words("speakers", "skip_after_cue")
        # third person present of first-group cues (annoncer → annonce), and the irregular ones
        self.present_forms: dict[str, str] = {c[:-1]: c for c in self.cues if c.endswith("er") and " " not in c}
        self.present_forms.update({_fold(k): _fold(v) for k, v in cues.get("present_forms", {}).items()})

    def is_cue(self, tok: Token) -> bool:
        if tok.pos_ in ("VERB", "AUX"):
            return self.lemma(tok) in self.cues
        # a present-tense cue the tagger took for a noun, before its que-clause
        # (« L'économiste juge pour sa part que … »)
        if _fold(tok.text) in self.present_forms and tok.i > 0 and (
            tok.doc[tok.i - 1].pos_ in ("NOUN", "PROPN", "PRON") or tok.doc[tok.i - 1].text == ","
        ):
            nxt = tok.doc[tok.i + 1 : tok.i + 6]
            if any(_fold(t.text) in self.que for t in nxt) and not any(t.pos_ == "VERB" for t in nxt):
                return True
        # an inverted present-tense cue the tagger took for a noun (« …, annonce la CNE »)
        return (
            tok.i > 0
            and tok.doc[tok.i - 1].text == ","
            and _fold(tok.text) in self.present_forms
            and tok.i + 1 < len(tok.doc)
            and (tok.doc[tok.i + 1].pos_ in ("DET", "PROPN") or _fold(tok.doc[tok.i + 1].text).startswith("-t"))
        )

    def lemma(self, tok: Token) -> str:
        """The cue lemma of a token: the lemmatiser's, else one recovered from a regular
        first-group form the lemmatiser left alone (« estime », « estiment », « estimait »)."""
        lemma = _fold(tok.lemma_)
        if lemma in self.cues:
            return lemma
        low = _fold(tok.text)
        if low in self.present_forms:
            return self.present_forms[low]
        if tok.pos_ in ("VERB", "AUX"):
            for ending in FIRST_GROUP_ENDINGS:
                if low.endswith(ending) and low[: -len(ending)] + "er" in self.cues:
                    return low[: -len(ending)] + "er"
        return lemma


# -- cue groups --------------------------------------------------------------------------------
def _cue_group(doc: Doc, verb: Token, rules: Rules) -> tuple[int, int, Token | None]:
    """Token range of the verb group around ``verb`` (auxiliaries, adverbs, -t-il), and the
    clitic subject pronoun when there is one."""
    i = verb.i
    start = i
    j = i - 1
    while j >= 0:
        t = doc[j]
        low = _low(t)
        if low in rules.aux or t.dep_.startswith("aux") and t.head.i == verb.i:
            start = j
        elif low in rules.adverbs or (t.pos_ == "ADV" and t.head.i == verb.i and j >= i - 3) or low in ("-t", "-il", "-elle", "-on", "-ils", "-elles", "t", "-t-il", "-t-elle", "-t-on") or _is_mark(t) and j == i - 1:
            pass
        else:
            break
        j -= 1
    # trim leading adverbs/marks that are not inside an auxiliary group
    while start < i and (doc[start].pos_ == "ADV" or _is_mark(doc[start])) and _low(doc[start]) not in rules.aux:
        start += 1
    end = i + 1
    clitic: Token | None = None
    k = i + 1
    while k < len(doc) and k <= i + 2 and _low(doc[k]) in ("-t", "-il", "-elle", "-on", "-ils", "-elles", "t"):
        end = k + 1
        k += 1
    # the clitic may sit between auxiliary and participle (a-t-il dit) or after the verb
    for t in doc[start:end]:
        if _low(t) in ("-il", "-elle", "-on", "-ils", "-elles", "il", "elle", "on") and t.i != verb.i:
            clitic = t
    if _is_mark(doc[end - 1]) and end - 1 > i:
        end -= 1
    return start, end, clitic


def _next_content_token(doc: Doc, i: int, stop: int) -> int:
    while i < stop and (doc[i].is_space or doc[i].is_punct and not _is_mark(doc[i])):
        i += 1
    return i


# -- speaker mentions on the surface --------------------------------------------------------------
def _skip_adverbials(doc: Doc, j: int, limit: int, rules: Rules) -> int:
    """Skip a time or place adverbial between a cue and its inverted subject (« a indiqué
    lundi la police », « a déclaré à l'AFP le préfet », « a indiqué à 12h45 la porte-parole »)."""
    skipped = 0
    while j < limit and skipped < 6:
        t = doc[j]
        low = _low(t)
        if t.is_space:
            j += 1
            continue
        if low in rules.skip_after_cue or t.like_num and t.pos_ not in ("DET", "NOUN", "PROPN") or (
            t.pos_ == "ADV" and low not in ("-t",)
        ):
            j += 1
            skipped += 1
            continue
        if low in ("à", "au", "aux", "sur", "dans", "devant", "lors", "auprès", "en") and j + 1 < limit:
            # a prepositional phrase: skip it up to the determiner or name that starts the subject
            k = j + 1
            seen_head = False
            while k < limit and k < j + 6 and not doc[k].is_punct:
                t2 = doc[k]
                if seen_head and (t2.pos_ == "DET" or t2.ent_iob_ == "B" and t2.ent_type_ == "PER"):
                    break
                if t2.pos_ in ("NOUN", "PROPN", "NUM") or t2.like_num:
                    seen_head = True
                k += 1
            j = k
            skipped += 1
            continue
        break
    return j


def _np_extent(doc: Doc, j: int, limit: int, rules: Rules) -> int:
    """Where the noun phrase starting at ``j`` ends: at punctuation, a verb, or a word that
    opens something else (``[speakers] mention_stops``), but not inside a name, a bracket,
    a participle with its agent (« les chiffres publiés par X ») or a coordinated noun."""
    k = j
    depth = 0
    while k < limit:
        t = doc[k]
        low = _low(t)
        if t.is_space:
            break
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
            k += 1
            continue
        if depth > 0:
            k += 1
            continue
        if t.is_punct and t.text not in ("-", "'", "’") and not _is_mark(t):
            break
        if k > j and low in rules.stops and t.ent_iob_ != "I" and not (
            low in ("par", "pour") and doc[k - 1].pos_ == "VERB"
        ) and not (
            low in ("et", "ou") and k + 1 < limit and doc[k + 1].pos_ in ("DET", "ADP", "PROPN", "NOUN")
            and doc[k + 1].ent_type_ != "PER" and _low(doc[k + 1]) not in ("à", "sur", "dans", "lors")
        ):
            break
        if k > j and t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "flat:name", "appos") and not t.text[0].isupper():
            participle = "VerbForm=Part" in str(t.morph) and k + 1 < limit and _low(doc[k + 1]) in ("par", "pour")
            if not participle:
                break
        k += 1
    return k


def _apposition(doc: Doc, end: int, limit: int, open_end: bool) -> int:
    """Extend a mention ending at ``end`` over an apposition after a comma: a name
    (« le porte-parole, Jean Dupont ») or a description closed by a comma (« la CNE, le
    syndicat chrétien, … ») — or, after an incise (``open_end``), by the sentence end."""
    if not (end + 1 < limit and doc[end].text == ","):
        return end
    nxt = doc[end + 1]
    if nxt.ent_type_ == "PER" or (nxt.pos_ == "PROPN" and nxt.text[0].isupper()):
        m = end + 1
        while m < limit and (doc[m].pos_ == "PROPN" or doc[m].ent_type_ == "PER" or doc[m].text[:1].isupper() and not doc[m].is_punct):
            m += 1
        return m
    if nxt.pos_ == "DET" and _low(nxt) in ("le", "la", "l'", "les") and doc[end - 1].pos_ == "PROPN":
        m = end + 1
        while m < limit and not (doc[m].is_punct and doc[m].text not in ("-", "'", "’")) and _low(doc[m]) not in ("qui", "que", "à", "sur", "lors"):
            m += 1
        closed = m < limit and doc[m].text == "," or open_end and (m >= limit or doc[m].text in (".", "!", "?"))
        if closed and m - end <= 10:
            return m
    return end


def _np_after(doc: Doc, i: int, limit: int, rules: Rules, *, allow_skip: bool = True,
              open_end: bool = True) -> tuple[int, int] | None:
    """The noun phrase that starts at or shortly after token ``i`` (an inverted subject), as
    a token range, including an apposition with a name (« X, le porte-parole de Y, »)."""
    j = _skip_adverbials(doc, i, limit, rules) if allow_skip else i
    if j >= limit:
        return None
    first = doc[j]
    if first.is_punct or first.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "ADP") and _low(first) not in ("de",):
        return None
    end = _np_extent(doc, j, limit, rules)
    if end <= j:
        return None
    end = _apposition(doc, end, limit, open_end)
    # trailing determiners/prepositions
    while end > j and (_low(doc[end - 1]) in ("de", "du", "des", "d'", "le", "la", "les", "l'") or _is_mark(doc[end - 1])):
        end -= 1
    return (j, end) if end > j else None


def _np_before(doc: Doc, end: int, limit: int) -> tuple[int, int] | None:
    """The subject noun phrase ending just before token ``end`` (cue-first sentences)."""
    j = end - 1
    while j >= limit and (doc[j].is_space or doc[j].pos_ == "ADV"):
        j -= 1
    if j < limit:
        return None
    k = j
    while k >= limit:
        t = doc[k]
        if t.is_punct and t.text not in ("-", "'", "’", ",", "(", ")") or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ"):
            break
        if t.text == "," and not (k - 1 >= limit and doc[k - 1].pos_ in ("PROPN", "NOUN")):
            break
        k -= 1
    start = k + 1
    while start <= j and (doc[start].text == "," or doc[start].pos_ in ("CCONJ", "ADP")):
        start += 1
    return (start, j + 1) if start <= j else None


def _subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _subject(doc: Doc, verb: Token, rules: Rules) -> tuple[int, int] | None:
    """The subject of ``verb`` as a token range (parser first). Two subjects before the verb
    (« Le porte-parole de X, le colonel Jean Dupont, a dit ») are one apposed mention."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i and _low(c) != "-t"]
    if len(subjects) > 1 and all(c.pos_ in ("NOUN", "PROPN") for c in subjects):
        s = min(c.left_edge.i for c in subjects)
        e = max(c.right_edge.i for c in subjects) + 1
        while e > s and doc[e - 1].text == ",":
            e -= 1
        return s, e
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and _low(child) not in ("-t",):
            s, e = _subtree_range(child)
            # cut relative clauses and what follows the noun phrase's own comma
            for t in doc[child.i + 1 : e]:
                if t.dep_ in ("acl:relcl",) or _low(t) in ("qui", "que", "dont") and t.i > child.i:
                    e = t.i
                    while e > child.i + 1 and doc[e - 1].text in (",",):
                        e -= 1
                    break
            return (child.i if _low(child) in rules.impersonal else s, e)
    return None


# -- the extractor --------------------------------------------------------------------------------
class Extractor:
    def __init__(self, doc: Doc, rules: Rules, quotes: Sequence[Quote]) -> None:
        self.doc = doc
        self.rules = rules
        self.text = doc.text
        self.quotes = [q for q in quotes if q.depth == 0]
        self.closing_ends = {q.close for q in quotes if q.closed}
        self.all_quotes = list(quotes)
        self.cands: list[Cand] = []
        self.sent_at: list[int] = [0] * len(doc)
        self.sents: list[Span] = self._sentences()
        for k, sp in enumerate(self.sents):
            for i in range(sp.start, sp.end):
                self.sent_at[i] = k

    def _sentences(self) -> list[Span]:
        """The parser's sentences, mended: a sentence that starts with a comma, a closing mark
        or a lower-case word right after a quotation (« … ? », a-t-il dit) continues the
        previous one. (The parser keeps boundaries set before it, but not non-boundaries.)"""
        doc = self.doc
        closing = {q.close - 1 for q in self.all_quotes if q.closed}
        bounds: list[list[int]] = []
        for sent in doc.sents:
            first = sent[0]
            prev = doc[sent.start - 1] if sent.start > 0 else None
            glued = prev is not None and not prev.is_space and bool(bounds) and (
                first.text in (",", ";", ":", ")")
                or first.idx in closing
                or first.is_lower and (prev.idx in closing or prev.text in ("?", "!", "…"))
                # no sentence ends without a full stop, a question or exclamation mark, a
                # closing quotation mark or a paragraph break
                or not (prev.text in (".", "?", "!", "…", "...") or prev.idx in closing or prev.text in CLOSE_MARKS)
            )
            if glued:
                bounds[-1][1] = sent.end
            else:
                bounds.append([sent.start, sent.end])
        return [doc[a:b] for a, b in bounds]

    # token lookups
    def tok_at(self, char: int) -> int | None:
        """Index of the token covering ``char``."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else None

    def sent_of(self, tok: Token) -> Span:
        return self.sents[self.sent_at[tok.i]]

    def in_quote(self, char: int) -> Quote | None:
        """The closed quotation that holds ``char`` (an unclosed mark hides no cue)."""
        for q in self.all_quotes:
            if q.closed and q.open <= char < q.close:
                return q
        return None

    def mention(self, rng: tuple[int, int] | None, kind: str = "np") -> Mention | None:
        if rng is None:
            return None
        s, e = rng
        if e <= s:
            return None
        # a mention that opens a quotation runs to its closing mark (« le collectif "Désarmons-les" »)
        q = self.in_quote(self.doc[e - 1].idx)
        if q is not None and q.close > self.doc[e - 1].idx and q.open >= self.doc[s].idx:
            close_tok = self.tok_at(q.close - 1)
            if close_tok is not None:
                e = max(e, close_tok + 1)
        # a description in apposition right after a name: « Jonas, l'un des amis de la victime »
        if s >= 2 and self.doc[s - 1].text == "," and self.doc[s - 2].ent_type_ == "PER" and self.doc[s].pos_ in ("DET", "NOUN"):
            k = s - 2
            while k > 0 and self.doc[k - 1].ent_type_ == "PER" and self.doc[k].ent_iob_ != "B":
                k -= 1
            s = k
        # multi-token pronouns: « Celui -ci », « ce dernier »
        while e < len(self.doc) and _low(self.doc[e]) in ("-ci", "-là", "-", "ci", "là", "dernier", "dernière", "derniers", "dernières"):
            if _low(self.doc[e]) in ("ci", "là") and _low(self.doc[e - 1]) != "-":
                break
            e += 1
        span = self.doc[s:e]
        return Mention(span=span, kind=kind)

    # --- rules -------------------------------------------------------------------------------
    def run(self) -> list[Cand]:
        self.verb_rules()
        self.according_rules()
        self.quote_rules()
        return self.cands

    # verbs ---------------------------------------------------------------------------------
    def verb_rules(self) -> None:
        doc, rules = self.doc, self.rules
        for verb in doc:
            if not rules.is_cue(verb):
                if verb.pos_ in ("VERB", "AUX") and _fold(verb.lemma_) in rules.de_heads:
                    sent = self.sent_of(verb)
                    c_start, c_end, clitic = _cue_group(doc, verb, rules)
                    found = self._de_phrase(verb, c_end, sent)
                    if found is not None and self.in_quote(verb.idx) is None:
                        s, e, cue2 = found
                        self._add_verb_cand("indirect", s, e, verb, cue2, clitic, sent, priority=2)
                continue
            if self.in_quote(verb.idx) is not None and not self._quote_is_term(self.in_quote(verb.idx)):
                continue  # words inside somebody's quotation are theirs, not the article's cues
            if any(c.dep_ == "advmod" and "Polarity=Neg" in str(c.morph) for c in verb.children):
                continue  # « la police n'a pas confirmé … »: nothing was said
            if "VerbForm=Inf" in str(verb.morph) and not rules.is_cue(verb.head) and verb.head.i != verb.i:
                continue  # « ne permettait de dire que … »: an infinitive under a non-cue verb reports nothing
            lemma = rules.lemma(verb)
            sent = self.sent_of(verb)
            c_start, c_end, clitic = _cue_group(doc, verb, rules)
            cue = (doc[c_start].idx, doc[c_end - 1].idx + len(doc[c_end - 1].text))
            # 1. inverted cue: « CONTENT, a déclaré X » / « CONTENT, a-t-il dit »
            prev = doc[c_start - 1] if c_start > sent.start else None
            incise = prev is not None and (prev.text == "," or clitic is not None and prev.idx + 1 in self.closing_ends)
            if incise and self._inverted(verb, sent, c_start, c_end, clitic, cue):
                continue
            # 2. que-clause
            que = self._que_after(verb, c_end, sent)
            if que is not None:
                if que + 1 >= sent.end:
                    continue
                start = doc[que + 1].idx
                end = self._clause_end(que + 1, sent)
                self._add_verb_cand("indirect", start, end, verb, cue, clitic, sent, priority=3)
                continue
            # 3. infinitive complement (« dit comprendre », « affirmant avoir été touché »)
            if lemma in rules.infinitive_cues:
                inf = self._infinitive_after(verb, c_end, sent)
                if inf is not None:
                    end = self._clause_end(inf, sent)
                    self._add_verb_cand("indirect", doc[inf].idx, end, verb, cue, clitic, sent, priority=2)
                    continue
            # 4. « faire état de NP », « parler de NP »
            de_np = self._de_phrase(verb, c_end, sent)
            if de_np is not None:
                s, e, cue2 = de_np
                self._add_verb_cand("indirect", s, e, verb, cue2, clitic, sent, priority=2)
                continue
            # 5. passive with an agent: « 51.400 manifestants avaient été recensés par le gouvernement »
            if self._passive(verb, sent, cue):
                continue
            # 6. noun-phrase object carrying a claim
            if lemma in rules.np_claim:
                obj = self._np_object(verb, c_end, sent)
                if obj is not None:
                    s, e = obj
                    self._add_verb_cand("indirect", s, e, verb, cue, clitic, sent, priority=1)

    def _quote_is_term(self, q: Quote | None) -> bool:
        return q is not None and len(self.text[q.start : q.end].split()) <= 3

    def _inverted(self, verb: Token, sent: Span, c_start: int, c_end: int, clitic: Token | None, cue: tuple[int, int]) -> bool:
        doc, rules = self.doc, self.rules
        # an incise has its subject after it, no subject before, no object, and a finite verb
        # or a past participle (« affirmant que » is a participle clause, not an incise)
        # « Le maire, Jean Dupont, a condamné … »: the comma closes the subject's apposition
        opening = self._quote_ending_at(doc[c_start - 2].idx + len(doc[c_start - 2].text)) if c_start >= 2 else None
        quoted_clause = opening is not None and self._quote_starts_clause(opening, sent)
        def apposed_subject(c: Token) -> bool:
            # a subject noun phrase running up to the comma, with no verb of its own
            return (c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i and c.right_edge.i >= c_start - 2
                    and c.pos_ in ("NOUN", "PROPN") and not any(
                        "VerbForm=Fin" in str(t.morph) for t in doc[c.left_edge.i : c_start]))

        if not quoted_clause and any(apposed_subject(c) for c in verb.children):
            return False
        if "VerbForm=Part" in str(verb.morph) and "Tense=Pres" in str(verb.morph):
            return False
        # the subject comes after the verb group
        if clitic is not None:
            subj: Mention | None = self.mention((clitic.i, clitic.i + 1), "pronoun")
            if _low(clitic) in ("-on", "on"):
                subj = self._source_after_on(c_end, sent)
        else:
            rng = None
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubj:pass") and child.i > verb.i:
                    rng = _subtree_range(child)
                    rng = (max(rng[0], c_end), rng[1])
                    break
            surface = _np_after(doc, c_end, sent.end, rules)
            if surface is not None and (rng is None or surface[0] <= rng[0] or rng[1] - rng[0] > 12):
                rng = surface
            if rng is not None:
                rng = self._cut_mention(rng, sent)
            subj = self.mention(rng)
            if subj is None:
                return False
        # the content runs from the clause start to the comma before the cue
        before = c_start - 1
        while before > sent.start and (doc[before].text == "," or doc[before].is_space):
            before -= 1
        end_char = doc[before].idx + len(doc[before].text)
        # a quotation ending right there is a direct statement (quote rules handle it)
        q = self._quote_ending_at(end_char)
        if q is not None and self._quote_starts_clause(q, sent):
            self.cands.append(
                Cand("direct", q.start, q.end, cue=cue, mention=subj, verb=verb, priority=5, sent_start=sent.start_char)
            )
            return True
        start_char = _skip_dateline(self.text, sent.start_char)
        start, end = _balanced_trim(self.text, start_char, end_char)
        if end - start < 8:
            return False
        self.cands.append(
            Cand("indirect", start, end, cue=cue, mention=subj, verb=verb, priority=4, sent_start=sent.start_char)
        )
        return True

    def _source_after_on(self, i: int, sent: Span) -> Mention | None:
        """« a-t-on appris de source policière »: the source is the speaker."""
        doc = self.doc
        j = i
        while j < sent.end and (doc[j].pos_ == "ADV" or doc[j].is_space):
            j += 1
        if j < sent.end and _low(doc[j]) in ("de", "d'", "auprès", "selon") and j + 1 < sent.end:
            rng = _np_after(doc, j + 1, sent.end, self.rules, allow_skip=False)
            if rng is not None:
                return self.mention(rng)
        return None

    def _cut_mention(self, rng: tuple[int, int], sent: Span) -> tuple[int, int]:
        s, e = rng
        for k in range(s, e):
            t = self.doc[k]
            if k > s and (_low(t) in ("qui", "que", "dont") or t.text in (";", ":")):
                e = k
                break
            # « Les syndicats, eux, dénoncent »: a stressed pronoun after the subject is no part of it
            if k > s and t.text == "," and k + 1 < e and _low(self.doc[k + 1]) in self.rules.stressed:
                e = k
                break
        while e > s and self.doc[e - 1].text in (",", "-"):
            e -= 1
        return s, e

    def _quote_ending_at(self, end_char: int) -> Quote | None:
        for q in self.quotes:
            if q.close == end_char or q.end == end_char:
                return q
        return None

    def _quote_starts_clause(self, q: Quote, sent: Span) -> bool:
        # the quotation opens the sentence (or follows a colon / another cue group)
        before = self.text[sent.start_char : q.open].strip(" \t\n\u00a0\u202f")
        return before == ""

    def _que_after(self, verb: Token, c_end: int, sent: Span) -> int | None:
        doc = self.doc
        # the parser's ccomp with its complementiser, else a que right after the verb group
        j = c_end
        limit = min(sent.end, c_end + 12)
        while j < limit:
            t = doc[j]
            low = _low(t)
            if low in self.rules.que and t.dep_ != "fixed" and (
                j == 0 or _low(doc[j - 1]) not in self.rules.not_before_que
            ):
                return j
            if t.pos_ in ("VERB",) and j > c_end or t.text in (".", ";", "?", "!") or (
                _is_mark(t) and j > c_end + 1
            ):
                return None
            if self.rules.is_cue(t) and t.i != verb.i:
                return None
            j += 1
        return None

    def _infinitive_after(self, verb: Token, c_end: int, sent: Span) -> int | None:
        doc = self.doc
        for child in verb.children:
            if child.dep_ in ("xcomp", "ccomp") and child.i >= c_end and "VerbForm=Inf" in str(child.morph):
                left = child.left_edge.i
                return max(left, c_end) if left >= c_end else child.i
        j = c_end
        while j < sent.end and j < c_end + 5:
            t = doc[j]
            if "VerbForm=Inf" in str(t.morph) and t.pos_ in ("VERB", "AUX"):
                return j
            if t.is_punct or t.pos_ in ("NOUN", "PROPN", "VERB", "SCONJ") and "Inf" not in str(t.morph):
                return None
            j += 1
        return None

    def _de_phrase(self, verb: Token, c_end: int, sent: Span) -> tuple[int, int, tuple[int, int]] | None:
        doc = self.doc
        lemma = _fold(verb.lemma_)
        for phrase in self.rules.de_cues:
            if phrase[0] != lemma:
                continue
            words = phrase[1:]
            j = c_end
            ok = True
            for w in words:
                while j < sent.end and doc[j].pos_ == "ADV" and _low(doc[j]) != w:
                    j += 1
                if j < sent.end and (_low(doc[j]) == w or w == "de" and _low(doc[j]) in ("d'", "du", "des")):
                    j += 1
                else:
                    ok = False
                    break
            if not ok:
                continue
            cue_end = doc[j - 1]
            start = j if _low(doc[j - 1]) in ("de", "d'") else j - 1
            if _low(doc[j - 1]) in ("du", "des"):
                start = j - 1
            end = self._clause_end(start, sent, np_only=True)
            s_char = doc[start].idx
            return s_char, end, (doc[verb.i].idx, cue_end.idx + len(cue_end.text))
        return None

    def _passive(self, verb: Token, sent: Span, cue: tuple[int, int]) -> bool:
        doc = self.doc
        if _fold(verb.lemma_) not in self.rules.count and _fold(verb.lemma_) not in ("annoncer", "confirmer", "estimer"):
            return False
        agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
        subj = next((c for c in verb.children if c.dep_ == "nsubj:pass"), None)
        if agent is None or subj is None:
            return False
        if _fold(subj.lemma_) in self.rules.speech_nouns:
            return False  # « l'information a été confirmée par X »: speech named, no claim
        s, e = _subtree_range(subj)
        a_s, a_e = _subtree_range(agent)
        a_s += 1 if _low(doc[a_s]) == "par" else 0
        a_s, a_e = self._cut_mention((a_s, a_e), sent)
        # the claim is the counted subject and what the verb says of it
        start = doc[s].idx
        end = doc[e - 1].idx + len(doc[e - 1].text)
        self.cands.append(
            Cand("indirect", *_balanced_trim(self.text, start, end), cue=cue, mention=self.mention((a_s, a_e)),
                 verb=verb, priority=2, sent_start=sent.start_char)
        )
        return True

    def _np_object(self, verb: Token, c_end: int, sent: Span) -> tuple[int, int] | None:
        """The noun phrase a claim verb reports (« a dénombré 41.500 manifestants »): the
        parser's object, else the words right after the verb group when they open a noun
        phrase (the parse of phrases with numbers is often wrong)."""
        doc = self.doc
        obj = next((c for c in verb.children if c.dep_ in ("obj",) and c.i >= c_end and c.pos_ != "PRON"), None)
        if obj is not None:
            if _fold(obj.lemma_) in self.rules.speech_nouns:
                return None  # « a rappelé les déclarations de X »: speech named, no claim
            s = max(obj.left_edge.i, c_end)
        else:
            morph = str(verb.morph)
            has_aux = any(c.dep_.startswith("aux") for c in verb.children)
            if "VerbForm=Inf" in morph or "VerbForm=Part" in morph and not has_aux:
                return None  # infinitives and bare participles: only what the parser found
            if any(c.dep_ == "aux:pass" for c in verb.children):
                return None
            s = c_end
            # skip adverbs and a stressed pronoun between commas (« comptabilise, lui, quatre … »)
            while s < sent.end and (doc[s].pos_ == "ADV" and _low(doc[s]) not in self.rules.quantity_adverbs
                                    or doc[s].text == ","
                                    or _low(doc[s]) in ("lui", "elle", "eux", "elles") and s + 1 < sent.end
                                    and doc[s + 1].text == ","):
                s += 1
            if s >= sent.end:
                return None
            first = doc[s]
            quantity = _low(first) in self.rules.quantity_adverbs and s + 1 < sent.end and _low(doc[s + 1]) in ("de", "d'", "du", "des")
            if not (first.pos_ in ("DET", "NUM") or first.like_num or quantity or _is_mark(first) and first.text in OPEN_MARKS):
                return None
            if _fold(first.text) in ("de", "d'", "du", "des") and first.pos_ == "ADP":
                return None
            nxt = next((t for t in doc[s : min(sent.end, s + 4)] if t.pos_ in ("NOUN", "PROPN")), None)
            if nxt is not None and _fold(nxt.lemma_) in self.rules.speech_nouns:
                return None
        while s < sent.end and (doc[s].is_punct and not _is_mark(doc[s]) or doc[s].pos_ == "ADV"
                                and _low(doc[s]) not in self.rules.quantity_adverbs):
            s += 1
        if s >= sent.end:
            return None
        end = self._clause_end(s, sent, np_only=True)
        start = doc[s].idx
        if end - start < 3:
            return None
        return start, end

    def _clause_end(self, start_tok: int, sent: Span, np_only: bool = False) -> int:
        """End of a reported clause that starts at ``start_tok``: the sentence end, or an
        earlier boundary (a colon, a semicolon)."""
        doc = self.doc
        end_tok = sent.end
        depth = 0
        for t in doc[start_tok : sent.end]:
            if t.text in ("(",):
                depth += 1
            elif t.text == ")":
                depth -= 1
            if depth == 0 and t.i > start_tok and (
                t.text == ";" or t.text == ":" and t.i + 1 < sent.end and _is_mark(doc[t.i + 1])
            ):
                end_tok = t.i
                break
            # a reported noun phrase ends where a coordinated verb starts (« … et appelle … »)
            if np_only and depth == 0 and t.pos_ == "CCONJ" and t.i > start_tok and any(
                "VerbForm=Fin" in str(x.morph) for x in doc[t.i + 1 : min(t.i + 3, sent.end)]
            ):
                end_tok = t.i
                break

        last = doc[end_tok - 1]
        return _balanced_trim(self.text, doc[start_tok].idx, last.idx + len(last.text))[1]

    def _add_verb_cand(self, kind: str, start: int, end: int, verb: Token, cue: tuple[int, int],
                       clitic: Token | None, sent: Span, priority: int) -> None:
        doc = self.doc
        start, end = _balanced_trim(self.text, start, end)
        if end - start < 3:
            return
        mention: Mention | None = None
        speaker_from = None
        if clitic is not None:
            mention = self.mention((clitic.i, clitic.i + 1), "pronoun")
        else:
            rng = _subject(doc, verb, self.rules)
            if rng is None and verb.dep_ != "conj" and (
                "VerbForm=Fin" in str(verb.morph) or any(c.dep_.startswith("aux") for c in verb.children)
                or verb.pos_ not in ("VERB", "AUX")  # a cue the tagger took for a noun
            ):
                c_start = _cue_group(doc, verb, self.rules)[0]
                rng = _np_before(doc, c_start, sent.start)
                if rng is not None and not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[rng[0] : rng[1]]):
                    rng = None
            if rng is None:
                if verb.dep_ in ("advcl", "conj", "xcomp", "acl") or "VerbForm=Part" in str(verb.morph):
                    speaker_from = "head"
                elif verb.dep_ == "acl:relcl":
                    speaker_from = "relative"
            else:
                rng = self._cut_mention(rng, sent)
                mention = self.mention(rng)
                if mention is not None and mention.span.root.lower_ == "qui":
                    speaker_from = "relative"
                    mention = self.mention(rng, "relative")
        self.cands.append(
            Cand(kind, start, end, cue=cue, mention=mention, speaker_from=speaker_from, head_cue=verb.head,
                 verb=verb, priority=priority, sent_start=sent.start_char)
        )

    # according to ---------------------------------------------------------------------------
    def according_rules(self) -> None:
        doc, rules = self.doc, self.rules
        words = [_fold(t.text) for t in doc]
        i = 0
        n = len(doc)
        while i < n:
            matched = None
            for phrase in rules.according_by_first.get(words[i].replace("'", "' ").strip(), ()):
                k = len(phrase)
                if i + k <= n and all(words[i + m].replace("'", "' ").strip() == phrase[m] or
                                      words[i + m] == phrase[m] for m in range(k)):
                    matched = phrase
                    break
            if matched is None:
                i += 1
                continue
            k = len(matched)
            sent = self.sent_of(doc[i])
            if self.in_quote(doc[i].idx) is not None and not self._quote_is_term(self.in_quote(doc[i].idx)):
                i += k
                continue
            if i > 0 and rules.is_cue(doc[i - 1]):
                i += k
                continue  # « a-t-on appris de source policière »: the cue's own source
            initial = self._sentence_initial(i, sent)
            if matched in rules.initial_only and not initial:
                i += k
                continue
            rng = _np_after(doc, i + k, sent.end, rules, allow_skip=False, open_end=False)
            if rng is None:
                i += k
                continue
            rng = self._cut_mention(rng, sent)
            s, e = rng
            head = next((t for t in doc[s:e] if t.pos_ in ("NOUN", "PROPN")), None)
            if head is not None and _fold(head.text) in rules.not_sources:
                i += k
                continue  # « selon la méthode des quotas »: a manner, not a source
            if matched in rules.initial_only and not any(t.ent_type_ in ("PER", "ORG") or t.pos_ == "PROPN" for t in doc[s:e]):
                i += k
                continue
            weak = e - s == 1 and _low(doc[s]) in rules.stressed
            mention = self.mention(rng, "pronoun" if weak else "np")
            cue = (doc[i].idx, doc[i + k - 1].idx + len(doc[i + k - 1].text))
            # where is the phrase in its clause?
            after = _next_content_token(doc, e, sent.end)
            if initial and after < sent.end:
                start = doc[after].idx
                end = self._clause_end(after, sent)
            else:
                # final or medial: the clause before it, or after it
                before = i - 1
                while before > sent.start and (doc[before].is_punct and not _is_mark(doc[before]) or doc[before].is_space):
                    before -= 1
                # the clause starts at the sentence start, or after the last colon or semicolon,
                # or after the last comma when an earlier attribution claims the words before it
                # (« D'après X, 15 000 personnes, contre 4 500 selon la police »)
                earlier = any(c.cue is not None and c.sent_start == sent.start_char and c.cue[1] <= doc[i].idx
                              for c in self.cands)
                stops: tuple[str, ...] = (":", ";", ",") if earlier else (":", ";")
                clause = next((k + 1 for k in range(before, sent.start - 1, -1) if doc[k].text in stops), sent.start)
                start = _skip_dateline(self.text, doc[clause].idx if clause < len(doc) else sent.start_char)
                end = doc[before].idx + len(doc[before].text)
                medial = (
                    after < sent.end and e < sent.end and doc[e].text == "," and doc[i - 1].text == ","
                    and _low(doc[after]) not in ("qui", "dont", "que")
                )
                if medial and not self._complete_chunk(sent.start, i - 1):
                    # « …, même si c'est, selon les manifestants, ce que … »: the words after
                    start = doc[after].idx
                    end = self._clause_end(after, sent)
            start, end = _balanced_trim(self.text, start, end)
            if end - start >= 3:
                kind = "according_to"
                q = self._quote_ending_at(end) or self._quote_ending_at(end + 1)
                if q is not None and not initial and q.start <= start + 1 and self._quote_starts_clause(q, sent):
                    kind = "direct"
                    start, end = q.start, q.end
                # « selon lui » inside what its referent says adds nothing: weak, gives way
                priority = 4 if kind == "direct" else 3
                self.cands.append(Cand(kind, start, end, cue=cue, mention=mention, priority=-1 if weak else priority,
                                       sent_start=sent.start_char))
            i += k

    def _complete_chunk(self, start: int, comma: int) -> bool:
        """Whether the words before a medial « , selon X, » (from the last comma before it)
        stand on their own as a noun phrase the source vouches for (« des violences d'une
        gravité sans précédent, selon X, se sont déroulées »): several words, no verb."""
        doc = self.doc
        k = comma - 1
        while k > start and doc[k].text != ",":
            k -= 1
        chunk = [t for t in doc[k + 1 if doc[k].text == "," else k : comma] if not t.is_punct]
        return len(chunk) >= 3 and not any(t.pos_ in ("VERB", "AUX") for t in chunk)

    def _sentence_initial(self, i: int, sent: Span) -> bool:
        """Whether token ``i`` opens its sentence, or the clause after a colon or semicolon."""
        j = sent.start
        for k in range(i - 1, sent.start - 1, -1):
            if self.doc[k].text in (":", ";"):
                j = k + 1
                break
        while j < i and (self.doc[j].is_space or self.doc[j].is_punct or _low(self.doc[j]) in self.rules.adverbs):
            j += 1
        return j == i

    # quotations ----------------------------------------------------------------------------
    def _cue_before_quote(self, q: Quote, sent: Span, before: str) -> Token | None:
        """The cue verb that introduces a quotation: before a colon ending ``before``, or right
        before the opening mark (adverbs aside)."""
        doc = self.doc
        last = self.tok_at(sent.start_char + len(before) - 1) if before else None
        if last is None:
            return None
        if before.endswith(":"):
            for j in range(last - 1, max(sent.start, last - 12) - 1, -1):
                if self.rules.is_cue(doc[j]) and self.in_quote(doc[j].idx) is None:
                    return doc[j]
            return None
        j = last
        while j > sent.start and doc[j].pos_ == "ADV":
            j -= 1
        tok = doc[j]
        # a claim verb's quoted object (« a dénoncé « un passage en force » ») is part of an
        # indirect statement; a verb of saying introduces the quoted words themselves
        if self.rules.is_cue(tok) and tok.pos_ in ("VERB", "AUX") and self.in_quote(tok.idx) is None \
                and self.rules.lemma(tok) not in self.rules.np_claim:
            return tok
        return None

    def quote_rules(self) -> None:
        """Quotations with a cue before them, or none (follow-on)."""
        doc = self.doc
        for q in self.quotes:
            if any(c.kind == "direct" and c.start == q.start for c in self.cands):
                continue
            if self._quote_is_term(q):
                continue
            first = self.tok_at(q.open)
            if first is None:
                continue
            sent = self.sent_of(doc[first])
            before = self.text[sent.start_char : q.open].rstrip(" \t\n\u00a0\u202f")
            # cue first, with a colon (« Le syndicat a prévenu : « … » ») or right before the
            # quotation (« une pancarte proclamait « … » »)
            verb = self._cue_before_quote(q, sent, before)
            if verb is not None:
                c_start, c_end, clitic = _cue_group(doc, verb, self.rules)
                cue = (doc[c_start].idx, doc[c_end - 1].idx + len(doc[c_end - 1].text))
                mention = None
                speaker_from = None
                if clitic is not None:
                    mention = self.mention((clitic.i, clitic.i + 1), "pronoun")
                else:
                    rng = _subject(doc, verb, self.rules) or _np_before(doc, c_start, sent.start)
                    mention = self.mention(self._cut_mention(rng, sent)) if rng else None
                    if mention is None:
                        speaker_from = "head"
                self.cands.append(Cand("direct", q.start, q.end, cue=cue, mention=mention, speaker_from=speaker_from,
                                       head_cue=verb.head, verb=verb, priority=5, sent_start=sent.start_char))
                continue
            # slogans: « aux cris de « … » », « en scandant « … » »: the crowd's words
            slogan = next((p for p in self.rules.slogans if _fold(before).endswith(p)), None)
            if slogan is not None:
                cue_start = sent.start_char + len(before) - len(slogan)
                root = sent.root
                rng = _subject(doc, root, self.rules)
                self.cands.append(Cand("direct", q.start, q.end, cue=(cue_start, sent.start_char + len(before)),
                                       mention=self.mention(self._cut_mention(rng, sent)) if rng else None,
                                       speaker_from=None if rng else "previous", priority=5,
                                       sent_start=sent.start_char))
                continue
            # the second half of a quotation split by its cue: « A », a déclaré X, « B »
            if before.endswith(","):
                half = next((c for c in self.cands if c.kind == "direct" and c.cue is not None
                             and c.sent_start == sent.start_char and c.end < q.open
                             and not self.text[max(c.cue[1], (c.mention.span.end_char if c.mention else 0)) : q.open]
                             .strip(" ,\t\u00a0\u202f")), None)
                if half is not None:
                    self.cands.append(Cand("direct", q.start, q.end, cue=half.cue, speaker_from="previous",
                                           priority=4, sent_start=sent.start_char))
                    continue
            # a quotation that is a whole sentence (or more) with no cue: a follow-on
            after = self.text[q.close : sent.end_char].strip(" \t\n\u00a0\u202f")
            if before == "" and (after == "" or after in (".", "!", "?", "…")):
                self.cands.append(Cand("direct", q.start, q.end, speaker_from="previous", priority=0,
                                       sent_start=sent.start_char))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def settle(cands: list[Cand], text: str) -> list[Cand]:
    """One statement per reported passage: drop contained quotations and duplicates, cut a
    content that swallows another statement's cue or speaker. Contents stay inside their
    sentence, so candidates are settled sentence by sentence."""
    by_sentence: dict[int, list[Cand]] = {}
    for c in cands:
        by_sentence.setdefault(c.sent_start, []).append(c)
    kept: list[Cand] = []
    for group in by_sentence.values():
        kept.extend(_settle_sentence(group, text))
    kept.sort(key=lambda c: c.start)
    return kept


def _settle_sentence(cands: list[Cand], text: str) -> list[Cand]:
    cands = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
    # a weak candidate (« selon lui ») that runs over another statement's words gives way
    strong = [c for c in cands if c.priority >= 0]
    cands = [c for c in cands if c.priority >= 0 or not any(
        _overlap((c.start, c.end), (o.start, o.end)) or o.cue and c.start <= o.cue[0] < c.end for o in strong)]
    # cut contents that run over another statement's cue or speaker
    for c in cands:
        for o in cands:
            if o is c or o.cue is None or o.priority < 0:
                continue
            marks = [o.cue[0]]
            if o.mention is not None:
                marks.append(o.mention.span.start_char)
            first = min(marks)
            if c.start < first < c.end and not (c.cue and c.cue[0] <= first < c.cue[1]) and not (
                o.start <= c.start and c.end <= o.end
            ):
                cut = _cut_before(text, c.start, first)
                if cut - c.start >= 3:
                    c.end = cut
    kept: list[Cand] = []
    for c in sorted(cands, key=lambda c: -c.priority):
        clash = None
        for k in kept:
            ov = _overlap((c.start, c.end), (k.start, k.end))
            if ov == 0:
                continue
            shorter = min(c.end - c.start, k.end - k.start) or 1
            if ov * 2 >= shorter:
                clash = k
                break
        if clash is None:
            kept.append(c)
    return kept


def _cut_before(text: str, start: int, at: int) -> int:
    """The end of a content cut just before offset ``at``: back over spaces, a subject, and
    the comma or conjunction that opens the next clause."""
    seg = text[start:at]
    best = -1
    for sep in (", tandis qu", ", alors qu", ", mais ", " et que ", ", ", "; ", " : "):
        k = seg.rfind(sep)
        if k > best:
            best = k
    end = start + best if best > 0 else at
    return _trim(text, start, end)[1]


def find_candidates(doc: Doc, pack: LanguagePack, quotes: Sequence[Quote], rules: Rules | None = None) -> list[Cand]:
    """The settled candidate statements of ``doc``, in text order, each with the mention of its
    speaker (resolved later by :mod:`selon.extract.speakers`)."""
    ex = Extractor(doc, rules or Rules(pack), quotes)
    return settle(ex.run(), ex.text)


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
