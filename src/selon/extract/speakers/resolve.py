"""Resolving speakers: a mention to its entity, and each candidate statement to its speaker.

:func:`resolve` takes a mention to the most specific name the article gives that source
(impersonal « on »: nobody; a pronoun: its referent; « la même source »: the source last
quoted; a noun phrase: a name, a description matched to someone named, or the description).
:func:`speakers_for` resolves the candidates' mentions in text order, then gives the
candidates without a mention the speaker of the cue they depend on (« head »), or of the
statement before them (« previous », « relative »), and marks relayed speech ``via``.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Span, Token

from selon.extract.candidates import Cand, Mention
from selon.extract.speakers.descriptions import (
    describe,
    description_after,
    equivalent_groups,
    match_description,
    morph,
    possessed,
    role_text,
    strip_title,
)
from selon.extract.speakers.entities import SUBJECT_DEPS, Discourse, Entity, agrees
from selon.extract.speakers.lexicon import SpeakerLexicon
from selon.extract.speakers.pronouns import (
    demonstrative_referent,
    personal_referent,
    pronoun_features,
    relative_antecedent,
)
from selon.lang.pack import fold
from selon.models import Speaker


# -- one mention --------------------------------------------------------------------------------
def resolve(d: Discourse, m: Mention) -> tuple[Entity | None, Speaker]:
    """The entity a mention stands for, and the speaker record to report; the mention joins
    the timeline as a subject."""
    span = m.span
    low = re.sub(r"\s+-", "-", fold(span.text).strip())
    role = None
    if low in d.lex.impersonal:
        e: Entity | None = None
    elif m.kind == "pronoun" or low in d.lex.pronouns:
        e = resolve_pronoun(d, span, low)
    elif any(low.endswith(x) for x in d.lex.same_source) and d.last_source is not None:
        e = d.source_before(span.start_char)  # "the source": the one quoted last before it
    else:
        e, role = resolve_phrase(d, span)
    if e is not None:
        # « X, qui a annoncé … »: the relative clause's subject is not the topic that « il » follows
        d.add(span.start_char, e, pronoun_features(d.lex, low)[2] != "relative")
    return e, Speaker(span.text, span.start_char, span.end_char, e.name if e else None, role)


def resolve_pronoun(d: Discourse, span: Span, low: str) -> Entity | None:
    """The referent of the pronoun ``span`` (folded ``low``), by its kind."""
    gender, number, kind = pronoun_features(d.lex, low)
    if kind == "demonstrative":
        return demonstrative_referent(d, span, gender, number)
    if kind == "relative":
        antecedent = relative_antecedent(d, span)
        return resolve(d, Mention(antecedent))[0] if isinstance(antecedent, Span) else antecedent
    return personal_referent(d, span, gender, number)


def resolve_phrase(d: Discourse, span: Span) -> tuple[Entity | None, str | None]:
    """The entity a noun phrase names, and the role it gives: the owner of a report
    (« selon ses chiffres »), a person or organisation (with the role in apposition after a
    person), or a description."""
    owner = report_owner(d, span) or crowd_behind(d, span)
    if owner is not None:
        return owner, None
    name, role, alias, kind, gender = describe(d, span)
    if name is None:
        return None, None
    number = morph(span.root, "Number") if span.root.pos_ in ("NOUN", "PROPN") else None
    if kind != "DESC":
        if role is None and kind == "PER":
            # « Marie Dupont, secrétaire départementale de la CGT, a dit »: the apposition after
            role = role_text(d, description_after(d, span.end))
        return d.register(name, kind or "ORG", gender=gender, number=number, role=role, alias=alias), role
    return resolve_description(d, span, name, alias, gender, number), role


def report_owner(d: Discourse, span: Span) -> Entity | None:
    """« d'après ses calculs », « selon leurs chiffres »: the last subject named owns them."""
    toks = [t for t in span if not t.is_punct]
    if len(toks) >= 2 and fold(toks[0].text) in d.lex.possessives and fold(toks[1].lemma_) in d.lex.report_nouns:
        return d.recent(span.start_char, None, None, subject=True)
    return None


#: How many sentences back (the mention's own included) the crowd behind a banner is looked for.
CROWD_REACH = 3


