# The embedded default scenario's own words (experiments/default.toml), so that a report in
# another language shows them in that language. The English here is the file's, word for
# word (a test holds them equal); a scenario of the user's is shown as written.
default-description = Six arms on a 200-employee organisation: what training, coaching, reinforcement and the full method do, and how long it lasts.
default-arm-baseline = no intervention
default-arm-training_only = a two-day customer-orientation training
default-arm-coaching = coaching below the waterline: a session every two weeks for six months
default-arm-reinforcement_continuous = every customer-oriented contact rewarded for six months
default-arm-reinforcement_variable = one in three customer-oriented contacts rewarded, at random, for six months
default-arm-full_method = article 000: training, then coaching, then reflection (phases chained)
