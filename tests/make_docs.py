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
    # -- figure scope: places -------------------------------------------------------------------------
    "scope_clause": (
        "Les orages ont frappé Namur et sa région. "
        "Au moins 12 maisons ont brûlé, tandis que 300 habitants ont été évacués à Charleroi."
    ),
    "scope_district": (
        "Les pompiers de Lyon sont intervenus toute la nuit. "
        "Quelque 40 personnes ont été évacuées dans le quartier de la Croix-Rousse, selon la préfecture."
    ),
    "scope_part": "Plus de 200 familles ont fui la partie occidentale de Kharkiv, selon les autorités locales.",
    "scope_barred": (
        "Les combats ont repris à Falloujah. "
        "Selon le gouverneur de la province d'Anbar, 35 civils ont péri dans les bombardements."
    ),
    "scope_dateline_unknown": "MORVANEL (AFP) - Quelque 200 personnes ont été évacuées samedi après les crues.",
    "scope_dateline": "GENÈVE (ATS) - Quelque 3000 personnes ont manifesté samedi contre la réforme des retraites.",
    "scope_region": (
        "Au moins 14 civils ont été tués dans l'oblast de Kherson, et 9 autres ont péri dans le Donbass, selon Kiev."
    ),
    "scope_region_iso": "Quelque 2000 manifestants ont défilé en Bavière samedi, et 300 dans la province de Flandre-Orientale.",
    "scope_region_city": (
        "Au moins 30 personnes ont été évacuées à Kherson. "
        "Plus de 50 villages de la région de Kharkiv sont privés d'électricité."
    ),
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
    "slogan_short": "Quelque 300 riverains ont défilé samedi aux cris de « Sauvez l'hôpital ».",
    "slogan_relative": "Le cortège a traversé Nantes, où des milliers de lycéens défilaient en scandant « Blanquer démission ».",
    "term_after_cue": "Le gouvernement a lancé « Vigipirate » en 1995 après une vague d'attentats.",
    "que_quote_apposition": (
        "Le maire a affirmé que « le chantier sera fini en mai », une promesse qu'il avait déjà faite en 2019."
    ),
    "np_quote_list": "La ministre a salué la « rigueur », la « patience » et l'engagement des soignants.",
    "follow_on": (
        "Le maire, Paul Girard, a annoncé que la piscine municipale fermerait en juillet. "
        "« Les travaux dureront au moins un an. »"
    ),
    # -- according to ----------------------------------------------------------------------------
    "selon_initial": "Selon la préfecture, 3.000 personnes ont défilé dans le calme à Rennes.",
    "selon_final": "Le bilan de l'incendie s'élève à deux morts, selon les pompiers.",
    "dapres_initial": "D'après l'Insee, le chômage a reculé au troisième trimestre.",
    "selon_medial": "Les dégâts atteignent, selon la mairie, près de 3 millions d'euros.",
    "selon_places": "Les pluies atteindront 40 à 80 millimètres selon les endroits.",
    "selon_each": "La durée du traitement change selon chaque malade, et le coût aussi.",
    "selon_each_control": "La durée du traitement a doublé, selon le malade interrogé.",
    "selon_source_in_place": "Le suspect ne fait, selon une source policière en Belgique, l'objet d'aucune poursuite.",
    "selon_source_in_place_control": "Le suspect ne fait, selon une source policière, l'objet d'aucune poursuite.",
    "pour_x": "Pour la CGT, c'est un recul historique des droits des salariés.",
    "pour_experts": "Pour plusieurs économistes, cette réforme arrive trop tard.",
    "pour_beneficiaries": "Pour plusieurs familles, cette réforme arrive trop tard.",
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
    # -- quotation then cue, which the verb rules miss --------------------------------------------
    "quote_then_cue_no_comma": '"Le pont restera fermé tout l\'hiver !" a tweeté la maire de Quimper.',
    "quote_then_cue_phrase": "« Les loyers vont encore grimper cet été », met-il en garde.",
    "quote_then_incise": "« Encore une nuit blanche à corriger des copies », soupire-t-elle en rangeant ses dossiers.",
    "quote_then_no_cue": "« Le Grand Tour », la course des cyclistes amateurs, partira de Brest en juin.",
    "inv_detached_intro": (
        "Sur les 300 postes supprimés, « la moitié concernera le site de Lorient », a précisé la direction."
    ),
    "inv_detached_apposition": (
        "« Nous resterons sur le rond-point », le carrefour qu'ils occupent depuis lundi, a ajouté le porte-parole."
    ),
    "inv_quote_list": (
        '"Rendez-nous nos trains", "pas de gare sans guichet" et "la ligne doit vivre", scandaient les usagers.'
    ),
    "inv_quote_then_clause": "« Si les taux remontent », les ventes vont chuter, a prévenu l'économiste.",
    "follow_on_short": (
        "Le maire, Paul Girard, a annoncé que la piscine municipale fermerait en juillet. « Soyez patients ! »"
    ),
    "follow_on_short_verb": (
        "Le maire, Paul Girard, a annoncé que la piscine municipale fermerait en juillet. « Nous reviendrons »."
    ),
    "incise_inside_clitic": "« Les travaux reprendront lundi, a-t-elle assuré. Nous tiendrons les délais. »",
    "incise_inside_name": "« Nous resterons, explique Marc Leroy, jusqu'à la fin du conflit. »",
    "incise_inside_none": "« Nous resterons, quoi qu'il arrive, jusqu'à la fin du conflit », a déclaré Marc Leroy.",
    "follow_on_short_term": (
        "Le maire, Paul Girard, a annoncé que la piscine municipale fermerait en juillet. « Grand chantier »."
    ),
    "follow_on_paragraph": (
        "Le maire, Paul Girard, a annoncé que la piscine municipale fermerait en juillet.\n"
        "« Les travaux dureront au moins un an »."
    ),
    "quote_heading": (
        "Le maire, Paul Girard, a annoncé que la piscine municipale fermerait en juillet.\n"
        "« Un chantier de longue haleine »\n"
        "Les travaux de rénovation commenceront à la rentrée."
    ),
    "afp": "« La situation est sous contrôle », a déclaré à l'AFP le directeur de l'hôpital, Éric Blanc.",
    "joint": "Hélène Roche et Bruno Carré ont affirmé que l'accord serait signé avant l'été.",
    # -- speakers: names written with a no-break space, names in a joint mention ----------------
    "title_nbsp": (
        "Le député Marc Fontaine a visité l'usine de Vierzon. "
        "« Les salaires doivent suivre l'inflation », a déclaré M.\u00a0Fontaine aux ouvriers."
    ),
    "name_line_break": "« Nous fermerons le site en juin », a annoncé Marc Fontaine\nLes ouvriers ont voté la grève.",
    "joint_not_single": (
        "Marc Fontaine a dénoncé la fermeture de l'usine. "
        "Le lieu choisi par Mme Hélène Roche et M. Fontaine pour leur réunion était symbolique. "
        "« Nous ne lâcherons rien », a dit M. Fontaine."
    ),
    # -- speakers: the topic a subject pronoun follows -------------------------------------------
    "relative_not_topic": (
        "Paul Girard a rencontré Marc Vasseur, qui a annoncé sa candidature lundi. "
        "« C'est précipité », dit-il."
    ),
    "quoted_subject_not_topic": (
        "Le maire Paul Girard a visité le chantier mardi. "
        "« Le préfet Marc Vasseur nous a menti », a-t-il affirmé."
    ),
    "narrated_subject_topic": (
        "Le maire Paul Girard a visité le chantier mardi. "
        "Le préfet Marc Vasseur a répondu aux riverains. « Le chantier reprendra », a-t-il affirmé."
    ),
    "name_in_complement": "La directrice Claire Roux a critiqué la méthode de Marc Vasseur.",
    "role_misc_entity": (
        "Le gouvernement recule. « La taxe sera suspendue six mois », avait expliqué le Premier ministre "
        "devant l'Assemblée."
    ),
    "org_with_stop_word": "« Les camps débordent », a alerté Médecins sans frontières dans un communiqué.",
    "equivalent_role_qualified": (
        "Le Premier ministre Jean Dupont a visité Namur. Le maire Paul Girard a salué les ouvriers. "
        "« Nous tiendrons bon », a affirmé le chef du gouvernement fédéral."
    ),
    "two_offices": (
        "Emmanuel Dupré a appelé au calme dimanche, au lendemain d'une rencontre avec Marc Vasseur. "
        "« L'ordre doit régner », a déclaré le chef de l'État lors d'un déplacement. "
        "« Les casseurs seront punis », a ajouté le Premier ministre."
    ),
    "participle_after_object": (
        "« Le chantier a pris du retard », a dit la préfète Claire Roux. "
        "Le maire Paul Girard a publié une photo du chantier et des grues, ajoutant « Nous tiendrons les délais »."
    ),
    "absolute_participle": (
        "La ministre a appelé au calme dimanche, le préfet Paul Girard assurant que les routes resteraient ouvertes."
    ),
    "detached_participle_subject": (
        "Un porte-parole de la mairie, cité par l'agence Belga, a indiqué que la route restait fermée."
    ),
    "absolute_phrase_subject": (
        "Le sénateur Marc Vasseur a démissionné mardi. "
        "La voix nouée, le sénateur a affirmé qu'il quittait la vie politique."
    ),
    "pronoun_person_not_subject": (
        "Du pétrole s'est échoué sur les plages, a-t-on appris mardi de sources concordantes. "
        "« Toute la côte est touchée », a relaté à la radio le maire de Cassis, Paul Girard. "
        "Les plages resteront fermées, a-t-il précisé."
    ),
    "apposed_subject_surface": (
        "« Nous tiendrons jusqu'en janvier », a assuré Claire Roux, une infirmière de 50 ans. "
        "Certaine elle aussi que la grève va durer en 2019, Marie Vasseur, une figure du collectif qui avait "
        "lancé la pétition contre la fermeture des urgences, a défilé à Lyon. "
        "« Nous irons jusqu'au bout », a-t-elle déclaré."
    ),
    "adverbial_with_name_before_name": (
        "Peu après la prise de parole de Claire Roux à l'Assemblée, Paul Girard, le ministre de la Santé, "
        "déclarait que les urgences resteraient ouvertes."
    ),
    "report_agent_far": "Selon un décompte établi après 18 h par la préfecture, 4.000 personnes ont défilé.",
    "report_two_participles": (
        "Selon des chiffres compilés publiés par le ministère de la Santé, les urgences ont reçu 900 patients."
    ),
    "agent_after_other_source": (
        "Le ministre Paul Girard a condamné les violences commises selon lui par des casseurs venus de Lyon."
    ),
    "plural_description": (
        "Le syndicat Alliance a appelé à la grève. Les discussions reprendront mercredi, selon les syndicats."
    ),
    "singular_description": (
        "Le syndicat Alliance a appelé à la grève. Les discussions reprendront mercredi, selon le syndicat."
    ),
    "gerund_cue": (
        "« Le parti m'a trahi », a lancé Marc Vasseur, qui a claqué la porte il y a un mois, en ajoutant "
        "« Je ne reviendrai pas »."
    ),
    "source_in_brackets": (
        "Des rassemblements ont eu lieu à Nantes (800 personnes selon les organisateurs), Rennes et Brest."
    ),
    "cataphoric_description": (
        "Le maire de Quimper affirme : « Jamais nous ne fermerons cette école. » "
        "Le maire de Quimper Paul Girard, réélu en mars, critique la décision du rectorat."
    ),
    "cataphoric_other_role": (
        "Le maire de Quimper affirme : « Jamais nous ne fermerons cette école. » "
        "Le préfet du Finistère Paul Girard critique la décision du rectorat."
    ),
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
    "fig_range_units": (
        "Les loyers vont de 500 euros à 800 euros, et le chômage touche entre 10 % et 12 % des actifs. "
        "Les rafales atteindront 90 km/h à 130 km/h."
    ),
    "fig_range_units_not": "Il a reçu 500 euros et 800 euros, puis sa facture est passée de 60 euros à 90 euros.",
    "fig_range_thousands": "Ils étaient 10 à 15 000 selon les organisateurs, entre 8 et 9.000 selon la police.",
    "fig_range_thousands_not": "Il y avait 500 à 1 000 grévistes. La commune est passée de 10 à 15 000 habitants.",
    "fig_range_scale_after": (
        "Le chantier coûtera entre 8 et 10 milliards d'euros et 10 à 15 % des emplois sont menacés. "
        "Plusieurs millions de foyers et des centaines de milliers d'entreprises sont concernés."
    ),
    "fig_range_year": "On compte 2000 à 3000 blessés. De 2015 à 2018, le chômage a baissé.",
    "fig_change_scale": "Le budget est passé de 4,5 à 9 milliards d'euros, la dette de 2 millions à 3 milliards.",
    # -- figures: qualifiers -------------------------------------------------------------------
    "fig_qualifiers": (
        "Plus de 500 habitants ont signé la pétition, mais moins de 40 % des élus l'ont soutenue."
    ),
    "fig_thresholds": (
        "La cote du ministre est tombée sous les 30 % et la dette dépassera les 3 % du PIB. "
        "Les dizaines de milliers de visiteurs ont envahi la ville."
    ),
    "fig_thresholds_not": "Il a parlé sous les applaudissements de 300 militants, puis les 40 exposants sont partis.",
    "fig_after_qualifier": "Trois randonneurs au moins ont été secourus dans la nuit.",
    # -- figures: units ------------------------------------------------------------------------
    "fig_elided_unit": "La préfecture a compté 6.400 marcheurs à Lille et 900 à Arras.",
    "fig_weekday_after": "Ils étaient 7.000 samedi dernier dans les rues de Bordeaux.",
    "fig_quoted_unit": "La police a signalé 14 « zones rouges » dans la ville.",
    # -- figures: not figures ------------------------------------------------------------------
    "fig_nbsp": (
        "M.\u00a0Roy, 63\u00a0ans, a livré 25\u00a0000\u00a0tonnes de blé le 26\u00a0février, soit "
        "25\u00a0% du stock et 3\u00a0millions d'euros."
    ),
    "fig_nbsp_plain": (
        "M. Roy, 63 ans, a livré 25 000 tonnes de blé le 26 février, soit 25 % du stock et 3 millions d'euros."
    ),
    "fig_dates": "L'audience aura lieu le 12 mars à 14 h, salle 3, deux ans après la réforme de 2019.",
    "fig_weekday_date": "La brocante se tiendra le samedi 4 sur le port de Dinan.",
    "fig_idioms": (
        "Le service répond 24 heures sur 24. Il refuse deux poids deux mesures et plus un seul "
        "client n'attend."
    ),
    "fig_idioms_not": "Il a attendu 24 mois. Deux poids lourds ont été contrôlés et un seul conducteur verbalisé.",
    "fig_carried": (
        "Il a écopé de quatre ans de prison, dont deux avec sursis. Les bus des lignes 3 et 7 sont "
        "à l'arrêt."
    ),
    "fig_carried_not": "Il a purgé six ans de prison et 12 détenus, dont 4 mineurs, ont été libérés.",
    "fig_link_headline": (
        "La crue a fait trois victimes. À lire aussi : Inondations, 40 communes en alerte rouge "
        "Les secours restent mobilisés."
    ),
    "fig_link_headline_not": "Il faut lire aussi les 40 pages du rapport.\nLire aussi :\nLe bilan atteint 12 blessés.",
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
    "fig_tally_part": (
        "Quatre randonneurs, dont une infirmière, ont été secourus. Trois chiens sont morts et un "
        "autre a disparu."
    ),
    "fig_tally_part_not": "Un guide, dont une cliente a filmé la chute, est indemne. Une autre randonnée est prévue.",
    "fig_year_count": (
        "À Rennes, 1400 marcheurs selon la police, 2000 selon les syndicats ; à Nantes (1800 d'après la mairie)."
    ),
    "fig_year_count_not": "En 2000 selon l'Insee, le chômage atteignait 8 %. Le port a fermé en 2001, selon la mairie.",
    "fig_tally_ordinal": "Les deux guides et une troisième randonneuse ont été hélitreuillés.",
    "fig_tally_ordinal_not": "Les deux guides et une randonneuse ont été hélitreuillés.",
    "fig_day_alone": "Le vote suivra le sommet du 14 juin, sans doute le 16, à Bruxelles.",
    "fig_day_alone_not": "Le comité a reçu 12 délégués, puis les 16 ont voté.",
    "fig_name_number": "Les députés du Mouvement 7 étoiles ont perdu 12 sièges. Le Mouvement 7 étoiles a voté contre.",
    "fig_name_number_not": (
        "La sonde a déjà envoyé sur Terre six clichés. À Lyon 3000 personnes ont défilé samedi."
    ),
    # -- figures: attribution ------------------------------------------------------------------
    "fig_attribution": (
        "« Nous avons recensé 85 interpellations depuis lundi », a déclaré le commissaire Paul Renard. "
        "La ville compte 40.000 habitants."
    ),
    "fig_cue_after": (
        "Vingt-deux véhicules ont été incendiés dans la nuit, selon les pompiers, dont sept dans le "
        "seul quartier du Port, a précisé la préfète. Ils seraient près de 900, selon un syndicaliste, "
        "à vouloir quitter l'entreprise."
    ),
    "fig_cue_after_not": (
        "Quelque 300 parents ont défilé samedi et les délégués ont dénoncé la fermeture de l'école. "
        "Quelque 900 salariés ont annoncé leur départ."
    ),
    "fig_cue_after_stop": (
        "Plusieurs centaines de riverains ont rejoint le cortège devant la mairie.\u00a0\u00a02 400 "
        "personnes ont signé la pétition, selon le collectif."
    ),
    "fig_follow_on": (
        "« Les soins restent chers », a déclaré la dermatologue Anne Morel. Certains clients paient "
        '"1.500 euros par séance" pour ce traitement.'
    ),
    "fig_follow_on_not": (
        "« Les soins restent chers », a déclaré la dermatologue Anne Morel. La clinique a ouvert en mai. "
        'Certains clients paient "1.500 euros par séance" pour ce traitement.'
    ),
    # -- no statement ----------------------------------------------------------------------------
    "scare_quotes": "Le mouvement des « bonnets rouges » s'est essoufflé au printemps.",
    "narration": "Le conseil municipal s'est réuni mardi soir pour voter le budget de la ville.",
    # -- nested statements (settle) ------------------------------------------------------------
    "nested_que": (
        "Le porte-parole du ministère a indiqué que l'association Terre Solidaire avait demandé un délai supplémentaire."
    ),
    "coordinated_que": (
        "Le maire a affirmé que les travaux avanceraient vite, et l'opposition a dénoncé un projet trop cher."
    ),
    "quote_selon_incise": (
        "Outre son amende, « symbolique » selon le juge, le prévenu devra suivre un stage de sensibilisation, "
        "a précisé son avocat."
    ),
    "selon_incise_no_quote": (
        "Le budget sera voté en mars, selon le maire, et le chantier commencera en mai, a ajouté son adjointe."
    ),
    # -- noun-phrase objects after adverbials, more claim verbs, detached clauses (s-statements) ----
    "np_after_adverbials": (
        "La présidente du syndicat a déploré mardi soir dans un communiqué « des violences inacceptables » "
        "contre les grévistes."
    ),
    "np_after_adverbials_speech": "Le syndicat a dénoncé jeudi dans la soirée les déclarations du ministre.",
    "np_reaffirmer": (
        "Le gouvernement a réaffirmé mercredi sa volonté de fermer la centrale, à l'issue d'un conseil des ministres."
    ),
    "np_souligner": "La directrice de l'hôpital souligne l'importance du dépistage précoce.",
    "np_souligner_speech": "Le maire a souligné les propos de la ministre.",
    "np_past_participle_apposition": "La ministre a salué le travail des soignants, épuisés par la crise.",
    "request_then_participle": (
        "La mère de la victime a demandé aux enquêteurs de rouvrir le dossier, se disant « épuisée par l'attente »."
    ),
    "que_cue_tagged_noun": "La porte-parole de la police remarque que les manifestants bloquent toujours le pont.",
    "que_noun_relative": "La remarque que le maire a faite hier a surpris les élus.",
    "que_after_il_y_a": "Les experts avaient prédit il y a deux ans que la crise serait longue.",
    "que_participle_tagged_name": "La police avait tweeté qu'il y avait plusieurs blessés.",
    "selon_after_bracket": "Le taux de chômage atteint son plus haut niveau (9,1 %), selon une note de l'Insee publiée jeudi.",
    "appeal_infinitive_relative": "Les syndicats ont appelé à manifester jeudi à Rennes, où la ministre doit se rendre.",
    "say_infinitive_relative": "Le maire a dit vouloir rester à Rennes, où il a grandi.",
    "relative_cue_tagged_noun": (
        "Le cancer est apparu après la greffe, selon une étude parue dans une revue médicale, qui alerte sur "
        "le risque de tels organes."
    ),
    "relative_alerte_no_claim": "La sirène qui alerte les habitants a retenti deux fois.",
    "selon_apposition": "Selon Claire Martin, porte-parole de la mairie, la piscine rouvrira en juin.",
    "selon_subject_incise": "Selon le maire, la ville, déjà très endettée, devra emprunter.",
    "selon_adverbial_first": "D'après la préfète, malgré la pluie, le marché se tiendra samedi.",
    "apposed_name_comma": (
        "« Les contrôles seront renforcés dès lundi », a indiqué le secrétaire d'État à la Mer, Paul Girard, "
        "ajoutant qu'un « plan d'urgence a été lancé »."
    ),
    "apposed_name_no_comma": (
        "« Le versement sera effectif en mars », a déclaré le délégué à l'Emploi Marc Leroy sur "
        "une radio."
    ),
    "apposed_name_organisation": (
        "Le groupe suédois de meubles Ikea conteste la décision du tribunal. Une autre association, l'allemande "
        "Hilfe Nord, a annoncé samedi avoir secouru 40 marins."
    ),
    "apposed_name_complement": (
        "« Nous signerons l'accord », a déclaré le ministre à l'AFP. « Le dialogue continue », a dit la "
        "présidente au cours d'un dîner avec son homologue Pedro Sanchez."
    ),
    "this_source": (
        "« Le calendrier sera tenu », a assuré la préfecture à l'AFP. « Aucun report n'est envisagé », a "
        "ajouté cette source. Une source syndicale a estimé que ce calendrier était intenable."
    ),
    "classed_name": (
        "Les 40 marins ont été secourus par l'ONG allemande Hilfe Nord, qui patrouille au large. Deux enfants "
        "ont été soignés à bord, selon l'ONG. Le navire accostera lundi, selon l'association."
    ),
    "genderless_description": (
        "Le tribunal a condamné samedi le chanteur Marc Vasseur à une amende. L'intéressé a affirmé qu'il ne "
        "ferait pas appel."
    ),
    "genderless_description_unclear": (
        "Le chanteur Paul Girard a rencontré samedi l'ancien ministre Marc Vasseur. L'intéressé a affirmé "
        "qu'il ne ferait pas appel."
    ),
    "office_other_leader": (
        "Le directeur général de la police, Paul Girard, a annoncé que 40 blindés seraient déployés. "
        "Le Premier ministre a affirmé que la fermeté primerait."
    ),
    "office_plain_person": (
        "Paul Girard a annoncé que 40 blindés seraient déployés. Le Premier ministre a affirmé que la "
        "fermeté primerait."
    ),
    "mute_mentions": (
        "« Le suspect a été arrêté ce matin », a annoncé le ministre de l'Intérieur Paul Girard. Je salue "
        "le travail de nos policiers. En moyenne 60 % des ménages estiment que leur pouvoir d'achat a baissé, "
        "selon une étude publiée mardi par l'Insee."
    ),
    "subject_before_cue": (
        "Après les annonces du gouvernement, Jeanne Roux, l'une des porte-parole du collectif, a ainsi "
        "appelé à « une trêve », en saluant « des avancées »."
    ),
    "subject_after_cue": (
        "Ce proche du chanteur Marc Vasseur « avait fui la justice », a tweeté le ministre, saluant "
        "« l'efficacité » des services."
    ),
    "first_name_as_place": (
        "A Nantes, Florence est venue dénoncer la fermeture de l'école. « Ça aurait pu être mon fils », "
        "explique cette mère de 40 ans."
    ),
    "place_not_a_person": (
        "Le sommet s'est tenu à Florence. « Ce sommet est historique », explique cette diplomate de 40 ans."
    ),
    # -- quotations joined by words with no verb of their own, before one inverted cue ----------------
    "glued_quotes_infinitive": (
        "«Le marché restera fermé jusqu'à lundi», pour laisser passer le cortège «qui partira de la gare "
        "vers midi», a déclaré la maire."
    ),
    "glued_quotes_apposition": (
        "«Cette réforme est celle de l'injustice», une injustice «contraire à toutes nos valeurs», "
        "a poursuivi le député."
    ),
    "glued_quotes_subject": (
        "«Faute de place dans les hôpitaux voisins», les pompiers «ont conduit les blessés jusqu'à Lille», "
        "a indiqué la préfecture."
    ),
    # -- a partial quotation in the narrated sentence after a statement: the last speaker's ----------
    "partial_follow_on": (
        "« Les travaux seront longs », a prévenu le maire. Les rues resteront fermées « pendant au moins "
        "trois semaines, jour et nuit », puis « deux jours » en mai."
    ),
    "partial_follow_on_term": (
        "« Les travaux seront longs », a prévenu le maire. Les rues resteront fermées « jour et nuit »."
    ),
    "partial_follow_on_no_speaker": (
        "Le maire a visité le chantier lundi. Les rues resteront fermées « pendant au moins trois semaines, "
        "jour et nuit »."
    ),
    # -- an incise with any verb, its subject inverted after it ------------------------------------
    "incise_any_verb": "« Tout le quartier est bloqué », se désolaient lundi deux commerçantes du centre.",
    "incise_verb_tagged_noun": "« On ne nous écoute jamais », soupire Marie Dupont, infirmière à Lyon.",
    "incise_participle_no_subject": "« Le pont est fermé depuis lundi », bloquant la circulation des camions.",
    "incise_agent_participle": (
        "« Nous ne reviendrons pas ici », se désolaient deux touristes interrogés par la radio locale."
    ),
    # -- a name object the parser took for an xcomp -------------------------------------------------
    "np_claim_name_xcomp": "Une autre productrice, Anne Roy, a encensé Lucas et sa mise en scène audacieuse.",
    # -- an object clitic opening an inverted cue ----------------------------------------------------
    "incise_object_clitic": (
        "Jean Dupont a reçu les grévistes. « Nous ne céderons pas sur les horaires », leur a-t-il lancé."
    ),
    "incise_object_clitic_np": "« La salle restera ouverte tout l'été », nous a expliqué la directrice.",
    "object_clitic_no_incise": "La directrice l'a confirmé aux grévistes lundi.",
    # -- a reported clause under an opening « selon X, » -----------------------------------------------
    "selon_nested_cue": "Selon la préfecture, un ou deux médiateurs espèrent rencontrer les grévistes dès demain.",
    # -- the source of an impersonal cue, a word after it -----------------------------------------------
    "on_source_after_day": "Le pont a été fermé lundi, a-t-on appris jeudi de source policière.",
    # -- two sources in one sentence: « A, selon X, dont B, a indiqué Y » -----------------------------
    "selon_then_inverted_cue": (
        "Trente manifestants ont été interpellés dans la capitale, selon la préfecture, dont douze étaient "
        "encore en garde à vue dimanche, a indiqué le parquet de Lyon."
    ),
    "quote_then_participle": (
        "«Une longue enquête de nos services prouve la responsabilité du réseau» démantelé la semaine "
        "dernière, a déclaré une source policière."
    ),
    # -- « a dit à l'AFP Gérard, 64 ans »: the NER runs the agency into the name after it ----------
    "inv_agency_name": "« Nous ne lâcherons rien avant Noël », a confié à l'AFP Gérard, 64 ans.",
    "inv_agency_description": "« Nous ne lâcherons rien avant Noël », a confié à l'AFP le porte-parole du collectif.",
    # -- adverbial phrases of several tokens in and after an inverted cue group ----------------------
    "inv_pour_sa_part": "« Rien n'est réglé à la sortie », souligne pour sa part Marc Dubois, chercheur à Liège.",
    "inv_aux_demblee": "« Ce dossier n'est pas celui du déni », avait d'emblée affirmé l'avocat général Marc Dubois.",
    "que_pour_sa_part": "Marc Dubois a pour sa part estimé que la sortie de prison ne réglait rien.",
    # -- « a-t-on appris » with a time word or « auprès de » before its source -------------------------
    "on_appris_day_sources": "Deux entrepôts ont brûlé près du port, a-t-on appris jeudi de sources concordantes.",
    "on_appris_aupres": "Deux entrepôts ont brûlé près du port, a-t-on appris auprès des pompiers.",
    "on_appris_day_only": "Deux entrepôts ont brûlé près du port, a-t-on appris jeudi.",
    # -- an embedded post: its text, its signature, then the same text again ---------------------------
    "embed_post": (
        "La maire a réagi dans la soirée. Le marché de Noël rouvrira samedi matin.Merci aux bénévoles. "
        "#Marché https://t.co/Ab12Cd— Jeanne Roux (@jroux) 3 décembre 2019  Le marché de Noël rouvrira "
        "samedi matin.Merci aux bénévoles. #Marché https://t.co/Ab12Cd Les stands resteront ouverts tard."
    ),
    "embed_user_name": (
        "Des habitants ont partagé la nouvelle. Le marché de Noël rouvrira samedi matin https://t.co/Ab12Cd"
        "— jroux75 (@jroux75) 3 décembre 2019  Le marché de Noël rouvrira samedi matin https://t.co/Ab12Cd "
        "Les stands resteront ouverts tard."
    ),
    # -- purpose infinitives (« pour dénoncer … ») -------------------------------------------------
    "purpose_denounce": (
        "Des centaines d'agriculteurs ont bloqué le périphérique de Lille pour dénoncer la « concurrence "
        "déloyale » des importations."
    ),
    "purpose_not_a_cue": "Des centaines d'agriculteurs ont bloqué le périphérique de Lille pour obtenir des aides.",
    "purpose_object_acts": (
        "La matinée a vu des dizaines de chauffeurs routiers bloquer le port pour réclamer une baisse des péages."
    ),
    "purpose_complain": "Un riverain a appelé les gendarmes vers minuit pour se plaindre du vacarme causé par la fête.",
    # -- descriptions named after them, offices, genders ----------------------------------------------
    "desc_named_next": (
        "« L'école rouvrira lundi », a déclaré la porte-parole du rectorat de Grenoble. "
        "« Les travaux sont enfin terminés », a ajouté Claire Fontaine."
    ),
    "desc_named_next_other_role": (
        "« L'école rouvrira lundi », a déclaré la porte-parole du rectorat de Grenoble. "
        "Claire Fontaine, déléguée des parents d'élèves, a répondu que rien n'était prêt."
    ),
    "office_another_minister": (
        "Le ministre de l'Intérieur Paul Girard a indiqué que 40 personnes avaient été arrêtées. "
        "Le Premier ministre a affirmé que la fermeté primerait. Les manifestants pacifiques seront "
        "entendus, a assuré Marc Lemoine."
    ),
    "desc_unknown_gender": (
        "« C'est un immense honneur », a déclaré Kowalski lors de la cérémonie. "
        "L'ancienne championne a salué le travail des bénévoles du club."
    ),
    "desc_known_other_gender": (
        "« C'est un immense honneur », a déclaré Marc Kowalski lors de la cérémonie. "
        "L'ancienne championne a salué le travail des bénévoles du club."
    ),
    "infinitive_subject_participle": (
        "A Rennes, Julie Marchand est venue dénoncer l'usage des grenades, assurant avoir vu un "
        "adolescent blessé lors d'une manifestation."
    ),
    "bare_participle_apposition": (
        "Une vingtaine de militants ont chanté devant la mairie le refrain de Marc Dubois, condamné en "
        "2015 pour des propos injurieux."
    ),
    "on_source_place": (
        "Le gouvernement maintient son calendrier. « Le budget sera tenu, quoi qu'il arrive », estime-t-on "
        "à l'Élysée."
    ),
    "describe_as_interviewed": (
        "Un collègue interrogé par l'AFP a décrit le chauffeur comme un homme « calme » et « serviable ». "
        "« Il ne ratait jamais une réunion », a-t-il ajouté."
    ),
    "relative_after_coordination": (
        "La réforme a été critiquée par les syndicats mais aussi par le patronat qui a usé de cet "
        "argument pour demander aux élus de voter contre."
    ),
}