def crowd_behind(d: Discourse, span: Span) -> Entity | None:
    """"a banner read: “Give back the money”", « des banderoles réclamant … »: what is written on
    a medium of the pack's ``written_media`` is the words of the crowd (``crowds``) last named in
    its sentence or the two before (ANNOTATION rule 7), not of the banner; ``None`` when no
    crowd is named there."""
    if fold(span.root.lemma_) not in d.lex.written_media:
        return None
    doc = d.doc
    start = span.sent.start
    for _ in range(CROWD_REACH - 1):
        if start > 0:
            start = doc[start - 1].sent.start
    for tok in reversed(doc[start : span.start]):
        if tok.pos_ == "NOUN" and fold(tok.lemma_) in d.lex.crowds:
            return d.register(tok.text, "DESC", number=morph(tok, "Number"))
    return None


def resolve_description(d: Discourse, span: Span, desc: str, alias: str | None, gender: str | None,
                        number: str | None) -> Entity:
    """A definite description names someone introduced before when it matches a role, or is a
    short description of the last person of its gender; else it stands for itself (an
    organisation when it has an acronym: « l'agence régionale de santé (ARS) »)."""
    lex = d.lex
    definite = fold(span[0].text) in lex.anaphoric and not (
        len(span) > 1 and fold(span[1].text) in lex.partitive_pronouns
    ) or possessed(list(span))  # "Rodrigues's lawyer": as definite as "the lawyer"
    e = apposed_name(d, span, gender)
    if e is None and definite:
        e = match_description(d, desc, span.start_char, gender)
    if e is None and definite:
        e = named_right_after(d, span, desc)
    short = definite and short_personal_description(d, span, desc, number)
    office = office_of(d.lex, desc)
    if e is None and short and gender:
        e = last_person_of_gender(d, span.start_char, gender, office, passes=(True,))
    if e is None and short and gender and office is None:
        e = last_person_of_unknown_gender(d, span.start_char)
    if e is None and definite and gender and number != "Plur":
        e = named_next(d, span, desc, gender)
    if e is None and short and gender and office is not None:
        e = last_person_of_gender(d, span.start_char, gender, office, passes=(False,))
    if e is not None and short and gender and office is not None:
        e.roles.add(desc)  # « le chef de l'État » is now known to be this person's office
    if e is None and short and not gender and lex.noun_gender:
        e = last_person(d, span.start_char)
    if e is None and number != "Plur" and lost_name_around(d, span, definite):
        e = first_new_person_after(d, span)
    if e is None:
        e = d.register(desc, "ORG" if alias else "DESC", gender=gender, number=number, alias=alias)
    return e


#: How far after a title whose name was lost the name may come (characters).
LOST_NAME_REACH = 1500


def lost_name_around(d: Discourse, span: Span, definite: bool) -> bool:
    """Whether a description stands where the page lost a name with its link: a capitalised
    title with no article, then a line break or a run of spaces ("Former foreign secretary\n
    said …"), or an apposition after a comma written after a space ("said , the director of
    the paper.")."""
    doc = d.doc
    if span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].whitespace_:
        return True
    return not definite and span[0].text[:1].isupper() and span.end < len(doc) and doc[span.end].is_space \
        and span.root.pos_ == "NOUN"


def first_new_person_after(d: Discourse, span: Span) -> Entity | None:
    """The first person the article names after ``span`` (within ``LOST_NAME_REACH``) who was
    not named before it: the name a description stands for where the page lost it."""
    seen = {id(e) for _, e, _s in d.before(span.start_char)}
    for char, e, _s in d.timeline:
        if char <= span.end_char or id(e) in seen:
            continue
        if char > span.end_char + LOST_NAME_REACH:
            break
        if e.kind == "PER" and e.number != "Plur":
            return e
    return None


