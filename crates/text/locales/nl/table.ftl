# De duurzaamheidstabel aan het eind van een run (report/text.rs). Kolomkoppen: twee regels
# van hoogstens 15 tekens, eerst de grootheid, dan de eenheid.
table-head-peak-gain = piekwinst in B
table-unit-peak-gain = (schaal 0-1)
table-head-gain-12m = winst in B na
table-unit-gain-12m = een jaar (0-1)
table-head-half-life = halfwaardetijd
table-unit-half-life = (maanden)
table-head-effect-size = effectgrootte d
table-unit-effect-size = op de piek (d)
table-head-nps-gain = NPS-winst
table-unit-nps-gain = (NPS-punten)
table-head-cost-per-point = kosten per
table-unit-cost-per-point = NPS-punt (euro)
table-more-than = meer dan { $value }
table-not-reached-short = n.ber.
table-not-reached = niet bereikt
table-censored-arm = { $arm } { $censored } van { $n }
table-note-mean = Elk getal is het gemiddelde over { $replications } herhalingen, de regel eronder het { $interval }.
table-note-gains = Winst in B (klantgericht gedrag, 0-1) is gemeten tegen de nulmeting zonder programma, op de piek en 12 maanden na het einde van het programma. Halfwaardetijd: maanden (van { $days } werkdagen) tot de helft van de piekwinst weg is, de Kaplan-Meier-mediaan over de herhalingen met het Brookmeyer-Crowley-interval; "meer dan" als bij de helft van de herhalingen de winst aan het eind van de run nog niet gehalveerd was; { $short } = niet bereikt.
table-note-censored = * Herhalingen waarin de winst aan het eind van de run nog niet gehalveerd was: { $arms }.
table-note-effect-size = Effectgrootte d (Cohens d): het verschil met de nulmeting in standaardafwijkingen van B tussen medewerkers; rond { $small } is klein, { $medium } middelgroot, { $large } groot.
table-note-nps = NPS-winst: gemiddelde winst in NPS-punten vanaf de start van het programma tot 12 maanden na het einde. Kosten per NPS-punt: de kosten van het programma in euro gedeeld door die winst (de verhouding van de twee gemiddelden).
table-note-drift = Zonder programma verschuift B over de hele run met { $drift } { $interval }.
table-note-more = Meer cijfers (dagen tot de piek, het deel dat blijft, de NPS een jaar later, kosten) staan in { $csv } en { $report }.
table-claims-intro =
    Beweringen getoetst aan het model (een toets klopt alleen als het hele 95%-interval aan de
    beweerde kant ligt; de toetsen staan in { $csv } en in het rapport):
interval-band-chance = 95%-betrouwbaarheidsinterval
interval-band-parameters = 95%-interval (toeval en onzekerheid over de parameters)
interval-long-chance = 95%-betrouwbaarheidsinterval
interval-long-parameters = 95%-interval over herhalingen waarvan de parameters uit de posterior van een kalibratie getrokken zijn (het dekt toeval en wat niet bekend is over de organisatie)
claim-verdict-agrees = klopt
claim-verdict-disagrees = klopt niet
claim-verdict-undecided = onbeslist
