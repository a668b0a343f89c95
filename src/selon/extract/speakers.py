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
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from selon.extract.candidates import Cand, Mention
from selon.lang.pack import LanguagePack, _fold
from selon.models import Speaker, Statement

DETERMINERS = {"le", "la", "les", "l'", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "son", "sa", "ses",
               "leur", "leurs", "d'", "de"}


POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}


@dataclass
class Entity:
    name: str
    kind: str  # PER | ORG | DESC
    gender: str | None = None
    number: str | None = None
    roles: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    last: int = -1
    last_subject: int = -1
    relayed_by: str | None = None
    relay_until: int = -1

    def words(self) -> set[str]:
        out: set[str] = set()
        for s in {self.name, *self.aliases, *self.roles}:
            out.update(_norm(s).split())
        return out


@lru_cache(maxsize=8192)
def _norm(s: str) -> str:
    s = _fold(s)
    s = re.sub(r"[^\w\s'-]", " ", s)
    return " ".join(w for w in s.replace("'", "' ").split() if w not in DETERMINERS)


def _singular(w: str) -> str:
    return w[:-1] if len(w) > 3 and w[-1] in "sx" else w


def _compatible(e: Entity, gender: str | None, number: str | None) -> bool:
    if gender and e.gender and e.gender != gender:
        return False
    return not (number and e.number and e.number != number)


def _morph(tok: Token, key: str) -> str | None:
    v = tok.morph.get(key, [])
    return v[0] if v else None


@dataclass(frozen=True)
class SpeakerLexicon:
    """What the speaker rules read from a language pack, built once per pack."""

    pronouns: dict[str, list[str]]
    impersonal: frozenset[str]
    titles: frozenset[str]
    first_names: dict[str, str]
    title_gender: dict[str, str]
    institutions: frozenset[str]
    report_nouns: frozenset[str]
    speech_nouns: frozenset[str]
    relay_verbs: frozenset[str]
    equivalents: list[set[str]]
    leaders: frozenset[str]
    anaphoric: frozenset[str]
    same_source: frozenset[str]


@cache
def speaker_lexicon(pack: LanguagePack) -> SpeakerLexicon:
    sp = pack.section("speakers")
    return SpeakerLexicon(
        pronouns={_fold(k): v for k, v in sp.get("pronouns", {}).items()},
        impersonal=pack.words("speakers", "impersonal"),
        titles=frozenset(t.lower() for t in sp.get("titles", [])),
        first_names={name: gender for gender, names in sp.get("first_names", {}).items() for name in names},
        title_gender={k.lower(): v for k, v in sp.get("title_gender", {}).items()},
        institutions=pack.words("speakers", "institutions"),
        report_nouns=pack.words("cues", "report_nouns"),
        speech_nouns=pack.words("cues", "speech_nouns"),
        relay_verbs=pack.words("cues", "relay"),
        equivalents=[{_norm(x) for x in group} for group in sp.get("equivalent_roles", [])],
        leaders=frozenset(_norm(x) for x in sp.get("leaders", [])),
        anaphoric=frozenset(_fold(x) for x in sp.get("anaphoric_determiners", [])),
        same_source=pack.words("speakers", "same_source"),
    )


