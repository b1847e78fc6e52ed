# Woorden in de grafieken van een kalibratie (crates/charts/src/plot/calibration.rs).

## Posterior tegenover prior
calibration-charts-posterior-title = Posterior tegenover prior
calibration-charts-posterior-subtitle = Generatie { $generation } (de posterior): gewogen histogram; lijn: de prior; gestippeld: waarde vóór de kalibratie; log-uniforme priors op logaritmische assen
calibration-charts-axis-density = dichtheid

## Paren
calibration-charts-pairs-title = Paren van parameters in de posterior
calibration-charts-pairs-subtitle = Eén punt per deeltje van de laatste generatie, met een oppervlak naar zijn gewicht; elke as beslaat het bereik van de prior van die parameter

## Aansluiting
calibration-charts-fit-title = Aansluiting van de posterior-voorspelling
calibration-charts-fit-subtitle = Per doelwaarde, in eenheden van haar schaal vanaf de waargenomen waarde (0): voorspeld gemiddelde (punt) en 95%-interval
calibration-charts-fit-axis = (gesimuleerd − waargenomen) / schaal

## Generaties
calibration-charts-generations-title = Tolerantie per generatie
calibration-charts-generations-subtitle = Generatie 0 trekt uit de priors en accepteert alles; latere generaties accepteren deeltjes die dichter bij de doelwaarden liggen dan hun tolerantie
calibration-charts-axis-generation = generatie
calibration-charts-axis-tolerance = tolerantie (afstand in schalen van de doelwaarden)
calibration-charts-axis-accepted = geaccepteerde voorstellen (%)
