"""Evidence rows -> comparison tables (pandas DataFrames).

:class:`EvidenceRows` collects plain rows from each analysed article and
keeps nothing else, so memory grows with the evidence, not with the texts.
:meth:`EvidenceRows.to_analysis` aggregates them into the tables of an
:class:`Analysis`. Every aggregate can be traced back: each table has an
evidence table with the article and character offsets behind it.

The scores, as aggregated here:

``actor_sentiment.score``
    Mean, over the sentences of an outlet that mention the actor, of the
    sentiment toward the actor in that sentence (:mod:`framing.sentiment`).
    Range [-1, 1]; higher = warmer toward the actor. ``ci_low``/``ci_high``
    is an approximate 95% interval: mean ± 1.96 · max(sd, 0.35) / √n,
    clipped to [-1, 1]; the floor of 0.35 keeps a few agreeing sentences from
    looking certain. ``low_evidence`` is True below ``min_sentences``.

``quotation_balance.balance_index``
    How evenly an outlet's quoted words are spread across the story's
    opposing sides (the actor set's ``sides``): the Shannon entropy of the
    words' distribution over the sides, divided by its maximum, log(number of
    sides). Range [0, 1]; 1 = every side got the same number of quoted words,
    0 = only one side was quoted. Quotes from speakers of other or unknown
    affiliation do not enter it. Undefined (NaN, with ``status`` saying
    why) when the outlet quotes nobody from any side.

``loaded_density.per_1000``
    Loaded-lexicon hits per 1,000 words of the outlet's text, by category and
    voice (own = the outlet's narration, quoted = inside a quotation or
    reported speech). Higher = more charged wording.

``frames.share``
    The share of an outlet's sentences that hold at least one indicator of
    the frame (:mod:`framing.frames`), in [0, 1]; a sentence can count for
    several frames, so an outlet's shares do not add up to 1.
    ``frame_evidence`` lists every counted sentence with the indicators found.

``coverage.status``
    For each claim (statements grouped across outlets, :mod:`framing.claims`)
    and outlet: ``reported`` (in the outlet's own voice at least once),
    ``attributed`` (only as somebody's words) or ``absent``. Claims are
    aligned here, not per article, because they compare articles with each
    other; only articles of one story are compared (``Analyzer(story=...)``),
    so the cost is quadratic in the size of the largest story, not of the
    corpus. A story of more than :data:`MAX_STORY_STATEMENTS` statements is
    not aligned (a warning says so). ``claim_statements`` lists every
    statement of every claim with its offsets; ``exclusive_claims`` the
    claims only one outlet carries.
"""

from __future__ import annotations

import math
import sys
import warnings
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from operator import add, is_
from pathlib import Path
from typing import Callable, Mapping

import pandas as pd

from .actors import ActorSet
from .claims import ClaimMatcher, Statement, exclusive_claims, statement_words
from .distinctive import article_terms, counts_from, distinctive_terms, outlet_similarity
from .errors import FramingError, FramingWarning
from .frames import Frames, load_frames
from .readability import METRICS
from .text import sentence_at, word_count

SD_FLOOR = 0.35
#: A story with more statements than this is not aligned into claims (memory grows with its square).
MAX_STORY_STATEMENTS = 6000
#: "Only in this outlet" claims listed per outlet.
EXCLUSIVE_TOP = 5
#: The row lists each article contributes (see :func:`article_rows`).
ROW_TABLES = ("articles", "sentiment", "mentions", "quotes", "loaded", "naming", "statements", "frame_hits",
              "readability", "cleaning")
NO_QUOTES = "no sourced quotes"
NO_SIDE_QUOTES = "no quotes from either side"

#: Table names written by ``Analysis.to_csv`` and shown in the report.
TABLES = ("summary", "actor_sentiment", "sentiment_evidence", "mentions", "quotes", "quotation_balance",
          "quotes_by_side", "attribution_verbs", "loaded_terms", "loaded_density", "loaded_evidence", "naming",
          "naming_evidence", "coverage", "claim_statements", "exclusive_claims", "frames", "frame_evidence",
          "readability", "distinctive", "similarity", "articles", "cleaning_log")


def interval(scores: list[float]) -> tuple[float, float, float]:
    """Mean and approximate 95% interval of ``scores`` (see module docstring)."""
    n = len(scores)
    if not n:
        return math.nan, math.nan, math.nan
    mean = sum(scores) / n
    sd = math.sqrt(sum((s - mean) ** 2 for s in scores) / (n - 1)) if n > 1 else 0.0
    half = 1.96 * max(sd, SD_FLOOR) / math.sqrt(n)
    return round(mean, 3), round(max(-1.0, mean - half), 3), round(min(1.0, mean + half), 3)


def balance_index(words_by_side: dict[str, int], sides: tuple[str, ...]) -> float:
    """Normalised entropy of quoted words over ``sides`` (see module docstring)."""
    if len(sides) < 2:
        return math.nan
    counts = [words_by_side.get(s, 0) for s in sides]
    total = sum(counts)
    if not total:
        return math.nan
    h = sum(c / total * math.log(total / c) for c in counts if c)
    return round(h / math.log(len(sides)), 3) + 0.0  # + 0.0 turns -0.0 into 0.0


