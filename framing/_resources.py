"""Reading and validating the data files under ``framing/data``.

Data files are plain CSV (or TOML) read through :mod:`importlib.resources`, so
they work from an installed wheel. Every reader here validates what it reads and
reports problems as ``FramingError("<file>, row <n>: <problem>")``. Row numbers
are the file's line numbers.
"""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path
from typing import Iterable

from .errors import FramingError


def refuse_utf16(path, head: bytes, save_as: str = "UTF-8") -> None:
    """Raise a clear FramingError when ``head`` (a file's first bytes) opens
    with a UTF-16 byte-order mark: framing reads UTF-8 only."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise FramingError(f"{path}: is UTF-16 text; save it as {save_as} and try again")


def read_text_file(path: str | Path) -> str:
    """Read a user's text file as UTF-8, with a clear error for every failure."""
    path = Path(path)
    if not path.exists():
        raise FramingError(f"{path}: no such file")
    if path.is_dir():
        raise FramingError(f"{path}: is a folder, not a file")
    if not path.is_file():  # reading a pipe or a device could block or never end
        raise FramingError(f"{path}: is not a regular file (a device, pipe or socket?)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FramingError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    refuse_utf16(path, data)
    if b"\x00" in data[:8192]:
        raise FramingError(f"{path}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FramingError(
            f"{path}: is not valid UTF-8 text (bad byte at position {exc.start}); "
            "save it as UTF-8 and try again"
        ) from None


def packaged_text(name: str, package: str = "framing.data") -> str:
    """Return the text of a data file shipped inside the package."""
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FramingError(f"packaged data file {package}/{name} is missing; reinstall framing") from None


def read_csv_rows(
    text: str,
    source: str,
    *,
    required: Iterable[str],
    optional: Iterable[str] = (),
) -> list[tuple[int, dict[str, str]]]:
    """Parse CSV text into ``(row_number, row)`` pairs and check its columns.

    Blank rows and rows whose first cell starts with ``#`` (before or after
    the header) are skipped; row numbers are the file's line numbers. Every
    required column must be present in the header and non-empty in each row.
    Unknown columns are an error, so that a typo in a header is caught.
    """
    required = list(required)
    allowed = set(required) | set(optional)
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
        while header and header[0].lstrip().startswith("#") or not any(c.strip() for c in header):
            header = next(reader)
    except StopIteration:
        raise FramingError(f"{source}: the file is empty (expected a header with {', '.join(required)})") from None
    except csv.Error as exc:
        raise FramingError(f"{source}, row 1: {exc}") from None
    header = [h.strip() for h in header]
    hrow = reader.line_num
    missing = [c for c in required if c not in header]
    if missing:
        raise FramingError(f"{source}, row {hrow}: missing column(s) {', '.join(missing)}; the header is {', '.join(header)}")
    unknown = [c for c in header if c and c not in allowed]
    if unknown:
        raise FramingError(
            f"{source}, row {hrow}: unknown column(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}"
        )
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for cells in reader:
            n = reader.line_num
            if not cells or all(not c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
                continue
            if len(cells) > len(header):
                raise FramingError(f"{source}, row {n}: {len(cells)} cells but the header has {len(header)} columns")
            row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header) if h}
            for c in required:
                if not row.get(c):
                    raise FramingError(f"{source}, row {n}: the '{c}' column is empty")
            rows.append((n, row))
    except csv.Error as exc:
        raise FramingError(f"{source}, row {reader.line_num}: {exc}") from None
    return rows


def split_list(value: str) -> list[str]:
    """Split a ``a|b|c`` cell into its non-empty, stripped parts."""
    return [p.strip() for p in value.split("|") if p.strip()]
