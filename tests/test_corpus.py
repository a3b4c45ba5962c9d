"""Tests for framing.corpus: the seeds, folders, files, DataFrames and errors.

Every expected value below was written by reading the input (the seeds'
MANIFEST.csv, the hand-written files), not by running the code.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from framing.corpus import Article, Corpus, html_to_text, load_corpus, load_files
from framing.errors import FramingError, FramingWarning

ENGLISH = (
    "The government announced on Monday that it would impose new sanctions on several companies. "
    "According to the ministry, the measures will take effect next week. "
    "Critics say the decision comes too late and will have little effect on the conflict."
)
ENGLISH_2 = (
    "The delegations met in Geneva on Tuesday and agreed to continue the talks next month. "
    "Officials said the next round would focus on trade and on the safety of shipping."
)
# 40 words, of which only "in" (three times) is a common English word.
GERMAN = (
    "Die Regierung in Berlin hat am Montag neue Sanktionen gegen mehrere Unternehmen beschlossen. "
    "Nach Angaben des Ministeriums sollen die Maßnahmen schon in der kommenden Woche in Kraft treten. "
    "Kritiker bemängeln, dass die Entscheidung zu spät komme und kaum Wirkung zeigen werde."
)
# About 40 words, of which only "a" ("a annoncé") is a common English word.
FRENCH = (
    "Le gouvernement a annoncé lundi de nouvelles sanctions contre plusieurs entreprises étrangères. "
    "Selon le ministère, les mesures entreront en vigueur dès la semaine prochaine. "
    "Les critiques estiment que cette décision arrive trop tard et qu'elle aura peu d'effet sur le conflit."
)


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def framing_warnings(record) -> list[str]:
    return [str(w.message) for w in record if issubclass(w.category, FramingWarning)]


# ---------------------------------------------------------------------------
# the bundled seeds
# ---------------------------------------------------------------------------

SEED_OUTLETS = ["vov", "sputnik", "neo", "bihane", "koreatimes"]


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return load_corpus()


def test_seeds_are_the_five_outlets_in_manifest_order(seeds):
    assert len(seeds) == 5
    assert [a.outlet_id for a in seeds] == SEED_OUTLETS
    assert seeds.outlets == SEED_OUTLETS


def test_seed_article_ids_are_the_file_stems(seeds):
    assert [a.article_id for a in seeds] == [
        "000_63596d319ce05c5c",
        "001_0cf547d5f0dd3364",
        "002_e5b7a7511d0c2871",
        "003_599e8c3879d503ac",
        "004_2b44a896745bf219",
    ]


@pytest.mark.parametrize(
    "outlet_id, field, expected",
    [
        ("neo", "author", "Abbas Hashemite"),
        ("neo", "outlet", "New Eastern Outlook (NEO)"),
        ("neo", "date", "2024-07-07"),
        ("koreatimes", "country", "South Korea"),
        ("koreatimes", "author", "Lee Hyo-jin"),
        ("koreatimes", "outlet", "The Korea Times"),
        ("vov", "country", "Vietnam"),
        ("vov", "author", ""),
        ("vov", "title", "Russia, DPRK strengthen relations under West's pressure"),
        ("sputnik", "country", "Russia"),
        ("sputnik", "ownership", "state-owned (Rossiya Segodnya)"),
        ("bihane", "country", "India"),
        ("bihane", "language", "en"),
    ],
)
def test_seed_manifest_metadata(seeds, outlet_id, field, expected):
    (article,) = [a for a in seeds if a.outlet_id == outlet_id]
    assert getattr(article, field) == expected
    assert article.meta()[field] == expected


def test_seed_texts_are_non_empty_articles(seeds):
    for a in seeds:
        assert a.text.strip()
        assert a.words > 100, a.outlet_id
        assert a.raw


def test_seeds_are_english_so_no_language_warning():
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        load_corpus()
    assert framing_warnings(record) == []


def test_corpus_to_frame_has_one_row_per_article(seeds):
    df = seeds.to_frame()
    assert list(df["outlet_id"]) == SEED_OUTLETS
    assert {"article_id", "outlet_id", "author", "country", "words", "text"} <= set(df.columns)


# ---------------------------------------------------------------------------
# a folder with a manifest
# ---------------------------------------------------------------------------


def test_folder_with_minimal_manifest(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "b.txt", ENGLISH_2)
    write(tmp_path / "extra.txt", ENGLISH)  # not listed in the manifest: not loaded
    write(tmp_path / "MANIFEST.csv", "file,outlet_id\na.txt,alpha\nb.txt,beta\n")
    corpus = load_corpus(tmp_path)
    assert [a.outlet_id for a in corpus] == ["alpha", "beta"]
    assert [a.article_id for a in corpus] == ["a", "b"]
    assert corpus.outlets == ["alpha", "beta"]
    alpha, beta = corpus
    # a single clean paragraph survives cleaning unchanged
    assert alpha.text == ENGLISH
    assert beta.text == ENGLISH_2
    # the display name defaults to the outlet id; other metadata is empty
    assert alpha.outlet == "alpha"
    assert alpha.country == ""
    assert alpha.author == ""
    assert alpha.language == "en"
    assert alpha.source == "a.txt"


def test_folder_manifest_as_string_path(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "MANIFEST.csv", "file,outlet_id\na.txt,alpha\n")
    assert [a.outlet_id for a in load_corpus(str(tmp_path))] == ["alpha"]


def test_folder_manifest_with_metadata_and_utf8_bom(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    (tmp_path / "MANIFEST.csv").write_bytes(
        "\ufefffile,outlet_id,outlet,country,author\na.txt,alpha,Alpha Daily,Ruritania,Jane Roe\n".encode("utf-8")
    )
    (article,) = load_corpus(tmp_path)
    assert article.outlet_id == "alpha"
    assert article.outlet == "Alpha Daily"
    assert article.country == "Ruritania"
    assert article.author == "Jane Roe"


def test_several_articles_of_one_outlet(tmp_path):
    write(tmp_path / "one.txt", ENGLISH)
    write(tmp_path / "two.txt", ENGLISH_2)
    write(tmp_path / "three.txt", ENGLISH + " " + ENGLISH_2)
    write(tmp_path / "MANIFEST.csv", "file,outlet_id\none.txt,daily\ntwo.txt,daily\nthree.txt,weekly\n")
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 3
    assert [a.outlet_id for a in corpus] == ["daily", "daily", "weekly"]
    assert corpus.outlets == ["daily", "weekly"]
    assert [a.article_id for a in corpus] == ["one", "two", "three"]


def test_manifest_file_in_a_subfolder(tmp_path):
    (tmp_path / "2024").mkdir()
    write(tmp_path / "2024" / "march.txt", ENGLISH)
    write(tmp_path / "MANIFEST.csv", "file,outlet_id\n2024/march.txt,alpha\n")
    (article,) = load_corpus(tmp_path)
    assert article.outlet_id == "alpha"
    assert article.article_id == "march"
    assert article.text == ENGLISH


def test_manifest_html_file_is_converted(tmp_path):
    write(tmp_path / "page.html", f"<html><body><p>{ENGLISH}</p><script>var t = 'TRACKER';</script></body></html>")
    write(tmp_path / "MANIFEST.csv", "file,outlet_id\npage.html,web\n")
    (article,) = load_corpus(tmp_path)
    assert article.text == ENGLISH


# ---------------------------------------------------------------------------
# a folder without a manifest, a single file, load_files
# ---------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Ignored heading</title>
<script type="text/javascript">var tracker = "SECRET_TRACKER_CODE"; document.write("<p>injected words</p>");</script>
<style>body { color: red; }</style></head>
<body><h1>Talks in Geneva</h1>
<p>The delegations met in Geneva on Tuesday and agreed to continue the talks next month.</p>
<p>Officials said the <b>next round</b> would focus on trade &amp; shipping.</p>
<noscript>Please enable JavaScript</noscript>
</body></html>
"""


