"""Repetition: words and phrases typed twice.

Complexity: one pass over the document's words, O(words).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from copylint.finding import Applicability, Category, Finding, Severity
from copylint.rule import PlannedEdit, Rule, RuleContext
from copylint.source import Span
from copylint.tokens import Word

# Doubles that are grammatical ("she had had enough", "he said that that was fine") or idiomatic.
LEGITIMATE_DOUBLES = frozenset(
    """had that is do bye blah ha haha no so tut chop knock there now well cha tom yo dum hubba mahi
    pom tsk boo choo sing gee aye wah ta hush night yum yada yadda la da ho ooh oh uh bang tick
    ding dong din ping bla hip tra fa mew you her""".split()
)
_OPENING_QUOTES = "\"'“‘«"


class DoubledWord(Rule):
    """A word typed twice in a row: "a a fantasy", "the the".

    What it does: flags two identical words (ignoring case) separated only by whitespace, even
    across a line break or inline markup ("the *the*"). It never looks across a paragraph,
    heading or table cell boundary.

    Why: a doubled word is one of the commonest slips in edited copy, and the eye skips it.

    Stays quiet on grammatical doubles ("she had had enough", "that that"), reduplicated
    interjections ("bye bye", "ha ha"), numbers, and doubled capitalised names ("Walla Walla").

    Example: "a a fantasy" becomes "a fantasy".

    Fix safety: unsafe. The fix deletes the second copy and the space before it; the author may
    have meant another word.
    """

    id = "repetition.word"
    category = Category.REPETITION
    default_severity = Severity.ERROR
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        words = ctx.tokens.words
        for index in range(len(words) - 1):
            first, second = words[index], words[index + 1]
            if not _adjacent_copies(text, first, second):
                continue
            if _is_legitimate(first.text, second.text) or _is_deliberate(text, words, index):
                continue
            span = Span(first.start, second.end)
            delete = PlannedEdit(Span(first.end, second.end), "")
            yield ctx.finding(
                span,
                f"Doubled word: “{first.text} {second.text}”.",
                edits=(delete,),
                applicability=Applicability.UNSAFE,
                fix_title=f"Delete the second “{second.text}”",
            )


def _adjacent_copies(text: str, first: Word, second: Word) -> bool:
    if first.text.casefold() != second.text.casefold():
        return False
    gap = text[first.end : second.start]
    return bool(gap) and gap.isspace() and "\n\n" not in gap


def _is_deliberate(text: str, words: Sequence[Word], index: int) -> bool:
    """Emphatic doubling: a quoted “done done”, or three or more copies (“help help help”)."""
    if words[index].start > 0 and text[words[index].start - 1] in _OPENING_QUOTES:
        return True
    if index > 0 and _adjacent_copies(text, words[index - 1], words[index]):
        return True
    return index + 2 < len(words) and _adjacent_copies(text, words[index + 1], words[index + 2])


def _is_legitimate(first: str, second: str) -> bool:
    if not any(char.isalpha() for char in first):
        return True
    if second[:1].isupper():
        return True
    return first.casefold() in LEGITIMATE_DOUBLES
