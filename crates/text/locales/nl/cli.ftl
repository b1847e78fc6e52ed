# De opdrachtregel: hulp bij elke opdracht en elk argument, de koppen en fouten van clap, en
# wat de opdrachten schrijven.

## Hulp
cli-about = Agent-based simulatie van klantgericht gedrag in organisaties: wat interventies doen, en hoe lang het effect blijft.
cli-lang = Taal van wat wordt geschreven, getekend en gerapporteerd: en of nl [standaard: $UNDERCURRENT_LANG, anders en]. Bestandsnamen, CSV-kolommen en metriek-sleutels zijn in elke taal gelijk
cli-help = Toon de hulp
cli-version = Toon de versie
cli-threads = Rekenthreads [standaard: alle kernen]. De uitkomsten hangen er niet van af

cli-run-about = Vergelijk de programma's van een scenario met de nulmeting (zonder bestand: het ingebouwde standaardscenario)
cli-run-scenario = Scenariobestand (TOML). Zonder bestand draait de ingebouwde standaardvergelijking
cli-run-out = Uitvoermap [standaard: results/<naam van het scenario>/]
cli-run-seed = Startwaarde van het toeval (vervangt die van het scenario)
cli-run-replications = Herhalingen per programma (vervangt het aantal uit het scenario)
cli-run-per-replication = Tijdreeksen per herhaling: auto (als ze klein blijven), on (aan), off (uit)
cli-run-print-scenario = Toon het volledig ingevulde scenario als TOML en stop
cli-run-force = Schrijf ook in een uitvoermap met bestanden die undercurrent niet schreef (die blijven onaangeroerd)
cli-run-no-plots = Sla de grafieken en het rapport over (teken ze later met `undercurrent plot DIR` en `undercurrent report DIR`)
cli-run-posterior = De uitvoermap van een kalibratie: elke herhaling trekt haar gekalibreerde parameters uit DIR/posterior.csv (laatste generatie, naar gewicht), met een eigen startwaarde per herhaling; de trekkingen komen in posterior_draws.csv
cli-run-format = Tabelformaat: csv, of parquet om herhalingen, teams en medewerkers ook als Apache Parquet naast hun CSV te schrijven (pandas, polars, arrow in R en DuckDB lezen het direct)

cli-report-about = Schrijf DIR/report.html: één zelfstandig bestand (SVG erin, geen script, opent offline)
cli-report-dir = Resultatenmap, geschreven door `run`
cli-plot-about = Teken alle grafieken van een resultatenmap opnieuw uit de CSV-bestanden (er wordt niets opnieuw gesimuleerd)
cli-plot-dir = Resultatenmap, geschreven door `run`

cli-sweep-about = Voer een experiment uit: ontwerppunten x herhalingen parallel, direct naar schijf, te hervatten na een onderbreking (--resume), te verdelen over machines (--shard I/N)
cli-sweep-experiment = Experimentbestand (TOML); zie experiments/README.md
cli-sweep-out = Uitvoermap [standaard: results/<naam van het experiment>/]
cli-sweep-resume = Ga verder met de sweep die al in de uitvoermap staat
cli-sweep-shard = Voer alleen deel I van N uit (vanaf 1): een vast, niet-overlappend deel van de ontwerppunten. Voeg de delen samen met `undercurrent merge`

cli-sensitivity-about = Sobol- of Morris-gevoeligheidsindices van een afgeronde sweep, in DIR/sensitivity.csv
cli-sensitivity-dir = Map van een afgeronde sobol- of morris-sweep
cli-sensitivity-outputs = Te analyseren uitkomsten, gescheiden door komma's: kolommen `arm.metric` van runs.csv of namen van metrieken (elk programma) [standaard: die van het experiment]
cli-sensitivity-bootstrap = Aantal bootstrap-steekproeven voor de betrouwbaarheidsintervallen van Sobol [standaard: dat van het experiment]

cli-serve-about = De interactieve verkenner in de browser: kies sector, volwassenheid en mix van drijfveren, stel een programma samen en vergelijk het direct met de nulmeting. Alleen bereikbaar op 127.0.0.1 tenzij --bind anders zegt; alles komt uit het programma zelf (werkt offline)
cli-serve-port = Poort (0 kiest een vrije; het adres verschijnt op stdout)
cli-serve-bind = Adres om op te luisteren. Alles behalve loopback laat anderen hier simulaties draaien
cli-serve-threads = Simulatiethreads [standaard: alle kernen]. De uitkomsten hangen er niet van af
cli-serve-workers = HTTP-threads (verzoeken die tegelijk worden beantwoord)
cli-serve-quiet = Geen regel per verzoek op stderr

cli-calibrate-about = Kalibreer parameters op waargenomen doelen met ABC-SMC (docs/calibration.md): posterior, voorspelde fit en een gekalibreerd scenario; bijgehouden in een journaal, te hervatten na een onderbreking (--resume)
cli-calibrate-calibration = Kalibratiebestand (TOML); zie docs/calibration.md
cli-calibrate-out = Uitvoermap [standaard: results/<naam van de kalibratie>/]
cli-calibrate-resume = Ga verder met de kalibratie die al in de uitvoermap staat

cli-merge-about = Voeg de mappen van een in delen uitgevoerde sweep samen tot de bestanden van één sweep
cli-merge-out = Uitvoermap van de samengevoegde sweep
cli-merge-shards = De map van elk deel

