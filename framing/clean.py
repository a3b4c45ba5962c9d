"""Noise removal with a cleaning log a reader can audit.

Captured web pages carry menus, captions, metadata, repeated passages and
lines broken mid-sentence. Each of these would distort every score, so
:func:`clean_text` removes them, and records every removal in a log: what was
removed, where it stood in the raw text, and why.

The stages, in order:

1. **Footer.** From a related-links marker in the second half of the page
   ("Related News", "More on this topic", "ALSO READ") to the end.
2. **Boilerplate lines and captions**, by the patterns in
   ``framing/data/boilerplate.csv`` (web addresses, e-mail, timestamps,
   share menus, photo captions with a credit line ...).
3. **Page furniture known from the manifest:** repeats of the headline and
   fragments of it, bylines and the author's bio, the outlet's own name.
4. **Stubs:** lines of at most three words without sentence punctuation
   (menu items, tags), and all-lowercase tag lines, unless the next line
   continues them.
5. **Injected fragments:** the start of the headline glued into a sentence
   ("shared adversaries,Strengthening Ties and ..."), and inline link bait.
6. **Broken lines** are re-joined into paragraphs.
7. **Duplicated passages:** a paragraph most of whose sentences recur
   elsewhere is dropped, largest first, so the fuller copy is kept.
8. **Quotation marks** are normalised: curly double quotes become ``"`` and
   curly single quotes ``'``. This also repairs quotes that open with a curly
   mark and close with a straight one.

The cleaned text is what every analyzer reads; all evidence offsets point
into it. The log's offsets point into the raw text.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict
from itertools import accumulate, islice
from dataclasses import dataclass
from functools import lru_cache

try:  # the parser behind ``re``, read by _required_text (without it, every rule simply runs in full)
    from re import _constants as _sre_constants, _parser as _sre_parser
except ImportError:  # pragma: no cover
    _sre_parser = None

from ._resources import packaged_text, read_csv_rows
from .errors import FramingError
from .text import _LOWER_ASCII_WORD_RE, _WORD_RE_ALONE, _sentence_spans

SCOPES = ("line", "inline", "caption", "footer")
#: A paragraph goes as a duplicated passage when at least this share of its sentences of six words or
#: more have a near copy (80% of their words) in another paragraph.
DUPLICATE_SHARE = 0.6
_OPENING_QUOTE_END = re.compile(r'(?:^|\s)["“‘]$|“$')
_DOUBLE_MARKS = tuple((m, '"') for m in "“”„‟«»″")
_SINGLE_MARKS = tuple((m, "'") for m in "‘’‚‛′")
_TAG_LINE = re.compile(r"[^A-Z.!?\"“”:;]+")
#: The end of a sentence glued to the next: a stop after two lowercase letters, with or without a
#: closing quote, right before a capital or an opening quote. A space goes after each match. (The
#: match takes the stop rather than only looking back at it: a search then skips to the next
#: stop instead of trying the lookbehinds at every character.)
_GLUED = re.compile(r"[.!?](?:(?<=[a-z]{2}[.!?])(?=“?[A-Z])|[”’](?<=[a-z]{2}[.!?][”’])(?=[A-Z“]))")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
#: The characters of _SPACES but " ", and the invisible characters that cleaning removes.
_OTHER_SPACES = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_INVISIBLES = "\u200b\u200c\u200d\u2060\ufeff\r"
_SPACE_RUN = re.compile("  +")


def _replaced(s: str, chars: str, by: str) -> str:
    """``s`` with each of ``chars`` replaced by ``by``. Each test and
    ``replace`` is a scan in C, and the test of a character outside Latin-1
    ends at once in a text that holds none."""
    for ch in chars:
        if ch in s:
            s = s.replace(ch, by)
    return s


def _squeeze_spaces(s: str) -> str:
    """``_SPACES.sub(" ", s)``, faster: each of the other spaces becomes " "
    (a run of them stays a run, of the same length), then each run of two
    spaces or more becomes one, which replaces every run but a lone " " by
    " ", as _SPACES does (which tried a match at every space of the page)."""
    s = _replaced(s, _OTHER_SPACES, " ")
    return _SPACE_RUN.sub(" ", s) if "  " in s else s


def _remove_invisibles(s: str) -> str:
    """``s`` without its zero-width characters and carriage returns."""
    return _replaced(s, _INVISIBLES, "")


#: Marks that end a sentence: Latin ones, and the full stops and question and
#: exclamation marks of other scripts (Chinese and Japanese, Arabic, Devanagari,
#: Urdu, Armenian, Ethiopic), so that a foreign article is not taken for a page
#: of menu items; it is kept and gets the "not English" warning instead.
_SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？", "｡", "．", "؟", "।", "۔", "։", "።")
_FOOTER_CUT = re.compile(r"[.!?\"”]\s+")
#: The start of an author's bio: "Jane Doe - is a writer ...". It opens with ``^``, so ``match`` finds what ``search`` would.
_BIO = re.compile(r"^[^.]{0,80}?[–—,-]\s*(?:is|was)\b")


@dataclass(frozen=True)
class CleaningStep:
    """One entry of the cleaning log.

    ``raw_start``/``raw_end`` locate the affected text in the raw input (both
    ``None`` for whole-text steps such as quote normalisation).
    """

    step: str
    reason: str
    text: str
    raw_start: int | None = None
    raw_end: int | None = None


@dataclass(frozen=True)
class Cleaned:
    """The result of :func:`clean_text`: cleaned text plus its log."""

    text: str
    log: tuple[CleaningStep, ...]


@dataclass(frozen=True)
class NoiseRule:
    scope: str
    pattern: re.Pattern
    reason: str


def load_noise_rules(text: str | None = None, *, source: str = "boilerplate.csv") -> tuple[NoiseRule, ...]:
    """Read and validate boilerplate rules (the packaged file by default)."""
    if text is None:
        text = packaged_text("boilerplate.csv")
    rules = []
    for n, row in read_csv_rows(text, source, required=("scope", "pattern", "reason")):
        if row["scope"] not in SCOPES:
            raise FramingError(f"{source}, row {n}: scope must be one of {', '.join(SCOPES)}, not {row['scope']!r}")
        try:
            pattern = re.compile(row["pattern"])
        except (re.error, OverflowError, RecursionError) as exc:  # a{99999999999}, thousands of nested groups
            raise FramingError(f"{source}, row {n}: the pattern is not a valid regular expression ({exc})") from None
        rules.append(NoiseRule(row["scope"], pattern, row["reason"]))
    return tuple(rules)


@lru_cache(maxsize=1)
def _default_rules() -> tuple[NoiseRule, ...]:
    return load_noise_rules()


#: The characters whose case-insensitive matches in ``re`` are exactly the
#: characters that ``str.lower`` turns into them: ASCII but "i" and "s" (which
#: ``re`` also matches to "ı", "İ" and "ſ"). The tests check every code point.
_FOLD_SAFE = frozenset(map(chr, range(32, 127))) - set("iIsS")


@lru_cache(maxsize=256)
def _required_text(pattern: re.Pattern) -> tuple[tuple[str, ...], bool]:
    """Texts one of which every match of ``pattern`` holds, and whether to
    look for them in the lower-cased text (when the pattern ignores case):
    ``("",)`` (the empty text, which every line holds) when none is known.

    A line that holds none of them cannot match, so the rule need not run on
    it: most rules that scan a whole line ("share button" anywhere in it) then
    run on few lines. The texts are runs of literal characters, read from the
    pattern's top level and from its plain groups and alternatives (see
    :func:`_required`). When the pattern ignores case, only characters of
    ``_FOLD_SAFE`` are taken, so that the lower-cased line holds the text
    whenever the pattern matches."""
    folded = bool(pattern.flags & re.IGNORECASE)
    if _sre_parser is None:  # pragma: no cover
        return ("",), False
    try:
        texts = _required(_sre_parser.parse(pattern.pattern, pattern.flags).data, folded)
    except Exception:  # pragma: no cover - a Python whose private parser reads otherwise: run the rule in full
        return ("",), False
    return texts or ("",), folded


def _required(items: list, folded: bool) -> tuple[str, ...]:
    """Texts one of which every match of the parsed sequence ``items`` holds
    (``()`` when none is known): a run of literals, the texts of a group that
    neither repeats nor changes the case flag, or those of every alternative
    of a branch, whichever has the longest shortest text."""
    best: tuple[str, ...] = ()
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _sre_constants.LITERAL and (not folded or chr(av) in _FOLD_SAFE):
            run += chr(av).lower() if folded else chr(av)
            continue
        found = [(run,)] if run else []
        run = ""
        if op is _sre_constants.SUBPATTERN and not (av[1] | av[2]) & re.IGNORECASE:
            found.append(_required(av[3].data, folded))
        elif op is _sre_constants.BRANCH:
            alternatives = [_required(alt.data, folded) for alt in av[1]]
            if all(alternatives):
                found.append(tuple(t for texts in alternatives for t in texts))
        for texts in found:
            if texts and (not best or min(map(len, texts)) > min(map(len, best))):
                best = texts
    return best


class _Page:
    """Lines joined by line breaks, as they are and lower-cased, to find the
    lines that hold a text without trying every line in turn."""

    def __init__(self, lines: list[str]):
        self.n = len(lines)
        lowered = [line.lower() for line in lines]  # (line by line: "İ" lower-cased is two characters)
        self.joined = ("\n".join(lines), "\n".join(lowered))
        self.starts = tuple(list(accumulate((len(line) + 1 for line in ls[:-1]), initial=0)) for ls in (lines, lowered))

    def holding(self, texts: tuple[str, ...], folded: bool) -> list[int]:
        """The indices of the lines (lower-cased when ``folded``) that hold one
        of ``texts``, in order."""
        if "" in texts:
            return list(range(self.n))
        page, starts = self.joined[folded], self.starts[folded]
        found = set()
        for text in texts:
            at = page.find(text)
            while at >= 0:
                i = bisect_right(starts, at) - 1
                found.add(i)
                at = page.find(text, starts[i + 1]) if i + 1 < self.n else -1
        return sorted(found)

    def may_match(self, pattern: re.Pattern) -> list[int]:
        """The indices of the lines that may hold a match of ``pattern``: those
        holding one of its :func:`_required_text`."""
        return self.holding(*_required_text(pattern))


def _safe_run(text: str) -> str:
    """The longest run of ``_FOLD_SAFE`` characters in ``text``, lower-cased."""
    return max("".join(c if c in _FOLD_SAFE else "\n" for c in text).split("\n"), key=len).lower()


@dataclass(slots=True)
class _Line:
    raw_start: int
    raw: str
    text: str = ""
    kept: bool = True


def _ends_sentence(s: str) -> bool:
    """True when a line ends a sentence: . ! ? or … possibly followed by
    closing quotes or brackets. A comma before a closing quote ('…lose,"')
    and an opening quote at the end ('the expert. "') do not end one."""
    s = s.rstrip()
    if not s or _opens_quote(s):
        return False
    return s.rstrip('"”’\')]）」』').endswith(_SENTENCE_ENDS)


def _opens_quote(s: str) -> bool:
    """True when ``s`` ends with an opening quotation mark.

    The pattern can only match in the last three characters (a mark, the
    space before it, and a final newline that ``$`` skips), so the search
    starts there: a search over the whole string made every call linear in
    the line's length, and the paragraph joiner quadratic. ``^`` does not
    match at a search's start position, so the result is unchanged."""
    return _OPENING_QUOTE_END.search(s, max(0, len(s) - 3)) is not None


