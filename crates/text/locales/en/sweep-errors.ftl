# Why a sweep, a merge or a sensitivity analysis stopped (crates/files/src/experiment/sweep/);
# the English is the errors' Display, word for word.

## merge_reason.rs
merge-no-shards = no shard directories given
merge-missing = shard directory { $dir } does not exist (did that shard's job run, and is the path right?)
merge-is-file = { $dir } is a file, not a shard directory
merge-not-sweep = { $dir } is not a sweep directory ({ $state } is missing)
merge-whole = { $dir } holds a whole sweep, not a shard; it needs no merge
merge-other-experiment = { $dir } holds experiment '{ $name }' (hash { $hash }) but { $first_dir } holds '{ $first_name }' (hash { $first_hash }): shards of different experiments cannot be merged
merge-other-build = { $dir } was run by undercurrent { $version } (commit { $commit }) but { $first_dir } by { $first_version } (commit { $first_commit }): runs from two builds could differ
merge-other-split = { $dir } is shard { $shard } but { $first_dir } is shard { $first_shard }: every shard must come from the same --shard I/N split
merge-twice = shard { $shard } is given twice: { $first } and { $second }
merge-shards-missing = { $count ->
    [one] shard { $shards } is missing
   *[other] shards { $shards } are missing
}: give every shard directory
merge-edited = { $experiment } does not match the hash in { $state } of the same directory (was it edited?)
merge-foreign-run = { $journal } holds run { $run }, which belongs to shard { $belongs }, not { $owner }
merge-incomplete = incomplete shards:
    { "  " }{ $shards }
merge-incomplete-shard = shard { $shard } in { $dir } lacks { $lacking } of its { $runs } runs (finish it: undercurrent sweep { $experiment } --shard { $shard } --out { $dir } --resume)

## reasons.rs: SweepError's frames and reasons.
sweep-error-journal = { $location }: { $reason }
sweep-error-incomplete = { $missing } of { $total } runs are missing from the journal (first: run { $first })
sweep-error-csv = { $path }: { $reason }
sweep-error-run = run { $run }: { $reason }
sweep-error-shard = --shard { $spec }: { $reason }
journal-checksum = the line's checksum does not match its content (or it belongs to another experiment); a kill cannot cause this, so the file was changed or damaged
journal-too-long = line longer than 4 GiB
journal-no-such-run = run { $run } does not exist (the experiment has { $runs })
journal-twice = run { $run } is recorded twice with different results
journal-changed = run { $run }'s line changed after it was indexed
journal-not-ours = run { $run } does not belong to this sweep or shard
journal-values = run { $run }: its summary values do not match the experiment's columns
journal-series = run { $run }: its time series do not match the experiment's series
run-failed-point = { $message }
run-failed-threads = cannot start { $threads } worker threads: { $message }
run-failed-interrupted = interrupted
run-failed-writer-stopped = the journal writer stopped
run-failed-writer-panicked = the journal writer thread panicked
run-failed-rows = cannot write its team or employee rows in { $dir }: { $reason }
run-failed-stopped = stopped
csv-library = { $message }
csv-columns = its columns are not those of the experiment in experiment.toml
csv-row-order = row { $row } should be point { $point }, replication { $replication }
csv-not-number = row { $row }: column { $column } is not a number
csv-run-count = { $rows } runs, expected { $runs }
shard-form = expected I/N, for example 2/4 (shard 2 of 4)
shard-i-not-whole = I must be a whole number
shard-n-not-whole = N must be a whole number
shard-n-range = N must be in [1, 1000000]
shard-i-range = I must be in [1, { $n }]: shards are numbered from 1
sensitivity-design = sensitivity indices need a sobol or morris design, not { $kind }
sensitivity-unfinished = { $dir } holds no complete sweep ({ $manifest } is missing); finish it first (undercurrent sweep ... --resume)
sensitivity-dir-design = { $dir } is a { $kind } sweep; sensitivity indices need design = "sobol" or "morris"
sensitivity-output = --outputs: `{ $name }`: { $why }
sensitivity-output-closest = did you mean `{ $closest }`?
sensitivity-output-not-kept = not among the kept columns (see keep_metrics)

## Why a calibration stopped with an error (crates/files/src/experiment/calibration/failure.rs).
calibration-error-empty = a calibration needs at least one parameter, one target and 2 particles
calibration-error-budget = the budget of { $budget } simulations does not complete generation 0
calibration-error-simulation = simulation { $generation }/{ $index }: { $reason }
calibration-error-target = target `{ $name }` (targets[{ $k }])
calibration-error-unmeasurable = { $origin }: { $targets } { $count ->
    [one] is
   *[other] are
} not a number in any of the first { $batch } simulations: the run cannot measure { $count ->
    [one] it
   *[other] them
} (a follow-up past the horizon?); choose targets the scenario's horizon covers
calibration-sim-other-parameters = { $journal } holds other parameter values for this simulation ({ $have } instead of { $want }): the journal is not this calibration's
calibration-sim-unreadable = { $journal }: unreadable statistics { $stats }
calibration-sim-writer-failed = the journal writer failed
calibration-sim-write = { $journal }: { $reason }
