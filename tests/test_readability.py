"""Tests for framing.readability: offline textstat scores and counts.

Counts below were made by hand; the easy and hard texts were written so that
their order on every scale is plain from reading them.
"""

from __future__ import annotations

import importlib
import math
import socket

import pytest

from framing.readability import METRICS, readability

# the module itself (the package re-exports a function of the same name)
readability_module = importlib.import_module("framing.readability")

EASY = "The cat sat on the mat. The dog ran to the park. We had fun in the sun."
HARD = (
    "Notwithstanding considerable international apprehension, the comprehensive intergovernmental "
    "agreement institutionalised unprecedented multidimensional military cooperation between the "
    "respective administrations, substantially complicating regional denuclearisation negotiations."
)


def _no_network(*args, **kwargs):
    raise OSError("network access attempted during a test that must run offline")


def test_runs_with_the_network_blocked(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", _no_network)
    monkeypatch.setattr(socket, "create_connection", _no_network)
    monkeypatch.setattr(socket, "getaddrinfo", _no_network)
    # make the module set textstat up again, under the block
    readability_module._textstat.cache_clear()
    scores = readability("Pyongyang and Moscow signed a comprehensive strategic partnership treaty. It took effect.")
    for metric in METRICS:
        assert math.isfinite(scores[metric]), metric


def test_all_metrics_are_reported():
    scores = readability(EASY)
    assert set(scores) == {"words", "sentences", "words_per_sentence", *METRICS}
    assert METRICS == ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall")
    for metric in METRICS:
        assert isinstance(scores[metric], float)
        assert math.isfinite(scores[metric])


def test_easy_text_reads_easier_than_hard_text():
    easy, hard = readability(EASY), readability(HARD)
    # Flesch reading ease: higher = easier
    assert easy["flesch_reading_ease"] > hard["flesch_reading_ease"]
    # 18 one-syllable words in 3 sentences: very easy; one 22-word sentence of
    # long Latinate words: below the academic threshold of 30
    assert easy["flesch_reading_ease"] > 80
    assert hard["flesch_reading_ease"] < 30
    # every grade-style score: higher = harder
    for metric in ("flesch_kincaid_grade", "gunning_fog", "dale_chall"):
        assert easy[metric] < hard[metric], metric


# (text, words, sentences), counted by hand
COUNT_CASES = [
    (EASY, 18, 3),
    ("The cat sat on the mat. It was happy. Was it?", 11, 3),
    ("Russia and North Korea signed a treaty.", 7, 1),
    ("Mr. Kim arrived in Moscow. He met Mr. Putin.", 9, 2),
    # "Jong-un's" is one word
    ("Kim Jong-un's visit ended. Talks resumed!", 6, 2),
    # "U.S." is two word tokens (U and S) and does not end the sentence
    ("The U.S. said no.", 5, 1),
    ("First paragraph here.\n\nSecond paragraph here.", 6, 2),
    (HARD, 22, 1),
]


@pytest.mark.parametrize("text, n_words, n_sentences", COUNT_CASES)
def test_counts(text, n_words, n_sentences):
    scores = readability(text)
    assert scores["words"] == n_words
    assert scores["sentences"] == n_sentences
    assert scores["words_per_sentence"] == round(n_words / n_sentences, 2)


@pytest.mark.parametrize("text, n_words, n_sentences", COUNT_CASES)
def test_sentences_already_split_give_the_same_scores(text, n_words, n_sentences):
    from framing.text import split_sentences

    given = readability(text, sentences=split_sentences(text))
    assert given == readability(text)
    assert given["sentences"] == n_sentences


def test_a_repeated_word_counts_every_time():
    # "cat" is judged once but counted three times: 6 words, 6 syllables, 2 sentences
    scores = readability("Cat cat cat. Sat on mat.")
    assert scores["words"] == 6
    assert scores["flesch_kincaid_grade"] == round(0.39 * 3 + 11.8 * 1 - 15.59, 2)


def test_words_per_sentence_is_rounded():
    # 11 words / 3 sentences = 3.666...
    assert readability("The cat sat on the mat. It was happy. Was it?")["words_per_sentence"] == 3.67


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_text_gives_nan_not_an_error(text):
    scores = readability(text)
    assert scores["words"] == 0
    assert scores["sentences"] == 0
    assert math.isnan(scores["words_per_sentence"])
    for metric in METRICS:
        assert math.isnan(scores[metric]), metric


@pytest.mark.parametrize("text", ["...", "!!! ???", "— –"])
def test_text_without_words_gives_nan_scores(text):
    scores = readability(text)
    assert scores["words"] == 0
    for metric in METRICS:
        assert math.isnan(scores[metric]), metric


# (text, metric, expected): the published formulas worked by hand.
# "The cat sat on the mat. The dog ran.": 9 words, 2 sentences, 9 syllables, no word of 3+ syllables.
# "Russia signed an agreement.": 4 words, 1 sentence, 2 + 1 + 1 + 3 = 7 syllables, one word of 3.
FORMULA_CASES = [
    ("The cat sat on the mat. The dog ran.", "flesch_reading_ease", 206.835 - 1.015 * 4.5 - 84.6 * 1.0),
    ("The cat sat on the mat. The dog ran.", "flesch_kincaid_grade", 0.39 * 4.5 + 11.8 * 1.0 - 15.59),
    ("The cat sat on the mat. The dog ran.", "gunning_fog", 0.4 * 4.5),
    ("The cat sat on the mat. The dog ran.", "smog_index", 3.1291),
    ("Russia signed an agreement.", "flesch_reading_ease", 206.835 - 1.015 * 4 - 84.6 * 7 / 4),
    ("Russia signed an agreement.", "flesch_kincaid_grade", 0.39 * 4 + 11.8 * 7 / 4 - 15.59),
    ("Russia signed an agreement.", "smog_index", 1.043 * math.sqrt(30 * 1 / 1) + 3.1291),
]


@pytest.mark.parametrize("text, metric, expected", FORMULA_CASES)
def test_scores_follow_the_published_formulas(text, metric, expected):
    assert readability(text)[metric] == pytest.approx(expected, abs=0.006)


def test_word_judgements_are_remembered_and_bounded(monkeypatch):
    monkeypatch.setattr(readability_module, "WORD_MEMORY", 3)
    readability_module._judged.clear()
    readability("Alpha beta gamma delta epsilon.")
    assert 1 <= len(readability_module._judged) <= 3
    # a second run reads the same judgements: the scores do not depend on the memory
    assert readability("Alpha beta gamma delta epsilon.") == readability("Alpha beta gamma delta epsilon.")
