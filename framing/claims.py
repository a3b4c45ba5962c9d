"""Claim alignment: which statements each outlet carries, attributes or leaves out.

Bias by omission shows claim by claim: one outlet reports a fact in its own
voice, another mentions it only as somebody's (denied) claim, a third leaves
it out. This module finds those differences.

1. Each clause of each sentence of each article is a :class:`Statement`. A
   statement is *attributed* when it has an attribution frame ("X said that
   ..."), reports an accusation ("X blamed Y for ...") or has at least
   :data:`ATTRIBUTED_SHARE` of its characters inside quotations or reported
   speech (the quote extractor's spans), i.e. the outlet tells it as what
   somebody said, not as fact.
2. Statements are compared with a similarity in [0, 1]: the mean of two cosine
   similarities of tf-idf vectors (scikit-learn), one over content words and one
   over character 3- to 5-grams of those words. Only what a statement reports is
   compared, not who reports it: an attribution frame ("US officials have been
   claiming that", ", the agency said") and the accuser of an accusation ("The
   West has blamed") are left out (:func:`attribution_core`). Actor aliases
   become one token per actor ("DPRK", "Pyongyang" and "North Korea" are the
   same word), thousands separators go ("3,000" = "3000"), and the words of one
   group in ``framing/data/claim_synonyms.csv`` become one word ("sacked" =
   "fired", "munitions" = "shells"), after plural and -ed/-ing endings are
   stripped.
3. Statements are grouped into :class:`Claim` objects by average-linkage
   agglomerative clustering (:func:`average_linkage`) cut at ``threshold``: a
   statement joins a claim when its mean similarity to the claim's statements
   is at least ``threshold``. Two statements of the same article never form a
   claim by themselves: each joins one through another article's statement (so
   two alike sentences of one article cannot pair up first and keep each other
   out of the claim the other outlets share). The default threshold was chosen
   on the dev half of the hand-made pairs in ``benchmarks/data/claim_pairs.csv``
   (``benchmarks/claims.py`` prints precision and recall on the test half).
4. For each claim and outlet the status is ``reported`` (at least one of the
   outlet's statements in the claim is in its own voice), ``attributed`` (all
   of them are attributed) or ``absent``.

Cost: clustering compares every pair of statements *within a story*, so it is
quadratic in the size of one story and linear in the number of stories. A
story told by a single outlet is not clustered (there is nothing to compare it
with): each of its statements is its own claim.
Articles are grouped into stories by the ``story`` argument (any key per
article, e.g. a manifest column or a date window); by default the whole corpus
is one story, which suits a class's handful of articles but not a year of
coverage.

Limits: this is word overlap with a small synonym list, not understanding.
Two sentences that report the same fact in wholly different words are missed,
and two that share many words but differ in one crucial one ("raised" vs
"kept" rates) can be joined. Negation is not read: "X denied sending troops"
and "X sent troops" land in the same claim, which is why the status column and
the evidence sentences matter more than the grouping itself. A statement
with many details of its own ("dozens of ballistic missiles and over 11,000
containers of munitions") can stay out of the claim its summary elsewhere
belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import Hashable, Iterable, Iterator, Mapping, Sequence

from ._resources import packaged_text, read_csv_rows, read_text_file, split_list
from .errors import FramingError
from .text import _ASCII_LOOKALIKES, _ASCII_WORD_BYTES, SpanCover
from .text import _LOWER_ASCII_WORD_RE as _WORD  # a statement's words (lower-cased)

#: Share of a sentence's characters inside quote spans that makes it attributed.
ATTRIBUTED_SHARE = 0.3
#: Default similarity a statement needs to join a claim (chosen on the dev pairs).
THRESHOLD = 0.46
#: Statements shorter than this many words (headings, fragments) are not claims.
MIN_WORDS = 6
#: About how many statements of stories an ``iter_align`` mapper's worker is sent at a time.
CHUNK_STATEMENTS = 500

STATUSES = ("reported", "attributed", "absent")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
            ("ion", ""), ("ion", "e"))


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence of one article, as the claim aligner sees it."""

    outlet: str
    article: str
    sentence: int
    start: int
    end: int
    text: str
    attributed: bool = False
    #: the number of words, as :func:`statement_words` counts them (None: counted when needed)
    words: int | None = None


