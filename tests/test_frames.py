"""Tests for framing.frames: frame indicators, sentence counts, data-file checks.

Expected frames are worked out by reading each sentence against the
indicator lists in framing/data/frames.csv, not taken from the code's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import framing
from framing.errors import FramingError
from framing.frames import find_frames, load_frames, parse_frames


def frames_of(text):
    """{sentence index: set of frames} for a text."""
    out: dict[int, set] = {}
    for h in find_frames(text):
        out.setdefault(h.sentence, set()).add(h.frame)
    return out


@pytest.mark.parametrize("text, expected", [
    ("Troops crossed the border at dawn.", {"conflict"}),
    ("The two foreign ministers held talks in Hanoi.", {"diplomacy"}),
    ("Trade between the neighbours doubled last year.", {"economic"}),
    ("The council imposed new sanctions on the company.", {"legal"}),
    ("Both leaders spoke of a multipolar world order.", {"world_order"}),
    ("Families waited for news of the civilians.", {"human_interest"}),
    ("He called the demand blackmail and said sovereignty was not for sale.", {"morality"}),
    ("The weather was mild on Tuesday.", set()),
    # one sentence, three frames: visit (diplomacy), weapons (conflict), sanctions (legal)
    ("During the visit they discussed weapons despite the sanctions.", {"diplomacy", "conflict", "legal"}),
])
def test_sentence_frames(text, expected):
    assert frames_of(text).get(0, set()) == expected


def test_longest_indicator_wins_security_council_is_legal_not_conflict():
    hits = find_frames("The Security Council met on Monday.")
    assert [(h.text, h.frame) for h in hits if h.frame != "diplomacy"] == [("Security Council", "legal")]


def test_inflected_forms_and_offsets():
    text = "They negotiated for days. Then the army invaded."
    hits = find_frames(text)
    assert [(h.text, h.frame, h.sentence) for h in hits] == [
        ("negotiated", "diplomacy", 0), ("army", "conflict", 1), ("invaded", "conflict", 1)]
    for h in hits:
        assert text[h.start:h.end] == h.text


def test_capitalised_form_matches_case_exactly():
    # "the West" is written with a capital: "the west of the city" is geography, not ideology
    assert frames_of("Fighting spread to the west of the city.").get(0) == {"conflict"}
    assert "world_order" in frames_of("The West condemned the vote.").get(0)


def test_no_sentence_no_hits():
    assert find_frames("") == []


def test_not_a_string_is_a_clear_error():
    with pytest.raises(FramingError, match="must be a string"):
        find_frames(42)


def test_packaged_frames_are_the_seven_documented_ones():
    assert load_frames().names == ("conflict", "diplomacy", "economic", "legal", "world_order",
                                   "human_interest", "morality")
    for f in load_frames():
        assert f.note and f.indicators


DEFS = "frame,label,note\nsport,Sport,Games and players.\n"


@pytest.mark.parametrize("indicators, definitions, message", [
    ("frame,indicator\nsport,match\nweather,rain\n", DEFS, r"row 3: frame 'weather' is not defined"),
    ("frame,indicator,forms\nsport,goal,goals|123\n", DEFS, r"row 2: the form '123' has no letters"),
    ("frame,indicator\nsport,match\n", DEFS + "sport,Sport again,x\n", r"row 3: frame 'sport' is defined twice"),
    ("frame,indicator\nsport,match\n", "frame,label,note\nSport!,S,n\n", r"row 2: frame id 'Sport!'"),
    ("frame,indicator\nsport,match\nsport,x\n", "frame,label,note\nsport,S,n\nother,O,n\n", None),
])
def test_data_file_errors_name_file_and_row(indicators, definitions, message):
    if message is None:  # a valid pair of files loads
        assert [f.frame for f in parse_frames(indicators, definitions)] == ["sport", "other"]
        return
    with pytest.raises(FramingError, match=message):
        parse_frames(indicators, definitions, frames_source="mine.csv", definitions_source="defs.csv")


def test_a_form_claimed_by_two_frames_is_an_error():
    defs = DEFS + "war,War,Fighting.\n"
    with pytest.raises(FramingError, match=r"mine.csv, row 3: 'attack' is already an indicator of 'sport' \(row 2\)"):
        parse_frames("frame,indicator\nsport,attack\nwar,attack\n", defs, frames_source="mine.csv")


def test_user_files_replace_the_packaged_ones(tmp_path: Path):
    ind = tmp_path / "ind.csv"
    ind.write_text("frame,indicator,forms\nsport,match,matches\n", encoding="utf-8")
    defs = tmp_path / "defs.csv"
    defs.write_text(DEFS, encoding="utf-8")
    frames = load_frames(ind, defs)
    assert frames.names == ("sport",)
    assert [(h.text, h.frame) for h in find_frames("Two matches were played.", frames=frames)] == [("matches", "sport")]


def test_missing_user_file_is_a_clear_error(tmp_path: Path):
    with pytest.raises(FramingError, match="no such file"):
        load_frames(tmp_path / "nope.csv")


# -- the seeds, against tests/data/claims_expectations.md (written before the output was seen)
@pytest.fixture(scope="module")
def shares():
    out = {}
    frames = load_frames()
    for a in framing.load_corpus():
        hits = find_frames(a.text, frames=frames, sentences=a.sentences)
        out[a.outlet_id] = {f: len({h.sentence for h in hits if h.frame == f}) / len(a.sentences)
                            for f in frames.names}
    return out


def test_seeds_vov_and_sputnik_tell_it_as_diplomacy_first(shares):
    for outlet in ("vov", "sputnik"):
        assert max(shares[outlet], key=shares[outlet].get) == "diplomacy"


def test_seeds_bihane_has_the_most_economic_frame(shares):
    assert max(shares, key=lambda o: shares[o]["economic"]) == "bihane"


def test_seeds_neo_and_bihane_carry_more_world_order_talk_than_the_korea_times(shares):
    assert shares["neo"]["world_order"] > shares["koreatimes"]["world_order"]
    assert shares["bihane"]["world_order"] > shares["koreatimes"]["world_order"]


def test_seeds_neo_frames_conflict_about_as_much_as_diplomacy(shares):
    assert shares["neo"]["conflict"] >= 0.3 and abs(shares["neo"]["conflict"] - shares["neo"]["diplomacy"]) < 0.1