def _starts_lower(s: str) -> bool:
    s = s.lstrip()
    return bool(s) and (s[0].islower() or s[0] in ",;:)")


def _norm_words(s: str, k: int | None = None, low: str | None = None) -> list[str]:
    """The words of ``s`` lower-cased, with ’ as ' (the first ``k`` only, when
    given). ``low`` may pass ``_lowered(s)`` when the caller has it."""
    if low is None:
        low = _lowered(s)
    if k is not None:
        if low is not None:
            return [m.group() for m in islice(_WORD_RE_ALONE.finditer(low), k)]
        return [m.group().lower().replace("’", "'") for m in islice(_WORD_RE_ALONE.finditer(s), k)]
    if low is not None:
        return _WORD_RE_ALONE.findall(low)
    return [w.lower().replace("’", "'") for w in _WORD_RE_ALONE.findall(s)]


def _lowered(s: str) -> str | None:
    """``s`` lower-cased with ’ as ', when tokenizing that gives the same words
    as tokenizing ``s`` and lower-casing each word; else None.

    Lower-casing maps every character to one character of the same kind
    (letter, digit or other), with two exceptions: "İ" becomes two characters,
    and "Σ" becomes "ς" or "σ" depending on what follows it, which may lie
    outside the word. Without these two, the text can be lower-cased once
    instead of word by word (and ’ and ' play the same part in WORD_RE)."""
    if "İ" in s or "Σ" in s:
        return None
    return s.lower().replace("’", "'")


