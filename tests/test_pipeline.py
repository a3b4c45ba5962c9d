"""End to end on the five seeds: the tables say what a careful reader of the articles finds.

The expectations below were written from reading the articles (seeds/*.txt), not from the
code's output.
"""

import math

import pytest

import framing


@pytest.fixture(scope="module")
def result():
    return framing.analyze(framing.load_corpus())


def _row(df, outlet):
    rows = df[df["outlet"] == outlet]
    assert len(rows) == 1, outlet
    return rows.iloc[0]


def test_one_summary_row_per_outlet_in_manifest_order(result):
    assert list(result.summary["outlet"]) == ["vov", "sputnik", "neo", "bihane", "koreatimes"]


def test_bihane_quotes_nobody(result):
    row = _row(result.quotation_balance, "bihane")
    assert row["quotes"] == 0
    assert row["status"] == "no sourced quotes"
    assert math.isnan(row["balance_index"])


def test_sputnik_quotes_only_russian_and_north_korean_voices(result):
    quotes = result.quotes[result.quotes["outlet"] == "sputnik"]
    known = quotes[quotes["speaker_side"].isin(result.sides)]
    assert len(known) >= 10
    assert set(known["speaker_side"]) == {"Russia–North Korea"}
    assert _row(result.quotation_balance, "sputnik")["balance_index"] == 0.0
    # the experts it interviews
    assert {"Artyom Lukin", "Alexander Zhebin"} <= set(quotes["speaker"])


def test_korea_times_quotes_mostly_south_korean_analysts(result):
    quotes = result.quotes[result.quotes["outlet"] == "koreatimes"]
    assert {"Cho Han-bum", "Yang Moo-jin"} <= set(quotes["speaker"])
    south = quotes[quotes["speaker_country"] == "South Korea"]
    assert set(south["speaker_role"]) == {"expert"}
    assert _row(result.quotation_balance, "koreatimes")["most_quoted_side"] == "US and allies"


@pytest.mark.parametrize("outlet", ["vov", "neo"])
def test_vov_and_neo_quote_both_sides(outlet, result):
    quotes = result.quotes[result.quotes["outlet"] == outlet]
    assert {"Russia–North Korea", "US and allies"} <= set(quotes["speaker_side"])
    assert _row(result.quotation_balance, outlet)["balance_index"] > _row(result.quotation_balance, "sputnik")["balance_index"]


def test_neo_has_the_us_claim_introduced_by_claimed(result):
    quotes = result.quotes[(result.quotes["outlet"] == "neo") & (result.quotes["speaker_country"] == "United States")]
    assert "claimed" in set(quotes["verb"])


def test_every_quote_offset_slices_to_its_text(result):
    texts = dict(zip(result.articles["article"], result.articles["text"]))
    for _, q in result.quotes.iterrows():
        text = texts[q["article"]]
        assert text[q["start"]:q["end"]] == q["quote"]
        if not (q["speaker_start"] is None or math.isnan(q["speaker_start"])):
            assert text[int(q["speaker_start"]):int(q["speaker_end"])]


def test_loaded_terms_are_split_by_voice(result):
    lt = result.loaded_evidence
    # NEO says "brave leadership" in its own voice; Sputnik quotes the DPRK's "cancer tumor"
    neo = lt[(lt["outlet"] == "neo") & (lt["text"].str.lower() == "brave leadership")]
    assert list(neo["voice"]) == ["own"]
    sp = lt[(lt["outlet"] == "sputnik") & (lt["text"].str.lower().str.contains("cancer"))]
    assert list(sp["voice"]) == ["quoted"]
    # the Korea Times calls Kim "the reclusive leader" itself
    kt = lt[(lt["outlet"] == "koreatimes") & (lt["text"].str.lower().str.contains("reclusive"))]
    assert list(kt["voice"]) == ["own"]


