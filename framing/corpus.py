"""Articles and corpora: loading the seeds, a folder, files or a DataFrame.

An :class:`Article` holds the raw text as captured, the cleaned text every
analyzer reads, the cleaning log, and the manifest's metadata. A
:class:`Corpus` is an ordered collection of articles; several articles may
share one outlet, and the tables aggregate them by ``outlet_id``.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import re
import sys
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Generator, Iterable, Iterator, NamedTuple

from ._resources import read_csv_rows, read_text_file, refuse_utf16
from .clean import CleaningStep, clean_text
from .errors import FramingError, FramingWarning
from .text import Sentence, english_words, split_sentences, word_count

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
_NON_LATIN_LETTER = re.compile(r"(?![A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff])[^\W\d_]")


def _none_of(pattern: re.Pattern, blocks: tuple[tuple[int, int], ...]) -> re.Pattern:
    """A pattern for any character outside the characters of ``blocks``
    that ``pattern`` does not match: where it finds nothing, neither can
    ``pattern`` (and a simple class is quicker to scan for)."""
    ok = [c for lo, hi in blocks for c in range(lo, hi + 1) if not pattern.match(chr(c))]
    ranges, start = [], ok[0]
    for prev, c in zip(ok, ok[1:] + [None]):
        if c != prev + 1:
            ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
            start = c
    return re.compile("[^" + "".join(ranges) + "]")


#: Any character that could be a non-Latin letter: none of ASCII, Latin-1, Latin Extended A/B and
#: Additional, or General Punctuation that _NON_LATIN_LETTER leaves alone.
_MAYBE_NON_LATIN = _none_of(_NON_LATIN_LETTER, ((0, 0x24F), (0x1E00, 0x1EFF), (0x2000, 0x206F)))


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
        # letters outside the Latin alphabet are few or none in English text: count those first,
        # and all letters only when there are some (a list of every letter costs more than the check)
        other = len(_NON_LATIN_LETTER.findall(self.text)) if _MAYBE_NON_LATIN.search(self.text) else 0
        latin = len(_LATIN.findall(self.text)) if other else 0
        letters = latin + other
        if other and letters >= 40 and latin < 0.5 * letters:
            # Chinese or Japanese text has few spaces, so few "words": judge by script
            warnings.warn(f"{label}: does not look like English (only {latin / letters:.0%} of its letters are in the "
                          "Latin alphabet); framing's scorers are English-only, so this article's figures mean little",
                          FramingWarning, stacklevel=3)
            return
        n, share = english_words(self.text)
        self.__dict__["words"] = n  # the cached property's value: counted once for the check and for the tables
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
        for col in (text, outlet_id, article_id):
            if col is not None and col not in df.columns:
                raise FramingError(f"DataFrame: missing column {col!r}; it has {', '.join(map(str, df.columns))}")
        meta_cols = [k for k in META_FIELDS if k in df.columns]
        # column by column, as plain Python values: a row Series would guess one
        # dtype for the whole row, and pyarrow-backed strings refuse surrogates
        cols = [df[c].tolist() for c in (text, outlet_id, *([article_id] if article_id else []), *meta_cols)]
        articles = []
        for n, values in enumerate(zip(*cols), start=1):
            raw_value, oid_value, *rest = values
            oid = "" if _missing(oid_value) else str(oid_value)
            aid = (_article_id(rest.pop(0), f"DataFrame row {n}", f"the {article_id!r} column (the article id)")
                   if article_id else f"{oid}-{n}")
            meta = {k: ("" if _missing(v) else str(v)) for k, v in zip(meta_cols, rest)}
            raw = "" if _missing(raw_value) else str(raw_value)
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
    """None, NaN, or pandas' NA and NaT (the missing values of its nullable and pyarrow-backed columns)."""
    return (value is None or (isinstance(value, float) and value != value)
            or type(value).__name__ in ("NAType", "NaTType"))


