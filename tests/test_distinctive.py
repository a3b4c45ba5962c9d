"""Tests for framing.distinctive: log-odds distinctive terms and tf-idf similarity.

The outlet texts are hand-made so that the answer is plain from reading them.
After English stop words are dropped, each of the three texts below has 14
word tokens (so 13 two-word phrases), and each uses "weather" exactly twice:
the same rate everywhere. Only ALPHA repeats another word ("sanctions", three
times); every other word occurs once in its text.
"""

from __future__ import annotations

import numpy as np
import pytest

from framing.distinctive import distinctive_terms, outlet_similarity

ALPHA = "Sanctions worried farmers. Exporters feared sanctions. Sanctions closed ports. Weather stayed mild; weather helped."
BETA = "Tourists crowded festivals. Ferry tickets sold quickly. Musicians played. Weather stayed warm; weather improved."
GAMMA = "Engineers inspected bridges. Railway repairs continued. Inspectors approved pipelines. Weather turned cold; weather delayed."
THREE = {"alpha": ALPHA, "beta": BETA, "gamma": GAMMA}

LEFT = "Peace talks resumed. Peace envoys arrived. Peace prevailed."
RIGHT = "Missiles launched. Missiles intercepted. Officials condemned missiles."


def terms_of(rows, outlet):
    return [r["term"] for r in rows if r["outlet"] == outlet]


# ---------------------------------------------------------------------------
# distinctive_terms
# ---------------------------------------------------------------------------


def test_repeated_word_only_one_outlet_uses_ranks_first():
    rows = distinctive_terms(THREE)
    first = [r for r in rows if r["outlet"] == "alpha" and r["rank"] == 1]
    assert len(first) == 1
    top = first[0]
    assert top["term"] == "sanctions"
    assert top["z"] > 0
    assert top["count"] == 3
    assert top["other_count"] == 0


def test_word_used_at_the_same_rate_everywhere_is_not_listed():
    rows = distinctive_terms(THREE)
    assert "weather" not in [r["term"] for r in rows]
    # nothing but "sanctions" occurs twice or more in one outlet at a higher rate
    assert [(r["outlet"], r["term"]) for r in rows] == [("alpha", "sanctions")]


def test_each_outlet_gets_its_own_word():
    rows = distinctive_terms({"left": LEFT, "right": RIGHT})
    assert terms_of(rows, "left") == ["peace"]
    assert terms_of(rows, "right") == ["missiles"]
    for r in rows:
        assert r["rank"] == 1
        assert r["z"] > 0
        assert (r["count"], r["other_count"]) == (3, 0)


def test_rows_have_the_documented_fields():
    rows = distinctive_terms({"left": LEFT, "right": RIGHT})
    for r in rows:
        assert set(r) == {"outlet", "rank", "term", "z", "count", "other_count"}
        assert isinstance(r["z"], float)
        assert isinstance(r["count"], int)


def test_min_count_one_keeps_the_repeated_word_first():
    rows = distinctive_terms({"left": LEFT, "right": RIGHT}, min_count=1, top=50)
    left = [r for r in rows if r["outlet"] == "left"]
    assert left[0]["term"] == "peace"
    # words used once by left only are now listed too, below "peace"
    assert {"talks", "envoys", "prevailed"} <= {r["term"] for r in left}
    assert "missiles" not in {r["term"] for r in left}
    # ranks count up from 1 and z never increases down the list
    assert [r["rank"] for r in left] == list(range(1, len(left) + 1))
    zs = [r["z"] for r in left]
    assert zs == sorted(zs, reverse=True)
    assert all(z > 0 for z in zs)


def test_top_limits_the_rows_per_outlet():
    rows = distinctive_terms({"left": LEFT, "right": RIGHT}, min_count=1, top=2)
    assert len(terms_of(rows, "left")) == 2
    assert len(terms_of(rows, "right")) == 2
    assert terms_of(rows, "left")[0] == "peace"
    assert terms_of(rows, "right")[0] == "missiles"


def test_word_both_use_is_listed_only_for_the_heavier_user():
    a = "Drought drought drought drought. Harvest harvest."
    b = "Drought drought. Harvest harvest harvest harvest."
    rows = distinctive_terms({"a": a, "b": b})
    assert "drought" in terms_of(rows, "a")
    assert "drought" not in terms_of(rows, "b")
    assert "harvest" in terms_of(rows, "b")
    assert "harvest" not in terms_of(rows, "a")


def test_stop_words_are_never_terms():
    rows = distinctive_terms({"a": "The the the the and and and peace peace.", "b": "Missiles missiles."})
    assert terms_of(rows, "a") == ["peace"]


@pytest.mark.parametrize("docs", [{}, {"only": LEFT + " " + LEFT}])
def test_fewer_than_two_outlets_gives_no_rows(docs):
    assert distinctive_terms(docs) == []


# ---------------------------------------------------------------------------
# outlet_similarity
# ---------------------------------------------------------------------------


