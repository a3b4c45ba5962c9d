"""Tests for framing.corpus.iter_articles: streaming JSONL, Parquet and folders.

Every expected value below comes from the records written in the test itself
(ids from their line or row numbers, texts and metadata as written), never
from running the code. Nothing here depends on timing.
"""

from __future__ import annotations

import datetime
import inspect
import io
import json
import sys

import pandas as pd
import pytest

import framing
import framing.corpus
from framing.corpus import META_FIELDS, Corpus, iter_articles, load_corpus
from framing.errors import FramingError

# Single clean paragraphs survive cleaning unchanged (see test_corpus.py, where they come from).
from test_corpus import ENGLISH, ENGLISH_2  # noqa: E402
ENGLISH_3 = (
    "The minister visited the port city on Friday and promised new investment in the harbour. "
    "Local officials welcomed the plan but asked for more details about the timetable."
)

ROWS = [
    {"text": ENGLISH, "outlet_id": "daily", "outlet": "The Daily", "country": "Ruritania",
     "author": "Jane Roe", "date": "2024-07-07", "tags": ["politics"]},
    {"text": ENGLISH_2, "outlet_id": "weekly", "title": "Talks in Geneva", "language": "en-GB"},
    {"text": ENGLISH_3, "outlet_id": "daily", "country": "Ruritania", "url": "https://example.org/3"},
]


def write_jsonl(path, records, *, newline="\n"):
    """One JSON object per line; a string in ``records`` is written as is."""
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_bytes(newline.join(lines).encode("utf-8") + newline.encode())
    return path


def fields(article) -> dict:
    """Everything about an article except where it came from."""
    return {"article_id": article.article_id, "outlet_id": article.outlet_id, "text": article.text,
            "raw": article.raw, "cleaning_log": article.cleaning_log,
            **{k: getattr(article, k) for k in META_FIELDS}}


# ---------------------------------------------------------------------------
# JSONL: the same articles as Corpus.from_dataframe on the same rows
# ---------------------------------------------------------------------------


def test_jsonl_round_trip_matches_from_dataframe(tmp_path):
    path = write_jsonl(tmp_path / "news.jsonl", ROWS)
    streamed = list(iter_articles(path))
    expected = Corpus.from_dataframe(pd.DataFrame(ROWS))
    assert [fields(a) for a in streamed] == [fields(a) for a in expected]
    # and, from the rows themselves: ids are <outlet_id>-<line number>
    assert [a.article_id for a in streamed] == ["daily-1", "weekly-2", "daily-3"]
    assert [a.outlet_id for a in streamed] == ["daily", "weekly", "daily"]
    assert [a.text for a in streamed] == [ENGLISH, ENGLISH_2, ENGLISH_3]
    daily, weekly, daily_3 = streamed
    assert (daily.outlet, daily.country, daily.author, daily.date) == ("The Daily", "Ruritania", "Jane Roe", "2024-07-07")
    assert weekly.outlet == "weekly"  # no outlet field: the display name is the outlet id
    assert weekly.country == ""
    assert (weekly.title, weekly.language) == ("Talks in Geneva", "en-GB")
    assert daily_3.url == "https://example.org/3"
    assert [a.source for a in streamed] == [f"{path}, line {n}" for n in (1, 2, 3)]


def test_jsonl_custom_field_names_and_article_id(tmp_path):
    records = [
        {"body": ENGLISH, "paper": "p1", "id": "first", "country": "Ruritania"},
        {"body": ENGLISH_2, "paper": "p2", "id": 17, "country": None},  # a number id, a null field
    ]
    path = write_jsonl(tmp_path / "custom.ndjson", records)
    streamed = list(iter_articles(str(path), text="body", outlet_id="paper", article_id="id"))
    assert [a.article_id for a in streamed] == ["first", "17"]
    assert [a.outlet_id for a in streamed] == ["p1", "p2"]
    assert [a.country for a in streamed] == ["Ruritania", ""]
    expected = Corpus.from_dataframe(pd.DataFrame(records), text="body", outlet_id="paper", article_id="id")
    assert [fields(a) for a in streamed] == [fields(a) for a in expected]


def test_jsonl_blank_lines_are_skipped_and_ids_use_file_line_numbers(tmp_path):
    path = write_jsonl(tmp_path / "gaps.jsonl", [ROWS[0], "", "   ", ROWS[1], ""])
    assert [a.article_id for a in iter_articles(path)] == ["daily-1", "weekly-4"]


