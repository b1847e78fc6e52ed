# Why charts or a report could not be made from a directory (crates/charts/src/plot/error.rs,
# report/html.rs); the English is the errors' Display, word for word.
plot-error-missing-file = missing input file: { $path }
plot-error-malformed-csv = malformed CSV { $path } (line { $line }): { $message }
plot-error-malformed-json = malformed JSON { $path }: { $message }
plot-error-io = I/O error on { $path }: { $reason }
plot-error-font = font error: { $message }
plot-error-draw = drawing error: { $message }
plot-error-no-data = no data: { $message }
## Why there is nothing to draw (crates/charts/src/plot/no_data.rs); a calibration that cannot
## be read says so in its own words.
plot-no-data-result-rows = { $dir } holds no result rows
plot-no-data-sweep-chart = { $dir }: no chart fits this sweep (response curves need one swept parameter, heatmaps a full two-parameter grid, sensitivity charts a sensitivity.csv)
plot-no-data-particles = { $dir }: no particles
plot-no-data-teams = no teams to draw
plot-no-data-team-value = no team has a value of B
plot-no-data-drives = no B_<drive> metrics
plot-no-data-costs = timeseries.csv has no cumulative cost rows
plot-no-data-cost-benefit = durability.csv has no programme with a cost and an NPS gain 12 months after
plot-no-data-iceberg = arm `{ $arm }` has none of B, K, A, N, H, E, U, P
plot-no-data-durability = durability.csv has no gain or half-life rows
plot-no-data-metric = metric `{ $metric }` has no values
report-error-write = writing { $path }: { $reason }