# English cases: parsed with the English pipeline (``load_pipeline("en")``: the model, its label
# conversion where the pack asks for one, and selon's segmenter), frozen with ``"lang": "en"``
# and the model's own entity labels (the statement rules rename them, as in the pipeline).
EN_CASES: dict[str, str] = {
    "en_subject_incise": '"We will keep the bridge closed until Friday," the mayor said.',
    "en_subject_incise_pronoun": (
        'Jane Morrow has run the food bank for ten years. "We are short of volunteers this winter," she said.'
    ),
    "en_inverted_comma_inside": (
        '"The roads will stay closed until morning," said Tom Reilly, a spokesman for the county council.'
    ),
    "en_indirect_incise": "The strike at the port will go on until Monday, the dockers' union said.",
    "en_adverbial_clause_before_subject": "After the storm passed, the council cleared the main road.",
    "en_bare_clause": "The minister told reporters the reform would take effect in January.",
    "en_question_clause": "The minister asked whether the reform would take effect in January.",
    "en_call_for": "The farmers' unions called for a general strike on Thursday.",
    "en_pledge_to": "The new government pledged to raise the minimum wage by next spring.",
    "en_appeal_pronoun": "The harbour master urged them to leave the old pier before the tide turned.",
    "en_appeal_quoted": "The county council urged residents to “stay indoors” until the wind dropped.",
    "en_appeal_no_request": "The harbour master thanked them for their patience.",
    "en_it_names_no_person": (
        'Tom Hale runs the Harbour Trust. The Harbour Trust published its report on Friday. '
        '"The walls must be rebuilt," it said.'
    ),
    "en_letter_names_no_person": (
        "Ruth Keane signed the letter on Monday. The letter says the bridge will reopen in June."
    ),
    "en_description_by_role": (
        "Ruth Keane, the county engineer, inspected the bridge. The engineer said the repairs would take a month."
    ),
    "en_description_without_role": (
        "Ruth Keane inspected the bridge on Monday. The official said the repairs would take a month."
    ),
    "en_particle_cue": "The treasurer pointed out that the fund had lost money.",
    "en_particle_no_clause": "The guide pointed out the old harbour wall to the visitors.",
    "en_causative_cue": "Shares fell sharply, prompting the finance minister to warn that the bank was at risk.",
    "en_causative_no_cue": "The storm prompted the council to close the coast road.",
    "en_line_broken_in_sentence": "The union said the strike would\nspread to the ports by Friday.",
    "en_np_before_subordinate_clause": "The mayor condemned the attack on the clinic, after a nurse was hurt on Sunday.",
    "en_np_with_its_relative": "The mayor condemned the attack on the clinic that a nurse had reported.",
    "en_summing_up_apposition": "The board pledged to cut fares by a tenth, a move that angered the drivers.",
    "en_relative_without_comma": "The board pledged to cut fares on a route that the drivers use.",
    "en_participle_after_noun": "Local papers quoted officials saying the airport would stay closed.",
    "en_participle_after_report_noun": "The council issued a statement saying the airport would stay closed.",
    "en_hearsay_passive": "Two guards were reported to have left the building before the fire.",
    "en_impersonal_passive": "It was reported that two guards had left the building before the fire.",
    "en_spaced_ellipsis_in_quote": '"The board will . . . publish its accounts in May," the treasurer said.',
    "en_relative_which": "The unions, which argued that the plan was unfair, left the talks on Monday.",
    "en_according_after_but": (
        "The full cost is not known, but according to the council, which will publish its accounts in May, "
        "the repairs will cost two million euros."
    ),
    "en_according_final": "The repairs will cost two million euros, according to the council.",
    "en_colon_short_quote": 'The coach told reporters on Sunday: "We\'re ready now" before the final.',
    "en_short_quote_term": 'The so-called "green belt" runs around the whole city.',
    "en_incise_with_adverbial_clause": '"We will not give in," the mayor wrote on Sunday as the rain fell.',
    "en_incise_with_clause_of_its_own": '"We will not give in," the mayor said the talks would resume.',
    "en_passive_as_with_agent": "The plan was described by the mayor as a disaster for the town.",
    "en_passive_as_without_agent": "The new law has been criticised as targeting small farmers.",
    "en_passive_without_as": "The old bridge was described in a guide book for walkers.",
    "en_possessive_description": (
        "Smith's lawyer Paul Grant told the court that the fine was unfair. Smith's lawyer said he would appeal."
    ),
    "en_possessor_not_speaker": "Ruth Keane arrived on Monday. Smith's lawyer said he would appeal.",
    "en_speech_noun_described_as": "The unions described the speech as the weakest of the whole year.",
    "en_speech_noun_named_only": "The minister described the speech in a long letter to the mayor.",
    "en_claim_noun_no_owner": "The strike comes amid reports that the port will close in March.",
    "en_claim_noun_owner": "The judges accepted the council's argument that the road was unsafe.",
    "en_claim_noun_relative": "The judges studied reports that covered the road in detail.",
    # a page that dropped a link's words and kept its line breaks (round 3, spans)
    "en_quote_stray_break": (
        "\u201cI never asked\n[the union] to strike on Monday, even if I share its anger,\u201d the mayor said."
    ),
    "en_quote_line_capital": "\u201cWe never asked for this\nThe union met on Monday and voted to strike.",
    "en_np_before_time_adverbial": "Church leaders appealed for patience on Friday as the strike entered its third week.",
    "en_np_before_after_clause": "The mayor denied a quarrel with the council after she refused to sign the budget.",
    "en_np_complement_kept": "The mayor accused the council of hiding the budget from voters.",
    "en_slogans_hurled": (
        'Several angry dock workers blocked the minister outside the port. Insults including "liar," '
        '"thief" and "go home" were hurled at him before the police arrived.'
    ),
    "en_quoted_term_in_passive_subject": 'The "green belt" plan was approved by the council on Monday.',
    "en_guillemets": "\u00ab Nous resterons ouverts tout l'\u00e9t\u00e9 \u00bb, the mayor of Lyon said on Monday.",
    "en_guillemets_term": "The \u00ab gilets jaunes \u00bb marched again in Lyon on Saturday.",
    "en_medial_incise_and": (
        "The mayor was plainly playing to the rural wing of her party, the newspaper suggested, "
        "and putting clear water between the two camps."
    ),
    "en_medial_incise_subordinate": "Even if some of her ideas would annoy the unions, it added, the two plans share much common ground.",
    "en_medial_incise_before_quote": 'When he took the job, the nurse said, "He was full of hope and new ideas."',
    "en_pronoun_described_as": 'The coach has described him as "never satisfied" with a draw.',
    "en_pronoun_called_noun": "The mayor called them cowards after the vote.",
    "en_pronoun_object_only": "The mayor thanked them for their patience during the works.",
    "en_gerund_complement": "The farmer recounted on local radio having been surprised to find the gate open.",
    "en_gerund_denied": "The treasurer denied taking money from the club.",
    "en_gerund_recommended": "The experts have recommended changing the law to protect the river.",
    "en_passive_request": "Residents of the old town were advised not to leave bins on the streets.",
    "en_passive_request_agent": "Shop owners were urged by the police to close early.",
    "en_passive_invited_place": "The mayor was invited to Paris for the summit.",
    "en_np_including": "The minister alluded to threats from rival groups, including two unions and a farmers' lobby.",
    "en_np_participle_clause": "The minister alluded to threats from rival groups, saying the police were ready.",
    "en_bare_clause_relative_subject": 'The mayor said those who "excuse or encourage" the riots are "complicit."',
    "en_indicated_np": "The finance minister indicated a desire to have more say over the port.",
    "en_indicated_pronoun": "The finance minister indicated it on the map.",
    "en_phrase_cue_time_between": "The minister alluded on Tuesday to the costs of the new reactors.",
    "en_phrase_cue_place_between": "The minister alluded in Paris to the costs of the new reactors.",
    "en_cue_comma_quote": "The coach smiled and added, \u201cWe will be back here next year, stronger.\u201d",
    "en_no_cue_comma_quote": "Workers painted, \u201cClosed until further notice by order of the owner\u201d, on the gate.",
    "en_gerund_adverbial_clause": "The mayor recalled the storm while walking home from the harbour.",
    "en_colon_quote_far_cue": (
        "The retired harbour master told a crowd of angry fishermen outside the town hall that closing the old "
        "port was an act of folly: \u201cWe built this town on the sea. We will not abandon it.\u201d"
    ),
    "en_colon_quote_no_cue": (
        "The banner outside the town hall carried one line in large red letters: \u201cWe built this town.\u201d"
    ),
}

