# Words drawn in the charts (crates/charts/src/plot): titles, axes, legends, notes, hover texts.

## Shared
charts-axis-months-since-start = months since start of recorded period
charts-axis-months = months
charts-axis-value = value
charts-hover-day-month = day { $day } · month { $month }
charts-no-value = no value
charts-interval-short = 95% CI
charts-interval-band = 95% confidence interval
charts-interval-parameters = 95% interval (chance and parameter uncertainty)

## Time series
charts-degenerate-zero = { $title }: zero in every arm on every recorded day
charts-degenerate-constant = { $title }: the same value, { $value }, in every arm on every recorded day
charts-same-as-baseline = { $arm } (same as baseline)
charts-timeseries-subtitle = Mean over runs; shaded band: { $band }
charts-timeseries-subtitle-bars = Mean over runs; shaded band: { $band }; bars at the top: when each programme runs

## Iceberg
charts-iceberg-title = Iceberg: { $arm }
charts-iceberg-subtitle = Visible state above the waterline, underlying state below; mean over runs, band: { $band } of B
charts-iceberg-label-b = B behaviour (visible)
charts-iceberg-label-k = K knowledge
charts-iceberg-label-a = A awareness
charts-iceberg-label-n = N norm
charts-iceberg-label-h = H habit
charts-iceberg-label-e = E reward expectancy
charts-iceberg-label-u = U understanding of intent
charts-iceberg-label-p = P practised alternatives
charts-iceberg-baseline-b = B in baseline arm
charts-iceberg-above = Above the waterline
charts-iceberg-below = Below the waterline
charts-iceberg-waterline = ~ waterline ~
charts-iceberg-axis-state = state (0–1)
charts-iceberg-hover-baseline = { $title }, baseline
charts-iceberg-hover-above = { $arm }: above the waterline
charts-iceberg-hover-below = { $arm }: below the waterline

## B by dominant drive
charts-drives-title = B by dominant drive
charts-drives-subtitle = Visible customer-oriented behaviour B of employees grouped by dominant drive; mean over runs
charts-drives-everyone-legend = all employees
charts-drives-hover-drive = B, { $drive } dominant
charts-drives-hover-everyone = B, everyone
charts-drives-axis-b = mean propensity B (0–1)
charts-drive-purple = purple
charts-drive-red = red
charts-drive-blue = blue
charts-drive-orange = orange
charts-drive-green = green
charts-drive-yellow = yellow
charts-drive-turquoise = turquoise

## Durability
charts-not-available = n/a
charts-durability-title = Durability of the gain in B
charts-durability-subtitle = Gains are paired differences to baseline; dot: mean over runs (half-life: Kaplan-Meier median), whiskers: { $band }
charts-durability-peak-gain = peak gain
charts-durability-gain-6m = gain at 6 months
charts-durability-gain-12m = gain at 12 months
charts-durability-median-half-life = median half-life
charts-durability-beyond = beyond the recorded period (censored)
charts-durability-gain-panel = Gain in B over baseline
charts-durability-half-life-panel = Half-life of the gain
charts-durability-censored-note = { $censored } of { $n } runs not halved by the end
charts-durability-more-than-months = more than { $months } months; { $censored }
charts-durability-share-not-halved = { $share }% of runs not halved by the end
charts-durability-not-reached = not reached ({ $share }% of runs not halved)
charts-durability-drift = Baseline arm drift: { $drift }
charts-durability-more-than = more than { $value }
charts-durability-hover-median = median half-life: { $months } months{ $interval }
charts-durability-hover-median-beyond = median half-life: more than { $months } months
charts-durability-hover-half-life = half-life: { $months } months
charts-durability-hover-no-half-life = half-life: no value

## Costs
charts-costs-title = Cost to the end of the horizon
charts-costs-subtitle = Cumulative cost after { $months } months, mean over runs: interventions + rule breaks = total
charts-costs-part-interventions = interventions (the programmes)
charts-costs-part-rule-breaks = rule breaks
charts-costs-hover-total = total: { $total }
charts-costs-total = total { $total }
charts-cost-benefit-title = Cost against lasting NPS gain
charts-cost-benefit-subtitle = Mean over runs; whiskers: { $band }
charts-cost-benefit-axis-cost = intervention cost over baseline (euro)
charts-cost-benefit-axis-gain = NPS gain 12 months after the end (points)
charts-cost-benefit-hover =
    { $arm }
    intervention cost over baseline: { $cost }
    NPS gain 12 months after the programme: { $gain }

## The team chart (teams.csv): replication 1's teams as squares coloured by B
charts-teams-title = Teams: customer-oriented behaviour B by team
charts-teams-subtitle = Each square one team of replication 1 of { $replications }, coloured by its mean B (0–1) on the day above; one scale for every arm and day
charts-teams-day = day { $day } · month { $month }
charts-teams-when-start = the first programme day
charts-teams-when-end = after the last programme
charts-teams-when-last = the last recorded day
charts-teams-when-first = the first recorded day
charts-teams-when-middle = halfway
charts-teams-hover = { $arm }, team { $team }, day { $day }: B { $value }
charts-teams-no-value = no value (no employees)
charts-teams-scale = mean B of a team (customer-oriented behaviour, 0–1): lowest and highest shown
charts-teams-too-many = Teams: { $teams } teams are too many to draw as squares (at most { $max }); their figures are in teams.csv
