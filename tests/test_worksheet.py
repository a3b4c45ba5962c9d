"""The classroom worksheet: questions filled from the tables, degrading gracefully."""

import re

import pandas as pd
import pytest

import framing
from framing.cli import main
from framing.errors import FramingError
from framing.report.worksheet import fill_questions, load_questions, parse_questions, render_worksheet, write_worksheet


@pytest.fixture(scope="module")
def seeds():
    return framing.analyze(framing.load_corpus())


@pytest.fixture(scope="module")
def seed_questions(seeds):
    return {f.id: f for f in fill_questions(seeds)}


def test_seed_key_names_the_outlet_that_quotes_no_us_side(seed_questions):
    # README: every Sputnik quote whose side is known comes from the Russia–North Korea side
    q = seed_questions["no_side_voices"]
    assert "“US and allies”" in q.question
    assert q.answer.startswith("sputnik.")
    assert "0 quoted words from US and allies" in q.answer


def test_seed_key_names_the_outlet_without_quotes(seed_questions):
    # README: Bihane's row says 'no sourced quotes'
    assert seed_questions["no_quotes"].answer.startswith("bihane.")


def test_seed_key_finds_a_name_one_outlet_avoids(seed_questions):
    # VOV calls North Korea the DPRK (README's naming example: "DPRK or North Korea?")
    q = seed_questions["naming"]
    assert "north korea" in q.question
    assert "DPRK" in q.answer or "North Korea" in q.answer


def test_seed_questions_come_in_part_order(seeds):
    parts = [f.part for f in fill_questions(seeds)]
    assert parts == sorted(parts, key=["predict", "hunt", "reflect"].index)
    assert {"predict", "hunt", "reflect"} == set(parts)


def test_student_sheet_has_no_answers_and_key_has_them(seeds, tmp_path):
    paths = write_worksheet(seeds, tmp_path)
    student = paths["worksheet"].read_text(encoding="utf-8")
    key = paths["answer_key"].read_text(encoding="utf-8")
    assert "class='answer'" not in student and "My prediction:" in student
    assert "class='answer'" in key
    assert "sputnik has" not in student and "sputnik has" in key
    for page in (student, key):
        assert "@media print" in page and "break-inside:avoid" in page
        assert "<script" not in page


def _analysis(texts: dict[str, str], **options):
    df = pd.DataFrame({"outlet_id": list(texts), "text": list(texts.values())})
    return framing.analyze(framing.Corpus.from_dataframe(df), **options)


COUNCIL = {"Council": {"aliases": ["the council", "councillors"], "side": "council"},
           "Residents": {"aliases": ["residents", "neighbours"], "side": "residents"}}


def test_another_story_without_quotes_keeps_only_questions_it_can_answer(tmp_path):
    a = _analysis({
        "gazette": "The council approved the new car park on Monday. Residents were angry about the noise. "
                   "The council promised to plant trees along the road.\n",
        "herald": "Residents protested outside the town hall. The council has ignored neighbours for years, "
                  "and residents want a vote on the plan.\n",
    }, actors=COUNCIL)
    filled = {f.id: f for f in fill_questions(a)}
    # nobody is quoted: no question about a silent side, and the key says both outlets quote no one
    assert "no_side_voices" not in filled and "balance" not in filled and "verbs" not in filled
    assert filled["no_quotes"].answer.startswith("gazette and herald.")
    # the questions that need no figure are always there
    assert {"one_side", "limits"} <= set(filled)
    # the other story's own actors fill the questions: every sentence the herald scored is about residents
    assert "toward Residents" in filled["sentence"].question
    paths = write_worksheet(a, tmp_path)
    assert "toward Residents" in paths["worksheet"].read_text(encoding="utf-8")


def test_quotes_from_no_known_side_make_no_silent_side_finding():
    # both outlets quote a spokesman whose side the actor set cannot tell: nobody is quoted from either
    # side, so no outlet's silence about one side is a finding (in the worksheet or the report's summary)
    a = _analysis({
        "gazette": "The council approved the car park. \"The plan is final,\" said spokesman Tom Reed.\n",
        "herald": "Residents protested. Tom Reed, a spokesman, said the plan was final and would not change.\n",
    }, actors=COUNCIL)
    assert (a.tables["quotation_balance"]["quotes"] > 0).all()
    filled = {f.id for f in fill_questions(a)}
    assert "no_side_voices" not in filled
    from framing.report.html import glance
    assert not any(line.startswith("No quoted words from") for line, _ in glance(a.tables, ["council", "residents"]))


def test_one_outlet_only_skips_comparisons():
    a = _analysis({"solo": "The weather was mild on Tuesday. Farmers planted beans in the valley.\n"})
    ids = {f.id for f in fill_questions(a)}
    assert not ids & {"balance", "hardest", "similar", "naming", "distinctive", "tone"}
    assert {"one_side", "limits"} <= ids


def test_hostile_text_is_escaped_in_the_worksheet():
    df = pd.DataFrame({"outlet_id": ["a", "b"], "title": ["<script>alert(1)</script>", "ok"],
                       "text": ["Russia and North Korea met. <img src=x onerror=alert(1)> was there.\n",
                                "Russia and North Korea talked at length on Friday.\n"]})
    a = framing.analyze(framing.Corpus.from_dataframe(df))
    for key in (False, True):
        page = render_worksheet(a, fill_questions(a), key=key)
        assert "<script>" not in page and "<img" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def _csv(tmp_path, body: str):
    p = tmp_path / "questions.csv"
    p.write_text("id,part,fact,question,answer,check\n" + body, encoding="utf-8")
    return p


