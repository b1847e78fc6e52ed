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

## Een gevonden waarde in woorden in plaats van zoals het bestand haar schrijft (Problem::value_said): `value-<id>`.
value-none = geen
value-no-axes = geen assen
value-axes = { $count ->
    [one] { $count } as
   *[other] { $count } assen
}
value-values = { $count ->
    [one] { $count } waarde
   *[other] { $count } waarden
}
value-values-mixed = { $count } waarden van verschillende soorten
value-levels = { $count ->
    [one] { $count } niveau
   *[other] { $count } niveaus
}
value-interventions = { $count ->
    [one] { $count } interventie
   *[other] { $count } interventies
}
value-given-with = opgegeven naast `{ $key }`
value-given-with-scenario = opgegeven naast een tabel [scenario]
value-no-claim-checks = geen [[claims.checks]]
value-no-single-bound = niet precies één grens
value-bound = { $value } (als { $which ->
    [min] ondergrens
   *[other] bovengrens
})
value-bound-makes = { $value } (als { $which ->
    [min] ondergrens
   *[other] bovengrens
}), waardoor `{ $key }` = { $made }
value-at-points = { $value } bij { $count ->
        [one] ontwerppunt
       *[other] ontwerppunten
    } { $points }{ $more ->
        [0] {""}
       *[other] {" "}en nog { $more } andere
    }
value-at-points-setting = { $value } bij { $count ->
        [one] ontwerppunt
       *[other] ontwerppunten
    } { $points }{ $more ->
        [0] {""}
       *[other] {" "}en nog { $more } andere
    } ({ $setting })
value-this-point = een waarde van dit ontwerppunt
value-more-invalid-points = { $count ->
    [one] nog { $count } ongeldig ontwerppunt
   *[other] nog { $count } ongeldige ontwerppunten
}
value-grid-size = { $combos }: { $points ->
        [many] te veel
       *[other] { $points }
    } punten x { $replications ->
        [one] { $replications } herhaling
       *[other] { $replications } herhalingen
    }
value-design-size = { $design }-ontwerp: { $points ->
        [many] te veel
       *[other] { $points }
    } punten x { $replications ->
        [one] { $replications } herhaling
       *[other] { $replications } herhalingen
    }

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

