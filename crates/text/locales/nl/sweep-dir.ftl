# Waarom een sweep niet verder kan in zijn uitvoermap.
sweep-dir-not-empty = de map is niet leeg ({ $entries }) en bevat geen sweep (sweep.json ontbreekt); kies een andere --out
sweep-dir-other-experiment = de map bevat een sweep van een ander experiment ('{ $have_name }', hash { $have_hash }; dit is '{ $want_name }', hash { $want_hash }); een sweep is alleen te hervatten met precies hetzelfde experiment (basisscenario inbegrepen): kies een andere --out
sweep-dir-already-here = de map bevat deze sweep al ({ $done } van { $runs } runs klaar); voeg --resume toe om verder te gaan, of kies een andere --out
sweep-dir-other-shard = de map bevat { $have }, niet { $want }; hervat met dezelfde --shard
sweep-dir-shard = deel { $shard }
sweep-dir-whole = de hele sweep (zonder --shard)
sweep-dir-other-build = de sweep is begonnen met undercurrent { $have_version } (commit { $have_commit }); dit is { $want_version } (commit { $want_commit }): runs van twee builds kunnen verschillen, dus maak hem af met de build waarmee hij begon, of begin opnieuw in een andere --out
sweep-dir-unknown-commit = onbekend
