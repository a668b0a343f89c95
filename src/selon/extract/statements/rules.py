"""The statement words of a language pack, compiled once per pack (per component, never per
document): cue lemmas and their forms, « selon X » phrases, quotation marks, the small words that
bound a mention or a content, and the wire dateline pattern."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from selon.lang.pack import LanguagePack, fold, folded


def low(tok: Token) -> str:
    """A token's text, case-folded with apostrophes normalised (how pack words are compared)."""
    return fold(tok.text)


def _phrases(words: Iterable[str]) -> list[tuple[str, ...]]:
    """Multi-word phrases as token tuples (an apostrophe ends a token: « d'après » → d', après)."""
    return [tuple(fold(p).replace("'", "' ").split()) for p in words]


def _dateline(capitals: Iterable[tuple[str, str]]) -> re.Pattern[str] | None:
    """A wire dateline (« PARIS, 14 mars – », « LYON (AFP) - »): a place in capitals, an optional
    bracket and date, then a dash."""
    caps = "".join(f"{re.escape(a)}-{re.escape(b)}" for a, b in capitals)
    if not caps:
        return None
    return re.compile(rf"[{caps}][{caps}' -]{{1,40}}(?:\s*\([^)]{{1,20}}\))?(?:,[^–—\n]{{1,30}})?\s*[–—-]\s+")


def phrase_from(doc: Doc, j: int, limit: int, phrases: list[tuple[str, ...]]) -> int | None:
    """The end of the first of ``phrases`` (token tuples) that starts at token ``j``, if any."""
    for p in phrases:
        if j + len(p) <= limit and all(low(doc[j + k]) == w for k, w in enumerate(p)):
            return j + len(p)
    return None


def phrase_to(doc: Doc, j: int, phrases: list[tuple[str, ...]]) -> int | None:
    """The start of the first of ``phrases`` (token tuples) that ends at token ``j`` (included)."""
    for p in phrases:
        s = j - len(p) + 1
        if s >= 0 and all(low(doc[s + k]) == w for k, w in enumerate(p)):
            return s
    return None