def statement_words(text: str) -> int:
    """The number of words in ``text`` as the claim matcher counts them
    (runs of letters and digits, lower-cased, joined by ' or -)."""
    return len(_WORD.findall(text.lower()))


@dataclass(slots=True)
class Claim:
    """Statements from one or more outlets that report the same thing.

    ``text`` is the representative statement (the one most similar to the
    others); ``status`` maps every outlet of the claim's story (every outlet
    of the corpus when there is one story) to 'reported', 'attributed' or
    'absent'.
    """

    claim_id: int
    text: str
    statements: list[Statement] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)

    @property
    def outlets(self) -> list[str]:
        """Outlets that carry the claim, reported or attributed."""
        return [o for o, s in self.status.items() if s != "absent"]


# -- statements ---------------------------------------------------------------
_SPEECH_WORDS = ("said says saying stated told tells claimed claiming alleged alleges alleging warned warns noted "
                 "stressed stresses added reported believes believed suggested suggests denied denies insisted insists "
                 "announced announces argued argues confirmed confirms").split()
_SPEECH = "(?:" + "|".join(_SPEECH_WORDS) + ")"
#: "X (has) claimed (repeatedly) that ..." at the head of a clause, at most eight words in.
_HEAD_FRAME = re.compile(r"^(?:[\w'’.,()-]+\s+){0,8}?" + _SPEECH + r"\b(?:\s+\w+ly)?(?:\s+that\b|,)?\s+", re.I)
#: ", X said(, quoting ...)." or ", according to X." at the tail of a clause.
_TAIL_FRAME = re.compile(r",\s+(?:according\s+to\s+[^,.;]{1,80}|(?:[\w'’.()-]+\s+){0,10}?" + _SPEECH +
                         r"(?:\s+(?!that\b)[^,.;]{0,60})?)(?:,[^.;]{0,120})?[.!?\"”]*\s*$", re.I)
#: "X accused Y of ...", "X blamed Y for ...": the clause reports X's accusation, not a fact. ("X is to
#: blame for ..." is no accusation: the accused must come between the verb and "of"/"for".)
_ACCUSATION = re.compile(r"\b(?:accus|blam)(?:e|es|ed|ing)\s+(?!(?:of|for)\b)(?:[\w'’.-]+\s+){1,6}?(?:of|for)\b",
                         re.I)
#: The accuser and the verb at the head of a clause ("The West has even blamed ", "Prosecutors accused "),
#: at most eight words in: what is left ("North Korea for arms assistance to Russia") is the accusation.
_ACCUSATION_FRAME = re.compile(r"^(?:[\w'’.,()-]+\s+){0,8}?(?:accus|blam)(?:e|es|ed|ing)\s+(?!(?:of|for)\b)"
                               r"(?=(?:[\w'’.-]+\s+){1,6}?(?:of|for)\b)", re.I)
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:while|whereas|but)\s+|\s+[–—]\s+")
#: A clause can only have an attribution frame or an accusation (the four patterns above) if one of
#: these is a whole word of it (a run of ASCII letters and digits, ignoring case): each pattern puts
#: a non-word character (or the clause's start) before the word and no letter or digit after it.
_FRAME_WORDS = frozenset(w.encode("ascii") for w in (*_SPEECH_WORDS, "according", *(
    stem + end for stem in ("accus", "blam") for end in ("e", "es", "ed", "ing"))))
