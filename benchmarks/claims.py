"""Precision and recall of the claim matcher on hand-made sentence pairs.

``benchmarks/data/claim_pairs.csv`` holds pairs we wrote: pairs that report
the same fact in different words (same=1) and pairs that share words but not
the fact (same=0), split into a dev half and a test half. The similarity of
each pair is computed with word weights fitted on the pairs of its half plus
the sentences of the bundled seed articles, so that common news words weigh
as little as they do in a real corpus. The threshold is the one that gives
the best F1 on dev; the test half is scored at that threshold only.

Needs no data from ../shared. Run: python benchmarks/claims.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import framing  # noqa: E402
from framing.claims import THRESHOLD, ClaimMatcher  # noqa: E402


def read_pairs() -> list[dict]:
    with open(HERE / "data" / "claim_pairs.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def pair_scores(rows, background) -> list[tuple[float, int]]:
    texts = [t for r in rows for t in (r["a"], r["b"])]
    sim = ClaimMatcher().similarities(texts, background=background)
    return [(float(sim[2 * i, 2 * i + 1]), int(r["same"])) for i, r in enumerate(rows)]


def prf(scores, threshold) -> tuple[float, float, float]:
    tp = sum(1 for s, y in scores if s >= threshold and y)
    fp = sum(1 for s, y in scores if s >= threshold and not y)
    fn = sum(1 for s, y in scores if s < threshold and y)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    rows = read_pairs()
    background = [s.text for a in framing.load_corpus() for s in a.sentences]
    dev = pair_scores([r for r in rows if r["split"] == "dev"], background)
    test = pair_scores([r for r in rows if r["split"] == "test"], background)
    grid = [round(0.05 + 0.01 * i, 2) for i in range(70)]
    best = max(grid, key=lambda t: (prf(dev, t)[2], -t))
    print(f"pairs: dev {len(dev)} ({sum(y for _, y in dev)} same), test {len(test)} ({sum(y for _, y in test)} same)")
    for name, scores in (("dev", dev), ("test", test)):
        for label, t in (("best on dev", best), ("shipped THRESHOLD", THRESHOLD)):
            p, r, f = prf(scores, t)
            print(f"{name:4}  threshold {t:.2f} ({label}):  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main()
