"""Describing a mention: its name, role, alias, kind and gender, and the roles around a name.

- :func:`strip_title` takes the title off a name (« M. », « Mme »);
- :func:`description_before` and :func:`description_after` find the description in apposition
  to a name (« le procureur de Perpignan, Jean Dupont », « Jean Dupont, maire de Lyon »), and
  :func:`role_text` reads a role out of it;
- :func:`gender_near` gives a name's gender from its title, its apposition or its first name;
- :func:`describe` reads a noun-phrase mention: a report's author, persons, an organisation or
  a plain description;
- :func:`match_description` finds the entity a description names (« le préfet » for the
  « préfet du Rhône » named before).
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from selon.extract.speakers.entities import Discourse, Entity, agrees
from selon.extract.speakers.lexicon import SpeakerLexicon
from selon.lang.pack import fold


def morph(tok: Token, key: str) -> str | None:
    """The token's first morphological value for ``key`` (e.g. ``Gender``), if any."""
    v = tok.morph.get(key, [])
    return v[0] if v else None


# -- names and their appositions ----------------------------------------------------------------
def strip_title(d: Discourse, span: Span) -> tuple[str, str | None]:
    """The name in ``span`` without leading titles and determiners, and the last title met."""
    lex = d.lex
    toks = list(span)
    title = None
    while toks and (toks[0].text.lower() in lex.titles or fold(toks[0].text) in lex.determiners or toks[0].is_space):
        if toks[0].text.lower() in lex.titles:
            title = toks[0].text.lower()
        toks = toks[1:]
    if not toks:
        return "", title
    return d.doc[toks[0].i : toks[-1].i + 1].text, title


def description_before(d: Discourse, i: int) -> list[Token]:
    """The description that ends right before token ``i`` (a name), a comma apart or not:
    « le procureur de Perpignan, » or « Le président »; empty when there is none."""
    run = _words_before(d, i)
    if run and run[-1].i == i - 1 and run[-1].pos_ == "ADP":
        return []  # « la méthode de Jean Dupont »: the name is a complement, not in apposition
    while run and run[0].pos_ == "ADP":
        run = run[1:]
    run = _after_speech_noun(d, run)
    if any(t.ent_type_ == "PER" for t in run) and not possessed(run):
        return []  # « après la prise de parole de Jean Dupont, Paul Girard »: someone else's phrase
    if not run or not any(t.pos_ == "NOUN" and (t.text[:1].islower() or fold(t.text) in d.lex.institutions) for t in run):
        return []  # a class noun in capitals counts (« l'ONG espagnole Open Sea »)
    if run[0].pos_ != "DET" and not run[0].text[:1].islower() and not possessed(run):
        return []  # ("Rodrigues' lawyer Philippe de Veulle": a possessor opens the description)
    return run


def _words_before(d: Discourse, i: int) -> list[Token]:
    """Up to 14 words before token ``i``, back to a verb, a pronoun, a conjunction or a
    punctuation mark, or to a determiner that no preposition links to what precedes."""
    doc = d.doc
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
            if before is None or fold(before.text) not in d.lex.description_links:
                break
        j -= 1
    return run


def _after_speech_noun(d: Discourse, run: list[Token]) -> list[Token]:
    """« les propos du directeur de l'hôpital, Luc Moreau »: the role is after the speech noun."""
    head = next((k for k, t in enumerate(run) if t.pos_ == "NOUN"), None)
    if head is not None and fold(run[head].lemma_) in d.lex.speech_nouns:
        run = run[head + 1 :]
        while run and run[0].pos_ == "ADP" or run and fold(run[0].text) in d.lex.after_speech_noun:
            run = run[1:]
    return run


def description_after(d: Discourse, i: int) -> list[Token]:
    """The description after a comma at token ``i`` (right after a name): « , maire de Lyon »,
    up to 14 words, to a verb, a pronoun, an adverb or a punctuation mark; empty when none."""
    doc = d.doc
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


def role_text(d: Discourse, toks: list[Token]) -> str | None:
    """The role the tokens spell, without commas, determiners and punctuation at either end;
    ``None`` when no noun or adjective is left."""
    toks = [t for t in toks if t.text not in (",",)]
    while toks and (fold(toks[0].text) in d.lex.determiners or toks[0].is_punct):
        toks = toks[1:]
    while toks and (fold(toks[-1].text) in d.lex.determiners or toks[-1].is_punct and toks[-1].text != ")"):
        toks = toks[:-1]
    if not toks or not any(t.pos_ in ("NOUN", "ADJ") for t in toks):
        return None
    return d.doc[toks[0].i : toks[-1].i + 1].text


