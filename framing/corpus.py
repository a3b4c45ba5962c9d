"""Articles and corpora: loading the seeds, a folder, files or a DataFrame.

An :class:`Article` holds the raw text as captured, the cleaned text every
analyzer reads, the cleaning log, and the manifest's metadata. A
:class:`Corpus` is an ordered collection of articles; several articles may
share one outlet, and the tables aggregate them by ``outlet_id``.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from ._resources import read_csv_rows, read_text_file
from .clean import CleaningStep, clean_text
from .errors import FramingError, FramingWarning
from .text import Sentence, english_share, split_sentences, word_count

#: Manifest columns. Only ``file`` and ``outlet_id`` are required.
MANIFEST_COLUMNS = ("file", "outlet_id", "outlet", "country", "ownership", "title", "author", "date", "url", "language")
META_FIELDS = MANIFEST_COLUMNS[2:]
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")

#: Lone UTF-16 surrogates (possible in a Python string, never in a file):
#: they cannot be written as UTF-8, so a report would fail on them.
_SURROGATES = re.compile("[\ud800-\udfff]")
#: Letters, and letters of the Latin alphabet (with its accented forms).
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")


@dataclass(frozen=True)
class Article:
    """One article: raw text, cleaned text, cleaning log and metadata.

    Build one with :meth:`from_text`, which cleans the raw text. ``text`` is
    the cleaned text; every offset any analyzer reports points into it.
    """

    article_id: str
    outlet_id: str
    text: str
    raw: str = ""
    cleaning_log: tuple[CleaningStep, ...] = ()
    outlet: str = ""
    country: str = ""
    ownership: str = ""
    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    language: str = "en"
    source: str = ""

    @classmethod
    def from_text(cls, raw: str, *, outlet_id: str, article_id: str | None = None, source: str = "",
                  clean: bool = True, **meta: str) -> "Article":
        """Clean ``raw`` and build an Article.

        ``meta`` takes the manifest fields (outlet, country, ownership, title,
        author, date, url, language). Raises :class:`FramingError` when the
        text is empty, or nothing is left once the page noise is removed.
        """
        unknown = set(meta) - set(META_FIELDS)
        if unknown:
            raise FramingError(f"{source or 'article'}: unknown field(s) {', '.join(sorted(unknown))}")
        meta = {k: ("" if v is None else _SURROGATES.sub("\ufffd", str(v)).strip()) for k, v in meta.items()}
        outlet_id = _SURROGATES.sub("\ufffd", str(outlet_id))
        article_id = None if article_id is None else _SURROGATES.sub("\ufffd", str(article_id))
        source = _SURROGATES.sub("\ufffd", str(source))
        label = source or article_id or outlet_id
        if not str(outlet_id).strip():
            raise FramingError(f"{label}: the outlet id is empty")
        if not isinstance(raw, str):
            raise FramingError(f"{label}: the text must be a string, not {type(raw).__name__}")
        if not raw or not raw.strip():
            raise FramingError(f"{label}: the text is empty")
        raw = _SURROGATES.sub("\ufffd", raw)  # same length: offsets into the raw text still hold
        if clean:
            result = clean_text(raw, title=meta.get("title"), author=meta.get("author"), outlet=meta.get("outlet"))
            text, log = result.text, result.log
        else:
            text, log = raw.strip(), ()
        if not text.strip():
            raise FramingError(f"{label}: nothing is left once web-page noise is removed; is this an article?")
        meta.setdefault("outlet", str(outlet_id))
        if not meta["outlet"]:
            meta["outlet"] = str(outlet_id)
        meta["language"] = meta.get("language") or "en"
        article = cls(article_id=article_id or str(outlet_id), outlet_id=str(outlet_id).strip(), text=text, raw=raw,
                      cleaning_log=tuple(log), source=source, **meta)
        article._check_language()
        return article

    def _check_language(self) -> None:
        label = self.source or self.article_id
        if not self.language.lower().startswith("en"):
            warnings.warn(f"{label}: the manifest gives language {self.language!r}; framing's scorers are "
                          "English-only, so this article's figures mean little", FramingWarning, stacklevel=3)
            return
        letters = len(_LETTER.findall(self.text))
        latin = len(_LATIN.findall(self.text))
        if letters >= 40 and latin < 0.5 * letters:
            # Chinese or Japanese text has few spaces, so few "words": judge by script
            warnings.warn(f"{label}: does not look like English (only {latin / letters:.0%} of its letters are in the "
                          "Latin alphabet); framing's scorers are English-only, so this article's figures mean little",
                          FramingWarning, stacklevel=3)
            return
        n = word_count(self.text)
        share = english_share(self.text)
        if n >= 20 and share < 0.15:
            warnings.warn(f"{label}: does not look like English (only {share:.0%} of its words are common English "
                          "words); framing's scorers are English-only, so this article's figures mean little",
                          FramingWarning, stacklevel=3)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The cleaned text split into sentences, with offsets."""
        return split_sentences(self.text)

    @cached_property
    def words(self) -> int:
        """Number of word tokens in the cleaned text."""
        return word_count(self.text)

    def meta(self) -> dict[str, str]:
        """The article's metadata as a plain dict (no texts)."""
        return {"article_id": self.article_id, "outlet_id": self.outlet_id,
                **{k: getattr(self, k) for k in META_FIELDS}, "source": self.source}


