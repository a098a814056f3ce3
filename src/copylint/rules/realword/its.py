"""its/it's: the possessive has no apostrophe; "it's" is "it is" or "it has"."""

from __future__ import annotations

from copylint.core.finding import Category
from copylint.language.context import ContextPattern, Slot, word
from copylint.language.wordclass import WordClass
from copylint.rules.realword.guarded import ContextRule

_POSSESSIVE = "The possessive is “its”"
_CONTRACTION = "“It is” or “it has” is written “it's”"
_PREPOSITION = word(
    "of",
    "in",
    "on",
    "with",
    "by",
    "from",
    "into",
    "onto",
    "at",
    "under",
    "within",
    "without",
    "through",
    "throughout",
    "upon",
    "toward",
    "towards",
)


PATTERNS = (
    # "it's own"
    ContextPattern((word("it's"), word("own")), 0, "its", _POSSESSIVE),
    # "of it's kind", "in it's place": after a preposition, before a word that can only be a noun
    ContextPattern(
        (_PREPOSITION, word("it's"), Slot(classes=WordClass.NOUN | WordClass.PLURAL_NOUN | WordClass.VERB, only=True)),
        1,
        "its",
        _POSSESSIVE,
    ),
    # "its a", "its been", "its not": words that follow "it is" or "it has", never a possessive
    ContextPattern(
        (
            word("its"),
            word(
                "a", "an", "not", "been", "gonna", "because", "probably", "likely", "really", "already", lower_case=True
            ),
        ),
        0,
        "it's",
        _CONTRACTION,
    ),
)


class ItsItIs(ContextRule):
    """ "it's" where the possessive "its" is meant, or "its" where "it is" is meant.

    What it does: reports "it's own", "it's" after a preposition and before a word that can
    only be a noun ("in it's place"), and "its" before words that only follow "it is" or "it
    has" ("its a", "its not", "its been"; never "its A list").

    Why: the commonest apostrophe error in English, and one readers notice.

    Example: "The company and it's employees" suggests "its".

    Fix safety: unsafe; the author confirms.
    """

    id = "real-word.its"
    category = Category.REAL_WORD
    patterns = PATTERNS