## Wat clap rond de hulp schrijft
cli-heading-usage = Gebruik:
cli-heading-commands = Opdrachten
cli-heading-arguments = Argumenten
cli-heading-options = Opties
cli-value-command = OPDRACHT
cli-value-options = OPTIES
cli-default = [standaard: { $value }]
cli-possible-values = [mogelijke waarden: { $values }]

## Fouten in de opdrachtregel
cli-error = fout: { $message }
cli-warning = waarschuwing: { $message }
cli-note = let op: { $message }
cli-error-more = Meer informatie: probeer '--help'.
cli-error-unknown-argument = onverwacht argument '{ $argument }'
cli-error-unknown-command = onbekende opdracht '{ $command }'
cli-error-did-you-mean = tip: bedoel je '{ $suggestion }'?
cli-error-invalid-value = ongeldige waarde '{ $value }' voor '{ $argument }'
cli-error-missing = deze verplichte argumenten ontbreken: { $arguments }
cli-error-value-missing = '{ $argument }' vraagt een waarde, maar er is er geen gegeven
cli-error-too-many = onverwachte waarde '{ $value }': deze opdracht neemt er niet meer
cli-error-other = de opdrachtregel is niet te lezen
cli-error-threads = verwacht een geheel aantal threads van 1 tot { $max } (laat --threads weg voor alle kernen)
cli-error-instruction-set = { $variable } = { $value } is geen instructieset; toegestaan: { $allowed }
cli-error-replications = --replications moet minstens 1 zijn
cli-error-posterior = --posterior: { $message }
cli-error-moving = de resultaten konden niet op hun plaats worden gezet: { $message }

## Wat de opdrachten schrijven
cli-posterior-drawn = de parameters van elke herhaling zijn getrokken uit de posterior in { $dir }
cli-run-start = undercurrent { $version }: scenario '{ $name }', { $arms } programma's x { $replications } herhalingen, { $employees } medewerkers, { $days } dagen, { $threads } threads
cli-run-wrote = { $files } en { $manifest } geschreven in { $seconds } s
cli-results-in = resultaten in { $dir }
cli-wrote = { $path } geschreven
cli-drew-charts-timed = { $charts } grafieken (PNG + SVG) getekend in { $dir } in { $seconds } s
cli-drew-charts = { $charts } grafieken (PNG + SVG) getekend in { $dir }
cli-charts-not-drawn = grafieken niet getekend: { $message }
cli-report-not-written = rapport niet geschreven: { $message }
cli-no-charts = geen grafieken getekend: { $message }
cli-no-report = geen rapport geschreven: { $message }
cli-progress-replications = herhalingen
cli-progress-runs = runs
cli-progress-rate = runs/s
cli-progress-eta = nog
cli-progress-writing = bestanden schrijven
cli-sweep-start = undercurrent { $version }: experiment '{ $name }', ontwerp { $design }, { $points } punten x { $replications } herhalingen = { $runs } runs{ $shard }, { $arms } programma's, { $threads } threads -> { $out }
cli-sweep-shard-part = { " " }(deel { $shard })
cli-sweep-dropped = een sweep bewaart samenvattingen per run; { $outputs } uit het basisscenario { $count ->
    [one] wordt
   *[other] worden
} niet geschreven (draai één punt met `undercurrent run` om ze te krijgen)
cli-sweep-run-series-hint = de tijdreeks van elke run afzonderlijk: `run_series = true` in het experiment (run_series.csv)
cli-sweep-torn = een afgebroken laatste regel van het journaal is weggelaten (die run wordt opnieuw berekend)
cli-sweep-complete = { $dir }: al compleet ({ $runs } runs); niets te berekenen
cli-sweep-shard-done = deel { $shard }: { $runs } runs ({ $resumed } hervat, { $computed } berekend) in { $seconds } s ({ $rate } runs/s) in { $dir }; als elk deel klaar is: undercurrent merge --out DIR SHARD_DIRS...
cli-sweep-done = { $runs } runs ({ $resumed } hervat, { $computed } berekend) in { $seconds } s ({ $rate } runs/s): { $files } en manifest.json geschreven in { $dir }
cli-sensitivity-wrote = { $path } geschreven (ontwerp { $design }, { $outputs } uitkomsten x { $parameters } parameters)
cli-merge-done = { $shards } delen samengevoegd ({ $runs } runs): { $files } en manifest.json geschreven in { $dir }
cli-calibrate-start = undercurrent { $version }: kalibratie '{ $name }', { $parameters } parameters, { $targets } doelen, { $particles } deeltjes x { $replications } herhalingen, hoogstens { $generations } generaties en { $budget } simulaties, { $threads } threads -> { $out }
cli-calibrate-generation = generatie { $generation }: tolerantie { $tolerance }, aanvaard { $accepted }/{ $considered } ({ $percent }%), { $simulations } simulaties, { $seconds } s, hoogstens nog { $left } s (budget)
cli-calibrate-done = { $generations } generaties, { $simulations } simulaties ({ $resumed } uit het journaal) in { $seconds } s; gestopt: { $stop }; { $files } en manifest.json geschreven in { $dir }
cli-working-days = { $days ->
    [one] { $days } werkdag
   *[other] { $days } werkdagen
}
