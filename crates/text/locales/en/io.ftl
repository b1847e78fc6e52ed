# Why the operating system refused a file (crates/text/src/io_words.rs). English prints the
# system's own sentence; these are the kinds as other languages say them.
io-not-found = No such file or directory
io-permission-denied = Permission denied
io-is-a-directory = Is a directory
io-not-a-directory = Not a directory
io-already-exists = File exists
io-storage-full = No space left on device
io-read-only = Read-only file system
io-invalid-data = the data are not valid (not UTF-8 text, say)
io-other = { $message }
# A file that cannot be read: where, and why.
io-cannot-read = cannot read { $path }: { $reason }
io-addr-in-use = Address already in use
io-addr-not-available = Cannot assign requested address
io-out-of-memory = out of memory
