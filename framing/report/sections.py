"""What the report says: section titles, how to read each table, its limits.

Shared by the HTML and Markdown renderers so both tell the same story.
"""

from __future__ import annotations

#: (table name, title, how to read it, its limit)
SECTIONS = (
    ("summary", "Summary: one row per outlet",
     "Each row is one outlet. 'tone: X' is the average sentiment toward actor X (-1 cold … +1 warm); "
     "balance_index is how evenly quoted words are spread over the story's sides (0 one side only … 1 even); "
     "loaded_own_per_1000 counts charged words in the outlet's own voice per 1,000 words.",
     "Single articles are small samples: read the evidence tables before drawing conclusions."),
    ("actor_sentiment", "Sentiment toward each actor",
     "score is the mean sentiment of the sentences that mention the actor (higher = warmer); ci_low–ci_high is an "
     "approximate 95% interval; rows marked low_evidence rest on fewer than the minimum number of sentences.",
     "The scorer reads a window of words around each mention (VADER); it cannot tell who does what to whom, "
     "and war-related words lower every actor's score in a war story."),
    ("quotation_balance", "Quotation balance",
     "Who gets to speak: quotes and quoted words per side of the story, named versus unnamed sources, and the "
     "balance index (0 = one side only, 1 = even).",
     "Speakers of unknown affiliation are left out of the index; an outlet with no quotes has none."),
    ("quotes_by_side", "Quoted words by side", "Each side's share of the outlet's quoted words.",
     "Sides come from the actor set; speakers from elsewhere count as 'other'."),
    ("attribution_verbs", "Attribution verbs by side",
     "Which verbs introduce each side's words: neutral ('said') or doubting ('claimed').",
     "Counts are small; one article's style can dominate."),
    ("quotes", "Every quote", "Each direct or reported quote with its speaker, affiliation and verb.",
     "Found by rules, not a parser: check surprising rows against the article text."),
    ("loaded_density", "Loaded vocabulary per 1,000 words",
     "Charged words from framing's own lexicon, by category and voice: 'own' is the outlet's narration, "
     "'quoted' is inside a quotation or reported speech.",
     "A lexicon knows words, not intent: irony, negation and context are not read."),
    ("loaded_terms", "Loaded terms", "Which charged terms each outlet used, and in whose voice.",
     "See the evidence table for the sentence behind each hit."),
    ("naming", "Naming choices",
     "For each concept, which name each outlet uses and its share of that concept's mentions.",
     "Variants are matched as written; a pronoun or 'the country' is not counted."),
    ("readability", "Readability",
     "Flesch reading ease (higher = easier) and grade-level scores (higher = harder), from textstat.",
     "The formulas count sentence length and syllables only; long names raise the grade."),
    ("distinctive", "Distinctive vocabulary",
     "Each outlet's most characteristic words and phrases against the other outlets (log-odds z-score; "
     "2 or more is a clear difference).",
     "Names an outlet repeats (its expert, a place) rank high; meaning is not considered."),
    ("similarity", "Outlet similarity",
     "Cosine similarity of the outlets' vocabularies (tf-idf), 0 to 1; higher = more alike.",
     "Similar words do not mean similar stance."),
    ("sentiment_evidence", "Sentiment evidence",
     "Every sentence behind the actor scores, with its score and the words that pushed it.",
     "Scores of single sentences are noisy; read the sentence."),
    ("loaded_evidence", "Loaded-term evidence", "Every loaded-term hit with its sentence.", ""),
    ("cleaning_log", "Cleaning log",
     "What was removed from each captured page before analysis, where (offsets in the raw file) and why.",
     "Removal is rule-based; check that nothing of the article itself was removed."),
)
