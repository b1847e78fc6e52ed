#!/usr/bin/env python3
# Usage: undercurrent serve --port 8080 & python3 experiments/bench/explorer_latency.py 8080 [en|nl]
# Measures the explorer's response time for the default organisation (200 employees,
# 10 replications, 750-day horizon): a cold first request, then changed settings, in the
# language given (English by default), and last the same setting in the other language (what
# the page's EN | NL switch asks: the replications are cached, the words and charts are not).
import json, time, urllib.request, sys
port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
lang = sys.argv[2] if len(sys.argv) > 2 else "en"
other = "en" if lang == "nl" else "nl"
def post(body, lang=lang):
    t = time.perf_counter()
    r = urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/api/run?lang={lang}", data=json.dumps(body).encode(), headers={"content-type": "application/json"}))
    data = json.loads(r.read())
    return time.perf_counter() - t, data
def arm(kind, intensity, duration=120):
    return {"name": kind, "interventions": [{"kind": kind, "start": 50, "duration": duration, "interval": 10, "intensity": intensity}]}
times = []
cases = [("cold: coaching 1.0", {"arms": [arm("coaching", 1.0)]})]
for i, x in enumerate([0.5, 1.5, 2.0, 0.8, 1.2]):
    cases.append((f"coaching intensity {x}", {"arms": [arm("coaching", x)]}))
cases.append(("two programmes", {"arms": [arm("coaching", 1.0), arm("training", 1.0, 2)]}))
cases.append(("drive mix changed", {"organisation": {"drive_mix": {"purple": 0.1, "red": 0.2, "blue": 0.2, "orange": 0.2, "green": 0.2, "yellow": 0.05, "turquoise": 0.05}}, "arms": [arm("coaching", 1.0)]}))
cases.append(("sector retail", {"sector": "retail", "arms": [arm("coaching", 1.0)]}))
for name, body in cases:
    dt, data = post(body)
    res = data.get("result", {})
    print(f"{name:28s} {dt*1000:7.0f} ms  employees={res.get('organisation',{}).get('employees')} reps={res.get('replications')} stats={json.dumps(data.get('stats'))}")
name, body = cases[-1]
dt, data = post(body, other)
print(f"{'same setting in ' + other:28s} {dt*1000:7.0f} ms  stats={json.dumps(data.get('stats'))}")
