"""Pronouns: what the pack says of each (gender, number, kind) and the rules that find their
referent.

- a personal (subject) pronoun (il, elle, -t-il) goes back to the most recent subject of its
  gender and number, else to the most recent mention;
- a demonstrative (celui-ci, ce dernier) goes back to the most recently named, outside its
  own sentence first;
- a relative (« qui ») goes back to its antecedent, the noun phrase just before it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from selon.extract.speakers.descriptions import strip_title
from selon.extract.speakers.entities import Discourse, Entity
from selon.extract.speakers.lexicon import SpeakerLexicon
from selon.lang.pack import fold

# the dependents of a noun that belong to the antecedent of a relative pronoun
ANTECEDENT_DEPS = ("flat:name", "appos", "nmod", "amod", "conj", "cc", "case", "det")


def pronoun_features(lex: SpeakerLexicon, low: str) -> tuple[str | None, str | None, str]:
    """(gender, number, kind) of the pronoun ``low`` (folded); a pronoun the pack does not
    list is a subject pronoun of unknown gender and number."""
    gender, number, kind = lex.pronouns.get(low) or ("", "", "subject")
    return gender or None, number or None, kind


# the gender a pronoun has when it never stands for a person (English "it")
NEUTER = "Neut"


def personal_referent(d: Discourse, span: Span, gender: str | None, number: str | None) -> Entity | None:
    """il, elle: the most recent agreeing subject, else the most recent agreeing mention; a
    neuter pronoun ("it"): the most recent organisation or description, never a person."""
    pos = span.start_char
    if gender == NEUTER:
        return thing_referent(d, pos, number)
    if gender:
        known = d.latest(pos, gender, number, True, None, strict=True)
        if known is not None:
            return known
        # « a déclaré le maire, Jean Dupont, … a-t-il ajouté »: a person of that gender the
        # parser did not make a subject beats a source of unknown gender
        person = next((e for _, e, _s in d.before(pos) if e.kind == "PER" and e.gender == gender
                       and e.number != ("Sing" if number == "Plur" else "Plur")), None)
        if person is not None:
            return person
    return d.recent(pos, gender, number, subject=True) or d.recent(pos, gender, number, subject=False)


def thing_referent(d: Discourse, pos: int, number: str | None) -> Entity | None:
    """"it said": the most recent organisation or description mentioned as a subject, else the
    most recent mentioned at all, that is no person and agrees in number."""
    for subject in (True, False):
        for _, e, as_subject in d.before(pos):
            if (as_subject or not subject) and e.kind != "PER" and e.gender in (None, NEUTER) and not (
                number and e.number and e.number != number
            ):
                return e
    return None


def demonstrative_referent(d: Discourse, span: Span, gender: str | None, number: str | None) -> Entity | None:
    """celui-ci, ce dernier: the most recently named, outside the pronoun's own sentence first."""
    pos = span.start_char
    return d.recent(pos, gender, number, subject=False, exclude_sentence_of=span.sent.start_char) or \
        d.recent(pos, gender, number, subject=False)


def relative_antecedent(d: Discourse, span: Span) -> Entity | Span | None:
    """The antecedent of « qui »: the entity when the noun before it is part of a name, else
    the noun phrase to resolve (up to the pronoun); ``None`` when nothing precedes."""
    tok = span.root
    noun = antecedent_noun(d, tok)
    if noun is None:
        return None
    for ent in d.ents:
        if ent.start <= noun.i < ent.end and ent.label_ in ("PER", "ORG"):
            return d.find(strip_title(d, ent)[0])
    start = noun.left_edge.i
    while start < noun.i and d.doc[start].pos_ in ("CCONJ", "ADV", "ADP"):
        start += 1  # « … mais aussi par le gouvernement qui … »: the coordinated agent, not its links
    end = noun.i + 1
    for c in noun.children:
        if c.i > noun.i and c.dep_ in ANTECEDENT_DEPS and c.i < tok.i:
            end = max(end, min(c.right_edge.i + 1, tok.i))
    while end > start and d.doc[end - 1].text in (",", "(", ")"):
        end -= 1
    return d.doc[start:end]


def relative_clause_head(tok: Token, noun: Token | None, personal: frozenset[str]) -> Token | None:
    """"solicitors from Birmingham in the UK, who claimed …": when the relative pronoun ``tok``
    stands only for persons (``personal``: "who", not French « qui », which also stands for a
    body: « la secrétaire de la CGT, qui revendique … ») and the noun right before it lies in a
    complement of the noun its relative clause hangs on (the parse's ``acl:relcl`` head), the
    antecedent is that head noun, not the complement's noun."""
    clause = tok.head
    if noun is None or clause.dep_ != "acl:relcl" or tok.dep_ not in ("nsubj", "nsubj:pass") \
            or fold(tok.text) not in personal:
        return noun
    head = clause.head
    if head.i < noun.i and head.pos_ in ("NOUN", "PROPN") and head.is_ancestor(noun) and noun.dep_ == "nmod":
        return head
    return noun


def antecedent_noun(d: Discourse, tok: Token) -> Token | None:
    """The noun right before the relative pronoun ``tok`` (past commas, brackets, closing quotes
    and adjectives after it), else the token before it past commas."""
    doc = d.doc
    j = tok.i - 1
    while j >= 0 and (doc[j].text in (",", ")") or doc[j].is_punct and doc[j].text in d.lex.closing_marks):
        j -= 1
    noun = doc[j] if j >= 0 and doc[j].pos_ in ("NOUN", "PROPN", "ADJ") else None
    while noun is not None and noun.pos_ == "ADJ" and noun.i > 0 and doc[noun.i - 1].pos_ in ("NOUN", "PROPN"):
        noun = doc[noun.i - 1]
    if noun is not None and noun.pos_ == "ADJ":
        noun = None
    noun = relative_clause_head(tok, noun, d.lex.personal_relatives)
    if noun is None:
        j = tok.i - 1
        while j >= 0 and doc[j].text in (",",):
            j -= 1
        noun = doc[j] if j >= 0 else None
    return noun
