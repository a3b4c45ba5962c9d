"""Sentences, tokens and phrase matching, all with character offsets.

Every analyzer works on the cleaned text of an article and reports character
offsets into it, so that ``text[start:end]`` is always the evidence. This
module holds the shared pieces: a rule-based English sentence splitter, a word
tokenizer, and :class:`PhraseMatcher`, which finds many phrases at once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, chain, compress, count
from operator import attrgetter
from typing import Generic, Iterable, Iterator, TypeVar

T = TypeVar("T")

#: Words that end with a period without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen lt col maj capt sgt cmdr adm sen rep gov pres amb
    jan feb mar apr jun jul aug sep sept oct nov dec vs etc approx dept
    univ inc ltd corp co jr sr rev fig est u.s u.n u.k e.u u.s.a d.c p.m a.m""".split()
)

WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
#: :data:`WORD_RE` with its closing repeat possessive, for a caller that runs it
#: on its own (not inside a larger pattern): then nothing follows the repeat, a
#: repetition given back never leads to a match, and the matches are the same,
#: found faster (a possessive repeat keeps no state to backtrack into).
_WORD_RE_ALONE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*+")
#: _WORD_RE_ALONE for lower-case ASCII text: there a letter or digit is one of ``[a-z0-9]`` and a
#: joiner one of ``'`` and ``-``, so both find the same words, this one faster (a range test per
#: character instead of a look-up of its Unicode category). The claim matcher reads every text's words
#: with it (its words are ASCII ones).
_LOWER_ASCII_WORD_RE = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*+")

# A sentence may end at . ! or ? (possibly repeated), followed by closing quotes
# or brackets. What follows must look like the start of a new sentence.
_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*")
_NEXT_START_RE = re.compile(r"\s+[\"'“‘(\[]?\s*[A-Z0-9]|[\"'“‘]?[A-Z][a-z]")


@dataclass(frozen=True)
class Span:
    """A stretch of text: ``text[start:end]`` of the article."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence(Span):
    """One sentence of an article's cleaned text, numbered from 0."""

    index: int


