# Why a sweep cannot continue in its output directory (crates/files/src/experiment/sweep/dir_reason.rs).
sweep-dir-not-empty = the directory is not empty ({ $entries }) and holds no sweep (sweep.json is missing); choose another --out
sweep-dir-other-experiment = the directory holds a sweep of another experiment ('{ $have_name }', hash { $have_hash }; this one is '{ $want_name }', hash { $want_hash }); a sweep can only be resumed with exactly the same experiment (base scenario included): choose another --out
sweep-dir-already-here = the directory already holds this sweep ({ $done } of { $runs } runs done); add --resume to continue it, or choose another --out
sweep-dir-other-shard = the directory holds { $have }, not { $want }; resume it with the same --shard
sweep-dir-shard = shard { $shard }
sweep-dir-whole = the whole sweep (no --shard)
sweep-dir-other-build = the sweep was started by undercurrent { $have_version } (commit { $have_commit }); this is { $want_version } (commit { $want_commit }): runs from two builds could differ, so finish it with the build that started it, or start again in another --out
sweep-dir-unknown-commit = unknown
dir-unusable = { $reason }; choose another --out
dir-unreadable = { $file } is unreadable ({ $why }); was it edited?
# Why `merge --out` cannot take the merge (crates/files/src/experiment/sweep/merge.rs).
merge-out-sweep = the directory is a sweep or shard directory; merge into another --out
merge-out-other-experiment = the directory holds another experiment; choose another --out
merge-out-not-empty = the directory is not empty; choose another --out
# Why a calibration cannot continue in its output directory (crates/files/src/experiment/calibration/run.rs).
calibration-dir-other = the directory holds another calibration ('{ $have_name }', hash { $have_hash }; this one is '{ $want_name }', hash { $want_hash }): choose another --out
calibration-dir-already-here = the directory already holds this calibration; add --resume to continue it (or to rewrite its outputs), or choose another --out
calibration-dir-other-build = the calibration was started by undercurrent { $have_version } (commit { $have_commit }); this is { $want_version } (commit { $want_commit }): finish it with the build that started it, or choose another --out
calibration-dir-not-empty = the directory is not empty ({ $entries }) and holds no calibration (calibration.json is missing); choose another --out
calibrated-base-not-toml = the base scenario cannot be written as TOML: { $message }
calibrated-medians-invalid = the posterior medians make no valid scenario: { $message }
calibrated-not-toml = the calibrated scenario cannot be written as TOML: { $message }