## De assen van een experimentbestand tegen het basisscenario, en de bewaarde uitkomsten
expected-base-or-scenario = `base = "file.toml"` of een eigen [scenario] in het bestand, niet allebei
expected-scenario-key = { $axis ->
    [levels] een parameter van het scenario die deze waarden kan aannemen
   *[number] een numerieke parameter van het scenario
}
hint-scenario-key = { $why ->
    [levels-mixed] de waarden van `{ $key }` zijn van verschillende soorten; geef alleen getallen, alleen tekst of alleen true/false
    [levels-text] `{ $key }` is tekst ({ $text }); de waarden moeten dan ook tekst zijn
    [levels-flag] `{ $key }` is true/false; de waarden moeten true of false zijn
    [levels-not-categorical] `{ $key }` is { $kind ->
        [number] een getal
        [section] een sectie
        [list] een lijst
       *[date] een datum
    }, geen categorische parameter; geef er getallen voor
    [not-key-path] `{ $key }` is geen sleutelpad (schrijf secties en sleutels met punten ertussen, zoals `managers.role_model_mean`)
    [not-sweepable] `{ $key }` kan niet gevarieerd worden: { $first ->
        [seed] de `seed` bovenaan het experiment is de hoofdseed van de hele sweep
        [replications] zet `replications` bovenaan het experiment
        [record_every] zet `record_every` bovenaan het experiment
       *[other] het is geen modelparameter
    }
    [inside-number] `{ $walked }` is een getal; daarin zit geen `{ $part }`
    [no-entry] { $top ->
        [yes] het scenario
       *[no] `{ $walked }`
    } heeft geen element `{ $part }`; de elementen zijn { $entries }{ $arms ->
        [yes] {" "}(wijs een variant aan met haar naam, `arms.<name>`: een positie telt de nulmeting mee, die altijd eerst komt)
       *[no] {""}
    }{ $suggest ->
        [none] {""}
       *[other] ; bedoel je `{ $suggest }`?
    }
    [no-key] { $top ->
        [yes] het scenario
       *[no] `{ $walked }`
    } heeft geen sleutel `{ $part }`{ $suggest ->
        [none] {""}
       *[other] ; bedoel je `{ $suggest }`?
    }
    [names-nothing] `{ $key }` wijst niets aan
    [section] `{ $key }` is een sectie, geen getal
    [section-keys] `{ $key }` is een sectie, geen getal; de numerieke sleutels erin zijn { $keys }
    [list] `{ $key }` is een lijst, geen getal
    [text] `{ $key }` is tekst ({ $text }), geen getal; geef de niveaus als tekst (`values = ["...", "..."]`) in plaats van getallen
    [flag] `{ $key }` is true/false, geen getal; geef `values = [true, false]` in plaats van getallen
   *[date] `{ $key }` is een datum, geen getal
}
expected-axis-unique = een parameter en kolomnaam die geen andere as al heeft
hint-axis-unique = sweep.axes[{ $other }] is dezelfde
expected-axis-column-free = een andere kolomnaam dan `point` en `replication`
hint-axis-column-free = geef de as een eigen `name`
expected-keep-metric = een maat uit de samenvatting (`B_mean`, `peak_gain_B`, ...), een benoemde uitkomst uit `[metrics]`, of `arm.metric`
hint-keep-metric = { $suggest ->
    [none] {""}
   *[other] bedoel je `{ $suggest }`?
}
expected-series-metric = een vastgelegde maat (B, N, nps, ...) of gain_B, gain_N, gain_nps
hint-series-metric = { $suggest ->
    [none] {""}
   *[other] bedoel je `{ $suggest }`?
}
expected-sensitivity-output = een bewaarde kolom van de samenvatting (`arm.metric`) of een maat
hint-sensitivity-output = { $suggest ->
    [none] die hoort niet bij de bewaarde kolommen (zie keep_metrics)
   *[other] bedoel je `{ $suggest }`?
}
expected-most-runs = hoogstens { $max } runs
hint-most-runs = verdeel het experiment over meerdere bestanden
expected-axis-whole-value = een geheel getal
hint-axis-whole-value = de parameter is een geheel getal (dagen, mensen, ...)
expected-axis-whole-between = grenzen met een geheel getal ertussen
hint-axis-whole-between = de parameter is een geheel getal
expected-valid-everywhere = geldige parameterwaarden in elk punt
expected-rows-fit-on-disk = team- en medewerkerregels die in { $limit } op schijf passen (de { $runs } runs van deze sweep zouden ongeveer { $size } schrijven, en dat twee keer zolang ze worden samengevoegd)
hint-rows-fit-on-disk = minder punten, herhalingen of dagen met momentopnamen (verhoog employee_snapshot_every of record_every), of draai alleen de punten die je nodig hebt met `undercurrent run`

## Waarom een waarde niet in het scenario te zetten is (`hint-takes-<reason>`), of de woorden van een andere bibliotheek zoals zij ze zei
expected-scenario-accepts = een waarde die het scenario accepteert
expected-parameter-takes = een waarde die de parameter kan aannemen
expected-parameter-type = een waarde van het type van de parameter
expected-parameters-types = waarden van de typen van de parameters
hint-takes-empty-path = het sleutelpad is leeg
hint-takes-no-level = er is geen niveau { $value }
hint-takes-no-key = er is geen sleutel `{ $key }`
hint-takes-no-entry = er is geen element { $index }
hint-takes-path-mismatch = het sleutelpad past niet op het scenario
hint-takes-no-level-among = er is geen niveau { $value } onder de { $levels } waarden
hint-takes-not-whole = { $value } is geen geheel getal
hint-as-said = { $message }

## Een Saltelli- of Morris-ontwerp dat niet te bouwen is (`expected-design-<reason>`, `hint-design-<reason>`)
expected-design-levels = een geldig { $design }-ontwerp
hint-design-levels = het aantal Morris-niveaus moet even zijn en minstens 2, niet { $levels }
expected-design-no-parameters = een geldig { $design }-ontwerp
hint-design-no-parameters = het aantal parameters k moet minstens 1 zijn
expected-design-too-many-parameters = een geldig { $design }-ontwerp
hint-design-too-many-parameters = k = { $k } parameters is meer dan het maximum van { $max } voor een Saltelli-ontwerp
expected-design-sobol-dimension = een geldig { $design }-ontwerp
hint-design-sobol-dimension = Sobol-dimensie { $dims } ligt buiten 1..={ $max }
expected-design-no-samples = een geldig { $design }-ontwerp
hint-design-no-samples = het ontwerp heeft minstens één basissteekproef of traject nodig
expected-design-sequence-exhausted = een geldig { $design }-ontwerp
hint-design-sequence-exhausted = { $requested } Sobol-punten gevraagd, maar er zijn er hoogstens { $max } beschikbaar
expected-design-other = een geldig { $design }-ontwerp

