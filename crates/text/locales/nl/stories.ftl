# De kant-en-klare verhalen van de verkenner (crates/serve/src/stories.rs): titel, waar de
# consultant op het scherm naar wijst, en de beschrijving van elk programma.

story-000-training-vs-full-method-title = Alleen training of de volledige methode
story-000-training-vs-full-method-look = B stijgt binnen enkele weken na de training en zakt binnen enkele maanden terug; de volledige methode stijgt langzaam, verschuift de norm N onder de waterlijn en houdt een jaar later het grootste deel van de winst vast (effect na 12 maanden, halfwaardetijd).
story-000-training-vs-full-method-arm-training-only = een tweedaagse training klantgerichtheid
story-000-training-vs-full-method-arm-full-method = training, daarna zes maanden lang om de twee weken coaching, daarna reflectie

story-001-drive-mix-shared-definition-title = Drijfverenmix, met en zonder gedeelde definitie
story-001-drive-mix-shared-definition-look = B, normen en gewoonten zijn met en zonder gedeelde definitie gelijk: die verandert wát medewerkers doen als ze klantgericht handelen, niet hoe vaak. Klanten merken het wel: vergelijk de NPS-winst. Het tabblad Drijfveren laat zien welke drijfveren de coaching bereikt; verander de drijfverenmix en reken opnieuw.
story-001-drive-mix-shared-definition-arm-coaching = zes maanden lang om de twee weken coaching
story-001-drive-mix-shared-definition-arm-coaching-with-shared-definition = dezelfde coaching, met sessies over een gedeelde definitie van klantgerichtheid

story-002-role-models-by-sector-title = Voorbeeldgedragprogramma per sector en omvang
story-002-role-models-by-sector-look = Bij de overheid geven weinig leidinggevenden het goede voorbeeld; het programma tilt B en gewoonten op via wat medewerkers van hun leidinggevende zien, en het delen van klantfeedback versterkt dat via de norm N. Kies een andere sector (detailhandel, horeca) of volwassenheidsfase, of verander de omvang, en reken opnieuw.
story-002-role-models-by-sector-arm-role-model-programme = een leiderschapsprogramma voor elke leidinggevende, een jaar lang elke vier weken een sessie
story-002-role-models-by-sector-arm-role-models-and-feedback = hetzelfde programma, en een jaar lang klantfeedback gedeeld met elk team

story-003-reinforcement-schedules-title = Bekrachtiging: schema's, stoppen, gamen
story-003-reinforcement-schedules-look = Beloningen tillen B snel op en B zakt als ze stoppen (uitdoving); beloningen op willekeurige momenten (variabele ratio) zakken langzamer weg; als medewerkers de beloningen gamen, stijgen de beloningen en de kosten zonder dat klanten er iets van merken (NPS).
story-003-reinforcement-schedules-arm-continuous = zes maanden lang elk klantgericht contact beloond
story-003-reinforcement-schedules-arm-variable-ratio = zes maanden lang één op de drie klantgerichte contacten beloond, willekeurig gekozen
story-003-reinforcement-schedules-arm-continuous-gamed = continu belonen, terwijl 30% van de andere contacten wordt opgepoetst om ook beloond te worden

story-004-sanctions-vs-learning-title = Sancties of reflectie, oefenen en een feedbackcultuur
story-004-sanctions-vs-learning-look = Sancties verminderen regelovertredingen alleen zolang ze worden gehandhaafd en ondermijnen de norm N; reflectie, het oefenen van alternatieven en een feedbackcultuur geven medewerkers alternatieven (P) en begrip (U) die blijven.
story-004-sanctions-vs-learning-arm-sanctions = een jaar lang regels gehandhaafd met sancties
story-004-sanctions-vs-learning-arm-reflection-practice-feedback = zes maanden reflectie, drie maanden alternatieven oefenen, daarna een jaar een feedbackcultuur
