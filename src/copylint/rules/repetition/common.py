"""What the repetition rules share: the word lists that make a repeat legitimate, the quotation
index, and small text tests.

Complexity: the quotation index is built once per document in O(characters) and answers "is this
offset inside quotation marks?" by binary search, never by a scan of the paragraph.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence

from copylint.core.rule import RuleContext
from copylint.core.tokens import Word

# Doubles that are grammatical ("she had had enough") or idiomatic ("bye bye", "ha ha").
LEGITIMATE_DOUBLES = frozenset(
    """had can bye blah ha haha no so tut chop knock there now well cha tom yo dum hubba mahi pom tsk
    boo choo sing gee aye wah ta hush night yum yada yadda la da ho ooh oh uh bang tick ding dong din
    ping bla hip tra fa mew you her""".split()
)
# Idioms of the form "X and X" / "X or X" / "X, X" that are not slips.
IDIOMS = frozenset(
    """more less again over on round through neck by out up down in away back forth far near time
    bit little step inch year years day days week weeks hour hours mile miles minute minutes side
    better worse very ever on-and-on around further farther longer closer faster slower harder higher
    louder bigger smaller deeper wider""".split()
)
FUNCTION_WORDS = frozenset(
    """a an the this that these those it its i me my we us our you your he him his she her they them their
    is are was were be been being am do does did have has had will would shall should can could may might
    must to of in on at by for with from as than then so and or but if when where why how what who which
    not no yes all any some each every both either neither one two three here there now just also very""".split()
)


class QuotationIndex:
    """Where the quotation marks of a prose text are, by block (blocks end at a blank line), so
    that "is this offset inside quotes?" costs O(log n) instead of a scan of its block."""

    def __init__(self, text: str) -> None:
        self._breaks = [match.start() for match in _BLANK_LINE.finditer(text)]
        self._marks = {mark: [m.start() for m in re.finditer(mark, text)] for mark in ("“", "”", '"', "‘")}

    def _block(self, offset: int) -> tuple[int, int]:
        before = bisect.bisect_right(self._breaks, offset - 2) - 1
        after = bisect.bisect_left(self._breaks, offset)
        start = self._breaks[before] + 2 if before >= 0 else 0
        return start, self._breaks[after] if after < len(self._breaks) else sys.maxsize

    def _count(self, mark: str, start: int, end: int) -> int:
        positions = self._marks[mark]
        return bisect.bisect_left(positions, end) - bisect.bisect_left(positions, start)

    def inside(self, offset: int) -> bool:
        """Whether ``offset`` lies inside double quotation marks opened earlier in its block."""
        start, _ = self._block(offset)
        opened, closed = self._count("“", start, offset), self._count("”", start, offset)
        return opened > closed or self._count('"', start, offset) % 2 == 1

    def in_block(self, offset: int) -> bool:
        """Whether the block around ``offset`` holds any quotation mark (dialogue)."""
        start, end = self._block(offset)
        return any(self._count(mark, start, end) for mark in self._marks)


_BLANK_LINE = re.compile(r"(?=\n\n)")


def quotation_index(ctx: RuleContext) -> QuotationIndex:
    """The document's quotation index, built once and shared by the repetition rules."""
    return ctx.shared("repetition.quotes", lambda: QuotationIndex(ctx.view.text))


def spaced(text: str, words: Sequence[Word], start: int, end: int) -> bool:
    """Whether words[start:end] exist and are separated by spaces only."""
    if end > len(words):
        return False
    return all(text[words[i].end : words[i + 1].start].isspace() for i in range(start, end - 1))


def one_line(text: str) -> str:
    """``text`` with every run of whitespace made one space, for messages."""
    return " ".join(text.split())
