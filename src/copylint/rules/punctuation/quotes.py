"""Double quotation marks: each mark read as opening or closing from what stands either side of it,
then paired, nested and carried over paragraphs.

Complexity: one scan over the quotation marks of the prose, O(characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span

_MARKS = re.compile(r'[“”"]')
_ATTRIBUTE_VALUE = re.compile(r'="(?:[^"\\\n]|\\.)*"')
_ATTRIBUTE_NAME = re.compile(r"(?:^|[\s{(\[<,;|])[^\W\d][\w.:-]*$")
"""A markup attribute, ``title="Text"`` in a tag, shortcode or attribute list: its value's quotes
are not quotation marks."""
_NAME_REACH = 40
_BEFORE_OPENING = frozenset(" \t\n\u00a0([{<—–-/‘“'`")
"""What may stand before an opening mark."""
_AFTER_CLOSING = frozenset(" \t\n\u00a0.,;:!?)]}>—–-/’'`")
"""What may follow a closing mark."""
_BRACKETS = frozenset("([{<‘“'")


class _Role(Enum):
    OPENS = "opens"
    CLOSES = "closes"
    NEITHER = "neither"


@dataclass(slots=True)
class _Open:
    offset: int
    block: int
    inner: int | None = None
    """Where the first quotation nested inside this one opened."""


class Quotes(Rule):
    """Unbalanced, doubled or reversed double quotation marks: “escape?”” or a quotation never closed.

    What it does: reads each double quotation mark, curly (“ ”) or straight ("), as opening or
    closing from what stands either side of it, and pairs them through the document. A doubled
    mark (””, or "" closing after a word) and a curly mark turned the wrong way (”This, or
    this.“ after a quotation) are reported with a fix; an opening mark never closed, or a closing
    mark with nothing open, is reported without one. A quotation inside a quotation written with
    double marks is reported at info: the inner one usually takes single marks.

    Why: a reader cannot tell where an unclosed quotation ends; a doubled or reversed mark is a
    slip left by editing or by smart-quote conversion.

    A quotation may run over several paragraphs, with or without the convention of reopening
    each paragraph with “, and may hold a quotation in a later paragraph. Inch and second marks
    after a number (20" wide), the quotes of a markup attribute (title="Text"), an escaped mark
    (\\"), an empty string (""), a mark escaped by doubling it (""Hi!"" in a CSV field) and
    triple quotes are not quotation marks; a straight mark with spaces both sides closes a
    straight quotation left open in its paragraph ("per day: "), or else is left alone. Single
    quotes are left alone because ’ is also the apostrophe.

    Example: "He asked “escape?”” and left." becomes "He asked “escape?” and left.".

    Fix safety: safe for a doubled or reversed mark (delete it, or turn it); none otherwise.
    """

    id = "punctuation.quotes"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        markup = _attribute_quotes(text)
        pairing = _Pairing(ctx)
        found = pairing.found
        run_end = 0
        for match in _MARKS.finditer(text):
            start = match.start()
            if start < run_end:
                continue  # inside a run of straight marks, read as one
            end = run_end = _run_end(text, start)
            if start and text[start - 1] == "\\":
                start += 1  # \" is a mark escaped in a string, not a quotation mark
            if start == end or start in markup:
                continue
            if end - start > 1:
                offset, doubled = _straight_run(text, start, end, pairing.straight_open(start))
                if doubled:
                    found.append(_doubled(ctx, start + 1))
                if offset is not None:
                    pairing.read(offset)
            elif text[start] != '"' and text[start - 1 : start] == text[start] != text[start - 2 : start - 1]:
                found.append(_doubled(ctx, start))  # ””
            else:
                pairing.read(start)
        pairing.finish()
        return iter(found)


class _Pairing:
    """The quotations open at a point of one pass over a document's marks."""

    def __init__(self, ctx: RuleContext) -> None:
        self.ctx = ctx
        self.stack: list[_Open] = []
        self.loose: dict[int, int] = {}
        """Per paragraph, a straight mark standing between spaces, unpaired (" text")."""
        self.found: list[Finding] = []

    def straight_open(self, offset: int, block: int | None = None) -> bool:
        """Whether a straight quotation is open in the paragraph of ``offset`` (or ``block``)."""
        if not self.stack:
            return False
        block = self.ctx.view.block_index(offset) if block is None else block
        return any(opener.block == block and self.ctx.view.text[opener.offset] == '"' for opener in self.stack)

    def read(self, offset: int) -> None:
        """Open or close a quotation at the mark at ``offset``; note what is wrong with it."""
        view, text, stack = self.ctx.view, self.ctx.view.text, self.stack
        mark, block = text[offset], view.block_index(offset)
        role = _role(text, offset, self.straight_open(offset, block))
        if role is _Role.NEITHER:
            if mark == '"' and text[offset - 1 : offset].isspace():
                self.loose[block] = offset
            return
        if role is _Role.OPENS:
            if mark == "”":
                self.found.append(_reversed(self.ctx, offset, "“"))
            if stack and stack[-1].block != block and view.starts_block(offset):
                stack.clear()  # a long quotation, reopened at each paragraph
            if stack and stack[-1].block == block and stack[-1].inner is None:
                stack[-1].inner = offset
            stack.append(_Open(offset, block))
            return
        if mark == "“":
            self.found.append(_reversed(self.ctx, offset, "”"))
        if not stack:
            if mark != "“" and self.loose.pop(block, None) is None:
                message = f"{mark} closes a quotation that was never opened."
                self.found.append(self.ctx.finding(Span(offset, offset + 1), message))
            return
        closed = stack.pop()
        if closed.inner is not None and closed.block == block:
            message = f"{text[closed.inner]} opens a quotation inside a quotation: use single marks (‘ ’) inside."
            self.found.append(
                self.ctx.finding(Span(closed.inner, closed.inner + 1), message).with_severity(Severity.INFO)
            )

    def finish(self) -> None:
        """Note the quotations still open at the end of the document."""
        for opener in self.stack:
            mark = self.ctx.view.text[opener.offset]
            self.found.append(self.ctx.finding(Span(opener.offset, opener.offset + 1), f"{mark} is never closed."))


def _doubled(ctx: RuleContext, offset: int) -> Finding:
    """The finding for the mark at ``offset`` repeating the one before it."""
    mark = ctx.view.text[offset]
    return ctx.finding(
        Span(offset - 1, offset + 1),
        f"Doubled quotation mark “{mark}{mark}”.",
        edits=(ProseEdit(Span(offset, offset + 1), ""),),
        applicability=Applicability.SAFE,
        fix_title="Delete the extra mark",
    )


def _reversed(ctx: RuleContext, offset: int, right: str) -> Finding:
    role = "opens" if right == "“" else "closes"
    return ctx.finding(
        Span(offset, offset + 1),
        f"{ctx.view.text[offset]} {role} this quotation: it is written {right}.",
        edits=(ProseEdit(Span(offset, offset + 1), right),),
        applicability=Applicability.SAFE,
        fix_title=f"Replace with “{right}”",
    )


def _run_end(text: str, start: int) -> int:
    """Where the run of marks at ``start`` ends: after one curly mark, or after all straight ones."""
    end = start + 1
    if text[start] == '"':
        while end < len(text) and text[end] == '"':
            end += 1
    return end


def _straight_run(text: str, start: int, end: int, straight_open: bool) -> tuple[int | None, bool]:
    """Which mark of a run of straight marks to read, if any, and whether the run is a doubled
    closing mark. Two after a word and before no word close once, doubled ("mine,""); otherwise
    two are an empty string or an escaped mark (""Hi); three inside a quotation are an escaped
    mark and the closing one, and triple quotes otherwise."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if end - start == 2:
        doubled = not before.isspace() and before not in _BRACKETS and before not in "=:" and not after.isalnum()
        return (start, True) if doubled else (None, False)
    if end - start == 3 and straight_open:
        return end - 1, False
    return None, False


def _attribute_quotes(text: str) -> set[int]:
    """Where the quotation marks of markup attributes (``key="value"``) are."""
    quotes: set[int] = set()
    for value in _ATTRIBUTE_VALUE.finditer(text):
        start = value.start()
        if _ATTRIBUTE_NAME.search(text[max(start - _NAME_REACH, 0) : start]):
            quotes.update((start + 1, value.end() - 1))
    return quotes


def _role(text: str, offset: int, straight_open: bool) -> _Role:
    """Whether the mark at ``offset`` opens or closes a quotation, from what stands either side of
    it: a mark after a space and before a word opens, one after a word and before a space or a
    punctuation mark closes. A curly mark keeps its own direction unless its sides say the other
    clearly (”This; end.“ -); a straight one between a digit and a space is an inch mark unless a
    straight quotation is open; one with spaces or letters both sides closes a straight quotation
    open in its paragraph, and otherwise is neither (spaces) or opens (letters)."""
    mark = text[offset]
    before = text[offset - 1] if offset else "\n"
    after = text[offset + 1] if offset + 1 < len(text) else "\n"
    left = before in _BEFORE_OPENING and not after.isspace()
    right = not before.isspace() and (after in _AFTER_CLOSING or after in '“”"')
    if mark == "“":
        return _Role.CLOSES if right and before not in _BRACKETS else _Role.OPENS
    if mark == "”":
        return _Role.OPENS if before in _BEFORE_OPENING and after.isalnum() else _Role.CLOSES
    if before.isdigit() and not straight_open:
        return _Role.NEITHER  # 20" wide
    if left != right:
        return _Role.OPENS if left else _Role.CLOSES
    if before.isspace() and after.isspace():
        return _Role.CLOSES if straight_open else _Role.NEITHER  # "a string " or the " character
    return _Role.CLOSES if straight_open else _Role.OPENS
