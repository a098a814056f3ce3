"""Where a prose text's quotation marks are: "is this offset inside quotes?" for rules that leave
quoted speech alone (dialect, someone else's words) or judge it differently.

Complexity: built once per document in O(characters); each question is a binary search, never a
scan of the paragraph.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence

from copylint.core.rule import RuleContext
from copylint.core.source import Span


class QuotationIndex:
    """Where the quotation marks of a prose text are, by block, so that "is this offset inside
    quotes?" costs O(log n) instead of a scan of its block. Blocks are the view's (paragraphs,
    list items, a quotation's lines), or, for a bare text, the runs between blank lines."""

    def __init__(self, text: str, blocks: Sequence[Span] | None = None) -> None:
        if blocks is None:
            breaks = [match.start() for match in _BLANK_LINE.finditer(text)]
            self._starts = [0] + [offset + 2 for offset in breaks]
            self._ends = [*breaks, sys.maxsize]
        else:
            self._starts = [block.start for block in blocks]
            self._ends = [block.end for block in blocks]
        self._marks = {mark: [m.start() for m in re.finditer(mark, text)] for mark in ("“", "”", '"', "‘")}

    def _block(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return 0, 0
        return self._starts[index], self._ends[index]

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
    """The document's quotation index, built once and shared by every rule that asks."""
    return ctx.shared("quotes", lambda: QuotationIndex(ctx.view.text, ctx.view.blocks))
