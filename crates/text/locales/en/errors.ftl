# Problems with an input file. The location (file:line:column) and the key stay as typed.
problem = `{ $key }` = { $value }: expected { $expected }
value-given = given
problem-hint = `{ $key }` = { $value }: expected { $expected } ({ $hint })

expected-finite-in = a finite number in [{ $lo }, { $hi }]
expected-in = a number in [{ $lo }, { $hi }]
expected-strictly-inside-unit = a number strictly between 0 and 1
hint-beta-mean = a Beta mean cannot be 0 or 1
expected-daily-rate = a daily rate in [0, 1]
hint-daily-rate = rates are shares of the gap closed per working day
expected-positive = a positive number (at most 1e9)
expected-whole-at-least = a whole number of at least { $lo }
expected-whole-in = a whole number in [{ $lo }, { $hi }]

## A value found said in words rather than as the file writes it (Problem::value_said): `value-<id>`.
value-none = none
value-no-axes = no axes
value-axes = { $count ->
    [one] { $count } axis
   *[other] { $count } axes
}
value-values = { $count ->
    [one] { $count } value
   *[other] { $count } values
}
value-values-mixed = { $count } values of mixed kinds
value-levels = { $count ->
    [one] { $count } level
   *[other] { $count } levels
}
value-interventions = { $count ->
    [one] { $count } intervention
   *[other] { $count } interventions
}
value-given-with = given with `{ $key }`
value-given-with-scenario = given with a [scenario] table
value-no-claim-checks = no [[claims.checks]]
value-no-single-bound = no single bound
value-bound = { $value } (its { $which })
value-bound-makes = { $value } (its { $which }), which makes `{ $key }` = { $made }
value-at-points = { $value } at { $count ->
        [one] design point
       *[other] design points
    } { $points }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }
value-at-points-setting = { $value } at { $count ->
        [one] design point
       *[other] design points
    } { $points }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    } ({ $setting })
value-this-point = a value of this design point
value-more-invalid-points = { $count ->
    [one] { $count } more invalid design point
   *[other] { $count } more invalid design points
}
value-grid-size = { $combos }: { $points ->
        [many] too many
       *[other] { $points }
    } points x { $replications ->
        [one] { $replications } replication
       *[other] { $replications } replications
    }
value-design-size = { $design } design: { $points ->
        [many] too many
       *[other] { $points }
    } points x { $replications ->
        [one] { $replications } replication
       *[other] { $replications } replications
    }

## Checks of their own (Check::fail_own): `expected-<id>`, and `hint-<id>` where the check gives one.
-unit-hint = days are working days, also written as text such as "6 months", "2 weeks" or "1 year"
expected-intervention-start = a day in [0, { $horizon }) (the recorded horizon)
hint-intervention-start = interventions must start inside the recorded horizon, horizon_days; { -unit-hint }
expected-duration-at-least-one = at least 1 day
hint-duration-at-least-one = { -unit-hint }
expected-duration-at-least = at least { $days } days
hint-duration-at-least = { -unit-hint }
expected-duration-at-most = at most { $most } (the intervention must end by horizon_days = { $horizon })
hint-duration-at-most = shorten the intervention or lengthen horizon_days; { -unit-hint }
expected-interval-days-in = a whole number of days in [{ $lo }, { $hi }]
hint-interval-days-in = { -unit-hint }
expected-teams-listed = a non-empty list of team numbers
hint-teams-listed = target = "teams" needs the teams it reaches
expected-team-numbers = team numbers in [0, { $teams })
hint-team-numbers = teams are numbered from 0
expected-target-managers = "managers" (this intervention acts on managers)
expected-target-employees = "all" or "teams" (this intervention acts on employees)
expected-one-valuation = absent when economics.value_per_customer_per_year is given
hint-one-valuation = give one value of the gain: customers kept and referred are what the NPS gain is worth, so both together count it twice
expected-team-size = at most organisation.employees ({ $employees })
hint-team-size = a team cannot be larger than the organisation
expected-norm-rates = the norm rates summed (role-model and feedback rates times 5) below 1
hint-norm-rates = lower the norm rates: they are daily rates, of the order of 0.001
expected-habit-days = at most state.habit_days_max ({ $max })
hint-habit-days = the clip range of habit days is reversed
expected-drive-shares = shares with a positive sum
hint-drive-shares = give at least one drive a positive share (shares are normalised to sum 1)
expected-facet-weights = weights with a positive sum
hint-facet-weights = give at least one facet a positive weight (weights are normalised to sum 1)
expected-output-name = a non-empty name of at most { $max } characters, without path separators or control characters
hint-output-name = the name becomes the output directory results/<name>/
expected-arm-name = a non-empty name of at most { $max } characters, without commas, quotes or control characters
expected-whole-days-in = a whole number of days in [{ $lo }, { $hi }]
expected-record-every = a whole number of days in [1, { $hi }] (horizon_days)
expected-snapshot-every = a whole number of days in [0, { $hi }] (horizon_days; 0 = only the listed days)
expected-snapshot-days = days in [0, { $horizon })
hint-snapshot-days = snapshot days must lie inside the recorded horizon
expected-window = [first, last] with 0 <= first <= last <= { $last } (the last recorded day)
hint-window = a window lies inside the recorded horizon and holds a recorded day: every record_every-th day or the last
expected-unique-arm-name = a name no other arm has
hint-unique-arm-name = arm names must be unique
expected-baseline-bare = none
hint-baseline-bare = the baseline arm is the comparison without intervention

