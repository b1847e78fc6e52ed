# The durability table printed at the end of a run (report/text.rs). Column headings are two
# lines of at most 15 characters each: the quantity, then its unit.
table-head-peak-gain = peak gain in B
table-unit-peak-gain = (0-1 scale)
table-head-gain-12m = gain in B after
table-unit-gain-12m = a year (0-1)
table-head-half-life = half-life
table-unit-half-life = (months)
table-head-effect-size = effect size d
table-unit-effect-size = at peak (d)
table-head-nps-gain = NPS gain
table-unit-nps-gain = (NPS points)
table-head-cost-per-point = cost per NPS
table-unit-cost-per-point = point (euro)
# A censored half-life: the replications had not halved when the run ended.
table-more-than = more than { $value }
# An interval's upper end that was not reached, short enough for a column.
table-not-reached-short = n.r.
table-not-reached = not reached
table-censored-arm = { $arm } { $censored } of { $n }
table-note-mean = Each figure is the mean over { $replications } replications, the line beneath it its { $interval }.
table-note-gains = Gains in B (customer-oriented behaviour, 0-1) are against the baseline without a programme, at its peak and 12 months after the programme ends. Half-life: months (of { $days } working days) until half the peak gain is gone, the Kaplan-Meier median over replications with its Brookmeyer-Crowley interval; "more than" when half the replications had not halved by the end of the run; { $short } = not reached.
table-note-censored = * Replications whose gain had not halved by the end of the run: { $arms }.
table-note-effect-size = Effect size d (Cohen's d): the difference from the baseline in standard deviations of B between employees; about { $small } is small, { $medium } medium, { $large } large.
table-note-nps = NPS gain: mean gain in NPS points from the programme's start to 12 months after its end. Cost per NPS point: the programme's cost in euro divided by that gain (the ratio of the two means).
table-note-drift = Without a programme B drifts by { $drift } { $interval } over the run.
table-note-more = More figures (days to the peak, the share kept, NPS a year on, costs) are in { $csv } and { $report }.
table-claims-intro =
    Claims against the model (a check holds only when its whole 95% interval is on the
    claimed side; the checks are in { $csv } and the report):
# What an interval covers (plot::data::Intervals), in the reports' sentences and notes.
interval-band-chance = 95% confidence interval
interval-band-parameters = 95% interval (chance and parameter uncertainty)
interval-long-chance = 95% confidence interval
interval-long-parameters = 95% interval over replications whose parameters are drawn from a calibration's posterior (it covers chance and what is not known about the organisation)
claim-verdict-agrees = agrees
claim-verdict-disagrees = disagrees
claim-verdict-undecided = undecided
