"""Whose figure it is, in English: statements, speakers and figures together on frozen Docs
(``tests/make_docs.py``, its ``en_src_*`` cases, invented sentences parsed by the English
pipeline), one construction per test, positive and negative."""

from __future__ import annotations

import pytest

import selon.pipeline.components  # noqa: F401  (registers doc._.selon_quotes)
from selon.extract.figures import extract_figures
from selon.extract.quotes import find_quotes
from selon.extract.speakers import attribute_speakers
from selon.extract.statements import find_candidates, to_statements
from selon.models import Figure, Statement


@pytest.fixture(scope="module")
def analysed(frozen_doc, en_pack):
    """``analysed(name)``: the statements (with speakers) and the figures of an English frozen Doc."""

    def run(name: str) -> tuple[list[Statement], list[Figure]]:
        doc = frozen_doc(name)
        doc._.selon_quotes = find_quotes(doc.text, en_pack.quotes.pairs)
        cands = find_candidates(doc, en_pack, doc._.selon_quotes)
        statements = attribute_speakers(doc, en_pack, cands, to_statements(doc, cands))
        return statements, extract_figures(doc, en_pack, statements)

    return run


def source_of(figures: list[Figure], text: str) -> str | None:
    return next(f.source for f in figures if f.text.startswith(text))


def test_rule_citing_gives_the_statement_to_the_cited_source(analysed) -> None:
    """« …, the radio station reported, citing hospital officials. »: the officials' figure, via
    the station (ANNOTATION: ``via``)."""
    (s,), figures = analysed("en_src_citing")
    assert s.speaker is not None and s.speaker.name == "hospital officials"
    assert s.via == "local radio station"
    assert s.cue is not None and s.cue.text == "citing"
    assert source_of(figures, "About 900 nurses") == "hospital officials"


def test_rule_citing_what_is_no_source_keeps_the_speaker(analysed) -> None:
    """« …, the newsletter reported, citing concerns over staffing. »: concerns say nothing."""
    (s,), figures = analysed("en_src_citing_not_a_source")
    assert s.speaker is not None and s.speaker.name == "newsletter"
    assert s.via is None and s.cue is not None and s.cue.text == "reported"
    assert source_of(figures, "120") == "newsletter"


def test_rule_a_figure_before_a_phrase_that_sources_a_quotation_is_narration(analysed) -> None:
    """« … 14 mayors, in the words of X, to “settle the next steps”. »: X's words are in the
    marks; the figure before the phrase is the article's."""
    (s,), figures = analysed("en_src_words_quoted_after_cue")
    assert s.speaker is not None and s.speaker.name == "Jane Hart"
    assert source_of(figures, "14 mayors") is None


def test_rule_a_figure_before_a_medial_according_to_is_the_sources(analysed) -> None:
    """« The marchers were about 300, according to the organisers, to walk … »: no quotation after
    the phrase, the figure is the organisers' (as « ils sont environ 500, selon X, à … »)."""
    _, figures = analysed("en_src_medial_according_to")
    assert source_of(figures, "about 300") == "organisers"


def test_rule_according_to_after_but_opens_its_clause(analysed) -> None:
    """« …, but according to the survey, which was published on Monday, about 40% … »: the clause
    after the phrase (past the relative clause on the source) is the survey's."""
    (s,), figures = analysed("en_src_but_according_to")
    assert (s.kind, s.content.text) == ("according_to", "about 40% of them need urgent repairs")
    assert source_of(figures, "about 40%") == "survey"


def test_rule_according_to_at_the_end_still_sources_the_clause_before(analysed) -> None:
    """« … closed and 12 lorries were stuck, according to the police. »: a conjunction inside the
    clause opens nothing; the phrase at the end sources the clause before it."""
    (s,), figures = analysed("en_src_and_according_to_final")
    assert s.content.text == "The road to the port stayed closed and 12 lorries were stuck"
    assert source_of(figures, "12 lorries") == "police"


def test_rule_a_source_on_a_line_of_its_own(analysed) -> None:
    """« According to the news site\\nexample.org\\n, the share … 40%. »: one sentence (the pack's
    ``stray_line_breaks``), its source the site with its name; the next paragraph is narration."""
    (s,), figures = analysed("en_src_link_on_its_line")
    assert s.kind == "according_to" and s.content.text.startswith("the share of broken meters")
    assert s.speaker is not None and s.speaker.text == "the news site\nexample.org"
    assert source_of(figures, "as high as 40%") is not None


def test_rule_a_doubled_opening_mark_opens_one_quotation(analysed) -> None:
    """« ““We lost 30 customers a day. …,” she told reporters. Some 2,000 people … »: the mark typed
    twice opens one quotation, closed where it is; the figure after it is narration."""
    statements, figures = analysed("en_src_doubled_mark")
    (s,) = [s for s in statements if s.kind == "direct"]
    assert s.content.text == "We lost 30 customers a day. It has been a hard winter,"
    assert source_of(figures, "30 customers") == "Anna Kerr"
    assert source_of(figures, "Some 2,000 people") is None


def test_rule_a_relative_clause_in_the_subject_makes_no_incise(analysed) -> None:
    """« The two-page memo … says that the audit, which was finished on Friday, found no fraud. »:
    the comma closes the subject's relative clause, « found » is the audit's verb, no inverted cue
    whose speaker would be « no fraud »; the figure in the subject of « says » is narration."""
    statements, figures = analysed("en_src_relative_in_subject")
    assert [(s.cue.text if s.cue else None) for s in statements] == ["says"]
    assert source_of(figures, "two-page") is None


def test_rule_an_inverted_cue_after_its_clause_still_takes_the_figure(analysed) -> None:
    (s,), figures = analysed("en_src_inverted_cue_kept")
    assert s.content.text == "Some 40 invoices were left unpaid for a year"
    assert source_of(figures, "Some 40 invoices") == "auditor"


def test_rule_a_claim_in_a_relative_clause_stops_at_its_comma(analysed) -> None:
    """« Mayor Jane Hart, who denounced “reckless spending” in the report, said 12 projects … »:
    the relative clause's claim ends at its comma, so that it and the main cue's clause both stand."""
    claim, said = analysed("en_src_relative_cue_claim")[0]
    assert claim.cue is not None and claim.cue.text == "denounced"
    assert claim.content.text.endswith("in the report")
    assert said.content.text == "12 projects would be cut"
    assert said.speaker is not None and said.speaker.name == "Jane Hart"
