"""Tests for framing.claims: statements, attribution frames, similarity, claims.

Expected values come from reading the sentences; the seed checks follow
tests/data/claims_expectations.md, written before the aligner was run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import framing
from framing.claims import (
    Claim,
    ClaimMatcher,
    Statement,
    attribution_core,
    average_linkage,
    exclusive_claims,
    load_synonyms,
    parse_synonyms,
    statements_from,
)
from framing.errors import FramingError
from framing.text import split_sentences


@pytest.mark.parametrize("text, core, framed", [
    ("US officials have been claiming that the DPRK is supporting Russia in Ukraine.",
     "the DPRK is supporting Russia in Ukraine.", True),
    ("The spokesman claimed repeatedly that the army had fired first.", "the army had fired first.", True),
    ("Inflation fell to 2 percent, according to the statistics office.", "Inflation fell to 2 percent", True),
    ("The bridge will reopen in May, the mayor said on Friday.", "The bridge will reopen in May", True),
    ("The bridge will reopen in May.", "The bridge will reopen in May.", False),
    # "claiming that ..." introduces the content: it is a head frame, not a tail one
    ("Since late last year, US officials have been claiming that the DPRK is supporting Russia in Ukraine.",
     "the DPRK is supporting Russia in Ukraine.", True),
    # too little would be left once the frame goes: keep the sentence whole
    ("Both governments denied this.", "Both governments denied this.", False),
    # an accusation: the accuser and the verb go, the accused and the act stay
    ("The West has even blamed North Korea for arms assistance to Russia.",
     "North Korea for arms assistance to Russia.", True),
    ("Prosecutors accused the former mayor of taking bribes.", "the former mayor of taking bribes.", True),
    # "to blame for" names a cause, not an accused
    ("The storm was to blame for the loss of power in the city.",
     "The storm was to blame for the loss of power in the city.", False),
])
def test_attribution_core(text, core, framed):
    assert attribution_core(text) == (core, framed)


def test_statements_are_clauses_with_offsets_and_attribution():
    text = ("Prices rose sharply in March; the bank kept its rate unchanged. "
            "The minister said that a new budget will come in June.")
    sts = statements_from(text, split_sentences(text), [], outlet="o", article="a")
    assert [s.text for s in sts] == ["Prices rose sharply in March", "the bank kept its rate unchanged.",
                                     "The minister said that a new budget will come in June."]
    assert [s.attributed for s in sts] == [False, False, True]
    assert [s.sentence for s in sts] == [0, 0, 1]
    for s in sts:
        assert text[s.start:s.end] == s.text


def test_the_conjunction_of_a_clause_break_belongs_to_neither_clause():
    text = "Russia has relied on North Korea for shells, while Pyongyang received military technology in return."
    sts = statements_from(text, split_sentences(text), [], outlet="o", article="a")
    assert [s.text for s in sts] == ["Russia has relied on North Korea for shells",
                                     "Pyongyang received military technology in return."]


@pytest.mark.parametrize("text, attributed", [
    ("The opposition blamed the government for the blackout.", True),
    ("Prosecutors accused the former mayor of taking bribes.", True),
    ("The storm was to blame for the blackout.", False),
    ("The storm was to blame for the loss of power.", False),
    ("The government restored power for the whole city.", False),
])
def test_an_accusation_is_attributed(text, attributed):
    [st] = statements_from(text, split_sentences(text), [], outlet="o", article="a")
    assert st.attributed is attributed


def test_a_story_told_by_one_outlet_is_not_clustered():
    text = "The bank raised its rate on Tuesday. The bank raised its key rate on Tuesday.\n"
    sts = statements_from(text, split_sentences(text), [], outlet="o", article="a")
    claims = ClaimMatcher().align(sts)
    # the same outlet saying it twice is not a claim shared across outlets
    assert [len(c.statements) for c in claims] == [1, 1]
    other = statements_from("The bank raised its rate on Tuesday.\n", split_sentences("The bank raised its rate on "
                            "Tuesday.\n"), [], outlet="p", article="b")
    claims = ClaimMatcher().align(sts + other)
    assert sorted(len(c.statements) for c in claims) == [3]


def test_headings_are_not_statements():
    text = "Talks in Moscow\n\nThe two ministers met in Moscow on Monday. Was it a success?"
    sts = statements_from(text, split_sentences(text), [], outlet="o", article="a")
    assert [s.text for s in sts] == ["The two ministers met in Moscow on Monday.", "Was it a success?"]


def test_a_clause_mostly_inside_a_quote_is_attributed():
    text = 'He called it "a cancer on the whole region and a danger to peace."'
    inner = text.index('"') + 1, text.rindex('"')
    [st] = statements_from(text, split_sentences(text), [inner], outlet="o", article="a")
    assert st.attributed


def test_same_fact_scores_higher_than_shared_words():
    m = ClaimMatcher()
    texts = ["The club sacked its coach after five straight defeats.",
             "After losing five games in a row, the club fired its manager.",
             "The club's coach praised his players after the victory."]
    sim = m.similarities(texts)
    assert sim[0, 1] > sim[0, 2]
    assert sim.shape == (3, 3) and sim[0, 0] == 1.0


def test_an_accusation_is_compared_without_its_accuser():
    # the accuser's words are not what the statement reports, as with "X said that"
    m = ClaimMatcher()
    bare = "Pyongyang sends arms to Moscow for the war."
    accused = m.similarity("The opposition in Seoul loudly blamed Pyongyang for sending arms to Moscow for the war.",
                           bare)
    said = m.similarity("The opposition in Seoul loudly said that Pyongyang is sending arms to Moscow for the war.",
                        bare)
    assert accused == pytest.approx(said, abs=1e-6) and accused > 0.9
    assert m.similarity("Western governments blamed Pyongyang for sending arms to Moscow for the war.",
                        "Pyongyang is sending arms to Moscow for the war.") == pytest.approx(1.0, abs=1e-6)


def test_actor_aliases_count_as_one_word():
    # "Pyongyang" and "North Korea" are the same actor, "Moscow" and "Russia" too
    m = ClaimMatcher()
    same = m.similarity("Pyongyang sent shells to Moscow.", "North Korea sent shells to Russia.")
    assert same == pytest.approx(1.0, abs=1e-6)


def st(outlet, text, attributed=False, sentence=0):
    return Statement(outlet, outlet, sentence, 0, len(text), text, attributed)


def _rates_statements():
    return [
        st("a", "The central bank raised interest rates by half a point on Tuesday."),
        st("b", "On Tuesday the central bank lifted its key interest rate by half a point.", attributed=True),
        st("a", "Floods forced thousands of residents from their homes in the north.", sentence=1),
        st("c", "A new museum of modern art opened its doors in the capital.", sentence=0),
    ]


def test_align_groups_across_outlets_and_sets_status():
    statements = _rates_statements()
    claims = ClaimMatcher().align(statements, outlets=["a", "b", "c"])
    by_text = {c.text: c for c in claims}
    rates = next(c for c in claims if len(c.statements) == 2)
    assert rates.status == {"a": "reported", "b": "attributed", "c": "absent"}
    assert len(claims) == 3
    assert by_text["A new museum of modern art opened its doors in the capital."].status["c"] == "reported"
    only = exclusive_claims(claims)
    assert [c.text for c in only["c"]] == ["A new museum of modern art opened its doors in the capital."]
    assert "b" not in only


def test_a_one_statement_claim_is_carried_only_by_an_outlet_the_claims_cover():
    # outlets=["a", "b"] leaves c out: c's museum statement is a claim all of whose outlets are absent,
    # so no outlet carries it alone
    claims = ClaimMatcher().align(_rates_statements(), outlets=["a", "b"])
    museum = next(c for c in claims if c.text.startswith("A new museum"))
    assert museum.status == {"a": "absent", "b": "absent"}
    assert museum.outlets == []
    only = exclusive_claims(claims)
    assert set(only) == {"a"}
    assert [c.text for c in only["a"]] == ["Floods forced thousands of residents from their homes in the north."]


def _groups(clusters):
    return sorted(sorted(c) for c in clusters)


def test_average_linkage_is_scikit_learns_when_every_item_has_its_own_group():
    np = pytest.importorskip("numpy")
    from sklearn.cluster import AgglomerativeClustering

    rng = np.random.default_rng(7)
    for _ in range(40):
        n = int(rng.integers(2, 30))
        x = rng.random((n, 6)) ** 3
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        sim = x @ x.T
        np.fill_diagonal(sim, 1.0)
        threshold = float(rng.uniform(0.3, 0.95))
        labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                         distance_threshold=1 - threshold).fit_predict(1 - sim)
        expected = [[i for i in range(n) if labels[i] == lab] for lab in set(labels)]
        assert _groups(average_linkage(sim, list(range(n)), threshold)) == _groups(expected)


def test_two_items_of_one_group_never_merge_alone():
    # y and z (one article) are alike; x (another article) matches y only. Without the rule y and z
    # pair up first and x, at a mean of (0.6 + 0.1) / 2 to them, stays alone.
    sim = [[1.0, 0.6, 0.1],
           [0.6, 1.0, 0.8],
           [0.1, 0.8, 1.0]]
    assert _groups(average_linkage(sim, ["a", "b", "b"], 0.46)) == [[0, 1], [2]]
    # z joins once its mean to {x, y} reaches the threshold: (0.2 + 0.8) / 2
    sim[0][2] = sim[2][0] = 0.2
    assert _groups(average_linkage(sim, ["a", "b", "b"], 0.46)) == [[0, 1, 2]]
    # with a group each, the alike pair merges first, as in plain average linkage
    sim[0][2] = sim[2][0] = 0.1
    assert _groups(average_linkage(sim, ["a", "b", "c"], 0.46)) == [[0], [1, 2]]


def test_the_same_article_saying_a_thing_twice_joins_the_claim_through_another_article():
    statements = [
        st("a", "The central bank raised interest rates by half a point on Tuesday."),
        st("a", "On Tuesday the central bank raised its key interest rate by half a point.", sentence=5),
        st("b", "The central bank lifted interest rates by half a point on Tuesday.", attributed=True),
    ]
    [claim] = ClaimMatcher().align(statements, outlets=["a", "b"])
    assert claim.status == {"a": "reported", "b": "attributed"}


def test_story_keys_keep_stories_apart():
    a = st("a", "The central bank raised interest rates by half a point on Tuesday.")
    b = Statement("b", "b-article", 0, 0, 10, "On Tuesday the central bank lifted its key interest rate by half a point.")
    together = ClaimMatcher().align([a, b])
    apart = ClaimMatcher().align([a, b], story={"a": 1, "b-article": 2})
    assert len(together) == 1 and len(apart) == 2


def test_short_fragments_are_not_claims():
    claims = ClaimMatcher().align([st("a", "Economic and Military Cooperation")])
    assert claims == []


@pytest.mark.parametrize("kwargs, message", [
    ({"threshold": 0}, "threshold must be a number in"),
    ({"threshold": "high"}, "threshold must be a number in"),
    ({"min_words": 0}, "min_words must be a whole number"),
])
def test_bad_options_are_clear_errors_at_use(kwargs, message):
    m = ClaimMatcher(**kwargs)  # stored as given
    with pytest.raises(FramingError, match=message):
        m.align([])


@pytest.mark.parametrize("text, message", [
    ("group,words\nraise,raise|lift\nlower,lift\n", r"syn.csv, row 3: 'lift' is already in group 'raise' \(row 2\)"),
    ("group,words\nRaise!,raise\n", r"syn.csv, row 2: group name 'Raise!'"),
    ("group,words\nraise,raise up\n", r"syn.csv, row 2: 'raise up' is not a single word"),
    ("group\nraise\n", r"syn.csv, row 1: missing column\(s\) words"),
])
def test_synonym_file_errors_name_file_and_row(text, message):
    with pytest.raises(FramingError, match=message):
        parse_synonyms(text, "syn.csv")


def test_user_synonyms_extend_the_packaged_ones(tmp_path: Path):
    p = tmp_path / "syn.csv"
    p.write_text("group,words\nfootball,football|soccer\n", encoding="utf-8")
    table = load_synonyms(p)
    assert table["soccer"] == "football" and table["sack"] == "dismiss_job"
    assert load_synonyms(p, extend=False) == {"football": "football", "soccer": "football"}


# -- the seeds (tests/data/claims_expectations.md) ---------------------------------
@pytest.fixture(scope="module")
def seed_claims():
    from framing.quotes import extract_quotes

    corpus = framing.load_corpus()
    statements = []
    for a in corpus:
        spans = [(q.start, q.end) for q in extract_quotes(a.text)]
        statements += statements_from(a.text, a.sentences, spans, outlet=a.outlet_id, article=a.article_id)
    return ClaimMatcher().align(statements, outlets=[a.outlet_id for a in corpus])


def claim_with(claims, outlet, words):
    for c in claims:
        if any(s.outlet == outlet and all(w in s.text for w in words) for s in c.statements):
            return c
    raise AssertionError(f"no claim holds {words} from {outlet}")


def test_seeds_munitions_claim_is_reported_by_korea_times_and_absent_from_sputnik(seed_claims):
    c = claim_with(seed_claims, "koreatimes", ["relied on North Korea for ammunition"])
    assert c.status["koreatimes"] == "reported"
    assert c.status["sputnik"] == "absent"


def test_seeds_munitions_claim_row_follows_the_reading(seed_claims):
    # claims_expectations.md, claim 1: the Korea Times in its own voice, NEO and VOV only as the US
    # (the West's) claim that both countries deny, Sputnik not at all
    c = claim_with(seed_claims, "koreatimes", ["relied on North Korea for ammunition"])
    assert {o: c.status[o] for o in ("koreatimes", "neo", "vov", "sputnik")} == {
        "koreatimes": "reported", "neo": "attributed", "vov": "attributed", "sputnik": "absent"}
    assert any("US officials have been claiming" in s.text for s in c.statements if s.outlet == "vov")


def test_seeds_us_munitions_claims_are_attributed_in_neo_and_vov(seed_claims):
    neo = claim_with(seed_claims, "neo", ["Mathew Miller", "claimed"])
    vov = claim_with(seed_claims, "vov", ["US officials have been claiming"])
    assert neo.status["neo"] == "attributed" and vov.status["vov"] == "attributed"


def test_seeds_putin_visit_claim_is_carried_as_attributed_by_vov(seed_claims):
    c = claim_with(seed_claims, "vov", ["Putin intends to visit"])
    assert c.status["vov"] == "attributed"
    assert c.status["sputnik"] != "absent"


def test_seeds_defence_pact_appears_in_neo_and_not_in_vov_or_sputnik(seed_claims):
    c = claim_with(seed_claims, "neo", ["comprehensive strategic partnership agreement"])
    assert c.status["neo"] == "reported" and c.status["koreatimes"] == "reported"
    assert c.status["vov"] == "absent" and c.status["sputnik"] == "absent"


def test_seeds_bihane_is_absent_from_the_signed_pact_claim(seed_claims):
    # claims_expectations.md, second reading: Bihane calls the tie an "alliance" but never mentions
    # the treaty, a pact or its signing
    c = claim_with(seed_claims, "neo", ["comprehensive strategic partnership agreement"])
    assert c.status["bihane"] == "absent"


@pytest.mark.parametrize("text", [
    "Officials SAID that the talks went well and would go on.",
    "The talks went well and would go on, the ministry Stated.",
    "The West has BLAMED North Korea for arms deliveries to Russia.",
    "Prosecutors accusing the firm of fraud filed the case on Monday.",
    "The deal, ACCORDING to diplomats in Seoul, was signed in June.",
    "Officials ſaid that the talks went well and would go on.",  # a long s matches "s" when case is ignored
    "Officials \u212anew that the talks said-went well; they sаid it twice.",  # Kelvin sign; Cyrillic а
    "The saidx talks went well and would go on, unsaid and blamex.",
    "He told_ reporters nothing new about the talks with Seoul today.",
])
def test_clauses_without_a_frame_word_skip_the_patterns_with_the_same_result(text):
    # statements_from only runs the frame patterns on clauses holding a frame word; the flags must be
    # those of running them on every clause
    from framing.claims import _ACCUSATION

    sentences = split_sentences(text)
    for st in statements_from(text, sentences, [], outlet="o", article="a"):
        assert st.attributed == (attribution_core(st.text)[1] or bool(_ACCUSATION.search(st.text)))


def test_iter_align_gives_the_claims_of_align_one_at_a_time():
    statements = _rates_statements()
    m = ClaimMatcher()
    claims = m.iter_align(iter(statements), outlets=["a", "b", "c"])
    assert not isinstance(claims, list)
    first = next(claims)
    # numbered by their first statement: a's rate sentence (a comes first, sentence 0) opens claim 1
    assert first.claim_id == 1 and first.text.startswith("The central bank raised")
    rest = list(claims)
    assert [c.claim_id for c in rest] == [2, 3]
    assert [(c.claim_id, c.text, c.status) for c in [first, *rest]] == \
        [(c.claim_id, c.text, c.status) for c in m.align(statements, outlets=["a", "b", "c"])]


def _three_stories():
    # "rates" told by a and b, "floods" by a and c, "museum" by c alone
    def s(outlet, article, text, attributed=False):
        return Statement(outlet, article, 0, 0, len(text), text, attributed)

    statements = [
        s("a", "a1", "The central bank raised interest rates by half a point on Tuesday."),
        s("b", "b1", "On Tuesday the central bank lifted its key interest rate by half a point.", attributed=True),
        s("a", "a2", "Floods forced thousands of residents from their homes in the north."),
        s("c", "c1", "A new museum of modern art opened its doors in the capital."),
        s("c", "c2", "Thousands of residents in the north were forced from their homes by floods."),
    ]
    return statements, {"a1": "rates", "b1": "rates", "a2": "floods", "c1": "museum", "c2": "floods"}


def test_a_mapper_clusters_the_stories_of_two_outlets_with_the_same_claims():
    from concurrent.futures import ThreadPoolExecutor

    statements, story = _three_stories()
    sent = []

    def mapper(fn, chunks):
        chunks = list(chunks)
        sent.extend([s.article for s in members] for chunk in chunks for members in chunk)
        return map(fn, chunks)

    def summary(claims):
        return [(c.claim_id, c.text, [s.article for s in c.statements], c.status) for c in claims]

    mapped = summary(ClaimMatcher().iter_align(statements, outlets=["a", "b", "c"], story=story, mapper=mapper))
    # the museum story, told by c alone, has nothing to compare: it is not sent
    assert sent == [["a1", "b1"], ["a2", "c2"]]
    with ThreadPoolExecutor(2) as pool:
        pooled = summary(ClaimMatcher().iter_align(statements, outlets=["a", "b", "c"], story=story, mapper=pool.map))
    here = summary(ClaimMatcher().align(statements, outlets=["a", "b", "c"], story=story))
    assert mapped == pooled == here
    # and they are the claims a reader sees: a's two sentences open claims 1 and 2, each joined by the other
    # outlet of its story; c's museum is its own
    assert [(c[0], c[2]) for c in here] == [(1, ["a1", "b1"]), (2, ["a2", "c2"]), (3, ["c1"])]
    assert here[0][3] == {"a": "reported", "b": "attributed"} and here[2][3] == {"c": "reported"}


def test_stories_are_sent_to_a_mapper_a_few_at_a_time():
    from framing.claims import _chunks

    stories = [[1] * 300, [2] * 300, [3] * 600, [4] * 10, [5] * 10]
    assert [[len(m) for m in chunk] for chunk in _chunks(stories, 500)] == [[300, 300], [600], [10, 10]]


@pytest.mark.parametrize("options", [{"threshold": 0}, {"threshold": 1.5}, {"min_words": 0}])
def test_iter_align_checks_its_options_at_the_call(options):
    # not only when the first claim is asked for
    with pytest.raises(FramingError):
        ClaimMatcher(**options).iter_align(iter(_rates_statements()))


def test_exclusive_claims_keeps_the_earliest_few_per_outlet_however_many_there_are():
    # 60 claims only outlet "a" carries, given latest first: the five earliest (sentences 0-4) are kept,
    # in article order; "b" shares claim 100 with "a", so it is no one's exclusive claim
    claims = [Claim(100 - i, f"claim {i}", [st("a", f"claim {i}", sentence=i)], {"a": "reported", "b": "absent"})
              for i in reversed(range(60))]
    shared = Claim(100, "shared", [st("a", "shared"), st("b", "shared")], {"a": "reported", "b": "reported"})
    only = exclusive_claims(iter([*claims, shared]), top=5)
    assert list(only) == ["a"]
    assert [c.text for c in only["a"]] == ["claim 0", "claim 1", "claim 2", "claim 3", "claim 4"]
    # ties on (article, sentence) keep the order the claims came in
    tied = [Claim(i, f"tie {i}", [st("a", f"tie {i}")], {"a": "reported"}) for i in range(40)]
    assert [c.claim_id for c in exclusive_claims(tied, top=3)["a"]] == [0, 1, 2]


def test_statements_carry_their_word_count_and_align_trusts_it():
    text = "The central bank raised interest rates by half a point on Tuesday. It's a half-point rise."
    sts = statements_from(text, split_sentences(text), [], outlet="a", article="a")
    # 12 words; then "It's", "a", "half-point", "rise": 4 (an apostrophe or hyphen joins a word)
    assert [s.words for s in sts] == [12, 4]
    m = ClaimMatcher(min_words=5)
    assert [c.text for c in m.align(sts)] == [sts[0].text]
    # a statement without a count is counted; one with a count is taken at its word
    bare = Statement("b", "b", 0, 0, len(sts[0].text), sts[0].text)
    assert len(m.align([bare])) == 1
    assert m.align([Statement("b", "b", 0, 0, len(sts[0].text), sts[0].text, words=2)]) == []


def test_statement_words_pattern_finds_what_its_plain_form_finds():
    # the word pattern's closing repeat is possessive; it must find the words the plain repeat finds
    import random
    import re

    from framing.claims import _WORD

    plain = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
    pieces = ["a", "bc", "9", "'", "-", "--", "''", " ", "x-y'z", "é", "_", "'s"]
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _WORD.findall(text) == plain.findall(text), text
    assert _WORD.findall("jong-un's 2024 talks -- a'") == ["jong-un's", "2024", "talks", "a"]


def test_similarity_is_that_of_the_two_tfidf_vectorizers():
    # _similarity makes the counts itself (each distinct word cut into character n-grams once); its matrix
    # must be the one the module docstring describes, built with scikit-learn's vectorizers
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    from framing.claims import _similarity

    def described(tokens, background):
        words = TfidfVectorizer(analyzer=lambda toks: toks, sublinear_tf=True).fit(tokens + background)
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
        chars.fit([" ".join(t) for t in tokens + background])
        sim = (cosine_similarity(words.transform(tokens))
               + cosine_similarity(chars.transform([" ".join(t) for t in tokens]))) / 2.0
        np.fill_diagonal(sim, 1.0)
        return np.clip(sim, 0.0, 1.0)

    tokens = [["actornorthkorea", "send", "shell", "shell", "actorrussia"],
              ["actorrussia", "~weapon", "deliver", "train"],
              [],
              ["Shell", "~group with space", "a", "train"]]  # a capital and a user's synonym group with a space
    background = [["shell", "factory", "train"], ["unseen", "words", "only", "here"]]
    for bg in ([], background):
        assert np.array_equal(_similarity(tokens, bg), described(tokens, bg))
