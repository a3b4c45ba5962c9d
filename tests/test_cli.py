"""The framing command: outputs, exit codes, and clear errors without tracebacks."""

import json

import pandas as pd
import pytest

from framing.cli import main


def test_report_on_seeds_writes_html_markdown_and_tables(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["report", "--out", str(out)]) == 0
    assert (out / "report.html").is_file() and (out / "report.md").is_file()
    for name in ("summary", "actor_sentiment", "quotes", "quotation_balance", "loaded_terms", "naming", "readability"):
        assert (out / "tables" / f"{name}.csv").is_file(), name
    header = (out / "tables" / "actor_sentiment.csv").read_text().splitlines()[0].split(",")
    assert header[:6] == ["outlet", "actor", "mentions", "sentences", "score", "ci_low"] or \
        {"outlet", "actor", "mentions", "score", "ci_low", "ci_high"} <= set(header)
    quotes_header = (out / "tables" / "quotes.csv").read_text().splitlines()[0].split(",")
    assert quotes_header[:9] == ["outlet", "speaker", "speaker_country", "speaker_role", "kind", "verb", "quote",
                                 "start", "end"]
    loaded_header = (out / "tables" / "loaded_terms.csv").read_text().splitlines()[0].split(",")
    assert loaded_header[:5] == ["outlet", "term", "category", "voice", "count"]
    summary = (out / "tables" / "summary.csv").read_text().splitlines()
    assert len(summary) == 1 + 5  # header + one row per seed outlet
    assert [line.split(",")[0] for line in summary[1:]] == ["vov", "sputnik", "neo", "bihane", "koreatimes"]
    assert not [p for p in out.iterdir() if p.name.startswith(".framing-")]  # no temporary folder left


def test_report_writes_coverage_frames_and_evidence_tables(tmp_path, capsys):
    import pandas as pd

    out = tmp_path / "out"
    assert main(["report", "--out", str(out)]) == 0
    tables = out / "tables"
    cov = pd.read_csv(tables / "coverage.csv", keep_default_na=False)
    assert list(cov.columns[:5]) == ["claim_id", "claim", "outlet", "status", "evidence"]
    assert {"start", "end", "n_outlets"} <= set(cov.columns)
    assert set(cov["status"]) == {"reported", "attributed", "absent"}
    # every claim has a row for each of the five seed outlets
    assert (cov.groupby("claim_id")["outlet"].nunique() == 5).all()
    frames = pd.read_csv(tables / "frames.csv")
    assert list(frames.columns[:5]) == ["outlet", "frame", "label", "share", "sentences"]
    assert len(frames) == 5 * 7 and frames["share"].between(0, 1).all()
    fe = pd.read_csv(tables / "frame_evidence.csv")
    assert {"outlet", "article", "sentence", "start", "end", "frame", "indicators", "text"} <= set(fe.columns)
    for name, cols in (("exclusive_claims", {"outlet", "claim", "status"}),
                       ("mentions", {"outlet", "article", "actor", "alias", "start", "end"}),
                       ("naming_evidence", {"outlet", "article", "concept", "variant", "start", "end", "sentence"}),
                       ("sentiment_evidence", {"start", "end", "evidence"})):
        assert cols <= set(pd.read_csv(tables / f"{name}.csv").columns), name


