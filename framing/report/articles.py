"""One article's cleaned text with its evidence marked, as HTML.

Marks come from the evidence tables (offsets into the cleaned text), in
layers: sentences counted for a frame, the sentences an actor score rests on,
the statements of claims shared across outlets, quotes (by the speaker's
side) and their speakers, loaded terms, and actor mentions when the analysis
has a ``mentions`` table. Frame sentences and claim statements carry no
colour of their own; they are there for the report's links to land on.
Marks of different layers may overlap without nesting, so the text is cut at
every mark boundary and each piece is wrapped in the spans of the marks that
cover it; a mark's id sits on its first piece, which is where a link to it
lands.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from . import evidence as ev

#: layers from the outermost to the innermost
LAYERS = ("passage", "sentence", "claim", "quote", "speaker", "loaded", "mention")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str
    title: str = ""
    id: str = ""
    style: str = ""

    def open(self, first: bool) -> str:
        attrs = [f"class='{self.cls}'"]
        if first and self.id:
            attrs.append(f"id='{self.id}'")
        if self.title:
            attrs.append(f"title='{html.escape(self.title, quote=True)}'")
        if self.style:
            attrs.append(f"style='{self.style}'")
        return f"<span {' '.join(attrs)}>"


def _quote_class(side: str, sides: tuple[str, ...]) -> str:
    if side in sides[:5]:
        return f"q-side{sides.index(side)}"
    return "q-other" if side == "other" else "q-unknown"


def _marks(sentences, quotes, loaded, sides, mentions, claims=None, frame_sentences=None) -> dict[str, list[Mark]]:
    from .html import tone_colour

    marks: dict[str, list[Mark]] = {layer: [] for layer in LAYERS}
    tint_sentences = mentions is None
    for sid, rs in sentences.groupby("sid", sort=False):
        first = rs.iloc[0]
        scores = "; ".join(f"{r['actor']} {float(r['score']):+.2f}" for _, r in rs.iterrows())
        style = ""
        if tint_sentences:
            style = f"box-shadow:inset 0 -4px 0 {tone_colour(rs['score'].astype(float).mean())}"
        marks["sentence"].append(Mark(int(first["s_start"]), int(first["s_end"]), "sent",
                                      f"sentiment in this sentence: {scores}", sid, style))
    for _, q in quotes.iterrows():
        who = (f"{q['speaker'] or 'unknown speaker'} ({q['speaker_country'] or 'country unknown'}, "
               f"{q['speaker_role']}; side: {q['speaker_side']}), {q['kind']} quote, verb: {q['verb'] or 'none'}")
        marks["quote"].append(Mark(int(q["start"]), int(q["end"]), _quote_class(str(q["speaker_side"]), sides), who,
                                   ev.quote_id(q["article"], q["start"])))
        if not ev.is_missing(q.get("speaker_start")) and not ev.is_missing(q.get("speaker_end")):
            marks["speaker"].append(Mark(int(q["speaker_start"]), int(q["speaker_end"]), "speaker", who))
    for _, h in loaded.iterrows():
        marks["loaded"].append(Mark(int(h["start"]), int(h["end"]), "loaded",
                                    f"{h['category']} ({h['voice']} voice): {h['note']}",
                                    ev.loaded_id(h["article"], h["start"])))
    if frame_sentences is not None:
        for _, g in frame_sentences.groupby("start", sort=True):
            first = g.iloc[0]
            tip = "frames: " + "; ".join(f"{r['frame']} ({r['indicators']})" for _, r in g.iterrows())
            marks["passage"].append(Mark(int(first["start"]), int(first["end"]), "fsent", tip,
                                         ev.frame_sentence_id(first["article"], first["start"])))
    if claims is not None:
        for _, c in claims.drop_duplicates("start").iterrows():
            marks["claim"].append(Mark(int(c["start"]), int(c["end"]), "claim",
                                       f"claim {int(c['claim_id'])} ({c['voice']})",
                                       ev.claim_passage_id(c["article"], c["start"])))
    if mentions is not None:
        for _, m in mentions.iterrows():
            marks["mention"].append(Mark(int(m["start"]), int(m["end"]), "mention",
                                         f"{m['actor']}: {float(m['score']):+.2f}", "",
                                         f"background:{tone_colour(m['score'])}"))
    return marks


def marked_article(text: str, *, sentences: pd.DataFrame, quotes: pd.DataFrame, loaded: pd.DataFrame,
                   sides: tuple[str, ...], mentions: pd.DataFrame | None = None, claims: pd.DataFrame | None = None,
                   frame_sentences: pd.DataFrame | None = None) -> str:
    """``text`` escaped, with the evidence marks as nested spans.

    ``claims`` (rows of ``claim_statements``) and ``frame_sentences`` (rows
    of ``frame_evidence``) are optional link targets."""
    n = len(text)
    marks = _marks(sentences, quotes, loaded, sides, mentions, claims, frame_sentences)
    cover = {layer: [-1] * n for layer in LAYERS}
    cuts = {0, n}
    for layer in LAYERS:
        for k, m in enumerate(marks[layer]):
            s, e = max(0, m.start), min(n, m.end)
            for i in range(s, e):
                cover[layer][i] = k
            cuts.update((s, e))
    cuts = sorted(c for c in cuts if 0 <= c <= n)
    out = []
    for s, e in zip(cuts, cuts[1:]):
        if s >= e:
            continue
        opened = []
        for layer in LAYERS:
            k = cover[layer][s]
            if k >= 0:
                m = marks[layer][k]
                opened.append(m.open(first=(s == max(0, m.start))))
        out.append("".join(opened) + html.escape(text[s:e]) + "</span>" * len(opened))
    return "".join(out)