## De eigen controles van een kalibratiebestand
expected-quantile = een getal strikt tussen 0 en 1
hint-quantile = bij 0,5 halveert de steekproef voor de tolerantie elke generatie
expected-finite-not-negative = een eindig getal >= 0
expected-min-drop = een getal in [0; 1)
expected-whole-at-least-one = een geheel getal >= 1
expected-some-parameter = minstens één [[parameters]]
expected-some-target = minstens één [[targets]]
expected-target-scale = een eindig getal > 0
hint-target-scale = de standaardfout of tolerantie waardoor de afstand gedeeld wordt
expected-continuous-parameter = een continue numerieke parameter
hint-continuous-parameter = een parameter met gehele waarden kan geen continue priorverdeling krijgen
expected-parameter-unique = een parameter die geen andere [[parameters]] al noemt
expected-prior-key-needed = een sleutel `{ $name }`
hint-prior-key-needed = { $prior ->
    [uniform] uniform vraagt `lo` en `hi`
    [log_uniform] log_uniform vraagt `lo` en `hi` (allebei > 0)
   *[normal] normal vraagt `mean` en `sd` (en eventueel `lo`, `hi` binnen de vastgelegde grenzen)
}
expected-prior-key-not-here = geen `{ $name }` bij prior = "{ $prior }"
hint-prior-key-not-here = { $prior ->
    [uniform] uniform vraagt `lo` en `hi`
    [log_uniform] log_uniform vraagt `lo` en `hi` (allebei > 0)
   *[normal] normal vraagt `mean` en `sd` (en eventueel `lo`, `hi` binnen de vastgelegde grenzen)
}
expected-hi-above-lo = hi > lo
expected-log-uniform-positive = een getal > 0
hint-log-uniform-positive = een log-uniforme priorverdeling vraagt om positieve grenzen
expected-prior-in-bounds = binnen de vastgelegde grenzen van `{ $key }`, { $bounds }
hint-prior-in-bounds = een priorverdeling moet binnen de vastgelegde grenzen van de parameter liggen
expected-above-zero = een getal > 0
expected-truncation-in-bounds = binnen de vastgelegde grenzen van `{ $key }`, { $bounds }
hint-truncation-in-bounds = de afkapping moet binnen de vastgelegde grenzen van de parameter liggen
expected-mean-in-support = binnen het bereik van de priorverdeling [{ $lo }; { $hi }] (binnen de vastgelegde grenzen van `{ $key }`, { $bounds })
hint-mean-in-support = de normale priorverdeling is afgekapt op de vastgelegde grenzen
expected-target-arm = een variant van het scenario: { $arms }
hint-target-arm = { $suggest ->
    [none] {""}
   *[other] bedoel je `{ $suggest }`?
}
expected-day-or-window = `day` of `window`, niet allebei
expected-recorded-day = een vastgelegde dag in [0; { $last }]: een veelvoud van record_every = { $every } of de laatste dag { $last }
hint-recorded-day = de looptijd telt horizon_days vastgelegde dagen vanaf dag 0
expected-window-days = {"["}eerste, laatste] met 0 <= eerste <= laatste <= { $last } (de laatste dag van de looptijd)
expected-window-recorded = een venster met minstens één vastgelegde dag (elke { $every } dagen)

## De benoemde uitkomsten van een scenario ([metrics])
expected-output-name-free = een naam van letters, cijfers, `_` en `-` die geen maat uit de samenvatting al heeft
hint-output-name-free = de naam wordt een kolomnaam (`arm.name` in runs.csv)
expected-output-of = een vastgelegde maat (`B`, `nps`, ...) of de bijbehorende winst (`gain_B`)
hint-output-of = { $suggest ->
    [none] {""}
   *[other] bedoel je `{ $suggest }`?
}
expected-output-one-reduction = precies één van `at`, `window`, `first_day_above` of `first_day_below`
expected-output-stat-window = `stat` alleen samen met `window`
expected-output-at = een vastgelegde dag in [0; { $horizon }) (elke `record_every`-de dag, en de laatste)
expected-output-window = {"["}eerste, laatste] met 0 <= eerste <= laatste < { $horizon }, met minstens één vastgelegde dag erin