def apposed_name(d: Discourse, span: Span, gender: str | None) -> Entity | None:
    """« a indiqué le secrétaire d'État à l'Intérieur, Jean Dupont, … », « Le groupe américain
    de VTC Uber conteste … », « Une autre ONG, l'allemande Sea Watch, a annoncé … »: the name in
    apposition to a description whose mention stops before it (at a complement or a comma).
    The name follows the description's last noun or adjective (not a preposition or an
    article: « a dit le maire à l'AFP »), at most one comma and a few words apart, in the same
    sentence, attached to the description by the parse; a person for a personal description,
    an organisation for an institution."""
    doc = d.doc
    institution = fold(span.root.text) in d.lex.institutions or fold(span.root.lemma_) in d.lex.institutions
    commas = 0
    end = min(span.sent.end, span.end + 7)
    j = span.end
    while j < end:
        t = doc[j]
        if t.text == ",":
            commas += 1
            if commas > 1:
                return None
        elif t.text[:1].isupper() and doc[j - 1].pos_ in ("DET", "ADP"):
            while j + 1 < end and doc[j + 1].text[:1].isupper() and doc[j + 1].ent_iob_ != "B":
                j += 1  # « à la Mer du Nord », « à l'AFP »: a name in a complement, not in apposition
        elif t.text[:1].isupper() and (t.ent_iob_ == "B" or t.pos_ in ("PROPN", "X")):
            tied = span.start <= t.head.i < j or t.i == span.root.head.i or t.head.i == span.root.head.i and (
                j == span.end or t.dep_ == span.root.dep_)  # two subjects of one verb: one apposition
            if not tied:
                return None  # « le maire avec son homologue Paul Girard »: not tied to the description
            return _apposed_entity(d, j, institution, gender)
        elif t.is_punct or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ", "ADV", "NUM"):
            return None
        j += 1
    return None


def _apposed_entity(d: Discourse, j: int, institution: bool, gender: str | None) -> Entity | None:
    """The person or organisation whose name starts at token ``j``, if it may stand in
    apposition to the description before it (see :func:`apposed_name`)."""
    doc = d.doc
    ent = next((x for x in d.ents if x.start == j), None)
    if ent is not None:
        if ent.label_ not in ("PER", "ORG") or (ent.label_ == "ORG") != institution:
            return None
        name = strip_title(d, ent)[0]
    else:
        k = j
        while k < len(doc) and doc[k].text[:1].isupper() and doc[k].pos_ in ("PROPN", "X") and not doc[k].ent_type_:
            k += 1
        if k == j:
            return None
        name = doc[j:k].text
    e = d.find(name) or d.register(name, "ORG" if institution else "PER", gender=gender)
    return e if agrees(e, gender, None) else None


def named_right_after(d: Discourse, span: Span, desc: str) -> Entity | None:
    """« Le bourgmestre de Charleroi affirme … Le bourgmestre de Charleroi Paul Magnette, … »:
    a description with a complement that the next sentence gives, word for word, as the role
    of a person it names for the first time."""
    norm = d.lex.norm(desc)
    if len(norm.split()) < 2:
        return None
    sent_end = span.sent.end
    limit = d.doc[sent_end].sent.end_char if sent_end < len(d.doc) else span.sent.end_char
    seen: set[int] = set()  # the entities mentioned up to the description
    for char, e, _ in d.timeline:
        if char <= span.end_char:
            seen.add(id(e))
        elif char > limit:
            break
        elif id(e) not in seen and e.kind == "PER" and any(d.lex.norm(r) == norm for r in e.roles):
            return e
    return None


def short_personal_description(d: Discourse, span: Span, desc: str, number: str | None) -> bool:
    """« la militante », « l'élu », « le chef de l'État »: singular, at most three words, no
    institution or document, nothing placed or named in it (« la maire de Marseille » introduces
    someone)."""
    words = d.lex.norm(desc).split()
    head = d.lex.head(words) if words else ""
    placed = any(t.ent_type_ in ("LOC", "ORG", "PER") or t.pos_ == "PROPN" for t in span[1:])
    if office_of(d.lex, desc) is not None:
        placed = False  # « le chef de l'État »: a known office, whatever its capital letters
    document = fold(span.root.lemma_) in d.lex.report_nouns  # « le rapport », "the letter": no person
    return number != "Plur" and head not in d.lex.institutions and len(words) <= 3 and not placed and not document


def office_of(lex: SpeakerLexicon, desc: str) -> int | None:
    """The index of the group of equivalent roles (« [speakers] equivalent_roles ») a
    description names, if any."""
    groups = equivalent_groups(lex, lex.norm(desc))
    return lex.equivalents.index(groups[0]) if groups else None


def last_person_of_gender(d: Discourse, before: int, gender: str, office: int | None = None,
                          passes: tuple[bool, ...] = (True, False)) -> Entity | None:
    """The last person of that very gender mentioned as a subject (past organisations and
    descriptions nobody was matched to), not one known to hold another office than ``office``,
    or ``None``; for an office, then the last one mentioned at all (``passes``: subjects only
    or not)."""
    for subject_only in passes if office is not None else (True,):
        for _, e, as_subject in d.before(before):
            if subject_only and not as_subject or e.kind != "PER" or e.gender != gender or e.number == "Plur":
                continue
            if office is not None and any(office_of(d.lex, r) not in (None, office) for r in e.roles):
                continue  # « le Premier ministre » is not the person known as « le chef de l'État »
            if office is not None and any(_heads_something_else(d.lex, r) for r in e.roles):
                continue  # nor the one known as « le patron de la gendarmerie »: another function
            if office is not None and any(_another_of_its_kind(d.lex, r, office) for r in e.roles):
                continue  # nor the one known as « le ministre de l'Intérieur »: another minister
            return e
    return None