def test_similarity_is_symmetric_with_ones_on_the_diagonal():
    sim = outlet_similarity(THREE)
    assert list(sim.index) == ["alpha", "beta", "gamma"]
    assert list(sim.columns) == ["alpha", "beta", "gamma"]
    values = sim.to_numpy()
    assert values.shape == (3, 3)
    assert np.array_equal(values, values.T)
    assert list(np.diag(values)) == [1.0, 1.0, 1.0]
    # the three share "weather" (and alpha and beta "weather stayed"), nothing more
    off = values[~np.eye(3, dtype=bool)]
    assert ((off > 0) & (off < 1)).all()
    assert sim.loc["alpha", "beta"] > sim.loc["alpha", "gamma"]


def test_identical_texts_have_similarity_one():
    sim = outlet_similarity({"a": LEFT, "b": LEFT})
    assert sim.loc["a", "b"] == 1.0
    assert sim.loc["b", "a"] == 1.0


def test_disjoint_vocabularies_have_similarity_zero():
    sim = outlet_similarity({"a": LEFT, "b": RIGHT})
    assert sim.loc["a", "b"] == 0.0
    assert sim.loc["b", "a"] == 0.0
    assert sim.loc["a", "a"] == 1.0


def test_partial_overlap_is_between_zero_and_one():
    sim = outlet_similarity({"a": LEFT, "b": "Peace talks stalled. Envoys left.", "c": RIGHT})
    assert 0.0 < sim.loc["a", "b"] < 1.0
    assert sim.loc["a", "c"] == 0.0
    assert sim.loc["b", "c"] == 0.0


def test_similarity_of_nothing_is_an_empty_frame():
    assert outlet_similarity({}).empty


def test_texts_of_only_stop_words_have_undefined_similarity():
    import math

    sim = outlet_similarity({"a": "The and of it.", "b": "Is was the 12."})
    assert sim.loc["a", "a"] == 1.0
    assert math.isnan(sim.loc["a", "b"])
    assert distinctive_terms({"a": "The and of it.", "b": "Is was the 12."}) == []


def test_counting_article_by_article_adds_up_to_the_pooled_count():
    from collections import Counter

    from framing.distinctive import article_terms, counts_from, term_counts

    # one outlet of two articles: "peace talks" twice, and no phrase "talks resumed" across the articles
    first, second = "Leaders held peace talks.", "Resumed peace talks failed."
    counted = counts_from({"a": article_terms(first) + article_terms(second), "b": article_terms("Markets rallied.")})
    by_term = dict(zip(counted.terms, counted.counts.toarray()[0]))
    assert by_term["peace talks"] == 2 and by_term["talks"] == 2
    assert "talks resumed" not in by_term
    # with one article per outlet it is exactly the pooled count
    pooled = term_counts({"a": first, "b": "Markets rallied."})
    single = counts_from({"a": Counter(article_terms(first)), "b": article_terms("Markets rallied.")})
    assert list(single.terms) == list(pooled.terms)
    assert (single.counts.toarray() == pooled.counts.toarray()).all()


@pytest.mark.parametrize("text, expected", [
    # stop words ("the", "of", "and") go before pairing, so "talks ended" pairs across "and"
    ("The peace talks and the talks ended.", {"peace": 1, "talks": 2, "ended": 1, "peace talks": 1,
                                               "talks talks": 1, "talks ended": 1}),
    # numbers and one-letter words are not terms; case is ignored
    ("In 2024 Russia, a RUSSIA ally.", {"russia": 2, "ally": 1, "russia russia": 1, "russia ally": 1}),
    ("Kim Jong-un's visit.", {"kim": 1, "jong-un's": 1, "visit": 1, "kim jong-un's": 1, "jong-un's visit": 1}),
    # letters beyond ASCII are letters too
    ("Señor Müller’s café", {"señor": 1, "müller’s": 1, "café": 1, "señor müller’s": 1, "müller’s café": 1}),
    ("", {}),
])
def test_article_terms_are_words_and_neighbouring_pairs(text, expected):
    from framing.distinctive import article_terms

    assert article_terms(text) == expected


def test_article_terms_count_what_the_vectorizer_counts():
    from collections import Counter

    import framing
    from framing.distinctive import _vectorizer, article_terms

    analyzer = _vectorizer().build_analyzer()
    for article in framing.load_corpus():  # three of them ASCII, two not
        assert article_terms(article.text) == Counter(analyzer(article.text))


@pytest.mark.parametrize("text", [
    "snake_case words, x2 and 2x, re-elect-ed, 'quoted' don't -dash- it's' a-b-",
    "The \u212aelvin sign lower-cases to an ASCII k: \u212aim met \u212aremlin aides.",
    "Straße, naïve café-goers and Ünal’s reply",
])
def test_article_terms_of_odd_text_are_the_vectorizers(text):
    from collections import Counter

    from framing.distinctive import _vectorizer, article_terms

    assert article_terms(text) == Counter(_vectorizer().build_analyzer()(text))
