# The command line: help of every command and argument (cli-<command>-<argument>), clap's
# headings and errors, and what the commands print.

## Help
cli-about = Agent-based simulation of customer-oriented behaviour in organisations: what interventions do, and how long it lasts.
cli-lang = Language of what is printed, charted and reported: en or nl [default: $UNDERCURRENT_LANG, else en]. File names, CSV columns and metric keys stay the same in every language
cli-help = Print help
cli-version = Print version
cli-threads = Worker threads [default: all cores]. Results do not depend on it

cli-run-about = Run a scenario's arms against its baseline (the embedded default without a file)
cli-run-scenario = Scenario file (TOML). Without it, the embedded default comparison runs
cli-run-out = Output directory [default: results/<scenario name>/]
cli-run-seed = Master seed (overrides the scenario's)
cli-run-replications = Replications per arm (overrides the scenario's)
cli-run-per-replication = Per-replication time series: auto (when small), on, off
cli-run-print-scenario = Print the fully resolved scenario as TOML and exit
cli-run-force = Write into an output directory that holds files undercurrent did not write (they are left untouched)
cli-run-no-plots = Skip the charts and the report (draw them later with `undercurrent plot DIR` and `undercurrent report DIR`)
cli-run-posterior = A calibration's output directory: each replication draws its calibrated parameters from DIR/posterior.csv (last generation, by weight), seeded per replication; the draws go to posterior_draws.csv
cli-run-format = Table format: csv, or parquet to write replications, teams and employees also as Apache Parquet beside their CSV (pandas, polars, R's arrow and DuckDB read it)

cli-report-about = Write DIR/report.html: one self-contained file (inline SVG, no script, opens offline)
cli-report-dir = Results directory written by `run`
cli-plot-about = Redraw every chart of a results directory from its CSV files (nothing is rerun)
cli-plot-dir = Results directory written by `run`

cli-sweep-about = Run an experiment: design points x replications in parallel, streamed to disk, resumable after a kill (--resume), splittable over machines (--shard I/N)
cli-sweep-experiment = Experiment file (TOML); see experiments/README.md
cli-sweep-out = Output directory [default: results/<experiment name>/]
cli-sweep-resume = Continue the sweep already in the output directory
cli-sweep-shard = Run only shard I of N (1-based): a deterministic, disjoint share of the design points. Combine the shards with `undercurrent merge`

cli-sensitivity-about = Sobol or Morris sensitivity indices of a finished sweep, into DIR/sensitivity.csv
cli-sensitivity-dir = Directory of a finished sobol or morris sweep
cli-sensitivity-outputs = Outputs to analyse, comma-separated: `arm.metric` columns of runs.csv or metric names (every arm) [default: the experiment's]
cli-sensitivity-bootstrap = Bootstrap resamples for the Sobol confidence intervals [default: the experiment's]

cli-serve-about = The interactive explorer in the browser: pick a sector, maturity and drive mix, compose a programme, compare it with the baseline live. Bound to 127.0.0.1 unless --bind says otherwise; everything is served by the binary (works offline)
cli-serve-port = Port (0 picks a free one; the address is printed on stdout)
cli-serve-bind = Address to listen on. Anything but loopback lets others run simulations here
cli-serve-threads = Simulation threads [default: all cores]. Results do not depend on it
cli-serve-workers = HTTP worker threads (requests answered at once)
cli-serve-quiet = No per-request log on stderr

cli-calibrate-about = Calibrate parameters to observed targets by ABC-SMC (docs/calibration.md): posterior, predictive fit and a calibrated scenario; journaled, resumable after a kill (--resume)
cli-calibrate-calibration = Calibration file (TOML); see docs/calibration.md
cli-calibrate-out = Output directory [default: results/<calibration name>/]
cli-calibrate-resume = Continue the calibration already in the output directory

cli-merge-about = Combine the directories of a sharded sweep into the files one sweep writes
cli-merge-out = Output directory of the merged sweep
cli-merge-shards = Every shard's directory

## What clap writes around the help (used in languages other than English; English keeps clap's own)
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-value-command = COMMAND
cli-value-options = OPTIONS
cli-default = [default: { $value }]
cli-possible-values = [possible values: { $values }]

## Errors in the command line
cli-error = error: { $message }
cli-warning = warning: { $message }
cli-note = note: { $message }
cli-error-more = For more information, try '--help'.
cli-error-unknown-argument = unexpected argument '{ $argument }' found
cli-error-unknown-command = unrecognized subcommand '{ $command }'
cli-error-did-you-mean = tip: a similar one exists: '{ $suggestion }'
cli-error-invalid-value = invalid value '{ $value }' for '{ $argument }'
cli-error-missing = the following required arguments were not provided: { $arguments }
cli-error-value-missing = a value is required for '{ $argument }' but none was supplied
cli-error-too-many = unexpected value '{ $value }': this command takes no more
cli-error-other = the command line could not be read
cli-error-threads = expected a whole number of threads from 1 to { $max } (omit --threads for all cores)
cli-error-instruction-set = { $variable } = { $value } is not an instruction set; allowed: { $allowed }
cli-error-replications = --replications must be at least 1
cli-error-posterior = --posterior: { $message }
cli-error-moving = moving the result into place: { $message }

## What the commands print
cli-posterior-drawn = each replication's parameters drawn from the posterior in { $dir }
cli-run-start = undercurrent { $version }: scenario '{ $name }', { $arms } arms x { $replications } replications, { $employees } employees, { $days } days, { $threads } threads
cli-run-wrote = wrote { $files } and { $manifest } in { $seconds } s
cli-results-in = results in { $dir }
cli-wrote = wrote { $path }
cli-drew-charts-timed = drew { $charts } charts (PNG + SVG) into { $dir } in { $seconds } s
cli-drew-charts = drew { $charts } charts (PNG + SVG) into { $dir }
cli-charts-not-drawn = charts not drawn: { $message }
cli-report-not-written = report not written: { $message }
cli-no-charts = no charts drawn: { $message }
cli-no-report = no report written: { $message }
cli-progress-replications = replications
cli-progress-runs = runs
cli-progress-rate = runs/s
cli-progress-eta = eta
cli-progress-writing = writing files
cli-sweep-start = undercurrent { $version }: experiment '{ $name }', { $design } design, { $points } points x { $replications } replications = { $runs } runs{ $shard }, { $arms } arms, { $threads } threads -> { $out }
cli-sweep-shard-part = { " " }(shard { $shard })
cli-sweep-dropped = a sweep keeps summaries per run; the base scenario's { $outputs } { $count ->
    [one] is
   *[other] are
} not written (run one point with `undercurrent run` for them)
cli-sweep-run-series-hint = every run's own time series: `run_series = true` in the experiment (run_series.csv)
cli-sweep-torn = dropped a torn last journal line (the run is computed again)
cli-sweep-complete = { $dir }: already complete ({ $runs } runs); nothing to compute
cli-sweep-shard-done = shard { $shard }: { $runs } runs ({ $resumed } resumed, { $computed } computed) in { $seconds } s ({ $rate } runs/s) in { $dir }; when every shard is done: undercurrent merge --out DIR SHARD_DIRS...
cli-sweep-done = { $runs } runs ({ $resumed } resumed, { $computed } computed) in { $seconds } s ({ $rate } runs/s): wrote { $files } and manifest.json to { $dir }
cli-sensitivity-wrote = wrote { $path } ({ $design } design, { $outputs } outputs x { $parameters } parameters)
cli-merge-done = merged { $shards } shards ({ $runs } runs): wrote { $files } and manifest.json to { $dir }
cli-calibrate-start = undercurrent { $version }: calibration '{ $name }', { $parameters } parameters, { $targets } targets, { $particles } particles x { $replications } replications, at most { $generations } generations and { $budget } simulations, { $threads } threads -> { $out }
cli-calibrate-generation = generation { $generation }: tolerance { $tolerance }, accepted { $accepted }/{ $considered } ({ $percent }%), { $simulations } simulations, { $seconds } s, at most { $left } s left (budget)
cli-calibrate-done = { $generations } generations, { $simulations } simulations ({ $resumed } from the journal) in { $seconds } s; stopped: { $stop }; wrote { $files } and manifest.json to { $dir }
# The comment `run --print-scenario` writes beside a day field written as text.
cli-working-days = { $days ->
    [one] { $days } working day
   *[other] { $days } working days
}
