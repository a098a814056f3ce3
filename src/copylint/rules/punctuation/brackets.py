"""Bracket pairing: round, square and curly brackets matched within each paragraph.

Complexity: one scan over the brackets of the prose, O(characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from copylint.core.finding import Category, Finding, Severity
from copylint.core.rule import Rule, RuleContext
from copylint.core.source import Span

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {value: key for key, value in _OPENERS.items()}
_BRACKET = re.compile(r"[()\[\]{}]")
_ENUMERATION = re.compile(r"(?:^|[\s(])(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})[a-z]?$")


class UnbalancedBrackets(Rule):
    """A bracket without its partner in the same paragraph: "(This is a test." or "[a (test} b".

    What it does: pairs round, square and curly brackets within each paragraph, and reports a
    closing bracket that does not match the one opened before it, a closing bracket with none
    open, and an opening bracket still open at the end of its paragraph.

    Why: a bracket left open or closed twice usually means a cut or a paste went wrong, and the
    reader cannot tell where the aside ends.

    Stays quiet on emoticons (":)", ":-("), enumerations ("1)", "a)", "iv)") and in URLs.

    Example: in "(This is a test." the "(" is reported as never closed.

    Fix safety: no fix; where the partner belongs is the author's call.
    """

    id = "punctuation.brackets"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        for block in ctx.view.blocks:
            stack: list[int] = []
            for match in _BRACKET.finditer(text, block.start, block.end):
                offset = match.start()
                char = text[offset]
                if ctx.tokens.in_url(offset) or _emoticon(text, offset):
                    continue
                if char in _OPENERS:
                    stack.append(offset)
                    continue
                if stack and text[stack[-1]] == _CLOSERS[char]:
                    stack.pop()
                    continue
                if stack:
                    opener = stack.pop()
                    yield ctx.finding(
                        Span(offset, offset + 1),
                        f"“{char}” does not match the “{text[opener]}” opened before it.",
                    )
                    continue
                if char == ")" and _ENUMERATION.search(text, block.start, offset):
                    continue
                yield ctx.finding(Span(offset, offset + 1), f"Closing “{char}” without an opening one.")
            for opener in stack:
                yield ctx.finding(Span(opener, opener + 1), f"“{text[opener]}” is never closed.")


def _emoticon(text: str, offset: int) -> bool:
    before = text[max(offset - 2, 0) : offset]
    return before.endswith((":", ";", ":-", ";-", "8-", "=")) and text[offset] in "()[]"
