"""Bracket pairing: round, square and curly brackets matched within and across paragraphs.

Complexity: one scan over the brackets of the prose, O(characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from copylint.core.finding import Category, Finding, Severity
from copylint.core.prose import PLACEHOLDER, ProseView
from copylint.core.rule import Rule, RuleContext
from copylint.core.source import Span

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {value: key for key, value in _OPENERS.items()}
_BRACKET = re.compile(r"[()\[\]{}\ufffc]")
_ENUMERATOR = re.compile(
    r"(?:\d{1,3}(?:\.\d{1,3})*[a-z]?|[^\W\d_]"
    r"|(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
    r"|(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))$"
)
"""What stands before the ")" of an enumerator: a number ("1", "2.1", "3a"), a letter, a roman numeral."""
_ENUMERATOR_SPAN = 12
_INTERVAL = re.compile(r"[^\s,;.!?()\[\]]{1,30}, ?[^\s,;.!?()\[\]]{1,30}$")
"""The inside of a half-open interval, "[key, range_end)" or "(0, 1]": two bounds and a comma."""
_EYES = (":-", ";-", "8-", ":", ";", "=")
_NEARBY_BLOCKS = 3
"""How many paragraphs a bracket pair may span (a parenthesis over the paragraphs of a list item)."""


@dataclass(slots=True)
class _Open:
    offset: int
    block: int
    quiet: bool
    """An opener never reported: part of a URL, or the ":(" of an emoticon."""


class UnbalancedBrackets(Rule):
    """A bracket without its partner: "(This is a test." or "[a (test} b".

    What it does: pairs round, square and curly brackets, and reports a closing bracket that does
    not match the one opened before it, a closing bracket with none open, and an opening bracket
    never closed. A pair may span lines, nest, and span up to three paragraphs (a parenthesis
    over the paragraphs of a list item).

    Why: a bracket left open or closed twice usually means a cut or a paste went wrong, and the
    reader cannot tell where the aside ends.

    Stays quiet on list enumerators ("1)", "a)", "iv)", "2.1)" at the start of a paragraph, line,
    heading or list item, after a tag, or after a space), on half-open intervals ("[key, end)"),
    on emoticons (":)", ":-(" after a space), and on brackets inside URLs. A curly bracket is
    rarely prose (code, JSON, a template): findings in a paragraph that holds one are info.

    Example: in "(This is a test." the "(" is reported as never closed.

    Fix safety: no fix; where the partner belongs is the author's call.
    """

    id = "punctuation.brackets"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        found: list[tuple[Span, str]] = []
        carried: list[_Open] = []
        for index, block in enumerate(ctx.view.blocks):
            stack: list[_Open] = []
            for match in _BRACKET.finditer(text, block.start, block.end):
                offset, char = match.start(), match.group()
                if char == PLACEHOLDER:
                    _close_from_code(ctx, offset, stack)
                elif char in _OPENERS:
                    stack.append(_Open(offset, index, ctx.tokens.in_url(offset) or _emoticon_opener(text, offset)))
                elif not _mouth_before_closer(text, offset):
                    found.extend(_close(ctx, block, index, offset, stack, carried))
            carried.extend(stack)
        found.extend(
            (Span(opener.offset, opener.offset + 1), f"“{text[opener.offset]}” is never closed.")
            for opener in carried
            if not opener.quiet
        )
        for span, message in sorted(found, key=lambda item: item[0].start):
            finding = ctx.finding(span, message)
            block = ctx.view.blocks[ctx.view.block_index(span.start)]
            yield finding.with_severity(Severity.INFO) if _holds_curly(text, block) else finding


def _close(
    ctx: RuleContext, block: Span, index: int, offset: int, stack: list[_Open], carried: list[_Open]
) -> Iterator[tuple[Span, str]]:
    """Pair the closing bracket at ``offset`` with the bracket open before it; yield what is wrong."""
    text, char = ctx.view.text, ctx.view.text[offset]
    if stack and (text[stack[-1].offset] == _CLOSERS[char] or _interval(text, stack[-1].offset, offset)):
        stack.pop()
        return
    if ctx.tokens.in_url(offset) or _emoticon(text, offset) or _enumerator(ctx.view, block.start, offset):
        return
    if stack:
        opener = stack.pop()
        if not opener.quiet:
            yield Span(offset, offset + 1), f"“{char}” does not match the “{text[opener.offset]}” opened before it."
    elif _carried_partner(carried, text, char, index) is None:
        yield Span(offset, offset + 1), f"Closing “{char}” without an opening one."


def _carried_partner(carried: list[_Open], text: str, closer: str, block: int) -> _Open | None:
    """The opener left open in one of the last few paragraphs that ``closer`` closes (removed
    from ``carried``), or None."""
    if carried and carried[-1].block >= block - _NEARBY_BLOCKS and text[carried[-1].offset] == _CLOSERS[closer]:
        return carried.pop()
    return None


def _close_from_code(ctx: RuleContext, offset: int, stack: list[_Open]) -> None:
    """Let the brackets an inline code span closes but never opens close the brackets open in the
    prose: in "(e.g. `f('a')`)" the ")" was typed inside the code, "`'a')`"."""
    if not stack:
        return
    source = ctx.view.to_source(Span(offset, offset + 1))
    code = ctx.document.text[source.start : source.end]
    if not code.startswith("`"):
        return
    opened: list[str] = []
    for char in _BRACKET.findall(code):
        if char in _OPENERS:
            opened.append(char)
        elif opened and opened[-1] == _CLOSERS[char]:
            opened.pop()
        elif stack and ctx.view.text[stack[-1].offset] == _CLOSERS[char]:
            stack.pop()


def _enumerator(view: ProseView, block_start: int, offset: int) -> bool:
    """Whether the ")" at ``offset`` closes a list enumerator: "1)", "b)", "iv)" standing at the
    start of a paragraph, line or heading, after markup (a tag, emphasis) or after a space."""
    text = view.text
    window = text[max(block_start, offset - _ENUMERATOR_SPAN) : offset]
    match = _ENUMERATOR.search(window)
    if match is None:
        return False
    start = offset - len(window) + match.start()
    if start == block_start or text[start - 1] in " \t\n(\u00a0":
        return True
    return _after_markup(view, start)


def _after_markup(view: ProseView, offset: int) -> bool:
    """Whether markup the prose leaves out (a tag, an emphasis mark) stands just before ``offset``."""
    here, before = view.segment_at(offset), view.segment_at(offset - 1)
    return here is not None and before is not None and here is not before and before.source_end < here.source_start


def _interval(text: str, opener: int, closer: int) -> bool:
    """Whether a "[" closed by ")" (or "(" by "]") writes a half-open interval: "[0, n)"."""
    return {text[opener], text[closer]} in ({"[", ")"}, {"(", "]"}) and bool(_INTERVAL.match(text, opener + 1, closer))


def _eyes(text: str, offset: int) -> int:
    """How many characters of emoticon eyes (":", ";-", "=") stand just before ``offset`` (0: none)."""
    before = text[max(offset - 2, 0) : offset]
    return next((len(eyes) for eyes in _EYES if before.endswith(eyes)), 0)


def _emoticon(text: str, offset: int) -> bool:
    """Whether the bracket at ``offset`` may be the mouth of an emoticon (":)", ";-(", "=]")."""
    return _eyes(text, offset) > 0


def _mouth_before_closer(text: str, offset: int) -> bool:
    """Whether the closing bracket at ``offset`` is an emoticon's mouth after a space with the
    bracket that closes the aside after it: "(… this example :) )"."""
    eyes = _eyes(text, offset)
    if not eyes or (offset > eyes and not text[offset - eyes - 1].isspace()):
        return False
    rest = text[offset + 1 : offset + 3].lstrip(" ")
    return rest[:1] == text[offset]


def _emoticon_opener(text: str, offset: int) -> bool:
    """Whether the opening bracket at ``offset`` is an emoticon's mouth (":(" after a space or
    before one), not a bracket opening after a colon ("screen:[link]")."""
    eyes = _eyes(text, offset)
    if not eyes:
        return False
    start = offset - eyes
    return start == 0 or text[start - 1].isspace() or offset + 1 == len(text) or text[offset + 1].isspace()


def _holds_curly(text: str, block: Span) -> bool:
    """Whether a paragraph holds a curly bracket: code, JSON or a template rather than prose."""
    return "{" in text[block.start : block.end] or "}" in text[block.start : block.end]