class Discourse:
    def __init__(self, doc: Doc, pack: LanguagePack) -> None:
        self.doc = doc
        self.ents: list[Span] = list(doc.ents)  # Doc.ents builds a new tuple on every access
        self.pack = pack
        self.lex = speaker_lexicon(pack)
        self.entities: list[Entity] = []
        # mentions in text order: (char, entity, as subject), with their offsets for bisection
        self.timeline: list[tuple[int, Entity, bool]] = []
        self._chars: list[int] = []
        self.last_source: Entity | None = None
        self._seed_names()
        self._seed_roles()
        self._seed_subjects()
        self._seed_relays()

    # -- entities ------------------------------------------------------------------------------
    def _find(self, name: str) -> Entity | None:
        n = _norm(name)
        if not n:
            return None
        for e in self.entities:
            if n == _norm(e.name) or n in {_norm(a) for a in e.aliases}:
                return e
        # a surname alone (« Castaner » for « Christophe Castaner »)
        words = n.split()
        for e in reversed(self.entities):
            if e.kind == "PER" and len(words) <= 2 and " ".join(_norm(e.name).split()[-len(words):]) == n:
                return e
        return None

    def _entity(self, name: str, kind: str, gender: str | None = None, number: str | None = None,
                role: str | None = None, alias: str | None = None) -> Entity:
        e = self._find(name) or (self._find(alias) if alias else None)
        if e is None:
            e = Entity(name=name, kind=kind, gender=gender, number=number)
            self.entities.append(e)
        else:
            if len(name) > len(e.name) and kind == "PER" and e.kind == "PER" and _norm(e.name) in _norm(name):
                e.aliases.add(e.name)
                e.name = name
            e.gender = e.gender or gender
            e.number = e.number or number
        if role:
            e.roles.add(role)
        if alias and _norm(alias) != _norm(e.name):
            e.aliases.add(alias)
        return e

    def _seed_names(self) -> None:
        """Register every person and organisation the NER finds, in text order."""
        for ent in self.ents:
            if ent.label_ not in ("PER", "ORG"):
                continue
            name, title = self._strip_title(ent)
            if not name or len(name) < 2 or not name[:1].isupper():
                continue  # « le ministre de l'Intérieur » tagged ORG is a description, not a name
            gender = self.lex.title_gender.get(title or "", None) or self._gender_near(ent)
            e = self._entity(name, ent.label_, gender=gender, number="Sing" if ent.label_ == "PER" else None)
            as_subject = ent.root.dep_ in ("nsubj", "nsubj:pass") or (
                ent.root.head.dep_ in ("nsubj", "nsubj:pass") and ent.root.dep_ in ("appos", "flat:name", "nmod")
            )
            self._add(ent.start_char, e, as_subject)

    def _seed_subjects(self) -> None:
        """Subjects that carry a name (« La fédération du commerce Comeos demande … ») are
        salient for the pronouns that follow, whether or not they speak."""
        doc = self.doc
        for tok in doc:
            if tok.dep_ not in ("nsubj", "nsubj:pass") or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.ent_type_ in ("PER", "ORG"):
                continue  # already in the timeline from the NER
            end = tok.right_edge.i + 1
            for t in doc[tok.i + 1 : end]:
                if t.text in (",", "(") or t.dep_ == "acl:relcl" or _fold(t.text) in ("qui", "que", "dont"):
                    end = t.i
                    break
            span = doc[tok.left_edge.i : end]
            if not any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
                continue
            name, role, alias, kind, gender = self._describe(span)
            if name and kind in ("ORG", "PER"):
                e = self._entity(name, kind, gender=gender, role=role, alias=alias)
                self._add(span.start_char, e, True)

    def _seed_roles(self) -> None:
        """Roles from appositions around every name: « le procureur de Perpignan, Jean Dupont »,
        « Le président Jean Dupont », « Jeanne Durand, l'avocate de X », « la CNE, le syndicat … »."""
        for ent in self.ents:
            if ent.label_ not in ("PER", "ORG"):
                continue
            e = self._find(self._strip_title(ent)[0])
            if e is None:
                continue
            for role_toks in (self._description_before(ent.start), self._description_after(ent.end)):
                role = self._role_text(role_toks) if role_toks else None
                if role and _norm(role) != _norm(e.name):
                    e.roles.add(role)
                    if e.gender is None and role_toks[0].pos_ == "DET":
                        e.gender = _morph(role_toks[0], "Gender")

    def _description_before(self, i: int) -> list[Token]:
        doc = self.doc
        j = i - 1
        if j >= 0 and doc[j].text == ",":
            j -= 1
        run: list[Token] = []
        while j >= 0 and j >= i - 14:
            t = doc[j]
            coordinated = t.pos_ == "CCONJ" and j + 1 < i and doc[j + 1].pos_ in ("DET", "ADP") and j > 0 and doc[j - 1].pos_ in ("NOUN", "ADJ")
            if t.is_space or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") and not coordinated or t.is_punct and t.text not in ("-", "'"):
                break
            run.insert(0, t)
            if t.pos_ == "DET":
                before = doc[j - 1] if j > 0 else None
                if before is None or _fold(before.text) not in ("de", "d'", "du", "des", "à", "au", "aux", "en", "pour", "sur"):
                    break
            j -= 1
        while run and run[0].pos_ == "ADP":
            run = run[1:]
        # « les propos du directeur de l'hôpital, Luc Moreau »: the role is after the speech noun
        head = next((k for k, t in enumerate(run) if t.pos_ == "NOUN"), None)
        if head is not None and _fold(run[head].lemma_) in self.lex.speech_nouns:
            run = run[head + 1 :]
            while run and run[0].pos_ == "ADP" or run and _fold(run[0].text) in ("du", "des", "d'"):
                run = run[1:]
        if not run or not any(t.pos_ == "NOUN" and t.text[:1].islower() for t in run):
            return []
        if run[0].pos_ != "DET" and not run[0].text[:1].islower():
            return []
        return run

    def _description_after(self, i: int) -> list[Token]:
        doc = self.doc
        if i + 1 >= len(doc) or doc[i].text != ",":
            return []
        j = i + 1
        run: list[Token] = []
        while j < len(doc) and j < i + 14:
            t = doc[j]
            if t.is_space or t.is_punct and t.text not in ("-", "'", "(", ")") or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "ADV"):
                break
            run.append(t)
            j += 1
        if not run or not (run[0].pos_ == "DET" or run[0].pos_ == "NOUN" and run[0].text[:1].islower()):
            return []
        head = next((t for t in run if t.pos_ == "NOUN"), None)
        if head is None or not head.text[:1].islower():
            return []
        return run

    def _strip_title(self, span: Span) -> tuple[str, str | None]:
        toks = list(span)
        title = None
        while toks and (toks[0].text.lower() in self.lex.titles or _fold(toks[0].text) in DETERMINERS):
            if toks[0].text.lower() in self.lex.titles:
                title = toks[0].text.lower()
            toks = toks[1:]
        if not toks:
            return "", title
        return self.doc[toks[0].i : toks[-1].i + 1].text, title

    def _gender_near(self, ent: Span) -> str | None:
        """Gender of a name from a title (« Mme ») or the description it stands in
        apposition to (« le porte-parole de la coalition, Jean Dupont »)."""
        for t in ent:
            if t.text.lower() in self.lex.title_gender:
                return self.lex.title_gender[t.text.lower()]
        if ent.start > 0 and ent[0].text.lower() not in self.lex.title_gender and self.doc[ent.start - 1].text.lower() in self.lex.title_gender:
            return self.lex.title_gender[self.doc[ent.start - 1].text.lower()]
        for run in (self._description_before(ent.start), self._description_after(ent.end)):
            head = next((t for t in run if t.pos_ == "NOUN"), None)
            if head is None:
                continue
            # the determiner tells (« la porte-parole »); the noun alone may be epicene
            det = self.doc[head.i - 1] if head.i > 0 and self.doc[head.i - 1].pos_ == "DET" else None
            g = _morph(det, "Gender") if det is not None else None
            if g:
                return g
        if ent.label_ != "PER":
            return None
        first = next((t for t in ent if t.text.lower() not in self.lex.titles), None)
        return self.lex.first_names.get(first.text) if first is not None else None

    def _seed_relays(self) -> None:
        """« X a rappelé les déclarations (faites) par Y »: Y's next words are relayed by X."""
        for tok in self.doc:
            if tok.pos_ != "VERB" or _fold(tok.lemma_) not in self.lex.relay_verbs:
                continue
            obj = next((c for c in tok.children if c.dep_ == "obj" and _fold(c.lemma_) in self.lex.speech_nouns), None)
            if obj is None:
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            source = None
            sent_end = tok.sent.end
            # the source named in the speech noun's phrase, or in apposition right after it
            for t in [*obj.subtree, *self.doc[obj.right_edge.i + 1 : sent_end]]:
                if t.ent_type_ in ("PER", "ORG"):
                    source = t
                    break
                if t.text in (".", ";") or t.pos_ == "VERB" and t.i > obj.right_edge.i:
                    break
            if subj is None or source is None:
                continue
            relayer = self._name_of_token(subj)
            src_ent = next((e for (c, e, _) in self.timeline if c <= source.idx < c + len(e.name) + 20
                            and _norm(source.text) in _norm(e.name)), None)
            if src_ent is not None and relayer:
                src_ent.relayed_by = relayer
                sents = list(self.doc.sents)
                idx = next((k for k, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
                until = sents[min(idx + 1, len(sents) - 1)].end_char
                src_ent.relay_until = until

    def _name_of_token(self, tok: Token) -> str | None:
        for label in ("PER", "ORG"):
            for ent in self.ents:
                if ent.label_ == label and (ent.start <= tok.i < ent.end or ent.root.head.i == tok.i and label == "PER"):
                    name = self._strip_title(ent)[0]
                    if name[:1].isupper():
                        return name
        for t in tok.subtree:
            if t.ent_type_ == "PER":
                ent = next(e for e in self.ents if e.start <= t.i < e.end)
                return self._strip_title(ent)[0]
        # a description (« le ministre de la Santé »)
        end = tok.i + 1
        for t in self.doc[tok.i + 1 : tok.right_edge.i + 1]:
            if t.is_punct or _fold(t.text) in ("qui", "que", "dont"):
                break
            end = t.i + 1
        return self._describe(self.doc[tok.left_edge.i : end])[0]

    # -- resolution ----------------------------------------------------------------------------
    def _recent(self, before: int, gender: str | None, number: str | None, *, subject: bool,
                exclude_sentence_of: int | None = None) -> Entity | None:
        """The most recent entity mentioned before ``before`` that agrees with the pronoun;
        one whose gender is known to agree beats one whose gender is unknown."""
        if gender:
            known = self._recent_pass(before, gender, number, subject, exclude_sentence_of, strict=True)
            if known is not None:
                return known
        return self._recent_pass(before, gender, number, subject, exclude_sentence_of, strict=False)

    def _add(self, char: int, e: Entity, as_subject: bool) -> None:
        k = bisect.bisect_right(self._chars, char)
        self._chars.insert(k, char)
        self.timeline.insert(k, (char, e, as_subject))

    def _before(self, char: int) -> Iterator[tuple[int, Entity, bool]]:
        """Mentions before ``char``, the most recent first."""
        for k in range(bisect.bisect_left(self._chars, char) - 1, -1, -1):
            yield self.timeline[k]

    def _recent_pass(self, before: int, gender: str | None, number: str | None, subject: bool,
                     exclude_sentence_of: int | None, strict: bool) -> Entity | None:
        relayers = {_norm(x.name) for x in self.entities}
        for _char, e, as_subj in self._before(exclude_sentence_of if exclude_sentence_of is not None else before):
            if subject and not as_subj:
                continue
            if not _compatible(e, gender, number) or strict and e.gender != gender and not (
                e.gender is None and e.kind == "PER"
            ):
                continue
            if subject and e.relayed_by and _norm(e.relayed_by) in relayers:
                continue  # a relayed source is not the topic: the relayer is
            return e
        return None

    def _describe(self, span: Span) -> tuple[str | None, str | None, str | None, str | None, str | None]:
        """(name, role, alias, kind, gender) for a noun-phrase mention."""
        doc = self.doc
        toks = [t for t in span if not t.is_space]
        # drop a parenthetical and keep it as an alias (« (OIM) », « (cdH) »)
        alias = None
        clean: list[Token] = []
        depth = 0
        paren: list[Token] = []
        for t in toks:
            if t.text == "(":
                depth += 1
                continue
            if t.text == ")":
                depth -= 1
                continue
            if depth > 0:
                paren.append(t)
            else:
                clean.append(t)
        if paren and len(paren) == 1 and paren[0].text.isupper():
            alias = paren[0].text
        toks = clean
        gender = None
        for t in toks:
            if t.text.lower() in self.lex.title_gender:
                gender = self.lex.title_gender[t.text.lower()]
                break
            if t.pos_ in ("DET", "NOUN") and _morph(t, "Gender"):
                gender = _morph(t, "Gender")
                break
        # report nouns: « les chiffres publiés par X », « un sondage Elabe »
        head_nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
        if head_nouns and _fold(head_nouns[0].lemma_) in self.lex.report_nouns:
            for k, t in enumerate(toks):
                if _fold(t.text) in ("par", "de", "du", "des", "d'") and k > 0 and k + 1 < len(toks) and t.i > head_nouns[0].i:
                    sub = doc[toks[k + 1].i : toks[-1].i + 1]
                    if any(x.pos_ in ("PROPN", "NOUN") for x in sub) and _fold(t.text) == "par":
                        return self._describe(sub)
            props = [t for t in toks if t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PER")]
            if props:
                return doc[props[0].i : props[-1].i + 1].text, None, alias, "ORG", gender
        # persons named in the mention
        pers = [e for e in self.ents if e.label_ == "PER" and e.start >= span.start and e.end <= span.end]
        if not pers:
            # the NER may miss a name after a title (« M. Fagni », « le général Lizurey »)
            for k, t in enumerate(toks):
                if t.text.lower() in self.lex.titles and k + 1 < len(toks) and toks[k + 1].text[:1].isupper():
                    m = k + 1
                    while m < len(toks) and toks[m].text[:1].isupper():
                        m += 1
                    name = doc[toks[k + 1].i : toks[m - 1].i + 1].text
                    return name, None, alias, "PER", gender
        if pers:
            names = [self._strip_title(p)[0] for p in pers]
            name = " et ".join(names) if len(names) > 1 else names[0]
            inside: set[int] = set()
            for p in pers:
                inside.update(range(p.start, p.end))
            role_toks = [t for t in toks if t.i not in inside and t.text.lower() not in self.lex.titles]
            role = self._role_text(role_toks)
            return name, role, alias, "PER", gender
        # an organisation or a proper noun standing for the source, not inside a « de X » complement
        proper: list[Token] = []
        for k, t in enumerate(toks):
            if t.text[:1].isupper() and (t.pos_ == "PROPN" or t.ent_type_ == "ORG") or (
                t.text.isupper() and len(t.text) > 1 and t.is_alpha
            ):
                prev = toks[k - 1] if k > 0 else None
                prevprev = toks[k - 2] if k > 1 else None
                in_complement = prev is not None and (
                    _fold(prev.text) in ("de", "du", "des", "d'", "pour", "à", "en", "aux", "au")
                    or (_fold(prev.text) in ("l'", "la", "le", "les") and prevprev is not None
                        and _fold(prevprev.text) in ("de", "d'", "pour", "à"))
                )
                if k > 0 and in_complement and not proper:
                    continue
                proper.append(t)
            elif proper:
                break
        if proper and (proper[0].i > toks[0].i or True):
            first = proper[0]
            lead = [t for t in toks if t.i < first.i]
            lead_is_det = all(_fold(t.text) in DETERMINERS for t in lead)
            if lead_is_det:
                # the whole mention is a name (« l'Organisation internationale pour les migrations »)
                body = [t for t in toks if t.i >= first.i]
                name = doc[body[0].i : body[-1].i + 1].text
                return name, None, alias, "ORG", gender
            run_text = doc[proper[0].i : proper[-1].i + 1].text
            role = self._role_text([t for t in toks if t.i < proper[0].i or t.i > proper[-1].i])
            return run_text, role, alias, "ORG", gender
        # a description
        body = [t for t in toks if not (t.i == toks[0].i and _fold(t.text) in DETERMINERS)]
        while body and (_fold(body[0].text) in DETERMINERS or body[0].text in "\"«»“”"):
            body = body[1:]
        while body and (body[-1].text in "\"«»“”,"):
            body = body[:-1]
        if not body:
            return None, None, alias, None, gender
        desc = doc[body[0].i : body[-1].i + 1].text
        desc = desc.replace('"', "").replace("«", "").replace("»", "").replace("  ", " ").strip()
        return desc, None, alias, "DESC", gender

    def _role_text(self, toks: list[Token]) -> str | None:
        toks = [t for t in toks if t.text not in (",",)]
        while toks and (_fold(toks[0].text) in DETERMINERS or toks[0].is_punct):
            toks = toks[1:]
        while toks and (_fold(toks[-1].text) in DETERMINERS or toks[-1].is_punct and toks[-1].text != ")"):
            toks = toks[:-1]
        if not toks or not any(t.pos_ in ("NOUN", "ADJ") for t in toks):
            return None
        return self.doc[toks[0].i : toks[-1].i + 1].text

    def _match_description(self, desc: str, before: int, gender: str | None) -> Entity | None:
        """A description naming someone already introduced (« le procureur » for « le procureur
        de Perpignan, Jean Dupont »; « la police » for « la police de Mons »), the most recent."""
        d = _norm(desc)
        if not d:
            return None
        found = self._match_pass(d, before, gender)
        if found is None and gender is not None:
            found = self._match_pass(d, before, None)  # « la patron de … »: a typo or an epicene noun
        return found

    def _match_pass(self, d: str, before: int, gender: str | None) -> Entity | None:
        dw = [_singular(w) for w in d.split()]
        groups = [g for g in self.lex.equivalents if d in g]
        seen: set[int] = set()
        for _, e, _ in self._before(before):
            if id(e) in seen or e.kind == "DESC" or not _compatible(e, gender, None):
                continue
            seen.add(id(e))
            for r in [*(_norm(x) for x in e.roles), *([_norm(e.name)] if e.kind != "PER" else [])]:
                rw = [_singular(w) for w in r.split()]
                if not rw:
                    continue
                if r == d or rw[0] == dw[0] and (len(rw) == 1 or all(w in rw for w in dw)) or any(r in g for g in groups):
                    return e
                if dw[0] in self.lex.leaders and rw[0] in self.lex.leaders and len(dw) > 1 and all(w in rw for w in dw[1:]):
                    return e  # « le patron de la gendarmerie » / « le directeur général de la gendarmerie »
        return None

    def resolve(self, m: Mention) -> tuple[Entity | None, Speaker]:
        """The entity a mention stands for, and the speaker record to report."""
        span = m.span
        low = re.sub(r"\s+-", "-", _fold(span.text).strip())
        if low in self.lex.impersonal:
            e: Entity | None = None
        elif m.kind == "pronoun" or low in self.lex.pronouns:
            e = self._resolve_pronoun(span, low)
        elif any(low.endswith(x) for x in self.lex.same_source) and self.last_source is not None:
            e = self.last_source
        else:
            e, role = self._resolve_phrase(span)
            if e is not None:
                self._add(span.start_char, e, True)
            return e, Speaker(span.text, span.start_char, span.end_char, e.name if e else None, role)
        if e is not None:
            self._add(span.start_char, e, True)
        return e, Speaker(span.text, span.start_char, span.end_char, e.name if e else None, None)

    def _resolve_pronoun(self, span: Span, low: str) -> Entity | None:
        gender_s, number_s, kind = (self.lex.pronouns.get(low) or ["", "", "subject"])[:3]
        gender, number = gender_s or None, number_s or None
        pos = span.start_char
        if kind == "demonstrative":
            # celui-ci, ce dernier: the most recently named, outside the pronoun's own sentence
            return self._recent(pos, gender, number, subject=False, exclude_sentence_of=span.sent.start_char) or \
                self._recent(pos, gender, number, subject=False)
        if kind == "relative":
            return self._antecedent(span)
        return self._recent(pos, gender, number, subject=True) or self._recent(pos, gender, number, subject=False)

    def _resolve_phrase(self, span: Span) -> tuple[Entity | None, str | None]:
        # « d'après ses calculs », « selon leurs chiffres »: the possessor, the last source named
        toks = [t for t in span if not t.is_punct]
        if len(toks) >= 2 and _fold(toks[0].text) in POSSESSIVES and _fold(toks[1].lemma_) in self.lex.report_nouns:
            owner = self._recent(span.start_char, None, None, subject=True)
            if owner is not None:
                return owner, None
        name, role, alias, kind, gender = self._describe(span)
        if name is None:
            return None, None
        pos = span.start_char
        number = _morph(span.root, "Number") if span.root.pos_ in ("NOUN", "PROPN") else None
        if kind != "DESC":
            if role is None and kind == "PER":
                # « Marie Dupont, secrétaire départementale de la CGT, a dit »: the apposition after
                role = self._role_text(self._description_after(span.end))
            return self._entity(name, kind or "ORG", gender=gender, number=number, role=role, alias=alias), role
        words = _norm(name).split()
        head = words[0] if words else ""
        definite = _fold(span[0].text) in self.lex.anaphoric and not (len(span) > 1 and _fold(span[1].text) in ("un", "une"))
        e = self._match_description(name, pos, gender) if definite else None
        placed = any(t.ent_type_ in ("LOC", "ORG", "PER") or t.pos_ == "PROPN" for t in span[1:])
        if e is None and definite and number != "Plur" and head not in self.lex.institutions and len(words) <= 3 \
                and gender and not placed:
            # « la militante », « l'élu », « le chef de l'État »: a short description of the
            # person of that gender quoted last (« la maire de Marseille » introduces someone)
            e = self._recent_pass(pos, gender, "Sing", True, None, strict=True)
            if e is not None and (e.kind != "PER" or e.gender != gender):
                e = None
        if e is None:
            # a description with an acronym (« l'agence régionale de santé (ARS) ») names an organisation
            e = self._entity(name, "ORG" if alias else "DESC", gender=gender, number=number, alias=alias)
        return e, role

    def _antecedent(self, span: Span) -> Entity | None:
        tok = span.root
        doc = self.doc
        j = tok.i - 1
        while j >= 0 and (doc[j].text in (",", ")") or doc[j].is_punct and doc[j].text in "\"»”’"):
            j -= 1
        noun = doc[j] if j >= 0 and doc[j].pos_ in ("NOUN", "PROPN", "ADJ") else None
        while noun is not None and noun.pos_ == "ADJ" and noun.i > 0 and doc[noun.i - 1].pos_ in ("NOUN", "PROPN"):
            noun = doc[noun.i - 1]
        if noun is not None and noun.pos_ == "ADJ":
            noun = None
        if noun is None or noun.i >= tok.i:
            # take the noun phrase just before « qui »
            j = tok.i - 1
            while j >= 0 and doc[j].text in (",",):
                j -= 1
            noun = doc[j] if j >= 0 else None
        if noun is None:
            return None
        for ent in self.ents:
            if ent.start <= noun.i < ent.end and ent.label_ in ("PER", "ORG"):
                return self._find(self._strip_title(ent)[0])
        start = noun.left_edge.i
        end = noun.i + 1
        for c in noun.children:
            if c.i > noun.i and c.dep_ in ("flat:name", "appos", "nmod", "amod", "conj", "cc", "case", "det") and c.i < tok.i:
                end = max(end, min(c.right_edge.i + 1, tok.i))
        while end > start and doc[end - 1].text in (",", "(", ")"):
            end -= 1
        e, _ = self.resolve(Mention(doc[start:end]))
        return e

    # -- entry point ---------------------------------------------------------------------------------
    def speakers_for(self, cands: list[Cand]) -> list[tuple[Speaker | None, str | None]]:
        """Speaker and via for each candidate, resolving mentions in the order they appear."""
        out: list[Speaker | None] = [None] * len(cands)
        ents: list[Entity | None] = [None] * len(cands)
        def position(k: int) -> int:
            m = cands[k].mention
            return m.span.start_char if m is not None else cands[k].start

        order = sorted(range(len(cands)), key=position)
        by_verb: dict[int, int] = {}
        for k in order:
            c = cands[k]
            if c.verb is not None:
                by_verb[c.verb.i] = k
        for k in order:
            c = cands[k]
            if c.mention is None:
                continue
            e, sp = self.resolve(c.mention)
            ents[k] = e
            out[k] = sp
            if e is not None:
                self.last_source = e
        # candidates whose speaker comes from elsewhere, in text order
        for k in sorted(range(len(cands)), key=lambda k: cands[k].start):
            c = cands[k]
            if c.mention is not None:
                continue
            e = None
            if c.speaker_from == "head" and c.verb is not None:
                # a participle or infinitive cue (« …, a affirmé X, précisant que … ») speaks
                # for the nearest cue before it in its sentence
                cue_end = {j: (cands[j].cue or (0, -1))[1] for j in range(len(cands))}
                same = [j for j in range(len(cands)) if j != k and 0 <= cue_end[j] <= c.verb.idx
                        and cands[j].sent_start == c.sent_start and (ents[j] is not None or out[j] is not None)]
                if same:
                    e = ents[max(same, key=lambda j: cue_end[j])]
            if e is None and c.speaker_from == "head" and c.head_cue is not None:
                j = by_verb.get(c.head_cue.i)
                if j is not None and j != k:
                    e = ents[j]
                else:
                    subj = next((t for t in c.head_cue.children if t.dep_ in ("nsubj", "nsubj:pass")), None)
                    if subj is not None:
                        s, t_end = subj.left_edge.i, subj.right_edge.i + 1
                        e, _ = self.resolve(Mention(self.doc[s:t_end]))
            if e is None and c.speaker_from in ("previous", "head", "relative"):
                prev = [j for j in range(len(cands)) if cands[j].start < c.start and ents[j] is not None]
                if prev:
                    e = ents[max(prev, key=lambda j: cands[j].start)]
                else:
                    e = self._recent(c.start, None, None, subject=True)
            ents[k] = e
            out[k] = Speaker(None, None, None, e.name, None) if e is not None else None
        result: list[tuple[Speaker | None, str | None]] = []
        for k, c in enumerate(cands):
            e = ents[k]
            via = None
            if e is not None and e.relayed_by and c.start <= e.relay_until and _norm(e.relayed_by) != _norm(e.name):
                via = e.relayed_by
            result.append((out[k], via))
        return result


def attribute_speakers(doc: Doc, pack: LanguagePack, cands: Sequence[Cand], statements: Sequence[Statement]) -> list[Statement]:
    """``statements`` (one per candidate, in the same order) with their speaker and ``via``
    resolved over the whole article."""
    resolved = Discourse(doc, pack).speakers_for(list(cands))
    return [
        dataclasses.replace(s, speaker=speaker, via=via)
        for s, (speaker, via) in zip(statements, resolved, strict=True)
    ]
