"""Compare the five seed outlets and print the tables in the terminal.

    python examples/report.py                # print the comparison
    python examples/report.py --out report   # ... and write report.html, report.md, tables/

Every number printed here has its evidence (sentence and character offsets)
in the analysis's evidence tables: see report.html or tables/*.csv.
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

import framing


def show(title: str, df: pd.DataFrame, note: str = "") -> None:
    print(f"\n=== {title} ===")
    if note:
        print(note)
    print(df.to_string(index=not isinstance(df.index, pd.RangeIndex)) if len(df) else "(no rows)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", help="folder of articles (default: the bundled seeds)")
    parser.add_argument("--out", help="also write the full report to this folder")
    args = parser.parse_args(argv)

    try:
        corpus = framing.load_corpus(args.source)
        result = framing.analyze(corpus)
    except framing.FramingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    pd.set_option("display.width", 160)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.max_colwidth", 60)

    show("Summary: one row per outlet", result.summary.set_index("outlet").T,
         "(tone: -1 cold ... +1 warm toward the actor; balance_index: 0 one side quoted ... 1 even)")
    sent = result.actor_sentiment
    if len(sent):
        table = sent.pivot(index="actor", columns="outlet", values="score")[list(dict.fromkeys(sent["outlet"]))]
        show("Sentiment toward each actor (mean score; * = fewer than 5 sentences)",
             table.combine(sent.pivot(index="actor", columns="outlet", values="low_evidence")[table.columns],
                           lambda s, low: s.map(lambda v: "" if pd.isna(v) else f"{v:+.2f}")
                           + low.map(lambda f: "*" if f is True else "")))
    show("Quotation balance", result.quotation_balance.set_index("outlet"))
    show("Attribution verbs by side", result.attribution_verbs)
    dens = result.loaded_density
    if len(dens):
        show("Loaded terms per 1,000 words (own voice | quoted)",
             dens.pivot_table(index="category", columns=["outlet", "voice"], values="per_1000", fill_value=0))
    show("Naming choices", result.naming)
    cov = result.coverage
    shared = cov[cov["n_outlets"] >= 2]
    if len(shared):
        order = list(dict.fromkeys(cov["outlet"]))
        matrix = shared.pivot(index="claim_id", columns="outlet", values="status")[order]
        matrix.insert(0, "claim", shared.drop_duplicates("claim_id").set_index("claim_id")["claim"].str.slice(0, 70))
        show("What's covered: claims carried by two outlets or more", matrix,
             "(reported = own voice; attributed = only as somebody's words; every claim: tables/coverage.csv)")
    else:
        show("What's covered: claims carried by two outlets or more", shared)
    show("Only in this outlet (first claims of each outlet that no other outlet carries)",
         result.exclusive_claims[["outlet", "rank", "status", "claim"]])
    frames = result.frames
    if len(frames):
        show("Frame profile (share of the outlet's sentences using the frame's words)",
             frames.pivot(index="outlet", columns="frame", values="share").loc[list(dict.fromkeys(frames["outlet"])),
                                                                             list(dict.fromkeys(frames["frame"]))])
    show("Readability", result.readability.set_index("outlet"))
    show("Distinctive terms", result.distinctive.groupby("outlet", sort=False)["term"].apply(", ".join).to_frame())

    if args.out:
        from framing.report import write_report

        paths = write_report(result, args.out)
        print(f"\nReport written: {paths['html']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
