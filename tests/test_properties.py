"""Property-based tests: arbitrary Unicode text never breaks the analysis.

Every analyzer reports character offsets; on any text they must lie inside
it and ``text[start:end]`` must be the string reported. The analysis must not
raise (except :class:`FramingError` for a text with nothing to analyse), must
give the same result twice, and must find the same quotes when the cleaned
text is cleaned again.

Hypothesis runs derandomized with a fixed number of examples, so CI runs the
same cases every time; the number of cases run is printed in pytest's summary
(``property-based cases ran: N``, by ``tests/conftest.py``).
"""

from __future__ import annotations

import json
import math
import warnings
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.analysis import Analyzer
from framing.quotes import find_scare_quotes
from framing.text import quoted_spans, split_sentences, words

CASES: Counter = Counter()

SETTINGS = dict(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = ['"', "“", "”", "„", "'", "‘", "’", "«", "»", " ", " ", " ", "\n", "\n\n", "\r\n", "\t", ".", ",", ":", ";",
          "!", "?", "…", "(", ")", "—", "-", "Russia", "Russian", "Putin", "Pyongyang", "Moscow", "North Korea", "Kim",
          "the Kremlin", "said", "says", "told", "warned", "saying", "according to", "he", "she", "they", "officials",
          "the minister", "that", "we", "will", "the", "and", "but", "aggressive", "regime", "DPRK", "puppet", "Mr.",
          "U.S.", "Related News", "(photo: AFP)", "http://x.y", "😀", "\u0301", "\u200b", "\ufeff", "ſ", "K", "İ"]

#: Text built from the pieces above, with arbitrary characters mixed in.
mixed_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=80).map("".join)
#: Arbitrary Unicode text (hypothesis' own, which includes every category but surrogates) or mixed text.
any_text = st.one_of(st.text(max_size=300), mixed_text)

_RESOURCES = None


def _resources():
    global _RESOURCES
    if _RESOURCES is None:
        _RESOURCES = Analyzer()._resources()
    return _RESOURCES


def _check_span(text: str, start, end, reported=None, *, what: str):
    assert isinstance(start, int) and isinstance(end, int), what
    assert 0 <= start <= end <= len(text), (what, start, end, len(text))
    if reported is not None:
        assert text[start:end] == reported, (what, text[start:end], reported)


def _check_quotes(text: str, quotes):
    for q in quotes:
        _check_span(text, q.start, q.end, q.text, what="quote")
        assert q.kind in ("direct", "indirect")
        if q.speaker_start is not None or q.speaker_end is not None:
            _check_span(text, q.speaker_start, q.speaker_end, what="speaker")
            assert q.speaker_end > q.speaker_start


def _check_result(result):
    text = result.article.text
    for s in result.article.sentences:
        _check_span(text, s.start, s.end, s.text, what="sentence")
    _check_quotes(text, result.quotes)
    for h in result.loaded:
        _check_span(text, h.start, h.end, h.text, what="loaded")
        assert h.voice in ("own", "quoted")
    for h in result.naming:
        _check_span(text, h.start, h.end, h.text, what="naming")
    for m, si, ts in result.mentions:
        _check_span(text, m.start, m.end, m.text, what="mention")
        assert result.article.sentences[si].start <= m.start
        _check_span(text, ts.context_start, ts.context_end, ts.context, what="sentiment context")
        assert -1 <= ts.score <= 1 and ts.label in ("negative", "neutral", "positive")
    for actor, s, ts, n in result.sentiment:
        assert n >= 1 and s.text == text[s.start:s.end]
    raw = result.article.raw
    for c in result.article.cleaning_log:
        if c.raw_start is not None:
            _check_span(raw, c.raw_start, c.raw_end, what="cleaning log")
    for k, v in result.readability.items():
        assert isinstance(v, (int, float)), k


def _article(raw: str):
    """An Article, or None when the text has nothing to analyse (a clear error)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", framing.FramingWarning)
            return framing.Article.from_text(raw, outlet_id="o")
    except framing.FramingError as exc:
        assert str(exc)  # a message, naming the problem
        return None


def _json(d) -> str:
    return json.dumps(d, sort_keys=True, default=str, allow_nan=True)


@settings(max_examples=300, **SETTINGS)
@given(any_text)
def test_analysis_never_raises_and_offsets_point_into_the_text(raw):
    CASES["pipeline"] += 1
    article = _article(raw)
    if article is None:
        return
    result = Analyzer()._article(article, _resources())
    _check_result(result)
    # deterministic: the same evidence a second time
    again = Analyzer()._article(framing.Article.from_text(raw, outlet_id="o"), _resources())
    assert _json(result.to_dict()) == _json(again.to_dict())


@settings(max_examples=400, **SETTINGS)
@given(any_text)
def test_each_analyzer_reports_offsets_into_the_raw_text(text):
    CASES["analyzers"] += 1
    for s in split_sentences(text):
        _check_span(text, s.start, s.end, s.text, what="sentence")
        assert s.text and s.text == s.text.strip()
    for w in words(text):
        _check_span(text, w.start, w.end, w.text, what="word")
    quotes = framing.extract_quotes(text)
    _check_quotes(text, quotes)
    assert quotes == framing.extract_quotes(text)
    for p in find_scare_quotes(text):
        _check_span(text, p.start, p.end, p.text, what="scare quote")
    for a, b in quoted_spans(text):
        _check_span(text, a, b, what="quoted span")
    for h in framing.find_loaded_terms(text, secondary=True):
        _check_span(text, h.start, h.end, h.text, what="loaded")
    for h in framing.find_naming(text):
        _check_span(text, h.start, h.end, h.text, what="naming")
    for m in framing.load_actors().find_mentions(text):
        _check_span(text, m.start, m.end, m.text, what="mention")
    cleaned = framing.clean_text(text)
    assert cleaned == framing.clean_text(text)
    for c in cleaned.log:
        if c.raw_start is not None:
            _check_span(text, c.raw_start, c.raw_end, what="cleaning log")
    r = framing.readability(text)
    assert all(isinstance(v, (int, float)) for v in r.values())


@settings(max_examples=300, **SETTINGS)
@given(any_text)
def test_cleaning_the_cleaned_text_again_finds_the_same_quotes(raw):
    CASES["reclean"] += 1
    article = _article(raw)
    if article is None:
        return
    first = framing.extract_quotes(article.text)
    again = framing.clean_text(article.text).text
    second = framing.extract_quotes(again)
    assert [(q.text, q.kind, q.verb, q.speaker) for q in first] == [(q.text, q.kind, q.verb, q.speaker) for q in second]


@settings(max_examples=200, **SETTINGS)
@given(st.text(max_size=200), st.integers(0, 200), st.integers(1, 30))
def test_target_sentiment_on_any_span(text, start, length):
    CASES["sentiment"] += 1
    end = start + length
    if end > len(text):
        with pytest.raises(framing.FramingError):
            framing.target_sentiment(text, start, end)
        return
    ts = framing.target_sentiment(text, start, end)
    assert -1 <= ts.score <= 1 and not math.isnan(ts.score)
    _check_span(text, ts.context_start, ts.context_end, ts.context, what="context")
    assert ts.context_start <= start and end <= ts.context_end
