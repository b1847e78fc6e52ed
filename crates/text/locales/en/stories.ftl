# The explorer's ready-made stories (crates/serve/src/stories.rs): title, what a consultant
# points at on the screen, and each programme's description (the scenario file's own words).

story-000-training-vs-full-method-title = Training alone vs the full method
story-000-training-vs-full-method-look = B rises within weeks after the training and falls back within months; the full method rises slowly, moves the norm N below the waterline and keeps most of its gain a year later (gain 12 months after, half-life).
story-000-training-vs-full-method-arm-training-only = a two-day customer-orientation training
story-000-training-vs-full-method-arm-full-method = training, then coaching every two weeks for six months, then reflection

story-001-drive-mix-shared-definition-title = Drive mix, with and without a shared definition
story-001-drive-mix-shared-definition-look = B, norms and habits are the same with and without the shared definition: it changes what employees do when they act customer-oriented, not how often. Customers notice: compare the NPS gain. The Drives tab shows which drives the coaching reaches; change the drive mix and run again.
story-001-drive-mix-shared-definition-arm-coaching = coaching every two weeks for six months
story-001-drive-mix-shared-definition-arm-coaching-with-shared-definition = the same coaching, with sessions on a shared definition of customer orientation

story-002-role-models-by-sector-title = Role-model programme by sector and size
story-002-role-models-by-sector-look = In government few managers are role models; the programme lifts B and habits through what employees see of their manager, and sharing customer feedback adds to it through the norm N. Switch the sector (retail, hospitality) or the maturity phase, or change the size, and run again.
story-002-role-models-by-sector-arm-role-model-programme = a leadership programme for every manager, a session every four weeks for a year
story-002-role-models-by-sector-arm-role-models-and-feedback = the same programme, and customer feedback shared with every team for a year

story-003-reinforcement-schedules-title = Reinforcement: schedules, withdrawal, gaming
story-003-reinforcement-schedules-look = Rewards lift B fast and it falls after they stop (extinction); rewards at random (variable ratio) fall more slowly; with gaming the rewards, and the cost, rise without the customers noticing (NPS).
story-003-reinforcement-schedules-arm-continuous = every customer-oriented contact rewarded for six months
story-003-reinforcement-schedules-arm-variable-ratio = one in three customer-oriented contacts rewarded, at random, for six months
story-003-reinforcement-schedules-arm-continuous-gamed = continuous rewards where 30% of other contacts are dressed up to be rewarded too

story-004-sanctions-vs-learning-title = Sanctions vs reflection, practice and feedback culture
story-004-sanctions-vs-learning-look = Sanctions cut rule breaks only while enforced and erode the norm N; reflection, practising alternatives and a feedback culture give employees alternatives (P) and understanding (U) that last.
story-004-sanctions-vs-learning-arm-sanctions = rules enforced with sanctions for a year
story-004-sanctions-vs-learning-arm-reflection-practice-feedback = reflection for six months, practising alternatives for three, then a feedback culture for a year
