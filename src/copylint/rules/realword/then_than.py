"""then/than: "then" after a comparative, "than" where time is meant.

Complexity: O(words) per document; each pattern looks only where its word occurs.
"""

from __future__ import annotations

from copylint.core.finding import Category
from copylint.language.context import ANY_WORD, ContextPattern, of_class, word
from copylint.language.wordclass import WordClass
from copylint.rules.realword.guarded import ContextRule

_COMPARISON = "After a comparative, use “than”"
_TIME = "For time or sequence, use “then”"
_COMPARATIVE = of_class(
    WordClass.COMPARATIVE,
    unless=("further", "later", "sooner", "earlier", "after", "over", "under", "ever", "never", "however", "together"),
)
_DEGREE = word("more", "less", "fewer", "rather", "other", "greater", "smaller", "larger")

PATTERNS = (
    # "better then the rest", "larger then life": after a comparative
    ContextPattern((_COMPARATIVE, word("then"), ANY_WORD), 1, "than", _COMPARISON),
    # "more expensive then others", "less controversial then one would think"
    ContextPattern(
        (word("more", "less"), of_class(WordClass.ADJECTIVE | WordClass.ADVERB, unless=("and", "or")), word("then")),
        2,
        "than",
        _COMPARISON,
    ),
    # "rather then", "other then", "more then ten"
    ContextPattern((word("rather"), word("then")), 1, "than", _COMPARISON),
    ContextPattern((word("other"), word("then")), 1, "than", _COMPARISON, not_before=(word("each", "one", "the"),)),
    ContextPattern(
        (
            _DEGREE,
            word("then"),
            of_class(
                WordClass.DETERMINER, also=("one", "two", "three", "ten", "half", "expected", "usual", "ever", "before")
            ),
        ),
        1,
        "than",
        _COMPARISON,
    ),
    # "and than", "since than", "until than", "back than", "just than", "by than"
    ContextPattern((word("and", "since", "until", "till", "back", "just", "by"), word("than")), 1, "then", _TIME),
    ContextPattern((word("than"), word("again")), 0, "then", _TIME),
)


class ThenThan(ContextRule):
    """ "then" where a comparison needs "than", or "than" where time is meant.

    What it does: reports "then" right after a word that can only be a comparative ("better
    then"), after "more"/"less" and an adjective ("more expensive then"), and in "rather then",
    "other then"; and "than" after "and", "since", "until", "back", "just", "by" or before
    "again", where it must be "then". Words joined by punctuation never match ("faster, then").

    Why: one of the commonest slips in published prose, invisible to a spelling checker.

    Example: "It is more expensive then the others." suggests "than".

    Fix safety: unsafe; the author confirms.
    """

    id = "real-word.then-than"
    category = Category.REAL_WORD
    patterns = PATTERNS
