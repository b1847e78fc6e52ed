# report.html of a sweep (report/html.rs, render_sweep_report).
sweep-report-title = { $name } · undercurrent sweep report
sweep-report-sweep = Sweep
sweep-report-design = design
sweep-report-points = design points
sweep-report-replications-per-point = replications per point
sweep-report-runs = runs
sweep-report-swept = Swept parameters
sweep-report-col-key = key
sweep-report-col-from = from
sweep-report-col-to = to
sweep-report-sensitivity = Sensitivity indices
sweep-report-censored-warning = Warning: { $metric } of { $arm } was cut at the horizon (censored) in { $share } of runs; its indices apportion the mean of durations cut there, not of the durations.
sweep-report-col-output = output
sweep-report-col-index = index
sweep-report-col-estimate = estimate
sweep-report-col-ci = 95% CI
sweep-report-method = Every design point runs the base scenario with the swept parameters set; replication r of every point uses the same seed (common random numbers across points and arms, unless the experiment turns that off), so differences between points are the parameters' effects. Means and 95% t-intervals are over a point's replications, except for the half-life, which can run past the horizon: its value is the Kaplan-Meier median over the point's replications ("more than" when not reached, with the share of runs censored); sensitivity indices of a half-life apportion the mean of half-lives cut at the horizon; the numbers are in { $points } and { $runs } next to this file, the format in { $readme }.
