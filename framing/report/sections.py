"""What the report says: section titles, how to read each chart, its limit.

Shared by the HTML and Markdown renderers so both tell the same story. Each
entry is ``(id, title, how to read it, its limit)``; the renderers draw the
block with the same id.
"""

from __future__ import annotations

#: What the sentiment section says when no actor of the actor set is mentioned: most often the articles
#: are about another story than the default actors'.
NO_ACTORS = ("No actor of the actor set was mentioned. The default actors are those of the Russia–North Korea "
             "story; for another story, list its actors in a file and pass it with framing report --actors FILE "
             "(or Analyzer(actors=...)), as the README's 'Your own articles and actors' shows.")

#: (block id, title, how to read it, its limit), in report order.
SECTIONS = (
    ("summary", "Summary: one row per outlet",
     "Each row is one outlet; click any figure to see the passages behind it. 'tone: X' is the average sentiment "
     "toward actor X (-1 cold … +1 warm); balance_index is how evenly quoted words are spread over the story's "
     "sides (0 one side only … 1 even); loaded_own_per_1000 counts charged words in the outlet's own voice per "
     "1,000 words.",
     "Single articles are small samples: read the evidence before drawing conclusions."),
    ("actor_sentiment", "Sentiment toward each actor",
     "Each cell is the mean sentiment of the outlet's sentences that mention the actor: green is warmer, red is "
     "colder; the bracket is an approximate 95% interval, and hatched cells marked * rest on too few sentences. "
     "Click a cell for its sentences.",
     "The scorer reads the words around each mention in its sentence; it is not a parse of who does what to whom, and "
     "war-related words lower every actor's score in a war story. Differences inside the intervals are noise."),
    ("quotation_balance", "Quotation balance",
     "Each bar splits an outlet's quoted words by the speaker's side; click a segment for those quotes. The table "
     "gives quotes, named versus unnamed sources, and the balance index (0 = one side only, 1 = even).",
     "Quotes are found by rules; speakers of unknown affiliation are left out of the index, and an outlet with "
     "no quotes has none."),
    ("attribution_verbs", "Attribution verbs by side",
     "Which verbs introduce each side's words: neutral ('said') or doubting ('claimed'). Click a count for the "
     "quotes of that outlet and side.",
     "Counts are small; one article's style can dominate."),
    ("loaded", "Loaded vocabulary",
     "Charged words from framing's own lexicon per 1,000 words, by category, in the outlet's own voice (dark) and "
     "in the voices it quotes (light). Click a figure for its hits.",
     "A lexicon knows words, not intent: irony, negation and context are not read."),
    ("naming", "Naming choices",
     "For each concept, which name each outlet uses and its share of that concept's mentions in the outlet.",
     "Only the listed variants are counted; a pronoun or 'the country' is not."),
    ("coverage", "What's covered: claims across outlets",
     "Each row is one claim, statements the outlets share in similar words; each cell says whether the outlet "
     "reports it in its own voice, only attributes it to somebody ('X said …', a quote), or leaves it out. Click "
     "a cell for the outlet's sentences. Below: claims only one outlet carries.",
     "Claims are grouped by shared words and a small synonym list, not by meaning: the same fact in other words "
     "can be missed, a denial lands with the claim it denies, and 'absent' only means no similar sentence was "
     "found. Read the sentences."),
    ("frames", "Frame profile",
     "Each bar is the share of the outlet's sentences that use at least one word of the frame (a sentence can "
     "count for several frames); click a share for the sentences and the words that made them count.",
     "Frames are found from indicator words, not meaning: 'security' counts for conflict in any sense, and a "
     "sanction lifted counts like one imposed."),
    ("distinctive", "Distinctive vocabulary and similarity",
     "Each outlet's most characteristic words against the other outlets (log-odds z-score; 2 or more is a clear "
     "difference), then how alike the outlets' vocabularies are (cosine of tf-idf, 0 to 1; darker = more alike).",
     "Names an outlet repeats (its expert, a place) rank high; similar words do not mean similar stance."),
    ("readability", "Readability",
     "Flesch reading ease (bar; higher = easier) and grade-level scores (higher = harder), from textstat.",
     "The formulas count sentence length and syllables only; long names raise the grade."),
    ("evidence", "Evidence behind the figures",
     "Every figure above links here: the sentences, quotes, loaded terms, claim statements and frame sentences "
     "it counts, each linking to its place in the article.",
     "Scores of single sentences are noisy; read the sentence."),
    ("articles", "The articles, as analysed",
     "The cleaned text of each article: sentences with an actor score tinted by that score (hover for the "
     "scores), quotes coloured by the speaker's side (hover for speaker and affiliation), loaded terms underlined "
     "(hover for category and voice), then what cleaning removed.",
     "Cleaning is rule-based: check the log that nothing of the article itself was removed."),
)

#: One-line legend text used by both renderers.
LOW_EVIDENCE_NOTE = "* fewer sentences than the minimum: low evidence."