@dataclass
class Analysis:
    """The comparison tables of one analysis, as pandas DataFrames.

    Access a table as an attribute (``analysis.summary``) or by name
    (``analysis.tables["quotes"]``). :meth:`to_csv` writes them all.
    """

    tables: dict[str, pd.DataFrame]
    sides: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()

    def __getattr__(self, name):
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(f"Analysis has no table {name!r}; tables: {', '.join(tables)}")

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self.tables))

    def __repr__(self) -> str:
        outlets = ", ".join(map(str, self.tables["summary"]["outlet"])) if "summary" in self.tables else ""
        return f"<Analysis of {outlets}: tables {', '.join(self.tables)}>"

    def to_csv(self, folder: str | Path) -> list[Path]:
        """Write every table as ``<folder>/<name>.csv``; return the paths."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, df in self.tables.items():
            path = folder / f"{name}.csv"
            df.to_csv(path, index=(name == "similarity"))
            paths.append(path)
        return paths


#: Evidence columns with few distinct values (ids, names, labels). They are kept as codes into a list of
#: their values, and come out as pandas ``category`` columns (categories in sorted order), so that a
#: large corpus's tables cost a byte or two per cell for them instead of a pointer.
CATEGORICAL = frozenset({"outlet", "article", "actor", "alias", "kind", "label", "frame", "voice", "concept",
                         "variant", "term", "category", "step", "reason", "status", "speaker_side",
                         "speaker_country", "speaker_role", "verb"})
#: Evidence columns of text made from a lexicon's entries (the words that set a sentence's score, a frame's
#: indicators found): a corpus repeats them, so each distinct value is kept once, though they come out as
#: plain text columns.
SHARED_TEXT = frozenset({"words", "indicators"})


class _Codes:
    """One categorical column: a compact array of codes into ``values``
    (-1 for a missing value)."""

    __slots__ = ("codes", "values", "index", "plain")

    def __init__(self, *, plain: bool = False):
        self.codes = array("h")  # two bytes a code, four once there are more values than that holds
        self.values: list = []
        self.index: dict = {None: -1}
        self.plain = plain  # come out as a text column, not a categorical

    def extend(self, values) -> None:
        index = self.index
        codes = list(map(index.get, values))  # None where a value is new
        if None in codes:
            # the new values, each once, in the order they first come: their codes, then every code again
            for v in dict.fromkeys(compress(values, map(is_, codes, repeat(None)))):
                index[v] = len(self.values)
                self.values.append(v)
            codes = list(map(index.get, values))
            if len(self.values) > 32768 and self.codes.typecode == "h":
                self.codes = array("i", self.codes)
        self.codes.fromlist(codes)  # (an array takes a list faster this way than with extend)

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self):
        return map([*self.values, None].__getitem__, self.codes)  # code -1 picks the None at the end

    def categorical(self) -> pd.Categorical:
        """The column as a pandas Categorical whose categories are sorted
        (so that sorting by it sorts by value, and two runs that met the
        values in another order give equal columns)."""
        import numpy as np

        try:
            order = sorted(range(len(self.values)), key=self.values.__getitem__)
        except TypeError:  # values that do not sort together (a user's mixed ids): sort them as text
            order = sorted(range(len(self.values)), key=lambda i: str(self.values[i]))
        new = np.empty(len(order) + 1, dtype=np.int32)
        new[np.array(order, dtype=np.intp)] = np.arange(len(order), dtype=np.int32)
        new[-1] = -1  # code -1 (missing) stays -1
        codes = new[np.frombuffer(self.codes, dtype=np.int16 if self.codes.typecode == "h" else np.int32)]
        return pd.Categorical.from_codes(codes, categories=[self.values[i] for i in order])


class _Columns:
    """One evidence table kept column by column: a list (or, for numbers, a
    compact array; for :data:`CATEGORICAL` and :data:`SHARED_TEXT` columns,
    codes) per column instead of a dict per row, so that the rows of a large corpus cost
    a few bytes each. Iterating gives each row as a dict, one at a time."""

    __slots__ = ("names", "cols")

    def __init__(self):
        self.names: list[str] = []
        self.cols: list = []

    def append(self, row: dict) -> None:
        self.extend((row,))

    def extend(self, rows) -> None:
        """Add rows (dicts with the same keys as the rows before)."""
        rows = list(rows)
        if rows:
            keys = list(rows[0])
            self.extend_columns(keys, [[r[k] for r in rows] for k in keys])

    def extend_columns(self, keys: list[str], columns: list[list]) -> None:
        """Add rows given column by column: ``columns[i]`` holds the values
        of column ``keys[i]``, one per row (see :func:`batch_rows`)."""
        if not columns or not len(columns[0]):
            return
        if not self.names:
            self.names = list(keys)
            self.cols = [_Codes() if k in CATEGORICAL else _Codes(plain=True) if k in SHARED_TEXT
                         else array("q") if type(v[0]) is int else array("d") if type(v[0]) is float else []
                         for k, v in zip(keys, columns)]
        if keys != self.names:  # the same columns in another order: line them up
            by_key = dict(zip(keys, columns))
            columns = [by_key[k] for k in self.names]
        for i, values in enumerate(columns):
            col = self.cols[i]
            before = len(col)
            try:
                if type(col) is array:
                    col.fromlist(list(values))  # faster than extend (and all or nothing)
                else:
                    col.extend(values)
            except TypeError:  # not a number after all (None), or not hashable: a plain list from now on
                self.cols[i] = list(col)[:before]
                self.cols[i].extend(values)

    def __len__(self) -> int:
        return len(self.cols[0]) if self.cols else 0

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self):
        names = self.names
        for values in zip(*self.cols):
            yield dict(zip(names, values))

    def tuples(self, *names: str):
        """The rows as tuples of the named columns' values (cheaper than a dict per row)."""
        return zip(*(self.column(n) for n in names))

    def column(self, name: str):
        """A column's values, in row order."""
        return self.cols[self.names.index(name)] if self.names else []

    def array(self, name: str):
        """A column's values as a numpy array: int64 or float64 for a number
        column, else an array of the values themselves."""
        import numpy as np

        col = self.column(name)
        return _column_values(col) if isinstance(col, array) else np.array(list(col), dtype=object)

    def codes(self, name: str):
        """A column as numpy codes (from 0) and the list of the values they stand for."""
        import numpy as np

        col = self.column(name)
        if isinstance(col, _Codes):
            codes = np.frombuffer(col.codes, dtype=np.int16 if col.codes.typecode == "h" else np.int32)
            return codes.astype(np.int64) + 1, [None, *col.values]  # one up: a missing value's code (-1) is 0
        index: dict = {}
        return np.array([index.setdefault(v, len(index)) for v in col], dtype=np.int64), list(index)

    def groups(self, *names: str) -> dict:
        """The row numbers of each distinct combination of the named columns'
        values: ``{(value, ...): numpy array of row numbers, in row order}``.
        Found at once on the columns' codes, not row by row."""
        import numpy as np

        if not self:
            return {}
        key = np.zeros(len(self), dtype=np.int64)
        columns = []
        for name in names:
            codes, values = self.codes(name)
            # a code per combination of the columns so far, numbered from 0 again so that it stays small
            key = np.unique(key * len(values) + codes, return_inverse=True)[1]
            columns.append((codes, values))
        order = np.argsort(key, kind="stable")  # the rows of each combination together, still in row order
        return {tuple(values[codes[rows[0]]] for codes, values in columns): rows
                for rows in np.split(order, np.flatnonzero(np.diff(key[order])) + 1)}

    def frame(self, columns: list[str]) -> pd.DataFrame:
        """The table as a DataFrame with ``columns`` (in that order), even when empty."""
        if not self:
            return pd.DataFrame({c: pd.Categorical([]) if c in CATEGORICAL else pd.Series([], dtype=object)
                                 for c in columns}, columns=columns)
        return pd.DataFrame({c: _column_values(self.column(c)) for c in columns}, columns=columns)


