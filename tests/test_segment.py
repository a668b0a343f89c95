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


def test_opening_mark_after_a_full_stop_starts_a_sentence_without_spaces(vocab) -> None:
    # Swiss and Quebec style: «sans espaces», and two spaces between sentences
    words = ["Le", "maire", "a", "parlé", ".", " ", "«", "Rien", "ne", "change", "»", ",", "dit", "-il", "."]
    spaces = [True, True, True, False, True, False, False, True, True, False, False, True, False, False, False]
    doc = _doc(vocab, words, spaces)
    assert doc.text == "Le maire a parlé.  «Rien ne change», dit-il."
    assert doc[6].text == "«" and doc[6].is_sent_start is True
    assert doc[7].text == "Rien" and doc[7].is_sent_start is False  # the word after the mark


def test_straight_opening_mark_after_a_question_starts_a_sentence(vocab) -> None:
    words = ["Qui", "paiera", "?", '"', "Personne", '"', ",", "répond", "-elle", "."]
    spaces = [True, True, True, False, False, False, True, False, False, False]
    doc = _doc(vocab, words, spaces)
    assert doc[3].text == '"' and doc[3].is_sent_start is True
    assert doc[4].is_sent_start is False
    assert doc[5].is_sent_start is False  # the closing mark stays with its sentence


def test_opening_mark_inside_a_sentence_starts_nothing(vocab) -> None:
    # a partial quotation after a verb is no sentence start; the word after it is none either
    words = ["Il", "juge", "ces", "chiffres", "«", "fantaisistes", "»", "."]
    spaces = [True, True, True, True, False, False, False, False]
    doc = _doc(vocab, words, spaces)
    assert doc[4].is_sent_start is not True
    assert doc[5].is_sent_start is False


def _pack_tokenizer():
    """A blank French tokenizer with the pack's infixes, as ``load_pipeline`` sets them."""
    from spacy.util import compile_infix_regex, compile_prefix_regex

    nlp = spacy.blank("fr")
    pack = load_pack("fr")
    infixes = [*(nlp.Defaults.infixes or []), *pack.tokenizer.infixes]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    prefixes = [*pack.tokenizer.prefixes, *(nlp.Defaults.prefixes or [])]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    return nlp.tokenizer


def test_glued_marks_are_tokens_of_their_own() -> None:
    tokenizer = _pack_tokenizer()
    words = [t.text for t in tokenizer("Le stade était vide.«Personne n'est venu»«Quel dommage»")]
    assert words[4:7] == [".", "«", "Personne"]
    assert words[-6:] == ["venu", "»", "«", "Quel", "dommage", "»"]
    words = [t.text for t in tokenizer('Il a refusé."Jamais", a-t-il dit.')]
    assert words[3:6] == [".", '"', "Jamais"]
    # an apostrophe, a hyphen or a decimal point inside a word is untouched
    assert [t.text for t in tokenizer("aujourd'hui")] == ["aujourd'hui"]
    assert "3.5" in [t.text for t in tokenizer("un taux de 3.5 points")]


def test_glued_quotations_split_into_sentences() -> None:
    text = "Le stade était vide.«Personne n'est venu.»«Quel dommage», dit-il. Tous «sont partis.»Rien «ici» Encore"
    doc = set_boundaries(_pack_tokenizer()(text), find_quotes(text, PAIRS))
    starts = {t.text: t.is_sent_start for t in doc}
    opening = [t for t in doc if t.text == "«"]
    assert [t.is_sent_start for t in opening] == [True, True, None, None]  # after « vide. » and « venu.» »
    assert starts["Personne"] is False and starts["Quel"] is False
    assert starts["Rien"] is True  # a capital after a quotation that ends its sentence
    assert starts["Encore"] is None  # « ici » ends no sentence: the parser decides


def test_a_full_stop_glued_to_the_next_sentence_is_a_token_of_its_own() -> None:
    tokenizer = _pack_tokenizer()
    assert [t.text for t in tokenizer("le bilan\u00a0».Marie Dupont")] == ["le", "bilan", "\u00a0", "»", ".", "Marie", "Dupont"]
    assert [t.text for t in tokenizer("la S.N.C.F. a dit")] == ["la", "S.N.C.F.", "a", "dit"]  # initials stay


