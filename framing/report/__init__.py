"""Rendering an :class:`~framing.tables.Analysis` as HTML, Markdown and CSV,
and the classroom worksheet.

The report reads the tables only; it never re-analyses text. All text that
comes from articles, manifests or data files is escaped.
"""

from .html import render_html
from .markdown import render_markdown
from .worksheet import write_worksheet
from .write import write_report

__all__ = ["render_html", "render_markdown", "write_report", "write_worksheet"]
