"""Tests for framing.sentiment: VADER on a window around a target.

Every expected label below was written by reading the sentence, not by
running the code.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.actors import load_actors
from framing.errors import FramingError
from framing.sentiment import label_for, target_sentiment


def score_target(text: str, target: str, **kw):
    start = text.index(target)
    return target_sentiment(text, start, start + len(target), **kw)


def evidence(result) -> list[str]:
    return [w.lower() for w, _ in result.words]


# (text, target, expected label, a word that pushed it or None)
CASES = [
    ("Russia, under the brave leadership of President Putin, continues its course.", "Russia", "positive", "brave"),
    ("The alliance is a cancer tumor on the body of Europe.", "alliance", "negative", "cancer"),
    ("The delegation arrived in Moscow on Tuesday evening by train.", "Moscow", "neutral", None),
    ("Analysts called Washington reckless and hostile.", "Washington", "negative", "hostile"),
    ("Officials praised Japan for its generous help.", "Japan", "positive", "generous"),
    ("The terrible regime in Pyongyang threatened its neighbours.", "Pyongyang", "negative", "terrible"),
    ("Seoul welcomed the wonderful news with joy.", "Seoul", "positive", "wonderful"),
    ("Kyiv announced the schedule for the next meeting.", "Kyiv", "neutral", None),
    ("Beijing is a great friend and a loyal partner.", "Beijing", "positive", "great"),
    ("Critics said NATO spreads lies, fear and hatred.", "NATO", "negative", "hatred"),
]


@pytest.mark.parametrize("text, target, label, word", CASES)
def test_label_is_what_the_sentence_says(text, target, label, word):
    result = score_target(text, target)
    assert result.label == label
    assert -1.0 <= result.score <= 1.0
    assert result.label == label_for(result.score)
    if word is None:
        assert result.score == 0.0
        assert result.words == ()
    else:
        assert word in evidence(result)
        valence = dict((w.lower(), v) for w, v in result.words)[word]
        assert (valence > 0) == (label == "positive")


@pytest.mark.parametrize("text, target, label, word", CASES)
def test_result_offsets_and_context(text, target, label, word):
    start = text.index(target)
    result = target_sentiment(text, start, start + len(target))
    assert (result.start, result.end) == (start, start + len(target))
    assert result.context == text[result.context_start:result.context_end]
    assert result.context_start <= start < start + len(target) <= result.context_end
    d = result.to_dict()
    assert d["label"] == result.label and d["score"] == result.score
    assert [w["word"] for w in d["words"]] == [w for w, _ in result.words]


@pytest.mark.parametrize(
    "text",
    [
        "Moscow is wonderful, glorious, magnificent, brilliant, beautiful and excellent!!!",
        "Moscow is horrible, disgusting, evil, hateful, vile and terrible!!!",
        "Moscow",
        "Moscow.",
    ],
)
def test_score_always_in_range(text):
    result = target_sentiment(text, 0, 6)
    assert -1.0 <= result.score <= 1.0
    assert result.label == label_for(result.score)


def test_extremes_have_the_expected_sign():
    good = target_sentiment("Moscow is wonderful, glorious, magnificent, brilliant and excellent!!!", 0, 6)
    bad = target_sentiment("Moscow is horrible, disgusting, evil, hateful and terrible!!!", 0, 6)
    assert good.score > 0.5
    assert bad.score < -0.5


# ---------------------------------------------------------------------------
# the target's own words are not scored
# ---------------------------------------------------------------------------

HAPPY = "Happy Valley opened a new railway station on Monday."


def test_target_words_are_blanked_out():
    # "Happy" is the target's own word: the rest of the sentence is neutral
    result = target_sentiment(HAPPY, 0, len("Happy Valley"))
    assert result.label == "neutral"
    assert result.score == 0.0
    assert "happy" not in evidence(result)


def test_same_word_counts_when_it_is_not_the_target():
    # control: with another target in the same sentence, "Happy" is scored
    result = score_target(HAPPY, "Monday")
    assert result.label == "positive"
    assert "happy" in evidence(result)


def test_actor_alias_as_target():
    actors = load_actors({"Happy Valley": ["Happy Valley"]})
    (m,) = actors.find_mentions(HAPPY)
    result = target_sentiment(HAPPY, m.start, m.end)
    assert result.label == "neutral"
    assert "happy" not in evidence(result)


# ---------------------------------------------------------------------------
# the window stays inside the sentence and within `window` words
# ---------------------------------------------------------------------------

NEUTRAL_SENTENCE = "The delegation arrived in Moscow on Tuesday."


@pytest.mark.parametrize(
    "text",
    [
        NEUTRAL_SENTENCE + " Critics called it a horrible, disgusting, evil, hateful disaster!",
        "What a wonderful, glorious, magnificent day! " + NEUTRAL_SENTENCE,
        "Critics called it a horrible disaster. " + NEUTRAL_SENTENCE + " Everyone was thrilled and delighted.",
        NEUTRAL_SENTENCE + "\nHorrible, disgusting, evil, hateful disaster",
    ],
)
def test_neighbouring_sentences_do_not_count(text):
    alone = score_target(NEUTRAL_SENTENCE, "Moscow")
    result = score_target(text, "Moscow")
    assert alone.score == 0.0
    assert result.score == alone.score
    assert result.label == "neutral"
    assert result.words == ()
    sentence_start = text.index(NEUTRAL_SENTENCE)
    assert result.context_start >= sentence_start
    assert result.context_end <= sentence_start + len(NEUTRAL_SENTENCE)


def test_neighbouring_sentence_is_itself_negative():
    # control for the test above: the neighbour does carry strong sentiment
    text = NEUTRAL_SENTENCE + " Critics called it a horrible, disgusting, evil, hateful disaster!"
    assert score_target(text, "Critics").label == "negative"


# "wonderful" is the 17th word after "Moscow"
FAR = "Moscow sent a delegation by train to the northern city where the mayor later called the festival wonderful."


def test_word_outside_the_default_window_is_not_scored():
    result = score_target(FAR, "Moscow")
    assert result.label == "neutral"
    assert "wonderful" not in evidence(result)
    assert "wonderful" not in result.context


def test_a_wider_window_takes_it_in():
    result = score_target(FAR, "Moscow", window=20)
    assert result.label == "positive"
    assert "wonderful" in evidence(result)


def test_window_of_three_words():
    text = "The brave and generous officials of Moscow sent a delegation by train."
    result = score_target(text, "Moscow", window=3)
    # three words before: "generous officials of"; "brave" is the fifth word before
    assert "brave" not in evidence(result)
    assert "generous" in evidence(result)
    assert result.context == "generous officials of Moscow sent a delegation"


# ---------------------------------------------------------------------------
# labels and invalid arguments
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "score, label",
    [(1.0, "positive"), (0.05, "positive"), (0.0499, "neutral"), (0.0, "neutral"), (-0.0499, "neutral"),
     (-0.05, "negative"), (-1.0, "negative")],
)
def test_label_for(score, label):
    assert label_for(score) == label


TEXT = "Russia acted."  # 13 characters


@pytest.mark.parametrize(
    "start, end",
    [
        (3, 3),  # empty span
        (5, 2),  # start after end
        (0, 14),  # end past the text
        (13, 14),
        (-1, 3),  # negative start
        (-3, -1),
        (0.0, 6),  # not whole numbers
        (0, 6.0),
        ("0", 6),
        (0, None),
        (None, None),
    ],
)
def test_invalid_offsets(start, end):
    with pytest.raises(FramingError):
        target_sentiment(TEXT, start, end)


def test_valid_offsets_at_the_edges():
    assert target_sentiment(TEXT, 0, 13).label == "neutral"
    assert target_sentiment(TEXT, 12, 13).label == "neutral"


@pytest.mark.parametrize("window", [0, -1, 2.5, "12"])
def test_invalid_window(window):
    with pytest.raises(FramingError):
        target_sentiment(TEXT, 0, 6, window=window)


@pytest.mark.parametrize("text", [None, b"Russia acted.", 42])
def test_text_must_be_a_string(text):
    with pytest.raises(FramingError):
        target_sentiment(text, 0, 6)


# ---------------------------------------------------------------------------
# VADER reads the whole sentence once; the window picks its words
# ---------------------------------------------------------------------------

def test_a_negated_word_counts_negated_in_the_evidence():
    # "not a good partner": VADER's negation turns "good" against the target
    result = score_target("Russia was not a good partner.", "Russia")
    assert result.label == "negative"
    assert dict((w.lower(), v) for w, v in result.words)["good"] < 0


def test_negation_just_outside_the_window_still_counts():
    # window=1 takes in only "good" after the target; the "not" that turns it is read with the sentence
    text = "They did not think Russia good."
    start = text.index("Russia")
    result = target_sentiment(text, start, start + len("Russia"), window=1)
    assert "not" not in result.context
    assert result.label == "negative"


def test_one_reading_of_a_sentence_serves_every_target():
    from framing.sentiment import score_span, sentence_valences
    from framing.text import split_sentences

    text = "Moscow praised Pyongyang, while Seoul condemned the deal."
    (sentence,) = split_sentences(text)
    reading = sentence_valences(text, sentence)
    for target in ("Moscow", "Pyongyang", "Seoul"):
        span = [(text.index(target), text.index(target) + len(target))]
        assert score_span(text, sentence, span, valences=reading) == score_span(text, sentence, span)


# -- framing's reading of a sentence against VADER's own --------------------------------------------
# sentence_valences applies VADER's word rules in one pass over the sentence; the valences below come
# from VADER's lexicon (good 1.9, bad -2.5) and its published constants (a booster adds 0.293, a word
# in capitals among lower-case ones 0.733, a negation multiplies by -0.74, words before "but" count
# half and words after it one and a half).

def _reading(text):
    from framing.sentiment import sentence_valences
    from framing.text import Sentence

    return sentence_valences(text, Sentence(0, len(text), text, 0))


@pytest.mark.parametrize("text, expected", [
    ("The deal is good.", [("good", 1.9)]),
    ("The deal is very good.", [("good", 1.9 + 0.293)]),
    ("The deal is not good.", [("good", 1.9 * -0.74)]),
    ("The deal isn't good.", [("good", 1.9 * -0.74)]),
    ("The deal is GOOD for them.", [("GOOD", 1.9 + 0.733)]),
    ("Good talks, but a bad deal.", [("Good", 1.9 * 0.5), ("bad", -2.5 * 1.5)]),
    ("The deal is very bad.", [("bad", -2.5 - 0.293)]),
    ("There is no good deal.", [("good", 1.9 * -0.74)]),
    ("The talks went on for hours.", []),
    # idioms: "the bomb" sets the valence (3); "kind of" is a dampener (-0.293) three words back
    ("He said that it was the bomb.", [("bomb", 3.0)]),
    ("It was kind of good.", [("good", 1.9 - 0.293)]),
    # "never so": "so" boosts (0.293), then "never so" two words back and "so" just before each add a quarter
    ("It was never so good.", [("good", (1.9 + 0.293) * 1.25 * 1.25)]),
])
def test_sentence_reading_follows_vaders_rules(text, expected):
    reading = _reading(text)
    assert [w for w in reading.words] == [w for w, _ in expected]
    assert list(reading.valences) == pytest.approx([v for _, v in expected])
    for (a, b), word in zip(reading.spans, reading.words):
        assert text[a:b].strip(".,") == word


def test_sentence_reading_keeps_only_words_with_a_valence():
    reading = _reading("Moscow praised Pyongyang, while Seoul condemned the deal.")
    assert reading.words == ("praised", "condemned")
    assert all(reading.valences)


VADER_WORDS = ["good", "bad", "great", "terrible", "support", "threat", "war", "peace", "no", "not", "never",
               "isn't", "without", "doubt", "least", "at", "very", "extremely", "kind", "of", "sort", "so", "this",
               "but", "BUT", "GOOD", "VERY", "the", "bomb", "shit", "kiss", "death", "or", "nor", "just", "enough",
               "hardly", "Russia", "said", "deal", "!", "?", ":)", '"good"', "(bad)", "uh-uh", "x", "Kim's"]


@given(st.lists(st.sampled_from(VADER_WORDS), min_size=1, max_size=30))
@settings(max_examples=300, deadline=None, derandomize=True, database=None)
def test_sentence_reading_gives_vaders_compound(words):
    # the valences framing keeps, normalised as VADER normalises, give VADER's own score for the sentence
    from framing.sentiment import _normalised, _vader

    text = " ".join(words)
    reading = _reading(text)
    vader = _vader()
    ours = _normalised(list(reading.valences), text) if reading.valences else 0.0
    assert ours == vader.polarity_scores(text)["compound"]
