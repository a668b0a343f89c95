"""Language packs: checked against their schema on load, read only through typed attributes,
and enough on their own to drive the components (a made-up language proves it)."""

from __future__ import annotations

import ast
import dataclasses
import tomllib
import typing
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from selon.errors import LanguagePackError, UnsupportedLanguageError
from selon.extract.figures import extract_figures
from selon.extract.figures.lexicon import _AFTER, _BEFORE
from selon.extract.quotes import find_quotes
from selon.extract.speakers import attribute_speakers
from selon.extract.statements import find_candidates, to_statements
from selon.lang.pack import LanguagePack, load_pack, pack_from_tables, supported_languages

SRC = Path(__file__).resolve().parent.parent / "src" / "selon"


def fr_tables() -> dict[str, Any]:
    """The French pack's TOML tables, merged as the loader merges them."""
    tables: dict[str, Any] = {}
    for f in resources.files("selon.lang").joinpath("fr").iterdir():
        if f.name.endswith(".toml"):
            tables.update(tomllib.loads(f.read_text(encoding="utf-8")))
    return tables


def test_every_supported_language_loads() -> None:
    for code in supported_languages():
        pack = load_pack(code)
        assert pack.code == code and pack.model


def test_an_unknown_language_is_refused_with_the_supported_ones() -> None:
    with pytest.raises(UnsupportedLanguageError, match=r"no language pack for 'xx'; supported: .*fr"):
        load_pack("xx")


def test_a_misspelt_key_fails_at_load_with_its_name() -> None:
    tables = fr_tables()
    tables["cues"]["sya"] = tables["cues"].pop("say")
    with pytest.raises(LanguagePackError, match=r"language pack fr\.cues: unknown key 'sya'"):
        pack_from_tables(tables, "language pack fr")


def test_a_missing_key_fails_at_load_with_its_name() -> None:
    tables = fr_tables()
    del tables["speakers"]["function_words"]["conjunction"]
    with pytest.raises(LanguagePackError, match=r"speakers\.function_words: missing key 'conjunction'"):
        pack_from_tables(tables)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("numbers", "max_digits"), "15", r"numbers\.max_digits must be an integer, not a string"),
        (("cues", "say"), "dire", r"cues\.say must be a list"),
        (("quotes", "pairs"), [["«", "»", "!"]], r"quotes\.pairs\[0\] must be a list of 2 items"),
        (("outcomes", "nouns"), {"killed": [3]}, r"outcomes\.nouns\.killed\[0\] must be a string"),
        (("parser", "labels"), "stanford", r"parser\.labels must be one of 'ud', 'clearnlp' \(not 'stanford'\)"),
    ],
)
def test_a_value_of_the_wrong_type_fails_at_load_with_its_path(path: tuple[str, str], value: Any, message: str) -> None:
    tables = fr_tables()
    tables[path[0]][path[1]] = value
    with pytest.raises(LanguagePackError, match=message):
        pack_from_tables(tables)


def _pack_reads(tree: ast.AST) -> set[tuple[str, str | None]]:
    """``(table, key)`` for each ``pack.table.key`` in the code (``key`` None for ``pack.table``),
    where ``pack`` is a name or an attribute called ``pack``."""
    def is_pack(node: ast.expr) -> bool:
        return isinstance(node, ast.Name) and node.id == "pack" or isinstance(node, ast.Attribute) and node.attr == "pack"

    tables = {id(n): n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and is_pack(n.value)}
    reads: set[tuple[str, str | None]] = {(table, None) for table in tables.values()}
    for n in ast.walk(tree):
        if isinstance(n, ast.Attribute) and id(n.value) in tables:
            reads.add((tables[id(n.value)], n.attr))
    return reads


def test_every_key_the_code_reads_exists_in_the_french_pack() -> None:
    """Reads written ``pack.table.key`` anywhere in selon, and the qualifier keys the figure
    lexicon reads by name, all name a field the French pack has."""
    fr = load_pack("fr")
    reads: set[tuple[str, str | None]] = set()
    for path in SRC.rglob("*.py"):
        reads |= _pack_reads(ast.parse(path.read_text(encoding="utf-8")))
    assert len(reads) > 20, reads  # the scan finds the reads
    missing = []
    for table, key in sorted(reads, key=str):
        if not hasattr(fr, table):
            missing.append(table)
        elif key and dataclasses.is_dataclass(getattr(fr, table)) and not hasattr(getattr(fr, table), key):
            missing.append(f"{table}.{key}")
    missing += [k for k in (*_BEFORE, *(key for _, key in _AFTER)) if not hasattr(fr.qualifiers, k)]
    assert not missing, missing


