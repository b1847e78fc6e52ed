# Waarom grafieken of een rapport niet van een map te maken waren.
plot-error-missing-file = invoerbestand ontbreekt: { $path }
plot-error-malformed-csv = onleesbaar CSV-bestand { $path } (regel { $line }): { $message }
plot-error-malformed-json = onleesbaar JSON-bestand { $path } (zo meldt de JSON-lezer het): { $message }
plot-error-io = kan { $path } niet lezen of schrijven: { $reason }
plot-error-font = het lettertype kon niet worden geladen: { $message }
plot-error-draw = de grafiek kon niet worden getekend (zo meldt de tekenbibliotheek het): { $message }
plot-error-no-data = niets te tekenen (de reden, zoals de code hem in het Engels geeft): { $message }
report-error-write = kan { $path } niet schrijven: { $reason }
