"""Where the time of an analysis goes, stage by stage, in bare VADER passes.

    python benchmarks/stages.py 1000

Issue 7 asks for the full analysis to run within 2.5 times a bare VADER
``polarity_scores`` pass over the same sentences. ``speed.py`` prints the
ratio; this script prints what it is made of. It builds the same corpus of N
articles as ``speed.py`` (the seeds' raw files, paragraphs shuffled, as a
streamed JSON Lines file, every article its own story) and runs the same
one-process analysis, with a timer around each function the analysis calls
for one stage: the function as the analysis module looks it up is replaced,
for this run only, by one that times it. A stage's time is its own: when one
timed function calls another (the evidence rows count the distinctive terms),
the inner one's time is the inner stage's only. What no timer covers
(reading the file, the loop, gathering the rows) is printed as "the rest".

Printed: each stage's seconds per 1,000 articles, and the same as a share
of one bare VADER pass over the corpus's sentences (the mean of one pass just
before the analysis and one just after, as in ``speed.py``). The ratio
target of 2.5 leaves the stages other than sentiment 2.5 passes less what
sentiment itself costs; the last lines compare the two.

The timers cost a little themselves (a few tenths of a microsecond a call),
so the total here is a little more than ``speed.py``'s full time; and this
machine's speed drifts, so take the shares, not the seconds, to another one.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import speed  # noqa: E402  (the same corpus and VADER pass as the speed benchmark)

#: stage -> the functions it is made of, as (module, attribute, method or None): each is looked
#: up where the analysis looks it up, so that replacing it times the calls the analysis makes
STAGES = {
    "cleaning": [("framing.corpus", "clean_text", None)],
    "language check": [("framing.corpus", "Article", "_check_language")],
    "sentences": [("framing.corpus", "split_sentences", None)],
    "actors": [("framing.actors", "ActorSet", "find_mentions")],
    "sentiment": [("framing.analysis", "sentence_valences", None), ("framing.analysis", "score_span", None)],
    "quotes": [("framing.analysis", "extract_quotes", None)],
    "statements (claims)": [("framing.analysis", "statements_from", None)],
    "frames": [("framing.analysis", "find_frames", None)],
    "loaded terms": [("framing.analysis", "find_loaded_terms", None), ("framing.analysis", "_with_marks", None)],
    "naming": [("framing.analysis", "find_naming", None)],
    "readability": [("framing.analysis", "readability", None)],
    "distinctive terms": [("framing.tables", "article_terms", None)],
    "evidence rows": [("framing.tables", "article_rows", None)],
    "tables": [("framing.tables", "EvidenceRows", "to_analysis")],
}


class Timers:
    """Own time per stage: a call's time less that of the timed calls it makes."""

    def __init__(self):
        self.own = dict.fromkeys(STAGES, 0.0)
        self._inner = [0.0]  # per open call: the time of the timed calls made inside it

    def wrap(self, stage: str, fn):
        own, inner = self.own, self._inner

        @functools.wraps(fn)
        def timed(*args, **kwargs):
            inner.append(0.0)
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.perf_counter() - t0
                own[stage] += spent - inner.pop()
                inner[-1] += spent

        return timed

    def install(self) -> None:
        import importlib

        for stage, places in STAGES.items():
            for module, name, method in places:
                mod = importlib.import_module(module)
                if not hasattr(mod, name):
                    sys.exit(f"stages.py: {module} has no {name} any more; update STAGES")
                if method is None:
                    setattr(mod, name, self.wrap(stage, getattr(mod, name)))
                else:
                    owner = getattr(mod, name)
                    if method not in vars(owner):
                        sys.exit(f"stages.py: {module}.{name} has no {method} any more; update STAGES")
                    setattr(owner, method, self.wrap(stage, vars(owner)[method]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, nargs="?", default=1000, help="number of articles (default 1000)")
    args = parser.parse_args()
    if args.n < 1:
        parser.error("N must be 1 or more")

    import framing
    from framing.readability import readability_ready
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    warnings.simplefilter("ignore")  # the language check's warnings are not what is measured
    readability_ready()
    vader = SentimentIntensityAnalyzer()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = speed.write_jsonl(args.n, Path(tmp) / "corpus.jsonl")
        sentences = Path(tmp) / "sentences.jsonl"
        n_sentences = speed.write_sentences(args.n, sentences)
        framing.Analyzer(story=speed._own_story).analyze(speed.write_jsonl(5, Path(tmp) / "warm.jsonl"))
        timers = Timers()
        timers.install()
        before = speed.vader_pass(vader, sentences)
        t0 = time.perf_counter()
        framing.Analyzer(story=speed._own_story).analyze(corpus)
        full = time.perf_counter() - t0
        after = speed.vader_pass(vader, sentences)

    bare = (before + after) / 2
    per_k = 1000 / args.n
    print(f"articles {args.n}, sentences {n_sentences}")
    print(f"bare VADER pass           {bare * per_k:7.2f} s per 1,000 articles (before {before:.2f} s, after {after:.2f} s)")
    print(f"full analysis (timed)     {full * per_k:7.2f} s per 1,000 articles = {full / bare:.2f} VADER passes")
    print()
    print(f"{'stage':24s} {'s / 1,000':>10s} {'VADER passes':>13s}")
    for stage, spent in sorted(timers.own.items(), key=lambda kv: -kv[1]):
        print(f"{stage:24s} {spent * per_k:10.2f} {spent / bare:13.2f}")
    rest = full - sum(timers.own.values())
    print(f"{'the rest':24s} {rest * per_k:10.2f} {rest / bare:13.2f}")
    others = full - timers.own["sentiment"]
    print()
    print(f"all but sentiment: {others / bare:.2f} VADER passes; within 2.5 they may take "
          f"{2.5 - timers.own['sentiment'] / bare:.2f}")


if __name__ == "__main__":
    main()
