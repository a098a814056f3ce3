"""Subject and verb that disagree, in patterns that are safe: "he don't", "there is many reasons".

Complexity: O(words) per document; each pattern looks only where its word occurs.
"""

from __future__ import annotations

from copylint.core.finding import Category
from copylint.language.context import ContextPattern, word
from copylint.rules.realword.guarded import ContextRule

_SINGULAR = word("he", "she", "it", "everyone", "everybody", "nobody", "somebody", "someone", "anyone", "anybody")
_MANY = word(
    "many", "several", "numerous", "various", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "dozens", "hundreds", "thousands", "millions",
)  # fmt: skip
_PLURAL_HEAD = word(
    "more", "other", "new", "people", "ways", "reasons", "things", "times", "years", "days", "questions",
    "problems", "issues", "options", "examples", "changes", "steps", "parts", "kinds", "types",
)  # fmt: skip

_DOES_NOT = "With “he”, “she” or “it”, write “doesn't”"
PATTERNS = (
    ContextPattern((_SINGULAR, word("don't", lower_case=True)), 1, "doesn't", _DOES_NOT),
    ContextPattern((word("there"), word("is"), _MANY, _PLURAL_HEAD), 1, "are", "Before a plural, write “there are”"),
    ContextPattern((word("there"), word("was"), _MANY, _PLURAL_HEAD), 1, "were", "Before a plural, write “there were”"),
)


class Agreement(ContextRule):
    """A verb that does not agree with its subject, where the pattern is unambiguous.

    What it does: reports "don't" after "he", "she", "it" or "everyone" ("he don't know"), and
    "there is" or "there was" before a plural quantity and its noun ("there is many reasons",
    "there was two people"). "many a slip", "there is plenty of time" and speech in quotation
    marks ("“He don't know,” she said") are left alone.

    Why: agreement slips read as carelessness; only safe patterns are checked, so a finding is
    almost always right.

    Example: "She don't agree." suggests "doesn't".

    Fix safety: unsafe; the author confirms.
    """

    id = "grammar.agreement"
    category = Category.GRAMMAR
    patterns = PATTERNS
    in_quotations = False
