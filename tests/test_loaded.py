"""Tests for framing.loaded: loaded-language lexicon and naming variants.

Expected values are worked out by reading each test text against the lexicon
and naming rules, not taken from the code's output.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from framing.errors import FramingError
from framing.loaded import (
    CATEGORIES,
    SECONDARY_CATEGORY,
    SECONDARY_WEIGHT,
    LoadedHit,
    NamingHit,
    find_loaded_terms,
    find_naming,
    load_lexicon,
    load_naming,
    load_topic_words,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def loaded(text, **kw):
    """(matched text, headword, category) for each hit."""
    return [(h.text, h.term, h.category) for h in find_loaded_terms(text, **kw)]


def named(text, concept=None, **kw):
    """(matched text, concept, variant) for each naming hit, optionally of one concept."""
    return [(h.text, h.concept, h.variant) for h in find_naming(text, **kw) if concept in (None, h.concept)]


def write(tmp_path: Path, name: str, content: str) -> Path:
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    return p


# ---------------------------------------------------------------- loaded terms


@pytest.mark.parametrize(
    "text, expected",
    [
        # plain words, inflections and case
        ("The regime rejected the offer.", [("regime", "regime", "pejorative label")]),
        ("Both regimes denied it.", [("regimes", "regime", "pejorative label")]),
        ("REGIME CHANGE was never the goal.", [("REGIME", "regime", "pejorative label")]),
        ("a puppet of Washington", [("puppet", "puppet", "pejorative label")]),
        ("a puppet regime in Kyiv", [("puppet regime", "puppet", "pejorative label")]),
        ("after repeated provocations", [("provocations", "provocation", "pejorative label")]),
        ("an aggressive posture", [("aggressive", "aggressive", "pejorative label")]),
        ("their chauvinistic nature", [("chauvinistic", "chauvinistic", "pejorative label")]),
        ("attempts to blackmail Russia", [("blackmail", "blackmail", "pejorative label")]),
        ("the secretive state", [("secretive state", "secretive", "pejorative label")]),
        ("for the reclusive leader", [("reclusive leader", "reclusive", "pejorative label")]),
        # phrases, hyphen and whitespace variants
        ("a hegemony-oriented way of thinking", [("hegemony-oriented", "hegemony", "pejorative label")]),
        ("a hegemony oriented way of thinking", [("hegemony oriented", "hegemony", "pejorative label")]),
        ("against Western hegemony", [("hegemony", "hegemony", "pejorative label")]),
        ("hegemonic ambitions", [("hegemonic", "hegemony", "pejorative label")]),
        ("opponents armed to\nthe  teeth", [("armed to\nthe  teeth", "armed to the teeth", "threat/fear")]),
        ("the so-called referendum", [("so-called", "so-called", "doubt-casting verb")]),
        ("the so called referendum", [("so called", "so-called", "doubt-casting verb")]),
        # the longest phrase wins: one hit, not "cancer" and "tumor"
        ("called it a cancer tumor", [("cancer tumor", "cancer tumor", "dehumanising metaphor")]),
        ("under the brave leadership of the president", [("brave leadership", "brave leadership", "laudatory")]),
        ("it jeopardizes the order", [("jeopardizes", "jeopardy", "threat/fear")]),
        ("puts the order in jeopardy", [("jeopardy", "jeopardy", "threat/fear")]),
        ("could destabilise the region", [("destabilise", "destabilize", "threat/fear")]),
        ("further destabilizing the peninsula", [("destabilizing", "destabilize", "threat/fear")]),
        # doubt-casting reporting verbs
        ("officials claimed that", [("claimed", "claim", "doubt-casting verb")]),
        ("officials have been claiming that", [("claiming", "claim", "doubt-casting verb")]),
        ("the alleged transfer", [("alleged", "allege", "doubt-casting verb")]),
        ("Moscow insisted it had not", [("insisted", "insist", "doubt-casting verb")]),
        # two hits in one sentence, in order
        (
            "The dictator's henchmen insisted",
            [("dictator", "dictator", "pejorative label"), ("henchmen", "henchman", "pejorative label"),
             ("insisted", "insist", "doubt-casting verb")],
        ),
        # word boundaries: no match inside a longer word or after a joining hyphen
        ("a strict regimen", []),
        ("a non-aggressive posture", []),
        ("the claimant appealed", []),
        # blockers: neutral senses of loaded words
        ("The sanctions regime was tightened.", []),
        ("the nuclear non-proliferation regime", []),
        ("The group claimed responsibility for the attack.", []),
        ("the defeat of Nazi Germany", []),
        # topic words are not in the lexicon whatever the stance
        ("war missile sanctions military nuclear alliance support cooperation death", []),
    ],
)
def test_loaded_terms(text, expected):
    assert loaded(text) == expected


def test_hit_fields_and_offsets():
    text = 'Officials called the pact a "cancer tumor" and a threat.'
    (hit,) = find_loaded_terms(text)
    assert isinstance(hit, LoadedHit)
    assert (hit.start, hit.end) == (29, 41)
    assert text[hit.start:hit.end] == hit.text == "cancer tumor"
    assert hit.voice == "quoted"
    assert hit.weight == 2.5
    assert hit.note
    d = hit.to_dict()
    assert set(d) == {"start", "end", "text", "term", "category", "weight", "voice", "note"}
    assert d["term"] == "cancer tumor" and d["voice"] == "quoted"


# ----------------------------------------------------------------------- voice


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He called Seoul "a puppet of Washington" on Monday.', [("puppet", "quoted")]),
        ("He called Seoul a puppet of Washington on Monday.", [("puppet", "own")]),
        ('The puppet government "said nothing new," he added.', [("puppet government", "own")]),
        ('The regime said its "provocations" were drills.', [("regime", "own"), ("provocations", "quoted")]),
        # quotes pair per paragraph: an unpaired mark quotes nothing
        ('The regime "said\nnothing" new.', [("regime", "own")]),
    ],
)
def test_voice_from_quotation_marks(text, expected):
    assert [(h.text, h.voice) for h in find_loaded_terms(text)] == expected


def test_explicit_quote_spans_override_quotation_marks():
    text = 'He said the regime was a "puppet" of Washington.'
    # an indirect-quote span covering "the regime was a": regime becomes quoted
    start = text.index("the regime")
    got = find_loaded_terms(text, quote_spans=[(start, start + len("the regime was a"))])
    assert [(h.text, h.voice) for h in got] == [("regime", "quoted"), ("puppet", "own")]
    # an empty sequence means nothing is quoted, even inside quotation marks
    got = find_loaded_terms(text, quote_spans=[])
    assert [(h.text, h.voice) for h in got] == [("regime", "own"), ("puppet", "own")]


def test_quote_spans_may_be_objects_with_start_and_end():
    @dataclass
    class Quote:
        start: int
        end: int

    text = "Kim said the dictator spoke."
    got = find_loaded_terms(text, quote_spans=[Quote(9, 21)])
    assert [(h.text, h.voice) for h in got] == [("dictator", "quoted")]


def test_a_hit_straddling_a_span_edge_is_own_voice():
    text = "a cancer tumor indeed"
    got = find_loaded_terms(text, quote_spans=[(0, 8)])  # covers "a cancer" only
    assert [(h.text, h.voice) for h in got] == [("cancer tumor", "own")]


# ------------------------------------------------------------ seed sentences

SPUTNIK_SENTENCE = (
    "The DPRK has denounced the newly-forged trilateral military alliance between the US, Japan, and South Korea "
    'as a "cancer tumor" that puts the international UN-based order in jeopardy.'
)
NEO_SENTENCE = (
    "Despite serious threats from the West and South Korea, Russia, under the brave leadership of President Putin, "
    "has decided to continue strengthening its relations with Vietnam and North Korea."
)
SPUTNIK_PARAGRAPH = (
    'He stressed that American foreign policy reflects a "hegemony-oriented way of thinking based on the Cold '
    'War-style confrontation logic."'
)
KOREATIMES_PARAGRAPH = (
    '"While Russia may offer an aircraft to North Korea for Kim\'s travel, it would be a blow to Kim\'s pride. And '
    "although the war in Ukraine isn't directly impacting Moscow, traveling to a region near the conflict carries "
    'significant risks for the secretive leader," he added.'
)


def test_seed_sputnik_cancer_tumor_is_quoted_and_jeopardy_is_own():
    got = [(h.text, h.term, h.voice) for h in find_loaded_terms(SPUTNIK_SENTENCE)]
    assert got == [("cancer tumor", "cancer tumor", "quoted"), ("jeopardy", "jeopardy", "own")]


def test_seed_neo_brave_leadership_is_own_voice():
    got = [(h.text, h.category, h.voice) for h in find_loaded_terms(NEO_SENTENCE)]
    assert got == [("brave leadership", "laudatory", "own")]


def test_seed_sputnik_hegemony_and_cold_war_style_are_quoted():
    got = [(h.text, h.term, h.voice) for h in find_loaded_terms(SPUTNIK_PARAGRAPH)]
    assert got == [
        ("hegemony-oriented", "hegemony", "quoted"),
        ("Cold War-style", "cold war mentality", "quoted"),
    ]


def test_seed_koreatimes_quote_paragraph():
    assert [(h.text, h.voice) for h in find_loaded_terms(KOREATIMES_PARAGRAPH)] == [("secretive leader", "quoted")]
    assert [(h.text, h.concept, h.variant, h.voice) for h in find_naming(KOREATIMES_PARAGRAPH)] == [
        ("North Korea", "north_korea", "North Korea", "quoted"),
        ("war in Ukraine", "ukraine_war", "war in Ukraine", "quoted"),
        ("conflict", "ukraine_war", "conflict", "quoted"),
    ]


def test_seed_sputnik_naming_skips_the_trilateral_alliance():
    got = [(h.text, h.concept, h.variant, h.voice) for h in find_naming(SPUTNIK_SENTENCE)]
    assert got == [
        ("DPRK", "north_korea", "DPRK", "own"),
        ("South Korea", "south_korea", "South Korea", "own"),
    ]


def _clean_seed(outlet_id: str) -> str:
    from framing.clean import clean_text

    with open(SEEDS / "MANIFEST.csv", encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["outlet_id"] == outlet_id)
    raw = (SEEDS / row["file"]).read_text(encoding="utf-8")
    return clean_text(raw, title=row["title"], author=row["author"], outlet=row["outlet"]).text


@pytest.mark.parametrize(
    "outlet, terms",
    [
        ("vov", {"claim", "historic"}),
        ("sputnik", {"cancer tumor", "armed to the teeth", "hegemony", "aggressive", "chauvinistic", "jeopardy",
                     "special military operation"}),
        ("neo", {"brave leadership", "blackmail", "jeopardy", "destabilize", "claim"}),
        ("bihane", {"destabilize", "hegemony", "embolden"}),
        ("koreatimes", {"reclusive", "secretive"}),
    ],
)
def test_seed_articles_contain_the_known_loaded_terms(outlet, terms):
    found = {h.term for h in find_loaded_terms(_clean_seed(outlet))}
    assert terms <= found


# ---------------------------------------------------------------------- naming


@pytest.mark.parametrize(
    "text, concept, expected",
    [
        ("North Korea and the DPRK", "north_korea",
         [("North Korea", "north_korea", "North Korea"), ("DPRK", "north_korea", "DPRK")]),
        ("N. Korea-Russia relations strengthen", "north_korea", [("N. Korea", "north_korea", "North Korea")]),
        # "North Korea" must not match inside "North Korean", nor count as "the North"
        ("North Korean troops and the North Koreans", "north_korea", []),
        ("North Korea's leader", "north_korea", [("North Korea", "north_korea", "North Korea")]),
        # both the full name and the acronym are counted as written
        ("the Democratic People's Republic of Korea (DPRK)", "north_korea",
         [("Democratic People's Republic of Korea", "north_korea", "Democratic People's Republic of Korea"),
          ("DPRK", "north_korea", "DPRK")]),
        # ... and the full name does not contain a "Republic of Korea"
        ("the Democratic People's Republic of Korea (DPRK)", "south_korea", []),
        ("Japan and the Republic of Korea (ROK)", "south_korea",
         [("Republic of Korea", "south_korea", "Republic of Korea"), ("ROK", "south_korea", "Republic of Korea")]),
        ("Seoul summoned the ambassador", "south_korea", [("Seoul", "south_korea", "Seoul")]),
        ("South Korean officials", "south_korea", []),
        # proper names are case-sensitive
        ("the dprk and north korea", "north_korea", []),
        # Pyongyang as a metonym, not as a travel destination
        ("Pyongyang said the talks went well", "north_korea", [("Pyongyang", "north_korea", "Pyongyang")]),
        ("Putin visited Pyongyang and talks in Pyongyang followed", "north_korea", []),
        # a hyphen before a capital joins names: both are named
        ("Russia-DPRK relations", "north_korea", [("DPRK", "north_korea", "DPRK")]),
        ("Moscow-Pyongyang ties", "north_korea", [("Pyongyang", "north_korea", "Pyongyang")]),
        ("talks between the North and the South", None,
         [("North", "north_korea", "the North"), ("South", "south_korea", "the South")]),
        ("the North Atlantic and the Global South", None, []),
        # the war in Ukraine and its names
        ("Russia's special military operation in Ukraine", "ukraine_war",
         [("special military operation", "ukraine_war", "special military operation")]),
        ("its invasion of Ukraine", "ukraine_war", [("invasion of Ukraine", "ukraine_war", "invasion")]),
        ("the war in Ukraine", "ukraine_war", [("war in Ukraine", "ukraine_war", "war in Ukraine")]),
        ("the Ukraine war and after the war", "ukraine_war",
         [("Ukraine war", "ukraine_war", "war in Ukraine"), ("war", "ukraine_war", "war in Ukraine")]),
        ("since the Russia-Ukraine conflict began", "ukraine_war",
         [("Russia-Ukraine conflict", "ukraine_war", "conflict")]),
        ("the Cold War, the Korean War and World War II", "ukraine_war", []),
        ("in case of an armed invasion by any foreign country", "ukraine_war", []),
        # the Russia-DPRK treaty
        ("the comprehensive strategic partnership treaty", "russia_dprk_treaty",
         [("comprehensive strategic partnership treaty", "russia_dprk_treaty",
           "comprehensive strategic partnership treaty")]),
        ("the defense pact and the defence pact", "russia_dprk_treaty",
         [("defense pact", "russia_dprk_treaty", "defense pact"), ("defence pact", "russia_dprk_treaty", "defense pact")]),
        ("a mutual defence treaty", "russia_dprk_treaty",
         [("mutual defence treaty", "russia_dprk_treaty", "mutual defense treaty")]),
        ("this security agreement", "russia_dprk_treaty",
         [("security agreement", "russia_dprk_treaty", "security agreement")]),
        ("the trilateral military alliance", "russia_dprk_treaty", []),
        # titles: Kim and Putin
        ("North Korean leader Kim Jong Un", "kim_title", [("North Korean leader", "kim_title", "leader")]),
        ("Kim Jong Un, the North Korean President", "kim_title", [("North Korean President", "kim_title", "President")]),
        ("the Chairman of State Affairs of the DPRK", "kim_title",
         [("Chairman of State Affairs", "kim_title", "Chairman")]),
        ("Russian President Vladimir Putin", "putin_title", [("Russian President", "putin_title", "President")]),
        ("a close ally of President Vladimir Putin", "putin_title",
         [("President Vladimir Putin", "putin_title", "President")]),
        ("The Russian leader mentioned", "putin_title", [("Russian leader", "putin_title", "Russian leader")]),
        ("under President Boris Yeltsin", "putin_title", []),
    ],
)
def test_naming(text, concept, expected):
    assert named(text, concept) == expected


def test_one_span_can_name_two_concepts():
    got = named("DPRK leader Kim Jong-un")
    assert got == [("DPRK", "north_korea", "DPRK"), ("DPRK leader", "kim_title", "leader")]


def test_naming_voice_and_fields():
    text = 'Lukin said "North Korea is a partner" of Russia and North Korea agreed.'
    hits = find_naming(text)
    assert [(h.text, h.voice) for h in hits] == [("North Korea", "quoted"), ("North Korea", "own")]
    assert isinstance(hits[0], NamingHit)
    assert text[hits[1].start:hits[1].end] == "North Korea"
    assert hits[1].to_dict() == {"start": 52, "end": 63, "text": "North Korea", "concept": "north_korea",
                                 "variant": "North Korea", "voice": "own"}
    assert [h.voice for h in find_naming(text, quote_spans=[(52, 63)])] == ["own", "quoted"]


# --------------------------------------------------------------- the lexicon


def test_packaged_lexicon_shape():
    lex = load_lexicon()
    assert 650 <= len(lex) <= 1000
    counts = lex.category_counts()
    assert set(counts) == set(CATEGORIES)
    assert all(n >= 10 for n in counts.values())
    for e in lex:
        assert 0 < e.weight <= 3, e.term
        assert e.note and "\n" not in e.note, e.term


@pytest.mark.parametrize(
    "term",
    ["hegemony", "cancer tumor", "armed to the teeth", "brave leadership", "reclusive", "blackmail", "secretive",
     "puppet", "regime", "provocation", "chauvinistic", "aggressive", "destabilize", "jeopardy", "claim", "allege",
     "insist"],
)
def test_required_headwords_are_in_the_lexicon(term):
    assert term in load_lexicon()


def test_packaged_naming_concepts():
    nm = load_naming()
    assert {"north_korea", "south_korea", "ukraine_war", "russia_dprk_treaty", "kim_title", "putin_title"} <= set(
        nm.concepts
    )
    assert {v.variant for v in nm.variants_of("north_korea")} >= {
        "DPRK", "North Korea", "Democratic People's Republic of Korea", "Pyongyang", "the North"
    }


HEADER = "term,forms,category,weight,note\n"


def test_user_lexicon_extends_and_overrides(tmp_path):
    path = write(
        tmp_path,
        "mine.csv",
        HEADER
        + "socialist paradise,socialist paradise|workers' paradise,laudatory,2,Utopian praise\n"
        + "regime,regime,pejorative label,0.5,Our milder view\n"
        + "wonderland,,laudatory,1,Empty forms mean the term alone\n",
    )
    lex = load_lexicon(path)
    assert len(lex) == len(load_lexicon()) + 2  # one entry replaced, two added
    text = "The regimes built a workers' paradise, a wonderland run by a puppet."
    got = [(h.text, h.term, h.weight) for h in find_loaded_terms(text, lexicon=lex)]
    # "regimes" is gone: the user's regime entry lists only "regime"
    assert got == [("workers' paradise", "socialist paradise", 2.0), ("wonderland", "wonderland", 1.0),
                   ("puppet", "puppet", 2.0)]
    (hit,) = find_loaded_terms("the regime", lexicon=lex)
    assert (hit.weight, hit.note) == (0.5, "Our milder view")
    # the packaged lexicon itself is untouched
    assert find_loaded_terms("the regime")[0].weight == 1.0


def test_user_form_wins_over_a_packaged_entry_with_the_same_form(tmp_path):
    path = write(tmp_path, "mine.csv", HEADER + "marionette,puppet|marionette,pejorative label,1.5,Strings\n")
    got = [(h.text, h.term) for h in find_loaded_terms("a puppet", lexicon=load_lexicon(path))]
    assert got == [("puppet", "marionette")]


def test_user_lexicon_replaces(tmp_path):
    path = write(tmp_path, "only.csv", HEADER + "marionette,marionette|marionettes,pejorative label,1.5,Strings\n")
    lex = load_lexicon(path, extend=False)
    assert len(lex) == 1
    assert loaded("The puppet regime and its marionettes", lexicon=lex) == [
        ("marionettes", "marionette", "pejorative label")
    ]


def test_case_sensitive_user_form(tmp_path):
    path = write(tmp_path, "mine.csv", HEADER + "Evil Empire,Evil Empire,pejorative label,2,Reagan-era label\n"
                 "rust belt,rust belt,pejorative label,0.5,Lower case matches any case\n")
    lex = load_lexicon(path, extend=False)
    assert loaded("the Evil Empire and the evil empire; Rust Belt", lexicon=lex) == [
        ("Evil Empire", "Evil Empire", "pejorative label"),
        ("Rust Belt", "rust belt", "pejorative label"),
    ]


def test_blocker_in_user_lexicon(tmp_path):
    path = write(tmp_path, "mine.csv", HEADER + "stooge,stooge|!stooge pass,pejorative label,2,Servile tool\n")
    lex = load_lexicon(path, extend=False)
    assert loaded("a stooge at Stooge Pass", lexicon=lex) == [("stooge", "stooge", "pejorative label")]


@pytest.mark.parametrize(
    "content, row, problem",
    [
        (HEADER + "regime,regime,pejorative label,1,ok\nfoo,foo,insult,1,bad category\n", 3, "unknown category"),
        (HEADER + "foo,foo,laudatory,heavy,x\n", 2, "must be a number"),
        (HEADER + "foo,foo,laudatory,0,x\n", 2, "greater than 0"),
        (HEADER + "foo,foo,laudatory,3.5,x\n", 2, "at most 3"),
        (HEADER + "foo,foo,laudatory,nan,x\n", 2, "greater than 0"),
        (HEADER + ",foo,laudatory,1,x\n", 2, "'term' column is empty"),
        (HEADER + "foo,foo,laudatory,1,x\nFoo,fooish,laudatory,1,x\n", 3, "already defined in row 2"),
        (HEADER + "foo,foo|bar,laudatory,1,x\nbaz,bar,laudatory,1,x\n", 3, "already listed for 'foo' in row 2"),
        (HEADER + "foo,foo|!,laudatory,1,x\n", 2, "blocker"),
        (HEADER + "foo,foo|--,laudatory,1,x\n", 2, "no letters"),
        (HEADER + "foo,foo|!foo,laudatory,1,x\n", 2, "both a form and a blocker"),
        ("# comment\n" + HEADER + "foo,foo,laudatory,1,x\nbar,bar,pejorative,1,x\n", 4, "unknown category"),
        ("term,forms,category,note\nfoo,foo,laudatory,x\n", 1, "missing column"),
    ],
)
def test_lexicon_errors_name_file_and_row(tmp_path, content, row, problem):
    path = write(tmp_path, "bad_lexicon.csv", content)
    with pytest.raises(FramingError) as exc:
        load_lexicon(path)
    msg = str(exc.value)
    assert "bad_lexicon.csv" in msg
    assert f"row {row}:" in msg
    assert problem in msg


def test_missing_user_file(tmp_path):
    with pytest.raises(FramingError, match="no such file"):
        load_lexicon(tmp_path / "nope.csv")
    with pytest.raises(FramingError, match="no such file"):
        load_naming(tmp_path / "nope.csv")


# ----------------------------------------------------------- user naming file

NHEADER = "concept,variant,forms\n"


def test_user_naming_extends_and_overrides(tmp_path):
    path = write(
        tmp_path,
        "naming.csv",
        NHEADER
        + "north_korea,Hermit Kingdom,Hermit Kingdom\n"
        + "north_korea,Pyongyang,Pyongyang\n"  # replaces the packaged row and its travel blockers
        + "china,Beijing,Beijing|!in Beijing\n",
    )
    nm = load_naming(path)
    text = "Beijing and the Hermit Kingdom; a visit to Pyongyang; talks in Beijing; the DPRK"
    assert named(text, naming=nm) == [
        ("Beijing", "china", "Beijing"),
        ("Hermit Kingdom", "north_korea", "Hermit Kingdom"),
        ("Pyongyang", "north_korea", "Pyongyang"),
        ("DPRK", "north_korea", "DPRK"),
    ]
    only = load_naming(path, extend=False)
    assert set(only.concepts) == {"north_korea", "china"}
    assert named("the DPRK and Pyongyang", naming=only) == [("Pyongyang", "north_korea", "Pyongyang")]


def test_naming_variant_without_forms_is_its_own_form(tmp_path):
    path = write(tmp_path, "naming.csv", NHEADER + "ukraine_war,hostilities,\n")
    assert named("after the hostilities ended", naming=load_naming(path, extend=False)) == [
        ("hostilities", "ukraine_war", "hostilities")
    ]


@pytest.mark.parametrize(
    "content, row, problem",
    [
        (NHEADER + "North Korea,DPRK,DPRK\n", 2, "lower-case identifier"),
        (NHEADER + "north_korea,DPRK,DPRK\nnorth_korea,DPRK,D.P.R.K.\n", 3, "already defined in row 2"),
        (NHEADER + "north_korea,DPRK,DPRK\nnorth_korea,acronym,DPRK\n", 3, "already listed"),
        (NHEADER + "north_korea,,DPRK\n", 2, "'variant' column is empty"),
        (NHEADER + "north_korea,DPRK,DPRK,extra\n", 2, "4 cells"),
        ("concept,name,forms\nnorth_korea,DPRK,DPRK\n", 1, "missing column"),
    ],
)
def test_naming_errors_name_file_and_row(tmp_path, content, row, problem):
    path = write(tmp_path, "bad_naming.csv", content)
    with pytest.raises(FramingError) as exc:
        load_naming(path)
    msg = str(exc.value)
    assert "bad_naming.csv" in msg
    assert f"row {row}:" in msg
    assert problem in msg


def test_text_must_be_a_string():
    with pytest.raises(FramingError):
        find_loaded_terms(None)  # type: ignore[arg-type]
    with pytest.raises(FramingError):
        find_naming(b"DPRK")  # type: ignore[arg-type]


# ------------------------------------------------- general news loaded language


@pytest.mark.parametrize(
    "text, expected",
    [
        # emotive speech verbs, with their inflections
        ("Critics slammed the bill.", [("slammed", "slam", "emotive verb")]),
        ("She keeps slamming the bill.", [("slamming", "slam", "emotive verb")]),
        ("The senator lashed out at reporters.", [("lashed out", "lash out", "emotive verb")]),
        ("He ranted for an hour.", [("ranted", "rant", "emotive verb")]),
        ("The mayor bragged about the figures.", [("bragged", "brag", "emotive verb")]),
        ("Democrats blasted the ruling.", [("blasted", "blast", "emotive verb")]),
        ("The governor flip-flopped on taxes.", [("flip-flopped", "flip-flop", "emotive verb")]),
        ("They rammed through the budget.", [("rammed through", "ram through", "emotive verb")]),
        # partisan labels, hyphenated or spaced
        ("a far-left activist", [("far-left", "far-left", "partisan label")]),
        ("a far left activist", [("far left", "far-left", "partisan label")]),
        ("the alt-right", [("alt-right", "far-right", "partisan label")]),
        ("illegal aliens crossed", [("illegal aliens", "illegal alien", "partisan label")]),
        ("they called it a power grab", [("power grab", "power grab", "emotive verb")]),
        # demeaning terms, comparatives and superlatives
        ("the stupidest idea", [("stupidest", "stupid", "demeaning term")]),
        ("a nastier campaign", [("nastier", "nasty", "demeaning term")]),
        ("a bizarre press conference", [("bizarre", "bizarre", "demeaning term")]),
        ("a ridiculous claim", [("ridiculous", "absurd", "demeaning term"), ("claim", "claim", "doubt-casting verb")]),
        # hyperbole with a comparative, threat, laudatory, metaphor
        ("even harsher penalties", [("harsher", "harsh", "hyperbole/intensifier")]),
        ("a catastrophic and unprecedented collapse",
         [("catastrophic", "catastrophic", "threat/fear"), ("unprecedented", "unprecedented", "hyperbole/intensifier")]),
        ("migrants swarming the border", [("swarming", "swarm", "dehumanising metaphor")]),
        ("a brilliant, visionary reformer",
         [("brilliant", "brilliant", "laudatory"), ("visionary", "visionary", "laudatory")]),
        # scare and doubt markers
        ("the self-proclaimed expert", [("self-proclaimed", "self-proclaimed", "doubt-casting verb")]),
        ("his purported ties", [("purported", "purport", "doubt-casting verb")]),
        # euphemism
        ("undocumented workers were hired", [("undocumented workers", "undocumented", "euphemism")]),
        # neutral senses are blocked or never listed
        ("Extreme weather hit the coast.", []),
        ("Kyiv asked for more Patriot missiles.", []),
        ("wages and fringe benefits", []),
        ("the toxic waste dump", []),
        ("It would be a blow, and it has been costly.", []),
        ("Tickets sell out fast.", []),
        # "radical turn" (Sputnik) is a fundamental change, not a label; "radical left" is a label
        ("brought about a new radical turn in relations", []),
        ("the radical left", [("radical left", "radical", "partisan label")]),
        ("The company will spin off its chip unit.", []),
    ],
)
def test_general_news_loaded_language(text, expected):
    assert loaded(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Critics slammed the bill as radical.", [("slammed", "own"), ("radical", "own")]),
        ('Critics said the bill was "radical" and they slammed it.', [("radical", "quoted"), ("slammed", "own")]),
        ('"Critics slammed the bill as radical," she wrote.', [("slammed", "quoted"), ("radical", "quoted")]),
    ],
)
def test_voice_split_for_the_same_words(text, expected):
    assert [(h.text, h.voice) for h in find_loaded_terms(text)] == expected


def test_every_category_has_entries_and_new_categories_exist():
    counts = load_lexicon().category_counts()
    assert {"emotive verb", "demeaning term", "partisan label"} <= set(counts)
    assert all(n >= 10 for n in counts.values())


def test_min_weight_drops_lighter_entries():
    text = "The regime's puppet spoke."
    assert [h.term for h in find_loaded_terms(text)] == ["regime", "puppet"]  # weights 1.0 and 2.0
    assert [h.term for h in find_loaded_terms(text, min_weight=1.5)] == ["puppet"]


@pytest.mark.parametrize("bad", [-1, 3.5, "high", None, float("nan"), True])
def test_min_weight_must_be_a_number_in_range(bad):
    with pytest.raises(FramingError, match="min_weight"):
        find_loaded_terms("the regime", min_weight=bad)


# ------------------------------------------------------- secondary VADER signal


@pytest.mark.parametrize(
    "text, expected",
    [
        # topic words of a war story never count, whatever VADER says of them
        ("The war killed thousands; death, attack, crisis, peace and support followed the missile strike.", []),
        ("Murderers and killers caused fatalities in the crisis.", []),
        # words VADER scores at |valence| >= 3 that are not topic words: murderous -3.2, hellish -3.2
        ("a murderous and hellish plan", [("murderous", "vader_valence"), ("hellish", "vader_valence")]),
        # lexicon hits keep their own category; the secondary pass does not flag them twice
        ("an evil, murderous regime",
         [("evil", "demeaning term"), ("murderous", "vader_valence"), ("regime", "pejorative label")]),
    ],
)
def test_secondary_vader_signal(text, expected):
    got = [(h.text, h.category) for h in find_loaded_terms(text, secondary=True)]
    assert got == expected


def test_secondary_is_off_by_default_and_marked_as_secondary():
    text = 'He said "a murderous plan" was hellish.'
    assert find_loaded_terms(text) == []
    hits = find_loaded_terms(text, secondary=True)
    assert [(h.text, h.voice) for h in hits] == [("murderous", "quoted"), ("hellish", "own")]
    for h in hits:
        assert h.category == SECONDARY_CATEGORY == "vader_valence"
        assert h.weight == SECONDARY_WEIGHT < 1
        assert "VADER" in h.note and "secondary" in h.note
        assert SECONDARY_CATEGORY not in CATEGORIES


def test_secondary_threshold_and_topic_words():
    text = "a dismal, hopeless outlook"  # VADER: dismal -3.0, hopeless -2.0
    assert [h.text for h in find_loaded_terms(text, secondary=True)] == ["dismal"]
    assert [h.text for h in find_loaded_terms(text, secondary=True, vader_threshold=2)] == ["dismal", "hopeless"]
    assert find_loaded_terms(text, secondary=True, topic_words=["Dismal"]) == []
    with pytest.raises(FramingError, match="vader_threshold"):
        find_loaded_terms(text, secondary=True, vader_threshold=5)


def test_packaged_topic_words():
    topic = load_topic_words()
    assert {"war", "death", "support", "missile", "killed", "peace", "crisis"} <= topic


def test_user_topic_words_extend_or_replace(tmp_path):
    path = write(tmp_path, "topic.csv", "word,note\nDismal,economics is the dismal science\n")
    assert "dismal" in load_topic_words(path) and "war" in load_topic_words(path)
    assert load_topic_words(path, extend=False) == frozenset({"dismal"})


@pytest.mark.parametrize(
    "content, row, problem",
    [
        ("word,note\nwar,x\ntwo words,x\n", 3, "not a single word"),
        ("word,note\nwar,x\nWar,y\n", 3, "already listed in row 2"),
        ("# comment\nword,note\n,x\n", 3, "'word' column is empty"),
        ("term,note\nwar,x\n", 1, "missing column"),
    ],
)
def test_topic_word_errors_name_file_and_row(tmp_path, content, row, problem):
    path = write(tmp_path, "bad_topic.csv", content)
    with pytest.raises(FramingError) as exc:
        load_topic_words(path)
    msg = str(exc.value)
    assert "bad_topic.csv" in msg and f"row {row}:" in msg and problem in msg


def test_naming_general_secretary_title():
    assert named("General Secretary Kim Jong Un spoke", "kim_title") == [
        ("General Secretary Kim", "kim_title", "General Secretary")
    ]
