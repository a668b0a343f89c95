"""Seeding the discourse before any speaker is resolved, in this order:

1. :func:`seed_names`: every person and organisation the NER finds, with gender;
2. :func:`seed_roles`: the roles in apposition around each name;
3. :func:`seed_subjects`: subjects that carry a name the NER missed (salient for pronouns);
4. :func:`seed_relays`: « X a rappelé les déclarations de Y »: Y's next words come via X.
"""

from __future__ import annotations

from spacy.attrs import DEP, POS
from spacy.symbols import NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from selon.extract.speakers.descriptions import (
    describe,
    description_after,
    description_before,
    gender_near,
    morph,
    role_text,
    strip_title,
)
from selon.extract.speakers.entities import SUBJECT_DEPS, Discourse, Entity
from selon.lang.pack import fold


def seed(d: Discourse) -> None:
    """Fill ``d`` with what the article names, before any speaker is resolved."""
    seed_names(d)
    seed_roles(d)
    seed_classed_names(d)
    seed_subjects(d)
    seed_relays(d)


def seed_names(d: Discourse) -> None:
    """Register every person and organisation the NER finds, in text order."""
    for ent in d.ents:
        label = ent.label_
        if label != "PER" and ent[0].text in d.lex.first_names and names_a_subject(ent):
            label = "PER"  # « Pascale est venue … » tagged LOC: a known first name as a subject is a person
        if label not in ("PER", "ORG"):
            continue
        ent = _before_possessive(ent)
        name, title = strip_title(d, ent)
        if not name or len(name) < 2 or not name[:1].isupper():
            continue  # « le ministre de l'Intérieur » tagged ORG is a description, not a name
        gender = d.lex.title_gender.get(title or "", None) or gender_near(d, ent) or d.lex.first_names.get(ent[0].text)
        e = d.register(name, label, gender=gender, number="Sing" if label == "PER" else None)
        d.add(ent.start_char, e, names_a_subject(ent) and not d.in_reported(ent.start_char))


def _before_possessive(ent: Span) -> Span:
    """A name the NER ran over a possessive ending and what follows it ("Theresa May's Brexit"):
    the possessor's name."""
    cut = next((t.i for t in ent if t.i > ent.start and t.pos_ == "PART" and t.dep_ == "case"), None)
    return ent.doc[ent.start : cut] if cut is not None else ent


def names_a_subject(ent: Span) -> bool:
    """Whether the name is a subject, or in apposition to one (« le maire, Paul Girard, a dit »),
    or, whatever the parse, opens a clause whose apposition ends at a comma before its verb
    (« …, Marie Roux, une figure du mouvement qui a lancé …, a défilé »)."""
    root = ent.root
    return root.dep_ in SUBJECT_DEPS or (root.head.dep_ in SUBJECT_DEPS and root.dep_ in ("appos", "flat:name", "nmod")) \
        or apposed_before_verb(ent)


def apposed_before_verb(ent: Span) -> bool:
    """« NAME, apposition, a VERB »: the name opens its clause (after a comma or at the start of
    its sentence) and the comma closing its apposition comes right before an auxiliary or a
    finite verb, within 25 words."""
    doc = ent.doc
    sent = ent.sent
    if ent.start > sent.start and doc[ent.start - 1].text != ",":
        return False
    if ent.end >= sent.end or doc[ent.end].text != ",":
        return False
    for k in range(ent.end + 1, min(sent.end - 1, ent.end + 25)):
        if doc[k].text == ",":
            nxt = doc[k + 1]
            return nxt.pos_ == "AUX" or nxt.pos_ == "VERB" and "VerbForm=Fin" in str(nxt.morph)
    return False


def seed_roles(d: Discourse) -> None:
    """Roles from appositions around every name: « le procureur de Perpignan, Jean Dupont »,
    « Le président Jean Dupont », « Jeanne Durand, l'avocate de X », « la CNE, le syndicat … »;
    a role's determiner gives a gender still unknown."""
    for ent in d.ents:
        if ent.label_ not in ("PER", "ORG"):
            continue
        e = d.find(strip_title(d, ent)[0])
        if e is None:
            continue
        for role_toks in (description_before(d, ent.start), description_after(d, ent.end)):
            role = role_text(d, role_toks) if role_toks else None
            if role and d.lex.norm(role) != d.lex.norm(e.name):
                e.roles.add(role)
                if e.gender is None and role_toks[0].pos_ == "DET":
                    e.gender = morph(role_toks[0], "Gender")


def seed_classed_names(d: Discourse) -> None:
    """« l'ONG espagnole Open Sea », « le syndicat chrétien CNE »: a name right after a definite
    class noun of the pack's institutions (and its adjectives) is an organisation of that class,
    whatever the NER's label (a MISC one joins the timeline); « l'ONG » then names it."""
    doc = d.doc
    for ent in d.ents:
        if ent.label_ not in ("ORG", "MISC"):
            continue
        k = ent.start - 1
        while k > 0 and doc[k].pos_ == "ADJ" and doc[k].text[:1].islower():
            k -= 1
        if k < 1 or k == ent.start - 1 and doc[k].pos_ == "ADJ" or fold(doc[k].text) not in d.lex.institutions \
                or doc[k - 1].pos_ != "DET":
            continue
        name = strip_title(d, ent)[0]
        if not name[:1].isupper():
            continue
        e = d.register(name, "ORG", role=doc[k : ent.start].text)
        if ent.label_ == "MISC":
            d.add(ent.start_char, e, False)


