# Wat de TOML-lezer zegt van een bestand dat hij niet kan lezen (crates/files/src/syntax_words.rs).
syntax-invalid-type = verkeerd soort waarde: { $found }, verwacht { $expected }
syntax-unknown-field = onbekende sleutel { $name }; hier horen: { $allowed }
syntax-unknown-field-one = onbekende sleutel { $name }; hier hoort alleen { $allowed }
syntax-unknown-field-none = onbekende sleutel { $name }; hier horen geen sleutels
syntax-unknown-variant = onbekende waarde { $name }; mogelijk zijn: { $allowed }
syntax-unknown-variant-one = onbekende waarde { $name }; mogelijk is alleen { $allowed }
syntax-missing-field = de sleutel { $name } ontbreekt
syntax-duplicate-key = deze sleutel staat al eerder in de tabel
syntax-did-you-mean = bedoel je { $name }?
syntax-parser = fout in de TOML-opmaak (zo meldt de TOML-lezer het): { $message }

## Soorten waarden
syntax-kind-string = tekst
syntax-kind-integer = geheel getal
syntax-kind-float = kommagetal
syntax-kind-boolean = waarheidswaarde
syntax-kind-sequence = lijst
syntax-kind-map = tabel

## Wat werd verwacht
syntax-expected-whole-nonnegative = een geheel getal ≥ 0
syntax-expected-whole = een geheel getal
syntax-expected-number = een getal
syntax-expected-sequence = een lijst
syntax-expected-string = tekst
syntax-expected-boolean = true of false
syntax-expected-map = een tabel
syntax-expected-toggle = `auto`, `on`, `off`, true of false