def _column_values(col):
    """A column of :class:`_Columns` as pandas takes it: a number array as a
    numpy array of its values (pandas reads a plain ``array`` item by item,
    as it would a list, and makes the same int64 or float64 column of it),
    and a text column as :func:`_text_values` makes it."""
    import numpy as np

    if isinstance(col, _Codes):
        if not col.plain:
            return col.categorical()
        col = list(col)
    if isinstance(col, array):
        return np.frombuffer(col, dtype=np.int64 if col.typecode == "q" else np.float64)
    return _text_values(col)


def _text_values(values: list):
    """A column of text (and missing values) in the text type pandas gives it,
    with its strings kept as the Python strings they are; any other column as
    it is.

    Since pandas 3 a column of text is of the "str" type, and when pyarrow is
    installed pandas copies every string into Arrow's memory by default: a
    sentence repeated in many rows is then stored many times, and a large
    corpus's evidence tables took half as much memory again (1.5 GiB for
    10,000 articles instead of 0.8). The "str" type that keeps Python strings
    holds each repeated sentence once, and gives the same evidence columns
    whether pyarrow is installed or not. Before pandas 3, text stays as
    objects."""
    dtype = _python_str()
    if dtype is None or pd.api.types.infer_dtype(values, skipna=True) != "string":
        return values
    return pd.array(values, dtype=dtype)