@dataclass(frozen=True)
class Corpus:
    """An ordered collection of :class:`Article` objects."""

    articles: tuple[Article, ...] = field(default_factory=tuple)

    def __post_init__(self):
        object.__setattr__(self, "articles", tuple(self.articles))
        seen: set[str] = set()
        for a in self.articles:
            if a.article_id in seen:
                raise FramingError(f"{a.source or a.article_id}: duplicate article id {a.article_id!r}")
            seen.add(a.article_id)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, i):
        return self.articles[i]

    @property
    def outlets(self) -> list[str]:
        """Outlet ids in first-seen order."""
        return list(dict.fromkeys(a.outlet_id for a in self.articles))

    @classmethod
    def from_dataframe(cls, df, *, text: str = "text", outlet_id: str = "outlet_id", article_id: str | None = None,
                       clean: bool = True) -> "Corpus":
        """Build a corpus from a DataFrame with one row per article.

        The ``text`` and ``outlet_id`` columns are required; manifest columns
        (outlet, country, ownership, title, author, date, url, language) are
        used when present. Article ids come from ``article_id`` if given, else
        ``<outlet_id>-<row number>``.
        """
        if not (hasattr(df, "columns") and hasattr(df, "iterrows")):
            raise FramingError(f"Corpus.from_dataframe needs a pandas DataFrame, not a {type(df).__name__}; "
                               "try pandas.DataFrame(data) first")
        for col in (text, outlet_id):
            if col not in df.columns:
                raise FramingError(f"DataFrame: missing column {col!r}; it has {', '.join(map(str, df.columns))}")
        articles = []
        for n, (_, row) in enumerate(df.iterrows(), start=1):
            oid = "" if _missing(row[outlet_id]) else str(row[outlet_id])
            aid = str(row[article_id]) if article_id else f"{oid}-{n}"
            meta = {k: ("" if _missing(row[k]) else str(row[k])) for k in META_FIELDS if k in df.columns}
            raw = "" if _missing(row[text]) else str(row[text])
            articles.append(Article.from_text(raw, outlet_id=oid, article_id=aid, source=f"DataFrame row {n}",
                                              clean=clean, **meta))
        if not articles:
            raise FramingError("DataFrame: it has no rows")
        return cls(tuple(articles))

    def to_frame(self):
        """One row per article: metadata, word count and cleaned text."""
        import pandas as pd

        return pd.DataFrame([{**a.meta(), "words": a.words, "text": a.text} for a in self.articles])


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)


