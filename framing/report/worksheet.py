"""The classroom worksheet: a student sheet and a teacher's answer key.

Questions are templates in ``framing/data/worksheet.csv`` (columns ``id,
part, fact, question, answer, check``). Each names a *fact*: a function here
that reads the analysis's tables and returns the values its templates use,
or ``None`` when the articles give it nothing to say (one outlet only, no
quotes, no naming concept, a single side...). Such questions are left out,
so the same templates work for any set of articles. The answers come from
the tables, so the key stays right for whatever articles were analysed.

Users may add questions or replace the packaged ones with their own CSV in
the same format (:func:`load_questions`); a question with the id of a
packaged one replaces it.
"""

from __future__ import annotations

import html
import math
import string
from dataclasses import dataclass
from pathlib import Path


from .._resources import packaged_text, read_csv_rows, read_text_file
from ..errors import FramingError
from . import evidence as ev
from .write import publish

QUESTIONS_FILE = "worksheet.csv"
PARTS = {"predict": "Part 1. Predict, then check",
         "hunt": "Part 2. Hunt for evidence",
         "reflect": "Part 3. Think about the limits"}


@dataclass(frozen=True)
class Question:
    """One question template, as read from a worksheet CSV."""

    id: str
    part: str
    fact: str
    question: str
    answer: str
    check: str = ""


@dataclass(frozen=True)
class FilledQuestion:
    """A question with its figures filled in from one analysis."""

    id: str
    part: str
    question: str
    answer: str
    check: str


# -- facts: figures from the tables, or None when there are none --------------
def _num(x, digits: int = 2) -> str:
    return "—" if ev.is_missing(x) else f"{float(x):.{digits}f}"


def _join(items) -> str:
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def fact_quotes_no_side(t, sides):
    bal = t["quotation_balance"]
    quoting = bal[bal["quotes"] > 0]
    if len(sides) < 2 or quoting.empty:
        return None
    for side in reversed(sides):
        col = f"words: {side}"
        if col not in bal.columns or not (bal[col] > 0).any():
            continue  # nobody quotes this side: no outlet's silence stands out (e.g. actors of another story)
        silent = quoting[quoting[col] == 0]
        if len(silent):
            detail = "; ".join(
                f"{r['outlet']} has {int(r['quotes'])} quotes: "
                + ", ".join(f"{int(r[f'words: {s}'])} quoted words from {s}" for s in sides)
                for _, r in silent.iterrows())
            return {"side": side, "outlets": _join(silent["outlet"]), "detail": detail + "."}
    return None


def fact_no_quotes(t, sides):
    bal = t["quotation_balance"]
    if bal.empty:
        return None
    none = bal[bal["quotes"] == 0]
    if none.empty:
        return {"outlets": "None", "detail": "Every outlet quotes at least one source."}
    return {"outlets": _join(none["outlet"]),
            "detail": "The report shows 'no sourced quotes' for "
                      + ("it." if len(none) == 1 else "them.")}


def fact_balance_range(t, sides):
    bal = t["quotation_balance"].dropna(subset=["balance_index"])
    if len(bal) < 2:
        return None
    bal = bal.sort_values("balance_index", kind="stable")
    shown = bal["balance_index"].map(_num)  # outlets whose shown figures are equal tie
    top, bottom = shown.iloc[-1], shown.iloc[0]
    if top == bottom:
        return None  # every outlet is as even as every other: nothing to predict
    others = bal[(shown != top) & (shown != bottom)]
    rest = ("In between: " + ", ".join(f"{r['outlet']} ({_num(r['balance_index'])})" for _, r in others.iterrows())
            + ".") if len(others) else ""
    return {"most": _join(bal.loc[shown == top, "outlet"]), "most_index": top,
            "least": _join(bal.loc[shown == bottom, "outlet"]), "least_index": bottom, "others": rest}