def words(text: str) -> list[Span]:
    """Return the word tokens of ``text`` with their offsets.

    A word is a run of letters or digits, possibly joined by inner hyphens or
    apostrophes ("Kim Jong-un", "country's"). Punctuation is not a token.
    """
    return [Span(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]


def word_count(text: str) -> int:
    """Number of word tokens in ``text`` (see :func:`words`)."""
    return len(_WORD_RE_ALONE.findall(text))


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``text[dot]`` closes an abbreviation or initial."""
    i = dot
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
        i -= 1
    token = text[i:dot].lower()
    if not token:
        return False
    if token in ABBREVIATIONS:
        return True
    # single letters and dotted initials: "N. Korea", "J.R.R."
    letters = token.replace(".", "")
    return (len(letters) == 1 and letters.isalpha()) or ("." in token and len(token) <= 6 and letters.isalpha())


def _boundaries(par: str) -> Iterator[int]:
    """Yield end offsets (exclusive) of the sentences inside one paragraph."""
    for m in _END_RE.finditer(par):
        end = m.end()
        nxt = _NEXT_START_RE.match(par, end)
        if not nxt:
            continue
        glued = not par[end:end + 1].isspace()
        if par[m.start()] == "." and _is_abbreviation(par, m.start()):
            continue
        if glued:
            # "told Sputnik.The delegation": only split a glued period after a
            # lowercase word of two letters or more, never inside "U.S.".
            before = par[max(0, m.start() - 2):m.start()]
            if not (len(before) == 2 and before.isalpha() and before.islower()):
                continue
        yield end


def split_sentences(text: str) -> list[Sentence]:
    """Split cleaned text into sentences with offsets.

    Paragraph breaks (newlines) always end a sentence. Inside a paragraph a
    sentence ends at ``.``, ``!`` or ``?`` (with any closing quote) when the
    next character starts a new sentence, except after common abbreviations
    and initials ("Mr.", "U.S.", "N. Korea"). A period glued to the next word
    ("Sputnik.The") also splits, which repairs run-on captures.
    """
    out: list[Sentence] = []
    for pm in re.finditer(r"[^\n]+", text):
        base = pm.start()
        for s, e in _sentence_spans(pm.group()):
            s, e = base + s, base + e
            out.append(Sentence(s, e, text[s:e], len(out)))
    return out


def _sentence_spans(par: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the sentences of ``par``, a paragraph
    without line breaks, as :func:`split_sentences` splits it (for a caller
    that needs only the offsets, not :class:`Sentence` objects)."""
    spans = []
    start = 0
    for end in chain(_boundaries(par), (len(par),)):
        chunk = par[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            spans.append((start + lead, start + trail))
        start = end
    return spans


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """Return the sentence that contains ``offset`` (binary search)."""
    lo = bisect_right(sentences, offset, key=_END)  # the first sentence that ends after the offset
    if lo < len(sentences) and sentences[lo].start <= offset:
        return sentences[lo]
    return None


_END = attrgetter("end")


def phrase_pattern(phrase: str) -> str:
    """Regex source for a phrase. Spaces and hyphens between words are
    interchangeable: each matches any run of whitespace and dashes, so
    "hegemony-oriented" also finds "hegemony oriented" and the reverse."""
    parts = [p for p in re.split(r"[\s\-‐‑–]+", phrase.strip()) if p]
    return r"[\s\-‐‑–]+".join(re.escape(p).replace("'", "['’]") for p in parts)


@dataclass(frozen=True)
class Match(Generic[T]):
    """A phrase found in a text: its span, the matched string and its payload."""

    start: int
    end: int
    text: str
    phrase: str
    payload: T


_SEPARATORS = re.compile(r"[\s\-‐‑–]+")


def _canon(s: str) -> str:
    """Key under which a phrase and a string it matched compare equal."""
    return _SEPARATORS.sub(" ", s.replace("’", "'"))


# Outside ASCII, these are the characters that Python's case-insensitive
# matching equates with an ASCII letter: dotted capital I, dotless i, long s
# and the Kelvin sign (tests/test_text.py checks the list against ``re``). The
# fast path of PhraseMatcher assumes a text has none of them.
_ASCII_LOOKALIKES = "\u0130\u0131\u017f\u212a"

# bytes.translate table: ASCII letters (lower-cased) and digits stay, every
# other byte becomes a space.
_ASCII_WORD_BYTES = bytes(ord(chr(b).lower()) if b < 128 and chr(b).isalnum() else 32 for b in range(256))

_ASCII_ALNUM_RUN = re.compile(r"[A-Za-z0-9]*")


def _lead_words(phrase: str) -> tuple[str | None, str | None]:
    """The first two words of every text a phrase matches, as far as the
    phrase decides them: words are runs of ASCII letters and digits (lower
    case), as in :class:`TextWords`.

    The first is the run the phrase starts with, when every match must start
    with exactly that run followed by something other than an ASCII letter or
    digit; None when that cannot be promised (the phrase starts with another
    character, or the run is followed by a non-ASCII character, which may
    match an ASCII letter when case is ignored). The second is the next run,
    under the same condition, when only separators and ASCII punctuation come
    between (they match no letter or digit); else None.
    """
    parts = [p for p in _SEPARATORS.split(phrase.strip()) if p]
    s = " ".join(parts)  # a space stands for a separator, which matches spaces and dashes only
    first = _ASCII_ALNUM_RUN.match(s).group()
    i = len(first)
    if not first or (i < len(s) and not s[i].isascii()):
        return None, None
    while i < len(s) and s[i].isascii() and not s[i].isalnum():
        i += 1
    second = _ASCII_ALNUM_RUN.match(s, i).group()
    j = i + len(second)
    if not second or (j < len(s) and not s[j].isascii()):
        return first.lower(), None
    return first.lower(), second.lower()


class TextWords:
    """What the fast path of :class:`PhraseMatcher` needs from a text, worked
    out once so that several matchers can share it.

    The text is turned into ASCII bytes, one byte per character, with ASCII
    letters in lower case and every other character a space, and cut at each
    space: ``pieces`` are its words, with an empty piece between two
    consecutive spaces and at each end (for a space added there). ``usable``
    is false when the text holds a character of :data:`_ASCII_LOOKALIKES`;
    matchers then take their general path.

    ``leads``, when given, are all the lead words the sharing matchers look
    for: the pieces among them are then found once, for all of them.
    """

    __slots__ = ("text", "pieces", "usable", "leads", "_hits", "_lengths")

    def __init__(self, text: str, leads: frozenset[bytes] | None = None):
        self.text = text
        self.usable = not any(c in text for c in _ASCII_LOOKALIKES)
        self.pieces: list[bytes] = []
        if self.usable:
            # encoding puts one "?" for each non-ASCII character, so offsets do not move
            padded = b" " + text.encode("ascii", "replace").translate(_ASCII_WORD_BYTES) + b" "
            self.pieces = padded.split(b" ")
        self.leads = leads
        self._hits: list[int] | None = None
        self._lengths: list[int] | None = None

    def hits(self, leads: frozenset[bytes]) -> list[int]:
        """Indices of the pieces that are in ``leads``, in order."""
        if self.leads is not None and (leads is self.leads or leads <= self.leads):
            if self._hits is None:
                self._hits = self._find(self.leads)
            if leads is self.leads:
                return self._hits
            pieces = self.pieces
            return [i for i in self._hits if pieces[i] in leads]
        return self._find(leads)

    def _find(self, leads: frozenset[bytes]) -> list[int]:
        return list(compress(count(), map(leads.__contains__, self.pieces)))

    def starts(self) -> list[int]:
        """``starts()[i] + i - 1`` is the offset in the text of piece ``i``:
        the lengths of the pieces before it, one space after each, less the
        space added at the start."""
        if self._lengths is None:
            self._lengths = list(accumulate(map(len, self.pieces), initial=0))
        return self._lengths


class PhraseMatcher(Generic[T]):
    """Find many phrases in one pass, longest first, without overlaps.

    Each phrase carries a payload (an actor id, a lexicon entry, ...). Matches
    respect word boundaries: "Korea" does not match inside "Korean". A phrase is
    case-sensitive unless its ``ignore_case`` flag is set. When two phrases
    could match at the same place, the longer one wins.

    The matches are those of one regex, the alternation of all phrases
    (longest first) between word-boundary guards; trying that alternation at
    every position would take time in proportion to the text times the
    lexicon, so it is only ever tried where a phrase can start:

    * Fast path. A match must begin with the ASCII word its phrase begins with,
      often followed by a known second word (:func:`_lead_words`). The words
      of the text are cut out in C (:class:`TextWords`); at each word that is
      a lead word (and is followed by one of its second words, when all its
      phrases name one), only the phrases of that lead word are tried, in the
      alternation's order. The cost grows with the text and the number of
      such places, not with the lexicon.
    * General path, for a matcher with a phrase that has no lead word, or a
      text with a non-ASCII character that matches an ASCII letter when case
      is ignored: at each position where some phrase's first character
      stands, the phrases starting with that character are tried.
    """

    def __init__(self, phrases: Iterable[tuple[str, T, bool]]):
        self._exact: dict[str, tuple[str, T]] = {}
        self._folded: dict[str, tuple[str, T]] = {}
        alts: list[tuple[int, str, frozenset[str] | None, bool, str]] = []  # (length, source, first characters, ignore case, phrase)
        for phrase, payload, ignore_case in phrases:
            phrase = phrase.strip()
            if not phrase:
                continue
            table, key = (self._folded, _canon(phrase).lower()) if ignore_case else (self._exact, _canon(phrase))
            if key in table:
                continue
            table[key] = (phrase, payload)
            src = phrase_pattern(phrase)
            alts.append((len(phrase), f"(?i:{src})" if ignore_case else src, _first_chars(phrase), ignore_case, phrase))
        alts.sort(key=lambda a: -a[0])
        self._alts = alts
        self._re: re.Pattern | None = None  # the full pattern, compiled when first needed (see _full)
        self._by_char: dict[str, re.Pattern | None] = {}
        # Where a match can start: not after a word character, and at a
        # character some phrase starts with. Trying all phrases at every
        # position made matching slow in proportion to the lexicon's size.
        exact = {c for a in alts if a[2] is not None and not a[3] for c in a[2]}
        folded = {c for a in alts if a[2] is not None and a[3] for c in a[2]}
        if any(a[2] is None for a in alts):
            self._starts = None  # a phrase of dashes only: try everywhere
        else:
            cls = lambda chars: "".join(re.escape(c) for c in sorted(chars))
            parts = ([f"[{cls(exact)}]"] if exact else []) + ([f"(?i:[{cls(folded)}])"] if folded else [])
            self._starts = re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")") if parts else None
        # The fast path: the phrases by lead word, each list in alternation
        # order, and for each lead word the words that can follow it (None
        # when one of its phrases does not tell).
        by_word: dict[bytes, list[int]] = {}
        follow: dict[bytes, set[bytes] | None] = {}
        for i, a in enumerate(alts):
            first, second = _lead_words(a[4])
            if first is None:
                by_word, follow = {}, {}
                break
            key = first.encode("ascii")
            by_word.setdefault(key, []).append(i)
            if second is None:
                follow[key] = None
            elif follow.setdefault(key, set()) is not None:
                follow[key].add(second.encode("ascii"))
        self._by_word = by_word
        self._follow = {k: None if v is None else frozenset(v) for k, v in follow.items()}
        self.lead_words = frozenset(by_word)  # see TextWords
        self._fast = bool(by_word)
        self._word_res: dict[bytes, re.Pattern] = {}  # compiled on first use

    def _full(self) -> re.Pattern:
        """The alternation of all phrases, longest first, between the word
        boundary guards: what the matches are defined by. Compiling it takes
        long for a large lexicon, and the fast path never needs it."""
        if self._re is None:
            body = "|".join(a[1] for a in self._alts)
            self._re = re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")
        return self._re

    def _for_char(self, ch: str) -> re.Pattern | None:
        """The phrases that can match at an ASCII character ``ch``, in the
        same order as in the full pattern, so the same one wins."""
        if ch not in self._by_char:
            alts = [a[1] for a in self._alts
                    if any((c == ch or not c.isascii()) if not a[3] else (c.lower() == ch.lower() or not c.isascii())
                           for c in a[2])]
            self._by_char[ch] = re.compile(r"(?:" + "|".join(alts) + r")(?!\w)") if alts else None
        return self._by_char[ch]

    def _for_word(self, key: bytes) -> re.Pattern:
        """The alternation of the phrases of one lead word, in the full
        pattern's order (so the same phrase wins), compiled on first use."""
        rx = self._word_res.get(key)
        if rx is None:
            rx = self._word_res[key] = re.compile(
                r"(?<!\w)(?:" + "|".join(self._alts[i][1] for i in self._by_word[key]) + r")(?!\w)")
        return rx

    def _matches(self, text: str, words: TextWords | None = None) -> Iterator[re.Match]:
        """The same matches as ``self._full().finditer(text)``, found faster (see
        the class docstring)."""
        if self._fast:
            if words is None or words.text is not text:
                words = TextWords(text)
            if words.usable:
                return self._fast_matches(text, words)
        if self._starts is None:
            return self._full().finditer(text)
        return self._general_matches(text)

    def _general_matches(self, text: str) -> Iterator[re.Match]:
        end = 0
        for s in self._starts.finditer(text):
            pos = s.start()
            if pos < end:
                continue
            ch = text[pos]
            rx = self._for_char(ch) if ch.isascii() else self._full()
            m = rx.match(text, pos) if rx is not None else None
            if m:
                yield m
                end = m.end()

    def _fast_matches(self, text: str, words: TextWords) -> list[re.Match]:
        hits = words.hits(self.lead_words)
        if not hits:
            return []
        pieces, starts, follows, compiled = words.pieces, words.starts(), self._follow, self._word_res
        last = len(pieces) - 1  # an empty piece, for the space added at the end
        out = []
        end = 0
        # a place starts one word, so two lead words never compete for it
        for i in hits:
            key = pieces[i]
            follow = follows[key]
            if follow is not None:
                j = i + 1
                while j < last and not pieces[j]:
                    j += 1
                if pieces[j] not in follow:
                    continue
            pos = starts[i] + i - 1
            if pos < end:
                continue
            m = (compiled.get(key) or self._for_word(key)).match(text, pos)
            if m:
                out.append(m)
                end = m.end()
        return out

    def finditer(self, text: str, words: TextWords | None = None) -> Iterator[Match[T]]:
        """Yield the non-overlapping matches in ``text``, left to right.
        ``words`` (``TextWords(text)``) may be shared by several matchers."""
        for start, end, s, phrase, payload in self.spans(text, words):
            yield Match(start, end, s, phrase, payload)

    def spans(self, text: str, words: TextWords | None = None) -> Iterator[tuple[int, int, str, str, T]]:
        """:meth:`finditer` as plain ``(start, end, text, phrase, payload)`` tuples
        (cheaper when a text holds a great many matches)."""
        if not self._alts:
            return
        seen: dict[str, tuple] = {}  # matched string -> its phrase and payload (texts repeat names)
        exact, folded = self._exact, self._folded
        for m in self._matches(text, words):
            s = m.group()
            hit = seen.get(s)
            if hit is None:
                key = _canon(s)
                hit = seen[s] = exact.get(key) or folded.get(key.lower()) or ()
            if not hit:  # pragma: no cover - every alternative has a key
                continue
            start, end = m.span()
            yield start, end, s, hit[0], hit[1]


def _first_chars(phrase: str) -> frozenset[str] | None:
    """The characters a phrase's pattern can start with (see
    :func:`phrase_pattern`: leading dashes are dropped, and an apostrophe
    also matches ’); None for a phrase of dashes only."""
    parts = [p for p in re.split(r"[\s\-‐‑–]+", phrase.strip()) if p]
    if not parts:
        return None
    c = parts[0][0]
    return frozenset("'’") if c == "'" else frozenset(c)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text between paired quotation marks, per paragraph.

    Straight double quotes pair up in order; curly ones pair by direction
    (“ opens, ” closes). A mark left unpaired at the end of a paragraph is
    ignored. The spans exclude the marks themselves.
    """
    spans: list[tuple[int, int]] = []
    for pm in re.finditer(r"[^\n]+", text):
        opened: int | None = None
        for m in re.finditer(r'["“”]', pm.group()):
            pos, ch = pm.start() + m.start(), m.group()
            if opened is None:
                if ch != "”":
                    opened = pos + 1
            elif ch != "“":
                if pos > opened:
                    spans.append((opened, pos))
                opened = None
    return spans


class SpanCover:
    """Some spans, for asking in logarithmic time how much of ``[start, end)``
    their union covers (overlapping spans count once) and whether one span
    holds all of it (:meth:`holds`, the fast form of :func:`inside`)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._raw_starts = [s for s, _ in ordered]
        self._max_end = list(accumulate((e for _, e in ordered), max))  # farthest end among spans 0..i
        merged: list[list[int]] = []
        for s, e in ordered:
            if e <= s:
                continue
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]
        self._before = list(accumulate((e - s for s, e in merged), initial=0))  # length before span i

    def _upto(self, x: int) -> int:
        i = bisect_right(self._starts, x) - 1
        if i < 0:
            return 0
        return self._before[i] + min(x, self._ends[i]) - self._starts[i]

    def covered(self, start: int, end: int) -> int:
        """How many characters of ``[start, end)`` lie inside the spans."""
        return self._upto(end) - self._upto(start) if end > start else 0

    def holds(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies within one of the spans: the same
        answer as :func:`inside`, without reading every span."""
        i = bisect_right(self._raw_starts, start) - 1  # spans starting at or before ``start``: 0..i
        return i >= 0 and self._max_end[i] >= end


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``[start, end)`` lies within one of ``spans`` (sorted or not).

    Reads every span; for many questions about the same spans use
    :meth:`SpanCover.holds`."""
    return any(s <= start and end <= e for s, e in spans)


#: The commonest English function words; a text in English has roughly a
#: third to a half of its words among them, other languages very few.
COMMON_ENGLISH = frozenset(
    """the of and to a in is that for it as was with be by on not he i this are or his from at which but have an
    they you were had her she there been one all we their has would when if so no will more can who its our
    also than them these into only other some could what do said after about over such should may most""".split()
)


def english_share(text: str) -> float:
    """Share of the word tokens of ``text`` that are common English function
    words (0 for a text without words). Used to warn about non-English input."""
    return english_words(text)[1]


def english_words(text: str) -> tuple[int, float]:
    """``(word_count(text), english_share(text))``, from one tokenisation
    when lower-casing leaves the text's length as it is."""
    low = text.lower()
    toks = _WORD_RE_ALONE.findall(low)
    # A character whose lower case is one character is a letter or digit exactly when its lower case is,
    # and none becomes an apostrophe or hyphen, so the lower-cased text has the same tokens. (Some, such
    # as "İ", lower-case to two characters; then the words are counted in the text as it is.)
    n = len(toks) if len(low) == len(text) else word_count(text)
    if not toks:
        return n, 0.0
    return n, sum(map(COMMON_ENGLISH.__contains__, toks)) / len(toks)
