"""Harmless variations of a text (NFD accents, invisible marks, other line ends) give the same
statements and figures as the plain text, with offsets exact in the text the user gave."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from selon.ingest.normalize import INVISIBLE, normalize_for_analysis
from selon.models import Analysis
from selon.pipeline.analyzer import Analyzer


def test_plain_text_is_left_alone() -> None:
    text = "Selon la police, 300 personnes ont défilé.\nFin."
    out, offsets = normalize_for_analysis(text)
    assert out is text
    assert offsets.identity and offsets.span(6, 15) == (6, 15)


def test_decomposed_accents_are_composed_and_map_back() -> None:
    text = unicodedata.normalize("NFD", "Le député a déclaré")
    out, offsets = normalize_for_analysis(text)
    assert out == "Le député a déclaré"
    start, end = offsets.span(out.index("déclaré"), len(out))
    assert text[start:end] == unicodedata.normalize("NFD", "déclaré")


def test_invisible_marks_are_dropped_and_spans_skip_them() -> None:
    text = "Il a\u200b dit\u200e « non »\ufeff."
    out, offsets = normalize_for_analysis(text)
    assert out == "Il a dit « non »."
    start, end = offsets.span(out.index("dit"), out.index("dit") + 3)
    assert text[start:end] == "dit"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2029"])
def test_other_line_ends_become_newlines(newline: str) -> None:
    text = f"Premier paragraphe.{newline}Second paragraphe."
    out, offsets = normalize_for_analysis(text)
    assert out == "Premier paragraphe.\nSecond paragraphe."
    start, end = offsets.span(0, len("Premier paragraphe."))
    assert text[start:end] == "Premier paragraphe."
    start, end = offsets.span(out.index("Second"), len(out))
    assert text[start:end] == "Second paragraphe."


def _visible(text: str) -> str:
    return unicodedata.normalize("NFC", "".join(ch for ch in text if ch not in INVISIBLE))


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _zero_width(text: str) -> str:
    # a zero-width space after every word, a word joiner inside some words
    return text.replace(" ", " \u200b").replace("tion", "ti\u2060on")


def _bidi(text: str) -> str:
    return "\u202a" + text.replace(", ", ",\u200e ").replace(". ", ".\u200f ") + "\u202c"


def _lone_cr(text: str) -> str:
    return text.replace("\n", "\r")


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


VARIANTS: dict[str, Callable[[str], str]] = {
    "nfd": _nfd,
    "zero-width": _zero_width,
    "bidi": _bidi,
    "lone-cr": _lone_cr,
    "crlf": _crlf,
}


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> str:
    gold = json.loads((shared_dir / "corpus" / "dev" / "seed-mossoul-fr.json").read_text(encoding="utf-8"))
    text: str = gold["text"]
    assert "\n" in text  # the line-end variants change something
    return text


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer("fr")


def _found(analysis: Analysis) -> tuple[list[tuple], list[tuple]]:
    """What was found, compared as a reader sees it: visible text, speaker names, values."""
    statements = [
        (s.kind, _visible(s.content.text), s.speaker.name if s.speaker else None, _visible(s.cue.text) if s.cue else None)
        for s in analysis.statements
    ]
    figures = [(_visible(f.text), f.low, f.high, f.qualifier, f.outcome, f.source) for f in analysis.figures]
    return statements, figures


def _assert_offsets_exact(analysis: Analysis) -> None:
    text = analysis.article.text
    spans = [s.content for s in analysis.statements] + [s.cue for s in analysis.statements if s.cue]
    for span in spans:
        assert span is not None and text[span.start : span.end] == span.text
    for s in analysis.statements:
        if s.speaker is not None and s.speaker.start is not None:
            assert text[s.speaker.start : s.speaker.end] == s.speaker.text
    for f in analysis.figures:
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_seed_variant_gives_what_the_plain_text_gives(seed: str, analyzer: Analyzer, variant: str) -> None:
    plain = analyzer.analyze(seed, id="plain")
    varied_text = VARIANTS[variant](seed)
    assert varied_text != seed
    varied = analyzer.analyze(varied_text, id=variant)
    assert varied.article.text == varied_text  # the user's text is kept as given
    assert len(plain.statements) == 8 and len(plain.figures) == 4
    assert _found(varied) == _found(plain)
    _assert_offsets_exact(varied)
    # no statement ends in a carriage return or starts with an invisible mark
    for s in varied.statements:
        assert not s.content.text.endswith("\r") and s.content.text[:1] not in INVISIBLE
