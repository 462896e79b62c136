"""Event extraction: pure functions over a spaCy parse, used by the events stage.

Each module owns one question about an event mention: which words trigger it (``triggers``),
which triggers of a sentence tell one event (``grouping``), whether it is news or background
(``background``), who did it to whom (``roles``), what typing looks at (``context``) and what
ACLED type that makes (``classify``), when (``dates``), how many (``quantities``), how sure the
article is and on whose word (``certainty``), which mentions are one event (``merge``), the
finished ``Event`` (``assemble``), and its neutral one-sentence note (``notes``). ``mentions``
ties a sentence's answers together; ``lexicon`` reads the word lists in ``data/``; ``syntax``
holds the parse questions they all ask.
"""
