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
