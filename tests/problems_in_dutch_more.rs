//! An experiment file's, a calibration file's and a scenario's problems in Dutch too (issue
//! 20): every check of an axis's key and values against the base scenario, of the kept
//! outputs, of a calibration file, of named outputs (`[metrics]`) and of claims, broken once
//! through the command line. English reads exactly as before
//! (each message hard-coded as the checks wrote it before they kept their words as data),
//! Dutch says it in Dutch with the same location and key, and the pseudo-language shows no
//! English word bypassing the catalogue.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use undercurrent::text::plain_words;

/// The target most calibration cases share, written where a case's file says `@targets`
/// (last, so the lines of the check a case breaks are as shown).
const TARGETS: &str = r#"[[targets]]
arm = "coaching"
metric = "gain_B"
window = [0, 100]
observed = 0.1
scale = 0.01
"#;

/// Writes case `name`'s file into `d`, `@targets` spelled out, and returns the file's name.
fn write_case(d: &Path, name: &str, body: &str) -> String {
    let file = format!("{name}.toml");
    std::fs::write(d.join(&file), body.replace("@targets\n", TARGETS)).unwrap();
    file
}

/// (command, file name, file, the English message as it was).
const CASES: &[(&str, &str, &str, &str)] = &[
    (
        "sweep",
        "base_or_scenario",
        r##"name = "s"
replications = 2
base = "default"
[scenario]
horizon_days = 100
[sweep]
design = "grid"
[[sweep.axes]]
key = "organisation.facilities"
values = [0.1]
"##,
        r##"error: base_or_scenario.toml:3:8: `base` = given with a [scenario] table: expected either `base = "file.toml"` or an inline [scenario], not both
"##,
    ),
    (
        "sweep",
        "no_key_suggest",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "organisation.facilitis"
values = [0.1]
"##,
        r##"error: no_key_suggest.toml:6:7: `sweep.axes[0].key` = "organisation.facilitis": expected a numeric parameter of the scenario (`organisation` has no key `facilitis`; did you mean `organisation.facilities`?)
"##,
    ),
    (
        "sweep",
        "no_key_top",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "nonsense"
values = [0.1]
"##,
        r##"error: no_key_top.toml:6:7: `sweep.axes[0].key` = "nonsense": expected a numeric parameter of the scenario (the scenario has no key `nonsense`)
"##,
    ),
    (
        "sweep",
        "not_sweepable",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "seed"
values = [1]
"##,
        r##"error: not_sweepable.toml:6:7: `sweep.axes[0].key` = "seed": expected a numeric parameter of the scenario (`seed` cannot be swept: the experiment's top-level `seed` is the master seed of the sweep)
"##,
    ),
    (
        "sweep",
        "not_sweepable_other",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "windows"
values = [1]
"##,
        r##"error: not_sweepable_other.toml:6:7: `sweep.axes[0].key` = "windows": expected a numeric parameter of the scenario (`windows` cannot be swept: it is not a model parameter)
"##,
    ),
    (
        "sweep",
        "section_keys",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "organisation"
values = [1]
"##,
        r##"error: section_keys.toml:6:7: `sweep.axes[0].key` = "organisation": expected a numeric parameter of the scenario (`organisation` is a section, not a number; its numeric keys are `organisation.drive_concentration`, `organisation.employees`, `organisation.facilities`, `organisation.feedback_share`, `organisation.hiring_candidates`, `organisation.hiring_screening_noise`, `organisation.socialisation_days`, `organisation.socialisation_manager`, `organisation.socialisation_peer`, `organisation.socialisation_visibility`, `organisation.team_size`, `organisation.turnover_per_year`)
"##,
    ),
    (
        "sweep",
        "not_key_path",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "organisation..facilities"
values = [0.1]
"##,
        r##"error: not_key_path.toml:6:7: `sweep.axes[0].key` = "organisation..facilities": expected a numeric parameter of the scenario (`organisation..facilities` is not a key path (write sections and keys separated by dots, like `managers.role_model_mean`))
"##,
    ),
    (
        "sweep",
        "levels_not_categorical",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "organisation.facilities"
values = ["x", "y"]
"##,
        r##"error: levels_not_categorical.toml:6:7: `sweep.axes[0].key` = "organisation.facilities": expected a parameter of the scenario that takes these values (`organisation.facilities` is a number, not a categorical parameter; give numbers for it)
"##,
    ),
    (
        "sweep",
        "no_entry_arms",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "arms.nosuch.interventions.0.intensity"
values = [0.1]
"##,
        r##"error: no_entry_arms.toml:6:7: `sweep.axes[0].key` = "arms.nosuch.interventions.0.intensity": expected a numeric parameter of the scenario (`arms` has no entry `nosuch`; its entries are baseline (0), training_only (1), coaching (2), reinforcement_continuous (3), reinforcement_variable (4), full_method (5) (address an arm by its name, `arms.<name>`: a position counts the baseline, which comes first); did you mean `arms.coaching.interventions.0.intensity`?)
"##,
    ),
    (
        "sweep",
        "inside_number",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "organisation.facilities.x"
values = [0.1]
"##,
        r##"error: inside_number.toml:6:7: `sweep.axes[0].key` = "organisation.facilities.x": expected a numeric parameter of the scenario (`organisation.facilities` is a number; it has no `x` inside it)
"##,
    ),
    (
        "sweep",
        "axis_unique",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "organisation.facilities"
values = [0.1]
[[sweep.axes]]
key = "organisation.facilities"
values = [0.2]
"##,
        r##"error: axis_unique.toml:9:7: `sweep.axes[1].key` = "organisation.facilities": expected a parameter and column name no other axis has (sweep.axes[0] is the same)
"##,
    ),
    (
        "sweep",
        "axis_column_free",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "organisation.facilities"
name = "point"
values = [0.1]
"##,
        r##"error: axis_column_free.toml:6:7: `sweep.axes[0].key` = "point": expected a column name other than `point` and `replication` (give the axis a `name`)
"##,
    ),
    (
        "sweep",
        "keep_metric",
        r##"name = "s"
replications = 2
keep_metrics = ["B_meen", "zzzzzzzzzz"]
[sweep]
design = "grid"
[[sweep.axes]]
key = "organisation.facilities"
values = [0.1]
"##,
        r##"error: keep_metric.toml:3:17: `keep_metrics[0]` = "B_meen": expected a summary metric (`B_mean`, `peak_gain_B`, ...), a named output of `[metrics]`, or `arm.metric` (did you mean `B_mean`?)
keep_metric.toml:3:27: `keep_metrics[1]` = "zzzzzzzzzz": expected a summary metric (`B_mean`, `peak_gain_B`, ...), a named output of `[metrics]`, or `arm.metric`
"##,
    ),
    (
        "sweep",
        "series_metric",
        r##"name = "s"
replications = 2
timeseries = true
timeseries_metrics = ["nsp"]
[sweep]
design = "grid"
[[sweep.axes]]
key = "organisation.facilities"
values = [0.1]
"##,
        r##"error: series_metric.toml:4:23: `timeseries_metrics[0]` = "nsp": expected a recorded metric (B, N, nps, ...) or gain_B, gain_N, gain_nps (did you mean `nps`?)
"##,
    ),
    (
        "sweep",
        "sensitivity_output",
        r##"name = "s"
replications = 2
[sweep]
design = "sobol"
base_samples = 4
[[sweep.axes]]
key = "organisation.facilities"
min = 0.1
max = 0.5
[sensitivity]
outputs = ["zzzzzzzzzz", "B_meen"]
"##,
        r##"error: sensitivity_output.toml:11:12: `sensitivity.outputs[0]` = "zzzzzzzzzz": expected a kept summary column (`arm.metric`) or metric (not among the kept columns (see keep_metrics))
"##,
    ),
    (
        "sweep",
        "most_runs",
        r##"name = "s"
replications = 10000
[sweep]
design = "lhs"
samples = 10000
[[sweep.axes]]
key = "organisation.facilities"
min = 0.1
max = 0.5
"##,
        r##"error: most_runs.toml:3:1: `sweep` = lhs design: 10000 points x 10000 replications: expected at most 10000000 runs (split the experiment into several)
"##,
    ),
    (
        "sweep",
        "axis_whole_value",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "organisation.employees"
values = [10.5]
"##,
        r##"error: axis_whole_value.toml:7:11: `axis organisation.employees (sweep.axes[0])` = 10.5: expected a whole number (the parameter is a whole number (days, people, ...))
"##,
    ),
    (
        "sweep",
        "axis_whole_between",
        r##"name = "s"
replications = 2
[sweep]
design = "lhs"
samples = 4
[[sweep.axes]]
key = "organisation.employees"
min = 10.2
max = 10.8
"##,
        r##"error: axis_whole_between.toml:8:7: `axis organisation.employees (sweep.axes[0])` = min = 10.2, max = 10.8: expected bounds with a whole number between them (the parameter is a whole number)
"##,
    ),
    (
        "sweep",
        "rows_fit_on_disk",
        r##"name = "s"
replications = 2
[scenario]
teams = true
employee_snapshot_every = 5
[scenario.organisation]
employees = 5000
[sweep]
design = "grid"
[[sweep.axes]]
key = "organisation.facilities"
range = { from = 0.0, to = 1.0, step = 0.001 }
"##,
        r##"error: rows_fit_on_disk.toml:5:27: `scenario.employee_snapshot_every` = 5: expected team and employee rows that fit in 200.0 GiB on disk (this sweep's 2002 runs would write about 1 TiB, held twice while they are joined) (fewer points, replications or snapshot days (raise employee_snapshot_every or record_every), or run the points you need with `undercurrent run`)
"##,
    ),
    (
        "sweep",
        "levels_text",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "arms.coaching.interventions.0.kind"
values = [true, false]
"##,
        r##"error: levels_text.toml:6:7: `sweep.axes[0].key` = "arms.coaching.interventions.0.kind": expected a parameter of the scenario that takes these values (`arms.coaching.interventions.0.kind` is text ("coaching"); its values must be text too)
"##,
    ),
    (
        "sweep",
        "key_text",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "arms.coaching.interventions.0.kind"
values = [1, 2]
"##,
        r##"error: key_text.toml:6:7: `sweep.axes[0].key` = "arms.coaching.interventions.0.kind": expected a numeric parameter of the scenario (`arms.coaching.interventions.0.kind` is text ("coaching"), not a number; list its levels as text (`values = ["...", "..."]`) instead of numbers)
"##,
    ),
    (
        "sweep",
        "key_list",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "arms"
values = [1, 2]
"##,
        r##"error: key_list.toml:6:7: `sweep.axes[0].key` = "arms": expected a numeric parameter of the scenario (`arms` is a list, not a number)
"##,
    ),
    (
        "calibrate",
        "settings",
        r##"name = "c"
population = 10
quantile = 1.5
final_tolerance = -1.0
min_drop = 1.0
record_every = 0
parameters = []
targets = []
"##,
        r##"error: settings.toml:3:12: `quantile` = 1.5: expected a number strictly between 0 and 1 (0.5 halves the tolerance's sample each generation)
settings.toml:4:19: `final_tolerance` = -1: expected a finite number >= 0
settings.toml:5:12: `min_drop` = 1: expected a number in [0, 1)
settings.toml:6:16: `record_every` = 0: expected a whole number >= 1
settings.toml:7:14: `parameters` = none: expected at least one [[parameters]] entry
settings.toml:8:11: `targets` = none: expected at least one [[targets]] entry
"##,
    ),
    (
        "calibrate",
        "target_numbers",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
[[targets]]
arm = "coaching"
metric = "gain_B"
window = [0, 100]
observed = nan
scale = 0.0
"##,
        r##"error: target_numbers.toml:12:12: `targets[0].observed` = NaN: expected a finite number
target_numbers.toml:13:9: `targets[0].scale` = 0: expected a finite number > 0 (the standard error or tolerance the distance divides by)
"##,
    ),
    (
        "calibrate",
        "continuous",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.employees"
prior = "uniform"
lo = 10
hi = 20
@targets
"##,
        r##"error: continuous.toml:4:7: `parameters[0].key` = "organisation.employees": expected a continuous numeric parameter (a whole-number parameter cannot be given a continuous prior)
"##,
    ),
    (
        "calibrate",
        "bad_key",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilitis"
prior = "uniform"
lo = 0.2
hi = 0.8
@targets
"##,
        r##"error: bad_key.toml:4:7: `parameters[0].key` = "organisation.facilitis": expected a numeric parameter of the scenario (`organisation` has no key `facilitis`; did you mean `organisation.facilities`?)
"##,
    ),
    (
        "calibrate",
        "duplicate",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
@targets
"##,
        r##"error: duplicate.toml:9:7: `parameters[1].key` = "organisation.facilities": expected a parameter no other [[parameters]] entry names
"##,
    ),
    (
        "calibrate",
        "normal_missing_sd_and_refused",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "normal"
mean = 0.5
lo = 0.1
[[parameters]]
key = "organisation.feedback_share"
prior = "uniform"
lo = 0.2
hi = 0.8
sd = 0.1
mean = 0.3
@targets
"##,
        r##"error: normal_missing_sd_and_refused.toml:5:9: `parameters[0].prior` = "normal": expected a `sd` key (normal takes `mean` and `sd` (and optionally `lo`, `hi` inside the declared bounds))
normal_missing_sd_and_refused.toml:14:8: `parameters[1].mean` = given: expected no `mean` with prior = "uniform" (uniform takes `lo` and `hi`)
normal_missing_sd_and_refused.toml:13:6: `parameters[1].sd` = given: expected no `sd` with prior = "uniform" (uniform takes `lo` and `hi`)
"##,
    ),
    (
        "calibrate",
        "finite_lo",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = nan
hi = 0.8
@targets
"##,
        r##"error: finite_lo.toml:6:6: `parameters[0].lo` = NaN: expected a finite number
"##,
    ),
    (
        "calibrate",
        "hi_above_lo",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.8
hi = 0.2
@targets
"##,
        r##"error: hi_above_lo.toml:7:6: `parameters[0].hi` = lo = 0.8, hi = 0.2: expected hi > lo
"##,
    ),
    (
        "calibrate",
        "log_uniform",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "log_uniform"
lo = -0.5
hi = 0.8
@targets
"##,
        r##"error: log_uniform.toml:6:6: `parameters[0].lo` = -0.5: expected a number > 0 (a log-uniform prior needs positive bounds)
"##,
    ),
    (
        "calibrate",
        "prior_in_bounds",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = -0.5
hi = 0.8
@targets
"##,
        r##"error: prior_in_bounds.toml:6:6: `parameters[0].lo` = -0.5: expected within the declared bounds of `organisation.facilities`, [0, 1] (a prior must lie inside the parameter's declared bounds)
"##,
    ),
    (
        "calibrate",
        "normal_sd",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "normal"
mean = 0.5
sd = 0.0
@targets
"##,
        r##"error: normal_sd.toml:7:6: `parameters[0].sd` = 0: expected a number > 0
"##,
    ),
    (
        "calibrate",
        "truncation",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "normal"
mean = 0.5
sd = 0.1
lo = -1.0
@targets
"##,
        r##"error: truncation.toml:8:6: `parameters[0].lo` = -1: expected within the declared bounds of `organisation.facilities`, [0, 1] (the truncation must lie inside the parameter's declared bounds)
"##,
    ),
    (
        "calibrate",
        "normal_hi_lo",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "normal"
mean = 0.5
sd = 0.1
lo = 0.7
hi = 0.3
@targets
"##,
        r##"error: normal_hi_lo.toml:9:6: `parameters[0].hi` = lo = 0.7, hi = 0.3: expected hi > lo
"##,
    ),
    (
        "calibrate",
        "mean_support",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "normal"
mean = 0.9
sd = 0.1
lo = 0.2
hi = 0.8
@targets
"##,
        r##"error: mean_support.toml:6:8: `parameters[0].mean` = 0.9: expected inside the prior's support [0.2, 0.8] (within the declared bounds of `organisation.facilities`, [0, 1]) (the normal prior is truncated to the declared bounds)
"##,
    ),
    (
        "calibrate",
        "target_arm",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
[[targets]]
arm = "coachin"
metric = "gain_B"
window = [0, 100]
observed = 0.1
scale = 0.01
"##,
        r##"error: target_arm.toml:9:7: `targets[0].arm` = "coachin": expected an arm of the scenario: `baseline`, `training_only`, `coaching`, `reinforcement_continuous`, `reinforcement_variable`, `full_method` (did you mean `coaching`?)
"##,
    ),
    (
        "calibrate",
        "day_or_window",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
[[targets]]
arm = "coaching"
metric = "gain_B"
day = 10
window = [0, 100]
observed = 0.1
scale = 0.01
"##,
        r##"error: day_or_window.toml:12:10: `targets[0].window` = given with `day`: expected either `day` or `window`, not both
"##,
    ),
    (
        "calibrate",
        "recorded_day",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
[[targets]]
arm = "coaching"
metric = "gain_B"
day = 7
observed = 0.1
scale = 0.01
"##,
        r##"error: recorded_day.toml:11:7: `targets[0].day` = 7: expected a recorded day in [0, 749]: a multiple of record_every = 5 or the last day 749 (the horizon is horizon_days recorded days from day 0)
"##,
    ),
    (
        "calibrate",
        "window_days",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
[[targets]]
arm = "coaching"
metric = "gain_B"
window = [5, 2]
observed = 0.1
scale = 0.01
"##,
        r##"error: window_days.toml:11:10: `targets[0].window` = [5, 2]: expected [first, last] with 0 <= first <= last <= 749 (the horizon's last day)
"##,
    ),
    (
        "calibrate",
        "window_recorded",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
[[targets]]
arm = "coaching"
metric = "gain_B"
window = [1, 2]
observed = 0.1
scale = 0.01
"##,
        r##"error: window_recorded.toml:11:10: `targets[0].window` = [1, 2]: expected a window holding at least one recorded day (every 5 days)
"##,
    ),
    (
        "run",
        "output_name",
        r##"[metrics."a b"]
of = "B"
at = 100
"##,
        r##"error: output_name.toml:1:1: `metrics.a b` = "a b": expected a name of letters, digits, `_` and `-` that no summary metric has (it becomes a column name (`arm.name` in runs.csv))
"##,
    ),
    (
        "run",
        "output_of",
        r##"[metrics.x]
of = "Bx"
at = 100
"##,
        r##"error: output_of.toml:2:6: `metrics.x.of` = "Bx": expected a recorded metric (`B`, `nps`, ...) or its paired gain (`gain_B`) (did you mean `B`?)
"##,
    ),
    (
        "run",
        "output_of_none",
        r##"[metrics.x]
of = "zzzzzzzzzz"
at = 100
"##,
        r##"error: output_of_none.toml:2:6: `metrics.x.of` = "zzzzzzzzzz": expected a recorded metric (`B`, `nps`, ...) or its paired gain (`gain_B`)
"##,
    ),
    (
        "run",
        "output_one",
        r##"[metrics.x]
of = "B"
at = 100
window = [0, 10]
"##,
        r##"error: output_one.toml:2:6: `metrics.x.of` = "B": expected exactly one of `at`, `window`, `first_day_above` or `first_day_below`
"##,
    ),
    (
        "run",
        "output_stat_at",
        r##"[metrics.x]
of = "B"
at = 7
stat = "mean"
"##,
        r##"error: output_stat_at.toml:4:8: `metrics.x.stat` = given: expected `stat` only with `window`
output_stat_at.toml:3:6: `metrics.x.at` = 7: expected a recorded day in [0, 750) (every `record_every`-th day, and the last)
"##,
    ),
    (
        "run",
        "output_window",
        r##"[metrics.x]
of = "B"
window = [10, 5]
"##,
        r##"error: output_window.toml:3:10: `metrics.x.window` = [10, 5]: expected [first, last] with 0 <= first <= last < 750, holding a recorded day
"##,
    ),
    (
        "run",
        "output_first_day",
        r##"[metrics.x]
of = "B"
first_day_above = nan
"##,
        r##"error: output_first_day.toml:3:19: `metrics.x.first_day_above` = NaN: expected a finite number
"##,
    ),
    (
        "run",
        "claim_says_checks",
        r##"[[claims]]
says = ""
checks = []
"##,
        r##"error: claim_says_checks.toml:2:8: `claims[0].says` = "": expected the claim in words (the report shows this sentence beside the verdict)
claim_says_checks.toml:2:8: `claims[0].says` = no [[claims.checks]]: expected at least one [[claims.checks]] with arm, statistic and one bound (a claim without a check cannot be judged)
"##,
    ),
    (
        "run",
        "claim_economics",
        r##"[[arms]]
name = "coaching"
[[arms.interventions]]
kind = "coaching"
start = 10
duration = 50
[[claims]]
says = "x"
[[claims.checks]]
arm = "coaching"
statistic = "net_value"
above = 0.0
"##,
        r##"error: claim_economics.toml:11:13: `claims[0].checks[0].statistic` = "net_value": expected a statistic of durability.csv (docs/metrics.md), or a metric with `window` (it is written only when the scenario values the gain in [economics])
"##,
    ),
    (
        "run",
        "claim_arm_bound",
        r##"[[claims]]
says = "x"
[[claims.checks]]
arm = "coachin"
statistic = "half_life_days_B"
"##,
        r##"error: claim_arm_bound.toml:4:7: `claims[0].checks[0].arm` = "coachin": expected one of the scenario's arms: `baseline`
claim_arm_bound.toml:4:7: `claims[0].checks[0].arm` = no single bound: expected exactly one of above, below, between = [lo, hi], above_arm, below_arm
"##,
    ),
    (
        "run",
        "claim_window",
        r##"[[claims]]
says = "x"
[[claims.checks]]
arm = "coaching"
statistic = "Bx"
window = [10, 20]
quantity = "what"
above = 0.1
"##,
        r##"error: claim_window.toml:4:7: `claims[0].checks[0].arm` = "coaching": expected one of the scenario's arms: `baseline`
claim_window.toml:6:10: `claims[0].checks[0].window` = [10, 20]: expected one of the scenario's `windows` (it lists none) (add the window to `windows` so that windows.csv holds it)
claim_window.toml:5:13: `claims[0].checks[0].statistic` = "Bx": expected a metric of timeseries.csv (a recorded series or a gain; docs/metrics.md) (did you mean `B`?)
claim_window.toml:7:12: `claims[0].checks[0].quantity` = "what": expected "level" or "vs_baseline"
"##,
    ),
    (
        "run",
        "claim_window_listed",
        r##"windows = [[100, 200]]
[[claims]]
says = "x"
[[claims.checks]]
arm = "baseline"
statistic = "B"
window = [10, 20]
quantity = "vs_baseline"
above = 0.1
"##,
        r##"error: claim_window_listed.toml:7:10: `claims[0].checks[0].window` = [10, 20]: expected one of the scenario's `windows`: [100, 200] (add the window to `windows` so that windows.csv holds it)
claim_window_listed.toml:8:12: `claims[0].checks[0].quantity` = "vs_baseline": expected "level" (the baseline has no difference from itself)
"##,
    ),
    (
        "run",
        "claim_quantity_window",
        r##"[[claims]]
says = "x"
[[claims.checks]]
arm = "coaching"
statistic = "half_life_dayz_B"
quantity = "level"
between = [0.5, 0.1]
"##,
        r##"error: claim_quantity_window.toml:4:7: `claims[0].checks[0].arm` = "coaching": expected one of the scenario's arms: `baseline`
claim_quantity_window.toml:6:12: `claims[0].checks[0].quantity` = "level": expected no `quantity` without a `window` (durability statistics are already gains over the baseline)
claim_quantity_window.toml:5:13: `claims[0].checks[0].statistic` = "half_life_dayz_B": expected a statistic of durability.csv (docs/metrics.md), or a metric with `window` (did you mean `half_life_days_B`?)
claim_quantity_window.toml:7:11: `claims[0].checks[0].between` = [0.5, 0.1]: expected [lo, hi] with finite lo < hi
"##,
    ),
    (
        "run",
        "claim_baseline_statistic",
        r##"[[claims]]
says = "x"
[[claims.checks]]
arm = "baseline"
statistic = "zzzzzzzzzz"
above = nan
"##,
        r##"error: claim_baseline_statistic.toml:5:13: `claims[0].checks[0].statistic` = "zzzzzzzzzz": expected a baseline statistic of durability.csv (drift_B, drift_nps), or a metric with `window`
claim_baseline_statistic.toml:6:9: `claims[0].checks[0].above` = NaN: expected a finite number
"##,
    ),
    (
        "run",
        "claim_other_arm",
        r##"[[claims]]
says = "x"
[[claims.checks]]
arm = "coaching"
statistic = "B"
window = [100, 200]
above_arm = "coaching"
"##,
        r##"error: claim_other_arm.toml:4:7: `claims[0].checks[0].arm` = "coaching": expected one of the scenario's arms: `baseline`
claim_other_arm.toml:6:10: `claims[0].checks[0].window` = [100, 200]: expected one of the scenario's `windows` (it lists none) (add the window to `windows` so that windows.csv holds it)
claim_other_arm.toml:7:13: `claims[0].checks[0].above_arm` = "coaching": expected another of the scenario's arms: `baseline`
"##,
    ),
    (
        "run",
        "claim_intervention_arm",
        r##"[[claims]]
says = "x"
[[claims.checks]]
arm = "coaching"
statistic = "half_life_days_B"
above_arm = "baseline"
"##,
        r##"error: claim_intervention_arm.toml:4:7: `claims[0].checks[0].arm` = "coaching": expected one of the scenario's arms: `baseline`
claim_intervention_arm.toml:6:13: `claims[0].checks[0].above_arm` = "baseline": expected an intervention arm (durability statistics of the baseline are its drift, not gains)
"##,
    ),
    (
        "run",
        "claim_level",
        r##"windows = [[100, 200]]
[[claims]]
says = "x"
[[claims.checks]]
arm = "coaching"
statistic = "B"
window = [100, 200]
above_arm = "baseline"
"##,
        r##"error: claim_level.toml:5:7: `claims[0].checks[0].arm` = "coaching": expected one of the scenario's arms: `baseline`
claim_level.toml:8:13: `claims[0].checks[0].above_arm` = "baseline": expected an intervention arm, or `quantity = "level"` (the baseline has no difference from itself)
"##,
    ),
    (
        "calibrate",
        "target_series_when",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
[[targets]]
arm = "coaching"
metric = "B"
observed = 0.1
scale = 0.01
"##,
        r##"error: target_series_when.toml:10:10: `targets[0].metric` = "B": expected a timeseries.csv metric or gain, or a durability.csv statistic (`B` is a time series: give `day = D` or `window = [FIRST, LAST]`)
"##,
    ),
    (
        "calibrate",
        "target_gain_baseline",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
[[targets]]
arm = "baseline"
metric = "gain_B"
window = [0, 100]
observed = 0.1
scale = 0.01
"##,
        r##"error: target_gain_baseline.toml:10:10: `targets[0].metric` = "gain_B": expected a timeseries.csv metric or a baseline figure of durability.csv (`gain_B` is a gain over the baseline: it needs an intervention arm)
"##,
    ),
    (
        "calibrate",
        "target_once_per_run",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
[[targets]]
arm = "coaching"
metric = "half_life_days_B"
window = [0, 100]
observed = 0.1
scale = 0.01
"##,
        r##"error: target_once_per_run.toml:10:10: `targets[0].metric` = "half_life_days_B": expected a timeseries.csv metric or gain, or a durability.csv statistic (`half_life_days_B` is one figure per run: no `day` or `window`)
"##,
    ),
    (
        "calibrate",
        "target_not_baseline",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
[[targets]]
arm = "baseline"
metric = "half_life_days_B"
observed = 0.1
scale = 0.01
"##,
        r##"error: target_not_baseline.toml:10:10: `targets[0].metric` = "half_life_days_B": expected a timeseries.csv metric or a baseline figure of durability.csv (`half_life_days_B` is an intervention arm's durability statistic, not the baseline's)
"##,
    ),
    (
        "calibrate",
        "target_baseline_figure",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
[[targets]]
arm = "coaching"
metric = "drift_B"
observed = 0.1
scale = 0.01
"##,
        r##"error: target_baseline_figure.toml:10:10: `targets[0].metric` = "drift_B": expected a timeseries.csv metric or gain, or a durability.csv statistic (`drift_B` is a baseline figure: write arm = "baseline")
"##,
    ),
    (
        "calibrate",
        "target_unknown",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
[[targets]]
arm = "coaching"
metric = "half_life_dayz_B"
observed = 0.1
scale = 0.01
[[targets]]
arm = "coaching"
metric = "zzzzzzzzzz"
observed = 0.1
scale = 0.01
"##,
        r##"error: target_unknown.toml:10:10: `targets[0].metric` = "half_life_dayz_B": expected a timeseries.csv metric or gain, or a durability.csv statistic (no metric `half_life_dayz_B`; did you mean `half_life_days_B`?)
target_unknown.toml:15:10: `targets[1].metric` = "zzzzzzzzzz": expected a timeseries.csv metric or gain, or a durability.csv statistic (no metric `zzzzzzzzzz`)
"##,
    ),
    (
        "calibrate",
        "target_named_when",
        r##"name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "uniform"
lo = 0.2
hi = 0.8
[[targets]]
arm = "baseline"
metric = "x"
day = 100
observed = 0.1
scale = 0.01
[scenario.metrics.x]
of = "B"
at = 100
"##,
        r##"error: target_named_when.toml:10:10: `targets[0].metric` = "x": expected a timeseries.csv metric or a baseline figure of durability.csv (`x` is a named output, one figure per run: its day or window is in `[metrics]`)
"##,
    ),
];

