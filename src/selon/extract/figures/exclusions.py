"""What makes a quantity no figure: the reason, or None.

A time or a duration (« 15 h », « 58 ans », « le 14 avril »), an address (« 12 rue … »), a
year, an identifier (« l'acte 22 », « la RN 4 », « LBD40 », « le Mouvement 5 étoiles »), a date by its weekday, a
number in the quoted title of a work, the score of a game (« 2 à 1 »), and an indefinite
article that counts nothing (« un automobiliste »).
"""

from __future__ import annotations

from spacy.tokens import Token

from selon.extract.figures.context import QUOTE_CHARS, SPACES, Context, Quantity
from selon.lang.pack import fold

_NAMED_KINDS = ("digits", "words", "indefinite")  # quantities that a noun before may name
_SCORE_WINDOW = 6  # tokens looked at before a score for its cue
_HEADLINE_WORDS = 16  # words after a link marker that may be the inserted headline
_NAME_DEPS = ("nmod", "flat:name", "appos", "amod")
_ORDINAL = "Ord"  # the parser's NumType of an ordinal adjective  # relations of a number's noun inside a name


def exclusion(ctx: Context, q: Quantity) -> str | None:
    """Why ``q`` is no figure (« idiom », « time », « address », « year », « identifier »,
    « date », « title »), or None. Reads the unit: run after :func:`find_unit`."""
    first_unit = fold(q.unit_token.text) if q.unit_token is not None else None
    return (
        ("idiom" if in_idiom(ctx, q) else None)
        or time_or_address(ctx, q, first_unit)
        or year(ctx, q, first_unit)
        or named_by_noun(ctx, q)
        or ("title" if in_work_title(ctx, q) or in_link_headline(ctx, q) else None)
    )


def in_idiom(ctx: Context, q: Quantity) -> bool:
    """In a fixed phrase of the pack (« 24 heures sur 24 », « deux poids deux mesures », « pas
    un seul »), matched on words around the quantity's first token."""
    for words, offset in ctx.lex.idiom_at.get(ctx.low[q.a], ()):
        i = q.a
        for _ in range(offset):
            i = ctx.prev_word(i) if i >= 0 else i
        if i >= 0 and _words_from(ctx, i, len(words)) == words:
            return True
    return False


def _words_from(ctx: Context, i: int, n: int) -> tuple[str, ...]:
    """The ``n`` folded words from token ``i`` on, space tokens left out."""
    out: list[str] = []
    while i < len(ctx.doc) and len(out) < n:
        out.append(ctx.low[i])
        i = ctx.next_word(i)
    return tuple(out)


def time_or_address(ctx: Context, q: Quantity, first_unit: str | None) -> str | None:
    """« time » when the quantity counts time or is followed by a month or a time unit,
    « address » when its unit is a street."""
    lex = ctx.lex
    if first_unit and (first_unit in lex.time_units or first_unit in lex.months):
        return "time"
    k = ctx.next_word(q.b)
    nxt = ctx.low[k] if k < len(ctx.doc) else ""
    if nxt in lex.months or nxt in lex.time_units:
        return "time"
    unit = fold(q.unit) if q.unit else None
    if unit and unit.split()[0] in lex.address_nouns and (q.unit_token is None or q.unit_token.dep_ != "compound"):
        return "address"  # « 12 rue de la Paix », not « 400 road deaths » (a noun modifying another)
    return None


def year(ctx: Context, q: Quantity, first_unit: str | None) -> str | None:
    """« year » for four bare digits within the pack's years, alone or before a month."""
    lex = ctx.lex
    value = q.value
    if q.kind == "digits" and q.scale == 1 and isinstance(value, int) and lex.year_min <= value <= lex.year_max:
        raw = ctx.text[q.start : q.end]
        if raw.isdigit() and len(raw) == 4 and (q.unit is None or first_unit in lex.months):
            return None if sourced_count(ctx, q) else "year"
        if raw.isdigit() and len(raw) == 4 and _modifies_singular(q):
            return "year"  # « the 2016 election », « 1968 revolution »: a count is plural
    return None


def _modifies_singular(q: Quantity) -> bool:
    """Whether the word after the number is a singular noun or an adjective (no plural mark): a
    year modifying a noun, where a count would be plural (« 2000 protesters »)."""
    tok = q.unit_token
    if tok is None or tok.pos_ not in ("NOUN", "ADJ") or not tok.is_alpha:
        return False
    number = tok.morph.get("Number", [])
    return "Plur" not in number and (tok.pos_ == "ADJ" or "Sing" in number)


