"""Tests for framing.text: sentences, words, phrase matching, quotations.

Every expected value below was written by reading the input text, not by
running the code.
"""

from __future__ import annotations

import re

import pytest

from framing.text import (
    _ASCII_LOOKALIKES,
    PhraseMatcher,
    TextWords,
    SpanCover,
    inside,
    phrase_pattern,
    quoted_spans,
    sentence_at,
    split_sentences,
    word_count,
    words,
)

# ---------------------------------------------------------------------------
# split_sentences
# ---------------------------------------------------------------------------

SENTENCE_CASES = [
    # abbreviations and initials do not end a sentence
    (
        "Officials in the U.S. State Department agreed. Moscow did not.",
        ["Officials in the U.S. State Department agreed.", "Moscow did not."],
    ),
    (
        "The U.N. Security Council met on Friday. It took no action.",
        ["The U.N. Security Council met on Friday.", "It took no action."],
    ),
    (
        "Mr. Kim arrived in Moscow. He met Mr. Putin.",
        ["Mr. Kim arrived in Moscow.", "He met Mr. Putin."],
    ),
    (
        "N. Korea fired a missile. Seoul protested.",
        ["N. Korea fired a missile.", "Seoul protested."],
    ),
    (
        "He visited N. Korea. Then he left.",
        ["He visited N. Korea.", "Then he left."],
    ),
    (
        "J. R. Smith wrote the report. It was long.",
        ["J. R. Smith wrote the report.", "It was long."],
    ),
    (
        "Gen. Kim and Sen. Lee met in St. Petersburg. They talked.",
        ["Gen. Kim and Sen. Lee met in St. Petersburg.", "They talked."],
    ),
    # a period glued to the next sentence splits ...
    (
        "Lukin told Sputnik.The delegation arrived on Sunday.",
        ["Lukin told Sputnik.", "The delegation arrived on Sunday."],
    ),
    (
        "Lukin told Sputnik.“More talks are planned,” he said.",
        ["Lukin told Sputnik.", "“More talks are planned,” he said."],
    ),
    (
        'He said it would offer "real support."The talks ended.',
        ['He said it would offer "real support."', "The talks ended."],
    ),
    # ... but not inside "U.S."
    ("He joined the U.S.Navy in 1990.", ["He joined the U.S.Navy in 1990."]),
    # closing quotes after the period stay with the sentence
    ('He said, "We agree." Then he left.', ['He said, "We agree."', "Then he left."]),
    ("He said, “We agree.” Then he left.", ["He said, “We agree.”", "Then he left."]),
    ("He said, ‘We agree.’ Then he left.", ["He said, ‘We agree.’", "Then he left."]),
    # a question mark inside a quote followed by lowercase does not split
    ('"Why not?" she asked. Nobody answered.', ['"Why not?" she asked.', "Nobody answered."]),
    # a sentence may open with a quote
    ('He left. "We agree," she said.', ["He left.", '"We agree," she said.']),
    # repeated and mixed end marks, ellipsis
    ("Really?! Yes.", ["Really?!", "Yes."]),
    ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
    # decimals and years are not ends
    ("It grew 5.5 percent in 2023. Exports rose.", ["It grew 5.5 percent in 2023.", "Exports rose."]),
    # a sentence may start with a digit
    ("Talks ended. 2024 was a busy year.", ["Talks ended.", "2024 was a busy year."]),
    # a lowercase word after a period does not start a sentence
    ("He said no. and then he left.", ["He said no. and then he left."]),
    # a number of one digit is not an initial: the sentence ends after it
    ("The council voted 13 to 2. Russia vetoed it.", ["The council voted 13 to 2.", "Russia vetoed it."]),
    # paragraph breaks always end a sentence, with or without punctuation
    (
        "New drivers for Russia and DPRK\nThe minister visited Moscow.",
        ["New drivers for Russia and DPRK", "The minister visited Moscow."],
    ),
    (
        "Talks ended with no deal\n\nthe two sides will meet again",
        ["Talks ended with no deal", "the two sides will meet again"],
    ),
    (
        "He met Mr.\nKim in Moscow.",
        ["He met Mr.", "Kim in Moscow."],
    ),
    # surrounding whitespace is not part of a sentence; blank text has none
    (
        "  First one.   Second one.  \n\n   Third one.  ",
        ["First one.", "Second one.", "Third one."],
    ),
    ("", []),
    ("  \n\n \n", []),
]