def test_jsonl_with_bom_and_crlf_line_endings(tmp_path):
    path = tmp_path / "windows.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(json.dumps(r) for r in ROWS[:2]).encode("utf-8") + b"\r\n")
    streamed = list(iter_articles(path))
    assert [a.article_id for a in streamed] == ["daily-1", "weekly-2"]
    assert [a.text for a in streamed] == [ENGLISH, ENGLISH_2]


def test_result_is_a_generator_and_a_corpus_can_be_built_from_it(tmp_path):
    path = write_jsonl(tmp_path / "news.jsonl", ROWS)
    articles = iter_articles(path)
    assert inspect.isgenerator(articles)
    assert Corpus(articles).outlets == ["daily", "weekly"]


def test_iter_articles_is_exported():
    assert "iter_articles" in framing.__all__
    assert framing.iter_articles is iter_articles


# ---------------------------------------------------------------------------
# laziness: articles come out before a later line is even read
# ---------------------------------------------------------------------------


def test_jsonl_yields_articles_before_reaching_a_malformed_line(tmp_path):
    path = write_jsonl(tmp_path / "news.jsonl", [ROWS[0], ROWS[1], '{"text": "unfinished'])
    articles = iter_articles(path)
    assert next(articles).article_id == "daily-1"
    assert next(articles).article_id == "weekly-2"
    with pytest.raises(FramingError, match="line 3"):
        next(articles)


def test_jsonl_nothing_is_read_until_iteration(tmp_path):
    path = write_jsonl(tmp_path / "bad.jsonl", ["not json at all"])
    articles = iter_articles(path)  # no error yet: line 1 has not been read
    with pytest.raises(FramingError, match="line 1"):
        next(articles)


def test_jsonl_stopping_early_leaves_the_rest_unread(tmp_path, monkeypatch):
    seen = []
    real = framing.corpus._json_object
    monkeypatch.setattr(framing.corpus, "_json_object", lambda line, where: seen.append(where) or real(line, where))
    path = write_jsonl(tmp_path / "news.jsonl", ROWS)
    articles = iter_articles(path)
    next(articles)
    articles.close()
    assert seen == [f"{path}, line 1"]


# ---------------------------------------------------------------------------
# JSONL errors: FramingError with the file name and the line number
# ---------------------------------------------------------------------------

GOOD = {"text": ENGLISH, "outlet_id": "a", "id": "a"}

JSONL_ERRORS = [
    # (bad line, options, fragments the message must contain)
    ('{"text": "x", "outlet_id": }', {}, ["not valid JSON"]),
    ("[1, 2, 3]", {}, ["JSON object", "an array"]),
    ('"just a string"', {}, ["JSON object", "a string"]),
    ("42", {}, ["JSON object", "a number"]),
    ("null", {}, ["JSON object", "null"]),
    (json.dumps({"body": ENGLISH_2, "outlet_id": "b"}), {}, ["no 'text' field", "body, outlet_id"]),
    (json.dumps({"text": "", "outlet_id": "b"}), {}, ["text is empty"]),
    (json.dumps({"text": "  \n ", "outlet_id": "b"}), {}, ["text is empty"]),
    (json.dumps({"text": None, "outlet_id": "b"}), {}, ["text is empty"]),
    (json.dumps({"text": 12, "outlet_id": "b"}), {}, ["'text' field must be a string", "int"]),
    (json.dumps({"text": ENGLISH_2, "source": "b"}), {}, ["no 'outlet_id' field", "text, source"]),
    (json.dumps({"text": ENGLISH_2, "outlet_id": " "}), {}, ["outlet id is empty"]),
    (json.dumps({"text": ENGLISH_2, "outlet_id": ["b"]}), {}, ["'outlet_id' field must be a single value"]),
    (json.dumps({"text": ENGLISH_2, "outlet_id": "b", "author": {"name": "X"}}), {}, ["'author' field"]),
    (json.dumps({"text": ENGLISH_2, "outlet_id": "b"}), {"article_id": "id"}, ["no 'id' field"]),
    (json.dumps({"text": ENGLISH_2, "outlet_id": "b", "id": ""}), {"article_id": "id"}, ["'id' field", "empty"]),
    (json.dumps({"text": ENGLISH_2, "outlet_id": "b", "id": "a"}), {"article_id": "id"},
     ["duplicate article id 'a'"]),
    ("[" * 100_000, {}, ["nested too deeply"]),
    ('{"text": "x", "outlet_id": ' + "1" * 5000 + "}", {}, ["not readable as JSON"]),
]


