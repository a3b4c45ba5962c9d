"""Who is quoted, and saying what: direct and reported speech with speakers.

:func:`extract_quotes` finds attributed statements by rules only (no parser
model, no download). A statement is one of

* a **direct quote** (``kind="direct"``): the words between quotation marks --
  curly, straight or mismatched, across re-joined line breaks, over several
  paragraphs when a paragraph ends inside the quote and the next opens with a
  mark -- attributed by what follows the closing mark (``"...," Lukin said``,
  ``"...," said Cho Han-bum, a researcher at ...``), by the clause that introduces
  it (``he said: "..."``, ``stating, "..."``), or by the quote it continues
  (``"...," he said. "..."``); a quote whose opening mark is missing
  (``... sensitive areas," Peskov said``) runs back over the first-person
  sentences before it;
* **reported speech** (``kind="indirect"``): the reported clause of
  ``X said (that) ...``, ``..., X said``, ``..., said X``, ``according to X``,
  ``X told Sputnik ...`` and some fifty other speech verbs (warned, stressed,
  noted, claimed, denied, confirmed, estimated ...). A clause that embeds a
  **partial quote** (``warned that blocs are hiding their "aggressive nature"``)
  is one reported statement whose text includes the quoted words.

Not statements: one or two quoted words without an attribution of their own
(scare quotes) and titles or names in quotation marks (after "titled", "the
film", "so-called" ..., or in Title Case inside a sentence); see
:func:`find_scare_quotes`, which lists them. Verbs with only a noun phrase after
them ("denied these claims", "declared the attempts unacceptable") or in the
infinitive or negated ("declined to say") report no statement. A statement
found twice in the text (the same words) is returned once.

Speakers are resolved in reading order: pronouns and nominals ("he added",
"the minister", "the expert", "the company", "it") go to the last compatible
speaker or full name opening a sentence; a surname alone joins its full name
earlier in the text or the one registered person with that surname; unnamed
sources ("analysts say", "a senior US official", "another resident") get role
``unnamed`` and ``named=False``; "a spokesman for X" and "analysts at X" speak
for X. Country and role come from the speaker registry
(``framing/data/speakers.csv``: people, bodies and states with their capitals
and nationality adjectives) or from the title and organisation written next to
the name ("Brazil's Environment Minister", "an expert at the Korea Institute
for ...", "Pollster ..."); when neither says, they stay unknown (None /
``"unknown"``), never guessed from context.

Roles: ``official`` (states, governments, officials, politicians), ``expert``
(researchers, analysts, think tanks, universities), ``media``, ``other``
(companies, unions, associations, NGOs and their people), ``unnamed``,
``unknown``.

Limits: English only; single quotation marks are not treated as quotes; a
speaker named only after the statement in a later sentence ("A judge ruled
that ..." ... "Judge Elena Park wrote") is not linked; a pronoun goes to the
last person, whatever the gender; speakers joined by "and" get no country
unless both share one; a country is never inferred from a city or a company.
Measured on hand-annotated text by ``benchmarks/quotes.py``.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, islice
from dataclasses import asdict, dataclass

from .text import _sentence_spans
from ._quote_words import (
    _ABBR, _ACCORDING, _ADVERBIAL, _CONNECT, _FIRST_PERSON, _GROUP_HEADS, _GROUP_MODS, _LEAD, _NAMING,
    _NEED_THAT, _OBJECT_VERBS, _PERSON_NOUNS, _QUOTE_TRANS, _ROLE_NOUNS, _TAIL, _TITLES, _TITLE_LEAD, _TOLD_OBJ,
    _VERB, _VERB_ALTS, _VERB_RE, _words,
)
from ._quote_registry import ROLES, Speaker, SpeakerRegistry, default_registry, load_speakers  # re-exported
from ._quote_speakers import _Mention, _Resolver, _WINDOW, _head_form, _lower_words, _np_after, _np_before


# Patterns used by the functions below, compiled once.
_NEWLINE = re.compile("\n")
_PRONOUN_CUT = re.compile(r"[.!?]\s+(?=(?:he|she|they|it)\s+" + _VERB + r")")
_LINE = re.compile(r"[^\n]+")
_MARK = re.compile('"')
_LOWER_OR_DIGIT = re.compile(r"[a-z\d]")
_ABBR_END = re.compile(r"(?:\b[A-Z]|\b(?:" + "|".join(_ABBR) + r"))$")
_COMMA_GAP = re.compile(r"\s*,?\s*")
_COMMA_QUOTE = re.compile(r'\s*[,:]\s*"')
_OBJ_THAT = re.compile(r"\s+[^,.;\"]{1,80}?\s+that\s+")
_TO_MARK = re.compile(r"\s*[:,]\s*(?=\")")
_NEXT_WORD = re.compile(r"\s+(\S+)")
_NOT_CLAUSE = _words("in on at to for with about by of from during after before as when while into upon against over")
_QUOTED = re.compile(r'"([^"]+)"')
_AND_END = re.compile(r"\b(?:and|but)\s+(?:also\s+)?$")
_SUBJECT_TOKEN = re.compile(r"[^\s,;:\"]+")
_SUBJECT_WORDS = _ROLE_NOUNS | _TITLES | _GROUP_HEADS | _GROUP_MODS | _CONNECT | _PERSON_NOUNS
_NEGATED = re.compile(r"(?:\bto|\bnot|n't|\bnever)\s+$")
_CONTRAST = re.compile(r",\s*(?:though|although|while|whereas|but)\s+")
_LATIN_WORD = re.compile(r"[A-Za-z][\w'-]*")
_PUNCT_END = re.compile(r"[.!?,]$")
_VERB_END = re.compile(_VERB + r"\s*[:,]?\s*$")
_ING_END = re.compile(r"\b(\w+ing)\s*[,:]?\s*\"?\s*$")
_GAP = re.compile(r'[ .,;:"]*')
_W = re.compile(r"\w+")
_SO_CALLED = re.compile(r"so-called\s*$")


__all__ = ["Quote", "MarkedPhrase", "Speaker", "SpeakerRegistry", "ROLES", "extract_quotes", "find_scare_quotes",
           "load_speakers"]


@dataclass(frozen=True)
class Quote:
    """One statement attributed (or not) to a speaker; see :func:`extract_quotes`."""

    start: int
    end: int
    text: str
    kind: str
    verb: str | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_country: str | None
    speaker_role: str
    named: bool

    def to_dict(self) -> dict:
        """All fields as a plain JSON-able dict."""
        return asdict(self)


#: _QUOTE_TRANS as (character, replacement) pairs; no replacement is itself replaced.
_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTE_TRANS.items())


def _prepare(text: str) -> str:
    """Same-length copy of ``text`` with straight quotes, and line breaks inside a
    sentence turned into spaces (so a paragraph is one line)."""
    # text.translate(_QUOTE_TRANS), one kind of character at a time: translate
    # with a table looks up every character of a non-ASCII text in Python
    norm = text
    for old, new in _QUOTE_PAIRS:
        if old in norm:
            norm = norm.replace(old, new)
    if "\n" not in norm:
        return norm
    lines = norm.split("\n")
    out = [lines[0]]
    stripped = [ln.strip() for ln in lines]
    for k, (line, nxt) in enumerate(zip(stripped, stripped[1:])):
        join = False
        if line and nxt:
            ends = line[-1] in ".!?:" or line[-1] == '"' and len(line) > 1 and line[-2] in ".!?"
            heading = len(line.split()) <= 8 and line[-1] not in ',"-(' and nxt[:1].isupper()
            join = not ends and not heading
        out.append(" " if join else "\n")
        out.append(lines[k + 1])
    return "".join(out)


def _sentences(norm: str, spans: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans, with an extra cut before a lowercase "he said" after a period.

    The sentences are those of :func:`framing.text.split_sentences` (paragraph by paragraph,
    at the same boundaries, without their blank ends), as spans only: making
    its Sentence objects cost more than finding the boundaries. ``spans``:
    those sentences' spans, when the caller already has them (see
    :func:`_given_spans`)."""
    if spans is None:
        spans = []
        for pm in _LINE.finditer(norm):
            base = pm.start()
            spans.extend((base + a, base + b) for a, b in _sentence_spans(pm.group()))
    # Where a cut may fall, from one scan of the whole text. A match is a mark
    # and spaces, then a look ahead with nothing tested after the verb; so a
    # match inside a sentence also matches in the whole text at the same mark
    # (which no earlier match covers: they hold spaces only after their mark).
    # Sentences without such a mark are not searched one by one.
    marks = [m.start() for m in _PRONOUN_CUT.finditer(norm)]
    if not marks:
        return spans
    out = []
    for a, b in spans:
        lo = a
        if _any_in(marks, a, b):
            for m in _PRONOUN_CUT.finditer(norm, a, b):  # (no lookbehind: the same as in the sentence alone)
                out.append((lo, m.start() + 1))
                lo = m.end()
        out.append((lo, b))
    return out


