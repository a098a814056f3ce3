"""Double negatives: "can't hardly", "couldn't barely".

Complexity: O(words) per document; each pattern looks only where its word occurs.
"""

from __future__ import annotations

from copylint.core.finding import Category
from copylint.language.context import ContextPattern, word
from copylint.rules.realword.guarded import ContextRule

_POSITIVE = {"can't": "can", "cannot": "can", "couldn't": "could", "won't": "will", "wouldn't": "would",
             "don't": "do", "didn't": "did", "doesn't": "does"}  # fmt: skip
PATTERNS = tuple(
    ContextPattern(
        (word(negative), word("hardly", "barely", "scarcely")),
        0,
        positive,
        "“Hardly” is already negative: drop the “not”",
    )
    for negative, positive in _POSITIVE.items()
)


class DoubleNegative(ContextRule):
    """A negative verb before "hardly", "barely" or "scarcely": "can't hardly see".

    What it does: reports "can't", "couldn't", "don't", "didn't", "won't" and "wouldn't" right
    before "hardly", "barely" or "scarcely", which are negative already; not in quoted speech.

    Why: the double negative says the opposite of what is meant in edited English.

    Example: "I can't hardly hear you." suggests "can".

    Fix safety: unsafe; the author confirms.
    """

    id = "grammar.double-negative"
    category = Category.GRAMMAR
    patterns = PATTERNS
    in_quotations = False
