"""their/there/they're and your/you're: possessives confused with "there" and contractions.

Complexity: O(words) per document; each pattern looks only where its word occurs.
"""

from __future__ import annotations

from collections.abc import Iterator

from copylint.core.finding import Category
from copylint.core.tokens import Tokens
from copylint.language.context import FINITE_VERBS, NOUN_ONLY, PREPOSITIONS, ContextMatch, ContextPattern, word
from copylint.language.unseen import load_unseen_after
from copylint.language.wordclass import load_word_classes
from copylint.rules.realword.apostrophes import ApostropheSet, swaps
from copylint.rules.realword.guarded import ContextRule

_THEIR = "The possessive is “their”"
_THERE = "To say that something exists, write “there”"
_YOUR = "The possessive is “your”"
_YOU_ARE = "“You are” is written “you're”"
SETS = (
    ApostropheSet("your", "you're", "Before a noun, the possessive is “your”", _YOU_ARE, plural=True),
    ApostropheSet("their", "they're", "Before a noun, the possessive is “their”", plural=True),
    ApostropheSet(
        "whose", "who's", "Before a noun, the possessive is “whose”", "“Who is” or “who has” is written “who's”"
    ),
)

PATTERNS = (
    ContextPattern((word("there", "they're"), word("own")), 0, "their", _THEIR),
    # "at there son", "on there shoulders": after a preposition, before a word that can only be a noun
    ContextPattern(
        (word(*PREPOSITIONS, unless=("in", "from", "near", "inside", "outside")), word("there"), NOUN_ONLY),
        1,
        "their",
        _THEIR,
    ),
    # "their is", "they're was": a verb never follows a possessive
    ContextPattern(
        (word("their", "they're"), word("is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't")),
        0,
        "there",
        _THERE,
    ),
    ContextPattern((word("you're"), word("own")), 0, "your", _YOUR),
    # "you're team is", "you're account was": a noun and its verb never follow "you are"
    ContextPattern((word("you're", lower_case=True), NOUN_ONLY, word(*FINITE_VERBS)), 0, "your", _YOUR),
    # "your a developer", "your gonna": words that follow "you are", never a possessive
    ContextPattern((word("your"), word("a", "an", "gonna", lower_case=True)), 0, "you're", _YOU_ARE),
)


class PossessiveConfusion(ContextRule):
    """ "there" or "they're" for "their", "their" for "there", "your" for "you're" and back.

    What it does: reports "there own" and "they're own"; "there" between a preposition and a
    word that can only be a noun ("at there house"); "their is", "their are", "they're was";
    "your" before words that only follow "you are" ("your a", "your gonna"); "you're own".
    "your" before a gerund is left alone: "your being late" is good English. As for "its", it
    also reads what openly licensed prose never writes: "they're", "you're" or "who's" between a
    preposition or a verb and a singular noun ("at they're office"), and "your" or "whose" before a
    word no noun phrase starts with and never seen after it ("your the best").

    Why: spelled right and wrong in place, so no spelling checker sees them.

    Example: "They went to there house." suggests "their".

    Fix safety: unsafe; the author confirms.
    """

    id = "real-word.possessive"
    category = Category.REAL_WORD
    patterns = PATTERNS

    @classmethod
    def more_matches(cls, tokens: Tokens) -> Iterator[ContextMatch]:
        return swaps(tokens, SETS, load_word_classes(), load_unseen_after())
