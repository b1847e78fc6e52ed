# De gegenereerde lezing in report.html, "Wat de cijfers zeggen" (report/reading.rs): regels
# omgezet in zinnen. Getallen komen al geschreven binnen; { $count } kiest alleen de vorm.
reading-and = en
reading-months = { $months } maanden
reading-not-reached = niet bereikt
reading-months-interval = { $months } { $interval } maanden
reading-more-than-months-interval = meer dan { $months } { $interval } maanden
reading-more-than-months-no-interval = meer dan { $months } maanden (interval niet bereikt)
reading-why-zero = is niet van nul te onderscheiden
reading-why-below-b = ligt onder de { $threshold } die deze lezing als effect op B telt (Cohens d ongeveer { $d })
reading-why-below-nps = ligt onder een halve punt, en valt in elke gepubliceerde NPS weg in de afronding
reading-why-below-cost = ligt onder { $share } van de eigen kosten van het programma
reading-what-peak = piekwinst in B
reading-what-lasting = winst in B die 12 maanden na afloop van de programma's over is
reading-gain-none = Geen enkel programma geeft een meetbare { $what }.
reading-range-each = elk { $value }
reading-range = { $low } tot { $high }: verschillen binnen het toeval of onder de { $threshold } die deze lezing als effect op B telt
reading-gain-same = De programma's geven ongeveer dezelfde { $what } ({ $range }), dus geen enkel programma is het grootste.
reading-gain-only = Alleen { $arms } { $count ->
        [one] geeft
       *[other] geven
    } een meetbare { $what } ({ $values }).
reading-gain-largest = De grootste { $what } komt van { $arms } ({ $value }).
reading-gain-largest-several = { $arms } geven de grootste { $what }, ongeveer gelijk ({ $values }).
reading-fading-none = Bij geen enkel programma was de winst aan het eind van de gemeten periode in de helft van de herhalingen gehalveerd, dus van geen programma valt te zeggen dat het effect het snelst wegebt.
reading-fading-same = De winst van { $arms } halveert in ongeveer hetzelfde tempo: de intervallen van de mediane halfwaardetijden overlappen.
reading-fading-fastest = { $count ->
        [one] De winst van { $arms } ebt het snelst weg: de mediane halfwaardetijd is { $values }.
       *[other] De winst van { $arms } ebt het snelst weg, ongeveer even snel: de mediane halfwaardetijden zijn { $values }.
    }
reading-cost-parity = { $cheap } bereikt hetzelfde als { $dear } voor { $saving } minder ({ $cost } tegenover { $dear_cost }): hun effecten zijn ongeveer gelijk op alles wat deze lezing vergelijkt.
reading-rb-falls = dalen met { $size }
reading-rb-rises = stijgen met { $size }
reading-rb-unchanged = veranderen niet meetbaar ({ $value }, wat { $why })
reading-nps-above = { $size } punten boven de nulmeting
reading-nps-below = { $size } punten onder de nulmeting
reading-nps-unchanged = niet meetbaar anders dan de nulmeting ({ $value } punten, wat { $why })
reading-with-arm = { $clause } bij { $arm }
reading-focus-what-both = de kosten van regelovertredingen en de NPS
reading-focus-what-rule-breaks = de kosten van regelovertredingen
reading-focus-what-nps = de NPS
reading-focus-lowers-b = { $count ->
        [one] verlaagt B in plaats van het te verhogen
       *[other] verlagen B in plaats van het te verhogen
    }
reading-focus-not-raise-b = { $count ->
        [one] verhoogt B niet meetbaar
       *[other] verhogen B niet meetbaar
    }
reading-focus = Dit scenario gaat meer over regelovertredingen en klanten dan over klantgericht gedrag B: { $arms } { $b_verb }, maar { $count ->
        [one] verandert
       *[other] veranderen
    } { $what } wel meetbaar, dus deze lezing begint bij regelovertredingen en NPS.
