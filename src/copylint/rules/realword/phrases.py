"""Fixed phrases misheard: "sneak peak", "bare in mind", "free reign", "for all intensive purposes".

Complexity: O(words) per document; each pattern looks only where its word occurs.
"""

from __future__ import annotations

from copylint.core.finding import Category
from copylint.language.context import ContextPattern, word
from copylint.rules.realword.guarded import ContextRule

_PHRASE = "In this fixed phrase the word is"


def _phrase(words: str, wrong: int, right: str) -> ContextPattern:
    return ContextPattern(tuple(word(part) for part in words.split()), wrong, right, _PHRASE)


PATTERNS = (
    _phrase("sneak peak", 1, "peek"),
    _phrase("sneak peaks", 1, "peeks"),
    *(_phrase(f"peaked {whose} interest", 0, "piqued") for whose in ("my", "your", "his", "her", "their", "our")),
    _phrase("bare in mind", 0, "bear"),
    _phrase("free reign", 1, "rein"),
    _phrase("baited breath", 0, "bated"),
    _phrase("wreck havoc", 0, "wreak"),
    _phrase("wrecked havoc", 0, "wreaked"),
    _phrase("wrecking havoc", 0, "wreaking"),
    _phrase("intensive purposes", 0, "intents and"),
    _phrase("deep seeded", 1, "seated"),
    _phrase("tow the line", 0, "toe"),
    _phrase("make due with", 1, "do"),
    _phrase("case and point", 1, "in"),
    _phrase("statue of limitations", 0, "statute"),
    _phrase("per say", 1, "se"),
    _phrase("one in the same", 1, "and"),
)


class MisheardPhrase(ContextRule):
    """A fixed phrase with a word that sounds right and is wrong: "sneak peak", "free reign".

    What it does: reports the wrong word of about twenty set phrases heard rather than read:
    sneak peek, piqued my interest, bear in mind, free rein, bated breath, wreak havoc, for all
    intents and purposes, deep-seated, toe the line, make do, case in point, statute of
    limitations, per se, one and the same.

    Why: the phrase is fixed, so the wrong word is wrong wherever it appears.

    Example: "Here is a sneak peak of the app." suggests "peek".

    Fix safety: unsafe; the author confirms.
    """

    id = "real-word.phrase"
    category = Category.REAL_WORD
    patterns = PATTERNS
