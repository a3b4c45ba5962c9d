"""Tests for framing.quotes: direct and reported speech, speakers, the registry."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from framing.errors import FramingError
from framing.quotes import Quote, SpeakerRegistry, extract_quotes, load_speakers

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def only(text: str, **kw) -> Quote:
    """The single quote found in ``text``."""
    qs = extract_quotes(text, **kw)
    assert len(qs) == 1, qs
    return qs[0]


def speaker_text(text: str, q: Quote) -> str:
    return text[q.speaker_start:q.speaker_end]


# --- direct quotes ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    '"We will respond to any provocation," Peskov said.',          # straight
    "“We will respond to any provocation,” Peskov said.",          # curly
    '“We will respond to any provocation," Peskov said.',          # curly open, straight close
    '"We will respond to any provocation,” Peskov said.',          # straight open, curly close
])
def test_direct_quote_with_any_marks(text):
    q = only(text)
    assert q.kind == "direct"
    assert q.text == "We will respond to any provocation"
    assert text[q.start - 1] in '"“' and text[q.start:q.end] == q.text
    assert (q.speaker, q.speaker_country, q.speaker_role, q.verb) == ("Dmitry Peskov", "Russia", "official", "said")
    assert speaker_text(text, q) == "Peskov"


def test_quote_spanning_a_broken_line_in_raw_text():
    text = ("The current level of relations reflects the situation, acknowledged the expert. “\n"
            "The DPRK is one of the few countries that is not afraid of anything,”\n"
            "Artyom Lukin stressed.\n")
    qs = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert [q.text for q in qs] == ["The DPRK is one of the few countries that is not afraid of anything"]
    assert qs[0].speaker == "Artyom Lukin" and qs[0].verb == "stressed"


def test_split_quote_around_attribution_seed_excerpt():
    # The Korea Times
    text = ('"If Kim were planning to visit, we would already see signs of preparations," Yang said. '
            '"But so far, there are no clear indications of such exchanges."')
    qs = extract_quotes(text)
    assert [q.text for q in qs] == ["If Kim were planning to visit, we would already see signs of preparations",
                                    "But so far, there are no clear indications of such exchanges."]
    assert [q.speaker for q in qs] == ["Yang", "Yang"]
    assert [q.verb for q in qs] == ["said", "said"]


def test_split_quote_with_comma_continuation():
    text = '"We are ready," Lavrov said, "to defend our sovereignty by every means."'
    qs = extract_quotes(text)
    assert [(q.text, q.speaker) for q in qs] == [("We are ready", "Sergey Lavrov"),
                                                 ("to defend our sovereignty by every means.", "Sergey Lavrov")]


def test_partial_quote_belongs_to_the_sentence_speaker():
    # Sputnik
    text = ("Last year, North Korean Foreign Vice-Minister Im Chon-il warned that US-backed blocs are "
            'no longer hiding their "aggressive and chauvinistic nature."')
    q = only(text)
    assert q.kind == "direct" and q.text == "aggressive and chauvinistic nature."
    assert (q.speaker, q.speaker_country, q.speaker_role, q.verb) == ("Im Chon-il", "North Korea", "official", "warned")


def test_orphan_closing_quote_is_recovered_back_to_first_person_sentences():
    # VOV: no opening mark
    text = ("President Putin and the Foreign Minister discussed bilateral relations. The most important thing "
            "is still the development of bilateral relations and, as we have said, the DPRK is a very important "
            'partner. We want to develop relations, including sensitive areas," Kremlin spokesperson Dmitry Peskov '
            "said.")
    q = only(text)
    assert q.kind == "direct"
    assert q.text.startswith("The most important thing") and q.text.endswith("including sensitive areas")
    assert (q.speaker, q.speaker_country, q.speaker_role) == ("Dmitry Peskov", "Russia", "official")


def test_quote_introduced_by_a_colon():
    q = only('Lavrov said: "Our cooperation is not directed against anyone."')
    assert (q.kind, q.text, q.speaker, q.verb) == (
        "direct", "Our cooperation is not directed against anyone.", "Sergey Lavrov", "said")


@pytest.mark.parametrize("text", [
    'Experts say relations are growing, and Russia is a "natural" partner.',   # scare quote in reported clause
    'Russia is a "natural" partner and the "strategic" ties keep growing.',    # scare quotes, no speech verb
    "The book \"North Korea and Russia: A Long History\" was published in 2020.",  # a title
    'The op-ed, titled "Why Moscow Needs Pyongyang," appeared on Monday.',    # a headline
    "Russia's and North Korea's leaders met at the leaders' summit.",          # apostrophes only
    'He bought a 5" screen and a 7" tablet before the summit.',                # inch marks
])
def test_non_quotes_are_not_direct_quotes(text):
    assert [q for q in extract_quotes(text) if q.kind == "direct"] == []


def test_scare_quote_inside_reported_speech_keeps_the_reported_clause():
    text = 'Experts say Russia and the DPRK promoting bilateral relations is a "natural" choice.'
    q = only(text)
    assert q.kind == "indirect" and q.speaker == "experts"
    assert q.text == 'Russia and the DPRK promoting bilateral relations is a "natural" choice'


def test_short_quote_with_its_own_attribution_is_a_quote():
    q = only('"Never," the minister said.')
    assert (q.kind, q.text, q.speaker_role) == ("direct", "Never", "official")


# --- reported speech -------------------------------------------------------------

@pytest.mark.parametrize("verb", ["said", "warned", "stressed", "noted", "underscored", "pointed out", "recalled",
                                  "agreed", "claimed", "added", "cautioned", "confirmed", "announced", "declared"])
def test_reported_speech_verbs(verb):
    text = f"Sergey Lavrov {verb} that the two countries would deepen their cooperation."
    q = only(text)
    assert (q.kind, q.verb, q.speaker) == ("indirect", verb, "Sergey Lavrov")
    assert q.text == "the two countries would deepen their cooperation"


@pytest.mark.parametrize("text, speaker, verb, content", [
    ("Pyongyang said the two sides agreed to strengthen strategic cooperation.",
     "North Korea", "said", "the two sides agreed to strengthen strategic cooperation"),
    ("The Kremlin said it expects the negotiations to be deep and informative.",
     "Kremlin", "said", "it expects the negotiations to be deep and informative"),
    ("Putin intends to visit the DPRK soon, the DPRK's Central News Agency (KCNA) said, quoting a statement.",
     "KCNA", "said", "Putin intends to visit the DPRK soon"),
    ("The US State Department has warned that this move could destabilize the Korean peninsula.",
     "US State Department", "warned", "this move could destabilize the Korean peninsula"),
    ("The visit marked a new turn in relations between the two countries, state media reported.",
     "state media", "reported", "The visit marked a new turn in relations between the two countries"),
])
def test_speech_by_institutions(text, speaker, verb, content):
    q = only(text)
    assert (q.kind, q.speaker, q.verb, q.text) == ("indirect", speaker, verb, content)


def test_told_with_an_object_seed_excerpt():
    # Sputnik
    text = ("The current visit of the North Korean delegation to Moscow is evidence of progress, Artyom Lukin, "
            "Professor of the Far Eastern Federal University in Vladivostok, told Sputnik.")
    q = only(text)
    assert q.text == "The current visit of the North Korean delegation to Moscow is evidence of progress"
    assert (q.speaker, q.speaker_country, q.speaker_role, q.verb) == ("Artyom Lukin", "Russia", "expert", "told")


def test_told_followed_by_that_clause():
    q = only("Russian Foreign Minister Sergei Lavrov told a UN Security Council meeting on Wednesday that "
             "the two countries are developing relations.")
    assert (q.speaker, q.verb, q.text) == ("Sergey Lavrov", "told", "the two countries are developing relations")


def test_inverted_attribution_seed_excerpt():
    # The Korea Times
    text = ('"No other country has openly sided with Russia and sent troops in support," said Cho Han-bum, '
            "a senior researcher at the Korea Institute for National Unification.")
    q = only(text)
    assert q.text == "No other country has openly sided with Russia and sent troops in support"
    assert (q.speaker, q.speaker_country, q.speaker_role, q.named) == ("Cho Han-bum", "South Korea", "expert", True)
    assert speaker_text(text, q) == "Cho Han-bum"


def test_inverted_reported_speech():
    q = only("A meeting between the two leaders cannot be ruled out, said Kremlin spokesman Dmitry Peskov.")
    assert (q.kind, q.text, q.speaker, q.verb) == ("indirect", "A meeting between the two leaders cannot be ruled out",
                                                   "Dmitry Peskov", "said")


@pytest.mark.parametrize("text, content", [
    ("According to the Kremlin, preparations for the visit are underway.", "preparations for the visit are underway"),
    ("Preparations for the visit are underway, according to the Kremlin.", "Preparations for the visit are underway"),
])
def test_according_to(text, content):
    q = only(text)
    assert (q.kind, q.verb, q.speaker, q.text) == ("indirect", "according to", "Kremlin", content)


def test_according_to_a_document_is_not_a_speaker():
    assert extract_quotes("According to this security agreement, Russia will provide arms to North Korea.") == []


def test_narration_without_a_speaker_is_not_reported_speech():
    text = ("The recent pledge by Kim and Putin to deepen ties suggests that both countries remain committed. "
            "The two leaders agreed to expand cooperation in energy. The summit was announced last week.")
    assert extract_quotes(text) == []


def test_coordinated_speech_verbs_give_two_statements():
    # NEO
    text = ("The US State Department has warned that this move could destabilize the Korean peninsula and stated "
            'that it is "incredibly concerned" over this security agreement.')
    qs = extract_quotes(text)
    assert [(q.verb, q.speaker) for q in qs] == [("warned", "US State Department"), ("stated", "US State Department")]
    assert qs[1].text == 'it is "incredibly concerned" over this security agreement'


# --- speakers --------------------------------------------------------------------

def test_pronoun_he_added_seed_excerpt():
    # VOV
    text = ("Russian Foreign Minister Sergei Lavrov told a UN Security Council meeting on Wednesday that the two "
            "countries are developing relations in an appropriate manner. There is no reason to be afraid of "
            "opposition from other countries, he added.")
    qs = extract_quotes(text)
    assert [q.speaker for q in qs] == ["Sergey Lavrov", "Sergey Lavrov"]
    assert qs[1].verb == "added" and qs[1].text == "There is no reason to be afraid of opposition from other countries"
    assert speaker_text(text, qs[1]) == "he"


@pytest.mark.parametrize("nominal", ["The minister", "He"])
def test_nominal_and_pronoun_back_references(nominal):
    text = ("North Korean Foreign Vice-Minister Im Chon-il warned that the blocs are growing. Meanwhile, "
            "Artyom Lukin, a professor at the Far Eastern Federal University, said ties are strong. "
            f"{nominal} added that the US is attempting to interfere.")
    last = extract_quotes(text)[-1]
    expected = "Im Chon-il" if nominal == "The minister" else "Artyom Lukin"
    assert last.speaker == expected and last.verb == "added"


@pytest.mark.parametrize("nominal", ["the pundit", "the expert"])
def test_expert_nominals_join_the_last_expert(nominal):
    text = ('"We see that work is underway," Artyom Lukin noted. Lavrov said the talks would be useful. '
            f'Trade could grow next year, said {nominal}.')
    qs = extract_quotes(text)
    assert qs[-1].speaker == "Artyom Lukin"
    assert (qs[-1].speaker_country, qs[-1].speaker_role) == ("Russia", "expert")


def test_surname_joins_full_name_introduced_earlier():
    text = ('"The partnership will outlast the war," said Kang Min-soo, a researcher at the Sejong Institute. '
            '"Moscow needs Pyongyang," Kang added. "It is a matter of munitions," Min-soo Kang said.')
    qs = extract_quotes(text)
    assert [q.speaker for q in qs] == ["Kang Min-soo", "Kang Min-soo", "Min-soo Kang"]
    assert [q.speaker_country for q in qs] == ["South Korea", "South Korea", None]
    assert speaker_text(text, qs[1]) == "Kang"


def test_surname_of_a_western_name():
    text = ('Joseph Dempsey, a defense analyst at the IISS, said the DPRK will benefit. '
            '"It is a good deal for them," Dempsey said.')
    qs = extract_quotes(text)
    assert [q.speaker for q in qs] == ["Joseph Dempsey", "Joseph Dempsey"]
    assert qs[1].speaker_country == "United Kingdom" and qs[1].speaker_role == "expert"


@pytest.mark.parametrize("text, speaker, country", [
    ("Analysts say the alliance will outlast the war in Ukraine.", "analysts", None),
    ("Meanwhile, some experts say Trump could give Kim a reason to keep close ties.", "experts", None),
    ("Since late last year, US officials have been claiming that the DPRK is supporting Russia.", "US officials",
     "United States"),
    ("South Korean officials said the troops had already moved to the front.", "South Korean officials",
     "South Korea"),
])
def test_unnamed_sources(text, speaker, country):
    q = only(text)
    assert (q.speaker, q.speaker_country, q.speaker_role, q.named) == (speaker, country, "unnamed", False)


def test_pronoun_without_antecedent_has_no_speaker():
    text = '"The situation is very serious today," he said.'
    q = only(text)
    assert q.speaker is None and q.named is False and q.speaker_role == "unknown"
    assert (q.speaker_start, q.speaker_end) == (text.index("he said"), text.index("he said") + 2)


# --- affiliation -----------------------------------------------------------------

@pytest.mark.parametrize("text, speaker, country, role", [
    # a nationality before a title
    ("Brazilian Foreign Minister Joao Silva said the talks would resume soon.", "Joao Silva", None, "official"),
    ("Russian Deputy Prime Minister Ivan Petrov said the bridge would open soon.", "Ivan Petrov", "Russia", "official"),
    ("US Deputy Special Envoy for the DPRK Sung Kim said the US seeks dialogue without preconditions.",
     "Sung Kim", "United States", "official"),
    ("The Russian ambassador, Ivan Petrov, declared all the attempts to blackmail Russia unacceptable.",
     "Ivan Petrov", "Russia", "official"),
    ("Kremlin spokesman Ivan Petrov said the visit would take place soon.", "Ivan Petrov", "Russia", "official"),
    # an organisation from the registry
    ("Lee Ho-ryung, an expert at the Korea Institute for Defense Analysis, said it is not surprising.",
     "Lee Ho-ryung", "South Korea", "expert"),
    ("Yang Moo-jin, president of the University of North Korean Studies, cautioned that a trip might be risky.",
     "Yang Moo-jin", "South Korea", "expert"),
    # a researcher at an organisation whose country is not known
    ("Jane Doe, a senior fellow at the Kookmin Policy Forum, said the deal was symbolic.", "Jane Doe", None,
     "expert"),
    # nothing said about the speaker
    ("John Smith said the deal was mostly symbolic for both sides.", "John Smith", None, "unknown"),
])
def test_country_and_role_from_titles_and_organisations(text, speaker, country, role):
    q = only(text)
    assert (q.speaker, q.speaker_country, q.speaker_role, q.named) == (speaker, country, role, True)


def test_organisation_with_nationality_in_its_name(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("name,aliases,country,role,note\n", encoding="utf-8")
    reg = load_speakers(path, extend=False)
    q = only("Alexander Zhebin, a leading researcher at the Center for Korean Studies of the Russian Academy of "
             "Sciences, said the visit would be devoted to the new reality.", registry=reg)
    assert (q.speaker, q.speaker_country, q.speaker_role) == ("Alexander Zhebin", "Russia", "expert")


def test_registry_spelling_variant_gives_canonical_name():
    # NEO
    text = ('Mathew Miller, the US State Department Spokesperson, claimed repeatedly that North Korea had '
            'provided "dozens of ballistic missiles and over 11,000 containers of munitions to Russia."')
    q = only(text)
    assert (q.speaker, q.speaker_country, q.speaker_role, q.verb) == ("Matthew Miller", "United States", "official",
                                                                      "claimed")
    assert speaker_text(text, q) == "Mathew Miller"


# --- duplicates, offsets, output ---------------------------------------------------

def test_statement_appearing_twice_counts_once():
    text = ('"We will respond to any provocation," Peskov said.\n\n'
            'Some other paragraph here.\n\n'
            '"We will respond to any provocation," Peskov said.')
    assert len(extract_quotes(text)) == 1


def test_offsets_point_into_the_text_and_results_are_sorted():
    text = (SEEDS / "004_2b44a896745bf219.txt").read_text(encoding="utf-8")
    qs = extract_quotes(text)
    assert qs and [q.start for q in qs] == sorted(q.start for q in qs)
    for q in qs:
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)


def test_to_dict_is_json_serialisable():
    q = only('"We will respond to any provocation," Peskov said.')
    d = json.loads(json.dumps(q.to_dict()))
    assert d["speaker"] == "Dmitry Peskov" and d["kind"] == "direct" and set(d) == set(Quote.__dataclass_fields__)


# --- the seed articles (raw) ---------------------------------------------------------

def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def test_seed_bihane_quotes_nobody():
    assert extract_quotes(seed("003_599e8c3879d503ac.txt")) == []


def test_seed_sputnik_quotes_only_russian_and_north_korean_voices():
    qs = extract_quotes(seed("001_0cf547d5f0dd3364.txt"))
    assert {q.speaker_country for q in qs if q.named} == {"Russia", "North Korea"}
    assert {"Artyom Lukin", "Alexander Zhebin", "Dmitry Peskov", "Maria Zakharova", "Sergey Lavrov", "Im Chon-il",
            "Alexander Matsegora"} <= {q.speaker for q in qs}


def test_seed_vov_voices():
    qs = extract_quotes(seed("000_63596d319ce05c5c.txt"))
    got = {(q.speaker, q.speaker_country, q.speaker_role) for q in qs}
    assert {("KCNA", "North Korea", "media"), ("Dmitry Peskov", "Russia", "official"),
            ("US officials", "United States", "unnamed"), ("Jung Pak", "United States", "official"),
            ("Lee Ho-ryung", "South Korea", "expert"), ("Joseph Dempsey", "United Kingdom", "expert")} <= got


# --- speed -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "said, " * 5000,
    '"a," ' * 5000,
    "Kim " * 20000 + "said that the war is over.",
    ("The Ministry of " * 3000) + "said that it was fine.",
])
def test_pathological_inputs_finish_quickly(text):
    t0 = time.perf_counter()
    extract_quotes(text)
    assert time.perf_counter() - t0 < 5


def test_long_article_scales_linearly():
    text = "\n\n".join(seed(p.name) for p in sorted(SEEDS.glob("0*.txt")))
    t0 = time.perf_counter()
    extract_quotes(text)
    small = time.perf_counter() - t0
    t0 = time.perf_counter()
    extract_quotes(text * 8)
    assert time.perf_counter() - t0 < 20 * small + 1


# --- the registry --------------------------------------------------------------------

def test_packaged_registry_has_the_story_speakers():
    reg = load_speakers()
    assert isinstance(reg, SpeakerRegistry) and len(reg) > 30
    assert reg.lookup("Mathew Miller").name == "Matthew Miller"
    assert reg.lookup("the Kremlin").country == "Russia"
    assert reg.lookup("IISS").role == "expert"
    assert "Kim Jong-un" in reg and "Nobody Known" not in reg


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "speakers.csv"
    path.write_text(body, encoding="utf-8")
    return path


def test_user_registry_extends_or_replaces(tmp_path):
    path = write(tmp_path, "name,aliases,country,role,note\nHan Seo-yeon,Han,South Korea,expert,invented\n")
    extended, replaced = load_speakers(path), load_speakers(path, extend=False)
    assert "Han Seo-yeon" in extended and "Vladimir Putin" in extended
    assert "Han Seo-yeon" in replaced and "Vladimir Putin" not in replaced and len(replaced) == 1
    q = only('"The talks went well," Han Seo-yeon said.', registry=replaced)
    assert (q.speaker_country, q.speaker_role) == ("South Korea", "expert")


@pytest.mark.parametrize("body, row, words", [
    ("name,aliases,country,role,nickname\nA B,,Russia,official,\n", 1, "unknown column"),
    ("name,aliases,country,note\nA B,,Russia,\n", 1, "missing column"),
    ("name,aliases,country,role,note\nA B,,Russia,official,\n,C D,Russia,official,\n", 3, "'name' column is empty"),
    ("name,aliases,country,role,note\nA B,,Russia,president,\n", 2, "role 'president'"),
    ("name,aliases,country,role,note\nA B,,Russian,official,\n", 2, "'Russia'"),
    ("name,aliases,country,role,note\nA B,AB,Russia,official,\nC D,AB,Russia,official,\n", 3, "already used"),
])
def test_registry_errors_name_file_and_row(tmp_path, body, row, words):
    path = write(tmp_path, body)
    with pytest.raises(FramingError) as err:
        load_speakers(path)
    msg = str(err.value)
    assert str(path) in msg and f"row {row}" in msg and words in msg


def test_missing_registry_file(tmp_path):
    with pytest.raises(FramingError, match="no such file"):
        load_speakers(tmp_path / "nope.csv")