#: The characters _prepare turns into quotation marks or apostrophes: the
#: sentence splitter reads some of them unlike the straight marks they become.
_CURLY = tuple(old for old, new in _QUOTE_PAIRS if not new.isspace())


def _given_spans(text: str, norm: str, sentences) -> list[tuple[int, int]] | None:
    """The spans of ``sentences`` (``split_sentences(text)``) when they are the
    sentences of ``norm`` too, else None (then ``norm`` is split afresh).

    They are when _prepare joined no lines and changed no quotation mark:
    then ``norm`` differs from ``text`` only where a tab, carriage return or
    odd space became a plain space, and the splitter treats all of those
    alike (as spaces, in its patterns and in strip)."""
    if text.count("\n") != norm.count("\n") or any(c in text for c in _CURLY):
        return None
    return [(s.start, s.end) for s in sentences]


def _pair_marks(norm: str, raw: str) -> tuple[list, list, list]:
    """Pair double quotation marks per paragraph: (open, close) pairs, orphan
    closing marks, and orphan opening marks with the end of their stretch.

    A straight mark opens after a space or bracket and closes before a space or
    punctuation; when the context does not tell, a curly mark's direction does,
    else the mark toggles. A straight mark after a digit (5") is an inch sign.
    """
    pairs, orphans, opens = [], [], []
    for pm in _LINE.finditer(norm):
        lo, hi = pm.span()
        open_at = None
        for m in _MARK.finditer(pm.group()):
            p = lo + m.start()
            prev, nxt = (norm[p - 1] if p > lo else " "), (norm[p + 1] if p + 1 < hi else " ")
            if raw[p] == "″" or prev.isdigit() and open_at is None and raw[p] == '"':
                continue
            can_open = prev.isspace() or prev in "([{-—–/"
            can_close = nxt.isspace() or nxt in ",.;:!?)]}-—–/"
            if can_open != can_close:
                opening = can_open
            elif raw[p] in "“„«" or raw[p] in "”»":
                opening = raw[p] in "“„«"
            else:
                opening = open_at is None
            if opening:
                if open_at is not None:
                    opens.append((open_at, p))
                open_at = p
            elif open_at is not None:
                pairs.append((open_at, p))
                open_at = None
            else:
                orphans.append(p)
        if open_at is not None:
            opens.append((open_at, hi))
    return pairs, orphans, opens


@dataclass
class _Claim:
    start: int
    end: int
    kind: str
    verb: str | None
    mention: _Mention | None = None
    parent: "_Claim | None" = None
    attr_end: int | None = None  # end of a direct quote's own attribution
    dropped: bool = False
    skip: int | None = None  # position of the attribution verb of a direct quote
    needs_host: bool = False  # a quote without closing mark: kept only inside a reported clause
    result: tuple = (None, None, None)


_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


def _nwords(s: str) -> int:
    return len(_WORD.findall(s))


def _count_words(norm: str, a: int, b: int, k: int) -> int:
    """Words in ``norm[a:b]``, counted up to ``k`` at most. Reads only as far as
    the k-th word and copies nothing: a slice per quote of a long sentence made
    a text of many quotes quadratic. (No lookbehind in the word pattern, and a
    word cut by ``a`` counts from ``a`` on, exactly as in the slice.)"""
    return sum(1 for _ in islice(_WORD.finditer(norm, a, max(a, b)), k))


