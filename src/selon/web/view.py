"""What the HTML pages show of an :class:`~selon.models.Analysis`: the article text cut
into highlighted slices, speakers with their colours, rows of the figures table, and the
compare chart.

Article text is data, never markup: every slice of it goes through
:func:`markupsafe.escape`, and the markup around it is built from fixed strings whose only
variable parts are escaped too.
"""

from __future__ import annotations

import datetime as dt
import gettext
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from selon.models import Analysis, Figure, Statement, sentence_bounds
from selon.render import format_number, format_value, shorten, speaker_key
from selon.web.i18n import DEFAULT_LANGUAGE, catalogue

#: Colour classes (``c0`` … ``c9`` in style.css), one per speaker in order of first appearance.
N_COLOURS = 10


def mark(context: str, message: str) -> str:
    """A label to translate later, in ``context`` (marks it for the catalogue's extraction)."""
    return message


#: The fixed codes of the JSON whose labels the pages translate (context, code).
KIND_CODES = {"direct": mark("kind", "direct"), "indirect": mark("kind", "indirect"),
              "according_to": mark("kind", "according to")}  # fmt: skip
OUTCOME_CODES = (
    mark("outcome", "killed"), mark("outcome", "injured"), mark("outcome", "missing"),
    mark("outcome", "displaced"), mark("outcome", "arrested"), mark("outcome", "participating"),
    mark("outcome", "affected"), mark("outcome", "other"),
)  # fmt: skip


def ui(lang: str | None) -> gettext.NullTranslations:
    """The catalogue of interface language ``lang`` (None: the default, English)."""
    return catalogue(lang or DEFAULT_LANGUAGE)


def kind_label(kind: str, lang: str | None = None) -> str:
    """A statement kind (``according_to``) as the interface language names it."""
    return ui(lang).pgettext("kind", KIND_CODES.get(kind, kind))


def outcome_label(outcome: str | None, lang: str | None = None) -> str:
    """An outcome code (``killed``) as the interface language names it; blank for none."""
    return ui(lang).pgettext("outcome", outcome) if outcome else ""


def speaker_classes(analysis: Analysis) -> dict[str, int]:
    """Speaker name (or mention) → colour number, in order of first appearance."""
    out: dict[str, int] = {}
    for s in analysis.statements:
        key = speaker_key(s)
        if key not in out:
            out[key] = len(out) % N_COLOURS
    return out


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str  # "st", "cue", "spk", "fig", "picked"
    ref: str  # statement or figure id
    colour: int = -1


def _marks(analysis: Analysis, colours: dict[str, int], length: int) -> list[_Mark]:
    out: list[_Mark] = []

    def add(kind: str, ref: str, start: int | None, end: int | None, colour: int = -1) -> None:
        if start is None or end is None:
            return
        start, end = max(0, start), min(end, length)
        if start < end:
            out.append(_Mark(start, end, kind, ref, colour))

    for s in analysis.statements:
        c = colours[speaker_key(s)]
        add("st", s.id, s.content.start, s.content.end, c)
        if s.cue:
            add("cue", s.id, s.cue.start, s.cue.end, c)
        if s.speaker:
            add("spk", s.id, s.speaker.start, s.speaker.end, c)
    for f in analysis.figures:
        add("fig", f.id, f.start, f.end)
    return out


def tooltip(statement: Statement, figures: Sequence[Figure] = (), lang: str | None = None) -> str:
    """The one-line description of a statement (plain text): its ``title`` tooltip."""
    t = ui(lang)
    sp = statement.speaker
    who = speaker_key(statement)
    parts = [who + (f" ({sp.role})" if sp and sp.role else "")]
    parts.append(kind_label(statement.kind, lang))
    if statement.cue:
        parts.append(f"« {statement.cue.text} »")
    if statement.via:
        parts.append(t.gettext("via %(name)s") % {"name": statement.via})
    if figures:
        values = ", ".join(f"{format_value(f)} {f.unit or ''}".strip() for f in figures)
        parts.append(t.gettext("figures: %(values)s") % {"values": values})
    return " · ".join(parts)


