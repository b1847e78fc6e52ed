# The explorer's server (crates/serve): errors and notes a user of the page reads.

serve-error-no-such-path = no such page or API: { $path } (the explorer is at /, its API under /api/)
serve-error-method = { $method } is not allowed on { $path }; use { $allow }
serve-error-run-after = no such page or API: { $path } (expected /api/run/after/<replications done>, a whole number)
serve-error-no-such-file = no such file: { $path }
serve-error-no-such-chart = no such chart: /api/chart/{ $rest } (expected /api/chart/<result id>/<chart>.png or .svg)
serve-error-no-such-download = no such file: /api/download/{ $rest } (expected /api/download/<result id>/report.html, summary.html, a CSV file, manifest.json or <name>.zip)
serve-error-result-gone = result { $id } is no longer kept by the explorer; run the scenario again

serve-error-not-utf8 = the request body is not UTF-8 text (byte { $byte }); send the scenario as JSON
serve-error-empty = the request body is empty; send the scenario as a JSON object, e.g. {"{"}"arms": [...]{"}"}
serve-error-not-json = the request body is not valid JSON: { $reason }
serve-error-not-object = the request body must be a JSON object (a scenario), not { $kind }
serve-json-null = null
serve-json-boolean = a boolean
serve-json-number = a number
serve-json-string = a string
serve-json-array = an array
serve-json-object = an object
serve-error-not-toml-number = the scenario cannot be written as TOML: { $reason } (numbers must fit a 64-bit integer or float)
serve-error-not-toml = the scenario cannot be written as TOML: { $reason }

serve-refused-employee-snapshots = agent-level snapshots are written by `undercurrent run`, not shown in the explorer
serve-refused-employee-snapshot-every = agent-level snapshots are written by `undercurrent run`, not shown in the explorer
serve-refused-teams = teams.csv is written by `undercurrent run`; the explorer shows replication 1's teams instead
serve-refused-per-replication = the explorer decides on replications.csv as `run` does by default; for another choice export the scenario and use `undercurrent run`
serve-refused-windows = windows.csv is written by `undercurrent run`; the explorer's comparison has its own window
serve-refused-claims = claims are judged in claims.csv and the report by `undercurrent run`, on its replications

serve-error-arms = `arms`: { $arms } arms with the baseline: the explorer allows at most { $max } (the baseline included)
serve-error-interventions = `{ $key }`: { $interventions } interventions: the explorer allows at most { $max } per arm
serve-error-over = `{ $key }` = { $value }: the explorer allows at most { $limit } { $what } (larger runs: export the scenario and use `undercurrent run`)
serve-limit-employees = employees
serve-limit-replications = replications
serve-limit-recorded-days = recorded days
serve-limit-burn-in-days = burn-in days
serve-limit-record-every = { $max } recorded days (horizon_days / record_every; raise record_every to at least { $every })
serve-error-work = this scenario needs { $work } million employee-days (employees { $employees } × replications { $replications } × (burn-in { $burn_in } + horizon { $horizon } × { $arms } arms) × { $per_day }, the cost of an employee-day at { $contacts } contacts a day against the default 8); the explorer allows at most { $max } million per request: lower the organisation size, contacts a day, replications, horizon or number of arms (larger runs: export the scenario and use `undercurrent run`)
serve-error-memory = this scenario needs about { $peak } of memory ({ $organisation } per organisation, customer pools at their largest); the explorer allows at most { $max } per request: fewer customers per employee, more customer outflow, a smaller organisation or fewer arms (larger runs: export the scenario and use `undercurrent run`)

serve-error-import-body = expected {"{"}"name": "FILE.toml", "toml": "the file's text"{"}"}: { $reason }
serve-error-import-sweep = { $origin } is an experiment file (it has [sweep]); the explorer opens scenario files. Run it with `undercurrent sweep { $origin }`, or open the scenario it varies
serve-note-left-out = `{ $key }` in { $origin } is left out here: { $why }

## Titles of the page's charts (the chart itself carries its full title)
serve-chart-iceberg = Iceberg: { $arm }
serve-chart-durability = Durability
serve-chart-drives = B by dominant drive
serve-chart-costs = Cost: interventions and rule breaks
serve-chart-cost-benefit = Cost against lasting NPS gain
serve-chart-teams = Teams

## Starting the explorer (crates/serve/src/start.rs).
serve-start-address = undercurrent explorer at http://{ $addr }/ (Ctrl-C stops it)
serve-start-exposed = note: listening on { $bind } — anyone who can reach this address can run simulations
serve-start-listen = cannot listen on { $addr }: { $reason }
serve-start-socket = cannot configure the listening socket: { $reason }
serve-start-threads = cannot start the simulation threads: { $reason }
serve-start-runtime = cannot start the HTTP runtime: { $reason }
serve-start-answers = { $reason }
# Refusals of the server itself (crates/serve/src/engine.rs, server.rs).
serve-error-busy = the explorer is busy ({ $runs ->
    [one] { $runs } run
   *[other] { $runs } runs
} in progress or waiting); try again in a moment
serve-error-body-too-large = the request body ({ $bytes } bytes) is larger than the explorer accepts ({ $limit } bytes)
serve-error-body-late = the request body did not arrive within { $seconds } s
# The explorer's log on stderr (not with --quiet), in the command line's language.
serve-log-run = run { $id }: { $arms } arms x { $done } of { $of } replications, { $employees } employees: { $ms } ms ({ $simulating } ms simulating; { $cached } of { $replications } replications cached{ $whole })
serve-log-whole-cached = , whole result cached