def _has_words(norm: str, a: int, b: int, k: int) -> bool:
    """True when ``norm[a:b]`` holds at least ``k`` words."""
    return _count_words(norm, a, b, k) >= k


class _Inside:
    """Which offsets lie strictly inside one of a set of spans, in log time.

    Spans sorted by start with the running maximum of their ends: ``x`` is
    inside a span iff some span starting before ``x`` ends after it."""

    def __init__(self, spans, *, from_start: bool = False):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))
        self._find = bisect_right if from_start else bisect_left  # from_start: a span's start counts as inside

    def __call__(self, x: int) -> bool:
        i = self._find(self.starts, x)
        return i > 0 and self.reach[i - 1] > x


def _any_in(sorted_points: list[int], a: int, b: int) -> bool:
    """True when one of ``sorted_points`` lies in ``[a, b)``."""
    i = bisect_left(sorted_points, a)
    return i < len(sorted_points) and sorted_points[i] < b


def _trim(norm: str, a: int, b: int, strip: str = " ,;:") -> tuple[int, int]:
    while a < b and norm[a].isspace():
        a += 1
    while b > a and (norm[b - 1].isspace() or norm[b - 1] in strip):
        b -= 1
    return a, b


_STOPS = re.compile(r'[.!?;"\n]')


def _attr_end(norm: str, p: int) -> int:
    """End of an attribution starting at ``p``: the next . ! ? ; or quote mark
    that is not part of an abbreviation or initial, or the paragraph end."""
    for m in _STOPS.finditer(norm, p):
        q = m.start()
        if norm[q] == "." and (_LOWER_OR_DIGIT.match(norm[q + 1:q + 2])
                               or _ABBR_END.search(norm[max(p, q - 5):q])):
            continue
        return q
    return len(norm)


def _after_attr(norm: str, c: int) -> tuple[str, _Mention, int, int] | None:
    """The attribution right after a closing mark: (verb, speaker, verb position, end)."""
    hi = _attr_end(norm, c + 1)
    p = c + 1 + len(_COMMA_GAP.match(norm[c + 1:hi]).group())
    acc = _ACCORDING.match(norm, p, hi)
    if acc:
        m = _np_after(norm, acc.end(), hi)
        return ("according to", m, p, hi) if m else None
    vm = _VERB_RE.match(norm, p, hi)
    if vm:
        m = _np_after(norm, vm.end(), hi)
        return (_verb(vm), m, vm.start(), hi) if m and not _participle(vm) else None
    ended = norm[c - 1] in ".!?"  # the quote closed its sentence: what follows may be a new one
    for vm in _VERB_RE.finditer(norm, p, hi):
        if _participle(vm) or hi - vm.end() >= _WINDOW:
            continue  # (tested before the speaker phrase is looked for)
        found = _np_before(norm, p, vm.start())
        if found and found[0].start == p:
            if ended and not _is_tail(norm, vm, hi):
                return None  # '..." He said the party would ...': a new statement, not this quote's attribution
            return _verb(vm), found[0], vm.start(), hi
    return None


def _participle(vm: re.Match) -> bool:
    """True for "saying", "adding" ...; not for "quoted as saying", a full attribution."""
    return vm.group().endswith("ing") and not vm.group().startswith("quoted")


def _verb(vm: re.Match) -> str:
    return " ".join(vm.group().lower().split())


def _is_tail(norm: str, vm: re.Match, hi: int) -> bool:
    """True when nothing but an object of "told", a time or place, or a comma
    phrase follows the verb up to ``hi``: the verb closes its sentence."""
    p = vm.end()
    if _COMMA_QUOTE.match(norm[p:p + 5]):
        return False  # 'Still, he added, "..."': the quote is what he added
    if vm.group() in _OBJECT_VERBS:
        om = _TOLD_OBJ.match(norm, p, hi)
        p = om.end() if om else p
    return hi - p < _WINDOW and bool(_TAIL.fullmatch(norm, p, hi))


def _content_start(norm: str, vm: re.Match, hi: int) -> int | None:
    """Start of the reported clause after a speech verb (subject before it), or None."""
    verb, p = vm.group(), vm.end()
    if verb in _OBJECT_VERBS:
        tm = _OBJ_THAT.match(norm[p:min(hi, p + 120)])
        if tm:
            return p + tm.end()
        om = _TOLD_OBJ.match(norm, p, hi)
        if not om:
            return None
        p = om.end()
    else:
        am = _ADVERBIAL.match(norm[p:min(hi, p + 80)])
        if am:
            return p + am.end()
    tm = _WHEN.match(norm, p, hi)
    p = tm.end() if tm else p
    qm = _TO_MARK.match(norm[p:min(hi, p + 20)])
    if qm:
        return p + qm.end()
    if verb in _NEED_THAT or norm[p:p + 1] in ",.;:" or p >= hi:
        return None
    nxt = _NEXT_WORD.match(norm[p:min(hi, p + 100)])
    if not nxt or nxt.group(1).lower() in _NOT_CLAUSE and not _ABOUT_NUMBER.match(norm, p + nxt.start(1), hi):
        return None
    return p + nxt.start(1)


#: "said about 40 vessels ...", "said over half of ...": "about" and "over" before a number mean
#: "roughly" or "more than", and the reported clause starts there
_ABOUT_NUMBER = re.compile(r"(?:about|over)\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|"
                           r"thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|hundreds|thousands|"
                           r"half|a\s+third|a\s+quarter|a\s+dozen|dozens)\b)", re.I)


_WHEN = re.compile(r"\s+(?:(?:on|last|this|late|early)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                   r"Sunday|week|month|year|yesterday|today|tonight)\b(?=\s)")


#: A naming verb ("called the talks a "charade"") is speech only when its quoted words follow within
#: this many characters (the object it names, then the words).
_NAMED_REACH = 40
#: Participles that add a statement of the same speaker: "..., adding that ...".
_AND_SAYING = r"(?:adding|saying|noting|stressing|warning|insisting|arguing|explaining|claiming)"
_SAYING_THAT = re.compile(_AND_SAYING + r"\s+that\s+")

