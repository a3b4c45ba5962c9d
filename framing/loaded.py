"""Loaded language and naming choices, with the voice they appear in.

Two questions about the words of an article:

* **Which loaded words does it use?** :func:`find_loaded_terms` looks up the
  words and phrases of a lexicon (``framing/data/lexicon.csv``) — words that
  carry a judgement beyond their literal content: "regime" for a government,
  "puppet", "cancer tumor", "brave leadership", "so-called", "claimed". Each
  :class:`LoadedHit` is one occurrence, with the entry's category and weight.
* **Which names does it choose?** :func:`find_naming` counts, for a set of
  concepts, which of their competing names the text uses: "DPRK" or "North
  Korea" or "Pyongyang"; "special military operation", "invasion" or "war";
  "defense pact" or "comprehensive strategic partnership treaty". Each
  :class:`NamingHit` is one occurrence of one variant.

Every hit also says in whose **voice** it stands: ``"quoted"`` when it lies
inside a quotation (the article reports someone else's words) and ``"own"``
otherwise (the outlet's own wording, which includes paraphrase unless the
caller passes the spans of indirect quotes too).

Weights. A lexicon weight runs from just above 0 to 3 and measures how
strongly a word carries judgement: 0.5 is mild ("transactional", "extremely"),
1 clearly loaded ("regime", "claimed"), 2 strong ("puppet", "dictator"), 3 a
slur or incitement ("vermin", "sea of fire"). Higher always means more
loaded. The weight has no sign: whether a word praises or condemns is told by
its category (``laudatory`` against ``pejorative label`` and the rest).

Limits. Matching is by surface form: there is no sense disambiguation
("cancer" in a health story is a hit), no negation ("not a puppet" is a hit)
and no knowledge of who a word is applied to. The lexicon is English, written
by framing's authors for news on politics, international affairs, crime,
immigration, the economy, culture-war topics, health and the environment, and
its weights are our editorial judgement, not a calibrated measure. On the
BABE word-level media-bias labels (used for measurement only, never as a
source of entries; see ``benchmarks/babe.py``) it finds 38% of the words
annotators marked, and 43% of the words it flags were marked (test split,
token F1 0.40): many loaded words are missed, and many hits are words
annotators did not judge biased in context. Bare naming forms ("war", "conflict",
"invasion", "dictator") count every mention and so assume the article is
about the story the concept belongs to; blockers in the data files remove the
commonest other senses ("Cold War", "North Korean", "visit to Pyongyang").
Voice is only as good as the quote spans: with the default
:func:`framing.text.quoted_spans`, unpaired quotation marks leave their words
in the outlet's own voice.

Secondary signal. With ``secondary=True``, :func:`find_loaded_terms` also
flags single words that VADER's general-purpose sentiment lexicon scores at
least ``vader_threshold`` in absolute valence, that are not in the lexicon and
not in the topic-word stoplist (``framing/data/loaded_topic_words.csv``: words
any article on a story uses whatever its stance, such as war, death, support,
missile). These hits have category ``"vader_valence"`` and the low weight
:data:`SECONDARY_WEIGHT`; they are a secondary signal, off by default, because
VADER measures how pleasant a word is, not whether it carries judgement.

Data-file format (both files): forms are ``|``-separated; a form written all
in lower case matches in any case, a form with a capital letter matches
exactly as written; a space matches any whitespace and a hyphen a hyphen or a
space; a form starting with ``!`` is a *blocker* whose matches are not counted.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from ._resources import packaged_text, read_csv_rows, read_text_file, split_list
from .errors import FramingError
from .text import WORD_RE, PhraseMatcher, SpanCover, TextWords, _canon, quoted_spans

__all__ = [
    "CATEGORIES",
    "MAX_WEIGHT",
    "SECONDARY_CATEGORY",
    "SECONDARY_WEIGHT",
    "VADER_THRESHOLD",
    "LoadedHit",
    "NamingHit",
    "LexiconEntry",
    "NamingVariant",
    "Lexicon",
    "Naming",
    "load_lexicon",
    "load_naming",
    "load_topic_words",
    "find_loaded_terms",
    "find_naming",
]

#: The fixed set of lexicon categories.
CATEGORIES: tuple[str, ...] = (
    "pejorative label",
    "laudatory",
    "threat/fear",
    "hyperbole/intensifier",
    "dehumanising metaphor",
    "euphemism",
    "doubt-casting verb",
    "emotive verb",
    "demeaning term",
    "partisan label",
)

#: Highest allowed lexicon weight; weights lie in (0, MAX_WEIGHT].
MAX_WEIGHT = 3.0

#: Category of the secondary VADER hits; not a lexicon category.
SECONDARY_CATEGORY = "vader_valence"

#: Weight of every secondary VADER hit: below any clearly loaded lexicon word.
SECONDARY_WEIGHT = 0.5

#: Default |valence| (VADER's scale runs from -4 to +4) from which a word is a
#: secondary hit. Chosen on the BABE dev split (see benchmarks/babe.py).
VADER_THRESHOLD = 3.0

LEXICON_FILE = "lexicon.csv"
NAMING_FILE = "naming.csv"
TOPIC_FILE = "loaded_topic_words.csv"

_CONCEPT_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
# A loaded word negated by a joined "non-" prefix is not a hit: "non-aggressive".
_NEGATING_PREFIX = re.compile(r"(?<!\w)non[-‐‑]", re.IGNORECASE)


# --------------------------------------------------------------------- hits


@dataclass(frozen=True)
class LoadedHit:
    """One occurrence of a lexicon entry in a text.

    ``text[start:end]`` is the matched string as written. ``term`` is the
    entry's headword (the same for every inflection), ``category`` and
    ``weight`` come from the entry (weight: higher is more loaded, see the
    module docstring; a secondary VADER hit has category
    :data:`SECONDARY_CATEGORY`, weight :data:`SECONDARY_WEIGHT` and the
    lower-cased word as its term), ``voice`` is ``"quoted"`` when the match lies inside a
    quote span and ``"own"`` otherwise, and ``note`` says why the term is
    loaded.
    """

    start: int
    end: int
    text: str
    term: str
    category: str
    weight: float
    voice: str
    note: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class NamingHit:
    """One occurrence of a naming variant: ``text[start:end]`` names ``concept``
    by ``variant`` (e.g. concept ``north_korea``, variant ``DPRK``), in the
    outlet's ``"own"`` or a ``"quoted"`` voice."""

    start: int
    end: int
    text: str
    concept: str
    variant: str
    voice: str

    def to_dict(self) -> dict:
        return asdict(self)


