#!/usr/bin/env python3
"""Profile of the daily step by phase (BENCHMARKS.md, "Where the time goes"): sums the sample
shares of `perf report --sort sym,srcline` by the function and source file each sample lies in,
and within crates/model/src/team.rs by the phase comments of `Team::step` (markers are found by
their text, so the grouping follows the file).
Needs perf and python3; not part of the build or the tests.
Usage: perf record -F 2999 -o perf.data ./target/release/undercurrent run experiments/bench/run_100k.toml --out /tmp/p --no-plots --threads 1 --force
       python3 benches/profile_phases.py perf.data
"""
import collections
import os
import re
import subprocess
import sys

data = sys.argv[1]
out = subprocess.run(
    ['perf', 'report', '-i', data, '--no-children', '--stdio', '--sort', 'sym,srcline',
     '--percent-limit', '0'],
    capture_output=True, text=True).stdout
here = os.path.dirname(os.path.abspath(__file__))
team = open(os.path.join(here, '..', 'crates', 'model', 'src', 'team.rs')).read().splitlines()


def at(pat):
    for i, line in enumerate(team, 1):
        if pat in line:
            return i
    raise SystemExit('marker not found in team.rs: ' + pat)


SETUP = 'team-day set-up (plan, feedback draw, stream keys, column slices)'
PASS_A = 'employee-day steps 1-3: day draws, sessions, perception, behaviour and break log-odds'
CONTACT_SETUP = 'contacts: block set-up (customer indices, prefetch, normals, dispatch)'
SLOW = 'employee-day step 5: tallies, slow state'
FLOWS = 'team-day: customer flows (Poisson, churners, outflow, inflow), NPS window'
TURNOVER = 'team-day: turnover and hires, descriptive norm, recording'
MARKERS = [
    (at('pub fn step(&mut self'), SETUP),
    (at('for lo in (0..n).step_by(EMPLOYEE_CHUNK)'), PASS_A),
    (at("sigmoids(w.isa, &mut logits);"), 'sigmoids: behaviour and rule break, 16 side by side'),
    (at('let mut tallies = [Tally::default(); EMPLOYEE_CHUNK];'), CONTACT_SETUP),
    (at('let Ready { emp, newcomer, .. } = ready[i - lo];'), SLOW),
    (at('// Customers: churn, background outflow'), FLOWS),
    (at('// Turnover: leavers are replaced'), TURNOVER),
    (at('pub fn prefetch(&self)'), 'prefetching the next team'),
    (at('fn hire(&mut self'), TURNOVER),
    (at('fn record_state'), TURNOVER),
    (at('fn mean(x'), TURNOVER),
    (at('fn poisson<'), FLOWS),
]


def team_phase(line):
    group = 'team.rs helpers (prefetch, extinction scale)'
    for start, name in MARKERS:
        if line >= start:
            group = name
    return group


BY_FILE = {
    'contacts.rs': 'contacts: score, memory, counts (the kernel; 8 in AVX2 lanes)',
    'draws.rs': 'random numbers: blocks of words (SplitMix64 counters) and their decoding',
    'rng.rs': 'random numbers: stream keys',
    'normal.rs': 'random numbers: ziggurat normal',
    'propensity.rs': 'sigmoids: behaviour and rule break, 16 side by side',
    'customers.rs': FLOWS,
    'simulation.rs': 'prefetching the next team',
    'sse.rs': 'prefetching the next team',
    'poisson.rs': FLOWS,
    'employees.rs': TURNOVER,
}
BY_SYMBOL = [
    ('in_lanes_avx2', BY_FILE['contacts.rs']),
    ('round_score_avx2', BY_FILE['contacts.rs']),
    ('block_avx2', BY_FILE['draws.rs']),
    ('sigmoids_avx2', BY_FILE['propensity.rs']),
    ('normal::rejected', BY_FILE['normal.rs']),
    ('remove_churned', FLOWS),
    ('team::poisson', FLOWS),
    ('CustomerPool::add', FLOWS),
    ('__powidf2', FLOWS),
    ('cols_mut', SETUP),
    ('step_in_order', 'prefetching the next team'),
    ('settle', TURNOVER),
    ('draw_person', TURNOVER),
    ('alternatives_equilibrium', TURNOVER),
    ('AddAssign', 'summing team-days into the day'),
    ('day_plan', SETUP),
    ('memmove', 'memmove (churners removed from the pool, copies of day totals)'),
    ('exp', 'libm exp/log/pow (Poisson above λ = 30, hires, burn-in)'),
    ('log', 'libm exp/log/pow (Poisson above λ = 30, hires, burn-in)'),
    ('pow', 'libm exp/log/pow (Poisson above λ = 30, hires, burn-in)'),
]

groups = collections.Counter()
for line in out.splitlines():
    m = re.match(r'\s*([\d.]+)%\s+\[\.\]\s+(.*?)\s{2,}(\S+):(\d+|\?\?)\s*$', line)
    if not m:
        m2 = re.match(r'\s*([\d.]+)%\s+\[.\]\s+(.*)$', line)
        if m2:
            groups['other: ' + m2.group(2)[:80]] += float(m2.group(1))
        continue
    pct, sym, f, ln = float(m.group(1)), m.group(2), m.group(3), m.group(4)
    group = None
    if 'Team::step' in sym:
        if f == 'team.rs' and ln != '??':
            group = team_phase(int(ln))
        elif f in BY_FILE:
            group = BY_FILE[f]
        else:
            group = 'inlined std code in the step (slices, iterators, min/max/clamp)'
    else:
        for needle, name in BY_SYMBOL:
            if needle in sym:
                group = name
                break
    groups[group or 'other: ' + sym[:80]] += pct

total = sum(groups.values())
for name, pct in groups.most_common():
    if pct >= 0.3:
        print(f'{pct:6.1f}%  {name}')
rest = sum(p for p in groups.values() if p < 0.3)
print(f'{rest:6.1f}%  smaller items (each below 0.3%)')
print(f'{total:6.1f}%  total')
