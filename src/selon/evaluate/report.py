"""The evaluation's result, :class:`Report`, and its two renderings: rich tables for a
terminal and a JSON object for programs.

The JSON names the measures as the project's reference scorer does (``P``, ``R``, ``F1``,
``speaker_acc``, ``F1_with_speaker``, ``value_acc``, ``source_acc``,
``F1_with_value_source``, ``place_acc``, ``period_acc``); an accuracy over nothing is null.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from rich import box
from rich.console import Console
from rich.table import Table

from selon.evaluate.gold import Span, quote
from selon.evaluate.match import ArticleMatch
from selon.evaluate.scores import PRF, Scores

GroupBy = Literal["outlet", "article"]
GROUP_BY: tuple[GroupBy, ...] = ("outlet", "article")
OVERALL = "all"


@dataclass(frozen=True)
class Miss:
    """One thing selon got wrong in an article: a ``kind`` (``missed statement``,
    ``extra figure``, ``wrong speaker`` …), the text it is about, and for a wrong field
    what the gold says (``expected``) and what selon said (``found``)."""

    article_id: str
    kind: str
    text: str
    expected: str | None = None
    found: str | None = None

    def __str__(self) -> str:
        line = f"{self.article_id}: {self.kind} {quote(self.text)}"
        if self.kind.startswith("wrong"):
            line += f": gold {self.expected}, selon {self.found}"
        return line


@dataclass(frozen=True)
class Report:
    """Scores overall and per group (``by``: None, ``outlet`` or ``article``), the misses,
    and the gold articles selon gave no analysis for (scored as finding nothing)."""

    overall: Scores
    by: GroupBy | None = None
    groups: dict[str, Scores] = field(default_factory=dict)
    misses: tuple[Miss, ...] = ()
    not_analysed: tuple[str, ...] = ()

    def to_dict(self, *, with_misses: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "articles": self.overall.counts.articles,
            "not_analysed": list(self.not_analysed),
            "overall": scores_dict(self.overall),
        }
        if self.by:
            out["by"] = self.by
            out["groups"] = {name: scores_dict(s) for name, s in self.groups.items()}
        if with_misses:
            out["misses"] = [_miss_dict(m) for m in self.misses]
        return out

    def to_json(self, *, with_misses: bool = False, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(with_misses=with_misses), ensure_ascii=False, indent=indent)

    def rows(self) -> Iterator[tuple[str, Scores]]:
        """The overall scores (named :data:`OVERALL`), then each group's."""
        yield OVERALL, self.overall
        yield from self.groups.items()


# -- misses ---------------------------------------------------------------------------------------
def _miss_dict(miss: Miss) -> dict[str, Any]:
    return {"article": miss.article_id, "kind": miss.kind, "text": miss.text,
            "expected": miss.expected, "found": miss.found}


def misses_of(match: ArticleMatch) -> list[Miss]:
    """Everything selon got wrong in one article: missed and extra statements and figures,
    and the wrong fields of matched ones."""
    aid, text = match.gold.id, match.gold.text

    def cut(span: Span) -> str:
        return text[span[0] : span[1]]

    out = [Miss(aid, "missed statement", s.content) for s in match.missed_statements]
    out += [Miss(aid, "extra statement", cut(s.span)) for s in match.extra_statements]
    out += [
        Miss(aid, "wrong speaker", p.gold.content, repr(p.gold.speaker), repr(p.predicted.speaker))
        for p in match.statements
        if not p.speaker_right
    ]
    out += [Miss(aid, "missed figure", f.text) for f in match.missed_figures]
    out += [Miss(aid, "extra figure", cut(f.span)) for f in match.extra_figures]
    for p in match.figures:
        g, f = p.gold, p.predicted
        if not p.value_right:
            out.append(Miss(aid, "wrong value", g.text, f"{g.low}/{g.high}", f"{f.low}/{f.high}"))
        if not p.source_right:
            out.append(Miss(aid, "wrong source", g.text, repr(g.source), repr(f.source)))
        if p.place_right is False and g.place is not None:
            out.append(Miss(aid, "wrong place", g.text, repr(g.place.name), repr(list(f.place_names))))
        if p.period_right is False and g.period is not None:
            out.append(Miss(aid, "wrong period", g.text, repr(g.period.value), repr(f.period)))
    return out