#: Punctuation common in news text outside ASCII: neither letters nor digits nor joiners of a word.
_NON_ASCII_MARKS = "“”‘—–…"


def _ascii_words(low: str) -> tuple[str, re.Pattern]:
    """``low``, a lower-case text, and the pattern to read its words with:
    _LOWER_ASCII_WORD_RE when the text is ASCII once each of
    ``_NON_ASCII_MARKS`` is made a space, else _WORD_RE_ALONE. The marks and
    the space play the same part in the word pattern (they end a word and
    join none), and the offsets are unchanged."""
    if not low.isascii():
        low = _replaced(low, _NON_ASCII_MARKS, " ")
        if not low.isascii():
            return low, _WORD_RE_ALONE
    return low, _LOWER_ASCII_WORD_RE


def _count_words(s: str, k: int, low: str | None = None) -> int:
    """Word tokens of ``s`` (as :func:`~framing.text.words` finds them), counted
    up to ``k``: enough to compare with ``k`` without tokenizing a long line.
    With ``low`` (``_lowered(s)``), those of ``low``: ``len(_norm_words(s))``."""
    return sum(1 for _ in islice(_WORD_RE_ALONE.finditer(s if low is None else low), k))


class _Cleaner:
    def __init__(self, raw: str, title: str | None, author: str | None, outlet: str | None, rules):
        self.raw = raw
        self.title_words = _norm_words(title or "")
        self.author = (author or "").strip()
        self.outlet = (outlet or "").strip().lower()
        self.rules = rules
        self.log: list[CleaningStep] = []
        # The lines that hold text; a blank line is never read again (the
        # blank lines between two lines are counted in the raw text).
        self.lines: list[_Line] = []
        # Neither step touches a line break, so both can run over the whole
        # page at once and the result be split into lines like the raw text.
        pos = 0
        squeezed = _squeeze_spaces(_remove_invisibles(raw)).split("\n")
        for part, text in zip(raw.split("\n"), squeezed):
            text = text.strip()
            if text:
                self.lines.append(_Line(pos, part, text))
            pos += len(part) + 1

    # -- logging -----------------------------------------------------------
    def remove(self, ln: _Line, step: str, reason: str) -> None:
        ln.kept = False
        self.log.append(CleaningStep(step, reason, ln.raw.strip(), ln.raw_start, ln.raw_start + len(ln.raw)))

    def live(self) -> list[_Line]:
        return [ln for ln in self.lines if ln.kept and ln.text]

    # -- stage 1: footer ---------------------------------------------------
    def footer(self) -> None:
        half = len(self.raw) / 2
        footers = [r for r in self.rules if r.scope == "footer"]
        for i, ln in enumerate(self.lines):
            if not ln.kept or not ln.text or ln.raw_start < half:
                continue
            cut = None
            for r in footers:
                if r.pattern.fullmatch(ln.text):
                    cut = 0
                else:
                    # a footer marker glued after the last sentence of a line
                    # (matched in place, from the candidate to the line's stripped
                    # end, so that no copy of the rest of the line is made per
                    # candidate: that made a line of many '" ' quadratic)
                    stop = len(ln.raw.rstrip())
                    for m in _FOOTER_CUT.finditer(ln.raw, 0, stop):
                        if r.pattern.fullmatch(ln.raw, m.end(), stop):
                            cut = m.end()
                            break
                if cut is not None:
                    reason = r.reason
                    break
            if cut is None:
                continue
            start = ln.raw_start + cut
            removed = self.raw[start:].strip()
            self.log.append(CleaningStep("footer", f"{reason}: everything from here to the end", removed, start, len(self.raw)))
            if cut:
                ln.raw = ln.raw[:cut]
                ln.text = _SPACES.sub(" ", ln.raw).strip()
            else:
                ln.kept = False
            for later in self.lines[i + 1:]:
                later.kept = False
            return

    # -- stage 2: pattern lines and captions -------------------------------
    def pattern_lines(self) -> None:
        live = self.live()
        # Rule by rule, each tried only on the lines that may hold a match of
        # it, and on none that an earlier rule matched: each line gets the
        # first rule that matches it, as when every line tries the rules in
        # turn. The lines are then removed in order.
        page = _Page([ln.text for ln in live])
        matched: dict[int, NoiseRule] = {}
        for r in self.rules:
            if r.scope in ("line", "caption"):
                for i in page.may_match(r.pattern):
                    if i not in matched and r.pattern.fullmatch(live[i].text):
                        matched[i] = r
        for i, ln in enumerate(live):
            r = matched.get(i)
            if r is not None:
                self.remove(ln, "caption" if r.scope == "caption" else "boilerplate", r.reason)
            elif not any(ch.isalpha() for ch in ln.text):
                self.remove(ln, "boilerplate", "a line without words (menu or symbol)")

    # -- stage 3: manifest-driven furniture --------------------------------
    def furniture(self) -> None:
        tw = self.title_words
        author_words = _norm_words(self.author)
        if not (tw or author_words or self.outlet):
            return  # nothing from the manifest to recognise
        outlet_words = _norm_words(self.outlet)
        # Most lines are sentences of the article, and are not tokenized whole.
        # Every test but the byline's needs the line's first word to open the
        # headline, the author's name or the outlet's name; the byline's needs
        # an author, and a line that does not end a sentence. Then every test
        # but the bio's needs a line of at most ``most`` words (the outlet's
        # test too: words hold no space, so the joined words are equal only
        # when the words are), and the bio's reads only the first words.
        openers = {words[0] for words in (tw, author_words, outlet_words) if words}
        most = max(len(tw), len(author_words) + 6 if author_words else 0, len(outlet_words))
        for ln in self.live():
            low = _lowered(ln.text)
            if (not openers.intersection(_norm_words(ln.text, 1, low))
                    and (not author_words or _ends_sentence(ln.text))):
                continue
            if _count_words(ln.text, most + 1, low) > most:
                if (author_words and _norm_words(ln.text, len(author_words), low) == author_words
                        and _BIO.match(ln.text)):
                    self.remove(ln, "byline", "the author's bio")
                continue
            lw = _norm_words(ln.text, low=low)
            if not lw:
                continue
            if tw and lw == tw:
                self.remove(ln, "headline", "the headline repeated (kept as the article's title)")
            elif tw and len(lw) >= 2 and len(lw) < len(tw) and lw == tw[: len(lw)] and not _ends_sentence(ln.text.rstrip(":-–— ")):
                self.remove(ln, "headline", "a truncated copy of the headline")
            elif author_words and len(lw) <= len(author_words) + 6 and _contains(lw, author_words) and not _ends_sentence(ln.text):
                self.remove(ln, "byline", "the byline")
            elif author_words and lw[: len(author_words)] == author_words and _BIO.match(ln.text):
                self.remove(ln, "byline", "the author's bio")
            elif self.outlet and lw == outlet_words:
                self.remove(ln, "boilerplate", "the outlet's own name")

    # -- stage 4: tag lists and stubs --------------------------------------
    def tags(self) -> None:
        """Remove runs of all-lowercase, unpunctuated lines (keyword tags).

        A run of two or more such lines is a tag list, and so is a single
        comma-separated one that does not continue a sentence; but a run that
        the next line continues (it starts in lowercase) is a broken sentence.
        """
        live = self.live()
        run: list[_Line] = []
        first = 0  # index in ``live`` of run[0] (live.index() made this quadratic)
        for i, ln in enumerate(live + [None]):
            if ln is not None and _TAG_LINE.fullmatch(ln.text) and (not run or _same_paragraph(self.raw, run[-1], ln)):
                if not run:
                    first = i
                run.append(ln)
                continue
            if run:
                prev = live[first - 1] if first else None
                continues = prev is not None and _same_paragraph(self.raw, prev, run[0]) and not _ends_sentence(prev.text)
                continued = ln is not None and _same_paragraph(self.raw, run[-1], ln) and _starts_lower(ln.text)
                if not continued and (len(run) >= 2 or ("," in run[0].text and not continues)):
                    for t in run:
                        self.remove(t, "boilerplate", "a list of keyword tags")
            run = [ln] if ln is not None and _TAG_LINE.fullmatch(ln.text) else []
            first = i

    def stubs(self) -> None:
        """Remove short unpunctuated lines that no neighbour continues."""
        live = self.live()
        for i, ln in enumerate(live):
            # (the tests that settle most lines first: a line of the article ends a sentence or is long)
            if _ends_sentence(ln.text) or _count_words(ln.text, 4) > 3:
                continue
            prev = live[i - 1] if i else None
            nxt = live[i + 1] if i + 1 < len(live) else None
            continues = prev is not None and _same_paragraph(self.raw, prev, ln) and not _ends_sentence(prev.text) and prev.kept
            continued = nxt is not None and _same_paragraph(self.raw, ln, nxt) and (
                _starts_lower(nxt.text) or _opens_quote(ln.text) or ln.text.endswith(","))
            if not (continues or continued):
                self.remove(ln, "boilerplate", "a short line without sentence punctuation (menu item, tag or label)")

    # -- stage 5: inline cuts ----------------------------------------------
    def inline(self) -> None:
        live = self.live()
        # The cuts of every line are found rule by rule, each rule tried only
        # on the lines that may hold a match of it; a line's cuts are sorted.
        page = _Page([ln.raw for ln in live])
        found: dict[int, list[tuple[int, int, str, str]]] = {}
        for r in self.rules:
            if r.scope == "inline":
                for i in page.may_match(r.pattern):
                    found.setdefault(i, []).extend(
                        (m.start(), m.end(), "boilerplate", r.reason) for m in r.pattern.finditer(live[i].raw) if m.end() > m.start())
        fragments = self._title_fragments()
        if fragments is not None:  # every fragment holds the headline's first two words (it ignores case)
            first_words = max(_safe_run(self.title_words[0]), _safe_run(self.title_words[1]), key=len)
            for i in page.holding((first_words,), True):
                found.setdefault(i, []).extend(
                    (m.start(1), m.end(1), "fragment", "the headline's first words injected into a sentence")
                    for m in fragments.finditer(live[i].raw))
        for i, ln in enumerate(live):
            spans = found.get(i)
            if not spans:
                continue
            spans.sort()
            keep, pos = [], 0
            for s, e, step, reason in spans:
                if s < pos:
                    continue
                keep.append(ln.raw[pos:s] + " ")
                self.log.append(CleaningStep(step, reason, ln.raw[s:e].strip(), ln.raw_start + s, ln.raw_start + e))
                pos = e
            keep.append(ln.raw[pos:])
            joined = "".join(keep)
            ln.text = _SPACES.sub(" ", joined).strip()
            if not ln.text or not any(ch.isalpha() for ch in ln.text):
                ln.kept = False

    def _title_fragments(self) -> re.Pattern | None:
        """A regex for the headline's opening words glued after punctuation."""
        tw = self.title_words
        if len(tw) < 2:
            return None
        alts = []
        for k in range(min(len(tw), 8), 1, -1):
            phrase = r"\W+".join(re.escape(w) for w in tw[:k])
            if len(phrase) >= 10:
                alts.append(phrase)
        if not alts:
            return None
        return re.compile(r"(?i)(?<=[,;.])((?:" + "|".join(alts) + r")\b[ \t]*)")

    # -- stage 6: paragraphs -----------------------------------------------
    def paragraphs(self) -> list[tuple[str, int, int]]:
        """Group kept lines into paragraphs, re-joining broken lines.

        Returns ``(text, raw_start, raw_end)`` per paragraph, the raw span
        running from its first line's start to its last line's end."""
        # Each paragraph is kept as a list of its lines' texts, joined once at
        # the end: concatenating onto the growing paragraph made a page of many
        # broken lines quadratic. Every live line is stripped and holds a
        # letter, so the end of a paragraph (all that _ends_sentence,
        # _opens_quote and the comma test read) is the end of its last line,
        # and its word count is the sum of its lines' counts. Words are counted
        # only for the last test of a long break, and only up to 12, the only
        # threshold the counts are compared with.
        pars: list[list] = []  # [parts, raw_start, last_line]
        for ln in self.live():
            if pars:
                parts, _, prev_ln = pars[-1]
                prev_end = parts[-1]
                same = _same_paragraph(self.raw, prev_ln, ln)
                ended = _ends_sentence(prev_end)
                broken = not ended or _starts_lower(ln.text)
                long_break = (
                    not same
                    and not ended
                    and (prev_end.endswith(",") or _starts_lower(ln.text)
                         or (_count_words(ln.text, 12) >= 12 and _has_words(parts, 12)))
                )
                if (same and broken) or long_break:
                    glue = "" if _opens_quote(prev_end) else " "
                    at = prev_ln.raw_start + len(prev_ln.raw)
                    self.log.append(CleaningStep(
                        "join",
                        "re-joined a line broken mid-sentence" if same else "re-joined a paragraph broken mid-sentence",
                        f"…{_tail(parts, 30)} ⏎ {ln.text[:30]}…", at, ln.raw_start))
                    parts += [glue, ln.text]
                    pars[-1][2] = ln
                    continue
            pars.append([[ln.text], ln.raw_start, ln])
        return [("".join(p[0]), p[1], p[2].raw_start + len(p[2].raw)) for p in pars]

    # -- stage 7: duplicated passages ----------------------------------------
    def dedupe(self, pars: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        if len(pars) < 2:
            return pars  # a passage is duplicated in another paragraph, or not at all
        sents = []  # per paragraph: list of word sets of its sentences
        for text, _, _ in pars:
            low = _lowered(text)
            if low is None:
                sents.append([set(_norm_words(text[s:e])) for s, e in _sentence_spans(text)])
            else:  # the paragraph lower-cased once, its sentences' words read in place
                low, word_re = _ascii_words(low)
                sents.append([set(word_re.findall(low, s, e)) for s, e in _sentence_spans(text)])
        # A near copy of a sentence s shares at least ceil(0.8 |s|) of its words,
        # so it holds at least one of any |s| - ceil(0.8 |s|) + 1 of them: only
        # sentences holding one of those words need comparing, and any such
        # choice of words gives the same answer. (Comparing every sentence with
        # every other one made a long page quadratic.)
        # A word found in one paragraph only leads to no other paragraph's
        # sentences; ``shared`` holds the words found in two or more, and only
        # they get an index word -> sentences holding it.
        unions = [set().union(*ss) for ss in sents]
        shared: set[str] = set()
        seen: set[str] = set()
        for u in unions:
            shared |= u & seen
            seen |= u
        # A sentence can only have a near copy elsewhere when enough of its words are found in another
        # paragraph (has_copy's first test, which needs no index); a paragraph without enough such
        # sentences is no duplicate, and when no paragraph has, nothing goes and no index is built.
        commons = [[t & shared for t in ss] for ss in sents]  # per sentence: its words found in another paragraph
        owns = [_judged(text, ss, cs) for (text, _, _), ss, cs in zip(pars, sents, commons)]
        maybe = [_may_be_duplicate(own) for own in owns]
        if not any(maybe):
            return pars
        # The sentences are numbered across the page: ``flat[g]`` is sentence g's word set and
        # ``par_of[g]`` its paragraph. A judged sentence has six words or more, so a near copy of it
        # holds five of them at least (0.8 * 6 = 4.8), all shared: a sentence with fewer than five
        # shared words is nobody's near copy, and is left out of the index.
        flat: list[set[str]] = []
        par_of: list[int] = []
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for j, (ss, cs) in enumerate(zip(sents, commons)):
            for t, common in zip(ss, cs):
                if len(common) >= 5:
                    g = len(flat)
                    for w in common:
                        postings[w].append(g)
                    flat.append(t)
                    par_of.append(j)

        sizes = dict.fromkeys(shared, 0)  # word -> sentences holding it, to choose the rarest
        sizes.update((w, len(gs)) for w, gs in postings.items())

        def has_copy(i: int, s: set[str], common: set[str]) -> bool:
            # ``common``: the words of s another paragraph holds (or held at the start)
            if not _enough_shared(s, common):
                return False  # choose the other words: no other sentence holds one
            # the other words, and the rarest of these to make up the number (no other sentence holds
            # the other words, so only these lead to candidates)
            rare = sorted(common, key=sizes.__getitem__)[: len(common) - math.ceil(0.8 * len(s)) + 1]
            tried: set[int] = set()
            for w in rare:
                for g in postings.get(w, ()):
                    if g not in tried:
                        tried.add(g)
                        j = par_of[g]
                        if j != i and alive[j] and _near_copy(s, flat[g]):
                            return True
            return False

        alive = [True] * len(pars)
        order = sorted(range(len(pars)), key=lambda i: (-len(pars[i][0]), -i))
        for i in order:
            if not maybe[i]:
                continue  # too short to judge, a heading, or too few shared words
            own = owns[i]
            need = DUPLICATE_SHARE * len(own)
            dup = 0
            for n, (s, common) in enumerate(own, 1):
                if has_copy(i, s, common):
                    dup += 1
                elif dup + len(own) - n < need:
                    break  # too few sentences are left to make it a duplicate
            if dup >= need:
                alive[i] = False
                _, start, end = pars[i]
                self.log.append(CleaningStep(
                    "duplicate",
                    f"a duplicated passage: {dup} of its {len(own)} sentences appear elsewhere in the page",
                    self.raw[start:end].strip(), start, end))
        return [p for p, a in zip(pars, alive) if a]

    def run(self) -> Cleaned:
        self.footer()
        self.pattern_lines()
        self.furniture()
        self.inline()
        self.tags()
        self.stubs()
        pars = self.dedupe(self.paragraphs())
        text = "\n\n".join(p[0] for p in pars)
        text, glued = _GLUED.subn(r"\g<0> ", text)
        if glued:
            self.log.append(CleaningStep("join", f"separated {glued} sentence(s) glued to the next without a space", ""))
        n_double = sum(text.count(c) for c in "“”„‟«»″")
        n_single = sum(text.count(c) for c in "‘’‚‛′")
        if n_double or n_single:  # (a few replacements scan in C; translate looks each character up)
            for mark, plain in (*_DOUBLE_MARKS, *_SINGLE_MARKS):
                if mark in text:
                    text = text.replace(mark, plain)
        if n_double or n_single:
            self.log.append(CleaningStep(
                "quotes", f"normalised {n_double} curly double and {n_single} curly single quotation marks to straight ones", ""))
        log = sorted(self.log, key=lambda s: (s.raw_start if s.raw_start is not None else len(self.raw) + 1))
        return Cleaned(text, tuple(log))


def _tail(parts: list[str], k: int) -> str:
    """The last ``k`` characters of ``"".join(parts)``, without joining it all."""
    out, n = [], 0
    for part in reversed(parts):
        out.append(part)
        n += len(part)
        if n >= k:
            break
    return "".join(reversed(out))[-k:]


def _has_words(parts: list[str], k: int) -> bool:
    """True when the texts ``parts`` hold ``k`` words or more between them,
    counted part by part."""
    n = 0
    for part in parts:
        n += _count_words(part, k - n)
        if n >= k:
            return True
    return False


def _judged(text: str, sents: list[set[str]], commons: list[set[str]]) -> list[tuple[set[str], set[str]]]:
    """The sentences of a paragraph that judge whether it is a duplicated
    passage: those of six words or more; none for a heading (a single sentence
    without its closing stop). Each comes as its word set and, from
    ``commons``, the set of its words found in another paragraph."""
    if len(sents) == 1 and not _ends_sentence(text):
        return []
    return [(s, c) for s, c in zip(sents, commons) if len(s) >= 6]


def _enough_shared(s: set[str], common: set[str]) -> bool:
    """True when ``common`` (the words of ``s`` found in another paragraph)
    could make a near copy of ``s``: all but at most a fifth of its words."""
    return len(s) - len(common) <= len(s) - math.ceil(0.8 * len(s))


def _may_be_duplicate(own: list[tuple[set[str], set[str]]]) -> bool:
    """False when too few of a paragraph's judged sentences (``own``, from
    :func:`_judged`) have enough words found in another paragraph for it to
    be a duplicated passage."""
    return bool(own) and sum(_enough_shared(s, c) for s, c in own) >= DUPLICATE_SHARE * len(own)


def _near_copy(s: set[str], other: set[str]) -> bool:
    """True when ``other`` holds at least 80% of the words of ``s`` and is of
    comparable length (at most twice as many distinct words)."""
    return len(other) <= 2 * len(s) and len(s & other) >= 0.8 * len(s)


def _contains(seq: list[str], sub: list[str]) -> bool:
    k = len(sub)
    return any(seq[i:i + k] == sub for i in range(len(seq) - k + 1))


def _same_paragraph(raw: str, a: _Line, b: _Line) -> bool:
    """True when no blank line separates line ``a`` from the later line ``b``."""
    between = raw[a.raw_start + len(a.raw):b.raw_start]
    return between.count("\n") <= 1


def clean_text(
    raw: str,
    *,
    title: str | None = None,
    author: str | None = None,
    outlet: str | None = None,
    rules: tuple[NoiseRule, ...] | None = None,
) -> Cleaned:
    """Clean one captured article and log every change.

    Parameters
    ----------
    raw : str
        The text as captured.
    title, author, outlet : str, optional
        From the manifest. They let the cleaner recognise repeated headlines,
        headline fragments injected into sentences, bylines and bios.
    rules : tuple of NoiseRule, optional
        Boilerplate rules; by default those in ``framing/data/boilerplate.csv``
        (see :func:`load_noise_rules` to read your own).

    Returns
    -------
    Cleaned
        ``.text`` (paragraphs separated by blank lines) and ``.log``.
    """
    return _Cleaner(raw, title, author, outlet, rules if rules is not None else _default_rules()).run()
