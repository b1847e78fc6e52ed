# Waarom een sweep niet verder kan in zijn uitvoermap.
sweep-dir-not-empty = de map is niet leeg ({ $entries }) en bevat geen sweep (sweep.json ontbreekt); kies een andere --out
sweep-dir-other-experiment = de map bevat een sweep van een ander experiment ('{ $have_name }', hash { $have_hash }; dit is '{ $want_name }', hash { $want_hash }); een sweep is alleen te hervatten met precies hetzelfde experiment (basisscenario inbegrepen): kies een andere --out
sweep-dir-already-here = de map bevat deze sweep al ({ $done } van { $runs } runs klaar); voeg --resume toe om verder te gaan, of kies een andere --out
sweep-dir-other-shard = de map bevat { $have }, niet { $want }; hervat met dezelfde --shard
sweep-dir-shard = deel { $shard }
sweep-dir-whole = de hele sweep (zonder --shard)
sweep-dir-other-build = de sweep is begonnen met undercurrent { $have_version } (commit { $have_commit }); dit is { $want_version } (commit { $want_commit }): runs van twee builds kunnen verschillen, dus maak hem af met de build waarmee hij begon, of begin opnieuw in een andere --out
sweep-dir-unknown-commit = onbekend
dir-unusable = { $reason }; kies een andere --out
dir-unreadable = { $file } is onleesbaar (zo meldt de JSON-lezer het: { $why }); is het bestand bewerkt?
# Waarom `merge --out` de samengevoegde sweep niet kan opnemen.
merge-out-sweep = de map is zelf een sweep of een deel ervan; voeg samen in een andere --out
merge-out-other-experiment = de map bevat een ander experiment; kies een andere --out
merge-out-not-empty = de map is niet leeg; kies een andere --out
# Waarom een kalibratie niet verder kan in haar uitvoermap.
calibration-dir-other = de map bevat een andere kalibratie ('{ $have_name }', hash { $have_hash }; deze is '{ $want_name }', hash { $want_hash }): kies een andere --out
calibration-dir-already-here = de map bevat deze kalibratie al; voeg --resume toe om verder te gaan (of om haar uitvoer opnieuw te schrijven), of kies een andere --out
calibration-dir-other-build = de kalibratie is begonnen met undercurrent { $have_version } (commit { $have_commit }); dit is { $want_version } (commit { $want_commit }): maak haar af met de build waarmee ze begon, of kies een andere --out
calibration-dir-not-empty = de map is niet leeg ({ $entries }) en bevat geen kalibratie (calibration.json ontbreekt); kies een andere --out
calibrated-base-not-toml = het basisscenario kan niet als TOML worden geschreven (zo meldt de TOML-schrijver het): { $message }
calibrated-medians-invalid = de medianen van de posterior vormen geen geldig scenario (zo melden de controles het): { $message }
calibrated-not-toml = het gekalibreerde scenario kan niet als TOML worden geschreven (zo meldt de TOML-schrijver het): { $message }
