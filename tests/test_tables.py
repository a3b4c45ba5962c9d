"""Aggregation arithmetic, checked against values worked out by hand."""

import math

import pytest

from framing.tables import balance_index, interval


@pytest.mark.parametrize(
    "scores, expected",
    [
        # one sentence: sd floor 0.35 -> half width 1.96 * 0.35 = 0.686
        ([0.5], (0.5, -0.186, 1.0)),
        # two sentences, sd 0.141 < floor: half = 1.96 * 0.35 / sqrt(2) = 0.485
        ([0.2, 0.4], (0.3, -0.185, 0.785)),
        # a hundred neutral sentences: half = 1.96 * 0.35 / 10 = 0.0686
        ([0.0] * 100, (0.0, -0.069, 0.069)),
        # spread above the floor: mean 0, sd = sqrt(2/3 * ... ) computed by hand: values -1, 0, 1 -> sd 1.0
        ([-1.0, 0.0, 1.0], (0.0, -1.0, 1.0)),
        # eight values of 0.5 and -0.5 around 0: sd = sqrt(8*0.25/7) = 0.5345; half = 1.96*0.5345/sqrt(8) = 0.3704
        ([0.5, -0.5] * 4, (0.0, -0.37, 0.37)),
    ],
)
def test_interval(scores, expected):
    assert interval(scores) == pytest.approx(expected, abs=0.001)


def test_interval_of_nothing_is_undefined():
    assert all(math.isnan(v) for v in interval([]))


@pytest.mark.parametrize(
    "words, expected",
    [
        ({"A": 10, "B": 10}, 1.0),            # even
        ({"A": 10}, 0.0),                     # one side only
        ({"A": 30, "B": 10}, 0.811),          # H(0.75, 0.25) / ln 2
        ({"A": 30, "B": 10, "other": 500}, 0.811),  # other sides do not count
    ],
)
def test_balance_index_two_sides(words, expected):
    assert balance_index(words, ("A", "B")) == pytest.approx(expected, abs=0.001)


def test_balance_index_three_sides_even():
    assert balance_index({"A": 5, "B": 5, "C": 5}, ("A", "B", "C")) == pytest.approx(1.0)


@pytest.mark.parametrize("words, sides", [({}, ("A", "B")), ({"other": 9}, ("A", "B")), ({"A": 3}, ("A",))])
def test_balance_index_undefined(words, sides):
    assert math.isnan(balance_index(words, sides))