def test_folder_without_manifest_each_file_its_own_outlet(tmp_path):
    write(tmp_path / "vox.txt", ENGLISH)
    write(tmp_path / "blog.md", "# Notes\n\nThe minister visited the port city and promised new investment in the harbour.\n")
    write(tmp_path / "page.html", HTML_PAGE)
    write(tmp_path / "data.csv", "a,b\n1,2\n")  # not an article: ignored
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")  # ignored, never read
    corpus = load_corpus(tmp_path)
    # sorted by file name, each outlet named after its file stem
    assert [a.outlet_id for a in corpus] == ["blog", "page", "vox"]
    assert [a.article_id for a in corpus] == ["blog", "page", "vox"]
    blog, page, vox = corpus
    assert vox.text == ENGLISH
    assert "The minister visited the port city and promised new investment in the harbour." in blog.text
    # HTML: paragraphs kept, inline tags dropped, entities decoded
    assert "The delegations met in Geneva on Tuesday and agreed to continue the talks next month." in page.text
    assert "Officials said the next round would focus on trade & shipping." in page.text
    # the page's <title> is its title, not a line of its text (a browser shows it on the tab)
    assert page.title == "Ignored heading" and "Ignored heading" not in page.text
    assert (vox.title, blog.title) == ("", "")


def test_a_manifest_title_wins_over_the_html_title(tmp_path):
    write(tmp_path / "page.html", HTML_PAGE)
    write(tmp_path / "MANIFEST.csv", "file,outlet_id,title\npage.html,daily,Talks resume in Geneva\n")
    (page,) = load_corpus(tmp_path)
    assert page.title == "Talks resume in Geneva"
    assert "Ignored heading" not in page.text
    # no markup and no script/style/noscript content reaches the text
    for leaked in ("SECRET_TRACKER_CODE", "tracker", "injected", "document.write", "color", "JavaScript", "<", ">"):
        assert leaked not in page.text, leaked


