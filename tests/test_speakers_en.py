"""English speaker rules, round 3: who speaks (frozen Docs of tests/make_docs.py EN_CASES en_spk_*)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from selon.extract.speakers.entities import without_false_persons, without_possessive_endings
from selon.extract.statements import relabel_entities


def one(statements):
    assert len(statements) == 1, statements
    return statements[0]


def name(s) -> str | None:
    return s.speaker.name if s.speaker is not None else None


# -- relative "who": the antecedent the parse hangs the relative clause on ------------------------
def test_relative_pronoun_after_a_complement_goes_to_the_noun_it_completes(en_statements_of) -> None:
    # "lawyers from Leeds in the north, who said …": the lawyers, not the north nor Leeds
    s = one(en_statements_of("en_spk_relative_head"))
    assert s.content.text == "the eviction was unlawful"
    assert name(s) == "lawyers from Leeds in the north"


def test_relative_pronoun_right_after_a_name_goes_to_the_name(en_statements_of) -> None:
    assert name(one(en_statements_of("en_spk_relative_name"))) == "Jane Hart"


# -- one-word "persons" that are none ------------------------------------------------------------
def _doc(words: list[str], ents: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, ents=ents)


def test_a_one_word_person_tagged_otherwise_elsewhere_and_never_named_in_full_is_none(frozen_doc) -> None:
    doc = frozen_doc("en_spk_false_person")
    relabel_entities(doc, {"PERSON": "PER"})
    kept = [(e.text, e.label_) for e in without_false_persons(list(doc.ents), frozenset({"mr"}))]
    assert ("Paul Ryan", "PER") in kept
    assert ("Brexit", "PER") not in kept and ("Brexit", "GPE") in kept


def test_a_one_word_person_named_in_full_or_with_a_title_stays_a_person() -> None:
    words = ["Mr", "Hart", "met", "Hart", "staff", "and", "Hart", "spoke", "."]
    ents = ["O", "B-PER", "O", "B-ORG", "O", "O", "B-PER", "O", "O"]
    kept = without_false_persons(list(_doc(words, ents).ents), frozenset({"mr"}))
    assert [e.label_ for e in kept if e.text == "Hart"] == ["PER", "ORG", "PER"]
    words = ["Jane", "Hart", "met", "Hart", "staff", "and", "Hart", "spoke", "."]
    ents = ["B-PER", "I-PER", "O", "B-ORG", "O", "O", "B-PER", "O", "O"]
    assert len(without_false_persons(list(_doc(words, ents).ents), frozenset())) == 3


def test_a_one_word_person_with_no_other_label_stays_a_person() -> None:
    words = ["Hart", "met", "Hart", "."]
    ents = ["B-PER", "O", "B-PER", "O"]
    assert len(without_false_persons(list(_doc(words, ents).ents), frozenset())) == 2


def test_a_person_entity_stops_before_its_possessive_ending(frozen_doc) -> None:
    doc = frozen_doc("en_spk_possessive_entity")
    cut = [e.text for e in without_possessive_endings(list(doc.ents)) if e.label_ == "PERSON"]
    assert cut == ["Peter Hall"]


# -- absolute "with X, …, calling for" ------------------------------------------------------------
def test_absolute_with_phrase_names_the_participle_cue_s_speaker(en_statements_of) -> None:
    first, second = en_statements_of("en_spk_absolute_with")
    assert (first.content.text, name(first)) == ("a new ballot", "Mary Lynch")
    assert first.speaker is not None and first.speaker.role == "head of the nurses' union"
    assert name(second) == "Mary Lynch"  # "she said" goes back to her


def test_participle_cue_without_an_absolute_phrase_speaks_for_its_verb_s_subject(en_statements_of) -> None:
    assert name(one(en_statements_of("en_spk_absolute_without"))) == "Hospital unions"


# -- a report commissioned by X -------------------------------------------------------------------
def test_a_report_commissioned_by_someone_is_the_report_s(en_statements_of) -> None:
    s = one(en_statements_of("en_spk_commissioned"))
    assert (s.content.text, name(s)) == ("ten new parks to be built", "study")


def test_a_report_published_by_someone_is_its_author_s(en_statements_of) -> None:
    assert name(one(en_statements_of("en_spk_published_by"))) == "institute"


# -- names lost with their links ------------------------------------------------------------------
def test_cue_then_a_spaced_comma_gives_the_apposition_left_of_a_lost_name(en_statements_of) -> None:
    s = one(en_statements_of("en_spk_lost_name_comma"))
    assert name(s) == "chairman of the farmers’ association"


def test_apposition_left_of_a_lost_name_stands_for_the_next_person_named(en_statements_of) -> None:
    s = one(en_statements_of("en_spk_lost_name_comma_named_after"))
    assert s.speaker is not None and s.speaker.text == "the chairman of the association"
    assert name(s) == "Tom Carey"


def test_cue_then_a_name_and_its_apposition_gives_the_name(en_statements_of) -> None:
    s = one(en_statements_of("en_spk_name_then_comma"))
    assert name(s) == "John Hall"


def test_title_before_a_lost_name_stands_for_the_next_person_named(en_statements_of) -> None:
    first, second = en_statements_of("en_spk_lost_name_title")
    assert (first.content.text, name(first)) == ("the plan would fail", "Peter Hall")
    assert name(second) == "Peter Hall"


def test_title_before_a_lost_name_with_nobody_named_after_stays_a_description(en_statements_of) -> None:
    assert name(one(en_statements_of("en_spk_title_no_name_after"))) == "Former health minister"


# -- a participle cue inside the phrase of another cue, before a colon ---------------------------
def test_colon_quote_goes_to_the_cue_governing_a_participle_cue(en_statements_of) -> None:
    s = one(en_statements_of("en_spk_colon_governing_cue"))
    assert s.kind == "direct" and s.cue is not None and s.cue.text == "saying"
    assert name(s) == "Hart"


def test_colon_quote_after_a_plain_cue_keeps_its_subject(en_statements_of) -> None:
    s = one(en_statements_of("en_spk_colon_posted"))
    assert name(s) == "council"


# -- a name in a complement of the mention --------------------------------------------------------
def test_a_name_in_a_complement_of_the_mention_is_not_the_speaker(en_statements_of) -> None:
    s = one(en_statements_of("en_spk_name_in_complement"))
    assert name(s) == "spokesman for the family of John Hall"


def test_a_name_after_its_title_is_the_speaker(en_statements_of) -> None:
    s = one(en_statements_of("en_spk_name_in_apposition"))
    assert name(s) == "John Hall"
    assert s.speaker is not None and s.speaker.role == "Police chief"


# -- an infinitive cue under a verb that is no cue ------------------------------------------------
def test_infinitive_cue_speaks_for_the_subject_of_the_verb_it_completes(en_statements_of) -> None:
    # "Students used chalk to write « … »": the students, not "chalk to"
    s = one(en_statements_of("en_spk_controller_subject"))
    assert (s.kind, name(s)) == ("direct", "Students")


def test_finite_cue_before_a_quotation_keeps_its_own_subject(en_statements_of) -> None:
    s = one(en_statements_of("en_spk_controller_own_subject"))
    assert (s.kind, name(s)) == ("direct", "Students")


# -- "who" shows a person -------------------------------------------------------------------------
def test_a_name_before_who_is_a_person_for_the_pronouns_after(en_statements_of) -> None:
    first, second = en_statements_of("en_spk_personal_relative")
    assert name(first) == "Gowrie"
    assert name(second) == "Gowrie"  # "he said": the person "who" showed, not Tom Carey


def test_a_name_before_which_is_no_person_for_the_pronouns_after(en_statements_of) -> None:
    first, second = en_statements_of("en_spk_relative_which")
    assert name(first) == "Gowrie"
    assert name(second) == "Tom Carey"


# -- a quoted sentence after a narrated sentence about someone ------------------------------------
def test_follow_on_quotation_after_a_narrated_sentence_goes_to_its_person(en_statements_of) -> None:
    first, second = en_statements_of("en_spk_narrated_subject")
    assert name(first) == "Tom Carey"
    assert (second.kind, second.cue, name(second)) == ("direct", None, "Jane Hart")


def test_follow_on_quotation_after_narration_with_no_person_goes_to_the_last_speaker(en_statements_of) -> None:
    first, second = en_statements_of("en_spk_narrated_no_person")
    assert name(second) == name(first) == "Tom Carey"


# -- written slogans: the crowd's words (ANNOTATION rule 7) ---------------------------------------
def test_words_on_a_banner_are_the_crowd_s_named_before(en_statements_of) -> None:
    s = one(en_statements_of("en_spk_banner_of_the_crowd"))
    assert (s.kind, name(s)) == ("direct", "protesters")
    assert s.speaker is not None and s.speaker.text == "a banner"


def test_words_on_a_banner_with_no_crowd_named_stay_the_banner_s(en_statements_of) -> None:
    assert name(one(en_statements_of("en_spk_banner_no_crowd"))) == "banner"


# -- a conjoined cue the parse hangs inside a reported clause; "the source" quoted before ---------
def test_conjoined_cue_inside_a_reported_clause_speaks_for_the_reporting_subject(en_statements_of) -> None:
    # "The source declined to say whether the council would … but said …": the source (the
    # official quoted before it), not the council, nor the last source of the article
    first, second, third = en_statements_of("en_spk_out_of_reported_clause")
    assert name(first) == "council official"
    assert (second.content.text, name(second)) == ("the talks would go on", "council official")
    assert name(third) == "Jane Hart"


def test_conjoined_cue_of_a_main_verb_speaks_for_its_subject(en_statements_of) -> None:
    _, second = en_statements_of("en_spk_conj_cue_no_mark")
    assert name(second) == "mayor"