def last_person_of_unknown_gender(d: Discourse, before: int) -> Entity | None:
    """« Meghan a dit … L'ancienne actrice a salué … »: when no person of the description's gender
    was a subject before it, the last person mentioned as a subject, if nothing tells its gender."""
    for _, e, as_subject in d.before(before):
        if as_subject and e.kind == "PER" and e.number != "Plur":
            return e if e.gender is None else None
    return None


def _another_of_its_kind(lex: SpeakerLexicon, role: str, office: int) -> bool:
    """Whether a known role is headed by a word of the names of the office ``office``
    (« ministre » in « Premier ministre ») without being that office (« ministre de l'Intérieur »)."""
    words = lex.norm(role).split()
    return bool(words) and office_of(lex, role) != office and any(
        words[0] in lex.norm(n).split() for n in lex.equivalents[office])


def named_next(d: Discourse, span: Span, desc: str, gender: str) -> Entity | None:
    """« …, a déclaré la porte-parole du ministère. « … », a ajouté Jeanne Roux. »: a personal
    description that names nobody mentioned before stands for the first person named after its
    sentence (up to the end of the paragraph of the next sentence), when that is the first
    mention of a subject that agrees in gender and has no other role given."""
    start = span.sent.end_char
    if span.sent.end >= len(d.doc):
        return None
    text = d.doc.text
    end = text.find("\n", d.doc[span.sent.end].sent.start_char)
    end = len(text) if end < 0 else end
    seen = {id(e) for _, e, _s in d.before(start)}
    norm = d.lex.norm(desc)
    for char, e, as_subject in d.timeline:
        if char < start or id(e) in seen or e.kind != "PER":
            continue
        if char >= end:
            break
        ok = as_subject and e.gender in (gender, None) and e.number != "Plur"
        return e if ok and all(d.lex.norm(r) == norm for r in e.roles) else None
    return None


def last_person(d: Discourse, before: int) -> Entity | None:
    """« l'intéressé »: a short description whose words tell no gender names the last person
    mentioned, as a subject or not, unless another person was the last mentioned as a subject
    (then who it names is unclear: ``None``)."""
    subject = next((e for _, e, s in d.before(before) if s and e.kind == "PER" and e.number != "Plur"), None)
    anyone = next((e for _, e, _s in d.before(before) if e.kind == "PER" and e.number != "Plur"), None)
    return anyone if anyone is subject or subject is None else None


def _heads_something_else(lex: SpeakerLexicon, role: str) -> bool:
    """Whether a known role heads something that no office names (« patron de la gendarmerie »)."""
    words = lex.norm(role).split()
    return len(words) > 1 and words[0] in lex.leaders and office_of(lex, role) is None


# -- the candidates -----------------------------------------------------------------------------
def speakers_for(d: Discourse, cands: list[Cand]) -> list[tuple[Speaker | None, str | None]]:
    """Speaker and via for each candidate: mentions resolved in the order they appear, then the
    candidates whose speaker comes from elsewhere, in text order."""
    cands = [with_absolute_subject(d, c) for c in cands]
    out: list[Speaker | None] = [None] * len(cands)
    ents: list[Entity | None] = [None] * len(cands)
    order = sorted(range(len(cands)), key=lambda k: _position(cands[k]))
    by_verb: dict[int, int] = {}  # cue verb -> the candidate it is the cue of (the last in order)
    for k in order:
        verb = cands[k].verb
        if verb is not None:
            by_verb[verb.i] = k
    mute = {k for k, c in enumerate(cands) if c.mention is not None and not can_speak(d, c.mention.span)}
    for k in order:
        mention = cands[k].mention
        if mention is None or k in mute:
            continue
        e, out[k] = resolve(d, mention)
        ents[k] = e
        if e is not None:
            d.add_source(mention.span.start_char, e)
    for k in sorted(range(len(cands)), key=lambda k: cands[k].start):
        if cands[k].mention is not None and k not in mute:
            continue
        if k in mute:
            e = speaker_before(d, cands, k, ents)
        else:
            e = speaker_from_elsewhere(d, cands, k, ents, out, by_verb)
        ents[k] = e
        out[k] = Speaker(None, None, None, e.name, None) if e is not None else None
    return [(out[k], relay_via(d, ents[k], c)) for k, c in enumerate(cands)]