def test_the_read_finder_sees_a_misspelt_read() -> None:
    reads = _pack_reads(ast.parse("words = self.pack.cues.sya\nother = pack.numbres"))
    assert reads == {("cues", None), ("cues", "sya"), ("numbres", None)}


# -- a made-up language ----------------------------------------------------------------------------
def blank(tp: Any) -> Any:
    """An empty value of a schema type: every word list empty, every number zero, every switch
    off, every choice (a Literal) its first option."""
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return {f.name: blank(hints[f.name]) for f in dataclasses.fields(tp)}
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return typing.get_args(tp)[0]
    return {tuple: [], dict: {}}.get(origin, {str: "", int: 0, bool: False}.get(tp))


def made_up_pack() -> LanguagePack:
    """Zorbish, a language invented for this test: « sloz X, … » means « according to X, … »,
    « gnarks » are people and « fliptu » means they were killed."""
    tables = blank(LanguagePack)
    tables.update(code="zz", model="none", detect=["ZORBISH"])
    tables["quotes"]["pairs"] = [["<<", ">>"]]
    tables["according_to"]["phrases"] = ["sloz"]
    tables["numbers"].update(max_digits=15, decimal_mark=",", group_marks=["."])
    tables["numbers"]["fractions"]["decimals"] = 4
    tables["not_figures"].update(year_min=1000, year_max=2100)
    tables["outcomes"]["people"] = ["gnarks"]
    tables["outcomes"]["verbs"] = {"killed": ["fliptu"]}
    return pack_from_tables(tables, "language pack zz")


def zorbish_doc() -> Doc:
    """« Sloz Zorbat Kem, 300 gnarks fliptu. », parsed by hand."""
    words = ["Sloz", "Zorbat", "Kem", ",", "300", "gnarks", "fliptu", "."]
    return Doc(
        spacy.blank("xx").vocab,
        words=words,
        spaces=[True, True, False, True, True, True, False, False],
        pos=["ADP", "PROPN", "PROPN", "PUNCT", "NUM", "NOUN", "VERB", "PUNCT"],
        lemmas=["sloz", "Zorbat", "Kem", ",", "300", "gnark", "fliptu", "."],
        deps=["case", "obl:mod", "flat:name", "punct", "nummod", "nsubj", "ROOT", "punct"],
        heads=[1, 6, 1, 6, 5, 6, 6, 6],
        sent_starts=[True, False, False, False, False, False, False, False],
        ents=["O", "B-PER", "I-PER", "O", "O", "O", "O", "O"],
    )


def test_the_components_run_on_a_made_up_language_from_its_pack_alone() -> None:
    pack = made_up_pack()
    doc = zorbish_doc()
    cands = find_candidates(doc, pack, find_quotes(doc.text, pack.quotes.pairs))
    (statement,) = attribute_speakers(doc, pack, cands, to_statements(doc, cands))
    assert statement.kind == "according_to"
    assert statement.cue is not None and statement.cue.text == "Sloz"
    assert statement.content.text == "300 gnarks fliptu"
    assert statement.speaker is not None and statement.speaker.name == "Zorbat Kem"
    (figure,) = extract_figures(doc, pack, [statement])
    assert (figure.low, figure.high, figure.unit, figure.outcome) == (300, 300, "gnarks", "killed")
    assert figure.source == "Zorbat Kem" and figure.statement == statement.id


def test_without_its_words_the_made_up_language_gives_nothing() -> None:
    """The statement comes from the pack's « sloz », not from anything in the code."""
    pack = dataclasses.replace(made_up_pack(), according_to=dataclasses.replace(made_up_pack().according_to, phrases=()))
    doc = zorbish_doc()
    assert find_candidates(doc, pack, []) == []


def test_every_pack_names_the_same_unit_families() -> None:
    """Family names are codes shared by the packs (as outcomes are): an English and a French
    count of the same people can only meet on one compare row if their units' families agree."""
    families = {code: set(load_pack(code).units.families) for code in supported_languages()}
    first = families.pop("fr")
    assert first and all(names == first for names in families.values()), families


def test_english_and_french_people_fall_in_one_family() -> None:
    from selon.store.queries import unit_family

    assert unit_family("protesters", lang="en") == unit_family("manifestants", lang="fr") == "personnes"
    assert unit_family("people arrested", lang="en") == "personnes"
    assert unit_family("police officers", lang="en") == unit_family("policiers", lang="fr")
    assert unit_family("dollars", lang="en") != unit_family("euros", lang="fr")