class Rules:
    """The statement rules' words for one language pack (built once per component)."""

    def __init__(self, pack: LanguagePack) -> None:
        self.pack = pack
        self._read_cues(pack)
        self._read_according(pack)
        self._read_marks(pack)
        self._read_mentions(pack)
        nums = pack.numbers
        # words that make a noun phrase a count (« un millier de personnes », « trois blessés »)
        self.number_words = folded(nums.words) | {fold(w) for w in (*nums.multipliers, *nums.approximate,
                                                                    *nums.vague_plurals)}
        self.clause_breaks: tuple[str, ...] = pack.contents.clause_breaks
        self.relative_openers = folded(pack.contents.relative_openers)
        self.dateline = _dateline(pack.contents.dateline_capitals)

    def _read_cues(self, pack: LanguagePack) -> None:
        cues = pack.cues
        self.cues = folded(cues.say) | folded(cues.count) | folded(cues.particle_cues)
        self.count = folded(pack.cues.count)
        self.agentless_count = folded(pack.cues.agentless_count)
        self.as_reported = folded(pack.cues.as_reported)
        self.object_clitics = folded(pack.cues.object_clitics)
        self.incise_object_clitics = folded(pack.cues.incise_object_clitics)
        self.purpose_markers = folded(pack.cues.purpose_markers)
        self.purpose = folded(pack.cues.purpose)
        self.np_claim = folded(pack.cues.np_claim)
        self.report_nouns = folded(pack.cues.report_nouns)
        self.passive_claim = folded(pack.cues.passive_claim)
        self.speech_nouns = folded(pack.cues.speech_nouns)
        self.infinitive_cues = folded(pack.cues.infinitive)
        self.gerund_cues = folded(pack.cues.gerund)
        self.appeal = folded(pack.cues.appeal)
        self.appeal_complements = folded(pack.cues.appeal_complements)
        self.addressee_prepositions = folded(pack.cues.addressee_prepositions)
        self.de_cues = {tuple(fold(p).split()) for p in cues.de_phrases}
        self.cue_prepositions = folded(cues.cue_prepositions)
        self.infinitive_markers = folded(cues.infinitive_markers)
        # verb + particle cues (« point out »): (lemma, particle) -> the cue's lemma
        self.particle_cues = {tuple(fold(p).split()[:2]): fold(p) for p in cues.particle_cues}
        self.particle_heads = {head for head, _ in self.particle_cues}
        self.causative = folded(cues.causative)
        self.hearsay_passive = folded(cues.hearsay_passive)
        self.claim_nouns = folded(cues.claim_nouns)
        # passive cues naming what their subject was called: lemma -> the word before the name
        self.passive_as = {w[0]: w[1] for w in (fold(p).split() for p in cues.passive_as) if len(w) == 2}
        self.entity_labels: dict[str, str] = dict(pack.mentions.entity_labels)
        self.de_heads = {p[0] for p in self.de_cues}
        self.slogans = sorted(folded(pack.cues.slogans), key=len, reverse=True)
        self.shouted_passive = folded(pack.cues.shouted_passive)
        self.adverbs = folded(pack.cues.adverbs)
        # the adverbs of several tokens (« pour sa part », « d'emblée »), longest first
        self.adverb_phrases = sorted((p for p in _phrases(cues.adverbs) if len(p) > 1), key=len, reverse=True)
        self.que = folded(pack.cues.complementizers)
        self.not_before_que = folded(pack.cues.not_before_complementizer)
        self.quantity_adverbs = folded(pack.cues.quantity_adverbs)
        self.aux = folded(pack.cues.auxiliaries)
        self.euphonic_t = fold(cues.euphonic_t)
        self.after_verb = folded(pack.cues.inverted_clitics)
        self.in_group = self.after_verb | folded(pack.cues.inverted_clitics_glued)
        self.subject_clitics = folded(pack.cues.subject_clitics)
        self.participle_clause = tuple(f"{k}={v}" for k, v in cues.participle_clause_morph.items())
        self.source_prepositions = folded(pack.cues.source_prepositions)
        self.impersonal = folded(pack.speakers.impersonal)
        self.stops = folded(pack.speakers.mention_stops)
        self.skip_after_cue = folded(pack.speakers.skip_after_cue)
        # the cue lemma of regular forms the lemmatiser leaves alone (« estiment » → estimer)
        self.lemma_ending = cues.regular_lemma_ending
        self.endings = cues.regular_endings
        present = cues.regular_present_ending
        # third person present of regular cues (annoncer → annonce), and the irregular ones
        # (a language whose lemma has no ending of its own adds the present ending to it: warn → warns)
        cut = len(self.lemma_ending)
        self.present_forms: dict[str, str] = {
            (c[:-cut] if cut else c) + present: c for c in self.cues if c.endswith(self.lemma_ending) and " " not in c
        } if present else {}
        self.present_forms.update({fold(k): fold(v) for k, v in cues.present_forms.items()})

    def _read_according(self, pack: LanguagePack) -> None:
        acc = pack.according_to
        self.according = sorted(_phrases(acc.phrases), key=len, reverse=True)
        self.according_by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.according:
            self.according_by_first.setdefault(phrase[0], []).append(phrase)
        self.initial_only = set(_phrases(acc.sentence_initial_only))
        self.not_sources = folded(pack.according_to.not_sources)
        self.distributive = folded(pack.according_to.distributive)
        self.opinion_holders = folded(pack.according_to.opinion_holders)
        self.stressed = folded(pack.according_to.pronouns)
        self.citing = folded(pack.according_to.citing)
        self.cited_heads = folded(pack.according_to.cited_heads)

    def _read_marks(self, pack: LanguagePack) -> None:
        pairs = pack.quotes.pairs
        self.opening = frozenset(o for o, _ in pairs)
        self.closing = frozenset(pack.quotes.closing)
        self.marks = self.opening | self.closing
        symmetric = {o for o, c in pairs if o == c}
        # marks that open or close a quotation unambiguously, and the straight ones (« " »)
        self.open_only = self.opening - symmetric
        self.close_only = self.closing - symmetric
        self.straight = tuple(o for o in sorted(symmetric) if len(o) == 1)
        self.enclosing: dict[str, str] = dict(pack.quotes.enclosing)

    def _read_mentions(self, pack: LanguagePack) -> None:
        m = pack.mentions
        self.of = fold(m.preposition_of)
        self.of_elided = folded(pack.mentions.preposition_of_elided)
        self.of_contracted = folded(pack.mentions.preposition_of_contracted)
        self.of_forms = {self.of} | self.of_elided | self.of_contracted
        self.definite = folded(pack.mentions.definite_articles)
        self.adverbial_prepositions = folded(pack.mentions.adverbial_prepositions)
        # one-word news agencies (« AFP »): an adverbial « à l'AFP » ends at them
        self.agencies = frozenset(a for a in pack.places.agencies if " " not in a)
        self.participle_complements = folded(pack.mentions.participle_complements)
        self.agent_preposition = fold(m.agent_preposition)
        self.coordinators = folded(pack.mentions.coordinators)
        self.not_after_coordinator = folded(pack.mentions.not_after_coordinator)
        self.apposition_stops = folded(pack.mentions.apposition_stops)
        self.relatives = folded(pack.mentions.relatives)
        self.relative_subject = folded(m.relative_subject)
        self.demonstrative_tails = folded(pack.mentions.demonstrative_tails)
        self.demonstrative_particles = folded(pack.mentions.demonstrative_particles)

    # -- token tests ------------------------------------------------------------------------------
    def is_count(self, tok: Token) -> bool:
        """Whether a token is a number, in digits or words."""
        return tok.like_num or tok.pos_ == "NUM" or fold(tok.text) in self.number_words

    def is_mark(self, tok: Token) -> bool:
        """Whether a token is a quotation mark."""
        return tok.text in self.marks

    def is_cue(self, tok: Token) -> bool:
        """Whether a token is a reporting verb: tagged a verb with a cue lemma, or a present-tense
        cue the tagger took for a noun, before its que-clause or in an incise."""
        if tok.pos_ in ("VERB", "AUX") or self._after_auxiliary(tok):
            return self.lemma(tok) in self.cues
        # a present-tense cue the tagger took for a noun, before its que-clause
        # (« L'économiste juge pour sa part que … »)
        if fold(tok.text) in self.present_forms and tok.i > 0 and (
            tok.doc[tok.i - 1].pos_ in ("NOUN", "PROPN", "PRON") or tok.doc[tok.i - 1].text == ","
        ):
            nxt = tok.doc[tok.i + 1 : tok.i + 6]
            if any(fold(t.text) in self.que for t in nxt) and not any(t.pos_ == "VERB" for t in nxt):
                return True
            # « La porte-parole remarque que les manifestants bloquent … »: the complementiser
            # right after it (not a relative pronoun) makes it the verb of its clause
            if len(nxt) > 1 and fold(nxt[0].text) in self.que and nxt[0].pos_ == "SCONJ" and nxt[0].dep_ == "mark":
                return True
        # after a relative subject, a present-tense cue the tagger took for a noun (« une étude,
        # qui alerte sur … »): a relative pronoun subject is followed by its verb
        if fold(tok.text) in self.present_forms and tok.i > 0 and fold(tok.doc[tok.i - 1].text) in self.relative_subject \
                and tok.doc[tok.i - 1].dep_ == "nsubj":
            return True
        # an inverted present-tense cue the tagger took for a noun (« …, annonce la CNE »)
        return (
            tok.i > 0
            and tok.doc[tok.i - 1].text == ","
            and fold(tok.text) in self.present_forms
            and tok.i + 1 < len(tok.doc)
            and (
                tok.doc[tok.i + 1].pos_ in ("DET", "PROPN")
                or bool(self.euphonic_t) and fold(tok.doc[tok.i + 1].text).startswith(self.euphonic_t)
            )
        )

    def lemma(self, tok: Token) -> str:
        """The cue lemma of a token: the lemmatiser's, else one recovered from a regular form
        the lemmatiser left alone (« estime », « estiment », « estimait »)."""
        lemma = fold(tok.lemma_)
        if lemma in self.particle_heads and (particle := self.particle(tok)) is not None:
            return self.particle_cues[lemma, fold(particle.text)]
        if lemma in self.cues:
            return lemma
        low_text = fold(tok.text)
        if low_text in self.present_forms:
            return self.present_forms[low_text]
        if tok.pos_ in ("VERB", "AUX") or self._after_auxiliary(tok):
            for ending in self.endings:
                if low_text.endswith(ending) and low_text[: -len(ending)] + self.lemma_ending in self.cues:
                    return low_text[: -len(ending)] + self.lemma_ending
        return lemma

    def particle(self, verb: Token) -> Token | None:
        """The particle that makes ``verb`` a verb + particle cue (« pointed | out »), if any."""
        lemma = fold(verb.lemma_)
        return next((c for c in verb.children if c.dep_ == "compound:prt" and (lemma, fold(c.text)) in self.particle_cues),
                    None)

    def _after_auxiliary(self, tok: Token) -> bool:
        """Whether a token the tagger took for a name or noun follows an auxiliary (« la police
        avait tweeté que … »): a participle."""
        return tok.pos_ in ("PROPN", "NOUN") and tok.i > 0 and fold(tok.doc[tok.i - 1].text) in self.aux \
            and tok.doc[tok.i - 1].pos_ == "AUX"