## De beweringen (claims) van een scenario
expected-claim-says = de bewering in woorden
hint-claim-says = het rapport toont deze zin naast het oordeel
expected-claim-checks = minstens één [[claims.checks]] met arm, statistic en één grens
hint-claim-checks = een bewering zonder toets kan niet beoordeeld worden
expected-claim-arm = een van de varianten van het scenario: { $arms }
expected-claim-window = { $windows ->
    [none] een van de `windows` van het scenario (het noemt er geen)
   *[other] een van de `windows` van het scenario: { $windows }
}
hint-claim-window = zet het venster in `windows`, zodat windows.csv het bevat
expected-claim-window-metric = een maat uit timeseries.csv (een vastgelegde reeks of een winst; docs/metrics.md)
hint-claim-window-metric = { $suggest ->
    [none] {""}
   *[other] bedoel je `{ $suggest }`?
}
expected-claim-quantity = { $arm ->
    [baseline] "level" (de nulmeting verschilt niet van zichzelf)
   *[other] "level" of "vs_baseline"
}
expected-claim-quantity-window = geen `quantity` zonder `window`
hint-claim-quantity-window = duurzaamheidsstatistieken zijn al winst ten opzichte van de nulmeting
expected-claim-statistic = { $arm ->
    [baseline] een statistiek van de nulmeting uit durability.csv ({ $names }), of een maat met `window`
   *[other] een statistiek uit durability.csv (docs/metrics.md), of een maat met `window`
}
hint-claim-statistic = { $suggest ->
    [none] {""}
    [economics] die staat er alleen in als het scenario de winst in [economics] waardeert
   *[other] bedoel je `{ $suggest }`?
}
expected-claim-one-bound = precies één van above, below, between = [lo, hi], above_arm, below_arm
expected-claim-between = {"["}lo, hi] met eindige lo < hi
expected-claim-other-arm = een andere variant van het scenario: { $arms }
expected-claim-intervention-arm = een interventievariant (duurzaamheidsstatistieken van de nulmeting zijn haar drift, geen winst)
expected-claim-level = een interventievariant, of `quantity = "level"`
hint-claim-level = de nulmeting verschilt niet van zichzelf

## De maat van een kalibratiedoel
expected-target-metric = { $arm ->
    [baseline] een maat uit timeseries.csv of een cijfer van de nulmeting uit durability.csv
   *[other] een maat of winst uit timeseries.csv, of een statistiek uit durability.csv
}
hint-target-metric = { $why ->
    [named-when] `{ $metric }` is een benoemde uitkomst, één cijfer per run: de dag of het venster staat in `[metrics]`
    [gain-baseline] `{ $metric }` is een winst ten opzichte van de nulmeting: daarvoor is een interventievariant nodig
    [series-when] `{ $metric }` is een tijdreeks: geef `day = D` of `window = [FIRST, LAST]`
    [once-per-run] `{ $metric }` is één cijfer per run: geen `day` of `window`
    [not-baseline] `{ $metric }` is een duurzaamheidsstatistiek van een interventievariant, niet van de nulmeting
    [baseline-figure] `{ $metric }` is een cijfer van de nulmeting: schrijf arm = "baseline"
   *[unknown] geen maat `{ $metric }`{ $suggest ->
        [none] {""}
       *[other] ; bedoel je `{ $suggest }`?
    }
}

## De geheugenschatting (een scenario te groot voor deze machine); de hint noemt wat het zwaarst weegt
expected-memory = een scenario dat in { $limit } past (dit vraagt ongeveer { $needs }: { $each } per organisatie x { $at_once } tegelijk, { $kept } aan bewaarde resultaten)
hint-memory-teams = teams = false, minder herhalingen of varianten, of minder vastgelegde dagen (verhoog record_every)
hint-memory-kept = minder herhalingen, varianten of vastgelegde dagen (verhoog record_every)
hint-memory-growing = de klantenbestanden groeien elke dag: verhoog customers.outflow_rate of verlaag de instroom
hint-memory-pool = minder klanten per medewerker of kleinere teams
hint-memory-employees = een kleinere organisatie of minder varianten
