"""Shared fixtures for the statement tests: frozen Docs (see ``tests/make_docs.py``) and the
location of the project's shared gold corpus and scorer."""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
import spacy
from spacy.tokens import Doc

from selon.extract.quotes import find_quotes
from selon.extract.speakers import attribute_speakers
from selon.extract.statements import find_candidates, to_statements
from selon.lang.pack import LanguagePack, load_pack
from selon.models import Statement

TESTS = Path(__file__).parent
FROZEN = TESTS / "docs"
SHARED = TESTS.parent.parent / "shared"


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (gold corpus, scorer): skipped where absent, a failure under ``CI=true``."""
    if not (SHARED / "corpus").is_dir() or not (SHARED / "eval" / "score.py").is_file():
        reason = f"the shared gold corpus and scorer are not here ({SHARED})"
        if on_ci():
            pytest.fail(f"{reason}; under CI=true the quality gate must run")
        pytest.skip(reason)
    return SHARED


@pytest.fixture(scope="session")
def reference_scorer(shared_dir: Path) -> ModuleType:
    """The project's reference scorer, ``../shared/eval/score.py``, loaded as a module."""
    path = shared_dir / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("selon_shared_score", path)
    assert spec is not None and spec.loader is not None, f"cannot load the scorer {path}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def fr_pack() -> LanguagePack:
    return load_pack("fr")


@pytest.fixture(scope="session")
def en_pack() -> LanguagePack:
    return load_pack("en")


@pytest.fixture(scope="session")
def frozen_doc() -> Callable[[str], Doc]:
    """``frozen_doc(name)``: the Doc frozen in ``tests/docs/<name>.json``, rebuilt on a blank
    French vocab (no model)."""
    vocabs = {"fr": spacy.blank("fr").vocab}

    def build(name: str) -> Doc:
        data = json.loads((FROZEN / f"{name}.json").read_text(encoding="utf-8"))
        lang = data.get("lang", "fr")  # English cases say so (tests/make_docs.py EN_CASES)
        if lang not in vocabs:
            vocabs[lang] = spacy.blank(lang).vocab
        doc = Doc(
            vocabs[lang],
            words=data["words"],
            spaces=data["spaces"],
            pos=data["pos"],
            tags=data["tag"],
            morphs=data["morph"],
            lemmas=data["lemma"],
            deps=data["dep"],
            heads=data["head"],
            sent_starts=data["sent_starts"],
            ents=data["ents"],
        )
        assert doc.text == data["text"], f"{name}.json does not rebuild its text"
        return doc

    return build


@pytest.fixture(scope="session")
def statements_of(frozen_doc, fr_pack) -> Callable[[str], list[Statement]]:
    """``statements_of(name)``: the statement rules, then the speaker rules, run directly on a
    frozen Doc."""

    def run(name: str) -> list[Statement]:
        doc = frozen_doc(name)
        cands = find_candidates(doc, fr_pack, find_quotes(doc.text, fr_pack.quotes.pairs))
        return attribute_speakers(doc, fr_pack, cands, to_statements(doc, cands))

    return run


@pytest.fixture(scope="session")
def en_statements_of(frozen_doc, en_pack) -> Callable[[str], list[Statement]]:
    """``en_statements_of(name)``: :func:`statements_of` for an English frozen Doc, with the
    English pack."""

    def run(name: str) -> list[Statement]:
        doc = frozen_doc(name)
        cands = find_candidates(doc, en_pack, find_quotes(doc.text, en_pack.quotes.pairs, en_pack.parser.stray_line_breaks))
        return attribute_speakers(doc, en_pack, cands, to_statements(doc, cands))

    return run


@pytest.fixture(scope="module")
def cli_analyzer():
    """The French pipeline, loaded once for a module; every batch the command line runs in
    that module uses it (instead of loading its own), and the pipeline of another language
    (English) is loaded once too, when a batch of the module first meets an article in it."""
    from selon.pipeline import batch
    from selon.pipeline.analyzer import Analyzer

    shared = {"fr": Analyzer("fr")}

    def make(lang: str, batch_size: int) -> Analyzer:
        if lang not in shared:
            shared[lang] = Analyzer(lang)
        return shared[lang]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(batch, "make_analyzer", make)
        yield shared["fr"]
