"""The terminal view of an :class:`Analysis` (``selon analyze --format pretty``), with rich.

The article text comes first, each statement's content in its speaker's colour (one
colour per speaker name), cues bold and underlined, speaker mentions in italics, figures
on a highlight; then a table of statements and a table of figures. On a terminal without
colour, or in a pipe, rich drops the styles and the same text and tables remain.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from selon.models import Analysis, Figure, Statement

#: Speaker colours, in order of first appearance (then round again).
PALETTE = (
    "cyan",
    "magenta",
    "green",
    "bright_blue",
    "red",
    "bright_cyan",
    "bright_magenta",
    "bright_green",
    "blue",
    "bright_red",
)
CUE_STYLE = "bold underline"
SPEAKER_STYLE = "italic"
FIGURE_STYLE = "bold black on yellow"
#: Longer texts are cut in the text view (the tables still list everything).
MAX_TEXT_CHARS = 20_000
NBSP = "\u00a0"

_QUALIFIER_SIGN = {
    "about": "≈",
    "more_than": ">",
    "at_least": "≥",
    "less_than": "<",
    "at_most": "≤",
}


def speaker_key(statement: Statement) -> str:
    """The name a statement's colour goes by: the speaker's name, else its mention."""
    sp = statement.speaker
    if sp is None:
        return "(no speaker)"
    return sp.name or sp.text or "(no speaker)"


def speaker_colours(analysis: Analysis) -> dict[str, str]:
    """One colour per speaker name, in order of first appearance."""
    colours: dict[str, str] = {}
    for s in analysis.statements:
        key = speaker_key(s)
        if key not in colours:
            colours[key] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def format_number(value: float | int) -> str:
    """French style: thousands grouped with a no-break space, decimal comma (1 200; 2,5)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", NBSP)
    whole, _, frac = f"{value:,.6f}".rstrip("0").partition(".")
    whole = whole.replace(",", NBSP)
    return f"{whole},{frac}" if frac else whole


def format_value(figure: Figure) -> str:
    """The value with its qualifier: ``> 130``, ``≈ 1 000``, ``20–99``, ``≥ 5``, ``130``."""
    low, high = figure.low, figure.high
    if figure.qualifier == "range" or (low is not None and high is not None and low != high):
        lo = format_number(low) if low is not None else "?"
        hi = format_number(high) if high is not None else "?"
        return f"{lo}–{hi}"
    value = low if low is not None else high
    if value is None:
        return f"~ {figure.text}" if figure.qualifier == "vague" else figure.text
    sign = _QUALIFIER_SIGN.get(figure.qualifier)
    if figure.qualifier == "vague":
        sign = "~"
    return f"{sign} {format_number(value)}" if sign else format_number(value)