def test_folder_without_text_files_is_an_error(tmp_path):
    write(tmp_path / "data.csv", "a,b\n1,2\n")
    with pytest.raises(FramingError) as exc:
        load_corpus(tmp_path)
    assert str(tmp_path) in str(exc.value)


def test_single_file_is_one_article_named_after_the_file(tmp_path):
    path = write(tmp_path / "report.txt", ENGLISH)
    corpus = load_corpus(path)
    assert len(corpus) == 1
    (article,) = corpus
    assert article.outlet_id == "report"
    assert article.article_id == "report"
    assert article.outlet == "report"
    assert article.text == ENGLISH
    assert article.source == str(path)


def test_single_html_file(tmp_path):
    corpus = load_corpus(write(tmp_path / "site.htm", HTML_PAGE))
    (article,) = corpus
    assert article.outlet_id == "site"
    assert "SECRET_TRACKER_CODE" not in article.text
    assert "agreed to continue the talks next month." in article.text


def test_load_files_keeps_the_given_order(tmp_path):
    b = write(tmp_path / "b.txt", ENGLISH_2)
    a = write(tmp_path / "a.txt", ENGLISH)
    corpus = load_files([b, a])
    assert [x.outlet_id for x in corpus] == ["b", "a"]


def test_load_files_same_stem_twice_is_a_duplicate(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    one = write(tmp_path / "x" / "news.txt", ENGLISH)
    two = write(tmp_path / "y" / "news.txt", ENGLISH_2)
    with pytest.raises(FramingError) as exc:
        load_files([one, two])
    assert "news" in str(exc.value)


def test_load_files_with_no_files_is_an_error():
    with pytest.raises(FramingError):
        load_files([])


# ---------------------------------------------------------------------------
# html_to_text
# ---------------------------------------------------------------------------

HTML_CASES = [
    ("<p>One.</p><p>Two &amp; three.</p><script>x()</script>", "One.\n\nTwo & three."),
    ("<div>Alpha <i>beta</i> gamma.</div>", "Alpha beta gamma."),
    ("<style>p {margin: 0}</style><p>Text.</p>", "Text."),
    ("Line one<br>Line two", "Line one\n\nLine two"),
    ("<ul><li>First</li><li>Second</li></ul>", "First\n\nSecond"),
    ("<p>a\nb</p>", "a b"),
    ("<P>Upper.</P><SCRIPT>hidden()</SCRIPT>", "Upper."),
    ("<p>Kept.</p><!-- a hidden comment --><p>Also kept.</p>", "Kept.\n\nAlso kept."),
    ("One<br/>Two", "One\n\nTwo"),
    ("<p>Text</p><script>never closed", "Text"),
    ("", ""),
    ("<html><head><title>Tab label</title></head><body><p>Body.</p></body></html>", "Body."),
]


@pytest.mark.parametrize("html, expected", HTML_CASES)
def test_html_to_text(html, expected):
    assert html_to_text(html) == expected


# ---------------------------------------------------------------------------
# Corpus.from_dataframe
# ---------------------------------------------------------------------------


def test_from_dataframe_with_text_and_outlet_id():
    df = pd.DataFrame({"outlet_id": ["x", "y", "x"], "text": [ENGLISH, ENGLISH_2, ENGLISH + " " + ENGLISH_2]})
    corpus = Corpus.from_dataframe(df)
    assert len(corpus) == 3
    assert [a.outlet_id for a in corpus] == ["x", "y", "x"]
    assert corpus.outlets == ["x", "y"]
    # article ids: <outlet_id>-<row number from 1>
    assert [a.article_id for a in corpus] == ["x-1", "y-2", "x-3"]
    assert corpus[0].text == ENGLISH
    assert corpus[1].text == ENGLISH_2
    assert corpus[0].source == "DataFrame row 1"


def test_from_dataframe_metadata_and_custom_columns():
    df = pd.DataFrame(
        {
            "body": [ENGLISH, ENGLISH_2],
            "paper": ["p1", "p2"],
            "id": ["first", "second"],
            "country": ["Ruritania", None],
            "author": ["Jane Roe", "John Doe"],
        }
    )
    corpus = Corpus.from_dataframe(df, text="body", outlet_id="paper", article_id="id")
    assert [a.article_id for a in corpus] == ["first", "second"]
    assert [a.outlet_id for a in corpus] == ["p1", "p2"]
    assert corpus[0].country == "Ruritania"
    assert corpus[1].country == ""  # a missing cell is empty, not "None" or "nan"
    assert [a.author for a in corpus] == ["Jane Roe", "John Doe"]


@pytest.mark.parametrize("columns, missing", [(["outlet_id", "body"], "'text'"), (["text", "source"], "'outlet_id'")])
def test_from_dataframe_missing_column(columns, missing):
    df = pd.DataFrame({columns[0]: ["a"], columns[1]: [ENGLISH]})
    with pytest.raises(FramingError) as exc:
        Corpus.from_dataframe(df)
    assert missing in str(exc.value)
    assert "DataFrame" in str(exc.value)


def test_from_dataframe_empty_text_names_the_row():
    df = pd.DataFrame({"outlet_id": ["x", "y"], "text": [ENGLISH, "   "]})
    with pytest.raises(FramingError, match="DataFrame row 2"):
        Corpus.from_dataframe(df)


def test_from_dataframe_missing_outlet_id_names_the_row():
    df = pd.DataFrame({"outlet_id": ["x", None], "text": [ENGLISH, ENGLISH_2]})
    with pytest.raises(FramingError, match="DataFrame row 2"):
        Corpus.from_dataframe(df)


@pytest.mark.parametrize("ids", [["first", None], ["first", float("nan")], ["first", "  "],
                                 pd.array(["first", None], dtype="string")])  # missing as pandas' NA
def test_from_dataframe_missing_article_id_names_the_row(ids):
    # a missing id is an error, as in a JSON Lines file, not an article called "nan" or "None"
    df = pd.DataFrame({"outlet_id": ["x", "y"], "text": [ENGLISH, ENGLISH_2], "id": ids})
    with pytest.raises(FramingError, match=r"DataFrame row 2: the 'id' column \(the article id\) is empty"):
        Corpus.from_dataframe(df, article_id="id")


def test_from_dataframe_article_ids_may_be_numbers():
    df = pd.DataFrame({"outlet_id": ["x", "y"], "text": [ENGLISH, ENGLISH_2], "id": [17, 18]})
    assert [a.article_id for a in Corpus.from_dataframe(df, article_id="id")] == ["17", "18"]


@pytest.mark.parametrize(
    "data",
    [
        {"text": [ENGLISH], "outlet_id": ["x"]},  # a dict of columns, not a DataFrame
        [{"text": ENGLISH, "outlet_id": "x"}],  # a list of records
    ],
)
def test_from_dataframe_given_something_else(data):
    with pytest.raises(FramingError):
        Corpus.from_dataframe(data)


def test_from_dataframe_without_rows():
    with pytest.raises(FramingError):
        Corpus.from_dataframe(pd.DataFrame({"outlet_id": [], "text": []}))


# ---------------------------------------------------------------------------
# Article.from_text
# ---------------------------------------------------------------------------


def test_article_from_text_defaults():
    a = Article.from_text(ENGLISH, outlet_id="desk")
    assert a.article_id == "desk"
    assert a.outlet == "desk"
    assert a.language == "en"
    assert a.text == ENGLISH
    assert a.raw == ENGLISH


@pytest.mark.parametrize("raw", ["", "   ", "\n\n\t"])
def test_article_from_text_empty(raw):
    with pytest.raises(FramingError, match="empty"):
        Article.from_text(raw, outlet_id="desk")


def test_article_from_text_empty_outlet_id():
    with pytest.raises(FramingError, match="outlet id"):
        Article.from_text(ENGLISH, outlet_id="  ")


def test_article_from_text_unknown_field():
    with pytest.raises(FramingError, match="autor"):
        Article.from_text(ENGLISH, outlet_id="desk", autor="Jane Roe")


# ---------------------------------------------------------------------------
# user mistakes: FramingError naming the file (and the manifest row)
# ---------------------------------------------------------------------------


def test_html_file_with_only_a_script(tmp_path):
    path = write(tmp_path / "blank.html", "<html><script>var x = 1;</script></html>")
    with pytest.raises(FramingError) as exc:
        load_corpus(path)
    assert "blank.html" in str(exc.value)


def test_missing_folder(tmp_path):
    missing = tmp_path / "no_such_folder"
    with pytest.raises(FramingError) as exc:
        load_corpus(missing)
    assert "no_such_folder" in str(exc.value)


def test_missing_file(tmp_path):
    with pytest.raises(FramingError) as exc:
        load_corpus(tmp_path / "gone.txt")
    assert "gone.txt" in str(exc.value)


@pytest.mark.parametrize("content", [b"", b"   \n\n  \n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(FramingError) as exc:
        load_corpus(path)
    assert "empty.txt" in str(exc.value)


def test_empty_file_in_a_folder(tmp_path):
    write(tmp_path / "good.txt", ENGLISH)
    write(tmp_path / "blank.txt", "")
    with pytest.raises(FramingError) as exc:
        load_corpus(tmp_path)
    assert "blank.txt" in str(exc.value)


def test_file_with_nothing_but_menu_items(tmp_path):
    path = write(tmp_path / "menu.txt", "Home\n\nMenu\n\nContact\n")
    with pytest.raises(FramingError) as exc:
        load_corpus(path)
    assert "menu.txt" in str(exc.value)


def test_binary_file(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.4\n\x00\x01\x02\x03binary\x00data")
    with pytest.raises(FramingError) as exc:
        load_corpus(path)
    assert "scan.txt" in str(exc.value)
    assert "binary" in str(exc.value)


def test_non_utf8_file(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("The café in Genève served crème brûlée to the delegates.".encode("latin-1"))
    with pytest.raises(FramingError) as exc:
        load_corpus(path)
    assert "latin.txt" in str(exc.value)
    assert "UTF-8" in str(exc.value)


def test_binary_file_listed_in_manifest(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x00\x00\x00")
    write(tmp_path / "MANIFEST.csv", "file,outlet_id\na.txt,alpha\n")
    with pytest.raises(FramingError) as exc:
        load_corpus(tmp_path)
    assert "a.txt" in str(exc.value)


def test_manifest_row_whose_file_is_missing(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "MANIFEST.csv", "file,outlet_id\na.txt,alpha\nmissing.txt,beta\n")
    with pytest.raises(FramingError) as exc:
        load_corpus(tmp_path)
    msg = str(exc.value)
    assert "MANIFEST.csv" in msg
    assert "row 3" in msg  # header is line 1, a.txt line 2, missing.txt line 3
    assert "missing.txt" in msg


def test_manifest_without_outlet_id_column(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "MANIFEST.csv", "file,outlet\na.txt,Alpha\n")
    with pytest.raises(FramingError) as exc:
        load_corpus(tmp_path)
    msg = str(exc.value)
    assert "MANIFEST.csv" in msg
    assert "outlet_id" in msg
    assert "row 1" in msg


def test_manifest_row_with_empty_outlet_id(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "b.txt", ENGLISH_2)
    write(tmp_path / "MANIFEST.csv", "file,outlet_id\na.txt,alpha\nb.txt,\n")
    with pytest.raises(FramingError) as exc:
        load_corpus(tmp_path)
    msg = str(exc.value)
    assert "MANIFEST.csv" in msg
    assert "row 3" in msg
    assert "outlet_id" in msg


def test_manifest_with_misspelt_column(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "MANIFEST.csv", "file,outlet_id,autor\na.txt,alpha,Jane Roe\n")
    with pytest.raises(FramingError) as exc:
        load_corpus(tmp_path)
    assert "MANIFEST.csv" in str(exc.value)
    assert "autor" in str(exc.value)


def test_manifest_listing_a_file_twice(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "MANIFEST.csv", "file,outlet_id\na.txt,alpha\na.txt,beta\n")
    with pytest.raises(FramingError) as exc:
        load_corpus(tmp_path)
    msg = str(exc.value)
    assert "row 3" in msg
    assert "a.txt" in msg


def test_empty_manifest(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "MANIFEST.csv", "")
    with pytest.raises(FramingError) as exc:
        load_corpus(tmp_path)
    assert "MANIFEST.csv" in str(exc.value)


def test_non_utf8_manifest(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    (tmp_path / "MANIFEST.csv").write_bytes("file,outlet_id,author\na.txt,alpha,Jos\u00e9\n".encode("latin-1"))
    with pytest.raises(FramingError) as exc:
        load_corpus(tmp_path)
    assert "MANIFEST.csv" in str(exc.value)
    assert "UTF-8" in str(exc.value)


def test_manifest_without_rows(tmp_path):
    write(tmp_path / "MANIFEST.csv", "file,outlet_id\n")
    with pytest.raises(FramingError) as exc:
        load_corpus(tmp_path)
    assert "MANIFEST.csv" in str(exc.value)


@pytest.mark.parametrize("escape", ["../x.txt", "sub/../../x.txt"])
def test_manifest_path_escaping_the_folder(tmp_path, escape):
    # the escaping target exists, so only the path check can reject it
    write(tmp_path / "x.txt", ENGLISH)
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    write(folder / "a.txt", ENGLISH_2)
    write(folder / "MANIFEST.csv", f"file,outlet_id\na.txt,alpha\n{escape},evil\n")
    with pytest.raises(FramingError) as exc:
        load_corpus(folder)
    msg = str(exc.value)
    assert "MANIFEST.csv" in msg
    assert "row 3" in msg
    assert escape in msg


def test_manifest_absolute_path(tmp_path):
    outside = write(tmp_path / "x.txt", ENGLISH)
    folder = tmp_path / "corpus"
    folder.mkdir()
    write(folder / "MANIFEST.csv", f"file,outlet_id\n{outside},evil\n")
    with pytest.raises(FramingError) as exc:
        load_corpus(folder)
    assert "row 2" in str(exc.value)
    assert "x.txt" in str(exc.value)


# ---------------------------------------------------------------------------
# language check
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name, text", [("german.txt", GERMAN), ("french.txt", FRENCH)])
def test_non_english_file_warns(tmp_path, name, text):
    path = write(tmp_path / name, text)
    with pytest.warns(FramingWarning, match="does not look like English") as record:
        corpus = load_corpus(path)
    assert len(corpus) == 1  # a warning, not an error
    assert any(name in str(w.message) for w in record if issubclass(w.category, FramingWarning))


@pytest.mark.parametrize("text", [GERMAN, FRENCH])
def test_non_english_article_from_text_warns(text):
    with pytest.warns(FramingWarning, match="does not look like English"):
        Article.from_text(text, outlet_id="foreign")


@pytest.mark.parametrize("text", [ENGLISH, ENGLISH_2, ENGLISH + " " + ENGLISH_2])
def test_english_text_gives_no_warning(tmp_path, text):
    path = write(tmp_path / "english.txt", text)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        load_corpus(path)
        Article.from_text(text, outlet_id="desk")
    assert framing_warnings(record) == []


def test_non_english_in_a_dataframe_warns():
    df = pd.DataFrame({"outlet_id": ["en", "de"], "text": [ENGLISH, GERMAN]})
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        corpus = Corpus.from_dataframe(df)
    messages = framing_warnings(record)
    assert len(corpus) == 2
    assert len(messages) == 1
    assert "DataFrame row 2" in messages[0]
    assert "does not look like English" in messages[0]


def test_manifest_language_not_english_warns(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "MANIFEST.csv", "file,outlet_id,language\na.txt,alpha,de\n")
    with pytest.warns(FramingWarning, match="'de'"):
        load_corpus(tmp_path)


def test_the_quick_non_latin_check_never_misses_a_non_latin_letter():
    import sys

    from framing.corpus import _MAYBE_NON_LATIN, _NON_LATIN_LETTER

    missed = [hex(c) for c in range(sys.maxunicode + 1)
              if _NON_LATIN_LETTER.match(chr(c)) and not _MAYBE_NON_LATIN.match(chr(c))]
    assert missed == []
    # and it lets English text through: ASCII, curly quotes, dashes, accented Latin letters
    assert _MAYBE_NON_LATIN.search("“Café” — it’s naïve… ½ isn’t") is not None  # "½" counts as a letter there
    assert _MAYBE_NON_LATIN.search("“Café” — it’s naïve…") is None
    assert _MAYBE_NON_LATIN.search("Москва") is not None


def test_a_folder_of_documents_framing_cannot_read_says_so(tmp_path):
    for name in ("notes.docx", "report.pdf", "photo.png"):
        (tmp_path / name).write_bytes(b"binary content")
    with pytest.raises(FramingError, match=r"no MANIFEST\.csv and no \.txt, \.md or \.html files in this folder; "
                                           r"it has \.docx, \.pdf files, which framing cannot read: save each "
                                           r"article as plain text \(\.txt\)"):
        load_corpus(tmp_path)


def test_a_folder_of_images_only_gets_no_document_hint(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"binary content")
    with pytest.raises(FramingError, match=r"no \.txt, \.md or \.html files in this folder$"):
        load_corpus(tmp_path)