def seed_subjects(d: Discourse) -> None:
    """Subjects that carry a name (« La fédération du commerce Comeos demande … ») are
    salient for the pronouns that follow, whether or not they speak."""
    doc = d.doc
    for i in _indices(doc, pos=(NOUN, PROPN), deps=SUBJECT_DEPS):
        tok = doc[i]
        if tok.ent_type_ in ("PER", "ORG"):
            continue  # already in the timeline from the NER
        span = subject_phrase(d, tok)
        if not any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
            continue
        name, role, alias, kind, gender = describe(d, span)
        if kind == "ORG" and not tok.ent_type_ and personal_relative_after(d, span):
            kind = "PER"  # "Grieve, who wants …": a name the NER missed, that "who" shows is a person
        if name and kind in ("ORG", "PER"):
            e = d.register(name, kind, gender=gender, role=role, alias=alias)
            d.add(span.start_char, e, not d.in_reported(span.start_char))


def personal_relative_after(d: Discourse, span: Span) -> bool:
    """Whether a relative pronoun that only stands for persons (``personal_relatives``) follows
    the phrase, a comma apart or not."""
    doc = d.doc
    j = span.end + (span.end < len(doc) and doc[span.end].text == ",")
    return j < len(doc) and fold(doc[j].text) in d.lex.personal_relatives


def _indices(doc: Doc, pos: tuple[int, ...], deps: frozenset[str] | set[str] | tuple[str, ...] = ()) -> list[int]:
    """The tokens of ``doc`` with one of these parts of speech (and, if given, dependency
    labels), read from the Doc's arrays: no Token object is made for the others."""
    rows = doc.to_array([POS, DEP])
    labels = {doc.vocab.strings[d] for d in deps} if deps else None
    return [i for i, (p, dep) in enumerate(rows.tolist()) if p in pos and (labels is None or dep in labels)]


def subject_phrase(d: Discourse, tok: Token) -> Span:
    """The subject's phrase, cut before a comma, a bracket or a relative clause."""
    end = tok.right_edge.i + 1
    for t in d.doc[tok.i + 1 : end]:
        if t.text in (",", "(") or t.dep_ == "acl:relcl" or fold(t.text) in d.lex.relatives:
            end = t.i
            break
    return d.doc[tok.left_edge.i : end]


# -- relayed speech -----------------------------------------------------------------------------
def seed_relays(d: Discourse) -> None:
    """« X a rappelé les déclarations (faites) par Y »: Y's words up to the end of the next
    sentence are relayed by X."""
    doc = d.doc
    for i in _indices(doc, pos=(VERB,)):
        tok = doc[i]
        if fold(tok.lemma_) not in d.lex.relay_verbs:
            continue
        obj = next((c for c in tok.children if c.dep_ == "obj" and fold(c.lemma_) in d.lex.speech_nouns), None)
        if obj is None:
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        source = relayed_source(d, tok, obj)
        if subj is None or source is None:
            continue
        relayer = name_of_token(d, subj)
        src_ent = _entity_mentioned_at(d, source)
        if src_ent is not None and relayer:
            src_ent.relayed_by = relayer
            src_ent.relay_until = _end_of_next_sentence(d, tok)


def relayed_source(d: Discourse, verb: Token, obj: Token) -> Token | None:
    """The first named token in the speech noun's phrase, or in apposition right after it,
    before the clause ends."""
    sent_end = verb.sent.end
    for t in [*obj.subtree, *d.doc[obj.right_edge.i + 1 : sent_end]]:
        if t.ent_type_ in ("PER", "ORG"):
            return t
        if t.text in (".", ";") or t.pos_ == "VERB" and t.i > obj.right_edge.i:
            return None
    return None


def _entity_mentioned_at(d: Discourse, tok: Token) -> Entity | None:
    """The entity of the first mention (in text order) that starts before ``tok``, no further
    back than its name's length plus 20 characters, and whose name holds the token's word."""
    norm = d.lex.norm
    return next((e for (c, e, _) in d.timeline if c <= tok.idx < c + len(e.name) + 20
                 and norm(tok.text) in norm(e.name)), None)


def _end_of_next_sentence(d: Discourse, tok: Token) -> int:
    sents = list(d.doc.sents)
    idx = next((k for k, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
    return sents[min(idx + 1, len(sents) - 1)].end_char


def name_of_token(d: Discourse, tok: Token) -> str | None:
    """The name a subject token stands for: a person or organisation it is part of (or a person
    it governs), a person in its phrase, else the description of its phrase
    (« le ministre de la Santé »)."""
    for label in ("PER", "ORG"):
        for ent in d.ents:
            if ent.label_ == label and (ent.start <= tok.i < ent.end or ent.root.head.i == tok.i and label == "PER"):
                name = strip_title(d, ent)[0]
                if name[:1].isupper():
                    return name
    for t in tok.subtree:
        if t.ent_type_ == "PER":
            ent = next(e for e in d.ents if e.start <= t.i < e.end)
            return strip_title(d, ent)[0]
    end = tok.i + 1
    for t in d.doc[tok.i + 1 : tok.right_edge.i + 1]:
        if t.is_punct or fold(t.text) in d.lex.relatives:
            break
        end = t.i + 1
    return describe(d, d.doc[tok.left_edge.i : end]).name
