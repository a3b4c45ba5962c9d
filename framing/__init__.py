"""framing: compare how news outlets frame the same story.

Three scores per outlet, each traceable to the sentences behind it:
sentiment toward each actor, loaded vocabulary and naming choices, and
quotation balance; plus readability and distinctive vocabulary.

>>> import framing
>>> corpus = framing.load_corpus()          # the five bundled seed articles
>>> result = framing.analyze(corpus)
>>> result.summary                           # one row per outlet (a DataFrame)
"""

from .actors import ActorSet, load_actors
from .analysis import Analyzer, analyze
from .claims import ClaimMatcher
from .clean import clean_text
from .corpus import Article, Corpus, iter_articles, load_corpus
from .errors import FramingError, FramingWarning
from .frames import find_frames, load_frames
from .loaded import find_loaded_terms, find_naming, load_lexicon, load_naming, load_topic_words
from .quotes import extract_quotes, find_scare_quotes, load_speakers
from .readability import readability
from .sentiment import target_sentiment

__version__ = "0.1.0"


def __getattr__(name: str):
    # Analysis lives with the tables, which need pandas: imported on first use, so that
    # ``import framing`` stays light (pandas, scikit-learn and textstat load when an analysis runs)
    if name == "Analysis":
        from .tables import Analysis

        return Analysis
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


__all__ = [
    "Analysis",
    "Analyzer",
    "ActorSet",
    "Article",
    "ClaimMatcher",
    "Corpus",
    "FramingError",
    "FramingWarning",
    "analyze",
    "clean_text",
    "extract_quotes",
    "find_frames",
    "find_loaded_terms",
    "find_naming",
    "find_scare_quotes",
    "iter_articles",
    "load_actors",
    "load_corpus",
    "load_frames",
    "load_lexicon",
    "load_naming",
    "load_speakers",
    "load_topic_words",
    "readability",
    "target_sentiment",
]