def _python_text(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with all its text, column names and row labels included, in
    the "str" type with Python storage (see :func:`_text_values`), and its
    categorical columns' categories too: a table's types are then the same
    whether pyarrow is installed or not. (The evidence columns already are;
    this is for the small tables pandas builds from rows, and the labels.)"""
    dtype = _python_str()
    if dtype is None:
        return df

    def plain(values):  # an Index or a column, moved to Python storage if pandas gave it Arrow's
        kind = values.dtype
        return values.astype(dtype) if isinstance(kind, pd.StringDtype) and kind != dtype else values

    df.columns = plain(df.columns)
    df.index = plain(df.index)
    for i, kind in enumerate(df.dtypes):
        if isinstance(kind, pd.StringDtype) and kind != dtype:
            df.isetitem(i, df.iloc[:, i].astype(dtype))
        elif isinstance(kind, pd.CategoricalDtype) and plain(kind.categories) is not kind.categories:
            col = df.iloc[:, i]
            df.isetitem(i, pd.Series(pd.Categorical.from_codes(col.cat.codes, dtype=pd.CategoricalDtype(
                plain(kind.categories), ordered=kind.ordered)), index=df.index, name=col.name))
    return df


@lru_cache(maxsize=1)
def _python_str():
    """pandas's "str" type with Python storage, or None for a pandas that
    keeps text as objects."""
    inferred = pd.Series(["text"]).dtype
    if not isinstance(inferred, pd.StringDtype):
        return None
    return pd.StringDtype(storage="python", na_value=inferred.na_value)


@dataclass
class EvidenceRows:
    """Plain evidence rows gathered article by article, each table kept
    column by column (:class:`_Columns`)."""

    actors: ActorSet
    frames: Frames | None = None
    matcher: ClaimMatcher | None = None
    mentions: _Columns = field(default_factory=_Columns)
    sentiment: _Columns = field(default_factory=_Columns)
    quotes: _Columns = field(default_factory=_Columns)
    loaded: _Columns = field(default_factory=_Columns)
    naming: _Columns = field(default_factory=_Columns)
    readability: _Columns = field(default_factory=_Columns)
    articles: _Columns = field(default_factory=_Columns)
    cleaning: _Columns = field(default_factory=_Columns)
    statements: _Columns = field(default_factory=_Columns)
    frame_hits: _Columns = field(default_factory=_Columns)
    story: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)  # outlet -> Counter of its articles' terms (distinctive, similarity)
    started_claims: Callable | None = None  # see start_claims

    def add(self, result) -> None:
        """Take the rows of one :class:`~framing.analysis.ArticleResult`."""
        self.extend(article_rows(result, self.actors))

    def extend(self, rows: dict) -> None:
        """Take one article's rows, as :func:`article_rows` made them."""
        self.extend_batch(batch_rows([rows]))

    def extend_batch(self, batch: dict) -> None:
        """Take the rows of a batch of articles, as :func:`batch_rows` put
        them together (possibly in another process: they are plain data)."""
        seen = set()
        for aid in batch["ids"]:
            if aid in self.story or aid in seen:
                raise FramingError(f"duplicate article id {aid!r}: each article needs its own id")
            seen.add(aid)
        self.story.update(zip(batch["ids"], batch["stories"]))
        for outlet, counts in batch["terms"].items():
            if outlet in self.terms:
                _add_counts(self.terms[outlet], counts)
            else:  # the batch's own counter (batch_rows made it): taken, not copied
                self.terms[outlet] = counts if type(counts) is Counter else Counter(counts)
        for name in ROW_TABLES:
            if name in batch:
                getattr(self, name).extend_columns(*batch[name])

    # -- aggregation -----------------------------------------------------------
    def start_claims(self, *, mapper) -> None:
        """Start aligning the statements into claims, with ``mapper``: a
        ``map`` that runs elsewhere, such as a process pool's (see
        :meth:`ClaimMatcher.iter_align`). Its workers cluster the stories
        while :meth:`to_analysis` builds the other tables, and the claims
        tables come out the same. Without this call, claims are aligned in
        their turn in ``to_analysis``, so that their statements are not held
        beside every table."""
        self.started_claims = self._claims(self._outlets(), mapper)

    def _outlets(self) -> list[str]:
        return list(dict.fromkeys(self.articles.column("outlet")))

    def to_analysis(self, *, min_sentences: int = 5, distinctive_top: int = 10) -> Analysis:
        """Aggregate the rows into the tables of an :class:`Analysis`.

        This consumes the rows: each table's rows are let go as soon as its
        DataFrame is built, so that a large corpus's evidence is not held
        twice. Call it once.
        """
        outlets = self._outlets()
        words = Counter()
        for o, n in zip(self.articles.column("outlet"), self.articles.column("words")):
            words[o] += n
        t: dict[str, pd.DataFrame] = {}
        t["actor_sentiment"] = self._actor_sentiment(outlets, min_sentences)
        t["sentiment_evidence"] = self._take("sentiment").frame(
            ["outlet", "article", "actor", "sentence", "start", "end", "mentions", "score", "label", "context_start",
             "context_end", "words", "evidence"])
        t["mentions"] = self._take("mentions").frame(["outlet", "article", "actor", "alias", "kind", "start", "end",
                                                      "sentence", "score"])
        t["quotation_balance"], t["quotes_by_side"] = self._balance(outlets)
        t["attribution_verbs"] = self._verbs()
        t["quotes"] = self._take("quotes").frame(["outlet", "speaker", "speaker_country", "speaker_role", "kind", "verb",
                                                  "quote", "start", "end", "article", "speaker_side", "named",
                                                  "speaker_start", "speaker_end", "quoted_words"])
        t["loaded_terms"], t["loaded_density"] = self._loaded(outlets, words)
        t["loaded_evidence"] = self._take("loaded").frame(["outlet", "article", "term", "category", "weight", "voice",
                                                           "text", "start", "end", "note", "evidence"])
        t["naming"] = self._naming()
        t["naming_evidence"] = self._take("naming").frame(["outlet", "article", "concept", "variant", "voice", "text",
                                                           "start", "end", "sentence"])
        claims, self.started_claims = self.started_claims or self._claims(outlets), None
        t["coverage"], t["claim_statements"], t["exclusive_claims"] = claims()
        t["frames"] = self._frames(outlets)
        t["frame_evidence"] = self._take("frame_hits").frame(["outlet", "article", "sentence", "start", "end", "frame",
                                                              "indicators", "text"])
        t["readability"] = self._readability(outlets)
        self._take("readability")
        terms, self.terms = self.terms, {}
        counted = counts_from({o: terms.pop(o, Counter()) for o in outlets})
        t["distinctive"] = _frame(distinctive_terms(counted, top=distinctive_top),
                                  ["outlet", "rank", "term", "z", "count", "other_count"])
        t["similarity"] = outlet_similarity(counted)
        del counted
        t["cleaning_log"] = self._take("cleaning").frame(["outlet", "article", "step", "reason", "raw_start", "raw_end",
                                                          "text"])
        t["articles"] = self.articles.frame(["outlet", "article", "outlet_name", "country", "ownership", "title",
                                             "author", "date", "url", "words", "sentences", "text"])
        t = {"summary": self._summary(outlets, words, t), **t}
        self._take("articles")
        return Analysis({k: _python_text(t[k]) for k in TABLES}, sides=self.actors.sides,
                        actors=tuple(self.actors.names))

    def _take(self, name: str) -> _Columns:
        """A table's rows, leaving an empty table in their place."""
        rows = getattr(self, name)
        setattr(self, name, _Columns())
        return rows

    def _actor_sentiment(self, outlets, min_sentences) -> pd.DataFrame:
        t = self.sentiment
        groups = t.groups("outlet", "actor")
        scores, mentions = t.array("score"), t.array("mentions")
        label_codes, label_values = t.codes("label")
        rows = []
        for o in outlets:
            for actor in self.actors.names:
                rs = groups.get((o, actor))  # row numbers
                if rs is None:
                    continue
                mean, lo, hi = interval(scores[rs].tolist())  # the scores in row order, as Python floats
                labels = Counter(map(label_values.__getitem__, label_codes[rs].tolist()))
                rows.append({"outlet": o, "actor": actor, "mentions": sum(mentions[rs].tolist()),
                             "sentences": len(rs), "score": mean, "ci_low": lo, "ci_high": hi,
                             "positive": labels["positive"], "neutral": labels["neutral"],
                             "negative": labels["negative"], "low_evidence": len(rs) < min_sentences})
        return _frame(rows, ["outlet", "actor", "mentions", "sentences", "score", "ci_low", "ci_high", "positive",
                             "neutral", "negative", "low_evidence"])

    def _balance(self, outlets) -> tuple[pd.DataFrame, pd.DataFrame]:
        sides = self.actors.sides
        rows, side_rows = [], []
        t = self.quotes
        # counted per outlet column by column (Counter counts in C); only the words are added up row by row
        quotes = Counter(t.column("outlet"))
        named_quotes = Counter(compress(t.column("outlet"), t.column("named")))
        kinds = Counter(t.tuples("outlet", "kind"))
        side_quotes = Counter(t.tuples("outlet", "speaker_side"))
        side_words: dict = defaultdict(Counter)  # outlet -> side -> quoted words
        for o, side, words in t.tuples("outlet", "speaker_side", "quoted_words"):
            side_words[o][side] += words
        for o in outlets:
            n, named = quotes[o], named_quotes[o]
            by_side_words = side_words[o]
            total_words = sum(by_side_words.values())
            bi = balance_index(by_side_words, sides)
            status = NO_QUOTES if not n else (NO_SIDE_QUOTES if math.isnan(bi) else "ok")
            top = max(sides, key=lambda s: by_side_words[s]) if any(by_side_words[s] for s in sides) else ""
            rows.append({"outlet": o, "quotes": n, "direct": kinds[(o, "direct")],
                         "indirect": kinds[(o, "indirect")], "quoted_words": total_words,
                         "named": named, "unnamed": n - named,
                         "named_share": round(named / n, 3) if n else math.nan,
                         **{f"words: {s}": by_side_words[s] for s in (*sides, "other", "unknown")},
                         "most_quoted_side": top, "balance_index": bi, "status": status})
            for s in (*sides, "other", "unknown"):
                if side_quotes[(o, s)]:
                    side_rows.append({"outlet": o, "side": s, "quotes": side_quotes[(o, s)],
                                      "quoted_words": by_side_words[s],
                                      "share_of_words": round(by_side_words[s] / total_words, 3) if total_words else 0.0})
        return (pd.DataFrame(rows),
                _frame(side_rows, ["outlet", "side", "quotes", "quoted_words", "share_of_words"]))

    def _verbs(self) -> pd.DataFrame:
        c = Counter((o, s, v or "(none)") for o, s, v in self.quotes.tuples("outlet", "speaker_side", "verb"))
        rows = [{"outlet": o, "side": s, "verb": v, "count": n} for (o, s, v), n in c.items()]
        rows.sort(key=lambda r: (r["outlet"], r["side"], -r["count"], r["verb"]))
        return _frame(rows, ["outlet", "side", "verb", "count"])

    def _loaded(self, outlets, words) -> tuple[pd.DataFrame, pd.DataFrame]:
        terms = Counter(self.loaded.tuples("outlet", "term", "category", "voice"))
        weight = {(term, cat): w for term, cat, w in self.loaded.tuples("term", "category", "weight")}
        rows = [{"outlet": o, "term": term, "category": cat, "voice": v, "count": n, "weight": weight[(term, cat)]}
                for (o, term, cat, v), n in terms.items()]
        order = {o: i for i, o in enumerate(outlets)}
        rows.sort(key=lambda r: (order[r["outlet"]], -r["count"], r["term"], r["voice"]))
        dens = Counter(self.loaded.tuples("outlet", "category", "voice"))
        drows = [{"outlet": o, "category": cat, "voice": v, "count": n,
                  "per_1000": round(1000 * n / words[o], 2) if words[o] else math.nan}
                 for (o, cat, v), n in dens.items()]
        drows.sort(key=lambda r: (order[r["outlet"]], r["category"], r["voice"]))
        return (_frame(rows, ["outlet", "term", "category", "voice", "count", "weight"]),
                _frame(drows, ["outlet", "category", "voice", "count", "per_1000"]))

    def _naming(self) -> pd.DataFrame:
        t = self.naming
        groups = t.groups("outlet", "concept", "variant")
        voice_codes, voices = t.codes("voice")
        is_own = voice_codes == (voices.index("own") if "own" in voices else -1)
        c = {key: len(rs) for key, rs in groups.items()}
        own = {key: int(is_own[rs].sum()) for key, rs in groups.items()}
        totals = Counter()
        for (o, k, _), n in c.items():
            totals[(o, k)] += n
        rows = [{"outlet": o, "concept": k, "variant": v, "count": n, "own": own[(o, k, v)],
                 "quoted": n - own[(o, k, v)], "share": round(n / totals[(o, k)], 3)}
                for (o, k, v), n in c.items()]
        rows.sort(key=lambda r: (r["concept"], r["outlet"], -r["count"], r["variant"]))
        return _frame(rows, ["outlet", "concept", "variant", "count", "own", "quoted", "share"])

    def _claims(self, outlets, mapper=None, *, by_columns: bool = True
                ) -> Callable[[], tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]]:
        """Align the statements into claims, story by story: the matcher
        takes the statements now (and starts clustering them on ``mapper``),
        and the function returned makes the three claims tables.

        The matcher's claims are turned into rows one at a time, so that only
        the rows stay (and the earliest few claims per outlet for
        ``exclusive_claims``). When no story has statements of two outlets,
        the rows are made without the matcher (``_one_outlet_claims``; not
        with ``by_columns=False``)."""
        matcher = self.matcher if self.matcher is not None else ClaimMatcher(actors=self.actors)
        story = self.story
        sizes = Counter(map(story.get, self.statements.column("article")))
        skip = set()
        for key, n in sizes.items():
            if n > MAX_STORY_STATEMENTS:
                warnings.warn(f"claims not aligned for story {key!r}: {n} statements is more than "
                              f"{MAX_STORY_STATEMENTS}; split the corpus into stories (Analyzer(story=...))",
                              FramingWarning, stacklevel=2)
                skip.add(key)

        matcher.check()  # (as its iter_align would, whichever way the rows are made)
        if by_columns and (one := _one_outlet_claims(self.statements, story, skip, matcher.min_words, outlets)):
            self._take("statements")
            return lambda: _claim_frames(*one)

        def statements(rows: _Columns):
            for values in rows.tuples("outlet", "article", "sentence", "start", "end", "text", "attributed", "words"):
                if not skip or story.get(values[1]) not in skip:
                    yield Statement(*values)

        cov, members = _Columns(), _Columns()  # a corpus of many stories has a claim per few statements
        cov_keys, member_keys = _COVERAGE_KEYS, _MEMBER_KEYS

        def as_rows(claims):
            cov_rows, member_rows = [], []  # tuples, added to the columns a few thousand at a time
            for c in claims:
                n = len(c.outlets)
                if len(c.statements) == 1:  # most claims of a large corpus: the same rows as below, made directly
                    st = c.statements[0]
                    cov_rows += [(c.claim_id, c.text, o, status, st.text, st.article, st.start, st.end, 1, n)
                                 if o == st.outlet else (c.claim_id, c.text, o, status, "", "", None, None, 0, n)
                                 for o, status in c.status.items()]
                else:
                    for o, status in c.status.items():  # the outlets of the claim's story
                        mine = [st for st in c.statements if st.outlet == o]
                        if mine:
                            first = mine[0]
                            cov_rows.append((c.claim_id, c.text, o, status, " / ".join(st.text for st in mine),
                                             first.article, first.start, first.end, len(mine), n))
                        else:
                            cov_rows.append((c.claim_id, c.text, o, status, "", "", None, None, 0, n))
                member_rows += [(c.claim_id, st.outlet, st.article, st.sentence, st.start, st.end,
                                 "attributed" if st.attributed else "reported", st.text) for st in c.statements]
                if len(cov_rows) >= 4096:
                    cov.extend_columns(cov_keys, list(zip(*cov_rows)))
                    members.extend_columns(member_keys, list(zip(*member_rows)))
                    cov_rows, member_rows = [], []
                yield c
            cov.extend_columns(cov_keys, list(zip(*cov_rows)))
            members.extend_columns(member_keys, list(zip(*member_rows)))

        claims = matcher.iter_align(statements(self._take("statements")), outlets=outlets, story=story,
                                    mapper=mapper)

        def tables():
            exclusive = exclusive_claims(as_rows(claims), top=EXCLUSIVE_TOP)
            only = []
            for o in outlets:
                for rank, c in enumerate(exclusive.get(o, []), start=1):
                    st = next(s for s in c.statements if s.outlet == o)
                    only.append({"outlet": o, "rank": rank, "claim_id": c.claim_id, "claim": c.text,
                                 "status": c.status[o], "statements": len(c.statements), "article": st.article,
                                 "start": st.start, "end": st.end})
            return _claim_frames(cov, members, only)

        return tables

    def _frames(self, outlets) -> pd.DataFrame:
        frames = self.frames if self.frames is not None else load_frames()
        totals = Counter()
        for o, n in self.articles.tuples("outlet", "sentences"):
            totals[o] += n
        counted = Counter({key: len(rs) for key, rs in self.frame_hits.groups("outlet", "frame").items()})
        rows = [{"outlet": o, "frame": f.frame, "label": f.label,
                 "share": round(counted[(o, f.frame)] / totals[o], 3) if totals[o] else math.nan,
                 "sentences": counted[(o, f.frame)], "total_sentences": totals[o]}
                for o in outlets for f in frames]
        return _frame(rows, ["outlet", "frame", "label", "share", "sentences", "total_sentences"])

    def _readability(self, outlets) -> pd.DataFrame:
        """Per outlet: counts summed, scores averaged over articles weighted by words."""
        rows = []
        by_outlet: dict[str, list] = defaultdict(list)
        for r in self.readability:
            by_outlet[r["outlet"]].append(r)
        for o in outlets:
            rs = by_outlet.get(o, [])
            w = sum(r["words"] for r in rs)
            row = {"outlet": o, "articles": len(rs), "words": w, "sentences": sum(r["sentences"] for r in rs)}
            row["words_per_sentence"] = round(w / row["sentences"], 2) if row["sentences"] else math.nan
            for m in METRICS:
                vals = [(r[m], r["words"]) for r in rs if not math.isnan(r[m])]
                ww = sum(x for _, x in vals)
                row[m] = round(sum(v * x for v, x in vals) / ww, 2) if ww else math.nan
            rows.append(row)
        return pd.DataFrame(rows)

    def _summary(self, outlets, words, t) -> pd.DataFrame:
        meta, n_articles = {}, Counter()
        for o, name, country in self.articles.tuples("outlet", "outlet_name", "country"):
            meta.setdefault(o, (name, country))
            n_articles[o] += 1
        sent = t["actor_sentiment"]
        # the actors with the most sentences across the corpus get a tone column
        totals = sent.groupby("actor")["sentences"].sum().sort_values(ascending=False) if len(sent) else pd.Series(dtype=int)
        main = [a for a in totals.index if totals[a] >= 10][:4]
        bal = t["quotation_balance"].set_index("outlet")
        dens = t["loaded_density"]
        naming = t["naming"]
        # every naming concept, the most mentioned first
        concepts = list(naming.groupby("concept")["count"].sum().sort_values(ascending=False, kind="stable").index) if len(naming) else []
        read = t["readability"].set_index("outlet")
        # What each outlet's row takes from the tables, read in one pass over each rather than by selecting
        # an outlet's rows again and again. The first row of an outlet (and actor, or concept) is the one
        # shown: its tone toward the actor, its most used variant for the concept, its top distinctive terms.
        tone, named, distinctive = {}, {}, defaultdict(list)
        for o, a, score in zip(sent["outlet"], sent["actor"], sent["score"]):
            tone.setdefault((o, a), float(score))
        for o, k, variant, share in zip(naming["outlet"], naming["concept"], naming["variant"], naming["share"]):
            named.setdefault((o, k), f"{variant} ({share:.0%})")
        for o, term in zip(t["distinctive"]["outlet"], t["distinctive"]["term"]):
            distinctive[o].append(term)
        own_loaded: dict = defaultdict(Counter)  # outlet -> loaded term -> count in its own voice
        lt = t["loaded_terms"]
        for o, term, voice, n in zip(lt["outlet"], lt["term"], lt["voice"], lt["count"]):
            if voice == "own":
                own_loaded[o][term] += n
        # numpy sums, as the Series sums were, so that round() rounds them the same way
        by_voice = dens.groupby(["outlet", "voice"])["count"].sum() if len(dens) else {}
        rows = []
        for o in outlets:
            name, country = meta[o]
            row = {"outlet": o, "outlet_name": name, "country": country, "articles": n_articles[o], "words": words[o]}
            for a in main:
                row[f"tone: {a}"] = tone.get((o, a), math.nan)
            b = bal.loc[o]
            row["quotes"] = int(b["quotes"])
            row["named_share"] = b["named_share"]
            row["most_quoted_side"] = b["most_quoted_side"] or "—"
            row["balance_index"] = b["balance_index"]
            row["quote_status"] = b["status"]
            for voice in ("own", "quoted"):
                n = by_voice.get((o, voice), 0)
                row[f"loaded_{voice}_per_1000"] = round(1000 * n / words[o], 2) if words[o] else math.nan
            # the three most frequent, ties in alphabetical order
            top = sorted(own_loaded[o].items(), key=lambda tc: (-tc[1], tc[0]))[:3]
            row["top_loaded_own"] = ", ".join(term for term, _ in top)
            for k in concepts:
                row[f"name: {k}"] = named.get((o, k), "—")
            row["fk_grade"] = read.loc[o, "flesch_kincaid_grade"]
            row["distinctive"] = ", ".join(distinctive[o][:3])
            rows.append(row)
        return pd.DataFrame(rows)