def test_naming_dprk_versus_north_korea(result):
    naming = result.naming[result.naming["concept"] == "north_korea"]
    top = naming.sort_values("count", ascending=False).groupby("outlet").head(1).set_index("outlet")["variant"]
    assert top["vov"] == "DPRK"          # VOV says "the DPRK" throughout
    assert top["koreatimes"] == "North Korea"
    assert top["neo"] == "North Korea"


def test_neo_calls_kim_president(result):
    kim = result.naming[(result.naming["outlet"] == "neo") & (result.naming["concept"] == "kim_title")]
    assert "President" in set(kim["variant"])


def test_sputnik_and_neo_warmer_toward_russia_than_the_korea_times(result):
    s = result.actor_sentiment.set_index(["outlet", "actor"])["score"]
    assert s[("sputnik", "Russia")] > s[("koreatimes", "Russia")]
    assert s[("neo", "Russia")] > s[("koreatimes", "Russia")]


def test_sentiment_figures_are_in_range_with_intervals(result):
    sent = result.actor_sentiment
    assert ((sent["score"] >= -1) & (sent["score"] <= 1)).all()
    assert ((sent["ci_low"] <= sent["score"]) & (sent["score"] <= sent["ci_high"])).all()
    few = sent[sent["sentences"] < 5]
    assert few["low_evidence"].all() and not sent[sent["sentences"] >= 5]["low_evidence"].any()


def test_every_seed_was_cleaned_and_logged(result):
    log = result.cleaning_log
    assert set(log["outlet"]) == {"vov", "sputnik", "neo", "bihane", "koreatimes"}
    assert "duplicate" in set(log[log["outlet"] == "sputnik"]["step"])
    assert "fragment" in set(log[log["outlet"] == "bihane"]["step"])


def test_readability_and_distinctive_cover_every_outlet(result):
    assert list(result.readability["outlet"]) == ["vov", "sputnik", "neo", "bihane", "koreatimes"]
    assert set(result.distinctive["outlet"]) == {"vov", "sputnik", "neo", "bihane", "koreatimes"}
    # VOV's distinctive word is the DPRK: it uses it far more than anyone else
    assert _row(result.distinctive[result.distinctive["rank"] == 1], "vov")["term"] == "dprk"


def test_evidence_sentences_behind_each_score(result):
    ev = result.sentiment_evidence
    texts = dict(zip(result.articles["article"], result.articles["text"]))
    for _, r in ev.iterrows():
        assert r["evidence"] in texts[r["article"]]
        assert texts[r["article"]][r["context_start"]:r["context_end"]] in r["evidence"]


# -- streaming and worker processes (issue 7) ----------------------------------

def _story_by_outlet(article):
    return article.outlet_id


def test_two_worker_processes_give_the_same_tables(result):
    import pandas.testing as pdt

    parallel = framing.analyze(framing.load_corpus(), n_jobs=2)
    assert list(parallel.tables) == list(result.tables)
    for name, table in result.tables.items():
        pdt.assert_frame_equal(parallel.tables[name], table, obj=name)


def test_worker_processes_take_a_story_function():
    # one story per outlet: no claim can be shared by two outlets
    parallel = framing.analyze(framing.load_corpus(), story=_story_by_outlet, n_jobs=2)
    assert (parallel.coverage.groupby("claim_id")["status"].apply(lambda s: (s != "absent").sum()) == 1).all()


def _two_stories(article):
    # two stories of two and three outlets: each is clustered (in a worker with n_jobs)
    return article.outlet_id in ("vov", "sputnik")


def test_worker_processes_align_stories_with_the_same_tables():
    import pandas.testing as pdt

    one = framing.analyze(framing.load_corpus(), story=_two_stories)
    two = framing.analyze(framing.load_corpus(), story=_two_stories, n_jobs=2)
    # each claim's coverage rows cover the outlets of its own story only
    assert set(one.coverage.groupby("claim_id")["outlet"].count()) == {2, 3}
    for name, table in one.tables.items():
        pdt.assert_frame_equal(two.tables[name], table, obj=name)


