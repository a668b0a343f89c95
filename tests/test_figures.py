"""The figure rules (``selon.extract.figures``): each stage on frozen Docs, then the whole
layer through the real pipeline, on short sentences written for these tests.

The rule tests rebuild Docs frozen by ``tests/make_docs.py`` (its ``fig_*`` cases), so they
test the rules, not the model's mood; the ``model`` tests run ``Analyzer("fr")``.
"""

from __future__ import annotations

import pytest

import selon.pipeline.components  # noqa: F401  (registers doc._.selon_quotes)
from selon.extract.figures import extract_figures, read_context
from selon.extract.figures.attribution import attribute, holding_statement, quoted_follow_on, reach
from selon.extract.figures.context import Context, Quantity
from selon.extract.figures.exclusions import (
    exclusion,
    in_link_headline,
    in_work_title,
    is_score,
    lone_article,
    tally_before,
)
from selon.extract.figures.lexicon import lexicon
from selon.extract.figures.outcomes import counted, governing_verbs, noun_outcome, outcome, verb_outcome
from selon.extract.figures.qualifiers import Bounds, bounds, qualifier_after, qualifier_before, qualify
from selon.extract.figures.quantities import digit_pieces, find_quantities, written_number
from selon.extract.figures.ranges import (
    after_between,
    change_context,
    joiner,
    part_of,
    repeated_unit,
    scaled_like,
)
from selon.extract.figures.units import figure_unit, find_unit
from selon.extract.numbers import Reading
from selon.extract.quotes import find_quotes
from selon.models import Figure


# ================================================================================================
# The rules, stage by stage, on frozen Docs (``tests/make_docs.py``, the ``fig_*`` cases)
# ================================================================================================
@pytest.fixture(scope="module")
def ctx_of(frozen_doc, fr_pack):
    """``ctx_of(name)``: the figure stages' Context of the frozen Doc ``name``."""

    def build(name: str) -> Context:
        doc = frozen_doc(name)
        doc._.selon_quotes = find_quotes(doc.text, fr_pack.quotes.pairs)  # as the segmenter does
        return Context(doc, lexicon(fr_pack))

    return build


@pytest.fixture(scope="module")
def figures_of(frozen_doc, fr_pack, statements_of):
    """``figures_of(name)``: ``extract_figures`` on a frozen Doc, with its statements."""

    def run(name: str) -> list[Figure]:
        doc = frozen_doc(name)
        quotes = find_quotes(doc.text, fr_pack.quotes.pairs)
        doc._.selon_quotes = quotes
        return extract_figures(doc, fr_pack, statements_of(name))

    return run


def with_units(ctx: Context) -> list[Quantity]:
    """The quantities of ``ctx`` through the units stage."""
    qs = find_quantities(ctx)
    for q in qs:
        find_unit(ctx, q)
    return qs


def read_all(ctx: Context) -> list[Quantity]:
    """The quantities of ``ctx`` through units, exclusions and links."""
    qs = find_quantities(ctx)
    read_context(ctx, qs)
    return qs


def written(ctx: Context, qs: list[Quantity]) -> list[str]:
    return [ctx.text[q.start : q.end] for q in qs]


def test_extract_figures_wants_a_doc(fr_pack) -> None:
    with pytest.raises(TypeError):
        extract_figures("Trois camions.", fr_pack, [])  # type: ignore[arg-type]


# -- quantities ----------------------------------------------------------------------------------
def test_rule_quantities_digits_words_approximate_and_multipliers(ctx_of) -> None:
    ctx = ctx_of("fig_quantities")
    qs = find_quantities(ctx)
    assert [(q.kind, ctx.text[q.start : q.end], q.reading) for q in qs] == [
        ("approximate", "Une dizaine", Reading(10, 10, "about")),
        ("digits", "1.250", Reading(1250, 1250, "exact")),
        ("words", "trois cents", Reading(300, 300, "exact")),
        ("indefinite", "un", Reading(1, 1, "exact")),
        ("digits", "2,5 millions", Reading(2500000, 2500000, "exact")),
    ]
    assert qs[-1].scale == 1000000


def test_rule_vague_plural_is_a_quantity_a_bare_vague_word_is_not(ctx_of) -> None:
    ctx = ctx_of("fig_vague")
    qs = find_quantities(ctx)
    assert written(ctx, qs) == ["des centaines"]  # not « Plusieurs » alone
    assert (qs[0].kind, qs[0].reading) == ("vague", Reading(200, 999, "vague"))


def test_rule_phone_number_is_no_quantity(ctx_of, fr_pack) -> None:
    assert find_quantities(ctx_of("fig_phone")) == []
    reader = lexicon(fr_pack).reader
    assert digit_pieces(reader, 10, "02 98 44 17 60") == []
    assert digit_pieces(reader, 10, "6.400") == [(10, 15)]
    assert digit_pieces(reader, 0, "25 30") == [(0, 2), (3, 5)]  # two numbers side by side
    assert digit_pieces(reader, 0, "12 34 56") == []  # three pieces: a code


def test_rule_written_number_runs_over_its_words(ctx_of) -> None:
    ctx = ctx_of("fig_quantities")
    trois = ctx.low.index("trois")
    q = written_number(ctx, trois)
    assert q is not None and ctx.text[q.start : q.end] == "trois cents"
    assert written_number(ctx, ctx.low.index("colis")) is None


# -- units ---------------------------------------------------------------------------------------
def test_rule_unit_is_the_noun_after_the_number(ctx_of) -> None:
    qs = with_units(ctx_of("fig_quantities"))
    assert [q.unit for q in qs] == ["bénévoles", "repas", "colis", "budget", "euros"]


def test_rule_quoted_unit(ctx_of, figures_of) -> None:
    (q,) = with_units(ctx_of("fig_quoted_unit"))
    assert q.unit == "zones rouges"
    (f,) = figures_of("fig_quoted_unit")
    assert (f.text, f.unit) == ("14 « zones rouges »", "zones rouges")


def test_rule_a_weekday_after_the_number_is_not_its_unit(ctx_of, figures_of) -> None:
    (q,) = with_units(ctx_of("fig_weekday_after"))
    assert q.unit is None
    (f,) = figures_of("fig_weekday_after")
    assert (f.text, f.low, f.unit) == ("7.000", 7000, None)