class _HTMLText(HTMLParser):
    """Extract readable text from HTML: block elements become line breaks,
    scripts and styles are dropped. No markup is ever kept. The page's
    ``<title>`` (the browser tab's label, not part of the page's text) is
    kept apart, in ``title``."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article",
              "header", "footer", "figcaption"}
    SKIP = {"script", "style", "noscript", "template", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.skipping = 0
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag == "title":
            self.in_title = True
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self.skipping:
            return
        (self.title_parts if self.in_title else self.parts).append(data.replace("\n", " "))


def _html_page(html: str) -> tuple[str, str]:
    """The text of an HTML page (paragraphs separated by blank lines) and its title."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    return re.sub(r"\n{3,}", "\n\n", "".join(parser.parts)).strip(), " ".join("".join(parser.title_parts).split())


def html_to_text(html: str) -> str:
    """Plain text of an HTML page, paragraphs separated by blank lines (the
    ``<title>`` is not part of it)."""
    return _html_page(html)[0]


def _read_article_file(path: Path) -> tuple[str, str]:
    """An article file's text and, for an HTML page, its ``<title>`` ('' otherwise)."""
    text = read_text_file(path)
    if path.suffix.lower() in (".html", ".htm"):
        return _html_page(text)
    return text, ""


def _file_article(path: Path, fields: dict) -> "Article":
    """The article of one file; an HTML page's ``<title>`` is its title unless
    ``fields`` (a manifest row) gives one."""
    text, page_title = _read_article_file(path)
    if page_title and not fields.get("title"):
        fields = {**fields, "title": page_title}
    return Article.from_text(text, **fields)


def _manifest_entries(manifest_text: str, source: str, exists) -> list[tuple[str, dict]]:
    """Check a manifest and list its articles as ``(file name, keyword
    arguments for Article.from_text)`` pairs, without reading any article:
    every row is checked (columns, duplicates, paths, that the file exists)
    before the first file is opened."""
    rows = read_csv_rows(manifest_text, source, required=("file", "outlet_id"), optional=META_FIELDS)
    if not rows:
        raise FramingError(f"{source}: the manifest lists no articles")
    entries, seen = [], {}
    for n, row in rows:
        name = row["file"]
        if name in seen:
            raise FramingError(f"{source}, row {n}: file {name!r} is already listed on row {seen[name]}")
        seen[name] = n
        if Path(name).is_absolute() or ".." in Path(name).parts:
            raise FramingError(f"{source}, row {n}: file {name!r} must be a name inside the manifest's folder")
        if not exists(name):
            raise FramingError(f"{source}, row {n}: file {name!r} not found next to the manifest")
        meta = {k: row.get(k, "") for k in META_FIELDS}
        entries.append((name, dict(outlet_id=row["outlet_id"], article_id=Path(name).stem, source=name, **meta)))
    return entries


def _from_manifest(manifest_text: str, source: str, make, exists) -> list[Article]:
    """The articles a manifest lists; ``make(name, fields)`` reads one."""
    return [make(name, fields) for name, fields in _manifest_entries(manifest_text, source, exists)]


def _folder_files(path: Path) -> list[Path]:
    """The article files of a folder without a manifest, sorted by name."""
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    if not files:
        others = sorted({p.suffix.lower() for p in path.iterdir() if p.suffix.lower() in _OFFICE_SUFFIXES})
        hint = (f"; it has {', '.join(others)} files, which framing cannot read: save each article as plain "
                "text (.txt) or a web page (.html)") if others else ""
        raise FramingError(f"{path}: no MANIFEST.csv and no .txt, .md or .html files in this folder{hint}")
    return files


#: Document kinds a teacher may have articles in, which framing does not read (named in the error).
_OFFICE_SUFFIXES = frozenset((".docx", ".doc", ".pdf", ".odt", ".rtf", ".pages", ".epub"))


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

    def make(name: str, fields: dict) -> Article:
        return Article.from_text(root.joinpath(name).read_text(encoding="utf-8"), **fields)

    manifest = root.joinpath("MANIFEST.csv").read_text(encoding="utf-8")
    return Corpus(tuple(_from_manifest(manifest, "seeds/MANIFEST.csv", make, lambda n: root.joinpath(n).is_file())))


