"""Tests for framing.actors: the default actor set, alias matching, user sets.

Every expected mention below was written by reading the sentence and
framing/data/actors.toml, not by running the code.
"""

from __future__ import annotations

import pytest

from framing.actors import ActorSet, load_actors
from framing.errors import FramingError

RUSSIA_NK = "Russia\u2013North Korea"  # the en dash of actors.toml
US_ALLIES = "US and allies"


@pytest.fixture(scope="module")
def default() -> ActorSet:
    return load_actors()


def found(actors: ActorSet, text: str) -> list[tuple[str, str]]:
    """(matched text, actor) pairs, checking that every offset slices to the alias."""
    out = []
    for m in actors.find_mentions(text):
        assert text[m.start:m.end] == m.text
        out.append((m.text, m.actor))
    return out


# ---------------------------------------------------------------------------
# the default set
# ---------------------------------------------------------------------------


def test_default_set_has_the_story_actors(default):
    assert {
        "Russia",
        "North Korea",
        "United States",
        "South Korea",
        "Japan",
        "Ukraine",
        "China",
        "the West/NATO",
    } <= set(default.names)


def test_default_set_sides(default):
    assert default.sides == (RUSSIA_NK, US_ALLIES)


def test_load_actors_returns_an_actor_set_as_is(default):
    assert load_actors(default) is default


MENTION_CASES = [
    ("Officials in Moscow declined to comment.", [("Moscow", "Russia")]),
    ("A spokesman for the Kremlin said nothing.", [("Kremlin", "Russia")]),
    ("Pyongyang fired a missile into the sea.", [("Pyongyang", "North Korea")]),
    ("The DPRK rejected the statement.", [("DPRK", "North Korea")]),
    # the full name is one mention: "Republic of Korea" inside it is not South Korea
    (
        "The Democratic People's Republic of Korea issued a statement.",
        [("Democratic People's Republic of Korea", "North Korea")],
    ),
    (
        "The Democratic People\u2019s Republic of Korea (DPRK) issued a statement.",
        [("Democratic People\u2019s Republic of Korea", "North Korea"), ("DPRK", "North Korea")],
    ),
    ("North Korean troops were seen near the border.", [("North Korean", "North Korea")]),
    ("Thousands of North Koreans attended the parade.", [("North Koreans", "North Korea")]),
    ("South Korean officials were alarmed.", [("South Korean", "South Korea")]),
    ("The Republic of Korea protested.", [("Republic of Korea", "South Korea")]),
    ("Seoul and Tokyo held talks.", [("Seoul", "South Korea"), ("Tokyo", "Japan")]),
    (
        "Since the Russia-Ukraine conflict began, trade has grown.",
        [("Russia", "Russia"), ("Ukraine", "Ukraine")],
    ),
    ("Kim Jong-un met Putin.", [("Kim Jong-un", "North Korea"), ("Putin", "Russia")]),
    ("Kim Jong Un met Vladimir Putin.", [("Kim Jong Un", "North Korea"), ("Vladimir Putin", "Russia")]),
    # a lowercase "us" is a pronoun, not the United States
    ("Let us hope the talks go well.", []),
    ("Many of us agree.", []),
    ("The US and Japan responded.", [("US", "United States"), ("Japan", "Japan")]),
    (
        "The U.S. State Department said so.",
        [("U.S.", "United States"), ("State Department", "United States")],
    ),
    ("The Russian Foreign Ministry denied it.", [("Russian Foreign Ministry", "Russia")]),
    ("Western sanctions have failed, said Beijing.", [("Western", "the West/NATO"), ("Beijing", "China")]),
    ("Under pressure from the West, Russia turned east.", [("the West", "the West/NATO"), ("Russia", "Russia")]),
    ("Zelensky spoke in Kyiv.", [("Zelensky", "Ukraine"), ("Kyiv", "Ukraine")]),
    # case-sensitive and whole words only
    ("moscow and russia in lower case are not names.", []),
    ("The Korean Peninsula and the Koreas.", []),
    ("Russians and Russianness.", [("Russians", "Russia")]),
    ("N. Korea-Russia relations strengthened.", [("N. Korea", "North Korea"), ("Russia", "Russia")]),
    ("They met at Kim Il Sung Square.", [("Kim Il Sung", "North Korea")]),
    # possessives
    ("Russia's President and Kim Jong-un's envoy.", [("Russia", "Russia"), ("Kim Jong-un", "North Korea")]),
    ("", []),
]


