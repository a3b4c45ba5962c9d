"""Write report.html, report.md and tables/*.csv for an Analysis.

Output is published all or nothing: everything is rendered first, then
written into a temporary folder inside ``out``, and only then moved into
place by renames. If a rename fails, the files already moved are put back,
so ``out`` holds either the old results or the new ones, never half of each.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from ..errors import FramingError
from .html import render_html
from .markdown import render_markdown


def publish(out: str | Path, files: dict[str, str], folders: dict[str, Callable[[Path], object]] | None = None
            ) -> dict[str, Path]:
    """Put ``files`` (name -> text) and ``folders`` (name -> a function that
    fills the folder it is given) into the folder ``out``, replacing what was
    there under those names and nothing else; return their final paths.

    Raises :class:`FramingError` (never a bare OSError) when ``out`` cannot be
    written, or when a name in it is a link or of the wrong kind (a folder
    where a file goes), which would be unsafe to replace.
    """
    out = Path(out)
    folders = folders or {}
    if out.exists() and not out.is_dir():
        raise FramingError(f"{out}: exists and is not a folder")
    for name in (*files, *folders):
        target = out / name
        if target.is_symlink():
            raise FramingError(f"{target}: is a link; framing does not replace links (remove it first)")
        if target.exists() and target.is_dir() != (name in folders):
            kind = "a folder" if target.is_dir() else "a file"
            raise FramingError(f"{target}: is {kind}; framing would replace it (move it away first)")
    try:
        out.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".framing-", dir=out))
    except OSError as exc:
        raise FramingError(f"{out}: cannot write there ({exc.strerror or exc})") from None
    try:
        new, old = tmp / "new", tmp / "old"
        new.mkdir()
        old.mkdir()
        for name, text in files.items():
            (new / name).write_text(text, encoding="utf-8", errors="replace")
        for name, fill in folders.items():
            (new / name).mkdir()
            fill(new / name)
        _swap(out, new, old, [*files, *folders])
    except OSError as exc:
        raise FramingError(f"{out}: cannot write the output ({exc.strerror or exc})") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {name: out / name for name in (*files, *folders)}


def _swap(out: Path, new: Path, old: Path, names: list[str]) -> None:
    """Move ``new/<name>`` to ``out/<name>`` for every name, keeping what was
    there in ``old`` until all are in place; undo everything on failure."""
    done: list[tuple[str, bool]] = []  # (name, had an old one)
    try:
        for name in names:
            had_old = (out / name).exists()
            if had_old:
                os.replace(out / name, old / name)
            done.append((name, had_old))
            os.replace(new / name, out / name)
    except OSError:
        for name, had_old in reversed(done):
            if (out / name).exists() and not (new / name).exists():
                os.replace(out / name, new / name)
            if had_old:
                os.replace(old / name, out / name)
        raise


def write_report(analysis, out: str | Path) -> dict[str, Path]:
    """Write ``report.html``, ``report.md`` and ``tables/*.csv`` into ``out``.

    Other files in ``out`` are left alone. The three are replaced together
    (see the module docstring). Returns the paths written.
    """
    files = {"report.html": render_html(analysis), "report.md": render_markdown(analysis)}
    paths = publish(out, files, {"tables": analysis.to_csv})
    return {"html": paths["report.html"], "markdown": paths["report.md"], "tables": paths["tables"]}
