"""The pipeline: articles -> evidence rows -> comparison tables.

:class:`Analyzer` is a configuration object in scikit-learn's manner: it
stores its keyword arguments as given and validates them when it runs.
:meth:`Analyzer.analyze_article` turns one cleaned article into evidence
(actor mentions with sentiment, quotes, loaded terms, naming choices,
readability, the article's statements for claim alignment and its frame
indicators), every item with character offsets into the cleaned text.
:meth:`Analyzer.analyze` does that for each article of a corpus, keeps only
the evidence rows, and hands them to :mod:`framing.tables`.

Claim alignment compares statements *across* articles, so it cannot run per
article: each article contributes its statements as evidence rows, and the
tables stage groups them into claims (within a story, see ``story``), the
same way it turns per-sentence scores into per-outlet means.
"""

from __future__ import annotations

import inspect
import itertools
import os
import sys
from collections import deque
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .actors import load_actors
from .claims import THRESHOLD, ClaimMatcher, statements_from
from .corpus import (TABLE_SUFFIXES, Article, Corpus, _pending_articles, _Pending, _progress_bar,
                     load_corpus)
from .errors import FramingError
from .frames import find_frames, load_frames
from .loaded import find_loaded_terms, find_naming, load_lexicon, load_naming
from .quotes import default_registry, extract_quotes, load_speakers
from .readability import readability, readability_ready
from .sentiment import WINDOW, score_span, sentence_valences
from .text import quoted_spans, sentence_at

if TYPE_CHECKING:
    from .tables import Analysis


@dataclass
class ArticleResult:
    """All evidence for one article. Offsets point into ``article.text``."""

    article: Article
    mentions: list = field(default_factory=list)      # (Mention, sentence index, TargetSentiment)
    sentiment: list = field(default_factory=list)     # (actor, Sentence, TargetSentiment, n mentions)
    quotes: list = field(default_factory=list)
    loaded: list = field(default_factory=list)
    naming: list = field(default_factory=list)
    readability: dict = field(default_factory=dict)
    statements: list = field(default_factory=list)    # claims.Statement, one per clause
    frames: list = field(default_factory=list)        # frames.FrameHit
    story: object = None                              # the article's story key (see Analyzer ``story``)

    def to_dict(self) -> dict:
        """A JSON-ready dict: metadata, sentences, mentions with sentiment,
        quotes, loaded terms, naming choices, readability and cleaning log."""
        a = self.article
        return {
            **a.meta(),
            "title": a.title,
            "words": a.words,
            "text": a.text,
            "sentences": [{"index": s.index, "start": s.start, "end": s.end, "text": s.text} for s in a.sentences],
            "mentions": [{**m.to_dict(), "sentence": si, "score": ts.score, "label": ts.label}
                         for m, si, ts in self.mentions],
            "actor_sentiment": [{"actor": actor, "sentence": s.index, "mentions": n, **ts.to_dict()}
                                for actor, s, ts, n in self.sentiment],
            "quotes": [q.to_dict() for q in self.quotes],
            "loaded_terms": [h.to_dict() for h in self.loaded],
            "naming": [h.to_dict() for h in self.naming],
            "statements": [{"sentence": st.sentence, "start": st.start, "end": st.end, "text": st.text,
                            "attributed": st.attributed} for st in self.statements],
            "frames": [h.to_dict() for h in self.frames],
            "readability": self.readability,
            "cleaning_log": [{"step": c.step, "reason": c.reason, "raw_start": c.raw_start, "raw_end": c.raw_end,
                              "text": c.text} for c in a.cleaning_log],
        }


class _Resources(NamedTuple):
    """The data an analysis reads, loaded and validated once per run."""

    actors: object
    lexicon: object
    naming: object
    speakers: object
    frames: object
    matcher: ClaimMatcher


