"""``repetition.phrase``: a word or phrase repeated around "and", "or" or a comma ("realism and
realism").

Complexity: O(words). Each word is tried against a window of at most four words, and only where
its word recurs inside that window (``Tokens.next_same``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.quotes import QuotationIndex, quotation_index
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span
from copylint.core.tokens import Word
from copylint.rules.repetition.common import (
    FUNCTION_WORDS,
    IDIOMS,
    LEGITIMATE_DOUBLES,
    one_line,
    spaced,
)

_INTERJECTIONS = LEGITIMATE_DOUBLES | frozenset(
    "yes no well now there come oh ah go wait please stop run help never so too really much many long far"
    " quick quickly slowly softly gently hush poor dear".split()
)
_MAX_PHRASE = 4
_MULTIWORD_IDIOMS = frozenset({"so on", "for ever", "over and over", "again and again", "by and by"})


class DoubledPhrase(Rule):
    """A word or phrase repeated around "and", "or" or a comma: "realism and realism".

    What it does: finds X and X, X or X, and X, X where X is one to four words (the same words,
    ignoring case), within one sentence.

    Why: the leftover of an edit ("the realism and realism and authenticity") reads as a
    stutter, and a spelling or doubled-word check cannot see it.

    Stays quiet on idioms ("more and more", "again and again", "over and over", "on and on",
    "through and through", "neck and neck", "by and by", "hours and hours", "very, very"),
    comparatives ("bigger and bigger"), one-word interjections repeated with a comma ("no, no"),
    and anything in quotation marks.

    "X, X" (two to four words) is reported at info: writers repeat on purpose ("look back, look
    back") as often as by mistake.

    Example: "the realism and realism and authenticity" becomes "the realism and authenticity".

    Fix safety: unsafe; the fix deletes the conjunction and the second copy.
    """

    id = "repetition.phrase"
    category = Category.REPETITION
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        words = ctx.tokens.words
        folded = ctx.tokens.folded
        quotes = quotation_index(ctx)
        resume = 0
        # a repeated phrase's first word recurs at most one phrase and a conjunction later
        for index in ctx.tokens.recurring_within(_MAX_PHRASE + 1):
            if index < resume:
                continue
            found = self._match(text, words, folded, index, quotes)
            if found is None:
                continue
            size, second = found
            first_copy_end = words[index + size - 1].end
            last = words[second + size - 1]
            copy = text[words[index].start : first_copy_end]
            joiner = text[first_copy_end : words[second].start]
            finding = ctx.finding(
                Span(words[index].start, last.end),
                f"Repeated phrase: “{one_line(copy + joiner + copy)}”.",
                edits=(ProseEdit(Span(first_copy_end, last.end), ""),),
                applicability=Applicability.UNSAFE,
                fix_title="Delete the repeated copy",
            )
            # "X, X" is as often a figure of speech as a slip: reported, but only as info
            yield finding.with_severity(Severity.INFO) if second == index + size else finding
            resume = second + size

    def _match(
        self, text: str, words: Sequence[Word], folded: Sequence[str], index: int, quotes: QuotationIndex
    ) -> tuple[int, int] | None:
        """(size, start of the second copy) of a repeated phrase starting at ``index``."""
        first = folded[index]
        for size in range(_MAX_PHRASE, 0, -1):
            after = index + size
            if after + size > len(words):
                continue
            # cheap test first: the second copy starts right after, or after "and"/"or"
            if folded[after] != first and not (
                folded[after] in ("and", "or") and after + 1 < len(words) and folded[after + 1] == first
            ):
                continue
            if not spaced(text, words, index, after):
                continue
            phrase = folded[index:after]
            gap = text[words[after - 1].end : words[after].start]
            second = -1
            if gap.strip() == "," and "\n\n" not in gap:
                second = after
            elif gap.isspace() and "\n\n" not in gap and folded[after] in ("and", "or") and after + 1 < len(words):
                if text[words[after].end : words[after + 1].start].isspace():
                    second = after + 1
            if second < 0 or folded[second : second + size] != phrase or not spaced(text, words, second, second + size):
                continue
            if self._legitimate(text, words, folded, index, size, second, quotes):
                continue
            return size, second
        return None

    def _legitimate(
        self,
        text: str,
        words: Sequence[Word],
        folded: Sequence[str],
        index: int,
        size: int,
        second: int,
        quotes: QuotationIndex,
    ) -> bool:
        end = second + size
        following = folded[end] if end < len(words) else ""
        after_copy = text[words[end - 1].end : words[end].start] if end < len(words) else ""
        if following in ("not", "n't") or after_copy.startswith("-"):
            return True  # "is or is not", "shadow or shadow-mask"
        if index > 0 and folded[index - 1] in ("between", "from", "for", "ever"):
            return True  # "between friend and friend"
        if " ".join(folded[index : index + size]) in _MULTIWORD_IDIOMS:
            return True
        if second == index + size:  # the comma form: "X, X"
            if size == 1 or quotes.in_block(words[index].start):
                return True  # one-word or in dialogue: "no, no", "look back, look back"
            return False
        # the conjunction form: a slip leaves the copy inside a list ("realism and realism and ...")
        if following not in ("and", "or") and not after_copy.strip().startswith(","):
            return True
        if folded[end + 1 : end + 1 + size] == folded[index : index + size]:
            return True  # "look and look and look": deliberate
        word = folded[index]
        if size == 1 and (_idiomatic(word, comma=False) or word in FUNCTION_WORDS or words[index].text[:1].isupper()):
            return True
        if size == 1 and (word.endswith(("ed", "ing")) or (word.endswith("s") and not word.endswith("ss"))):
            return True  # "turned and turned", "hours and hours"
        return quotes.inside(words[index].start)


def _idiomatic(word: str, comma: bool) -> bool:
    if word in IDIOMS or word in _INTERJECTIONS or word.endswith("er"):
        return True
    return comma and len(word) < 4
