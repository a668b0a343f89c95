"""Quotation marks found on the raw text (``selon.extract.quotes.find_quotes``): no model needed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from selon.extract.quotes import find_quotes, top_level
from selon.lang.pack import load_pack

PAIRS = load_pack("fr").quotes.pairs


def contents(text: str, *, depth: int | None = 0) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, PAIRS) if depth is None or q.depth == depth]


@pytest.mark.parametrize(
    "space",
    [" ", "\u00a0", "\u202f"],
    ids=["space", "no-break space", "narrow no-break space"],
)
def test_guillemets_with_spaces_inside(space: str) -> None:
    text = f"Le maire a lancé «{space}Nous ne céderons pas{space}» devant la foule."
    (q,) = find_quotes(text, PAIRS)
    assert text[q.start : q.end] == "Nous ne céderons pas"
    assert text[q.open] == "«" and text[q.close - 1] == "»"
    assert q.closed and q.depth == 0 and q.mark == "«"


def test_english_curly_quotes() -> None:
    text = "Elle a écrit “Rien n’est joué” sur son blog."
    assert contents(text) == ["Rien n’est joué"]


def test_straight_double_quotes() -> None:
    text = 'Le syndicat répète "Nous irons jusqu\'au bout" depuis lundi.'
    assert contents(text) == ["Nous irons jusqu'au bout"]


def test_two_straight_quotes_in_one_sentence_are_not_merged() -> None:
    text = 'Il parle de "crise" et non de "catastrophe".'
    assert contents(text) == ["crise", "catastrophe"]


def test_nested_marks_inside_guillemets() -> None:
    text = "« On nous a promis ‹ des moyens ›, puis ‘ plus tard ’, puis « jamais » », lâche-t-il."
    outer = contents(text)
    assert outer == ["On nous a promis ‹ des moyens ›, puis ‘ plus tard ’, puis « jamais »"]
    assert contents(text, depth=1) == ["des moyens", "plus tard", "jamais"]
    # the outer quotation comes first, and top_level keeps only it
    qs = find_quotes(text, PAIRS)
    assert qs[0].depth == 0
    assert [text[q.start : q.end] for q in top_level(qs)] == outer


@pytest.mark.parametrize("word", ["l’ONU", "aujourd’hui", "l'État", "d’Ivry", "qu’il"])
def test_apostrophes_inside_words_are_not_marks(word: str) -> None:
    text = f"Selon {word}, la réunion est reportée à jeudi."
    assert find_quotes(text, PAIRS) == []


def test_apostrophes_do_not_break_a_real_quotation() -> None:
    text = "« L’ONU l’a dit aujourd’hui », a rappelé la porte-parole."
    assert contents(text) == ["L’ONU l’a dit aujourd’hui"]


def test_quotation_split_by_its_cue_gives_two() -> None:
    text = "« Nous voulons des garanties », a-t-il dit, « et nous les aurons. »"
    qs = find_quotes(text, PAIRS)
    assert [text[q.start : q.end] for q in qs] == ["Nous voulons des garanties", "et nous les aurons."]
    assert all(q.closed and q.depth == 0 for q in qs)
    # the cue between them is in neither
    cue = text.index("a-t-il dit")
    assert all(not (q.open <= cue < q.close) for q in qs)


def test_long_quotation_reopened_at_each_paragraph() -> None:
    paras = [
        "« Le premier jour, personne ne savait rien.",
        "« Le deuxième jour, les rumeurs ont commencé.",
        "« Le troisième jour, tout le monde est parti. »",
    ]
    text = "\n".join(paras)
    qs = find_quotes(text, PAIRS)
    assert [text[q.start : q.end] for q in qs] == [p.strip("« »") for p in paras]
    assert [q.closed for q in qs] == [False, False, True]
    # each piece ends at its own paragraph, never beyond
    for q, line_end in zip(qs, [len(paras[0]), len(paras[0]) + 1 + len(paras[1]), len(text)], strict=True):
        assert q.close <= line_end


def test_unclosed_mark_runs_to_paragraph_end_only() -> None:
    text = (
        "Le témoin raconte : « Ils sont arrivés vers minuit et ont tout cassé.\n"
        "La police est intervenue plus tard. Le préfet a déclaré « aucune arrestation » dans la nuit.\n"
        "« Nous reviendrons », a promis un manifestant."
    )
    qs = find_quotes(text, PAIRS)
    got = [(text[q.start : q.end], q.closed) for q in qs]
    assert got == [
        ("Ils sont arrivés vers minuit et ont tout cassé.", False),
        ("aucune arrestation", True),
        ("Nous reviendrons", True),
    ]
    first_par_end = text.index("\n")
    assert qs[0].close == first_par_end


def test_swiss_and_quebec_styles() -> None:
    text = "Le conseiller a dit «Pas question» puis ''On verra bien'' à la sortie."
    assert contents(text) == ["Pas question", "On verra bien"]


@pytest.mark.parametrize(
    "text",
    ['“Nous partirons demain”, a-t-il dit.', '“Nous partirons demain", a-t-il dit.',
     '«Nous partirons demain", a-t-il dit.', '« Nous partirons demain!" a-t-il dit.'],
    ids=["curly", "curly then straight", "guillemet then straight", "after an exclamation"],
)
def test_a_straight_mark_closes_a_curly_or_guillemet_one_left_open(text: str) -> None:
    (q,) = find_quotes(text, PAIRS)
    assert q.closed and text[q.start : q.end].rstrip("!") == "Nous partirons demain"


def test_a_straight_mark_inside_a_curly_quotation_still_nests() -> None:
    text = '“Il a dit "non", puis il est parti”, raconte-t-elle.'
    assert contents(text) == ['Il a dit "non", puis il est parti']
    assert contents(text, depth=1) == ["non"]
    # its closing mark comes later in the paragraph: a stray straight mark closes nothing
    assert contents("« Il a dit non\" hier », dit-il.") == ['Il a dit non" hier']


def test_no_marks_no_quotes() -> None:
    assert find_quotes("Le conseil municipal s'est réuni mardi soir.", PAIRS) == []
    assert find_quotes("", PAIRS) == []


# -- properties -----------------------------------------------------------------------------------
WORDS = st.sampled_from(
    [
        "le",
        "maire",
        "a",
        "dit",
        "l’ONU",
        "aujourd’hui",
        "d'abord",
        "1.200",
        "manifestants",
        ",",
        ".",
        ":",
        "-t-il",
        "«»",
    ]
)
OPEN_CLOSE = st.sampled_from(PAIRS)
SPACE = st.sampled_from([" ", "\u00a0", "\u202f", ""])


@st.composite
def quoted_text(draw: st.DrawFn) -> str:
    """Paragraphs of words with balanced (possibly nested) quotation marks."""

    def chunk(depth: int) -> str:
        parts: list[str] = []
        for _ in range(draw(st.integers(0, 5))):
            if depth < 2 and draw(st.booleans()):
                o, c = draw(OPEN_CLOSE)
                sp = draw(SPACE)
                parts.append(f"{o}{sp}{chunk(depth + 1)}{sp}{c}")
            else:
                parts.append(draw(WORDS))
        return " ".join(parts)

    return "\n".join(chunk(0) for _ in range(draw(st.integers(1, 3))))


def _check_invariants(text: str) -> None:
    qs = find_quotes(text, PAIRS)
    spaces = " \t\u00a0\u202f\u2009\u2007"
    for q in qs:
        assert q.open <= q.start <= q.end <= q.close <= len(text)
        assert q.start < q.end  # empty quotations are dropped
        assert "\n" not in text[q.open : q.close], "a quotation never crosses a paragraph break"
        content = text[q.start : q.end]
        assert content[0] not in spaces and content[-1] not in spaces
        assert q.depth >= 0
    assert [(q.open, q.depth) for q in qs] == sorted((q.open, q.depth) for q in qs)


@settings(max_examples=300, deadline=None)
@given(quoted_text())
def test_property_balanced_texts(text: str) -> None:
    _check_invariants(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_property_arbitrary_unicode_never_raises(text: str) -> None:
    _check_invariants(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("«»“”‘’‹›\"' \u00a0\u202f\nab,.")), max_size=80))
def test_property_mark_soup_never_raises(text: str) -> None:
    _check_invariants(text)


EN_PAIRS = load_pack("en").quotes.pairs


def test_single_straight_quotes_inside_double_ones_and_plural_possessives() -> None:
    text = "\"The sign said 'closed' all week,\" the dockers' union said."
    quotes = [text[q.start : q.end] for q in find_quotes(text, EN_PAIRS)]
    assert quotes == ["The sign said 'closed' all week,", "closed"]


EN_PAIRS = load_pack("en").quotes.pairs


def test_an_opening_mark_typed_twice_opens_one_quotation() -> None:
    text = "The baker said: \u201c\u201cWe lost 30 customers a day,\u201d and left. Some 2,000 people live here."
    (q,) = find_quotes(text, EN_PAIRS)
    assert text[q.start : q.end] == "We lost 30 customers a day," and q.closed and q.depth == 0
    assert q.close == text.index(" and left")


def test_a_mark_reopened_after_a_sentence_end_goes_on_with_the_quotation() -> None:
    """A page that lost its paragraph breaks: « “A. “B,” he said. » is one quotation (the mark
    reopened at the lost break); a mark of the same kind inside a sentence still nests."""
    text = "He was keen: \u201cThe port will open.\u201cThe road will follow,\u201d he said. Then he left."
    (q,) = find_quotes(text, EN_PAIRS)
    assert text[q.start : q.end] == "The port will open.\u201cThe road will follow," and q.closed
    text = "She said \u201cthe word \u201cunsafe\u201d is wrong\u201d today."
    outer, inner = find_quotes(text, EN_PAIRS)
    assert text[outer.start : outer.end] == "the word \u201cunsafe\u201d is wrong" and outer.closed
    assert text[inner.start : inner.end] == "unsafe" and inner.depth == 1


def test_a_quotation_goes_on_over_a_stray_line_break_only_with_stray_breaks() -> None:
    """A page that dropped a link's words and kept its line breaks: with ``stray_breaks`` (the
    English pack), a quotation open at a line's end goes on into a line that opens as the rest
    of a sentence (lower case, a comma, a bracket); a line opening with a capital, or French
    (no stray breaks), still ends it at its paragraph."""
    text = "\u201cI never asked\n[the union] to strike, nor\n, frankly, anyone,\u201d the mayor said.\nLater she left."
    (q,) = find_quotes(text, EN_PAIRS, stray_breaks=True)
    assert text[q.start : q.end] == "I never asked\n[the union] to strike, nor\n, frankly, anyone," and q.closed
    assert [text[q.start : q.end] for q in find_quotes(text, EN_PAIRS)] == ["I never asked"]
    text = "\u201cThe port will open\nThe mayor left on Monday.\u201d"
    quotes = [text[q.start : q.end] for q in find_quotes(text, EN_PAIRS, stray_breaks=True)]
    assert quotes[0] == "The port will open"