## An experiment file's own checks (sweep designs and axes)
expected-design-key-not-here = no `{ $key }` with design = "{ $design }"
hint-design-key-not-here = `{ $key }` belongs to design { $designs }
expected-design-key-needed = a `{ $key }` key in [sweep] (a whole number in [{ $lo }, { $hi }])
expected-morris-levels = an even whole number in [2, 1000]
hint-morris-levels = Morris steps of half the levels land on the grid only for even levels
expected-some-axis = at least one [[sweep.axes]] entry
expected-sobol-axes = at most { $max } axes for a Sobol design
expected-list-lengths = { $count } values, as many as sweep.axes[0]
hint-list-lengths = a list design takes value i of every axis for point i
expected-column-name = a non-empty column name without commas or quotes
expected-sensitivity-design = no [sensitivity] table with this design
hint-sensitivity-design = sensitivity indices need design = "sobol" or "morris"
expected-values-or-range = exactly one of `values = [...]` or `range = {"{"} from, to, step {"}"}`
hint-values-or-range = design "{ $design }" takes explicit values
expected-some-value = at least one value
expected-values-of-one-kind = all numbers, all text or all true/false
hint-values-of-one-kind = an axis sweeps one parameter, whose values are of one kind
expected-finite-number = a finite number
expected-no-bounds-here = `values` or `range` (min/max belong to lhs, sobol and morris)
expected-levels-only = only `values` on a categorical axis (its levels)
hint-levels-only = design "{ $design }" draws each level with equal weight; bounds belong to numbers
expected-two-levels = at least two levels
hint-two-levels = one level is a setting of the base scenario, not an axis
expected-ordered-bounds = finite bounds with min < max
expected-both-bounds = both `min` and `max`
hint-both-bounds = design "{ $design }" samples numbers within bounds, or the `values` of a categorical axis
expected-bounds-not-values = `min` and `max` (numeric values/range belong to grid and list)

