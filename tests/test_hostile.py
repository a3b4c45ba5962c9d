"""Hostile and broken input: pathological text, bad files, no network, no code.

The pathological inputs run at sizes that take a few seconds when every stage
is linear and would take minutes if one were quadratic. These tests never
assert on timing (machines differ); ``benchmarks/pathological.py`` prints the
times at two sizes and their ratio to show the linearity.
"""

from __future__ import annotations

import ast
import socket
import urllib.request
import warnings
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.corpus import Article, Corpus, load_corpus
from framing.errors import FramingError, FramingWarning
from framing.quotes import find_scare_quotes
from framing.tables import EvidenceRows
from framing.text import quoted_spans, split_sentences

PACKAGE = Path(framing.__file__).resolve().parent
SENTENCE = "Moscow said the talks were productive, and officials in Pyongyang agreed. "
ACTORS = framing.load_actors()


def _offsets(text: str, items, what: str) -> None:
    for it in items:
        assert 0 <= it.start <= it.end <= len(text), (what, it.start, it.end)
        assert text[it.start:it.end] == it.text, what


def _analyzers(text: str) -> dict:
    """Run every analyzer on ``text`` and check each reported offset."""
    out = {
        "sentences": split_sentences(text),
        "quotes": framing.extract_quotes(text),
        "scare": find_scare_quotes(text),
        "loaded": framing.find_loaded_terms(text),
        "naming": framing.find_naming(text),
        "mentions": ACTORS.find_mentions(text),
    }
    for what, items in out.items():
        _offsets(text, items, what)
    for a, b in quoted_spans(text):
        assert 0 <= a <= b <= len(text)
    cleaned = framing.clean_text(text)
    for step in cleaned.log:
        if step.raw_start is not None:
            assert 0 <= step.raw_start <= step.raw_end <= len(text)
    out["cleaned"] = cleaned
    return out


