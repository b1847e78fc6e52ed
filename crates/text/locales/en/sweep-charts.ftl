# Words drawn in the charts of a sweep (crates/charts/src/plot/sweep.rs): response curves,
# heatmaps, scatter panels, Sobol bars and the Morris μ*–σ plot.

## Shared
# A swept parameter's axis: its name and the parameter registry's unit.
sweep-charts-axis-with-unit = { $name } ({ $unit })
sweep-charts-arm = arm: { $arm }
# Appended to a sensitivity chart's subtitle when some runs were cut at the horizon.
sweep-charts-censoring-caveat = ; censored in { $share }% of runs: indices of the mean cut at the horizon

## Response curves (one swept parameter)
sweep-charts-response-subtitle = Against { $axis }; mean over replications, band: 95% confidence interval
sweep-charts-response-subtitle-median = Against { $axis }; Kaplan-Meier median over replications (open circle: not reached, more than the value shown), band: 95% interval

## Heatmaps (a two-parameter grid)
sweep-charts-heatmap-subtitle = { $arm }; each cell: mean over replications, in { $unit }
sweep-charts-heatmap-subtitle-median = { $arm }; cell: Kaplan-Meier median, { $unit }; hatched: beyond the end; k/n: runs not halved by the end
sweep-charts-heatmap-not-halved = { $censored }/{ $n } not halved

## Scatter panels (sampled designs)
sweep-charts-scatter-subtitle = { $arm }; one dot per design point (mean over replications) against each parameter
sweep-charts-scatter-subtitle-median = { $arm }; one dot per design point (Kaplan-Meier median over replications; open: not reached, more than shown) against each parameter
sweep-charts-scatter-subtitle-first = { $arm }; one dot per design point (mean over replications) against each parameter (first { $shown } of { $total })
sweep-charts-scatter-subtitle-median-first = { $arm }; one dot per design point (Kaplan-Meier median over replications; open: not reached, more than shown) against each parameter (first { $shown } of { $total })

## Sobol indices
sweep-charts-sobol-title = Sensitivity · { $title }
sweep-charts-sobol-subtitle = { $arm }; Sobol first-order (S1) and total (ST) indices, whiskers: 95% bootstrap CI{ $caveat }
sweep-charts-sobol-first-order = first-order S1
sweep-charts-sobol-total = total ST
sweep-charts-sobol-axis = share of the output's variance

## Morris screening
sweep-charts-morris-title = Morris screening · { $title }
sweep-charts-morris-subtitle = { $arm }; μ*: mean absolute elementary effect (importance), σ: their spread (interactions, non-linearity){ $caveat }
sweep-charts-morris-axis-mu = μ* ({ $unit } per full parameter range)
sweep-charts-morris-axis-sigma = σ (same unit; grey line: σ = μ*)
