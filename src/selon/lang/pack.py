"""Language packs: everything selon knows about one language, as data.

A pack is a folder ``selon/lang/<code>/`` of TOML files merged into one table
(``pack.toml`` names the code and the spaCy model; other files hold one layer's data each). The components read it through
:class:`LanguagePack` and never name a language themselves, so adding a language means
adding a pack (and tests), not editing the components.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from selon.errors import UnsupportedLanguageError


def _fold(s: str) -> str:
    return s.replace("’", "'").lower()


@dataclass(frozen=True, eq=False)
class LanguagePack:
    """One language's data. Hashed by identity: ``load_pack`` returns one instance per code,
    so a pack can key caches of compiled patterns."""

    code: str
    model: str
    raw: dict[str, Any] = field(repr=False)

    # --- helpers -----------------------------------------------------------------------
    def section(self, name: str) -> dict[str, Any]:
        """A top-level table of the pack (empty when the pack has none)."""
        value = self.raw.get(name, {})
        if not isinstance(value, dict):
            raise TypeError(f"language pack {self.code}: [{name}] is not a table")
        return value

    def words(self, section: str, key: str) -> frozenset[str]:
        """A list of words from ``[section].key``, case-folded, apostrophes normalised."""
        return frozenset(_fold(w) for w in self.section(section).get(key, []))

    # --- statements ----------------------------------------------------------------------
    @property
    def quote_pairs(self) -> list[tuple[str, str]]:
        return [(p[0], p[1]) for p in self.section("quotes").get("pairs", [])]

    @property
    def cue_lemmas(self) -> frozenset[str]:
        cues = self.section("cues")
        out: set[str] = set()
        for key in ("say", "evaluate", "count", "write"):
            out.update(_fold(w) for w in cues.get(key, []))
        return frozenset(out)


@cache
def load_pack(code: str) -> LanguagePack:
    """Load the pack for ``code`` (e.g. ``"fr"``); raise if selon has none."""
    folder = resources.files("selon.lang").joinpath(code)
    if not isinstance(code, str) or not code.isalpha() or not folder.joinpath("pack.toml").is_file():
        raise UnsupportedLanguageError(
            f"no language pack for {code!r}; supported: {', '.join(supported_languages())}"
        )
    data: dict[str, Any] = {}
    for f in sorted(folder.iterdir(), key=lambda p: (p.name != "pack.toml", p.name)):
        if f.name.endswith(".toml"):
            for key, value in tomllib.loads(f.read_text(encoding="utf-8")).items():
                if key in data:
                    raise ValueError(f"language pack {code}: [{key}] is defined twice ({f.name})")
                data[key] = value
    return LanguagePack(code=code, model=data["model"], raw=data)


def supported_languages() -> list[str]:
    root = resources.files("selon.lang")
    return sorted(p.name for p in root.iterdir() if p.joinpath("pack.toml").is_file())