#: The columns of each evidence table's rows, as :func:`article_rows` makes them (readability's after
#: ``outlet`` and ``article`` are the keys of :func:`framing.readability.readability`'s dict).
ROW_KEYS = {
    "articles": ("outlet", "article", "outlet_name", "country", "ownership", "title", "author", "date", "url", "words",
                 "sentences", "text"),
    "sentiment": ("outlet", "article", "actor", "sentence", "start", "end", "mentions", "score", "label",
                  "context_start", "context_end", "words", "evidence"),
    "mentions": ("outlet", "article", "actor", "alias", "kind", "start", "end", "sentence", "score"),
    "quotes": ("outlet", "article", "speaker", "speaker_country", "speaker_side", "speaker_role", "named", "kind",
               "verb", "quote", "start", "end", "speaker_start", "speaker_end", "quoted_words"),
    "loaded": ("outlet", "article", "term", "category", "weight", "voice", "text", "start", "end", "note", "evidence"),
    "naming": ("outlet", "article", "concept", "variant", "voice", "text", "start", "end", "sentence"),
    "statements": ("outlet", "article", "sentence", "start", "end", "text", "attributed", "words"),
    "frame_hits": ("outlet", "article", "sentence", "start", "end", "frame", "indicators", "text"),
    "cleaning": ("outlet", "article", "step", "reason", "raw_start", "raw_end", "text"),
}


