"""Show that framing's analyzers stay linear on hostile text.

For every pathological input and every stage this prints the input's size
and the time it takes at two sizes, ``n`` and ``4n``, and the ratio of the
two times. A linear stage shows a ratio near 4; a quadratic one near 16. At
the default scale the largest inputs are a 5 MB paragraph without a sentence
end (4n of "one paragraph") and a million copies of "Russia " (4n of "alias
repeated"). The
tests never assert on timing (machines differ); this script is where the
linearity is shown.

    PYTHONPATH=. python benchmarks/pathological.py            # default sizes
    PYTHONPATH=. python benchmarks/pathological.py --scale 0.25 # quicker
    PYTHONPATH=. python benchmarks/pathological.py --only quotes

Each input is built by a function of a size ``n``; the stages run on it are
listed per input (the whole pipeline only where it finishes in seconds).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import warnings

import framing
from framing.actors import load_actors
from framing.text import split_sentences

SENTENCE = "Moscow said the talks were productive and Pyongyang agreed. "


def _framed(marks: str) -> str:
    # a real sentence on each side, so that cleaning keeps the text
    return SENTENCE + marks + " " + SENTENCE


def straight_quotes(n: int) -> str:
    return _framed('"' * n)


def curly_quotes(n: int) -> str:
    return _framed("“" * (n // 2) + "”" * (n - n // 2))


def mixed_quotes(n: int) -> str:
    marks = '"“”‘’\''
    return _framed("".join(marks[i % len(marks)] for i in range(n)))


def spaced_quotes(n: int) -> str:
    # unbalanced marks between words: every one can open or close a quote
    return _framed(" ".join('"x' if i % 2 else 'y"' for i in range(n // 3)))


def quoted_names(n: int) -> str:
    # many short quotations, each a name and a loaded word: many hits among many quote spans
    return ('"DPRK regime" ' * (n // 14 + 1))[:n]


def quoted_words(n: int) -> str:
    # unbalanced: every word opens a quote, some close, speech verbs between
    return " ".join(('"Russia said' if i % 3 else 'Putin," he said') for i in range(n // 12 + 1))[:n]


def quotes_in_sentences(n: int) -> str:
    unit = 'He said "we will win" and "they lost. '
    return (unit * (n // len(unit) + 1))[:n]


def speech_in_one_sentence(n: int) -> str:
    unit = 'Russia said "we will win" and Putin, "they lost" he said, and '
    return (unit * (n // len(unit) + 1))[:n]


def participles_in_one_sentence(n: int) -> str:
    unit = "the envoy was seen saying that Moscow and Pyongyang had talked, according to officials, and they also said that "
    return (unit * (n // len(unit) + 1))[:n]


def one_paragraph(n: int) -> str:
    unit = "the delegation from Moscow said officials in Pyongyang had talked at length about trade and "
    return (unit * (n // len(unit) + 1))[:n]


def nested_parens(n: int) -> str:
    return "Russia (" * (n // 16) + "said" + ")" * (n // 16)


def alias_run(n: int) -> str:
    return "Russia " * (n // 7)


def emoji_run(n: int) -> str:
    return "Putin 😀🇷🇺👍🏽 " * (n // 13)


def bare_emoji(n: int) -> str:
    return SENTENCE + "😀" * (n // 2) + " " + SENTENCE


def combining_run(n: int) -> str:
    return ("Kim" + "\u0301\u0323" * 20 + " said ") * (n // 48)


def many_lines(n: int) -> str:
    unit = "Russia warned that the\n"
    return unit * (n // len(unit))


def many_paragraphs(n: int) -> str:
    unit = "Officials in Moscow said the summit would deepen ties with Pyongyang this week.\n\n"
    return "".join(unit.replace("week", f"week {i}") for i in range(n // len(unit)))


def company_statements(n: int) -> str:
    # "the company" with no company named before: its speaker is looked up
    return "".join(f"Officials in Moscow Region Number {i} met today. The company said it will grow {i} times. "
                   for i in range(n // 90))


def many_speakers(n: int) -> str:
    def name(i: int) -> str:
        s, i = "", i + 100
        while i:
            s, i = s + "aeioulmnrst"[i % 11], i // 11
        return "K" + s

    return "".join(f"Minister Anna {name(i)} said the plan {name(i)} would work. She said {name(i)} twice. "
                   for i in range(n // 90))


def photo_captions(n: int) -> str:
    return "Text. " + "(photo:" * (n // 7)


def dateline(n: int) -> str:
    return "(" + "A" * n


ACTORS = load_actors()


def _stage_functions():
    return {
        "clean": lambda t: framing.clean_text(t),
        "sentences": lambda t: split_sentences(t),
        "quotes": lambda t: framing.extract_quotes(t),
        "loaded": lambda t: framing.find_loaded_terms(t),
        "naming": lambda t: framing.find_naming(t),
        "actors": lambda t: ACTORS.find_mentions(t),
        "pipeline": lambda t: framing.analyze(framing.Corpus((framing.Article.from_text(t, outlet_id="x"),))),
    }


ALL = ["clean", "sentences", "quotes", "loaded", "naming", "actors", "pipeline"]
TEXTUAL = ["clean", "sentences", "quotes", "loaded", "naming", "actors"]

#: (name, builder, base size in characters, stages)
INPUTS = [
    ("100k straight quotes", straight_quotes, 25_000, ALL),
    ("100k curly quotes", curly_quotes, 25_000, ALL),
    ("100k mixed quote marks", mixed_quotes, 25_000, ALL),
    ("quote marks between words", spaced_quotes, 75_000, ALL),
    ("unbalanced quoted words", quoted_words, 50_000, ALL),
    ("quoted names and loaded words", quoted_names, 200_000, ALL),
    ("speech verbs in one sentence", speech_in_one_sentence, 50_000, ALL),
    ("participles in one sentence", participles_in_one_sentence, 50_000, ALL),
    ("quotes inside sentences", quotes_in_sentences, 50_000, ALL),
    ("one paragraph, no sentence end", one_paragraph, 1_310_720, ["clean", "sentences", "quotes", "loaded", "naming", "actors"]),
    ("one paragraph (pipeline)", one_paragraph, 100_000, ["pipeline"]),
    ("nested parentheses", nested_parens, 200_000, ALL),
    ("alias repeated", alias_run, 1_750_000, ["clean", "sentences", "actors", "loaded", "naming"]),
    ("alias repeated (pipeline)", alias_run, 50_000, ["quotes", "pipeline"]),
    ("emoji run", emoji_run, 100_000, ALL),
    ("bare emoji", bare_emoji, 50_000, ALL),
    ("combining characters", combining_run, 100_000, ALL),
    ("many broken lines", many_lines, 100_000, ALL),
    ("many paragraphs", many_paragraphs, 100_000, ALL),
    ("'the company said', no company", company_statements, 100_000, ["quotes", "pipeline"]),
    ("many different speakers", many_speakers, 100_000, ["quotes", "pipeline"]),
    ("photo-caption markers", photo_captions, 100_000, ["clean"]),
    ("dateline capitals", dateline, 100_000, ["clean"]),
]


def _time(fn, text: str) -> float:
    """Best of up to three runs (one for a slow stage), each after a garbage
    collection, so that a collector pause does not pass for a slow stage."""
    best = float("inf")
    for _ in range(3):
        gc.collect()
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
        if best > 0.5:
            break
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    ap.add_argument("--only", help="run only inputs or stages whose name contains this")
    args = ap.parse_args(argv)
    stages = _stage_functions()
    warnings.simplefilter("ignore")
    print(f"{'input':34} {'stage':10} {'n chars':>10} {'t(n) s':>8} {'t(4n) s':>8} {'ratio':>6}")
    worst = 0.0
    for name, build, base, which in INPUTS:
        n = max(1000, int(base * args.scale))
        small, big = build(n), build(4 * n)
        for stage in which:
            if args.only and args.only not in name and args.only != stage:
                continue
            fn = stages[stage]
            try:
                fn(small[: min(len(small), 2000)])  # warm caches (lexicons, registries)
            except framing.FramingError:
                pass
            try:
                t1, t4 = _time(fn, small), _time(fn, big)
            except framing.FramingError as exc:
                print(f"{name:34} {stage:10} {len(small):>10} FramingError: {exc}")
                continue
            ratio = t4 / t1 if t1 > 0.002 else float("nan")
            worst = max(worst, ratio if ratio == ratio else 0)
            print(f"{name:34} {stage:10} {len(small):>10} {t1:8.3f} {t4:8.3f} {ratio:6.1f}", flush=True)
    print(f"worst ratio: {worst:.1f} (linear is about 4, quadratic about 16; ratios of tiny times are noisy)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