#: After a coordinated speech verb: a preposition, so a noun phrase rather than a reported clause.
_NOUN_AFTER = re.compile(r"(?:" + "|".join(sorted(_NOT_CLAUSE)) + r")\b", re.I)
#: A second speech verb sharing the first one's speaker: "... and warned (that) ...", "..., adding that ...".
_COORD = re.compile(r"\s+(?:and|but)\s+(?:also\s+)?(" + _VERB + r")\s+(?:that\s+)?"
                    r"|,\s+(" + _AND_SAYING + r")\s+that\s+")


def _quoted_words(norm: str, lo: int, hi: int) -> bool:
    """True when ``norm[lo:hi]`` quotes someone's words (not a title or a name)."""
    for m in _QUOTED.finditer(norm[lo:hi]):
        inner = m.group(1).strip(" ,.;:")
        at = lo + m.start()
        if inner and not _title_like(inner) and not _TITLE_LEAD.search(norm[max(lo, at - 40):at]):
            return True
    return False


_ACC_COMMA = re.compile(r",\s+according\s+to\b")
_BE_END = re.compile(r"\b(?:been|is|are|was|were)$")


class _NextMatch:
    """``pattern.search(norm, pos, end)`` for many increasing ``pos`` in one
    sentence, each character read about once.

    The patterns used here have no lookbehind and no ``^``, so whether one
    matches at a position (and how far) does not depend on where the search
    started: the leftmost match from ``pos`` is also the leftmost from any
    later start up to it, and no match from ``pos`` means none from later.
    Searching afresh from every speech verb to the sentence's end made a long
    sentence with many verbs quadratic."""

    def __init__(self, pattern: re.Pattern, norm: str):
        self.pattern, self.norm = pattern, norm
        self.last: dict[int, tuple[int, re.Match | None]] = {}  # end -> (pos, result)

    def search(self, pos: int, end: int) -> re.Match | None:
        hit = self.last.get(end)
        if hit is not None and hit[0] <= pos and (hit[1] is None or pos <= hit[1].start()):
            return hit[1]
        m = self.pattern.search(self.norm, pos, end)
        self.last[end] = (pos, m)
        return m


#: _VERB_RE is its look-behind, then _VERB and its look-ahead. Looking behind at
#: every character is most of what searching for it costs; these two patterns
#: start with a plain character instead (which the engine skips to quickly) and
#: then match _VERB exactly as _VERB_RE does. The character before a verb is
#: either a space or one of the second pattern's class, which holds every
#: character that is not an ASCII letter, digit, "_", "'", "-" or space (so
#: also non-ASCII letters, which _VERB_RE's look-behind refuses).
_VERB_AFTER_SPACE = re.compile(" " + _VERB + r"(?![\w'-])")
_VERB_AFTER_OTHER = re.compile(r"[^A-Za-z0-9_'\- ]" + _VERB + r"(?![\w'-])")
_NOT_BEFORE_VERB = re.compile(r"[\w'-]")  # what _VERB_RE's look-behind refuses


def _first_verb(norm: str, lo: int, hi: int) -> int | None:
    """Where ``_VERB_RE.search(norm, lo, hi)`` finds a verb (None: nowhere).

    Before a verb at ``p`` stands a character that is no word character, "'"
    or "-": a space or one of the second pattern's class, so one of the two
    patterns above matches at ``p - 1``. The first verb is thus the earlier
    of their first matches from ``lo - 1``, once the second one's character
    is checked (when it is a letter after all, the plain search decides)."""
    if lo == 0:  # no character before the text to start from
        m = _VERB_RE.search(norm, lo, hi)
        return m.start() if m else None
    sp = _VERB_AFTER_SPACE.search(norm, lo - 1, hi)
    ot = _VERB_AFTER_OTHER.search(norm, lo - 1, hi)
    if ot is not None and (sp is None or ot.start() < sp.start()):
        if _NOT_BEFORE_VERB.match(norm, ot.start()):
            m = _VERB_RE.search(norm, lo, hi)
            return m.start() if m else None
        return ot.start() + 1
    return sp.start() + 1 if sp else None


def _after_be(norm: str, lo: int, v: int) -> bool:
    """True when ``norm[lo:v]`` ends with "been", "is", "are", "was" or "were"
    (then spaces): reads only the end, not the whole stretch."""
    w = v
    while w > lo and norm[w - 1].isspace():
        w -= 1
    # a slice of six characters: the longest word is four, so the \b before it
    # never falls on the slice's first character unless that is ``lo`` itself
    return _BE_END.search(norm[max(lo, w - 6):w]) is not None


def _clause(norm: str, lo: int, vm: re.Match, hi: int, found: tuple[_Mention, str],
            memo: tuple[_NextMatch, _NextMatch] | None = None, cs: int | None = -1) -> list[_Claim]:
    """Claims made by one speech verb whose subject stands before it. ``memo``:
    the sentence's searches for ", according to" and a coordinated verb; ``cs``:
    ``_content_start(norm, vm, hi)`` when the caller has it (-1: not yet)."""
    if memo is None:
        memo = (_NextMatch(_ACC_COMMA, norm), _NextMatch(_COORD, norm))
    mention, boundary = found
    verb = _verb(vm)
    if _participle(vm) and not _after_be(norm, lo, vm.start()):
        return []
    if boundary == "," and not _participle(vm) and _is_tail(norm, vm, hi):
        a, b = _trim(norm, lo, mention.start)
        return [_Claim(a, b, "indirect", verb, mention)]
    if boundary not in ("", ",", ";", ":", "—", "–", "and", "but", "while", "as", "whereas", "although", "though",
                        "because", "since", "when", "after", "so", "meanwhile", "however"):
        return []
    cs = _content_start(norm, vm, hi) if cs == -1 else cs
    if cs is None or vm.group() in _NAMING and not (_quoted_words(norm, cs, hi) and 0 <= norm.find('"', cs, hi) - cs
                                                      <= _NAMED_REACH):
        return []  # "a firm called Lakeview Advisory was to receive ... "market intelligence"": no naming quote
    acc = memo[0].search(cs, hi)
    end = acc.start() if acc else hi
    out = []
    co = memo[1].search(cs, end)
    if co and norm.count('"', cs, co.start()) % 2 == 0 and _NOUN_AFTER.match(norm, co.end(), end) \
            and not _ABOUT_NUMBER.match(norm, co.end(), end):
        # "... said it had cancelled 46 flights, and warned of further disruption": the second verb takes
        # a noun phrase, not a clause; it ends the first statement and makes none of its own
        out = [_Claim(*_trim(norm, cs, co.start(), " ,;:."), "indirect", verb, mention)]
    elif co and norm.count('"', cs, co.start()) % 2 == 0:
        first = _Claim(*_trim(norm, cs, co.start(), " ,;:."), "indirect", verb, mention)
        second = _Claim(*_trim(norm, co.end(), end, " ,;:."), "indirect",
                        " ".join((co.group(1) or co.group(2)).lower().split()), None, first)
        out = [first, second]
    else:
        out = [_Claim(*_trim(norm, cs, end, " ,;:."), "indirect", verb, mention)]
    return out


