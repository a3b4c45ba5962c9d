"""Measure framing's loaded-language lexicon on BABE (word-level media-bias labels).

    python benchmarks/babe.py            # dev and test figures
    python benchmarks/babe.py --sweep    # also the dev-only sweep of numeric cut-offs

BABE (Spinde et al., Findings of EMNLP 2021) is AGPL-3.0 and used here for
measurement only: nothing from it enters the library, and this script prints
aggregate figures only (never gold words, nor hits or misses word by word).

Protocol (from the data folder's README):

* Token level. Text is tokenised with ``[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*``
  and lower-cased. A token is gold when it equals one of the sentence's
  ``biased_words`` with edge quotes and punctuation stripped. A token is
  predicted when it overlaps a hit (a multi-word hit flags each of its
  tokens). Micro precision / recall / F1 over every token of the split,
  sentences without bias included.
* Sentence level. A sentence is predicted Biased when it has a flagged token.
  F1 of the Biased class and macro-F1 over Biased / Non-biased; rows labelled
  "No agreement" are dropped.

Systems: our lexicon alone; a VADER baseline that flags every token whose
|valence| in VADER's lexicon is at least 1.5; our lexicon plus the secondary
VADER signal of :func:`framing.find_loaded_terms` (``secondary=True``).
Numeric cut-offs are chosen on dev (``--sweep``); test is reported as is.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import shared_dir  # noqa: E402

TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*")
EDGE = "\"'“”‘’`.,;:!?()[]{}<>«»-–—…*"

# A system maps a sentence to {token index: category or None}.
System = Callable[[str, list], dict]


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in TOKEN_RE.finditer(text)]


def gold_words(cell) -> set[str]:
    if not isinstance(cell, str) or not cell.strip():
        return set()
    words = json.loads(cell)
    return {w.strip().strip(EDGE).lower() for w in words if isinstance(w, str)} - {""}


def lexicon_system(**options) -> System:
    from framing.loaded import find_loaded_terms

    def run(text: str, toks: list) -> dict:
        flagged: dict[int, str] = {}
        for h in find_loaded_terms(text, quote_spans=[], **options):
            for i, (s, e, _) in enumerate(toks):
                if s < h.end and h.start < e:
                    flagged.setdefault(i, h.category)
        return flagged

    return run


def vader_system(threshold: float = 1.5) -> System:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    lex = SentimentIntensityAnalyzer().lexicon

    def run(text: str, toks: list) -> dict:
        return {i: "vader" for i, (_, _, t) in enumerate(toks) if abs(lex.get(t, 0.0)) >= threshold}

    return run


def evaluate(rows: list[tuple[str, set, str]], system: System) -> dict:
    tp = fp = fn = 0
    cat_flag: Counter = Counter()
    cat_tp: Counter = Counter()
    sent = Counter()  # (gold biased?, predicted biased?)
    for text, gold, label in rows:
        toks = tokens(text)
        flagged = system(text, toks)
        for i, (_, _, t) in enumerate(toks):
            g = t in gold
            if i in flagged:
                cat_flag[flagged[i]] += 1
                if g:
                    tp += 1
                    cat_tp[flagged[i]] += 1
                else:
                    fp += 1
            elif g:
                fn += 1
        if label in ("Biased", "Non-biased"):
            sent[label == "Biased", bool(flagged)] += 1
    return {"tp": tp, "fp": fp, "fn": fn, "cat_flag": cat_flag, "cat_tp": cat_tp, "sent": sent}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def sentence_scores(sent: Counter) -> tuple[float, float]:
    f_b = prf(sent[True, True], sent[False, True], sent[True, False])[2]
    f_n = prf(sent[False, False], sent[True, False], sent[False, True])[2]
    return f_b, (f_b + f_n) / 2


def line(name: str, res: dict) -> str:
    p, r, f = prf(res["tp"], res["fp"], res["fn"])
    fb, macro = sentence_scores(res["sent"])
    return f"  {name:<34} token P {p:.3f}  R {r:.3f}  F1 {f:.3f}   sentence F1(Biased) {fb:.3f}  macro-F1 {macro:.3f}"


def by_category(res: dict) -> None:
    print("  flagged tokens and precision per category (dev):")
    for cat, n in sorted(res["cat_flag"].items(), key=lambda kv: -kv[1]):
        print(f"    {cat:<24} flagged {n:>5}  correct {res['cat_tp'][cat]:>5}  precision {res['cat_tp'][cat] / n:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sweep", action="store_true", help="also sweep numeric cut-offs on the dev split")
    ap.add_argument("--dev-only", action="store_true", help="report the dev split only (while tuning)")
    args = ap.parse_args(argv)

    shared = shared_dir()
    path = shared / "benchmarks" / "babe" / "babe_sg2_split.csv" if shared else None
    if path is None or not path.is_file():
        print("BABE data not found (expected shared/benchmarks/babe/babe_sg2_split.csv next to the repository, "
              "or set FRAMING_SHARED); nothing to measure.")
        return 0

    import pandas as pd

    from framing.loaded import load_lexicon

    df = pd.read_csv(path)
    splits = {s: [(t, gold_words(b), lab) for t, b, lab in zip(d["text"], d["biased_words"], d["label_bias"])]
              for s, d in df.groupby("split")}
    lex = load_lexicon()
    print(f"BABE SG2 ({path}): " + ", ".join(f"{s} {len(r)} sentences" for s, r in splits.items()))
    print(f"framing lexicon: {len(lex)} entries; category counts: {lex.category_counts()}")

    systems = {
        "our lexicon": lexicon_system(),
        "VADER |valence| >= 1.5 (baseline)": vader_system(1.5),
        "our lexicon + secondary VADER": lexicon_system(secondary=True),
    }
    for split in ("dev",) if args.dev_only else ("dev", "test"):
        print(f"\n{split}:")
        for name, system in systems.items():
            res = evaluate(splits[split], system)
            print(line(name, res))
            if split == "dev" and name != "VADER |valence| >= 1.5 (baseline)":
                by_category(res)

    if args.sweep:
        print("\ndev sweep (cut-offs are chosen here, never on test):")
        for w in (0.5, 1.0, 1.5, 2.0):
            print(line(f"lexicon, weight >= {w:g}", evaluate(splits["dev"], lexicon_system(min_weight=w))))
        for th in (1.5, 2.0, 2.5, 3.0):
            res = evaluate(splits["dev"], lexicon_system(secondary=True, vader_threshold=th))
            print(line(f"lexicon + VADER >= {th:g}", res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
