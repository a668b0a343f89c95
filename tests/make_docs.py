"""Freeze the model's annotation of short invented sentences into ``tests/docs/*.json``.

The statement and speaker rule tests (``test_statements.py``, ``test_speakers.py``) rebuild
each Doc from these files with ``spacy.blank("fr").vocab`` and call the rules directly, so a
new model (or a new mood of the same model) cannot change what a test means: the tests pin
the *rules*, the dev-set quality gate (``test_quality.py``) measures the *model + rules*.

Regenerate (after adding a case, or on purpose after a model upgrade)::

    .venv/bin/python tests/make_docs.py            # every case
    .venv/bin/python tests/make_docs.py inv_title  # only the named cases

then read ``git diff tests/docs`` and check each changed parse still shows the construction
its test is about (a changed parse may turn a passing test into an xfail or the reverse).
Every sentence below is invented for the tests; none is copied from the gold corpus.

Each JSON file holds: ``text``, ``words``, ``spaces``, ``pos``, ``tag``, ``morph``,
``lemma``, ``dep``, ``head`` (absolute token index), ``sent_starts`` and ``ents`` (BIO,
"B-PER", "I-PER", "O"), as produced by ``selon.pipeline.analyzer.load_pipeline("fr")`` (the model
plus selon's segmenter, which sets paragraph and quotation boundaries before the parser).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DOCS = Path(__file__).parent / "docs"

CASES: dict[str, str] = {
    # -- inverted cues -------------------------------------------------------------------------
    "inv_title": "« Les routes resteront fermées jusqu'à demain matin », a précisé le préfet.",
    "inv_name_age": "« On n'a jamais vu une telle affluence au marché », explique Sylvie Martin, 58 ans.",
    "inv_pronoun": (
        "Claire Dubois dirige la banque alimentaire du quartier depuis dix ans. "
        "« Nous manquons de bénévoles cet hiver », a-t-elle ajouté."
    ),
    "inv_quote_apposition": (
        "« Nous resterons devant la gare », le point de rendez-vous qu'ils occupent depuis lundi, a-t-elle ajouté."
    ),
    "inv_quote_clause": "« Nous resterons », le maire l'a répété aux grévistes, a ajouté la syndicaliste.",
    "incise_adverbial": "Deux jours plus tard, ajoute le communiqué, le site a rouvert.",
    "straight_quotes": '"Nous resterons mobilisés tout le week-end", a dit la porte-parole du collectif.',
    # -- cue first, que-clauses, partial quotations -----------------------------------------------
    "colon": "Le syndicat a prévenu : « Nous bloquerons les dépôts dès lundi. »",
    "que_clause": "Le ministre a estimé que la réforme entrerait en vigueur au mois de janvier.",
    "partial_object": "La ministre de la Santé juge ces chiffres « fantaisistes ».",
    "partial_object_past": "Le ministre de l'Économie a jugé ces prévisions « fantaisistes ».",
    "partial_que": "La maire a affirmé que le projet de rocade était « totalement irréaliste » et trop cher.",
    # -- quotations and their cues ---------------------------------------------------------------
    "split_quote": "« Nous voulons des garanties », a déclaré Marc Leroy, « et nous les obtiendrons. »",
    "slogan": "Des centaines de salariés ont défilé aux cris de « Sauvez nos emplois et nos salaires ».",
    "follow_on": (
        "Le maire, Paul Girard, a annoncé que la piscine municipale fermerait en juillet. "
        "« Les travaux dureront au moins un an. »"
    ),
    # -- according to ----------------------------------------------------------------------------
    "selon_initial": "Selon la préfecture, 3.000 personnes ont défilé dans le calme à Rennes.",
    "selon_final": "Le bilan de l'incendie s'élève à deux morts, selon les pompiers.",
    "dapres_initial": "D'après l'Insee, le chômage a reculé au troisième trimestre.",
    "selon_medial": "Les dégâts atteignent, selon la mairie, près de 3 millions d'euros.",
    "pour_x": "Pour la CGT, c'est un recul historique des droits des salariés.",
    "comme_initial": "Comme l'a annoncé la ministre, les classes rouvriront lundi.",
    "comme_par": "Comme annoncé par la mairie, la piscine fermera en juillet.",
    "comme_final": "La piscine fermera en juillet, comme l'a précisé le maire.",
    "comme_restate": "Le maire a affirmé que la piscine fermerait, comme il l'a répété à la radio.",
    "comme_no_source": "Il a plu toute la journée, comme annoncé.",
    "selon_bracket": "Les cortèges ont réuni du monde à Brest (800 personnes selon la police, 1.500 selon la CGT) et à Quimper.",
    "selon_bracket_closed": "Le bilan (encore provisoire) s'élève à trois blessés, selon les secours.",
    "selon_after_conj": "Mais selon la préfecture, le cortège a rassemblé peu de monde.",
    "a_entendre": "A entendre la FNSEA, les éleveurs seraient au bord de la faillite.",
    # -- counting, passives, noun-phrase claims ----------------------------------------------------
    "count_recenser": "La police a recensé 1.200 manifestants à Nantes.",
    "count_denombrer": "Le ministère de l'Intérieur dénombrait 5.000 personnes dans toute la France.",
    "passive_agent": "12.000 manifestants ont été comptés par la préfecture.",
    "fait_etat": "L'ONG fait état de plus de 300 blessés dans la capitale.",
    "passive_no_agent": "Près de 2.000 personnes ont été recensées devant la mairie.",
    "passive_no_agent_no_count": "Les bulletins ont été comptés dans la soirée.",
    "fait_etat_adverbial": "Le ministère a fait état en fin de journée de 40 interpellations.",
    "infinitive": "Le directeur du lycée affirme avoir prévenu les parents dès lundi.",
    "inf_adverbial": "La fédération a annoncé samedi sur son site avoir reçu plus de 300 plaintes.",
    "inf_nested_cue": "Le sénateur a dit espérer que le budget serait voté avant l'été.",
    "appeal_object": "La préfète a appelé jeudi les automobilistes à éviter le centre-ville.",
    "appeal_dative": "Le syndicat demande à la direction de rouvrir les négociations salariales.",
    "appeal_au": "Le maire a appelé au calme après les heurts de la nuit.",
    "appeal_relative": "Le syndicat appelle les salariés à manifester devant la préfecture, qui a refusé de les recevoir.",
    "count_dont": "La police a recensé 3.000 manifestants, dont 800 à Lyon.",
    "appeal_phone": "La gardienne a appelé les pompiers vers minuit.",
    "appeal_passive": "Le chanteur a été invité à Montréal par un festival.",
    "inf_not_own": "La mairie a annoncé l'intention du club de quitter le stade municipal.",
    "eval_denoncer": "La députée a dénoncé une décision injuste et précipitée.",
    "eval_fustiger": "Le syndicat fustige la fermeture brutale du site de Vénissieux.",
    "eval_deplorer": "Les riverains déplorent le manque de transports en commun.",
    "np_then_clause": "Le syndicat a dénoncé une hausse de 5 % des tarifs, les salariés ont donc cessé le travail.",
    "np_with_commas": "La députée a dénoncé une réforme injuste, précipitée et coûteuse.",
    "group_incise": "Les syndicats ont, de leur côté, jugé ces mesures insuffisantes.",
    "que_remarquer": "La porte-parole a remarqué que le rassemblement restait calme.",
    "alerter_sur": "L'association a alerté sur les risques du tabac chez les jeunes.",
    "eval_remercier": "La préfète a remercié les pompiers volontaires pour leur engagement.",
    # -- impersonal sources ----------------------------------------------------------------------
    "on_source": "Deux suspects ont été interpellés dans la nuit, a-t-on appris de source policière.",
    "on_alone": "Le suspect a été remis en liberté mardi soir, a-t-on appris.",
    # -- speakers --------------------------------------------------------------------------------
    "appos_before": (
        "Le porte-parole de la gendarmerie, le colonel Jean Dupont, a indiqué que l'enquête avançait rapidement."
    ),
    "appos_after": "Jean Dupont, maire de Lyon, a déclaré que le budget serait voté en mars.",
    "title_m": (
        "Michel Bernard préside le club de rugby depuis 2015. "
        "M. Bernard a assuré que le stade serait rénové l'an prochain."
    ),
    "title_mme": (
        "Anne Lefèvre a repris la boulangerie du village en mai. "
        "Mme Lefèvre a expliqué que les clients étaient revenus très vite."
    ),
    "gender_elle": (
        "Nathalie Roux a annoncé que la préfecture porterait plainte. "
        "Pierre Lambert a répondu que la mairie n'avait reçu aucun courrier. "
        "Elle a ajouté que l'enquête serait longue."
    ),
    "gender_il": (
        "Pierre Lambert a annoncé que la mairie porterait plainte. "
        "Nathalie Roux a répondu que la préfecture n'avait reçu aucun courrier. "
        "« Nous irons jusqu'au bout », a-t-il prévenu."
    ),
    "gender_elle_roles": (
        "La préfète, Nathalie Roux, a annoncé que l'État porterait plainte. "
        "Le maire, Pierre Lambert, a répondu que la commune n'avait reçu aucun courrier. "
        "Elle a ajouté que l'enquête serait longue."
    ),
    "gender_il_roles": (
        "Le maire, Pierre Lambert, a annoncé que la commune porterait plainte. "
        "La préfète, Nathalie Roux, a répondu que l'État n'avait reçu aucun courrier. "
        "« Nous irons jusqu'au bout », a-t-il prévenu."
    ),
    "ce_dernier": (
        "La juge a entendu Marc Petit pendant trois heures mardi. "
        "Ce dernier a affirmé qu'il n'était pas sur place ce soir-là."
    ),
    "description": (
        "Le préfet du Rhône, Laurent Morel, a visité le chantier lundi. "
        "Le préfet a assuré que les délais seraient tenus."
    ),
    "acronym": (
        "L'Organisation mondiale de la santé (OMS) a publié un rapport lundi. "
        "Selon l'OMS, 40 % des cas seraient évitables."
    ),
    "relay": (
        "Le ministre de l'Intérieur, Marc Vasseur, a rappelé les déclarations du maire, Paul Durand. "
        "Celui-ci a annoncé que l'école rouvrirait en septembre."
    ),
    "afp": "« La situation est sous contrôle », a déclaré à l'AFP le directeur de l'hôpital, Éric Blanc.",
    "joint": "Hélène Roche et Bruno Carré ont affirmé que l'accord serait signé avant l'été.",
    # -- figures: quantities -------------------------------------------------------------------
    "fig_quantities": (
        "Une dizaine de bénévoles ont distribué 1.250 repas et trois cents colis, "
        "pour un budget de 2,5 millions d'euros."
    ),
    "fig_vague": "Plusieurs témoins et des centaines de curieux se pressaient devant la mairie.",
    "fig_phone": "Pour réserver, composez le 02 98 44 17 60 avant midi.",
    # -- figures: ranges -----------------------------------------------------------------------
    "fig_range_between": "Entre 200 et 300 manifestants se sont rassemblés devant la préfecture.",
    "fig_range_or": "Quatre ou cinq rôdeurs ont été aperçus près du dépôt.",
    "fig_change": "Le prix du ticket de bus passera de 1,60 à 1,90 euro en janvier.",
    "fig_list_or": "Le forfait coûte 20, 35 ou 50 euros par mois.",
    "fig_and_pair": "Cette année, les deux ateliers ont accueilli 40 et 55 apprentis.",
    # -- figures: qualifiers -------------------------------------------------------------------
    "fig_qualifiers": (
        "Plus de 500 habitants ont signé la pétition, mais moins de 40 % des élus l'ont soutenue."
    ),
    "fig_after_qualifier": "Trois randonneurs au moins ont été secourus dans la nuit.",
    # -- figures: units ------------------------------------------------------------------------
    "fig_elided_unit": "La préfecture a compté 6.400 marcheurs à Lille et 900 à Arras.",
    "fig_weekday_after": "Ils étaient 7.000 samedi dernier dans les rues de Bordeaux.",
    "fig_quoted_unit": "La police a signalé 14 « zones rouges » dans la ville.",
    # -- figures: not figures ------------------------------------------------------------------
    "fig_dates": "L'audience aura lieu le 12 mars à 14 h, salle 3, deux ans après la réforme de 2019.",
    "fig_weekday_date": "La brocante se tiendra le samedi 4 sur le port de Dinan.",
    "fig_score": "L'équipe locale s'est imposée 3 à 1 face à Brest.",
    "fig_title": "Elle a relu le roman « Les 40 rugissants » pendant les vacances.",
    # -- figures: outcomes ---------------------------------------------------------------------
    "fig_outcomes": (
        "L'incendie a fait 4 morts et 11 blessés, et 250 habitants ont dû quitter le quartier."
    ),
    "fig_outcome_verb": "Deux alpinistes ont été tués par une chute de pierres.",
    "fig_outcome_forces": "Quelque 2.000 policiers seront mobilisés pour le sommet.",
    "fig_no_outcome": "La mairie a installé 60 bancs dans le parc.",
    "fig_tally": "L'explosion a fait un mort et six blessés légers.",
    # -- figures: attribution ------------------------------------------------------------------
    "fig_attribution": (
        "« Nous avons recensé 85 interpellations depuis lundi », a déclaré le commissaire Paul Renard. "
        "La ville compte 40.000 habitants."
    ),
    # -- no statement ----------------------------------------------------------------------------
    "scare_quotes": "Le mouvement des « bonnets rouges » s'est essoufflé au printemps.",
    "narration": "Le conseil municipal s'est réuni mardi soir pour voter le budget de la ville.",
}


def freeze(doc) -> dict:
    return {
        "text": doc.text,
        "words": [t.text for t in doc],
        "spaces": [bool(t.whitespace_) for t in doc],
        "pos": [t.pos_ for t in doc],
        "tag": [t.tag_ for t in doc],
        "morph": [str(t.morph) for t in doc],
        "lemma": [t.lemma_ for t in doc],
        "dep": [t.dep_ for t in doc],
        "head": [t.head.i for t in doc],
        "sent_starts": [bool(t.is_sent_start) for t in doc],
        "ents": [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc],
    }


def main(names: list[str]) -> int:
    from selon.pipeline.analyzer import load_pipeline

    unknown = [n for n in names if n not in CASES]
    if unknown:
        print(f"unknown cases: {', '.join(unknown)}", file=sys.stderr)
        return 2
    nlp = load_pipeline("fr")
    DOCS.mkdir(exist_ok=True)
    for name in names or list(CASES):
        doc = nlp(CASES[name])
        path = DOCS / f"{name}.json"
        data = freeze(doc)
        # one key a line: small diffs when a parse changes, still plain JSON
        body = ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items())
        path.write_text("{\n" + body + "\n}\n", encoding="utf-8")
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
