"""The figures layer through the real pipeline, on short sentences written for these tests."""

from __future__ import annotations

import pytest

from selon.models import Figure

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def analyzer():
    from selon.pipeline.analyzer import Analyzer

    try:
        return Analyzer("fr")
    except Exception as e:  # pragma: no cover - the model is part of the dev install
        pytest.skip(f"French pipeline unavailable: {e}")


@pytest.fixture(scope="module")
def figs(analyzer):
    def run(text: str) -> list[Figure]:
        return analyzer.analyze(text).figures

    return run


def only(figures: list[Figure], number: str) -> Figure:
    """The one figure whose text contains ``number``."""
    hits = [f for f in figures if number in f.text]
    assert len(hits) == 1, f"{number!r} in {[f.text for f in figures]}"
    return hits[0]


def values(figures: list[Figure]) -> list[tuple]:
    return [(f.low, f.high) for f in figures]


# -- number formats ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "written, value",
    [
        ("12 500", 12500),
        ("12\u00a0500", 12500),
        ("12\u202f500", 12500),
        ("12.500", 12500),
        ("12'500", 12500),
        ("12’500", 12500),
        ("3,5 millions de", 3500000),
        ("deux milliards de", 2000000000),
    ],
)
def test_digit_formats(figs, written, value):
    f = figs(f"La collecte a rapporté {written} francs aux sinistrés du canton.")
    assert len(f) == 1
    assert (f[0].low, f[0].high, f[0].qualifier) == (value, value, "exact")
    assert f[0].unit == "francs"


def test_decimal_comma_percent(figs):
    f = figs("Le taux de chômage a atteint 8,4 % en fin d'année dans la région.")
    assert len(f) == 1
    assert (f[0].low, f[0].unit, f[0].outcome) == (8.4, "%", None)


def test_word_numbers(figs):
    f = figs("Trois camions et deux cent soixante mille tracts ont été saisis.")
    assert values(f) == [(3, 3), (260000, 260000)]


def test_belgian_word_number(figs):
    f = figs("Nonante-deux plaintes ont été déposées au commissariat de Namur.")
    assert only(f, "Nonante").low == 92


# -- qualifiers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "phrase, low, high, qualifier",
    [
        ("environ 300", 300, 300, "about"),
        ("près de 300", 300, 300, "about"),
        ("quelque 300", 300, 300, "about"),
        ("autour de 300", 300, 300, "about"),
        ("plus de 300", 300, None, "more_than"),
        ("au-delà de 300", 300, None, "more_than"),
        ("au moins 300", 300, None, "at_least"),
        ("au minimum 300", 300, None, "at_least"),
        ("moins de 300", None, 300, "less_than"),
        ("jusqu'à 300", None, 300, "at_most"),
        ("au plus 300", None, 300, "at_most"),
        ("entre 300 et 400", 300, 400, "range"),
        ("de 300 à 400", 300, 400, "range"),
        ("300 à 400", 300, 400, "range"),
    ],
)
def test_qualifiers(figs, phrase, low, high, qualifier):
    f = figs(f"Lundi, {phrase} grévistes se sont rassemblés devant l'usine.")
    assert len(f) == 1, [x.text for x in f]
    assert (f[0].low, f[0].high, f[0].qualifier) == (low, high, qualifier)
    assert f[0].text.lower().startswith(phrase.split()[0].lower())
    assert f[0].unit == "grévistes"


def test_more_than_an_approximate_noun(figs):
    f = figs("Plus d'une centaine de riverains ont signé la pétition.")
    assert (f[0].low, f[0].high, f[0].qualifier) == (100, None, "more_than")


def test_at_least_after_the_noun(figs):
    f = figs("Trois passants au moins ont été blessés par la chute du panneau.")
    assert len(f) == 1
    assert f[0].text == "Trois passants au moins"
    assert (f[0].low, f[0].high, f[0].qualifier, f[0].outcome) == (3, None, "at_least", "injured")


def test_less_than_under_the_bar(figs):
    f = figs("La participation est passée sous la barre des 40 % dimanche.")
    assert (f[0].low, f[0].high, f[0].qualifier) == (None, 40, "less_than")


def test_or_range(figs):
    f = figs("Selon un témoin, cinq ou six individus cagoulés ont attaqué la boutique.")
    assert len(f) == 1
    assert (f[0].low, f[0].high, f[0].qualifier) == (5, 6, "range")


def test_alternatives_give_one_figure_each(figs):
    f = figs("Un abonnement coûte 30, 45 ou 60 euros selon la formule.")
    assert values(f) == [(30, 30), (45, 45), (60, 60)]
    assert [x.unit for x in f] == ["euros", "euros", "euros"]


