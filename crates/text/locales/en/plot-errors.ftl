# Why charts or a report could not be made from a directory (crates/charts/src/plot/error.rs,
# report/html.rs); the English is the errors' Display, word for word.
plot-error-missing-file = missing input file: { $path }
plot-error-malformed-csv = malformed CSV { $path } (line { $line }): { $message }
plot-error-malformed-json = malformed JSON { $path }: { $message }
plot-error-io = I/O error on { $path }: { $reason }
plot-error-font = font error: { $message }
plot-error-draw = drawing error: { $message }
plot-error-no-data = no data: { $message }
report-error-write = writing { $path }: { $reason }
