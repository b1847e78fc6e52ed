# Words drawn in the charts of a calibration (crates/charts/src/plot/calibration.rs).

## Posterior over prior
calibration-charts-posterior-title = Posterior over prior
calibration-charts-posterior-subtitle = Generation { $generation } (the posterior): weighted histogram; line: the prior; dashed: value before calibration; log-uniform priors on log axes
calibration-charts-axis-density = density

## Pairs
calibration-charts-pairs-title = Pairs of parameters in the posterior
calibration-charts-pairs-subtitle = One dot per particle of the last generation, its area by its weight; each axis spans the parameter's prior range

## Fit
calibration-charts-fit-title = Posterior predictive fit
calibration-charts-fit-subtitle = Per target, in units of its scale from the observed value (0): predictive mean (dot) and 95% interval
calibration-charts-fit-axis = (simulated − observed) / scale

## Generations
calibration-charts-generations-title = Tolerance by generation
calibration-charts-generations-subtitle = Generation 0 draws from the priors and accepts all; later ones accept particles closer than their tolerance
calibration-charts-axis-generation = generation
calibration-charts-axis-tolerance = tolerance (distance in target scales)
calibration-charts-axis-accepted = proposals accepted (%)