# ----------------------------------------------------------------- entries


@dataclass(frozen=True)
class LexiconEntry:
    """One row of a lexicon: a headword, the forms that count as it, and why."""

    term: str
    forms: tuple[str, ...]
    category: str
    weight: float
    note: str = ""
    blockers: tuple[str, ...] = ()
    source: str = ""
    row: int = 0


@dataclass(frozen=True)
class NamingVariant:
    """One row of a naming table: a variant of a concept and its surface forms."""

    concept: str
    variant: str
    forms: tuple[str, ...]
    blockers: tuple[str, ...] = ()
    source: str = ""
    row: int = 0


def _ignore_case(form: str) -> bool:
    """A form written all in lower case matches in any case."""
    return not any(c.isupper() for c in form)


def _form_key(form: str) -> tuple[bool, str]:
    """The key under which the phrase matcher treats two forms as the same."""
    ic = _ignore_case(form)
    key = _canon(form)
    return ic, key.lower() if ic else key


def _parse_forms(cell: str, default: str, source: str, n: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split a forms cell into (forms, blockers); an empty cell means ``default``.

    Forms that the matcher would treat as one ("witch hunt", "witch-hunt") are
    merged, keeping the hyphenated one, which matches both spellings.
    """
    forms: dict[tuple[bool, str], str] = {}
    blockers: dict[tuple[bool, str], str] = {}
    for part in split_list(cell):
        table = forms
        if part.startswith("!"):
            part, table = part[1:].strip(), blockers
            if not part:
                raise FramingError(f"{source}, row {n}: a '!' blocker must be followed by the text to block")
        if not re.search(r"[^\W_]", part):
            raise FramingError(f"{source}, row {n}: the form {part!r} has no letters or digits")
        key = _form_key(part)
        if key not in table or "-" in part:
            table[key] = part
    if not forms:
        if not re.search(r"[^\W_]", default):
            raise FramingError(f"{source}, row {n}: {default!r} has no letters or digits")
        forms[_form_key(default)] = default
    clash = set(forms) & set(blockers)
    if clash:
        raise FramingError(f"{source}, row {n}: {forms[next(iter(clash))]!r} is both a form and a blocker")
    return tuple(forms.values()), tuple(blockers.values())


# ----------------------------------------------------------------- lexicon


class Lexicon:
    """A validated set of :class:`LexiconEntry`, ready for matching.

    Entries are kept in precedence order: when two entries claim the same form,
    the later one wins (so a user's file, loaded after the packaged one,
    overrides it).
    """

    def __init__(self, entries: Iterable[LexiconEntry]):
        self._entries = tuple(entries)
        self._matcher: PhraseMatcher | None = None

    @property
    def entries(self) -> tuple[LexiconEntry, ...]:
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[LexiconEntry]:
        return iter(self._entries)

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.get(term) is not None

    def get(self, term: str) -> LexiconEntry | None:
        """The entry whose headword is ``term`` (ignoring case), or None."""
        folded = term.casefold()
        for e in reversed(self._entries):
            if e.term.casefold() == folded:
                return e
        return None

    def category_counts(self) -> dict[str, int]:
        """Number of entries per category, in :data:`CATEGORIES` order."""
        counts = {c: 0 for c in CATEGORIES}
        for e in self._entries:
            counts[e.category] += 1
        return counts

    def matcher(self) -> PhraseMatcher:
        if self._matcher is None:
            phrases: list[tuple[str, Any, bool]] = []
            for e in reversed(self._entries):  # the matcher keeps the first of equal phrases
                phrases += [(f, e, _ignore_case(f)) for f in e.forms]
                phrases += [(b, None, _ignore_case(b)) for b in e.blockers]
            self._matcher = PhraseMatcher(phrases)
        return self._matcher

    def __repr__(self) -> str:
        return f"Lexicon({len(self._entries)} entries)"


def parse_lexicon(text: str, source: str) -> list[LexiconEntry]:
    """Read and validate lexicon CSV text (columns term, forms, category, weight, note).

    Raises :class:`FramingError` naming ``source`` and the row for an unknown
    category, a weight that is not a number in (0, 3], an empty term, a form
    without letters, a term listed twice, or a form claimed by two entries.
    """
    entries: list[LexiconEntry] = []
    terms: dict[str, int] = {}
    owners: dict[tuple[bool, str], tuple[str, int]] = {}
    for n, row in read_csv_rows(text, source, required=("term", "category", "weight"), optional=("forms", "note")):
        term = row["term"]
        if row["category"] not in CATEGORIES:
            raise FramingError(
                f"{source}, row {n}: unknown category {row['category']!r}; expected one of: {', '.join(CATEGORIES)}"
            )
        try:
            weight = float(row["weight"])
        except ValueError:
            raise FramingError(f"{source}, row {n}: the weight must be a number, not {row['weight']!r}") from None
        if not (math.isfinite(weight) and 0 < weight <= MAX_WEIGHT):
            raise FramingError(
                f"{source}, row {n}: the weight must be greater than 0 and at most {MAX_WEIGHT:g}, not {row['weight']}"
            )
        folded = term.casefold()
        if folded in terms:
            raise FramingError(f"{source}, row {n}: the term {term!r} is already defined in row {terms[folded]}")
        terms[folded] = n
        forms, blockers = _parse_forms(row.get("forms", ""), term, source, n)
        for f in forms + blockers:
            key = _form_key(f)
            if key in owners:
                other, m = owners[key]
                raise FramingError(f"{source}, row {n}: the form {f!r} is already listed for {other!r} in row {m}")
            owners[key] = (term, n)
        entries.append(LexiconEntry(term, forms, row["category"], weight, row.get("note", ""), blockers, source, n))
    return entries


@lru_cache(maxsize=1)
def _packaged_lexicon() -> Lexicon:
    return Lexicon(parse_lexicon(packaged_text(LEXICON_FILE), LEXICON_FILE))


def load_lexicon(path: str | Path | None = None, *, extend: bool = True) -> Lexicon:
    """Load the loaded-language lexicon.

    With no ``path``, the packaged ``lexicon.csv``. With a ``path`` to a user
    CSV of the same columns: when ``extend`` is true its entries are added to
    the packaged ones, and an entry whose term matches a packaged term
    (ignoring case) replaces it wholesale; when ``extend`` is false the user
    file is the whole lexicon.
    """
    if path is None:
        return _packaged_lexicon()
    user = parse_lexicon(read_text_file(path), str(path))
    if not extend:
        return Lexicon(user)
    replaced = {e.term.casefold() for e in user}
    base = [e for e in _packaged_lexicon() if e.term.casefold() not in replaced]
    return Lexicon(base + user)


# ------------------------------------------------------------------ naming


class Naming:
    """A validated naming table: concepts and their competing variants.

    Each concept is searched separately, so one stretch of text can name two
    concepts ("DPRK leader" names ``north_korea`` and ``kim_title``). Within a
    concept, matches do not overlap and the longest wins.
    """

    def __init__(self, variants: Iterable[NamingVariant]):
        self._variants = tuple(variants)
        self._matchers: dict[str, PhraseMatcher] | None = None
        self._leads: frozenset[bytes] | None = None

    @property
    def variants(self) -> tuple[NamingVariant, ...]:
        return self._variants

    @property
    def concepts(self) -> tuple[str, ...]:
        """Concept names in the order they first appear."""
        return tuple(dict.fromkeys(v.concept for v in self._variants))

    def variants_of(self, concept: str) -> tuple[NamingVariant, ...]:
        return tuple(v for v in self._variants if v.concept == concept)

    def __len__(self) -> int:
        return len(self._variants)

    def __iter__(self) -> Iterator[NamingVariant]:
        return iter(self._variants)

    def matchers(self) -> dict[str, PhraseMatcher]:
        if self._matchers is None:
            self._matchers = {}
            for concept in self.concepts:
                phrases: list[tuple[str, Any, bool]] = []
                for v in reversed(self.variants_of(concept)):  # later rows take precedence
                    phrases += [(f, v, _ignore_case(f)) for f in v.forms]
                    phrases += [(b, None, _ignore_case(b)) for b in v.blockers]
                self._matchers[concept] = PhraseMatcher(phrases)
        return self._matchers

    def lead_words(self) -> frozenset[bytes]:
        """The lead words of all the concepts' matchers (see :class:`framing.text.TextWords`)."""
        if self._leads is None:
            self._leads = frozenset().union(*(m.lead_words for m in self.matchers().values()))
        return self._leads

    def __repr__(self) -> str:
        return f"Naming({len(self.concepts)} concepts, {len(self._variants)} variants)"


def parse_naming(text: str, source: str) -> list[NamingVariant]:
    """Read and validate naming CSV text (columns concept, variant, forms).

    Raises :class:`FramingError` naming ``source`` and the row for a concept
    that is not a lower-case identifier, an empty variant, a variant listed
    twice for a concept, or a form claimed twice within a concept.
    """
    variants: list[NamingVariant] = []
    seen: dict[tuple[str, str], int] = {}
    owners: dict[tuple[str, tuple[bool, str]], tuple[str, int]] = {}
    for n, row in read_csv_rows(text, source, required=("concept", "variant"), optional=("forms",)):
        concept, variant = row["concept"], row["variant"]
        if not _CONCEPT_RE.match(concept):
            raise FramingError(
                f"{source}, row {n}: the concept {concept!r} must be a lower-case identifier such as north_korea"
            )
        if (concept, variant) in seen:
            raise FramingError(
                f"{source}, row {n}: {concept} variant {variant!r} is already defined in row {seen[concept, variant]}"
            )
        seen[concept, variant] = n
        forms, blockers = _parse_forms(row.get("forms", ""), variant, source, n)
        for f in forms + blockers:
            key = (concept, _form_key(f))
            if key in owners:
                other, m = owners[key]
                raise FramingError(
                    f"{source}, row {n}: the form {f!r} is already listed for {concept} variant {other!r} in row {m}"
                )
            owners[key] = (variant, n)
        variants.append(NamingVariant(concept, variant, forms, blockers, source, n))
    return variants


@lru_cache(maxsize=1)
def _packaged_naming() -> Naming:
    return Naming(parse_naming(packaged_text(NAMING_FILE), NAMING_FILE))


def load_naming(path: str | Path | None = None, *, extend: bool = True) -> Naming:
    """Load the naming table.

    With no ``path``, the packaged ``naming.csv``. With a ``path`` to a user
    CSV of the same columns: when ``extend`` is true its rows are added to the
    packaged ones, and a row with the same concept and variant replaces the
    packaged row; when ``extend`` is false the user file is the whole table.
    """
    if path is None:
        return _packaged_naming()
    user = parse_naming(read_text_file(path), str(path))
    if not extend:
        return Naming(user)
    replaced = {(v.concept, v.variant) for v in user}
    base = [v for v in _packaged_naming() if (v.concept, v.variant) not in replaced]
    return Naming(base + user)


# ------------------------------------------------------------- topic words


def parse_topic_words(text: str, source: str) -> frozenset[str]:
    """Read and validate a topic-word stoplist (columns word, note).

    Each ``word`` is one word (letters or digits, inner hyphens or
    apostrophes allowed), matched in any case. Raises :class:`FramingError`
    naming ``source`` and the row for a cell that is not one word or a word
    listed twice.
    """
    words: dict[str, int] = {}
    for n, row in read_csv_rows(text, source, required=("word",), optional=("note",)):
        word = row["word"]
        if not WORD_RE.fullmatch(word):
            raise FramingError(f"{source}, row {n}: {word!r} is not a single word")
        folded = word.casefold()
        if folded in words:
            raise FramingError(f"{source}, row {n}: the word {word!r} is already listed in row {words[folded]}")
        words[folded] = n
    return frozenset(words)


@lru_cache(maxsize=1)
def _packaged_topic_words() -> frozenset[str]:
    return parse_topic_words(packaged_text(TOPIC_FILE), TOPIC_FILE)


def load_topic_words(path: str | Path | None = None, *, extend: bool = True) -> frozenset[str]:
    """Load the topic-word stoplist of the secondary VADER signal.

    With no ``path``, the packaged ``loaded_topic_words.csv``. With a user CSV
    of the same columns, its words are added to the packaged ones, or replace
    them when ``extend`` is false. Words are returned case-folded.
    """
    if path is None:
        return _packaged_topic_words()
    user = parse_topic_words(read_text_file(path), str(path))
    return user | _packaged_topic_words() if extend else user


@lru_cache(maxsize=1)
def _vader_lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


# ------------------------------------------------------------------ search


def _spans(text: str, quote_spans: Sequence | None) -> list[tuple[int, int]]:
    """Quote spans as (start, end) pairs; the default is :func:`quoted_spans`.

    Items may be pairs or objects with ``start`` and ``end`` attributes.
    """
    if quote_spans is None:
        return quoted_spans(text)
    out = []
    for s in quote_spans:
        if hasattr(s, "start") and hasattr(s, "end") and not isinstance(s, (tuple, list)):
            out.append((int(s.start), int(s.end)))
        else:
            start, end = s
            out.append((int(start), int(end)))
    return out


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise FramingError(f"text must be a string, not {type(text).__name__}")


def _number(name: str, value: object, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise FramingError(f"{name} must be a number, not {value!r}")
    if not low <= value <= high:
        raise FramingError(f"{name} must be between {low:g} and {high:g}, not {value!r}")
    return float(value)


def find_loaded_terms(
    text: str,
    *,
    lexicon: Lexicon | None = None,
    quote_spans: Sequence | None = None,
    min_weight: float = 0.0,
    secondary: bool = False,
    vader_threshold: float = VADER_THRESHOLD,
    topic_words: Iterable[str] | None = None,
) -> list[LoadedHit]:
    """Find the loaded words and phrases of ``lexicon`` in ``text``.

    Returns one :class:`LoadedHit` per occurrence, left to right. Matches
    respect word boundaries, never overlap, and prefer the longest phrase
    ("cancer tumor" over "cancer"); a word negated by a joined "non-" prefix
    does not count ("non-aggressive" is not "aggressive"). ``quote_spans``
    are the spans counted as quoted voice (default: the text's paired
    quotation marks); a hit inside one is ``"quoted"``, otherwise ``"own"``.

    ``min_weight`` (0 to 3) drops lexicon entries lighter than it. With
    ``secondary=True`` single words outside the lexicon whose VADER valence
    is at least ``vader_threshold`` in absolute value (0 to 4) are added as
    category :data:`SECONDARY_CATEGORY` with weight :data:`SECONDARY_WEIGHT`,
    except words in ``topic_words`` (default: the packaged topic stoplist) and
    words inside a lexicon match or a blocked phrase.
    """
    _check_text(text)
    min_weight = _number("min_weight", min_weight, 0.0, MAX_WEIGHT)
    lexicon = lexicon if lexicon is not None else load_lexicon()
    spans = SpanCover(_spans(text, quote_spans))
    hits = []
    taken: list[tuple[int, int]] = []
    for start, end, s, _, e in lexicon.matcher().spans(text):
        taken.append((start, end))
        if e is None:  # a blocker
            continue
        if start >= 4 and (neg := _NEGATING_PREFIX.match(text, start - 4)) and neg.end() == start:
            continue
        if e.weight < min_weight:
            continue
        voice = "quoted" if spans.holds(start, end) else "own"
        hits.append(LoadedHit(start, end, s, e.term, e.category, e.weight, voice, e.note))
    if secondary:
        threshold = _number("vader_threshold", vader_threshold, 0.0, 4.0)
        stop = load_topic_words() if topic_words is None else frozenset(w.casefold() for w in topic_words)
        hits += _secondary_hits(text, spans, taken, threshold, stop)
        hits.sort(key=lambda h: h.start)
    return hits


def _secondary_hits(text: str, spans: SpanCover, taken: list, threshold: float,
                    stop: frozenset[str]) -> list[LoadedHit]:
    """Words with |VADER valence| >= threshold outside ``taken`` and ``stop``."""
    taken_cover = SpanCover(taken)
    vader = _vader_lexicon()
    out = []
    for m in WORD_RE.finditer(text):
        word = m.group().lower().replace("’", "'")
        valence = vader.get(word)
        if valence is None or abs(valence) < threshold or word in stop:
            continue
        if taken_cover.covered(m.start(), m.end()):
            continue
        voice = "quoted" if spans.holds(m.start(), m.end()) else "own"
        note = f"VADER valence {valence:+.1f}; secondary signal, not a lexicon entry"
        out.append(LoadedHit(m.start(), m.end(), m.group(), word, SECONDARY_CATEGORY, SECONDARY_WEIGHT, voice, note))
    return out


def find_naming(
    text: str, *, naming: Naming | None = None, quote_spans: Sequence | None = None
) -> list[NamingHit]:
    """Find which variant names each concept of ``naming`` in ``text``.

    Returns one :class:`NamingHit` per occurrence, ordered by position (then
    concept). Proper names match case-sensitively as written in the table, so
    "North Korea" does not match inside "North Korean". A name joined by a
    hyphen still counts ("Russia-DPRK" names the DPRK). Voice is decided as in :func:`find_loaded_terms`.
    """
    _check_text(text)
    naming = naming if naming is not None else load_naming()
    spans = SpanCover(_spans(text, quote_spans))
    hits = []
    words = TextWords(text, naming.lead_words())  # shared by the concepts' matchers
    for concept, matcher in naming.matchers().items():
        for start, end, s, _, v in matcher.spans(text, words):
            if v is None:  # a blocker
                continue
            voice = "quoted" if spans.holds(start, end) else "own"
            hits.append(NamingHit(start, end, s, concept, v.variant, voice))
    hits.sort(key=lambda h: (h.start, h.end, h.concept))
    return hits
