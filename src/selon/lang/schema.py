"""What a language pack holds: one frozen dataclass per TOML table, every key required.

``selon.lang.pack.load_pack`` builds these (and the :class:`~selon.lang.pack.LanguagePack`
that holds them) from ``lang/<code>/*.toml`` and refuses a pack with
a missing, unknown (misspelt) or mistyped key, naming it. The code reads the pack through these
attributes only, so mypy checks every key the code reads. What each word list is for is said
beside it in ``lang/fr/*.toml``. Word lists are kept as written; the readers fold them
(lower case, one apostrophe) with :func:`selon.lang.pack.fold`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Words = tuple[str, ...]
Counts = dict[str, int]


@dataclass(frozen=True)
class Tokenizer:
    infixes: Words
    prefixes: Words


@dataclass(frozen=True)
class Parser:
    # the dependency labels the model writes: "ud", or "clearnlp" (converted to UD by the
    # selon_ud component, selon.pipeline.ud)
    labels: Literal["ud", "clearnlp"]
    # whether a newline inside a sentence (after a word that ends none, before lower case, a
    # digit or a comma) is no sentence start (selon.extract.segment)
    stray_line_breaks: bool


@dataclass(frozen=True)
class Morphology:
    plural_endings: Words
    plural_min_length: int


@dataclass(frozen=True)
class Units:
    families: dict[str, Words]
    qualifying_words: Words
    qualifying_prefixes: Words


@dataclass(frozen=True)
class Quotes:
    pairs: tuple[tuple[str, str], ...]
    inner: Words
    closing: Words
    enclosing: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Cues:
    say: Words
    count: Words
    np_claim: Words
    speech_nouns: Words
    relay: Words
    infinitive: Words
    gerund: Words
    de_phrases: Words
    cue_prepositions: Words
    adverbs: Words
    complementizers: Words
    not_before_complementizer: Words
    quantity_adverbs: Words
    auxiliaries: Words
    present_forms: dict[str, str]
    slogans: Words
    shouted_passive: Words
    phrases: Words
    report_nouns: Words
    regular_lemma_ending: str
    regular_present_ending: str
    regular_endings: Words
    euphonic_t: str
    inverted_clitics: Words
    inverted_clitics_glued: Words
    subject_clitics: Words
    participle_clause_morph: dict[str, str]
    passive_claim: Words
    source_prepositions: Words
    appeal: Words
    appeal_complements: Words
    addressee_prepositions: Words
    agentless_count: Words
    as_reported: Words
    object_clitics: Words
    incise_object_clitics: Words
    infinitive_markers: Words
    purpose_markers: Words
    purpose: Words
    particle_cues: Words
    hearsay_passive: Words
    passive_as: Words
    claim_nouns: Words
    causative: Words


@dataclass(frozen=True)
class Mentions:
    preposition_of: str
    preposition_of_elided: Words
    preposition_of_contracted: Words
    definite_articles: Words
    adverbial_prepositions: Words
    participle_complements: Words
    agent_preposition: str
    coordinators: Words
    not_after_coordinator: Words
    apposition_stops: Words
    relatives: Words
    relative_subject: Words
    demonstrative_tails: Words
    demonstrative_particles: Words
    entity_labels: dict[str, str]


@dataclass(frozen=True)
class Contents:
    clause_breaks: Words
    relative_openers: Words
    dateline_capitals: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class AccordingTo:
    phrases: Words
    sentence_initial_only: Words
    not_sources: Words
    distributive: Words
    opinion_holders: Words
    pronouns: Words
    citing: Words
    cited_heads: Words


@dataclass(frozen=True)
class FunctionWords:
    determiners: Words
    possessives: Words
    relatives: Words
    conjunction: str
    partitive_pronouns: Words
    description_links: Words
    after_speech_noun: Words
    agent: Words
    complement_prepositions: Words
    complement_articles: Words
    complement_prepositions_before_article: Words
    description_marks: Words
    closing_marks: Words
    absolute_with: Words
    personal_relatives: Words


@dataclass(frozen=True)
class Speakers:
    same_source: Words
    impersonal: Words
    titles: Words
    title_gender: dict[str, str]
    equivalent_roles: tuple[Words, ...]
    leaders: Words
    anaphoric_determiners: Words
    skip_after_cue: Words
    institutions: Words
    mention_stops: Words
    description_head: Literal["first", "last"]
    noun_gender: bool
    commissioning_verbs: Words
    written_media: Words
    crowds: Words
    pronouns: dict[str, tuple[str, str, str]]
    first_names: dict[str, Words]
    function_words: FunctionWords


@dataclass(frozen=True)
class Vague:
    determiners: Words
    measure_nouns: Words
    measure_determiners: Words
    measure_low: int
    bare_plurals: Words


@dataclass(frozen=True)
class Fractions:
    denominators: Counts
    one: Words
    articles: Words
    decimals: int
    bare: Words


@dataclass(frozen=True)
class Numbers:
    group_marks: Words
    decimal_mark: str
    max_digits: int
    unit_marks: Words
    words: Words
    and_word: str
    and_followers: Words
    indefinite: Words
    only_words: Words
    partitive: Words
    fraction_of: Words
    multipliers: Counts
    approximate: Counts
    vague_plurals: Counts
    vague_highs: Counts
    vague: Vague
    fractions: Fractions


@dataclass(frozen=True)
class Qualifiers:
    about: Words
    more_than: Words
    at_least: Words
    less_than: Words
    at_most: Words
    after_at_least: Words
    after_about: Words
    after_at_most: Words
    range_words: Words
    or_words: Words
    and_words: Words
    list_words: Words
    subset_words: Words
    between: Words
    change_verbs: Words
    change_from: Words


@dataclass(frozen=True)
class Counted:
    symbols: Words
    percent: Words
    prefix_symbols: Words
    multiword: Words
    skip_adjectives: Words


@dataclass(frozen=True)
class NotFigures:
    time_units: Words
    months: Words
    weekdays: Words
    address_nouns: Words
    identifier_nouns: Words
    medium_nouns: Words
    adverbial_nouns: Words
    work_nouns: Words
    year_min: int
    year_max: int
    score_cues: Words
    signs: Words
    idioms: Words
    link_markers: Words
    count_sources: Words
    day_articles: Words


@dataclass(frozen=True)
class Outcomes:
    modals: Words
    people: Words
    forces: Words
    people_verbs: Words
    people_outcomes: Words
    count_nouns: Words
    nouns: dict[str, Words]
    verbs: dict[str, Words]
    phrases: dict[str, Words]


@dataclass(frozen=True)
class Places:
    entity_labels: Words
    gazetteer_labels: Words
    nouns: Words
    parts: Words
    within_city: Words
    links: Words
    determiners: Words
    clause_openers: Words
    not_places: Words
    agencies: Words
    gazetteer_languages: Words
    opening_chars: int
    region_nouns: Words
    region_names_in: str
    regions: dict[str, Words]


@dataclass(frozen=True)
class Periods:
    dateparser_languages: Words
    since: Words
    range_from: Words
    range_to: Words
    between: Words
    between_and: Words
    mid: Words
    early: Words
    late: Words
    parts_of_day: Words
    relative_days: Words
    this_week: Words
    last_week: Words
    in_year: Words
    month_of: Words
    first_day: Words
    day_suffixes: Words
    future_before: Words
    future_after: Words
    weekdays: Words
    determiners: Words
    months: Counts
    relative_months: Counts
    relative_years: Counts


@dataclass(frozen=True)
class Names:
    acronym_skip: Words
    determiners: Words