class _HTMLText(HTMLParser):
    """Extract readable text from HTML: block elements become line breaks,
    scripts and styles are dropped. No markup is ever kept."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article",
              "header", "footer", "figcaption", "title"}
    SKIP = {"script", "style", "noscript", "template", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data.replace("\n", " "))


def html_to_text(html: str) -> str:
    """Plain text of an HTML page, paragraphs separated by blank lines."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    return re.sub(r"\n{3,}", "\n\n", "".join(parser.parts)).strip()


def _read_article_file(path: Path) -> str:
    text = read_text_file(path)
    if path.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    return text


def _from_manifest(manifest_text: str, source: str, opener, exists) -> list[Article]:
    rows = read_csv_rows(manifest_text, source, required=("file", "outlet_id"), optional=META_FIELDS)
    if not rows:
        raise FramingError(f"{source}: the manifest lists no articles")
    articles, seen = [], {}
    for n, row in rows:
        name = row["file"]
        if name in seen:
            raise FramingError(f"{source}, row {n}: file {name!r} is already listed on row {seen[name]}")
        seen[name] = n
        if Path(name).is_absolute() or ".." in Path(name).parts:
            raise FramingError(f"{source}, row {n}: file {name!r} must be a name inside the manifest's folder")
        if not exists(name):
            raise FramingError(f"{source}, row {n}: file {name!r} not found next to the manifest")
        raw = opener(name)
        meta = {k: row.get(k, "") for k in META_FIELDS}
        articles.append(Article.from_text(raw, outlet_id=row["outlet_id"], article_id=Path(name).stem,
                                          source=name, **meta))
    return articles


def _seeds_root():
    """The seed folder: the installed ``framing.seeds`` package, or, when
    running from a source checkout, the checkout's top-level ``seeds/``."""
    try:
        return resources.files("framing.seeds")
    except ModuleNotFoundError:
        checkout = Path(__file__).resolve().parent.parent / "seeds"
        if (checkout / "MANIFEST.csv").is_file():
            return checkout
        raise FramingError("the bundled seeds are missing; reinstall framing") from None


def load_seeds() -> Corpus:
    """The bundled seed corpus: five articles on Russia–North Korea relations."""
    root = _seeds_root()

    def opener(name: str) -> str:
        return root.joinpath(name).read_text(encoding="utf-8")

    manifest = root.joinpath("MANIFEST.csv").read_text(encoding="utf-8")
    return Corpus(tuple(_from_manifest(manifest, "seeds/MANIFEST.csv", opener, lambda n: root.joinpath(n).is_file())))


def load_corpus(path: str | Path | None = None) -> Corpus:
    """Load a corpus.

    - ``load_corpus()``: the bundled seeds.
    - ``load_corpus(folder)``: the folder's articles. With a ``MANIFEST.csv``
      (columns as in ``seeds/MANIFEST.csv``; only ``file`` and ``outlet_id``
      are required), the manifest's rows; without one, every .txt, .md and
      .html file, each its own outlet named after the file.
    - ``load_corpus(file)``: one article, its outlet named after the file.

    Raises :class:`FramingError` for a missing path, an empty or binary file,
    or a manifest problem (with the manifest's row number).
    """
    if path is None:
        return load_seeds()
    path = Path(path)
    if not path.exists():
        raise FramingError(f"{path}: no such file or folder")
    if path.is_file():
        return load_files([path])
    if not path.is_dir():
        raise FramingError(f"{path}: is neither a regular file nor a folder (a device, pipe or socket?)")
    manifest = path / "MANIFEST.csv"
    if manifest.is_file():
        return Corpus(tuple(_from_manifest(read_text_file(manifest), str(manifest),
                                           lambda n: _read_article_file(path / n),
                                           lambda n: (path / n).is_file())))
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    if not files:
        raise FramingError(f"{path}: no MANIFEST.csv and no .txt, .md or .html files in this folder")
    return load_files(files)


def load_files(paths: Iterable[str | Path]) -> Corpus:
    """One article per file, each its own outlet named after the file."""
    articles = []
    for p in map(Path, paths):
        articles.append(Article.from_text(_read_article_file(p), outlet_id=p.stem, article_id=p.stem, source=str(p)))
    if not articles:
        raise FramingError("no files given")
    return Corpus(tuple(articles))