def with_absolute_subject(d: Discourse, c: Cand) -> Cand:
    """"…, with Jane Roe, head of the union, calling for talks": a participle cue right after an
    absolute phrase (a noun opened by one of the pack's ``absolute_with`` prepositions, its
    apposition and commas aside) has that noun for its mention, not its governing verb's
    subject; ``c`` itself otherwise."""
    verb = c.verb
    if c.mention is not None or c.speaker_from != "head" or verb is None or not d.lex.absolute_with \
            or "Part" not in verb.morph.get("VerbForm", []):
        return c
    doc = d.doc
    if verb.dep_ == "acl" and verb.head.i < verb.i:
        nouns = [verb.head]  # "with Jane Roe calling for …"
    else:
        nouns = [t for t in verb.head.children if t.i < verb.i and t.dep_ in ("obl", "nmod")]
    for noun in nouns:
        if not any(x.dep_ == "case" and fold(x.text) in d.lex.absolute_with for x in noun.children):
            continue
        if verb.dep_ != "acl" and not all(t.is_punct for t in doc[noun.right_edge.i + 1 : verb.i]):
            continue
        end = next((t.i for t in doc[noun.i : verb.i] if t.text == ","), verb.i)
        return dataclasses.replace(c, mention=Mention(doc[noun.i : end]))
    return c


def can_speak(d: Discourse, span: Span) -> bool:
    """Whether a mention may name a source: not a phrase opened by a preposition (« au lourd
    passé judiciaire », « En moyenne 74 % des citoyens »; « de source policière » and partitives
    may), nor a first-person pronoun (the « je » of a tweet or a quotation quoted without marks):
    such a statement takes the speaker of the statement before it."""
    first = span[0]
    if first.pos_ == "ADP" and fold(first.text) not in d.lex.determiners:
        return False
    return not (len(span) == 1 and first.pos_ == "PRON" and "1" in first.morph.get("Person", []))


def _position(c: Cand) -> int:
    return c.mention.span.start_char if c.mention is not None else c.start


def speaker_from_elsewhere(d: Discourse, cands: list[Cand], k: int, ents: list[Entity | None],
                           out: list[Speaker | None], by_verb: dict[int, int]) -> Entity | None:
    """The speaker of a candidate without a mention: for « head », the cue before it in its
    sentence, else its governing cue; for « previous », « head » and « relative », the
    statement before it, else the last subject."""
    c = cands[k]
    e = None
    if c.speaker_from == "head" and c.verb is not None:
        e = speaker_of_cue_before(cands, k, c.verb, ents, out)
    if e is None and c.speaker_from == "head" and c.head_cue is not None:
        e = speaker_of_governing_cue(d, k, c.head_cue, ents, by_verb)
    for cue in (c.verb, c.head_cue) if c.speaker_from == "head" else ():
        if e is None and cue is not None:
            e = subject_in_sentence_before(d, cue)
    if e is None and c.speaker_from == "previous" and c.kind == "direct" and c.cue is None:
        e = narrated_subject_before(d, cands, c)
    if e is None and c.speaker_from in ("previous", "head", "relative"):
        e = speaker_before(d, cands, k, ents)
    return e


def speaker_of_cue_before(cands: list[Cand], k: int, verb: Token, ents: list[Entity | None],
                          out: list[Speaker | None]) -> Entity | None:
    """A participle or infinitive cue ``verb`` (« …, a affirmé X, précisant que … ») speaks for
    the nearest cue before it in its sentence."""
    sent_start = cands[k].sent_start
    cue_end = {j: (cands[j].cue or (0, -1))[1] for j in range(len(cands))}
    same = [j for j in range(len(cands)) if j != k and 0 <= cue_end[j] <= verb.idx
            and cands[j].sent_start == sent_start and (ents[j] is not None or out[j] is not None)]
    return ents[max(same, key=lambda j: cue_end[j])] if same else None


