# Problemen in een invoerbestand. De plaats (bestand:regel:kolom) en de sleutel blijven zoals getypt.
problem = `{ $key }` = { $value }: verwacht { $expected }
problem-hint = `{ $key }` = { $value }: verwacht { $expected } ({ $hint })
expected-finite-in = een eindig getal in [{ $lo }; { $hi }]
expected-in = een getal in [{ $lo }; { $hi }]
expected-strictly-inside-unit = een getal tussen 0 en 1, zonder 0 en 1 zelf
hint-beta-mean = een Beta-gemiddelde kan geen 0 of 1 zijn
expected-daily-rate = een dagtempo in [0; 1]
hint-daily-rate = een tempo is het deel van de afstand dat per werkdag wordt overbrugd
expected-positive = een positief getal (hoogstens 1e9)
expected-whole-at-least = een geheel getal van minstens { $lo }
expected-whole-in = een geheel getal in [{ $lo }; { $hi }]