def fact_tone_range(t, sides):
    sent = t["actor_sentiment"]
    if sent.empty:
        return None
    sure = sent[~sent["low_evidence"].astype(bool)]
    counts = sure.groupby("actor")["outlet"].nunique()
    counts = counts[counts >= 2]
    if counts.empty:
        return None
    totals = sure[sure["actor"].isin(counts.index)].groupby("actor")["sentences"].sum()
    actor = totals.sort_values(ascending=False, kind="stable").index[0]
    rs = sure[sure["actor"] == actor].sort_values("score", kind="stable")
    warm, cold = rs.iloc[-1], rs.iloc[0]
    overlap = ("Their intervals overlap, so the difference may be noise: read the sentences."
               if warm["ci_low"] <= cold["ci_high"] else "Their intervals do not overlap.")
    return {"actor": actor, "warm": warm["outlet"], "warm_score": f"{warm['score']:+.2f}",
            "warm_interval": f"{warm['ci_low']:+.2f} to {warm['ci_high']:+.2f}", "cold": cold["outlet"],
            "cold_score": f"{cold['score']:+.2f}", "cold_interval": f"{cold['ci_low']:+.2f} to {cold['ci_high']:+.2f}",
            "overlap": overlap}


def fact_naming_contrast(t, sides):
    nm = t["naming"]
    best = None
    for concept, rows in nm.groupby("concept", sort=False):
        users = rows.groupby("outlet")
        if users.ngroups < 2:
            continue
        for _, r in rows.sort_values("count", ascending=False, kind="stable").iterrows():
            avoiders = [o for o, g in users if o != r["outlet"] and r["variant"] not in set(g["variant"])]
            if avoiders and (best is None or r["count"] > best[1]["count"]):
                best = (concept, r, avoiders[0], rows[rows["outlet"] == avoiders[0]])
    if best is None:
        return None
    concept, r, b, brows = best
    return {"concept": str(concept).replace("_", " "), "outlet_a": r["outlet"], "variant": r["variant"],
            "count": int(r["count"]), "outlet_b": b,
            "b_variants": _join(f"“{x['variant']}” ({int(x['count'])})" for _, x in brows.iterrows())}


def fact_loaded_own(t, sides):
    s = t["summary"]
    if "loaded_own_per_1000" not in s.columns or s.empty:
        return None
    h = t["loaded_evidence"]
    own = h[h["voice"] == "own"]
    if own.empty:
        return None
    s = s.dropna(subset=["loaded_own_per_1000"]).sort_values("loaded_own_per_1000", kind="stable")
    top, low = s.iloc[-1], s.iloc[0]
    hits = own[own["outlet"] == top["outlet"]].drop_duplicates("term")
    terms = "; ".join(f"“{r['text']}” ({r['category']}: {r['note']})" for _, r in hits.iterrows())
    return {"outlet": top["outlet"], "per_1000": _num(top["loaded_own_per_1000"]), "least": low["outlet"],
            "least_per_1000": _num(low["loaded_own_per_1000"]), "terms": terms}


def fact_verbs_by_side(t, sides):
    v = t["attribution_verbs"]
    v = v[v["side"].isin(sides)]
    if v.empty:
        return None
    spread = v.groupby("outlet")["side"].nunique()
    variety = v.groupby("outlet")["verb"].nunique()
    outlets = sorted(variety.index, key=lambda o: (-spread[o], -variety[o], ev.outlets(t).index(o)
                                                   if o in ev.outlets(t) else 0))
    o = outlets[0]
    rows = v[v["outlet"] == o]
    verbs = "; ".join(f"{side}: " + ", ".join(f"{r['verb']} ({int(r['count'])})" for _, r in g.iterrows())
                      for side, g in rows.groupby("side", sort=False))
    return {"outlet": o, "verbs": verbs}


def fact_sentence_check(t, sides):
    se = t["sentiment_evidence"]
    if se.empty:
        return None
    se = se[se["evidence"].astype(str).str.len().between(40, 300)]
    if se.empty:
        return None
    r = se.loc[se["score"].astype(float).abs().idxmax()]
    return {"outlet": r["outlet"], "actor": r["actor"], "score": f"{float(r['score']):+.2f}", "label": r["label"],
            "sentence": " ".join(str(r["evidence"]).split()), "words": str(r["words"]) or "none listed"}