# -- gender of a name ---------------------------------------------------------------------------
def gender_near(d: Discourse, ent: Span) -> str | None:
    """Gender of a name from a title (« Mme »), the description it stands in apposition to
    (« la porte-parole de la coalition, Jeanne Dupont ») or, for a person, its first name."""
    return title_gender(d, ent) or apposition_gender(d, ent) or first_name_gender(d, ent)


def title_gender(d: Discourse, ent: Span) -> str | None:
    """The gender of a title in the name or right before it (« Mme Lefèvre », « M. Bernard »)."""
    genders = d.lex.title_gender
    for t in ent:
        if t.text.lower() in genders:
            return genders[t.text.lower()]
    if ent.start > 0 and ent[0].text.lower() not in genders and d.doc[ent.start - 1].text.lower() in genders:
        return genders[d.doc[ent.start - 1].text.lower()]
    return None


def apposition_gender(d: Discourse, ent: Span) -> str | None:
    """The gender of the determiner of the description in apposition (« la porte-parole, … »):
    the determiner tells, the noun alone may be epicene."""
    for run in (description_before(d, ent.start), description_after(d, ent.end)):
        head = next((t for t in run if t.pos_ == "NOUN"), None)
        if head is None:
            continue
        det = d.doc[head.i - 1] if head.i > 0 and d.doc[head.i - 1].pos_ == "DET" else None
        g = morph(det, "Gender") if det is not None else None
        if g:
            return g
    return None


def first_name_gender(d: Discourse, ent: Span) -> str | None:
    """The gender of a person's first name (« Nathalie Roux »), when the pack knows it."""
    if ent.label_ != "PER":
        return None
    first = next((t for t in ent if t.text.lower() not in d.lex.titles), None)
    return d.lex.first_names.get(first.text) if first is not None else None


# -- a mention ----------------------------------------------------------------------------------
class Described(NamedTuple):
    """What a noun-phrase mention says of its source."""

    name: str | None
    role: str | None
    alias: str | None  # an acronym in brackets (« (OMS) »)
    kind: str | None  # PER | ORG | DESC
    gender: str | None


def describe(d: Discourse, span: Span) -> Described:
    """Read a noun-phrase mention: the author of a report (« les chiffres publiés par X »), the
    persons it names (with the rest as their role), a name after a title the NER missed, an
    organisation or proper noun, else the plain description."""
    toks, alias = _without_brackets([t for t in span if not t.is_space])
    gender = mention_gender(d.lex, toks)
    reported = _report_author(d, toks, alias, gender)
    if reported is not None:
        return reported
    persons = [e for e in d.ents if e.label_ == "PER" and e.start >= span.start and e.end <= span.end
               and not _possessor(d, e) and not in_complement(e, span)]
    if persons:
        return _persons(d, toks, persons, alias, gender)
    if possessed(toks):
        return _plain_description(d, toks, alias, gender)  # "Rodrigues's lawyer": not Rodrigues
    titled = _name_after_title(d, toks)
    if titled is not None:
        return Described(titled, None, alias, "PER", gender)
    proper = _proper_run(d.lex, toks)
    if proper:
        return _organisation(d, toks, proper, alias, gender)
    return _plain_description(d, toks, alias, gender)


def in_complement(ent: Span, span: Span) -> bool:
    """"a banner hanging from the statue of Marianne": a name that a preposition ties to another
    noun of the mention (its root has a ``case`` preposition) names no speaker."""
    root = ent.root
    return root.i != span.root.i and any(c.dep_ == "case" and c.pos_ == "ADP" for c in root.children)


def _possessor(d: Discourse, ent: Span) -> bool:
    """Whether a name is followed by a possessive ending ("Rodrigues's"): it names a possessor."""
    return ent.end < len(d.doc) and d.doc[ent.end].pos_ == "PART" and d.doc[ent.end].dep_ == "case"


def possessed(toks: list[Token]) -> bool:
    """Whether the mention names something of a possessor, a possessive ending (a particle the
    parse makes a case marker) between the possessor and a noun ("Rodrigues's lawyer")."""
    return any(t.pos_ == "PART" and t.dep_ == "case" and 0 < k < len(toks) - 1 and toks[k + 1].pos_ in ("NOUN", "ADJ")
               for k, t in enumerate(toks))


