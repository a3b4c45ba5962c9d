"""How fast is the whole analysis, next to the cheapest thing a VADER-based tool must do?

    python benchmarks/speed.py 1000          # N articles built from the seeds
    python benchmarks/speed.py 200 --story   # also align claims (within stories of 50 articles)

The corpus: N articles made from the five bundled seeds. Article i is seed
i mod 5 with its paragraphs in an order drawn from a random generator seeded
with i, and a closing sentence that names i, so no two articles are the same
text. Outlets stay the five seed outlets.

Printed, in one run:

* the time of the full analysis (``framing.analyze``: cleaning, sentences,
  actors, sentiment, quotes, loaded terms, naming, readability, frames,
  statements and the tables);
* the time of a bare VADER ``polarity_scores`` pass over the same sentences
  (of the cleaned texts);
* their ratio, articles and words per second, and the peak resident memory of
  the process.

Claim alignment compares statements within a story, and by default every
article here is its own story (``story=article_id``), so alignment costs
nothing; ``--story`` groups 50 articles per story instead.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import warnings


def build_corpus(n: int):
    import framing

    seeds = list(framing.load_corpus())
    articles = []
    for i in range(n):
        seed = seeds[i % len(seeds)]
        paragraphs = [p for p in seed.text.split("\n\n") if p.strip()]
        random.Random(i).shuffle(paragraphs)
        text = "\n\n".join(paragraphs) + f"\n\nThis is report number {i + 1} in the series.\n"
        articles.append(framing.Article.from_text(text, outlet_id=seed.outlet_id, article_id=f"a{i:06d}",
                                                  title=seed.title, date=seed.date))
    return framing.Corpus(tuple(articles))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=1000, help="number of articles (default 1000)")
    ap.add_argument("--story", action="store_true", help="align claims within stories of 50 articles")
    args = ap.parse_args()
    if args.n < 1:
        ap.error("n must be at least 1")

    import framing
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    t0 = time.perf_counter()
    corpus = build_corpus(args.n)
    built = time.perf_counter() - t0
    sentences = [s.text for a in corpus for s in a.sentences]
    words = sum(a.words for a in corpus)

    vader = SentimentIntensityAnalyzer()
    t0 = time.perf_counter()
    for s in sentences:
        vader.polarity_scores(s)
    bare = time.perf_counter() - t0

    story = (lambda a: int(a.article_id[1:]) // 50) if args.story else (lambda a: a.article_id)
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = framing.Analyzer(story=story).analyze(corpus)
    full = time.perf_counter() - t0
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux

    print(f"corpus: {args.n:,} articles, {len(sentences):,} sentences, {words:,} words "
          f"(built and cleaned in {built:.2f} s)")
    print(f"claims aligned {'within stories of 50 articles' if args.story else 'per article (no cross-article work)'}: "
          f"{result.coverage['claim_id'].nunique():,} claims")
    print(f"full analysis        {full:9.2f} s")
    print(f"bare VADER pass      {bare:9.2f} s   ({len(sentences) / bare:,.0f} sentences/s)")
    print(f"ratio full / VADER   {full / bare:9.2f}")
    print(f"throughput           {args.n / full:9.1f} articles/s, {words / full:,.0f} words/s")
    print(f"peak memory          {peak_mib:9.0f} MiB (resident, whole process)")


if __name__ == "__main__":
    main()
