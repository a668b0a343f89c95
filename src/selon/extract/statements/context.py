"""One document as the statement rules see it: the Doc, its text read once, its sentences
mended, its quotations, the candidates found so far, and the lookups every rule shares."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from selon.extract.candidates import Cand, Mention
from selon.extract.quotes import Quote
from selon.extract.statements.rules import Rules, low
from selon.extract.statements.surface import balanced_trim, skip_dateline
from selon.lang.pack import fold


def summing_up(doc: Doc, i: int, limit: int, rules: Rules) -> bool:
    """Whether tokens from ``i`` are a noun phrase of at most three words then a relative
    pronoun ("a move that", "something that", « une mesure qui »)."""
    if i >= limit or doc[i].pos_ not in ("DET", "NOUN", "PRON") or low(doc[i]) in rules.relatives:
        return False
    for t in doc[i + 1 : min(i + 4, limit)]:
        if low(t) in rules.relatives:
            return doc[t.i - 1].pos_ in ("NOUN", "PRON")
        if t.pos_ not in ("DET", "ADJ", "NOUN"):
            return False
    return False

class Context:
    """A document under the statement rules; the rules append what they find to ``cands``."""

    def __init__(self, doc: Doc, rules: Rules, quotes: Sequence[Quote]) -> None:
        self.doc = doc
        self.rules = rules
        self.text = doc.text  # Doc.text is rebuilt on every access: read it once
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
                or not (prev.text in (".", "?", "!", "…", "...") or prev.idx in closing
                        or prev.text in self.rules.closing)
            )
            if glued:
                bounds[-1][1] = sent.end
            else:
                bounds.append([sent.start, sent.end])
        return [doc[a:b] for a, b in bounds]

    # -- lookups ----------------------------------------------------------------------------------
    def tok_at(self, char: int) -> int | None:
        """Index of the token covering ``char``."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else None

    def sent_of(self, tok: Token) -> Span:
        """The (mended) sentence of a token."""
        return self.sents[self.sent_at[tok.i]]

    def in_quote(self, char: int) -> Quote | None:
        """The closed quotation that holds ``char`` (an unclosed mark hides no cue)."""
        for q in self.all_quotes:
            if q.closed and q.open <= char < q.close:
                return q
        return None

    def quote_is_term(self, q: Quote | None) -> bool:
        """Whether a quotation is a short term (three words at most), not somebody's words."""
        return q is not None and len(self.text[q.start : q.end].split()) <= 3

    def quote_ending_at(self, end_char: int) -> Quote | None:
        """The top-level quotation whose closing mark or content ends at ``end_char``."""
        for q in self.quotes:
            if q.close == end_char or q.end == end_char:
                return q
        return None

    def quoted_contents(self, start: int, end: int) -> list[Quote]:
        """The quotations that make the content ``start, end`` direct statements: a list of
        quotations joined by commas and coordinators (« "A", "B" et "C", ont crié les
        manifestants »), else a :meth:`detached_quote`; none when the content is narration."""
        quotes = [q for q in self.quotes if start <= q.open and q.close <= end]
        if len(quotes) >= 2:
            gaps = [self.text[a.close : b.open] for a, b in zip(quotes, quotes[1:], strict=False)]
            gaps += [self.text[start : quotes[0].open], self.text[quotes[-1].close : end]]
            if all(fold(g).strip(" \t\n\u00a0\u202f,") in self.rules.coordinators | {""} for g in gaps):
                return quotes
            if self._glued_quotes(start, end, quotes):
                return quotes
        q = self.detached_quote(start, end)
        return [q] if q is not None else []

    def _glued_quotes(self, start: int, end: int, quotes: list[Quote]) -> bool:
        """Whether quotations that open the content are joined by words with no verb of their own
        (« « A », pour permettre la marche « B », a-t-elle déclaré », « « A », une dissimulation
        « B », a-t-il poursuivi »): each is then the speaker's own words, not a partial quotation
        of a reported clause (which has its subject or verb outside the marks)."""
        before = self.text[start : quotes[0].open].strip(" \t\n\u00a0\u202f")
        if before != "" and not before.endswith(","):
            return False
        if any(self.quote_is_term(q) for q in quotes):
            return False
        bounds = [start, *(x for q in quotes for x in (q.open, q.close)), end]
        gaps = list(zip(bounds[::2], bounds[1::2], strict=True))
        if any(self.has_clause(a, b) for a, b in gaps):
            return False
        # « « A », les gardes-côtes « ont autorisé … » »: a subject between the marks whose verb is
        # quoted makes them one reported clause
        for a, b in gaps[1:]:
            span = self.doc.char_span(a, b, alignment_mode="expand") if b > a else None
            for t in span or ():
                if t.dep_.startswith("nsubj") and any(q.open <= t.head.idx < q.close for q in quotes):
                    return False
        return True

    def detached_quote(self, start: int, end: int) -> Quote | None:
        """The quotation that is the whole of the content ``start, end`` but for words with no
        verb of their own set off from it by a comma: « « … », la place qu'ils bloquent,
        a-t-il ajouté », « Sur ce total, « … », a-t-il assuré ». Short terms in quotation marks
        are no such quotation."""
        for q in reversed(self.quotes):
            if q.open < start or q.close > end or self.quote_is_term(q):
                continue
            before = self.text[start : q.open].strip(" \t\n\u00a0\u202f")
            after = self.text[q.close : end].strip(" \t\n\u00a0\u202f")
            # « « … » déjoué contre le rassemblement, a-t-il dit »: words with no verb of their own
            # may follow a quotation that opens the content without a comma
            if (before == "" or before.endswith(",")) and (after == "" or after.startswith(",") or before == "") \
                    and not self.has_clause(start, q.open) and not self.has_clause(q.close, end):
                return q
            return None
        return None

    def has_clause(self, start: int, end: int) -> bool:
        """Whether the characters ``start, end`` hold a finite verb outside a relative clause."""
        span = self.doc.char_span(start, end, alignment_mode="expand") if end > start else None
        if span is None:
            return False
        for t in span:
            if "VerbForm=Fin" not in str(t.morph):
                continue
            k = t
            while k.i >= span.start and not k.dep_.startswith("acl") and k.head.i != k.i:
                k = k.head
            if not k.dep_.startswith("acl"):
                return True
        return False

    def quote_starts_clause(self, q: Quote, sent: Span) -> bool:
        """Whether a quotation opens its sentence."""
        before = self.text[sent.start_char : q.open].strip(" \t\n\u00a0\u202f")
        return before == ""

    # -- contents ---------------------------------------------------------------------------------
    def trim(self, start: int, end: int) -> tuple[int, int]:
        """:func:`balanced_trim` on this document's text."""
        return balanced_trim(self.text, start, end, self.rules)

    def skip_dateline(self, start: int) -> int:
        """:func:`skip_dateline` on this document's text."""
        return skip_dateline(self.text, start, self.rules)

    def clause_end(self, start_tok: int, sent: Span, np_only: bool = False, request: bool = False) -> int:
        """End of a reported clause that starts at ``start_tok``: the sentence end, or an
        earlier boundary (a semicolon, a colon before a quotation; with ``np_only``, a
        coordinated verb or a clause of its own; with ``request`` too, a relative clause after
        a comma)."""
        doc = self.doc
        end_tok = sent.end
        depth = 0
        for t in doc[start_tok : sent.end]:
            if t.text in ("(",):
                depth += 1
            elif t.text == ")":
                depth -= 1
            if depth == 0 and t.i > start_tok and (
                t.text == ";" or t.text == ":" and t.i + 1 < sent.end and self.rules.is_mark(doc[t.i + 1])
            ):
                end_tok = t.i
                break
            # a reported noun phrase ends where a coordinated verb starts (« … et appelle … »),
            # or where a clause of its own follows a comma (« évoquant un déficit de 2 %, le
            # spread s'est relâché »); a request, before a relative clause (« appelle à manifester à
            # Valence, où le président … »)
            if np_only and depth == 0 and t.i > start_tok and (
                t.pos_ == "CCONJ" and any("VerbForm=Fin" in str(x.morph) for x in doc[t.i + 1 : min(t.i + 3, sent.end)])
                or t.text == "," and self._clause_after(t.i + 1, sent.end)
                or request and t.text == "," and t.i + 1 < sent.end and low(doc[t.i + 1]) in self.rules.relative_openers
                # « a réaffirmé sa volonté de …, à l'issue d'une journée … »: a detached adverbial
                or not request and t.text == "," and t.i + 1 < sent.end and doc[t.i + 1].pos_ == "ADP"
                and low(doc[t.i + 1]) in self.rules.adverbial_prepositions
                # « a demandé à la justice d'accélérer l'enquête, se disant … »: a participle clause
                or t.text == "," and self._participle_after(t.i + 1, sent.end)
                # "condemned the abuse, after a philosopher was attacked": a subordinate clause
                or t.text == "," and t.i + 1 < sent.end and doc[t.i + 1].pos_ == "SCONJ"
            ):
                end_tok = t.i
                break
            # "pledged to raise wages, a move that …", « …, une décision qui … »: a noun phrase with
            # its relative clause after a comma or a dash sums the words up; it is no part of them
            if depth == 0 and t.i > start_tok and t.is_punct and t.text in (",", "–", "—") and summing_up(doc, t.i + 1, sent.end, self.rules):
                end_tok = t.i
                break

        last = doc[end_tok - 1]
        end = last.idx + len(last.text)
        # « … que « les taxis restent », l'une des entrées de la ville »: an apposition that
        # comments the quoted words is no part of them
        for q in self.quotes:
            if doc[start_tok].idx < q.close < end and q.closed and self.text[q.close : end].lstrip().startswith(",") \
                    and self._apposition(q.close, end):
                end = q.close
                break
        return self.trim(doc[start_tok].idx, end)[1]

    def _apposition(self, start: int, end: int) -> bool:
        """Whether the characters ``start, end`` (a comma first) are a noun phrase with no verb
        of its own outside a relative clause, and no quotation (« la "vision", la "créativité" »
        is a list)."""
        if any(start <= q.open < end for q in self.quotes):
            return False
        span = self.doc.char_span(start, end, alignment_mode="expand")
        words = [t for t in span if not t.is_punct and not t.is_space] if span is not None else []
        return bool(words) and words[0].pos_ in ("DET", "NOUN", "PRON") and not self.has_clause(start, end)

    def _participle_after(self, i: int, limit: int) -> bool:
        """Whether a present participle opens a detached clause at token ``i``, after at most
        one clitic (« se disant », « en dénonçant », « le jugeant »)."""
        feats = self.rules.participle_clause
        for t in self.doc[i : min(i + 2, limit)]:
            if feats and t.pos_ in ("VERB", "AUX") and all(f in str(t.morph) for f in feats):
                return t.dep_ != "case"  # "…, including X": a participle the parser reads as a preposition
            if t.pos_ not in ("PRON", "ADP"):
                return False
        return False

    def _clause_after(self, i: int, limit: int) -> bool:
        """Whether a clause of its own starts at token ``i``: a subject, then a finite verb within
        a few words, with no punctuation, relative pronoun or conjunction before it."""
        if i >= limit or self.doc[i].pos_ not in ("DET", "PRON", "PROPN", "NOUN") or "PronType=Rel" in str(
                self.doc[i].morph) or low(self.doc[i]) in self.rules.relatives:
            return False  # « un « acte infâme, lâche et barbare » »: no subject, no clause
        for t in self.doc[i + 1 : min(i + 6, limit)]:
            if "VerbForm=Fin" in str(t.morph):
                return t.pos_ in ("VERB", "AUX")
            if t.is_punct or t.pos_ in ("SCONJ", "CCONJ") or "PronType=Rel" in str(t.morph):
                return False
        return False

    # -- mentions ---------------------------------------------------------------------------------
    def cut_mention(self, rng: tuple[int, int], sent: Span) -> tuple[int, int]:
        """A mention's token range cut before a relative clause, a colon or semicolon, or a
        stressed pronoun after a comma (« Les syndicats, eux, dénoncent »)."""
        s, e = rng
        for k in range(s, e):
            t = self.doc[k]
            if k > s and (low(t) in self.rules.relatives or t.text in (";", ":")):
                e = k
                break
            # « deux touristes interrogés par l'AFP »: the agent of a participle is somebody else
            # (but « les chiffres publiés par X » are X's)
            if k > s and k + 1 < e and "VerbForm=Part" in str(t.morph) \
                    and low(self.doc[k + 1]) == self.rules.agent_preposition \
                    and not any(low(w) in self.rules.report_nouns for w in self.doc[s:k]):
                e = k
                break
            # « Les syndicats, eux, dénoncent »: a stressed pronoun after the subject is no part of it
            if k > s and t.text == "," and k + 1 < e and low(self.doc[k + 1]) in self.rules.stressed:
                e = k
                break
        while e > s and self.doc[e - 1].text in (",", "-"):
            e -= 1
        return s, e

    def mention(self, rng: tuple[int, int] | None, kind: str = "np") -> Mention | None:
        """The mention over a token range, extended over the rest of a quotation it opens, a
        name it is apposed to, and the tail of a demonstrative pronoun."""
        if rng is None:
            return None
        s, e = rng
        if e <= s:
            return None
        doc = self.doc
        # a mention that opens a quotation runs to its closing mark (« le collectif "Désarmons-les" »)
        q = self.in_quote(doc[e - 1].idx)
        if q is not None and q.close > doc[e - 1].idx and q.open >= doc[s].idx:
            close_tok = self.tok_at(q.close - 1)
            if close_tok is not None:
                e = max(e, close_tok + 1)
        # a description in apposition right after a name: « Jonas, l'un des amis de la victime »
        if s >= 2 and doc[s - 1].text == "," and doc[s - 2].ent_type_ == "PER" and doc[s].pos_ in ("DET", "NOUN"):
            k = s - 2
            while k > 0 and doc[k - 1].ent_type_ == "PER" and doc[k].ent_iob_ != "B":
                k -= 1
            s = k
        # multi-token pronouns: « Celui -ci », « ce dernier »
        while e < len(doc) and low(doc[e]) in self.rules.demonstrative_tails:
            if low(doc[e]) in self.rules.demonstrative_particles and low(doc[e - 1]) != "-":
                break
            e += 1
        while e > s + 1 and doc[e - 1].is_space:
            e -= 1  # a line broken after the mention (« Former foreign secretary\n said »)
        return Mention(span=doc[s:e], kind=kind)