@pytest.mark.parametrize("text, expected", MENTION_CASES)
def test_default_mentions(default, text, expected):
    assert found(default, text) == expected


@pytest.mark.parametrize(
    "text, alias, kind",
    [
        ("Officials in Moscow declined.", "Moscow", "places"),
        ("Putin spoke.", "Putin", "leaders"),
        ("North Korean troops.", "North Korean", "adjectives"),
        ("The DPRK said so.", "DPRK", "names"),
        ("KCNA reported it.", "KCNA", "institutions"),
    ],
)
def test_mention_kind(default, text, alias, kind):
    (m,) = default.find_mentions(text)
    assert (m.text, m.kind) == (alias, kind)


def test_mention_offsets(default):
    text = "On Monday, the Kremlin said North Korean envoys would visit Moscow."
    mentions = default.find_mentions(text)
    assert [(m.start, m.end) for m in mentions] == [
        (text.index("Kremlin"), text.index("Kremlin") + len("Kremlin")),
        (text.index("North Korean"), text.index("North Korean") + len("North Korean")),
        (text.index("Moscow"), text.index("Moscow") + len("Moscow")),
    ]
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.to_dict() == {"start": m.start, "end": m.end, "text": m.text, "actor": m.actor, "kind": m.kind}


def test_mentions_across_a_line_break(default):
    text = "The Democratic People's\nRepublic of Korea replied."
    (m,) = default.find_mentions(text)
    assert m.actor == "North Korea"
    assert text[m.start:m.end] == "Democratic People's\nRepublic of Korea"


# ---------------------------------------------------------------------------
# side_for_country / actor_for_country
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "country, side",
    [
        ("Russia", RUSSIA_NK),
        ("russia", RUSSIA_NK),
        ("Soviet Union", RUSSIA_NK),
        ("North Korea", RUSSIA_NK),
        ("United States", US_ALLIES),
        ("South Korea", US_ALLIES),
        ("Japan", US_ALLIES),
        ("NATO", US_ALLIES),
        ("China", "other"),  # an actor whose side is not one of the sides
        ("Vietnam", "other"),  # a country no actor claims
        (None, "unknown"),
        ("", "unknown"),
    ],
)
def test_side_for_country(default, country, side):
    assert default.side_for_country(country) == side


@pytest.mark.parametrize(
    "country, actor",
    [("Russia", "Russia"), ("United Kingdom", "the West/NATO"), ("Vietnam", None), (None, None)],
)
def test_actor_for_country(default, country, actor):
    assert default.actor_for_country(country) == actor


# ---------------------------------------------------------------------------
# user actor sets
# ---------------------------------------------------------------------------


def test_dict_list_form():
    actors = load_actors({"Acme": ["Acme Corp", "Acme"], "Globex": ["Globex"]})
    assert actors.names == ["Acme", "Globex"]
    assert actors.sides == ()
    text = "Acme Corp sued Globex, and Acme won."
    assert found(actors, text) == [("Acme Corp", "Acme"), ("Globex", "Globex"), ("Acme", "Acme")]
    assert {m.kind for m in actors.find_mentions(text)} == {"names"}
    # the default actors are not part of a user set
    assert found(actors, "Moscow and Pyongyang.") == []


def test_dict_dict_form():
    actors = load_actors(
        {
            "Acme": {"aliases": ["Acme"], "leaders": ["Jane Roe"], "side": "plaintiffs", "countries": ["Acmeland"]},
            "Globex": {"aliases": ["Globex"], "places": ["Springfield"], "side": "defendants"},
        }
    )
    assert actors.sides == ("plaintiffs", "defendants")
    text = "Jane Roe of Acme met Globex lawyers in Springfield."
    assert [(m.text, m.actor, m.kind) for m in actors.find_mentions(text)] == [
        ("Jane Roe", "Acme", "leaders"),
        ("Acme", "Acme", "names"),
        ("Globex", "Globex", "names"),
        ("Springfield", "Globex", "places"),
    ]
    assert actors.side_for_country("Acmeland") == "plaintiffs"
    assert actors.side_for_country("Globex") == "defendants"  # an actor's own name counts
    assert actors.side_for_country("Nowhere") == "other"
    assert actors.side_for_country(None) == "unknown"