@pytest.mark.parametrize("bad, options, fragments", JSONL_ERRORS)
def test_jsonl_error_names_file_and_line(tmp_path, bad, options, fragments):
    path = write_jsonl(tmp_path / "errs.jsonl", [GOOD, "", bad])  # the bad record is on line 3
    articles = iter_articles(path, **options)
    assert next(articles).text == ENGLISH  # the good line first
    with pytest.raises(FramingError) as exc:
        next(articles)
    message = str(exc.value)
    assert message.startswith(f"{path}, line 3: ")
    for fragment in fragments:
        assert fragment in message


def test_jsonl_bad_json_on_line_7(tmp_path):
    records = [{"text": ENGLISH, "outlet_id": f"o{n}"} for n in range(6)] + ['{"text": "broken"']
    path = write_jsonl(tmp_path / "seven.jsonl", records)
    articles = iter_articles(path)
    assert [next(articles).article_id for _ in range(6)] == [f"o{n}-{n + 1}" for n in range(6)]
    with pytest.raises(FramingError, match=r"seven\.jsonl, line 7: not valid JSON"):
        next(articles)


def test_jsonl_invalid_utf8_line(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(json.dumps(GOOD).encode() + b'\n{"text": "caf\xe9", "outlet_id": "b"}\n')
    articles = iter_articles(path)
    next(articles)
    with pytest.raises(FramingError, match=r"latin\.jsonl, line 2: is not valid UTF-8"):
        next(articles)


def test_jsonl_utf16_file(tmp_path):
    path = tmp_path / "wide.jsonl"
    path.write_bytes(json.dumps(GOOD).encode("utf-16"))
    with pytest.raises(FramingError, match="UTF-16"):
        list(iter_articles(path))


def test_jsonl_line_longer_than_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(framing.corpus, "MAX_JSONL_LINE_BYTES", 1000)
    path = write_jsonl(tmp_path / "long.jsonl", [GOOD, {"text": "word " * 400, "outlet_id": "b"}])
    articles = iter_articles(path)
    next(articles)
    with pytest.raises(FramingError, match=r"long\.jsonl, line 2: longer than 1,000 bytes"):
        next(articles)


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_jsonl_without_articles(tmp_path, content):
    path = tmp_path / "empty.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FramingError, match=r"empty\.jsonl: no articles"):
        list(iter_articles(path))


def test_missing_file_is_reported_by_the_call(tmp_path):
    with pytest.raises(FramingError, match=r"gone\.jsonl: no such file"):
        iter_articles(tmp_path / "gone.jsonl")


def test_unsupported_file_kind(tmp_path):
    path = tmp_path / "table.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(FramingError) as exc:
        iter_articles(path)
    assert "table.xlsx" in str(exc.value)
    assert ".jsonl" in str(exc.value) and ".csv" in str(exc.value)


# ---------------------------------------------------------------------------
# CSV and TSV: a spreadsheet of articles, one per row
# ---------------------------------------------------------------------------


def write_csv(path, rows, *, delimiter=",", encoding="utf-8"):
    import csv

    names = list(dict.fromkeys(k for r in rows for k in r))
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=names, delimiter=delimiter)
        w.writeheader()
        w.writerows(rows)
    return path


CSV_ROWS = [{k: v for k, v in r.items() if k != "tags"} for r in ROWS]


@pytest.mark.parametrize("name, delimiter", [("news.csv", ","), ("news.tsv", "\t")])
def test_csv_round_trip_matches_from_dataframe(tmp_path, name, delimiter):
    path = write_csv(tmp_path / name, CSV_ROWS, delimiter=delimiter)
    streamed = list(iter_articles(path))
    expected = Corpus.from_dataframe(pd.DataFrame(CSV_ROWS).fillna(""))
    assert [fields(a) for a in streamed] == [fields(a) for a in expected]
    assert [a.article_id for a in streamed] == ["daily-1", "weekly-2", "daily-3"]
    assert [a.source for a in streamed] == [f"{path}, row {n}" for n in (1, 2, 3)]
    # load_corpus and the report read a table file as a table of articles, not as one article
    assert [a.article_id for a in load_corpus(path)] == ["daily-1", "weekly-2", "daily-3"]


