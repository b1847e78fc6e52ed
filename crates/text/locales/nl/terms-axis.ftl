# Nederlandse assen en eenheden van de maten in het register: term_id("axis", Engelse as) en
# term_id("unit", Engelse eenheid); de Engelse tekst is de sleutel, want maten delen assen.

## Assen
term-axis-mean-state--0-1- = gemiddelde toestand (0–1)
term-axis-mean-propensity--0-1- = gemiddelde geneigdheid (0–1)
term-axis-share-of-employees = aandeel medewerkers
term-axis-share-of-contacts = aandeel contacten
term-axis-contacts-per-1000 = contacten per 1000
term-axis-score--0-10- = score (0–10)
term-axis-nps-points = NPS-punten
term-axis-share-of-customers = aandeel klanten
term-axis-rule-breaks-per-1000-contacts = regelovertredingen per 1000 contacten
term-axis-alternatives-per-1000-contacts = alternatieven per 1000 contacten
term-axis-rewards-per-1000-contacts = beloningen per 1000 contacten
term-axis-customers = klanten
term-axis-customers-per-working-day = klanten per werkdag
term-axis-employees-per-working-day = medewerkers per werkdag
term-axis-euro = euro
term-axis-employees = medewerkers
term-axis-mean-alignment--0-1- = gemiddelde afstemming (0–1)
term-axis-difference-in-b--0-1-scale- = verschil in B (schaal 0–1)
term-axis-difference-in-n--0-1-scale- = verschil in N (schaal 0–1)
term-axis-difference-in-nps-points = verschil in NPS-punten
term-axis-working-days = werkdagen
term-axis-share-of-replications = aandeel herhalingen
term-axis-share-of-peak-gain = aandeel van de piekwinst
term-axis-difference-in-b---working-days = verschil in B × werkdagen
term-axis-cohen-s-d = Cohens d
term-axis-euro-per-nps-point = euro per NPS-punt

## Eenheden
term-unit-0-1 = 0–1
term-unit-0-10 = 0–10
term-unit-share = aandeel
term-unit-per-1000-contacts = per 1000 contacten
term-unit-nps-points = NPS-punten
term-unit-customers = klanten
term-unit-customers-per-working-day = klanten per werkdag
term-unit-employees-per-working-day = medewerkers per werkdag
term-unit-euro = euro
term-unit-employees = medewerkers
term-unit-working-days = werkdagen
term-unit-0-1---working-days = 0–1 × werkdagen
term-unit-cohen-s-d = Cohens d
term-unit-euro-per-nps-point = euro per NPS-punt
