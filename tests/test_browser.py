"""The report and the worksheet in a real browser: Debian's Chromium, headless.

Driven with Playwright against the system's ``chromium`` (Playwright's own
browser download is never used). Under ``CI=true`` a missing browser or
Playwright is a failure; elsewhere the tests skip with the reason.

Set ``FRAMING_SCREENSHOT_DIR`` to keep the summary screenshot; otherwise it is
written to pytest's temporary folder.
"""

import base64
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.report import write_report, write_worksheet


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (required under CI=true: .ci/run installs Debian's chromium)")
    pytest.skip(reason)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    _unavailable("Chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install '.[test]')")
    exe = _chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


class Watched:
    """A page that records console errors, page errors, dialogs and requests."""

    def __init__(self, browser, url: str, **options):
        self.page = browser.new_page(viewport={"width": 1200, "height": 900}, **options)
        self.errors, self.requests, self.dialogs = [], [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = url
        self.page.goto(url)
        self.page.wait_for_load_state("load")


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    write_report(framing.analyze(framing.load_corpus()), out)
    return out / "report.html"


def _distinct_colours(page, png: bytes) -> int:
    """Count the distinct pixel colours of a PNG, decoded by the browser itself."""
    data = "data:image/png;base64," + base64.b64encode(png).decode()
    return page.evaluate("""async (src) => {
        const img = new Image(); img.src = src; await img.decode();
        const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
        const g = c.getContext('2d'); g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, c.width, c.height).data; const seen = new Set();
        for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        return seen.size; }""", data)


def test_report_renders_offline_without_errors(browser, seed_report, tmp_path):
    w = Watched(browser, seed_report.as_uri())
    page = w.page
    assert page.title() == "framing report"
    assert page.locator("#summary table tbody tr").count() == 5  # one row per seed outlet
    assert page.locator("#actor_sentiment table.heat td a").count() > 20
    assert w.errors == []
    assert w.requests == [w.url]  # the file itself, nothing else: no font, image, script or stylesheet
    shot = page.locator("#summary").screenshot()
    folder = Path(os.environ.get("FRAMING_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report-summary.png").write_bytes(shot)
    # a blank or single-colour picture would mean nothing was drawn
    blank = Watched(browser, "about:blank")
    assert _distinct_colours(blank.page, shot) > 10


def test_a_student_can_click_from_a_figure_to_its_sentence(browser, seed_report):
    w = Watched(browser, seed_report.as_uri())
    page = w.page
    # the VOV row's figure for North Korea, in the heatmap
    cell = page.locator("#actor_sentiment table.heat tr", has_text="vov").locator("td a").first
    cell.click()
    target = page.evaluate("location.hash")
    assert target.startswith("#sent-vov-")
    listing = page.locator(target)
    assert listing.is_visible() and listing.locator("li").count() >= 1
    listing.locator("li a").first.click()
    sentence = page.locator(page.evaluate("location.hash"))
    assert sentence.is_visible()
    assert sentence.evaluate("e => e.closest('.article') !== null")  # it lands in the article text
    box = sentence.bounding_box()
    assert 0 <= box["y"] < 900  # scrolled into view
    assert w.errors == [] and w.requests == [w.url]


def test_quote_hover_text_names_the_speaker(browser, seed_report):
    w = Watched(browser, seed_report.as_uri())
    title = w.page.locator(".article [class^='q-'][title*='Peskov']").first.get_attribute("title")
    assert "Peskov" in title and "Russia" in title


def test_hostile_article_stays_text_in_the_browser(browser, tmp_path):
    df = pd.DataFrame({"outlet_id": ["evil", "plain"],
                       "title": ["<script>alert('title')</script>", "Plain"],
                       "text": ["Russia and North Korea met. <script>alert('x')</script> Then "
                                "<img src=nowhere onerror=alert(1)> and </table> | done.\n",
                                "Russia and North Korea met again on Friday.\n"]})
    write_report(framing.analyze(framing.Corpus.from_dataframe(df)), tmp_path)
    w = Watched(browser, (tmp_path / "report.html").as_uri())
    page = w.page
    assert w.dialogs == [] and w.errors == []
    assert page.locator("script").count() == 0 and page.locator("img").count() == 0
    assert "<script>alert('x')</script>" in page.locator(".article").first.inner_text()
    assert w.requests == [w.url]  # the <img> was not loaded: it is text


def test_worksheet_prints_cleanly(browser, tmp_path):
    paths = write_worksheet(framing.analyze(framing.load_corpus()), tmp_path)
    for path in paths.values():
        w = Watched(browser, path.as_uri())
        page = w.page
        page.emulate_media(media="print")
        assert w.errors == [] and w.requests == [w.url]
        assert page.locator(".q").count() >= 5
        # questions and tables are never split across pages, and nothing is wider than the page
        assert page.evaluate("[...document.querySelectorAll('.q, table')]"
                             ".every(e => getComputedStyle(e).breakInside === 'avoid')")
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 5000
