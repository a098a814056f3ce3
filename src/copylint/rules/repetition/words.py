"""``repetition.word``: the same word typed twice in a row ("the the").

Complexity: O(words); only a word whose next word has the same form is looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span
from copylint.core.tokens import Word
from copylint.rules.repetition.common import LEGITIMATE_DOUBLES

# "that that" is grammatical when the second is a pronoun ("he said that that was fine"), not when
# a noun phrase follows ("confident that that this will work").
_NOT_AFTER_THAT_THAT = frozenset(
    "the a an this these those their his its our my your we i you they he she it there".split()
)
# "is is" is grammatical after "it", "what" or "whatever" ("what it is is a mess").
_BEFORE_IS_IS = frozenset({"it", "what", "whatever"})
# Names that are also words: "Will will wait", "May may come".
_NAME_HOMOGRAPHS = frozenset("will may mark bill rob pat sue grant hope joy rose june art frank jack bob".split())
_OPENING_QUOTES = "\"'“‘«"


class DoubledWord(Rule):
    """A word typed twice in a row: "a a fantasy", "the the".

    What it does: flags two identical words (ignoring case) separated only by whitespace, even
    across a line break or inline markup ("the *the*"). It never looks across a paragraph,
    heading or table cell boundary.

    Why: a doubled word is one of the commonest slips in edited copy, and the eye skips it.

    Across sentence punctuation it reports only words that cannot end a sentence ("of the. The").

    Stays quiet on grammatical doubles ("she had had enough", "he said that that was fine", "what
    it is is"), reduplicated interjections ("bye bye", "ha ha"), emphatic doubles in quotes ("done
    done") or in threes, numbers, and doubled capitalised names ("Walla Walla") except at the start
    of a sentence ("The The").

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
        for index in ctx.tokens.recurring_within(1):
            first, second = words[index], words[index + 1]
            if not _adjacent_copies(text, first, second):
                continue
            if _is_legitimate(ctx, words, index) or _is_deliberate(text, words, index):
                continue
            span = Span(first.start, second.end)
            delete = ProseEdit(Span(first.end, second.end), "")
            yield ctx.finding(
                span,
                f"Doubled word: “{first.text} {second.text}”.",  # noqa: RUF001
                edits=(delete,),
                applicability=Applicability.UNSAFE,
                fix_title=f"Delete the second “{second.text}”",
            )


# Words that cannot end a sentence or clause: "of the. The" is a slip even across punctuation.
CANNOT_END = frozenset("the a an of to for with from by and or but nor my your our their its".split())
_CLAUSE_PUNCTUATION = re.compile(r"[ \t]*[.,;:][ \t\n]+")


def _adjacent_copies(text: str, first: Word, second: Word) -> bool:
    if first.text.casefold() != second.text.casefold():
        return False
    gap = text[first.end : second.start]
    if "\n\n" in gap or not gap:
        return False
    if gap.isspace():
        return True
    return first.text.casefold() in CANNOT_END and bool(_CLAUSE_PUNCTUATION.fullmatch(gap))


def _is_deliberate(text: str, words: Sequence[Word], index: int) -> bool:
    """Emphatic doubling: a quoted “done done”, or three or more copies (“help help help”)."""
    if words[index].start > 0 and text[words[index].start - 1] in _OPENING_QUOTES:
        return True
    if index > 0 and _adjacent_copies(text, words[index - 1], words[index]):
        return True
    return index + 2 < len(words) and _adjacent_copies(text, words[index + 1], words[index + 2])


def _is_legitimate(ctx: RuleContext, words: Sequence[Word], index: int) -> bool:
    first, second = words[index].text, words[index + 1].text
    folded = first.casefold()
    if not any(char.isalpha() for char in first):
        return True
    if first[:1].isupper() and second[:1].isupper():
        # "Walla Walla", "Bora Bora": a doubled name, unless the sentence starts with it ("The The").
        return not ctx.tokens.starts_sentence(words[index])
    if first[:1].isupper() and folded in _NAME_HOMOGRAPHS:
        return True
    if folded == "that":
        following = words[index + 2].text.casefold() if index + 2 < len(words) else ""
        return following not in _NOT_AFTER_THAT_THAT
    if folded == "is":
        return index > 0 and words[index - 1].text.casefold() in _BEFORE_IS_IS
    return folded in LEGITIMATE_DOUBLES