def period_shown(start: str | None, end: str | None, text: str | None = None) -> str | None:
    """A period as the pages show it: its days (one, first – last, or an open bound ``→``)
    and, in brackets, the words that gave them; None without days."""
    if start and end:
        days = start if start == end else f"{start} – {end}"
    elif start or end:
        days = f"{start} →" if start else f"→ {end}"
    else:
        return None
    return f"{days} ({text})" if text else days


def picked_span(analysis: Analysis, picked: str | None) -> tuple[int, int] | None:
    """What a page asked to highlight (``?hl=``): a figure's sentence (``f2``), or a
    statement with its cue and speaker mention (``s1``); None for an unknown id."""
    if not picked:
        return None
    text = analysis.article.text
    figure = next((f for f in analysis.figures if f.id == picked), None)
    if figure is not None:
        return sentence_bounds(text, figure.start, figure.end)
    statement = analysis.statement(picked)
    if statement is None:
        return None
    bounds = [
        (p.start, p.end)
        for p in (statement.content, statement.cue, statement.speaker)
        if p is not None and p.start is not None and p.end is not None
    ]
    return (min(b[0] for b in bounds), max(b[1] for b in bounds)) if bounds else None


def highlight(analysis: Analysis, lang: str | None = None, picked: str | None = None) -> Markup:
    """The article text as HTML: statements in their speaker's colour class, cues, speaker
    mentions and figures marked, each piece carrying the ids it belongs to.

    The first piece of each statement is a keyboard stop (``tabindex="0"``, a button that
    opens the statement) described by ``d-ID``, the statement's description that the page
    renders from :func:`who_said_what` (speaker, role, kind, cue): nothing is in the
    ``title`` tooltip only.

    ``picked`` (a figure or statement id, from ``?hl=``) wraps that figure's sentence, or that
    statement, in ``<mark class="picked" id="picked">``."""
    text = analysis.article.text
    colours = speaker_classes(analysis)
    marks = _marks(analysis, colours, len(text))
    span = picked_span(analysis, picked)
    if span is not None:
        span = (max(0, span[0]), min(len(text), span[1]))
        span = span if span[0] < span[1] else None
    if span is not None:
        marks.append(_Mark(span[0], span[1], "picked", picked or ""))
    by_statement = figures_by_statement(analysis)
    tips = {s.id: tooltip(s, by_statement.get(s.id, []), lang) for s in analysis.statements}
    stops: set[str] = set()
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces: list[Markup] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if span is not None and start == span[0]:
            pieces.append(Markup('<mark class="picked" id="picked">'))
        if span is not None and start == span[1]:
            pieces.append(Markup("</mark>"))
        piece = escape(text[start:end])
        active = [m for m in marks if m.start <= start and end <= m.end and m.kind != "picked"]
        if not active:
            pieces.append(piece)
            continue
        # a cue or a speaker mention belongs to its statement; a piece of content inside
        # several statements to the innermost one
        statements = sorted((m for m in active if m.kind == "st"), key=lambda m: m.end - m.start)
        classes: list[str] = []
        attrs: dict[str, str] = {}
        owner: _Mark | None = None
        for kind in ("cue", "spk"):
            m = next((m for m in active if m.kind == kind), None)
            if m is not None:
                classes.append(kind)
                owner = owner or m
        owner = owner or (statements[0] if statements else None)
        if owner is not None:
            classes += ["st", f"c{owner.colour}"]
            attrs["data-s"] = owner.ref
            attrs["title"] = tips[owner.ref]
            if owner.ref not in stops:
                stops.add(owner.ref)
                attrs |= {"tabindex": "0", "role": "button", "aria-describedby": f"d-{owner.ref}"}
        fig = next((m for m in active if m.kind == "fig"), None)
        if fig is not None:
            classes.append("fig")
            attrs["data-f"] = fig.ref
        attr_html = Markup("").join(Markup(' {}="{}"').format(k, v) for k, v in attrs.items())
        pieces.append(Markup('<span class="{}"{}>{}</span>').format(" ".join(classes), attr_html, piece))
    if span is not None and span[1] == len(text):
        pieces.append(Markup("</mark>"))
    return Markup("").join(pieces)


