# De server van de verkenner (crates/serve): fouten en opmerkingen die een gebruiker van de
# pagina leest.

serve-error-no-such-path = deze pagina of API bestaat niet: { $path } (de verkenner staat op /, de API onder /api/)
serve-error-method = { $method } is niet toegestaan op { $path }; gebruik { $allow }
serve-error-run-after = deze pagina of API bestaat niet: { $path } (verwacht: /api/run/after/<aantal klaar>, een geheel getal)
serve-error-no-such-file = dit bestand bestaat niet: { $path }
serve-error-no-such-chart = deze grafiek bestaat niet: /api/chart/{ $rest } (verwacht: /api/chart/<resultaat-id>/<grafiek>.png of .svg)
serve-error-no-such-download = dit bestand bestaat niet: /api/download/{ $rest } (verwacht: /api/download/<resultaat-id>/report.html, summary.html, een CSV-bestand, manifest.json of <naam>.zip)
serve-error-result-gone = resultaat { $id } bewaart de verkenner niet meer; reken het scenario opnieuw door

serve-error-not-utf8 = het verzoek is geen UTF-8-tekst (byte { $byte }); stuur het scenario als JSON
serve-error-empty = het verzoek is leeg; stuur het scenario als JSON-object, bijvoorbeeld {"{"}"arms": [...]{"}"}
serve-error-not-json = het verzoek is geen geldige JSON: { $reason }
serve-error-not-object = het verzoek moet een JSON-object zijn (een scenario), geen { $kind }
serve-json-null = null
serve-json-boolean = waar/onwaar-waarde
serve-json-number = getal
serve-json-string = tekst
serve-json-array = lijst
serve-json-object = object
serve-error-not-toml-number = het scenario kan niet als TOML worden geschreven: { $reason } (getallen moeten in een 64-bits geheel of kommagetal passen)
serve-error-not-toml = het scenario kan niet als TOML worden geschreven: { $reason }

serve-refused-employee-snapshots = momentopnamen per medewerker schrijft `undercurrent run`; de verkenner toont ze niet
serve-refused-employee-snapshot-every = momentopnamen per medewerker schrijft `undercurrent run`; de verkenner toont ze niet
serve-refused-teams = teams.csv schrijft `undercurrent run`; de verkenner toont in plaats daarvan de teams van herhaling 1
serve-refused-per-replication = de verkenner beslist over replications.csv zoals `run` standaard doet; wil je iets anders, exporteer dan het scenario en gebruik `undercurrent run`
serve-refused-windows = windows.csv schrijft `undercurrent run`; de vergelijking van de verkenner heeft een eigen venster
serve-refused-claims = beweringen beoordeelt `undercurrent run` in claims.csv en het rapport, over zijn eigen herhalingen

serve-error-arms = `arms`: { $arms } programma's met de nulmeting: de verkenner staat er hoogstens { $max } toe (de nulmeting meegeteld)
serve-error-interventions = `{ $key }`: { $interventions } interventies: de verkenner staat er hoogstens { $max } per programma toe
serve-error-over = `{ $key }` = { $value }: de verkenner staat hoogstens { $limit } { $what } toe (grotere berekeningen: exporteer het scenario en gebruik `undercurrent run`)
serve-limit-employees = medewerkers
serve-limit-replications = herhalingen
serve-limit-recorded-days = vastgelegde dagen
serve-limit-burn-in-days = inloopdagen
serve-limit-record-every = { $max } vastgelegde dagen (horizon_days / record_every; verhoog record_every tot minstens { $every })
serve-error-work = dit scenario vraagt { $work } miljoen medewerkerdagen (medewerkers { $employees } × herhalingen { $replications } × (inloop { $burn_in } + horizon { $horizon } × { $arms } programma's) × { $per_day }, de kosten van een medewerkerdag bij { $contacts } contacten per dag tegen de standaard 8); de verkenner staat hoogstens { $max } miljoen per verzoek toe: verklein de organisatie, het aantal contacten per dag, de herhalingen, de horizon of het aantal programma's (grotere berekeningen: exporteer het scenario en gebruik `undercurrent run`)
serve-error-memory = dit scenario vraagt ongeveer { $peak } geheugen ({ $organisation } per organisatie, klantenbestanden op hun grootst); de verkenner staat hoogstens { $max } per verzoek toe: minder klanten per medewerker, meer klantuitstroom, een kleinere organisatie of minder programma's (grotere berekeningen: exporteer het scenario en gebruik `undercurrent run`)

serve-error-import-body = verwacht {"{"}"name": "BESTAND.toml", "toml": "de tekst van het bestand"{"}"}: { $reason }
serve-error-import-sweep = { $origin } is een experimentbestand (met [sweep]); de verkenner opent scenariobestanden. Voer het uit met `undercurrent sweep { $origin }`, of open het scenario dat het varieert
serve-note-left-out = `{ $key }` in { $origin } wordt hier weggelaten: { $why }

## Titles of the page's charts (the chart itself carries its full title)
serve-chart-iceberg = IJsberg: { $arm }
serve-chart-durability = Duurzaamheid
serve-chart-drives = B per dominante drijfveer
serve-chart-costs = Kosten: interventies en regelovertredingen
serve-chart-cost-benefit = Kosten tegenover blijvende NPS-winst
serve-chart-teams = Teams

## De explorer starten.
serve-start-address = undercurrent-verkenner op http://{ $addr }/ (Ctrl-C stopt hem)
serve-start-exposed = let op: luistert op { $bind } — iedereen die dit adres kan bereiken, kan simulaties draaien
serve-start-listen = kan niet luisteren op { $addr }: { $reason }
serve-start-socket = kan de luisterende socket niet instellen: { $reason }
serve-start-threads = kan de rekenthreads niet starten (zo meldt het systeem het): { $reason }
serve-start-runtime = kan de HTTP-omgeving niet starten: { $reason }
serve-start-answers = de vaste antwoorden van de verkenner konden niet worden opgebouwd: { $reason }
serve-error-busy = de verkenner is bezig ({ $runs ->
    [one] { $runs } run loopt of wacht
   *[other] { $runs } runs lopen of wachten
}); probeer het zo nog eens
serve-error-body-too-large = het verzoek ({ $bytes } bytes) is groter dan de verkenner aanneemt ({ $limit } bytes)
serve-error-body-late = het verzoek kwam niet binnen { $seconds } s aan
serve-log-run = run { $id }: { $arms } varianten x { $done } van { $of } herhalingen, { $employees } medewerkers: { $ms } ms ({ $simulating } ms rekenen; { $cached } van { $replications } herhalingen uit de cache{ $whole })
serve-log-whole-cached = , hele uitkomst uit de cache