@pytest.mark.parametrize("text, expected", SENTENCE_CASES)
def test_split_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize("text", [t for t, _ in SENTENCE_CASES] + [
    "Russia’s President Vladimir Putin visited Pyongyang.\n\n“We agree,” Kim said. The U.S. objected.\n",
    "\n\nA.\n\nB. C.\n",
])
def test_sentence_offsets_slice_the_text(text):
    sentences = split_sentences(text)
    for i, s in enumerate(sentences):
        assert s.index == i
        assert text[s.start:s.end] == s.text
        assert s.text  # no empty sentences
        assert s.text == s.text.strip()
        assert "\n" not in s.text
    for a, b in zip(sentences, sentences[1:]):
        assert a.end <= b.start


def test_sentence_index_runs_across_paragraphs():
    sentences = split_sentences("One. Two.\n\nThree.\nFour.")
    assert [(s.index, s.text) for s in sentences] == [(0, "One."), (1, "Two."), (2, "Three."), (3, "Four.")]


# "One two." = [0, 8), "Three four." = [9, 20), "Five." = [21, 26)
SENTENCE_AT_TEXT = "One two. Three four.\nFive."


@pytest.mark.parametrize("offset, expected", [
    (0, "One two."),
    (7, "One two."),
    (8, None),  # the space between two sentences
    (9, "Three four."),
    (19, "Three four."),
    (20, None),  # the newline
    (21, "Five."),
    (25, "Five."),
    (26, None),
    (500, None),
])
def test_sentence_at(offset, expected):
    found = sentence_at(split_sentences(SENTENCE_AT_TEXT), offset)
    assert (found.text if found else None) == expected


def test_sentence_at_without_sentences():
    assert sentence_at([], 0) is None


# ---------------------------------------------------------------------------
# words
# ---------------------------------------------------------------------------

WORD_CASES = [
    ("Kim Jong-un met Russia's leader.", ["Kim", "Jong-un", "met", "Russia's", "leader"]),
    ("the country’s well-known ‘policy’", ["the", "country’s", "well-known", "policy"]),
    ("Moscow-Pyongyang ties", ["Moscow-Pyongyang", "ties"]),
    ("COVID-19 pandemic", ["COVID-19", "pandemic"]),
    ("Russia – North Korea relations", ["Russia", "North", "Korea", "relations"]),
    ("war—and peace", ["war", "and", "peace"]),
    ("end- and -start", ["end", "and", "start"]),
    ('"Yes," he said; (twice)!', ["Yes", "he", "said", "twice"]),
    ("ảnh 1", ["ảnh", "1"]),
    ("", []),
    ("... -- !!", []),
]


@pytest.mark.parametrize("text, expected", WORD_CASES)
def test_words(text, expected):
    assert [w.text for w in words(text)] == expected


@pytest.mark.parametrize("text, expected", WORD_CASES)
def test_word_count(text, expected):
    assert word_count(text) == len(expected)


@pytest.mark.parametrize("text", [t for t, _ in WORD_CASES])
def test_word_offsets_slice_the_text(text):
    for w in words(text):
        assert text[w.start:w.end] == w.text


def test_word_offsets_golden():
    text = "Kim Jong-un's visit"
    assert [(w.start, w.end) for w in words(text)] == [(0, 3), (4, 13), (14, 19)]


# ---------------------------------------------------------------------------
# phrase_pattern and PhraseMatcher
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, text, matches", [
    ("hegemony-oriented", "hegemony-oriented", True),
    ("hegemony-oriented", "hegemony oriented", True),
    ("hegemony-oriented", "hegemony–oriented", True),  # en dash
    ("hegemony-oriented", "hegemony‑oriented", True),  # non-breaking hyphen
    ("hegemony-oriented", "hegemonyoriented", False),
    ("North Korea", "North Korea", True),
    ("North Korea", "North   Korea", True),
    ("North Korea", "North\nKorea", True),
    ("North Korea", "NorthKorea", False),
    ("Russia's", "Russia’s", True),
    ("U.S.", "U.S.", True),
    ("U.S.", "UxSx", False),  # dots are literal
])
def test_phrase_pattern(phrase, text, matches):
    assert bool(re.fullmatch(phrase_pattern(phrase), text)) is matches


def _found(matcher, text):
    return [(m.text, m.payload) for m in matcher.finditer(text)]


@pytest.mark.parametrize("phrases", [
    [("Korea", "KR", False), ("North Korea", "NK", False)],
    [("North Korea", "NK", False), ("Korea", "KR", False)],
])
def test_longest_phrase_wins_whatever_the_order(phrases):
    matcher = PhraseMatcher(phrases)
    found = list(matcher.finditer("North Korea and South Korea"))
    assert [(m.start, m.end, m.text, m.phrase, m.payload) for m in found] == [
        (0, 11, "North Korea", "North Korea", "NK"),
        (22, 27, "Korea", "Korea", "KR"),
    ]


