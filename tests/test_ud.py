"""The ClearNLP → UD conversion (``selon.pipeline.ud``), on invented sentences parsed by the
English model the English pack names (installed wherever the tests run), and on the whole
English dev corpus for tree validity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from selon.ingest.normalize import normalize_for_analysis
from selon.lang.pack import load_pack
from selon.pipeline import components as _components  # noqa: F401  (registers the factories)
from selon.pipeline.analyzer import load_pipeline
from selon.pipeline.ud import to_ud


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The English model with the segmenter before its parser and the conversion after it."""
    pack = load_pack("en")
    model = spacy.load(pack.model)
    model.add_pipe("selon_segmenter", before="parser", config={"lang": "en"})
    model.add_pipe("selon_ud")
    return model


def word(doc: Doc, text: str, nth: int = 0) -> Token:
    return [t for t in doc if t.text == text][nth]


def deps(tok: Token) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in tok.children:
        out.setdefault(c.dep_, []).append(c.text)
    return out


def assert_trees(doc: Doc) -> None:
    """Every sentence one tree: one root, no cycle, no head outside the sentence."""
    for sent in doc.sents:
        assert [t.dep_ for t in sent if t.head.i == t.i] == ["ROOT"], sent.text
        for tok in sent:
            assert sent.start <= tok.head.i < sent.end, (tok.text, sent.text)
            seen = set()
            while tok.head.i != tok.i:
                assert tok.i not in seen, f"cycle in {sent.text!r}"
                seen.add(tok.i)
                tok = tok.head


# -- prepositions --------------------------------------------------------------------------------
def test_a_prepositions_object_takes_its_place_as_obl_under_a_verb(nlp: Language) -> None:
    doc = nlp("The minister spoke to reporters on Tuesday.")
    reporters = word(doc, "reporters")
    assert (reporters.dep_, reporters.head.text) == ("obl", "spoke")
    assert deps(reporters)["case"] == ["to"]
    assert word(doc, "to").dep_ == "case" and not list(word(doc, "to").children)
    assert not any(t.dep_ in ("prep", "pobj") for t in doc)
    assert_trees(doc)


def test_a_prepositions_object_is_nmod_under_a_noun(nlp: Language) -> None:
    doc = nlp("The mayor of the town resigned.")
    town = word(doc, "town")
    assert (town.dep_, town.head.text) == ("nmod", "mayor")
    assert deps(town)["case"] == ["of"]


def test_a_preposition_with_a_clause_is_its_mark(nlp: Language) -> None:
    doc = nlp("He warned against raising taxes.")
    raising = word(doc, "raising")
    assert (raising.dep_, raising.head.text) == ("advcl", "warned")
    assert deps(raising)["mark"] == ["against"]


def test_according_to_is_a_case_with_a_fixed_second_word(nlp: Language) -> None:
    doc = nlp("According to the police, ten people died.")
    police = word(doc, "police")
    assert (police.dep_, police.head.text) == ("obl", "died")
    according = word(doc, "According")
    assert according.dep_ == "case" and according.head.i == police.i
    assert deps(according) == {"fixed": ["to"]}
    assert_trees(doc)


def test_because_of_is_a_case_with_a_fixed_second_word(nlp: Language) -> None:
    doc = nlp("The talks failed because of the strike.")
    strike = word(doc, "strike")
    assert (strike.dep_, strike.head.text) == ("obl", "failed")
    assert deps(word(doc, "because")) == {"fixed": ["of"]}


def test_a_single_preposition_has_no_fixed_word(nlp: Language) -> None:
    doc = nlp("She went to the police station.")
    assert not any(t.dep_ == "fixed" for t in doc)
    station = word(doc, "station")
    assert station.dep_ == "obl" and deps(station)["case"] == ["to"]


# -- passives, agents ----------------------------------------------------------------------------
def test_a_passives_agent_is_obl_agent_with_by_as_case(nlp: Language) -> None:
    doc = nlp("The plan was approved by the council.")
    council = word(doc, "council")
    assert (council.dep_, council.head.text) == ("obl:agent", "approved")
    assert deps(council)["case"] == ["by"]
    assert word(doc, "plan").dep_ == "nsubj:pass" and word(doc, "was").dep_ == "aux:pass"


def test_by_in_an_active_clause_is_no_agent(nlp: Language) -> None:
    doc = nlp("The children sat by the river.")
    assert not any(t.dep_ in ("obl:agent", "nsubj:pass", "aux:pass") for t in doc)
    assert word(doc, "river").dep_ == "obl"


# -- names and titles ----------------------------------------------------------------------------
def test_a_name_is_a_head_first_flat_name_chain(nlp: Language) -> None:
    doc = nlp("Yesterday Angela Merkel said the talks would go on.")
    first = word(doc, "Angela")
    assert (first.dep_, first.head.text) == ("nsubj", "said")
    assert (word(doc, "Merkel").dep_, word(doc, "Merkel").head.text) == ("flat:name", "Angela")
    assert word(doc, "Yesterday").head.text == "Angela"  # a date word is no title
    assert_trees(doc)


def test_a_common_noun_compound_is_no_name(nlp: Language) -> None:
    doc = nlp("The energy crisis worried the markets.")
    assert not any(t.dep_ in ("flat:name", "appos") for t in doc)
    assert word(doc, "crisis").dep_ == "nsubj"


@pytest.mark.parametrize(
    ("text", "title", "first", "last"),
    [
        ("Foreign Minister Sergei Lavrov said it was a mistake.", "Minister", "Sergei", "Lavrov"),
        ("Police chief John Smith said it was a mistake.", "chief", "John", "Smith"),
    ],
)
def test_a_title_heads_the_name_as_in_french_ud(nlp: Language, text: str, title: str, first: str, last: str) -> None:
    """« le ministre Sergueï Lavrov »: the title heads, the name is its appos."""
    doc = nlp(text)
    head = word(doc, title)
    assert (head.dep_, head.head.text) == ("nsubj", "said")
    assert (word(doc, first).dep_, word(doc, first).head.text) == ("appos", title)
    assert (word(doc, last).dep_, word(doc, last).head.text) == ("flat:name", first)
    assert_trees(doc)


