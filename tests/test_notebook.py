"""examples/classroom.ipynb runs top to bottom, offline, and shows what it says it shows."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "classroom.ipynb"


def _text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if "text" in out:
            parts.append(out["text"])
        parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def test_classroom_notebook_runs_top_to_bottom(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.get("execution_count") for c in code)
    assert not [o for c in code for o in c.get("outputs", []) if o.get("output_type") == "error"]
    everything = "\n".join(_text(c) for c in code)
    # the five seed outlets, and Sputnik's quotes cut from the text by their offsets
    for outlet in ("vov", "sputnik", "neo", "bihane", "koreatimes"):
        assert outlet in everything
    quotes_cell = next(c for c in code if "passage = text[" in c.source)
    assert "Peskov" in _text(quotes_cell)  # README: Sputnik quotes Dmitry Peskov
    assert "answer_key" in _text(code[-1])