#: The words of _FRAME_WORDS that _ACCUSATION and _ACCUSATION_FRAME need (one of them, whole); the others
#: are those of _TAIL_FRAME and _HEAD_FRAME. A clause without one of them is not searched for those patterns.
_ACCUSE_WORDS = frozenset(w for w in _FRAME_WORDS if w.startswith((b"accus", b"blam")))
_SPEECH_FRAME_WORDS = _FRAME_WORDS - _ACCUSE_WORDS
_FRAMES = (_TAIL_FRAME, _HEAD_FRAME, _ACCUSATION_FRAME)
#: An apostrophe or hyphen between two ASCII letters or digits: where _WORD joins two runs into one word.
#: (The mark comes first, so the engine skips to the marks, and looks around only there.)
_JOIN = re.compile(r"['-](?<=[A-Za-z0-9]['-])(?=[A-Za-z0-9])")


def attribution_core(text: str) -> tuple[str, bool]:
    """The clause without its attribution frame, and whether it had one.

    "US officials have been claiming that the DPRK is supporting Russia"
    gives ("the DPRK is supporting Russia", True); "Putin intends to visit,
    the agency said." gives ("Putin intends to visit", True); an accusation
    loses its accuser and verb: "The West blamed North Korea for arms
    assistance to Russia." gives ("North Korea for arms assistance to
    Russia.", True). A frame is only removed when at least four words are left.
    """
    return _strip_frames(text, _FRAMES)


def _strip_frames(text: str, patterns: tuple[re.Pattern, ...]) -> tuple[str, bool]:
    """:func:`attribution_core` with only some of its patterns, in the same
    order: the same answer when the others cannot match ``text``."""
    core, framed = text, False
    for pattern in patterns:
        m = pattern.search(core)
        if m:
            rest = core[: m.start()] if pattern is _TAIL_FRAME else core[m.end():]
            if statement_words(rest) >= 4:
                core, framed = rest, True
    return core, framed


def _clauses(sentence) -> list[tuple[int, int]]:
    """Clause spans (absolute offsets) of a sentence; a clause under four words
    stays with its neighbour."""
    # a clause ends where its break starts and the next begins after it, so that ", while" and ", but"
    # belong to neither clause
    t = sentence.text
    spans: list[list[int]] = []
    # each break needs ";", a dash, or a comma and one of its words: a sentence without any is one clause
    if ";" in t or "–" in t or "—" in t or ("," in t and ("while" in t or "whereas" in t or "but" in t)):
        breaks = list(_CLAUSE_BREAK.finditer(t))
        starts = [0] + [m.end() for m in breaks]
        ends = [m.start() for m in breaks] + [len(t)]
        for a, b in zip(starts, ends):
            if spans and (statement_words(t[a:b]) < 4 or statement_words(t[spans[-1][0]:spans[-1][1]]) < 4):
                spans[-1][1] = b
            else:
                spans.append([a, b])
    else:
        spans.append([0, len(t)])
    out = []
    for a, b in spans:
        piece = t[a:b]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip().rstrip(";,–— ")
        if piece:
            out.append((sentence.start + a + lead, sentence.start + a + lead + len(piece)))
    return out


def _closed(sentence: str) -> bool:
    """Whether a sentence ends like one: a full stop, question or exclamation
    mark or an ellipsis, perhaps followed by closing quotes or brackets."""
    return sentence.rstrip().rstrip("\"'”’)]").endswith((".", "!", "?", "…"))