@pytest.mark.parametrize("text, expected", [
    ("the Korean War", []),
    ("the two Koreas", []),
    ("SouthKorea", []),
    ("Korea's army", [("Korea", "KR")]),
    ("Korea’s army", [("Korea", "KR")]),
    ("(Korea)", [("Korea", "KR")]),
    ("Korea.", [("Korea", "KR")]),
    ("Korea", [("Korea", "KR")]),
])
def test_phrase_respects_word_boundaries(text, expected):
    assert _found(PhraseMatcher([("Korea", "KR", False)]), text) == expected


@pytest.mark.parametrize("text", [
    "hegemony-oriented",
    "hegemony oriented",
    "hegemony–oriented",
    "hegemony\noriented",
])
def test_hyphen_in_phrase_matches_hyphen_dash_or_space(text):
    found = list(PhraseMatcher([("hegemony-oriented", "H", False)]).finditer(f"a {text} way"))
    assert [(m.text, m.phrase, m.payload) for m in found] == [(text, "hegemony-oriented", "H")]


@pytest.mark.parametrize("text", ["North Korea", "North  Korea", "North\nKorea"])
def test_space_in_phrase_matches_any_whitespace(text):
    assert _found(PhraseMatcher([("North Korea", "NK", False)]), f"in {text} today") == [(text, "NK")]


@pytest.mark.parametrize("ignore_case, text, expected", [
    (False, "Korea", [("Korea", "KR")]),
    (False, "KOREA", []),
    (False, "korea", []),
    (True, "Korea", [("Korea", "KR")]),
    (True, "KOREA", [("KOREA", "KR")]),
    (True, "korea", [("korea", "KR")]),
])
def test_case_sensitivity(ignore_case, text, expected):
    assert _found(PhraseMatcher([("Korea", "KR", ignore_case)]), text) == expected


def test_case_sensitive_acronym_does_not_match_common_word():
    found = list(PhraseMatcher([("US", "usa", False)]).finditer("The US told us"))
    assert [(m.start, m.end, m.text) for m in found] == [(4, 6, "US")]


def test_ignore_case_reports_the_phrase_as_given():
    (m,) = PhraseMatcher([("Kim Jong-un", "kim", True)]).finditer("KIM JONG UN spoke")
    assert (m.text, m.phrase, m.payload) == ("KIM JONG UN", "Kim Jong-un", "kim")


def test_exact_and_folded_phrases_keep_their_payloads():
    matcher = PhraseMatcher([("Korea", "exact", False), ("korea", "folded", True)])
    assert _found(matcher, "Korea and KOREA") == [("Korea", "exact"), ("KOREA", "folded")]


@pytest.mark.parametrize("text", ["Russia's position", "Russia’s position", "Russia, again"])
def test_possessive_matches_the_name(text):
    found = list(PhraseMatcher([("Russia", "RU", False)]).finditer(text))
    assert [(m.start, m.end, m.text, m.payload) for m in found] == [(0, 6, "Russia", "RU")]


def test_phrase_with_apostrophe_matches_curly_apostrophe():
    assert _found(PhraseMatcher([("Russia's", "RUS", False)]), "Russia’s army") == [("Russia’s", "RUS")]


@pytest.mark.parametrize("text, expected", [
    # both parts of a hyphenated compound are mentions of the actors
    ("US-Russia relations", [("US", "US"), ("Russia", "RU")]),
    ("Moscow-Pyongyang relations", [("Moscow", "RU"), ("Pyongyang", "KP")]),
    ("N. Korea-Russia relations", [("Korea", "KP"), ("Russia", "RU")]),
])
def test_both_parts_of_a_hyphenated_compound_match(text, expected):
    matcher = PhraseMatcher([
        ("US", "US", False), ("Russia", "RU", False), ("Moscow", "RU", False),
        ("Pyongyang", "KP", False), ("Korea", "KP", False),
    ])
    assert _found(matcher, text) == expected


def test_matches_do_not_overlap_and_run_left_to_right():
    matcher = PhraseMatcher([("South Korea", "KR", False), ("Korea", "K", False), ("North Korea", "KP", False)])
    found = list(matcher.finditer("North Korea, South Korea, Korea"))
    assert [(m.start, m.payload) for m in found] == [(0, "KP"), (13, "KR"), (26, "K")]


def test_empty_matcher_finds_nothing():
    assert list(PhraseMatcher([]).finditer("North Korea")) == []
    assert list(PhraseMatcher([("   ", "blank", False)]).finditer("North Korea")) == []