def test_a_generator_of_articles_is_analysed_without_a_corpus(result):
    import pandas.testing as pdt

    streamed = framing.analyze(a for a in framing.load_corpus())
    pdt.assert_frame_equal(streamed.summary, result.summary)


@pytest.mark.parametrize("n_jobs", [0, 1.5, "all", True])
def test_bad_n_jobs_is_refused_clearly(n_jobs):
    with pytest.raises(framing.FramingError, match="n_jobs must be"):
        framing.analyze(framing.load_corpus(), n_jobs=n_jobs)


def test_a_stream_with_a_repeated_article_id_is_refused():
    seeds = list(framing.load_corpus())
    with pytest.raises(framing.FramingError, match="duplicate article id 'x'"):
        framing.analyze(framing.Article.from_text(a.text, outlet_id=a.outlet_id, article_id="x") for a in seeds[:2])


def test_a_stream_of_something_else_is_refused_clearly():
    with pytest.raises(framing.FramingError, match="cannot analyse a str as an article"):
        framing.analyze(iter(["just a string"]))


def test_an_empty_stream_is_refused_clearly():
    with pytest.raises(framing.FramingError, match="no articles"):
        framing.analyze(iter([]))


def _jsonl_of_seeds(path):
    import json

    with open(path, "w", encoding="utf-8") as f:
        for a in framing.load_corpus():
            f.write(json.dumps({"id": a.article_id, "text": a.raw, "outlet_id": a.outlet_id, "title": a.title,
                                "date": a.date, "outlet": a.outlet}) + "\n")
    return path


def test_a_jsonl_path_is_parsed_and_cleaned_in_the_workers_with_the_same_tables(tmp_path):
    import pandas.testing as pdt

    path = _jsonl_of_seeds(tmp_path / "seeds.jsonl")
    one = framing.analyze(str(path))
    two = framing.analyze(str(path), n_jobs=2)
    assert len(one.articles) == 5
    for name, table in one.tables.items():
        pdt.assert_frame_equal(two.tables[name], table, obj=name)


def test_a_bad_line_in_a_streamed_file_is_reported_from_a_worker(tmp_path):
    path = _jsonl_of_seeds(tmp_path / "seeds.jsonl")
    with open(path, "a", encoding="utf-8") as f:
        f.write("{not json}\n")
    with pytest.raises(framing.FramingError, match=r"seeds\.jsonl, line 6: not valid JSON"):
        framing.analyze(str(path), n_jobs=2)


# --- another story, whose sides are not countries ---------------------------------------------------

STRIKE_ACTORS = {"Union": {"aliases": ["FNV", "the union"], "leaders": ["Anna de Vries"], "side": "union"},
                 "Employers": {"aliases": ["employers", "RWG"], "leaders": ["Jan Bakker"], "side": "employers"}}


def test_a_strike_story_quotes_each_side_by_its_people():
    import pandas as pd

    df = pd.DataFrame({"outlet_id": ["wire", "tabloid"], "text": [
        "Dockworkers walked off the job on Monday. \"We have been patient for two years,\" said Anna de Vries "
        "of the FNV union. The port authority said 40 ships were waiting.\n",
        "A reckless walkout has paralysed the port. \"The union is holding the country hostage,\" said Jan Bakker, "
        "chairman of the employers' association. Anna de Vries claimed that workers had no choice.\n"]})
    bal = framing.analyze(framing.Corpus.from_dataframe(df), actors=STRIKE_ACTORS).quotation_balance
    wire, tabloid = _row(bal, "wire"), _row(bal, "tabloid")
    # the wire quotes only the union's leader (7 words) and the port authority (no side)
    assert (wire["words: union"], wire["words: employers"]) == (7, 0)
    # the tabloid quotes the employers' chairman (7 words) and the union's leader (4 words)
    assert (tabloid["words: union"], tabloid["words: employers"]) == (4, 7)
    assert tabloid["most_quoted_side"] == "employers"
