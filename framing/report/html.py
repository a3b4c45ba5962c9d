"""The self-contained HTML report: plain HTML and CSS, no script, no fetch.

Reads the tables of an :class:`~framing.tables.Analysis` only. Every piece of
text that comes from an article, a manifest or a data file goes through
:func:`html.escape`; ids and links are built by :mod:`.evidence` from
``[a-z0-9-]`` only.
"""

from __future__ import annotations

import html

import pandas as pd

from . import evidence as ev
from .articles import marked_article
from .sections import LOW_EVIDENCE_NOTE, NO_ACTORS, SECTIONS

CSS = """
body{font:15px/1.5 Georgia,serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;background:#fff}
h1,h2,h3,h4{font-family:Helvetica,Arial,sans-serif}
h2{border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:2em}
nav a{margin-right:.8em}
ul.glance{background:#f7f7f2;border:1px solid #e2e2d8;padding:.6em 1em .6em 2em;margin:.6em 0}
.wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.5em 0 1em;font:13px/1.35 Helvetica,Arial,sans-serif}
th,td{border:1px solid #ddd;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#f3f3f3}
td a,th a{color:inherit}
p.how{margin:.2em 0;color:#333}p.limit{margin:.2em 0 .6em;color:#8a4b00;font-size:13px}
.heat td{text-align:center;min-width:6em}
.heat td.low{background-image:repeating-linear-gradient(45deg,transparent 0 6px,rgba(0,0,0,.08) 6px 8px)}
.bar{display:flex;height:18px;width:420px;border:1px solid #aaa;background:#fafafa}
.bar a{display:block;height:100%}
.hbar{display:inline-block;height:10px;background:#555;vertical-align:middle;margin-right:4px}
.hbar.quoted{background:#aaa}
.legend span{display:inline-block;padding:0 .4em;margin-right:.4em}
.article{white-space:pre-wrap;border:1px solid #ddd;padding:1em;background:#fcfcfc;font-size:14px}
.q-side0{background:#fde2e2}.q-side1{background:#dde8fb}.q-side2{background:#e3f4e4}.q-side3{background:#fff0d9}
.q-side4{background:#f1e2f5}.q-other{background:#eee}.q-unknown{background:#f4f1de}
.speaker{font-weight:bold}
.loaded{border-bottom:2px solid #b00020}
.mention{border-radius:2px;outline:1px solid rgba(0,0,0,.15)}
.cov td{text-align:center;min-width:5.5em}.cov td.claim{text-align:left;max-width:28em}
.cov td.reported{background:#cfe8cf}.cov td.attributed{background:#fbe3b8}.cov td.absent{background:#f4f4f4;color:#888}
.fbar{display:inline-block;height:10px;background:#4a6fa5;vertical-align:middle;margin-right:4px}
.ev{margin:.6em 0 1em;padding:.2em .6em;border-left:3px solid #ddd}
.ev li{margin:.2em 0}
:target{outline:3px solid #f9a825;scroll-margin-top:2em}
details{margin:.4em 0}
@media print{body{max-width:none;margin:0}.wrap{overflow:visible}table,.ev,.bar{break-inside:avoid}
 details{display:block}a{text-decoration:none}}
"""
SIDE_COLOURS = ("#e57373", "#64b5f6", "#81c784", "#ffb74d", "#ba68c8")
OTHER_COLOURS = {"other": "#bdbdbd", "unknown": "#e0d99a"}


def _e(value) -> str:
    return html.escape(ev.fmt(value), quote=True)


def tone_colour(score) -> str:
    """Background colour for a score in [-1, 1]: red below 0, green above."""
    if ev.is_missing(score):
        return "#fff"
    s = max(-1.0, min(1.0, float(score)))
    if s >= 0:
        return f"rgb({int(255 - 120 * s)},{int(255 - 40 * s)},{int(255 - 120 * s)})"
    return f"rgb(255,{int(255 + 120 * s)},{int(255 + 120 * s)})"


