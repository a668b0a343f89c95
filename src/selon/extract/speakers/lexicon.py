"""What the speaker rules read from a language pack, built once per pack.

The words come from the pack's ``[speakers]`` table (titles, pronouns, first names, roles,
institutions), its ``[speakers.function_words]`` sub-table (determiners, relative pronouns,
prepositions) and, for relayed speech and reports, from ``[cues]``. The rules never name a
word of a language themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from selon.lang.pack import LanguagePack, fold, folded


@lru_cache(maxsize=8192)
def _normalised(text: str, determiners: frozenset[str]) -> str:
    text = re.sub(r"'s\b", "'", fold(text))  # "Rodrigues's lawyer" is "Rodrigues' lawyer"
    text = re.sub(r"[^\w\s'-]", " ", text)
    return " ".join(w for w in text.replace("'", "' ").split() if w not in determiners)


@dataclass(frozen=True)
class SpeakerLexicon:
    """The pack's words for the speaker rules, folded as the rules compare them."""

    pronouns: dict[str, tuple[str, str, str]]  # surface form -> (gender, number, kind)
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
    description_marks: frozenset[str]
    closing_marks: frozenset[str]
    absolute_with: frozenset[str]
    personal_relatives: frozenset[str]
    commissioning: frozenset[str]  # lemmas: "a report commissioned by X" is not X's
    written_media: frozenset[str]  # lemmas: what a crowd writes its slogans on
    crowds: frozenset[str]  # lemmas: the crowds that write them
    singular: Callable[[str], str]  # the pack's crude singular
    head_last: bool  # a description's head noun is its last word ("the finance ministry official")
    noun_gender: bool  # nouns carry grammatical gender (« la ministre »)

    def head(self, words: list[str]) -> str:
        """The head noun of a description's words (normalised), by where the pack puts it: the
        first word, or the last one before a complement ("the police chief", "the head of the
        police")."""
        if not self.head_last:
            return words[0]
        cut = next((k for k, w in enumerate(words) if k and w in self.description_links), len(words))
        return words[cut - 1]

    def norm(self, text: str) -> str:
        """``text`` as names and roles are compared: folded, without punctuation or determiners."""
        return _normalised(text, self.determiners)


@cache
def speaker_lexicon(pack: LanguagePack) -> SpeakerLexicon:
    """The speaker lexicon of ``pack`` (one per pack: packs hash by identity)."""
    sp = pack.speakers
    fw = sp.function_words
    determiners = folded(fw.determiners)
    return SpeakerLexicon(
        pronouns={fold(k): v for k, v in sp.pronouns.items()},
        impersonal=folded(pack.speakers.impersonal),
        titles=frozenset(t.lower() for t in sp.titles),
        first_names={name: gender for gender, names in sp.first_names.items() for name in names},
        title_gender={k.lower(): v for k, v in sp.title_gender.items()},
        institutions=folded(pack.speakers.institutions),
        report_nouns=folded(pack.cues.report_nouns),
        speech_nouns=folded(pack.cues.speech_nouns),
        relay_verbs=folded(pack.cues.relay),
        equivalents=[{_normalised(x, determiners) for x in group} for group in sp.equivalent_roles],
        leaders=frozenset(_normalised(x, determiners) for x in sp.leaders),
        anaphoric=folded(sp.anaphoric_determiners),
        same_source=folded(pack.speakers.same_source),
        determiners=determiners,
        possessives=folded(fw.possessives),
        relatives=folded(fw.relatives),
        conjunction=fw.conjunction,
        partitive_pronouns=folded(fw.partitive_pronouns),
        description_links=folded(fw.description_links),
        after_speech_noun=folded(fw.after_speech_noun),
        agent=folded(fw.agent),
        complement_prepositions=folded(fw.complement_prepositions),
        complement_articles=folded(fw.complement_articles),
        complement_prepositions_before_article=folded(fw.complement_prepositions_before_article),
        description_marks=frozenset(fw.description_marks),
        closing_marks=frozenset(fw.closing_marks),
        absolute_with=folded(fw.absolute_with),
        personal_relatives=folded(fw.personal_relatives),
        commissioning=folded(sp.commissioning_verbs),
        written_media=folded(sp.written_media),
        crowds=folded(sp.crowds),
        singular=pack.singular,
        head_last=sp.description_head == "last",
        noun_gender=sp.noun_gender,
    )
