#!/usr/bin/env python3
"""Profile of the daily step by phase (BENCHMARKS.md, "Where the time goes"): sums the sample
shares of `perf report --sort sym,srcline` by where in src/model/team.rs each sampled line lies
(phase markers are found by their comments, so the grouping follows the file).
Needs perf and python3; not part of the build or the tests.
Usage: perf record -F 2999 -o perf.data ./target/release/undercurrent run experiments/bench/run_100k.toml --out /tmp/p --no-plots --threads 1
       python3 benches/profile_phases.py perf.data
"""
import re, subprocess, sys, collections
data = sys.argv[1]
out = subprocess.run(['perf','report','-i',data,'--no-children','--stdio','--sort','sym,srcline','--percent-limit','0'],
                     capture_output=True, text=True).stdout
import os
src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'model', 'team.rs')).read().splitlines()
def at(pat):
    for i,l in enumerate(src, 1):
        if pat in l: return i
    raise SystemExit('marker not found: '+pat)
B = [
 (at('pub fn step(&mut self'), 'team-day setup (stream keys, plan, feedback draw)'),
 (at('// 1. Sessions of interventions'), 'per employee-day: stream seed, leave draw, sessions'),
 (at('// 2. Perception of the manager'), 'per employee-day: perception and behaviour (sigmoid)'),
 (at('// 4. Contacts.'), 'per employee-day: contact set-up (quality, p_break sigmoid)'),
 (at('let mut left = k.contacts;'), 'contacts: score, memory, counters'),
 (at('// 5. Slow state.'), 'per employee-day: slow state'),
 (at('// Customers: churn, background outflow'), 'team-day: customer flows (Poisson, churn, outflow, inflow)'),
 (at('// Turnover: leavers are replaced'), 'team-day: turnover, descriptive norm, recording'),
 (at('fn prefetch(&self)'), 'next-team and contact prefetch'),
 (at('fn hire(&mut self'), 'hire'),
 (at('fn record_state'), 'team-day: turnover, descriptive norm, recording'),
 (at('fn mean(x'), 'team-day: turnover, descriptive norm, recording'),
 (at('fn poisson<'), 'team-day: customer flows (Poisson, churn, outflow, inflow)'),
]
def team_phase(line):
    if line < B[0][0]:
        return 'contact draws (ContactDraws::draw, round, prefetch helpers)'
    g = B[0][1]
    for start, name in B:
        if line >= start: g = name
    return g
groups = collections.Counter()
for l in out.splitlines():
    m = re.match(r'\s*([\d.]+)%\s+\[\.\]\s+(.*?)\s{2,}(\S+):(\d+|\?\?)\s*$', l)
    if not m:
        m2 = re.match(r'\s*([\d.]+)%\s+\[.\]\s+(.*)$', l)
        if m2: groups['other: ' + m2.group(2)[:90]] += float(m2.group(1))
        continue
    pct, sym, f, line = float(m.group(1)), m.group(2), m.group(3), m.group(4)
    if 'expf' in sym or ('exp' in sym and 'libm' not in f and 'exp' in f): g = 'per employee-day: expf (the two sigmoids)'
    elif 'Team::step' in sym or 'step_in_order' in sym:
        if f == 'team.rs' and line != '??': g = team_phase(int(line))
        elif f in ('rng.rs',): g = 'random numbers: xoshiro, uniforms, stream keys'
        elif f in ('xoshiro256plusplus.rs','common.rs','utils.rs') : g = 'random numbers: xoshiro, uniforms, stream keys'
        elif f in ('normal.rs','ziggurat_tables.rs') or 'ziggurat' in f: g = 'random numbers: ziggurat normal'
        elif f == 'customers.rs': g = 'team-day: customer flows (Poisson, churn, outflow, inflow)'
        elif f == 'simulation.rs' or f == 'sse.rs': g = 'next-team and contact prefetch'
        elif f == 'propensity.rs': g = 'per employee-day: perception and behaviour (sigmoid)'
        elif f == 'poisson.rs': g = 'team-day: customer flows (Poisson, churn, outflow, inflow)'
        else: g = 'step: inlined std (min/max/clamp, slices, iterators): ' + f
    elif 'poisson' in sym.lower(): g = 'team-day: customer flows (Poisson, churn, outflow, inflow)'
    elif 'settle' in sym or 'alternatives_equilibrium' in sym or 'beta' in sym or 'draw_person' in sym or 'Gamma' in sym or 'gamma' in sym or 'log' in sym or 'pow' in sym:
        g = 'build and hires (draw_person, settle)'
    else:
        g = 'other: ' + sym[:90]
    groups[g] += pct
tot = sum(groups.values())
for g, p in groups.most_common():
    if p >= 0.3: print(f"{p:6.1f}%  {g}")
print(f"{tot:6.1f}%  total")