def load_corpus(path: str | Path | None = None) -> Corpus:
    """Load a corpus.

    - ``load_corpus()``: the bundled seeds.
    - ``load_corpus(folder)``: the folder's articles. With a ``MANIFEST.csv``
      (columns as in ``seeds/MANIFEST.csv``; only ``file`` and ``outlet_id``
      are required), the manifest's rows; without one, every .txt, .md and
      .html file, each its own outlet named after the file.
    - ``load_corpus(file)``: one article, its outlet named after the file; or,
      for a .jsonl, .ndjson, .parquet, .csv or .tsv file, a table of articles,
      one per line or row, read as :func:`iter_articles` reads it (columns
      ``text`` and ``outlet_id``, and the manifest columns when present).

    Raises :class:`FramingError` for a missing path, an empty or binary file,
    or a manifest problem (with the manifest's row number).
    """
    if path is None:
        return load_seeds()
    path = Path(path)
    if not path.exists():
        raise FramingError(f"{path}: no such file or folder")
    if path.is_file():
        return load_files([path])  # one article, or a table of articles (one per row or line)
    if not path.is_dir():
        raise FramingError(f"{path}: is neither a regular file nor a folder (a device, pipe or socket?)")
    manifest = path / "MANIFEST.csv"
    if manifest.is_file():
        return Corpus(tuple(_from_manifest(read_text_file(manifest), str(manifest),
                                           lambda n, fields: _file_article(path / n, fields),
                                           lambda n: (path / n).is_file())))
    return load_files(_folder_files(path))


def load_files(paths: Iterable[str | Path]) -> Corpus:
    """One article per file, each its own outlet named after the file; a
    .jsonl, .ndjson, .parquet, .csv or .tsv file gives its table of articles
    (see :func:`iter_articles`)."""
    articles = []
    for p in map(Path, paths):
        if p.suffix.lower() in TABLE_SUFFIXES and p.is_file():
            articles.extend(iter_articles(p))
        else:
            articles.append(_file_article(p, dict(outlet_id=p.stem, article_id=p.stem, source=str(p))))
    if not articles:
        raise FramingError("no files given")
    return Corpus(tuple(articles))


# ---------------------------------------------------------------------------
# streaming: one article at a time from a JSONL or Parquet file or a folder
# ---------------------------------------------------------------------------

#: File kinds :func:`iter_articles` reads as tables of articles, one per record.
JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)
#: A spreadsheet saved as CSV (comma-separated) or TSV (tab-separated), with a header row.
CSV_SUFFIXES = (".csv", ".tsv")
TABLE_SUFFIXES = JSONL_SUFFIXES + PARQUET_SUFFIXES + CSV_SUFFIXES
#: A JSONL line longer than this is refused rather than held in memory: no
#: article is that long, so the file is most likely not JSON Lines at all.
MAX_JSONL_LINE_BYTES = 64 * 2**20
#: Rows per Parquet record batch: a few hundred articles' texts at a time.
PARQUET_BATCH_ROWS = 256