def test_range_with_a_multiplier(figs):
    f = figs("Le chantier coûterait entre 2 et 5 millions d'euros à la commune.")
    assert len(f) == 1
    assert (f[0].low, f[0].high, f[0].qualifier, f[0].unit) == (2000000, 5000000, "range", "euros")


def test_change_from_to_is_two_figures(figs):
    f = figs("Le prix du ticket passe de 2,10 à 2,50 euros au mois prochain.")
    assert values(f) == [(2.1, 2.1), (2.5, 2.5)]


def test_falling_pair_is_two_figures(figs):
    f = figs("La taxe serait ramenée de 20 à 5 % pour les produits de base.")
    assert values(f) == [(20, 20), (5, 5)]


# -- approximate, vague, fractions ---------------------------------------------------------------
@pytest.mark.parametrize(
    "phrase, low, high, qualifier",
    [
        ("Une dizaine de", 10, 10, "about"),
        ("Une vingtaine de", 20, 20, "about"),
        ("Une trentaine de", 30, 30, "about"),
        ("Une quinzaine de", 15, 15, "about"),
        ("Une cinquantaine de", 50, 50, "about"),
        ("Une centaine de", 100, 100, "about"),
        ("Un millier de", 1000, 1000, "about"),
        ("Des centaines de", 200, 999, "vague"),
        ("Des milliers de", 2000, 9999, "vague"),
        ("Plusieurs dizaines de", 20, 99, "vague"),
        ("Des dizaines de milliers de", 20000, 99999, "vague"),
        ("Des centaines de milliers de", 200000, 999999, "vague"),
        ("Plusieurs millions de", 2000000, 9999999, "vague"),
        ("Quelques centaines de", 200, 999, "vague"),
    ],
)
def test_approximate_and_vague(figs, phrase, low, high, qualifier):
    f = figs(f"{phrase} manifestants ont défilé dans le centre de Lille.")
    assert len(f) == 1
    assert (f[0].low, f[0].high, f[0].qualifier) == (low, high, qualifier)
    assert (f[0].unit, f[0].outcome) == ("manifestants", "participating")


def test_fractions(figs):
    f = figs("La moitié des élus a voté le texte, les trois quarts des maires l'ont rejeté.")
    assert values(f) == [(0.5, 0.5), (0.75, 0.75)]
    assert [x.unit for x in f] == ["élus", "maires"]  # what the fraction is a part of


def test_words_without_a_number_are_not_figures(figs):
    text = (
        "Plusieurs témoins, quelques voisins et de nombreux curieux étaient là, "
        "ainsi qu'une poignée de militants."
    )
    assert figs(text) == []


# -- units ---------------------------------------------------------------------------------------
def test_elided_unit(figs):
    f = figs("La préfecture a compté 8.200 marcheurs à Lyon et 1.300 à Grenoble.")
    assert values(f) == [(8200, 8200), (1300, 1300)]
    assert f[1].text == "1.300"
    assert f[1].unit == "marcheurs"


def test_percent_unit(figs):
    f = figs("Le candidat recueille 12% des intentions de vote.")
    assert (f[0].low, f[0].unit) == (12, "%")


def test_quoted_unit(figs):
    f = figs('La gendarmerie a recensé 37 "points de blocage" dans le département.')
    assert len(f) == 1
    assert f[0].low == 37
    assert f[0].unit == "points de blocage"


# -- outcomes ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence, outcome",
    [
        ("Douze randonneurs ont été tués par l'avalanche.", "killed"),
        ("L'explosion a fait 14 morts dans le quartier.", "killed"),
        ("Sept mineurs ont péri dans l'effondrement de la galerie.", "killed"),
        ("Le bilan fait état de 21 victimes parmi les passagers.", "killed"),
        ("Neuf ouvriers ont perdu la vie sur le chantier.", "killed"),
        ("L'accident a fait 32 blessés sur l'autoroute.", "injured"),
        ("Onze pêcheurs sont portés disparus au large.", "missing"),
        ("Plus de 4.000 habitants ont fui les combats.", "displaced"),
        ("Les secours ont évacué 600 habitants de la vallée.", "displaced"),
        ("Environ 800 personnes ont dû quitter leur village.", "displaced"),
        ("Une centaine de détenus ont pu s'enfuir pendant la nuit.", "displaced"),
        ("La police a interpellé 45 personnes après les heurts.", "arrested"),
        ("On compte 18 gardes à vue à l'issue de la soirée.", "arrested"),
        ("Les gendarmes ont procédé à 27 arrestations.", "arrested"),
        ("Quelque 3.000 manifestants ont défilé à Rennes.", "participating"),
        ("Plus de 12 000 habitants sont assiégés depuis un mois.", "affected"),
        ("Plus de 9 000 civils vivent sous le contrôle des rebelles.", "affected"),
        ("Trente enseignants ont signé une tribune.", "other"),
        ("La mairie a acheté 40 vélos électriques.", None),
    ],
)
def test_outcomes(figs, sentence, outcome):
    f = figs(sentence)
    assert len(f) == 1, [x.text for x in f]
    assert f[0].outcome == outcome