def article_rows(result, actors: ActorSet) -> dict:
    """One article's evidence rows: table name -> ``(keys, rows)``, each row a
    tuple of the values of ``keys`` (see :data:`ROW_KEYS`), plus ``story``,
    the article's story key, and ``terms``, its term counts. Plain data, so
    that it can come back from a worker process (see ``Analyzer(n_jobs=...)``)."""
    a = result.article
    o, aid = a.outlet_id, a.article_id
    out: dict = {"story": result.story, "terms": {o: article_terms(a.text)}}  # outlet -> term counts (see batch_rows)
    out["articles"] = [(o, aid, a.outlet, a.country, a.ownership, a.title, a.author, a.date, a.url, a.words,
                        len(a.sentences), a.text)]
    # (join is given a list: it would make one of a generator first; and many sentences have no scoring words)
    out["sentiment"] = [(o, aid, actor, s.index, s.start, s.end, n, ts.score, ts.label, ts.context_start,
                         ts.context_end, "; ".join([f"{w} {v:+.1f}" for w, v in ts.words]) if ts.words else "",
                         s.text)
                        for actor, s, ts, n in result.sentiment]
    out["mentions"] = [(o, aid, m.actor, sys.intern(m.text), m.kind, m.start, m.end, si, ts.score)
                       for m, si, ts in result.mentions]
    out["quotes"] = [(o, aid, q.speaker, q.speaker_country, actors.side_for_speaker(q.speaker, q.speaker_country),
                      q.speaker_role, q.named, q.kind, q.verb, q.text, q.start, q.end, q.speaker_start, q.speaker_end,
                      word_count(q.text)) for q in result.quotes]
    out["loaded"] = [(o, aid, h.term, h.category, h.weight, h.voice, h.text, h.start, h.end, h.note, sentence)
                     for h, sentence in zip(result.loaded, _sentence_texts(a, [h.start for h in result.loaded]))]
    out["naming"] = [(o, aid, h.concept, h.variant, h.voice, sys.intern(h.text), h.start, h.end, sentence)
                     for h, sentence in zip(result.naming, _sentence_texts(a, [h.start for h in result.naming]))]
    out["statements"] = [(o, aid, st.sentence, st.start, st.end, st.text, st.attributed, st.words)
                         for st in result.statements]
    found: dict[tuple[int, str], dict] = {}  # (sentence, frame) -> the indicators' texts, each once, in order
    for h in result.frames:
        found.setdefault((h.sentence, h.frame), {})[h.text] = None
    out["frame_hits"] = []
    for (si, frame), texts in sorted(found.items()):
        s = a.sentences[si]
        out["frame_hits"].append((o, aid, si, s.start, s.end, frame, "; ".join(texts), s.text))
    out["cleaning"] = [(o, aid, c.step, c.reason, c.raw_start, c.raw_end, c.text) for c in a.cleaning_log]
    for name in ROW_KEYS:
        out[name] = (ROW_KEYS[name], out[name])
    out["readability"] = (("outlet", "article", *result.readability), [(o, aid, *result.readability.values())])
    return out


