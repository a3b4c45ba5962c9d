"""The ``framing`` command: report and analyze.

    framing report [SOURCE] --out DIR     report.html, report.md, tables/*.csv
    framing worksheet [SOURCE] --out DIR  worksheet.html and answer_key.html for a class
    framing analyze FILE... [--json]      per-article evidence

SOURCE is a folder (with or without MANIFEST.csv), an article file, or a
.jsonl, .parquet, .csv or .tsv file of articles, one per line or row (read
as a stream); by default the bundled seeds. Problems with the input are
printed as one line naming the file and the problem, and the command exits
with status 2.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import warnings

from .errors import FramingError, FramingWarning

EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="framing", description="Compare how news outlets frame the same story.")
    p.add_argument("--version", action="version", version=f"framing {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def common(sp):
        sp.add_argument("--actors", metavar="FILE", help="actor set (.toml or .csv) instead of the default")
        sp.add_argument("--lexicon", metavar="FILE", help="CSV of loaded terms added to the packaged lexicon")
        sp.add_argument("--naming", metavar="FILE", help="CSV of naming variants added to the packaged ones")
        sp.add_argument("--speakers", metavar="FILE", help="CSV of speakers added to the packaged registry")

    def stories(sp):
        sp.add_argument("--story", metavar="FIELD",
                        help="article field (e.g. date) whose value groups articles into stories: claims are only "
                             "compared within a story (default: all articles are one story)")
        sp.add_argument("--jobs", type=int, metavar="N",
                        help="worker processes: N, or -1 for one per core (default: this process only)")

    r = sub.add_parser("report", help="write the comparison report for a corpus",
                       description="Analyse a corpus and write report.html, report.md and tables/*.csv.")
    r.add_argument("source", nargs="?", help="folder, article file, or .jsonl/.parquet/.csv/.tsv file of "
                                             "articles (default: the bundled seeds)")
    r.add_argument("--out", required=True, metavar="DIR", help="output folder")
    common(r)
    stories(r)

    w = sub.add_parser("worksheet", help="write a classroom worksheet and its answer key",
                       description="Analyse a corpus and write worksheet.html (for students) and answer_key.html "
                                   "(for the teacher), two printable pages.")
    w.add_argument("source", nargs="?", help="folder, article file, or .jsonl/.parquet/.csv/.tsv file of "
                                             "articles (default: the bundled seeds)")
    w.add_argument("--out", required=True, metavar="DIR", help="output folder")
    w.add_argument("--questions", metavar="FILE", help="CSV of question templates added to the packaged ones")
    w.add_argument("--only-my-questions", action="store_true",
                   help="use only the questions in --questions, not the packaged ones")
    common(w)
    stories(w)

    a = sub.add_parser("analyze", help="print the evidence for each article",
                       description="Analyse articles one by one and print their evidence.")
    a.add_argument("files", nargs="+", metavar="FILE", help="article files (.txt, .md or .html), or tables of "
                                                            "articles (.jsonl, .parquet, .csv or .tsv)")
    a.add_argument("--json", action="store_true", help="print one JSON object per article (JSON Lines)")
    common(a)
    return p


def _version() -> str:
    from . import __version__

    return __version__


def _options(args) -> dict:
    options = {"actors": args.actors, "lexicon": args.lexicon, "naming": args.naming, "speakers": args.speakers}
    if getattr(args, "story", None):
        options["story"] = args.story
    if getattr(args, "jobs", None) is not None:
        options["n_jobs"] = args.jobs
    return options


def _analysed(analysis) -> str:
    articles = analysis.articles
    return f"Analysed {len(articles)} articles from {articles['outlet'].nunique()} outlets."


def _report(args) -> int:
    from .analysis import Analyzer
    from .report import write_report

    analysis = Analyzer(**_options(args)).analyze(args.source)
    paths = write_report(analysis, args.out)
    print(_analysed(analysis))
    print(f"  {paths['html']}\n  {paths['markdown']}\n  {paths['tables']}/ ({len(analysis.tables)} CSV tables)")
    return 0


def _worksheet(args) -> int:
    from .analysis import Analyzer
    from .report import write_worksheet

    if args.only_my_questions and not args.questions:
        raise FramingError("--only-my-questions needs --questions FILE")
    analysis = Analyzer(**_options(args)).analyze(args.source)
    paths = write_worksheet(analysis, args.out, questions=args.questions, replace=args.only_my_questions)
    print(_analysed(analysis))
    print(f"  {paths['worksheet']} (for students)\n  {paths['answer_key']} (for the teacher)")
    return 0


def _json_default(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _analyze(args) -> int:
    from .analysis import Analyzer
    from .corpus import load_files

    utf8 = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "") == "utf8"
    for result in Analyzer(**_options(args)).iter_results(load_files(args.files)):
        if args.json:
            d = result.to_dict()
            d["readability"] = {k: (None if isinstance(v, float) and math.isnan(v) else v)
                                for k, v in d["readability"].items()}
            print(json.dumps(d, ensure_ascii=not utf8, default=_json_default))
        else:
            _print_digest(result)
    return 0


def _print_digest(result) -> None:
    a = result.article
    print(f"== {a.source or a.article_id} ({a.outlet_id}): {a.words} words, {len(a.sentences)} sentences, "
          f"{len(a.cleaning_log)} cleaning steps")
    tones: dict[str, list[float]] = {}
    for actor, _, ts, _ in result.sentiment:
        tones.setdefault(actor, []).append(ts.score)
    for actor, scores in sorted(tones.items(), key=lambda kv: -len(kv[1])):
        print(f"  tone toward {actor}: {sum(scores) / len(scores):+.2f} over {len(scores)} sentences")
    print(f"  quotes: {len(result.quotes)}")
    for q in result.quotes:
        print(f"    [{q.kind}] {q.speaker or 'unknown'} ({q.speaker_country or '?'}, {q.speaker_role}) "
              f"{q.verb or ''}: {q.text[:70]}")
    print(f"  loaded terms: {', '.join(f'{h.text} ({h.voice})' for h in result.loaded) or 'none'}")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``framing`` command; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE

    def show(message, category, filename, lineno, file=None, line=None):
        text = str(message)
        prefix = "warning" if issubclass(category, FramingWarning) else category.__name__
        print(f"framing: {prefix}: {text}", file=sys.stderr)

    with warnings.catch_warnings():
        warnings.showwarning = show
        warnings.simplefilter("always", FramingWarning)
        try:
            run = {"report": _report, "worksheet": _worksheet, "analyze": _analyze}[args.command]
            return run(args)
        except FramingError as exc:
            print(f"framing: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except BrokenPipeError:
            return 0
        except OSError as exc:  # a disk that is full, a folder we may not write...
            where = f"{exc.filename}: " if exc.filename else ""
            print(f"framing: error: {where}{exc.strerror or exc}", file=sys.stderr)
            return EXIT_USAGE
        except KeyboardInterrupt:
            print("framing: interrupted", file=sys.stderr)
            return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