def statements_from(text: str, sentences: Iterable, quote_spans: Sequence[tuple[int, int]], *, outlet: str,
                    article: str, attributed_share: float = ATTRIBUTED_SHARE) -> list[Statement]:
    """One :class:`Statement` per clause of each sentence.

    A statement is attributed when it carries an attribution frame ("X said
    that ...", "..., according to X"), when it reports an accusation ("X
    blamed Y for ...", "X accused Y of ..."), or when at least ``attributed_share``
    of its characters are inside ``quote_spans``. Headings and subheadings
    (a "sentence" with no closing full stop, question or exclamation mark)
    are not statements: they label a passage rather than report a fact.
    """
    cover = SpanCover(quote_spans)
    # The text's words as framing.text.TextWords finds them: one byte per character, ASCII letters in
    # lower case, anything but a letter or digit a space. The frame patterns ignore case, so a clause
    # without a word of _FRAME_WORDS cannot match them; unless the text holds a non-ASCII character
    # that matches an ASCII letter when case is ignored (then every clause gets the patterns).
    words = (None if any(c in text for c in _ASCII_LOOKALIKES)
             else text.encode("ascii", "replace").translate(_ASCII_WORD_BYTES))
    out = []
    for s in sentences:
        if not _closed(s.text):
            continue
        for start, end in _clauses(s):
            covered = cover.covered(start, end)
            clause = s.text if (start, end) == (s.start, s.end) else text[start:end]  # share the sentence's string
            if words is None:
                framed = attribution_core(clause)[1] or bool(_ACCUSATION.search(clause))
                n = statement_words(clause)
            else:
                pieces = words[start:end].split()  # the clause's runs of ASCII letters and digits
                if _FRAME_WORDS.isdisjoint(pieces):
                    framed = False
                else:
                    # only the patterns whose word the clause has: the others cannot match it, nor what
                    # is left of it once a frame is cut off (cut at a comma or after a space, so it holds
                    # whole runs of the clause, and no word the clause does not)
                    speech = not _SPEECH_FRAME_WORDS.isdisjoint(pieces)
                    accuse = not _ACCUSE_WORDS.isdisjoint(pieces)
                    patterns = (_TAIL_FRAME, _HEAD_FRAME) * speech + (_ACCUSATION_FRAME,) * accuse
                    framed = _strip_frames(clause, patterns)[1] or accuse and bool(_ACCUSATION.search(clause))
                # statement_words(clause) without lower-casing and splitting the clause again: its words
                # are these runs, less one for each ' or - that joins two of them (the clause's
                # lower-case letters are its ASCII letters, as the text has none of _ASCII_LOOKALIKES)
                n = len(pieces)
                if "-" in clause or "'" in clause:
                    n -= len(_JOIN.findall(clause))
            attributed = framed or covered / max(1, end - start) >= attributed_share
            out.append(Statement(outlet, article, s.index, start, end, clause, attributed, n))
    return out


# -- synonyms -----------------------------------------------------------------
def parse_synonyms(text: str, source: str) -> dict[str, str]:
    """``word -> group`` from a synonyms CSV (columns ``group,words``).

    A word may belong to one group only; an error names the file and row.
    """
    table: dict[str, str] = {}
    where: dict[str, int] = {}
    for n, row in read_csv_rows(text, source, required=("group", "words")):
        group = row["group"].lower()
        if not re.fullmatch(r"[a-z0-9_]+", group):
            raise FramingError(f"{source}, row {n}: group name {row['group']!r} must be lower-case letters, digits or _")
        for w in split_list(row["words"]):
            w = w.lower()
            if not _WORD.fullmatch(w):
                raise FramingError(f"{source}, row {n}: {w!r} is not a single word")
            if w in table and table[w] != group:
                raise FramingError(f"{source}, row {n}: {w!r} is already in group {table[w]!r} (row {where[w]})")
            table[w], where[w] = group, n
    return table


@lru_cache(maxsize=1)
def _packaged_synonyms() -> dict[str, str]:
    return parse_synonyms(packaged_text("claim_synonyms.csv"), "framing/data/claim_synonyms.csv")


def load_synonyms(source: "str | Path | Mapping[str, str] | None" = None, *, extend: bool = True) -> dict[str, str]:
    """The synonym groups: the packaged file, plus (``extend=True``) or
    instead of (``extend=False``) a user's CSV file or ``{word: group}`` dict."""
    base = dict(_packaged_synonyms()) if extend or source is None else {}
    if source is None:
        return base
    if isinstance(source, Mapping):
        extra = {str(k).lower(): str(v).lower() for k, v in source.items()}
    else:
        extra = parse_synonyms(read_text_file(source), str(source))
    base.update(extra)
    return base