@pytest.mark.parametrize("body, message", [
    ("x,predict,nosuchfact,Q?,A,\n", "row 2: unknown fact 'nosuchfact'"),
    ("x,guess,,Q?,A,\n", "row 2: part 'guess' is not one of predict, hunt, reflect"),
    ("x,predict,no_quotes,Which {outlet}?,A,\n", "row 2: question uses {outlet} but fact 'no_quotes' gives"),
    ("x,reflect,,Q?,The {answer},\n", "row 2: answer uses {answer} but it names no fact"),
    ("x,reflect,,Q { open,A,\n", "row 2, question:"),
    ("x,reflect,,Q?,A,\ny,reflect,,R?,B,\nx,hunt,,S?,C,\n", "row 4: the id 'x' is already used on row 2"),
    ("x,reflect,,,A,\n", "row 2: the 'question' column is empty"),
])
def test_bad_question_files_name_file_and_row(tmp_path, body, message):
    with pytest.raises(FramingError) as err:
        load_questions(_csv(tmp_path, body))
    assert "questions.csv" in str(err.value) and message in str(err.value)


def test_user_questions_extend_replace_and_override(tmp_path, seeds):
    path = _csv(tmp_path, "limits,reflect,,My own question?,My own answer,\n"
                          "mine,predict,no_quotes,Who quotes nobody?,{outlets},Quotation balance\n")
    merged = load_questions(path)
    assert [q.question for q in merged if q.id == "limits"] == ["My own question?"]
    assert len(merged) == len(load_questions()) + 1
    only = load_questions(path, replace=True)
    assert [q.id for q in only] == ["limits", "mine"]
    filled = fill_questions(seeds, only)
    assert [f.answer for f in filled] == ["bihane", "My own answer"]  # predict before reflect


def test_literal_braces_are_allowed():
    qs = parse_questions("id,part,question,answer\nb,reflect,Is {{this}} a set?,Yes\n", "q.csv")
    assert qs[0].question == "Is {{this}} a set?"


def test_cli_worksheet_writes_both_pages(tmp_path, capsys):
    assert main(["worksheet", "--out", str(tmp_path / "w")]) == 0
    assert (tmp_path / "w" / "worksheet.html").is_file() and (tmp_path / "w" / "answer_key.html").is_file()
    assert "answer_key.html" in capsys.readouterr().out


def test_cli_worksheet_only_my_questions_needs_a_file(tmp_path, capsys):
    assert main(["worksheet", "--out", str(tmp_path / "w"), "--only-my-questions"]) == 2
    err = capsys.readouterr().err
    assert "--questions" in err and "Traceback" not in err


def test_cli_worksheet_reports_a_bad_question_file(tmp_path, capsys):
    bad = _csv(tmp_path, "x,predict,nosuchfact,Q?,A,\n")
    assert main(["worksheet", "--out", str(tmp_path / "w"), "--questions", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "questions.csv, row 2" in err and "Traceback" not in err


def test_numbering_is_continuous(seeds):
    page = render_worksheet(seeds, fill_questions(seeds), key=False)
    numbers = [int(n) for n in re.findall(r"<span class='n'>(\d+)\.</span>", page)]
    assert numbers == list(range(1, len(numbers) + 1))


def test_seed_sheet_asks_about_a_claim_only_one_outlet_carries(seeds, seed_questions):
    q = seed_questions["only_here"]
    assert q.part == "hunt"
    only = seeds.exclusive_claims
    outlet = q.question.split(" carries")[0].removeprefix("Only ")
    claim = re.search(r"“(.*)”", q.question).group(1)
    # the claim is one of that outlet's 'only in this outlet' claims, and it is in that outlet's article only
    assert claim in set(only[only["outlet"] == outlet]["claim"])
    arts = seeds.articles
    assert [o for o, text in zip(arts["outlet"], arts["text"]) if claim in " ".join(text.split())] == [outlet]
    assert q.answer.startswith(f"{outlet} tells it ")
    assert "What's covered" in q.check


def test_exclusive_claim_question_is_skipped_when_every_claim_is_shared():
    same = "The council approved the new car park on Monday after a long debate.\n"
    a = _analysis({"gazette": same, "herald": same})
    assert a.exclusive_claims.empty
    assert "only_here" not in {f.id for f in fill_questions(a)}


def test_exclusive_claim_question_is_skipped_for_one_outlet():
    a = _analysis({"solo": "The council approved the new car park on Monday after a long debate.\n"})
    assert "only_here" not in {f.id for f in fill_questions(a)}


@pytest.mark.parametrize("indices, most, least, others", [
    ({"herald": 0.943, "courier": 0.0, "gazette": 0.0}, "herald", "courier and gazette", ""),
    ({"a": 0.5, "b": 0.9, "c": 0.1}, "b", "c", "In between: a (0.50)."),
])
def test_balance_range_names_tied_outlets_together(indices, most, least, others):
    from framing.report.worksheet import fact_balance_range

    bal = pd.DataFrame({"outlet": list(indices), "balance_index": list(indices.values())})
    f = fact_balance_range({"quotation_balance": bal}, ["x", "y"])
    assert (f["most"], f["least"], f["others"]) == (most, least, others)


def test_balance_range_is_left_out_when_every_outlet_ties():
    from framing.report.worksheet import fact_balance_range

    bal = pd.DataFrame({"outlet": ["a", "b"], "balance_index": [0.0, 0.0]})
    assert fact_balance_range({"quotation_balance": bal}, ["x", "y"]) is None
