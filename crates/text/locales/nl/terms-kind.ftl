# Soorten interventies (model::intervention_kinds): naam, beschrijving, instellingen,
# keuzes en de gevoeligheid waarlangs ze werken.
term-kind-training = Training
term-kind-training-description = bewustzijn en vaardigheid tegelijk omhoog, de norm een beetje (000, 003)
term-kind-coaching = Coaching
term-kind-coaching-description = norm en begrip per sessie omhoog, blijvend (000)
term-kind-reinforcement = Bekrachtiging (beloningen)
term-kind-reinforcement-description = beloningen voor klantgerichte contacten zolang het loopt; daarna uitdoving (003)
term-kind-reflection = Reflectie
term-kind-reflection-description = frist het bewustzijn op en verankert de huidige norm (000, 004)
term-kind-practice = Alternatieven oefenen
term-kind-practice-description = alternatieven voor het overtreden van een regel (004)
term-kind-feedback-culture = Feedbackcultuur
term-kind-feedback-culture-description = dilemma's routinematig bespreken: begrip en alternatieven omhoog (004)
term-kind-sanctions = Regels en sancties
term-kind-sanctions-description = minder regelovertredingen zolang er wordt gehandhaafd, lagere normen bij wie minder regelgericht is (004)
term-kind-role-model-programme = Voorbeeldgedragprogramma
term-kind-role-model-programme-description = leiderschapsprogramma: het voorbeeldgedrag van leidinggevenden omhoog (002)
term-kind-share-feedback = Klantfeedback delen
term-kind-share-feedback-description = klantfeedback bereikt de teams zolang het loopt (002)
term-kind-shared-definition = Gedeelde definitie
term-kind-shared-definition-description = ieders beeld van klantgerichtheid schuift op naar dat van de organisatie (001)

term-kind-susceptibility-training = training
term-kind-susceptibility-coaching = coaching
term-kind-susceptibility-reward = beloning
term-kind-susceptibility-role-model = voorbeeldgedrag
term-kind-susceptibility-sanctions = sancties
term-kind-susceptibility-feedback = feedback
term-kind-susceptibility-none = geen

term-kind-setting-kind = Interventie
term-kind-setting-kind-meaning = wat de interventie is: een van de soorten hieronder
term-kind-setting-start = Start
term-kind-setting-start-meaning = eerste dag; weggelaten: de dag na het einde van de vorige interventie van het programma (dag 0 voor de eerste)
term-kind-setting-duration = Duur
term-kind-setting-duration-meaning = dagen actief
term-kind-setting-interval = Elke
term-kind-setting-interval-meaning = dagen tussen sessies (1 = dagelijks)
term-kind-setting-intensity = Intensiteit
term-kind-setting-intensity-meaning = vermenigvuldiger `I` op het effect per sessie
term-kind-setting-target = Doelgroep
term-kind-setting-target-meaning = wie bereikt wordt: `teams` met `teams`; `managers` voor, en alleen voor, de soorten die op leidinggevenden werken
term-kind-setting-teams = Teams
term-kind-setting-teams-meaning = de bereikte teams (bij `managers`: wier leidinggevenden; leeg = alle)
term-kind-setting-cost-per-person = € / persoon
term-kind-setting-cost-per-person-meaning = per bereikte persoon per sessie (teamgrootte × kosten; één leidinggevende bij soorten die op leidinggevenden werken)
term-kind-setting-schedule = Schema
term-kind-setting-schedule-meaning = beloningsschema: elk klantgericht contact, of elk met kans 1/`ratio`
term-kind-setting-ratio = Ratio
term-kind-setting-ratio-meaning = gemiddeld aantal klantgerichte contacten per beloning bij `variable_ratio`
term-kind-setting-gaming = Gamen
term-kind-setting-gaming-meaning = aandeel `g` van de niet-klantgerichte contacten dat klantgericht wordt voorgesteld en toch beloond
term-kind-setting-cost-per-reward = € / beloning
term-kind-setting-cost-per-reward-meaning = per beloning

term-kind-choice-all = alle
term-kind-choice-teams = teams
term-kind-choice-managers = leidinggevenden
term-kind-choice-continuous = continu
term-kind-choice-variable-ratio = variabele ratio