def test_rule_elided_unit_comes_from_the_figure_before(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_elided_unit")
    qs = with_units(ctx)
    assert [q.unit for q in qs] == ["marcheurs", None]
    last = (qs[0].unit, qs[0].unit_token, ctx.sent_of[qs[0].a])
    assert figure_unit(ctx, qs[1], last)[0] == "marcheurs"
    assert figure_unit(ctx, qs[1], None) == (None, None)
    f = figures_of("fig_elided_unit")
    assert [(x.text, x.unit) for x in f] == [("6.400 marcheurs", "marcheurs"), ("900", "marcheurs")]


# -- exclusions ----------------------------------------------------------------------------------
def test_rule_dates_times_identifiers_and_years_are_no_figures(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_dates")
    qs = with_units(ctx)
    assert written(ctx, qs) == ["12", "14", "3", "deux", "2019"]
    assert [exclusion(ctx, q) for q in qs] == ["time", "time", "identifier", "time", "year"]
    assert figures_of("fig_dates") == []


def test_rule_a_bare_four_digit_number_with_its_source_is_a_count(ctx_of, figures_of) -> None:
    """« 1400 marcheurs selon la police, 2000 selon les syndicats », « (1800 d'après la mairie) »:
    set off by a mark, a source word right after: a count with its unit elided, not a year."""
    ctx = ctx_of("fig_year_count")
    assert [q.excluded for q in read_all(ctx)] == [None, None, None]
    assert [(f.text, f.low) for f in figures_of("fig_year_count")] == [
        ("1400 marcheurs", 1400), ("2000", 2000), ("1800", 1800),
    ]
    ctx = ctx_of("fig_year_count_not")  # « En 2000 selon … », « en 2001, selon … »: years
    assert [q.excluded for q in read_all(ctx)] == ["year", None, "year"]
    assert [f.text for f in figures_of("fig_year_count_not")] == ["8 %"]


def test_rule_an_article_before_an_ordinal_is_no_figure_even_in_a_tally(ctx_of, figures_of) -> None:
    """« Les deux guides et une troisième randonneuse »: a rank (ANNOTATION: ordinals are no
    figures); without the ordinal, « et une randonneuse » counts in the tally."""
    assert [f.text for f in figures_of("fig_tally_ordinal")] == ["deux guides"]
    ctx = ctx_of("fig_tally_ordinal")
    qs = read_all(ctx)
    assert [q.excluded for q in qs] == [None, "article"]
    assert [f.text for f in figures_of("fig_tally_ordinal_not")] == ["deux guides", "une randonneuse"]


def test_rule_a_day_whose_month_is_left_out_is_a_date(ctx_of, figures_of) -> None:
    """« sans doute le 16, »: digits after « le », a mark after them: a day (no figure);
    « les 16 ont voté » counts (a plural article)."""
    ctx = ctx_of("fig_day_alone")
    assert [q.excluded for q in read_all(ctx)] == ["time", "date"]
    assert figures_of("fig_day_alone") == []
    assert [f.text for f in figures_of("fig_day_alone_not")] == ["12 délégués", "16"]


def test_rule_a_number_inside_a_name_is_an_identifier(ctx_of, figures_of) -> None:
    """« du Mouvement 7 étoiles »: a capitalised common noun inside the sentence, the number's
    noun hanging on it, names something; a place or a noun that governs no number does not."""
    ctx = ctx_of("fig_name_number")
    assert [(ctx.text[q.start : q.end], q.excluded) for q in read_all(ctx)] == [
        ("7", "identifier"), ("12", None), ("7", "identifier"),
    ]
    assert [f.text for f in figures_of("fig_name_number")] == ["12 sièges"]
    ctx = ctx_of("fig_name_number_not")  # « sur Terre six clichés », « À Lyon 3000 personnes »
    assert [q.excluded for q in read_all(ctx)] == [None, None]
    assert [f.text for f in figures_of("fig_name_number_not")] == ["six clichés", "3000 personnes"]


def test_rule_a_number_after_a_weekday_is_a_date(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_weekday_date")
    (q,) = with_units(ctx)
    assert exclusion(ctx, q) == "date"
    assert figures_of("fig_weekday_date") == []


def test_rule_counts_are_not_excluded(ctx_of) -> None:
    ctx = ctx_of("fig_quantities")
    assert [exclusion(ctx, q) for q in with_units(ctx)] == [None] * 5


def test_rule_number_in_a_work_title(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_title")
    (q,) = with_units(ctx)
    assert in_work_title(ctx, q)
    assert exclusion(ctx, q) == "title"
    assert figures_of("fig_title") == []
    ctx = ctx_of("fig_quoted_unit")  # in quotation marks, but no work named before them
    assert not any(in_work_title(ctx, q) for q in with_units(ctx))


def test_rule_numbers_in_fixed_phrases_are_no_figures(ctx_of, figures_of) -> None:
    """« 24 heures sur 24 », « deux poids deux mesures », « plus un seul »: idioms of the pack."""
    ctx = ctx_of("fig_idioms")
    qs = read_all(ctx)
    assert [q.excluded for q in qs] == ["idiom", "idiom", "idiom", "idiom", "idiom"]
    assert figures_of("fig_idioms") == []


def test_rule_idiom_words_alone_make_no_idiom(figures_of) -> None:
    """The same words outside the phrase: « 24 mois » (a duration, not an idiom), « Deux poids
    lourds », « un seul conducteur » count."""
    f = figures_of("fig_idioms_not")
    assert [(x.text, x.low) for x in f] == [("Deux poids lourds", 2), ("un seul conducteur", 1)]


def test_rule_bare_number_takes_the_exclusion_before_it(ctx_of, figures_of) -> None:
    """« quatre ans de prison, dont deux avec sursis » (part of a duration), « les lignes 3 et 7 »
    (joined to an identifier): no figures."""
    ctx = ctx_of("fig_carried")
    qs = read_all(ctx)
    assert [(ctx.text[q.start : q.end], q.excluded) for q in qs] == [
        ("quatre", "time"), ("deux", "time"), ("3", "identifier"), ("7", "identifier"),
    ]
    assert part_of(ctx, qs[0], qs[1])
    assert figures_of("fig_carried") == []


def test_rule_counted_part_keeps_its_own_unit(ctx_of, figures_of) -> None:
    """« 12 détenus, dont 4 mineurs »: a part with its own unit, after a count, is a figure."""
    ctx = ctx_of("fig_carried_not")
    qs = read_all(ctx)
    assert not part_of(ctx, qs[1], qs[2]) or qs[2].unit is not None
    assert [x.text for x in figures_of("fig_carried_not")] == ["12 détenus", "4 mineurs"]


def test_rule_number_in_an_inserted_headline_is_no_figure(ctx_of, figures_of) -> None:
    """« À lire aussi : Inondations, 40 communes en alerte rouge »: another article's title."""
    ctx = ctx_of("fig_link_headline")
    qs = read_all(ctx)
    assert [(ctx.text[q.start : q.end], in_link_headline(ctx, q)) for q in qs] == [("trois", False), ("40", True)]
    assert [x.text for x in figures_of("fig_link_headline")] == ["trois victimes"]


def test_rule_link_marker_far_or_on_another_line_excludes_nothing(figures_of) -> None:
    """Numbers more than a few words after the marker's words, or on the next line, count."""
    assert [x.text for x in figures_of("fig_link_headline_not")] == ["40 pages", "12 blessés"]


def test_rule_score_of_a_game(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_score")
    qs = with_units(ctx)
    assert is_score(ctx, qs[0], qs[1])
    assert [q.excluded for q in read_all(ctx_of("fig_score"))] == ["score", "score"]
    assert figures_of("fig_score") == []
    ctx = ctx_of("fig_range_or")  # small numbers, no score cue before them
    qs = with_units(ctx)
    assert not is_score(ctx, qs[0], qs[1])


def test_rule_lone_article_counts_only_in_a_tally(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_quantities")
    qs = read_all(ctx)
    assert (qs[3].kind, qs[3].excluded) == ("indefinite", "article")  # « un budget »
    ctx = ctx_of("fig_tally")
    qs = read_all(ctx)
    assert lone_article(ctx, 0, qs) is None  # « un mort et six blessés »
    assert [(f.text, f.low) for f in figures_of("fig_tally")] == [("un mort", 1), ("six blessés légers", 6)]


def test_rule_no_break_space_is_stepped_over(ctx_of, figures_of) -> None:
    """« 63\u00a0ans », « le 26\u00a0février », « 25\u00a0% », « 3\u00a0millions »: the no-break
    space (a token of its own) hides neither the unit, nor the exclusion, nor the multiplier."""
    ctx = ctx_of("fig_nbsp")
    assert any(ctx.space)
    qs = read_all(ctx)
    assert [q.excluded for q in qs][:3] == ["time", None, "time"]
    assert ctx.next_word(qs[0].b) == qs[0].b + 2 and ctx.prev_word(qs[0].a) == qs[0].a - 1
    nbsp = [(f.text.replace("\u00a0", " "), f.low, f.unit) for f in figures_of("fig_nbsp")]
    assert nbsp == [
        ("25 000 tonnes", 25000, "tonnes"),
        ("25 %", 25, "%"),
        ("3 millions d'euros", 3000000, "euros"),
    ]
    assert nbsp == [(f.text, f.low, f.unit) for f in figures_of("fig_nbsp_plain")]  # as with plain spaces


def test_rule_part_of_a_count_and_an_elided_other_are_counts(ctx_of, figures_of) -> None:
    """« Quatre randonneurs, dont une infirmière »: a part of the count before; « Trois chiens
    sont morts et un autre »: one more, its unit elided."""
    ctx = ctx_of("fig_tally_part")
    qs = read_all(ctx)
    assert tally_before(ctx, 1, qs)
    f = figures_of("fig_tally_part")
    assert [(x.text, x.low) for x in f] == [
        ("Quatre randonneurs", 4), ("une infirmière", 1), ("Trois chiens", 3), ("un", 1),
    ]


def test_rule_article_after_a_subset_word_alone_is_no_count(figures_of) -> None:
    """« Un guide, dont une cliente … »: no number before, so articles; « Une autre randonnée »
    alone is an article too."""
    assert figures_of("fig_tally_part_not") == []


# -- ranges --------------------------------------------------------------------------------------
def test_rule_between_and_is_one_range(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_range_between")
    qs = with_units(ctx)
    assert joiner(ctx, qs[0], qs[1]) == "and"
    assert after_between(ctx, qs[0])
    (f,) = figures_of("fig_range_between")
    assert (f.text, f.low, f.high, f.qualifier) == ("Entre 200 et 300 manifestants", 200, 300, "range")
    assert f.unit == "manifestants"


def test_rule_rising_or_is_one_range(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_range_or")
    qs = with_units(ctx)
    assert joiner(ctx, qs[0], qs[1]) == "or"
    assert not after_between(ctx, qs[0])
    (f,) = figures_of("fig_range_or")
    assert (f.text, f.low, f.high, f.qualifier) == ("Quatre ou cinq rôdeurs", 4, 5, "range")


def test_rule_no_joiner_across_words(ctx_of) -> None:
    ctx = ctx_of("fig_elided_unit")  # « 6.400 marcheurs à Lille et 900 »
    qs = with_units(ctx)
    assert joiner(ctx, qs[0], qs[1]) is None


def test_rule_change_from_to_is_no_range(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_change")
    qs = with_units(ctx)
    assert joiner(ctx, qs[0], qs[1]) == "range"
    assert change_context(ctx, qs[0])
    assert not change_context(ctx_of("fig_range_or"), with_units(ctx_of("fig_range_or"))[0])
    f = figures_of("fig_change")
    assert [(x.low, x.high, x.qualifier) for x in f] == [(1.6, 1.6, "exact"), (1.9, 1.9, "exact")]


def test_rule_and_without_between_is_no_range(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_and_pair")
    qs = with_units(ctx)
    assert joiner(ctx, qs[1], qs[2]) == "and"
    assert not after_between(ctx, qs[1])
    f = figures_of("fig_and_pair")
    assert [(x.text, x.low, x.high, x.unit) for x in f] == [
        ("deux ateliers", 2, 2, "ateliers"),
        ("40", 40, 40, "apprentis"),
        ("55 apprentis", 55, 55, "apprentis"),
    ]


def test_rule_or_closing_a_list_is_no_range(figures_of) -> None:
    f = figures_of("fig_list_or")
    assert [(x.text, x.low, x.high) for x in f] == [("20", 20, 20), ("35", 35, 35), ("50 euros par mois", 50, 50)]
    assert {x.unit for x in f} == {"euros par mois"}


def test_rule_range_with_the_unit_written_twice(ctx_of, figures_of) -> None:
    """« de 500 euros à 800 euros », « entre 10 % et 12 % », « 90 km/h à 130 km/h »: one range."""
    ctx = ctx_of("fig_range_units")
    qs = with_units(ctx)
    assert repeated_unit(ctx, qs[0], qs[1]) == qs[1].a - 1  # past « euros », at « à »
    f = figures_of("fig_range_units")
    assert [(x.text, x.low, x.high, x.qualifier, x.unit) for x in f] == [
        ("de 500 euros à 800 euros", 500, 800, "range", "euros"),
        ("entre 10 % et 12 %", 10, 12, "range", "%"),
        ("90 km/h à 130 km/h", 90, 130, "range", "km/h"),
    ]


def test_rule_unit_written_twice_without_range_word_or_after_change(ctx_of, figures_of) -> None:
    """« 500 euros et 800 euros » (no between-word) and « passée de 60 euros à 90 euros » (a
    change) stay two figures; two different units are never joined past the first."""
    ctx = ctx_of("fig_range_units_not")
    qs = with_units(ctx)
    assert repeated_unit(ctx, qs[0], qs[1]) is not None
    assert repeated_unit(ctx, qs[1], qs[2]) is not None  # same unit, but across words: no joiner
    assert joiner(ctx, qs[1], qs[2], repeated_unit(ctx, qs[1], qs[2])) is None
    f = figures_of("fig_range_units_not")
    assert [(x.text, x.low, x.high) for x in f] == [
        ("500 euros", 500, 500), ("800 euros", 800, 800), ("60 euros", 60, 60), ("90 euros", 90, 90),
    ]
    other = ctx_of("fig_range_year")
    oq = with_units(other)
    assert repeated_unit(other, oq[0], oq[1]) is None  # the left one has no unit of its own


def test_rule_four_digits_in_a_range_of_counts_are_no_year(figures_of) -> None:
    """« 2000 à 3000 blessés » is a range of counts; « De 2015 à 2018, » stays two years."""
    f = figures_of("fig_range_year")
    assert [(x.text, x.low, x.high, x.qualifier, x.unit) for x in f] == [
        ("2000 à 3000 blessés", 2000, 3000, "range", "blessés"),
    ]


def test_rule_range_left_number_takes_the_thousands_of_the_right(figures_of) -> None:
    """« 10 à 15 000 », « entre 8 et 9.000 »: the left number is in thousands too."""
    f = figures_of("fig_range_thousands")
    assert [(x.text, x.low, x.high, x.qualifier) for x in f] == [
        ("10 à 15 000", 10000, 15000, "range"),
        ("entre 8 et 9.000", 8000, 9000, "range"),
    ]


def test_rule_range_left_number_keeps_its_value_above_the_leading_group(figures_of) -> None:
    """« 500 à 1 000 grévistes » is 500 to 1000; « passée de 10 à 15 000 » is a change."""
    f = figures_of("fig_range_thousands_not")
    assert [(x.text, x.low, x.high) for x in f] == [
        ("500 à 1 000 grévistes", 500, 1000),
        ("10", 10, 10),
        ("15 000 habitants", 15000, 15000),
    ]


def test_rule_range_scale_and_unit_after_the_second_number(figures_of) -> None:
    """« entre 8 et 10 milliards d'euros », « 10 à 15 % », vague scales: one figure each,
    bounds scaled by what follows the second number."""
    f = figures_of("fig_range_scale_after")
    assert [(x.text, x.low, x.high, x.qualifier, x.unit) for x in f] == [
        ("entre 8 et 10 milliards d'euros", 8000000000, 10000000000, "range", "euros"),
        ("10 à 15 %", 10, 15, "range", "%"),
        ("Plusieurs millions de foyers", 2000000, 9999999, "vague", "foyers"),
        ("des centaines de milliers d'entreprises", 200000, 999999, "vague", "entreprises"),
    ]


def test_rule_bare_left_number_takes_the_scale_of_a_change(figures_of) -> None:
    """« passé de 4,5 à 9 milliards » is 4.5 billion to 9 billion (a change, not a range); a
    left number with its own multiplier keeps it."""
    f = figures_of("fig_change_scale")
    assert [(x.text, x.low, x.high) for x in f][:2] == [
        ("4,5", 4500000000, 4500000000), ("9 milliards d'euros", 9000000000, 9000000000),
    ]
    assert f[2].low == 2000000


def test_rule_scaled_like_takes_the_multiplier_of_the_right_one() -> None:
    left = Quantity(0, 0, 0, 1, Reading(2, 2, "exact"), "digits")
    right = Quantity(2, 3, 6, 16, Reading(5000000, 5000000, "exact"), "digits", scale=1000000)
    assert scaled_like(left, right, 2, 5000000) == 2000000
    big = Quantity(0, 0, 0, 1, Reading(20, 20, "exact"), "digits")  # above the base 5: stays 20
    assert scaled_like(big, right, 20, 5000000) == 20


# -- qualifiers ----------------------------------------------------------------------------------
def test_rule_qualifier_before_sets_an_open_bound(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_qualifiers")
    qs = read_all(ctx)
    assert qualifier_before(ctx, qs[0]) == (0, "more_than", 500, None)
    assert qualifier_before(ctx, qs[1])[1:] == ("less_than", None, 40)
    f = figures_of("fig_qualifiers")
    assert [(x.text, x.low, x.high, x.qualifier, x.unit) for x in f] == [
        ("Plus de 500 habitants", 500, None, "more_than", "habitants"),
        ("moins de 40 %", None, 40, "less_than", "%"),
    ]


def test_rule_threshold_with_its_article_is_an_open_bound(figures_of) -> None:
    """« sous les 30 % », « dépassera les 3 % »: a threshold, written with its article; « les
    dizaines de milliers de » is as vague as « des dizaines de milliers de »."""
    f = figures_of("fig_thresholds")
    assert [(x.text, x.low, x.high, x.qualifier) for x in f] == [
        ("sous les 30 %", None, 30, "less_than"),
        ("dépassera les 3 %", 3, None, "more_than"),
        ("Les dizaines de milliers de visiteurs", 20000, 99999, "vague"),
    ]


def test_rule_article_alone_makes_no_threshold(figures_of) -> None:
    """« sous les applaudissements de 300 militants », « les 40 exposants »: exact counts."""
    f = figures_of("fig_thresholds_not")
    assert [(x.text, x.low, x.high, x.qualifier) for x in f] == [
        ("300 militants", 300, 300, "exact"),
        ("40 exposants", 40, 40, "exact"),
    ]


def test_rule_qualifier_after_the_noun(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_after_qualifier")
    (q,) = read_all(ctx)
    assert q.unit_end is not None
    assert qualifier_after(ctx, q.unit_end) == (len("Trois randonneurs au moins"), "at_least")
    (f,) = figures_of("fig_after_qualifier")
    assert (f.text, f.low, f.high, f.qualifier) == ("Trois randonneurs au moins", 3, None, "at_least")


def test_rule_no_qualifier_is_exact(ctx_of) -> None:
    ctx = ctx_of("fig_no_outcome")
    (q,) = read_all(ctx)
    assert qualifier_before(ctx, q) == (q.start, "exact", 60, 60)
    assert q.unit_end is not None
    assert qualifier_after(ctx, q.unit_end) == (q.unit_end, None)
    assert qualify(ctx, q) == Bounds(q.start, q.unit_end, "exact", 60, 60)


def test_rule_bounds_of_each_qualifier() -> None:
    exact, vague = Reading(10, 10, "exact"), Reading(200, 999, "vague")
    assert bounds("more_than", exact) == (10, None)
    assert bounds("at_least", vague) == (200, None)
    assert bounds("less_than", exact) == (None, 10)
    assert bounds("at_most", vague) == (None, 999)
    assert bounds("about", exact) == (10, 10)
    assert bounds("about", vague) == (200, 999)


# -- outcomes ------------------------------------------------------------------------------------
def test_rule_outcomes_from_nouns_and_from_a_modal_verb(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_outcomes")
    qs = read_all(ctx)
    assert [noun_outcome(ctx, counted(ctx, q.unit, q.unit_token)) for q in qs] == ["killed", "injured", None]
    assert "quitter" in [t.lemma_ for t in governing_verbs(ctx, qs[2])]  # through « ont dû »
    assert verb_outcome(ctx, qs[2], counted(ctx, qs[2].unit, qs[2].unit_token)) == "displaced"
    assert [f.outcome for f in figures_of("fig_outcomes")] == ["killed", "injured", "displaced"]


def test_rule_a_verb_only_people_undergo_counts_people(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_outcome_verb")
    q = read_all(ctx)[0]
    assert not counted(ctx, q.unit, q.unit_token).people  # « alpinistes » is not in the pack's people
    assert verb_outcome(ctx, q, counted(ctx, q.unit, q.unit_token)) == "killed"
    assert [f.outcome for f in figures_of("fig_outcome_verb")] == ["killed"]


def test_rule_forces_deployed_are_not_participants(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_outcome_forces")
    (q,) = read_all(ctx)
    c = counted(ctx, q.unit, q.unit_token)
    assert c.people and c.forces
    assert verb_outcome(ctx, q, c) is None
    (f,) = figures_of("fig_outcome_forces")
    assert (f.text, f.qualifier, f.outcome) == ("Quelque 2.000 policiers", "about", "other")


def test_rule_things_have_no_outcome(ctx_of, figures_of) -> None:
    ctx = ctx_of("fig_no_outcome")
    (q,) = read_all(ctx)
    assert outcome(ctx, q, q.unit, q.unit_token, ctx.tok_end(q.b + 1)) is None
    assert [(f.unit, f.outcome) for f in figures_of("fig_no_outcome")] == [("bancs", None)]


# -- attribution ---------------------------------------------------------------------------------
def test_rule_figure_takes_the_speaker_of_its_statement(ctx_of, statements_of, figures_of) -> None:
    ctx = ctx_of("fig_attribution")
    statements = statements_of("fig_attribution")
    (s,) = statements
    qs = read_all(ctx)
    assert holding_statement(qs[0].start, qs[0].end, qs[0], statements) is s
    assert attribute(qs[0].start, qs[0].end, qs[0], statements) == ("Paul Renard", s.id)
    assert attribute(qs[1].start, qs[1].end, qs[1], statements) == (None, None)  # the article's voice
    f = figures_of("fig_attribution")
    assert [(x.text, x.source, x.statement) for x in f] == [
        ("85 interpellations", "Paul Renard", s.id),
        ("40.000 habitants", None, None),
    ]


def _sentence_of(ctx: Context, q: Quantity) -> tuple[int, int]:
    lo, hi = ctx.sentence(q.a)
    return ctx.doc[lo].idx, ctx.tok_end(hi - 1)


def test_rule_figure_before_an_inverted_cue_takes_its_speaker(ctx_of, statements_of, figures_of) -> None:
    """« …, dont sept …, a précisé la préfète »: the statement stops before the figure, the
    cue after it governs the clause; « ils seraient près de 900, selon X, à … » likewise."""
    ctx = ctx_of("fig_cue_after")
    statements = statements_of("fig_cue_after")
    qs = [q for q in read_all(ctx) if not q.merged and not q.excluded]
    sept = next(q for q in qs if ctx.text[q.start : q.end] == "sept")
    # « A, selon X, dont B, a précisé Y »: B is Y's statement of its own (the statement rules
    # split the two sources), and the figure in it is Y's
    held = holding_statement(sept.start, sept.end, sept, statements)
    assert held is not None and held.content.text.startswith("dont sept") and held.speaker is not None
    assert held.speaker.name == "préfète"
    assert attribute(sept.start, sept.end, sept, statements, _sentence_of(ctx, sept))[0] == "préfète"
    f = {x.text: x.source for x in figures_of("fig_cue_after")}
    assert f["sept"] == "préfète"
    assert f["près de 900"] == "syndicaliste"


def test_rule_figure_before_a_cue_of_its_own_clause_stays_unattributed(ctx_of, statements_of, figures_of) -> None:
    """A cue whose content follows it does not reach back to the subject's figure, nor does a
    cue to the figure that names its speaker (« Quelque 900 salariés ont annoncé »)."""
    statements = statements_of("fig_cue_after_not")
    assert len(statements) == 2
    assert [(x.text, x.source) for x in figures_of("fig_cue_after_not")] == [
        ("Quelque 300 parents", None),
        ("Quelque 900 salariés", None),
    ]


def test_rule_cue_after_does_not_reach_past_a_full_stop_left_inside_the_sentence(ctx_of, figures_of) -> None:
    """« … devant la mairie.  2 400 personnes ont signé, selon le collectif. »: the parser kept
    one sentence (a number after two spaces); the figure before the full stop is narration."""
    ctx = ctx_of("fig_cue_after_stop")
    assert len(ctx.sent_bounds) == 1  # the construction: one sentence for the parser
    first, second = (q for q in read_all(ctx) if not q.merged and not q.excluded)
    assert reach(ctx, first)[1] == ctx.text.index(".") + 1  # cut after the stop
    assert reach(ctx, second) == (0, len(ctx.text))  # no stop after it: the whole sentence
    assert [(x.text, x.source) for x in figures_of("fig_cue_after_stop")] == [
        ("Plusieurs centaines de riverains", None),
        ("2 400 personnes", "collectif"),
    ]


def test_rule_quoted_figure_in_the_next_sentence_is_the_speakers_follow_on(ctx_of, statements_of, figures_of) -> None:
    """« …, a déclaré X. Certains clients paient "1.500 euros par séance" … »: a quoted fragment
    in the sentence right after X's statement, with no statement of its own, is X's
    (ANNOTATION rule 6); one sentence further, or unquoted, it is the article's."""
    ctx = ctx_of("fig_follow_on")
    statements = statements_of("fig_follow_on")
    (s,) = statements
    (q,) = read_all(ctx)
    assert quoted_follow_on(ctx, q, q.start, q.end, statements) is s
    assert [(x.text, x.source, x.statement) for x in figures_of("fig_follow_on")] == [
        ("1.500 euros", "Anne Morel", s.id),
    ]
    ctx = ctx_of("fig_follow_on_not")  # a narration sentence between them
    (q,) = read_all(ctx)
    assert quoted_follow_on(ctx, q, q.start, q.end, statements_of("fig_follow_on_not")) is None
    assert [(x.text, x.source) for x in figures_of("fig_follow_on_not")] == [("1.500 euros", None)]
    ctx = ctx_of("fig_attribution")  # « La ville compte 40.000 habitants. »: not quoted
    q = read_all(ctx)[1]
    assert quoted_follow_on(ctx, q, q.start, q.end, statements_of("fig_attribution")) is None


# ================================================================================================
# Through the model: ``Analyzer("fr")`` on sentences written for these tests
# ================================================================================================
@pytest.fixture(scope="module")
def analyzer():
    from selon.pipeline.analyzer import Analyzer

    try:
        return Analyzer("fr")
    except Exception as e:  # pragma: no cover - the model is part of the dev install
        pytest.skip(f"French pipeline unavailable: {e}")


@pytest.fixture(scope="module")
def figs(analyzer):
    def run(text: str) -> list[Figure]:
        return analyzer.analyze(text).figures

    return run


def only(figures: list[Figure], number: str) -> Figure:
    """The one figure whose text contains ``number``."""
    hits = [f for f in figures if number in f.text]
    assert len(hits) == 1, f"{number!r} in {[f.text for f in figures]}"
    return hits[0]


def values(figures: list[Figure]) -> list[tuple]:
    return [(f.low, f.high) for f in figures]


# -- number formats ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "written, value",
    [
        ("12 500", 12500),
        ("12\u00a0500", 12500),
        ("12\u202f500", 12500),
        ("12.500", 12500),
        ("12'500", 12500),
        ("12’500", 12500),
        ("3,5 millions de", 3500000),
        ("deux milliards de", 2000000000),
    ],
)
@pytest.mark.model
def test_digit_formats(figs, written, value):
    f = figs(f"La collecte a rapporté {written} francs aux sinistrés du canton.")
    assert len(f) == 1
    assert (f[0].low, f[0].high, f[0].qualifier) == (value, value, "exact")
    assert f[0].unit == "francs"


@pytest.mark.model
def test_decimal_comma_percent(figs):
    f = figs("Le taux de chômage a atteint 8,4 % en fin d'année dans la région.")
    assert len(f) == 1
    assert (f[0].low, f[0].unit, f[0].outcome) == (8.4, "%", None)


@pytest.mark.model
def test_word_numbers(figs):
    f = figs("Trois camions et deux cent soixante mille tracts ont été saisis.")
    assert values(f) == [(3, 3), (260000, 260000)]


@pytest.mark.model
def test_belgian_word_number(figs):
    f = figs("Nonante-deux plaintes ont été déposées au commissariat de Namur.")
    assert only(f, "Nonante").low == 92


# -- qualifiers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "phrase, low, high, qualifier",
    [
        ("environ 300", 300, 300, "about"),
        ("près de 300", 300, 300, "about"),
        ("quelque 300", 300, 300, "about"),
        ("autour de 300", 300, 300, "about"),
        ("plus de 300", 300, None, "more_than"),
        ("au-delà de 300", 300, None, "more_than"),
        ("au moins 300", 300, None, "at_least"),
        ("au minimum 300", 300, None, "at_least"),
        ("moins de 300", None, 300, "less_than"),
        ("jusqu'à 300", None, 300, "at_most"),
        ("au plus 300", None, 300, "at_most"),
        ("entre 300 et 400", 300, 400, "range"),
        ("de 300 à 400", 300, 400, "range"),
        ("300 à 400", 300, 400, "range"),
    ],
)
@pytest.mark.model
def test_qualifiers(figs, phrase, low, high, qualifier):
    f = figs(f"Lundi, {phrase} grévistes se sont rassemblés devant l'usine.")
    assert len(f) == 1, [x.text for x in f]
    assert (f[0].low, f[0].high, f[0].qualifier) == (low, high, qualifier)
    assert f[0].text.lower().startswith(phrase.split()[0].lower())
    assert f[0].unit == "grévistes"


@pytest.mark.model
def test_more_than_an_approximate_noun(figs):
    f = figs("Plus d'une centaine de riverains ont signé la pétition.")
    assert (f[0].low, f[0].high, f[0].qualifier) == (100, None, "more_than")


@pytest.mark.model
def test_at_least_after_the_noun(figs):
    f = figs("Trois passants au moins ont été blessés par la chute du panneau.")
    assert len(f) == 1
    assert f[0].text == "Trois passants au moins"
    assert (f[0].low, f[0].high, f[0].qualifier, f[0].outcome) == (3, None, "at_least", "injured")


@pytest.mark.model
def test_less_than_under_the_bar(figs):
    f = figs("La participation est passée sous la barre des 40 % dimanche.")
    assert (f[0].low, f[0].high, f[0].qualifier) == (None, 40, "less_than")


@pytest.mark.model
def test_or_range(figs):
    f = figs("Selon un témoin, cinq ou six individus cagoulés ont attaqué la boutique.")
    assert len(f) == 1
    assert (f[0].low, f[0].high, f[0].qualifier) == (5, 6, "range")


@pytest.mark.model
def test_alternatives_give_one_figure_each(figs):
    f = figs("Un abonnement coûte 30, 45 ou 60 euros selon la formule.")
    assert values(f) == [(30, 30), (45, 45), (60, 60)]
    assert [x.unit for x in f] == ["euros", "euros", "euros"]


@pytest.mark.model
def test_range_with_a_multiplier(figs):
    f = figs("Le chantier coûterait entre 2 et 5 millions d'euros à la commune.")
    assert len(f) == 1
    assert (f[0].low, f[0].high, f[0].qualifier, f[0].unit) == (2000000, 5000000, "range", "euros")


@pytest.mark.model
def test_change_from_to_is_two_figures(figs):
    f = figs("Le prix du ticket passe de 2,10 à 2,50 euros au mois prochain.")
    assert values(f) == [(2.1, 2.1), (2.5, 2.5)]


@pytest.mark.model
def test_falling_pair_is_two_figures(figs):
    f = figs("La taxe serait ramenée de 20 à 5 % pour les produits de base.")
    assert values(f) == [(20, 20), (5, 5)]


# -- approximate, vague, fractions ---------------------------------------------------------------
@pytest.mark.parametrize(
    "phrase, low, high, qualifier",
    [
        ("Une dizaine de", 10, 10, "about"),
        ("Une vingtaine de", 20, 20, "about"),
        ("Une trentaine de", 30, 30, "about"),
        ("Une quinzaine de", 15, 15, "about"),
        ("Une cinquantaine de", 50, 50, "about"),
        ("Une centaine de", 100, 100, "about"),
        ("Un millier de", 1000, 1000, "about"),
        ("Des centaines de", 200, 999, "vague"),
        ("Des milliers de", 2000, 9999, "vague"),
        ("Plusieurs dizaines de", 20, 99, "vague"),
        ("Des dizaines de milliers de", 20000, 99999, "vague"),
        ("Des centaines de milliers de", 200000, 999999, "vague"),
        ("Plusieurs millions de", 2000000, 9999999, "vague"),
        ("Quelques centaines de", 200, 999, "vague"),
    ],
)
@pytest.mark.model
def test_approximate_and_vague(figs, phrase, low, high, qualifier):
    f = figs(f"{phrase} manifestants ont défilé dans le centre de Lille.")
    assert len(f) == 1
    assert (f[0].low, f[0].high, f[0].qualifier) == (low, high, qualifier)
    assert (f[0].unit, f[0].outcome) == ("manifestants", "participating")


@pytest.mark.model
def test_fractions(figs):
    f = figs("La moitié des élus a voté le texte, les trois quarts des maires l'ont rejeté.")
    assert values(f) == [(0.5, 0.5), (0.75, 0.75)]
    assert [x.unit for x in f] == ["élus", "maires"]  # what the fraction is a part of


@pytest.mark.model
def test_words_without_a_number_are_not_figures(figs):
    text = (
        "Plusieurs témoins, quelques voisins et de nombreux curieux étaient là, "
        "ainsi qu'une poignée de militants."
    )
    assert figs(text) == []


# -- units ---------------------------------------------------------------------------------------
@pytest.mark.model
def test_elided_unit(figs):
    f = figs("La préfecture a compté 8.200 marcheurs à Lyon et 1.300 à Grenoble.")
    assert values(f) == [(8200, 8200), (1300, 1300)]
    assert f[1].text == "1.300"
    assert f[1].unit == "marcheurs"


@pytest.mark.model
def test_percent_unit(figs):
    f = figs("Le candidat recueille 12% des intentions de vote.")
    assert (f[0].low, f[0].unit) == (12, "%")


@pytest.mark.model
def test_quoted_unit(figs):
    f = figs('La gendarmerie a recensé 37 "points de blocage" dans le département.')
    assert len(f) == 1
    assert f[0].low == 37
    assert f[0].unit == "points de blocage"


# -- outcomes ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence, outcome",
    [
        ("Douze randonneurs ont été tués par l'avalanche.", "killed"),
        ("L'explosion a fait 14 morts dans le quartier.", "killed"),
        ("Sept mineurs ont péri dans l'effondrement de la galerie.", "killed"),
        ("Le bilan fait état de 21 victimes parmi les passagers.", "killed"),
        ("Neuf ouvriers ont perdu la vie sur le chantier.", "killed"),
        ("L'accident a fait 32 blessés sur l'autoroute.", "injured"),
        ("Onze pêcheurs sont portés disparus au large.", "missing"),
        ("Plus de 4.000 habitants ont fui les combats.", "displaced"),
        ("Les secours ont évacué 600 habitants de la vallée.", "displaced"),
        ("Environ 800 personnes ont dû quitter leur village.", "displaced"),
        ("Une centaine de détenus ont pu s'enfuir pendant la nuit.", "displaced"),
        ("La police a interpellé 45 personnes après les heurts.", "arrested"),
        ("On compte 18 gardes à vue à l'issue de la soirée.", "arrested"),
        ("Les gendarmes ont procédé à 27 arrestations.", "arrested"),
        ("Quelque 3.000 manifestants ont défilé à Rennes.", "participating"),
        ("Plus de 12 000 habitants sont assiégés depuis un mois.", "affected"),
        ("Plus de 9 000 civils vivent sous le contrôle des rebelles.", "affected"),
        ("Trente enseignants ont signé une tribune.", "other"),
        ("La mairie a acheté 40 vélos électriques.", None),
    ],
)
@pytest.mark.model
def test_outcomes(figs, sentence, outcome):
    f = figs(sentence)
    assert len(f) == 1, [x.text for x in f]
    assert f[0].outcome == outcome


@pytest.mark.model
def test_tally_with_a_lone_one(figs):
    f = figs("La collision a fait un mort et 17 blessés, selon les pompiers.")
    assert values(f) == [(1, 1), (17, 17)]
    assert [x.outcome for x in f] == ["killed", "injured"]


@pytest.mark.model
def test_one_with_only(figs):
    f = figs("Sur les douze suspects, un seul a été relâché.")
    assert values(f) == [(12, 12), (1, 1)]


# -- not figures ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Le tribunal rendra sa décision le 14 avril.",
        "Les faits se sont produits le samedi 3 février vers minuit.",
        "Le rassemblement est prévu à 15 h devant la mairie.",
        "Le cortège est parti vers 10H30 de la gare.",
        "La réforme avait été votée en 2016 par le Parlement.",
        "Paul, 58 ans, tient la boulangerie du village.",
        "Un retraité de 81 ans a été renversé par un bus.",
        "Les victimes, âgées de 19, 23 et 30 ans, étaient originaires de Metz.",
        "Il a travaillé pendant 32 ans à l'usine.",
        "Le blocage a duré sept heures sur la rocade.",
        "Il a été placé en arrêt de travail pendant 10 jours.",
        "Les gilets jaunes ont organisé leur acte 22 ce week-end.",
        "C'était la douzième journée de mobilisation, la 13eme pour certains.",
        "Un accident s'est produit sur la RN 4 près de Nancy.",
        "Le magasin se trouve au 12 rue des Lilas.",
        "Pour tout renseignement, appelez le 04 72 10 30 30 en semaine.",
        "Un automobiliste est mort dans la nuit.",
        "Elle a lu le roman « Les 100 jours » pendant l'été.",
        "L'indice Bel 20 a clôturé en hausse.",
        "Le club s'est imposé 2 à 1 face à Nantes.",
        "Le numéro vert 0 800 123 456 est ouvert aux familles.",
        "Le tribunal l'a condamné à 18 mois de prison.",
    ],
)
@pytest.mark.model
def test_not_figures(figs, sentence):
    assert figs(sentence) == [], [f.text for f in figs(sentence)]


@pytest.mark.model
def test_signed_change_in_parentheses_is_not_a_figure(figs):
    f = figs("Le président recueille 31% (+4) d'opinions favorables.")
    assert values(f) == [(31, 31)]


@pytest.mark.model
def test_age_and_count_in_one_sentence(figs):
    f = figs("Un homme de 47 ans a blessé deux policiers lors de son interpellation.")
    assert values(f) == [(2, 2)]
    assert f[0].outcome == "injured"


# -- source ------------------------------------------------------------------------------------
@pytest.mark.model
def test_figure_inside_a_statement_takes_its_speaker(analyzer):
    a = analyzer.analyze("Selon la préfecture, 2.400 manifestants ont défilé samedi à Nantes.")
    f = only(a.figures, "2.400")
    s = a.statement(f.statement) if f.statement else None
    assert s is not None
    assert s.content.start <= f.start and f.end <= s.content.end
    assert f.source == (s.speaker.name if s.speaker else None)


@pytest.mark.model
def test_figure_in_the_articles_own_voice_has_no_source(figs):
    f = figs("Samedi, 2.400 manifestants ont défilé à Nantes.")
    assert (f[0].source, f[0].statement) == (None, None)


# -- offsets and bad input ---------------------------------------------------------------------
@pytest.mark.model
def test_offsets_point_into_the_text(analyzer):
    text = "Hier, plus de 130 civils et 12 % des maisons ont été touchés.\nEnviron 5 000 personnes ont fui."
    for f in analyzer.analyze(text).figures:
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    "text",
    [
        "Le chiffre 10^400 circule sur les réseaux.",
        "Un code de " + "7" * 500 + " chiffres a été publié.",
        "Le devis s'élève à 1.200,50 euros hors taxes.",
        "Ils étaient 260\n000 selon les organisateurs.",
        "Ils étaient 260\u00a0\n000 selon les organisateurs.",
        "1 2 3 4 5 6 7 8 9 10 11 12",
        "%%% ,,, ... 0,0,0 ''' 1..2 3,,4",
    ],
)
@pytest.mark.model
def test_bad_input_never_crashes(analyzer, text):
    figures = analyzer.analyze(text).figures
    for f in figures:
        assert text[f.start : f.end] == f.text
        assert f.low is None or abs(f.low) < 10**16


@pytest.mark.model
def test_mixed_separators_value(figs):
    f = figs("Le devis s'élève à 1.200,50 euros hors taxes.")
    assert (f[0].low, f[0].unit) == (1200.5, "euros")


@pytest.mark.model
def test_absurd_digit_run_is_not_a_figure(figs):
    assert figs("Un code de " + "7" * 500 + " chiffres a été publié.") == []
