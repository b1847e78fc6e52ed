# The explorer's page (assets/serve/index.html and app.js): app.js reads these from
# /api/meta's `text` and fills `{ $name }` itself.

page-title = undercurrent explorer
page-heading-explorer = explorer
page-tagline = What an intervention will and will not do: above and below the waterline, for customers, and over time.
page-switch-language = Language
page-switch-en = English
page-switch-nl = Nederlands
page-story = Story
page-story-own = — your own scenario —
page-story-heading = Article { $article }: { $title }
page-scenario = Scenario

page-heading-organisation = Organisation
page-sector = Sector
page-sector-general = general (model defaults)
page-maturity = Maturity phase
page-maturity-none = — none —
page-employees = Employees
page-team-size = Team size
page-org-details = Leadership, facilities, turnover
page-role-model-mean = Role-model managers (mean)
page-facilities = Facilities (0–1)
page-turnover = Turnover per year
page-hint-preset = Empty fields take the preset's value (shown in grey).
page-parameter-title = { $meaning } ({ $unit }; allowed { $allowed })

page-heading-mix = Drive mix
page-custom-mix = set the mix myself (otherwise the preset's)

page-heading-programmes = Programmes
page-heading-programmes-note = compared with the baseline
page-add-programme = + programme
page-programme-name = programme name
page-remove-programme = remove programme
page-remove-programme-title = remove this programme
page-add-intervention = + intervention
page-intervention = Intervention
page-remove-intervention = remove intervention
page-remove-intervention-title = remove this intervention
page-kind-managers = { $kind } (managers)
page-kind-help = { $description }; scaled by each person's { $susceptibility } susceptibility
page-chained = chained
page-unit-of = { $setting } unit
page-day-units-help = working days; a week is 5, a month 250/12, a year 250
page-unit-days = days
page-unit-weeks = weeks
page-unit-months = months
page-unit-years = years
page-extra = also:
page-extra-title = set in the scenario file; kept as it is

page-heading-run = Run
page-replications = Replications
page-seed = Seed
page-horizon = Horizon (working days)
page-burn-in = Burn-in (days)
page-live = run on every change
page-run = Run
page-export = Export TOML
page-copy-link = Copy link
page-copy-link-title = the page's address reopens it with these settings
page-open = Open TOML
page-open-title = open a scenario file written for undercurrent run

page-loading = Loading…
page-footer = 250 working days = one year · 95% confidence intervals over replications; differences are paired with the baseline (common random numbers) · everything here is served by this program and works offline

page-status-changed = Changed: press Run to see the result.
page-status-running = Running…
page-status-not-run = Not run: the message above says why.
page-status-first = First answer from { $done } of { $of } replications ({ $ms } ms); the intervals narrow as more finish…
page-status-refined = Refined answer from { $done } of { $of } replications ({ $ms } ms); the intervals narrow as more finish…
page-status-cached-result = result from the cache
page-status-cached-replications = { $cached } of { $replications } replications or baselines from the cache
page-status-first-picture = { " " }(first picture after { $ms } ms, from { $done })
page-status-done = { $programmes } programme(s) against the baseline · { $employees } employees in { $teams } teams · { $replications } replications (Export TOML, then undercurrent run, gives the same numbers) · answered in { $ms } ms{ $first } ({ $how })
page-status-no-answer = No answer.
page-status-not-opened = The file was not opened.
page-no-answer = The explorer did not answer: { $reason }. Is `undercurrent serve` still running?
page-opened = Opened { $name }.

page-link-damaged = The link's settings could not be read ({ $reason }); the page shows the default comparison.
page-link-copied = Link copied: it reopens this page with these settings.
page-link-copy-this = Copy this link to reopen the page with these settings: { $url }

page-failure-too-large = The scenario is too large for the explorer.
page-failure-unusable = The explorer could not use these settings.
page-failure-internal = The explorer failed on this request; the terminal where `undercurrent serve` runs says why.
page-failure-refused = The explorer did not accept the request.

page-download = Download the answer's
page-download-report = report
page-download-report-title = report.html, as undercurrent run writes it for this scenario
page-download-summary = summary
page-download-summary-title = summary.html, the one-page board summary
page-download-all = all files
page-download-all-title = the CSV tables, manifest.json, report.html and summary.html in one zip archive

page-teams-heading = Teams: where customer orientation sits
page-teams-colour-by = colour by
page-teams-day = day
page-teams-desc = One square per team in replication 1 of { $replications }, coloured by { $metric } ({ $unit }) on the chosen day; hover a square for its figures.
page-teams-day-text = day { $day } (month { $month })
page-teams-square = team { $team } · { $employees } employees · { $metric }: { $value } · manager's role-model level { $role_model } (0–1)
page-not-measured = not measured

page-card-when = Figures with [95% interval]: difference from the baseline, mean over days { $from }–{ $to }; cost: total by day { $to }.
page-baseline-only = Baseline only
page-baseline-only-hint = Add a programme to compare it with the baseline.
page-table-average = average from day { $from } to { $to }
page-table-vs-baseline = { $name } (vs baseline)
page-table-at-end = { $group } (at the end of the horizon)
page-comparison-heading = Compared with the baseline
page-durability-column = how long it lasts
page-durability-heading = Durability (95% confidence intervals)