## An experiment file's axes against the base scenario, and its kept outputs
expected-base-or-scenario = either `base = "file.toml"` or an inline [scenario], not both
expected-scenario-key = { $axis ->
    [levels] a parameter of the scenario that takes these values
   *[number] a numeric parameter of the scenario
}
hint-scenario-key = { $why ->
    [levels-mixed] the values of `{ $key }` mix kinds; give all numbers, all text or all true/false
    [levels-text] `{ $key }` is text ({ $text }); its values must be text too
    [levels-flag] `{ $key }` is true/false; its values must be true or false
    [levels-not-categorical] `{ $key }` is { $kind ->
        [number] a number
        [section] a section
        [list] a list
       *[date] a date
    }, not a categorical parameter; give numbers for it
    [not-key-path] `{ $key }` is not a key path (write sections and keys separated by dots, like `managers.role_model_mean`)
    [not-sweepable] `{ $key }` cannot be swept: { $first ->
        [seed] the experiment's top-level `seed` is the master seed of the sweep
        [replications] set `replications` at the experiment's top level
        [record_every] set `record_every` at the experiment's top level
       *[other] it is not a model parameter
    }
    [inside-number] `{ $walked }` is a number; it has no `{ $part }` inside it
    [no-entry] { $top ->
        [yes] the scenario
       *[no] `{ $walked }`
    } has no entry `{ $part }`; its entries are { $entries }{ $arms ->
        [yes] {" "}(address an arm by its name, `arms.<name>`: a position counts the baseline, which comes first)
       *[no] {""}
    }{ $suggest ->
        [none] {""}
       *[other] ; did you mean `{ $suggest }`?
    }
    [no-key] { $top ->
        [yes] the scenario
       *[no] `{ $walked }`
    } has no key `{ $part }`{ $suggest ->
        [none] {""}
       *[other] ; did you mean `{ $suggest }`?
    }
    [names-nothing] `{ $key }` names nothing
    [section] `{ $key }` is a section, not a number
    [section-keys] `{ $key }` is a section, not a number; its numeric keys are { $keys }
    [list] `{ $key }` is a list, not a number
    [text] `{ $key }` is text ({ $text }), not a number; list its levels as text (`values = ["...", "..."]`) instead of numbers
    [flag] `{ $key }` is true/false, not a number; list `values = [true, false]` instead of numbers
   *[date] `{ $key }` is a date, not a number
}
expected-axis-unique = a parameter and column name no other axis has
hint-axis-unique = sweep.axes[{ $other }] is the same
expected-axis-column-free = a column name other than `point` and `replication`
hint-axis-column-free = give the axis a `name`
expected-keep-metric = a summary metric (`B_mean`, `peak_gain_B`, ...), a named output of `[metrics]`, or `arm.metric`
hint-keep-metric = { $suggest ->
    [none] {""}
   *[other] did you mean `{ $suggest }`?
}
expected-series-metric = a recorded metric (B, N, nps, ...) or gain_B, gain_N, gain_nps
hint-series-metric = { $suggest ->
    [none] {""}
   *[other] did you mean `{ $suggest }`?
}
expected-sensitivity-output = a kept summary column (`arm.metric`) or metric
hint-sensitivity-output = { $suggest ->
    [none] not among the kept columns (see keep_metrics)
   *[other] did you mean `{ $suggest }`?
}
expected-most-runs = at most { $max } runs
hint-most-runs = split the experiment into several
expected-axis-whole-value = a whole number
hint-axis-whole-value = the parameter is a whole number (days, people, ...)
expected-axis-whole-between = bounds with a whole number between them
hint-axis-whole-between = the parameter is a whole number
expected-valid-everywhere = valid parameter values at every point
expected-rows-fit-on-disk = team and employee rows that fit in { $limit } on disk (this sweep's { $runs } runs would write about { $size }, held twice while they are joined)
hint-rows-fit-on-disk = fewer points, replications or snapshot days (raise employee_snapshot_every or record_every), or run the points you need with `undercurrent run`

## Why a value cannot be set in the scenario (`hint-takes-<reason>`), or another library's words as it said them
expected-scenario-accepts = a value the scenario accepts
expected-parameter-takes = a value the parameter takes
expected-parameter-type = a value of the parameter's type
expected-parameters-types = values of the parameters' types
hint-takes-empty-path = empty key path
hint-takes-no-level = no level { $value }
hint-takes-no-key = no key `{ $key }`
hint-takes-no-entry = no entry { $index }
hint-takes-path-mismatch = the key path does not match the scenario
hint-takes-no-level-among = no level { $value } among the { $levels } values
hint-takes-not-whole = { $value } is not a whole number
hint-as-said = { $message }

## A Saltelli or Morris design that cannot be built (`expected-design-<reason>`, `hint-design-<reason>`)
expected-design-levels = a valid { $design } design
hint-design-levels = Morris levels must be even and at least 2, got { $levels }
expected-design-no-parameters = a valid { $design } design
hint-design-no-parameters = the number of parameters k must be at least 1
expected-design-too-many-parameters = a valid { $design } design
hint-design-too-many-parameters = k = { $k } parameters exceeds the maximum of { $max } for the Saltelli design
expected-design-sobol-dimension = a valid { $design } design
hint-design-sobol-dimension = Sobol dimension { $dims } is outside 1..={ $max }
expected-design-no-samples = a valid { $design } design
hint-design-no-samples = the design must have at least one base sample or trajectory
expected-design-sequence-exhausted = a valid { $design } design
hint-design-sequence-exhausted = { $requested } Sobol points requested but at most { $max } are available
expected-design-other = a valid { $design } design

## A calibration file's own checks
expected-quantile = a number strictly between 0 and 1
hint-quantile = 0.5 halves the tolerance's sample each generation
expected-finite-not-negative = a finite number >= 0
expected-min-drop = a number in [0, 1)
expected-whole-at-least-one = a whole number >= 1
expected-some-parameter = at least one [[parameters]] entry
expected-some-target = at least one [[targets]] entry
expected-target-scale = a finite number > 0
hint-target-scale = the standard error or tolerance the distance divides by
expected-continuous-parameter = a continuous numeric parameter
hint-continuous-parameter = a whole-number parameter cannot be given a continuous prior
expected-parameter-unique = a parameter no other [[parameters]] entry names
expected-prior-key-needed = a `{ $name }` key
hint-prior-key-needed = { $prior ->
    [uniform] uniform takes `lo` and `hi`
    [log_uniform] log_uniform takes `lo` and `hi` (both > 0)
   *[normal] normal takes `mean` and `sd` (and optionally `lo`, `hi` inside the declared bounds)
}
expected-prior-key-not-here = no `{ $name }` with prior = "{ $prior }"
hint-prior-key-not-here = { $prior ->
    [uniform] uniform takes `lo` and `hi`
    [log_uniform] log_uniform takes `lo` and `hi` (both > 0)
   *[normal] normal takes `mean` and `sd` (and optionally `lo`, `hi` inside the declared bounds)
}
expected-hi-above-lo = hi > lo
expected-log-uniform-positive = a number > 0
hint-log-uniform-positive = a log-uniform prior needs positive bounds
expected-prior-in-bounds = within the declared bounds of `{ $key }`, { $bounds }
hint-prior-in-bounds = a prior must lie inside the parameter's declared bounds
expected-above-zero = a number > 0
expected-truncation-in-bounds = within the declared bounds of `{ $key }`, { $bounds }
hint-truncation-in-bounds = the truncation must lie inside the parameter's declared bounds
expected-mean-in-support = inside the prior's support [{ $lo }, { $hi }] (within the declared bounds of `{ $key }`, { $bounds })
hint-mean-in-support = the normal prior is truncated to the declared bounds
expected-target-arm = an arm of the scenario: { $arms }
hint-target-arm = { $suggest ->
    [none] {""}
   *[other] did you mean `{ $suggest }`?
}
expected-day-or-window = either `day` or `window`, not both
expected-recorded-day = a recorded day in [0, { $last }]: a multiple of record_every = { $every } or the last day { $last }
hint-recorded-day = the horizon is horizon_days recorded days from day 0
expected-window-days = {"["}first, last] with 0 <= first <= last <= { $last } (the horizon's last day)
expected-window-recorded = a window holding at least one recorded day (every { $every } days)

## A scenario's named outputs ([metrics])
expected-output-name-free = a name of letters, digits, `_` and `-` that no summary metric has
hint-output-name-free = it becomes a column name (`arm.name` in runs.csv)
expected-output-of = a recorded metric (`B`, `nps`, ...) or its paired gain (`gain_B`)
hint-output-of = { $suggest ->
    [none] {""}
   *[other] did you mean `{ $suggest }`?
}
expected-output-one-reduction = exactly one of `at`, `window`, `first_day_above` or `first_day_below`
expected-output-stat-window = `stat` only with `window`
expected-output-at = a recorded day in [0, { $horizon }) (every `record_every`-th day, and the last)
expected-output-window = {"["}first, last] with 0 <= first <= last < { $horizon }, holding a recorded day

