# What the TOML reader says of a file it cannot read (crates/files/src/syntax_words.rs). In
# English the reader's own sentence is shown unchanged; these are its words as the other
# languages say them, so the English here only documents the forms.
syntax-invalid-type = invalid type: { $found }, expected { $expected }
syntax-unknown-field = unknown field { $name }, expected one of { $allowed }
syntax-unknown-field-one = unknown field { $name }, expected { $allowed }
syntax-unknown-field-none = unknown field { $name }, there are no fields
syntax-unknown-variant = unknown variant { $name }, expected one of { $allowed }
syntax-unknown-variant-one = unknown variant { $name }, expected { $allowed }
syntax-missing-field = missing field { $name }
syntax-duplicate-key = duplicate key
syntax-did-you-mean = did you mean { $name }?
syntax-parser = { $message }

## Kinds of value the reader names
syntax-kind-string = string
syntax-kind-integer = integer
syntax-kind-float = floating point
syntax-kind-boolean = boolean
syntax-kind-sequence = sequence
syntax-kind-map = map

## What it expected, in the words the tool gives it (experiment::locate::plain_type_message)
syntax-expected-whole-nonnegative = a whole number ≥ 0
syntax-expected-whole = a whole number
syntax-expected-number = a number
syntax-expected-sequence = a sequence
syntax-expected-string = a string
syntax-expected-boolean = a boolean
syntax-expected-map = a map
syntax-expected-toggle = `auto`, `on`, `off`, true or false