def _without_brackets(toks: list[Token]) -> tuple[list[Token], str | None]:
    """The tokens outside brackets, and the bracketed word when it is one acronym (« (OIM) »)."""
    clean: list[Token] = []
    inside: list[Token] = []
    depth = 0
    for t in toks:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth > 0:
            inside.append(t)
        else:
            clean.append(t)
    alias = inside[0].text if len(inside) == 1 and inside[0].text.isupper() else None
    return clean, alias


def mention_gender(lex: SpeakerLexicon, toks: list[Token]) -> str | None:
    """The gender of the first title, determiner or noun that has one."""
    for t in toks:
        if t.text.lower() in lex.title_gender:
            return lex.title_gender[t.text.lower()]
        if t.pos_ in ("DET", "NOUN") and morph(t, "Gender"):
            return morph(t, "Gender")
    return None


def _report_author(d: Discourse, toks: list[Token], alias: str | None, gender: str | None) -> Described | None:
    """A report names its author: « les chiffres publiés par X » is X, « un sondage Elabe »
    the proper nouns in it; ``None`` when the mention heads with no report noun."""
    head_nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
    if not head_nouns or fold(head_nouns[0].lemma_) not in d.lex.report_nouns:
        return None
    for k, t in enumerate(toks):
        if fold(t.text) in d.lex.agent and k > 0 and k + 1 < len(toks) and t.i > head_nouns[0].i:
            if fold(toks[k - 1].lemma_) in d.lex.commissioning:
                return _plain_description(d, toks[: k - 1], alias, gender)  # "a report commissioned by X"
            sub = d.doc[toks[k + 1].i : toks[-1].i + 1]
            if any(x.pos_ in ("PROPN", "NOUN") for x in sub):
                return describe(d, sub)
    props = [t for t in toks if t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PER")]
    if props:
        return Described(d.doc[props[0].i : props[-1].i + 1].text, None, alias, "ORG", gender)
    return None


def _persons(d: Discourse, toks: list[Token], persons: list[Span], alias: str | None,
             gender: str | None) -> Described:
    """The persons named in the mention, joined (« Hélène Roche et Bruno Carré »); the other
    words, titles aside, are their role."""
    name = f" {d.lex.conjunction} ".join(strip_title(d, p)[0] for p in persons)
    inside: set[int] = set()
    for p in persons:
        inside.update(range(p.start, p.end))
    role = role_text(d, [t for t in toks if t.i not in inside and t.text.lower() not in d.lex.titles])
    return Described(name, role, alias, "PER", gender)


def _name_after_title(d: Discourse, toks: list[Token]) -> str | None:
    """The capitalised words after a title, a name the NER missed (« M. Fagni »)."""
    for k, t in enumerate(toks):
        if t.text.lower() in d.lex.titles and k + 1 < len(toks) and toks[k + 1].text[:1].isupper():
            m = k + 1
            while m < len(toks) and toks[m].text[:1].isupper():
                m += 1
            return d.doc[toks[k + 1].i : toks[m - 1].i + 1].text
    return None


def _proper_run(lex: SpeakerLexicon, toks: list[Token]) -> list[Token]:
    """The first run of proper nouns, organisation words or acronyms that stands for the
    source, not one inside a complement (« le maire de Lyon »)."""
    proper: list[Token] = []
    skipped = -2  # the last token skipped as part of a name in a complement
    for k, t in enumerate(toks):
        if not proper and t.text.isupper() and fold(t.text) in lex.institutions:
            continue  # « une autre ONG, l'allemande Open Sea »: a class noun, not a name
        if t.text[:1].isupper() and (t.pos_ == "PROPN" or t.ent_type_ == "ORG") or (
            t.text.isupper() and len(t.text) > 1 and t.is_alpha
        ):
            if not proper and (_in_complement(lex, toks, k) or skipped == k - 1):
                skipped = k  # "the family of John Hall": "Hall" too is the complement's
                continue
            proper.append(t)
        elif proper:
            break
    return proper


def _in_complement(lex: SpeakerLexicon, toks: list[Token], k: int) -> bool:
    """Whether token ``k`` follows a preposition (« de Lyon ») or a preposition and an article
    (« de la Gironde »)."""
    if k == 0:
        return False
    prev = fold(toks[k - 1].text)
    if prev in lex.complement_prepositions:
        return True
    return k > 1 and prev in lex.complement_articles and fold(toks[k - 2].text) in lex.complement_prepositions_before_article


def _organisation(d: Discourse, toks: list[Token], proper: list[Token], alias: str | None,
                  gender: str | None) -> Described:
    """After determiners only, the whole mention is a name (« l'Organisation internationale
    pour les migrations »); else the proper run is, and the words around it the role."""
    first = proper[0]
    if all(fold(t.text) in d.lex.determiners for t in toks if t.i < first.i):
        body = [t for t in toks if t.i >= first.i]
        return Described(d.doc[body[0].i : body[-1].i + 1].text, None, alias, "ORG", gender)
    name = d.doc[first.i : proper[-1].i + 1].text
    role = role_text(d, [t for t in toks if t.i < first.i or t.i > proper[-1].i])
    return Described(name, role, alias, "ORG", gender)


def _plain_description(d: Discourse, toks: list[Token], alias: str | None, gender: str | None) -> Described:
    """The description without its determiners and quotation marks (« préfet »)."""
    determiners = d.lex.determiners
    body = [t for t in toks if not (t.i == toks[0].i and fold(t.text) in determiners)]
    while body and (fold(body[0].text) in determiners or body[0].text in d.lex.description_marks):
        body = body[1:]
    while body and (body[-1].text == "," or body[-1].text in d.lex.description_marks):
        body = body[:-1]
    if not body:
        return Described(None, None, alias, None, gender)
    desc = d.doc[body[0].i : body[-1].i + 1].text
    desc = desc.replace('"', "").replace("«", "").replace("»", "").replace("  ", " ").strip()
    return Described(desc, None, alias, "DESC", gender)


# -- a description matched to someone named before ------------------------------------------------
def match_description(d: Discourse, desc: str, before: int, gender: str | None) -> Entity | None:
    """A description naming someone already introduced (« le procureur » for « le procureur
    de Perpignan, Jean Dupont »; « la police » for « la police de Mons »), the most recent;
    of the mention's gender first, then of any (« la patron de … »: a typo or an epicene noun)."""
    norm = d.lex.norm(desc)
    if not norm:
        return None
    found = _match_pass(d, norm, before, gender)
    if found is None and gender is not None:
        found = _match_pass(d, norm, before, None)
    return found


def _match_pass(d: Discourse, desc: str, before: int, gender: str | None) -> Entity | None:
    desc_words = [d.lex.singular(w) for w in desc.split()]
    groups = equivalent_groups(d.lex, desc)
    seen: set[int] = set()
    for _, e, _ in d.before(before):
        if id(e) in seen or e.kind == "DESC" or not agrees(e, gender, None):
            continue
        seen.add(id(e))
        for r in [*(d.lex.norm(x) for x in e.roles), *([d.lex.norm(e.name)] if e.kind != "PER" else [])]:
            if same_function(d.lex, desc, desc_words, r, groups):
                return e
    return None


def equivalent_groups(lex: SpeakerLexicon, desc: str) -> list[set[str]]:
    """The groups of equivalent roles a description (normalised) names, with qualifying words
    after it or not (« chef du gouvernement fédéral » is a « chef du gouvernement »)."""
    return [g for g in lex.equivalents if desc in g or any(desc.startswith(f"{x} ") for x in g)]


def same_function(lex: SpeakerLexicon, desc: str, desc_words: list[str], role: str, groups: list[set[str]]) -> bool:
    """Whether a known role (normalised) names the function a description does: the same words,
    the same head, equivalent roles, or two leaders of the same thing (« le patron de la
    gendarmerie » / « le directeur général de la gendarmerie »)."""
    role_words = [lex.singular(w) for w in role.split()]
    if not role_words:
        return False
    if lex.head(desc.split()) != lex.head(desc_words) and lex.head(role.split()) == lex.head(role_words):
        return False  # a plural head: « les syndicats » are not the one « syndicat Alliance »
    if role == desc or lex.head(role_words) == lex.head(desc_words) and (
        len(role_words) == 1 or all(w in role_words for w in desc_words)
    ) or any(role in g for g in groups):
        return True
    return (desc_words[0] in lex.leaders and role_words[0] in lex.leaders and len(desc_words) > 1
            and all(w in role_words for w in desc_words[1:]))
