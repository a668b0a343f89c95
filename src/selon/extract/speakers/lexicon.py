"""What the speaker rules read from a language pack, built once per pack.

The words come from the pack's ``[speakers]`` table (titles, pronouns, first names, roles,
institutions), its ``[speakers.function_words]`` sub-table (determiners, relative pronouns,
prepositions) and, for relayed speech and reports, from ``[cues]``. The rules never name a
word of a language themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from selon.lang.pack import LanguagePack, _fold


@lru_cache(maxsize=8192)
def _normalised(text: str, determiners: frozenset[str]) -> str:
    text = _fold(text)
    text = re.sub(r"[^\w\s'-]", " ", text)
    return " ".join(w for w in text.replace("'", "' ").split() if w not in determiners)


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(_fold(w) for w in words)


@dataclass(frozen=True)
class SpeakerLexicon:
    """The pack's words for the speaker rules, folded as the rules compare them."""

    pronouns: dict[str, list[str]]  # surface form -> [gender, number, kind]
    impersonal: frozenset[str]
    titles: frozenset[str]
    first_names: dict[str, str]  # given name -> gender
    title_gender: dict[str, str]
    institutions: frozenset[str]
    report_nouns: frozenset[str]
    speech_nouns: frozenset[str]
    relay_verbs: frozenset[str]
    equivalents: list[set[str]]
    leaders: frozenset[str]
    anaphoric: frozenset[str]
    same_source: frozenset[str]
    # function words ([speakers.function_words])
    determiners: frozenset[str]
    possessives: frozenset[str]
    relatives: frozenset[str]
    conjunction: str
    partitive_pronouns: frozenset[str]
    description_links: frozenset[str]
    after_speech_noun: frozenset[str]
    agent: frozenset[str]
    complement_prepositions: frozenset[str]
    complement_articles: frozenset[str]
    complement_prepositions_before_article: frozenset[str]

    def norm(self, text: str) -> str:
        """``text`` as names and roles are compared: folded, without punctuation or determiners."""
        return _normalised(text, self.determiners)


@cache
def speaker_lexicon(pack: LanguagePack) -> SpeakerLexicon:
    """The speaker lexicon of ``pack`` (one per pack: packs hash by identity)."""
    sp = pack.section("speakers")
    fw = sp.get("function_words", {})
    determiners = _folded(fw.get("determiners", []))
    return SpeakerLexicon(
        pronouns={_fold(k): v for k, v in sp.get("pronouns", {}).items()},
        impersonal=pack.words("speakers", "impersonal"),
        titles=frozenset(t.lower() for t in sp.get("titles", [])),
        first_names={name: gender for gender, names in sp.get("first_names", {}).items() for name in names},
        title_gender={k.lower(): v for k, v in sp.get("title_gender", {}).items()},
        institutions=pack.words("speakers", "institutions"),
        report_nouns=pack.words("cues", "report_nouns"),
        speech_nouns=pack.words("cues", "speech_nouns"),
        relay_verbs=pack.words("cues", "relay"),
        equivalents=[{_normalised(x, determiners) for x in group} for group in sp.get("equivalent_roles", [])],
        leaders=frozenset(_normalised(x, determiners) for x in sp.get("leaders", [])),
        anaphoric=_folded(sp.get("anaphoric_determiners", [])),
        same_source=pack.words("speakers", "same_source"),
        determiners=determiners,
        possessives=_folded(fw.get("possessives", [])),
        relatives=_folded(fw.get("relatives", [])),
        conjunction=fw.get("conjunction", ""),
        partitive_pronouns=_folded(fw.get("partitive_pronouns", [])),
        description_links=_folded(fw.get("description_links", [])),
        after_speech_noun=_folded(fw.get("after_speech_noun", [])),
        agent=_folded(fw.get("agent", [])),
        complement_prepositions=_folded(fw.get("complement_prepositions", [])),
        complement_articles=_folded(fw.get("complement_articles", [])),
        complement_prepositions_before_article=_folded(fw.get("complement_prepositions_before_article", [])),
    )