def iter_articles(source, *, text: str = "text", outlet_id: str = "outlet_id", article_id: str | None = None,
                  progress: bool | None = None) -> Iterator[Article]:
    """Yield the articles of a large corpus one at a time, reading as it goes.

    ``source`` is a path:

    - a ``.jsonl`` / ``.ndjson`` file: one JSON object per line, one article
      per object. Blank lines are skipped. Fields are read as
      :meth:`Corpus.from_dataframe` reads columns: ``text`` and ``outlet_id``
      name the required fields, the manifest fields (outlet, country,
      ownership, title, author, date, url, language) are used when present,
      and other fields are ignored. The article id is the ``article_id``
      field when that option is given, else ``<outlet_id>-<line number>``
      (the line of the file, from 1, blank lines counted), which is the same
      as ``from_dataframe``'s ``<outlet_id>-<row number>`` for a file without
      blank lines. Each article's ``source`` is ``"<file>, line <n>"``.
    - a ``.parquet`` file (needs pyarrow: ``pip install "framing[parquet]"``):
      the same fields as columns, read in record batches of
      :data:`PARQUET_BATCH_ROWS` rows and only the columns needed; the article
      id is the ``article_id`` column, else ``<outlet_id>-<row number>``.
    - a ``.csv`` or ``.tsv`` file (a spreadsheet saved as comma- or
      tab-separated text, UTF-8): a header row naming the same fields as
      columns, then one article per row (a cell may span lines inside
      quotation marks); the article id is the ``article_id`` column, else
      ``<outlet_id>-<row number>`` (rows counted from 1 under the header).
      Cells beyond the header's columns are ignored.
    - a folder: the articles ``load_corpus(folder)`` would load, with its
      ``MANIFEST.csv`` if there is one, else each .txt, .md and .html file as
      its own outlet; or a single .txt, .md or .html file, as one article.
      ``text``, ``outlet_id`` and ``article_id`` do not apply here.

    Memory: only the current article is held, plus the current line of a
    JSONL file, the current record batch of a Parquet file (pyarrow may hold
    the current row group's chunks of the columns read), a folder's manifest
    or file list, and the set of article ids seen so far (to refuse
    duplicates, as :class:`Corpus` does). Each folder file is read and cleaned
    only when its article is yielded.

    ``progress``: a tqdm bar on standard error, by bytes for a JSONL file, by
    rows for a Parquet or CSV file and by files for a folder. ``None`` (the default)
    shows it only when standard error is a terminal; ``True`` or ``False``
    force it on or off.

    Errors are :class:`FramingError`, naming the file and, where there is
    one, the line (JSONL), row (Parquet, manifest) or batch. Problems found
    without reading the articles (a missing path, an unsupported kind of
    file, pyarrow missing, a Parquet file without the ``text`` column, a
    manifest problem or a file the manifest lists that does not exist) are
    raised by the call itself; problems in a record (bad JSON, a line that
    is not an object, a missing or empty text or outlet field, a text that
    is not a string, a duplicate id, an unreadable or empty article file)
    are raised when iteration reaches that record,
    after the articles before it have been yielded. A source with no
    articles at all is an error too.
    """
    return _unique_ids(_pending_articles(source, text=text, outlet_id=outlet_id, article_id=article_id,
                                         progress=progress))


def _pending_articles(source, *, text: str = "text", outlet_id: str = "outlet_id", article_id: str | None = None,
                      progress: bool | None = None) -> Iterator["_Pending"]:
    """What :func:`iter_articles` reads, as :class:`_Pending` articles: read
    from the file but not yet parsed or cleaned, so that a worker process can
    do that part (``Analyzer(n_jobs=...)``). Checks that need no article
    happen here, at the call."""
    if not isinstance(source, (str, os.PathLike)):
        raise FramingError("iter_articles needs the path of a .jsonl, .ndjson, .parquet, .csv or .tsv file or of "
                           f"a folder, not a {type(source).__name__}")
    for name, value in (("text", text), ("outlet_id", outlet_id)):
        if not isinstance(value, str) or not value:
            raise FramingError(f"iter_articles: {name}= must name a field, not {value!r}")
    if article_id is not None and (not isinstance(article_id, str) or not article_id):
        raise FramingError(f"iter_articles: article_id= must name a field or be None, not {article_id!r}")
    path = Path(source)
    if not path.exists():
        raise FramingError(f"{path}: no such file or folder")
    suffix = path.suffix.lower()
    if path.is_file() and suffix in TABLE_SUFFIXES:
        fields = _Fields(text, outlet_id, article_id)
        if suffix in JSONL_SUFFIXES:
            return (_iter_jsonl(path, fields, progress))
        if suffix in CSV_SUFFIXES:
            delimiter = "\t" if suffix == ".tsv" else ","
            _csv_header(path, fields, delimiter)
            return (_iter_csv(path, fields, delimiter, progress))
        columns, rows = _parquet_plan(path, fields)
        return (_iter_parquet(path, fields, columns, rows, progress))
    if (text, outlet_id, article_id) != ("text", "outlet_id", None):
        raise FramingError(f"{path}: text=, outlet_id= and article_id= name the fields of a JSONL, Parquet or CSV "
                           "file; a folder's articles take theirs from its files and MANIFEST.csv")
    if path.is_dir():
        manifest = path / "MANIFEST.csv"
        if manifest.is_file():
            entries = [(path / name, fields) for name, fields in
                       _manifest_entries(read_text_file(manifest), str(manifest), lambda n: (path / n).is_file())]
        else:
            entries = [(p, dict(outlet_id=p.stem, article_id=p.stem, source=str(p))) for p in _folder_files(path)]
        return (_iter_files(entries, path.name or str(path), progress))
    if not path.is_file():
        raise FramingError(f"{path}: is neither a regular file nor a folder (a device, pipe or socket?)")
    if suffix in TEXT_SUFFIXES:
        entries = [(path, dict(outlet_id=path.stem, article_id=path.stem, source=str(path)))]
        return (_iter_files(entries, path.name, progress))
    raise FramingError(f"{path}: cannot stream a {suffix or 'suffix-less'} file; iter_articles reads .jsonl, .ndjson, "
                       ".parquet, .csv and .tsv files, folders, and single .txt, .md or .html files")


