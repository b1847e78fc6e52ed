# Namen van de varianten van het standaardscenario en de verhalen (experiments/default.toml,
# experiments/explorer/). De naam in het bestand blijft de sleutel in elke CSV; dit is hoe
# grafieken, tabellen, rapport en pagina hem noemen. Een eigen variant houdt zijn naam.
term-arm-baseline = nulmeting
term-arm-training-only = alleen training
term-arm-coaching = coaching
term-arm-coaching-only = alleen coaching
term-arm-coaching-with-shared-definition = coaching met een gedeelde definitie
term-arm-reinforcement-continuous = continue bekrachtiging
term-arm-reinforcement-variable = variabele bekrachtiging
term-arm-continuous = continu belonen
term-arm-continuous-gamed = continu belonen, met opgepoetste contacten
term-arm-variable-ratio = wisselend belonen
term-arm-variable-ratio-gamed = wisselend belonen, met opgepoetste contacten
term-arm-full-method = volledige methode
term-arm-reflection-practice-culture = reflectiepraktijk en cultuur
term-arm-reflection-practice-feedback = reflectiepraktijk en feedback
term-arm-role-model-programme = voorbeeldgedragprogramma
term-arm-role-models-and-feedback = voorbeeldgedrag en feedback
term-arm-sanctions = sancties
