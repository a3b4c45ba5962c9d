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
from collections import Counter
from itertools import chain, islice
from dataclasses import dataclass, field
from functools import lru_cache

from ._resources import packaged_text, read_csv_rows
from .errors import FramingError
from .text import WORD_RE, split_sentences

SCOPES = ("line", "inline", "caption", "footer")
#: A paragraph goes as a duplicated passage when at least this share of its sentences of six words or
#: more have a near copy (80% of their words) in another paragraph.
DUPLICATE_SHARE = 0.6
_OPENING_QUOTE_END = re.compile(r'(?:^|\s)["“‘]$|“$')
_DOUBLE_MARKS = tuple((m, '"') for m in "“”„‟«»″")
_SINGLE_MARKS = tuple((m, "'") for m in "‘’‚‛′")
_TAG_LINE = re.compile(r"[^A-Z.!?\"“”:;]+")
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=“?[A-Z])|(?<=[a-z]{2}[.!?][”’])(?=[A-Z“])")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
#: The runs of _SPACES that are not already a single " " (the only ones that
#: replacing each run by " " changes): a run of two or more, or one other space.
#: A scan from the left meets every run at its start, so both alternatives
#: match whole runs, and substituting with this gives the same text, faster.
_SPACES_TO_SQUEEZE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\r]")
#: Marks that end a sentence: Latin ones, and the full stops and question and
#: exclamation marks of other scripts (Chinese and Japanese, Arabic, Devanagari,
#: Urdu, Armenian, Ethiopic), so that a foreign article is not taken for a page
#: of menu items; it is kept and gets the "not English" warning instead.
_SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？", "｡", "．", "؟", "।", "۔", "։", "።")
_FOOTER_CUT = re.compile(r"[.!?\"”]\s+")


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


@dataclass
class _Line:
    raw_start: int
    raw: str
    text: str = ""
    kept: bool = True
    cuts: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, reason) in raw line


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


def _norm_words(s: str) -> list[str]:
    low = _lowered(s)
    if low is not None:
        return WORD_RE.findall(low)
    return [w.lower().replace("’", "'") for w in WORD_RE.findall(s)]


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


def _count_words(s: str, k: int) -> int:
    """Word tokens of ``s`` (as :func:`~framing.text.words` finds them), counted
    up to ``k``: enough to compare with ``k`` without tokenizing a long line."""
    return sum(1 for _ in islice(WORD_RE.finditer(s), k))


