#!/usr/bin/env python3
# Usage: undercurrent serve --port 8080 & python3 experiments/bench/explorer_progressive.py 8080
# Measures what the page sees of a progressive run (POST /api/run/after/<done>, as app.js
# asks): the time to the first picture and to each refined answer up to the full one, for
# the default organisation (200 employees, 10 replications) and for 2,000 employees x 20
# replications (750-day horizon, 500-day burn-in, coaching), each cold (new organisations)
# and after a changed programme setting (burned-in organisations and baselines cached).
import json, time, urllib.request, sys
port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
def post(path, body):
    r = urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=json.dumps(body).encode(), headers={"content-type": "application/json"}))
    return json.loads(r.read())
def progressive(body):
    t0 = time.perf_counter()
    done, steps = 0, []
    while True:
        data = post(f"/api/run/after/{done}", body)
        st = data["stats"]
        steps.append((st["done"], st["of"], (time.perf_counter() - t0) * 1000))
        done = st["done"]
        if st["done"] == st["of"]:
            return steps
def arm(intensity):
    return [{"name": "coaching", "interventions": [{"kind": "coaching", "start": 50, "duration": 120, "interval": 10, "intensity": intensity}]}]
seed = int(time.time())  # new organisations each time the script runs: cold means cold
cases = [
    ("default, cold", {"seed": seed, "arms": arm(1.0)}),
    ("default, changed setting", {"seed": seed, "arms": arm(1.5)}),
    ("2,000 x 20, cold", {"seed": seed, "replications": 20, "organisation": {"employees": 2000}, "arms": arm(1.0)}),
    ("2,000 x 20, changed setting", {"seed": seed, "replications": 20, "organisation": {"employees": 2000}, "arms": arm(1.5)}),
]
for name, body in cases:
    steps = progressive(body)
    first = steps[0]
    print(f"{name:28s} first picture {first[2]:6.0f} ms ({first[0]} of {first[1]} replications); full {steps[-1][2]:6.0f} ms; answers: " + ", ".join(f"{d}@{ms:.0f}" for d, _, ms in steps))