def shorten(text: str, width: int = 90) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis when longer than ``width``."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat.rfind(" ", 0, width - 1)
    return flat[: cut if cut > width // 2 else width - 1].rstrip(" ,;:") + "…"


def highlighted_text(analysis: Analysis, limit: int = MAX_TEXT_CHARS) -> Text:
    """The article text with statements, cues, speakers and figures styled."""
    text = analysis.article.text
    shown = text[:limit]
    out = Text(shown)
    colours = speaker_colours(analysis)

    def stylize(style: str, start: int | None, end: int | None) -> None:
        if start is not None and end is not None and start < len(shown):
            out.stylize(style, max(0, start), min(end, len(shown)))

    for s in analysis.statements:
        colour = colours[speaker_key(s)]
        stylize(colour, s.content.start, s.content.end)
        if s.cue:
            stylize(f"{CUE_STYLE} {colour}", s.cue.start, s.cue.end)
        if s.speaker:
            stylize(f"{SPEAKER_STYLE} {colour}", s.speaker.start, s.speaker.end)
    for f in analysis.figures:
        stylize(FIGURE_STYLE, f.start, f.end)
    if len(text) > limit:
        out.append(
            f"\n… ({len(text) - limit:,} more characters not shown; --format json has them all)",
            style="dim",
        )
    return out


def _header(analysis: Analysis) -> Text:
    a = analysis.article
    head = Text(a.title or a.id, style="bold")
    details = [x for x in (a.outlet, a.published, a.language, a.url) if x]
    if a.title:
        details.insert(0, a.id)
    if details:
        head.append("  " + " · ".join(details), style="dim")
    return head


def legend(analysis: Analysis) -> Text:
    out = Text("")
    for name, colour in speaker_colours(analysis).items():
        if out:
            out.append("  ")
        out.append("■ ", style=colour)
        out.append(name)
    if analysis.figures:
        if out:
            out.append("  ")
        out.append(" 12 ", style=FIGURE_STYLE)
        out.append(" figure")
    if analysis.statements:
        out.append("  ")
        out.append("cue", style=CUE_STYLE)
    return out


#: What each statement kind (its name in the JSON, shown as is) means, for the table's caption.
KIND_MEANINGS = {
    "direct": "quoted words",
    "indirect": "reported speech (« a déclaré que … », \"said that …\")",
    "according_to": "a source named with « selon X », \"according to X\"",
}


def statements_table(analysis: Analysis, width: int = 100) -> Table:
    """Speaker (with role), kind, cue and the statement shortened to about two lines; the
    caption says what the kinds shown mean."""
    colours = speaker_colours(analysis)
    kinds = dict.fromkeys(s.kind for s in analysis.statements)
    caption = "; ".join(f"{k}: {KIND_MEANINGS[k]}" for k in kinds if k in KIND_MEANINGS)
    table = Table(
        title=f"Statements ({len(analysis.statements)})",
        title_justify="left",
        caption=caption or None,
        caption_justify="left",
    )
    table.add_column("#", style="dim", no_wrap=True)
    table.add_column("speaker", max_width=24)
    table.add_column("kind", no_wrap=True)
    table.add_column("cue", max_width=16)
    table.add_column("statement", min_width=16)
    room = max(40, 2 * (width - 62))
    for s in analysis.statements:
        key = speaker_key(s)
        speaker = Text(key, style=colours[key])
        role = s.speaker.role if s.speaker else None
        if role:
            speaker.append(f"\n{role}", style="dim")
        via = f" via {s.via}" if s.via else ""
        table.add_row(
            s.id,
            speaker,
            s.kind + via,  # the JSON's name of the kind, as every other output says it
            s.cue.text if s.cue else "",
            shorten(s.content.text, room),
        )
    return table


def figures_table(analysis: Analysis) -> Table:
    table = Table(title=f"Figures ({len(analysis.figures)})", title_justify="left", expand=False)
    table.add_column("#", style="dim", no_wrap=True)
    table.add_column("value", justify="right", no_wrap=True)
    table.add_column("unit")
    table.add_column("outcome")
    table.add_column("source", max_width=28)
    # the scope's columns only where some figure has one (an undated article has no period)
    scope = [(name, fmt) for name, fmt in (("place", format_place), ("period", format_period))
             if any(fmt(f) for f in analysis.figures)]  # fmt: skip
    for name, _ in scope:
        table.add_column(name, max_width=24)
    table.add_column("text", min_width=12)
    for f in analysis.figures:
        source = f.source or ""
        if f.statement:
            source = f"{source} ({f.statement})" if source else f.statement
        cells = [fmt(f) for _, fmt in scope]
        table.add_row(f.id, format_value(f), f.unit or "", f.outcome or "", source, *cells, shorten(f.text, 50))
    return table


def format_place(figure: Figure) -> str:
    """A figure's place as a reader names it: the mention, with the gazetteer's name when it
    differs (« Mossoul (Mosul, IQ) »)."""
    place = figure.place
    if place is None:
        return ""
    other_name = place.name if place.name and place.name not in place.text else None
    known = ", ".join(x for x in (other_name, place.country) if x)
    return f"{place.text} ({known})" if known else place.text


def format_period(figure: Figure) -> str:
    """A figure's period: one day, or its first and last day (``…`` for an open bound)."""
    period = figure.period
    if period is None:
        return ""
    if period.start == period.end:
        return period.start or ""
    return f"{period.start or '…'} – {period.end or '…'}"


def render(analysis: Analysis, width: int = 100) -> RenderableType:
    """Everything ``--format pretty`` shows for one article."""
    parts: list[RenderableType] = [
        Panel(highlighted_text(analysis), title=_header(analysis), title_align="left"),
    ]
    key = legend(analysis)
    if key:
        parts.append(key)
    parts.append(statements_table(analysis, width) if analysis.statements else Text("No statements found.", style="dim"))
    parts.append(figures_table(analysis) if analysis.figures else Text("No figures found.", style="dim"))
    return Group(*parts)


def print_analysis(analysis: Analysis, console: Console) -> None:
    console.print(render(analysis, console.width))
    console.print()