# -- similarity ---------------------------------------------------------------
def _word_token(word: str, synonyms: Mapping[str, str]) -> str:
    """The token a word of a statement becomes: stemmed, without a possessive
    's; "" for a stop word."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    word = word[:-2] if word.endswith("'s") else word
    return _stem(word, synonyms) if word and word not in ENGLISH_STOP_WORDS else ""


def _stem(word: str, synonyms: Mapping[str, str]) -> str:
    if word in synonyms:
        return "~" + synonyms[word]
    for suffix, repl in _ENDINGS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + repl
            if base in synonyms:
                return "~" + synonyms[base]
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiou" and base[:-1] in synonyms:
                return "~" + synonyms[base[:-1]]
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


class ClaimMatcher:
    """Compare statements and group them into claims.

    Parameters (keyword-only, stored as given and checked at use)
    ----------
    threshold : float in (0, 1]
        Similarity a statement needs to join a claim (see module docstring).
    actors : ActorSet, path, dict or None
        Actor aliases become one token per actor; None = the packaged set.
    synonyms : path, dict or None
        Extra synonym groups (added to the packaged ones).
    min_words : int
        Shorter statements are left out (headings, fragments).
    """

    def __init__(self, *, threshold: float = THRESHOLD, actors=None, synonyms=None, min_words: int = MIN_WORDS):
        self.threshold = threshold
        self.actors = actors
        self.synonyms = synonyms
        self.min_words = min_words

    def check(self) -> "ClaimMatcher":
        """Validate the options and read the data files now; return self.

        Raises :class:`FramingError` as :meth:`align` would, so that a caller
        can fail before doing other work."""
        self._check()
        return self

    def _check(self):
        from .actors import load_actors

        if isinstance(self.threshold, bool) or not isinstance(self.threshold, (int, float)) or not 0 < self.threshold <= 1:
            raise FramingError(f"threshold must be a number in (0, 1], not {self.threshold!r}")
        if isinstance(self.min_words, bool) or not isinstance(self.min_words, int) or self.min_words < 1:
            raise FramingError(f"min_words must be a whole number of at least 1, not {self.min_words!r}")
        return load_actors(self.actors), load_synonyms(self.synonyms)

    @staticmethod
    def _tokens(text: str, actors, synonyms, known: dict[str, str]) -> list[str]:
        """The tokens compared of a statement. ``known`` maps each word met
        so far to its token ("" for a stop word); the caller keeps one for a
        set of statements, so that a word repeated across them is stemmed once."""
        text = attribution_core(text)[0]
        parts, last = [], 0
        for m in actors.find_mentions(text):
            parts.append(text[last:m.start])
            parts.append(" actor" + re.sub(r"[^a-z0-9]", "", m.actor.lower()) + " ")
            last = m.end
        parts.append(text[last:])
        flat = _THOUSANDS.sub("", "".join(parts).lower().replace("’", "'"))
        words = _WORD.findall(flat)
        for w in words:
            if w not in known:
                known[w] = _word_token(w, synonyms)
        return [t for t in map(known.__getitem__, words) if t]

    def similarities(self, texts: Sequence[str], *, background: Sequence[str] = ()):
        """Square matrix (numpy) of pairwise similarities of ``texts``, in [0, 1].

        Word weights (idf) are fitted on ``texts`` plus ``background``, other
        sentences that tell the matcher which words are common.
        """
        actors, synonyms = self._check()
        known: dict[str, str] = {}
        return _similarity([self._tokens(t, actors, synonyms, known) for t in texts],
                           [self._tokens(t, actors, synonyms, known) for t in background])

    def similarity(self, a: str, b: str, *, background: Sequence[str] = ()) -> float:
        """The similarity of two statements (see :meth:`similarities`)."""
        return float(self.similarities([a, b], background=background)[0, 1])

    def align(self, statements: Iterable[Statement], *, outlets: Sequence[str] | None = None,
              story: Mapping[str, Hashable] | None = None) -> list[Claim]:
        """Group statements into claims.

        ``outlets`` fixes the outlets (and their order) each claim's status
        covers; by default those of the statements. ``story`` maps an article
        id to its story key: only statements of one story are compared, and a
        claim's status then covers only the outlets with statements in its
        story.
        Claims are numbered by the order of their first statement.
        """
        return list(self.iter_align(statements, outlets=outlets, story=story))

    def iter_align(self, statements: Iterable[Statement], *, outlets: Sequence[str] | None = None,
                   story: Mapping[str, Hashable] | None = None, mapper=None) -> Iterator[Claim]:
        """The claims of :meth:`align`, in the same order, one at a time.

        Each claim is made when it is asked for, and the matcher keeps no
        reference to the claims it has given out, nor (when ``statements``
        is an iterator) to their statements: a large corpus's claims need
        not all be held at once. The options are checked, and the statements
        read and grouped into stories, at the call.

        ``mapper``: a function like the built-in ``map`` that returns results
        in order, such as the ``map`` of a
        :class:`concurrent.futures.ProcessPoolExecutor`. The stories of two
        outlets or more are clustered with it, a few at a time, by a method
        of this matcher (which a process pool sends to its workers with
        them), so an executor's workers cluster them side by side, starting
        at this call. None = here, claim by claim as they are asked for. The
        claims are the same either way.
        """
        return self._iter_align(statements, outlets, story, *self._check(), mapper=mapper)

    def _iter_align(self, statements, outlets, story, actors, synonyms, *, mapper=None) -> Iterator[Claim]:
        statements = [s for s in statements
                      if (s.words if s.words is not None else statement_words(s.text)) >= self.min_words]
        outlets = list(outlets) if outlets is not None else list(dict.fromkeys(s.outlet for s in statements))
        groups: dict[Hashable, list[Statement]] = {}
        for s in statements:
            groups.setdefault(story.get(s.article) if story else None, []).append(s)
        del statements
        # a story told by one outlet is not clustered: there is no other outlet to compare with, so each of
        # its statements is its own claim (and a long single-outlet text costs no pairwise comparison)
        stories = [(members, set(s.outlet for s in members)) for members in groups.values()]
        del groups
        compared = [members for members, present in stories if len(present) > 1]
        if mapper is None:
            clusters = (self._cluster(members, actors, synonyms) for members in compared)
        else:
            clusters = chain.from_iterable(mapper(self._clusters, _chunks(compared, CHUNK_STATEMENTS)))
        return self._numbered(stories, outlets, story, clusters)

    def _numbered(self, stories, outlets, story, clusters) -> Iterator[Claim]:
        """The claims of ``stories`` (each a list of statements and their set of outlets), numbered in
        the order of their first statements; ``clusters`` gives, story by story, the clusters of the
        stories of more than one outlet (as :meth:`_cluster` makes them)."""
        # a claim's status covers the outlets of its story, in the corpus's order: an outlet that did not
        # cover the story at all cannot have left the claim out (and a corpus of many stories stays linear)
        rank = {o: i for i, o in enumerate(outlets)}
        found: list[tuple[list[Statement], list[str]]] = []
        for members, present in stories:
            covering = [o for o in outlets if o in present] if story else outlets
            if len(present) > 1:
                found += [([members[i] for i in idx], covering) for idx in next(clusters)]
            else:
                found += [([s], covering) for s in members]
        del stories
        last = len(outlets)
        found.sort(key=lambda f: (rank.get(f[0][0].outlet, last), f[0][0].article, f[0][0].sentence) if len(f[0]) == 1
                   else min((rank.get(s.outlet, last), s.article, s.sentence) for s in f[0]))
        found.reverse()
        claim_id = 0
        while found:  # popped, so that a claim's statements go once the caller lets go of the claim
            members, covering = found.pop()
            claim_id += 1
            yield self._claim(claim_id, members, covering)

    def _clusters(self, stories: list[list[Statement]]) -> list[list[list[int]]]:
        """The clusters of each of ``stories`` (see :meth:`_cluster`): what an
        ``iter_align`` mapper's workers run, a few stories at a time."""
        actors, synonyms = self._check()
        return [self._cluster(members, actors, synonyms) for members in stories]

    def _cluster(self, members: list[Statement], actors, synonyms) -> list[list[int]]:
        """The claims of one story's statements (of two outlets or more), as
        lists of indices into ``members``: the most central statement first,
        then the others by article and sentence."""
        import numpy as np

        known: dict[str, str] = {}
        sim = _similarity([self._tokens(s.text, actors, synonyms, known) for s in members])
        result = []
        for idx in average_linkage(sim, [s.article for s in members], self.threshold):
            centre = idx[int(sim[np.ix_(idx, idx)].sum(axis=1).argmax())]  # the first of the most central
            rest = sorted((i for i in idx if i != centre), key=lambda i: (members[i].article, members[i].sentence))
            result.append([centre] + rest)
        return result

    @staticmethod
    def _claim(claim_id: int, members: list[Statement], outlets: Sequence[str]) -> Claim:
        if len(members) == 1:  # most claims of a large corpus
            s = members[0]
            mine = "attributed" if s.attributed else "reported"
            return Claim(claim_id, s.text, members, {o: mine if o == s.outlet else "absent" for o in outlets})
        status = {}
        for o in outlets:
            mine = [s for s in members if s.outlet == o]
            status[o] = "absent" if not mine else ("reported" if any(not s.attributed for s in mine) else "attributed")
        ordered = [members[0]] + sorted(members[1:], key=lambda s: (s.outlet, s.article, s.sentence))
        return Claim(claim_id, members[0].text, ordered, status)