_COVERAGE_KEYS = ["claim_id", "claim", "outlet", "status", "evidence", "article", "start", "end", "statements",
                  "n_outlets"]
_MEMBER_KEYS = ["claim_id", "outlet", "article", "sentence", "start", "end", "voice", "text"]
_EXCLUSIVE_KEYS = ["outlet", "rank", "claim_id", "claim", "status", "statements", "article", "start", "end"]


def _claim_frames(cov: _Columns, members: _Columns, only: list[dict]) -> tuple:
    """The tables ``coverage``, ``claim_statements`` and ``exclusive_claims``."""
    return (cov.frame(_COVERAGE_KEYS).astype({"start": "Int64", "end": "Int64"}), members.frame(_MEMBER_KEYS),
            _frame(only, _EXCLUSIVE_KEYS))


def _one_outlet_claims(rows: _Columns, story: Mapping, skip: set, min_words: int, outlets: list[str]):
    """The claims tables' rows when no story has statements of two outlets
    (every article its own story, say), or None when one has.

    Each statement is then its own claim: ClaimMatcher numbers them by
    outlet (in the corpus's order), article and sentence, ties in row order,
    and each claim has one coverage row (its outlet's) and one member row.
    Here those rows are made column by column, with no Statement or Claim
    objects: the same rows as ``EvidenceRows._claims`` makes from the
    matcher's claims, at a fraction of the cost (most claims of a large
    corpus are of this kind).
    """
    names = ("outlet", "article", "sentence", "start", "end", "text", "attributed", "words")
    outlet, article, sentence, start, end, text, attributed, words = (list(rows.column(k)) for k in names)
    key = story.get if story else (lambda a: None)
    keep = [i for i, w in enumerate(words) if (w if w is not None else statement_words(text[i])) >= min_words
            and (not skip or key(article[i]) not in skip)]
    if not keep:
        return None
    told: dict = {}
    for i in keep:
        if told.setdefault(key(article[i]), outlet[i]) != outlet[i]:
            return None
    rank = {o: r for r, o in enumerate(outlets)}
    keep.sort(key=lambda i: (rank.get(outlet[i], len(outlets)), article[i], sentence[i]))  # (a stable sort)
    ids = list(range(1, len(keep) + 1))
    texts, outlets_, articles, starts, ends = ([col[i] for i in keep] for col in (text, outlet, article, start, end))
    voices = ["attributed" if attributed[i] else "reported" for i in keep]
    ones = [1] * len(keep)
    cov, members = _Columns(), _Columns()
    cov.extend_columns(_COVERAGE_KEYS, [ids, texts, outlets_, voices, texts, articles, starts, ends, ones, ones])
    members.extend_columns(_MEMBER_KEYS, [ids, outlets_, articles, [sentence[i] for i in keep], starts, ends, voices,
                                          texts])
    # each claim is carried by its one outlet: an outlet's earliest claims are its first ones (and the
    # claims come outlet by outlet, in the corpus's order, as the exclusive_claims rows do)
    only, ranked = [], Counter()
    for j, o in enumerate(outlets_):
        if ranked[o] < EXCLUSIVE_TOP:
            ranked[o] += 1
            only.append({"outlet": o, "rank": ranked[o], "claim_id": ids[j], "claim": texts[j], "status": voices[j],
                         "statements": 1, "article": articles[j], "start": starts[j], "end": ends[j]})
    return cov, members, only


