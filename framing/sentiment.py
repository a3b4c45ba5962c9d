"""Sentiment toward a target span, with the words that pushed it.

The score is about the *context of one mention*, not the whole article:
VADER (Hutto & Gilbert, 2014, "VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text", ICWSM) reads the target's sentence
once, word by word, so that its rules (a negation up to three words back, a
booster, capitals, "but") see the whole sentence; the score takes the words
of a window around the target, inside the sentence, leaving out the words of
the target itself.

Score: VADER's compound score of those words (their valences summed,
normalised to [-1, 1] as VADER normalises, with its emphasis for "!" and
"?" in the window); higher = warmer toward the actor. Label: "positive" when
the score is at least 0.05, "negative" when at most -0.05, else "neutral"
(VADER's own thresholds). A sentence VADER cannot read in one linear pass
(more than :data:`MAX_VADER_TOKENS` tokens, or emoji) is scored by running
VADER on the window's text, with the target's words blanked out.

Evidence: every word of the window that carries a valence, with the valence
VADER gave it in its sentence (-4 to +4, after negation and boosters), so a
reader can see why a context counted as negative.

Limits: the window is not a parse. "Russia has relied on North Korea for
ammunition" scores the same toward both countries, and topic words of a war
story ("war", "threat", "support") move the score whatever the outlet's
stance. Treat a single sentence's score as a pointer to evidence, and an
outlet's average over many mentions as the figure to compare.
"""

from __future__ import annotations

import math
import re
import string
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import NamedTuple

from .errors import FramingError
from .text import _WORD_RE_ALONE, WORD_RE, Sentence, sentence_at, split_sentences

#: Words on each side of the target that the window takes in.
WINDOW = 12
POSITIVE, NEGATIVE = 0.05, -0.05


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def label_for(score: float) -> str:
    """'positive', 'negative' or 'neutral' for a compound score."""
    if score >= POSITIVE:
        return "positive"
    if score <= NEGATIVE:
        return "negative"
    return "neutral"


@dataclass(frozen=True)
class TargetSentiment:
    """Sentiment toward ``text[start:end]``.

    ``score`` is in [-1, 1], higher = warmer toward the target; ``label`` is
    'negative', 'neutral' or 'positive'. ``context_start``/``context_end``
    give the window that was scored and ``words`` the lexicon words in it
    with their VADER valence.
    """

    label: str
    score: float
    start: int
    end: int
    context_start: int
    context_end: int
    context: str
    words: tuple[tuple[str, float], ...]

    def to_dict(self) -> dict:
        return {"label": self.label, "score": self.score, "start": self.start, "end": self.end,
                "context_start": self.context_start, "context_end": self.context_end,
                "words": [{"word": w, "valence": v} for w, v in self.words]}


def _word_edges(text: str, sentence: Sentence) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Start and end offsets of the sentence's words, counted from the
    sentence's start (WORD_RE's words, found by its faster twin)."""
    edges = tuple(zip(*map(re.Match.span, _WORD_RE_ALONE.finditer(text[sentence.start:sentence.end]))))
    return edges if edges else ((), ())


def _window(text: str, sentence: Sentence, start: int, end: int, size: int,
            edges: tuple[tuple[int, ...], tuple[int, ...]] | None = None) -> tuple[int, int]:
    """From the ``size``-th word before the target to the ``size``-th word
    after it, or the sentence's edge when it has fewer words on that side."""
    starts, ends = edges if edges is not None else _word_edges(text, sentence)
    base = sentence.start
    lo, hi = base, sentence.end
    i = bisect_right(ends, start - base)  # words 0 .. i-1 end before the target starts
    if i >= size:
        lo = base + starts[i - size]
    j = bisect_left(starts, end - base)  # words j .. start after the target ends
    if len(starts) - j >= size:
        hi = base + ends[j + size - 1]
    return min(lo, start), max(hi, end)