def test_first_payload_of_a_repeated_phrase_is_kept():
    matcher = PhraseMatcher([("Korea", "first", False), ("Korea", "second", False)])
    assert _found(matcher, "Korea") == [("Korea", "first")]


def test_ascii_lookalikes_are_every_non_ascii_character_that_matches_an_ascii_letter_ignoring_case():
    # the fast path of PhraseMatcher (and the clause filter of claims.statements_from) rests on this list
    others = "".join(chr(i) for i in range(128, 0x110000) if not 0xD800 <= i < 0xE000)
    assert set(re.findall(r"(?i)[a-z0-9_]", others)) == set(_ASCII_LOOKALIKES)


def test_text_words_pieces_start_where_the_words_start():
    text = "“Kim’s” DPRK–Russia\n\n  ties, 9/11 x_y éA; end"
    tw = TextWords(text)
    pieces = [(tw.starts()[i] + i - 1, p.decode()) for i, p in enumerate(tw.pieces) if p]
    assert pieces == [(m.start(), m.group().lower()) for m in re.finditer(r"[A-Za-z0-9]+", text)]
    assert not TextWords("ſome text").usable


FAST_PATH_PHRASES = ["a b", "A b", "ab", "Ab", "abc", "a-b-c", "x.", "x.y.", "c++", "C++ rocks", "a.b", "what?",
                     "a*b", "U.S.-led", "u.s.", "rock'n'roll", "it’s", "it's", "straße", "e.g.", "x-", "o'neil",
                     "O'Neil", "sea of fire", "sea", "SEA", "Sea Of", "the west", "The West", "the", "a_b", "z9",
                     "9z", "s", "in", "Kim", "Kim Jong Un", "kim jong-un", "x(y)", "back\\slash", "café x", "A a",
                     "A a b", "regime", "sanctions regime", "Russia's war", "Russia"]
TEXT_BITS = ["a", "A", "b", "B", "ab", "AB", "c", "x", "X", "y", ".", "-", "–", " ", "  ", "\n", "'", "’", "_", "9",
             "z", "é", "É", "ß", "the", "The", "west", "West", "sea", "of", "fire", "Kim", "Jong", "Un", "s", "in",
             "++", "rocks", "(", ")", "?", "*", "u", "U", "S", "led", "e", "g", "o", "neil", "Neil", "regime",
             "sanctions", "Russia", "war", "café", "ſ", "K"]


@pytest.mark.parametrize("seed", range(40))
def test_fast_path_finds_what_the_full_pattern_finds(seed):
    import random

    rnd = random.Random(seed)
    phrases = [(p, p, rnd.random() < 0.5) for p in rnd.sample(FAST_PATH_PHRASES, rnd.randint(1, 20))]
    for p in [("c", "c", False)] if rnd.random() < 0.2 else []:
        phrases.append(p)
    matcher = PhraseMatcher(phrases)
    for _ in range(30):
        text = "".join(rnd.choice(TEXT_BITS) + rnd.choice(["", " ", " ", "-", "\n", ", "]) for _ in range(rnd.randint(0, 60)))
        expected = [(m.start(), m.end()) for m in matcher._full().finditer(text)]
        assert [(m.start(), m.end()) for m in matcher._matches(text)] == expected, (phrases, text)
        assert [(m.start(), m.end()) for m in matcher._general_matches(text)] == expected, (phrases, text)


# ---------------------------------------------------------------------------
# quoted_spans and inside
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ('He said "we agree" and "no more".', ["we agree", "no more"]),
    ("He said “we agree” and “no more”.", ["we agree", "no more"]),
    ('straight "a" then curly “b”', ["a", "b"]),
    # an unpaired mark is ignored
    ('He said "we agree and left.', []),
    ("He said “we agree and left.", []),
    ("” stray closing mark, then “yes” ok", ["yes"]),
    ('an empty "" pair', []),
    # spans never cross a paragraph break
    ('He said "we agree\nand left" today.', []),
    ('A "x" B "y\n"z" C', ["x", "z"]),
    ("“one”\n\n“two”", ["one", "two"]),
    ("no quotes at all", []),
])
def test_quoted_spans(text, expected):
    spans = quoted_spans(text)
    assert [text[s:e] for s, e in spans] == expected


def test_quoted_spans_offsets_exclude_the_marks():
    text = 'He said "we agree" today.'
    assert quoted_spans(text) == [(9, 17)]