@dataclass(frozen=True)
class _Fields:
    """The field names :func:`iter_articles` was told to read."""

    text: str
    outlet_id: str
    article_id: str | None


class _Pending(NamedTuple):
    """One article as read from a streamed source, before it is parsed and
    cleaned (plain data, so it can be sent to a worker process)."""

    kind: str      # "json": a JSONL line; "record": a Parquet row; "file": an article file
    data: object   # the line (bytes), the row (dict) or the file's path
    fields: object  # _Fields for a line or row; Article.from_text's keyword arguments for a file
    number: int    # line or row number, for the default article id
    where: str     # the source, for messages

    def article(self) -> "Article":
        if self.kind == "json":
            return _record_article(_json_object(self.data, self.where), self.fields, self.number, self.where)
        if self.kind == "record":
            return _record_article(self.data, self.fields, self.number, self.where)
        return _file_article(self.data, self.fields)


def _progress_bar(progress: bool | None, **options):
    """A tqdm bar on standard error, or None (see ``iter_articles``)."""
    stream = sys.stderr
    if progress is None:
        show = bool(getattr(stream, "isatty", lambda: False)())
    else:
        show = bool(progress)
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(file=stream, leave=False, **options)


def _unique_ids(pending: Generator[_Pending, None, None]) -> Iterator[Article]:
    """Parse and clean each pending article, refusing an article id seen before."""
    seen: set[str] = set()
    try:
        for item in pending:
            article = item.article()
            if article.article_id in seen:
                raise FramingError(f"{article.source}: duplicate article id {article.article_id!r} "
                                   "(an earlier article has the same id)")
            seen.add(article.article_id)
            yield article
    finally:
        pending.close()  # the reader's file and progress bar, when the caller stops early


def _value(record: dict, name: str, where: str) -> str:
    """A record's field as text (see :func:`_text_value`)."""
    return _text_value(record[name], where, f"the {name!r} field")


def _text_value(value, where: str, what: str) -> str:
    """A user's value as text: '' for a missing one, an error for a list or
    dict (``what`` names the field or column for the message)."""
    if _missing(value):
        return ""
    if isinstance(value, (dict, list, tuple, set, bytes, bytearray)):
        raise FramingError(f"{where}: {what} must be a single value, not {type(value).__name__}")
    return str(value)


def _article_id(value, where: str, what: str) -> str:
    """An article id given in a user's field or column (``what`` names it
    for the message): text, never empty or blank."""
    aid = _text_value(value, where, what)
    if not aid.strip():
        raise FramingError(f"{where}: {what} is empty")
    return aid


def _field_names(record: dict) -> str:
    names = [n if len(n) <= 40 else n[:37] + "..." for n in map(str, list(record)[:10])]
    return ", ".join(names) + (", ..." if len(record) > 10 else "") if names else "no fields"