def _alpha(value) -> float:
    """Opacity of a similarity cell: 0 for 0 (or missing), 0.5 for 1."""
    return 0.0 if ev.is_missing(value) else 0.5 * max(0.0, min(1.0, float(value)))


def _link(text: str, target: str | None) -> str:
    return f"<a href='#{target}'>{text}</a>" if target else text


def html_table(df: pd.DataFrame, *, index: bool = False, link=None, style=None) -> str:
    """A table of ``df``, every cell escaped. ``link(row, column)`` may give
    the id a cell links to, ``style(row, column)`` a CSS background colour."""
    if df is None or df.empty:
        return "<p><em>No rows.</em></p>"
    cols = ([df.index.name or ""] if index else []) + [str(c) for c in df.columns]
    out = ["<div class='wrap'><table><thead><tr>", *(f"<th>{html.escape(c)}</th>" for c in cols),
           "</tr></thead><tbody>"]
    for idx, row in df.iterrows():
        cells = [f"<th>{_e(idx)}</th>"] if index else []
        for c in df.columns:
            bg = style(row, str(c)) if style else None
            cells.append(f"<td{f' style={chr(39)}background:{bg}{chr(39)}' if bg else ''}>"
                         f"{_link(_e(row[c]), link(row, str(c)) if link else None)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


class _Report:
    """The blocks of one report, drawn from one analysis's tables."""

    def __init__(self, analysis):
        self.t = analysis.tables
        self.sides = tuple(analysis.sides)
        self.outlets = ev.outlets(self.t)
        self.sent = self.t["actor_sentiment"]
        self.quotes = self.t["quotes"]
        self.hits = self.t["loaded_evidence"]
        self.side_colour = {**dict(zip(self.sides, SIDE_COLOURS)), **OTHER_COLOURS}

    # -- links -----------------------------------------------------------------
    def has_sent(self, o, a) -> bool:
        return bool(((self.sent["outlet"] == o) & (self.sent["actor"] == a)).any())

    def has_quotes(self, o, side=None) -> bool:
        q = self.quotes[self.quotes["outlet"] == o]
        return bool(len(q if side is None else q[q["speaker_side"] == side]))

    def has_hits(self, o, voice, category=None) -> bool:
        h = self.hits[(self.hits["outlet"] == o) & (self.hits["voice"] == voice)]
        return bool(len(h if category is None else h[h["category"] == category]))

    def summary_link(self, row, col) -> str | None:
        o = row["outlet"]
        if ev.is_missing(row[col]) or row[col] in ("—", ""):
            return None
        if col.startswith("tone: "):
            a = col[len("tone: "):]
            return ev.sentiment_list(o, a) if self.has_sent(o, a) else None
        if col in ("quotes", "named_share", "most_quoted_side", "balance_index", "quote_status"):
            return ev.quotes_list(o) if self.has_quotes(o) else None
        if col in ("loaded_own_per_1000", "top_loaded_own"):
            return ev.loaded_list(o, "own") if self.has_hits(o, "own") else None
        if col == "loaded_quoted_per_1000":
            return ev.loaded_list(o, "quoted") if self.has_hits(o, "quoted") else None
        if col.startswith("name: "):
            return "naming"
        if col == "fk_grade":
            return "readability"
        if col == "distinctive":
            return "distinctive"
        if col in ("outlet", "outlet_name", "country", "articles", "words"):
            arts = self.t["articles"][self.t["articles"]["outlet"] == o]
            return ev.article_id(arts.iloc[0]["article"]) if len(arts) else None
        return None

    # -- blocks ----------------------------------------------------------------
    def summary(self) -> str:
        def tint(row, col):
            return tone_colour(row[col]) if col.startswith("tone: ") and not ev.is_missing(row[col]) else None

        items = "".join(f"<li>{html.escape(text)} <a href='#{target}'>(see)</a></li>"
                        for text, target in glance(self.t, self.sides))
        return ((f"<ul class='glance'>{items}</ul>" if items else "")
                + html_table(self.t["summary"], link=self.summary_link, style=tint))

    def actor_sentiment(self) -> str:
        sent = self.sent
        if sent.empty:
            return f"<p><em>{html.escape(NO_ACTORS)}</em></p>"
        actors = list(dict.fromkeys(sent["actor"]))
        out = ["<div class='wrap'><table class='heat'><thead><tr><th>outlet</th>",
               *(f"<th>{html.escape(str(a))}</th>" for a in actors), "</tr></thead><tbody>"]
        for o in self.outlets:
            out.append(f"<tr><th>{html.escape(o)}</th>")
            for a in actors:
                r = sent[(sent["outlet"] == o) & (sent["actor"] == a)]
                if r.empty:
                    out.append("<td title='not mentioned'>—</td>")
                    continue
                r = r.iloc[0]
                low = bool(r["low_evidence"])
                tip = (f"{o} on {a}: {r['score']:+.2f} over {r['sentences']} sentences; "
                       f"95% interval {r['ci_low']:+.2f} to {r['ci_high']:+.2f}" + ("; low evidence" if low else ""))
                out.append(f"<td class='{'low' if low else ''}' style='background-color:{tone_colour(r['score'])}' "
                           f"title='{html.escape(tip, quote=True)}'><a href='#{ev.sentiment_list(o, a)}'>"
                           f"{r['score']:+.2f}{' *' if low else ''}<br><small>[{r['ci_low']:+.2f}, "
                           f"{r['ci_high']:+.2f}]</small></a></td>")
            out.append("</tr>")
        out.append(f"</tbody></table></div><p class='how'>{html.escape(LOW_EVIDENCE_NOTE)} "
                   "Colour: <span style='background:" + tone_colour(-0.6) + "'>&nbsp;colder&nbsp;</span> "
                   "<span style='background:#fff;border:1px solid #ddd'>&nbsp;neutral&nbsp;</span> "
                   "<span style='background:" + tone_colour(0.6) + "'>&nbsp;warmer&nbsp;</span></p>")
        out.append("<details><summary>The table</summary>" + html_table(sent) + "</details>")
        return "".join(out)

    def quotation_balance(self) -> str:
        by_side, bal = self.t["quotes_by_side"], self.t["quotation_balance"]
        order = (*self.sides, "other", "unknown")
        out = ["<div class='legend'>", *(f"<span style='background:{self.side_colour.get(s, '#ccc')}'>"
                                         f"{html.escape(s)}</span>" for s in order), "</div><table>"]
        for o in self.outlets:
            rs = by_side[by_side["outlet"] == o].set_index("side")
            if rs.empty:
                out.append(f"<tr><th>{html.escape(o)}</th><td><em>no sourced quotes</em></td></tr>")
                continue
            segs = "".join(self._segment(o, s, rs.loc[s]) for s in order if s in rs.index)
            n = int(rs["quotes"].sum())
            out.append(f"<tr><th>{html.escape(o)}</th><td><div class='bar'>{segs}</div></td>"
                       f"<td><a href='#{ev.quotes_list(o)}'>{n} quotes</a></td></tr>")
        out.append("</table>")
        out.append(html_table(bal, link=lambda r, c: ev.quotes_list(r["outlet"])
                              if c in ("quotes", "quoted_words") and self.has_quotes(r["outlet"]) else None))
        return "".join(out)

    def _segment(self, outlet, side, r) -> str:
        tip = f"{side}: {int(r['quoted_words'])} quoted words in {int(r['quotes'])} quotes"
        return (f"<a href='#{ev.quotes_list(outlet, side)}' style='width:{100 * float(r['share_of_words']):.1f}%;"
                f"background:{self.side_colour.get(side, '#ccc')}' title='{html.escape(tip, quote=True)}'></a>")

    def attribution_verbs(self) -> str:
        return html_table(self.t["attribution_verbs"], link=lambda r, c: ev.quotes_list(r["outlet"], r["side"])
                          if c in ("count", "verb") else None)

    def loaded(self) -> str:
        dens = self.t["loaded_density"]
        if dens.empty:
            return "<p><em>No loaded terms found.</em></p>"
        top = max(float(dens["per_1000"].max()), 1e-9)
        out = []
        for o in self.outlets:
            d = dens[dens["outlet"] == o]
            if d.empty:
                out.append(f"<h4>{html.escape(o)}</h4><p><em>No loaded terms.</em></p>")
                continue
            out.append(f"<h4>{html.escape(o)}</h4><table><tr><th>category</th><th>own voice (per 1,000 words)</th>"
                       "<th>quoted voices</th></tr>")
            for cat in dict.fromkeys(d["category"]):
                cells = []
                for voice in ("own", "quoted"):
                    r = d[(d["category"] == cat) & (d["voice"] == voice)]
                    if r.empty:
                        cells.append("<td>—</td>")
                        continue
                    v = float(r.iloc[0]["per_1000"])
                    cells.append(f"<td><span class='hbar {voice}' style='width:{120 * v / top:.0f}px'></span>"
                                 f"<a href='#{ev.loaded_list(o, voice, cat)}'>{v:g}</a> "
                                 f"<small>({int(r.iloc[0]['count'])})</small></td>")
                out.append(f"<tr><th>{html.escape(str(cat))}</th>{''.join(cells)}</tr>")
            out.append("</table>")
        out.append("<details><summary>Loaded terms, by outlet and voice</summary>"
                   + html_table(self.t["loaded_terms"], link=lambda r, c: ev.loaded_list(
                       r["outlet"], r["voice"], r["category"]) if c == "count" else None) + "</details>")
        return "".join(out)

    def naming(self) -> str:
        nm = self.t["naming"]
        if nm.empty:
            return "<p><em>None of the naming concepts was mentioned.</em></p>"
        out = ["<div class='wrap'><table><thead><tr><th>concept</th>",
               *(f"<th>{html.escape(o)}</th>" for o in self.outlets), "</tr></thead><tbody>"]
        for concept in dict.fromkeys(nm["concept"]):
            out.append(f"<tr><th>{html.escape(str(concept))}</th>")
            for o in self.outlets:
                rs = nm[(nm["concept"] == concept) & (nm["outlet"] == o)]
                out.append("<td>" + ("<br>".join(f"{html.escape(str(r['variant']))} {float(r['share']):.0%} "
                                                  f"<small>({int(r['count'])})</small>" for _, r in rs.iterrows())
                                     or "—") + "</td>")
            out.append("</tr>")
        out.append("</tbody></table></div><details><summary>The table</summary>" + html_table(nm) + "</details>")
        return "".join(out)

    def coverage(self) -> str:
        shared = ev.shared_claims(self.t)
        out = []
        if shared.empty:
            out.append("<p><em>No claim is carried by two outlets or more.</em></p>")
        else:
            out.append("<p class='legend'><span style='background:#cfe8cf'>reported: in the "
                       "outlet's own voice</span><span style='background:#fbe3b8'>attributed: only as somebody's "
                       "words</span><span style='background:#f4f4f4'>absent</span></p>")
            out.append("<div class='wrap'><table class='cov'><thead><tr><th>claim</th>"
                       + "".join(f"<th>{html.escape(o)}</th>" for o in self.outlets) + "</tr></thead><tbody>")
            for cid, rows in shared.groupby("claim_id", sort=False):
                by_outlet = rows.set_index("outlet")
                out.append(f"<tr><td class='claim'>{html.escape(str(rows.iloc[0]['claim']))}</td>")
                for o in self.outlets:
                    status = str(by_outlet.loc[o, "status"]) if o in by_outlet.index else "absent"
                    if status == "absent":
                        out.append("<td class='absent' title='no similar sentence found'>—</td>")
                        continue
                    tip = f"{o}: {by_outlet.loc[o, 'evidence']}"
                    out.append(f"<td class='{html.escape(status)}' title='{html.escape(tip, quote=True)}'>"
                               f"<a href='#{ev.claim_list(cid, o)}'>{html.escape(status)}</a></td>")
                out.append("</tr>")
            out.append("</tbody></table></div>")
        out.append("<h3>Only in this outlet</h3>")
        only = self.t.get("exclusive_claims")
        if only is None or only.empty or len(self.outlets) < 2:
            out.append("<p><em>No claim is carried by one outlet alone, or there is only one outlet.</em></p>")
        else:
            for o in self.outlets:
                rows = only[only["outlet"] == o]
                if rows.empty:
                    continue
                items = "".join(f"<li><a href='#{ev.claim_passage_id(r['article'], r['start'])}'>"
                                f"{html.escape(str(r['status']))}</a> {html.escape(str(r['claim']))}</li>"
                                for _, r in rows.iterrows())
                out.append(f"<h4>{html.escape(o)}</h4><ol>{items}</ol>")
        if not shared.empty:
            out.append("<details><summary>The table (claims shown above; every claim is in "
                       "tables/coverage.csv)</summary>"
                       + html_table(shared.drop(columns=["article", "start", "end"]),
                                    link=lambda r, c: ev.claim_list(r["claim_id"], r["outlet"])
                                    if c == "status" and r["status"] != "absent" else None) + "</details>")
        return "".join(out)

    def frames(self) -> str:
        fr = self.t.get("frames")
        if fr is None or fr.empty:
            return "<p><em>No frame table.</em></p>"
        names = list(dict.fromkeys(fr["frame"]))
        labels = dict(zip(fr["frame"], fr["label"]))
        out = ["<div class='wrap'><table class='frames'><thead><tr><th>outlet</th>",
               *(f"<th>{html.escape(str(labels[f]))}</th>" for f in names), "</tr></thead><tbody>"]
        for o in self.outlets:
            out.append(f"<tr><th>{html.escape(o)}</th>")
            for f in names:
                r = fr[(fr["outlet"] == o) & (fr["frame"] == f)]
                if r.empty or ev.is_missing(r.iloc[0]["share"]):
                    out.append("<td>—</td>")
                    continue
                r = r.iloc[0]
                share, n = float(r["share"]), int(r["sentences"])
                label = f"{share:.0%}"
                tip = f"{o}, {labels[f]}: {n} of {int(r['total_sentences'])} sentences"
                link = f"<a href='#{ev.frame_list(o, f)}'>{label}</a>" if n else label
                out.append(f"<td title='{html.escape(tip, quote=True)}'><span class='fbar' "
                           f"style='width:{100 * share:.0f}px'></span>{link} <small>({n})</small></td>")
            out.append("</tr>")
        out.append("</tbody></table></div>")
        out.append("<details><summary>The table</summary>" + html_table(
            fr, link=lambda r, c: ev.frame_list(r["outlet"], r["frame"])
            if c in ("share", "sentences") and int(r["sentences"]) else None) + "</details>")
        return "".join(out)

    def distinctive(self) -> str:
        dist, sim = self.t["distinctive"], self.t["similarity"]
        out = ["<table><tr><th>outlet</th><th>most distinctive terms (z)</th></tr>"]
        for o in self.outlets:
            d = dist[dist["outlet"] == o]
            terms = ", ".join(f"{html.escape(str(r['term']))} <small>({float(r['z']):.1f})</small>"
                              for _, r in d.iterrows()) or "—"
            out.append(f"<tr><th>{html.escape(o)}</th><td>{terms}</td></tr>")
        out.append("</table>")
        if len(sim) > 1:
            out.append("<div class='wrap'><table><tr><th></th>"
                       + "".join(f"<th>{html.escape(str(c))}</th>" for c in sim.columns) + "</tr>")
            for idx, row in sim.iterrows():
                cells = "".join(f"<td style='background:rgba(30,90,160,{_alpha(v):.2f})'>{_e(v)}</td>"
                                for v in row.values)
                out.append(f"<tr><th>{html.escape(str(idx))}</th>{cells}</tr>")
            out.append("</table></div>")
        else:
            out.append("<p><em>Similarity needs two outlets or more.</em></p>")
        return "".join(out)

    def readability(self) -> str:
        read = self.t["readability"]
        if read.empty:
            return "<p><em>No rows.</em></p>"
        out = ["<table><tr><th>outlet</th><th>Flesch reading ease</th></tr>"]
        for _, r in read.iterrows():
            v = r.get("flesch_reading_ease")
            w = 0 if ev.is_missing(v) else max(0.0, min(100.0, float(v)))
            out.append(f"<tr><th>{html.escape(str(r['outlet']))}</th><td>"
                       f"<span class='hbar' style='width:{2 * w:.0f}px'></span>{_e(v)}</td></tr>")
        out.append("</table>" + html_table(read))
        return "".join(out)

    def evidence(self) -> str:
        return "".join([self._sentence_lists(), self._quote_lists(), self._loaded_lists(), self._claim_lists(),
                        self._frame_lists()])

    def _claim_lists(self) -> str:
        members = self.t.get("claim_statements")
        shared = ev.shared_claims(self.t)
        if members is None or shared.empty:
            return ""
        out = ["<h3>Statements behind each coverage cell</h3>"]
        for _, c in shared[shared["status"] != "absent"].iterrows():
            rs = members[(members["claim_id"] == c["claim_id"]) & (members["outlet"] == c["outlet"])]
            items = "".join(f"<li><a href='#{ev.claim_passage_id(r['article'], r['start'])}'>"
                            f"{html.escape(str(r['voice']))}</a> {html.escape(str(r['text']))}</li>"
                            for _, r in rs.iterrows())
            out.append(f"<div class='ev' id='{ev.claim_list(c['claim_id'], c['outlet'])}'><h4>"
                       f"{html.escape(str(c['outlet']))} on claim {int(c['claim_id'])}: "
                       f"{html.escape(str(c['status']))}</h4><ol>{items}</ol></div>")
        return "".join(out)

    def _frame_lists(self) -> str:
        fe, fr = self.t.get("frame_evidence"), self.t.get("frames")
        if fe is None or fr is None or fe.empty:
            return ""
        labels = dict(zip(fr["frame"], fr["label"]))
        out = ["<h3>Sentences behind each frame share</h3>"]
        for (o, f), rs in fe.groupby(["outlet", "frame"], sort=False, observed=True):
            items = "".join(f"<li><a href='#{ev.frame_sentence_id(r['article'], r['start'])}'>"
                            f"{html.escape(str(r['indicators']))}</a> — {html.escape(str(r['text']))}</li>"
                            for _, r in rs.iterrows())
            out.append(f"<div class='ev' id='{ev.frame_list(o, f)}'><h4>{html.escape(str(o))}, "
                       f"{html.escape(str(labels.get(f, f)))}: {len(rs)} sentences</h4><ol>{items}</ol></div>")
        return "".join(out)

    def _sentence_lists(self) -> str:
        rows = ev.sentence_rows(self.t)
        out = ["<h3>Sentences behind each sentiment figure</h3>"]
        for _, s in self.sent.iterrows():
            o, a = s["outlet"], s["actor"]
            rs = rows[(rows["outlet"] == o) & (rows["actor"] == a)]
            items = "".join(f"<li><a href='#{r['sid']}'>{float(r['score']):+.2f}</a> {html.escape(str(r['evidence']))}"
                            + (f" <small>({html.escape(str(r['words']))})</small>" if str(r['words']) else "")
                            + "</li>" for _, r in rs.iterrows())
            out.append(f"<div class='ev' id='{ev.sentiment_list(o, a)}'><h4>{html.escape(str(o))} on "
                       f"{html.escape(str(a))}: {float(s['score']):+.2f} over {int(s['sentences'])} sentences</h4>"
                       f"<ol>{items}</ol></div>")
        return "".join(out)

    def _quote_item(self, q) -> str:
        who = f"{q['speaker'] or 'unknown speaker'} ({q['speaker_country'] or 'country unknown'}, {q['speaker_role']})"
        return (f"<li><a href='#{ev.quote_id(q['article'], q['start'])}'>{html.escape(str(q['kind']))}</a> "
                f"<b>{html.escape(who)}</b> {html.escape(str(q['verb'] or ''))}: "
                f"“{html.escape(str(q['quote']))}”</li>")

    def _quote_lists(self) -> str:
        out = ["<h3>Quotes behind each quotation figure</h3>"]
        groups = [(o, None) for o in self.outlets] + list(
            dict.fromkeys(zip(self.quotes["outlet"], self.quotes["speaker_side"])))
        for o, side in groups:
            q = self.quotes[self.quotes["outlet"] == o]
            if side is not None:
                q = q[q["speaker_side"] == side]
            if q.empty:
                continue
            title = f"{o}: {'all ' if side is None else ''}{len(q)} quotes" + (f" from {side}" if side else "")
            out.append(f"<div class='ev' id='{ev.quotes_list(o, side)}'><h4>{html.escape(title)}</h4><ol>"
                       + "".join(self._quote_item(r) for _, r in q.iterrows()) + "</ol></div>")
        return "".join(out)

    def _loaded_lists(self) -> str:
        out = ["<h3>Hits behind each loaded-vocabulary figure</h3>"]
        h = self.hits
        keys = [(o, v, None) for o in self.outlets for v in ("own", "quoted")] + list(
            dict.fromkeys(zip(h["outlet"], h["voice"], h["category"])))
        for o, voice, cat in keys:
            rs = h[(h["outlet"] == o) & (h["voice"] == voice)]
            if cat is not None:
                rs = rs[rs["category"] == cat]
            if rs.empty:
                continue
            title = f"{o}, {voice} voice" + (f", {cat}" if cat else "") + f": {len(rs)} hits"
            items = "".join(f"<li><a href='#{ev.loaded_id(r['article'], r['start'])}'>{html.escape(str(r['text']))}</a>"
                            f" <small>({html.escape(str(r['category']))}: {html.escape(str(r['note']))})</small> — "
                            f"{html.escape(str(r['evidence']))}</li>" for _, r in rs.iterrows())
            out.append(f"<div class='ev' id='{ev.loaded_list(o, voice, cat)}'><h4>{html.escape(title)}</h4>"
                       f"<ol>{items}</ol></div>")
        return "".join(out)

    def articles(self) -> str:
        t = self.t
        rows = ev.sentence_rows(t)
        mentions = t.get("mentions")
        log = t["cleaning_log"]
        members, frame_ev = t.get("claim_statements"), t.get("frame_evidence")
        if members is not None:  # only the statements the report links to need a place to land
            only = t.get("exclusive_claims")
            linked = set() if only is None else set(zip(only["article"].astype(str), only["start"].astype(int)))
            shown = set(ev.shared_claims(t)["claim_id"])
            keep = [cid in shown or (str(a), int(s)) in linked
                    for cid, a, s in zip(members["claim_id"], members["article"], members["start"])]
            members = members.loc[keep]  # .loc: an empty mask keeps the columns
        legend = "".join(f"<span class='q-side{i}'>{html.escape(s)}</span>" for i, s in enumerate(self.sides[:5]))
        out = [f"<p class='legend'>Quotes: {legend}<span class='q-other'>other</span>"
               "<span class='q-unknown'>unknown</span> <span class='loaded'>loaded term</span></p>"]
        for _, a in t["articles"].iterrows():
            aid = str(a["article"])
            out.append(f"<h3 id='{ev.article_id(aid)}'>{html.escape(str(a['outlet']))}: "
                       f"{html.escape(str(a['title'] or aid))}</h3>")
            body = marked_article(str(a["text"]), sentences=rows[rows["article"] == aid],
                                  quotes=self.quotes[self.quotes["article"] == aid],
                                  loaded=self.hits[self.hits["article"] == aid], sides=self.sides,
                                  mentions=None if mentions is None else mentions[mentions["article"] == aid],
                                  claims=None if members is None else members[members["article"] == aid],
                                  frame_sentences=None if frame_ev is None else frame_ev[frame_ev["article"] == aid])
            out.append(f"<div class='article'>{body}</div>")
            lg = log[log["article"] == aid].drop(columns=["outlet", "article"])
            out.append(f"<details><summary>Cleaning log: {len(lg)} removals</summary>{html_table(lg)}</details>")
        return "".join(out)


def glance(t, sides) -> list[tuple[str, str]]:
    """The report's headline findings as (sentence, section id), from the same
    figures the worksheet asks about; findings without data are left out."""
    from .worksheet import FACTS

    def fact(name):
        return FACTS[name][0](t, sides)

    out = []
    if f := fact("quotes_no_side"):
        out.append((f"No quoted words from {f['side']}: {f['outlets']}.", "quotation_balance"))
    if (f := fact("no_quotes")) and f["outlets"] != "None":
        out.append((f"No sourced quotes at all: {f['outlets']}.", "quotation_balance"))
    if f := fact("balance_range"):
        out.append((f"Most even quotation balance: {f['most']} ({f['most_index']}); least even: {f['least']} "
                    f"({f['least_index']}).", "quotation_balance"))
    if f := fact("tone_range"):
        out.append((f"Warmest toward {f['actor']}: {f['warm']} ({f['warm_score']}); coldest: {f['cold']} "
                    f"({f['cold_score']}). {f['overlap']}", "actor_sentiment"))
    if f := fact("loaded_own"):
        out.append((f"Most charged own voice: {f['outlet']} ({f['per_1000']} loaded terms per 1,000 words); least: "
                    f"{f['least']} ({f['least_per_1000']}).", "loaded"))
    if f := fact("naming_contrast"):
        out.append((f"Naming ({f['concept']}): {f['outlet_a']} writes “{f['variant']}” {f['count']} times; "
                    f"{f['outlet_b']} never does and writes {f['b_variants']}.", "naming"))
    return out


def render_html(analysis) -> str:
    """The whole report as one HTML page (see the module docstring)."""
    rep = _Report(analysis)
    t = analysis.tables
    nav = "".join(f"<a href='#{sid}'>{html.escape(title.split(':')[0])}</a>" for sid, title, _, _ in SECTIONS)
    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
             "<meta name='viewport' content='width=device-width, initial-scale=1'>",
             "<title>framing report</title><style>", CSS, "</style></head><body>",
             "<h1>How the outlets frame the story</h1>",
             f"<p>{len(t['articles'])} articles from {len(rep.outlets)} outlets. Every figure links to the "
             "passages behind it; all tables are also in tables/*.csv, each evidence row with its article and "
             "character offsets.</p>", f"<nav>{nav}</nav>"]
    for sid, title, how, limit in SECTIONS:
        parts.append(f"<section id='{sid}'><h2>{html.escape(title)}</h2><p class='how'>{html.escape(how)}</p>")
        if limit:
            parts.append(f"<p class='limit'>Limit: {html.escape(limit)}</p>")
        parts.append(getattr(rep, sid)())
        parts.append("</section>")
    parts.append("</body></html>")
    return "".join(parts)


__all__ = ["render_html", "html_table", "tone_colour", "CSS"]
