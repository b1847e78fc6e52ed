# Woorden in de grafieken (crates/charts/src/plot): titels, assen, legenda's, notities, teksten bij de muis.

## Gedeeld
charts-axis-months-since-start = maanden sinds het begin van de meetperiode
charts-axis-months = maanden
charts-axis-value = waarde
charts-hover-day-month = dag { $day } · maand { $month }
charts-no-value = geen waarde
charts-interval-short = 95%-interval
charts-interval-band = 95%-betrouwbaarheidsinterval
charts-interval-parameters = 95%-interval (toeval en onzekerheid over de parameters)

## Tijdreeksen
charts-degenerate-zero = { $title }: nul in elke variant op elke gemeten dag
charts-degenerate-constant = { $title }: dezelfde waarde, { $value }, in elke variant op elke gemeten dag
charts-same-as-baseline = { $arm } (gelijk aan de nulmeting)
charts-timeseries-subtitle = Gemiddelde over de herhalingen; band: { $band }
charts-timeseries-subtitle-bars = Gemiddelde over de herhalingen; band: { $band }; balken bovenaan: wanneer elk programma loopt

## IJsberg
charts-iceberg-title = IJsberg: { $arm }
charts-iceberg-subtitle = Zichtbare toestand boven de waterlijn, onderliggende toestand eronder; gemiddelde over de herhalingen, band: { $band } van B
charts-iceberg-label-b = B gedrag (zichtbaar)
charts-iceberg-label-k = K kennis
charts-iceberg-label-a = A bewustzijn
charts-iceberg-label-n = N norm
charts-iceberg-label-h = H gewoonte
charts-iceberg-label-e = E verwachte beloning
charts-iceberg-label-u = U begrip van de bedoeling
charts-iceberg-label-p = P geoefende alternatieven
charts-iceberg-baseline-b = B in de nulmeting
charts-iceberg-above = Boven de waterlijn
charts-iceberg-below = Onder de waterlijn
charts-iceberg-waterline = ~ waterlijn ~
charts-iceberg-axis-state = toestand (0–1)
charts-iceberg-hover-baseline = { $title }, nulmeting
charts-iceberg-hover-above = { $arm }: boven de waterlijn
charts-iceberg-hover-below = { $arm }: onder de waterlijn

## B per dominante drijfveer
charts-drives-title = B per dominante drijfveer
charts-drives-subtitle = Zichtbaar klantgericht gedrag B van medewerkers, gegroepeerd naar dominante drijfveer; gemiddelde over de herhalingen
charts-drives-everyone-legend = alle medewerkers
charts-drives-hover-drive = B, { $drive } dominant
charts-drives-hover-everyone = B, iedereen
charts-drives-axis-b = gemiddelde geneigdheid B (0–1)
charts-drive-purple = paars
charts-drive-red = rood
charts-drive-blue = blauw
charts-drive-orange = oranje
charts-drive-green = groen
charts-drive-yellow = geel
charts-drive-turquoise = turquoise

## Duurzaamheid
charts-not-available = n.b.
charts-durability-title = Duurzaamheid van de winst in B
charts-durability-subtitle = Winst is het gepaarde verschil met de nulmeting; punt: gemiddelde over de herhalingen (halfwaardetijd: Kaplan-Meier-mediaan), snorren: { $band }
charts-durability-peak-gain = piekwinst
charts-durability-gain-6m = winst na 6 maanden
charts-durability-gain-12m = winst na 12 maanden
charts-durability-median-half-life = mediane halfwaardetijd
charts-durability-beyond = voorbij de meetperiode (gecensureerd)
charts-durability-gain-panel = Winst in B ten opzichte van de nulmeting
charts-durability-half-life-panel = Halfwaardetijd van de winst
charts-durability-censored-note = { $censored } van { $n } herhalingen aan het eind niet gehalveerd
charts-durability-more-than-months = meer dan { $months } maanden; { $censored }
charts-durability-share-not-halved = { $share }% van de herhalingen aan het eind niet gehalveerd
charts-durability-not-reached = niet bereikt ({ $share }% van de herhalingen niet gehalveerd)
charts-durability-drift = Drift van de nulmeting: { $drift }
charts-durability-more-than = meer dan { $value }
charts-durability-hover-median = mediane halfwaardetijd: { $months } maanden{ $interval }
charts-durability-hover-median-beyond = mediane halfwaardetijd: meer dan { $months } maanden
charts-durability-hover-half-life = halfwaardetijd: { $months } maanden
charts-durability-hover-no-half-life = halfwaardetijd: geen waarde

## Kosten
charts-costs-title = Kosten tot het eind van de horizon
charts-costs-subtitle = Opgetelde kosten na { $months } maanden, gemiddelde over de herhalingen: interventies + regelovertredingen = totaal
charts-costs-part-interventions = interventies (de programma's)
charts-costs-part-rule-breaks = regelovertredingen
charts-costs-hover-total = totaal: { $total }
charts-costs-total = totaal { $total }
charts-cost-benefit-title = Kosten tegenover blijvende NPS-winst
charts-cost-benefit-subtitle = Gemiddelde over de herhalingen; snorren: { $band }
charts-cost-benefit-axis-cost = interventiekosten boven de nulmeting (euro)
charts-cost-benefit-axis-gain = NPS-winst 12 maanden na afloop (punten)
charts-cost-benefit-hover =
    { $arm }
    interventiekosten boven de nulmeting: { $cost }
    NPS-winst 12 maanden na het programma: { $gain }

## De teamgrafiek (teams.csv): de teams van herhaling 1 als vakjes gekleurd naar B
charts-teams-title = Teams: klantgericht gedrag B per team
charts-teams-subtitle = Elk vakje is één team uit herhaling 1 van { $replications }, gekleurd naar de gemiddelde B (0–1) op de dag erboven; één schaal voor alle varianten en dagen
charts-teams-day = dag { $day } · maand { $month }
charts-teams-when-start = de eerste programmadag
charts-teams-when-end = na het laatste programma
charts-teams-when-last = de laatste gemeten dag
charts-teams-when-first = de eerste gemeten dag
charts-teams-when-middle = halverwege
charts-teams-hover = { $arm }, team { $team }, dag { $day }: B { $value }
charts-teams-no-value = geen waarde (geen medewerkers)
charts-teams-scale = gemiddelde B van een team (klantgericht gedrag, 0–1): laagste en hoogste getoonde waarde
charts-teams-too-many = Teams: { $teams } teams zijn te veel om als vakjes te tekenen (hoogstens { $max }); hun cijfers staan in teams.csv
