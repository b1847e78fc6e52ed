# Problemen in een invoerbestand. De plaats (bestand:regel:kolom) en de sleutel blijven zoals getypt.
problem = `{ $key }` = { $value }: verwacht { $expected }
value-given = opgegeven
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

## Eigen controles (Check::fail_own): `expected-<id>`, en `hint-<id>` waar de controle een tip geeft.
-unit-hint = dagen zijn werkdagen; ook als tekst te schrijven, zoals "6 months", "2 weeks" of "1 year"
expected-intervention-start = een dag in [0; { $horizon }) (de meetperiode)
hint-intervention-start = een interventie begint binnen de meetperiode, horizon_days; { -unit-hint }
expected-duration-at-least-one = minstens 1 dag
hint-duration-at-least-one = { -unit-hint }
expected-duration-at-least = minstens { $days } dagen
hint-duration-at-least = { -unit-hint }
expected-duration-at-most = hoogstens { $most } (de interventie moet eindigen binnen horizon_days = { $horizon })
hint-duration-at-most = maak de interventie korter of horizon_days langer; { -unit-hint }
expected-interval-days-in = een geheel aantal dagen in [{ $lo }; { $hi }]
hint-interval-days-in = { -unit-hint }
expected-teams-listed = een niet-lege lijst met teamnummers
hint-teams-listed = target = "teams" vraagt om de teams die de interventie bereikt
expected-team-numbers = teamnummers in [0; { $teams })
hint-team-numbers = teams zijn genummerd vanaf 0
expected-target-managers = "managers" (deze interventie richt zich op leidinggevenden)
expected-target-employees = "all" of "teams" (deze interventie richt zich op medewerkers)
expected-one-valuation = afwezig als economics.value_per_customer_per_year is opgegeven
hint-one-valuation = geef één waardering van de winst: behouden en aangebrachte klanten zijn wat de NPS-winst waard is, dus samen tellen ze die dubbel
expected-team-size = hoogstens organisation.employees ({ $employees })
hint-team-size = een team kan niet groter zijn dan de organisatie
expected-norm-rates = de normsnelheden opgeteld (voorbeeldgedrag- en feedbacksnelheid maal 5) onder 1
hint-norm-rates = verlaag de normsnelheden: het zijn dagelijkse snelheden, in de orde van 0,001
expected-habit-days = hoogstens state.habit_days_max ({ $max })
hint-habit-days = de grenzen van het aantal gewoontedagen staan omgekeerd
expected-drive-shares = aandelen met een positieve som
hint-drive-shares = geef minstens één drijfveer een positief aandeel (de aandelen worden geschaald tot som 1)
expected-facet-weights = gewichten met een positieve som
hint-facet-weights = geef minstens één facet een positief gewicht (de gewichten worden geschaald tot som 1)
expected-output-name = een niet-lege naam van hoogstens { $max } tekens, zonder padscheidingstekens of stuurtekens
hint-output-name = de naam wordt de uitvoermap results/<name>/
expected-arm-name = een niet-lege naam van hoogstens { $max } tekens, zonder komma's, aanhalingstekens of stuurtekens
expected-whole-days-in = een geheel aantal dagen in [{ $lo }; { $hi }]
expected-record-every = een geheel aantal dagen in [1; { $hi }] (horizon_days)
expected-snapshot-every = een geheel aantal dagen in [0; { $hi }] (horizon_days; 0 = alleen de opgegeven dagen)
expected-snapshot-days = dagen in [0; { $horizon })
hint-snapshot-days = momentopnamen liggen binnen de meetperiode
expected-window = [first, last] met 0 <= first <= last <= { $last } (de laatste gemeten dag)
hint-window = een venster ligt binnen de meetperiode en bevat een gemeten dag: elke record_every-de dag of de laatste
expected-unique-arm-name = een naam die geen andere variant heeft
hint-unique-arm-name = elke variant heeft een eigen naam
expected-baseline-bare = geen
hint-baseline-bare = de variant baseline is de vergelijking zonder interventie

## De eigen controles van een experimentbestand (ontwerpen en assen van een sweep)
expected-design-key-not-here = geen `{ $key }` bij design = "{ $design }"
hint-design-key-not-here = `{ $key }` hoort bij design { $designs }
expected-design-key-needed = een sleutel `{ $key }` in [sweep] (een geheel getal in [{ $lo }; { $hi }])
expected-morris-levels = een even geheel getal in [2; 1000]
hint-morris-levels = Morris-stappen van de helft van de niveaus vallen alleen bij een even aantal niveaus op het rooster
expected-some-axis = minstens één [[sweep.axes]]
expected-sobol-axes = hoogstens { $max } assen bij een Sobol-ontwerp
expected-list-lengths = { $count } waarden, evenveel als sweep.axes[0]
hint-list-lengths = een lijstontwerp neemt voor punt i waarde i van elke as
expected-column-name = een niet-lege kolomnaam zonder komma's of aanhalingstekens
expected-sensitivity-design = geen tabel [sensitivity] bij dit ontwerp
hint-sensitivity-design = gevoeligheidsindices vragen om design = "sobol" of "morris"
expected-values-or-range = precies één van `values = [...]` of `range = {"{"} from, to, step {"}"}`
hint-values-or-range = design "{ $design }" neemt opgesomde waarden
expected-some-value = minstens één waarde
expected-values-of-one-kind = alleen getallen, alleen tekst of alleen true/false
hint-values-of-one-kind = een as varieert één parameter, en diens waarden zijn van één soort
expected-finite-number = een eindig getal
expected-no-bounds-here = `values` of `range` (min/max horen bij lhs, sobol en morris)
expected-levels-only = alleen `values` op een categorische as (de niveaus)
hint-levels-only = design "{ $design }" trekt elk niveau met gelijk gewicht; grenzen horen bij getallen
expected-two-levels = minstens twee niveaus
hint-two-levels = één niveau is een instelling van het basisscenario, geen as
expected-ordered-bounds = eindige grenzen met min < max
expected-both-bounds = zowel `min` als `max`
hint-both-bounds = design "{ $design }" trekt getallen binnen grenzen, of de `values` van een categorische as
expected-bounds-not-values = `min` en `max` (getallen als values/range horen bij grid en list)