def _score(text: str, lo: int, hi: int, targets: list[tuple[int, int]]) -> tuple[float, tuple[tuple[str, float], ...]]:
    """VADER compound of text[lo:hi] with the target strings blanked out, so
    that an alias never scores itself."""
    parts, at = [], lo
    for s, e in sorted(targets):
        s, e = max(s, at), min(e, hi)
        if s < e:
            parts += (text[at:s], " " * (e - s))
            at = e
    parts.append(text[at:hi])
    ctx = "".join(parts)
    vader = _vader()
    score = _compound(vader, ctx) if ctx.strip() else 0.0
    lex = vader.lexicon
    found = tuple((w, float(lex[w.lower()])) for w in WORD_RE.findall(ctx) if w.lower() in lex)
    return round(score, 4), found


#: Most words VADER scores in one call. VADER's cost grows with the square of
#: the number of words it reads (for every word it re-reads the whole list),
#: and it first replaces every emoji with its description ("grinning face"),
#: so a window spanning a sentence of tens of thousands of words or emoji would
#: never finish. A longer context is scored in pieces of at most this many
#: words (emoji counted by their descriptions' words; a run of emoji without
#: spaces is cut between characters) whose raw valence sums are added up before
#: VADER's normalisation, which is how VADER itself combines the words of one
#: text. Real sentences stay far below this, so their scores are unchanged.
MAX_VADER_TOKENS = 150
_VADER_ALPHA = 15  # VADER's normalisation constant: compound = s / sqrt(s*s + alpha)


@lru_cache(maxsize=1)
def _emoji_words() -> dict[str, int]:
    """Words each emoji becomes in VADER's input."""
    return {e: len(d.split()) for e, d in _vader().emojis.items()}


def _pieces(ctx: str) -> list[str]:
    """``ctx`` in pieces of at most :data:`MAX_VADER_TOKENS` words for VADER."""
    weight = _emoji_words()
    chunks, cur, used = [], [], 0
    for tok in ctx.split():
        w = 1 + sum(weight.get(ch, 0) for ch in tok)
        parts = [(tok, w)]
        if w > MAX_VADER_TOKENS:  # one "word" of many emoji: cut it between characters
            parts, buf, bw = [], [], 1
            for ch in tok:
                cw = weight.get(ch, 0)
                if buf and bw + cw > MAX_VADER_TOKENS:
                    parts.append(("".join(buf), bw))
                    buf, bw = [], 1
                buf.append(ch)
                bw += cw
            parts.append(("".join(buf), bw))
        for part, pw in parts:
            if cur and used + pw > MAX_VADER_TOKENS:
                chunks.append(" ".join(cur))
                cur, used = [], 0
            cur.append(part)
            used += pw
    if cur:
        chunks.append(" ".join(cur))
    return chunks


def _compound(vader, ctx: str) -> float:
    """VADER compound of ``ctx``, in linear time (see :data:`MAX_VADER_TOKENS`)."""
    if len(ctx) <= MAX_VADER_TOKENS:
        return float(vader.polarity_scores(ctx)["compound"])
    n = len(ctx.split())
    if n <= MAX_VADER_TOKENS:
        weight = _emoji_words()
        if _emoji_words().keys().isdisjoint(ctx) or n + sum(weight.get(ch, 0) for ch in ctx) <= MAX_VADER_TOKENS:
            return float(vader.polarity_scores(ctx)["compound"])
    total = 0.0
    for piece in _pieces(ctx):
        c = float(vader.polarity_scores(piece)["compound"])
        c = max(-0.9999, min(0.9999, c))  # invert the normalisation: compound -> raw sum
        total += c * math.sqrt(_VADER_ALPHA) / math.sqrt(1 - c * c)
    return total / math.sqrt(total * total + _VADER_ALPHA)


@dataclass(frozen=True)
class SentenceValences:
    """VADER's reading of one sentence, word by word, kept for the tokens
    (whitespace-separated, as VADER splits) that carry a valence: ``spans``
    are their character offsets into the article, in order, ``words``
    VADER's form of each and ``valences`` the valence VADER gives each in the
    context of the whole sentence (after its negation, booster, capitals and
    "but" rules; never 0: a word outside its lexicon, or one its rules bring
    to 0, is left out)."""

    spans: tuple[tuple[int, int], ...]
    words: tuple[str, ...]
    valences: tuple[float, ...]
    edges: tuple[tuple[int, ...], tuple[int, ...]]  # framing's words' starts and ends, from the sentence start


_TOKEN_RE = re.compile(r"\S+")
_PUNCTUATION = string.punctuation