reading-focus-rule-breaks = Regelovertredingen: de kosten ervan { $list }, ten opzichte van de nulmeting.
reading-cut-equally = { $arms } verminderen regelovertredingen ongeveer evenveel.
reading-cut-largest = De grootste vermindering van regelovertredingen komt van { $arms }.
reading-cut-most = { $arms } verminderen regelovertredingen het meest, ongeveer evenveel.
reading-focus-customers = Klanten: vanaf de start van het programma tot 12 maanden na afloop (of tot het eind van de gemeten periode, als dat eerder is) ligt de Net Promoter Score gemiddeld { $list }.
reading-drift-rises = Let op: zonder enige interventie ({ $base }) stijgt B over de gemeten periode met { $size }, dus de organisatie was niet in rust; lees de winst tegen die verschuiving.
reading-drift-falls = Let op: zonder enige interventie ({ $base }) daalt B over de gemeten periode met { $size }, dus de organisatie was niet in rust; lees de winst tegen die verschuiving.
reading-drift-none = Zonder enige interventie ({ $base }) blijft B waar het was (verschuiving { $drift }), dus de verschillen met de nulmeting in deze lezing zijn effecten van de programma's, geen trend.
reading-comparison = Vergelijking
reading-against-baseline = Tegenover de nulmeting
reading-half-life-runs = ; in { $censored } van de { $n } herhalingen was de winst aan het eind van de gemeten periode nog niet gehalveerd, waar de mediaan rekening mee houdt
reading-half-life = Na afloop van het programma halveert de winst in een mediaan van { $months } (95%-interval; Kaplan-Meier over de herhalingen){ $runs }.
reading-half-life-not-reached = In { $censored } van de { $n } herhalingen was de winst aan het eind van de gemeten periode nog niet gehalveerd, dus de mediane halfwaardetijd is meer dan { $months }: langer dan deze run kan meten.
reading-b-scale = B is een geneigdheid op een schaal van 0 tot 1; de nulmeting laat zien wat er zonder programma gebeurd zou zijn
reading-to-peak = , bereikt { $months } na de start
reading-b-raises = Het programma verhoogt zichtbaar klantgericht gedrag B op de piek met { $size }{ $to_peak } ({ $scale }).
reading-b-lowers-end = Het programma verlaagt zichtbaar klantgericht gedrag B: aan het eind van het programma ligt B { $size } onder de nulmeting ({ $scale }).
reading-b-lowers-throughout = Het programma verlaagt zichtbaar klantgericht gedrag B over de hele linie: zelfs op het dichtstbijzijnde punt ligt B { $size } onder de nulmeting ({ $scale }).
reading-b-none = Het programma heeft geen meetbaar effect op zichtbaar klantgericht gedrag B: het grootste verschil met de nulmeting, { $value }, { $why } ({ $scale }).
reading-twelve-months = Twaalf maanden
reading-six-months = Zes maanden
reading-later-raises = { $when } na afloop van het programma is nog { $kept } van die piekwinst over; B ligt dan nog { $size } boven de nulmeting.
reading-later-lowers = { $when } na afloop van het programma ligt B { $size } onder de nulmeting: de winst is omgeslagen in verlies.
reading-later-none = { $when } na afloop van het programma { $gone }: er is nog { $kept } van de piek over, en wat er over is, { $value }, { $why }.
reading-gain-gone = is de winst verdwenen
reading-gain-faded = is de winst gezakt tot onder een meetbaar effect
reading-half-life-mean-censored = In { $share } van de herhalingen was de winst aan het eind van de gemeten periode nog niet gehalveerd, dus de halfwaardetijd is langer dan de { $months } die het gemiddelde over de herhalingen geeft.
reading-half-life-mean = Na afloop van het programma halveert de winst in { $months }{ $interval }.
reading-nps-span = vanaf de start van het programma tot 12 maanden na afloop (of tot het eind van de gemeten periode, als dat eerder is)
reading-nps-raises = Klanten merken het: { $span } ligt de Net Promoter Score gemiddeld { $size } punten boven de nulmeting.
reading-nps-lowers = Klanten merken het, in negatieve zin: { $span } ligt de Net Promoter Score gemiddeld { $size } punten onder de nulmeting.
reading-nps-none = Klanten merken er nauwelijks iets van: het gemiddelde NPS-verschil met de nulmeting, { $value } punten, { $why }.
reading-cost-per-point = : { $per_point } per punt van die gemiddelde NPS-winst ({ $cost } / { $gain } punten)
reading-cost = De interventies kosten { $cost }{ $per }.
reading-rb-sentence-lowers = Het programma verlaagt de kosten van regelovertredingen met { $size } ten opzichte van de nulmeting: er worden minder bedrijfsregels opgerekt om klanten tevreden te stellen.
reading-rb-sentence-raises = Het programma verhoogt de kosten van regelovertredingen met { $size } ten opzichte van de nulmeting: meer klantgerichtheid betekent vaker regels oprekken voor klanten.
reading-rb-sentence-none = Het programma heeft geen meetbaar effect op de kosten van regelovertredingen: het verschil met de nulmeting, { $value }, { $why }.