## A scenario's claims
expected-claim-says = the claim in words
hint-claim-says = the report shows this sentence beside the verdict
expected-claim-checks = at least one [[claims.checks]] with arm, statistic and one bound
hint-claim-checks = a claim without a check cannot be judged
expected-claim-arm = one of the scenario's arms: { $arms }
expected-claim-window = { $windows ->
    [none] one of the scenario's `windows` (it lists none)
   *[other] one of the scenario's `windows`: { $windows }
}
hint-claim-window = add the window to `windows` so that windows.csv holds it
expected-claim-window-metric = a metric of timeseries.csv (a recorded series or a gain; docs/metrics.md)
hint-claim-window-metric = { $suggest ->
    [none] {""}
   *[other] did you mean `{ $suggest }`?
}
expected-claim-quantity = { $arm ->
    [baseline] "level" (the baseline has no difference from itself)
   *[other] "level" or "vs_baseline"
}
expected-claim-quantity-window = no `quantity` without a `window`
hint-claim-quantity-window = durability statistics are already gains over the baseline
expected-claim-statistic = { $arm ->
    [baseline] a baseline statistic of durability.csv ({ $names }), or a metric with `window`
   *[other] a statistic of durability.csv (docs/metrics.md), or a metric with `window`
}
hint-claim-statistic = { $suggest ->
    [none] {""}
    [economics] it is written only when the scenario values the gain in [economics]
   *[other] did you mean `{ $suggest }`?
}
expected-claim-one-bound = exactly one of above, below, between = [lo, hi], above_arm, below_arm
expected-claim-between = {"["}lo, hi] with finite lo < hi
expected-claim-other-arm = another of the scenario's arms: { $arms }
expected-claim-intervention-arm = an intervention arm (durability statistics of the baseline are its drift, not gains)
expected-claim-level = an intervention arm, or `quantity = "level"`
hint-claim-level = the baseline has no difference from itself