@pytest.mark.parametrize("spans, start, end, expected", [
    ([(5, 10)], 5, 10, True),
    ([(5, 10)], 6, 9, True),
    ([(5, 10)], 4, 6, False),
    ([(5, 10)], 9, 11, False),
    ([(20, 30), (5, 10)], 21, 29, True),
    ([(0, 5), (5, 10)], 3, 7, False),  # across two spans is not inside one
    ([], 0, 1, False),
])
def test_inside(spans, start, end, expected):
    assert inside(spans, start, end) is expected


@pytest.mark.parametrize("spans, start, end, expected", [
    ([], 0, 10, 0),
    ([(2, 5)], 0, 10, 3),
    ([(2, 5)], 3, 4, 1),
    ([(2, 5)], 5, 9, 0),            # a span's end is not inside it
    ([(2, 5), (4, 8)], 0, 10, 6),   # overlapping spans count once: 2..8
    ([(8, 9), (0, 2)], 1, 9, 2),    # unsorted: 1..2 and 8..9
    ([(0, 3), (3, 6)], 2, 4, 2),    # touching spans
    ([(5, 5), (7, 4)], 0, 10, 0),   # empty and reversed spans cover nothing
    ([(2, 5)], 6, 3, 0),            # an empty question
])
def test_span_cover(spans, start, end, expected):
    assert SpanCover(spans).covered(start, end) == expected


@pytest.mark.parametrize("spans, start, end, expected", [
    ([], 0, 1, False),
    ([(2, 8)], 3, 5, True),
    ([(2, 8)], 2, 8, True),            # the whole span
    ([(2, 8)], 1, 5, False),           # begins before it
    ([(0, 3), (3, 6)], 2, 4, False),   # touching spans are still two spans
    ([(0, 10), (2, 4)], 3, 9, True),   # a short span after a long one does not hide it
    ([(5, 9), (0, 2)], 6, 8, True),    # unsorted
])
def test_span_cover_holds(spans, start, end, expected):
    assert SpanCover(spans).holds(start, end) is expected
    assert inside(spans, start, end) is expected  # the slow form gives the same answer


def test_span_cover_holds_agrees_with_inside_on_random_spans():
    import random

    rng = random.Random(7)
    for _ in range(300):
        spans = [(a, a + rng.randint(0, 12)) for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 8)))]
        cover = SpanCover(spans)
        for _ in range(20):
            a = rng.randint(0, 50)
            b = a + rng.randint(1, 10)
            assert cover.holds(a, b) == inside(spans, a, b), (spans, a, b)


# -- word count and English share in one pass ------------------------------------
from framing.text import english_share, english_words  # noqa: E402


@pytest.mark.parametrize("text, expected", [
    # "the", "and", "the" of five words
    ("The cat and the dog.", (5, 0.6)),
    # curly apostrophe joins a word; "it’s" is no function word, "of" and "the" are: 2 of 5
    ("It’s the end of days", (5, 0.4)),
    # "İ" lower-cases to "i" and a combining dot: three words as written, but the lower-cased text,
    # which the share is taken from, splits "i̇stanbul" into "i" (a function word) and "stanbul": 2 of 4
    ("İstanbul is big", (3, 0.5)),
    ("", (0, 0.0)),
    ("— … —", (0, 0.0)),
])
def test_english_words(text, expected):
    n, share = english_words(text)
    assert (n, share) == (expected[0], pytest.approx(expected[1]))
    assert share == english_share(text)


# -- private helpers for framing.clean ---------------------------------------------
from framing.text import WORD_RE, _WORD_RE_ALONE, _sentence_spans  # noqa: E402


@pytest.mark.parametrize("par", [
    "Kim met Putin. They signed a pact!  Mr. Lee spoke later",
    "  N. Korea and the U.S. talked.   ",
    "Lukin told Sputnik.The delegation left. “We agree,” he said. ",
    "",
    "   ",
    "No stop at all",
])
def test_sentence_spans_are_the_offsets_of_split_sentences(par):
    assert _sentence_spans(par) == [(s.start, s.end) for s in split_sentences(par)]


@pytest.mark.parametrize("text", [
    "Kim Jong-un's country’s re-election -- a-b-c- d'' e’’f _x_ y_z 42-7 'quoted' ’tis",
    "İstanbul ΣΑΣ naïve café 東京 x--y x-'y -a- 'b'",
])
def test_word_re_alone_finds_the_matches_of_word_re(text):
    """The possessive repeat gives up nothing WORD_RE would need on its own."""
    assert _WORD_RE_ALONE.findall(text) == WORD_RE.findall(text)
    for start in range(len(text)):
        assert _WORD_RE_ALONE.findall(text, start, len(text) - start // 2) == WORD_RE.findall(text, start, len(text) - start // 2)