class _Rules(NamedTuple):
    """VADER's word lists and constants (see :func:`_vader_rules`)."""

    booster: dict[str, float]  # boosters and dampeners ("very", "kind of") and their shift
    negations: frozenset[str]
    special: dict[str, float]  # idioms ("the bomb") and their valence
    n_scalar: float  # a negated word's factor
    c_incr: float  # the shift for capitals
    special_first: frozenset[str]  # the first words of the idioms
    booster_first: frozenset[str]  # the first words of the boosters of two words or more


@lru_cache(maxsize=1)
def _vader_rules() -> _Rules:
    """VADER's word lists and constants, as its module defines them."""
    from vaderSentiment import vaderSentiment as v

    return _Rules(v.BOOSTER_DICT, frozenset(v.NEGATE), v.SPECIAL_CASES, v.N_SCALAR, v.C_INCR,
                  frozenset(w.split()[0] for w in v.SPECIAL_CASES if " " in w),
                  frozenset(w.split()[0] for w in v.BOOSTER_DICT if " " in w))


def _negated(word: str, negations) -> bool:
    return word in negations or "n't" in word


def _word_valence(i: int, value: float, tokens: list[str], low: list[str], lexicon, cap_diff: bool,
                  rules: _Rules) -> float:
    """The valence VADER gives lexicon word ``i`` (its lexicon ``value``) in
    the context of its sentence: "no" up to three words back, a word in
    capitals among others that are not, boosters and dampeners up to three
    words back (weighed down with distance), negations ("not", "n't",
    "never" ...), "never so", "without doubt", idioms and "least".
    ``tokens`` are the sentence's tokens (only whether each is in capitals
    is read) and ``low`` their VADER forms lower-cased.

    The same rules, in the same order, as VADER 3.3.2's own per-word pass;
    this one lower-cases the sentence once instead of once per rule.
    """
    booster, negations, special, n_scalar, c_incr, special_first, booster_first = rules
    n = len(tokens)
    word = low[i]
    valence = value
    if word == "no" and i != n - 1 and low[i + 1] in lexicon:
        valence = 0.0  # "no" negates the next word instead of counting itself
    if ((i > 0 and low[i - 1] == "no") or (i > 1 and low[i - 2] == "no")
            or (i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor"))):
        valence = value * n_scalar
    if cap_diff and tokens[i].isupper():
        valence = valence + c_incr if valence > 0 else valence - c_incr
    for back in (1, 2, 3):
        if i < back or low[i - back] in lexicon:
            continue
        before = low[i - back]
        shift = 0.0
        if before in booster:
            shift = booster[before]
            if valence < 0:
                shift *= -1
            if cap_diff and tokens[i - back].isupper():
                shift = shift + c_incr if valence > 0 else shift - c_incr
            if back == 2:
                shift = shift * 0.95
            elif back == 3:
                shift = shift * 0.9
        valence = valence + shift
        if back == 1:
            if _negated(before, negations):
                valence = valence * n_scalar
        elif back == 2:
            if low[i - 2] == "never" and low[i - 1] in ("so", "this"):
                valence = valence * 1.25
            elif low[i - 2] == "without" and low[i - 1] == "doubt":
                pass
            elif _negated(before, negations):
                valence = valence * n_scalar
        else:
            if (low[i - 3] == "never" and low[i - 2] in ("so", "this")) or low[i - 1] in ("so", "this"):
                valence = valence * 1.25
            elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
                pass
            elif _negated(before, negations):
                valence = valence * n_scalar
            valence = _idioms(valence, i, low, special, booster, special_first, booster_first)
    if i > 0 and low[i - 1] == "least" and "least" not in lexicon:
        if i == 1 or low[i - 2] not in ("at", "very"):
            valence = valence * n_scalar
    return valence


def _idioms(valence: float, i: int, low: list[str], special, booster, special_first, booster_first) -> float:
    """VADER's idiom rules for word ``i`` (``i >= 3``): a two- or three-word
    phrase ending at, or starting with, the word sets its valence ("the bomb"),
    and a two-word booster just before it ("kind of") shifts it."""
    if low[i - 3] in special_first or low[i - 2] in special_first or low[i - 1] in special_first:
        for seq in (f"{low[i - 1]} {low[i]}", f"{low[i - 2]} {low[i - 1]} {low[i]}", f"{low[i - 2]} {low[i - 1]}",
                    f"{low[i - 3]} {low[i - 2]} {low[i - 1]}", f"{low[i - 3]} {low[i - 2]}"):
            if seq in special:
                valence = special[seq]
                break
    n = len(low)
    if low[i] in special_first:
        if n - 1 > i and f"{low[i]} {low[i + 1]}" in special:
            valence = special[f"{low[i]} {low[i + 1]}"]
        if n - 1 > i + 1 and f"{low[i]} {low[i + 1]} {low[i + 2]}" in special:
            valence = special[f"{low[i]} {low[i + 1]} {low[i + 2]}"]
    if low[i - 3] in booster_first or low[i - 2] in booster_first:
        for gram in (f"{low[i - 3]} {low[i - 2]} {low[i - 1]}", f"{low[i - 3]} {low[i - 2]}",
                     f"{low[i - 2]} {low[i - 1]}"):
            if gram in booster:
                valence = valence + booster[gram]
    return valence


def sentence_valences(text: str, sentence: Sentence) -> SentenceValences | None:
    """VADER's word-by-word valences for ``sentence`` (one VADER pass), or None
    for a sentence VADER cannot read in one linear pass (more than
    :data:`MAX_VADER_TOKENS` tokens, or emoji, which VADER rewrites into
    words): those are scored window by window instead.

    The reading follows VADER's rules exactly (its tokens: whitespace-split,
    with punctuation stripped from a token's ends unless that leaves two
    characters or fewer; its lexicon, boosters, negations and idioms, read
    from the vaderSentiment package), and a test checks it against
    vaderSentiment's own scores; it is written for one pass over the
    sentence, where VADER's re-reads the sentence for each rule.
    """
    vader = _vader()
    body = text[sentence.start:sentence.end]
    raw = body.split()
    ascii_body = body.isascii()
    if len(raw) > MAX_VADER_TOKENS or not (ascii_body or _emoji_words().keys().isdisjoint(body)):  # (emoji are not ASCII)
        return None
    edges = _word_edges(text, sentence)
    lexicon = vader.lexicon
    # each token's VADER form, lower-cased (its punctuation stripped unless that leaves two characters or
    # fewer). Lower-casing ASCII text moves no space or punctuation, so that sentence is lower-cased first.
    if ascii_body:
        low = [t if len(w := t.strip(_PUNCTUATION)) <= 2 else w for t in body.lower().split()]
    else:
        low = "\n".join(map(_vader_form, raw)).lower().split("\n")  # (no token holds a line break)
    # every lexicon value is non-zero, so this keeps the tokens VADER looks up
    hits = list(compress(range(len(low)), map(lexicon.get, low)))
    if not hits:
        return SentenceValences((), (), (), edges)
    rules = _vader_rules()
    booster = rules.booster
    n = len(raw)
    # (stripping ASCII punctuation, which has no case, leaves a token in capitals or not: the raw
    # tokens tell VADER's capitals rule what its forms would)
    cap_diff = 0 < n - sum(map(str.isupper, raw)) < n
    valences = {}
    for i in hits:
        word = low[i]
        # a booster ("very") and the "kind" of "kind of" only shade their neighbours
        if word in booster or (word == "kind" and i + 1 < n and low[i + 1] == "of"):
            continue
        valences[i] = _word_valence(i, lexicon[word], raw, low, lexicon, cap_diff, rules)
    if "but" in low:
        every = vader._but_check(low, [valences.get(i, 0.0) for i in range(n)])  # (it reads the tokens lower-cased)
        valences = {i: every[i] for i in valences}
    kept = [i for i, v in valences.items() if v]
    if not kept:
        return SentenceValences((), (), (), edges)
    matches = list(_TOKEN_RE.finditer(text, sentence.start, sentence.end))
    return SentenceValences(tuple(matches[i].span() for i in kept), tuple(_vader_form(raw[i]) for i in kept),
                            tuple(float(valences[i]) for i in kept), edges)


def _vader_form(token: str) -> str:
    """VADER's form of a whitespace-separated token: its punctuation stripped
    from both ends, unless that leaves two characters or fewer."""
    word = token.strip(_PUNCTUATION)
    return token if len(word) <= 2 else word


def _window_score(text: str, sv: SentenceValences, lo: int, hi: int,
                  targets: list[tuple[int, int]]) -> tuple[float, tuple[tuple[str, float], ...]]:
    """Compound of the tokens of ``sv`` inside text[lo:hi], leaving out any
    token that touches a target: VADER's normalisation of their valence sum
    (with its emphasis for "!" and "?" in the window)."""
    chosen, found = [], []
    (s0, e0), more = targets[0], len(targets) > 1  # the first target, tested without a loop
    for (a, b), word, v in zip(sv.spans, sv.words, sv.valences):
        if a >= hi:
            break
        if b <= lo or (a < e0 and s0 < b) or (more and any(a < e and s < b for s, e in targets)):
            continue
        chosen.append(v)
        found.append((word, round(v, 3)))
    if not chosen:
        return 0.0, ()
    return _normalised(chosen, text, lo, hi), tuple(found)


def _normalised(valences: list[float], text: str, lo: int = 0, hi: int | None = None) -> float:
    """VADER's compound score of word ``valences`` read in ``text[lo:hi]``:
    their sum, pushed away from 0 by VADER's emphasis for exclamation marks
    (0.292 each, up to four) and question marks (0.18 each for two or three,
    0.96 for more), then normalised to [-1, 1] as s / sqrt(s*s + 15) and
    rounded to 4 decimals, as VADER's ``score_valence`` does."""
    total = float(sum(valences))
    hi = len(text) if hi is None else hi
    questions = text.count("?", lo, hi)
    emphasis = min(text.count("!", lo, hi), 4) * 0.292 + (
        0 if questions <= 1 else questions * 0.18 if questions <= 3 else 0.96)
    if total > 0:
        total += emphasis
    elif total < 0:
        total -= emphasis
    return round(max(-1.0, min(1.0, total / math.sqrt(total * total + _VADER_ALPHA))), 4)


def score_span(text: str, sentence: Sentence, targets: list[tuple[int, int]], *, window: int = WINDOW,
               valences: SentenceValences | None = None) -> TargetSentiment:
    """Score one or more target spans that share ``sentence``.

    The window runs from ``window`` words before the first target to
    ``window`` words after the last, inside the sentence. ``valences``, from
    :func:`sentence_valences` for this sentence, saves reading the sentence
    again when it holds several targets.
    """
    if len(targets) == 1:
        (start, end), = targets
    else:
        start, end = min(s for s, _ in targets), max(e for _, e in targets)
    sv = valences if valences is not None else sentence_valences(text, sentence)
    lo, hi = _window(text, sentence, start, end, window, sv.edges if sv is not None else None)
    if sv is None:
        score, found = _score(text, lo, hi, targets)
    else:
        score, found = _window_score(text, sv, lo, hi, targets)
    return TargetSentiment(label_for(score), score, start, end, lo, hi, text[lo:hi], found)


def target_sentiment(text: str, start: int, end: int, *, window: int = WINDOW) -> TargetSentiment:
    """Sentiment toward the span ``text[start:end]``.

    Parameters
    ----------
    text : str
        The text holding the target (a sentence or a whole article).
    start, end : int
        The target's character offsets, ``0 <= start < end <= len(text)``.
    window : int, keyword-only
        Words taken on each side of the target, within its sentence.

    Returns
    -------
    TargetSentiment
        ``.label`` ('negative' | 'neutral' | 'positive') and ``.score`` in
        [-1, 1], higher = warmer toward the target, plus the evidence words.
    """
    if not isinstance(text, str):
        raise FramingError(f"target_sentiment: text must be a string, not {type(text).__name__}")
    if not (isinstance(start, int) and isinstance(end, int)) or not (0 <= start < end <= len(text)):
        raise FramingError(f"target_sentiment: need 0 <= start < end <= len(text) = {len(text)}; got start={start!r}, end={end!r}")
    if not isinstance(window, int) or window < 1:
        raise FramingError(f"target_sentiment: window must be a positive whole number, not {window!r}")
    sentence = sentence_at(split_sentences(text), start) or Sentence(0, len(text), text, 0)
    return score_span(text, sentence, [(start, end)], window=window)
