# Nederlandse namen van de maten in het register (crates/results/src/metrics/registry): term_id("metric", naam).

## Dagelijkse reeksen
term-metric-b = B: zichtbaar klantgericht gedrag
term-metric-k = K: kennis
term-metric-a = A: bewustzijn
term-metric-n = N: norm
term-metric-h = H: gewoonte
term-metric-e = E: verwachte beloning
term-metric-u = U: begrip van de bedoeling van de organisatie
term-metric-p = P: geoefende alternatieven
term-metric-recognition-share = Medewerkers die voorbeeldgedrag herkennen
term-metric-strong-norm-share = Medewerkers met een sterke norm
term-metric-oriented-share = Klantgerichte contacten
term-metric-gamed-per-1000 = Schijnklantgerichte contacten: vertoond zonder kwaliteit
term-metric-mean-score = Gemiddelde klantscore
term-metric-nps = Net Promoter Score
term-metric-promoter-share = Promotors
term-metric-detractor-share = Criticasters
term-metric-rule-breaks-per-1000 = Regelovertredingen
term-metric-alternatives-per-1000 = Alternatieven aangeboden aan klanten
term-metric-rewards-per-1000 = Beloningen voor klantgerichte contacten
term-metric-active-customers = Actieve klanten
term-metric-churned-per-day = Vertrokken klanten
term-metric-referred-per-day = Klanten via aanbeveling
term-metric-leavers-per-day = Vertrekkende medewerkers
term-metric-cost-interventions-cumulative = Opgetelde interventiekosten
term-metric-cost-rule-breaks-cumulative = Opgetelde kosten van regelovertredingen
term-metric-cost-cumulative = Opgetelde kosten: interventies en regelovertredingen
term-metric-employees = Medewerkers
term-metric-alignment = Afstemming van de lenzen op de definitie van de organisatie
term-metric-feedback-minded-share = Medewerkers met een sterke feedbackhouding
term-metric-n-feedback-minded = Norm N van de medewerkers met een sterke feedbackhouding
term-metric-b-purple = B bij medewerkers met dominante drijfveer paars
term-metric-b-red = B bij medewerkers met dominante drijfveer rood
term-metric-b-blue = B bij medewerkers met dominante drijfveer blauw
term-metric-b-orange = B bij medewerkers met dominante drijfveer oranje
term-metric-b-green = B bij medewerkers met dominante drijfveer groen
term-metric-b-yellow = B bij medewerkers met dominante drijfveer geel
term-metric-b-turquoise = B bij medewerkers met dominante drijfveer turquoise

## Winst ten opzichte van de nulmeting
term-metric-gain-b = Winst in B ten opzichte van de nulmeting (gepaard verschil)
term-metric-gain-n = Winst in N ten opzichte van de nulmeting (gepaard verschil)
term-metric-gain-nps = Winst in NPS ten opzichte van de nulmeting (gepaard verschil)

## Duurzaamheid en kosten
term-metric-peak-gain-b = Piekwinst in B ten opzichte van de nulmeting
term-metric-days-to-peak-b = Tijd tot de piekwinst in B
term-metric-half-life-days-b = Halfwaardetijd van de winst in B na het programma
term-metric-half-life-censored-share-b = Herhalingen waarin de winst in B binnen de horizon niet halveerde
term-metric-gain-end-b = Winst in B aan het eind van het programma
term-metric-gain-6m-b = Winst in B 6 maanden na het programma
term-metric-gain-12m-b = Winst in B 12 maanden na het programma
term-metric-retained-6m-b = Deel van de piekwinst in B dat na 6 maanden blijft
term-metric-retained-12m-b = Deel van de piekwinst in B dat na 12 maanden blijft
term-metric-auc-gain-b = Winst in B opgeteld over de dagen vanaf de start van het programma
term-metric-effect-size-d-b-peak = Effectgrootte van de winst in B op de piek
term-metric-effect-size-d-b-end = Effectgrootte van de winst in B aan het eind van het programma
term-metric-effect-size-d-b-12m = Effectgrootte van de winst in B 12 maanden na het programma
term-metric-peak-gain-nps = Piekwinst in NPS ten opzichte van de nulmeting
term-metric-gain-6m-nps = NPS-winst 6 maanden na het programma
term-metric-gain-12m-nps = NPS-winst 12 maanden na het programma
term-metric-retained-12m-nps = Deel van de piekwinst in NPS dat na 12 maanden blijft
term-metric-mean-gain-nps = Gemiddelde NPS-winst van de start van het programma tot 12 maanden na het eind
term-metric-cost = Interventiekosten boven de nulmeting
term-metric-cost-per-nps-point = Interventiekosten per punt gemiddelde NPS-winst (start tot 12 maanden erna)
term-metric-extra-rule-break-cost = Kosten van regelovertredingen boven de nulmeting
term-metric-cost-per-lasting-nps-point = Interventiekosten per NPS-punt dat 12 maanden erna nog gewonnen is
term-metric-net-value = Nettowaarde over de horizon: waarde van de winst min de kosten
term-metric-break-even-days = Tijd van de start van het programma tot de nettowaarde positief blijft
term-metric-break-even-share = Herhalingen waarin de nettowaarde binnen de horizon positief werd
term-metric-drift-b = Drift van B in de nulmeting
term-metric-drift-nps = Drift van NPS in de nulmeting

## Samenvattingen per variant (sweeps)
term-metric-b-mean = Gemiddeld zichtbaar gedrag B over de horizon
term-metric-b-end = Zichtbaar gedrag B aan het eind
term-metric-nps-mean = Gemiddelde NPS over de horizon
term-metric-nps-end = NPS aan het eind
term-metric-n-end = Norm N aan het eind
term-metric-h-end = Gewoonte H aan het eind
term-metric-e-end = Verwachte beloning E aan het eind
term-metric-u-end = Begrip U aan het eind
term-metric-recognition-end = Medewerkers die aan het eind voorbeeldgedrag herkennen
term-metric-alignment-end = Afstemming op de definitie van de organisatie aan het eind
term-metric-rule-breaks-mean = Regelovertredingen over de horizon
term-metric-active-customers-end = Actieve klanten aan het eind
term-metric-cost-interventions = Interventiekosten
term-metric-cost-rule-breaks = Kosten van regelovertredingen
