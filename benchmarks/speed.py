"""How fast is the whole analysis, next to the cheapest thing a VADER-based tool must do?

    python benchmarks/speed.py 1000             # N articles built from the seeds
    python benchmarks/speed.py 1000 --jobs 2    # also with 2 worker processes: speed-up, same tables?
    python benchmarks/speed.py 1000 --jobs 2 --rounds 3   # the n_jobs run three times, each between two
                                                          # one-process runs: the median speed-up
    python benchmarks/speed.py 1000 --jobs 2 --ceiling    # also the most two processes gain on this machine
    python benchmarks/speed.py 200 --story      # also align claims (within stories of 50 articles)

The corpus: N articles made from the five bundled seeds' raw files (web
noise included). Article i is seed i mod 5 with its paragraphs in an order
drawn from a random generator seeded with i, and a closing sentence that
names i, so no two articles are the same text. Outlets stay the five seed
outlets. The articles are written, one JSON object per line, to a temporary
JSON Lines file (not timed), and the analysis reads that file as a stream,
the way a researcher's corpus would be read: the corpus is never held in
memory, and each article is parsed and cleaned where it is analysed.

Printed, in one run:

* the start-up, once per process and timed apart: importing framing,
  loading textstat and its pronouncing dictionary, and VADER's lexicon;
* the time of the full analysis, from raw text to tables: cleaning,
  sentences, actors, sentiment, quotes, loaded terms, naming, readability,
  frames, statements, and the tables (``framing.analyze``);
* the time of a bare VADER ``polarity_scores`` pass over the sentences of the
  same cleaned texts, taken twice: just before the analysis and just after
  it. This machine's speed drifts over minutes, and a single pass minutes
  away from the analysis moved the ratio by a fifth; the ratio uses the
  mean of the two passes, and both are printed. (The sentences are kept in
  a temporary file, not in memory, so the memory figure is the analysis's
  own.)
* their ratio, articles and words per second, time per 1,000 articles, and
  the peak resident memory of the process, taken right after the analysis;
* with ``--jobs J``: the time with J worker processes, the speed-up, and
  whether every table is identical to the one-process run. The one-process
  analysis is run again right after the J-process one, and the speed-up
  compares with the mean of the two one-process times (both printed), for
  the same reason as the VADER pass is taken twice. With ``--rounds R`` the
  J-process run is made R times, each followed by a one-process run, so
  that each is timed between two one-process runs; every round's speed-up
  is printed, their median, and the fastest one-process time against the
  fastest J-process time (interference only slows a run down, so the
  fastest of each kind is the least disturbed). On the two-core machine
  this was written on, the same one-process analysis took 13.1 s in one
  run and 26.8 s in the next, and two independent processes at once did
  from 1.3 to 2.4 times the work of one: one round's speed-up is a noisy
  figure.
* with ``--ceiling`` too: the most any n_jobs run could gain here. J
  processes each run the same one-process analysis at once, with nothing
  shared and nothing to wait for, against one such process alone (R
  rounds, and their median). Where J processes at once do less than J
  times the work of one (cores shared with other machines, a clock that
  slows when both cores are busy), this shows by how much.

Claim alignment compares statements within a story, and by default every
article here is its own story (``story=article_id``), so alignment costs
nothing; ``--story`` groups 50 articles per story instead.

framing keeps no cache keyed on sentence or article text, so the repeated
sentences of this corpus cost the same as new ones would; only per-word
judgements (readability's syllables) are remembered, as they would be for
any corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
import warnings
from pathlib import Path


def _by_story(article):
    # streamed from the JSONL file, an article's id is "<outlet>-<line number>"
    return (int(article.article_id.rsplit("-", 1)[1]) - 1) // 50


def _own_story(article):
    return article.article_id


def records(n: int):
    """The N raw articles as plain records, one at a time."""
    import framing

    seeds = list(framing.load_corpus())
    for i in range(n):
        seed = seeds[i % len(seeds)]
        paragraphs = [p for p in seed.raw.split("\n\n") if p.strip()]
        random.Random(i).shuffle(paragraphs)
        raw = "\n\n".join(paragraphs) + f"\n\nThis is report number {i + 1} in the series.\n"
        yield {"id": f"a{i:06d}", "outlet_id": seed.outlet_id, "text": raw, "title": seed.title,
               "date": seed.date, "outlet": seed.outlet, "author": seed.author}


def generate(n: int):
    """The N articles, one at a time (cleaned as each is made)."""
    import framing

    for r in records(n):
        yield framing.Article.from_text(r["text"], outlet_id=r["outlet_id"], article_id=r["id"], title=r["title"],
                                        date=r["date"], outlet=r["outlet"], author=r["author"])


def write_jsonl(n: int, path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for r in records(n):
            f.write(json.dumps(r) + "\n")
    return path


def write_sentences(n: int, path: Path) -> int:
    """The sentences of the N cleaned articles, one JSON string per line
    (not timed); returns how many there are."""
    count = 0
    with open(path, "w", encoding="utf-8") as f:
        for article in generate(n):
            for s in article.sentences:
                f.write(json.dumps(s.text) + "\n")
                count += 1
    return count


def vader_pass(vader, path: Path, chunk: int = 5000) -> float:
    """Seconds spent in VADER's ``polarity_scores`` over the sentences in
    ``path``, read a chunk at a time (the reading is not timed)."""
    spent = 0.0
    with open(path, encoding="utf-8") as f:
        while True:
            sentences = [json.loads(line) for _, line in zip(range(chunk), f)]
            if not sentences:
                return spent
            t0 = time.perf_counter()
            for s in sentences:
                vader.polarity_scores(s)
            spent += time.perf_counter() - t0


def timed_analysis(corpus: Path, story, **options):
    """``(seconds, analysis)`` of one analysis of ``corpus`` with the
    Analyzer ``options`` (its warnings silenced)."""
    import framing

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0 = time.perf_counter()
        analysis = framing.Analyzer(story=story, **options).analyze(corpus)
        return time.perf_counter() - t0, analysis


def _analysis_time(corpus: Path, story) -> float:
    return timed_analysis(corpus, story)[0]


def machine_ceiling(corpus: Path, story, processes: int) -> tuple[float, float, list[float]]:
    """How much more work ``processes`` independent processes do at once
    than one alone, on this machine: each runs the same one-process
    analysis, with nothing shared and nothing to wait for, so an n_jobs
    run can hardly gain more. Returns the time alone, the slowest time
    of the processes at once, and the times at once."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    with ctx.Pool(1) as pool:  # a fresh process, like the others, so that the comparison is even
        alone = pool.apply(_analysis_time, (corpus, story))
    with ctx.Pool(processes) as pool:
        together = pool.starmap(_analysis_time, [(corpus, story)] * processes)
    return alone, max(together), together


