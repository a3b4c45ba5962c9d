"""Tests for framing.clean: noise removal, re-joining, quotes and the log.

Every expected value below was written by reading the raw text (the small
hand-made pages here, and the captured seed articles in ``seeds/``), not by
running the code.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pytest

from framing.clean import clean_text, load_noise_rules
from framing.errors import FramingError
from framing.text import split_sentences, words

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CURLY = "“”‘’„‟«»"


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def _norm(s: str) -> str:
    return " ".join(s.split())


def _check_log_offsets(raw: str, log) -> None:
    """Every entry with raw offsets points at the text it logs."""
    for entry in log:
        if entry.raw_start is None:
            assert entry.raw_end is None
            continue
        assert 0 <= entry.raw_start <= entry.raw_end <= len(raw), entry
        piece = _norm(raw[entry.raw_start:entry.raw_end])
        logged = _norm(entry.text)
        assert logged in piece or logged.startswith(piece), (
            f"{entry.step} entry: raw[{entry.raw_start}:{entry.raw_end}] = {piece[:120]!r}... "
            f"does not hold the logged text {logged[:120]!r}..."
        )


def _manifest() -> dict[str, dict[str, str]]:
    with open(SEEDS / "MANIFEST.csv", encoding="utf-8", newline="") as fh:
        return {row["outlet_id"]: row for row in csv.DictReader(fh)}


def _raw(outlet_id: str) -> str:
    return (SEEDS / _manifest()[outlet_id]["file"]).read_text(encoding="utf-8-sig")


@lru_cache(maxsize=None)
def _clean_seed(outlet_id: str):
    row = _manifest()[outlet_id]
    return clean_text(
        _raw(outlet_id),
        title=row["title"] or None,
        author=row["author"] or None,
        outlet=row["outlet"] or None,
    )


def _text(outlet_id: str) -> str:
    return _clean_seed(outlet_id).text


def _lines(outlet_id: str) -> list[str]:
    return _text(outlet_id).split("\n")


OUTLETS = ["vov", "sputnik", "neo", "bihane", "koreatimes"]


def test_the_manifest_lists_the_five_seeds():
    assert sorted(_manifest()) == sorted(OUTLETS)


# ---------------------------------------------------------------------------
# hand-made pages
# ---------------------------------------------------------------------------

CLEAN_ARTICLE = (
    "Russia and North Korea signed a treaty on Wednesday. The pact covers defence, trade and energy.\n\n"
    "“We will help each other,” the North Korean leader said. Officials in Seoul voiced concern.\n\n"
    "Analysts told Example Daily that the ties would deepen further this year. Washington has not commented."
)
CLEAN_ARTICLE_STRAIGHT = (
    "Russia and North Korea signed a treaty on Wednesday. The pact covers defence, trade and energy.\n\n"
    "\"We will help each other,\" the North Korean leader said. Officials in Seoul voiced concern.\n\n"
    "Analysts told Example Daily that the ties would deepen further this year. Washington has not commented."
)
HINTS = dict(title="Russia and North Korea sign a defence pact", author="Jane Doe", outlet="Example Daily")


def test_clean_article_is_unchanged_apart_from_quotes():
    cleaned = clean_text(CLEAN_ARTICLE, **HINTS)
    assert cleaned.text == CLEAN_ARTICLE_STRAIGHT
    # nothing removed or joined: the only log entry is the quote normalisation
    assert [e.step for e in cleaned.log] == ["quotes"]
    assert all(e.raw_start is None for e in cleaned.log)


def test_clean_article_with_straight_quotes_has_an_empty_log():
    cleaned = clean_text(CLEAN_ARTICLE_STRAIGHT, **HINTS)
    assert cleaned.text == CLEAN_ARTICLE_STRAIGHT
    assert cleaned.log == ()


NOISY_TITLE = "Talks in Moscow end with a new pact"
NOISY_PAGE = "\n".join([
    "Example Daily",
    NOISY_TITLE,
    "By Jane Doe",
    "Facebook share button",
    "https://example.com/world/talks-in-moscow",
    "5 min read",
    "",
    NOISY_TITLE,
    "",
    "Russia and North Korea ended three days of talks in Moscow on Friday. The two sides signed a pact on trade and energy.",
    "",
    "Officials in Seoul watched the talks",
    "closely. They said the pact could weaken the sanctions regime.",
    "",
    "The foreign ministers shake hands in Moscow on Friday. (photo: Reuters)",
    "",
    "Analysts expect more visits this year. Some of them think a summit could follow in the autumn.",
    "",
    "A second summit would be the third meeting of the two leaders in two years. Neither side has named a date.",
    "",
    "Related News",
    "Seoul protests the pact",
    "Tokyo watches Moscow",
])
NOISY_EXPECTED = (
    "Russia and North Korea ended three days of talks in Moscow on Friday. The two sides signed a pact on trade and energy.\n\n"
    "Officials in Seoul watched the talks closely. They said the pact could weaken the sanctions regime.\n\n"
    "Analysts expect more visits this year. Some of them think a summit could follow in the autumn.\n\n"
    "A second summit would be the third meeting of the two leaders in two years. Neither side has named a date."
)


def _clean_noisy():
    return clean_text(NOISY_PAGE, title=NOISY_TITLE, author="Jane Doe", outlet="Example Daily")


def test_noisy_page_keeps_only_the_article():
    assert _clean_noisy().text == NOISY_EXPECTED


def test_noisy_page_logs_every_removal():
    log = _clean_noisy().log
    logged = [e.text for e in log]
    for removed in [
        "Example Daily",
        "By Jane Doe",
        "Facebook share button",
        "https://example.com/world/talks-in-moscow",
        "5 min read",
        "The foreign ministers shake hands in Moscow on Friday. (photo: Reuters)",
    ]:
        assert removed in logged
    assert logged.count(NOISY_TITLE) == 2
    assert "Related News\nSeoul protests the pact\nTokyo watches Moscow" in logged


@pytest.mark.parametrize("raw, expected", [
    # a sentence broken over three lines
    (
        "The current\nlevel of relations between Russia and North Korea reflects the overall\n"
        "geopolitical situation in the world, acknowledged the expert.",
        "The current level of relations between Russia and North Korea reflects the overall "
        "geopolitical situation in the world, acknowledged the expert.",
    ),
    # a line ending with an opening quote joins without a space
    (
        'He stressed that policy reflects a "\nhegemony-oriented way of thinking."',
        'He stressed that policy reflects a "hegemony-oriented way of thinking."',
    ),
    (
        "The current level reflects the situation in the world, acknowledged the expert. “\n"
        "The DPRK is not afraid of anything,”\nLukin stressed.",
        'The current level reflects the situation in the world, acknowledged the expert. '
        '"The DPRK is not afraid of anything," Lukin stressed.',
    ),
    # ... also when the line ending with the opening quote is short
    (
        "Acknowledged the expert. “\nThe DPRK is not afraid of anything,”\nLukin stressed.",
        'Acknowledged the expert. "The DPRK is not afraid of anything," Lukin stressed.',
    ),
    # a paragraph break after a comma is a break mid-sentence
    (
        "Russia, under President Boris Yeltsin,\n\nprioritized its relations with the West.",
        "Russia, under President Boris Yeltsin, prioritized its relations with the West.",
    ),
    # all-lowercase continuation lines are part of the sentence, not tags
    (
        "Officials said that\nthe two countries would\nexpand their cooperation\nin the coming months.",
        "Officials said that the two countries would expand their cooperation in the coming months.",
    ),
    # a sentence glued to the next gets its space back
    (
        "Lukin told Sputnik.“More talks are planned,” he said.",
        'Lukin told Sputnik. "More talks are planned," he said.',
    ),
    # a heading stays its own paragraph
    (
        "Concern from other parties\n\nThe strong development of relations has created a new situation.",
        "Concern from other parties\n\nThe strong development of relations has created a new situation.",
    ),
])
def test_broken_lines_are_rejoined(raw, expected):
    assert clean_text(raw).text == expected


def test_keyword_tag_lines_are_removed():
    raw = (
        "Russia and North Korea signed a treaty on Wednesday. The pact covers trade.\n\n"
        "analysis\nrussia\nnorth korea\nindo-pacific\n\n"
        "Officials in Seoul voiced concern about the pact."
    )
    assert clean_text(raw).text == (
        "Russia and North Korea signed a treaty on Wednesday. The pact covers trade.\n\n"
        "Officials in Seoul voiced concern about the pact."
    )


def test_headline_fragment_glued_into_a_sentence_is_cut():
    title = "Strengthening Ties: Kim and Putin pledge cooperation"
    raw = (
        f"{title}\n\n"
        "The pact is driven by mutual interests, shared adversaries,Strengthening Ties and a desire "
        "to counterbalance Western influence."
    )
    assert clean_text(raw, title=title).text == (
        "The pact is driven by mutual interests, shared adversaries, and a desire "
        "to counterbalance Western influence."
    )


DUP_PAGE = (
    "The talks ended on Friday after three days of meetings in Moscow. Both sides praised the results of the visit.\n\n"
    "Officials in Seoul said they were watching the talks closely and would respond.\n\n"
    "The talks ended on Friday after three days of meetings in Moscow. For more information click on this link "
    "Both sides praised the results of the visit."
)


def test_duplicated_paragraph_is_dropped():
    assert clean_text(DUP_PAGE).text == (
        "The talks ended on Friday after three days of meetings in Moscow. Both sides praised the results of the visit.\n\n"
        "Officials in Seoul said they were watching the talks closely and would respond."
    )


@pytest.mark.parametrize("raw, expected", [
    ("He called the alliance a “cancer tumor\" that threatens the order.",
     'He called the alliance a "cancer tumor" that threatens the order.'),
    ("Officials spoke of ‘hegemony’ in East Asia today.", "Officials spoke of 'hegemony' in East Asia today."),
    ("The DPRK’s foreign minister arrived in Moscow.", "The DPRK's foreign minister arrived in Moscow."),
    ("„Rossiya Segodnya“ said the talks went well.", '"Rossiya Segodnya" said the talks went well.'),
    ("“We agree,” Kim said. “So do we,” Putin replied.", '"We agree," Kim said. "So do we," Putin replied.'),
])
def test_curly_quotes_are_normalised(raw, expected):
    cleaned = clean_text(raw)
    assert cleaned.text == expected
    assert [e.step for e in cleaned.log] == ["quotes"]


def test_custom_rules_are_used():
    rules = load_noise_rules(
        "scope,pattern,reason\nline,(?i)sponsored content.*,an advertisement\n", source="ads.csv"
    )
    raw = (
        "Talks ended on Friday in Moscow.\n\n"
        "Sponsored content from our partners\n\n"
        "Both sides praised the results of the visit."
    )
    cleaned = clean_text(raw, rules=rules)
    assert cleaned.text == "Talks ended on Friday in Moscow.\n\nBoth sides praised the results of the visit."
    assert [(e.text, e.reason) for e in cleaned.log] == [("Sponsored content from our partners", "an advertisement")]


@pytest.mark.parametrize("raw, kwargs", [
    (CLEAN_ARTICLE, HINTS),
    (NOISY_PAGE, dict(title=NOISY_TITLE, author="Jane Doe", outlet="Example Daily")),
    (DUP_PAGE, {}),
])
def test_log_offsets_point_into_raw_text_handmade(raw, kwargs):
    _check_log_offsets(raw, clean_text(raw, **kwargs).log)


# ---------------------------------------------------------------------------
# the seed articles
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("outlet_id", OUTLETS)
def test_log_offsets_point_into_raw_text_seeds(outlet_id):
    _check_log_offsets(_raw(outlet_id), _clean_seed(outlet_id).log)


@pytest.mark.parametrize("outlet_id", OUTLETS)
def test_seed_has_no_curly_quotes(outlet_id):
    assert not any(c in _text(outlet_id) for c in CURLY)


@pytest.mark.parametrize("outlet_id", OUTLETS)
def test_seed_paragraph_layout(outlet_id):
    text = _text(outlet_id)
    assert text == text.strip()
    assert "\n\n\n" not in text
    for par in text.split("\n\n"):
        assert par and "\n" not in par and par == par.strip()


@pytest.mark.parametrize("outlet_id", OUTLETS)
def test_seed_sentences_are_not_repeated(outlet_id):
    sentences = [s.text for s in split_sentences(_text(outlet_id)) if len(words(s.text)) >= 6]
    repeated = sorted({s for s in sentences if sentences.count(s) > 1})
    assert repeated == []


def _assert_kept(outlet_id, sentences):
    text = _text(outlet_id)
    for s in sentences:
        assert s in text, s


def _assert_gone(outlet_id, fragments):
    text = _text(outlet_id)
    for f in fragments:
        assert f not in text, f


def _assert_no_line(outlet_id, lines):
    present = set(_lines(outlet_id))
    for ln in lines:
        assert ln not in present, ln


# -- Voice of Vietnam ----------------------------------------------------------

def test_vov_captions_and_footer_removed():
    _assert_gone("vov", [
        "ảnh",
        "(photo:",
        "welcomes DPRK leader Kim Jong Un in Moscow in September",
        "Lavrov (R) and DPRK Foreign Minister Choe Son Hui meet",
        "strengthen relations under West",  # the headline, also in the captions
        "Related News",
    ])
    _assert_no_line("vov", ["Feedback", "Others"])


def test_vov_article_kept():
    _assert_kept("vov", [
        "Facing security pressure and heavy sanctions from the West, Russia and the Democratic People's "
        "Republic of Korea (DPRK) have continuously strengthened comprehensive relations, creating a remarkable "
        "new geopolitical structure in Northeast Asia.",
        "The DPRK's Foreign Minister Choe Son Hui visited Russia January 15-17.",
        "There is no reason to be afraid of opposition from other countries, he added.",
        "Joseph Dempsey, a defense analyst at the International Institute for Strategic Studies (IISS) said "
        "the DPRK will clearly benefit from cooperation with Russia.",
    ])
    assert _text("vov").endswith("will clearly benefit from cooperation with Russia.")


# -- Sputnik -------------------------------------------------------------------

@pytest.mark.parametrize("fragment", [
    "cancer tumor",
    "Kim also met with Russian Defense Minister Sergei Shoigu.",
    "Furthermore, Moscow hopes that Putin will be able to visit to the DPRK in the near future",
    "The current level of relations between Russia and North Korea",
    "Russia and North Korea are neighbors",
    "told Sputnik",
])
def test_sputnik_body_is_not_duplicated(fragment):
    assert _text("sputnik").count(fragment) == 1


def test_sputnik_metadata_removed():
    _assert_gone("sputnik", [
        "http",
        "sputnikglobe",
        "feedback@",
        "74956456601",
        "2024-01-15T17:18",
        "en_EN",
        "Rossiya Segodnya",
        "17:18 GMT",
        "20:04 GMT",
        "Spurred by Changing Geopolitical Climate",
        "north korean delegation visiting russia",
    ])
    _assert_no_line("sputnik", [
        "analysis", "russia", "north korea", "indo-pacific", "choe son hui", "sergey lavrov",
        "News", "2024", "Sputnik International",
    ])


def test_sputnik_article_kept_and_rejoined():
    _assert_kept("sputnik", [
        "A delegation from North Korea, headed by Foreign Minister Choe Son Hui, is paying a visit to Russia "
        "from January 15-17.",
        "The current visit of the North Korean delegation to Moscow is evidence of the progress in development "
        "of Russia's relations with the DPRK, Artyom Lukin, Professor of the Far Eastern Federal University in "
        "Vladivostok, told Sputnik.",
        "The current level of relations between Russia and North Korea reflects the overall geopolitical "
        "situation in the world, acknowledged the expert.",
        'acknowledged the expert. "The DPRK is one of the few countries in the global South that is not afraid '
        'of anything; it has nothing to lose," Lukin stressed.',
        'The DPRK has denounced the newly-forged trilateral military alliance between the US, Japan, and South '
        'Korea as a "cancer tumor" that puts the international UN-based order in jeopardy.',
        'He stressed that American foreign policy reflects a "hegemony-oriented way of thinking based on the '
        'Cold War-style confrontation logic."',
        'Kim\'s visit to Russia brought about "a new radical turn" in the development of Moscow-Pyongyang '
        'relations and consolidated "the traditional ties of good neighbor and cooperation" between the two '
        'countries, state media reported in the wake of the trip.',
        'The ambassador noted that the main objective is to "maintain peace and stability in the region and on '
        'a broader scale."',
    ])


def test_sputnik_quotes_pair_up_in_every_paragraph():
    for par in _text("sputnik").split("\n\n"):
        assert par.count('"') % 2 == 0, par


# -- New Eastern Outlook ---------------------------------------------------------

def test_neo_furniture_removed():
    _assert_gone("neo", [
        "EN|FR|RU",
        "Follow us",
        "Significance of Putin",  # the headline, twice in the raw page
        "Abbas Hashemite",  # byline and bio
        "July 07",
        "political observer",
        "New Eastern Outlook",
        "More on this topic",
        "Turkish troops",
        "China-Africa",
        "NATO has Declared War",
        "competing for influence in Africa",
        "Cultural Forum",
    ])


def test_neo_article_kept():
    _assert_kept("neo", [
        "Russian President Vladimir Putin visited Pyongyang last month on a two-day visit.",
        "This was the first visit of the Russian President to North Korea in 24 years.",
        'stating, "At the invitation of the Chairman of State Affairs of the DPRK, Kim Jong Un, Vladimir Putin '
        'will pay a friendly state visit to the Democratic People\'s Republic of Korea on June 18-19."',
        "Burgeoning relations between North Korea and Russia have also raised concerns for South Korea – a "
        "significant ally of the West in the Korean peninsula.",
    ])
    assert _text("neo").endswith(
        "The Third World now has novel opportunities for trade and cooperation under the leadership of Russia "
        "and BRICS nations."
    )


# -- Bihane News ---------------------------------------------------------------

def test_bihane_injected_fragments_and_link_bait_removed():
    _assert_gone("bihane", ["Strengthening Ties", ",Strengthening"])
    assert "click on this link" not in _text("bihane").lower()
    assert "for more information" not in _text("bihane").lower()


def test_bihane_footer_removed():
    _assert_gone("bihane", [
        "16 Min Read",
        "ALSO READ",
        "Pentagon Affirms",
        "Share this Article",
        "Welcome to Bihane News",
        "Rajesh Pandey",
        "1 Comment",
        "Leave a Reply",
        "Your email address",
        "Exit mobile version",
    ])
    _assert_no_line("bihane", ["Follow:"])
    assert _text("bihane").endswith(
        "the relationship between Pyongyang and Moscow will remain an important factor in shaping the dynamics "
        "of the Korean Peninsula and the broader Asia-Pacific region."
    )


@pytest.mark.parametrize("fragment", [
    "The collapse of the Soviet Union in 1991 marked a turning point in North Korea-Russia relations.",
    "under President Boris Yeltsin, prioritized its relations with the West",
    "In the early 2000s, under President Vladimir Putin, Russia began to re-engage with North Korea",
])
def test_bihane_repeated_paragraphs_appear_once(fragment):
    assert _text("bihane").count(fragment) == 1


def test_bihane_article_kept_and_rejoined():
    _assert_kept("bihane", [
        # broken across a blank line in the raw page
        "a symbolic occasion marking the end of Japanese colonial rule over Korea in 1945 North Korean leader "
        "Kim Jong-un and Russian President Vladimir Putin reaffirmed their commitment to deepening bilateral "
        "relations.",
        # the fragment cut out of the middle
        "which is driven by mutual interests, shared adversaries, and a desire to counterbalance Western "
        "influence in the region.",
        "During the Korean War (1950-1953), the Soviet Union supplied North Korea with weapons, military "
        "advisors, and air support, solidifying the alliance between the two communist nations.",
        "as Kim Il-sung, the founding leader of North Korea, sought to assert his country's independence",
        "For North Korea, strengthening its relationship with Russia serves as a means of diversifying its "
        "international partnerships and reducing its reliance on China.",
        "For Russia, deepening its relationship with North Korea aligns with its broader strategy of countering "
        "U.S. influence in the Asia-Pacific region.",
    ])
    # the link bait at the end of this paragraph is gone, the paragraph ends with its sentence
    assert any(
        par.endswith("as a bargaining chip in negotiations with the U.S. and its allies.")
        for par in _text("bihane").split("\n\n")
    )


# -- The Korea Times ---------------------------------------------------------------

@pytest.mark.parametrize("caption", [
    "attend an official ceremony at Kim Il Sung Square",
    "A Russian serviceman walks past a building destroyed in combat",
    "Servicemen march in formation during a Victory Day military parade",
])
def test_koreatimes_captions_removed(caption):
    assert _text("koreatimes").count(caption) == 0


def test_koreatimes_menus_byline_and_footer_removed():
    _assert_gone("koreatimes", [
        "TASS-Yonhap",
        "share button",
        "font-size",
        "•",
        "Lee Hyo-jin",
        "lhj@koreatimes",
        "Top 10 Stories",
        "go top",
        "CLOSE",
        "strengthen despite Ukraine peace talks",  # the headline
    ])
    _assert_no_line("koreatimes", ["Settings", "X"])


def test_koreatimes_article_kept():
    _assert_kept("koreatimes", [
        "North Korea and Russia's partnership is showing signs of deepening even as Moscow participates in peace "
        "talks to end its war in Ukraine, fueling speculation that their military cooperation could persist well "
        "beyond the end of fighting.",
        '"Throughout the war, North Korea has proven to be Russia\'s most reliable — if not the only — ally.',
        "On Friday, Putin cited North Korea as one of the nations Russia is willing to engage with in resolving "
        "the war.",
        '"If Kim were planning to visit, we would already see signs of preparations and some North Korean senior '
        'officials traveling to Moscow," Yang said. "But so far, there are no clear indications of such '
        'exchanges."',
    ])
    assert _text("koreatimes").endswith(
        'traveling to a region near the conflict carries significant risks for the secretive leader," he added.'
    )


# ---------------------------------------------------------------------------
# load_noise_rules
# ---------------------------------------------------------------------------

def test_packaged_rules_load():
    rules = load_noise_rules()
    assert rules
    assert {r.scope for r in rules} <= {"line", "inline", "caption", "footer"}


@pytest.mark.parametrize("text, row, problem", [
    # unknown scope on the third line
    ("scope,pattern,reason\nline,foo,fine\nparagraph,bar,a bad scope\n", 3, "scope"),
    # invalid regex, after a comment, the header and a blank line: file line 5
    ("# my rules\nscope,pattern,reason\nline,ok,fine\n\ninline,[a-,broken\n", 5, "regular expression"),
    ("scope,pattern,reason\nline,(unclosed,broken\n", 2, "regular expression"),
    # missing column: the header is row 1
    ("scope,pattern\nline,foo\n", 1, "reason"),
    # a typo in a header is a missing column too
    ("scope,pattern,reasn\nline,foo,bar\n", 1, "reason"),
    # an empty required cell
    ("scope,pattern,reason\nline,foo,fine\nline,bar,\n", 3, "reason"),
])
def test_bad_rules_file_names_file_and_row(text, row, problem):
    with pytest.raises(FramingError) as info:
        load_noise_rules(text, source="my_rules.csv")
    message = str(info.value)
    assert "my_rules.csv" in message
    assert re.search(rf"\brow {row}\b", message), message
    assert problem in message


# ---------------------------------------------------------------------------
# internals that make cleaning fast: each must give what the plain way gives
# ---------------------------------------------------------------------------

from framing.clean import (  # noqa: E402
    _FOLD_SAFE, _GLUED, _OTHER_SPACES, _SPACES, _Page, _ascii_words, _remove_invisibles, _required_text, _safe_run,
    _squeeze_spaces,
)


def test_fold_safe_characters_match_without_case_only_what_lowercases_to_them():
    everything = "".join(map(chr, range(0x110000)))
    for c in _FOLD_SAFE:
        for ch in re.findall("(?i)" + re.escape(c), everything):
            assert ch.lower() == c.lower(), (c, ch)
    # the left-out letters, and why
    assert re.fullmatch("(?i)s", "ſ") and "ſ".lower() != "s"
    assert re.fullmatch("(?i)i", "ı") and "ı".lower() != "i"


@pytest.mark.parametrize("pattern, expected", [
    (r"(?i).*\bshare button\b.*", (("hare button",), True)),     # "s" is left out when case is ignored
    (r".*\bShare button\b.*", (("Share button",), False)),
    (r".*[.)]\s+(?:AFP|Reuters)", (("AFP", "Reuters"), False)),  # one of the alternatives
    (r"(?:AFP|\w+)", (("",), False)),                            # an alternative without text: nothing known
    (r"x+yz(?:ab)?", (("yz",), False)),                          # repeated or optional: not required
    (r"ab(?-i:CD)ef", (("ab",), False)),
    (r"(?i)abc(?-i:XYZW)", (("abc",), True)),                    # a group that changes the case flag is skipped
    (r"(?i)a|b", (("",), True)),
    (r"", (("",), False)),
])
def test_required_text(pattern, expected):
    assert _required_text(re.compile(pattern)) == expected


def test_every_match_of_a_packaged_rule_holds_its_required_text():
    lines = [line for outlet in OUTLETS for line in _raw(outlet).splitlines()] + NOISY_PAGE.splitlines() + [
        "Share  Button Facebook", "SHARE BUTTON", "Set FONT-SIZE", "12 Comments", "Follow us on:", "3 min read",
        "Photo by X. Yonhap", "10:30 GMT 12.06.2024 (updated: 11:00) Talks", "(VOVWORLD) - Talks", "ſhare button"]
    for rule in load_noise_rules():
        texts, folded = _required_text(rule.pattern)
        for line in lines:
            for m in rule.pattern.finditer(line):
                held = line[m.start():m.end()]
                assert any(t in (held.lower() if folded else held) for t in texts), (rule.pattern.pattern, line)


def test_page_finds_the_lines_holding_a_text():
    page = _Page(["İİ share button", "no", "SHARE BUTTON and share button", "", "x share"])
    assert page.holding(("share button",), True) == [0, 2]
    assert page.holding(("SHARE", "x s"), False) == [2, 4]
    assert page.holding(("",), False) == [0, 1, 2, 3, 4]
    assert page.holding(("absent",), True) == []
    assert _Page([]).holding(("a",), True) == [] and _Page([]).holding(("",), False) == []


def test_safe_run():
    assert _safe_run("strengthening") == "trengthen"
    assert _safe_run("Kim") == "k"
    assert _safe_run("is") == ""


def test_glued_and_squeeze_patterns_do_what_the_plain_ones_do():
    import random

    glued_plain = re.compile(r"(?<=[a-z]{2}[.!?])(?=“?[A-Z])|(?<=[a-z]{2}[.!?][”’])(?=[A-Z“])")
    rng = random.Random(3)
    for _ in range(20000):
        s = "".join(rng.choice("abAB.!?”’“ \t\u00a0\u3000\u2005\u200b\r\n") for _ in range(rng.randint(0, 14)))
        assert _GLUED.subn(r"\g<0> ", s) == glued_plain.subn(" ", s), repr(s)
        assert _squeeze_spaces(s) == _SPACES.sub(" ", s), repr(s)
        assert _remove_invisibles(s) == re.sub(r"[\u200b-\u200d\u2060\ufeff\r]", "", s), repr(s)
    assert set(_OTHER_SPACES) == {c for c in map(chr, range(0x110000)) if _SPACES.fullmatch(c)} - {" "}


def test_ascii_words_finds_the_words_the_plain_pattern_finds():
    import random

    from framing.text import _WORD_RE_ALONE

    rng = random.Random(5)
    alphabet = "".join(map(chr, range(128))) + "“”‘—–…’é"
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))).lower()  # as dedupe gives it
        low, word_re = _ascii_words(s)
        assert len(low) == len(s)
        assert word_re.findall(low) == _WORD_RE_ALONE.findall(s), repr(s)
        assert [m.span() for m in word_re.finditer(low)] == [m.span() for m in _WORD_RE_ALONE.finditer(s)], repr(s)