def fact_readability_range(t, sides):
    read = t["readability"].dropna(subset=["flesch_reading_ease"])
    if len(read) < 2:
        return None
    read = read.sort_values("flesch_reading_ease", kind="stable")
    hard, easy = read.iloc[0], read.iloc[-1]
    return {"easiest": easy["outlet"], "easiest_score": _num(easy["flesch_reading_ease"], 0),
            "hardest": hard["outlet"], "hardest_score": _num(hard["flesch_reading_ease"], 0)}


def fact_similar_pair(t, sides):
    sim = t["similarity"]
    if len(sim) < 3:
        return None
    pairs = [(float(sim.iloc[i, j]), sim.index[i], sim.columns[j]) for i in range(len(sim))
             for j in range(i + 1, len(sim.columns))]
    pairs = [p for p in pairs if not math.isnan(p[0])]
    if not pairs:
        return None
    hi, lo = max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[0])
    return {"a": hi[1], "b": hi[2], "similarity": _num(hi[0]), "least_a": lo[1], "least_b": lo[2],
            "least_similarity": _num(lo[0])}


def fact_distinctive(t, sides):
    d = t["distinctive"]
    if d.empty or d["outlet"].nunique() < 2:
        return None
    o = d.loc[d["z"].astype(float).idxmax(), "outlet"]
    terms = ", ".join(f"{r['term']} ({float(r['z']):.1f})" for _, r in d[d["outlet"] == o].head(5).iterrows())
    return {"outlet": o, "terms": terms}


def fact_exclusive_claim(t, sides):
    """A claim only one outlet carries: of the first-listed claims of each
    outlet, the first that is a full sentence the outlet tells in its own
    voice (an attributed one if there is none)."""
    only = t.get("exclusive_claims")
    outlets = ev.outlets(t)
    if only is None or only.empty or len(outlets) < 2:
        return None
    text = only["claim"].astype(str)
    fit = only[text.str.len().between(50, 300)]
    if fit.empty:
        return None
    fit = fit.assign(_own=(fit["status"] != "reported"), _order=fit["outlet"].map(outlets.index))
    r = fit.sort_values(["_own", "rank", "_order"], kind="stable").iloc[0]
    o = str(r["outlet"])
    voice = ("in its own voice" if r["status"] == "reported"
             else "only as somebody's words (a quote or 'X said')")
    return {"outlet": o, "claim": " ".join(str(r["claim"]).split()), "voice": voice,
            "others": _join(x for x in outlets if x != o),
            "count": int((only["outlet"] == o).sum())}


#: fact name -> (function, the names it gives)
FACTS = {
    "quotes_no_side": (fact_quotes_no_side, ("side", "outlets", "detail")),
    "no_quotes": (fact_no_quotes, ("outlets", "detail")),
    "balance_range": (fact_balance_range, ("most", "most_index", "least", "least_index", "others")),
    "tone_range": (fact_tone_range, ("actor", "warm", "warm_score", "warm_interval", "cold", "cold_score",
                                     "cold_interval", "overlap")),
    "naming_contrast": (fact_naming_contrast, ("concept", "outlet_a", "variant", "count", "outlet_b", "b_variants")),
    "loaded_own": (fact_loaded_own, ("outlet", "per_1000", "least", "least_per_1000", "terms")),
    "verbs_by_side": (fact_verbs_by_side, ("outlet", "verbs")),
    "sentence_check": (fact_sentence_check, ("outlet", "actor", "score", "label", "sentence", "words")),
    "readability_range": (fact_readability_range, ("easiest", "easiest_score", "hardest", "hardest_score")),
    "similar_pair": (fact_similar_pair, ("a", "b", "similarity", "least_a", "least_b", "least_similarity")),
    "distinctive": (fact_distinctive, ("outlet", "terms")),
    "exclusive_claim": (fact_exclusive_claim, ("outlet", "claim", "voice", "others", "count")),
}


# -- templates ------------------------------------------------------------------
def _placeholders(template: str, where: str) -> set[str]:
    try:
        fields = {f for _, f, spec, conv in string.Formatter().parse(template) if f is not None}
    except ValueError as exc:
        raise FramingError(f"{where}: {exc} (write {{{{ and }}}} for a literal brace)") from None
    for f in fields:
        if not f.isidentifier():
            raise FramingError(f"{where}: '{{{f}}}' is not a plain name (write {{{{ and }}}} for a literal brace)")
    return fields


