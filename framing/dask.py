"""The same analysis on Dask, for corpora beyond one machine.

Needs the optional extra: ``pip install "framing[dask]"``.

>>> import dask.dataframe as dd
>>> import framing.dask
>>> ddf = dd.read_parquet("coverage/*.parquet")          # text, outlet_id, id, date, ...
>>> result = framing.dask.analyze(ddf, article_id="id", story="date")
>>> result.summary

Each partition's articles are cleaned and analysed where Dask runs the
partition (a thread, a process or a cluster's worker, whichever scheduler is
active); only their evidence rows come back, and the tables are built from
them exactly as :meth:`framing.Analyzer.analyze` builds them. So the tables
are the same as an in-process run over the same articles in the same order.
Dask does the scheduling; framing adds none of its own.

What comes back to the client is the evidence rows, i.e. the tables, not the
texts' intermediate results. Claim alignment, distinctive terms and
similarity run on the client, over those rows.
"""

from __future__ import annotations

from .analysis import Analyzer, _article_rows
from .corpus import META_FIELDS, Article, _article_id, _missing
from .errors import FramingError
from .tables import batch_rows


def _dask():
    try:
        import dask
        import dask.bag
    except ImportError:
        raise FramingError('framing.dask needs Dask, which is not installed; install it with '
                           '"pip install framing[dask]"') from None
    return dask


def analyze(data, *, text: str = "text", outlet_id: str = "outlet_id", article_id: str | None = None,
            **options):
    """Analyse a Dask collection of articles and return an
    :class:`~framing.tables.Analysis`.

    Parameters
    ----------
    data : dask.dataframe.DataFrame or dask.bag.Bag
        A DataFrame with one row per article (raw text in ``text``, outlet id
        in ``outlet_id``, and the manifest fields outlet, country, ownership,
        title, author, date, url, language when present), or a Bag of
        :class:`~framing.corpus.Article` objects.
    text, outlet_id, article_id : str, keyword-only
        Column names, for a DataFrame. Article ids come from the
        ``article_id`` column, or else from the DataFrame's index (each
        partition only sees its own rows, so row numbers cannot be used).
        Ids must be unique.
    **options
        The keyword-only options of :class:`~framing.analysis.Analyzer`
        (``actors``, ``story``, ``window``, ...), except ``n_jobs``: Dask's
        scheduler decides where partitions run. They are validated here,
        before anything is computed, and sent to the workers with the tasks.
    """
    dask = _dask()
    if "n_jobs" in options:
        raise FramingError("framing.dask.analyze: n_jobs does not apply; Dask's scheduler decides where work runs")
    analyzer = Analyzer(**options)
    res = analyzer._resources()  # bad options fail here, before any work is scheduled
    if isinstance(data, dask.bag.Bag):
        partitions = data.map_partitions(_bag_rows, analyzer)
    elif hasattr(data, "map_partitions") and hasattr(data, "columns") and hasattr(data, "to_delayed"):
        for col in (text, outlet_id, article_id):
            if col is not None and col not in data.columns:
                raise FramingError(f"framing.dask.analyze: no column {col!r}; the DataFrame has "
                                   f"{', '.join(map(str, data.columns))}")
        partitions = dask.bag.from_delayed([dask.delayed(_frame_rows)(part, analyzer, text, outlet_id, article_id)
                                            for part in data.to_delayed()])
    else:
        raise FramingError(f"framing.dask.analyze needs a dask DataFrame or a dask Bag of Articles, "
                           f"not a {type(data).__name__}")
    from .tables import EvidenceRows

    rows = EvidenceRows(actors=res.actors, frames=res.frames, matcher=res.matcher)
    for batch in partitions.compute():
        rows.extend_batch(batch)
    if not rows.articles:
        raise FramingError("nothing to analyse: the collection has no articles")
    return rows.to_analysis(min_sentences=analyzer.min_sentences, distinctive_top=analyzer.distinctive_top)


def _bag_rows(articles, analyzer: Analyzer) -> list[dict]:
    res = analyzer._resources()
    out = []
    for a in articles:
        if not isinstance(a, Article):
            raise FramingError(f"framing.dask.analyze: a Bag must hold Articles, not {type(a).__name__}; "
                               "map your records with framing.Article.from_text first")
        out.append(_article_rows(analyzer, res, a))
    return [batch_rows(out)]


def _frame_rows(part, analyzer: Analyzer, text: str, outlet_id: str, article_id: str | None) -> list[dict]:
    """Clean and analyse one partition (a pandas DataFrame) of articles."""
    res = analyzer._resources()
    meta = [k for k in META_FIELDS if k in part.columns]
    ids = part[article_id] if article_id is not None else part.index
    out = []
    for aid, (_, row) in zip(ids, part.iterrows()):
        where = f"DataFrame row {aid!r}"
        aid = _article_id(aid, where, f"the {article_id!r} column (the article id)" if article_id is not None
                          else "the article id (from the index)")
        raw = "" if _missing(row[text]) else str(row[text])
        oid = "" if _missing(row[outlet_id]) else str(row[outlet_id])
        fields = {k: ("" if _missing(row[k]) else str(row[k])) for k in meta}
        article = Article.from_text(raw, outlet_id=oid, article_id=aid, source=where, **fields)
        out.append(_article_rows(analyzer, res, article))
    return [batch_rows(out)]
