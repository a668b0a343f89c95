"""Who is speaking (``selon.extract.speakers.attribute_speakers`` after the statement rules),
on frozen Docs (see ``tests/make_docs.py``): names, roles, titles, pronouns, descriptions, acronyms,
relayed speech, interviews and joint speakers. The last part calls the named speaker rules
one by one on the same frozen Docs, each with a case where the rule must not fire."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from selon.extract.candidates import Cand
from selon.extract.speakers.descriptions import (
    describe,
    description_after,
    description_before,
    equivalent_groups,
    first_name_gender,
    gender_near,
    match_description,
    role_text,
    strip_title,
    title_gender,
)
from selon.extract.speakers.entities import Discourse
from selon.extract.speakers.lexicon import speaker_lexicon
from selon.extract.speakers.pronouns import demonstrative_referent, personal_referent, pronoun_features
from selon.extract.speakers.resolve import (
    can_speak,
    last_person_of_gender,
    office_of,
    relay_via,
    speaker_of_governing_cue,
    subject_in_sentence_before,
)
from selon.extract.speakers.seeding import apposed_before_verb, relayed_source, seed
from selon.models import Statement


def by_content(stmts: list[Statement], words: str) -> Statement:
    found = [s for s in stmts if words in s.content.text]
    assert len(found) == 1, [(s.kind, s.content.text) for s in stmts]
    return found[0]


def name(s: Statement) -> str | None:
    return s.speaker.name if s.speaker else None


# -- appositions and titles ---------------------------------------------------------------------
def test_role_then_name_in_apposition(statements_of) -> None:
    s = by_content(statements_of("appos_before"), "l'enquête avançait")
    assert name(s) == "Jean Dupont"
    assert s.speaker is not None and s.speaker.role is not None
    assert "porte-parole de la gendarmerie" in s.speaker.role


def test_name_then_role_in_apposition(statements_of) -> None:
    s = by_content(statements_of("appos_after"), "le budget serait voté en mars")
    assert name(s) == "Jean Dupont"
    assert s.speaker is not None
    assert s.speaker.role == "maire de Lyon"
    assert s.speaker.text is not None and s.speaker.text.startswith("Jean Dupont")


def test_role_then_name_with_commas_gives_the_name_and_role(statements_of) -> None:
    s = by_content(statements_of("follow_on"), "piscine municipale")
    assert name(s) == "Paul Girard"
    assert s.speaker is not None and s.speaker.role == "maire"


def test_title_m_resolves_to_the_full_name(statements_of) -> None:
    s = by_content(statements_of("title_m"), "le stade serait rénové")
    assert s.speaker is not None and s.speaker.text == "M. Bernard"
    assert name(s) == "Michel Bernard"


def test_title_mme_resolves_to_the_full_name(statements_of) -> None:
    s = by_content(statements_of("title_mme"), "les clients étaient revenus")
    assert s.speaker is not None and s.speaker.text == "Mme Lefèvre"
    assert name(s) == "Anne Lefèvre"


# -- pronouns and descriptions ------------------------------------------------------------------
def test_elle_goes_back_to_the_woman_not_the_last_speaker(statements_of) -> None:
    stmts = statements_of("gender_elle_roles")
    assert [name(s) for s in stmts[:2]] == ["Nathalie Roux", "Pierre Lambert"]
    s = by_content(stmts, "l'enquête serait longue")
    assert s.speaker is not None and s.speaker.text == "Elle"
    assert name(s) == "Nathalie Roux"  # the most recent speaker is the man


def test_il_goes_back_to_the_man_not_the_last_speaker(statements_of) -> None:
    stmts = statements_of("gender_il_roles")
    s = by_content(stmts, "Nous irons jusqu'au bout")
    assert s.cue is not None and s.cue.text == "a-t-il prévenu"
    assert name(s) == "Pierre Lambert"  # the most recent speaker is the woman


def test_elle_by_first_name_gender(statements_of) -> None:
    s = by_content(statements_of("gender_elle"), "l'enquête serait longue")
    assert name(s) == "Nathalie Roux"


def test_il_by_first_name_gender(statements_of) -> None:
    s = by_content(statements_of("gender_il"), "Nous irons jusqu'au bout")
    assert name(s) == "Pierre Lambert"


def test_ce_dernier_goes_back_to_the_last_named_person(statements_of) -> None:
    s = by_content(statements_of("ce_dernier"), "il n'était pas sur place")
    assert s.speaker is not None and s.speaker.text == "Ce dernier"
    assert name(s) == "Marc Petit"  # not « La juge », the sentence's subject


def test_description_names_the_person_introduced_earlier(statements_of) -> None:
    s = by_content(statements_of("description"), "les délais seraient tenus")
    assert s.speaker is not None and s.speaker.text == "Le préfet"
    assert name(s) == "Laurent Morel"


def test_pronoun_in_an_inverted_cue(statements_of) -> None:
    s = by_content(statements_of("inv_pronoun"), "bénévoles")
    assert name(s) == "Claire Dubois"


# -- organisations ---------------------------------------------------------------------------------
def test_acronym_alone_is_the_organisation_named_before(statements_of) -> None:
    stmts = statements_of("acronym")
    assert len(stmts) == 1  # « a publié un rapport » is narration
    s = stmts[0]
    assert s.kind == "according_to" and s.content.text == "40 % des cas seraient évitables"
    assert s.speaker is not None and s.speaker.text == "l'OMS"
    assert name(s) in ("OMS", "Organisation mondiale de la santé")


def test_an_unnamed_organisation_keeps_its_description(statements_of) -> None:
    s = by_content(statements_of("count_denombrer"), "5.000 personnes")
    assert name(s) == "ministère de l'Intérieur"


# -- relayed speech, interviews, joint speakers ----------------------------------------------------
def test_relayed_speech_has_the_relaying_speaker_as_via(statements_of) -> None:
    s = by_content(statements_of("relay"), "l'école rouvrirait en septembre")
    assert name(s) == "Paul Durand"
    assert s.via == "Marc Vasseur"


def test_interview_outlet_is_neither_speaker_nor_via(statements_of) -> None:
    s = by_content(statements_of("afp"), "La situation est sous contrôle")
    assert s.kind == "direct"
    assert s.cue is not None and s.cue.text == "a déclaré"
    assert name(s) == "Éric Blanc"
    assert s.speaker is not None and s.speaker.role == "directeur de l'hôpital"
    assert s.via is None
    assert "AFP" not in (s.speaker.text or "")


def test_joint_speaker_names_both(statements_of) -> None:
    s = by_content(statements_of("joint"), "l'accord serait signé")
    n = name(s) or ""
    assert "Hélène Roche" in n and "Bruno Carré" in n
    assert s.speaker is not None and s.speaker.text == "Hélène Roche et Bruno Carré"


def test_title_and_name_joined_by_a_no_break_space_name_the_person(statements_of) -> None:
    s = by_content(statements_of("title_nbsp"), "Les salaires doivent suivre")
    assert s.speaker is not None and s.speaker.text == "M.\u00a0Fontaine"
    assert name(s) == "Marc Fontaine"


def test_a_line_break_still_ends_an_inverted_subject(statements_of) -> None:
    s = by_content(statements_of("name_line_break"), "Nous fermerons le site")
    assert s.speaker is not None and s.speaker.text == "Marc Fontaine"
    assert name(s) == "Marc Fontaine"


def test_a_family_name_is_the_single_person_not_a_joint_mention(statements_of) -> None:
    s = by_content(statements_of("joint_not_single"), "Nous ne lâcherons rien")
    assert name(s) == "Marc Fontaine"


def test_a_pronoun_follows_the_main_subject_not_a_relative_clause(statements_of) -> None:
    stmts = statements_of("relative_not_topic")
    assert name(by_content(stmts, "C'est précipité")) == "Paul Girard"
    relative = [s for s in stmts if "candidature" in s.content.text]
    assert all(name(s) == "Marc Vasseur" for s in relative)  # « qui » is still its antecedent


def test_a_pronoun_skips_a_subject_inside_the_quotation(statements_of) -> None:
    s = by_content(statements_of("quoted_subject_not_topic"), "nous a menti")
    assert name(s) == "Paul Girard"


def test_a_pronoun_follows_a_subject_of_the_narration(statements_of) -> None:
    s = by_content(statements_of("narrated_subject_topic"), "Le chantier reprendra")
    assert name(s) == "Marc Vasseur"


def test_an_adverbial_ends_a_role_the_ner_took_for_a_name(statements_of) -> None:
    s = by_content(statements_of("role_misc_entity"), "La taxe sera suspendue")
    assert s.speaker is not None and s.speaker.text == "le Premier ministre"


def test_a_stop_word_inside_an_organisation_name_stays(statements_of) -> None:
    s = by_content(statements_of("org_with_stop_word"), "Les camps débordent")
    assert name(s) == "Médecins sans frontières"


def test_counted_passive_agent_is_the_speaker_not_the_subject(statements_of) -> None:
    s = by_content(statements_of("passive_agent"), "12.000")
    assert name(s) == "préfecture"


# -- the named rules, one by one ------------------------------------------------------------------
@pytest.fixture(scope="module")
def discourse(frozen_doc, fr_pack) -> Callable[[str], Discourse]:
    """``discourse(name)``: the frozen Doc ``name`` with its discourse seeded (names, roles,
    subjects, relays), before any speaker is resolved."""
    lex = speaker_lexicon(fr_pack)

    def build(name: str) -> Discourse:
        d = Discourse(frozen_doc(name), lex)
        seed(d)
        return d

    return build


def test_gender_from_a_first_name(discourse) -> None:
    d = discourse("gender_elle")
    roux, lambert = d.ents
    assert (roux.text, first_name_gender(d, roux)) == ("Nathalie Roux", "Fem")
    assert (lambert.text, first_name_gender(d, lambert)) == ("Pierre Lambert", "Masc")


def test_no_gender_from_a_surname_or_an_organisation(discourse) -> None:
    d = discourse("title_mme")
    titled = d.ents[1]
    assert titled.text == "Mme Lefèvre"
    assert first_name_gender(d, titled) is None  # the title is skipped; « Lefèvre » is no first name
    d = discourse("acronym")
    assert d.ents[0].label_ == "ORG" and first_name_gender(d, d.ents[0]) is None


def test_gender_from_a_title(discourse) -> None:
    d = discourse("title_mme")
    untitled, titled = d.ents
    assert title_gender(d, titled) == "Fem"
    assert title_gender(d, untitled) is None  # « Anne Lefèvre »: no title …
    assert gender_near(d, untitled) == "Fem"  # … but a first name


def test_strip_title_keeps_the_name_and_the_title(discourse) -> None:
    d = discourse("title_mme")
    untitled, titled = d.ents
    assert strip_title(d, titled) == ("Lefèvre", "mme")
    assert strip_title(d, untitled) == ("Anne Lefèvre", None)


def test_role_in_apposition_after_a_name(discourse) -> None:
    d = discourse("appos_after")
    name = d.ents[0]
    assert role_text(d, description_after(d, name.end)) == "maire de Lyon"
    assert description_before(d, name.start) == []  # the sentence starts with the name


def test_pronoun_features_come_from_the_pack(fr_pack) -> None:
    lex = speaker_lexicon(fr_pack)
    assert pronoun_features(lex, "elle") == ("Fem", "Sing", "subject")
    assert pronoun_features(lex, "ce dernier") == ("Masc", "Sing", "demonstrative")
    assert pronoun_features(lex, "qui")[2] == "relative"
    assert pronoun_features(lex, "xyz") == (None, None, "subject")  # unknown: agrees with anyone


def test_a_personal_pronoun_goes_to_the_latest_subject_that_agrees(discourse) -> None:
    d = discourse("gender_elle")
    elle = d.doc[23:24]
    assert elle.text == "Elle"
    found = personal_referent(d, elle, "Fem", "Sing")
    assert found is not None and found.name == "Nathalie Roux"  # not Pierre Lambert, named last
    found = personal_referent(d, elle, "Masc", "Sing")
    assert found is not None and found.name == "Pierre Lambert"
    found = personal_referent(d, elle, None, None)
    assert found is not None and found.name == "Pierre Lambert"  # no gender: the latest


def test_a_personal_pronoun_without_an_agreeing_antecedent_has_none(discourse) -> None:
    d = discourse("gender_elle")
    assert personal_referent(d, d.doc[23:24], "Fem", "Plur") is None  # « elles »: nobody
    assert personal_referent(d, d.doc[0:1], "Fem", "Sing") is None  # nobody named before


def test_a_demonstrative_goes_to_the_last_named_not_the_subject(discourse) -> None:
    d = discourse("ce_dernier")
    ce_dernier = d.doc[11:13]
    assert ce_dernier.text == "Ce dernier"
    found = demonstrative_referent(d, ce_dernier, "Masc", "Sing")
    assert found is not None and found.name == "Marc Petit"
    # « cette dernière »: « La juge » is a description, not a named entity
    assert demonstrative_referent(d, ce_dernier, "Fem", "Sing") is None


def test_a_description_matches_the_person_named_with_that_role(discourse) -> None:
    d = discourse("description")
    le_prefet = d.doc[14:16]
    assert le_prefet.text == "Le préfet"
    found = match_description(d, le_prefet.text, le_prefet.start_char, "Masc")
    assert found is not None and found.name == "Laurent Morel"


def test_a_description_matches_nobody_without_that_role_or_before_the_name(discourse) -> None:
    d = discourse("description")
    pos = d.doc[14].idx
    assert match_description(d, "le maire", pos, "Masc") is None
    assert match_description(d, "Le préfet", 0, "Masc") is None  # nobody named yet


def test_two_leaders_of_the_same_body_are_the_same_person(discourse) -> None:
    d = discourse("narration")
    e = d.register("Jeanne Martin", "PER", gender="Fem", role="directrice générale de la gendarmerie nationale")
    d.add(0, e, True)
    end = len(d.doc.text)
    assert match_description(d, "la patronne de la gendarmerie", end, "Fem") is e
    assert match_description(d, "la patronne de la police", end, "Fem") is None


def test_a_relay_verb_with_a_speech_noun_makes_the_source_relayed(discourse) -> None:
    d = discourse("relay")
    source = relayed_source(d, d.doc[10], d.doc[12])  # « a rappelé les déclarations du maire, Paul Durand »
    assert source is not None and source.text == "Paul"
    durand, vasseur = d.find("Paul Durand"), d.find("Marc Vasseur")
    assert durand is not None and durand.relayed_by == "Marc Vasseur"
    assert vasseur is not None and vasseur.relayed_by is None  # the relayer speaks for himself


def test_relay_via_only_for_the_relayed_source_within_the_relay(discourse) -> None:
    d = discourse("relay")
    durand, vasseur = d.find("Paul Durand"), d.find("Marc Vasseur")
    assert durand is not None and vasseur is not None
    second = d.doc[19].idx  # « Celui-ci a annoncé que … »
    assert relay_via(d, durand, Cand("direct", second, second + 10)) == "Marc Vasseur"
    assert relay_via(d, durand, Cand("direct", durand.relay_until + 1, durand.relay_until + 10)) is None
    assert relay_via(d, vasseur, Cand("direct", second, second + 10)) is None
    assert relay_via(d, None, Cand("direct", second, second + 10)) is None


def test_a_mention_naming_two_persons_is_a_joint_speaker(discourse) -> None:
    d = discourse("joint")
    both = describe(d, d.doc[0:5])
    assert (both.name, both.kind) == ("Hélène Roche et Bruno Carré", "PER")
    one = describe(d, d.doc[0:2])
    assert (one.name, one.kind) == ("Hélène Roche", "PER")


def test_a_name_after_a_preposition_has_no_description_before_it(discourse) -> None:
    d = discourse("name_in_complement")
    claire = next(t.i for t in d.doc if t.text == "Claire")
    marc = next(t.i for t in d.doc if t.text == "Marc")
    assert [t.text for t in description_before(d, claire)] == ["La", "directrice"]
    assert description_before(d, marc) == []  # « la méthode de Marc Vasseur »: no role, no gender
    vasseur = d.find("Marc Vasseur")
    assert vasseur is not None and not vasseur.roles and vasseur.gender != "Fem"


def test_a_qualified_role_names_the_holder_of_its_equivalent(statements_of) -> None:
    s = by_content(statements_of("equivalent_role_qualified"), "Nous tiendrons bon")
    assert name(s) == "Jean Dupont"  # « le chef du gouvernement fédéral » = « le Premier ministre »


def test_equivalent_groups_take_qualifying_words_after_the_role_only(fr_pack) -> None:
    lex = speaker_lexicon(fr_pack)
    assert equivalent_groups(lex, lex.norm("chef du gouvernement fédéral"))
    assert equivalent_groups(lex, lex.norm("Premier ministre"))
    assert not equivalent_groups(lex, lex.norm("chef du gouvernementat"))
    assert not equivalent_groups(lex, lex.norm("ancien chef du gouvernement"))


def test_a_short_description_skips_back_over_sources_that_are_no_person(discourse) -> None:
    d = discourse("equivalent_role_qualified")
    end = len(d.doc.text)
    girard = d.find("Paul Girard")
    assert last_person_of_gender(d, end, "Masc") is girard
    d.add(end - 5, d.register("chaque patient", "DESC", gender="Masc", number="Sing"), True)
    assert last_person_of_gender(d, end, "Masc") is girard  # a description is nobody's name
    assert last_person_of_gender(d, end, "Fem") is None


def test_two_offices_name_two_people(statements_of) -> None:
    stmts = statements_of("two_offices")
    assert name(by_content(stmts, "L'ordre doit régner")) == "Emmanuel Dupré"  # « le chef de l'État »
    # « le Premier ministre » is not the person just known as « le chef de l'État »
    assert name(by_content(stmts, "Les casseurs seront punis")) == "Marc Vasseur"


def test_a_participle_after_a_comma_speaks_for_its_clause_not_the_noun_before(statements_of) -> None:
    s = by_content(statements_of("participle_after_object"), "Nous tiendrons les délais")
    assert name(s) == "Paul Girard"
    assert s.speaker is not None and s.speaker.text != "grues"


def test_an_absolute_participle_keeps_its_own_subject(statements_of) -> None:
    s = by_content(statements_of("absolute_participle"), "les routes resteraient ouvertes")
    assert name(s) == "Paul Girard"
    assert s.speaker is not None and s.speaker.text == "le préfet Paul Girard"


def test_a_participle_governed_by_a_noun_goes_up_to_the_verb_s_subject(discourse) -> None:
    d = discourse("participle_after_object")
    chantier = next(t for t in d.doc if t.text == "chantier" and t.i > 20)  # « une photo du chantier »
    e = speaker_of_governing_cue(d, 0, chantier, [None], {})
    assert e is not None and e.name == "Paul Girard"
    verb = next(t for t in d.doc if t.text == "ajoutant")  # a verb with no subject: no climbing
    assert speaker_of_governing_cue(d, 0, verb, [None], {}) is None


def test_a_detached_participle_is_no_part_of_the_subject(statements_of) -> None:
    s = by_content(statements_of("detached_participle_subject"), "la route restait fermée")
    assert s.speaker is not None and s.speaker.text == "Un porte-parole de la mairie"
    assert name(s) == "porte-parole de la mairie"  # not the agency that quotes him


def test_an_absolute_phrase_before_the_subject_is_no_part_of_it(statements_of) -> None:
    s = by_content(statements_of("absolute_phrase_subject"), "il quittait la vie politique")
    assert s.speaker is not None and s.speaker.text == "le sénateur"
    assert name(s) == "Marc Vasseur"


def test_a_pronoun_prefers_a_person_of_its_gender_to_a_source_of_unknown_gender(statements_of) -> None:
    s = by_content(statements_of("pronoun_person_not_subject"), "Les plages resteront fermées")
    assert name(s) == "Paul Girard"  # not « sources concordantes », a subject of unknown gender


def test_a_pronoun_takes_no_person_of_the_other_gender(discourse) -> None:
    d = discourse("pronoun_person_not_subject")
    il = d.doc[-3:-1]  # « -il précisé »: the span only gives the position
    girard = d.find("Paul Girard")
    assert personal_referent(d, il, "Masc", "Sing") is girard
    assert personal_referent(d, il, "Fem", "Sing") is not girard


def test_a_name_whose_apposition_ends_before_its_verb_is_a_subject(statements_of) -> None:
    s = by_content(statements_of("apposed_subject_surface"), "Nous irons jusqu'au bout")
    assert name(s) == "Marie Vasseur"


def test_apposed_before_verb_needs_the_verb_after_the_apposition(discourse) -> None:
    d = discourse("apposed_subject_surface")
    marie = next(e for e in d.ents if e.text == "Marie Vasseur")
    claire = next(e for e in d.ents if e.text == "Claire Roux")
    assert apposed_before_verb(marie)
    assert not apposed_before_verb(claire)  # « a assuré Claire Roux, une infirmière de 50 ans. »


def test_a_phrase_naming_someone_else_is_no_description_of_the_next_name(discourse) -> None:
    d = discourse("adverbial_with_name_before_name")
    paul = next(t.i for t in d.doc if t.text == "Paul")
    assert description_before(d, paul) == []  # « … de Claire Roux à l'Assemblée, Paul Girard »
    girard = d.find("Paul Girard")
    assert girard is not None and girard.gender == "Masc"  # from « le ministre », not « la prise »
    assert "ministre de la Santé" in girard.roles


def test_a_report_s_author_after_an_adverbial(statements_of) -> None:
    s = by_content(statements_of("report_agent_far"), "4.000 personnes ont défilé")
    assert s.speaker is not None and s.speaker.text == "un décompte établi après 18 h par la préfecture"
    assert name(s) == "préfecture"


def test_a_report_s_author_after_two_participles(statements_of) -> None:
    s = by_content(statements_of("report_two_participles"), "900 patients")
    assert name(s) == "ministère de la Santé"


def test_no_agent_past_another_source_s_pronoun(statements_of) -> None:
    s = by_content(statements_of("agent_after_other_source"), "les violences")
    assert name(s) == "Paul Girard"
    assert all("casseurs" not in (x.speaker.text or "") for x in statements_of("agent_after_other_source") if x.speaker)


def test_a_plural_description_is_not_one_organisation(statements_of) -> None:
    s = by_content(statements_of("plural_description"), "Les discussions reprendront")
    assert name(s) == "syndicats"
    s = by_content(statements_of("singular_description"), "Les discussions reprendront")
    assert name(s) == "Alliance"


def test_a_gerund_s_speaker_is_no_phrase_ending_with_its_preposition(statements_of) -> None:
    s = by_content(statements_of("gerund_cue"), "Je ne reviendrai pas")
    assert name(s) == "Marc Vasseur"
    assert s.speaker is not None and s.speaker.text is None  # from the clause, not « un mois, en »


def test_a_source_inside_brackets_ends_at_the_closing_bracket(statements_of) -> None:
    s = by_content(statements_of("source_in_brackets"), "800 personnes")
    assert s.speaker is not None and s.speaker.text == "les organisateurs"
    assert name(s) == "organisateurs"


def test_a_description_named_in_the_next_sentence_with_that_role(statements_of) -> None:
    s = by_content(statements_of("cataphoric_description"), "Jamais nous ne fermerons")
    assert name(s) == "Paul Girard"
    s = by_content(statements_of("cataphoric_other_role"), "Jamais nous ne fermerons")
    assert name(s) == "maire de Quimper"  # the prefect named next is someone else


def test_a_name_in_a_complement_is_not_the_source(discourse) -> None:
    d = discourse("count_denombrer")
    ministry = describe(d, d.doc[0:5])  # « Le ministère de l'Intérieur »
    assert (ministry.name, ministry.kind) == ("ministère de l'Intérieur", "DESC")


def test_an_organisation_keeps_its_acronym_in_brackets_as_alias(discourse) -> None:
    d = discourse("acronym")
    named = describe(d, d.doc[0:9])  # « L'Organisation mondiale de la santé (OMS) »
    assert (named.name, named.alias, named.kind) == ("Organisation mondiale de la santé", "OMS", "ORG")
    acronym = describe(d, d.doc[16:18])  # « l'OMS »: no brackets, no alias
    assert (acronym.name, acronym.alias, acronym.kind) == ("OMS", None, "ORG")


# -- a description and the name in apposition after it ---------------------------------------------
def test_a_description_cut_before_its_complement_takes_the_name_in_apposition(statements_of) -> None:
    stmts = statements_of("apposed_name_comma")
    assert name(by_content(stmts, "Les contrôles seront renforcés")) == "Paul Girard"
    assert name(by_content(stmts, "plan d'urgence")) == "Paul Girard"
    s = by_content(statements_of("apposed_name_no_comma"), "Le versement sera effectif")
    assert name(s) == "Marc Leroy"


def test_a_class_noun_in_capitals_is_no_name_the_apposed_organisation_is(statements_of) -> None:
    s = by_content(statements_of("apposed_name_organisation"), "avoir secouru 40 marins")
    assert name(s) == "Hilfe Nord"


def test_a_name_in_a_complement_or_a_later_phrase_is_no_apposition(statements_of) -> None:
    stmts = statements_of("apposed_name_complement")
    assert name(by_content(stmts, "Nous signerons l'accord")) == "ministre"  # « à l'AFP »
    assert name(by_content(stmts, "Le dialogue continue")) == "présidente"  # « avec son homologue X »


def test_this_source_is_the_source_last_quoted(statements_of) -> None:
    stmts = statements_of("this_source")
    assert name(by_content(stmts, "Aucun report")) == "préfecture"  # « a ajouté cette source »
    assert name(by_content(stmts, "intenable")) == "source syndicale"  # a new source, not the last one


def test_a_class_noun_before_a_name_lets_the_bare_class_noun_name_it(statements_of) -> None:
    stmts = statements_of("classed_name")
    assert name(by_content(stmts, "Deux enfants")) == "Hilfe Nord"  # « l'ONG allemande Hilfe Nord » … « selon l'ONG »
    assert name(by_content(stmts, "Le navire accostera")) == "association"  # no association named


def test_seed_classed_names_gives_the_class_as_role(discourse) -> None:
    d = discourse("classed_name")
    e = d.find("Hilfe Nord")
    assert e is not None and e.kind == "ORG" and "ONG allemande" in e.roles
    assert d.find("association") is None


def test_a_genderless_short_description_names_the_last_person(statements_of) -> None:
    s = by_content(statements_of("genderless_description"), "il ne ferait pas appel")
    assert name(s) == "Marc Vasseur"  # « L'intéressé », the person just named (as an object)


def test_a_genderless_short_description_stays_itself_when_two_people_compete(statements_of) -> None:
    s = by_content(statements_of("genderless_description_unclear"), "il ne ferait pas appel")
    assert name(s) == "intéressé"  # the subject is one person, the last named another


def test_an_office_is_not_the_person_known_to_head_something_else(statements_of) -> None:
    s = by_content(statements_of("office_other_leader"), "la fermeté primerait")
    assert name(s) == "Premier ministre"  # Paul Girard heads the police
    s = by_content(statements_of("office_plain_person"), "la fermeté primerait")
    assert name(s) == "Paul Girard"  # nothing known of him: the office may be his


def test_a_first_person_pronoun_takes_the_speaker_before(statements_of) -> None:
    s = by_content(statements_of("mute_mentions"), "le travail de nos policiers")
    assert name(s) == "Paul Girard"  # « Je salue … » after the minister's words: no speaker « Je »


def test_a_phrase_opened_by_a_preposition_cannot_speak(discourse) -> None:
    d = discourse("mute_mentions")
    words = [t.text for t in d.doc]
    en = words.index("En")
    assert not can_speak(d, d.doc[en : en + 6])  # « En moyenne 60 % des ménages »
    assert can_speak(d, d.doc[en + 2 : en + 6])  # « 60 % des ménages »
    je = words.index("Je")
    assert not can_speak(d, d.doc[je : je + 1])
    le = words.index("le")
    assert can_speak(d, d.doc[le : le + 2])  # « le ministre »


def test_a_cue_without_subject_takes_the_subject_named_before_it(discourse) -> None:
    d = discourse("subject_before_cue")
    verb = next(t for t in d.doc if t.text == "appelé")
    e = subject_in_sentence_before(d, verb)
    assert e is not None and e.name == "Jeanne Roux"


def test_a_cue_whose_subject_follows_or_a_participle_takes_no_subject_before(discourse) -> None:
    d = discourse("subject_after_cue")
    tweeted = next(t for t in d.doc if t.text == "tweeté")
    assert subject_in_sentence_before(d, tweeted) is None  # « a tweeté le ministre »
    hailing = next(t for t in d.doc if t.text == "saluant")
    assert subject_in_sentence_before(d, hailing) is None  # a participle has no clause of its own


def test_a_known_first_name_tagged_as_a_place_is_a_person_when_subject(statements_of) -> None:
    s = by_content(statements_of("first_name_as_place"), "Ça aurait pu être mon fils")
    assert name(s) == "Florence"  # « Florence est venue … » (LOC for the NER), then « cette mère de 40 ans »


def test_a_first_name_that_is_a_place_stays_a_place(statements_of) -> None:
    s = by_content(statements_of("place_not_a_person"), "Ce sommet est historique")
    assert name(s) == "diplomate de 40 ans"  # « à Florence »: no subject, no person


# -- descriptions named after them, other offices, unknown genders ---------------------------------------
def test_a_description_names_the_person_named_next_for_the_first_time(statements_of) -> None:
    # « …, a déclaré la porte-parole du rectorat. « … », a ajouté Claire Fontaine. »
    s = by_content(statements_of("desc_named_next"), "L'école rouvrira")
    assert s.speaker is not None and s.speaker.text == "la porte-parole du rectorat de Grenoble"
    assert name(s) == "Claire Fontaine"


def test_a_description_is_not_the_next_person_when_that_one_has_another_role(statements_of) -> None:
    s = by_content(statements_of("desc_named_next_other_role"), "L'école rouvrira")
    assert name(s) == "porte-parole du rectorat de Grenoble"  # Claire Fontaine is a parents' delegate


def test_an_office_is_not_the_person_known_as_another_of_its_kind(statements_of, discourse, fr_pack) -> None:
    # « Le ministre de l'Intérieur Paul Girard … Le Premier ministre a affirmé … », then Marc Lemoine
    s = by_content(statements_of("office_another_minister"), "la fermeté primerait")
    assert name(s) == "Marc Lemoine"
    d = discourse("office_another_minister")
    lex = speaker_lexicon(fr_pack)
    before = d.doc.text.index("Le Premier ministre")
    assert last_person_of_gender(d, before, "Masc", office_of(lex, "premier ministre")) is None
    girard = d.find("Paul Girard")
    assert girard is not None and "ministre de l'Intérieur" in girard.roles  # known as another minister


def test_a_gendered_description_takes_the_last_subject_of_unknown_gender(statements_of) -> None:
    s = by_content(statements_of("desc_unknown_gender"), "le travail des bénévoles")
    assert name(s) == "Kowalski"  # nobody known to be a woman before « L'ancienne championne »


def test_a_gendered_description_is_not_the_last_subject_of_the_other_gender(statements_of) -> None:
    s = by_content(statements_of("desc_known_other_gender"), "le travail des bénévoles")
    assert name(s) == "ancienne championne"  # Marc Kowalski is a man


def test_an_infinitive_s_participle_speaks_for_the_subject_of_the_infinitive_s_verb(statements_of) -> None:
    # « Julie Marchand est venue dénoncer l'usage des grenades, assurant avoir vu … »
    s = by_content(statements_of("infinitive_subject_participle"), "avoir vu un adolescent")
    assert name(s) == "Julie Marchand"


def test_a_relative_s_antecedent_leaves_out_the_words_linking_it(statements_of) -> None:
    # « … par les syndicats mais aussi par le patronat qui a usé de cet argument pour demander … »
    s = by_content(statements_of("relative_after_coordination"), "aux élus de voter contre")
    assert name(s) == "patronat"


def test_the_outlet_that_interviews_a_source_is_not_the_source(statements_of) -> None:
    # « Un collègue interrogé par l'AFP a décrit le chauffeur comme … » (PHENOMENA: the outlet of an
    # interview is no source), and « a-t-il ajouté » goes back to the colleague
    stmts = statements_of("describe_as_interviewed")
    described = by_content(stmts, "le chauffeur comme")
    assert described.content.text == "le chauffeur comme un homme « calme » et « serviable »"
    assert name(described) == "collègue"
    assert name(by_content(stmts, "Il ne ratait jamais")) == "collègue"


def test_a_mention_naming_its_interviewer_describes_the_interviewee(discourse) -> None:
    d = discourse("describe_as_interviewed")
    span = d.doc[0 : [t.text for t in d.doc].index("AFP") + 1]  # « Un collègue interrogé par l'AFP »
    described = describe(d, span)
    assert described.kind == "DESC" and described.name == "collègue interrogé par l'AFP"