# -- JSON ------------------------------------------------------------------------------------------
def _prf_dict(prf: PRF) -> dict[str, float]:
    return {"P": prf.precision, "R": prf.recall, "F1": prf.f1}


def scores_dict(s: Scores) -> dict[str, Any]:
    """One set of scores as JSON: statements, figures, and scope where the gold records it."""
    c = s.counts
    out: dict[str, Any] = {
        "articles": c.articles,
        "statements": {
            "gold": c.statements_gold, "pred": c.statements_predicted, "matched": c.statements_matched,
            **_prf_dict(s.statements),
            "speaker_acc": s.speaker_accuracy,
            "F1_with_speaker": s.statements_with_speaker.f1,
        },
        "figures": {
            "gold": c.figures_gold, "pred": c.figures_predicted, "matched": c.figures_matched,
            **_prf_dict(s.figures),
            "value_acc": s.value_accuracy,
            "source_acc": s.source_accuracy,
            "F1_with_value_source": s.figures_with_value_source.f1,
        },
    }
    if has_scope(s):
        out["scope"] = {"place_n": c.places_scored, "place_acc": s.place_accuracy,
                        "period_n": c.periods_scored, "period_acc": s.period_accuracy}
    return out


def has_scope(s: Scores) -> bool:
    """True when the gold records a place or a period for some matched figure."""
    return bool(s.counts.places_scored or s.counts.periods_scored)


# -- tables ----------------------------------------------------------------------------------------
#: Column headers of the tables, short enough for an 80-column terminal; :data:`LEGEND` says them in full.
LEGEND = (
    "P/R/F1: precision, recall, F1 of the spans; spk: speaker accuracy of the matched statements; "
    "+spk: F1 counting a statement only with its speaker right; val/src: value and source accuracy "
    "of the matched figures; +v+s: F1 counting a figure only with value and source right; "
    "place/period: accuracy where the gold records them; –: nothing to measure."
)
MAX_GROUP_WIDTH = 24
NUMBER_WIDTH = len("0.000")


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _table(title: str, report: Report, headers: list[str]) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    widest = max(len(name) for name, _ in report.rows())
    table.add_column(report.by or "", no_wrap=True, overflow="fold", min_width=min(widest, MAX_GROUP_WIDTH))
    for header in headers:
        table.add_column(header, justify="right", no_wrap=True, min_width=max(len(header), NUMBER_WIDTH))
    return table


def statements_table(report: Report) -> Table:
    """Statements: how many, P/R/F1, speaker accuracy and F1 with the speaker right too."""
    table = _table("Statements", report, ["articles", "gold", "pred", "P", "R", "F1", "spk", "+spk"])
    for name, s in report.rows():
        c, prf = s.counts, s.statements
        table.add_row(
            name, str(c.articles), str(c.statements_gold), str(c.statements_predicted),
            _number(prf.precision), _number(prf.recall), _number(prf.f1),
            _number(s.speaker_accuracy), _number(s.statements_with_speaker.f1),
        )
    return table


def figures_table(report: Report) -> Table:
    """Figures: how many, P/R/F1, value and source accuracy, F1 with both right, and place
    and period accuracy when the gold records them (each only then)."""
    places = report.overall.counts.places_scored > 0
    periods = report.overall.counts.periods_scored > 0
    headers = ["gold", "pred", "P", "R", "F1", "val", "src", "+v+s"]
    table = _table("Figures", report, headers + ["place"] * places + ["period"] * periods)
    for name, s in report.rows():
        c, prf = s.counts, s.figures
        cells = [
            name, str(c.figures_gold), str(c.figures_predicted),
            _number(prf.precision), _number(prf.recall), _number(prf.f1),
            _number(s.value_accuracy), _number(s.source_accuracy), _number(s.figures_with_value_source.f1),
        ]
        cells += [_number(s.place_accuracy)] * places + [_number(s.period_accuracy)] * periods
        table.add_row(*cells)
    return table


def print_report(report: Report, console: Console, *, show_errors: bool = False) -> None:
    """The report as tables on ``console``; with ``show_errors``, every miss first."""
    if show_errors:
        for miss in report.misses:
            console.print(str(miss), markup=False, highlight=False, soft_wrap=True)
        console.print()
    for article_id in report.not_analysed:
        console.print(f"not analysed (scored as finding nothing): {article_id}", markup=False, highlight=False)
    console.print(statements_table(report))
    console.print(figures_table(report))
    console.print(LEGEND, style="dim", highlight=False)