def _record_article(record: dict, fields: _Fields, number: int, where: str) -> Article:
    """The article of one JSONL object or Parquet row (``number`` is its
    line or row number, for the default article id)."""
    for name in (fields.text, fields.outlet_id, fields.article_id):
        if name is not None and name not in record:
            raise FramingError(f"{where}: no {name!r} field; it has {_field_names(record)}")
    raw = record[fields.text]
    if _missing(raw):
        raw = ""
    if not isinstance(raw, str):
        raise FramingError(f"{where}: the {fields.text!r} field must be a string, not {type(raw).__name__}")
    oid = _value(record, fields.outlet_id, where)
    if fields.article_id is None:
        aid = f"{oid}-{number}"
    else:
        aid = _article_id(record[fields.article_id], where, f"the {fields.article_id!r} field (the article id)")
    meta = {k: _value(record, k, where) for k in META_FIELDS if k in record}
    return Article.from_text(raw, outlet_id=oid, article_id=aid, source=where, **meta)


_JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true or false",
               type(None): "null"}


def _iter_jsonl(path: Path, fields: _Fields, progress: bool | None) -> Iterator[_Pending]:
    try:
        stream = open(path, "rb")
    except OSError as exc:
        raise FramingError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    bar = _progress_bar(progress, total=os.fstat(stream.fileno()).st_size, desc=path.name, unit="B", unit_scale=True,
                        unit_divisor=1024)
    n = found = 0
    try:
        with stream:
            while True:
                try:
                    line = stream.readline(MAX_JSONL_LINE_BYTES + 1)
                except OSError as exc:
                    raise FramingError(f"{path}, line {n + 1}: cannot be read ({exc.strerror or exc})") from None
                if not line:
                    break
                n += 1
                where = f"{path}, line {n}"
                if len(line) > MAX_JSONL_LINE_BYTES and not line.endswith(b"\n"):
                    raise FramingError(f"{where}: longer than {MAX_JSONL_LINE_BYTES:,} bytes; a JSON Lines file "
                                       "has one article per line")
                if bar is not None:
                    bar.update(len(line))
                if n == 1:
                    refuse_utf16(path, line)
                    line = line.removeprefix(b"\xef\xbb\xbf")
                if not line.strip():
                    continue
                found += 1
                yield _Pending("json", line, fields, n, where)
    finally:
        if bar is not None:
            bar.close()
    if not found:
        raise FramingError(f"{path}: no articles (the file is empty or has only blank lines)")


def _open_csv(path: Path):
    """The CSV file as text (UTF-8, a byte-order mark dropped), or a FramingError."""
    try:
        with open(path, "rb") as fh:
            refuse_utf16(path, fh.read(2), 'UTF-8 ("CSV UTF-8")')
        return open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise FramingError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _csv_rows(path: Path, fh, delimiter: str):
    """csv.DictReader over ``fh`` whose decoding and format errors become FramingErrors
    naming the file and line. Fields up to MAX_JSONL_LINE_BYTES characters are
    read (csv's own limit, 131,072, is shorter than a long article)."""
    reader = csv.DictReader(fh, delimiter=delimiter)
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, MAX_JSONL_LINE_BYTES))
    try:
        while True:
            try:
                row = next(reader, None)
            except UnicodeDecodeError:  # text is decoded a block at a time, so no line can be named
                raise FramingError(f"{path}: is not valid UTF-8; save the file as UTF-8 (\"CSV UTF-8\") and try "
                                   "again") from None
            except csv.Error as exc:
                raise FramingError(f"{path}, line {reader.line_num}: not readable as CSV ({exc})") from None
            if row is None:
                return
            yield reader, row
    finally:
        csv.field_size_limit(limit)


def _csv_header(path: Path, fields: _Fields, delimiter: str) -> None:
    """Check a CSV file's header for the fields ``iter_articles`` reads, at the call."""
    with _open_csv(path) as fh:
        rows = _csv_rows(path, fh, delimiter)
        try:
            reader, _ = next(rows)
            names = reader.fieldnames or []
        except StopIteration:
            raise FramingError(f"{path}: no articles (the file has no rows under its header)") from None
        finally:
            rows.close()
    for name in (fields.text, fields.outlet_id, fields.article_id):
        if name is not None and name not in names:
            sep = "tab" if delimiter == "\t" else "comma"
            raise FramingError(f"{path}: its header has no {name!r} column; it has "
                               f"{', '.join(repr(n) for n in names[:10]) or 'no columns'} (read as {sep}-separated)")


