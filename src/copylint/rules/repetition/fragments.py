"""``repetition.fragment``: words or a sentence typed twice in a row ("on the on the table").

Complexity: O(words). Each word is tried against a window of at most twelve words, and only at
the sizes where its word recurs inside that window (``Tokens.next_same``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.quotes import quotation_index
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span
from copylint.core.tokens import Word
from copylint.rules.repetition.common import FRAGMENT_MAX, FUNCTION_WORDS, IDIOMS, line_around, one_line, spaced

_SENTENCE_GAP = re.compile(r"[.;:]?[\"”’)]*\s+")


class RepeatedFragment(Rule):
    """Words or a sentence typed twice in a row: "on the on the table", "Vanya’s relatives. Vanya’s relatives."

    What it does: finds two to twelve words repeated right after themselves, separated by spaces
    or by the punctuation that ends the first copy.

    Why: a paste or an undo that went wrong leaves a stutter that no spelling or grammar check
    sees.

    Stays quiet inside quotation marks and after "!" or "?" (dialogue repeats itself on purpose:
    “Come in. Come in.”, “No room! No room!”), on refrains (a third copy), when markup separates
    the copies (an image and its caption), when the next sentence merely picks the phrase up
    ("read your code. Your code is ..."), and on a capitalised line without closing punctuation
    shown twice, each copy a line of its own (a sample of type: "Loose spacing⏎Loose spacing").

    Example: "hatched by Vanya’s relatives. Vanya’s relatives. For" loses the second copy.

    Fix safety: unsafe; the fix deletes the second copy.
    """

    id = "repetition.fragment"
    category = Category.REPETITION
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        words = ctx.tokens.words
        folded = ctx.tokens.folded
        resume = 0
        for index in ctx.tokens.recurring_within(FRAGMENT_MAX):  # a copy's first word recurs soon
            if index < resume:
                continue
            size = self._repeat_at(ctx, words, folded, index)
            if not size:
                continue
            second = index + size
            first_end = _copy_end(text, words[second - 1].end)
            second_end = _copy_end(text, words[second + size - 1].end)
            if quotation_index(ctx).inside(words[index].start):
                resume = second
                continue
            yield ctx.finding(
                Span(words[index].start, second_end),
                f"Repeated text: “{one_line(text[words[index].start : first_end])}” appears twice in a row.",
                edits=(ProseEdit(Span(first_end, second_end), ""),),
                applicability=Applicability.UNSAFE,
                fix_title="Delete the second copy",
            )
            resume = second + size

    def _repeat_at(self, ctx: RuleContext, words: Sequence[Word], folded: Sequence[str], index: int) -> int:
        text = ctx.view.text
        largest = min(FRAGMENT_MAX, (len(words) - index) // 2)
        # the sizes at which the first word comes again (a copy starts there), largest first
        sizes: list[int] = []
        ahead, next_same = 0, ctx.tokens.next_same
        while (ahead := ahead + next_same[index + ahead]) <= largest:
            sizes.append(ahead)
        for size in reversed(sizes):
            if size < 2:
                continue
            second = index + size
            copy = folded[index:second]
            if copy != folded[second : second + size]:
                continue
            if not (spaced(text, words, index, second) and spaced(text, words, second, second + size)):
                continue
            gap = text[words[second - 1].end : words[second].start]
            if "\n\n" in gap or not _SENTENCE_GAP.fullmatch(gap):
                continue
            third = second + size
            cycle = index > 0 and folded[index - 1] == copy[-1]
            if (third < len(words) and folded[third] == copy[0]) or cycle:
                return 0  # a refrain: "again. And again. And again.", "trackers upon trackers upon trackers"
            if copy[-1] in ("and", "or") or ("and" in copy and any(word in IDIOMS for word in copy)):
                return 0  # "X and X and" is repetition.phrase's; "round and round and" an idiom
            span = Span(words[index].start, words[third - 1].end)
            if ctx.view.scope_at(span.start) != ctx.view.scope_at(span.end - 1) or not ctx.view.is_verbatim(
                span, ctx.document
            ):
                return 0  # markup between the copies: a caption under its image, *the Lab* in italics
            if "\n" in gap and gap.isspace() and _line_shown_twice(text, words[index], words[third - 1]):
                return 0  # a sample line, shown twice on purpose
            if not gap.isspace() and not _ends_unit(text, words[third - 1].end):
                continue  # "your code. Your code is": the next sentence picks the phrase up
            if gap.isspace() and size == 2 and not all(word in FUNCTION_WORDS for word in copy):
                continue  # "as big as big can be", "hand in hand in", "a spade a spade"
            return size
        return 0


def _line_shown_twice(text: str, first: Word, last: Word) -> bool:
    """Whether the two copies, from ``first`` to ``last``, are two whole lines that start with a
    capital and end without punctuation."""
    line_start, line_end = line_around(text, first.start, last.end)
    rest = text[last.end : line_end]
    return first.text[:1].isupper() and not text[line_start : first.start].strip() and not rest.strip()


def _ends_unit(text: str, offset: int) -> bool:
    """Whether sentence punctuation, or the end of the block, follows ``offset``."""
    rest = text[offset : offset + 3]
    return not rest.strip() or rest[0] in ".!?" or rest.startswith("\n\n")


def _copy_end(text: str, offset: int) -> int:
    """The end of a copy: after its closing punctuation and quotes, before the space."""
    while offset < len(text) and text[offset] in '.!?;:,"”’)':
        offset += 1
    return offset