def test_tally_with_a_lone_one(figs):
    f = figs("La collision a fait un mort et 17 blessés, selon les pompiers.")
    assert values(f) == [(1, 1), (17, 17)]
    assert [x.outcome for x in f] == ["killed", "injured"]


def test_one_with_only(figs):
    f = figs("Sur les douze suspects, un seul a été relâché.")
    assert values(f) == [(12, 12), (1, 1)]


# -- not figures ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Le tribunal rendra sa décision le 14 avril.",
        "Les faits se sont produits le samedi 3 février vers minuit.",
        "Le rassemblement est prévu à 15 h devant la mairie.",
        "Le cortège est parti vers 10H30 de la gare.",
        "La réforme avait été votée en 2016 par le Parlement.",
        "Paul, 58 ans, tient la boulangerie du village.",
        "Un retraité de 81 ans a été renversé par un bus.",
        "Les victimes, âgées de 19, 23 et 30 ans, étaient originaires de Metz.",
        "Il a travaillé pendant 32 ans à l'usine.",
        "Le blocage a duré sept heures sur la rocade.",
        "Il a été placé en arrêt de travail pendant 10 jours.",
        "Les gilets jaunes ont organisé leur acte 22 ce week-end.",
        "C'était la douzième journée de mobilisation, la 13eme pour certains.",
        "Un accident s'est produit sur la RN 4 près de Nancy.",
        "Le magasin se trouve au 12 rue des Lilas.",
        "Pour tout renseignement, appelez le 04 72 10 30 30 en semaine.",
        "Un automobiliste est mort dans la nuit.",
        "Elle a lu le roman « Les 100 jours » pendant l'été.",
        "L'indice Bel 20 a clôturé en hausse.",
        "Le club s'est imposé 2 à 1 face à Nantes.",
        "Le numéro vert 0 800 123 456 est ouvert aux familles.",
        "Le tribunal l'a condamné à 18 mois de prison.",
    ],
)
def test_not_figures(figs, sentence):
    assert figs(sentence) == [], [f.text for f in figs(sentence)]


def test_signed_change_in_parentheses_is_not_a_figure(figs):
    f = figs("Le président recueille 31% (+4) d'opinions favorables.")
    assert values(f) == [(31, 31)]


def test_age_and_count_in_one_sentence(figs):
    f = figs("Un homme de 47 ans a blessé deux policiers lors de son interpellation.")
    assert values(f) == [(2, 2)]
    assert f[0].outcome == "injured"


# -- source ------------------------------------------------------------------------------------
def test_figure_inside_a_statement_takes_its_speaker(analyzer):
    a = analyzer.analyze("Selon la préfecture, 2.400 manifestants ont défilé samedi à Nantes.")
    f = only(a.figures, "2.400")
    s = a.statement(f.statement) if f.statement else None
    assert s is not None
    assert s.content.start <= f.start and f.end <= s.content.end
    assert f.source == (s.speaker.name if s.speaker else None)


def test_figure_in_the_articles_own_voice_has_no_source(figs):
    f = figs("Samedi, 2.400 manifestants ont défilé à Nantes.")
    assert (f[0].source, f[0].statement) == (None, None)


# -- offsets and bad input ---------------------------------------------------------------------
def test_offsets_point_into_the_text(analyzer):
    text = "Hier, plus de 130 civils et 12 % des maisons ont été touchés.\nEnviron 5 000 personnes ont fui."
    for f in analyzer.analyze(text).figures:
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    "text",
    [
        "Le chiffre 10^400 circule sur les réseaux.",
        "Un code de " + "7" * 500 + " chiffres a été publié.",
        "Le devis s'élève à 1.200,50 euros hors taxes.",
        "Ils étaient 260\n000 selon les organisateurs.",
        "Ils étaient 260\u00a0\n000 selon les organisateurs.",
        "1 2 3 4 5 6 7 8 9 10 11 12",
        "%%% ,,, ... 0,0,0 ''' 1..2 3,,4",
    ],
)
def test_bad_input_never_crashes(analyzer, text):
    figures = analyzer.analyze(text).figures
    for f in figures:
        assert text[f.start : f.end] == f.text
        assert f.low is None or abs(f.low) < 10**16


def test_mixed_separators_value(figs):
    f = figs("Le devis s'élève à 1.200,50 euros hors taxes.")
    assert (f[0].low, f[0].unit) == (1200.5, "euros")


def test_absurd_digit_run_is_not_a_figure(figs):
    assert figs("Un code de " + "7" * 500 + " chiffres a été publié.") == []
