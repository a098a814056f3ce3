"""then/than: "then" after a comparative, "than" where time is meant.

Complexity: O(words) per document; each pattern looks only where its word occurs.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from copylint.core.finding import Category
from copylint.core.tokens import Tokens
from copylint.language.context import ANY_WORD, ContextMatch, ContextPattern, joined_words, of_class, word
from copylint.language.wordclass import WordClass
from copylint.rules.realword.guarded import ContextRule

_COMPARISON = "After a comparative, use “than”"
_TIME = "For time or sequence, use “then”"
_COMPARATIVE = of_class(
    WordClass.COMPARATIVE,
    unless=("further", "later", "sooner", "earlier", "after", "over", "under", "ever", "never", "however", "together"),
)
_CONSEQUENCE = "After a condition, the consequence opens with “then”"
_CONDITIONS = frozenset(("if", "when", "once", "unless"))
_SUBJECTS = frozenset(("i", "we", "you", "he", "she", "they", "it"))
_COMPARED = frozenset(("than", "more", "less", "fewer", "rather", "other"))
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
                WordClass.DETERMINER | WordClass.POSSESSIVE,
                also=("one", "two", "three", "ten", "half", "expected", "usual", "ever", "before"),
            ),
        ),
        1,
        "than",
        _COMPARISON,
    ),
    # "and than", "since than", "until than", "back than", "just than", "by than", "from than on"
    ContextPattern(
        (word("and", "since", "until", "till", "back", "just", "by", "from"), word("than", lower_case=True)),
        1,
        "then",
        _TIME,
    ),
    ContextPattern((word("than"), word("again")), 0, "then", _TIME),
)


class ThenThan(ContextRule):
    """ "then" where a comparison needs "than", or "than" where time is meant.

    What it does: reports "then" right after a word that can only be a comparative ("better
    then"), after "more"/"less" and an adjective ("more expensive then"), and in "rather then",
    "other then", and after "more", "less", "fewer" before a determiner or a possessive ("more
    then her colleagues"); and "than" after "and", "since", "until", "back", "just", "by", "from" or before
    "again", where it must be "then"; and "than" after the comma that closes a condition, before a
    subject ("If we want to eat, than we need money"). Otherwise words joined by punctuation never
    match ("faster, then").

    Why: one of the commonest slips in published prose, invisible to a spelling checker.

    Example: "It is more expensive then the others." suggests "than".

    Fix safety: unsafe; the author confirms.
    """

    id = "real-word.then-than"
    category = Category.REAL_WORD
    patterns = PATTERNS

    @classmethod
    def more_matches(cls, tokens: Tokens) -> Iterator[ContextMatch]:
        """ "If we want to eat, than we need money": "than" after the comma that closes a
        condition, before the subject of the consequence (never a comparison there)."""
        words, folded, text = tokens.words, tokens.folded, tokens.view.text
        for index in tokens.indices_of(("than",)):
            if index == 0 or index + 1 >= len(words) or not words[index].text.islower():
                continue
            if text[words[index - 1].end : words[index].start] != ", " or folded[index + 1] not in _SUBJECTS:
                continue
            first = _first_of_sentence(tokens, index)
            if not joined_words(tokens, index, index + 2) or folded[first] not in _CONDITIONS:
                continue
            if any(form in _COMPARED for form in folded[first:index]):
                continue  # "Unless it is more than you, than we like": a second comparison
            yield ContextMatch(index, "then", _CONSEQUENCE)


def _first_of_sentence(tokens: Tokens, index: int) -> int:
    """The index of the first word of the sentence that holds word ``index``."""
    start = tokens.words[index].start
    sentences = tokens.sentences
    found = bisect.bisect_right(sentences, start, key=lambda sentence: sentence.start) - 1
    if found < 0:
        return 0
    return bisect.bisect_left(tokens.words, sentences[found].start, key=lambda word: word.start)