def _pipeline(text: str):
    """The whole pipeline on one article; returns (article result, analysis)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        article = Article.from_text(text, outlet_id="hostile")
    analyzer = framing.Analyzer()
    result = analyzer.analyze_article(article)
    rows = EvidenceRows(actors=framing.load_actors())  # what Analyzer.analyze does, without a second pass
    rows.add(result)
    analysis = rows.to_analysis()
    for what, items in (("quotes", result.quotes), ("loaded", result.loaded), ("naming", result.naming),
                        ("sentences", article.sentences), ("mentions", [m for m, _, _ in result.mentions])):
        _offsets(article.text, items, what)
    for _, _, ts in result.mentions:
        assert ts.context == article.text[ts.context_start:ts.context_end]
        assert -1 <= ts.score <= 1
    assert list(analysis.summary["outlet"]) == ["hostile"]
    return result, analysis


# ---------------------------------------------------------------------------
# pathological text
# ---------------------------------------------------------------------------

N_MARKS = 100_000
MARKS = {
    "straight": '"' * N_MARKS,
    "curly": "“" * (N_MARKS // 2) + "”" * (N_MARKS // 2),
    "mixed": "".join('"“”‘’\''[i % 6] for i in range(N_MARKS)),
    "unbalanced": "“" * N_MARKS,
    "between words": " ".join('"Russia' if i % 2 else 'said"' for i in range(N_MARKS)),
}


@pytest.mark.parametrize("kind", list(MARKS))
def test_a_hundred_thousand_quotation_marks(kind):
    marks = MARKS[kind]
    assert marks.count('"') + sum(marks.count(c) for c in "“”‘’'") >= N_MARKS
    text = SENTENCE + marks + " " + SENTENCE
    out = _analyzers(text)
    assert all(q.text.strip() for q in out["quotes"])
    if kind == "between words":  # 700 kB of words and marks: the pipeline on a fifth of it
        text = SENTENCE + marks[: len(marks) // 5] + " " + SENTENCE
    result, _ = _pipeline(text)
    assert result.article.text.startswith("Moscow said")


def test_quotes_between_many_speech_verbs_in_one_sentence():
    text = 'Russia said "we will win" and Putin, "they lost" he said, and ' * 5_000
    out = _analyzers(text)
    assert len(out["sentences"]) == 1
    assert out["quotes"]


def test_many_statements_of_an_unnamed_company():
    # "the company" with no company named: each looks back for the last one
    text = "".join(f"Officials in Moscow Region Number {i} met today. The company said it will grow {i} times. "
                   for i in range(6_000))
    quotes = framing.extract_quotes(text)
    _offsets(text, quotes, "quotes")
    assert len(quotes) == 6_000


def test_many_different_speakers_and_pronouns():
    def name(i: int) -> str:
        s, i = "", i + 100
        while i:
            s, i = s + "aeioulmnrst"[i % 11], i // 11
        return "K" + s

    text = "".join(f"Minister Anna {name(i)} said the plan {name(i)} would work. She said {name(i)} twice. "
                   for i in range(6_000))
    quotes = framing.extract_quotes(text)
    _offsets(text, quotes, "quotes")
    assert len({q.speaker for q in quotes}) == 6_000
    assert all(q.speaker == "Anna " + q.text.split()[2] for q in quotes)  # "the plan Kxx would work"


def test_many_according_to_and_participles_in_one_sentence():
    unit = ("the envoy was seen saying that Moscow and Pyongyang had talked, according to officials, "
            "and they also said that ")
    text = unit * 4_000
    out = _analyzers(text)
    assert len(out["sentences"]) == 1 and out["quotes"]


FIVE_MB = 5 * 1024 * 1024
PARAGRAPH_UNIT = "the delegation from Moscow said officials in Pyongyang had talked at length about trade and "


def _paragraph(size: int) -> str:
    return (PARAGRAPH_UNIT * (size // len(PARAGRAPH_UNIT) + 1))[:size]


def test_five_megabyte_paragraph_without_a_sentence_end_text_quote_and_loaded_stages():
    text = _paragraph(FIVE_MB)
    sentences = split_sentences(text)
    assert len(sentences) == 1 and sentences[0].start == 0
    quotes = framing.extract_quotes(text)
    _offsets(text, quotes, "quotes")
    loaded = framing.find_loaded_terms(text)
    _offsets(text, loaded, "loaded")
    assert quoted_spans(text) == []


def test_half_a_megabyte_paragraph_through_every_analyzer():
    text = _paragraph(512 * 1024)
    out = _analyzers(text)
    assert len(out["sentences"]) == 1
    assert len(out["mentions"]) >= 2 * (len(text) // len(PARAGRAPH_UNIT))
    assert out["cleaned"].text == text.strip()


def test_large_paragraph_through_the_whole_pipeline():
    result, analysis = _pipeline(_paragraph(200_000) + ".")
    assert len(result.article.sentences) == 1
    assert {"Russia", "North Korea"} <= set(analysis.actor_sentiment["actor"])


def test_fifty_thousand_nested_parentheses():
    text = "Russia (" * 50_000 + "Putin said the talks went well" + ")" * 50_000 + ". " + SENTENCE
    out = _analyzers(text)
    assert len(out["mentions"]) >= 50_000
    _pipeline(text)


def test_a_million_copies_of_one_alias():
    text = "Russia " * 1_000_000
    mentions = ACTORS.find_mentions(text)
    assert len(mentions) == 1_000_000
    assert {m.actor for m in mentions} == {"Russia"}
    assert mentions[-1].start == len(text) - 7 and mentions[-1].text == "Russia"
    assert len(split_sentences(text)) == 1
    short = text[: len(text) // 10]  # 100,000 copies through the other matchers
    assert framing.find_loaded_terms(short) == []
    assert framing.find_naming(short) == []


def test_many_quoted_loaded_words_and_names():
    # 60,000 quotations, each holding a name and a loaded word: every hit's voice is
    # looked up among 60,000 quote spans (reading them all for each hit never finished)
    text = '"DPRK regime" ' * 60_000
    loaded = framing.find_loaded_terms(text)
    naming = framing.find_naming(text)
    assert len(loaded) == len(naming) == 60_000
    assert {h.voice for h in loaded} == {h.voice for h in naming} == {"quoted"}
    assert loaded[-1].text == "regime" and naming[-1].text == "DPRK"


def test_many_copies_of_one_alias_through_the_pipeline():
    text = SENTENCE + "Russia " * 20_000 + "warned. " + SENTENCE
    _analyzers(text)
    result, _ = _pipeline(text)
    assert sum(1 for m, _, _ in result.mentions if m.actor == "Russia") >= 20_000


@pytest.mark.parametrize("run", [
    "Putin 😀🇷🇺👍🏽 " * 2_000,                             # emoji, flags, skin-tone modifiers
    "😀" * 30_000,                                           # nothing but emoji
    ("Kim" + "\u0301\u0323" * 20 + " said ") * 2_000,       # a pile of combining marks on each word
    "\u0301" * 100_000,                                      # combining marks with nothing to combine with
    "👨‍👩‍👧‍👦" * 20_000,                                   # zero-width joiner sequences
    "\u202e" + "Russia said " * 5_000 + "\u202c",            # bidirectional overrides
])
def test_runs_of_emoji_and_combining_characters(run):
    text = SENTENCE + run + " " + SENTENCE
    _analyzers(text)
    result, _ = _pipeline(text)
    assert result.article.text


def test_many_broken_lines_and_many_paragraphs():
    lines = "Russia warned that the\n" * 4_000
    pars = "".join(f"Officials in Moscow said the summit would deepen ties with Pyongyang, week {i}.\n\n"
                   for i in range(2_000))
    for text in (lines + SENTENCE, pars):
        out = _analyzers(text)
        assert out["cleaned"].text
        _pipeline(text)


def test_a_page_of_many_identical_paragraphs_keeps_one():
    par = "Officials in Moscow said the summit would deepen ties with Pyongyang this week.\n\n"
    cleaned = framing.clean_text(par * 3_000)
    assert cleaned.text == par.strip()
    assert sum(1 for s in cleaned.log if s.step == "duplicate") == 2_999


# ---------------------------------------------------------------------------
# regular expressions: the rewritten packaged patterns match what they did
# ---------------------------------------------------------------------------

def test_packaged_boilerplate_patterns_still_match_what_they_are_for():
    rules = {r.reason: r.pattern for r in framing.clean.load_noise_rules()}
    dateline = rules["a dateline tag such as (VOVWORLD) -"]
    assert dateline.match("(VOVWORLD) - Russia said").end() == len("(VOVWORLD) - ")
    assert dateline.match("(AB) - x") is None
    assert dateline.match("(" + "A" * 50_000) is None
    photo = rules["a photo caption with a credit"]
    assert photo.fullmatch("Kim and Putin in Pyongyang (photo: AFP)")
    assert photo.fullmatch("Kim (left) and Putin (photo: KCNA via Reuters) ")
    assert not photo.fullmatch("Kim (photo: AFP) said on Monday")
    assert not photo.fullmatch("x) " + "(photo:" * 20_000)


# ---------------------------------------------------------------------------
# no network
# ---------------------------------------------------------------------------

def test_nothing_touches_the_network(monkeypatch, tmp_path):
    """Import, analysis and report writing with every socket call refused."""
    import importlib
    import sys

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    with pytest.raises(AssertionError):
        socket.create_connection(("example.org", 80))
    # a fresh import of the package, as a user's first call would do it
    saved = {k: v for k, v in sys.modules.items() if k == "framing" or k.startswith("framing.")}
    for k in saved:
        del sys.modules[k]
    try:
        fresh = importlib.import_module("framing")
        from framing.report import write_report

        analysis = fresh.analyze(fresh.load_corpus())
        paths = write_report(analysis, tmp_path / "report")
        assert paths["html"].is_file() and paths["markdown"].is_file()
        assert (tmp_path / "report" / "tables" / "summary.csv").is_file()
    finally:
        for k in [k for k in sys.modules if k == "framing" or k.startswith("framing.")]:
            del sys.modules[k]
        sys.modules.update(saved)


# ---------------------------------------------------------------------------
# nothing executable loads
# ---------------------------------------------------------------------------

#: Calls that can run code hidden in data.
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "dill", "marshal", "shelve", "joblib", "cloudpickle"}
FORBIDDEN_ATTRS = {("yaml", "load"), ("yaml", "unsafe_load"), ("yaml", "full_load"), ("pd", "read_pickle"),
                   ("pandas", "read_pickle"), ("np", "load"), ("numpy", "load"), ("torch", "load"),
                   ("importlib", "import_module"), ("subprocess", "run"), ("subprocess", "Popen"),
                   ("os", "system"), ("os", "popen")}


def _package_sources():
    return sorted(p for p in PACKAGE.rglob("*.py"))


def _forbidden(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom):
            if (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
                found.append(node.module)
        elif isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in FORBIDDEN_CALLS:
                found.append(f.id)
            elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) \
                    and (f.value.id, f.attr) in FORBIDDEN_ATTRS:
                found.append(f"{f.value.id}.{f.attr}")
            elif isinstance(f, ast.Attribute) and f.attr in ("read_pickle", "unsafe_load"):
                found.append(f.attr)
    return found


def test_the_scan_catches_what_it_looks_for():
    bad = "import pickle\nfrom marshal import loads\neval(x)\nexec(y)\n__import__(z)\nyaml.load(s)\npd.read_pickle(p)\n"
    assert len(_forbidden(ast.parse(bad))) == 7
    assert _forbidden(ast.parse("import json\njson.loads(s)\nre.compile(p)\nast.literal_eval(s)\n")) == []


def test_package_source_has_no_code_loading_from_data():
    sources = _package_sources()
    assert len(sources) > 20
    problems = {str(p.relative_to(PACKAGE)): found for p in sources
                if (found := _forbidden(ast.parse(p.read_text(encoding="utf-8"), str(p))))}
    assert problems == {}


def test_packaged_data_files_are_plain_text():
    data = PACKAGE / "data"
    for p in data.iterdir():
        if p.name.startswith("__") or p.is_dir():
            continue
        assert p.suffix in (".csv", ".toml", ".txt", ".json"), p.name
        raw = p.read_bytes()
        assert b"\x00" not in raw, p.name
        raw.decode("utf-8")


def test_user_data_files_are_parsed_as_data_only(tmp_path):
    """Python code, pickles and YAML tags in user files are read as text and
    either matched literally or rejected; nothing is run."""
    canary = tmp_path / "PWNED"
    payload = f"__import__('os').system('touch {canary}')"
    # an actor whose alias is Python code: just a phrase to match
    actors = _write(tmp_path / "actors.csv", f'actor,alias\nRussia,Moscow\nEvil,"{payload}"\n')
    aset = framing.load_actors(actors)
    assert ("Evil", ((payload, "names"),)) in [(a.name, a.aliases) for a in aset.actors]
    assert [m.actor for m in aset.find_mentions(f"Moscow said {payload} twice.")] == ["Russia", "Evil"]
    # a lexicon term that looks like code is a plain string, or rejected with the file named
    lex = _write(tmp_path / "lexicon.csv", f'term,category,weight,note\n"{payload}",emotive,1,code\n')
    try:
        lexicon = framing.load_lexicon(lex)
    except FramingError as exc:
        assert "lexicon.csv" in str(exc)
    else:
        hits = framing.find_loaded_terms(f"call {payload} now", lexicon=lexicon)
        assert all(h.text in payload for h in hits)
    # a speaker registry with code in it
    speakers = _write(tmp_path / "speakers.csv", f'name,kind,country,role\n"{payload}",person,Russia,official\n')
    try:
        framing.load_speakers(speakers)
    except FramingError as exc:
        assert "speakers.csv" in str(exc)
    # a pickle given as an article is bytes, not an object to load
    import pickle  # the test makes a pickle to show that it is never loaded

    _write(tmp_path / "corpus" / "a.txt", pickle.dumps({"x": 1}))
    with pytest.raises(FramingError, match="binary|UTF-8"):
        load_corpus(tmp_path / "corpus" / "a.txt")
    # YAML-style and Python tags in TOML are strings
    toml = _write(tmp_path / "evil.toml",
                  '[[actor]]\nname = "Russia"\nnames = ["!!python/object/apply:os.system [\\"id\\"]"]\n')
    assert framing.load_actors(toml).actors[0].aliases[0][0].startswith("!!python/object")
    # HTML with scripts: the script's text is dropped, never run
    _write(tmp_path / "page" / "a.html", f"<html><script>{payload}</script><p>{ARTICLE}</p></html>")
    article = load_corpus(tmp_path / "page" / "a.html")[0]
    assert "__import__" not in article.text and article.text.startswith("Russian President")
    assert not canary.exists()


# ---------------------------------------------------------------------------
# bad input: a FramingError that names the file and the problem
# ---------------------------------------------------------------------------

def _write(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


ARTICLE = ("Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with Kim Jong Un. "
           "The two leaders signed a treaty, officials said.")


@pytest.mark.parametrize("data, problem", [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"\x00\x01\x02binary\x00", "binary"),
    (b"\xff\xfeR\x00u\x00s\x00", "UTF-16"),
    (b"Caf\xe9 au lait, officials said.", "UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_unreadable_article_files(tmp_path, data, problem):
    path = _write(tmp_path / "story.txt", data)
    with pytest.raises(FramingError, match=problem) as err:
        load_corpus(path)
    assert "story.txt" in str(err.value)


def test_a_path_that_is_neither_file_nor_folder():
    with pytest.raises(FramingError, match="neither a regular file nor a folder"):
        load_corpus("/dev/null")
    with pytest.raises(FramingError, match="not a regular file"):
        framing.corpus.load_files(["/dev/null"])


@pytest.mark.parametrize("manifest, problem", [
    ("file,outlet_id\n,tass\n", "row 2: the 'file' column is empty"),
    ("file,outlet_id\na.txt,tass\n,yna\n", "row 3: the 'file' column is empty"),
    ("outlet_id,title\ntass,x\n", "missing column(s) file"),
    ("file\na.txt\n", "missing column(s) outlet_id"),
    ("file,outlet_id\na.txt,tass,extra\n", "row 2: 3 cells but the header has 2 columns"),
    ("file,outlet_id\na.txt,tass\na.txt,yna\n", "row 3: file 'a.txt' is already listed on row 2"),
    ("file,outlet_id\nsub/a.txt,tass\nother/a.txt,yna\n", "duplicate article id 'a'"),
    ("file,outlet_id\nmissing.txt,tass\n", "row 2: file 'missing.txt' not found"),
    ("file,outlet_id\nsub,tass\n", "row 2: file 'sub' not found"),
    ('file,outlet_id\n"a.txt,tass\n', "MANIFEST.csv"),
])
def test_manifest_problems_name_the_file_and_row(tmp_path, manifest, problem):
    folder = tmp_path / "corpus"
    for name in ("a.txt", "sub/a.txt", "other/a.txt"):
        _write(folder / name, ARTICLE)
    _write(folder / "MANIFEST.csv", manifest)
    with pytest.raises(FramingError) as err:
        load_corpus(folder)
    assert problem in str(err.value)


def test_binary_manifest(tmp_path):
    _write(tmp_path / "c" / "MANIFEST.csv", b"\x00\x00\x00\x00")
    with pytest.raises(FramingError, match="MANIFEST.csv: looks like a binary file"):
        load_corpus(tmp_path / "c")


@pytest.mark.parametrize("text, problem", [
    ("actor = [1, 2]", "actor #1: each actor must be a [[actor]] table"),
    ("[[actor]]\nname = 5\nnames = ['x']", "actor #1: name must be a string"),
    ("[[actor]]\nname = 'R'\nnames = ['x']\ncountries = [{}]", "actor #1: countries must be a list of strings"),
    ("[[actor]]\nname = 'R'\nnames = ['x']\nside = ['a']", "actor #1: side must be a string"),
    ("[[actor]]\nname = 'R'\nnames = 'x'", "actor #1: names must be a list of strings"),
    ("[[actor\nname = 'R'", "not valid TOML"),
])
def test_malformed_actor_toml(tmp_path, text, problem):
    path = _write(tmp_path / "actors.toml", text)
    with pytest.raises(FramingError) as err:
        framing.load_actors(path)
    assert "actors.toml" in str(err.value) and problem in str(err.value)


@pytest.mark.parametrize("spec, problem", [
    ({"Russia": {"aliases": 5}}, "aliases must be a list of strings"),
    ({"Russia": {"aliases": ["Moscow"], "countries": 5}}, "countries must be a list of strings"),
    ({"Russia": None}, "aliases must be a list of strings"),
])
def test_malformed_actor_dicts(spec, problem):
    with pytest.raises(FramingError, match=problem):
        framing.load_actors(spec)


@pytest.mark.parametrize("loader, name, data, problem", [
    ("load_actors", "actors.csv", "actor,alias\nRussia,Moscow\nRussia,\n", "row 3: the 'alias' column is empty"),
    ("load_actors", "actors.csv", b"actor,alias\nRussia,Moskva\xff\n", "not valid UTF-8"),
    ("load_actors", "actors.csv", "actor,alias\x00\n", "binary"),
    ("load_lexicon", "lexicon.csv", "term,category,weight\nfoo,emotive,heavy\n", "row 2"),
    ("load_lexicon", "lexicon.csv", "term,category,weight\nfoo,emotive,nan\n", "row 2"),
    ("load_lexicon", "lexicon.csv", "", "empty"),
    ("load_speakers", "speakers.csv", "name\n" + "x" * 200_000 + "\n", "speakers.csv"),
    ("load_topic_words", "topic.csv", "word\nnot a word!\n", "row 2"),
])
def test_malformed_data_files_name_file_and_row(tmp_path, loader, name, data, problem):
    path = _write(tmp_path / name, data)
    with pytest.raises(FramingError) as err:
        getattr(framing, loader)(path)
    assert name in str(err.value) and problem in str(err.value)


@pytest.mark.parametrize("pattern", ["a{99999999999}", "(" * 5_000 + ")" * 5_000, "(?P<x>a)(?P<x>b)", "[z-a]"])
def test_boilerplate_rule_that_does_not_compile(pattern):
    text = f'scope,pattern,reason\nline,"{pattern}",bad\n'
    with pytest.raises(FramingError, match="rules.csv, row 2: the pattern is not a valid regular expression"):
        framing.clean.load_noise_rules(text, source="rules.csv")


@pytest.mark.parametrize("value", [None, 5, b"bytes", ["a list"]])
def test_article_text_that_is_not_a_string(value):
    with pytest.raises(FramingError):
        Article.from_text(value, outlet_id="x")


def test_lone_surrogates_do_not_break_the_report(tmp_path):
    # object columns: pandas' pyarrow-backed strings (used when pyarrow is installed) cannot hold surrogates
    df = pd.DataFrame({"text": [ARTICLE + " Broken \ud800 text, he said."], "outlet_id": ["x\udfff"],
                       "title": ["Bad \ud83d title"]}, dtype=object)
    corpus = Corpus.from_dataframe(df)
    a = corpus[0]
    assert "\ud800" not in a.text and "\ufffd" in a.text and len(a.raw) == len(df.text[0])
    assert a.title == "Bad \ufffd title"
    from framing.report import write_report

    write_report(framing.analyze(corpus), tmp_path / "r")
    assert "\ufffd" in (tmp_path / "r" / "report.md").read_text(encoding="utf-8")


def test_hostile_markup_in_an_article_stays_text_in_the_report(tmp_path):
    from html.parser import HTMLParser

    evil = ('<script>alert(1)</script> <img src=x onerror=alert(2)> [link](javascript:alert(3)) '
            '"<b>We will win</b>," Putin said. ')
    corpus = Corpus((Article.from_text(ARTICLE + " " + evil, outlet_id="<i>evil</i>", title="<script>t</script>"),
                     Article.from_text(ARTICLE, outlet_id="plain")))
    from framing.report import write_report

    paths = write_report(framing.analyze(corpus), tmp_path / "r")
    page = paths["html"].read_text(encoding="utf-8")

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags, self.attrs = set(), set()

        def handle_starttag(self, tag, attrs):
            self.tags.add(tag)
            self.attrs |= {k for k, _ in attrs}

    p = Tags()
    p.feed(page)
    assert not {"script", "img"} & p.tags  # the report itself has neither (see test_report.py)
    assert "onerror" not in p.attrs
    assert "<script" not in page and "<img" not in page and "<b>We will win" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript' not in page
    md = paths["markdown"].read_text(encoding="utf-8")
    assert "[link](javascript:" not in md and "\\[link\\](javascript:" in md  # escaped: no live link


# ---------------------------------------------------------------------------
# non-English text: a warning, not an error
# ---------------------------------------------------------------------------

NON_ENGLISH = {
    "chinese": "俄罗斯总统普京周三抵达平壤，与朝鲜领导人金正恩举行会谈。双方签署了全面战略伙伴关系条约。",
    "japanese": "ロシアのプーチン大統領は水曜日に平壌に到着し、金正恩総書記と会談した。両首脳は条約に署名した。",
    "russian": ("Президент России Владимир Путин прибыл в Пхеньян в среду и провёл переговоры с лидером КНДР "
                "Ким Чен Ыном. Стороны подписали договор о всеобъемлющем стратегическом партнёрстве."),
    "arabic": ("وصل الرئيس الروسي فلاديمير بوتين إلى بيونغ يانغ يوم الأربعاء وأجرى محادثات مع الزعيم الكوري "
               "الشمالي كيم جونغ أون. ووقع الجانبان معاهدة شراكة استراتيجية شاملة."),
    "spanish": ("El presidente ruso Vladimir Putin llegó a Pyongyang el miércoles para mantener conversaciones con "
                "el líder norcoreano Kim Jong Un. Los dos firmaron un tratado de asociación estratégica integral."),
}


@pytest.mark.parametrize("language", list(NON_ENGLISH))
def test_non_english_text_warns_and_is_still_analysed(language):
    with pytest.warns(FramingWarning, match="does not look like English"):
        article = Article.from_text(NON_ENGLISH[language], outlet_id=language)
    result = framing.Analyzer().analyze_article(article)
    _offsets(article.text, result.quotes, "quotes")


def test_english_with_a_few_foreign_names_does_not_warn():
    text = ARTICLE + " The Korean name 김정은 and the Russian name Путин appear in the original."
    with warnings.catch_warnings():
        warnings.simplefilter("error", FramingWarning)
        Article.from_text(text, outlet_id="en")


def test_emoji_only_text_is_a_clear_error():
    with pytest.raises(FramingError, match="nothing is left"):
        Article.from_text("😀 🎉 👍\n🇷🇺 🇰🇵", outlet_id="emoji")
