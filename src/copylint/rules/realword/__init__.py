"""Real-word errors: correct words that the context says are wrong.

Complexity: O(words) per document.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from copylint.core.finding import Category, Finding, Severity
from copylint.core.rule import Rule, RuleContext
from copylint.language.spelling.checker import shared_suggester
from copylint.language.spelling.realword import RealWordChecker, load_slip_table
from copylint.language.spelling.suggest import match_case


@lru_cache(maxsize=1)
def _checker() -> RealWordChecker:
    suggester = shared_suggester()
    assert suggester.bigrams is not None
    return RealWordChecker(suggester.lexicon, suggester.bigrams, load_slip_table())


class WordInContext(Rule):
    """A real word in the wrong place: "fining the universal" (finding), "more then" (than).

    What it does: for each word, considers the words it is often confused with ("their",
    "there", "they're"; "loose", "lose"; "than", "then"; "form", "from" ...) and, for a rare
    word, much more common words one letter away ("fining", "finding"). It reports the word
    only when a bigram language model has seen the alternative next to the neighbouring words,
    has never seen the written word there, and finds the alternative at least a thousand times
    more likely (a hundred times for a known confusion pair). Only words written rarely (a Zipf
    value under 3 in wordfreq's figures) are weighed: the bigram list is a sample, and missing
    "the gaol" or "was stared" from it says nothing against a common word.

    Why: a spelling checker cannot see these: every word is in the dictionary.

    Precision comes first: the rule stays quiet when the model has no evidence, so it misses
    many errors rather than flag correct prose.

    Example: "It is this quality of fining the universal" suggests "finding".

    Fix safety: unsafe; the author confirms the meaning.
    """

    id = "real-word.context"
    category = Category.REAL_WORD
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for issue in _checker().issues(ctx.tokens):
            suggestion = match_case(issue.word.text, issue.suggestion)
            yield ctx.replacement(
                issue.word.span, suggestion, f"“{issue.word.text}” looks wrong here: did you mean “{suggestion}”?"
            )