def _chunks(stories: list[list[Statement]], size: int) -> Iterator[list[list[Statement]]]:
    """``stories`` in order, a few at a time: a chunk is closed as soon as
    it holds ``size`` statements or more (the last one may hold fewer)."""
    chunk, n = [], 0
    for members in stories:
        chunk.append(members)
        n += len(members)
        if n >= size:
            yield chunk
            chunk, n = [], 0
    if chunk:
        yield chunk


def _similarity(tokens: list[list[str]], background: list[list[str]] = ()):
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    n = len(tokens)
    if n == 0:
        return np.zeros((0, 0))
    if not any(tokens):
        return np.eye(n)
    # The tf-idf matrices two TfidfVectorizers make (one over the words, one over the character 3- to 5-grams
    # of " ".join(words), analyzer "char_wb"), without their reading every statement twice (fit, transform)
    # and cutting every word of it into n-grams: "char_wb" cuts each word on its own (padded with a space),
    # so a statement's n-gram counts are its word counts times each word's n-gram counts, and each distinct
    # word is cut once, by the vectorizer's own analyzer. tests/test_claims.py checks the two give one matrix.
    docs = list(tokens) + list(background)
    words, vocabulary = _count_matrix(docs)
    char_ngrams = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()
    grams, _ = _count_matrix([char_ngrams(w) for w in vocabulary])
    chars = words @ grams
    chars.sort_indices()  # a product's columns come unsorted; the vectorizer's are sorted (and sums follow their order)
    sim = (cosine_similarity(_tfidf(words, n)) + cosine_similarity(_tfidf(chars, n))) / 2.0
    np.fill_diagonal(sim, 1.0)
    return np.clip(sim, 0.0, 1.0)