# English figure and scope cases (tests/test_figures_en.py, tests/test_scope_en.py), frozen as EN_CASES are.
EN_CASES.update({
    "en_fig_formats": (
        "About 2,500 nurses marched in Leeds, the repairs cost €4.5bn and a further $1.2m was set aside, "
        "while rents rose 3.5% and 680m litres were lost."
    ),
    "en_fig_glued_hyphen": "Prices climbed by near-15% as a 30,000-pound fine and a 12-page report came out.",
    "en_fig_vague": (
        "Thousands of nurses and dozens of doctors joined, several hundred students watched, "
        "and tens of thousands of homes lost power while test scores fell."
    ),
    "en_fig_words": "A million people signed, a dozen buses were torched and Sixty farmers were arrested.",
    "en_fig_fractions": "Close to two-thirds of the stations and more than half of the trains stopped.",
    "en_fig_qualifiers": (
        "At least 12 people were hurt, up to 300 homes were flooded, fewer than 40 shops opened "
        "and some 8,000 fans waited."
    ),
    "en_fig_not_under": "The school was run under two previous mayors and under 5% of pupils left.",
    "en_fig_ranges": (
        "The fines run between 2,000 pounds ($2,600) and 3,000 pounds, and between 150 and 200 bus crashes "
        "happen a year."
    ),
    "en_fig_not_figures": (
        "A 54-year-old man was held on 12 January after the 2019 election. Jones (47) said "
        "Article 50 and League 2 mattered, and 4,000 workers struck."
    ),
    "en_fig_line_break": "By midday on Friday, about\n5,000 walkers had set off.",
    "en_fig_cut_sentence": (
        "By noon, about\n6,000 cyclists had set off across the county\n, including 900 in Derby, "
        "according to the organisers.\nThe next ride is in May."
    ),
    "en_fig_hyphen_range": "Police said 10-20 riders were hurt; the helpline is 555-0199-12.",
    "en_scope_district": (
        "KIRKUK (Reuters) — More than 70 shops were burnt in the al-Nasr district on Friday, "
        "while 300 families fled to Erbil."
    ),
    "en_scope_org_city": "About 40 people were evacuated near Lyon on Sunday.",
    "en_scope_region": "At least 14 civilians were killed in Kherson Oblast, and 9 more died in the Donbas, officials said.",
    "en_scope_region_iso": "About 2,000 protesters marched in Bavaria on Saturday, and 300 in the Kharkiv region.",
    "en_scope_region_city": "At least 30 people were evacuated in Kherson. More than 50 homes were flooded in County Mayo.",
    "en_fig_premodified_unit": "The 12 EU ministers met as 30 Welsh farmers waited outside.",
    "en_fig_clock_last_year": "At 10:30 on Friday, 40 riders set off, up from 150 last year, for three full days.",
})

