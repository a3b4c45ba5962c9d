"""The HTML and Markdown reports: content, links from figures to passages, escaping."""

import re
from html.parser import HTMLParser

import pandas as pd
import pytest

import framing
from framing.report import render_html, render_markdown, write_report
from framing.report import evidence as ev
from framing.report.articles import marked_article
from framing.report.markdown import md_text


class _Links(HTMLParser):
    """Collects ids, in-page links, tags and the element carrying each id."""

    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.tags = set(), [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.add(a["id"])
        if (a.get("href") or "").startswith("#"):
            self.hrefs.append(a["href"][1:])


def _parse(page: str) -> _Links:
    p = _Links()
    p.feed(page)
    return p


@pytest.fixture(scope="module")
def seeds():
    return framing.analyze(framing.load_corpus())


@pytest.fixture(scope="module")
def seeds_html(seeds):
    return render_html(seeds)


def test_every_in_page_link_of_the_seed_report_has_a_target(seeds_html):
    p = _parse(seeds_html)
    assert len(p.hrefs) > 200
    missing = sorted(set(p.hrefs) - p.ids)
    assert not missing, missing[:5]


def test_report_is_self_contained(seeds_html):
    # no script, no external stylesheet, font or image: nothing to fetch
    p = _parse(seeds_html)
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(p.tags)
    assert not re.search(r"(src|href)\s*=\s*['\"]?(https?:)?//", seeds_html)
    assert "@import" not in seeds_html and "url(" not in seeds_html


def test_report_has_every_section_with_how_to_read_and_limit(seeds_html):
    for sid in ("summary", "actor_sentiment", "quotation_balance", "attribution_verbs", "loaded", "naming",
                "coverage", "frames", "distinctive", "readability", "evidence", "articles"):
        m = re.search(rf"<section id='{sid}'>(.*?)</section>", seeds_html, re.S)
        assert m, sid
        assert "<p class='how'>" in m.group(1) and "<p class='limit'>Limit: " in m.group(1), sid


def _block(page: str, anchor_id: str) -> str:
    """The evidence list with this id (up to its closing div)."""
    m = re.search(rf"<div class='ev' id='{anchor_id}'>(.*?)</div>", page, re.S)
    assert m, anchor_id
    return m.group(1)


def test_sentiment_cell_links_to_its_sentences(seeds, seeds_html):
    # the README: each heatmap cell links to the outlet's sentences about the actor
    row = seeds.actor_sentiment.query("outlet == 'vov' and actor == 'North Korea'").iloc[0]
    target = ev.sentiment_list("vov", "North Korea")
    assert f"href='#{target}'" in seeds_html
    block = _block(seeds_html, target)
    assert block.count("<li>") == row["sentences"]
    # each sentence links into the VOV article, where that sentence is
    first = re.search(r"<li><a href='#([a-z0-9-]+)'>", block).group(1)
    assert re.search(rf"<span class='sent' id='{first}'", seeds_html)


def test_sputnik_quotes_link_and_carry_speakers(seeds_html):
    # Sputnik quotes Dmitry Peskov (README); its quote count links to its quote list
    block = _block(seeds_html, ev.quotes_list("sputnik"))
    assert "Peskov" in block
    # there is no 'US and allies' list for Sputnik: it quotes nobody from that side
    assert f"id='{ev.quotes_list('sputnik', 'US and allies')}'" not in seeds_html
    assert f"id='{ev.quotes_list('koreatimes', 'US and allies')}'" in seeds_html


def test_bihane_has_no_quote_bar(seeds_html):
    section = re.search(r"<section id='quotation_balance'>(.*?)</section>", seeds_html, re.S).group(1)
    assert re.search(r"<th>bihane</th><td><em>no sourced quotes</em></td>", section)


def _tiny_analysis(texts: dict[str, str], **options):
    df = pd.DataFrame({"outlet_id": list(texts), "text": list(texts.values()),
                       "title": [f"Title {o}" for o in texts]})
    return framing.analyze(framing.Corpus.from_dataframe(df), **options)


HOSTILE = ("Russia and North Korea met on Monday. The talks at <script>alert('x')</script> were long. "
           "An image <img src=x onerror=alert(1)> and a table end </table> and a pipe | here. "
           "Officials called the regime | a threat.\n")


@pytest.fixture(scope="module")
def hostile():
    df = pd.DataFrame({"outlet_id": ["evil|outlet", "plain"], "text": [HOSTILE, "Russia and North Korea met."],
                       "title": ["<script>document.title='pwned'</script>", "Plain"]})
    return framing.analyze(framing.Corpus.from_dataframe(df))


def test_hostile_text_is_text_in_html(hostile):
    page = render_html(hostile)
    p = _parse(page)
    assert "script" not in p.tags and "img" not in p.tags
    assert "onerror=alert" not in page.replace("onerror=alert(1)&gt;", "")  # only inside escaped text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;/table&gt;" in page
    # every table the report opens is closed by the report itself
    assert page.count("<table") == page.count("</table>")


def test_hostile_text_is_text_in_markdown(hostile):
    md = render_markdown(hostile)
    assert "<script" not in md and "<img" not in md and "</table>" not in md
    assert "&lt;script&gt;" in md
    # a table row has exactly as many unescaped pipes as its header
    for table in re.findall(r"((?:^\|.*\|\n)+)", md, re.M):
        rows = table.splitlines()
        n = len(re.findall(r"(?<!\\)\|", rows[0]))
        assert all(len(re.findall(r"(?<!\\)\|", r)) == n for r in rows), rows[0]
    assert "evil\\|outlet" in md


@pytest.mark.parametrize("text, expected", [
    ("a|b", "a\\|b"),
    ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
    ("*not* _em_", "\\*not\\* \\_em\\_"),
    ("[link](x)", "\\[link\\](x)"),
    ("# heading", "\\# heading"),
    ("two\nlines", "two lines"),
    (float("nan"), "—"),
    (0.25, "0.25"),
])
def test_markdown_cell_escaping(text, expected):
    assert md_text(text) == expected


@pytest.mark.parametrize("parts", [("vov", "Russia"), ("a b", "c"), ("évil'\"<>", "x y")])
def test_anchor_ids_are_plain(parts):
    assert re.fullmatch(r"[a-z0-9-]+", ev.anchor("k", *parts))


def test_anchor_ids_tell_apart_names_that_differ_in_punctuation():
    assert ev.anchor("sent", "a b", "x") != ev.anchor("sent", "a-b", "x")


def _frame(rows, columns):
    return pd.DataFrame(rows, columns=columns)


def test_marked_article_nests_overlapping_marks_and_escapes():
    text = 'Ann said "a <b> regime" today.'
    #       0123456789012345678901234567890
    quotes = _frame([{"article": "a1", "start": 10, "end": 22, "speaker": "Ann", "speaker_country": "Russia",
                      "speaker_role": "official", "speaker_side": "East", "kind": "direct", "verb": "said",
                      "speaker_start": 0, "speaker_end": 3}], None)
    loaded = _frame([{"article": "a1", "start": 16, "end": 22, "category": "pejorative label", "voice": "quoted",
                      "note": "a <note>"}], None)
    sentences = _frame([], ["article", "actor", "score", "sid", "s_start", "s_end"])
    out = marked_article(text, sentences=sentences, quotes=quotes, loaded=loaded, sides=("East", "West"))
    qid, lid = ev.quote_id("a1", 10), ev.loaded_id("a1", 16)
    tip = "Ann (Russia, official; side: East), direct quote, verb: said"
    assert out == (
        f"<span class='speaker' title='{tip}'>Ann</span> said &quot;"
        f"<span class='q-side0' id='{qid}' title='{tip}'>a &lt;b&gt; </span>"
        f"<span class='q-side0' title='{tip}'><span class='loaded' id='{lid}' "
        "title='pejorative label (quoted voice): a &lt;note&gt;'>regime</span></span>&quot; today.")


def test_marked_article_tints_sentences_without_a_mentions_table():
    text = "Good news. Bad news."
    sentences = _frame([{"article": "a", "actor": "X", "score": 0.5, "sid": "s-a-0", "s_start": 0, "s_end": 10},
                        {"article": "a", "actor": "Y", "score": 0.5, "sid": "s-a-0", "s_start": 0, "s_end": 10}],
                       None)
    empty_q = _frame([], ["article", "start", "end"])
    out = marked_article(text, sentences=sentences, quotes=empty_q, loaded=empty_q, sides=())
    # mean +0.5: green, 255 - 120 * 0.5 = 195 for red and blue, 255 - 40 * 0.5 = 235 for green
    assert out.startswith("<span class='sent' id='s-a-0' title='sentiment in this sentence: X +0.50; Y +0.50' "
                          "style='box-shadow:inset 0 -4px 0 rgb(195,235,195)'>Good news.</span>")
    assert out.endswith(" Bad news.")


def test_report_for_one_outlet_without_quotes_or_actors(tmp_path):
    a = _tiny_analysis({"solo": "The weather was mild on Tuesday. Farmers planted beans in the valley.\n"})
    paths = write_report(a, tmp_path / "r")
    page = paths["html"].read_text(encoding="utf-8")
    # the page says why no actor may be found, and what to do about it
    assert "No actor of the actor set was mentioned." in page and "--actors FILE" in page
    assert "--actors FILE" in paths["markdown"].read_text(encoding="utf-8")
    assert "<th>solo</th><td><em>no sourced quotes</em></td>" in page
    assert "Similarity needs two outlets or more." in page
    md = paths["markdown"].read_text(encoding="utf-8")
    assert "**solo**: no sourced quotes" in md
    p = _parse(page)
    assert not set(p.hrefs) - p.ids


def test_markdown_links_have_targets(seeds):
    md = render_markdown(seeds)
    targets = set(re.findall(r'<a id="([a-z0-9-]+)"></a>', md))
    links = set(re.findall(r"\]\(#([a-z0-9-]+)\)", md))
    assert links and not links - targets


def test_marked_article_tints_mentions_when_the_analysis_has_them():
    text = "Russia met Japan."
    mentions = _frame([{"article": "a", "actor": "Russia", "start": 0, "end": 6, "score": -1.0}], None)
    sentences = _frame([{"article": "a", "actor": "Russia", "score": -1.0, "sid": "s-a-0", "s_start": 0,
                         "s_end": 17}], None)
    empty = _frame([], ["article", "start", "end"])
    out = marked_article(text, sentences=sentences, quotes=empty, loaded=empty, sides=(), mentions=mentions)
    # score -1: full red, 255 + 120 * -1 = 135; the sentence itself is not tinted then
    assert out == ("<span class='sent' id='s-a-0' title='sentiment in this sentence: Russia -1.00'>"
                   "<span class='mention' title='Russia: -1.00' style='background:rgb(255,135,135)'>Russia</span>"
                   "</span><span class='sent' title='sentiment in this sentence: Russia -1.00'> met Japan.</span>")


# -- what's covered and the frame profile ---------------------------------------------------
def _section(page: str, sid: str) -> str:
    return re.search(rf"<section id='{sid}'>(.*?)</section>", page, re.S).group(1)


def test_coverage_cell_links_to_the_outlets_sentences_in_the_article(seeds, seeds_html):
    # the defence pact (claims_expectations.md): NEO reports it in its own voice
    cov = seeds.coverage
    row = cov[(cov["outlet"] == "neo") & cov["evidence"].str.contains("comprehensive strategic partnership agreement")]
    cid = int(row.iloc[0]["claim_id"])
    target = ev.claim_list(cid, "neo")
    section = _section(seeds_html, "coverage")
    assert f"<a href='#{target}'>reported</a>" in section
    block = _block(seeds_html, target)
    assert "comprehensive strategic partnership agreement" in block
    passage = re.search(r"<li><a href='#([a-z0-9-]+)'>", block).group(1)
    assert re.search(rf"<span class='claim' id='{passage}'", seeds_html)
    # an absent outlet's cell is not a link
    assert "<td class='absent'" in section


def test_coverage_lists_what_only_one_outlet_carries(seeds, seeds_html):
    section = _section(seeds_html, "coverage")
    assert "<h3>Only in this outlet</h3>" in section
    only = seeds.exclusive_claims
    first = only[only["outlet"] == "bihane"].iloc[0]
    target = ev.claim_passage_id(first["article"], first["start"])
    assert f"href='#{target}'" in section
    assert re.search(rf"<span class='claim' id='{target}'", seeds_html)


def test_frame_profile_links_each_share_to_its_sentences_and_words(seeds_html):
    section = _section(seeds_html, "frames")
    assert "<p class='how'>" in section and "<p class='limit'>Limit: " in section
    # Bihane's economic sentences (claims_expectations.md: the most economic-frame sentences of the five)
    target = ev.frame_list("bihane", "economic")
    assert f"href='#{target}'" in section and "class='fbar'" in section
    block = _block(seeds_html, target)
    first = re.search(r"<li><a href='#([a-z0-9-]+)'>([^<]+)</a>", block)
    assert first.group(2).strip()  # the indicator words are the link text
    assert re.search(rf"<span class='fsent' id='{first.group(1)}'", seeds_html)


def test_markdown_has_coverage_and_frames(seeds):
    md = render_markdown(seeds)
    assert "## What's covered: claims across outlets" in md and "### Only in this outlet" in md
    assert "## Frame profile" in md
    assert f"(#{ev.frame_list('neo', 'conflict')})" in md


def test_coverage_without_shared_claims_says_so(tmp_path):
    a = _tiny_analysis({"one": "The weather was mild on Tuesday in the northern valley towns.\n",
                        "two": "Farmers planted beans and maize in the southern fields last week.\n"})
    page = render_html(a)
    section = _section(page, "coverage")
    assert "No claim is carried by two outlets or more." in section
    # each outlet carries its own sentence only: both are 'only in this outlet'
    assert "<h4>one</h4>" in section and "<h4>two</h4>" in section
    p = _parse(page)
    assert not set(p.hrefs) - p.ids


def test_report_and_worksheet_when_claims_were_not_aligned(tmp_path, monkeypatch):
    from framing import tables
    from framing.errors import FramingWarning
    from framing.report import write_worksheet

    monkeypatch.setattr(tables, "MAX_STORY_STATEMENTS", 3)  # the seeds' one story is then too large
    with pytest.warns(FramingWarning, match="claims not aligned"):
        a = framing.analyze(framing.load_corpus())
    assert a.coverage.empty
    write_report(a, tmp_path)
    write_worksheet(a, tmp_path)
    section = _section((tmp_path / "report.html").read_text(encoding="utf-8"), "coverage")
    assert "No claim is carried by two outlets or more." in section
    sheet = (tmp_path / "worksheet.html").read_text(encoding="utf-8")
    assert "carries this statement" not in sheet  # the only-in-this-outlet question is left out
    assert "Part 1. Predict, then check" in sheet  # the rest of the sheet is there