def _iter_csv(path: Path, fields: _Fields, delimiter: str, progress: bool | None) -> Iterator[_Pending]:
    bar = _progress_bar(progress, desc=path.name, unit="row")
    n = 0
    try:
        with _open_csv(path) as fh:
            for _, row in _csv_rows(path, fh, delimiter):
                n += 1
                if bar is not None:
                    bar.update(1)
                record = {k: v for k, v in row.items() if k is not None}  # cells beyond the header are ignored
                yield _Pending("record", record, fields, n, f"{path}, row {n}")
    finally:
        if bar is not None:
            bar.close()


def _json_object(line: bytes, where: str) -> dict:
    """One JSONL line as a dict, or a FramingError saying what is wrong."""
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FramingError(f"{where}: is not valid UTF-8 (bad byte at position {exc.start} of the line); "
                           "save the file as UTF-8 and try again") from None
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise FramingError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise FramingError(f"{where}: not readable as JSON (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise FramingError(f"{where}: not readable as JSON ({exc})") from None
    if not isinstance(record, dict):
        kind = _JSON_KINDS.get(type(record), type(record).__name__)
        raise FramingError(f"{where}: expected a JSON object ({{...}}) with the article's fields, found {kind}")
    return record


def _import_pyarrow():
    """pyarrow and pyarrow.parquet, imported only when a Parquet file is read."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise FramingError('reading Parquet files needs pyarrow, which is not installed; install it with '
                           '"pip install pyarrow" or "pip install framing[parquet]"') from None
    return pyarrow, pyarrow.parquet


def _parquet_plan(path: Path, fields: _Fields) -> tuple[list[str], int]:
    """Check a Parquet file's columns from its metadata, without reading rows;
    return the columns to read and the number of rows."""
    pa, pq = _import_pyarrow()
    try:
        parquet = pq.ParquetFile(path)
        try:
            names = list(parquet.schema_arrow.names)
            rows = parquet.metadata.num_rows
        finally:
            parquet.close()
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise FramingError(f"{path}: cannot be read as a Parquet file ({exc})") from None
    for name in (fields.text, fields.outlet_id, fields.article_id):
        if name is not None and name not in names:
            raise FramingError(f"{path}: missing column {name!r}; it has {', '.join(names) or 'no columns'}")
    if not rows:
        raise FramingError(f"{path}: no articles (the file has no rows)")
    wanted = [fields.text, fields.outlet_id, fields.article_id, *META_FIELDS]
    return [c for c in dict.fromkeys(wanted) if c is not None and c in names], rows


def _iter_parquet(path: Path, fields: _Fields, columns: list[str], total: int,
                  progress: bool | None) -> Iterator[_Pending]:
    pa, pq = _import_pyarrow()
    errors = (pa.ArrowException, OSError, ValueError)
    try:
        parquet = pq.ParquetFile(path)
    except errors as exc:
        raise FramingError(f"{path}: cannot be read as a Parquet file ({exc})") from None
    bar = _progress_bar(progress, total=total, desc=path.name, unit="row")
    row = 0
    try:
        batches = parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns)
        for batch_number in itertools.count(1):
            try:
                batch = next(batches, None)
                records = [] if batch is None else batch.to_pylist()
            except errors as exc:
                raise FramingError(f"{path}, batch {batch_number} (from row {row + 1}): cannot be read "
                                   f"({exc})") from None
            if batch is None:
                break
            for record in records:
                row += 1
                if bar is not None:
                    bar.update(1)
                yield _Pending("record", record, fields, row, f"{path}, row {row}")
    finally:
        parquet.close()
        if bar is not None:
            bar.close()


def _iter_files(entries: list[tuple[Path, dict]], desc: str, progress: bool | None) -> Iterator[_Pending]:
    """One article file at a time (read and cleaned when its article is made)."""
    bar = _progress_bar(progress, total=len(entries), desc=desc, unit="file")
    try:
        for n, (file, fields) in enumerate(entries, start=1):
            if bar is not None:
                bar.update(1)
            yield _Pending("file", file, fields, n, str(file))
    finally:
        if bar is not None:
            bar.close()
