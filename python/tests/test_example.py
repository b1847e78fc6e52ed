"""The example notebook holds the cells of the example script CI runs
(`examples/python/tour.py`, in the percent format: `# %%` starts a code cell,
`# %% [markdown]` a text cell of `# ` comment lines). After editing the script, rewrite the
notebook with `python python/tests/test_example.py`."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "python"
SCRIPT = EXAMPLE / "tour.py"
NOTEBOOK = EXAMPLE / "tour.ipynb"


def cells_of_script(text: str) -> list[tuple[str, str]]:
    """(cell type, source) for each cell of a percent-format script."""
    cells: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("# %%"):
            cells.append(("markdown" if "[markdown]" in line else "code", []))
        elif cells:
            kind, lines = cells[-1]
            if kind == "markdown":
                line = line[2:] if line.startswith("# ") else line.lstrip("#")
            lines.append(line)
    return [(kind, "\n".join(lines).strip("\n")) for kind, lines in cells]


def cells_of_notebook(nb: dict) -> list[tuple[str, str]]:
    return [(c["cell_type"], "".join(c["source"])) for c in nb["cells"]]


def notebook(cells: list[tuple[str, str]]) -> dict:
    def cell(kind: str, source: str) -> dict:
        c = {"cell_type": kind, "metadata": {}, "source": source.splitlines(keepends=True)}
        if kind == "code":
            c.update(execution_count=None, outputs=[])
        return c

    return {
        "cells": [cell(k, s) for k, s in cells],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def test_the_notebook_holds_the_cells_of_the_script():
    script = cells_of_script(SCRIPT.read_text())
    assert len(script) >= 6 and any(k == "code" and "sobol.analyze" in s for k, s in script)
    assert cells_of_notebook(json.loads(NOTEBOOK.read_text())) == script


if __name__ == "__main__":
    NOTEBOOK.write_text(json.dumps(notebook(cells_of_script(SCRIPT.read_text())), indent=1) + "\n")
    print(f"wrote {NOTEBOOK}")