def test_sentences_a_web_page_glued_or_spaced_twice() -> None:
    text = "Le maire a parlé.Un adjoint a suivi.  Ensuite le préfet «était absent»Puis la séance a repris."
    doc = set_boundaries(_pack_tokenizer()(text), find_quotes(text, PAIRS))
    starts = {t.text: t.is_sent_start for t in doc}
    assert starts["Un"] is True  # glued to the full stop
    assert starts["Ensuite"] is True  # after two spaces
    assert starts["Puis"] is True  # glued to a closing mark
    assert starts["était"] is False  # the word after an opening mark
    # one space after a full stop: the parser decides, and « M.Dupont » is no sentence break
    doc = set_boundaries(_pack_tokenizer()("Il a vu M.Dupont hier. Rien."), [])
    assert all(t.is_sent_start is not True for t in doc[1:])
    doc = set_boundaries(_pack_tokenizer()("Il a vu le maire.  le préfet aussi."), [])
    assert all(t.is_sent_start is not True for t in doc[1:])  # no capital after the two spaces


def test_a_stray_line_break_inside_a_sentence_starts_none(vocab) -> None:
    """With ``stray_breaks`` (the English pack's ``stray_line_breaks``), a newline after a word
    that ends no sentence, before a comma, a digit or lower case, continues the sentence (a page
    that set a link's words on a line of their own); without it, or after a full stop, or before
    a capital, a newline still opens a paragraph."""
    words = ["According", "to", "the", "site", "\n", "example.org", "\n", ",", "about", "\n", "300", "came", ".",
             "\n", "Then", "rain", "\n", "fell", "."]
    spaces = [True, True, True, False, False, False, False, True, False, False, True, False, False,
              False, True, False, False, False, False]
    doc = Doc(vocab, words=words, spaces=spaces)
    doc = set_boundaries(doc, find_quotes(doc.text, PAIRS), stray_breaks=True)
    assert doc[5].is_sent_start is False  # « example.org » after « site »
    assert doc[7].is_sent_start is False  # the comma on the next line
    assert doc[10].is_sent_start is False  # « 300 » after « about »
    assert doc[14].is_sent_start is True  # « Then » after a full stop
    assert doc[17].is_sent_start is False  # « fell » after « rain »


def test_a_stray_line_break_before_a_capital_is_a_paragraph(vocab) -> None:
    words = ["Latest", "news", "\n", "The", "mayor", "spoke", "."]
    spaces = [True, False, False, True, True, False, False]
    doc = Doc(vocab, words=words, spaces=spaces)
    doc = set_boundaries(doc, [], stray_breaks=True)
    assert doc[3].is_sent_start is True  # a heading with no full stop, then its paragraph


def test_a_line_broken_inside_a_sentence_does_not_start_one(vocab) -> None:
    # a page that lost a link keeps its line breaks: « … devrait\nouvrir la voie … . »
    words = ["Le", "maire", "a", "dit", "que", "le", "pont", "devrait", "\n", "rouvrir", "en", "mai", ".",
             "\n", "Le", "préfet", "se", "tait", "."]
    spaces = [True, True, True, True, True, True, True, False, False, True, True, False, False,
              False, True, True, True, False, False]
    doc = _doc(vocab, words, spaces)
    assert doc[9].is_sent_start is False  # « rouvrir »: the lines after reach a sentence end
    assert doc[14].is_sent_start is True  # « Le » after a line that ended the sentence


def test_a_line_opening_with_a_comma_or_a_digit_continues_the_sentence(vocab) -> None:
    words = ["Environ", "\n", "3.000", "personnes", "ont", "défilé", "en", "France", "\n", ",", "dont", "500",
             "à", "Paris", "."]
    spaces = [False, False, True, True, True, True, True, False, False, True, True, True, True, False, False]
    doc = _doc(vocab, words, spaces)
    assert doc[2].is_sent_start is False and doc[9].is_sent_start is False


def test_a_lower_case_line_before_a_blank_line_still_starts_a_sentence(vocab) -> None:
    # no sentence end before the blank line: a heading or a list, not a broken sentence
    words = ["Le", "maire", "parle", "\n", "il", "répond", "aussitôt", "\n\n", "Fin", "."]
    spaces = [True, True, False, False, True, True, False, False, False, False]
    doc = _doc(vocab, words, spaces)
    assert doc[4].is_sent_start is True


def test_a_spaced_ellipsis_inside_a_quotation_ends_no_sentence(vocab) -> None:
    words = ["«", "Le", "conseil", "va", ".", ".", ".", "publier", "ses", "comptes", "»", ",", "a", "dit", "X", "."]
    spaces = [True, True, True, True, True, True, True, True, True, True, False, True, True, True, False, False]
    doc = _doc(vocab, words, spaces)
    assert all(doc[k].is_sent_start is not True for k in range(5, 9))


def test_a_spaced_ellipsis_outside_a_quotation_is_left_to_the_parser(vocab) -> None:
    words = ["Le", "conseil", "va", ".", ".", ".", "publier", "ses", "comptes", "."]
    spaces = [True, True, True, True, True, True, True, True, False, False]
    doc = _doc(vocab, words, spaces)
    assert doc[6].is_sent_start is None  # not forced either way
