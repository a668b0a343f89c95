"""Language packs: everything selon knows about one language, as data.

A pack is a TOML file ``selon/lang/<code>.toml``. The components read it through
:class:`LanguagePack` and never name a language themselves, so adding a language means
adding a pack (and tests), not editing the components.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import UnsupportedLanguageError


def _fold(s: str) -> str:
    return s.replace("’", "'").lower()


@dataclass(frozen=True)
class LanguagePack:
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


@lru_cache(maxsize=None)
def load_pack(code: str) -> LanguagePack:
    """Load the pack for ``code`` (e.g. ``"fr"``); raise if selon has none."""
    try:
        raw = resources.files("selon.lang").joinpath(f"{code}.toml").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        raise UnsupportedLanguageError(
            f"no language pack for {code!r}; supported: {', '.join(supported_languages())}"
        ) from None
    data = tomllib.loads(raw)
    return LanguagePack(code=code, model=data["model"], raw=data)


def supported_languages() -> list[str]:
    return sorted(
        p.name.removesuffix(".toml")
        for p in resources.files("selon.lang").iterdir()
        if p.name.endswith(".toml")
    )