STRIKE = {"Union": {"aliases": ["FNV", "union"], "leaders": ["Anna de Vries"], "side": "union"},
          "Employers": {"aliases": ["employers", "RWG"], "leaders": ["Jan Bakker"], "side": "employers"},
          "Ministry": {"aliases": ["ministry"], "side": "government"}}


@pytest.mark.parametrize("speaker, country, side", [
    ("Anna de Vries", None, "union"),           # a person listed among an actor's people
    ("union", None, "union"),                   # "The union said"
    ("employers", None, "employers"),
    ("RWG", None, "employers"),
    ("ministry", None, "government"),           # the dict form makes every actor's side a side
    ("port authority", None, "unknown"),        # nobody's alias
    ("FNV and RWG", None, "unknown"),           # two sides: not one of them
    (None, None, "unknown"),
])
def test_side_for_speaker_uses_aliases_when_the_country_is_unknown(speaker, country, side):
    actors = load_actors(STRIKE)
    assert actors.side_for_speaker(speaker, country) == side


def test_side_for_speaker_prefers_the_country(default):
    # a speaker's known country decides, whatever actor alias the name holds
    assert default.side_for_speaker("Korea Institute", "South Korea") == default.side_for_country("South Korea")
    assert default.side_for_speaker("Vladimir Putin", None) == "Russia–North Korea"


TOML = """\
sides = ["home", "away"]

[[actor]]
name = "Lions"
side = "home"
countries = ["Lionland"]
names = ["Lions", "the Pride"]
leaders = ["Leo Mane"]

[[actor]]
name = "Tigers"
side = "away"
names = ["Tigers"]
places = ["Stripe City"]
"""

CSV = """\
actor,alias,kind,side
Lions,Lions,names,home
Lions,the Pride,names,
Lions,Leo Mane,leaders,
Tigers,Tigers,,away
Tigers,Stripe City,places,away
"""

TEAM_TEXT = "Leo Mane said the Pride will beat the Tigers in Stripe City."
TEAM_MENTIONS = [
    ("Leo Mane", "Lions", "leaders"),
    ("the Pride", "Lions", "names"),
    ("Tigers", "Tigers", "names"),
    ("Stripe City", "Tigers", "places"),
]


def test_toml_file(tmp_path):
    path = tmp_path / "teams.toml"
    path.write_text(TOML, encoding="utf-8")
    actors = load_actors(path)
    assert actors.names == ["Lions", "Tigers"]
    assert actors.sides == ("home", "away")
    assert [(m.text, m.actor, m.kind) for m in actors.find_mentions(TEAM_TEXT)] == TEAM_MENTIONS
    assert actors.side_for_country("Lionland") == "home"
    assert actors.side_for_country("Tigers") == "away"


def test_csv_file(tmp_path):
    path = tmp_path / "teams.csv"
    path.write_text(CSV, encoding="utf-8")
    actors = load_actors(str(path))
    assert actors.names == ["Lions", "Tigers"]
    assert actors.sides == ("home", "away")
    # an empty kind cell means "names"
    assert [(m.text, m.actor, m.kind) for m in actors.find_mentions(TEAM_TEXT)] == TEAM_MENTIONS
    assert actors.side_for_country("Lions") == "home"


def test_csv_two_columns_only(tmp_path):
    path = tmp_path / "min.csv"
    path.write_text("actor,alias\nLions,Lions\nTigers,Tigers\n", encoding="utf-8")
    actors = load_actors(path)
    assert found(actors, "Lions beat Tigers.") == [("Lions", "Lions"), ("Tigers", "Tigers")]
    assert actors.sides == ()


# ---------------------------------------------------------------------------
# errors
# ---------------------------------------------------------------------------


def test_unknown_extension(tmp_path):
    path = tmp_path / "actors.json"
    path.write_text('{"Russia": ["Moscow"]}', encoding="utf-8")
    with pytest.raises(FramingError) as exc:
        load_actors(path)
    assert "actors.json" in str(exc.value)
    assert ".json" in str(exc.value)


def test_missing_file(tmp_path):
    with pytest.raises(FramingError) as exc:
        load_actors(tmp_path / "nowhere.toml")
    assert "nowhere.toml" in str(exc.value)