def build_corpus(n: int):
    """The same articles as a Corpus (for other scripts that want them in memory)."""
    import framing

    return framing.Corpus(tuple(generate(n)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=1000, help="number of articles (default 1000)")
    ap.add_argument("--jobs", type=int, default=0, metavar="J",
                    help="also run with J worker processes and report the speed-up")
    ap.add_argument("--rounds", type=int, default=1, metavar="R",
                    help="with --jobs: time the J-process run R times, each between two one-process runs "
                         "(default 1)")
    ap.add_argument("--ceiling", action="store_true",
                    help="with --jobs: also time J independent one-process analyses at once against one alone "
                         "(R rounds), the most any n_jobs run can gain on this machine")
    ap.add_argument("--story", action="store_true", help="align claims within stories of 50 articles")
    args = ap.parse_args()
    if args.n < 1:
        ap.error("n must be at least 1")
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")

    t0 = time.perf_counter()
    import framing
    from framing.readability import readability_ready
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    readability_ready()  # textstat and the pronouncing dictionary, once per process
    vader = SentimentIntensityAnalyzer()
    startup = time.perf_counter() - t0
    story = _by_story if args.story else _own_story
    folder = tempfile.TemporaryDirectory()
    corpus = write_jsonl(args.n, Path(folder.name) / "corpus.jsonl")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        n_sentences = write_sentences(args.n, Path(folder.name) / "sentences.jsonl")
    before = vader_pass(vader, Path(folder.name) / "sentences.jsonl")

    full, result = timed_analysis(corpus, story)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux

    after = vader_pass(vader, Path(folder.name) / "sentences.jsonl")
    bare = (before + after) / 2
    words = int(result.articles["words"].sum())
    analysed = int(result.articles["sentences"].sum())
    if analysed != n_sentences:
        raise SystemExit(f"the VADER pass read {n_sentences:,} sentences but the analysis has {analysed:,}")

    print(f"corpus: {args.n:,} articles, {n_sentences:,} sentences, {words:,} words "
          f"(from the seeds' raw files, streamed from a JSON Lines file)")
    print(f"claims aligned {'within stories of 50 articles' if args.story else 'per article (no cross-article work)'}: "
          f"{result.coverage['claim_id'].nunique():,} claims")
    print(f"start-up             {startup:9.2f} s   (import framing, load textstat, its dictionary and VADER; "
          "once per process, not counted below)")
    print(f"full analysis        {full:9.2f} s   (raw text to tables, cleaning included)")
    print(f"bare VADER pass      {bare:9.2f} s   ({n_sentences / bare:,.0f} sentences/s; mean of {before:.2f} s "
          f"before the analysis and {after:.2f} s after it)")
    print(f"ratio full / VADER   {full / bare:9.2f}")
    print(f"throughput           {args.n / full:9.1f} articles/s, {words / full:,.0f} words/s, "
          f"{1000 * full / args.n:.2f} s per 1,000 articles")
    print(f"peak memory          {peak_mib:9.0f} MiB (resident, whole process, after the analysis)")

    if args.jobs:
        import statistics

        import pandas.testing as pdt

        ones, pars, speedups = [full], [], []
        for r in range(args.rounds):
            par, parallel = timed_analysis(corpus, story, n_jobs=args.jobs)
            pars.append(par)
            same = True
            for name, table in result.tables.items():
                try:
                    pdt.assert_frame_equal(parallel.tables[name], table)
                except AssertionError:
                    same = False
                    print(f"  table {name} differs")
            del parallel
            # the one-process run again, right after: the speed-up compares with the mean of the one-process
            # runs just before and just after (the machine's drift over a few minutes moved it by a fifth)
            ones.append(timed_analysis(corpus, story)[0])
            one = (ones[-2] + ones[-1]) / 2
            speedups.append(one / par)
            label = f"n_jobs={args.jobs}" + (f" ({r + 1}/{args.rounds})" if args.rounds > 1 else "")
            print(f"{label:<20} {par:9.2f} s   speed-up {one / par:.2f}x (one process: mean of {ones[-2]:.2f} s "
                  f"before and {ones[-1]:.2f} s after), tables {'identical' if same else 'DIFFERENT'}", flush=True)
        if args.rounds > 1:
            print(f"n_jobs={args.jobs} speed-up, median of {args.rounds} rounds: {statistics.median(speedups):.2f}x "
                  f"(each: {', '.join(f'{x:.2f}x' for x in speedups)})")
            # a busy machine only slows a run down, so each kind's fastest run is the least disturbed one
            print(f"n_jobs={args.jobs} speed-up, fastest against fastest: {min(ones) / min(pars):.2f}x "
                  f"({min(ones):.2f} s against {min(pars):.2f} s)")
        if args.ceiling:
            processes = framing.Analyzer(n_jobs=args.jobs)._workers()  # as many as the n_jobs run had
            gains = []
            for r in range(args.rounds):
                alone, slowest, together = machine_ceiling(corpus, story, processes)
                gains.append(processes * alone / slowest)
                print(f"ceiling ({r + 1}/{args.rounds})      {processes} one-process analyses at once: "
                      f"{' / '.join(f'{x:.2f}' for x in together)} s, against {alone:.2f} s alone: "
                      f"{gains[-1]:.2f}x the work of one", flush=True)
            print(f"machine ceiling, median of {args.rounds} rounds: {statistics.median(gains):.2f}x (about the "
                  "most an n_jobs run can gain here)")

if __name__ == "__main__":
    main()