def speaker_of_governing_cue(d: Discourse, k: int, head_cue: Token, ents: list[Entity | None],
                             by_verb: dict[int, int]) -> Entity | None:
    """The speaker of the candidate whose cue ``head_cue`` governs candidate ``k``, else the
    cue's subject resolved."""
    j = by_verb.get(head_cue.i)
    if j is not None and j != k:
        return ents[j]
    subj = None
    tok = out_of_reported_clause(head_cue)
    for _ in range(3):  # « il a envoyé une photo, ajoutant … »: up from the noun to its verb
        subj = next((t for t in tok.children if t.dep_ in SUBJECT_DEPS), None)
        if subj is not None or tok.pos_ not in ("NOUN", "PROPN") and tok.dep_ != "xcomp" or tok.head.i == tok.i:
            break
        tok = tok.head  # « X est venue dénoncer l'usage …, assurant … »: an infinitive's subject is its verb's
    if subj is None:
        return None
    return resolve(d, Mention(d.doc[subj.left_edge.i : subj.right_edge.i + 1]))[0]


def out_of_reported_clause(head_cue: Token) -> Token:
    """"The source declined to say whether the state would raise its stake but said …": a cue the
    parse hangs on the verb of a reported clause (a complement clause opened by a subordinating
    mark) speaks for the verb that reports that clause, not for the clause's own subject."""
    if head_cue.dep_ == "ccomp" and head_cue.head.i != head_cue.i and any(
            c.dep_ == "mark" and c.pos_ == "SCONJ" for c in head_cue.children):
        return head_cue.head
    return head_cue


def subject_in_sentence_before(d: Discourse, verb: Token) -> Entity | None:
    """« Après les annonces, Jeanne Roux, l'une des porte-parole du collectif, a appelé à … »:
    a cue the parse left without a subject speaks for the last name in its sentence before it
    that stands as a subject (see :func:`~selon.extract.speakers.seeding.names_a_subject`)."""
    doc = d.doc
    if not (any(c.dep_.startswith("aux") for c in verb.children) or "VerbForm=Fin" in str(verb.morph)):
        return None  # « saluant … », « Jeanne » mistaken for a verb: no clause of its own
    if any(c.dep_ in SUBJECT_DEPS and c.i > verb.i for c in verb.children) or verb.i + 1 < len(doc) and doc[verb.i + 1].pos_ in (
        "DET", "NOUN", "PROPN"):
        return None  # « …, a tweeté le ministre, … »: the subject is after the verb
    start = verb.sent.start_char
    for char, e, as_subject in d.before(verb.idx):
        if char < start:
            return None
        if as_subject and e.kind in ("PER", "ORG"):
            return e
    return None


def narrated_subject_before(d: Discourse, cands: list[Cand], c: Cand) -> Entity | None:
    """"Hulot listed the failures of his time in office. « Have we … ? »": a quoted sentence with
    no cue right after a narrated sentence of its paragraph that holds no statement is the
    words of the person that sentence is about (its subject), not of the last speaker."""
    doc = d.doc
    first = doc.char_span(c.start, c.end, alignment_mode="expand")
    if first is None or first.start == 0:
        return None
    sent = first[0].sent
    if sent.start == 0 or "\n" in doc.text[doc[sent.start - 1].sent.end_char : sent.start_char]:
        return None
    prev = doc[sent.start - 1].sent
    if any(prev.start_char <= x.start < prev.end_char for x in cands):
        return None  # the sentence before reports someone: the usual follow-on
    for char, e, as_subject in d.before(prev.end_char):
        if char < prev.start_char:
            return None
        if as_subject and e.kind == "PER" and not d.in_reported(char):
            return e
    return None


def speaker_before(d: Discourse, cands: list[Cand], k: int, ents: list[Entity | None]) -> Entity | None:
    """The speaker of the last statement before this one that has one, else the last subject."""
    c = cands[k]
    prev = [j for j in range(len(cands)) if cands[j].start < c.start and ents[j] is not None]
    if prev:
        return ents[max(prev, key=lambda j: cands[j].start)]
    return d.recent(c.start, None, None, subject=True)


def relay_via(d: Discourse, e: Entity | None, c: Cand) -> str | None:
    """Who relays the speaker's words when the statement falls in a relay (« X a rappelé les
    déclarations de Y. Celui-ci a annoncé que … » is Y's via X)."""
    if e is not None and e.relayed_by and c.start <= e.relay_until and d.lex.norm(e.relayed_by) != d.lex.norm(e.name):
        return e.relayed_by
    return None
