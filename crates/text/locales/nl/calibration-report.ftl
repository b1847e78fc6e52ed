# report.html van een kalibratie (crates/charts/src/report/calibration.rs).
calibration-report-title = { $name } · kalibratierapport van undercurrent
calibration-report-heading = Kalibratie: { $name }
calibration-report-summary = Samenvatting

## Samenvattende tabel
calibration-report-row-parameters = gekalibreerde parameters
calibration-report-row-targets = doelwaarden
calibration-report-row-particles = deeltjes × herhalingen
calibration-report-row-generations = generaties
calibration-report-row-simulations = simulaties
calibration-report-row-stopped = gestopt omdat
calibration-report-row-tolerance = laatste tolerantie (afstand in schalen van de doelwaarden)
calibration-report-row-seed = seed

## Waarom een kalibratie stopte (ook gemeld door `calibrate`)
calibration-stop-final_tolerance = de tolerantie bereikte final_tolerance
calibration-stop-max_generations = het maximale aantal generaties (max_generations) is bereikt
calibration-stop-budget = het simulatiebudget (max_simulations) is op
calibration-stop-stalled = de tolerantie daalde niet meer ({ $from } naar { $to }): meer generaties zouden de doelwaarden niet dichter benaderen; de laatste populatie is de beste

## Lezing: wat de doelwaarden vastleggen
calibration-report-determined = Wat de doelwaarden vastleggen
calibration-report-fit-inside = { $inside } van de { $total } doelwaarden liggen binnen het 95%-interval van de posterior-voorspelling (nieuwe simulaties met parameters getrokken uit de posterior).
calibration-report-fit-outside = Erbuiten: { $targets }; het model met deze parameters reproduceert { $count ->
        [one] deze doelwaarde
       *[other] deze doelwaarden
    } niet.
calibration-report-parameter = { $name }: mediaan { $median }, 90%-geloofwaardigheidsinterval { $lo } tot { $hi }
calibration-report-before = (vóór de kalibratie { $value })
calibration-report-strength-constrained = goed vastgelegd door de doelwaarden: het 90%-geloofwaardigheidsinterval beslaat { $share } van dat van de prior
calibration-report-strength-partly = deels vastgelegd door de doelwaarden: het 90%-geloofwaardigheidsinterval beslaat nog { $share } van dat van de prior
calibration-report-strength-uninformed = nauwelijks vastgelegd door de doelwaarden: het 90%-geloofwaardigheidsinterval beslaat { $share } van dat van de prior, dus de mediaan herhaalt vooral de prior
calibration-report-edge-lower = De posterior loopt tegen de ondergrens van de prior aan ({ $bound }): de doelwaarden wijzen mogelijk op kleinere waarden dan de prior toelaat, en die grens houdt de mediaan omhoog; verruim de prior voordat u op deze uitkomst bouwt.
calibration-report-edge-upper = De posterior loopt tegen de bovengrens van de prior aan ({ $bound }): de doelwaarden wijzen mogelijk op grotere waarden dan de prior toelaat, en die grens houdt de mediaan tegen; verruim de prior voordat u op deze uitkomst bouwt.

## Priors
calibration-report-prior-uniform = uniform op [{ $lo }; { $hi }]
calibration-report-prior-log-uniform = log-uniform op [{ $lo }; { $hi }]
calibration-report-prior-normal = normaal ({ $mean }, sd { $sd }) op [{ $lo }; { $hi }]

## Posteriortabel
calibration-report-posterior = Posterior
calibration-report-col-prior = prior
calibration-report-col-before = vóór de kalibratie
calibration-report-col-median = mediaan van de posterior
calibration-report-col-credible = 90%-geloofwaardigheidsinterval
calibration-report-col-open = deel van het 90%-bereik van de prior dat nog openligt
calibration-report-range = { $lo } tot { $hi }
calibration-report-at-lower-end = (bij de ondergrens van de prior)
calibration-report-at-upper-end = (bij de bovengrens van de prior)
calibration-report-caption-posterior = Gewogen histogram van elke parameter in de laatste generatie (blauw), de dichtheid van de prior (oranje lijn) en de waarde vóór de kalibratie (gestippeld). Parameters met een log-uniforme prior staan op een logaritmische schaal, waarop die prior vlak is.
calibration-report-caption-pairs = Elk paar parameters in de laatste generatie; een band dwars door een paneel is een uitruil die de doelwaarden niet kunnen beslechten (beide parameters kunnen dezelfde statistieken opleveren).

## Aansluitingstabel
calibration-report-fit = Aansluiting op de doelwaarden
calibration-report-col-target = doelwaarde
calibration-report-col-observed = waargenomen
calibration-report-col-scale = schaal (standaardfout of tolerantie)
calibration-report-col-predictive-mean = gemiddelde van de posterior-voorspelling
calibration-report-col-interval = 95%-interval
calibration-report-col-inside = waarneming binnen het interval?
calibration-report-yes = ja
calibration-report-no = nee
calibration-report-caption-fit = Afstand van de posterior-voorspelling tot elke waargenomen waarde, in eenheden van de schaal van de doelwaarde: 0 is een perfecte aansluiting, ±2 ongeveer twee standaardfouten.

## Generatietabel
calibration-report-generations = Generaties
calibration-report-col-generation = generatie
calibration-report-col-tolerance = tolerantie
calibration-report-col-accepted = geaccepteerde voorstellen
calibration-report-col-ess = effectieve steekproefgrootte
calibration-report-col-simulations = simulaties tot dan toe
calibration-report-no-tolerance = geen (prior)
calibration-report-caption-generations = Tolerantie (grootste geaccepteerde afstand, in schalen van de doelwaarden) en aandeel geaccepteerde voorstellen, per generatie.

## Methode
calibration-report-method = Approximate Bayesian computation met sequentiële Monte Carlo (ABC-SMC: Toni e.a. 2009; Beaumont e.a. 2009). Generatie 0 trekt { $population } deeltjes uit de priors; elke volgende generatie stelt deeltjes voor door de vorige populatie te verstoren met een multivariaat normale kern met tweemaal haar gewogen covariantie (Filippi e.a. 2013), simuleert elk deeltje met { $replications } herhalingen van het basisscenario onder gemeenschappelijke toevalsgetallen, en accepteert het wanneer de afstand tussen de statistieken en de waargenomen waarden, elk gedeeld door hun schaal, binnen de tolerantie valt: een kwantiel van de afstanden van de vorige generatie (Del Moral e.a. 2012). Geaccepteerde deeltjes krijgen als gewicht de priordichtheid gedeeld door de voorsteldichtheid. De posterior is de laatste generatie; de posterior-voorspelling in de aansluitingstabel simuleert elk deeltje van de laatste generatie nog één keer met nieuwe seeds. Een parameter geldt als goed vastgelegd wanneer het 90%-geloofwaardigheidsinterval minder dan { $constrained }% van het centrale 90%-bereik van de prior beslaat, en als nauwelijks vastgelegd vanaf { $uninformed }% (op een logaritmische schaal bij log-uniforme priors). Het bestandsformaat en alle opties staan in { $docs }; de getallen staan in { $posterior }, { $fit } en { $generations }, en { $calibrated } is het basisscenario met de medianen van de posterior, klaar voor { $run } (of gebruik { $run_posterior } op deze map om de hele posterior mee te nemen in een prognose).
