"""Sentence boundaries news needs (``selon.extract.segment.set_boundaries``), on hand-built Docs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from selon.extract.quotes import find_quotes
from selon.extract.segment import set_boundaries
from selon.lang.pack import load_pack

PAIRS = load_pack("fr").quotes.pairs


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("fr").vocab


def _doc(vocab, words: list[str], spaces: list[bool]) -> Doc:
    doc = Doc(vocab, words=words, spaces=spaces)
    return set_boundaries(doc, find_quotes(doc.text, PAIRS))


def test_token_after_newline_starts_a_sentence(vocab) -> None:
    words = ["Le", "maire", "parle", "\n", "il", "répond", "aussitôt", "\n\n", "et", "puis", "rien"]
    spaces = [True, True, False, False, True, True, False, False, True, True, False]
    doc = _doc(vocab, words, spaces)
    assert doc[4].is_sent_start is True  # « il » after the first newline, lower case and all
    assert doc[8].is_sent_start is True  # « et » after a blank line
    assert doc[3].is_sent_start is False  # the newline itself belongs to the paragraph before
    assert doc[7].is_sent_start is False
    assert doc[1].is_sent_start is not True and doc[5].is_sent_start is not True


def test_closing_mark_and_comma_after_a_quoted_question_do_not_start_a_sentence(vocab) -> None:
    # « Pourquoi partir ? », a-t-il demandé.
    words = ["«", "Pourquoi", "partir", "?", "»", ",", "a", "-t-il", "demandé", "."]
    spaces = [True, True, True, True, False, True, False, True, False, False]
    doc = _doc(vocab, words, spaces)
    assert doc.text == "« Pourquoi partir ? », a-t-il demandé."
    assert doc[4].text == "»" and doc[4].is_sent_start is False
    assert doc[5].text == "," and doc[5].is_sent_start is False


def test_straight_closing_mark_is_not_a_sentence_start(vocab) -> None:
    words = ['"', "Jamais", "!", '"', ",", "dit", "-elle", "."]
    spaces = [False, False, False, False, True, False, False, False]
    doc = _doc(vocab, words, spaces)
    assert doc[3].is_sent_start is False
    assert doc[4].is_sent_start is False


def test_opening_mark_at_a_paragraph_start_starts_a_sentence(vocab) -> None:
    words = ["Il", "a", "parlé", ".", "\n", "«", "Rien", "ne", "change", "»", "."]
    spaces = [True, True, False, False, False, True, True, True, True, False, False]
    doc = _doc(vocab, words, spaces)
    assert doc[5].text == "«" and doc[5].is_sent_start is True
    assert doc[9].is_sent_start is False


def test_returns_the_same_doc(vocab) -> None:
    doc = Doc(vocab, words=["Bonjour", "."], spaces=[False, False])
    assert set_boundaries(doc, []) is doc
