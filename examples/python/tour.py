# %% [markdown]
# # undercurrent from Python
#
# The default comparison, the gain in customer-oriented behaviour (B) of each programme
# over time, and a Sobol sweep whose indices SALib recomputes from the sweep's own design
# points. The same cells as `tour.ipynb`; CI runs this file as a script
# (`python examples/python/tour.py`), and `python/tests/test_example.py` checks that the
# notebook holds the same cells.

# %%
import os
import sys
import tempfile
from pathlib import Path

import matplotlib

if "ipykernel" not in sys.modules:
    matplotlib.use("Agg")  # run as a script (CI): draw into a file, no window
import matplotlib.pyplot as plt
import numpy as np
import undercurrent as uc

out = Path(os.environ.get("UNDERCURRENT_EXAMPLE_OUT", tempfile.mkdtemp(prefix="undercurrent-tour-")))

# %% [markdown]
# ## The default comparison
# Six arms, 200 employees, three years, 20 replications: the scenario is a plain dict.

# %%
scenario = uc.default_scenario()
result = uc.run(scenario)
print(result)
durability = result.durability
durability[durability.metric.isin(["peak_gain_B", "gain_12m_B"])].pivot(
    index="arm", columns="metric", values="mean"
)

# %% [markdown]
# ## The gain in B, per programme
# `gain_B` is each programme's B minus the baseline's, paired by replication; the band is
# its 95% interval over replications.

# %%
ts = result.timeseries
gain = ts[ts.metric == "gain_B"]
fig, ax = plt.subplots(figsize=(8, 4.5))
for arm, g in gain.groupby("arm", sort=False):
    ax.plot(g.day, g["mean"], label=arm.replace("_", " "))
    ax.fill_between(g.day, g.ci_lo, g.ci_hi, alpha=0.2)
ax.axhline(0, color="grey", lw=0.8)
ax.set_xlabel("working day")
ax.set_ylabel("gain in B against the baseline (0-1)")
ax.legend(frameon=False)
fig.tight_layout()
fig.savefig(out / "gain_B.png", dpi=100)
assert set(gain.arm) == set(result.arms[1:])

# %% [markdown]
# ## A Sobol sweep, and SALib's indices from the same runs
# Three parameters, a Saltelli design of 16 base rows (16 x 5 = 80 points), one replication
# each, on a small organisation. The experiment is a dict like the scenario.

# %%
axes = [
    ("managers.role_model_mean", 0.3, 0.8),
    ("effects.training_awareness", 0.1, 0.6),
    ("state.habit_days_median", 30.0, 120.0),
]
experiment = {
    "name": "tour_sobol",
    "seed": 11,
    "replications": 1,
    "scenario": {
        "horizon_days": 300,
        "burn_in_days": 100,
        "record_every": 10,
        "organisation": {"employees": 40, "team_size": 10},
        "arms": [{"name": "training", "interventions": [{"kind": "training", "start": 20, "duration": 2}]}],
    },
    "sweep": {
        "design": "sobol",
        "base_samples": 16,
        "axes": [{"key": k, "min": lo, "max": hi} for k, lo, hi in axes],
    },
    "sensitivity": {"outputs": ["training.peak_gain_B"], "bootstrap": 100},
}
sweep = uc.sweep(experiment, out=out / "sobol", resume=False)
indices = sweep.sensitivity[(sweep.sensitivity.arm == "training") & (sweep.sensitivity.metric == "peak_gain_B")]
indices.pivot(index="parameter", columns="index", values="estimate")

# %%
from SALib.analyze import sobol

points = sweep.points
y = points[(points.arm == "training") & (points.metric == "peak_gain_B")].sort_values("point")["mean"].to_numpy()
problem = {
    "num_vars": len(axes),
    "names": [k for k, _, _ in axes],
    "bounds": [[lo, hi] for _, lo, hi in axes],
}
salib = sobol.analyze(problem, y, calc_second_order=False, num_resamples=100, seed=1)
for order in ("S1", "ST"):
    ours = indices[indices["index"] == order].set_index("parameter").loc[problem["names"], "estimate"].to_numpy()
    print(order, "undercurrent:", np.round(ours, 4), "SALib:", np.round(salib[order], 4))
    assert np.allclose(ours, salib[order], rtol=1e-9, atol=1e-12), (order, ours, salib[order])
print("SALib recomputes the same Sobol indices; chart in", out / "gain_B.png")
