"""Write report.html, report.md and tables/*.csv for an Analysis."""

from __future__ import annotations

import html
import math
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from ..errors import FramingError
from .sections import SECTIONS

CSS = """
body{font:15px/1.5 Georgia,serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}
h2{border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:2em}
.wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.5em 0 1em;font:13px/1.35 Helvetica,Arial,sans-serif}
th,td{border:1px solid #ddd;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#f3f3f3}
p.how{margin:.2em 0;color:#333}p.limit{margin:.2em 0 .6em;color:#8a4b00;font-size:13px}
.bar{display:flex;height:16px;width:420px;border:1px solid #aaa}
.bar span{display:block;height:100%}
.article{white-space:pre-wrap;border:1px solid #ddd;padding:1em;background:#fcfcfc;font-size:14px}
.q-side0{background:#fde2e2}.q-side1{background:#dde8fb}.q-other{background:#eee}.q-unknown{background:#f4f1de}
.loaded{border-bottom:2px solid #b00020}
.legend span{display:inline-block;padding:0 .4em;margin-right:.4em}
details{margin:.4em 0}
"""
SIDE_COLOURS = ("#e57373", "#64b5f6", "#81c784", "#ffb74d", "#ba68c8")
OTHER_COLOURS = {"other": "#bdbdbd", "unknown": "#e0d99a"}


def _esc(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, float):
        return html.escape(f"{value:g}")
    return html.escape(str(value))


def _html_table(df: pd.DataFrame, *, index: bool = False, max_rows: int | None = None) -> str:
    if df is None or df.empty:
        return "<p><em>No rows.</em></p>"
    shown = df if max_rows is None else df.head(max_rows)
    cols = ([df.index.name or ""] if index else []) + [str(c) for c in shown.columns]
    out = ["<div class='wrap'><table><thead><tr>", *(f"<th>{html.escape(c)}</th>" for c in cols), "</tr></thead><tbody>"]
    for idx, row in shown.iterrows():
        cells = ([idx] if index else []) + list(row.values)
        out.append("<tr>" + "".join(f"<td>{_esc(v)}</td>" for v in cells) + "</tr>")
    out.append("</tbody></table></div>")
    if max_rows is not None and len(df) > max_rows:
        out.append(f"<p><em>First {max_rows} of {len(df)} rows; all are in tables/.</em></p>")
    return "".join(out)


def _tone_colour(score: float) -> str:
    if score is None or math.isnan(score):
        return "#fff"
    s = max(-1.0, min(1.0, score))
    if s >= 0:
        return f"rgb({int(255 - 120 * s)},{int(255 - 40 * s)},{int(255 - 120 * s)})"
    return f"rgb(255,{int(255 + 120 * s)},{int(255 + 120 * s)})"


def _heatmap(sent: pd.DataFrame) -> str:
    if sent.empty:
        return "<p><em>No actor mentions.</em></p>"
    outlets = list(dict.fromkeys(sent["outlet"]))
    actors = list(dict.fromkeys(sent["actor"]))
    out = ["<table><thead><tr><th>outlet</th>", *(f"<th>{html.escape(a)}</th>" for a in actors), "</tr></thead><tbody>"]
    for o in outlets:
        out.append(f"<tr><th>{html.escape(o)}</th>")
        for a in actors:
            r = sent[(sent["outlet"] == o) & (sent["actor"] == a)]
            if r.empty:
                out.append("<td>—</td>")
                continue
            r = r.iloc[0]
            flag = " *" if r["low_evidence"] else ""
            tip = f"{r['sentences']} sentences; 95% interval {r['ci_low']:+.2f} to {r['ci_high']:+.2f}"
            out.append(f'<td style="background:{_tone_colour(r["score"])}" title="{html.escape(tip)}">'
                       f"{r['score']:+.2f}{flag}<br><small>[{r['ci_low']:+.2f}, {r['ci_high']:+.2f}]</small></td>")
        out.append("</tr>")
    out.append("</tbody></table><p class='how'>* fewer sentences than the minimum: low evidence.</p>")
    return "".join(out)


def _balance_bars(by_side: pd.DataFrame, sides: tuple[str, ...]) -> str:
    if by_side.empty:
        return ""
    order = (*sides, "other", "unknown")
    colours = {**dict(zip(sides, SIDE_COLOURS)), **OTHER_COLOURS}
    out = ["<div class='legend'>", *(f"<span style='background:{colours.get(s, '#ccc')}'>{html.escape(s)}</span>"
                                     for s in order), "</div><table>"]
    for o in dict.fromkeys(by_side["outlet"]):
        rs = by_side[by_side["outlet"] == o].set_index("side")
        bar = "".join(f"<span style='width:{100 * rs.loc[s, 'share_of_words']:.1f}%;background:{colours.get(s, '#ccc')}'"
                      f" title='{html.escape(s)}: {rs.loc[s, 'quoted_words']} words'></span>"
                      for s in order if s in rs.index)
        out.append(f"<tr><th>{html.escape(str(o))}</th><td><div class='bar'>{bar}</div></td></tr>")
    out.append("</table>")
    return "".join(out)


