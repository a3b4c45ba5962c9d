"""framing.dask: the same tables as the in-process run, on Dask's local schedulers."""

import pandas as pd
import pandas.testing as pdt
import pytest

import framing
import framing.dask

import dask  # the test extra installs Dask, pyarrow with it
import dask.bag as db
import dask.dataframe as dd


def _seed_frame() -> pd.DataFrame:
    rows = [{"id": a.article_id, "text": a.raw, "outlet_id": a.outlet_id, "title": a.title, "date": a.date,
             "outlet": a.outlet, "country": a.country} for a in framing.load_corpus()]
    return pd.DataFrame(rows, dtype=object)


def _same_tables(left, right):
    assert list(left.tables) == list(right.tables)
    for name, table in left.tables.items():
        pdt.assert_frame_equal(right.tables[name], table, obj=name)


@pytest.mark.parametrize("scheduler", ["sync", "threads", "processes"])
def test_a_dask_dataframe_gives_the_in_process_tables(scheduler):
    df = _seed_frame()
    in_process = framing.analyze(framing.Corpus.from_dataframe(df, article_id="id"), story="date")
    with dask.config.set(scheduler=scheduler):
        on_dask = framing.dask.analyze(dd.from_pandas(df, npartitions=3), article_id="id", story="date")
    _same_tables(in_process, on_dask)


def test_a_bag_of_articles_gives_the_in_process_tables():
    corpus = framing.load_corpus()
    with dask.config.set(scheduler="processes"):
        on_dask = framing.dask.analyze(db.from_sequence(list(corpus), npartitions=2))
    _same_tables(framing.analyze(corpus), on_dask)


def test_without_an_id_column_the_index_gives_the_ids():
    df = _seed_frame().set_index("id")
    with dask.config.set(scheduler="sync"):
        result = framing.dask.analyze(dd.from_pandas(df, npartitions=2))
    assert list(result.articles["article"]) == list(df.index)


@pytest.mark.parametrize("call, message", [
    (lambda: framing.dask.analyze(dd.from_pandas(_seed_frame(), npartitions=2), text="body"), "no column 'body'"),
    (lambda: framing.dask.analyze([1, 2]), "needs a dask DataFrame or a dask Bag"),
    (lambda: framing.dask.analyze(db.from_sequence(["text"], npartitions=1)), "a Bag must hold Articles"),
    (lambda: framing.dask.analyze(db.from_sequence([], npartitions=1)), "no articles"),
    (lambda: framing.dask.analyze(db.from_sequence([], npartitions=1), n_jobs=2), "n_jobs does not apply"),
    (lambda: framing.dask.analyze(db.from_sequence([], npartitions=1), window=0), "window must be"),
    (lambda: framing.dask.analyze(dd.from_pandas(_seed_frame().assign(id=["a", "b", None, "d", "e"]), npartitions=2),
                                  article_id="id"),
     r"the 'id' column \(the article id\) is empty"),
])
def test_mistakes_get_a_clear_message(call, message):
    with dask.config.set(scheduler="sync"), pytest.raises(framing.FramingError, match=message):
        call()


def test_without_dask_installed_the_message_names_the_extra(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(framing.FramingError, match=r"pip install framing\[dask\]"):
        framing.dask.analyze(None)
