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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .errors import FramingError
from .text import WORD_RE, Sentence, sentence_at, split_sentences

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


def _word_edges(text: str, sentence: Sentence) -> tuple[list[int], list[int]]:
    """Start and end offsets (into the article) of the sentence's words."""
    base = sentence.start
    spans = [m.span() for m in WORD_RE.finditer(sentence.text)]
    return [base + a for a, _ in spans], [base + b for _, b in spans]


def _window(text: str, sentence: Sentence, start: int, end: int, size: int,
            edges: tuple[list[int], list[int]] | None = None) -> tuple[int, int]:
    """From the ``size``-th word before the target to the ``size``-th word
    after it, or the sentence's edge when it has fewer words on that side."""
    starts, ends = edges if edges is not None else _word_edges(text, sentence)
    lo, hi = sentence.start, sentence.end
    i = bisect_right(ends, start)  # words 0 .. i-1 end before the target starts
    if i >= size:
        lo = starts[i - size]
    j = bisect_left(starts, end)  # words j .. start after the target ends
    if len(starts) - j >= size:
        hi = ends[j + size - 1]
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
    """VADER's reading of one sentence, word by word: ``spans`` are the
    character offsets (into the article) of its whitespace-separated tokens,
    ``words`` VADER's form of each token and ``valences`` the valence VADER
    gives each in the context of the whole sentence (after its negation,
    booster, capitals and "but" rules; 0 for a word outside its lexicon)."""

    spans: tuple[tuple[int, int], ...]
    words: tuple[str, ...]
    valences: tuple[float, ...]
    edges: tuple[list[int], list[int]]  # the sentence's word starts and ends (framing's words, for the window)


_TOKEN_RE = re.compile(r"\S+")


def sentence_valences(text: str, sentence: Sentence) -> SentenceValences | None:
    """VADER's word-by-word valences for ``sentence`` (one VADER pass), or None
    for a sentence VADER cannot read in one linear pass (more than
    :data:`MAX_VADER_TOKENS` tokens, or emoji, which VADER rewrites into
    words): those are scored window by window instead."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    vader = _vader()
    body = text[sentence.start:sentence.end]
    spans = [(sentence.start + m.start(), sentence.start + m.end()) for m in _TOKEN_RE.finditer(body)]
    if len(spans) > MAX_VADER_TOKENS or not _emoji_words().keys().isdisjoint(body):
        return None
    reading = SentiText(body)
    tokens = reading.words_and_emoticons
    lexicon = vader.lexicon
    valences: list[float] = []
    for i, token in enumerate(tokens):
        low = token.lower()
        # a word outside the lexicon has no valence of its own (VADER gives it 0 without reading its
        # neighbours); a booster ("very") and the "kind" of "kind of" only shade their neighbours
        if low not in lexicon or low in BOOSTER_DICT or (
                low == "kind" and i + 1 < len(tokens) and tokens[i + 1].lower() == "of"):
            valences.append(0.0)
        else:
            vader.sentiment_valence(0.0, reading, token, i, valences)
    valences = vader._but_check(tokens, valences)
    return SentenceValences(tuple(spans), tuple(tokens), tuple(float(v) for v in valences),
                            _word_edges(text, sentence))


def _window_score(text: str, sv: SentenceValences, lo: int, hi: int,
                  targets: list[tuple[int, int]]) -> tuple[float, tuple[tuple[str, float], ...]]:
    """Compound of the tokens of ``sv`` inside text[lo:hi], leaving out any
    token that touches a target: VADER's normalisation of their valence sum
    (with its emphasis for "!" and "?" in the window)."""
    spans, values = sv.spans, sv.valences
    k = max(bisect_right(spans, (lo, lo)) - 1, 0)
    chosen, found = [], []
    for k in range(k, len(spans)):
        a, b = spans[k]
        if a >= hi:
            break
        v = values[k]
        if not v or b <= lo:
            continue
        if any(a < e and s < b for s, e in targets):
            continue
        chosen.append(v)
        found.append((sv.words[k], round(v, 3)))
    if not chosen:
        return 0.0, ()
    score = _vader().score_valence(chosen, text[lo:hi])["compound"]
    return round(float(score), 4), tuple(found)


def score_span(text: str, sentence: Sentence, targets: list[tuple[int, int]], *, window: int = WINDOW,
               valences: SentenceValences | None = None) -> TargetSentiment:
    """Score one or more target spans that share ``sentence``.

    The window runs from ``window`` words before the first target to
    ``window`` words after the last, inside the sentence. ``valences``, from
    :func:`sentence_valences` for this sentence, saves reading the sentence
    again when it holds several targets.
    """
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