def _coord_subject(norm: str, lo: int, v: int) -> tuple[_Mention, str] | None:
    """The subject of a speech verb coordinated with an earlier verb ("Tanaka
    dismissed the talk and said ..."): the speaker phrase opening the sentence."""
    if not _AND_END.search(norm[max(lo, v - 20):v]):
        return None
    return _opening_subject(norm, lo, v)


def _opening_subject(norm: str, lo: int, v: int) -> tuple[_Mention, str] | None:
    """The speaker phrase that opens the sentence at ``lo``, if any."""
    lead = _LEAD.match(norm, lo, v)
    a = lead.end() if lead else lo
    end = None
    head = norm[a:min(v, a + 200)]
    gap = 0  # where the stretch between the last token and the next starts
    for w in _SUBJECT_TOKEN.finditer(head):
        tok = w.group()
        # a comma ends the phrase ("Siti Aminah, 52, spent ..."): the stretch before a token holds only
        # spaces and the characters _SUBJECT_TOKEN leaves out, so it is a comma, colon ... unless all spaces
        if gap < w.start() and not head[gap:w.start()].isspace() or tok[0].islower() and not tok in _SUBJECT_WORDS:
            break
        end = a + w.end()
        gap = w.end()
    if end is None:
        return None
    found = _head_form(norm, a, end)
    return (found, "and") if found and found.form in ("proper", "nominal", "group", "pron") else None


_TO_QUOTE = re.compile(r'\s*[,:]?\s*"')


class _OpenClaims:
    """``next((c for c in claims if c.start <= v < c.end), None)`` for speech
    verbs ``v`` taken left to right while ``claims`` grows (and a claim's end
    may move back), without scanning every claim for every verb.

    Claims enter a heap keyed by their place in the list once they start at or
    before ``v``; one ending at or before ``v`` can hold no later verb either
    (ends only move back), so it leaves the heap when it comes to the top."""

    def __init__(self, claims: list[_Claim]):
        self.claims = claims
        self.seen = 0                                   # claims[:seen] have been filed
        self.waiting: list[tuple[int, int]] = []        # (start, place) not started yet
        self.open: list[int] = []                       # places of started claims

    def first_holding(self, v: int) -> _Claim | None:
        for i in range(self.seen, len(self.claims)):
            heapq.heappush(self.waiting, (self.claims[i].start, i))
        self.seen = len(self.claims)
        while self.waiting and self.waiting[0][0] <= v:
            heapq.heappush(self.open, heapq.heappop(self.waiting)[1])
        while self.open and self.claims[self.open[0]].end <= v:
            heapq.heappop(self.open)
        return self.claims[self.open[0]] if self.open else None


