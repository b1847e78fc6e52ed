# Woorden in de grafieken van een gevoeligheidsanalyse (crates/charts/src/plot/sweep.rs):
# responscurven, heatmaps, spreidingsdiagrammen, Sobol-balken en de Morris-screening (μ*–σ).

## Gedeeld
# De as van een gevarieerde parameter: de naam en de eenheid uit het parameterregister.
sweep-charts-axis-with-unit = { $name } ({ $unit })
sweep-charts-arm = variant: { $arm }
# Achter de ondertitel van een gevoeligheidsgrafiek wanneer runs bij de horizon zijn afgekapt.
sweep-charts-censoring-caveat = ; { $share }% van de runs gecensureerd: indices van het bij de horizon afgekapte gemiddelde

## Responscurven (één gevarieerde parameter)
sweep-charts-response-subtitle = Uitgezet tegen { $axis }; gemiddelde over de herhalingen, band: 95%-betrouwbaarheidsinterval
sweep-charts-response-subtitle-median = Uitgezet tegen { $axis }; Kaplan-Meier-mediaan over de herhalingen (open cirkel: niet bereikt, meer dan de getoonde waarde), band: 95%-interval

## Heatmaps (een raster van twee parameters)
sweep-charts-heatmap-subtitle = { $arm }; elke cel: gemiddelde over de herhalingen, in { $unit }
sweep-charts-heatmap-subtitle-median = { $arm }; cel: Kaplan-Meier-mediaan, { $unit }; gearceerd: voorbij het eind; k/n: runs aan het eind niet gehalveerd
sweep-charts-heatmap-not-halved = { $censored }/{ $n } niet gehalveerd

## Spreidingsdiagrammen (steekproefontwerpen)
sweep-charts-scatter-subtitle = { $arm }; één punt per ontwerppunt (gemiddelde over de herhalingen), uitgezet tegen elke parameter
sweep-charts-scatter-subtitle-median = { $arm }; één punt per ontwerppunt (Kaplan-Meier-mediaan over de herhalingen; open: niet bereikt, meer dan getoond), uitgezet tegen elke parameter
sweep-charts-scatter-subtitle-first = { $arm }; één punt per ontwerppunt (gemiddelde over de herhalingen), uitgezet tegen elke parameter (de eerste { $shown } van { $total })
sweep-charts-scatter-subtitle-median-first = { $arm }; één punt per ontwerppunt (Kaplan-Meier-mediaan over de herhalingen; open: niet bereikt, meer dan getoond), uitgezet tegen elke parameter (de eerste { $shown } van { $total })

## Sobol-indices
sweep-charts-sobol-title = Gevoeligheid · { $title }
sweep-charts-sobol-subtitle = { $arm }; Sobol-indices van de eerste orde (S1) en totaal (ST), snorren: 95%-bootstrapinterval{ $caveat }
sweep-charts-sobol-first-order = eerste orde S1
sweep-charts-sobol-total = totaal ST
sweep-charts-sobol-axis = aandeel in de variantie van de uitkomst

## Morris-screening
sweep-charts-morris-title = Morris-screening · { $title }
sweep-charts-morris-subtitle = { $arm }; μ*: gemiddeld absoluut elementair effect (belang), σ: spreiding ervan (interacties, niet-lineariteit){ $caveat }
sweep-charts-morris-axis-mu = μ* ({ $unit } over het volledige parameterbereik)
sweep-charts-morris-axis-sigma = σ (zelfde eenheid; grijze lijn: σ = μ*)
