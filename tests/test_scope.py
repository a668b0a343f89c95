"""Figure scope: the place and the period a count applies to (ANNOTATION.md, "Figure scope").

Periods are read from the text alone (no model): each test gives a sentence and a
publication date. Places need the model's entities and tags: they run on frozen Docs
(``tests/make_docs.py``), so the tests pin the rules, not the model.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from selon.extract.figures import extract_figures
from selon.extract.scope import attach_scope
from selon.extract.scope.gazetteer import gazetteer, name_key
from selon.extract.scope.periods import Periods
from selon.lang.pack import LanguagePack
from selon.models import Figure, Period, Statement


def period_of(text: str, published: str | None, figure: str, pack: LanguagePack) -> Period | None:
    start = text.index(figure)
    return Periods(text, pack, published).of(start, start + len(figure), (0, len(text)))


def days(period: Period | None) -> tuple[str | None, str | None] | None:
    return None if period is None else (period.start, period.end)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weekday is the last such day up to the publication date (2019-03-11 is a Monday)
        ("Quelque 3000 personnes ont manifesté samedi.", "2019-03-11", ("2019-03-09", "2019-03-09")),
        # « d'ici mercredi », « lundi prochain »: the next one
        ("L'armée déploiera 600 soldats d'ici mercredi.", "2019-03-14", ("2019-03-20", "2019-03-20")),
        ("Quelque 300 élèves rentreront lundi prochain.", "2019-03-14", ("2019-03-18", "2019-03-18")),
        # … that day included: « samedi » in Saturday's paper is that Saturday
        ("Quelque 3000 personnes ont manifesté samedi.", "2019-03-16", ("2019-03-16", "2019-03-16")),
        ("Quelque 3000 personnes ont manifesté mardi soir.", "2019-03-14", ("2019-03-12", "2019-03-12")),
        ("Quelque 3000 personnes ont manifesté hier.", "2019-03-14", ("2019-03-13", "2019-03-13")),
        # a day and month without a year: the last one up to the publication date
        ("Quelque 3000 personnes ont manifesté le 17 mars.", "2019-03-28", ("2019-03-17", "2019-03-17")),
        ("Quelque 3000 personnes ont manifesté le 17 décembre.", "2019-01-04", ("2018-12-17", "2018-12-17")),
        ("Quelque 3000 personnes ont manifesté le 1er mai 2016.", "2019-01-04", ("2016-05-01", "2016-05-01")),
        # « depuis »: from that day to the publication date; mi- is the 15th
        ("Plus de 300 civils ont péri depuis la mi-février.", "2017-03-28", ("2017-02-15", "2017-03-28")),
        ("Plus de 300 civils ont péri depuis le début de l'offensive à la mi-février.", "2017-03-28",
         ("2017-02-15", "2017-03-28")),
        ("Plus de 300 civils ont péri depuis début mars.", "2017-03-28", ("2017-03-01", "2017-03-28")),
        # ranges: « du … au … », « entre … et … »
        ("Plus de 300 civils ont péri du 3 au 5 mars.", "2019-03-20", ("2019-03-03", "2019-03-05")),
        ("Plus de 300 civils ont péri entre le 3 et le 5 mars 2018.", "2019-03-20", ("2018-03-03", "2018-03-05")),
        # a month, a year, a week
        ("Le chômage a touché 12 % des jeunes en 2018.", "2019-03-20", ("2018-01-01", "2018-12-31")),
        ("Le chômage a touché 12 % des jeunes en février.", "2019-03-20", ("2019-02-01", "2019-02-28")),
        ("La police a arrêté 40 personnes fin février.", "2019-03-20", ("2019-02-28", "2019-02-28")),
        ("La police a arrêté 40 personnes cette semaine.", "2019-03-14", ("2019-03-11", "2019-03-14")),
        # a day and month that « prochain » follows: the next one (2019-03-20 is after the
        # publication date; on 2019-03-28 it is the next year's)
        ("Quelque 300 élèves rentreront le 20 mars prochain.", "2019-03-14", ("2019-03-20", "2019-03-20")),
        ("Quelque 300 élèves rentreront le 20 mars prochain.", "2019-03-28", ("2020-03-20", "2020-03-20")),
        # a month and a year relative to the publication date: the whole of a past or future
        # one, the current one up to the publication date
        ("Le chômage a touché 12 % des jeunes le mois dernier.", "2019-03-14", ("2019-02-01", "2019-02-28")),
        ("Le chômage a touché 12 % des jeunes le mois dernier.", "2019-01-14", ("2018-12-01", "2018-12-31")),
        ("Le chômage touchera 12 % des jeunes le mois prochain.", "2019-12-14", ("2020-01-01", "2020-01-31")),
        ("Le chômage a touché 12 % des jeunes l'an dernier.", "2019-03-14", ("2018-01-01", "2018-12-31")),
        ("Le chômage a touché 12 % des jeunes l’année dernière.", "2019-03-14", ("2018-01-01", "2018-12-31")),
        ("Le chômage a touché 12 % des jeunes cette année.", "2019-03-14", ("2019-01-01", "2019-03-14")),
        ("Le chômage a touché 12 % des jeunes depuis l'an dernier.", "2019-03-14", ("2018-01-01", "2019-03-14")),
        ("Le chômage a touché 12 % des jeunes en mars l'an dernier.", "2019-03-14", ("2018-03-01", "2018-03-31")),
        # « depuis » and a month alone: from its first day (the last such month)
        ("Quelque 300 radars ont été détruits depuis novembre.", "2019-01-10", ("2018-11-01", "2019-01-10")),
    ],
)
def test_period_is_resolved_against_the_publication_date(
    fr_pack: LanguagePack, text: str, published: str, expected: tuple[str, str]
) -> None:
    figure = next(w for w in text.split() if w[0].isdigit())
    assert days(period_of(text, published, figure, fr_pack)) == expected


def test_period_text_is_the_words_that_gave_it(fr_pack: LanguagePack) -> None:
    period = period_of("Plus de 300 civils ont péri depuis la mi-février.", "2017-03-28", "300", fr_pack)
    assert period is not None and period.text == "depuis la mi-février"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative day needs the publication date: without one, no period
        ("Quelque 3000 personnes ont manifesté samedi.", None),
        ("Plus de 300 civils ont péri depuis la mi-février.", None),
        # a full date needs none
        ("Quelque 3000 personnes ont manifesté le 17 mars 2017.", ("2017-03-17", "2017-03-17")),
        ("Le chômage a touché 12 % des jeunes en 2018.", ("2018-01-01", "2018-12-31")),
    ],
)
def test_undated_article(fr_pack: LanguagePack, text: str, expected: tuple[str, str] | None) -> None:
    figure = next(w for w in text.split() if w[0].isdigit())
    assert days(period_of(text, None, figure, fr_pack)) == expected


def test_the_next_one_is_said_after_it(fr_pack: LanguagePack) -> None:
    # « prochain » is part of the words that gave the period; without it, the past one
    text = "Quelque 300 élèves rentreront mardi prochain."
    period = period_of(text, "2019-03-14", "300", fr_pack)
    assert period is not None and (period.start, period.text) == ("2019-03-19", "mardi prochain")
    period = period_of("Quelque 300 élèves ont défilé le 20 mars.", "2019-03-14", "300", fr_pack)
    assert period is not None and (period.start, period.text) == ("2018-03-20", "20 mars")
    # a word before the date may not be about it (« avant le 20 mars » in a past account)
    assert days(period_of("Quelque 300 élèves ont défilé avant le 20 mars.", "2019-03-28", "300", fr_pack)) == (
        "2019-03-20", "2019-03-20")  # fmt: skip


def test_a_relative_month_or_year_needs_the_publication_date(fr_pack: LanguagePack) -> None:
    assert period_of("Le chômage a touché 12 % des jeunes l'an dernier.", None, "12", fr_pack) is None


def test_no_time_no_period(fr_pack: LanguagePack) -> None:
    # « mars » alone, « sept » the number, a time of day: no period
    text = "Les 7 candidats ont parlé à 15 h ; sept ont voté pour Mars."
    assert period_of(text, "2019-03-20", "7", fr_pack) is None


def test_a_sentence_without_time_takes_the_day_the_opening_names(fr_pack: LanguagePack) -> None:
    text = (
        "Des milliers de personnes ont manifesté samedi à Lyon contre la réforme. "
        "Les organisateurs revendiquent 40 000 participants. En 2018, 12 000 avaient défilé."
    )
    periods = Periods(text, fr_pack, "2019-03-17")
    at = text.index("40 000")
    assert days(periods.of(at, at + 6, (text.index("Les"), text.index(" En 2018")))) == ("2019-03-16", "2019-03-16")
    at = text.index("12 000")  # its own sentence's year, not the opening's day
    assert days(periods.of(at, at + 6, (text.index("En 2018"), len(text)))) == ("2018-01-01", "2018-12-31")
    # an opening that names only a year is background, not the event: no period
    background = "En 2018, la ville comptait 300 000 habitants. Les syndicats revendiquent 40 000 participants."
    at = background.index("40 000")
    assert Periods(background, fr_pack, "2019-03-17").of(at, at + 6, (background.index("Les"), len(background))) is None


def test_the_nearest_time_of_the_sentence(fr_pack: LanguagePack) -> None:
    text = "Lundi, 40 personnes ont été arrêtées, et samedi 300 ont défilé."
    assert days(period_of(text, "2019-03-14", "300", fr_pack)) == ("2019-03-09", "2019-03-09")
    assert days(period_of(text, "2019-03-14", "40", fr_pack)) == ("2019-03-11", "2019-03-11")


# -- the gazetteer ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "known", "country", "city"),
    [
        ("Mossoul", "Mosul", "IQ", True),  # a French exonym
        ("Genève", "Geneva", "CH", True),
        ("Allemagne", "Germany", "DE", False),  # a country by its French name
        ("Irak", "Iraq", "IQ", False),
        ("Valence", "Valence", "FR", True),  # a city's own name before another's exonym
        ("saint-etienne", "Saint-Étienne", "FR", True),
    ],
)
def test_gazetteer(name: str, known: str, country: str, city: bool) -> None:
    found = gazetteer(("fr",)).lookup(name)
    assert found is not None and (found.name, found.country, found.city) == (known, country, city)


def test_gazetteer_does_not_invent() -> None:
    assert gazetteer(("fr",)).lookup("Zorbistan-sur-Mer") is None
    assert name_key(" Saint-Étienne ") == "saint etienne"


# -- places, on frozen Docs -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def scoped(
    frozen_doc: Callable[[str], Doc], statements_of: Callable[[str], list[Statement]], fr_pack: LanguagePack
) -> Callable[..., list[Figure]]:
    """The figures of a frozen Doc with their scope, after the statement and speaker rules."""

    def run(name: str, published: str | None = None) -> list[Figure]:
        doc = frozen_doc(name)
        statements = statements_of(name)
        return attach_scope(doc, fr_pack, extract_figures(doc, fr_pack, statements), statements, published)

    return run


def place_of(figures: list[Figure], text: str) -> tuple[str | None, ...] | None:
    f = next(f for f in figures if text in f.text)
    return None if f.place is None else (f.place.text, f.place.name, f.place.country, f.place.city)


def test_place_of_the_clause_not_of_the_next(scoped: Callable[..., list[Figure]]) -> None:
    # « …, tandis que … à Charleroi »: Charleroi is the next clause's; the first count's place is
    # the one the article opens with
    figures = scoped("scope_clause")
    assert place_of(figures, "12") == ("Namur", "Namur", "BE", "Namur")
    assert place_of(figures, "300") == ("Charleroi", "Charleroi", "BE", "Charleroi")


def test_place_noun_and_district_in_the_main_city(scoped: Callable[..., list[Figure]]) -> None:
    figures = scoped("scope_district")
    text, name, country, city = place_of(figures, "40") or (None,) * 4
    assert text is not None and text.startswith("quartier") and "Croix-Rousse" in text
    assert (country, city) == ("FR", "Lyon")  # the district lies in the article's city


def test_part_of_a_city(scoped: Callable[..., list[Figure]]) -> None:
    figures = scoped("scope_part")
    assert place_of(figures, "200") == ("partie occidentale de Kharkiv", "Kharkiv", "UA", "Kharkiv")


def test_a_place_in_the_attribution_is_the_source_s(scoped: Callable[..., list[Figure]]) -> None:
    # « Selon le gouverneur de la province d'Anbar, … »: that place is the source's; the count's
    # is the one the article is about
    figures = scoped("scope_barred")
    place = place_of(figures, "35")
    assert place is not None and place[0] == "Falloujah"


def test_dateline_gives_the_main_place_and_the_weekday_a_date(scoped: Callable[..., list[Figure]]) -> None:
    figures = scoped("scope_dateline", "2019-03-11")
    assert place_of(figures, "Quelque 3000") == ("GENÈVE", "Geneva", "CH", "Geneva")
    assert days(figures[0].period) == ("2019-03-09", "2019-03-09")


def test_a_dateline_place_the_gazetteer_does_not_know_keeps_its_words(scoped: Callable[..., list[Figure]]) -> None:
    place = place_of(scoped("scope_dateline_unknown"), "200")
    assert place == ("MORVANEL", "Morvanel", None, None)  # named as a name is spelt, not in capitals


# -- regions ------------------------------------------------------------------------------------


def test_a_region_noun_makes_a_region_of_its_country(scoped: Callable[..., list[Figure]]) -> None:
    # « l'oblast de Kherson »: the region named after its city, in the city's country, no city;
    # « le Donbass »: a region of the pack's table (the name compare shows: "Donbas")
    figures = scoped("scope_region")
    assert place_of(figures, "14") == ("oblast de Kherson", "Kherson", "UA", None)
    assert place_of(figures, "9") == ("Donbass", "Donbas", "UA", None)


def test_a_region_the_gazetteer_names(scoped: Callable[..., list[Figure]]) -> None:
    # ISO 3166-2 with its French names: « Bavière » (no noun), « province de Flandre-Orientale »
    # (the model's entity holds the noun and « de »)
    figures = scoped("scope_region_iso")
    assert place_of(figures, "2000") == ("Bavière", "Bavaria", "DE", None)
    assert place_of(figures, "300") == ("province de Flandre-Orientale", "Oost-Vlaanderen", "BE", None)


def test_a_city_without_a_region_noun_stays_a_city(scoped: Callable[..., list[Figure]]) -> None:
    figures = scoped("scope_region_city")
    assert place_of(figures, "30") == ("Kherson", "Kherson", "UA", "Kherson")
    assert place_of(figures, "50") == ("région de Kharkiv", "Kharkiv", "UA", None)


@pytest.mark.parametrize(
    ("name", "region", "near", "expected"),
    [
        ("Bavière", False, None, ("Bavaria", "DE")),
        ("Kherson", True, None, ("Kherson", "UA")),  # named after its city
        ("Nord", True, "FR", ("Nord", "FR")),  # of two regions of one name, the article's country's
        ("Zorbistan", True, None, None),
    ],
)
def test_gazetteer_regions(name: str, region: bool, near: str | None, expected: tuple[str, str] | None) -> None:
    found = gazetteer(("fr",), "en").lookup(name, region=region, near=near)
    assert (None if found is None else (found.name, found.country)) == expected
    assert found is None or (found.region and not found.city)


def test_a_region_is_grouped_at_country_level() -> None:
    from selon.store.grouping import place_key

    assert place_key(None, "UA", "Kherson") == "UA"
    assert place_key("Kherson", "UA", "Kherson") == "Kherson"
