# report.html of a calibration (crates/charts/src/report/calibration.rs).
calibration-report-title = { $name } · undercurrent calibration report
calibration-report-heading = Calibration: { $name }
calibration-report-summary = Summary

## Summary table
calibration-report-row-parameters = parameters fitted
calibration-report-row-targets = targets
calibration-report-row-particles = particles × replications
calibration-report-row-generations = generations
calibration-report-row-simulations = simulations
calibration-report-row-stopped = stopped because
calibration-report-row-tolerance = last tolerance (distance in target scales)
calibration-report-row-seed = seed

## Why a calibration stopped (also printed by `calibrate`); the English is `Stop::describe`'s
calibration-stop-final_tolerance = the tolerance reached final_tolerance
calibration-stop-max_generations = max_generations reached
calibration-stop-budget = the simulation budget (max_simulations) ran out
calibration-stop-stalled = the tolerance stopped falling ({ $from } to { $to }): more generations would not fit the targets more closely; the last population is the best

## Reading: what the targets determined
calibration-report-determined = What the targets determined
calibration-report-fit-inside = { $inside } of { $total } targets lie inside the 95% interval of the posterior predictive (new simulations with parameters drawn from the posterior).
calibration-report-fit-outside = Outside: { $targets }; the model with these parameters does not reproduce { $count ->
        [one] it
       *[other] them
    }.
calibration-report-parameter = { $name }: median { $median }, 90% credible interval { $lo } to { $hi }
calibration-report-before = (before calibration { $value })
calibration-report-strength-constrained = pinned down by the targets: its 90% credible interval spans { $share } of the prior's
calibration-report-strength-partly = partly determined by the targets: its 90% credible interval still spans { $share } of the prior's
calibration-report-strength-uninformed = hardly determined by the targets: its 90% credible interval spans { $share } of the prior's, so its median mostly restates the prior
calibration-report-edge-lower = Its posterior runs into the lower end of the prior ({ $bound }): the targets may favour smaller values than the prior admits, and the median is held up by that end; widen the prior before relying on it.
calibration-report-edge-upper = Its posterior runs into the upper end of the prior ({ $bound }): the targets may favour larger values than the prior admits, and the median is held up by that end; widen the prior before relying on it.

## Priors
calibration-report-prior-uniform = uniform on [{ $lo }, { $hi }]
calibration-report-prior-log-uniform = log-uniform on [{ $lo }, { $hi }]
calibration-report-prior-normal = normal ({ $mean }, sd { $sd }) on [{ $lo }, { $hi }]

## Posterior table
calibration-report-posterior = Posterior
calibration-report-col-prior = prior
calibration-report-col-before = before calibration
calibration-report-col-median = posterior median
calibration-report-col-credible = 90% credible interval
calibration-report-col-open = share of the prior's 90% range still open
calibration-report-range = { $lo } to { $hi }
calibration-report-at-lower-end = (at the prior's lower end)
calibration-report-at-upper-end = (at the prior's upper end)
calibration-report-caption-posterior = Weighted histogram of each parameter in the last generation (blue), the prior's density (orange line) and the value before calibration (dashed). Parameters with a log-uniform prior are drawn on a log scale, where that prior is flat.
calibration-report-caption-pairs = Each pair of parameters in the last generation; a band running across a panel is a trade-off the targets cannot resolve (either parameter can produce the same statistics).

## Fit table
calibration-report-fit = Fit to the targets
calibration-report-col-target = target
calibration-report-col-observed = observed
calibration-report-col-scale = scale (standard error or tolerance)
calibration-report-col-predictive-mean = posterior predictive mean
calibration-report-col-interval = 95% interval
calibration-report-col-inside = observed inside?
calibration-report-yes = yes
calibration-report-no = no
calibration-report-caption-fit = Distance of the posterior predictive from each observed value, in units of the target's scale: 0 is a perfect fit, ±2 about two standard errors.

## Generations table
calibration-report-generations = Generations
calibration-report-col-generation = generation
calibration-report-col-tolerance = tolerance
calibration-report-col-accepted = proposals accepted
calibration-report-col-ess = effective sample size
calibration-report-col-simulations = simulations so far
calibration-report-no-tolerance = none (prior)
calibration-report-caption-generations = Tolerance (largest distance accepted, in target scales) and share of proposals accepted, per generation.

## Method
calibration-report-method = Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC: Toni et al. 2009; Beaumont et al. 2009). Generation 0 draws { $population } particles from the priors; each later generation proposes particles by perturbing the previous population with a multivariate normal kernel of twice its weighted covariance (Filippi et al. 2013), simulates each with { $replications } replications of the base scenario under common random numbers, and accepts it when the distance between its statistics and the observed values, each divided by its scale, is within the tolerance: a quantile of the previous generation's distances (Del Moral et al. 2012). Accepted particles are weighted by prior density over proposal density. The posterior is the last generation; the posterior predictive in the fit table simulates every final particle once more with fresh seeds. A parameter counts as pinned down when its 90% credible interval spans less than { $constrained }% of its prior's central 90% range, and as hardly determined from { $uninformed }% on (on a log scale for log-uniform priors). The file format and every option are in { $docs }; the numbers are in { $posterior }, { $fit } and { $generations }, and { $calibrated } is the base scenario with the posterior medians, ready for { $run } (or use { $run_posterior } on this directory to carry the whole posterior into a forecast).
