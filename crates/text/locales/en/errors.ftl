# Problems with an input file. The location (file:line:column) and the key stay as typed.
problem = `{ $key }` = { $value }: expected { $expected }
problem-hint = `{ $key }` = { $value }: expected { $expected } ({ $hint })
expected-finite-in = a finite number in [{ $lo }, { $hi }]
expected-in = a number in [{ $lo }, { $hi }]
expected-strictly-inside-unit = a number strictly between 0 and 1
hint-beta-mean = a Beta mean cannot be 0 or 1
expected-daily-rate = a daily rate in [0, 1]
hint-daily-rate = rates are shares of the gap closed per working day
expected-positive = a positive number (at most 1e9)
expected-whole-at-least = a whole number of at least { $lo }
expected-whole-in = a whole number in [{ $lo }, { $hi }]