@pytest.mark.parametrize(
    "content",
    [
        '[[actor]]\nname = "Lions\nnames = ["Lions"]\n',  # unclosed string
        '[[actor]\nname = "Lions"\n',  # unclosed table header
        'sides = ["home", "away"\n',  # unclosed array
    ],
)
def test_malformed_toml(tmp_path, content):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FramingError) as exc:
        load_actors(path)
    assert "bad.toml" in str(exc.value)
    assert "TOML" in str(exc.value)


def test_toml_without_actors(tmp_path):
    path = tmp_path / "none.toml"
    path.write_text('sides = ["a"]\n', encoding="utf-8")
    with pytest.raises(FramingError) as exc:
        load_actors(path)
    assert "none.toml" in str(exc.value)


def test_toml_unknown_key(tmp_path):
    path = tmp_path / "typo.toml"
    path.write_text('[[actor]]\nname = "Lions"\nnames = ["Lions"]\nleader = ["Leo"]\n', encoding="utf-8")
    with pytest.raises(FramingError) as exc:
        load_actors(path)
    assert "typo.toml" in str(exc.value)
    assert "leader" in str(exc.value)


def test_csv_bad_kind_names_file_and_row(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("actor,alias,kind\nLions,Lions,names\nLions,Leo,nickname\n", encoding="utf-8")
    with pytest.raises(FramingError) as exc:
        load_actors(path)
    msg = str(exc.value)
    assert "bad.csv" in msg
    assert "row 3" in msg
    assert "nickname" in msg


def test_csv_missing_alias_cell_names_row(tmp_path):
    path = tmp_path / "gap.csv"
    path.write_text("actor,alias\nLions,Lions\nTigers,\n", encoding="utf-8")
    with pytest.raises(FramingError) as exc:
        load_actors(path)
    assert "gap.csv" in str(exc.value)
    assert "row 3" in str(exc.value)


def test_alias_given_to_two_actors_in_a_dict():
    with pytest.raises(FramingError) as exc:
        load_actors({"Alpha": ["Shared", "Alpha"], "Beta": ["Beta", "Shared"]})
    msg = str(exc.value)
    assert "'Shared'" in msg
    assert "Alpha" in msg and "Beta" in msg


def test_alias_given_to_two_actors_in_a_csv(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("actor,alias\nLions,Cats\nTigers,Cats\n", encoding="utf-8")
    with pytest.raises(FramingError) as exc:
        load_actors(path)
    assert "dup.csv" in str(exc.value)
    assert "Cats" in str(exc.value)


def test_alias_given_to_two_actors_in_a_toml(tmp_path):
    path = tmp_path / "dup.toml"
    path.write_text(
        '[[actor]]\nname = "Lions"\nnames = ["Cats"]\n\n[[actor]]\nname = "Tigers"\nplaces = ["Cats"]\n',
        encoding="utf-8",
    )
    with pytest.raises(FramingError) as exc:
        load_actors(path)
    assert "dup.toml" in str(exc.value)
    assert "Cats" in str(exc.value)


def test_actor_defined_twice_in_a_toml(tmp_path):
    path = tmp_path / "twice.toml"
    path.write_text('[[actor]]\nname = "Lions"\nnames = ["Lions"]\n\n[[actor]]\nname = "Lions"\nnames = ["Pride"]\n',
                    encoding="utf-8")
    with pytest.raises(FramingError) as exc:
        load_actors(path)
    assert "twice.toml" in str(exc.value)
    assert "Lions" in str(exc.value)


@pytest.mark.parametrize(
    "spec",
    [
        {"Alpha": "Alpha"},  # a single string, not a list
        {"Alpha": 42},  # not a list at all
        {"Alpha": []},  # no aliases
        {"Alpha": {"aliases": ["Alpha"], "nicknames": ["A"]}},  # unknown key
        {},  # no actors
    ],
)
def test_bad_dicts(spec):
    with pytest.raises(FramingError):
        load_actors(spec)


@pytest.mark.parametrize(
    "spec",
    [
        {"Alpha": {"aliases": "Alpha"}},
        {"Alpha": {"aliases": ["Alpha"], "leaders": "Jane Roe"}},
    ],
)
def test_dict_form_alias_given_as_a_single_string(spec):
    # the list form rejects {"Alpha": "Alpha"}; the dict form must too, rather
    # than split the string into one-letter aliases
    with pytest.raises(FramingError):
        load_actors(spec)
