"""The shape of the code, checked: the tree reads as the data flow, and a language is a pack.

- no import cycle between selon's modules (a module-level import graph, read with ``ast``);
- no class over 300 lines and no function over 120 lines;
- no French word in the string literals of ``extract/`` and ``pipeline/`` (docstrings aside):
  what French news writes lives in ``lang/fr/*.toml``. A French word is one of spaCy's French
  stop words or a word of the French pack, unless it is also an English stop word, or a word
  spelt with a letter English does not use; parser labels, names in the code (pack keys,
  extensions) and messages to the user (four words or more, in English) are not text.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY
from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS

from selon.lang.pack import load_pack

SRC = Path(__file__).resolve().parent.parent / "src" / "selon"
MAX_CLASS_LINES = 300
MAX_FUNCTION_LINES = 120
LANGUAGE_FREE = ("extract", "pipeline")
MESSAGE_WORDS = 4  # a literal of this many words or more is a message to the user, in English
# Identifiers of selon's own vocabulary (pack keys, outcome codes, qualifiers) that happen to be
# spelt like a French word; they are English names here, not French text.
ENGLISH_NAMES = frozenset({
    "article", "range", "date", "total", "minimum", "maximum", "note", "source", "type", "score", "forces",
    "figures", "relative", "subject", "demonstrative", "selon",  # selon: the project's name
})
# What a parser writes (dependency labels, parts of speech, morphology), not text.
PARSER_LABELS = frozenset(GLOSSARY) | {"Sing", "Plur", "Masc", "Fem", "Neut"}


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> Iterator[str]:
    """selon modules that ``name`` imports anywhere: at load, inside a function (a deferred
    import hides a cycle, it does not remove it) or for type checking."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # ``from package import module`` depends on that module; ``from module import name`` on the module
            submodules = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in modules]
            targets = submodules if len(submodules) == len(node.names) else [node.module, *submodules]
        else:
            continue
        for t in targets:
            if t in modules and t != name:
                yield t


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph[n]):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state and (found := visit(m)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_no_import_cycle() -> None:
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        graph[name] = set(_imports(name, path, modules))
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def _sizes() -> Iterator[tuple[str, str, int]]:
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                kind = "class" if isinstance(node, ast.ClassDef) else "function"
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                yield f"{path.relative_to(SRC)}:{node.lineno} {node.name}", kind, lines


def test_no_class_over_300_lines_and_no_function_over_120() -> None:
    limits = {"class": MAX_CLASS_LINES, "function": MAX_FUNCTION_LINES}
    over = [f"{where} ({kind}, {n} lines)" for where, kind, n in _sizes() if n > limits[kind]]
    assert not over, over


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def _french_vocabulary() -> frozenset[str]:
    words: set[str] = {w.lower() for w in STOP_WORDS}

    def collect(value: object) -> None:
        if isinstance(value, str):
            words.update(w.lower() for w in re.findall(r"[^\W\d_]+", value))
        elif isinstance(value, dict):
            for v in value.values():
                collect(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                collect(v)

    collect(dataclasses.asdict(load_pack("fr")))
    return frozenset(words - ENGLISH_NAMES - ENGLISH_STOP_WORDS)


def french_words(text: str, vocabulary: frozenset[str]) -> list[str]:
    """The words of ``text`` that are French: in the French vocabulary, or spelt with a letter
    English does not use."""
    if text.split(":")[0] in PARSER_LABELS:
        return []
    if re.fullmatch(r"[A-Za-z]+=[A-Za-z0-9]+(\|[A-Za-z]+=[A-Za-z0-9]+)*", text):
        return []  # morphological features (« VerbForm=Fin »)
    if all(part.isidentifier() for part in text.split(".")) and ("_" in text or "." in text):
        return []  # a name in the code (a pack key, an extension, an attribute)
    if text == load_pack("fr").code or len(text.split()) >= MESSAGE_WORDS:
        return []  # the language code; a message to the user (English prose)
    found = []
    for word in re.findall(r"[^\W\d_]+", text):
        low = word.lower()
        if low in vocabulary and len(low) > 1 or re.search(r"[à-ÿœæ]", low):
            found.append(word)
    return found


def test_the_french_word_finder_finds_french() -> None:
    vocabulary = _french_vocabulary()
    assert french_words("tandis qu", vocabulary) == ["tandis", "qu"]
    assert french_words("déclaré", vocabulary) == ["déclaré"]
    assert french_words("nsubj:pass", vocabulary) == []
    assert french_words("VerbForm=Fin", vocabulary) == []
    assert french_words("more_than", vocabulary) == []
    assert french_words(" et ", vocabulary) == ["et"]


@pytest.mark.parametrize("folder", LANGUAGE_FREE)
def test_no_french_word_in_the_string_literals_of(folder: str) -> None:
    vocabulary = _french_vocabulary()
    found = []
    for path in sorted((SRC / folder).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                words = french_words(node.value, vocabulary)
                if words:
                    found.append(f"{path.relative_to(SRC)}:{node.lineno} {node.value[:40]!r}: {words}")
    assert not found, "\n".join(found)