# English figure sources (tests/test_sources_en.py): whose figure it is, statements and figures together.
EN_CASES.update({
    "en_src_citing": (
        "About 900 nurses marched in Leeds on Sunday, the local radio station reported, citing hospital officials."
    ),
    "en_src_citing_not_a_source": (
        "The union counted 120 empty posts in March, the newsletter reported, citing concerns over staffing."
    ),
    "en_src_words_quoted_after_cue": (
        "The meeting will bring together 14 mayors, in the words of Governor Jane Hart, to \u201csettle the next steps\u201d."
    ),
    "en_src_medial_according_to": (
        "The marchers were about 300, according to the organisers, to walk the whole route to the coast."
    ),
    "en_src_but_according_to": (
        "Nobody knows how many bridges are unsafe, but according to the survey, which was published on Monday, "
        "about 40% of them need urgent repairs."
    ),
    "en_src_and_according_to_final": (
        "The road to the port stayed closed and 12 lorries were stuck, according to the police."
    ),
    "en_src_link_on_its_line": (
        "Drivers are angry about the new fines.\nAccording to the news site\nexample.org\n, the share of broken "
        "meters could be as high as 40%.\nThe council did not comment."
    ),
    "en_src_relative_in_subject": (
        "The two-page memo sent to the board on Monday says that the audit, which was finished on Friday, "
        "found no fraud."
    ),
    "en_src_inverted_cue_kept": "Some 40 invoices were left unpaid for a year, said the auditor.",
    "en_src_relative_cue_claim": (
        "Mayor Jane Hart, who denounced \u201creckless spending\u201d in the report, said 12 projects would be cut."
    ),
    "en_fig_channel_name": (
        "The minister told France 2 television on Sunday that 40 radio stations and 3 TV channels had closed."
    ),
    "en_src_doubled_mark": (
        "Anna Kerr runs a bakery in the square. \u201c\u201cWe lost 30 customers a day. "
        "It has been a hard winter,\u201d she told reporters. Some 2,000 people live in the old town."
    ),
})