def test_a_possessive_name_keeps_its_case(nlp: Language) -> None:
    doc = nlp("Maria Lopez's office did not comment.")
    maria = word(doc, "Maria")
    assert (maria.dep_, maria.head.text) == ("nmod:poss", "office")
    assert deps(maria)["case"] == ["'s"]


# -- clauses, negation, copulas ------------------------------------------------------------------
def test_a_relative_clause_is_acl_relcl(nlp: Language) -> None:
    doc = nlp("The woman who won the race thanked her coach.")
    won = word(doc, "won")
    assert (won.dep_, won.head.text) == ("acl:relcl", "woman")
    assert word(doc, "race").dep_ == "obj"
    assert not any(t.dep_ in ("relcl", "dobj") for t in doc)


def test_negation_is_advmod_with_polarity_neg(nlp: Language) -> None:
    doc = nlp("He did not answer and never returned.")
    for neg in ("not", "never"):
        tok = word(doc, neg)
        assert tok.dep_ == "advmod" and "Polarity=Neg" in str(tok.morph)
    assert word(doc, "not").head.text == "answer"


def test_an_affirmative_clause_has_no_negation(nlp: Language) -> None:
    doc = nlp("He did answer quickly.")
    assert not any("Polarity=Neg" in str(t.morph) for t in doc)
    assert word(doc, "quickly").dep_ == "advmod"


def test_an_existential_subject_is_nsubj_and_a_predicate_noun_xcomp(nlp: Language) -> None:
    doc = nlp("There were many people at the rally. The plan was a failure.")
    assert word(doc, "people").dep_ == "nsubj"
    failure = word(doc, "failure")
    assert (failure.dep_, failure.head.text) == ("xcomp", "was")
    assert not any(t.dep_ == "attr" for t in doc)


def test_an_infinitives_to_is_its_mark(nlp: Language) -> None:
    doc = nlp("She decided to leave.")
    assert (word(doc, "to").dep_, word(doc, "to").head.text) == ("mark", "leave")


# -- the Doc's other annotations -----------------------------------------------------------------
def test_sentences_and_entities_are_kept(nlp: Language) -> None:
    text = "Prime Minister Ana Silva spoke in Lisbon on Monday.\n\nThe talks, according to aides, went well."
    pack = load_pack("en")
    bare = spacy.load(pack.model)
    bare.add_pipe("selon_segmenter", before="parser", config={"lang": "en"})
    doc = bare(text)
    sents = [s.start for s in doc.sents]
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    to_ud(doc)
    assert [s.start for s in doc.sents] == sents
    assert [(e.start, e.end, e.label_) for e in doc.ents] == ents
    assert_trees(doc)


def test_only_a_clearnlp_pack_gets_the_conversion() -> None:
    assert load_pack("fr").parser.labels == "ud" and load_pack("en").parser.labels == "clearnlp"
    names = load_pipeline("en").pipe_names
    assert names.index("selon_ud") == names.index("selon_statements") - 1
    assert names.index("selon_ud") > names.index("ner")


def test_a_french_pipeline_has_no_conversion() -> None:
    assert "selon_ud" not in load_pipeline("fr").pipe_names


def test_an_empty_doc_passes(nlp: Language) -> None:
    assert len(nlp("")) == 0


# -- the English dev corpus ----------------------------------------------------------------------
def test_every_sentence_of_the_english_dev_corpus_stays_a_tree(nlp: Language, shared_dir: Path) -> None:
    texts = [normalize_for_analysis(json.loads(f.read_text(encoding="utf-8"))["text"])[0]
             for f in sorted((shared_dir / "corpus" / "dev-en").glob("*.json"))]
    assert texts
    labels: set[str] = set()
    for doc in nlp.pipe(texts):
        assert_trees(doc)
        labels.update(t.dep_ for t in doc)
    clearnlp_only = {"nsubjpass", "dobj", "prep", "pobj", "pcomp", "agent", "auxpass", "relcl", "poss", "neg",
                     "attr", "acomp", "oprd", "npadvmod", "dative", "prt", "quantmod", "intj", "predet"}
    assert not labels & clearnlp_only
    assert {"obl", "nmod", "case", "flat:name", "obl:agent", "acl:relcl", "nsubj:pass"} <= labels



@pytest.fixture(scope="module")
def selon_en() -> Language:
    return load_pipeline("en")


def test_a_name_in_apposition_is_cut_from_an_entity_run_across_its_comma(selon_en: Language) -> None:
    # the project's English example: the model makes « Kilbrook, Helen Marsh » one entity in
    # « The mayor of Kilbrook, Helen Marsh, said … »; the speaker is Helen Marsh
    text = (Path(__file__).parent.parent / "examples" / "storm-en.txt").read_text(encoding="utf-8")
    doc = selon_en(text)
    assert not any(e.text.endswith("Helen Marsh") and "," in e.text for e in doc.ents)
    names = {s.speaker.name for s in doc._.selon_statements if s.speaker}
    assert "Helen Marsh" in names and not any("," in (n or "") for n in names), names


def test_an_entity_with_a_comma_but_no_apposed_name_is_kept_whole(selon_en: Language) -> None:
    doc = selon_en("Police said the storm hit on Saturday, December 15, 2018, and closed the port.")
    assert any(e.text.startswith("Saturday, December 15") for e in doc.ents), [e.text for e in doc.ents]