def test_csv_cell_over_several_lines_with_a_bom_and_a_long_article(tmp_path):
    long_text = " ".join([ENGLISH_3] * 1200)  # about 200,000 characters: longer than csv's own field limit
    rows = [{"outlet_id": "a", "text": ENGLISH + "\n\n" + ENGLISH_2}, {"outlet_id": "b", "text": long_text}]
    path = write_csv(tmp_path / "excel.csv", rows, encoding="utf-8-sig")
    streamed = list(iter_articles(path))
    assert [a.outlet_id for a in streamed] == ["a", "b"]
    assert streamed[0].text == ENGLISH + "\n\n" + ENGLISH_2
    assert len(streamed[1].raw) == len(long_text)
    import csv
    assert csv.field_size_limit() == 131072  # the reader's larger limit does not outlive it


def test_csv_missing_column_is_reported_by_the_call(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("outlet,body\nwire,Some text here.\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"sheet\.csv: its header has no 'text' column; it has 'outlet', 'body'"):
        iter_articles(path)


def test_csv_bad_row_after_good_ones_names_the_row(tmp_path):
    path = write_csv(tmp_path / "rows.csv", [CSV_ROWS[0], {"outlet_id": "weekly", "text": ""}])
    articles = iter_articles(path)
    assert next(articles).article_id == "daily-1"
    with pytest.raises(FramingError, match=r"rows\.csv, row 2: the text is empty"):
        next(articles)


@pytest.mark.parametrize("content, message", [
    (b"text,outlet_id\n", "no articles"),
    (b"\xff\xfet\x00e\x00x\x00t\x00", "UTF-16"),
    (b"text,outlet_id\n\xe9t\xe9,a\n", "broken.csv: is not valid UTF-8"),
])
def test_csv_problems_are_clear(tmp_path, content, message):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    with pytest.raises(FramingError, match=message):
        list(iter_articles(path))


@pytest.mark.parametrize("source", [pd.DataFrame({"text": [ENGLISH], "outlet_id": ["a"]}), [ROWS[0]], None])
def test_source_that_is_not_a_path(source):
    with pytest.raises(FramingError, match="needs the path"):
        iter_articles(source)


# ---------------------------------------------------------------------------
# folders: the same articles as load_corpus, read one file at a time
# ---------------------------------------------------------------------------


def make_folder(tmp_path, manifest: str | None):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "b.html").write_text(f"<html><body><p>{ENGLISH_2}</p><script>x()</script></body></html>",
                                   encoding="utf-8")
    (folder / "c.md").write_text(ENGLISH_3, encoding="utf-8")
    if manifest is not None:
        (folder / "MANIFEST.csv").write_text(manifest, encoding="utf-8")
    return folder


MANIFEST = "file,outlet_id,country,author\nc.md,gamma,Ruritania,Jane Roe\na.txt,alpha,,\nb.html,beta,,John Doe\n"


@pytest.mark.parametrize("manifest", [MANIFEST, None], ids=["manifest", "no-manifest"])
def test_folder_matches_load_corpus(tmp_path, manifest):
    folder = make_folder(tmp_path, manifest)
    streamed = list(iter_articles(folder))
    loaded = load_corpus(folder)
    assert [(fields(a), a.source) for a in streamed] == [(fields(a), a.source) for a in loaded]
    if manifest is None:  # sorted by file name, each its own outlet
        assert [a.article_id for a in streamed] == ["a", "b", "c"]
    else:  # manifest order and metadata
        assert [a.article_id for a in streamed] == ["c", "a", "b"]
        assert [a.outlet_id for a in streamed] == ["gamma", "alpha", "beta"]
        assert [a.author for a in streamed] == ["Jane Roe", "", "John Doe"]
    assert [a.text for a in sorted(streamed, key=lambda a: a.article_id)] == [ENGLISH, ENGLISH_2, ENGLISH_3]


def test_single_text_file_is_one_article(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    (article,) = iter_articles(path)
    assert (article.article_id, article.outlet_id, article.text) == ("report", "report", ENGLISH)


@pytest.mark.parametrize("manifest", [MANIFEST, None], ids=["manifest", "no-manifest"])
def test_folder_reads_each_file_only_when_its_article_is_yielded(tmp_path, monkeypatch, manifest):
    folder = make_folder(tmp_path, manifest)
    read = []
    real = framing.corpus._read_article_file
    monkeypatch.setattr(framing.corpus, "_read_article_file", lambda p: read.append(p.name) or real(p))
    articles = iter_articles(folder)
    assert read == []
    first = next(articles)
    assert read == [f"{first.article_id}{'.md' if first.article_id == 'c' else '.txt'}"]
    next(articles)
    assert len(read) == 2


def test_folder_yields_good_files_before_a_broken_one(tmp_path):
    folder = make_folder(tmp_path, "file,outlet_id\na.txt,alpha\nscan.txt,beta\n")
    (folder / "scan.txt").write_bytes(b"\x00\x01\x02binary")
    articles = iter_articles(folder)
    assert next(articles).article_id == "a"
    with pytest.raises(FramingError, match=r"scan\.txt.*binary"):
        next(articles)


def test_folder_manifest_problems_are_reported_by_the_call(tmp_path):
    folder = make_folder(tmp_path, "file,outlet_id\na.txt,alpha\nmissing.txt,beta\n")
    with pytest.raises(FramingError) as exc:
        iter_articles(folder)  # no next(): the manifest is checked up front
    assert "MANIFEST.csv, row 3" in str(exc.value)
    assert "missing.txt" in str(exc.value)


def test_folder_same_stem_in_two_subfolders_is_a_duplicate(tmp_path):
    folder = tmp_path / "corpus"
    for sub, text in (("x", ENGLISH), ("y", ENGLISH_2)):
        (folder / sub).mkdir(parents=True)
        (folder / sub / "news.txt").write_text(text, encoding="utf-8")
    (folder / "MANIFEST.csv").write_text("file,outlet_id\nx/news.txt,a\ny/news.txt,b\n", encoding="utf-8")
    articles = iter_articles(folder)
    assert next(articles).outlet_id == "a"
    with pytest.raises(FramingError, match=r"y/news\.txt: duplicate article id 'news'"):
        next(articles)


def test_folder_with_field_options_is_an_error(tmp_path):
    folder = make_folder(tmp_path, None)
    with pytest.raises(FramingError, match="JSONL, Parquet or CSV"):
        iter_articles(folder, text="body")


# ---------------------------------------------------------------------------
# progress bar
# ---------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_forced_on_and_off(tmp_path, capsys):
    path = write_jsonl(tmp_path / "news.jsonl", ROWS)
    list(iter_articles(path, progress=False))
    assert capsys.readouterr().err == ""
    list(iter_articles(path, progress=True))
    assert "news.jsonl" in capsys.readouterr().err


def test_progress_by_default_only_on_a_terminal(tmp_path, capsys, monkeypatch):
    path = write_jsonl(tmp_path / "news.jsonl", ROWS)
    list(iter_articles(path))  # pytest's captured stderr is not a terminal
    assert capsys.readouterr().err == ""
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    list(iter_articles(path))
    assert "news.jsonl" in terminal.getvalue()


def test_progress_for_a_folder_counts_files(tmp_path, capsys):
    folder = make_folder(tmp_path, None)
    list(iter_articles(folder, progress=True))
    err = capsys.readouterr().err
    assert "corpus" in err
    assert "/3" in err  # three files


# ---------------------------------------------------------------------------
# Parquet
# ---------------------------------------------------------------------------


def test_missing_pyarrow_is_a_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "news.parquet"
    path.write_bytes(b"PAR1 not really")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(FramingError) as exc:
        iter_articles(path)
    message = str(exc.value)
    assert "pyarrow" in message
    assert "pip install pyarrow" in message
    assert "framing[parquet]" in message


@pytest.fixture
def pq():
    import pyarrow.parquet  # the test extra installs pyarrow

    return pyarrow.parquet


def write_parquet(path, frame):
    frame.to_parquet(path, index=False, engine="pyarrow")
    return path


def test_parquet_round_trip_matches_from_dataframe(tmp_path, pq):
    frame = pd.DataFrame(ROWS)
    frame["date"] = [datetime.date(2024, 7, 7), None, datetime.date(2024, 7, 9)]
    path = write_parquet(tmp_path / "news.parquet", frame)
    streamed = list(iter_articles(path))
    assert [fields(a) for a in streamed] == [fields(a) for a in Corpus.from_dataframe(frame)]
    assert [a.article_id for a in streamed] == ["daily-1", "weekly-2", "daily-3"]
    assert [a.text for a in streamed] == [ENGLISH, ENGLISH_2, ENGLISH_3]
    assert [a.date for a in streamed] == ["2024-07-07", "", "2024-07-09"]
    assert [a.country for a in streamed] == ["Ruritania", "", "Ruritania"]
    assert [a.source for a in streamed] == [f"{path}, row {n}" for n in (1, 2, 3)]


def test_parquet_custom_columns_and_only_those_read(tmp_path, pq, monkeypatch):
    frame = pd.DataFrame({"body": [ENGLISH, ENGLISH_2], "paper": ["p1", "p2"], "id": ["first", "second"],
                          "author": ["Jane Roe", "John Doe"], "html": ["<p>x</p>", "<p>y</p>"]})
    path = write_parquet(tmp_path / "custom.parquet", frame)
    asked = []
    real = pq.ParquetFile.iter_batches

    def spy(self, *args, **kwargs):
        asked.append(kwargs.get("columns"))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", spy)
    streamed = list(iter_articles(path, text="body", outlet_id="paper", article_id="id"))
    assert [a.article_id for a in streamed] == ["first", "second"]
    assert [a.author for a in streamed] == ["Jane Roe", "John Doe"]
    assert asked == [["body", "paper", "id", "author"]]  # not "html"


def test_parquet_across_several_batches(tmp_path, pq, monkeypatch):
    monkeypatch.setattr(framing.corpus, "PARQUET_BATCH_ROWS", 2)
    texts = [ENGLISH, ENGLISH_2, ENGLISH_3, ENGLISH, ENGLISH_2]
    path = write_parquet(tmp_path / "five.parquet", pd.DataFrame({"text": texts, "outlet_id": list("abcab")}))
    streamed = list(iter_articles(path))
    assert [a.article_id for a in streamed] == ["a-1", "b-2", "c-3", "a-4", "b-5"]
    assert [a.text for a in streamed] == texts


def test_parquet_bad_row_after_good_ones(tmp_path, pq, monkeypatch):
    monkeypatch.setattr(framing.corpus, "PARQUET_BATCH_ROWS", 2)
    frame = pd.DataFrame({"text": [ENGLISH, ENGLISH_2, None, ENGLISH_3], "outlet_id": ["a", "b", "c", "d"]})
    path = write_parquet(tmp_path / "gap.parquet", frame)
    articles = iter_articles(path)
    assert [next(articles).article_id, next(articles).article_id] == ["a-1", "b-2"]
    with pytest.raises(FramingError, match=r"gap\.parquet, row 3: the text is empty"):
        next(articles)


def test_parquet_missing_column_is_reported_by_the_call(tmp_path, pq):
    path = write_parquet(tmp_path / "cols.parquet", pd.DataFrame({"body": [ENGLISH], "outlet_id": ["a"]}))
    with pytest.raises(FramingError) as exc:
        iter_articles(path)
    assert "cols.parquet" in str(exc.value)
    assert "missing column 'text'" in str(exc.value)
    assert "body, outlet_id" in str(exc.value)


def test_parquet_without_rows(tmp_path, pq):
    frame = pd.DataFrame({"text": pd.Series([], dtype=str), "outlet_id": pd.Series([], dtype=str)})
    path = write_parquet(tmp_path / "none.parquet", frame)
    with pytest.raises(FramingError, match=r"none\.parquet: no articles"):
        iter_articles(path)


def test_file_that_is_not_parquet(tmp_path, pq):
    path = tmp_path / "fake.parquet"
    path.write_text('{"text": "this is JSON, not Parquet"}\n', encoding="utf-8")
    with pytest.raises(FramingError, match=r"fake\.parquet: cannot be read as a Parquet file"):
        iter_articles(path)


def test_parquet_progress_counts_rows(tmp_path, pq, capsys):
    path = write_parquet(tmp_path / "news.parquet", pd.DataFrame(ROWS).drop(columns=["tags"]))
    list(iter_articles(path, progress=True))
    err = capsys.readouterr().err
    assert "news.parquet" in err
    assert "/3" in err  # three rows