# English speakers, round 3 (tests/test_speakers_en.py): who speaks.
EN_CASES.update({
    "en_spk_relative_head": (
        "The tenant was represented by lawyers from Leeds in the north, who said the eviction was unlawful."
    ),
    "en_spk_relative_name": "The tenants met Jane Hart, who said the eviction was unlawful.",
    "en_spk_false_person": (
        "Paul Ryan voted in the referendum on Brexit. Brexit is a threat to the border, he said. "
        "After Brexit, he said, prices would fall."
    ),
    "en_spk_absolute_with": (
        "Hospital unions reacted angrily to the vote, with Mary Lynch, head of the nurses' union, "
        "calling for a new ballot. \u201cIt is a disgrace,\u201d she said."
    ),
    "en_spk_absolute_without": "Hospital unions reacted angrily to the vote, calling for a new ballot.",
    "en_spk_commissioned": "A study commissioned by the mayor will call for ten new parks to be built.",
    "en_spk_published_by": "A study published by the institute found that rents had risen.",
    "en_spk_lost_name_comma": (
        "\u201cWe were never asked,\u201d said , chairman of the farmers\u2019 association."
    ),
    "en_spk_lost_name_comma_named_after": (
        "\u201cWe were never asked,\u201d said , the chairman of the association. "
        "Tom Carey later wrote to the council."
    ),
    "en_spk_name_then_comma": (
        "\u201cWe were never asked,\u201d said John Hall, chairman of the farmers\u2019 association."
    ),
    "en_spk_colon_governing_cue": (
        "Ms Hart declined to answer questions, saying only in a statement posted by her office: \u201cWe will appeal.\u201d"
    ),
    "en_spk_colon_posted": "The council posted a short message: \u201cAll roads are closed.\u201d",
    "en_spk_name_in_complement": "A spokesman for the family of John Hall said the police had lied.",
    "en_spk_name_in_apposition": "Police chief John Hall said the roads were closed.",
    "en_spk_lost_name_title": (
        "Former health minister\nsaid on Monday that the plan would fail.\n"
        "The vote is on Tuesday. Mr Peter Hall told the radio that he would vote against it."
    ),
    "en_spk_possessive_entity": "Mr Peter Hall\u2019s last visit to the port was in May.",
    "en_spk_controller_subject": (
        "Students used chalk to write \u201cFees are theft and we will not pay them\u201d on the steps of the hall."
    ),
    "en_spk_controller_own_subject": (
        "Students wrote \u201cFees are theft and we will not pay them\u201d on the steps of the hall."
    ),
    "en_spk_personal_relative": (
        "Tom Carey spoke first. Gowrie, who chairs the board, said on Monday the deal was dead. "
        "\u201cWe will not sign it,\u201d he said."
    ),
    "en_spk_relative_which": (
        "Tom Carey spoke first. Gowrie, which runs the port, said on Monday the deal was dead. "
        "\u201cWe will not sign it,\u201d he said."
    ),
    "en_spk_narrated_subject": (
        "\u201cWe will win,\u201d said Tom Carey. Jane Hart listed the failures of the council. "
        "\u201cHave we fixed the roads? No. Have we built homes? No.\u201d"
    ),
    "en_spk_narrated_no_person": (
        "\u201cWe will win,\u201d said Tom Carey. The crowd cheered for a long time. "
        "\u201cNobody can stop us now, and we will be back next year.\u201d"
    ),
    "en_spk_banner_of_the_crowd": (
        "Thousands of protesters marched through the town centre on Saturday. "
        "\u201cWe want our hospital back, Mr Mayor,\u201d read a banner on the old bridge."
    ),
    "en_spk_banner_no_crowd": (
        "The council met on Saturday. "
        "\u201cWe want our hospital back, Mr Mayor,\u201d read a banner on the old bridge."
    ),
    "en_spk_out_of_reported_clause": (
        "A council official told reporters the sale was off. The source declined to say whether the council "
        "would sell the land but said the talks would go on. Jane Hart said she was sad."
    ),
    "en_spk_conj_cue_no_mark": (
        "A council official told reporters the sale was off. The mayor sold the land and said the talks "
        "would go on."
    ),
    "en_spk_title_no_name_after": (
        "Former health minister\nsaid on Monday that the plan would fail.\nThe vote is on Tuesday."
    ),
})


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

    unknown = [n for n in names if n not in CASES and n not in EN_CASES]
    if unknown:
        print(f"unknown cases: {', '.join(unknown)}", file=sys.stderr)
        return 2
    nlp = load_pipeline("fr")
    DOCS.mkdir(exist_ok=True)
    todo = names or [*CASES, *EN_CASES]
    en_nlp = load_pipeline("en") if any(n in EN_CASES for n in todo) else None
    for name in todo:
        if name in EN_CASES:
            assert en_nlp is not None
            # the model's own annotation: selon's rules run in the tests, not here
            with en_nlp.select_pipes(disable=["selon_statements", "selon_speakers", "selon_figures", "selon_scope"]):
                doc = en_nlp(EN_CASES[name])
            data = {"lang": "en", **freeze(doc)}
        else:
            doc = nlp(CASES[name])
            data = freeze(doc)
        path = DOCS / f"{name}.json"
        # one key a line: small diffs when a parse changes, still plain JSON
        body = ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items())
        path.write_text("{\n" + body + "\n}\n", encoding="utf-8")
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
