"""One name per source within an article (:mod:`selon.extract.names`)."""

from __future__ import annotations

from selon.extract.names import canonical_names, spelled_out, unify_names
from selon.lang.pack import LanguagePack
from selon.models import Speaker, Statement, TextSpan

TEXT = (
    "Selon l'Agence européenne des médicaments (AEM), le vaccin est sûr. "
    "La Fédération nationale des pêcheurs (FNP) a protesté. Le Comité de sécurité intérieure (HSC) aussi."
)


def test_acronyms_spelt_out_in_brackets(fr_pack: LanguagePack) -> None:
    found = spelled_out(TEXT, fr_pack)
    assert found["AEM"] == "Agence européenne des médicaments"  # the elided article is dropped
    assert found["FNP"] == "Fédération nationale des pêcheurs"
    assert "HSC" not in found  # initials that do not make the acronym: no link


def test_each_name_gets_one_form(fr_pack: LanguagePack) -> None:
    names = ["AEM", "Onu", "ONU", "Martinet", "Claire Martinet", "Dupont", "police", "préfecture de police"]
    text = TEXT + " Claire Martinet et Paul Dupont, Jeanne Dupont."
    got = canonical_names([*names, "Paul Dupont", "Jeanne Dupont"], text, fr_pack)
    assert got["AEM"] == "Agence européenne des médicaments"
    assert got["Onu"] == got["ONU"] == "ONU"  # case and accents: the form in capitals
    assert got["Martinet"] == "Claire Martinet"  # the one full name ending with it
    assert got["Dupont"] == "Dupont"  # two full names end with it: left alone
    assert got["police"] == "police"  # a common noun is not a family name


def test_unify_names_rewrites_speakers_and_relays(fr_pack: LanguagePack) -> None:
    def said(sid: str, name: str, via: str | None = None) -> Statement:
        return Statement(sid, "indirect", TextSpan("x", 0, 1), Speaker(name, 0, 1, name), via=via)

    out = unify_names([said("s1", "Claire Martinet"), said("s2", "Martinet", via="AEM")], TEXT, fr_pack)
    assert [s.speaker.name for s in out if s.speaker] == ["Claire Martinet", "Claire Martinet"]
    assert out[1].via == "Agence européenne des médicaments"
    assert out[1].speaker is not None and out[1].speaker.text == "Martinet"  # the mention is kept