def figures_by_statement(analysis: Analysis) -> dict[str, list[Figure]]:
    out: dict[str, list[Figure]] = {}
    for f in analysis.figures:
        if f.statement:
            out.setdefault(f.statement, []).append(f)
    return out


@dataclass
class SpeakerView:
    name: str
    colour: int
    roles: list[str] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)


def who_said_what(analysis: Analysis, lang: str | None = None) -> list[SpeakerView]:
    """Speakers in order of first appearance, each with their statements (and the figures
    each statement holds), labels in interface language ``lang``."""
    colours = speaker_classes(analysis)
    by_statement = figures_by_statement(analysis)
    views: dict[str, SpeakerView] = {}
    for s in analysis.statements:
        key = speaker_key(s)
        view = views.setdefault(key, SpeakerView(key, colours[key]))
        role = s.speaker.role if s.speaker else None
        if role and role not in view.roles:
            view.roles.append(role)
        view.statements.append(
            {
                "id": s.id,
                "kind": kind_label(s.kind, lang),
                "cue": s.cue.text if s.cue else None,
                "mention": s.speaker.text if s.speaker else None,
                "role": role,
                "via": s.via,
                "content": s.content.text,
                "short": shorten(s.content.text, 140),
                "figures": [figure_row(f, lang) for f in by_statement.get(s.id, [])],
            }
        )
    return list(views.values())


def figure_row(f: Figure, lang: str | None = None) -> dict[str, Any]:
    """A figure as the page shows it: its fields (blank where it has none), ``value``, its
    number written out, and ``outcome_label``, its outcome in interface language ``lang``."""
    row = {name: "" if value is None else value for name, value in f.to_dict().items()}
    row["value"] = format_value(f)
    row["outcome_label"] = outcome_label(f.outcome, lang)
    row["place_shown"] = (f.place.name or f.place.text) if f.place else ""
    row["period_shown"] = (period_shown(f.period.start, f.period.end, f.period.text) if f.period else None) or ""
    return row


def figure_rows(analysis: Analysis, lang: str | None = None) -> list[dict[str, Any]]:
    return [figure_row(f, lang) for f in analysis.figures]


#: Columns of the query tables whose names the pages translate (the others are sources).
TABLE_COLUMNS = (
    mark("column", "outcome"), mark("column", "unit"), mark("column", "place"), mark("column", "date"),
    mark("column", "figures"), mark("column", "sources"), mark("column", "min"), mark("column", "max"),
    mark("column", "spread"),
)  # fmt: skip


def column_label(name: str, lang: str | None = None) -> str:
    """A query table's column as the page heads it (a source's name as it is)."""
    return ui(lang).pgettext("column", name) if name in TABLE_COLUMNS else name


def cell(value: Any, lang: str | None = None) -> str:
    """A value of a query table as the page shows it (numbers the French way)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        t = ui(lang)
        return t.gettext("yes") if value else t.gettext("no")
    if isinstance(value, float) and not value.is_integer():
        return format_number(round(value, 2))
    if isinstance(value, (int, float)):
        return format_number(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


# -- the compare chart ------------------------------------------------------------------------


def sentence_link(article: str, figure: str) -> str:
    """The address of figure ``figure`` of stored article ``article`` (its own id): the article
    page with the figure's sentence highlighted (``hl``), scrolled to the figure's row."""
    mark = quote(figure, safe="")
    return f"/a/{quote(article, safe='')}?hl={mark}#fig-{mark}"


def when(r: Mapping[str, Any]) -> str | None:
    """The day a figure stands at on a time line: its period's start (else end), else its
    article's publication date."""
    day = r.get("period_start") or r.get("period_end") or r.get("published")
    return None if day is None else str(day)[:10]


