# report.html van een sweep (report/html.rs, render_sweep_report).
sweep-report-title = { $name } · undercurrent-sweeprapport
sweep-report-sweep = Sweep
sweep-report-design = opzet
sweep-report-points = ontwerppunten
sweep-report-replications-per-point = herhalingen per punt
sweep-report-runs = runs
sweep-report-swept = Gevarieerde parameters
sweep-report-col-key = sleutel
sweep-report-col-from = van
sweep-report-col-to = tot
sweep-report-sensitivity = Gevoeligheidsindices
sweep-report-censored-warning = Let op: { $metric } van { $arm } is in { $share } van de runs afgekapt aan het eind van de looptijd (gecensureerd); de indices verdelen het gemiddelde van de afgekapte duren, niet van de werkelijke duren.
sweep-report-col-output = uitkomst
sweep-report-col-index = index
sweep-report-col-estimate = schatting
sweep-report-col-ci = 95%-BI
sweep-report-method = Elk ontwerppunt draait het basisscenario met de gevarieerde parameters ingesteld; herhaling r van elk punt gebruikt dezelfde seed (gemeenschappelijke toevalsgetallen over punten en varianten, tenzij het experiment dat uitzet), dus verschillen tussen punten zijn effecten van de parameters. Gemiddelden en 95%-t-intervallen zijn over de herhalingen van een punt, behalve voor de halfwaardetijd, die langer kan zijn dan de looptijd: de waarde daarvan is de Kaplan-Meier-mediaan over de herhalingen van het punt ("meer dan" als die niet bereikt is, met het aandeel gecensureerde runs); gevoeligheidsindices van een halfwaardetijd verdelen het gemiddelde van halfwaardetijden die aan het eind van de looptijd zijn afgekapt; de cijfers staan in { $points } en { $runs } naast dit bestand, de opmaak in { $readme }.
