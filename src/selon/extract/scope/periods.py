"""The days a figure's count covers, resolved against the article's publication date.

Time expressions are found with one pattern built from the pack's ``[periods]`` words and its
month and weekday names: a day (« le 17 mars », « samedi », « mardi soir », « hier »), a part
of a month (« la mi-février », « début mars », « fin mars »), a month (« en mars »), a year
(« en 2018 »), a week (« cette semaine »), a month or a year named relative to the publication
date (« le mois dernier », « l'an prochain »), and what joins them: « depuis X » (from X to the
publication date), « du X au Y », « entre X et Y ». A day is read by ``dateparser`` against the
publication date (the past preferred, unless a word after it says the next one: « le 20 mars
prochain », « mardi prochain »); the rest are rules here. An expression that needs a
publication date the article does not have gives no period.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from selon.lang.pack import LanguagePack, fold
from selon.models import Period

Days = tuple[dt.date | None, dt.date | None]


def _alt(words: tuple[str, ...] | list[str]) -> str:
    forms = {w for word in words for w in (word, fold(word))}
    return "|".join(re.escape(w).replace("'", "['’]") for w in sorted(forms, key=len, reverse=True))


@dataclass(frozen=True)
class PeriodWords:
    """The pack's ``[periods]`` words and the expression pattern, compiled once per pack."""

    pattern: re.Pattern[str]
    since_before: re.Pattern[str]
    future_before: re.Pattern[str]
    future_after: re.Pattern[str]
    months: dict[str, int]
    mid: frozenset[str]
    early: frozenset[str]
    late: frozenset[str]
    this_week: frozenset[str]
    last_week: frozenset[str]
    first_days: frozenset[str]
    day_suffixes: tuple[str, ...]
    weekdays: dict[str, int]
    parts_of_day: frozenset[str]
    relative_months: dict[str, int]
    relative_years: dict[str, int]
    languages: tuple[str, ...]


@cache
def period_words(pack: LanguagePack) -> PeriodWords:
    p = pack.periods
    months = {fold(name): number for name, number in p.months.items()}
    month = rf"(?:{_alt(list(p.months))})"
    weekday = rf"(?:{_alt(p.weekdays)})"
    suffix = rf"(?:{_alt(p.day_suffixes)})?" if p.day_suffixes else ""
    day = rf"(?:{_alt(p.first_day)}|\d{{1,2}}{suffix})"
    year = r"(?:1[89]\d\d|20\d\d)"
    det = rf"(?:(?:{_alt(p.determiners)})\s*)?"
    modifier = rf"(?:{_alt(p.mid + p.early + p.late)})"
    # « March 20 next year », « en mars l'an dernier »: the year said relative to the publication
    year_said = rf"(?:,?\s+{year}|\s+(?:{_alt(list(p.relative_years))}))"
    atoms = {
        # « 17 mars », « samedi 17 mars 2019 »; « March 17 », « Saturday, March 17, 2019 »
        "date": rf"(?:{weekday},?\s+)?(?:{day}\s+{month}|{month}\s+{day}(?!\d)){year_said}?",
        "part": rf"{modifier}[\s-]*(?:(?:{_alt(pack.places.links)})\s*)?{month}{year_said}?",
        "month": rf"(?:(?:{_alt(p.month_of)})\s+){month}{year_said}?|{month}\s+{year}",
        "weekday": rf"{weekday}(?:\s+(?:{_alt(p.parts_of_day)}))?",
        "relday": rf"(?:{_alt(p.relative_days)})",
        "year": rf"(?:{_alt(p.in_year)})\s+{year}",
        "weeks": rf"(?:{_alt(p.this_week + p.last_week)})",
        "relative": rf"(?:{_alt(list(p.relative_months) + list(p.relative_years))})",
    }
    atom = "|".join(f"(?:{a})" for a in atoms.values())
    # « depuis novembre », "since November": a month alone after « depuis » is that month
    since = rf"(?P<since>(?:{_alt(p.since)})\s+{det}(?P<s>{atom}|{month}))"
    span = (
        rf"(?P<range>(?:(?:{_alt(p.range_from)})\s+{det}(?P<a>{day}|{atom})\s+(?:{_alt(p.range_to)})\s+{det}(?P<b>{atom}))"
        rf"|(?:(?:{_alt(p.between)})\s+{det}(?P<c>{day}|{atom})\s+(?:{_alt(p.between_and)})\s+{det}(?P<d>{atom})))"
    )
    single = rf"(?P<one>{atom})"
    pattern = re.compile(rf"(?<!\w)(?:{span}|{since}|{single})(?!\w)", re.IGNORECASE)
    # « depuis le lancement à la mi-février »: « depuis » a few words before, in the same clause
    since_before = re.compile(rf"(?<!\w)(?:{_alt(p.since)})(?!\w)[^,;.:!?()«»]{{0,60}}$", re.IGNORECASE)
    future_before = re.compile(rf"(?<!\w)(?:{_alt(p.future_before)})\s*$", re.IGNORECASE)
    future_after = re.compile(rf"\s*(?:{_alt(p.future_after)})(?!\w)", re.IGNORECASE)
    return PeriodWords(
        pattern=pattern,
        since_before=since_before,
        future_before=future_before,
        future_after=future_after,
        months=months,
        mid=frozenset(fold(w) for w in p.mid),
        early=frozenset(fold(w) for w in p.early),
        late=frozenset(fold(w) for w in p.late),
        this_week=frozenset(fold(w) for w in p.this_week),
        last_week=frozenset(fold(w) for w in p.last_week),
        first_days=frozenset(fold(w) for w in p.first_day),
        day_suffixes=tuple(fold(w) for w in p.day_suffixes),
        weekdays={fold(w): k for k, w in enumerate(p.weekdays)},
        parts_of_day=frozenset(fold(w) for w in p.parts_of_day),
        relative_months={_flat(w): n for w, n in p.relative_months.items()},
        relative_years={_flat(w): n for w, n in p.relative_years.items()},
        languages=tuple(p.dateparser_languages),
    )


