"""Who is speaking (``selon.extract.speakers.attribute_speakers`` after the statement rules),
on frozen Docs (see ``tests/make_docs.py``): names, roles, titles, pronouns, descriptions, acronyms,
relayed speech, interviews and joint speakers."""

from __future__ import annotations

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


def test_counted_passive_agent_is_the_speaker_not_the_subject(statements_of) -> None:
    s = by_content(statements_of("passive_agent"), "12.000")
    assert name(s) == "préfecture"
