"""The figure rules on English (``lang/en``): number forms, vague and approximate words,
qualifiers, ranges and what is no figure, on frozen Docs (``tests/make_docs.py``, its
``en_fig_*`` cases, invented sentences parsed by the English pipeline), with no statements.
Number parsing needs no Doc: see the ``read_quantity(..., "en")`` tests at the end.
"""

from __future__ import annotations

import pytest

import selon.pipeline.components  # noqa: F401  (registers doc._.selon_quotes)
from selon.extract.figures import extract_figures
from selon.extract.figures.attribution import governs_before, reach
from selon.extract.figures.context import Context
from selon.extract.figures.lexicon import lexicon
from selon.extract.figures.quantities import find_quantities
from selon.extract.numbers import Reading, read_quantity
from selon.extract.quotes import find_quotes
from selon.models import Figure, Speaker, Statement, TextSpan


@pytest.fixture(scope="module")
def en_figures_of(frozen_doc, en_pack):
    """``en_figures_of(name)``: ``extract_figures`` on an English frozen Doc, no statements."""

    def run(name: str) -> list[Figure]:
        doc = frozen_doc(name)
        doc._.selon_quotes = find_quotes(doc.text, en_pack.quotes.pairs)
        return extract_figures(doc, en_pack, [])

    return run


def table(figures: list[Figure]) -> list[tuple[str, object, object, str]]:
    return [(f.text, f.low, f.high, f.qualifier) for f in figures]


def test_rule_english_number_formats(en_figures_of) -> None:
    """260,000 and 1.5 by the pack's marks; a multiplier glued to the digits or after them; a
    currency sign before the digits starts the figure and is its unit."""
    figures = en_figures_of("en_fig_formats")
    assert table(figures) == [
        ("About 2,500 nurses", 2500, 2500, "about"),
        ("€4.5bn", 4500000000, 4500000000, "exact"),
        ("$1.2m", 1200000, 1200000, "exact"),
        ("3.5%", 3.5, 3.5, "exact"),
        ("680m litres", 680000000, 680000000, "exact"),
    ]
    assert [f.unit for f in figures[1:3]] == ["€", "$"]


def test_rule_hyphen_qualifier_and_hyphen_unit(en_figures_of) -> None:
    """« near-15% » is about 15 (a qualifier glued by a hyphen, no minus sign); « a 30,000-pound
    fine » counts pounds, the word after the hyphen alone."""
    figures = en_figures_of("en_fig_glued_hyphen")
    assert table(figures) == [
        ("near-15%", 15, 15, "about"),
        ("30,000-pound", 30000, 30000, "exact"),
        ("12-page", 12, 12, "exact"),
    ]
    assert [f.unit for f in figures] == ["%", "pound", "page"]


def test_rule_english_vague_plurals(en_figures_of) -> None:
    """Bare vague plurals count (« Thousands of nurses »), « dozens » is 24 to 99, « several
    hundred » reads the singular; « test scores » (a noun modified by another) is no count."""
    assert table(en_figures_of("en_fig_vague")) == [
        ("Thousands of nurses", 2000, 9999, "vague"),
        ("dozens of doctors", 24, 99, "vague"),
        ("several hundred students", 200, 999, "vague"),
        ("tens of thousands of homes", 20000, 99999, "vague"),
    ]


def test_rule_english_written_numbers(en_figures_of) -> None:
    """« A million » is a million (the article with a multiplier counts), « a dozen » 12 about,
    « Sixty » 60; the outcome comes from the verb (« were arrested »)."""
    figures = en_figures_of("en_fig_words")
    assert table(figures) == [
        ("A million people", 1000000, 1000000, "exact"),
        ("a dozen buses", 12, 12, "about"),
        ("Sixty farmers", 60, 60, "exact"),
    ]
    assert figures[2].outcome == "arrested"