def batch_rows(batch: list[dict]) -> dict:
    """The rows of a batch of articles (each as :func:`article_rows` made
    them) put together: their ids and story keys, their term counts added up
    per outlet, and each table's rows as ``(keys, columns)``, one tuple of
    values per column. A worker process sends a batch this way: one counter
    per outlet and batch, and columns the receiver adds to its own whole."""
    out: dict = {"ids": [], "stories": [], "terms": {}}
    terms = out["terms"]
    for rows in batch:
        out["ids"].append(rows["articles"][1][0][1])  # the article id of its one "articles" row
        out["stories"].append(rows["story"])
        for outlet, counts in rows["terms"].items():
            if outlet in terms:
                _add_counts(terms[outlet], counts)
            else:
                terms[outlet] = Counter(counts)
    for name in ROW_TABLES:
        table = [r for rows in batch for r in rows[name][1]]
        if table:  # (every article's rows of a table have the same keys)
            out[name] = (list(batch[0][name][0]), list(zip(*table)))
    return out


def _add_counts(total: Counter, counts: Mapping) -> None:
    """Add ``counts`` (term -> count) to ``total``, as ``total.update(counts)``
    does: the same sums, and new terms at the end in the order of ``counts``.
    Counter.update adds a mapping term by term in Python; here the looking up,
    adding and storing run in C (each term comes once, so its old count is
    read before its new one is stored)."""
    terms = counts.keys()
    dict.update(total, zip(terms, map(add, map(total.get, terms, repeat(0)), counts.values())))


def _sentence_texts(article, offsets: list[int]) -> list[str]:
    """The text of the sentence that holds each offset ("" for an offset in
    no sentence)."""
    sentences = article.sentences
    return [s.text if (s := sentence_at(sentences, offset)) is not None else "" for offset in offsets]


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """A DataFrame with the given columns, even when there are no rows."""
    return pd.DataFrame(rows, columns=columns) if rows else pd.DataFrame(columns=columns)