def _count_matrix(docs: list[list[str]]):
    """The matrix of counts ``CountVectorizer`` makes of ``docs``, lists of
    terms taken as they are: a sparse row per doc, a column per distinct
    term in sorted order, each row's columns in increasing order. Returns
    it and the sorted terms."""
    import numpy as np
    from scipy.sparse import csr_matrix

    vocabulary = sorted(set().union(*docs))
    column = {t: j for j, t in enumerate(vocabulary)}
    cols = np.fromiter((column[t] for doc in docs for t in doc), dtype=np.int64)
    rows = np.repeat(np.arange(len(docs)), [len(doc) for doc in docs])
    counts = csr_matrix((np.ones(len(cols), dtype=np.int64), (rows, cols)), shape=(len(docs), len(vocabulary)))
    counts.sum_duplicates()  # a term repeated in a doc: one entry, its count
    return counts, vocabulary


def _tfidf(counts, n: int):
    """The first ``n`` rows of ``counts`` weighted as ``TfidfVectorizer(sublinear_tf=True)``
    weights them, its idf fitted on all the rows (the statements and the background)."""
    from sklearn.feature_extraction.text import TfidfTransformer

    tfidf = TfidfTransformer(sublinear_tf=True).fit(counts)
    return tfidf.transform(counts[:n] if n < counts.shape[0] else counts)