def _marked_text(text: str, quotes: pd.DataFrame, loaded: pd.DataFrame, sides: tuple[str, ...]) -> str:
    """The cleaned text with quotes tinted by side and loaded terms underlined."""
    n = len(text)
    qcls = [""] * n
    qtip = [""] * n
    lcls = [""] * n
    side_cls = {s: f"q-side{i}" for i, s in enumerate(sides[:2])}
    for _, q in quotes.iterrows():
        cls = side_cls.get(q["speaker_side"], "q-other" if q["speaker_side"] == "other" else "q-unknown")
        tip = f"{q['speaker'] or 'unknown speaker'} ({q['speaker_country'] or 'country unknown'}, {q['speaker_role']}), {q['kind']}, {q['verb'] or ''}"
        for i in range(max(0, int(q["start"])), min(n, int(q["end"]))):
            qcls[i], qtip[i] = cls, tip
    for _, h in loaded.iterrows():
        for i in range(max(0, int(h["start"])), min(n, int(h["end"]))):
            lcls[i] = f"{h['category']} ({h['voice']} voice): {h['note']}"
    out, i = [], 0
    while i < n:
        j = i
        while j < n and qcls[j] == qcls[i] and lcls[j] == lcls[i] and qtip[j] == qtip[i]:
            j += 1
        chunk = html.escape(text[i:j])
        if lcls[i]:
            chunk = f"<span class='loaded' title='{html.escape(lcls[i], quote=True)}'>{chunk}</span>"
        if qcls[i]:
            chunk = f"<span class='{qcls[i]}' title='{html.escape(qtip[i], quote=True)}'>{chunk}</span>"
        out.append(chunk)
        i = j
    return "".join(out)


def render_html(analysis) -> str:
    t = analysis.tables
    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
             "<meta name='viewport' content='width=device-width, initial-scale=1'>",
             "<title>framing report</title><style>", CSS, "</style></head><body>",
             "<h1>How the outlets frame the story</h1>",
             f"<p>{len(t['articles'])} articles from {t['summary'].shape[0]} outlets. Every figure below comes from "
             "the evidence tables further down and from tables/*.csv, each row with its article and character "
             "offsets.</p>"]
    for name, title, how, limit in SECTIONS:
        parts.append(f"<h2 id='{name}'>{html.escape(title)}</h2><p class='how'>{html.escape(how)}</p>")
        if limit:
            parts.append(f"<p class='limit'>Limit: {html.escape(limit)}</p>")
        df = t[name]
        if name == "actor_sentiment":
            parts.append(_heatmap(df))
            parts.append("<details><summary>The table</summary>" + _html_table(df) + "</details>")
        elif name == "quotes_by_side":
            parts.append(_balance_bars(df, analysis.sides) + _html_table(df))
        elif name == "similarity":
            parts.append(_html_table(df, index=True))
        elif name in ("sentiment_evidence", "loaded_evidence", "cleaning_log", "quotes"):
            parts.append(f"<details><summary>{len(df)} rows</summary>{_html_table(df)}</details>")
        else:
            parts.append(_html_table(df))
    parts.append("<h2 id='articles'>The articles, as analysed</h2><p class='how'>The cleaned text of each article: "
                 "quotes tinted by the speaker's side (hover for speaker and affiliation), loaded terms underlined "
                 "(hover for category and voice).</p>")
    quotes, loaded = t["quotes"], t["loaded_evidence"]
    for _, a in t["articles"].iterrows():
        aid = str(a["article"])
        parts.append(f"<h3 id='article-{html.escape(aid, quote=True)}'>{html.escape(str(a['outlet']))}: "
                     f"{html.escape(str(a['title'] or aid))}</h3>")
        parts.append(f"<div class='article'>{_marked_text(str(a['text']), quotes[quotes['article'] == aid], loaded[loaded['article'] == aid], analysis.sides)}</div>")
    parts.append("</body></html>")
    return "".join(parts)


def _md_cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    s = f"{value:g}" if isinstance(value, float) else str(value)
    s = html.escape(s, quote=False).replace("|", "\\|").replace("\n", " ").replace("\r", " ")
    return s.replace("`", "\\`").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("]", "\\]")


def _md_table(df: pd.DataFrame, *, index: bool = False, max_rows: int | None = None) -> str:
    if df is None or df.empty:
        return "_No rows._\n"
    shown = df if max_rows is None else df.head(max_rows)
    cols = ([df.index.name or ""] if index else []) + [str(c) for c in shown.columns]
    lines = ["| " + " | ".join(_md_cell(c) for c in cols) + " |", "|" + "---|" * len(cols)]
    for idx, row in shown.iterrows():
        cells = ([idx] if index else []) + list(row.values)
        lines.append("| " + " | ".join(_md_cell(v) for v in cells) + " |")
    if max_rows is not None and len(df) > max_rows:
        lines.append(f"\n_First {max_rows} of {len(df)} rows; all are in tables/._")
    return "\n".join(lines) + "\n"


def render_markdown(analysis) -> str:
    t = analysis.tables
    out = ["# How the outlets frame the story\n",
           f"{len(t['articles'])} articles from {t['summary'].shape[0]} outlets. All tables are also in tables/*.csv.\n"]
    for name, title, how, limit in SECTIONS:
        out.append(f"## {title}\n\n{how}\n")
        if limit:
            out.append(f"_Limit: {limit}_\n")
        big = name in ("sentiment_evidence", "loaded_evidence", "cleaning_log")
        df = t[name]
        if name == "articles":
            continue
        out.append(_md_table(df.drop(columns=["evidence"], errors="ignore") if big else df,
                             index=(name == "similarity"), max_rows=40 if big else None))
    return "\n".join(out)


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
