# Waarom een uitvoermap niet te gebruiken is.
output-error-foreign = in { $dir } staan bestanden die undercurrent niet schreef ({ $files }); kies een andere --out, of geef --force om ernaast te schrijven (ze worden nooit aangeraakt)
output-error-not-a-directory = { $path } bestaat al en is geen map
output-error-busy = { $dir } wordt op dit moment geschreven door een ander undercurrent-proces ({ $holder }); wacht tot het klaar is, of kies een andere --out
output-error-unusable = { $dir }: { $reason }; kies een andere --out
output-error-io = { $path }: { $reason }
output-error-prepare = de uitvoermap kon niet worden voorbereid: { $message }
lock-unusable-file = { $file } is een bestand, geen map
lock-unusable-create = kan { $parent } niet aanmaken ({ $reason })
lock-unusable-write = kan niet schrijven in { $parent } ({ $reason })
