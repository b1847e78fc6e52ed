#!/usr/bin/env bash
# The default comparison from the command line and from Python (docs/python.md), alternated
# N times (default 10) so that both see the same machine, each as a whole process:
#   undercurrent run --no-plots --out DIR
#   python -c 'import undercurrent as uc; uc.run(uc.default_scenario()).save(DIR)'
# Both write the same files (the per-replication file included). Prints each pair's wall and
# CPU seconds, then the medians and Python's ratio to the CLI. Needs the CLI built
# (cargo build --release) and the package installed in $PY's environment (pip install ./python).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-python3}
N=${N:-10}
out=$(mktemp -d /tmp/undercurrent-overhead.XXXXXX)
log=$out/times
for _ in $(seq "$N"); do
  /usr/bin/time -f "cli %e %U %S" -a -o "$log" ./target/release/undercurrent run --no-plots --out "$out/cli" >/dev/null 2>&1
  /usr/bin/time -f "python %e %U %S" -a -o "$log" "$PY" -c \
    "import undercurrent as uc; uc.run(uc.default_scenario(), progress=False).save('$out/py')"
done
cat "$log"
"$PY" - "$log" <<'PYEOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
def med(who, cols):
    return statistics.median(sum(float(r[c]) for c in cols) for r in rows if r[0] == who)
for what, cols in (("wall", [1]), ("cpu", [2, 3])):
    c, p = med("cli", cols), med("python", cols)
    print(f"median {what}: cli {c:.2f} s, python {p:.2f} s, python/cli {p / c:.3f}")
PYEOF
rm -rf "$out"