class Analyzer:
    """Configuration for an analysis.

    Parameters (all keyword-only; stored as given, checked when run)
    ----------
    actors : None, path, dict or ActorSet
        The actor set (default: the packaged Russia–North Korea set).
    lexicon, naming, speakers : None or path
        A user CSV that extends the packaged loaded-language lexicon, naming
        variants or speaker registry.
    window : int
        Words on each side of an actor mention that its sentiment reads.
    min_sentences : int
        Outlet × actor figures built on fewer sentences are flagged
        ``low_evidence``.
    distinctive_top : int
        Distinctive terms listed per outlet.
    frames, frame_definitions : None or path
        The frame indicators CSV and the frame definitions CSV, each replacing
        the packaged one (see :func:`framing.frames.load_frames`).
    synonyms : None, path or dict
        Claim-matcher synonym groups added to the packaged ones.
    claim_threshold : float in (0, 1]
        Similarity a statement needs to join a claim (:mod:`framing.claims`).
    story : None, str, mapping or callable
        Which articles report the same story: claims are only aligned within
        one story. None = the whole corpus is one story (fine for a class's
        handful of articles); the name of an article field (e.g. ``"date"``);
        a mapping from article id to a key (articles it does not list share
        one story); or a function of the :class:`~framing.corpus.Article`
        returning a key.
    n_jobs : None or int
        Worker processes analysing articles side by side, as in scikit-learn:
        None or 1 = this process only; -1 = one per core; -2 = all cores but
        one. The tables are the same whatever the number. With more than one
        process, the options (a ``story`` function too) must be picklable
        where processes are started by "spawn" (Windows, macOS).
    """

    def __init__(self, *, actors=None, lexicon=None, naming=None, speakers=None, window: int = WINDOW,
                 min_sentences: int = 5, distinctive_top: int = 10, frames=None, frame_definitions=None,
                 synonyms=None, claim_threshold: float = THRESHOLD, story=None, n_jobs=None):
        self.actors = actors
        self.lexicon = lexicon
        self.naming = naming
        self.speakers = speakers
        self.window = window
        self.min_sentences = min_sentences
        self.distinctive_top = distinctive_top
        self.frames = frames
        self.frame_definitions = frame_definitions
        self.synonyms = synonyms
        self.claim_threshold = claim_threshold
        self.story = story
        self.n_jobs = n_jobs

    def get_params(self) -> dict:
        """The keyword arguments as stored, named as in ``__init__``."""
        return {k: getattr(self, k) for k in inspect.signature(type(self).__init__).parameters if k != "self"}

    def __repr__(self) -> str:
        changed = {k: v for k, v in self.get_params().items() if v != Analyzer().get_params()[k]}
        return f"Analyzer({', '.join(f'{k}={v!r}' for k, v in changed.items())})"

    # -- resources, validated at use ------------------------------------------
    def _resources(self):
        for name in ("window", "min_sentences", "distinctive_top"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise FramingError(f"{name} must be a whole number of at least 1, not {value!r}")
        if not (self.story is None or isinstance(self.story, str) or callable(self.story)
                or hasattr(self.story, "get")):
            raise FramingError(f"story must be None, an article field name, a mapping or a function, "
                               f"not {type(self.story).__name__}")
        if isinstance(self.story, str) and self.story not in {f.name for f in fields(Article)}:
            raise FramingError(f"story: articles have no field {self.story!r}")
        actors = load_actors(self.actors)
        matcher = ClaimMatcher(threshold=self.claim_threshold, actors=actors, synonyms=self.synonyms)
        matcher.check()  # a bad threshold or synonyms file fails before the first article, not after the last
        return _Resources(actors=actors,
                          lexicon=load_lexicon(self.lexicon) if self.lexicon is not None else load_lexicon(),
                          naming=load_naming(self.naming) if self.naming is not None else load_naming(),
                          speakers=load_speakers(self.speakers) if self.speakers is not None else default_registry(),
                          frames=load_frames(self.frames, self.frame_definitions),
                          matcher=matcher)

    def _story(self, article: Article):
        if self.story is None:
            return None
        if isinstance(self.story, str):
            return getattr(article, self.story)
        if callable(self.story):
            return self.story(article)
        return self.story.get(article.article_id)

    # -- one article -----------------------------------------------------------
    def analyze_article(self, article: Article) -> ArticleResult:
        """Evidence for one article (see :class:`ArticleResult`)."""
        return self._article(article, self._resources())

    def iter_results(self, corpus):
        """Yield the :class:`ArticleResult` of each article, one at a time.

        ``corpus`` is anything :meth:`analyze` accepts. The data files are read
        and validated once, before the first article. Runs in this process
        (``n_jobs`` does not apply: results hold the articles themselves).
        """
        res = self._resources()
        articles, total = _articles(corpus)
        for article in _progress(articles, total):
            yield self._article(_ready(article), res)

    def _article(self, article: Article, res: _Resources) -> ArticleResult:
        actors, lexicon, naming, speakers, frames = res.actors, res.lexicon, res.naming, res.speakers, res.frames
        text, sentences = article.text, article.sentences
        result = ArticleResult(article)
        result.quotes = extract_quotes(text, registry=speakers, sentences=sentences)
        result.statements = statements_from(text, sentences, [(q.start, q.end) for q in result.quotes],
                                            outlet=article.outlet_id, article=article.article_id)
        result.frames = find_frames(text, frames=frames, sentences=sentences)
        result.story = self._story(article)
        spans = _with_marks(text, [(q.start, q.end) for q in result.quotes])
        result.loaded = find_loaded_terms(text, lexicon=lexicon, quote_spans=spans)
        result.naming = find_naming(text, naming=naming, quote_spans=spans)
        result.readability = readability(text, sentences=sentences)

        # group mentions by (actor, sentence): one score per sentence and actor
        groups: dict[tuple[str, int], list] = {}
        for m in actors.find_mentions(text):
            s = sentence_at(sentences, m.start)
            if s is not None:
                groups.setdefault((m.actor, s.index), []).append(m)
        read: dict[int, object] = {}  # VADER's reading of each sentence, once, whatever its number of actors
        for (actor, si), ms in groups.items():
            if si not in read:
                read[si] = sentence_valences(text, sentences[si])
            ts = score_span(text, sentences[si], [(m.start, m.end) for m in ms], window=self.window,
                            valences=read[si])
            result.sentiment.append((actor, sentences[si], ts, len(ms)))
            result.mentions += [(m, si, ts) for m in ms]
        result.mentions.sort(key=lambda x: x[0].start)
        result.sentiment.sort(key=lambda x: (x[1].index, x[0]))
        return result

    # -- a corpus --------------------------------------------------------------
    def analyze(self, corpus) -> "Analysis":
        """Analyse a corpus and return an :class:`~framing.tables.Analysis`.

        ``corpus``: a Corpus, a folder or file path (an article, or a .jsonl,
        .parquet, .csv or .tsv table of articles, streamed as
        :func:`~framing.corpus.iter_articles` reads it), a DataFrame, None for
        the bundled seeds, or any iterable of Articles (a generator too:
        articles are analysed one at a time and only their evidence rows are
        kept).
        """
        from . import tables

        res = self._resources()
        workers = self._workers()
        articles, total = _articles(corpus)
        rows = tables.EvidenceRows(actors=res.actors, frames=res.frames, matcher=res.matcher)
        with _Pool(self, res, workers) as pool:
            for batch in _progress_batches(pool.batches(articles), total):
                rows.extend_batch(batch)
            if not rows.articles:
                raise FramingError("nothing to analyse: the corpus has no articles")
            if workers > 1:
                # the workers align the stories' claims while this process builds the other tables,
                # then go (their memory is let go before the tables are built, not after)
                rows.start_claims(mapper=pool.map)
                pool.release()
            return rows.to_analysis(min_sentences=self.min_sentences, distinctive_top=self.distinctive_top)

    def _workers(self) -> int:
        n = self.n_jobs
        if n is None:
            return 1
        if not isinstance(n, int) or isinstance(n, bool) or n == 0:
            raise FramingError(f"n_jobs must be None, a positive whole number, or -1 for every core; not {n!r}")
        cores = os.cpu_count() or 1
        return max(1, n if n > 0 else cores + 1 + n)


#: Articles sent to a worker process at a time (in one process: analysed
#: before their rows are added to the tables' columns, which costs less per
#: article eight at a time than one at a time), and batches kept in flight per
#: worker: enough to keep every core busy, few enough that memory stays flat
#: however long the stream of articles is.
BATCH = 8
IN_FLIGHT = 2


def _ready(article) -> Article:
    """``article``, parsed and cleaned first if it is still a streamed one."""
    return article.article() if isinstance(article, _Pending) else article


def _article_rows(analyzer: Analyzer, res: _Resources, article) -> dict:
    """One article's evidence rows (``article`` may still be a streamed one)."""
    from .tables import article_rows

    return article_rows(analyzer._article(_ready(article), res), res.actors)


_WORKER: dict = {}


def _start_worker(analyzer: Analyzer, res: _Resources) -> None:
    _WORKER["job"] = (analyzer, res)


def _batch(analyzer: Analyzer, res: _Resources, batch: list) -> tuple[int, dict]:
    """A batch of articles' number and rows (see ``_Pool.batches``), in this process or a worker."""
    from .tables import batch_rows

    return len(batch), batch_rows([_article_rows(analyzer, res, a) for a in batch])


def _work(batch: list) -> tuple[int, dict]:
    return _batch(*_WORKER["job"], batch)


class _Pool:
    """Turns articles into evidence rows, in order: in this process, or in a
    pool of worker processes fed a few batches ahead."""

    def __init__(self, analyzer: Analyzer, res: _Resources, workers: int):
        self.analyzer, self.res, self.workers = analyzer, res, workers
        self.executor = None

    def __enter__(self):
        if self.workers > 1:
            import concurrent.futures
            import multiprocessing

            # fork where it is safe and cheap (Linux): workers start with the data
            # files and textstat's dictionary already loaded
            ctx = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
            readability_ready()
            self.executor = concurrent.futures.ProcessPoolExecutor(
                self.workers, mp_context=ctx, initializer=_start_worker, initargs=(self.analyzer, self.res))
        return self

    def __exit__(self, *exc):
        if self.executor is not None:
            self.executor.shutdown(cancel_futures=True)
        return False

    def map(self, fn, items):
        """The workers' ``map``: the tasks are all sent at the call, and the
        results come back in order."""
        results = self.executor.map(fn, items)  # (sent here, not when the first result is read)

        def guarded():
            from concurrent.futures.process import BrokenProcessPool

            try:
                yield from results
            except BrokenProcessPool as e:
                raise _worker_stopped(e) from None

        return guarded()

    def release(self) -> None:
        """Take no more work: the workers finish what they were sent, then
        exit (their results can still be read)."""
        if self.executor is not None:
            self.executor.shutdown(wait=False)

    def batches(self, articles):
        """``(number of articles, their rows as tables.batch_rows puts them)``, in order."""
        if self.executor is None:
            for batch in _batches(articles, BATCH):
                yield _batch(self.analyzer, self.res, batch)
            return
        from concurrent.futures.process import BrokenProcessPool

        batches = _batches(articles, BATCH)
        pending = deque()
        try:
            for batch in itertools.islice(batches, self.workers * IN_FLIGHT):
                pending.append(self.executor.submit(_work, batch))
            while pending:
                done = pending.popleft().result()
                batch = next(batches, None)
                if batch is not None:
                    pending.append(self.executor.submit(_work, batch))
                yield done
        except BrokenProcessPool as e:
            raise _worker_stopped(e) from None
        except Exception as e:  # a pickling error's class lives in the pickle module, which we don't import
            if "pickl" not in f"{type(e).__name__} {e}".lower():
                raise
            raise FramingError(f"n_jobs: the options cannot be sent to worker processes ({e}); define a story "
                               "function at module level, or use n_jobs=None") from None


def _worker_stopped(e: Exception) -> FramingError:
    return FramingError(f"a worker process stopped unexpectedly ({e}); try n_jobs=None")


def _batches(articles, size: int):
    it = iter(articles)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _articles(source) -> tuple:
    """``source`` as an iterator of Articles, and their number if known
    (0 when the reader shows its own progress)."""
    if isinstance(source, Corpus):
        return iter(source), len(source)
    if source is None:
        corpus = load_corpus()
        return iter(corpus), len(corpus)
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir() or path.suffix.lower() in TABLE_SUFFIXES:
            # read as analysed, with the reader's own progress bar (bytes, rows or files); each article is
            # parsed and cleaned where it is analysed (in a worker process, with n_jobs)
            return _pending_articles(path), 0
        corpus = load_corpus(path)
        return iter(corpus), len(corpus)
    if hasattr(source, "iterrows") and hasattr(source, "columns"):
        corpus = Corpus.from_dataframe(source)
        return iter(corpus), len(corpus)
    try:
        items = iter(source)
    except TypeError:
        raise FramingError(f"cannot analyse a {type(source).__name__}; pass a Corpus, a folder path or a DataFrame") from None
    total = len(source) if hasattr(source, "__len__") else None
    return _checked(items), total


def _checked(items):
    for a in items:
        if not isinstance(a, Article):
            raise FramingError(f"cannot analyse a {type(a).__name__} as an article: pass a Corpus, a folder path, "
                               "a DataFrame or Articles")
        yield a


#: A corpus of more articles than this gets a progress bar (on a terminal only).
PROGRESS_MIN_ARTICLES = 5


def _analysis_bar(total: int | None, **options):
    """A tqdm progress bar on standard error when that is a terminal and
    there are more than a handful of articles (or an unknown number, from a
    stream); None otherwise (pipes, files, notebooks' captured output, tests)."""
    if total == 0 or (total is not None and total <= PROGRESS_MIN_ARTICLES):
        return None
    return _progress_bar(None, total=total, desc="analysing", unit="article", **options)


def _progress(items, total: int | None):
    """``items``, with a progress bar (see :func:`_analysis_bar`)."""
    bar = _analysis_bar(total, iterable=items)
    return items if bar is None else bar


def _progress_batches(batches, total: int | None):
    """The rows of ``batches`` (see ``_Pool.batches``), with a progress bar
    counting their articles (see :func:`_analysis_bar`)."""
    bar = _analysis_bar(total)
    try:
        for n, rows in batches:
            yield rows
            if bar is not None:
                bar.update(n)
    finally:
        if bar is not None:
            bar.close()


def _with_marks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quote spans plus every span inside quotation marks (scare quotes too),
    so that words an outlet puts in quotes never count as its own voice."""
    return sorted(set(spans) | set(quoted_spans(text)))


def analyze(corpus=None, actors=None, **options) -> "Analysis":
    """Analyse a corpus and return its comparison tables.

    ``framing.analyze(framing.load_corpus())`` gives an
    :class:`~framing.tables.Analysis`, whose tables are pandas DataFrames
    (``.summary``, ``.actor_sentiment``, ``.quotes``, ...). ``actors`` and the
    keyword-only ``options`` are those of :class:`Analyzer`.
    """
    return Analyzer(actors=actors, **options).analyze(corpus)

