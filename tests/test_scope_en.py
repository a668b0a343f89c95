"""Figure scope in English (``lang/en/scope.toml``): periods read from the text alone against the
publication date, and the dateline that gives an article's main place."""

from __future__ import annotations

import pytest

from selon.extract.scope.periods import Periods
from selon.extract.scope.places import place_words
from selon.lang.pack import LanguagePack


def days(text: str, published: str | None, pack: LanguagePack) -> tuple[str | None, str | None] | None:
    figure = next(w for w in text.split() if w[0].isdigit())
    at = text.index(figure)
    period = Periods(text, pack, published).of(at, at + len(figure), (0, len(text)))
    return None if period is None else (period.start, period.end)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weekday is the last such day up to the publication date (2019-03-11 is a Monday)
        ("About 3,000 people marched on Saturday.", "2019-03-11", ("2019-03-09", "2019-03-09")),
        ("The army will send 600 soldiers by Wednesday.", "2019-03-14", ("2019-03-20", "2019-03-20")),
        # the month before the day, or after it, with an ordinal ending or a year
        ("About 3,000 people marched on March 17.", "2019-03-28", ("2019-03-17", "2019-03-17")),
        ("About 3,000 people marched on 17 March.", "2019-03-28", ("2019-03-17", "2019-03-17")),
        ("About 3,000 people marched on March 17th.", "2019-03-28", ("2019-03-17", "2019-03-17")),
        ("About 3,000 people marched on Saturday, December 15, 2018.", None, ("2018-12-15", "2018-12-15")),
        # since, between, a part of a month, a week, a year
        ("More than 300 civilians died since mid-February.", "2017-03-28", ("2017-02-15", "2017-03-28")),
        ("More than 300 civilians died between 3 and 5 March 2018.", "2019-03-20", ("2018-03-03", "2018-03-05")),
        ("Police arrested 40 people at the end of February.", "2019-03-20", ("2019-02-28", "2019-02-28")),
        ("Police arrested 40 people last week.", "2019-03-14", ("2019-03-04", "2019-03-10")),
        ("Unemployment hit 12% in 2018.", "2019-03-20", ("2018-01-01", "2018-12-31")),
        # next Tuesday, Tuesday next; a date a year later; a month and a year relative to the
        # publication date, and a month of such a year
        ("About 300 pupils return next Tuesday.", "2019-03-14", ("2019-03-19", "2019-03-19")),
        ("About 300 pupils return on Tuesday next.", "2019-03-14", ("2019-03-19", "2019-03-19")),
        ("About 300 pupils return on March 20 next year.", "2019-03-14", ("2020-03-20", "2020-03-20")),
        ("Unemployment hit 12% last month.", "2019-03-14", ("2019-02-01", "2019-02-28")),
        ("Unemployment hit 12% last month.", "2019-01-14", ("2018-12-01", "2018-12-31")),
        ("Unemployment will hit 12% next month.", "2019-12-14", ("2020-01-01", "2020-01-31")),
        ("Unemployment hit 12% last year.", "2019-03-14", ("2018-01-01", "2018-12-31")),
        ("Unemployment hit 12% this year.", "2019-03-14", ("2019-01-01", "2019-03-14")),
        ("Unemployment hit 12% in March last year.", "2019-03-14", ("2018-03-01", "2018-03-31")),
        ("Unemployment has hit 12% since last year.", "2019-03-14", ("2018-01-01", "2019-03-14")),
        ("Unemployment hit 12% last year.", None, None),
        # since and a month alone; the nearest time of the sentence, not a later clause's year
        ("About 300 cameras were damaged since November, as a law passed last year.", "2019-01-10",
         ("2018-11-01", "2019-01-10")),
    ],
)
def test_english_period(en_pack: LanguagePack, text: str, published: str | None, expected: tuple[str, str]) -> None:
    assert days(text, published, en_pack) == expected


