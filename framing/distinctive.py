"""Distinctive vocabulary per outlet and outlet-to-outlet similarity.

Each outlet's words and two-word phrases are counted article by article
with the analyzer of scikit-learn's ``CountVectorizer`` (English stop words
and numbers left out), and the counts of its articles are added up, so no
phrase spans two articles and memory grows with the vocabulary, not with the
corpus (:func:`article_terms`, :func:`counts_from`).

- :func:`distinctive_terms` ranks an outlet's terms by the log-odds ratio
  with an informative Dirichlet prior (Monroe, Colaresi & Quinn, 2008,
  "Fightin' Words", *Political Analysis* 16(4)): the z-score of how much more
  often the outlet uses a term than all the other outlets together, with the
  whole corpus as the prior so that rare terms are not over-rated. Higher =
  more characteristic of the outlet; about 2 or more is a clear difference,
  0 means the outlet uses the term at the others' rate.
- :func:`outlet_similarity` is the cosine similarity of the outlets' tf-idf
  vectors (the same counts, ``TfidfTransformer``, sublinear tf), in [0, 1]; 1 = the same
  vocabulary in the same proportions.

Limits: with one short article per outlet, counts are small and a name the
outlet repeats (its expert, a place) tops its list. Both measures compare
outlets inside one corpus only, and neither knows what a word means.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W\d_'’-]+(?:[-'’][^\W\d_]+)*\b"


@dataclass(frozen=True)
class TermCounts:
    """Each outlet's counts of words and two-word phrases (English stop
    words and numbers left out), counted once for both measures below."""

    outlets: list[str]
    terms: object   # numpy array of the terms, in column order
    counts: object  # scipy sparse matrix, outlets x terms


def _vectorizer():
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(stop_words="english", ngram_range=(1, 2), token_pattern=TOKEN_PATTERN)


@lru_cache(maxsize=1)
def _term_rules():
    """The token pattern and stop words of :func:`_vectorizer`, read from it,
    and the pattern again with the ASCII flag: on ASCII text ``\\w``, ``\\d``
    and ``\\b`` match the same characters either way, and the ASCII one
    finds the same tokens sooner (a range test per character, not a look-up
    of its Unicode category)."""
    import re

    vec = _vectorizer()
    pattern = re.compile(vec.token_pattern)
    return pattern, re.compile(pattern.pattern.replace("(?u)", ""), re.ASCII), vec.get_stop_words()


def article_terms(text: str) -> Counter:
    """The terms of one article (words and two-word phrases, as counted
    below), with their counts: what an article adds to its outlet's counts.

    The same terms as the analyzer of :func:`_vectorizer` gives (lower-cased
    tokens of ``TOKEN_PATTERN``, stop words left out, then each word and each
    pair of neighbouring words), counted without building its list of terms.
    """
    pattern, ascii_pattern, stop_words = _term_rules()
    low = text.lower()
    words = [w for w in (ascii_pattern if low.isascii() else pattern).findall(low) if w not in stop_words]
    counts = Counter(words)
    counts.update(map(" ".join, zip(words, words[1:])))
    return counts


def term_counts(docs: Mapping[str, str]) -> TermCounts:
    """Count the terms of each outlet's pooled text (``CountVectorizer``)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    vec = _vectorizer()
    try:
        counts = vec.fit_transform(list(docs.values()))
    except ValueError:  # no documents, or only stop words and numbers: no terms at all
        return TermCounts(list(docs), np.array([], dtype=object), csr_matrix((len(docs), 0), dtype=np.int64))
    return TermCounts(list(docs), vec.get_feature_names_out(), counts)


def counts_from(terms: Mapping[str, Counter]) -> TermCounts:
    """:class:`TermCounts` from each outlet's term counter (the sum of its
    articles' :func:`article_terms`): the same as :func:`term_counts` over
    the outlets' texts, except that no two-word phrase spans two articles.
    Memory grows with the vocabulary, not with the number of articles."""
    import numpy as np
    from scipy.sparse import csr_matrix

    outlets = list(terms)
    vocabulary = sorted(set().union(*terms.values())) if terms else []
    column = {t: j for j, t in enumerate(vocabulary)}
    rows, cols, values = [], [], []
    for i, o in enumerate(outlets):
        for t, n in terms[o].items():
            rows.append(i)
            cols.append(column[t])
            values.append(n)
    counts = csr_matrix((np.array(values, dtype=np.int64), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))),
                        shape=(len(outlets), len(vocabulary)))
    return TermCounts(outlets, np.array(vocabulary, dtype=object), counts)


def _counted(docs) -> TermCounts:
    return docs if isinstance(docs, TermCounts) else term_counts(docs)


def distinctive_terms(docs: Mapping[str, str] | TermCounts, *, top: int = 10, min_count: int = 2) -> list[dict]:
    """Top ``top`` terms per outlet by the log-odds z-score.

    Parameters
    ----------
    docs : mapping of outlet id to that outlet's pooled text, or their
        :func:`term_counts`
    top : int, keyword-only
        Terms listed per outlet.
    min_count : int, keyword-only
        A term must occur at least this often in the outlet to be listed.

    Returns
    -------
    list of dict rows: outlet, rank, term, z (the log-odds z-score), count
    (occurrences in the outlet), other_count (in all other outlets).
    """
    import numpy as np

    tc = _counted(docs)
    if len(tc.outlets) < 2:
        return []
    counts = tc.counts.toarray().astype(float)
    vocab = tc.terms
    prior = counts.sum(axis=0)  # the corpus as the informative prior
    a0 = prior.sum()
    rows = []
    for i, outlet in enumerate(tc.outlets):
        yi = counts[i]
        yj = prior - yi
        ni, nj = yi.sum(), yj.sum()
        delta = (np.log((yi + prior) / (ni + a0 - yi - prior))
                 - np.log((yj + prior) / (nj + a0 - yj - prior)))
        z = delta / np.sqrt(1.0 / (yi + prior) + 1.0 / (yj + prior))
        order = sorted((k for k in range(len(vocab)) if yi[k] >= min_count and z[k] > 0),
                       key=lambda k: (-z[k], vocab[k]))
        for rank, k in enumerate(order[:top], start=1):
            rows.append({"outlet": outlet, "rank": rank, "term": str(vocab[k]), "z": round(float(z[k]), 2),
                         "count": int(yi[k]), "other_count": int(yj[k])})
    return rows


def outlet_similarity(docs: Mapping[str, str] | TermCounts):
    """Cosine similarity of the outlets' tf-idf vectors (the counts of
    :func:`term_counts` weighted by ``TfidfTransformer`` with sublinear tf),
    as a square DataFrame indexed and columned by outlet id (1.0 on the
    diagonal)."""
    import pandas as pd
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.metrics.pairwise import cosine_similarity

    tc = _counted(docs)
    names = tc.outlets
    if not names:
        return pd.DataFrame()
    if not tc.counts.shape[1]:  # only stop words and numbers: nothing to compare, so undefined (NaN)
        import numpy as np

        sim = np.full((len(names), len(names)), np.nan)
        np.fill_diagonal(sim, 1.0)
        return pd.DataFrame(sim, index=pd.Index(names, name="outlet"), columns=names)
    sim = cosine_similarity(TfidfTransformer(sublinear_tf=True).fit_transform(tc.counts))
    return pd.DataFrame(sim.round(3), index=pd.Index(names, name="outlet"), columns=names)
