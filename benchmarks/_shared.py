"""Locate the shared benchmark data folder (never bundled with the package).

The data lives next to the repository in ``../shared`` (``/work/shared`` for
this checkout); the environment variable ``FRAMING_SHARED`` points elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path


def shared_dir() -> Path | None:
    """The shared data folder, or None when it is not there."""
    env = os.environ.get("FRAMING_SHARED")
    path = Path(env) if env else Path(__file__).resolve().parents[2] / "shared"
    return path if path.is_dir() else None