@cache
def _parser(languages: tuple[str, ...], base: dt.date) -> Any:
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=list(languages), settings=settings)


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    text: str
    days: Days


class Periods:
    """The time expressions of one document, read once, resolved against ``published``."""

    def __init__(self, text: str, pack: LanguagePack, published: str | None) -> None:
        opening_chars = pack.places.opening_chars
        self.words = period_words(pack)
        self.published = _date(published)
        self.expressions = list(self._find(text))
        self.opening = next((e for e in self.expressions if e.start < opening_chars and _short(e.days)), None)

    def _find(self, text: str) -> Iterator[TimeExpression]:
        for m in self.words.pattern.finditer(text):
            days = self._resolve(m)
            end = m.end()
            if m.group("one") and days[0] is not None and self.words.since_before.search(text, max(0, m.start() - 80), m.start()):
                days = (days[0], self.published)
            elif m.group("one") and (day := days[0]) is not None and day == days[1]:
                after = self.words.future_after.match(text, end)
                ahead = self._ahead(text, m, after is not None)
                if ahead == "weekday":
                    days = (day + dt.timedelta(days=7),) * 2  # the next such weekday
                elif ahead == "date":
                    days = (_next_year(day, self.published),) * 2  # the next such day of the year
                if ahead and after is not None:
                    end = after.end()  # « mardi prochain », « next Tuesday » said after it
            if days[0] is not None or days[1] is not None:
                yield TimeExpression(m.start(), end, text[m.start() : end], days)

    def of(self, start: int, end: int, sentence: tuple[int, int]) -> Period | None:
        """The period of the figure at characters ``[start, end)``: the time expression of its
        sentence nearest to it (after it first on a tie); else the day or days the article's
        opening names (the event the article reports); None when neither gives one."""
        lo, hi = sentence
        best: tuple[int, TimeExpression] | None = None
        for e in self.expressions:
            if e.start < lo or e.end > hi:
                continue
            distance = e.start - end if e.start >= end else start - e.end
            if best is None or distance < best[0]:
                best = (distance, e)
        chosen = best[1] if best is not None else self.opening
        if chosen is None:
            return None
        first, last = chosen.days
        return Period(first.isoformat() if first else None, last.isoformat() if last else None, chosen.text)

    # -- resolution ------------------------------------------------------------------------
    def _resolve(self, m: re.Match[str]) -> Days:
        if m.group("range"):
            a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
            last = self._atom(b)
            if a.isdigit() or fold(a) in self.words.first_days:
                first_day = int(a) if a.isdigit() else 1
                if last[1] is None or not 1 <= first_day <= 31:
                    return None, None
                try:
                    return last[1].replace(day=first_day), last[1]
                except ValueError:
                    return None, None
            return self._atom(a)[0], last[1]
        if m.group("since"):
            first, _ = self._atom(m.group("s"))
            return (first, self.published) if first is not None else (None, None)
        return self._atom(m.group("one"))

    def _atom(self, text: str) -> Days:
        w = self.words
        flat = _flat(text)
        if flat in w.relative_months:
            return self._relative_month(w.relative_months[flat])
        if flat in w.relative_years:
            return self._relative_year(w.relative_years[flat])
        said = next((k for k in w.relative_years if flat.endswith(" " + k)), None)
        if said is not None:  # « in March last year »: March of that year
            if self.published is None:
                return None, None
            flat = f"{flat[: -len(said)]}{self.published.year + w.relative_years[said]}"
        if flat in w.this_week:
            return self._week(0)
        if flat in w.last_week:
            return self._week(-1)
        tokens = [_day_number(t, w.day_suffixes) for t in re.split(r"[\s,-]+", flat) if t]
        month = next((w.months[t] for t in tokens if t in w.months), None)
        year = next((int(t) for t in tokens if t.isdigit() and len(t) == 4), None)
        has_day = any((t.isdigit() and len(t) <= 2) or t in w.first_days for t in tokens)
        if month is not None and not has_day:
            return self._month_part(tokens[0], month, year)
        if month is None and year is not None:
            return self._year(year)
        if not has_day and month is None and tokens[0] in w.weekdays:
            return self._weekday(w.weekdays[tokens[0]])
        day_words = ["1" if t in w.first_days else t for t in tokens if t not in w.parts_of_day]
        return self._day(" ".join(day_words))

    def _ahead(self, text: str, m: re.Match[str], said_after: bool) -> str | None:
        """``"weekday"`` when the weekday ``m`` is the next one (« d'ici mercredi », « lundi
        prochain »), ``"date"`` when the day and month ``m`` (no year) are the next ones: only a
        word after it says so (« le 20 mars prochain »), a word before it may not be about it
        (« avant le 20 mars »); else None."""
        w = self.words
        tokens = [_day_number(t, w.day_suffixes) for t in re.split(r"[\s,-]+", fold(m.group("one"))) if t]
        if tokens[0] in w.weekdays and len(tokens) <= 2 and not any(t in w.months for t in tokens):
            before = w.future_before.search(text, max(0, m.start() - 20), m.start())
            return "weekday" if said_after or before else None
        dated = any(t in w.months for t in tokens) and not any(t.isdigit() and len(t) == 4 for t in tokens)
        return "date" if said_after and dated else None

    def _relative_month(self, offset: int) -> Days:
        """The month ``offset`` months after the publication date's (up to that date for its own)."""
        if self.published is None:
            return None, None
        index = self.published.year * 12 + self.published.month - 1 + offset
        year, month = divmod(index, 12)
        first = dt.date(year, month + 1, 1)
        last = dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])
        return first, min(last, self.published) if offset == 0 else last

    def _relative_year(self, offset: int) -> Days:
        """The year ``offset`` years after the publication date's (up to that date for its own)."""
        if self.published is None:
            return None, None
        return self._year(self.published.year + offset)

    def _weekday(self, weekday: int) -> Days:
        """The last such weekday up to the publication date, that day included."""
        if self.published is None:
            return None, None
        day = self.published - dt.timedelta(days=(self.published.weekday() - weekday) % 7)
        return day, day

    def _week(self, weeks_back: int) -> Days:
        if self.published is None:
            return None, None
        monday = self.published - dt.timedelta(days=self.published.weekday()) + dt.timedelta(weeks=weeks_back)
        sunday = monday + dt.timedelta(days=6)
        return monday, min(sunday, self.published)

    def _year(self, year: int) -> Days:
        last = dt.date(year, 12, 31)
        if self.published is not None and self.published.year == year:
            last = self.published
        return dt.date(year, 1, 1), last

    def _month_part(self, head: str, month: int, year: int | None) -> Days:
        if year is None:
            if self.published is None:
                return None, None
            year = self.published.year if month <= self.published.month else self.published.year - 1
        last_day = calendar.monthrange(year, month)[1]
        if head in self.words.mid:
            day = dt.date(year, month, 15)
            return day, day
        if head in self.words.early:
            day = dt.date(year, month, 1)
            return day, day
        if head in self.words.late:
            day = dt.date(year, month, last_day)
            return day, day
        first, last = dt.date(year, month, 1), dt.date(year, month, last_day)
        if self.published is not None and first <= self.published < last:
            last = self.published
        return first, last

    def _day(self, text: str) -> Days:
        has_year = re.search(r"\b(1[89]|20)\d\d\b", text) is not None
        base = self.published
        if base is None:
            if not has_year:
                return None, None
            base = dt.date(2000, 1, 1)
        data = _parser(self.words.languages, base).get_date_data(text)
        if data is None or data.date_obj is None:
            return None, None
        day = data.date_obj.date()
        return day, day


def _flat(text: str) -> str:
    """``text`` as a phrase is looked up: folded, one straight apostrophe, single spaces."""
    return " ".join(fold(text).replace("’", "'").split())


def _next_year(day: dt.date, published: dt.date | None) -> dt.date:
    """``day`` (resolved in the past) moved on a year when it is not after ``published``."""
    if published is None or day > published:
        return day
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day


def _day_number(token: str, suffixes: tuple[str, ...]) -> str:
    """``token`` without the ordinal ending of a day of the month (« 17th » → « 17 »)."""
    for suffix in suffixes:
        if token.endswith(suffix) and token[: -len(suffix)].isdigit() and len(token) - len(suffix) <= 2:
            return token[: -len(suffix)]
    return token


def _short(days: Days) -> bool:
    """Whether ``days`` are an event's (a week at most), not a background's (a month, a year)."""
    first, last = days
    return first is not None and last is not None and (last - first).days <= 7


def _date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