def test_rule_english_fractions(en_figures_of) -> None:
    """« two-thirds of » (a hyphen between the numerator and the denominator), « half of » with no
    article, each with its qualifier; « and more than » after the noun starts the next figure."""
    assert table(en_figures_of("en_fig_fractions")) == [
        ("Close to two-thirds of the stations", 0.6667, 0.6667, "about"),
        ("more than half of the trains", 0.5, None, "more_than"),
    ]


def test_rule_english_qualifiers(en_figures_of) -> None:
    assert table(en_figures_of("en_fig_qualifiers")) == [
        ("At least 12 people", 12, None, "at_least"),
        ("up to 300 homes", None, 300, "at_most"),
        ("fewer than 40 shops", None, 40, "less_than"),
        ("some 8,000 fans", 8000, 8000, "about"),
    ]


def test_rule_under_alone_is_no_qualifier(en_figures_of) -> None:
    """« under two previous mayors » counts the mayors: « under » is no bound (negative)."""
    assert table(en_figures_of("en_fig_not_under")) == [
        ("two previous mayors", 2, 2, "exact"),
        ("5%", 5, 5, "exact"),
    ]


def test_rule_range_past_a_bracketed_conversion(en_figures_of) -> None:
    """« between 2,000 pounds ($2,600) and 3,000 pounds »: one range, the conversion its own
    figure; « between 150 and 200 bus crashes »: the unit is the noun the compound leads to, and
    « bus » is no address."""
    figures = en_figures_of("en_fig_ranges")
    assert table(figures) == [
        ("between 2,000 pounds ($2,600) and 3,000 pounds", 2000, 3000, "range"),
        ("$2,600", 2600, 2600, "exact"),
        ("between 150 and 200 bus crashes", 150, 200, "range"),
    ]
    assert figures[2].unit == "bus crashes"


def test_rule_english_not_figures(en_figures_of) -> None:
    """An age (« 54-year-old », « Jones (47) »), a date (« 12 January »), a year before a singular
    noun (« the 2019 election »), identifiers (« Article 50 », « League 2 ») are no figures; the
    count beside them is."""
    assert table(en_figures_of("en_fig_not_figures")) == [("4,000 workers", 4000, 4000, "exact")]


def test_rule_qualifier_across_a_line_break(en_figures_of) -> None:
    """« about\n5,000 walkers »: the parser cut the sentence at the line break, where no mark
    ends it; the qualifier before the break still applies."""
    assert table(en_figures_of("en_fig_line_break")) == [("about\n5,000 walkers", 5000, 5000, "about")]


# -- number parsing, no Doc ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("260,000", Reading(260000, 260000, "exact")),
        ("1.5 million", Reading(1500000, 1500000, "exact")),
        ("2.3bn", Reading(2300000000, 2300000000, "exact")),
        ("680m", Reading(680000000, 680000000, "exact")),
        ("12.7", Reading(12.7, 12.7, "exact")),
        ("twenty-five", Reading(25, 25, "exact")),
        ("a dozen", Reading(12, 12, "about")),
        ("a million", Reading(1000000, 1000000, "exact")),
        ("dozens", Reading(24, 99, "vague")),
        ("hundreds of thousands", Reading(200000, 999999, "vague")),
        ("several million", Reading(2000000, 9999999, "vague")),
        ("thousands", Reading(2000, 9999, "vague")),
        ("half of", Reading(0.5, 0.5, "exact")),
    ],
)
def test_english_number_reading(text: str, expected: Reading) -> None:
    assert read_quantity(text, "en") == expected


@pytest.mark.parametrize("text", ["a", "one of", "a few", "12-3", "3/4", "several"])
def test_english_non_quantities(text: str) -> None:
    """An article, « one of » (a pronoun), a vague word alone, a score, a fraction in digits."""
    assert read_quantity(text, "en") is None


def test_french_marks_stay_french() -> None:
    """The decimal comma is the French pack's, the decimal point the English pack's."""
    assert read_quantity("1,5 million", "fr") == Reading(1500000, 1500000, "exact")
    assert read_quantity("1,500", "en") == Reading(1500, 1500, "exact")
    assert read_quantity("1.5", "en") == Reading(1.5, 1.5, "exact")


