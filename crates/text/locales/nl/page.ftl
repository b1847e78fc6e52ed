# De pagina van de verkenner (assets/serve/index.html en app.js): app.js leest deze uit de
# `text` van /api/meta en vult `{ $name }` zelf in.

page-title = undercurrent verkenner
page-heading-explorer = verkenner
page-tagline = Wat een interventie wel en niet doet: boven en onder de waterlijn, voor klanten, en in de tijd.
page-switch-language = Taal
page-switch-en = English
page-switch-nl = Nederlands
page-story = Verhaal
page-story-own = — je eigen scenario —
page-story-heading = Artikel { $article }: { $title }
page-scenario = Scenario

page-heading-organisation = Organisatie
page-sector = Sector
page-sector-general = algemeen (standaardwaarden van het model)
page-maturity = Volwassenheidsfase
page-maturity-none = — geen —
page-employees = Medewerkers
page-team-size = Teamgrootte
page-org-details = Leiderschap, middelen, verloop
page-role-model-mean = Voorbeeldgedrag leidinggevenden (gemiddeld)
page-facilities = Middelen (0–1)
page-turnover = Verloop per jaar
page-hint-preset = Lege velden nemen de waarde van de preset over (grijs weergegeven).
page-parameter-title = { $meaning } ({ $unit }; toegestaan { $allowed })

page-heading-mix = Drijfverenmix
page-custom-mix = zelf de mix instellen (anders die van de preset)

page-heading-programmes = Programma's
page-heading-programmes-note = vergeleken met de nulmeting
page-add-programme = + programma
page-programme-name = naam van het programma
page-remove-programme = programma verwijderen
page-remove-programme-title = dit programma verwijderen
page-add-intervention = + interventie
page-intervention = Interventie
page-remove-intervention = interventie verwijderen
page-remove-intervention-title = deze interventie verwijderen
page-kind-managers = { $kind } (leidinggevenden)
page-kind-help = { $description }; geschaald naar ieders gevoeligheid voor { $susceptibility }
page-chained = aansluitend
page-unit-of = eenheid van { $setting }
page-day-units-help = werkdagen; een week is 5, een maand 250/12, een jaar 250
page-unit-days = dagen
page-unit-weeks = weken
page-unit-months = maanden
page-unit-years = jaren
page-extra = ook:
page-extra-title = ingesteld in het scenariobestand; blijft zoals het is

page-heading-run = Doorrekenen
page-replications = Herhalingen
page-seed = Startgetal (seed)
page-horizon = Horizon (werkdagen)
page-burn-in = Inloopperiode (dagen)
page-live = bij elke wijziging doorrekenen
page-run = Doorrekenen
page-export = TOML exporteren
page-copy-link = Link kopiëren
page-copy-link-title = het adres van de pagina opent haar opnieuw met deze instellingen
page-open = TOML openen
page-open-title = een scenariobestand openen dat voor undercurrent run is geschreven

page-loading = Laden…
page-footer = 250 werkdagen = één jaar · 95%-betrouwbaarheidsintervallen over de herhalingen; verschillen zijn gepaard met de nulmeting (gemeenschappelijke toevalsgetallen) · alles hier komt van dit programma en werkt offline

page-status-changed = Gewijzigd: klik op Doorrekenen om het resultaat te zien.
page-status-running = Bezig met rekenen…
page-status-not-run = Niet doorgerekend: de melding hierboven zegt waarom.
page-status-first = Eerste antwoord uit { $done } van { $of } herhalingen ({ $ms } ms); de intervallen worden smaller naarmate er meer klaar zijn…
page-status-refined = Verfijnd antwoord uit { $done } van { $of } herhalingen ({ $ms } ms); de intervallen worden smaller naarmate er meer klaar zijn…
page-status-cached-result = resultaat uit de cache
page-status-cached-replications = { $cached } van { $replications } herhalingen of nulmetingen uit de cache
page-status-first-picture = { " " }(eerste beeld na { $ms } ms, uit { $done })
page-status-done = { $programmes } programma('s) tegen de nulmeting · { $employees } medewerkers in { $teams } teams · { $replications } herhalingen (TOML exporteren en dan undercurrent run geeft dezelfde getallen) · beantwoord in { $ms } ms{ $first } ({ $how })
page-status-no-answer = Geen antwoord.
page-status-not-opened = Het bestand is niet geopend.
page-no-answer = De verkenner antwoordde niet: { $reason }. Draait `undercurrent serve` nog?
page-opened = { $name } geopend.

page-link-damaged = De instellingen in de link konden niet worden gelezen ({ $reason }); de pagina toont de standaardvergelijking.
page-link-copied = Link gekopieerd: die opent deze pagina opnieuw met deze instellingen.
page-link-copy-this = Kopieer deze link om de pagina opnieuw te openen met deze instellingen: { $url }

page-failure-too-large = Het scenario is te groot voor de verkenner.
page-failure-unusable = De verkenner kon deze instellingen niet gebruiken.
page-failure-internal = De verkenner liep vast op dit verzoek; de terminal waarin `undercurrent serve` draait zegt waarom.
page-failure-refused = De verkenner heeft het verzoek niet aangenomen.

page-download = Download bij dit antwoord:
page-download-report = rapport
page-download-report-title = report.html, zoals undercurrent run het voor dit scenario schrijft
page-download-summary = samenvatting
page-download-summary-title = summary.html, de samenvatting van één pagina voor de directie
page-download-all = alle bestanden
page-download-all-title = de CSV-tabellen, manifest.json, report.html en summary.html in één zip-archief

page-teams-heading = Teams: waar de klantgerichtheid zit
page-teams-colour-by = kleur naar
page-teams-day = dag
page-teams-desc = Eén vakje per team in herhaling 1 van { $replications }, gekleurd naar { $metric } ({ $unit }) op de gekozen dag; wijs een vakje aan voor de cijfers.
page-teams-day-text = dag { $day } (maand { $month })
page-teams-square = team { $team } · { $employees } medewerkers · { $metric }: { $value } · voorbeeldgedrag van de leidinggevende { $role_model } (0–1)
page-not-measured = niet gemeten

page-card-when = Cijfers met [95%-interval]: verschil met de nulmeting, gemiddeld over dag { $from }–{ $to }; kosten: totaal tot dag { $to }.
page-baseline-only = Alleen de nulmeting
page-baseline-only-hint = Voeg een programma toe om het met de nulmeting te vergelijken.
page-table-average = gemiddelde van dag { $from } tot { $to }
page-table-vs-baseline = { $name } (t.o.v. nulmeting)
page-table-at-end = { $group } (aan het einde van de horizon)
page-comparison-heading = Vergeleken met de nulmeting
page-durability-column = hoe lang het beklijft
page-durability-heading = Duurzaamheid (95%-betrouwbaarheidsintervallen)
