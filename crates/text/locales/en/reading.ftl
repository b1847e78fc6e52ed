# The generated reading of report.html, "What the numbers say" (report/reading.rs): rules
# turned into sentences. Numbers arrive written; { $count } only chooses a verb's form.
reading-and = and
reading-months = { $months } months
reading-not-reached = not reached
reading-months-interval = { $months } { $interval } months
reading-more-than-months-interval = more than { $months } { $interval } months
reading-more-than-months-no-interval = more than { $months } months (interval not reached)
reading-why-zero = cannot be told apart from zero
reading-why-below-b = is below the { $threshold } this reading counts as an effect on B (Cohen's d about { $d })
reading-why-below-nps = is below half a point, which rounds away in any published NPS
reading-why-below-cost = is below { $share } of the programme's own cost
reading-what-peak = peak gain in B
reading-what-lasting = gain in B left 12 months after the programmes end
reading-gain-none = No programme gives a measurable { $what }.
reading-range-each = { $value } each
reading-range = { $low } to { $high }: differences within chance or below the { $threshold } this reading counts as an effect on B
reading-gain-same = The programmes give about the same { $what } ({ $range }), so none is the largest.
reading-gain-only = Only { $arms } { $count ->
        [one] gives
       *[other] give
    } a measurable { $what } ({ $values }).
reading-gain-largest = The largest { $what } comes from { $arms } ({ $value }).
reading-gain-largest-several = { $arms } give the largest { $what }, about the same ({ $values }).
reading-fading-none = No programme's gain had halved in half the runs by the end of the recorded period, so none can be said to fade fastest.
reading-fading-same = The gains of { $arms } halve at about the same pace: their median half-lives' intervals overlap.
reading-fading-fastest = { $count ->
        [one] The gain of { $arms } fades fastest: its median half-life is { $values }.
       *[other] The gains of { $arms } fade fastest, about equally: their median half-lives are { $values }.
    }
reading-cost-parity = { $cheap } buys the same as { $dear } for { $saving } less ({ $cost } against { $dear_cost }): their effects are about the same on everything this reading compares.
reading-rb-falls = falls by { $size }
reading-rb-rises = rises by { $size }
reading-rb-unchanged = does not measurably change ({ $value }, which { $why })
reading-nps-above = { $size } points above baseline
reading-nps-below = { $size } points below baseline
reading-nps-unchanged = not measurably different from baseline ({ $value } points, which { $why })
reading-with-arm = { $clause } with { $arm }
reading-focus-what-both = the cost of rule breaks and the NPS
reading-focus-what-rule-breaks = the cost of rule breaks
reading-focus-what-nps = the NPS
reading-focus-lowers-b = { $count ->
        [one] lowers B rather than raising it
       *[other] lower B rather than raising it
    }
reading-focus-not-raise-b = { $count ->
        [one] does not measurably raise B
       *[other] do not measurably raise B
    }
reading-focus = This scenario is about rule breaks and customers more than about customer-oriented behaviour B: { $arms } { $b_verb }, yet { $count ->
        [one] changes
       *[other] change
    } { $what } measurably, so this reading starts with rule breaks and NPS.
reading-focus-rule-breaks = Rule breaks: against baseline, their cost { $list }.
reading-cut-equally = { $arms } cut rule breaks about equally.
reading-cut-largest = The largest cut in rule breaks comes from { $arms }.
reading-cut-most = { $arms } cut rule breaks the most, about equally.
reading-focus-customers = Customers: from the start of the programme to 12 months after its end (or the end of the recorded period, if sooner) the Net Promoter Score is on average { $list }.
reading-drift-rises = Caution: without any intervention ({ $base }) B rises by { $size } over the recorded period, so the organisation was not at rest; read the gains against that drift.
reading-drift-falls = Caution: without any intervention ({ $base }) B falls by { $size } over the recorded period, so the organisation was not at rest; read the gains against that drift.
reading-drift-none = Without any intervention ({ $base }) B stays where it was (drift { $drift }), so the differences to baseline in this reading are the programmes' effects, not a trend.
reading-comparison = Comparison
reading-against-baseline = Against the baseline
reading-half-life-runs = ; in { $censored } of { $n } runs it had not yet halved by the end of the recorded period, which the median allows for
reading-half-life = After the programme ends the gain halves in a median of { $months } (95% interval; Kaplan-Meier over runs){ $runs }.
reading-half-life-not-reached = The gain had not halved by the end of the recorded period in { $censored } of { $n } runs, so its median half-life is more than { $months }: longer than this run can measure.
reading-b-scale = B is a propensity on a 0–1 scale; the baseline arm shows what would have happened without it
reading-to-peak = , reached { $months } after it starts
reading-b-raises = It raises visible customer-oriented behaviour B by { $size } at its peak{ $to_peak } ({ $scale }).
reading-b-lowers-end = It lowers visible customer-oriented behaviour B: at the programme's end B is { $size } below baseline ({ $scale }).
reading-b-lowers-throughout = It lowers visible customer-oriented behaviour B throughout: even at its closest B is { $size } below baseline ({ $scale }).
reading-b-none = It has no measurable effect on visible customer-oriented behaviour B: its largest difference to baseline, { $value }, { $why } ({ $scale }).
reading-twelve-months = Twelve months
reading-six-months = Six months
reading-later-raises = { $when } after the programme ends it keeps { $kept } of that peak gain; B is then still { $size } above baseline.
reading-later-lowers = { $when } after the programme ends B is { $size } below baseline: the gain has turned into a loss.
reading-later-none = { $when } after the programme ends { $gone }: it keeps { $kept } of its peak, and what remains, { $value }, { $why }.
reading-gain-gone = the gain is gone
reading-gain-faded = the gain has faded below a measurable effect
reading-half-life-mean-censored = In { $share } of the runs the gain had not yet halved by the end of the recorded period, so its half-life is more than the { $months } averaged over the runs.
reading-half-life-mean = After the programme ends the gain halves in { $months }{ $interval }.
reading-nps-span = from the start of the programme to 12 months after its end (or the end of the recorded period, if sooner)
reading-nps-raises = Customers notice: { $span } the Net Promoter Score is on average { $size } points above baseline.
reading-nps-lowers = Customers notice, for the worse: { $span } the Net Promoter Score is on average { $size } points below baseline.
reading-nps-none = Customers hardly notice: the mean NPS difference to baseline, { $value } points, { $why }.
reading-cost-per-point = : { $per_point } per point of that mean NPS gain ({ $cost } / { $gain } points)
reading-cost = Its interventions cost { $cost }{ $per }.
reading-rb-sentence-lowers = It lowers the cost of rule breaks by { $size } against baseline: fewer company rules are bent to please customers.
reading-rb-sentence-raises = It raises the cost of rule breaks by { $size } against baseline: more customer orientation means more bending of rules for customers.
reading-rb-sentence-none = It has no measurable effect on the cost of rule breaks: the difference to baseline, { $value }, { $why }.
