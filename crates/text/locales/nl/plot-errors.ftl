# Waarom grafieken of een rapport niet van een map te maken waren.
plot-error-missing-file = invoerbestand ontbreekt: { $path }
plot-error-malformed-csv = onleesbaar CSV-bestand { $path } (regel { $line }): { $message }
plot-error-malformed-json = onleesbaar JSON-bestand { $path } (zo meldt de JSON-lezer het): { $message }
plot-error-io = kan { $path } niet lezen of schrijven: { $reason }
plot-error-font = het lettertype kon niet worden geladen: { $message }
plot-error-draw = de grafiek kon niet worden getekend (zo meldt de tekenbibliotheek het): { $message }
plot-error-no-data = niets te tekenen: { $message }
## Waarom er niets te tekenen is; paden, bestandsnamen en metriek-sleutels blijven zoals ze zijn.
plot-no-data-result-rows = { $dir } bevat geen resultaatregels
plot-no-data-sweep-chart = { $dir }: geen enkele grafiek past bij deze sweep (een responscurve vraagt één gevarieerde parameter, een heatmap een volledig raster van twee parameters, een gevoeligheidsgrafiek een sensitivity.csv)
plot-no-data-particles = { $dir }: de posterior bevat geen deeltjes
plot-no-data-teams = geen teams om te tekenen
plot-no-data-team-value = geen enkel team heeft een waarde voor B
plot-no-data-drives = geen B_<drive>-metrieken
plot-no-data-costs = timeseries.csv bevat geen regels met opgetelde kosten
plot-no-data-cost-benefit = durability.csv bevat geen programma met kosten én een NPS-winst 12 maanden na afloop
plot-no-data-iceberg = variant `{ $arm }` heeft geen waarden voor B, K, A, N, H, E, U of P
plot-no-data-durability = durability.csv bevat geen regels met winst of halfwaardetijd
plot-no-data-metric = metriek `{ $metric }` heeft geen waarden
report-error-write = kan { $path } niet schrijven: { $reason }