def average_linkage(sim, groups: Sequence[Hashable], threshold: float) -> list[list[int]]:
    """Average-linkage clusters of the items of a similarity matrix, cut at ``threshold``.

    As in any agglomerative clustering, the two clusters whose items have the
    highest mean pairwise similarity are merged, again and again, while that
    mean is at least ``threshold``. One constraint: two items of the same
    group (for statements, the same article) are never merged with each other
    alone; each joins a cluster through an item of another group, and then
    counts in its mean like any other member. Two sentences of one article that
    share words ("Russia will provide arms to North Korea", "The West has
    blamed North Korea for arms assistance to Russia") say nothing about what
    outlets share, and if they paired up first they would pull each other out
    of the claims that the other outlets' statements form.

    Returns the clusters as lists of indices, each in increasing order, by
    their smallest index. Cost: a heap of the pairs above ``threshold`` and one
    row of the matrix per merge, so about quadratic in the number of items, like
    the matrix itself.
    """
    from heapq import heapify, heappop, heappush

    import numpy as np

    n = len(sim)
    total = np.array(sim, dtype=float)  # sums of item similarities between clusters (rows of dead clusters are stale)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    version = [0] * n  # bumped when a cluster grows or is merged away, so that its queued pairs go stale
    members = [[i] for i in range(n)]
    cut = threshold - 1e-9
    index: dict = {}
    codes = np.array([index.setdefault(g, len(index)) for g in groups])
    rows, cols = np.nonzero(total >= cut)
    pair = (rows < cols) & (codes[rows] != codes[cols])  # each pair once, and of two groups
    rows, cols = rows[pair], cols[pair]
    heap = list(zip((-total[rows, cols]).tolist(), rows.tolist(), cols.tolist(), repeat(0), repeat(0)))
    heapify(heap)
    while heap:
        _, a, b, va, vb = heappop(heap)
        if version[a] != va or version[b] != vb:
            continue
        total[a] += total[b]
        total[:, a] = total[a]
        size[a] += size[b]
        alive[b] = False
        version[a] += 1
        version[b] += 1
        members[a] += members[b]
        members[b] = []
        # the merged cluster holds two groups, so it may merge with anything
        mean = total[a] / (size[a] * size)
        mean[a] = -np.inf
        near = np.flatnonzero((mean >= cut) & alive)
        va = version[a]
        for c, neg in zip(near.tolist(), (-mean[near]).tolist()):
            heappush(heap, (neg, a, c, va, version[c]) if a < c else (neg, c, a, version[c], va))
    return [sorted(m) for m in members if m]


def exclusive_claims(claims: Iterable[Claim], *, top: int = 5) -> dict[str, list[Claim]]:
    """Claims carried by exactly one outlet, per outlet, earliest first
    (news puts its main points first), at most ``top`` each. ``claims`` is
    read once, and only the earliest few per outlet are kept on the way."""
    def first(c: Claim):
        return c.statements[0].article, c.statements[0].sentence

    out: dict[str, list[Claim]] = {}
    for c in claims:
        carried = c.outlets
        if len(carried) == 1:
            kept = out.setdefault(carried[0], [])
            kept.append(c)
            # a stable sort keeps the order of ties, so trimming on the way changes nothing
            if top >= 0 and len(kept) > 2 * top + 16:
                kept.sort(key=first)
                del kept[top:]
    return {o: sorted(cs, key=first)[:top] for o, cs in out.items()}
