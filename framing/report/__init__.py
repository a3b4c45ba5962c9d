"""Rendering an :class:`~framing.tables.Analysis` as HTML, Markdown and CSV.

The report reads the tables only; it never re-analyses text. All text that
comes from articles, manifests or data files is escaped.
"""

from .write import write_report

__all__ = ["write_report"]
