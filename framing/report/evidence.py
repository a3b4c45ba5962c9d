"""Link targets shared by the HTML and Markdown reports.

Every figure in the report links to a list of the evidence rows behind it
(its sentences, quotes or loaded-term hits), and every row links to its place
in the article. The ids are built here, from the tables only, so that both
renderers agree on them.
"""

from __future__ import annotations

import hashlib
import math
import re

import pandas as pd


def anchor(kind: str, *parts) -> str:
    """A stable id made of ``[a-z0-9-]`` only, safe in attributes and URLs.

    A readable slug of ``parts`` plus a short hash of their exact text, so
    that two names differing only in punctuation get different ids.
    """
    raw = "\x1f".join(str(p) for p in parts)
    slug = re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-")[:40].strip("-")
    digest = hashlib.sha1(raw.encode("utf-8")).hexdigest()[:6]
    return f"{kind}-{slug}-{digest}" if slug else f"{kind}-{digest}"


def is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def fmt(value) -> str:
    """A cell value as short text: floats with up to 3 significant decimals."""
    if is_missing(value):
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def sentence_rows(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """``sentiment_evidence`` with the sentence's offsets as ``s_start`` and
    ``s_end`` (the table's ``start``/``end``) and its anchor (``sid``)."""
    ev = t["sentiment_evidence"].copy()
    ev["s_start"], ev["s_end"] = ev["start"].astype(int), ev["end"].astype(int)
    ev["sid"] = [anchor("s", a, s) for a, s in zip(ev["article"], ev["sentence"])]
    return ev


def quote_id(article, start) -> str:
    return anchor("q", article, int(start))


def loaded_id(article, start) -> str:
    return anchor("l", article, int(start))


def article_id(article) -> str:
    return anchor("article", article)


def claim_passage_id(article, start) -> str:
    """Where a claim's statement lies in its article."""
    return anchor("c", article, int(start))


def frame_sentence_id(article, start) -> str:
    """Where a sentence counted for a frame lies in its article."""
    return anchor("f", article, int(start))


# ids of the evidence lists that figures link to
def sentiment_list(outlet, actor) -> str:
    return anchor("sent", outlet, actor)


def quotes_list(outlet, side=None) -> str:
    return anchor("quotes", outlet) if side is None else anchor("quotes", outlet, side)


def loaded_list(outlet, voice, category=None) -> str:
    return anchor("loaded", outlet, voice) if category is None else anchor("loaded", outlet, voice, category)


def claim_list(claim_id, outlet) -> str:
    return anchor("claim", int(claim_id), outlet)


def frame_list(outlet, frame) -> str:
    return anchor("frame", outlet, frame)


#: Claims shown in the coverage matrix: those carried by two outlets or more, the most widely carried first.
COVERAGE_ROWS = 30


def shared_claims(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The rows of ``coverage`` for the claims the report shows: carried by
    at least two outlets, most outlets first, at most :data:`COVERAGE_ROWS`."""
    cov = t.get("coverage")
    if cov is None or cov.empty:
        return pd.DataFrame(columns=[] if cov is None else cov.columns)
    shared = cov[cov["n_outlets"] >= 2]
    order = (shared.drop_duplicates("claim_id").sort_values(["n_outlets", "claim_id"], ascending=[False, True],
                                                            kind="stable")["claim_id"].head(COVERAGE_ROWS))
    rank = {c: i for i, c in enumerate(order)}
    shared = shared[shared["claim_id"].isin(rank)]
    return shared.assign(_rank=shared["claim_id"].map(rank)).sort_values("_rank", kind="stable").drop(columns="_rank")


def outlets(t: dict[str, pd.DataFrame]) -> list[str]:
    return [str(o) for o in t["summary"]["outlet"]]