def parse_questions(text: str, source: str) -> list[Question]:
    """Read and check a worksheet CSV; errors name the file and row."""
    rows = read_csv_rows(text, source, required=("id", "part", "question", "answer"), optional=("fact", "check"))
    seen: dict[str, int] = {}
    out = []
    for n, row in rows:
        where = f"{source}, row {n}"
        q = Question(row["id"], row["part"].lower(), row.get("fact", ""), row["question"], row["answer"],
                     row.get("check", ""))
        if q.id in seen:
            raise FramingError(f"{where}: the id '{q.id}' is already used on row {seen[q.id]}")
        seen[q.id] = n
        if q.part not in PARTS:
            raise FramingError(f"{where}: part '{q.part}' is not one of {', '.join(PARTS)}")
        if q.fact and q.fact not in FACTS:
            raise FramingError(f"{where}: unknown fact '{q.fact}'; known facts: {', '.join(FACTS)}")
        given = set(FACTS[q.fact][1]) if q.fact else set()
        for col in ("question", "answer", "check"):
            unknown = _placeholders(getattr(q, col), f"{where}, {col}") - given
            if unknown:
                gives = f"fact '{q.fact}' gives {', '.join(sorted(given))}" if q.fact else "it names no fact"
                raise FramingError(f"{where}: {col} uses {', '.join('{' + u + '}' for u in sorted(unknown))} "
                                   f"but {gives}")
        out.append(q)
    if not out:
        raise FramingError(f"{source}: no questions (expected rows with id, part, question, answer)")
    return out


def load_questions(path: str | Path | None = None, *, replace: bool = False) -> list[Question]:
    """The packaged questions, extended (or, with ``replace=True``, replaced)
    by those in the user's CSV at ``path``. A user question with the id of a
    packaged one takes its place."""
    packaged = parse_questions(packaged_text(QUESTIONS_FILE), f"framing/data/{QUESTIONS_FILE}")
    if path is None:
        if replace:
            raise FramingError("replace=True needs a questions file")
        return packaged
    mine = parse_questions(read_text_file(path), str(path))
    if replace:
        return mine
    ids = {q.id for q in mine}
    return [q for q in packaged if q.id not in ids] + mine


def fill_questions(analysis, questions: list[Question] | None = None) -> list[FilledQuestion]:
    """The questions whose facts have data for ``analysis``, filled in."""
    questions = load_questions() if questions is None else questions
    t, sides = analysis.tables, tuple(analysis.sides)
    values: dict[str, dict | None] = {}
    out = []
    for q in questions:
        if q.fact and q.fact not in values:
            values[q.fact] = FACTS[q.fact][0](t, sides)
        v = values.get(q.fact, {}) if q.fact else {}
        if v is None:
            continue
        v = {k: str(x) for k, x in v.items()}
        out.append(FilledQuestion(q.id, q.part, q.question.format(**v), q.answer.format(**v), q.check.format(**v)))
    order = list(PARTS)
    return sorted(out, key=lambda f: order.index(f.part))


# -- rendering ------------------------------------------------------------------
CSS = """
body{font:15px/1.55 Georgia,serif;max-width:800px;margin:2em auto;padding:0 1em;color:#111}
h1,h2{font-family:Helvetica,Arial,sans-serif}h2{border-bottom:1px solid #999;margin-top:1.6em}
.meta{display:flex;gap:2em}.meta span{flex:1;border-bottom:1px solid #777;padding-top:1em}
.q{margin:1em 0 1.4em;break-inside:avoid;page-break-inside:avoid}
.q .n{font-weight:bold;font-family:Helvetica,Arial,sans-serif}
.line{border-bottom:1px solid #aaa;height:1.9em}
.label{font-size:13px;color:#444;font-family:Helvetica,Arial,sans-serif;margin-top:.5em}
.answer{background:#f2f7ee;border-left:4px solid #6a9a4a;padding:.4em .7em;margin-top:.4em}
.check{font-size:13px;color:#555}
table{border-collapse:collapse;font:13px/1.35 Helvetica,Arial,sans-serif;break-inside:avoid}
th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}
@media print{body{max-width:none;margin:0;font-size:12pt}h2{break-after:avoid;page-break-after:avoid}
 .q,table,tr{break-inside:avoid;page-break-inside:avoid}.answer{background:none}@page{margin:1.6cm}}
"""


