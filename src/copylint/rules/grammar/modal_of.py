"""could of, should of, would of, must of, might of: "have" heard as "of".

Complexity: O(words) per document; each pattern looks only where its word occurs.
"""

from __future__ import annotations

from copylint.core.finding import Category
from copylint.language.context import ContextPattern, Slot, forms, word
from copylint.rules.realword.guarded import ContextRule

_MODALS = word(
    "could",
    "should",
    "would",
    "must",
    "might",
    "may",
    "couldn't",
    "shouldn't",
    "wouldn't",
    "mustn't",
    "oughta",
    lower_case=True,  # "in May of 2015"
)
_REASON = "After “could”, “should” or “would”, write “have”"
_FOLLOWING = Slot(
    any_word=True,
    unless=forms("course", "necessity", "all", "which", "whom", "them", "us", "it", "this", "these", "those"),
)

PATTERNS = (ContextPattern((_MODALS, word("of"), _FOLLOWING), 1, "have", _REASON),)


class ModalOf(ContextRule):
    """ "could of", "should of", "would of": "have" written as it sounds.

    What it does: reports "of" right after a modal verb (could, should, would, must, might,
    may) and before a word: "could of been", "should of known", "would of not gone". "could of
    course", "most of which ... could, of all things" and a comma between are left alone.

    Why: a slip every copy desk fixes; no dictionary sees it.

    Example: "We could of been there." suggests "have".

    Fix safety: unsafe; the author confirms.
    """

    id = "grammar.modal-of"
    category = Category.GRAMMAR
    patterns = PATTERNS
