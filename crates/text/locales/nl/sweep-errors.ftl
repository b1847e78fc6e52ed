# Waarom een sweep, het samenvoegen van delen of een gevoeligheidsanalyse stopte.

## merge_reason.rs
merge-no-shards = geen mappen van delen opgegeven
merge-missing = de map van een deel, { $dir }, bestaat niet (is de taak van dat deel gedraaid, en klopt het pad?)
merge-is-file = { $dir } is een bestand, geen map van een deel
merge-not-sweep = { $dir } is geen sweepmap ({ $state } ontbreekt)
merge-whole = { $dir } bevat een hele sweep, geen deel; samenvoegen is niet nodig
merge-other-experiment = { $dir } bevat experiment '{ $name }' (hash { $hash }), maar { $first_dir } bevat '{ $first_name }' (hash { $first_hash }): delen van verschillende experimenten zijn niet samen te voegen
merge-other-build = { $dir } is gedraaid met undercurrent { $version } (commit { $commit }), maar { $first_dir } met { $first_version } (commit { $first_commit }): runs van twee builds kunnen verschillen
merge-other-split = { $dir } is deel { $shard }, maar { $first_dir } is deel { $first_shard }: alle delen moeten uit dezelfde verdeling --shard I/N komen
merge-twice = deel { $shard } is twee keer opgegeven: { $first } en { $second }
merge-shards-missing = { $count ->
    [one] deel { $shards } ontbreekt
   *[other] delen { $shards } ontbreken
}: geef de map van elk deel op
merge-edited = { $experiment } past niet bij de hash in { $state } van dezelfde map (is het bestand bewerkt?)
merge-foreign-run = { $journal } bevat run { $run }, die bij deel { $belongs } hoort, niet bij { $owner }
merge-incomplete = onvolledige delen:
    { "  " }{ $shards }
merge-incomplete-shard = aan deel { $shard } in { $dir } ontbreken { $lacking } van zijn { $runs } runs (maak het af: undercurrent sweep { $experiment } --shard { $shard } --out { $dir } --resume)

## reasons.rs
sweep-error-journal = { $location }: { $reason }
sweep-error-incomplete = { $missing } van de { $total } runs ontbreken in het journaal (de eerste: run { $first })
sweep-error-csv = { $path }: { $reason }
sweep-error-run = run { $run }: { $reason }
sweep-error-shard = --shard { $spec }: { $reason }
journal-checksum = de controlesom van de regel past niet bij de inhoud (of de regel hoort bij een ander experiment); een afgebroken run kan dat niet veroorzaken, dus het bestand is gewijzigd of beschadigd
journal-too-long = regel langer dan 4 GiB
journal-no-such-run = run { $run } bestaat niet (het experiment heeft er { $runs })
journal-twice = run { $run } staat er twee keer in, met verschillende uitkomsten
journal-changed = de regel van run { $run } is gewijzigd nadat hij werd ingelezen
journal-not-ours = run { $run } hoort niet bij deze sweep of dit deel
journal-values = run { $run }: de samenvattende waarden passen niet bij de kolommen van het experiment
journal-series = run { $run }: de tijdreeksen passen niet bij de reeksen van het experiment
run-failed-point = het ontwerppunt geeft geen geldig scenario (zo melden de controles het): { $message }
run-failed-threads = kan geen { $threads } rekenthreads starten (zo meldt het systeem het): { $message }
run-failed-interrupted = onderbroken
run-failed-writer-stopped = het schrijven van het journaal is gestopt
run-failed-writer-panicked = de thread die het journaal schrijft is vastgelopen
run-failed-rows = kan de regels per team of medewerker niet schrijven in { $dir }: { $reason }
run-failed-stopped = afgebroken
csv-library = onleesbaar (zo meldt de CSV-lezer het): { $message }
csv-columns = de kolommen zijn niet die van het experiment in experiment.toml
csv-row-order = regel { $row } hoort punt { $point }, herhaling { $replication } te zijn
csv-not-number = regel { $row }: kolom { $column } is geen getal
csv-run-count = { $rows } runs, er werden er { $runs } verwacht
shard-form = verwacht I/N, bijvoorbeeld 2/4 (deel 2 van 4)
shard-i-not-whole = I moet een geheel getal zijn
shard-n-not-whole = N moet een geheel getal zijn
shard-n-range = N moet tussen 1 en 1000000 liggen
shard-i-range = I moet tussen 1 en { $n } liggen: de delen zijn genummerd vanaf 1
sensitivity-design = gevoeligheidsindices vragen om een sobol- of morris-ontwerp, niet { $kind }
sensitivity-unfinished = { $dir } bevat geen volledige sweep ({ $manifest } ontbreekt); maak hem eerst af (undercurrent sweep ... --resume)
sensitivity-dir-design = { $dir } is een { $kind }-sweep; gevoeligheidsindices vragen om design = "sobol" of "morris"
sensitivity-output = --outputs: `{ $name }`: { $why }
sensitivity-output-closest = bedoel je `{ $closest }`?
sensitivity-output-not-kept = niet een van de bewaarde kolommen (zie keep_metrics)

## calibration/failure.rs
calibration-error-empty = een kalibratie vraagt minstens één parameter, één doel en 2 deeltjes
calibration-error-budget = met een budget van { $budget } simulaties komt generatie 0 niet rond
calibration-error-simulation = simulatie { $generation }/{ $index }: { $reason }
calibration-error-target = doel `{ $name }` (targets[{ $k }])
calibration-error-unmeasurable = { $origin }: { $targets } { $count ->
    [one] is
   *[other] zijn
} in geen van de eerste { $batch } simulaties een getal: de run kan { $count ->
    [one] het
   *[other] ze
} niet meten (een meting na de horizon?); kies doelen binnen de horizon van het scenario
calibration-sim-other-parameters = { $journal } bevat voor deze simulatie andere parameterwaarden ({ $have } in plaats van { $want }): het journaal hoort niet bij deze kalibratie
calibration-sim-unreadable = { $journal }: onleesbare statistieken { $stats }
calibration-sim-writer-failed = het schrijven van het journaal is mislukt
calibration-sim-write = { $journal }: { $reason }