def sourced_count(ctx: Context, q: Quantity) -> bool:
    """« (1400 personnes selon la police, 2000 selon les organisateurs) »: a bare number set off
    by a mark (or first in its sentence) with a source word of the pack right after it counts."""
    n, p = ctx.next_word(q.b), ctx.prev_word(q.a)
    if n >= len(ctx.doc):
        return False
    after = ctx.low[n] + (ctx.low[n + 1] if n + 1 < len(ctx.doc) and not ctx.doc[n].whitespace_ else "")
    if ctx.low[n] not in ctx.lex.count_sources and after not in ctx.lex.count_sources:
        return False
    return p < 0 or ctx.doc[p].is_punct or ctx.sentence(q.a)[0] == q.a


def named_by_noun(ctx: Context, q: Quantity) -> str | None:
    """« identifier » for a number a noun names (« l'acte 22 », « LBD40 »), « date » for a
    bare number after a weekday (« samedi 3 »)."""
    p = ctx.prev_word(q.a)
    if q.kind not in _NAMED_KINDS or p < 0:
        return None
    lex, doc = ctx.lex, ctx.doc
    prev = ctx.low[p]
    ptok = doc[p]
    glued = p + 1 == q.a and not ptok.whitespace_ and ptok.text not in QUOTE_CHARS and not ptok.is_punct
    numtok = doc[q.b] if q.kind != "digits" else doc[q.a]
    bare = q.unit is None
    if glued and ptok.is_alpha:
        return "identifier"
    if prev in lex.identifier_nouns and (bare or numtok.head.i == ptok.i or ptok.text[:1].isupper()):
        return "identifier"  # « l'acte 22 », « Article 50 », « League 1 football matches »
    if bare and _bracketed_after_name(ctx, q, p):
        return "age"  # « Hulot (63) became known … »
    if (
        ptok.pos_ in ("NOUN", "PROPN")
        and prev not in lex.adverbial_nouns
        and prev not in lex.weekdays
        and ptok.is_alpha
        and (numtok.head.i == ptok.i or (bare and (ptok.pos_ == "PROPN" or ptok.text[:1].isupper())))
    ):
        return "identifier"
    if _name_word(ctx, p) and prev not in lex.weekdays and _noun_modifier(ctx, q, p):  # « le Mouvement 5 étoiles »
        return "identifier"
    if _channel_name(ctx, q, ptok):
        return "identifier"
    if (prev in lex.weekdays or _day_alone(ctx, q, prev)) and bare:
        return "date"  # « samedi 3 », « sans doute le 26, »
    return None


def _bracketed_after_name(ctx: Context, q: Quantity, p: int) -> bool:
    """A bare number alone in brackets right after a name (a capitalised word): an age (« Hulot
    (63) ») or a code, never a count."""
    n = ctx.next_word(q.b)
    doc = ctx.doc
    name = doc[ctx.prev_word(p)] if p > 0 else None
    return (
        doc[p].text == "("
        and n < len(doc)
        and doc[n].text == ")"
        and name is not None
        and name.is_alpha
        and name.text[:1].isupper()
    )


def _day_alone(ctx: Context, q: Quantity, prev: str) -> bool:
    """Digits after a day article of the pack, a mark (or the end) right after them: a day whose
    month is left out (« sans doute le 26 – »)."""
    n = ctx.next_word(q.b)
    return prev in ctx.lex.day_articles and q.kind == "digits" and (n >= len(ctx.doc) or ctx.doc[n].is_punct)


def _noun_modifier(ctx: Context, q: Quantity, p: int) -> bool:
    """The number and its counted noun modify the noun ``p`` or another noun (« du Mouvement 5
    étoiles »), not a verb (« a envoyé sur Terre six clichés »): the parser's relation of the
    counted noun, or of the bare number."""
    tok = q.unit_token if q.unit_token is not None else ctx.doc[q.b]
    return tok.head.i == p or tok.dep_ in _NAME_DEPS


def _channel_name(ctx: Context, q: Quantity, ptok: Token) -> bool:
    """Digits between a capitalised proper noun and a broadcaster's noun (``medium_nouns``): the
    name of a channel (« Europe 1 radio », "France 2 television"), no count."""
    unit = q.unit_token
    return (
        q.kind == "digits"
        and len(ctx.doc[q.a].text) <= 3  # a channel's number is short (« Europe 1 », « RTL 102 »)
        and ctx.sentence(ptok.i)[0] != ptok.i
        and unit is not None
        and ptok.pos_ == "PROPN"
        and ptok.text[:1].isupper()
        and fold(unit.text) in ctx.lex.medium_nouns
    )


def _name_word(ctx: Context, p: int) -> bool:
    """A common noun written with a capital inside its sentence, right before the number: a word
    of a name (« du Mouvement 5 étoiles », « le Groupe 7 »), not a place (a proper noun: « À
    Paris 3000 personnes … ») nor the sentence's first word."""
    tok = ctx.doc[p]
    return (
        tok.pos_ == "NOUN"
        and tok.is_alpha
        and tok.text[:1].isupper()
        and tok.text[1:2].islower()
        and ctx.sentence(p)[0] != p
    )


