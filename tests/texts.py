"""Short articles written for the tests, in the languages the acceptance tests need."""

FRENCH = (
    "Selon la police, plus de 300 personnes ont manifesté samedi à Lyon contre la fermeture de "
    "la maternité. « Nous ne céderons pas », a déclaré le porte-parole du collectif, Marc Durand.\n"
)
GERMAN = (
    "Der Bürgermeister der Stadt erklärte am Montag vor Journalisten, dass die alte Brücke über "
    "den Fluss wegen schwerer Schäden noch mindestens drei Monate gesperrt bleiben müsse. Die "
    "Anwohner seien über die Umleitungen informiert worden.\n"
)
ENGLISH = (
    "The health minister told reporters on Tuesday that the new hospital wing would open next "
    "spring, despite the delays caused by the shortage of building materials this winter.\n"
)
SPANISH = (
    "El alcalde de la ciudad explicó el lunes a los periodistas que el viejo puente sobre el "
    "río seguirá cerrado al menos tres meses por los graves daños sufridos durante las lluvias. "
    "Los vecinos ya han sido informados de los desvíos.\n"
)
#: A mixed batch: the same outcome (« tués » / "killed") at the same place and time, in both
#: languages.
FRENCH_DEATHS = (
    "Selon la préfecture, 12 personnes ont été tuées samedi dans l'effondrement d'un immeuble à "
    "Marseille. « Les recherches continuent », a déclaré le préfet, Paul Mercier.\n"
)
ENGLISH_DEATHS = (
    "Twelve people were killed on Saturday when a building collapsed in Marseille, according to "
    "the local authorities. \"The search goes on,\" the prefect, Paul Mercier, told reporters.\n"
)