def test_may_the_verb_is_no_month(en_pack: LanguagePack) -> None:
    assert days("Some 40 people may join the march.", "2019-03-20", en_pack) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("PARIS (CNN) — Some 3,000 people marched.", "PARIS"),
        ("LONDON — About 300 people gathered.", "LONDON"),
        ("BELFAST, March 3 — Police said 12 people were held.", "BELFAST"),
        ("The GP — who saw 40 patients — left.", None),
    ],
)
def test_english_dateline(en_pack: LanguagePack, text: str, place: str | None) -> None:
    m = place_words(en_pack).dateline.match(text)
    assert (None if m is None else (m.group(1) or m.group(2))) == place


# -- places, on frozen Docs (tests/make_docs.py, en_scope_*) -------------------------------------
def scoped_en(frozen_doc, en_pack, name: str, published: str | None = None):
    from selon.extract.figures import extract_figures
    from selon.extract.quotes import find_quotes
    from selon.extract.scope import attach_scope

    doc = frozen_doc(name)
    doc._.selon_quotes = find_quotes(doc.text, en_pack.quotes.pairs)
    return attach_scope(doc, en_pack, extract_figures(doc, en_pack, []), [], published)


def test_english_place_noun_after_the_name_and_a_known_city_tagged_otherwise(frozen_doc, en_pack) -> None:
    """« in the al-Nasr district » (the noun after the name; the model tagged the name PERSON) is
    the place of its clause, in the dateline's city; « Erbil » (tagged ORG) is a place the
    gazetteer knows; « Reuters » in the dateline is no place."""
    import selon.pipeline.components  # noqa: F401  (registers doc._.selon_quotes)

    figures = scoped_en(frozen_doc, en_pack, "en_scope_district", "2019-03-20")
    places = {f.text: (f.place.text, f.place.name) if f.place else None for f in figures}
    assert places == {
        "More than 70 shops": ("al-Nasr district", "al-Nasr"),
        "300 families": ("Erbil", "Erbil"),
    }
    assert figures[0].period is not None and figures[0].period.start == "2019-03-15"


def test_english_place_after_near_and_a_weekday(frozen_doc, en_pack) -> None:
    (figure,) = scoped_en(frozen_doc, en_pack, "en_scope_org_city", "2019-03-20")
    assert figure.place is not None and figure.place.name == "Lyon"
    assert figure.period is not None and (figure.period.start, figure.period.end) == ("2019-03-17", "2019-03-17")


def _places(frozen_doc, en_pack, name: str) -> dict[str, tuple[str | None, ...] | None]:
    figures = scoped_en(frozen_doc, en_pack, name, "2019-03-20")
    return {
        f.text: (f.place.text, f.place.name, f.place.country, f.place.city) if f.place else None for f in figures
    }


def test_english_regions(frozen_doc, en_pack) -> None:
    """"Kherson Oblast" (tagged ORG, the noun after the name) is the region named after its city;
    "the Donbas" a region of the pack's table; "Bavaria" one of ISO 3166-2; "the Kharkiv region"
    and "County Mayo" regions by their noun: each with its country and no city."""
    import selon.pipeline.components  # noqa: F401  (registers doc._.selon_quotes)

    assert _places(frozen_doc, en_pack, "en_scope_region") == {
        "At least 14 civilians": ("Kherson Oblast", "Kherson", "UA", None),
        "9": ("Donbas", "Donbas", "UA", None),
    }
    assert _places(frozen_doc, en_pack, "en_scope_region_iso") == {
        "About 2,000 protesters": ("Bavaria", "Bavaria", "DE", None),
        "300": ("Kharkiv region", "Kharkiv", "UA", None),
    }
    # a city without a region noun stays a city
    assert _places(frozen_doc, en_pack, "en_scope_region_city") == {
        "At least 30 people": ("Kherson", "Kherson", "UA", "Kherson"),
        "More than 50 homes": ("County Mayo", "Mayo", "IE", None),
    }
