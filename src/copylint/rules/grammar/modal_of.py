"""could of, should of, would of, must of, might of: "have" heard as "of"."""

from __future__ import annotations

from copylint.core.finding import Category
from copylint.language.context import ContextPattern, of_class, word
from copylint.language.wordclass import WordClass
from copylint.rules.realword.guarded import ContextRule

_MODALS = word(
    "could", "should", "would", "must", "might", "may", "couldn't", "shouldn't", "wouldn't", "mustn't", "oughta"
)
_PARTICIPLE = of_class(
    WordClass.PAST_PARTICIPLE | WordClass.PAST,
    also=("been", "had", "done", "gone", "known", "seen", "got", "gotten"),
    unless=("course",),
)

PATTERNS = (
    ContextPattern((_MODALS, word("of"), _PARTICIPLE), 1, "have", "After “could”, “should” or “would”, write “have”"),
    ContextPattern(
        (_MODALS, word("of"), word("not", "never", "just", "already", "really"), _PARTICIPLE),
        1,
        "have",
        "After “could”, “should” or “would”, write “have”",
    ),
)


class ModalOf(ContextRule):
    """ "could of", "should of", "would of": "have" written as it sounds.

    What it does: reports "of" between a modal verb (could, should, would, must, might, may)
    and a past participle: "could of been", "should of known", "would of not gone". "could of
    course" is left alone.

    Why: a slip every copy desk fixes; no dictionary sees it.

    Example: "We could of been there." suggests "have".

    Fix safety: unsafe; the author confirms.
    """

    id = "grammar.modal-of"
    category = Category.GRAMMAR
    patterns = PATTERNS