def figures_chart(
    rows: Sequence[Mapping[str, Any]], lang: str | None = None, *, timeline: bool = False
) -> dict[str, Any] | None:
    """A Plotly figure (as a JSON-able dict) of stored figures, one trace a source: over time
    when every figure's article has a date, else one column of points a source (dates in the
    hover text). A log scale when the values span two orders of magnitude or more. None when
    there is nothing to draw. Titles and outcomes in interface language ``lang``.

    ``timeline``: one line a source through its figures in time order, a figure standing at
    its period's start, else its article's date (the chart of one compare group). Each point
    carries the address of its sentence (``customdata``), which a click opens."""
    import plotly.graph_objects as go

    _ = ui(lang).gettext

    def value(r: Mapping[str, Any]) -> Any:
        return r["high"] if r.get("high") is not None else r.get("low")

    points = [r for r in rows if value(r) is not None]
    if not points:
        return None
    day = when if timeline else (lambda r: r.get("published"))
    dated = all(day(r) for r in points)
    by_source: dict[str, list[Mapping[str, Any]]] = {}
    for r in points:
        by_source.setdefault(r.get("source") or _("(no source)"), []).append(r)
    def safe(v: Any) -> str:
        # Plotly reads a few tags (<br>, <a href>) in labels: article strings are escaped
        return str(escape("" if v is None else v))

    fig = go.Figure()
    for source, items in by_source.items():
        if timeline and dated:
            items.sort(key=lambda r: str(day(r)))
        hover = [
            f"{safe(r.get('text'))}<br>{safe(outcome_label(r.get('outcome'), lang))} · {safe(r.get('unit'))}"
            f"<br>{safe(r.get('article'))} · {safe(r.get('published') or _('no date'))} · {safe(r.get('outlet'))}"
            + "".join(
                f"<br>{safe(part)}"
                for part in (r.get("place_name") or r.get("place_text"),
                             period_shown(r.get("period_start"), r.get("period_end"), r.get("period_text")))
                if part
            )  # fmt: skip
            for r in items
        ]
        fig.add_trace(
            go.Scatter(
                x=[day(r) if dated else safe(source) for r in items],
                y=[value(r) for r in items],
                mode="lines+markers" if timeline and dated else "markers",
                customdata=[sentence_link(str(r["article"]), str(r["figure"])) if r.get("figure") else "" for r in items],
                name=safe(source),
                hovertext=hover,
                hoverinfo="text+name",
                marker={"size": 12, "opacity": 0.85, "line": {"width": 1, "color": "white"}},
            )
        )
    positive = [v for v in map(value, points) if v > 0]
    log = bool(positive) and max(positive) / min(positive) >= 100
    undated = sum(1 for r in points if not day(r))
    note = "" if dated else " " + _("(by source: %(undated)d of %(total)d figures have no date)") % {
        "undated": undated,
        "total": len(points),
    }
    xaxis: dict[str, Any] = {"title": {"text": _("source")}, "type": "category"}
    if dated:
        title = _("period, else published") if timeline else _("published")
        xaxis = {"title": {"text": title}, "type": "date", "tickformat": "%Y-%m-%d"}
        days = sorted({str(day(r))[:10] for r in points})
        span = (dt.date.fromisoformat(days[-1]) - dt.date.fromisoformat(days[0])).days
        if span <= 31:  # a tick a day, not hours
            xaxis["dtick"] = 86_400_000
    fig.update_layout(
        title={"text": _("Figures per source") + note},
        xaxis=xaxis,
        yaxis={"title": {"text": _("figure")}, "type": "log" if log else "linear"},
        legend={"title": {"text": _("source")}},
        margin={"l": 60, "r": 20, "t": 50, "b": 50},
        height=420,
    )
    result: dict[str, Any] = json.loads(fig.to_json())
    return result