/// Words a Dutch message shares with the English one that are Dutch (or the file format's)
/// all the same.
const SAME_IN_DUTCH: &[&str] = &[
    // Dutch words too.
    "in",
    "is",
    "of",
    "arm",
    "statistic",
    "runs",
    "run",
    "sweep",
    "prior",
    "parameter",
    "scenario",
    "experiment",
    "team",
    "letters",
    "drift",
    "per",
    "log",
    // The file format's keys and values, and file names (`durability.csv`, `docs/metrics.md`).
    "lo",
    "hi",
    "min",
    "max",
    "design",
    "level",
    "above",
    "below",
    "between",
    "economics",
    "timeseries",
    "durability",
    "docs",
    "metrics",
];

/// A folder of the test's own (the tests run at once and write the same file names).
fn dir(test: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("problems-in-dutch-{test}"));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(d: &Path, command: &str, file: &str, lang: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_undercurrent"));
    c.env_remove("UNDERCURRENT_LANG").current_dir(d);
    if let Some(l) = lang {
        c.args(["--lang", l]);
    }
    c.args([command, file, "--out"])
        .arg(d.join(format!("out-{file}")))
        .output()
        .expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A message line's location (`file:line:col:` or `file:`), key and value, and the rest.
fn parts(line: &str) -> (&str, &str, &str) {
    let key_at = line.find(" `").expect("a key in backticks") + 1;
    let key_end = key_at + 1 + line[key_at + 1..].find('`').expect("the key's end");
    (
        &line[..key_at],
        &line[key_at..=key_end],
        &line[key_end + 1..],
    )
}

/// The words the user wrote or the file format names: between backticks or quotes in the
/// English message, and the default scenario's arm names it lists.
fn identifiers(english: &str) -> Vec<String> {
    let mut out: Vec<String> = ["baseline", "coaching", "NaN", "GiB", "TiB", "MiB"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for quote in ['`', '"'] {
        for (i, part) in english.split(quote).enumerate() {
            if i % 2 == 1 {
                out.extend(
                    part.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .filter(|w| !w.is_empty())
                        .map(str::to_string),
                );
            }
        }
    }
    out
}

#[test]
fn every_case_breaks_one_check_and_exits_2_in_both_languages() {
    let d = dir("exit");
    for (command, name, body, english) in CASES {
        let file = write_case(&d, name, body);
        for lang in [None, Some("nl"), Some("qps")] {
            let o = run(&d, command, &file, lang);
            assert_eq!(o.status.code(), Some(2), "{name} {lang:?}: {}", stderr(&o));
        }
        assert!(english.starts_with(&format!("error: {file}:")), "{english}");
    }
}

#[test]
fn english_reads_exactly_as_before() {
    let d = dir("english");
    for (command, name, body, english) in CASES {
        let file = write_case(&d, name, body);
        assert_eq!(stderr(&run(&d, command, &file, None)), *english, "{name}");
        assert_eq!(
            stderr(&run(&d, command, &file, Some("en"))),
            *english,
            "{name}"
        );
    }
}

#[test]
fn dutch_keeps_the_location_and_key_and_says_the_rest_in_dutch() {
    let d = dir("dutch");
    let mut said = 0;
    let mut english_in_dutch = Vec::new();
    for (command, name, body, english) in CASES {
        let file = write_case(&d, name, body);
        let dutch = stderr(&run(&d, command, &file, Some("nl")));
        if *name == "rows_fit_on_disk" {
            // Sizes with the Dutch decimal sign.
            assert!(dutch.contains("in 200,0 GiB op schijf"), "{dutch}");
        }
        if *name == "mean_support" {
            assert!(dutch.contains("[0,2; 0,8]"), "{dutch}");
        }
        let pseudo = stderr(&run(&d, command, &file, Some("qps")));
        let en_lines: Vec<&str> = english.trim_start_matches("error: ").lines().collect();
        let nl_lines: Vec<&str> = dutch.trim_start_matches("fout: ").lines().collect();
        let qps_lines: Vec<&str> = pseudo.trim_start_matches("érrór: ").lines().collect();
        assert_eq!(en_lines.len(), nl_lines.len(), "{name}: {dutch}");
        assert_eq!(en_lines.len(), qps_lines.len(), "{name}: {pseudo}");
        for ((en, nl), qps) in en_lines.iter().zip(&nl_lines).zip(&qps_lines) {
            let (at, key, rest) = parts(en);
            let (nl_at, nl_key, nl_rest) = parts(nl);
            assert_eq!((at, key), (nl_at, nl_key), "{name}: {nl}");
            assert_ne!(rest, nl_rest, "{name}: {nl}");
            assert!(nl_rest.contains(": verwacht "), "{name}: {nl}");
            assert!(!nl_rest.contains("expected"), "{name}: {nl}");
            let (q_at, q_key, q_rest) = parts(qps);
            assert_eq!((at, key), (q_at, q_key), "{name}: {qps}");
            // The value found is the user's (`given` excepted, which the catalogue says).
            let value = rest[3..].split(": expected ").next().unwrap_or("");
            let mut allowed = identifiers(en);
            let value = if value == "given" { "" } else { value };
            allowed.extend(
                format!("{key} {value}")
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .filter(|w| !w.is_empty())
                    .map(str::to_string),
            );
            let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
            let plain = plain_words(q_rest, &allowed);
            assert!(
                plain.is_empty(),
                "{name}: {plain:?} bypass the catalogue in {qps}"
            );
            // And the Dutch words are Dutch: none of the English message's own words but
            // the identifiers and the words both languages write alike.
            let mut alike = allowed.clone();
            alike.extend(SAME_IN_DUTCH);
            let english_words = plain_words(rest, &alike);
            let left: Vec<String> = plain_words(nl_rest, &alike)
                .into_iter()
                .filter(|w| english_words.contains(w))
                .collect();
            if !left.is_empty() {
                english_in_dutch.push(format!("{name}: {left:?} are English in {nl}"));
            }
            said += 1;
        }
    }
    assert!(said >= 85, "{said} messages");
    assert!(english_in_dutch.is_empty(), "{english_in_dutch:#?}");
}

/// A file of [`CASES`] by its name.
fn case_body(name: &str) -> &'static str {
    CASES
        .iter()
        .find(|(_, n, _, _)| *n == name)
        .map(|(_, _, body, _)| *body)
        .unwrap_or_else(|| panic!("no case {name}"))
}

/// A problem whose value the check says in words (`none`, `no axes`, `1 value`, `lhs
/// design: … points x … replications`, `given with `day``, a bound and what it makes, the
/// design points it spoils, a prior's end the scenario refuses): (command, file name, file
/// (`@name` for the file of that case of [`CASES`]), the English message, the Dutch
/// message, English words of the value that must not be left in the Dutch).
/// (command, file name, file, English, Dutch, English words not left in the Dutch).
type SaidCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const SAID_IN_WORDS: &[SaidCase] = &[
    (
        "sweep",
        "no_axes",
        "name = \"s\"\nreplications = 2\n[sweep]\ndesign = \"grid\"\n",
        "error: no_axes.toml:3:1: `sweep` = no axes: expected at least one [[sweep.axes]] entry\n",
        "fout: no_axes.toml:3:1: `sweep` = geen assen: verwacht minstens één [[sweep.axes]]\n",
        &["no axes", "no", "axes"],
    ),
    (
        "sweep",
        "list_lengths",
        r##"name = "s"
replications = 2
[sweep]
design = "list"
[[sweep.axes]]
key = "organisation.facilities"
values = [0.1, 0.2]
[[sweep.axes]]
key = "organisation.feedback_share"
values = [0.1]
"##,
        "error: list_lengths.toml:9:7: `sweep.axes[1].key` = 1 value: expected 2 values, as many as sweep.axes[0] (a list design takes value i of every axis for point i)\n",
        "fout: list_lengths.toml:9:7: `sweep.axes[1].key` = 1 waarde: verwacht 2 waarden, evenveel als sweep.axes[0] (een lijstontwerp neemt voor punt i waarde i van elke as)\n",
        &["1 value", "values"],
    ),
    (
        "sweep",
        "sobol_runs",
        r##"name = "s"
replications = 10000
[sweep]
design = "sobol"
base_samples = 100000
[[sweep.axes]]
key = "organisation.facilities"
min = 0.1
max = 0.5
"##,
        "error: sobol_runs.toml:3:1: `sweep` = sobol design: 300000 points x 10000 replications: expected at most 10000000 runs (split the experiment into several)\n",
        "fout: sobol_runs.toml:3:1: `sweep` = sobol-ontwerp: 300000 punten x 10000 herhalingen: verwacht hoogstens 10000000 runs (verdeel het experiment over meerdere bestanden)\n",
        &["points x", "replications", "design:"],
    ),
    (
        "sweep",
        "most_runs",
        "@most_runs",
        "error: most_runs.toml:3:1: `sweep` = lhs design: 10000 points x 10000 replications: expected at most 10000000 runs (split the experiment into several)\n",
        "fout: most_runs.toml:3:1: `sweep` = lhs-ontwerp: 10000 punten x 10000 herhalingen: verwacht hoogstens 10000000 runs (verdeel het experiment over meerdere bestanden)\n",
        &["points x", "replications", "design:"],
    ),
    (
        "sweep",
        "base_or_scenario",
        "@base_or_scenario",
        "error: base_or_scenario.toml:3:8: `base` = given with a [scenario] table: expected either `base = \"file.toml\"` or an inline [scenario], not both\n",
        "fout: base_or_scenario.toml:3:8: `base` = opgegeven naast een tabel [scenario]: verwacht `base = \"file.toml\"` of een eigen [scenario] in het bestand, niet allebei\n",
        &["given with", "table"],
    ),
    (
        "sweep",
        "one_level",
        r##"name = "s"
replications = 2
[sweep]
design = "lhs"
samples = 4
[[sweep.axes]]
key = "sector"
values = ["retail"]
"##,
        "error: one_level.toml:8:10: `sweep.axes[0].values` = 1 level: expected at least two levels (one level is a setting of the base scenario, not an axis)\n",
        "fout: one_level.toml:8:10: `sweep.axes[0].values` = 1 niveau: verwacht minstens twee niveaus (één niveau is een instelling van het basisscenario, geen as)\n",
        &["1 level"],
    ),
    (
        "sweep",
        "bound",
        r##"name = "s"
replications = 2
[sweep]
design = "lhs"
samples = 4
[[sweep.axes]]
key = "organisation.facilities"
min = -0.5
max = 0.5
"##,
        "error: bound.toml:8:7: `axis organisation.facilities (sweep.axes[0])` = -0.5 (its min): expected a number in [0, 1]\n",
        "fout: bound.toml:8:7: `axis organisation.facilities (sweep.axes[0])` = -0,5 (als ondergrens): verwacht een getal in [0; 1]\n",
        &["its min", "its"],
    ),
    (
        "sweep",
        "bound_makes",
        r##"name = "s"
replications = 2
[sweep]
design = "lhs"
samples = 4
[[sweep.axes]]
key = "state.habit_days_max"
min = 1
max = 500
"##,
        "error: bound_makes.toml:8:7: `axis state.habit_days_max (sweep.axes[0])` = 1 (its min), which makes `state.habit_days_min` = 18: expected at most state.habit_days_max (1) (the clip range of habit days is reversed)\n",
        "fout: bound_makes.toml:8:7: `axis state.habit_days_max (sweep.axes[0])` = 1 (als ondergrens), waardoor `state.habit_days_min` = 18: verwacht hoogstens state.habit_days_max (1) (de grenzen van het aantal gewoontedagen staan omgekeerd)\n",
        &["its min", "which makes"],
    ),
    (
        "sweep",
        "at_points",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "organisation.facilities"
values = [0.1, 1.5]
[[sweep.axes]]
key = "organisation.feedback_share"
values = [0.1, 0.2, 0.3]
"##,
        "error: at_points.toml:7:16: `axis organisation.facilities (sweep.axes[0])` = 1.5 at design points 3, 4, 5: expected a number in [0, 1]\n",
        "fout: at_points.toml:7:16: `axis organisation.facilities (sweep.axes[0])` = 1,5 bij ontwerppunten 3, 4, 5: verwacht een getal in [0; 1]\n",
        &["at design", "points"],
    ),
    (
        "sweep",
        "at_point_setting",
        r##"name = "s"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "state.habit_days_max"
values = [1, 100]
"##,
        "error: at_point_setting.toml:6:7: `state.habit_days_min` = 18 at design point 0 (state.habit_days_max = 1): expected at most state.habit_days_max (1) (the clip range of habit days is reversed)\n",
        "fout: at_point_setting.toml:6:7: `state.habit_days_min` = 18 bij ontwerppunt 0 (state.habit_days_max = 1): verwacht hoogstens state.habit_days_max (1) (de grenzen van het aantal gewoontedagen staan omgekeerd)\n",
        &["at design", "point 0"],
    ),
    (
        "calibrate",
        "no_parameters",
        "name = \"c\"\npopulation = 10\nparameters = []\n@targets\n",
        "error: no_parameters.toml:3:14: `parameters` = none: expected at least one [[parameters]] entry\n",
        "fout: no_parameters.toml:3:14: `parameters` = geen: verwacht minstens één [[parameters]]\n",
        &["none"],
    ),
    (
        "calibrate",
        "day_or_window",
        "@day_or_window",
        "error: day_or_window.toml:12:10: `targets[0].window` = given with `day`: expected either `day` or `window`, not both\n",
        "fout: day_or_window.toml:12:10: `targets[0].window` = opgegeven naast `day`: verwacht `day` of `window`, niet allebei\n",
        &["given with", "given"],
    ),
    (
        "calibrate",
        "prior_refused",
        r##"name = "c"
population = 10
[[parameters]]
key = "state.habit_days_max"
prior = "uniform"
lo = 1
hi = 100
@targets
"##,
        "error: prior_refused.toml:6:6: `parameters[0].lo` = 1: expected a value the scenario accepts (`state.habit_days_min` = 18: expected at most state.habit_days_max (1) (the clip range of habit days is reversed))\n",
        "fout: prior_refused.toml:6:6: `parameters[0].lo` = 1: verwacht een waarde die het scenario accepteert (`state.habit_days_min` = 18: verwacht hoogstens state.habit_days_max (1) (de grenzen van het aantal gewoontedagen staan omgekeerd))\n",
        &["scenario accepts", "expected", "clip range"],
    ),
    (
        "run",
        "claim_no_checks",
        "[[claims]]\nsays = \"x\"\nchecks = []\n",
        "error: claim_no_checks.toml:2:8: `claims[0].says` = no [[claims.checks]]: expected at least one [[claims.checks]] with arm, statistic and one bound (a claim without a check cannot be judged)\n",
        "fout: claim_no_checks.toml:2:8: `claims[0].says` = geen [[claims.checks]]: verwacht minstens één [[claims.checks]] met arm, statistic en één grens (een bewering zonder toets kan niet beoordeeld worden)\n",
        &["no [[claims", "no"],
    ),
    (
        "run",
        "claim_no_single_bound",
        r##"[[arms]]
name = "coaching"
[[arms.interventions]]
kind = "coaching"
start = 10
duration = 50
[[claims]]
says = "x"
[[claims.checks]]
arm = "coaching"
statistic = "half_life_days_B"
"##,
        "error: claim_no_single_bound.toml:10:7: `claims[0].checks[0].arm` = no single bound: expected exactly one of above, below, between = [lo, hi], above_arm, below_arm\n",
        "fout: claim_no_single_bound.toml:10:7: `claims[0].checks[0].arm` = niet precies één grens: verwacht precies één van above, below, between = [lo, hi], above_arm, below_arm\n",
        &["no single bound", "single"],
    ),
    (
        "run",
        "baseline_bare",
        "[[arms]]\nname = \"baseline\"\n[[arms.interventions]]\nkind = \"training\"\nstart = 5\nduration = 2\n",
        "error: baseline_bare.toml:3:1: `arms[0].interventions` = 1 intervention: expected none (the baseline arm is the comparison without intervention)\n",
        "fout: baseline_bare.toml:3:1: `arms[0].interventions` = 1 interventie: verwacht geen (de variant baseline is de vergelijking zonder interventie)\n",
        &["1 intervention", "none"],
    ),
];

#[test]
fn values_said_in_words_are_said_in_dutch_with_the_location_and_key_exact() {
    let d = dir("said-in-words");
    for (command, name, body, english, dutch, english_words) in SAID_IN_WORDS {
        let body = match body.strip_prefix('@') {
            Some(other) => case_body(other),
            None => body,
        };
        let file = write_case(&d, name, body);
        let en = stderr(&run(&d, command, &file, None));
        assert_eq!(en, *english, "{name}");
        let nl = run(&d, command, &file, Some("nl"));
        assert_eq!(nl.status.code(), Some(2), "{name}");
        let nl = stderr(&nl);
        assert_eq!(nl, *dutch, "{name}");
        // The location and the key exactly as in English; the value is in Dutch.
        let (at, key, rest) = parts(english.trim_start_matches("error: "));
        let (nl_at, nl_key, nl_rest) = parts(nl.trim_start_matches("fout: "));
        assert_eq!((at, key), (nl_at, nl_key), "{name}: {nl}");
        let value = rest[3..].split(": expected ").next().unwrap();
        let nl_value = nl_rest[3..].split(": verwacht ").next().unwrap();
        if value.chars().any(char::is_alphabetic) {
            assert_ne!(value, nl_value, "{name}: the value is said in Dutch: {nl}");
        }
        for w in *english_words {
            assert!(
                value.contains(w) || rest.contains(w),
                "{name}: `{w}` in {english}"
            );
            let words: Vec<&str> = nl_rest
                .split(|c: char| !(c.is_alphanumeric() || "[]:".contains(c)))
                .collect();
            assert!(
                !nl_rest.contains(&format!(" {w} ")) && !words.contains(w),
                "{name}: English `{w}` left in {nl}"
            );
        }
    }
}