class _Union:
    """The union of a growing set of spans, as sorted disjoint stretches, to
    ask in log time whether a span overlaps any of them."""

    def __init__(self, spans=()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            self.add(a, b)

    def overlaps(self, a: int, b: int) -> bool:
        """True when some span (s, e) has s < b and a < e."""
        i = bisect_left(self.starts, b) - 1  # the last stretch starting before b
        return i >= 0 and self.ends[i] > a

    def add(self, a: int, b: int) -> None:
        if b <= a:
            return  # an empty span overlaps nothing
        i = bisect_left(self.starts, a)
        j = i
        if i > 0 and self.ends[i - 1] >= a:  # merge with the stretch before
            i -= 1
            a = self.starts[i]
        while j < len(self.starts) and self.starts[j] <= b:  # and those it reaches
            b = max(b, self.ends[j])
            j += 1
        b = max(b, self.ends[i]) if i < j else b
        self.starts[i:j] = [a]
        self.ends[i:j] = [b]


def _sentence_claims(norm: str, lo: int, hi: int, skip: dict[int, _Claim], quoted: list[tuple[int, int]],
                     index: tuple[_Inside, list[int]] | None = None) -> list[_Claim]:
    """Reported speech in the sentence ``norm[lo:hi]``. ``skip``: the attribution
    verbs of direct quotes (position -> the quote). ``index``: ``quoted`` and
    ``skip`` prepared for lookups, built once per text by the caller."""
    claims: list[_Claim] = []
    # most sentences report nothing: without a speech verb or "according to"
    # there is nothing to read (and nothing to set up for reading it)
    first = _first_verb(norm, lo, hi)  # (most sentences have none)
    according = norm.find("ccording", lo, hi) >= 0  # in every match of _ACCORDING
    if first is None and not according:
        return claims
    spans: set[tuple[int, int]] = set()  # the claims' spans
    inq, skipped = index if index is not None else (_Inside(quoted), sorted(skip))
    memo = (_NextMatch(_ACC_COMMA, norm), _NextMatch(_COORD, norm))
    hosts = _OpenClaims(claims)
    for vm in _VERB_RE.finditer(norm, first, hi) if first is not None else ():
        v = vm.start()
        if v in skip or inq(v) or _NEGATED.search(norm[max(lo, v - 8):v]):
            continue  # "declined to say", "did not say": no statement
        host = hosts.first_holding(v)
        part = _participle(vm)  # ("saying", "adding" ...), asked below up to five times
        if host is not None:  # "X said A, though officials cautioned that B": B is a statement of its own
            w0 = max(host.start, v - _WINDOW)
            cut = list(_CONTRAST.finditer(norm[w0:v]))
            found = _np_before(norm, w0 + cut[-1].end(), v) if cut else None
            ok = found and found[0].form in ("proper", "group", "nominal", "pron") and found[1] == ""
            got = _clause(norm, lo, vm, hi, found, memo) if ok else []
            if got:
                host.end = _trim(norm, host.start, w0 + cut[-1].start(), " ,;:.")[1]
        elif part and (th := _SAYING_THAT.match(norm, v, hi)) and norm[lo:v].rstrip().endswith(","):
            # '"...," the centre said in a statement, adding that B': B is the quote's speaker's too
            k = bisect_left(skipped, v) - 1
            quote = skip[skipped[k]] if k >= 0 and skipped[k] >= lo else None
            got = [_Claim(*_trim(norm, th.end(), hi, " ,;:."), "indirect", _verb(vm), None, quote)] if quote else []
        elif part and _TO_QUOTE.match(norm, vm.end(), hi):
            # 'The Kremlin announced the visit, stating: "..."': the sentence's subject speaks
            found = _opening_subject(norm, lo, v)
            qs = norm.index('"', vm.end())
            got = [_Claim(qs, _trim(norm, qs, hi, " ,;:.")[1], "indirect", _verb(vm), found[0])] if found else []
        else:
            # _clause makes nothing of a participle not after "is" or "was", nor of a verb with no
            # reported clause after it that does not close its sentence, whatever the subject: then
            # no subject is looked for
            cs = None if part and not _after_be(norm, lo, v) else _content_start(norm, vm, hi)
            if cs is None and (part or not _is_tail(norm, vm, hi)):
                got = []
            else:
                found = _np_before(norm, lo, v) or _coord_subject(norm, lo, v)
                got = _clause(norm, lo, vm, hi, found, memo, cs) if found else []
        if not got and norm[max(lo, v - 5):v].rstrip().endswith(",") and not part:
            m = _np_after(norm, vm.end(), _trim(norm, vm.end(), hi, ' .!?"')[1])
            if m and (vm.group() not in ("read", "reads") or m.form == "doc"):
                got = [_Claim(*_trim(norm, lo, norm.rindex(",", lo, v)), "indirect", _verb(vm), m)]
        # a coordinated verb's clause ("... and called the win ...") was already made with the first verb's
        # statement: the verb's own reading of it is not a second statement
        got = [c for c in got if _has_words(norm, c.start, c.end, 3) and not _any_in(skipped, c.start, c.end)
               and (c.start, c.end) not in spans]
        claims += got
        spans.update((c.start, c.end) for c in got)
    if not according:
        return claims
    covered = _Union((c.start, c.end) for c in claims)
    for am in _ACCORDING.finditer(norm, lo, hi):
        if inq(am.start()):
            continue
        # the sentence's words before "according to", read from its end (a
        # slice of them per "according to" made a long sentence quadratic)
        r = am.start()
        while r > lo and norm[r - 1].isspace():
            r -= 1
        if r == lo:
            comma = norm.find(",", am.end(), hi)
            m = _np_after(norm, am.end(), comma) if comma > 0 else None
            span = _trim(norm, comma + 1, hi, " ,;:.") if m else None
        elif norm[r - 1] == ",":
            m = _np_after(norm, am.end(), _trim(norm, am.end(), hi, ' .!?"')[1])
            span = _trim(norm, lo, r - 1)
            comma = norm.find(",", am.end(), hi)
            if comma > 0 and _has_words(norm, comma, hi, 2):  # "Customers, according to X, have moved ..."
                span = _trim(norm, lo, hi, " ,;:.")
        else:
            continue
        if m and not (_lower_words(norm[m.head[0]:m.head[1]]) & _words(
                "agreement treaty law constitution resolution plan data figures statistics deal pact charter")):
            if not covered.overlaps(*span) and _has_words(norm, *span, 3) and not _any_in(skipped, *span):
                claims.append(_Claim(*span, "indirect", "according to", m))
                covered.add(*span)
    return claims


def _orphan_start(norm: str, sents: list[tuple[int, int]], c: int, starts: list[int] | None = None,
                  breaks: list[int] | None = None) -> int:
    """Where a quote with only a closing mark at ``c`` starts: its sentence, and the
    sentences before it in the paragraph while they read as first-person speech."""
    if breaks is None:
        par = norm.rfind("\n", 0, c) + 1
    else:  # the line breaks' offsets, sorted: no scan back to the paragraph start per quote
        i = bisect_left(breaks, c)
        par = breaks[i - 1] + 1 if i else 0
    # sentences are sorted and disjoint: find c's by bisection, and walk back
    # by index (a scan and a copy of the list per quote made this quadratic)
    idx = bisect_right(starts if starts is not None else [a for a, _ in sents], c) - 1
    if idx < 0 or not c < sents[idx][1]:
        return par
    start = sents[idx][0]
    for i in range(idx - 1, -1, -1):
        a, b = sents[i]
        if a < par or norm.find('"', a, b) >= 0 or not _FIRST_PERSON.search(norm, a, b):
            break
        start = a
    return start


def _title_like(s: str) -> bool:
    big = [w for w in _LATIN_WORD.findall(s) if len(w) > 3]
    return len(big) >= 2 and sum(w[0].isupper() for w in big) >= 0.7 * len(big) and not _PUNCT_END.search(s)


_NEXT_PARA_QUOTE = re.compile(r"[ \t]*\n\s*\"")


def _continued(norm: str, opens: list, pairs: list) -> tuple[dict, list]:
    """Quotes running over paragraphs: a paragraph that ends inside a quote and a
    next paragraph that opens with a quotation mark are one quote. Returns
    {opening mark: closing mark or paragraph end} and the pairs left over."""
    starts = {o: (o, c) for o, c in pairs}
    open_end = {o: end for o, end in opens}
    out, used = {}, set()
    for o, end in opens:
        if o in used:
            continue
        while True:
            nxt = _NEXT_PARA_QUOTE.match(norm, end)
            if not nxt:
                break
            o2 = nxt.end() - 1
            if o2 in starts:
                used.add(o2)
                end = starts[o2][1]
                break
            if o2 not in open_end:
                break
            used.add(o2)
            end = open_end[o2]
        out[o] = end
    return out, [pr for pr in pairs if pr[0] not in used]


def _sentence_start(norm: str, sents: list[tuple[int, int]], p: int, starts: list[int] | None = None) -> int:
    """Start of the sentence holding ``p`` (``p`` itself when none does).
    ``sents`` are sorted and disjoint; ``starts`` their starts, for bisecting."""
    i = bisect_right(starts if starts is not None else [a for a, _ in sents], p) - 1
    return sents[i][0] if i >= 0 and p < sents[i][1] else p


def _direct_claims(norm: str, raw: str, sents: list[tuple[int, int]]) -> tuple[list[_Claim], list[tuple[int, int]]]:
    """Quoted stretches with the attribution after them, if any; and all quoted spans."""
    claims: list[_Claim] = []
    marks: list[tuple[int, int]] = []
    pairs, orphans, opens = _pair_marks(norm, raw)
    runs, pairs = _continued(norm, opens, pairs)
    starts = [a for a, _ in sents]
    breaks = [m.start() for m in _NEWLINE.finditer(norm)]
    for o, end in opens:  # "He said: "We will ... (no closing mark): to the end of the stretch
        if o in runs and runs[o] != end:
            pairs.append((o, runs[o]))  # continues in the next paragraph
        elif o in runs and _VERB_END.search(norm[max(0, o - 40):o]):
            claims.append(_Claim(*_trim(norm, o + 1, end, ' ,;:"'), "direct", None, needs_host=True))
            marks.append((o, end))
    for o, c in sorted(pairs + [(None, c) for c in orphans], key=lambda p: p[1]):
        attr = _after_attr(norm, c)
        if o is None:
            if not attr:
                continue
            o = _orphan_start(norm, sents, c, starts, breaks) - 1
        marks.append((o, c))
        a, b = _trim(norm, o + 1, c)
        if b <= a or _TITLE_LEAD.search(norm[max(0, o - 40):o]):
            continue
        if _has_words(norm, _sentence_start(norm, sents, o, starts), o, 1) and _title_like(norm[a:b]):
            continue  # a Title Case name in mid-sentence ("In its newsletter "Moon Matters," ...") is no quote
        cl = _Claim(a, b, "direct", attr[0] if attr else None, attr[1] if attr else None)
        if attr:
            # the writer's words before the quote, from the sentence start or its
            # last colon, read in place (no slice of the sentence per quote)
            ss = _sentence_start(norm, sents, o, starts)
            a0 = norm.rfind(":", ss, o) + 1 or ss
            a1, b1 = a0, o
            while a1 < b1 and norm[a1].isspace():
                a1 += 1
            while b1 > a1 and norm[b1 - 1].isspace():
                b1 -= 1
            lead = _LEAD.match(norm, a1, b1)
            if _has_words(norm, lead.end() if lead else a1, b1, 3) and norm.find('"', a0, o) < 0:
                # writer's words, then a partial quote, then the attribution: one reported statement
                cl.start, cl.end, cl.kind = _trim(norm, a0, c)[0], c + 1, "indirect"
        cl.attr_end = attr[3] if attr else None
        cl.skip = attr[2] if attr else None
        claims.append(cl)
    claims.sort(key=lambda q: q.start)
    return claims, marks


def _first_hosts(claims: list[_Claim], points) -> dict[int, _Claim | None]:
    """For each offset x of ``points``, the first claim in list order whose span
    holds it: ``next((c for c in claims if c.start <= x < c.end), None)``.

    One sweep over the points in increasing order: claims enter a heap (keyed
    by list position) once they start at or before x and leave it once they
    end at or before x, for good since x only grows. Scanning every claim for
    every quote made a text of many quotes in one long sentence quadratic."""
    order = sorted(range(len(claims)), key=lambda i: claims[i].start)
    heap: list[int] = []
    out: dict[int, _Claim | None] = {}
    j = 0
    for x in sorted(set(points)):
        while j < len(order) and claims[order[j]].start <= x:
            heapq.heappush(heap, order[j])
            j += 1
        while heap and claims[heap[0]].end <= x:
            heapq.heappop(heap)
        out[x] = claims[heap[0]] if heap else None
    return out


def _link(norm: str, direct: list[_Claim], indirect: list[_Claim]) -> list[_Claim]:
    """Give unattributed direct quotes a speaker: the reported clause they stand in,
    or the attribution of the quote just before them ("...," he said. "...")."""
    out, prev = [], None
    hosts = _first_hosts(indirect, [q.start for q in direct if q.mention is None])
    for q in direct:
        if q.mention is None:
            host = hosts[q.start]
            short = not _has_words(norm, q.start, q.end, 3)
            if host is not None:
                before = _count_words(norm, host.start, q.start - 1, 3)
                if before + _count_words(norm, q.end + 1, host.end, 3 - before) >= 3:
                    continue  # a partial quote: the reported clause around it is the statement
                if short or _title_like(norm[q.start:q.end]):
                    continue
                part = _ING_END.search(norm[max(host.start, q.start - 30):q.start])
                q.parent, host.dropped = host, True
                q.verb = part.group(1).lower() if part and part.group(1).lower() in _VERB_ALTS else host.verb
            elif prev and prev.attr_end is not None and _GAP.fullmatch(norm[prev.attr_end:q.start]):
                q.parent, q.verb = prev, prev.verb
            elif q.needs_host or short or _nwords(norm[q.start:q.end]) < 6 or _title_like(norm[q.start:q.end]):
                continue
        out.append(q)
        prev = q
    return out


def _narration_subjects(norm: str, sents: list[tuple[int, int]], taken: list[int]) -> list[tuple[int, _Mention]]:
    """Full names opening sentences that report no speech ("Transport Minister Anna
    Vogel urged both sides ..."): later pronouns may point to them. Only those
    before the last speaker phrase in ``taken``: no speaker is resolved after
    it, so nothing reads what is remembered there (and a subject starts inside
    its sentence, so the sentences from there on are not read)."""
    out, taken = [], sorted(taken)
    until = taken[-1] if taken else 0
    for a, b in sents:
        if a >= until:
            break
        i = bisect_left(taken, a)
        if i < len(taken) and taken[i] < b:
            continue
        # "Hirsch's granddaughter, Ruth Adler, 74, flew from New York": the name in apposition is the subject
        app = _APPOSED.match(norm, a, b)
        named = _head_form(norm, app.start(1), app.end(1)) if app and len(app.group(1).split()) >= 2 else None
        found = (named, ",") if named and named.form == "proper" else _opening_subject(norm, a, b)
        if found and found[0].form == "proper" and found[0].start < until:
            out.append((found[0].start, found[0]))
    return out


#: A sentence opening "<descriptor>, <Name>, (<age>,) <verb> ...".
_APPOSED = re.compile(r"[^,.;:\"]{3,60},\s+([A-Z][^,.;:\"]{2,60}?)(?:,\s+\d{1,3})?,\s+[a-z]")


def extract_quotes(text: str, *, registry: SpeakerRegistry | None = None,
                   sentences: list | None = None) -> list[Quote]:
    """Direct and reported speech in ``text``, sorted by start.

    Works on cleaned or raw text (curly or straight quotation marks, lines broken
    inside a sentence). Each :class:`Quote` has ``start``/``end`` (``text[start:end]``
    is the quoted words without their marks, or the reported clause), ``kind``
    (``direct`` or ``indirect``), ``verb`` (the attribution verb as written,
    lower case: "said", "claimed", "pointed out", "according to"), the speaker's
    canonical name, the offsets of the speaker as written (``speaker_start``/
    ``speaker_end``: "he", "the minister", "Lukin"; None when there is none),
    ``speaker_country`` (None when unknown), ``speaker_role`` and ``named``.

    Direct quotes are attributed by the attribution after the closing mark, by
    the clause that introduces them, or by the quote they continue; a quote of
    one or two words needs an attribution of its own (otherwise it is a scare
    quote, see :func:`find_scare_quotes`), a title or name is not a quote, and
    an unattributed quote is kept (speaker None) only when it has six words or
    more. Reported speech needs a speech verb or "according to" and a speaker
    phrase (a name, a known body, a pronoun, a nominal such as "the minister",
    or a group such as "US officials"). ``registry`` is a
    :class:`SpeakerRegistry` (default: the packaged one, see
    :func:`load_speakers`). ``sentences``: the sentences of this ``text``, when
    they have already been split (``split_sentences(text)``, e.g. an Article's
    ``.sentences``); they save splitting it again and give the same quotes.
    See the module docstring for the rules and limits.
    """
    reg = registry if registry is not None else default_registry()
    norm = _prepare(text)
    sents = _sentences(norm, _given_spans(text, norm, sentences) if sentences is not None else None)
    direct, marks = _direct_claims(norm, text, sents)
    skip = {q.skip: q for q in direct if q.skip is not None}
    index = (_Inside(marks), sorted(skip))
    indirect = [c for a, b in sents for c in _sentence_claims(norm, a, b, skip, marks, index)]
    direct = _link(norm, direct, indirect)
    claims = [c for c in indirect if not c.dropped] + direct
    resolve = _Resolver(norm, reg)
    spoken = [c for c in indirect + direct if c.mention]
    subjects = _narration_subjects(norm, sents, [c.mention.start for c in spoken])
    for start, item in sorted([(c.mention.start, c) for c in spoken] + subjects, key=lambda x: x[0]):
        if isinstance(item, _Claim):
            item.result = resolve(item.mention)
        else:
            resolve.remember_subject(item)
    out, seen = [], set()
    for c in sorted(claims, key=lambda c: (c.start, c.end)):
        root = c
        while root.mention is None and root.parent is not None:
            root = root.parent
        who, hs, he = root.result
        key = " ".join(_W.findall(norm[c.start:c.end].lower()))
        if key in seen:
            continue
        seen.add(key)
        out.append(Quote(c.start, c.end, text[c.start:c.end], c.kind, c.verb, who.name if who else None,
                         hs, he, who.country if who else None, who.role if who else "unknown",
                         bool(who and who.named)))
    return out


@dataclass(frozen=True)
class MarkedPhrase:
    """Words in quotation marks that are not a statement; see :func:`find_scare_quotes`."""

    start: int
    end: int
    text: str
    label: str  # scare | title
    in_statement: bool

    def to_dict(self) -> dict:
        """All fields as a plain JSON-able dict."""
        return asdict(self)


def find_scare_quotes(text: str, *, registry: SpeakerRegistry | None = None) -> list[MarkedPhrase]:
    """Quotation marks around words that are not a statement, sorted by start.

    ``label`` is ``"title"`` for a name or title (after "titled", "the book",
    "the operation", "so-called" ..., or in Title Case inside a sentence) and
    ``"scare"`` for one or two quoted words (scare or emphasis quotes: a "natural"
    choice). Neither is ever returned by :func:`extract_quotes` as a quote of its
    own, and neither counts in the quotation balance. ``in_statement`` is True
    when the words stand inside a reported statement (Experts say ... a "natural"
    choice), where they may be the speaker's word rather than the writer's.
    Offsets point into ``text``. Limit: a quote of one or two words with its own
    attribution ('"Never," he said.') is a statement, not a scare quote.
    """
    quotes = extract_quotes(text, registry=registry)
    direct = [(q.start, q.end) for q in quotes if q.kind == "direct"]
    norm = _prepare(text)
    sents = _sentences(norm)
    pairs, _, _ = _pair_marks(norm, text)
    in_direct = _Inside(direct, from_start=True)
    in_quote = _Inside([(q.start, q.end) for q in quotes], from_start=True)
    starts = [a for a, _ in sents]
    out = []
    for o, c in pairs:
        a, b = _trim(norm, o + 1, c, " ,;:.")
        if b <= a or in_direct(a):
            continue
        words = _nwords(norm[a:b])
        lead = norm[max(0, o - 40):o]
        mid = _has_words(norm, _sentence_start(norm, sents, o, starts), o, 1)
        if _TITLE_LEAD.search(lead) or _SO_CALLED.search(lead) or mid and _title_like(norm[a:b]):
            label = "title"
        elif words <= 2:
            label = "scare"
        else:
            continue
        inside = in_quote(a)
        out.append(MarkedPhrase(a, b, text[a:b], label, inside))
    return out
