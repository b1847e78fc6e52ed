# De eigen woorden van het ingebouwde standaardscenario (experiments/default.toml).
default-description = Zes varianten in een organisatie van 200 medewerkers: wat training, coaching, bekrachtiging en de volledige methode doen, en hoe lang het effect aanhoudt.
default-arm-baseline = geen interventie
default-arm-training_only = een tweedaagse training in klantgerichtheid
default-arm-coaching = coaching onder de waterlijn: een half jaar lang om de twee weken een sessie
default-arm-reinforcement_continuous = een half jaar lang elk klantgericht contact beloond
default-arm-reinforcement_variable = een half jaar lang één op de drie klantgerichte contacten beloond, willekeurig gekozen
default-arm-full_method = artikel 000: training, dan coaching, dan reflectie (fasen na elkaar)