def in_work_title(ctx: Context, q: Quantity) -> bool:
    """In quotation marks right after a work noun: « le roman « Les 100 jours » »."""
    for open_, start, end in ctx.quotes:
        if start <= q.start and q.end <= end:
            before = fold(ctx.text[max(0, open_ - 30) : open_]).split()
            if before and before[-1].strip(",:") in ctx.lex.work_nouns:
                return True
    return False


def in_link_headline(ctx: Context, q: Quantity) -> bool:
    """Within a few words after a link marker of the pack set off by a mark (« À lire aussi :
    Un incendie fait dix morts »), on its line: the headline of another article."""
    ends = [e for e in ctx.link_ends if e < q.a]
    if not ends:
        return False
    i = q.a
    for _ in range(_HEADLINE_WORDS):
        i = ctx.prev_word(i)
        if i < 0 or "\n" in ctx.low[i + 1] or "\n" in ctx.doc[i].text_with_ws:
            return False
        if i not in ends:
            continue
        for words in ctx.lex.link_markers:
            n = len(words)
            if ctx.low[i] == words[-1] and i + 1 >= n and tuple(ctx.low[i - n + 1 : i + 1]) == words:
                mark = ctx.next_word(i)
                return mark < len(ctx.doc) and ctx.doc[mark].is_punct
    return False


def is_score(ctx: Context, left: Quantity, right: Quantity) -> bool:
    """« s'est imposée 3 à 1 »: two small whole numbers after a score cue of the pack are
    the score of a game, not a range."""
    lex = ctx.lex
    lv, rv = left.value, right.value
    if not (isinstance(lv, int) and isinstance(rv, int) and lv < 100 and rv < 100):
        return False
    if right.unit is not None and fold(right.unit) in lex.symbols:
        return False
    lo = ctx.sentence(left.a)[0]
    for k in range(left.a - 1, max(lo, left.a - _SCORE_WINDOW) - 1, -1):
        if fold(ctx.doc[k].lemma_) in lex.score_cues or ctx.low[k] in lex.score_cues:
            return True
    return False


# -- the indefinite article --------------------------------------------------------------------
def counts(q: Quantity) -> bool:
    """A quantity that is a figure by itself: not excluded, not a lone article."""
    return q.excluded is None and q.kind != "indefinite"


def lone_article(ctx: Context, k: int, qs: list[Quantity]) -> str | None:
    """« article » when the indefinite ``qs[k]`` is an article, None when it counts: marked
    by an only-word (« un seul »), or in a tally (« un mort et 17 blessés », « deux policiers
    blessés et un passant »)."""
    q = qs[k]
    low = ctx.low
    only = ctx.lex.reader.only_words
    p, n = ctx.prev_word(q.a), ctx.next_word(q.b)
    if p >= 0 and low[p] in only:
        return None
    if n < len(ctx.doc) and low[n] in only:
        return None
    if q.excluded or (n < len(ctx.doc) and _ORDINAL in ctx.doc[n].morph.get("NumType", [])):
        return "article"  # « et une quatrième personne »: a rank, even in a tally
    if q.unit is None:  # « deux morts et une autre blessée »: counts with its unit elided
        other = n < len(ctx.doc) and low[n] in ctx.lex.skip_adjectives
        return None if other and tally_before(ctx, k, qs) else "article"
    if tally_after(ctx, k, qs) or tally_before(ctx, k, qs):
        return None
    return "article"


def tally_after(ctx: Context, k: int, qs: list[Quantity]) -> bool:
    """« un mort et 528 blessés »: a counted quantity right after the unit of ``qs[k]``."""
    q = qs[k]
    lex = ctx.lex
    if q.unit_end is None or k + 1 >= len(qs):
        return False
    nxt = qs[k + 1]
    between = fold(ctx.text[q.unit_end : nxt.start].strip(SPACES))
    outcome_noun = fold(q.unit) in lex.outcome_nouns if q.unit else False
    return counts(nxt) and (between in lex.and_words or (between in lex.list_words and outcome_noun))


def tally_before(ctx: Context, k: int, qs: list[Quantity]) -> bool:
    """« Deux policiers ont été blessés et un passant … », « trois personnes, dont un
    diplomate »: joined to a number written in digits or words a few tokens before, in the same
    sentence (a vague tally does not count)."""
    q = qs[k]
    lex = ctx.lex
    p = ctx.prev_word(q.a)
    if p < 0 or not (ctx.low[p] in lex.and_words or ctx.low[p] in lex.list_words or ctx.low[p] in lex.subset_words):
        return False
    for prev in reversed(qs[:k]):
        if prev.excluded or prev.merged or prev.kind == "indefinite":
            continue
        if prev.kind not in ("digits", "words"):
            return False
        return ctx.sent_of[prev.b] == ctx.sent_of[q.a] and q.a - prev.b <= 8
    return False