def _outlet_table(analysis) -> str:
    arts = analysis.tables["articles"]
    rows = "".join(f"<tr><td>{html.escape(str(r['outlet']))}</td><td>{html.escape(ev.fmt(r['outlet_name']))}</td>"
                   f"<td>{html.escape(ev.fmt(r['country']))}</td><td>{html.escape(ev.fmt(r['title']))}</td></tr>"
                   for _, r in arts.drop_duplicates("article").iterrows())
    return f"<table><tr><th>outlet</th><th>name</th><th>country</th><th>title</th></tr>{rows}</table>"


def render_worksheet(analysis, filled: list[FilledQuestion], *, key: bool) -> str:
    """The student sheet (``key=False``) or the teacher's answer key."""
    title = "Answer key" if key else "Worksheet"
    out = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
           f"<title>framing: {title.lower()}</title><style>{CSS}</style></head><body>",
           f"<h1>How do the outlets frame the story? {title}</h1>"]
    if key:
        out.append("<p>The answers come from the analysis of these articles (see report.html). Figures are "
                   "computed by rules and a sentiment model: accept any answer the student backs with "
                   "evidence from the text.</p>")
    else:
        out.append("<div class='meta'><span>Name:</span><span>Class:</span><span>Date:</span></div>"
                   "<p>You will compare articles from different outlets about the same story. In Part 1 write "
                   "your prediction <em>before</em> you open the report, then check it in report.html.</p>")
    out.append(_outlet_table(analysis))
    n = 0
    for part, heading in PARTS.items():
        qs = [f for f in filled if f.part == part]
        if not qs:
            continue
        out.append(f"<h2>{html.escape(heading)}</h2>")
        for f in qs:
            n += 1
            out.append(f"<div class='q' id='q-{html.escape(f.id, quote=True)}'><span class='n'>{n}.</span> "
                       f"{html.escape(f.question)}")
            if key:
                out.append(f"<div class='answer'>{html.escape(f.answer)}</div>")
                if f.check:
                    out.append(f"<div class='check'>In the report: {html.escape(f.check)}</div>")
            elif part == "predict":
                out.append("<div class='label'>My prediction:</div><div class='line'></div>"
                           "<div class='label'>What the report shows"
                           + (f" ({html.escape(f.check)})" if f.check else "") + ":</div>"
                           "<div class='line'></div><div class='line'></div>")
            else:
                if f.check:
                    out.append(f"<div class='check'>Where to look: {html.escape(f.check)}</div>")
                out.append("<div class='line'></div>" * 4)
            out.append("</div>")
    if n == 0:
        out.append("<p><em>These articles gave no figures to ask about.</em></p>")
    out.append("</body></html>")
    return "".join(out)


def write_worksheet(analysis, out: str | Path, *, questions: str | Path | None = None,
                    replace: bool = False) -> dict[str, Path]:
    """Write ``worksheet.html`` (for students) and ``answer_key.html`` (for
    the teacher) into the folder ``out``; return their paths.

    ``questions`` is a CSV of question templates added to the packaged ones
    (or replacing them with ``replace=True``); see :func:`load_questions`.
    """
    filled = fill_questions(analysis, load_questions(questions, replace=replace))
    paths = publish(out, {"worksheet.html": render_worksheet(analysis, filled, key=False),
                          "answer_key.html": render_worksheet(analysis, filled, key=True)})
    return {"worksheet": paths["worksheet.html"], "answer_key": paths["answer_key.html"]}


__all__ = ["Question", "FilledQuestion", "FACTS", "load_questions", "parse_questions", "fill_questions",
           "render_worksheet", "write_worksheet"]
