"""A reporting verb run into its participle: "said adding" for "said, adding".

Complexity: O(words) per document; each pattern looks only where its word occurs.
"""

from __future__ import annotations

from copylint.core.finding import Category
from copylint.language.context import ContextPattern, word
from copylint.rules.realword.guarded import ContextRule

_REPORTING = ("said", "says", "stated", "states", "noted", "notes", "added", "explained", "wrote", "announced", "told")
_PARTICIPLE = word("adding", "noting", "saying", "explaining", "stating", "calling", "citing", "arguing", "urging")
PATTERNS = tuple(
    ContextPattern((word(verb, lower_case=True), _PARTICIPLE), 0, f"{verb},", "A comma sets off the participle")
    for verb in _REPORTING
)


class ReportingComma(ContextRule):
    """A reporting verb run into the participle that follows it: "the minister said adding".

    What it does: reports "said", "stated", "noted", "explained" and other reporting verbs
    directly followed by "adding", "noting", "saying", "calling" and the like, which need a
    comma between them.

    Why: without the comma the participle seems to be what was said.

    Example: "The mayor said adding that the road would reopen." suggests "said,".

    Fix safety: unsafe; the author confirms.
    """

    id = "grammar.reporting-comma"
    category = Category.GRAMMAR
    patterns = PATTERNS
