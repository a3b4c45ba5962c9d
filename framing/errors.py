"""Errors and warnings raised by framing.

Every problem a user can cause (a missing folder, a malformed data file, an
empty article) raises :class:`FramingError` with a message that names the file
and, where there is one, the row. The command line prints that message and
exits with status 2 instead of showing a traceback.
"""

from __future__ import annotations


class FramingError(Exception):
    """A problem with the user's input: a file, a folder, a data file or an argument."""


class FramingWarning(UserWarning):
    """Something worth telling the user that does not stop the analysis.

    Raised, for instance, when an article does not look like English: the
    scorers are English-only, so their figures for that article mean little.
    """


def where(source: str | None, row: int | None = None) -> str:
    """Format ``file, row N`` for error messages."""
    if source is None:
        return f"row {row}" if row is not None else "input"
    return f"{source}, row {row}" if row is not None else str(source)