class _Cleaner:
    def __init__(self, raw: str, title: str | None, author: str | None, outlet: str | None, rules):
        self.raw = raw
        self.title_words = _norm_words(title or "")
        self.author = (author or "").strip()
        self.outlet = (outlet or "").strip().lower()
        self.rules = rules
        self.log: list[CleaningStep] = []
        self.lines: list[_Line] = []
        # Neither pattern touches a line break, so both can run over the whole
        # page at once and the result be split into lines like the raw text.
        pos = 0
        squeezed = _SPACES_TO_SQUEEZE.sub(" ", _INVISIBLE.sub("", raw)).split("\n")
        for part, text in zip(raw.split("\n"), squeezed):
            self.lines.append(_Line(pos, part, text.strip()))
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
        for ln in self.live():
            for r in self.rules:
                if r.scope in ("line", "caption") and r.pattern.fullmatch(ln.text):
                    self.remove(ln, "caption" if r.scope == "caption" else "boilerplate", r.reason)
                    break
            else:
                if not any(ch.isalpha() for ch in ln.text):
                    self.remove(ln, "boilerplate", "a line without words (menu or symbol)")

    # -- stage 3: manifest-driven furniture --------------------------------
    def furniture(self) -> None:
        tw = self.title_words
        author_words = _norm_words(self.author)
        if not (tw or author_words or self.outlet):
            return  # nothing from the manifest to recognise
        for ln in self.live():
            lw = _norm_words(ln.text)
            if not lw:
                continue
            if tw and lw == tw:
                self.remove(ln, "headline", "the headline repeated (kept as the article's title)")
            elif tw and len(lw) >= 2 and len(lw) < len(tw) and lw == tw[: len(lw)] and not _ends_sentence(ln.text.rstrip(":-–— ")):
                self.remove(ln, "headline", "a truncated copy of the headline")
            elif author_words and len(lw) <= len(author_words) + 6 and _contains(lw, author_words) and not _ends_sentence(ln.text):
                self.remove(ln, "byline", "the byline")
            elif author_words and lw[: len(author_words)] == author_words and re.search(r"^[^.]{0,80}?[–—,-]\s*(?:is|was)\b", ln.text):
                self.remove(ln, "byline", "the author's bio")
            elif self.outlet and " ".join(lw) == " ".join(_norm_words(self.outlet)):
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
            prev = live[i - 1] if i else None
            nxt = live[i + 1] if i + 1 < len(live) else None
            continues = prev is not None and _same_paragraph(self.raw, prev, ln) and not _ends_sentence(prev.text) and prev.kept
            continued = nxt is not None and _same_paragraph(self.raw, ln, nxt) and (
                _starts_lower(nxt.text) or _opens_quote(ln.text) or ln.text.endswith(","))
            if continues or continued or _ends_sentence(ln.text):
                continue
            if _count_words(ln.text, 4) <= 3:
                self.remove(ln, "boilerplate", "a short line without sentence punctuation (menu item, tag or label)")

    # -- stage 5: inline cuts ----------------------------------------------
    def inline(self) -> None:
        fragments = self._title_fragments()
        for ln in self.live():
            spans: list[tuple[int, int, str, str]] = []
            for r in self.rules:
                if r.scope == "inline":
                    spans += [(m.start(), m.end(), "boilerplate", r.reason) for m in r.pattern.finditer(ln.raw) if m.end() > m.start()]
            if fragments is not None:
                spans += [(m.start(1), m.end(1), "fragment", "the headline's first words injected into a sentence") for m in fragments.finditer(ln.raw)]
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
        # and its word count is the sum of its lines' counts (each capped at
        # 12, the only threshold it is compared with: the sum reaches 12 when
        # the true count does).
        pars: list[list] = []  # [parts, raw_start, last_line, n_words]
        for ln in self.live():
            n_words = _count_words(ln.text, 12)  # only ever compared with 12, summed or not
            if pars:
                parts, _, prev_ln, prev_words = pars[-1]
                prev_end = parts[-1]
                same = _same_paragraph(self.raw, prev_ln, ln)
                broken = not _ends_sentence(prev_end) or _starts_lower(ln.text)
                long_break = (
                    not same
                    and not _ends_sentence(prev_end)
                    and (prev_end.endswith(",") or _starts_lower(ln.text) or (prev_words >= 12 and n_words >= 12))
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
                    pars[-1][3] = prev_words + n_words
                    continue
            pars.append([[ln.text], ln.raw_start, ln, n_words])
        return [("".join(p[0]), p[1], p[2].raw_start + len(p[2].raw)) for p in pars]

    # -- stage 7: duplicated passages ----------------------------------------
    def dedupe(self, pars: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        sents = []  # per paragraph: list of word sets of its sentences
        for text, _, _ in pars:
            low = _lowered(text)
            if low is None:
                sents.append([set(_norm_words(s.text)) for s in split_sentences(text)])
            else:  # the paragraph lower-cased once, its sentences' words read in place
                sents.append([set(WORD_RE.findall(low, s.start, s.end)) for s in split_sentences(text)])
        # A near copy of a sentence s shares at least ceil(0.8 |s|) of its words,
        # so it holds at least one of any |s| - ceil(0.8 |s|) + 1 of them: only
        # sentences holding one of those words need comparing, and any such
        # choice of words gives the same answer. (Comparing every sentence with
        # every other one made a long page quadratic.)
        # A word found in one paragraph only leads to no other paragraph's
        # sentences; ``shared`` holds the words found in two or more, and only
        # they get an index word -> sentences (of paragraphs still alive)
        # holding it. Postings are grouped by paragraph, so a paragraph's own
        # sentences (never compared with each other) are skipped in one step.
        unions = [set().union(*ss) for ss in sents]
        shared = {w for w, n in Counter(chain.from_iterable(unions)).items() if n > 1}
        # A sentence can only have a near copy elsewhere when enough of its words are found in another
        # paragraph (has_copy's first test, which needs no index); when no paragraph has enough such
        # sentences to be a duplicate, nothing goes, and the index need not be built.
        if not any(_may_be_duplicate(pars[i][0], ss, shared) for i, ss in enumerate(sents)):
            return pars
        postings: dict[str, dict[int, list[int]]] = {}
        for j, ss in enumerate(sents):
            for k, s in enumerate(ss):
                for w in s & shared:
                    postings.setdefault(w, {}).setdefault(j, []).append(k)

        def has_copy(i: int, s: set[str]) -> bool:
            common = s & shared  # its words another paragraph holds (or held at the start)
            if not _enough_shared(s, common):
                return False  # choose the other words: no other sentence holds one
            # the other words, and the rarest of these to make up the number (no other sentence holds
            # the other words, so only these lead to candidates)
            rare = sorted(common, key=lambda w: len(postings[w]))[: len(common) - math.ceil(0.8 * len(s)) + 1]
            tried: set[tuple[int, int]] = set()
            for w in rare:
                for j, ks in postings[w].items():
                    if j == i:
                        continue
                    for k in ks:
                        if (j, k) not in tried:
                            tried.add((j, k))
                            if _near_copy(s, sents[j][k]):
                                return True
            return False

        alive = [True] * len(pars)
        order = sorted(range(len(pars)), key=lambda i: (-len(pars[i][0]), -i))
        for i in order:
            own = _judged(pars[i][0], sents[i])
            if not own:
                continue  # too short to judge, or a heading
            dup = sum(1 for s in own if has_copy(i, s))
            if dup >= DUPLICATE_SHARE * len(own):
                alive[i] = False
                for w in unions[i] & shared:
                    del postings[w][i]
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
        glued = len(_GLUED.findall(text))
        if glued:
            text = _GLUED.sub(" ", text)
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


def _judged(text: str, sents: list[set[str]]) -> list[set[str]]:
    """The sentences (word sets) of a paragraph that judge whether it is a
    duplicated passage: those of six words or more; none for a heading (a
    single sentence without its closing stop)."""
    if len(sents) == 1 and not _ends_sentence(text):
        return []
    return [s for s in sents if len(s) >= 6]


def _enough_shared(s: set[str], common: set[str]) -> bool:
    """True when ``common`` (the words of ``s`` found in another paragraph)
    could make a near copy of ``s``: all but at most a fifth of its words."""
    return len(s) - len(common) <= len(s) - math.ceil(0.8 * len(s))


def _may_be_duplicate(text: str, sents: list[set[str]], shared: set[str]) -> bool:
    """False when too few of a paragraph's judged sentences have enough
    words in ``shared`` for it to be a duplicated passage."""
    own = _judged(text, sents)
    return bool(own) and sum(_enough_shared(s, s & shared) for s in own) >= DUPLICATE_SHARE * len(own)


def _near_copy(s: set[str], other: set[str]) -> bool:
    """True when ``other`` holds at least 80% of the words of ``s`` and is of
    comparable length (at most twice as many distinct words)."""
    return len(s & other) >= 0.8 * len(s) and len(other) <= 2 * len(s)


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