# -- whose figure: the sentence a cue governs ---------------------------------------------------
def test_rule_a_sentence_cut_at_stray_breaks_reaches_its_cue(frozen_doc, en_pack) -> None:
    """The parser cut « about\\n6,000 cyclists had set off across the county\\n, including 900 in
    Derby, according to the organisers. » at its line breaks: the figure's sentence runs on
    through pieces that open with no capital up to its end mark, where the cue is; not into the
    next sentence (« The next ride … »)."""
    doc = frozen_doc("en_fig_cut_sentence")
    ctx = Context(doc, lexicon(en_pack))
    q = next(q for q in find_quantities(ctx) if ctx.text[q.start : q.end] == "6,000")
    lo, hi = reach(ctx, q)
    assert ctx.text[lo:hi] == ctx.text[ctx.text.index("6,000") : ctx.text.index("\nThe next")]


def statement(kind: str, content: tuple[int, int], cue: tuple[int, int], text: str) -> Statement:
    return Statement(
        "s1",
        kind,  # type: ignore[arg-type]
        TextSpan(text[content[0] : content[1]], *content),
        Speaker("the mayor", None, None, "mayor"),
        TextSpan(text[cue[0] : cue[1]], *cue),
    )


def test_rule_a_direct_quotation_after_the_figure_does_not_take_it() -> None:
    """« Of the 300 new homes, "half will be social housing", the mayor said »: the quotation is the
    mayor's words, the figure before it the article's; an inverted indirect cue still governs the
    figure before it (« …, 40 homes were sold, the mayor said »)."""
    text = 'Of the 300 new homes, "half will be social housing", the mayor said.'
    at = text.index("300")
    quote = (text.index("half"), text.index('",'))
    cue = (text.index("said"), text.index("said") + 4)
    assert not governs_before(statement("direct", quote, cue, text), at, at + 3, (0, len(text)))
    text = "In March, 40 homes were sold, the mayor said."
    at = text.index("40")
    cue = (text.index("said"), text.index("said") + 4)
    clause = (0, text.index(", the mayor"))
    assert governs_before(statement("indirect", clause, cue, text), at, at + 2, (0, len(text)))


def test_rule_hyphen_between_two_numbers_is_a_range(en_figures_of) -> None:
    """« 10-20 riders » is one range; a chain of numbers and hyphens (« 555-0199-12 ») is no range
    and gives no figure after its first hyphen."""
    figures = en_figures_of("en_fig_hyphen_range")
    assert table(figures)[0] == ("10-20 riders", 10, 20, "range")
    assert not any(f.low in (199, 12) or f.high in (199, 12) for f in figures)


def test_rule_a_name_or_capitalised_adjective_before_the_noun(en_figures_of) -> None:
    """« 12 EU ministers », « 30 Welsh farmers »: the unit runs from the modifier to the noun it
    modifies, which says the count is of people."""
    figures = en_figures_of("en_fig_premodified_unit")
    assert [(f.text, f.unit, f.outcome) for f in figures] == [
        ("12 EU ministers", "EU ministers", "other"),
        ("30 Welsh farmers", "Welsh farmers", "other"),
    ]


def test_rule_clock_minutes_and_a_count_before_last_year(en_figures_of) -> None:
    """« 10:30 » is a time (neither 10 nor 30 a figure); « 150 last year » is a count (« last »
    starts a date after an English number, it is no adjective to skip to « year »); « three full
    days » is a duration."""
    assert [f.low for f in en_figures_of("en_fig_clock_last_year")] == [40, 150]


def test_rule_a_number_between_a_name_and_a_broadcaster_noun_names_a_channel(en_figures_of) -> None:
    """« France 2 television » is a channel's name ([not_figures] medium_nouns); « 40 radio
    stations » and « 3 TV channels », with no name before them, are counts."""
    assert [f.text for f in en_figures_of("en_fig_channel_name")] == ["40 radio stations", "3 TV channels"]
