# Waarom het besturingssysteem een bestand weigerde (crates/text/src/io_words.rs).
io-not-found = het bestand of de map bestaat niet
io-permission-denied = geen toegang (rechten)
io-is-a-directory = dit is een map, geen bestand
io-not-a-directory = een deel van het pad is geen map
io-already-exists = het bestand bestaat al
io-storage-full = de schijf is vol
io-read-only = het bestandssysteem is alleen-lezen
io-invalid-data = de gegevens zijn niet geldig (geen UTF-8-tekst, bijvoorbeeld)
io-addr-in-use = het adres is al in gebruik (draait daar al een verkenner of een ander programma?)
io-addr-not-available = dit adres hoort niet bij deze computer
io-out-of-memory = onvoldoende geheugen
io-other = systeemfout (zo meldt het besturingssysteem het): { $message }
# Een bestand dat niet te lezen is: waar, en waarom.
io-cannot-read = kan { $path } niet lezen: { $reason }