## A calibration target's metric
expected-target-metric = { $arm ->
    [baseline] a timeseries.csv metric or a baseline figure of durability.csv
   *[other] a timeseries.csv metric or gain, or a durability.csv statistic
}
hint-target-metric = { $why ->
    [named-when] `{ $metric }` is a named output, one figure per run: its day or window is in `[metrics]`
    [gain-baseline] `{ $metric }` is a gain over the baseline: it needs an intervention arm
    [series-when] `{ $metric }` is a time series: give `day = D` or `window = [FIRST, LAST]`
    [once-per-run] `{ $metric }` is one figure per run: no `day` or `window`
    [not-baseline] `{ $metric }` is an intervention arm's durability statistic, not the baseline's
    [baseline-figure] `{ $metric }` is a baseline figure: write arm = "baseline"
   *[unknown] no metric `{ $metric }`{ $suggest ->
        [none] {""}
       *[other] ; did you mean `{ $suggest }`?
    }
}

## The memory estimate (a scenario too large for this machine); the hint names what weighs most
expected-memory = a scenario that fits in { $limit } (this one needs about { $needs }: { $each } per organisation x { $at_once } at once, { $kept } of results kept)
hint-memory-teams = teams = false, fewer replications or arms, or fewer recorded days (raise record_every)
hint-memory-kept = fewer replications, arms or recorded days (raise record_every)
hint-memory-growing = the customer pools grow every day: raise customers.outflow_rate or lower the inflow
hint-memory-pool = fewer customers per employee or smaller teams
hint-memory-employees = a smaller organisation or fewer arms