def test_report_on_missing_folder_is_a_clear_error(tmp_path, capsys):
    code = main(["report", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2
    assert "nowhere" in err and "no such file or folder" in err
    assert "Traceback" not in err


def test_report_into_a_folder_holding_a_folder_named_report_html(tmp_path, capsys):
    (tmp_path / "o" / "report.html").mkdir(parents=True)
    assert main(["report", "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "report.html" in err and "is a folder" in err and "Traceback" not in err


def test_an_os_error_while_writing_is_a_message_not_a_traceback(tmp_path, capsys, monkeypatch):
    import framing.report

    def full_disk(analysis, out):
        raise OSError(28, "No space left on device", str(out))

    monkeypatch.setattr(framing.report, "write_report", full_disk)
    assert main(["report", "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and str(tmp_path / "o") in err and "Traceback" not in err


def test_report_with_unknown_actor_format(tmp_path, capsys):
    bad = tmp_path / "actors.json"
    bad.write_text("{}")
    assert main(["report", "--out", str(tmp_path / "o"), "--actors", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "actors.json" in err and ".json" in err and "Traceback" not in err


def test_analyze_json_gives_one_object_per_file(tmp_path, capsys):
    a = tmp_path / "one.txt"
    a.write_text('Russia and North Korea signed a pact. "It is a great day," Putin said.\n', encoding="utf-8")
    b = tmp_path / "two.txt"
    b.write_text("The United States warned that the pact could destabilize the region.\n", encoding="utf-8")
    assert main(["analyze", str(a), str(b), "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["outlet_id"] == "one"
    for key in ("sentences", "mentions", "quotes", "loaded_terms", "readability"):
        assert key in first
    text = first["text"]
    for m in first["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
        assert -1 <= m["score"] <= 1
    assert {m["actor"] for m in first["mentions"]} >= {"Russia", "North Korea"}
    (quote,) = first["quotes"]
    assert text[quote["start"]:quote["end"]] == "It is a great day,"[: quote["end"] - quote["start"]]
    assert text[quote["speaker_start"]:quote["speaker_end"]] == "Putin"
    assert quote["kind"] == "direct"


def test_analyze_empty_file_is_a_clear_error(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["analyze", str(empty)]) == 2
    err = capsys.readouterr().err
    assert "empty.txt" in err and "empty" in err and "Traceback" not in err


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "report" in capsys.readouterr().out


def test_non_english_article_is_warned_about(tmp_path, capsys):
    f = tmp_path / "de.txt"
    f.write_text("Die Regierung in Moskau hat am Montag erklärt, dass die Zusammenarbeit mit Pjöngjang weiter "
                 "ausgebaut werden soll. Kritiker sprechen von einer gefährlichen Entwicklung für die ganze Region "
                 "und fordern neue Sanktionen gegen beide Länder.", encoding="utf-8")
    assert main(["analyze", str(f)]) == 0
    err = capsys.readouterr().err
    assert "de.txt" in err and "English" in err and "Traceback" not in err


class _Stream:
    """A text stream that says whether it is a terminal."""

    def __init__(self, tty: bool):
        self.tty, self.parts = tty, []

    def isatty(self):
        return self.tty

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


def _six_articles():
    import pandas as pd

    import framing

    texts = [f"Russia and North Korea held talks number {i} on trade and energy in the capital.\n" for i in range(6)]
    return framing.Corpus.from_dataframe(pd.DataFrame({"outlet_id": [f"o{i}" for i in range(6)], "text": texts}))


@pytest.mark.parametrize("tty, shown", [(True, True), (False, False)])
def test_progress_bar_only_on_a_terminal(monkeypatch, tty, shown):
    import sys

    import framing

    stream = _Stream(tty)
    monkeypatch.setattr(sys, "stderr", stream)
    result = framing.analyze(_six_articles())
    assert len(result.summary) == 6
    assert ("analysing" in "".join(stream.parts)) is shown


@pytest.mark.parametrize("n_jobs", [None, 2])
def test_the_progress_bar_counts_articles_with_or_without_workers(monkeypatch, n_jobs):
    import framing
    import framing.analysis

    bars = []

    class Bar:  # records what the bar is told (tqdm itself shows only some of its updates)
        def __init__(self, progress, *, total, **options):
            self.total, self.n, self.closed = total, 0, False
            bars.append(self)

        def update(self, n):
            self.n += n

        def close(self):
            self.closed = True

    monkeypatch.setattr(framing.analysis, "_progress_bar", Bar)
    framing.analyze(_six_articles(), n_jobs=n_jobs)
    # six articles: the bar counts six (workers send theirs back a batch at a time), and is closed
    assert [(b.total, b.n, b.closed) for b in bars] == [(6, 6, True)]


def test_no_progress_bar_for_a_handful_of_articles(monkeypatch):
    import sys

    import framing

    stream = _Stream(True)
    monkeypatch.setattr(sys, "stderr", stream)
    framing.analyze(framing.load_corpus())  # the five seeds
    assert "".join(stream.parts) == ""


def test_report_story_option_keeps_stories_apart(tmp_path, capsys):
    import pandas as pd

    # the five seeds carry five different dates (2024-01, 2024-01-15, 2024-07-07, 2024-08, 2025-03):
    # one story per article, so no claim is shared
    out = tmp_path / "out"
    assert main(["report", "--out", str(out), "--story", "date"]) == 0
    cov = pd.read_csv(out / "tables" / "coverage.csv")
    assert (cov["n_outlets"] == 1).all()
    code = main(["report", "--out", str(out), "--story", "storyline"])
    err = capsys.readouterr().err
    assert code == 2 and "no field 'storyline'" in err and "Traceback" not in err


def test_report_on_a_spreadsheet_saved_as_csv(tmp_path, capsys):
    # a teacher's spreadsheet: one article per row, the text in a cell
    sheet = tmp_path / "articles.csv"
    sheet.write_text('outlet_id,title,text\n'
                     'wire,Strike,"Dockworkers walked off the job on Monday. ""We have waited long enough,"" '
                     'said union leader Anna de Vries."\n'
                     'tabloid,Chaos,"A reckless walkout has paralysed the port, leaving ships stranded at sea."\n',
                     encoding="utf-8")
    out = tmp_path / "o"
    assert main(["report", str(sheet), "--out", str(out)]) == 0
    articles = pd.read_csv(out / "tables" / "articles.csv")
    assert list(articles["article"]) == ["wire-1", "tabloid-2"]
    assert list(articles["title"]) == ["Strike", "Chaos"]
    quotes = pd.read_csv(out / "tables" / "quotes.csv")
    assert list(quotes["speaker"]) == ["Anna de Vries"]


def test_analyze_reads_a_csv_of_articles_row_by_row(tmp_path, capsys):
    sheet = tmp_path / "articles.csv"
    sheet.write_text("outlet_id,text\nwire,The council approved the plan on Monday. Residents were angry.\n"
                     "herald,Residents protested outside the town hall on Tuesday evening.\n", encoding="utf-8")
    assert main(["analyze", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert f"== {sheet}, row 1 (wire): 10 words, 2 sentences" in out
    assert f"== {sheet}, row 2 (herald): 9 words, 1 sentences" in out
