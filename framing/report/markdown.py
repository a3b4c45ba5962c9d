"""The Markdown report: the HTML report's content for Markdown readers.

Every text cell is escaped: ``<``, ``>`` and ``&`` as HTML entities, and the
characters Markdown gives a meaning to (``| * _ ` [ ] #``) with a backslash,
so that article text can neither break a table nor become markup. Figures
link to the evidence lists by the same ids as in the HTML report.
"""

from __future__ import annotations

import html

import pandas as pd

from . import evidence as ev
from .sections import LOW_EVIDENCE_NOTE, NO_ACTORS, SECTIONS

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\|*_`[]#"})


def md_text(value) -> str:
    """One line of escaped text."""
    s = html.escape(ev.fmt(value), quote=False).translate(_SPECIAL)
    return " ".join(s.split())


def _link(text: str, target: str | None) -> str:
    return f"[{text}](#{target})" if target else text


def md_table(df: pd.DataFrame, *, index: bool = False, link=None) -> str:
    if df is None or df.empty:
        return "_No rows._\n"
    cols = ([df.index.name or ""] if index else []) + [str(c) for c in df.columns]
    lines = ["| " + " | ".join(md_text(c) for c in cols) + " |", "|" + "---|" * len(cols)]
    for idx, row in df.iterrows():
        cells = [md_text(idx)] if index else []
        cells += [_link(md_text(row[c]), link(row, str(c)) if link else None) for c in df.columns]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _bar(share: float, width: int = 20) -> str:
    return "█" * round(share * width)


class _Markdown:
    def __init__(self, analysis):
        from .html import _Report  # the same link rules as the HTML report

        self.rep = _Report(analysis)
        self.t = analysis.tables

    def summary(self):
        from .html import glance

        items = "".join(f"- {md_text(text)} [(see)](#{target})\n" for text, target in glance(self.t, self.rep.sides))
        return (items + "\n" if items else "") + md_table(self.t["summary"], link=self.rep.summary_link)

    def actor_sentiment(self):
        sent = self.t["actor_sentiment"]
        if sent.empty:
            return f"_{md_text(NO_ACTORS)}_\n"
        actors = list(dict.fromkeys(sent["actor"]))
        lines = ["| outlet | " + " | ".join(md_text(a) for a in actors) + " |", "|---|" + "---|" * len(actors)]
        for o in self.rep.outlets:
            cells = []
            for a in actors:
                r = sent[(sent["outlet"] == o) & (sent["actor"] == a)]
                if r.empty:
                    cells.append("—")
                    continue
                r = r.iloc[0]
                mark = " \\*" if r["low_evidence"] else ""
                cells.append(f"[{r['score']:+.2f}{mark}](#{ev.sentiment_list(o, a)}) "
                             f"\\[{r['ci_low']:+.2f}, {r['ci_high']:+.2f}\\]")
            lines.append(f"| {md_text(o)} | " + " | ".join(cells) + " |")
        return "\n".join(lines) + f"\n\n{md_text(LOW_EVIDENCE_NOTE)}\n"

    def quotation_balance(self):
        by_side = self.t["quotes_by_side"]
        lines = []
        for o in self.rep.outlets:
            rs = by_side[by_side["outlet"] == o]
            if rs.empty:
                lines.append(f"- **{md_text(o)}**: no sourced quotes")
                continue
            parts = "; ".join(f"[{md_text(r['side'])}](#{ev.quotes_list(o, r['side'])}) "
                              f"`{_bar(float(r['share_of_words'])) or '·'}` {float(r['share_of_words']):.0%}"
                              for _, r in rs.iterrows())
            lines.append(f"- **{md_text(o)}**: {parts}")
        bal = self.t["quotation_balance"]
        return "\n".join(lines) + "\n\n" + md_table(
            bal, link=lambda r, c: ev.quotes_list(r["outlet"]) if c == "quotes" and self.rep.has_quotes(r["outlet"])
            else None)

    def attribution_verbs(self):
        return md_table(self.t["attribution_verbs"],
                        link=lambda r, c: ev.quotes_list(r["outlet"], r["side"]) if c == "count" else None)

    def loaded(self):
        return md_table(self.t["loaded_density"],
                        link=lambda r, c: ev.loaded_list(r["outlet"], r["voice"], r["category"])
                        if c in ("count", "per_1000") else None) + "\n" + md_table(self.t["loaded_terms"])

    def naming(self):
        return md_table(self.t["naming"])

    def coverage(self):
        shared = ev.shared_claims(self.t)
        outlets = self.rep.outlets
        out = []
        if shared.empty:
            out.append("_No claim is carried by two outlets or more._\n")
        else:
            lines = ["| claim | " + " | ".join(md_text(o) for o in outlets) + " |", "|---|" + "---|" * len(outlets)]
            for cid, rows in shared.groupby("claim_id", sort=False):
                status = dict(zip(rows["outlet"], rows["status"]))
                cells = [f"[{md_text(status[o])}](#{ev.claim_list(cid, o)})" if status.get(o, "absent") != "absent"
                         else "—" for o in outlets]
                lines.append(f"| {md_text(rows.iloc[0]['claim'])} | " + " | ".join(cells) + " |")
            out.append("\n".join(lines) + "\n\nreported = in the outlet's own voice; attributed = only as "
                       "somebody's words; — = no similar sentence found.\n")
        out.append("### Only in this outlet\n")
        only = self.t.get("exclusive_claims")
        if only is None or only.empty or len(outlets) < 2:
            out.append("_No claim is carried by one outlet alone, or there is only one outlet._\n")
        else:
            for o in outlets:
                rows = only[only["outlet"] == o]
                if len(rows):
                    out.append(f"**{md_text(o)}**\n\n" + "\n".join(
                        f"1. ({md_text(r['status'])}) {md_text(r['claim'])}" for _, r in rows.iterrows()) + "\n")
        return "\n".join(out)

    def frames(self):
        fr = self.t.get("frames")
        if fr is None or fr.empty:
            return "_No frame table._\n"
        names = list(dict.fromkeys(fr["frame"]))
        labels = dict(zip(fr["frame"], fr["label"]))
        lines = ["| outlet | " + " | ".join(md_text(labels[f]) for f in names) + " |", "|---|" + "---|" * len(names)]
        for o in self.rep.outlets:
            cells = []
            for f in names:
                r = fr[(fr["outlet"] == o) & (fr["frame"] == f)]
                if r.empty or ev.is_missing(r.iloc[0]["share"]):
                    cells.append("—")
                    continue
                share, n = float(r.iloc[0]["share"]), int(r.iloc[0]["sentences"])
                figure = f"[{share:.0%}](#{ev.frame_list(o, f)})" if n else f"{share:.0%}"
                cells.append(f"`{_bar(share, 10) or '·'}` {figure} ({n})")
            lines.append(f"| {md_text(o)} | " + " | ".join(cells) + " |")
        return "\n".join(lines) + "\n"

    def distinctive(self):
        return md_table(self.t["distinctive"]) + "\n" + md_table(self.t["similarity"], index=True)

    def readability(self):
        return md_table(self.t["readability"])

    def evidence(self):
        out = ["### Sentences behind each sentiment figure\n"]
        rows = self.t["sentiment_evidence"]
        for _, s in self.t["actor_sentiment"].iterrows():
            o, a = s["outlet"], s["actor"]
            rs = rows[(rows["outlet"] == o) & (rows["actor"] == a)]
            out.append(f"<a id=\"{ev.sentiment_list(o, a)}\"></a>\n\n**{md_text(o)} on {md_text(a)}**: "
                       f"{float(s['score']):+.2f} over {int(s['sentences'])} sentences\n")
            out += [f"1. {float(r['score']):+.2f} {md_text(r['evidence'])}" for _, r in rs.iterrows()]
            out.append("")
        out.append("### Quotes behind each quotation figure\n")
        q = self.t["quotes"]
        groups = [(o, None) for o in self.rep.outlets] + list(dict.fromkeys(zip(q["outlet"], q["speaker_side"])))
        for o, side in groups:
            rs = q[q["outlet"] == o] if side is None else q[(q["outlet"] == o) & (q["speaker_side"] == side)]
            if rs.empty:
                continue
            out.append(f"<a id=\"{ev.quotes_list(o, side)}\"></a>\n\n**{md_text(o)}**: {len(rs)} quotes"
                       + (f" from {md_text(side)}" if side else "") + "\n")
            out += [f"1. **{md_text(r['speaker'] or 'unknown speaker')}** ({md_text(r['speaker_country'] or '?')}, "
                    f"{md_text(r['speaker_role'])}) {md_text(r['verb'] or '')}: “{md_text(r['quote'])}”"
                    for _, r in rs.iterrows()]
            out.append("")
        out.append("### Hits behind each loaded-vocabulary figure\n")
        h = self.t["loaded_evidence"]
        for o, voice, cat in dict.fromkeys(zip(h["outlet"], h["voice"], h["category"])):
            rs = h[(h["outlet"] == o) & (h["voice"] == voice) & (h["category"] == cat)]
            out.append(f"<a id=\"{ev.loaded_list(o, voice, cat)}\"></a>\n\n**{md_text(o)}, {md_text(voice)} voice, "
                       f"{md_text(cat)}**: {len(rs)} hits\n")
            out += [f"1. **{md_text(r['text'])}** ({md_text(r['note'])}): {md_text(r['evidence'])}"
                    for _, r in rs.iterrows()]
            out.append("")
        members = self.t.get("claim_statements")
        shared = ev.shared_claims(self.t)
        if members is not None and not shared.empty:
            out.append("### Statements behind each coverage cell\n")
            for _, c in shared[shared["status"] != "absent"].iterrows():
                rs = members[(members["claim_id"] == c["claim_id"]) & (members["outlet"] == c["outlet"])]
                out.append(f"<a id=\"{ev.claim_list(c['claim_id'], c['outlet'])}\"></a>\n\n**{md_text(c['outlet'])} "
                           f"on claim {int(c['claim_id'])}**: {md_text(c['status'])}\n")
                out += [f"1. ({md_text(r['voice'])}) {md_text(r['text'])}" for _, r in rs.iterrows()]
                out.append("")
        fe, fr = self.t.get("frame_evidence"), self.t.get("frames")
        if fe is not None and fr is not None and not fe.empty:
            labels = dict(zip(fr["frame"], fr["label"]))
            out.append("### Sentences behind each frame share\n")
            for (o, f), rs in fe.groupby(["outlet", "frame"], sort=False, observed=True):
                out.append(f"<a id=\"{ev.frame_list(o, f)}\"></a>\n\n**{md_text(o)}, {md_text(labels.get(f, f))}**: "
                           f"{len(rs)} sentences\n")
                out += [f"1. **{md_text(r['indicators'])}**: {md_text(r['text'])}" for _, r in rs.iterrows()]
                out.append("")
        for o in self.rep.outlets:  # the figures of the summary link to all of an outlet's hits in one voice
            for voice in ("own", "quoted"):
                rs = h[(h["outlet"] == o) & (h["voice"] == voice)]
                if len(rs):
                    out.append(f"<a id=\"{ev.loaded_list(o, voice)}\"></a>\n\n**{md_text(o)}, {voice} voice**: "
                               + ", ".join(md_text(x) for x in rs["text"]) + "\n")
        return "\n".join(out) + "\n"

    def articles(self):
        out = []
        log = self.t["cleaning_log"]
        for _, a in self.t["articles"].iterrows():
            aid = str(a["article"])
            out.append(f"<a id=\"{ev.article_id(aid)}\"></a>\n\n### {md_text(a['outlet'])}: "
                       f"{md_text(a['title'] or aid)}\n")
            out += ["> " + md_text(p) + "\n>" for p in str(a["text"]).split("\n") if p.strip()]
            out.append("")
            lg = log[log["article"] == aid].drop(columns=["outlet", "article"])
            out.append(f"Cleaning log ({len(lg)} removals):\n\n" + md_table(lg))
        return "\n".join(out)


def render_markdown(analysis) -> str:
    """The whole report as Markdown (see the module docstring)."""
    md = _Markdown(analysis)
    t = analysis.tables
    out = ["# How the outlets frame the story\n",
           f"{len(t['articles'])} articles from {len(md.rep.outlets)} outlets. Every figure links to the evidence "
           "behind it; all tables are also in tables/\\*.csv.\n"]
    for sid, title, how, limit in SECTIONS:
        out.append(f"<a id=\"{sid}\"></a>\n\n## {md_text(title)}\n\n{md_text(how)}\n")
        if limit:
            out.append(f"_Limit: {md_text(limit)}_\n")
        out.append(getattr(md, sid)())
    return "\n".join(out)
