"""Write report.html, report.md and tables/*.csv for an Analysis."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..errors import FramingError
from .html import render_html
from .markdown import render_markdown


def write_report(analysis, out: str | Path) -> dict[str, Path]:
    """Write ``report.html``, ``report.md`` and ``tables/*.csv`` into ``out``.

    The files are first written to a temporary folder beside ``out`` and then
    moved into place, so an interrupted run does not leave half a report.
    Returns the paths written.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise FramingError(f"{out}: exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".framing-", dir=out))
    except OSError as exc:
        raise FramingError(f"{out}: cannot write there ({exc.strerror or exc})") from None
    try:
        (tmp / "report.html").write_text(render_html(analysis), encoding="utf-8")
        (tmp / "report.md").write_text(render_markdown(analysis), encoding="utf-8")
        analysis.to_csv(tmp / "tables")
        final_tables = out / "tables"
        if final_tables.exists():
            shutil.rmtree(final_tables)
        os.replace(tmp / "tables", final_tables)
        for name in ("report.html", "report.md"):
            os.replace(tmp / name, out / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"html": out / "report.html", "markdown": out / "report.md", "tables": out / "tables"}
