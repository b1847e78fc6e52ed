# Why an output directory cannot be used (crates/files/src/output/); the English is the
# errors' Display, word for word.
output-error-foreign = { $dir } holds files undercurrent did not write ({ $files }); choose another --out, or pass --force to write beside them (they are never touched)
output-error-not-a-directory = { $path } exists and is not a directory
output-error-busy = { $dir } is being written by another undercurrent process ({ $holder }); wait for it to finish, or choose another --out
output-error-unusable = { $dir }: { $reason }; choose another --out
output-error-io = { $path }: { $reason }
output-error-prepare = cannot prepare the output directory: { $message }
# Why the chosen directory cannot be used (crates/files/src/output/lock.rs).
lock-unusable-file = { $file } is a file, not a directory
lock-unusable-create = cannot create { $parent } ({ $reason })
lock-unusable-write = cannot write in { $parent } ({ $reason })
